#pragma once

#include <QDateTime>
#include <QWidget>
#include <cstdint>

#include "spoed/v1/case.pb.h"

class QLabel;
class QPushButton;
class QTabWidget;
class QTextBrowser;
class QTreeWidget;

namespace spoed::desk {

struct NewCase;
class CaseUpdateForm;
class ConsultRequestForm;
class ContactForm;
class HandoverForm;
class MeldcodeForm;
class Session;

/// One case: its timeline (contacts, consults and their advice, updates) and — for those who
/// may write — the forms to log a contact, ask the psychiatrist, update and close the case and
/// start the handover. Read-only for the psychiatrist.
class CaseView : public QWidget {
    Q_OBJECT
  public:
    CaseView(Session& session, std::int64_t case_id, bool read_only, QWidget* parent = nullptr);

    std::int64_t caseId() const { return case_id_; }
    const v1::GetCaseResponse& data() const { return data_; }
    QTreeWidget* timeline() const { return timeline_; }
    QTabWidget* forms() const { return forms_; }
    ContactForm* contactForm() const { return contact_; }
    ConsultRequestForm* consultForm() const { return consult_; }
    CaseUpdateForm* updateForm() const { return update_; }
    HandoverForm* handoverForm() const { return handover_; }
    MeldcodeForm* meldcodeForm() const { return meldcode_; }

  public slots:
    void refresh();

  signals:
    void loaded();
    /// "Open the youth in the look-up" (for the plan).
    void showYouth(std::int64_t youth_id);
    /// The unknown caller's case now has its youth.
    void youthLinked(std::int64_t youth_id);

  public:
    QPushButton* linkYouthButton() const { return link_youth_; }
    QLabel* headerLabel() const { return header_; }
    /// The youth's plan beside the case (for those who write in it); nullptr when read-only.
    QTextBrowser* planView() const { return plan_; }
    /// Registers or links the youth of a case opened for an unknown caller (a dialog).
    void linkYouth();
    /// Whether a form of this case holds text the server does not have yet.
    bool hasUnsentText() const;
    /// Writes every form's unsent text to the sealed drafts now (the tab is about to close).
    void keepDrafts();

  private:
    void showHeader();
    void loadPlan(std::int64_t youth_id);

    Session& session_;
    std::int64_t case_id_;
    v1::GetCaseResponse data_;
    QLabel* header_;
    QPushButton* link_youth_;
    bool read_only_ = false;
    QTextBrowser* plan_ = nullptr;
    std::int64_t plan_youth_ = -1;  // the youth whose plan is shown; -1: none asked yet
    QTreeWidget* timeline_;
    QTabWidget* forms_ = nullptr;
    ContactForm* contact_ = nullptr;
    ConsultRequestForm* consult_ = nullptr;
    CaseUpdateForm* update_ = nullptr;
    HandoverForm* handover_ = nullptr;
    MeldcodeForm* meldcode_ = nullptr;
};

/// A call taken while the server cannot be reached, for a youth of the offline copy: the plan
/// from the copy beside a contact form. The form is kept sealed like any draft; when the server
/// is back it opens the case (from the call's start) and logs the contact in it, each once.
class OfflineCallView : public QWidget {
    Q_OBJECT
  public:
    OfflineCallView(Session& session, const NewCase& call, QWidget* parent = nullptr);

    /// 0 for a caller nobody knows.
    std::int64_t youthId() const { return youth_id_; }
    /// The call's draft slot ("call/12", "call/unknown-…"): what tells two calls apart.
    const QString& slot() const { return slot_; }
    ContactForm* contactForm() const { return contact_; }
    QTextBrowser* planView() const { return plan_; }
    QLabel* headerLabel() const { return header_; }

  signals:
    /// The case and its contact have reached the server: the case's own tab takes over.
    void caseReady(std::int64_t case_id);

  private:
    std::int64_t youth_id_;
    QString slot_;
    QLabel* header_;
    QTextBrowser* plan_;
    ContactForm* contact_;
};

}  // namespace spoed::desk
