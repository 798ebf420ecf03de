#pragma once

#include <QDateTime>
#include <QWidget>
#include <cstdint>
#include <map>
#include <vector>

#include "spoed/v1/case.pb.h"
#include "spoed/v1/handover.pb.h"

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTimer;

namespace spoed::desk {

class DraftSender;
class Session;

/// A call taken while the server could not be reached, for a youth from the offline copy:
/// the form has no case yet. Sending opens the case (from the call's start) and logs the
/// contact in it, each with its own idempotency key, so that a retry writes each once.
struct NewCase {
    std::int64_t youth_id = 0;  // 0: a caller nobody knows (caller_description says who)
    QDateTime call_started;
    QString caller_description;
    QString call_id;  // for a caller nobody knows: names the call's draft (no youth to name it by)

    /// The draft slot of the call: "call/<youth>" or "call/unknown-<call_id>".
    QString slot() const {
        return youth_id != 0 ? QStringLiteral("call/%1").arg(youth_id) : QStringLiteral("call/unknown-") + call_id;
    }
};

/// Logs one call or visit, by keyboard alone: every field has a mnemonic, Tab moves on
/// (also out of the summary), the responses are check boxes with their own letters and
/// Ctrl+Return saves. A draft that cannot be sent stays here and goes when the server is back.
class ContactForm : public QWidget {
    Q_OBJECT
  public:
    ContactForm(Session& session, std::int64_t case_id, QWidget* parent = nullptr, NewCase new_case = NewCase());

    void setPlanVersion(int version);
    void setCallerPhone(const QString& phone);
    void setCallerRole(v1::CallerRole role);
    QComboBox* typeBox() const { return type_; }
    QComboBox* callerRoleBox() const { return caller_role_; }
    QLineEdit* phoneEdit() const { return phone_; }
    QDateTimeEdit* startedEdit() const { return started_; }
    QPlainTextEdit* summaryEdit() const { return summary_; }
    QCheckBox* responseBox(v1::Response r) const { return responses_.at(r); }
    QPushButton* saveButton() const { return save_; }
    QLabel* statusLabel() const { return status_; }
    DraftSender& draft() const { return *draft_; }
    QPushButton* callButton() const { return call_button_; }
    QLabel* callTimerLabel() const { return call_timer_label_; }
    /// Whether a call is being timed now.
    bool callRunning() const { return call_started_.isValid(); }

  public slots:
    /// The phone call begins: its start is the contact's start, a timer shows how long it runs,
    /// and saving takes the end from it.
    void startCall();
    /// The same for a call that began at `started` (the first key of the look-up).
    void startCallAt(const QDateTime& started);

    /// The case the contact is logged in; 0 while a new case is not opened yet.
    std::int64_t caseId() const { return case_id_; }
    /// The new case this form opens (as restored from a kept draft, too).
    const NewCase& newCase() const { return new_case_; }
    /// Whom a new case's call is about: the youth's name, or how the unknown caller was described.
    QString whoCalls() const;

  signals:
    void contactLogged(std::int64_t contact_id);
    /// A new case's form opened its case (before the contact is logged in it).
    void caseOpened(std::int64_t case_id);

  private:
    void send(const std::string& key);
    void logContact(const std::string& key);
    void clear();
    void showCallTime();

    Session& session_;
    std::int64_t case_id_;
    NewCase new_case_;
    QComboBox* type_;
    QComboBox* caller_role_;
    QLineEdit* phone_;
    QDateTimeEdit* started_;
    QCheckBox* until_now_;
    QPlainTextEdit* summary_;
    std::map<v1::Response, QCheckBox*> responses_;
    QSpinBox* plan_version_;
    QPushButton* save_;
    QLabel* status_;
    DraftSender* draft_;
    QPushButton* call_button_;
    QLabel* call_timer_label_;
    QTimer* call_timer_;
    QDateTime call_started_;         // invalid: no call timed now
    bool start_from_typing_ = true;  // the first word typed sets the start when no call was started
};

/// Asks the backup psychiatrist: the question and its urgency (kept like a contact draft).
class ConsultRequestForm : public QWidget {
    Q_OBJECT
  public:
    ConsultRequestForm(Session& session, std::int64_t case_id, QWidget* parent = nullptr);
    QPlainTextEdit* questionEdit() const { return question_; }
    QComboBox* urgencyBox() const { return urgency_; }
    QPushButton* sendButton() const { return send_; }
    QLabel* statusLabel() const { return status_; }
    DraftSender& draft() const { return *draft_; }

  signals:
    void consultRequested(std::int64_t consult_id);

  private:
    Session& session_;
    std::int64_t case_id_;
    QPlainTextEdit* question_;
    QComboBox* urgency_;
    QPushButton* send_;
    QLabel* status_;
    DraftSender* draft_;
};

/// Risk flags, problem areas, outcome and complexity of a case; closing it.
class CaseUpdateForm : public QWidget {
    Q_OBJECT
  public:
    CaseUpdateForm(Session& session, std::int64_t case_id, QWidget* parent = nullptr);
    void load(const v1::Case& c);
    QCheckBox* riskBox(v1::RiskFlag f) const { return risks_.at(f); }
    QComboBox* outcomeBox() const { return outcome_; }
    QPushButton* saveButton() const { return save_; }
    QPushButton* closeButton() const { return close_; }
    QLabel* statusLabel() const { return status_; }

  signals:
    void caseChanged();

  private:
    Session& session_;
    std::int64_t case_id_;
    std::map<v1::RiskFlag, QCheckBox*> risks_;
    QLineEdit* problem_areas_;
    QComboBox* outcome_;
    QComboBox* complexity_;
    QPushButton* save_;
    QPushButton* close_;
    QLabel* status_;
};

/// Starts a warm handover: the due time is previewed from the server before anything is
/// saved; the recipient comes from the partner directory or is typed in.
class HandoverForm : public QWidget {
    Q_OBJECT
  public:
    HandoverForm(Session& session, std::int64_t case_id, QWidget* parent = nullptr);
    void refresh();
    QComboBox* kindBox() const { return kind_; }
    QComboBox* organisationBox() const { return organisation_; }
    QLineEdit* nameEdit() const { return name_; }
    QLineEdit* contactEdit() const { return contact_; }
    QLineEdit* phoneEdit() const { return phone_; }
    QLabel* dueLabel() const { return due_; }
    QPushButton* startButton() const { return start_; }
    QLabel* statusLabel() const { return status_; }
    QLabel* listLabel() const { return list_; }

  signals:
    void handoverStarted(std::int64_t handover_id);

  private:
    void loadOrganisations();

    Session& session_;
    std::int64_t case_id_;
    QComboBox* kind_;
    QComboBox* organisation_;
    QLineEdit* name_;
    QLineEdit* contact_;
    QLineEdit* phone_;
    QLineEdit* legal_ground_;
    QLabel* due_;
    QPushButton* start_;
    QLabel* status_;
    QLabel* list_;
    DraftSender* draft_;
    std::vector<v1::Organisation> organisations_;
};

}  // namespace spoed::desk
