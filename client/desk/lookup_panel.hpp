#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QWidget>
#include <cstdint>
#include <vector>

#include "client/desk/case_forms.hpp"
#include "spoed/v1/case.pb.h"
#include "spoed/v1/plan.pb.h"
#include "spoed/v1/youth.pb.h"

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTextBrowser;
class QTreeWidget;

namespace spoed::desk {

class Session;

/// The look-up while the phone rings: one box for a name, a phone number or a date of birth;
/// it searches as one types (only the newest query counts: an older answer that arrives late
/// is dropped, and at most one search is on its way at a time). For the chosen youth: consent,
/// the plan by section with the phases in their colours, and earlier cases; break-the-glass
/// where there is no consent.
class LookupPanel : public QWidget {
    Q_OBJECT
  public:
    explicit LookupPanel(Session& session, QWidget* parent = nullptr);

    QLineEdit* searchEdit() const { return search_; }
    QListWidget* results() const { return results_; }
    QTextBrowser* planView() const { return plan_; }
    QLabel* consentLabel() const { return consent_; }
    QTreeWidget* casesList() const { return cases_; }
    QPushButton* openCaseButton() const { return open_case_; }
    /// Shown when the look-up found nobody: a case for an unknown caller.
    QPushButton* unknownCallerButton() const { return unknown_caller_; }
    QPushButton* breakGlassButton() const { return break_glass_; }
    std::int64_t selectedYouth() const { return youth_id_; }
    int planVersion() const { return plan_version_; }
    /// The calling number typed into the look-up, if the last search was one.
    const QString& callerPhone() const { return caller_phone_; }
    /// Who is calling, as chosen for an unknown caller's case (unspecified otherwise).
    v1::CallerRole callerRole() const { return caller_role_; }
    /// Milliseconds from the last key to the results being shown, for the newest search.
    double lastLatencyMs() const { return last_latency_ms_; }
    /// When this call began: the first key of the look-up (a pause of ten minutes or an emptied
    /// box starts a new one). A case opened from the look-up is opened at this moment.
    const QDateTime& callStarted() const { return call_started_; }
    /// When the call of the case opened last began (for its contact form's call timer).
    const QDateTime& openedCallStarted() const { return opened_call_started_; }
    /// Whether the youth shown comes from the offline copy.
    bool showingOfflineYouth() const { return offline_youth_; }
    /// Whether the results shown answer the text as it is now (no newer key waits).
    bool resultsCurrent() const { return shown_ == typed_ && in_flight_ == 0; }

  public slots:
    void showYouth(std::int64_t youth_id);
    /// Opens a case for the youth shown; asks first when the youth has an open case.
    void openNewCase();
    /// Asks who calls and opens a case without a youth (registered or linked later).
    void openUnknownCallerCase();

  signals:
    void resultsShown(double latency_ms);
    void youthShown(std::int64_t youth_id);
    /// The plan (or why it cannot be shown) has arrived.
    void planShown();
    void openCase(std::int64_t case_id);
    void caseOpened(std::int64_t case_id);
    /// The server cannot be reached: the call is written down instead (for a youth, or for a
    /// caller nobody knows).
    void offlineCall(const spoed::desk::NewCase& call);

  private:
    void textEdited();
    void startSearch();
    void loadPlan();
    /// The youth from the offline copy, read-only; false when the copy does not hold them.
    bool showOfflineYouth(std::int64_t youth_id);
    void breakGlass();
    /// No youth on screen any more: name, plan, consent and cases go, and so does the way to
    /// open a case for them, so that a call is never attached to the wrong child.
    void clearYouth();
    void createCase(std::int64_t youth_id, const QString& caller_description);
    /// When the call on screen began (the look-up's first key), never later than now.
    QDateTime callStart() const;
    /// No case can be opened now: the call is written down (offlineCall) and begins anew.
    void writeCallDown(std::int64_t youth_id, const QDateTime& started, const QString& caller_description);

    Session& session_;
    QLineEdit* search_;
    QListWidget* results_;
    QLabel* header_;
    QLabel* consent_;
    QTextBrowser* plan_;
    QTreeWidget* cases_;
    QPushButton* open_case_;
    QPushButton* break_glass_;
    QPushButton* unknown_caller_;
    QElapsedTimer since_key_;
    QDateTime call_started_;  // invalid until the first key
    QDateTime opened_call_started_;
    std::uint64_t typed_ = 0;      // one more per edit
    std::uint64_t in_flight_ = 0;  // the edit whose search is on its way; 0: none
    std::uint64_t shown_ = 0;      // the edit whose results are shown
    double last_latency_ms_ = -1;
    std::int64_t youth_id_ = 0;
    bool offline_youth_ = false;  // the youth shown comes from the offline copy
    int plan_version_ = 0;
    QString caller_phone_;
    v1::CallerRole caller_role_ = v1::CALLER_ROLE_UNSPECIFIED;
    std::vector<v1::Case> youth_cases_;  // the shown youth's cases, newest first
    std::string open_key_;
};

}  // namespace spoed::desk
