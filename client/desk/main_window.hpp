#pragma once

#include <QDateTime>
#include <QMainWindow>
#include <cstdint>
#include <map>
#include <vector>

#include "client/desk/api.hpp"
#include "spoed/v1/event.pb.h"
#include "spoed/v1/shift.pb.h"

class QLabel;
class QSystemTrayIcon;
class QTabWidget;
class QTimer;

namespace spoed::desk {

class BreakGlassReviews;
class CaseView;
class ConsultQueue;
class DirectoryView;
class EvaluationsView;
class FiguresView;
class ProposalsBoard;
class HandoverBoard;
class LiveEvents;
class MeldcodeBoard;
class LookupPanel;
class OfflineCallView;
struct NewCase;
class OfflineSync;
class PlanEditor;
class Session;
class ShiftBoard;

/// The desk after log-in: the screens the user's roles need as tabs, cases as their own tabs,
/// who is on duty tonight in the header and the connection state always in the status bar.
class MainWindow : public QMainWindow {
    Q_OBJECT
  public:
    /// Takes ownership of the session.
    explicit MainWindow(Session* session, QWidget* parent = nullptr);
    ~MainWindow() override;

    Session& session() const { return *session_; }
    QTabWidget* tabs() const { return tabs_; }
    QLabel* connectionLabel() const { return connection_; }
    QLabel* shiftLabel() const { return shift_; }
    ShiftBoard* shiftBoard() const { return board_; }
    LookupPanel* lookup() const { return lookup_; }
    ConsultQueue* consultQueue() const { return consults_; }
    HandoverBoard* handoverBoard() const { return handovers_; }
    PlanEditor* planEditor() const { return plan_editor_; }
    BreakGlassReviews* breakGlassReviews() const { return reviews_; }
    DirectoryView* directory() const { return directory_; }
    EvaluationsView* evaluations() const { return evaluations_; }
    ProposalsBoard* proposals() const { return proposals_; }
    FiguresView* figures() const { return figures_; }
    CaseView* caseView(std::int64_t case_id) const;
    /// The banner over the screens while the server cannot be reached.
    QLabel* offlineBanner() const { return offline_banner_; }
    OfflineSync* offlineSync() const { return offline_sync_; }
    OfflineCallView* offlineCall(std::int64_t youth_id) const;
    /// Every call written down without the server that is open in a tab.
    std::vector<OfflineCallView*> offlineCalls() const;
    int notificationCount() const { return notifications_; }

  public slots:
    CaseView* openCase(std::int64_t case_id);
    /// A call for a youth of the offline copy while the server cannot be reached.
    OfflineCallView* openOfflineCall(const NewCase& call);
    /// One live event from the daemon: refresh what it touches, notify where it matters.
    void handleEvent(const spoed::v1::Event& event);
    void refreshAll();
    void notify(const QString& title, const QString& text);

  signals:
    void notified(const QString& title, const QString& text);
    /// The user signed out, or the session ended: back to the log-in screen.
    void signedOut();

  protected:
    void closeEvent(QCloseEvent* event) override;

  private:
    /// Asks before closing with unsent text; true when the user chose to close.
    bool confirmClose(const QString& what);
    bool hasUnsentText() const;
    /// At log-in: the drafts of cases that never reached the server, offered back.
    void offerDrafts();
    void showConnection(ConnectionState state, const QString& detail);
    void showOfflineBanner();
    void loadShift();
    /// Tonight's roster in the header; nullptr: none set.
    void showShift(const v1::Shift* shift);
    void signOut();

    Session* session_;
    QTabWidget* tabs_;
    QLabel* shift_;
    QLabel* connection_;
    QLabel* offline_banner_;
    OfflineSync* offline_sync_ = nullptr;
    std::map<QString, OfflineCallView*> offline_calls_;  // by the call's draft slot
    QSystemTrayIcon* tray_ = nullptr;
    QTimer* poll_;
    LiveEvents* live_ = nullptr;
    ShiftBoard* board_ = nullptr;
    LookupPanel* lookup_ = nullptr;
    ConsultQueue* consults_ = nullptr;
    HandoverBoard* handovers_ = nullptr;
    MeldcodeBoard* meldcode_ = nullptr;
    PlanEditor* plan_editor_ = nullptr;
    BreakGlassReviews* reviews_ = nullptr;
    DirectoryView* directory_ = nullptr;
    EvaluationsView* evaluations_ = nullptr;
    ProposalsBoard* proposals_ = nullptr;
    FiguresView* figures_ = nullptr;
    std::map<std::int64_t, CaseView*> cases_;
    int notifications_ = 0;
};

}  // namespace spoed::desk
