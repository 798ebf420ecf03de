#include "client/desk/main_window.hpp"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

#include "client/desk/case_forms.hpp"
#include "client/desk/case_view.hpp"
#include "client/desk/consult_queue.hpp"
#include "client/desk/draft_sender.hpp"
#include "client/desk/draft_store.hpp"
#include "client/desk/handover_board.hpp"
#include "client/desk/learning_views.hpp"
#include "client/desk/live_events.hpp"
#include "client/desk/lookup_panel.hpp"
#include "client/desk/meldcode_form.hpp"
#include "client/desk/offline_copy.hpp"
#include "client/desk/offline_sync.hpp"
#include "client/desk/phone_format.hpp"
#include "client/desk/plan_editor.hpp"
#include "client/desk/review_views.hpp"
#include "client/desk/session.hpp"
#include "client/desk/settings.hpp"
#include "client/desk/shift_board.hpp"
#include "client/desk/text.hpp"
#include "client/desk/youth_names.hpp"
#include "spoed/v1/shift.pb.h"

namespace spoed::desk {

MainWindow::MainWindow(Session* session, QWidget* parent) : QMainWindow(parent), session_(session) {
    session_->setParent(this);
    setObjectName(QStringLiteral("mainWindow"));
    const auto& user = session_->user();
    QStringList roles;
    for (int r : user.roles()) roles << Text::role(v1::Role(r));
    setWindowTitle(tr("Spoed — %1 (%2)").arg(Q(user.display_name()), roles.join(QStringLiteral(", "))));

    auto* central = new QWidget(this);
    shift_ = new QLabel(central);
    shift_->setObjectName(QStringLiteral("shiftLabel"));
    shift_->setTextFormat(Qt::RichText);
    shift_->setStyleSheet(QStringLiteral("QLabel{background:#eef3f8; padding:6px; border-radius:4px}"));
    offline_banner_ = new QLabel(central);
    offline_banner_->setObjectName(QStringLiteral("offlineBanner"));
    offline_banner_->setWordWrap(true);
    offline_banner_->setStyleSheet(
        QStringLiteral("QLabel{background:#fff3cd; color:#5d4037; padding:8px; border:2px solid #f0ad4e;"
                       " border-radius:4px; font-weight:bold}"));
    offline_banner_->setVisible(false);
    tabs_ = new QTabWidget(central);
    tabs_->setTabsClosable(true);
    auto* layout = new QVBoxLayout(central);
    layout->addWidget(shift_);
    layout->addWidget(offline_banner_);
    layout->addWidget(tabs_, 1);
    setCentralWidget(central);

    connection_ = new QLabel(this);
    connection_->setObjectName(QStringLiteral("connectionState"));
    statusBar()->addPermanentWidget(connection_);
    statusBar()->addWidget(new QLabel(tr("Signed in as %1").arg(Q(user.username())), this));

    // The screens each role needs. A user with several roles gets all of theirs.
    // Which screens: by the roles the server gave the user (each role's work has its screens);
    // which actions on them: by what the server says the user may call (Session::may).
    const bool worker = session_->has(v1::ROLE_CRISIS_WORKER);
    const bool psychiatrist = session_->has(v1::ROLE_PSYCHIATRIST);
    const bool coordinator = session_->has(v1::ROLE_COORDINATOR);
    if (worker) {
        board_ = new ShiftBoard(*session_, tabs_);
        tabs_->addTab(board_, tr("Shift board"));
    }
    if (psychiatrist) {
        consults_ = new ConsultQueue(*session_, tabs_);
        tabs_->addTab(consults_, tr("Consults"));
        connect(consults_, &ConsultQueue::requestArrived, this, [this](std::int64_t case_id, v1::Urgency urgency) {
            // The balloon names the urgency and the youth; a name still on its way is waited
            // for a moment, never longer than three seconds.
            auto say = [this, urgency](const QString& who) {
                notify(urgency == v1::URGENCY_IMMEDIATE ? tr("Urgent consult: %1").arg(Text::urgency(urgency))
                                                        : tr("Consult requested: %1").arg(Text::urgency(urgency)),
                       tr("Consult request about %1.").arg(who));
            };
            const QString label = session_->names().caseLabel(case_id);
            if (label != QStringLiteral("…")) {
                say(label);
                return;
            }
            auto* waiter = new QObject(this);
            connect(&session_->names(), &YouthNames::caseLabelKnown, waiter,
                    [waiter, case_id, say](std::int64_t id, const QString& name) {
                        if (id != case_id) return;
                        say(name);
                        waiter->deleteLater();
                    });
            QTimer::singleShot(3000, waiter, [waiter, say] {
                say(tr("a case"));
                waiter->deleteLater();
            });
        });
    }
    if (coordinator) {
        handovers_ = new HandoverBoard(*session_, tabs_);
        tabs_->addTab(handovers_, tr("Handovers"));
        // The aandachtsfunctionaris (a coordinator) keeps an eye on the undecided tracks.
        meldcode_ = new MeldcodeBoard(*session_, tabs_);
        tabs_->addTab(meldcode_, tr("Meldcode"));
        connect(meldcode_, &MeldcodeBoard::openCase, this, &MainWindow::openCase);
    }
    if (worker || psychiatrist || coordinator) {
        lookup_ = new LookupPanel(*session_, tabs_);
        tabs_->addTab(lookup_, tr("Look-up"));
        connect(lookup_, &LookupPanel::openCase, this, &MainWindow::openCase);
        connect(lookup_, &LookupPanel::offlineCall, this, [this](const NewCase& call) {
            if (OfflineCallView* v = openOfflineCall(call)) {
                v->contactForm()->setCallerPhone(lookup_->callerPhone());
                if (call.youth_id == 0 && lookup_->callerRole() != v1::CALLER_ROLE_UNSPECIFIED) {
                    v->contactForm()->setCallerRole(lookup_->callerRole());
                }
                v->contactForm()->setPlanVersion(lookup_->planVersion());
            }
        });
        connect(lookup_, &LookupPanel::caseOpened, this, [this](std::int64_t id) {
            if (board_) board_->refresh();
            if (CaseView* v = caseView(id); v && v->contactForm()) {
                v->contactForm()->setCallerPhone(lookup_->callerPhone());
                if (lookup_->callerRole() != v1::CALLER_ROLE_UNSPECIFIED) {
                    v->contactForm()->setCallerRole(lookup_->callerRole());
                }
                v->contactForm()->setPlanVersion(lookup_->planVersion());
                // A case opened from the look-up is opened while the phone call runs.
                v->contactForm()->startCallAt(lookup_->openedCallStarted());
            }
        });
    }
    if (coordinator) {
        plan_editor_ = new PlanEditor(*session_, tabs_);
        tabs_->addTab(plan_editor_, tr("Pre-registration and plan"));
        reviews_ = new BreakGlassReviews(*session_, tabs_);
        tabs_->addTab(reviews_, tr("Break-the-glass reviews"));
        evaluations_ = new EvaluationsView(*session_, tabs_);
        tabs_->addTab(evaluations_, tr("Evaluations"));
        proposals_ = new ProposalsBoard(*session_, tabs_);
        tabs_->addTab(proposals_, tr("Improvement proposals"));
        figures_ = new FiguresView(*session_, tabs_);
        tabs_->addTab(figures_, tr("Figures"));
    }
    directory_ = new DirectoryView(*session_, session_->may(v1::rpc::DirectoryService::SaveOrganisation), tabs_);
    tabs_->addTab(directory_, tr("Partner directory"));
    if (board_) connect(board_, &ShiftBoard::openCase, this, &MainWindow::openCase);
    connect(&session_->names(), &YouthNames::caseLabelKnown, this, [this](std::int64_t case_id, const QString& label) {
        if (CaseView* v = caseView(case_id)) tabs_->setTabText(tabs_->indexOf(v), label);
    });
    for (int i = 0; i < tabs_->count(); ++i) tabs_->tabBar()->setTabButton(i, QTabBar::RightSide, nullptr);
    // The screens are Ctrl+1, Ctrl+2, …; Alt+letters belong to what is on the screen, so that
    // one letter never means two things (cases follow with Ctrl+Tab).
    for (int i = 0; i < tabs_->count() && i < 9; ++i) {
        auto* go = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)), this);
        connect(go, &QShortcut::activated, this, [this, i] {
            tabs_->setCurrentIndex(i);
            tabs_->currentWidget()->setFocus();
            if (tabs_->currentWidget() == lookup_) lookup_->searchEdit()->selectAll();
        });
        tabs_->setTabToolTip(i, QStringLiteral("Ctrl+%1").arg(i + 1));
    }
    // The phone rings: Ctrl+F (or Ctrl+2) and the number; what was typed before is replaced.
    if (lookup_) {
        auto* find = new QShortcut(QKeySequence::Find, this);
        connect(find, &QShortcut::activated, this, [this] {
            tabs_->setCurrentWidget(lookup_);
            lookup_->searchEdit()->setFocus();
            lookup_->searchEdit()->selectAll();
        });
    }
    connect(tabs_, &QTabWidget::tabCloseRequested, this, [this](int index) {
        if (auto* call = qobject_cast<OfflineCallView*>(tabs_->widget(index))) {
            if (call->contactForm()->draft().unsent() &&
                !confirmClose(tr("This call has text that has not reached the server yet."))) {
                return;
            }
            call->contactForm()->draft().keepNow();
            offline_calls_.erase(call->slot());
            tabs_->removeTab(index);
            call->deleteLater();
            return;
        }
        auto* v = qobject_cast<CaseView*>(tabs_->widget(index));
        if (!v) return;
        if (v->hasUnsentText() && !confirmClose(tr("This case has text that has not reached the server yet."))) return;
        v->keepDrafts();
        cases_.erase(v->caseId());
        tabs_->removeTab(index);
        v->deleteLater();
    });

    auto* menu = menuBar()->addMenu(tr("&Spoed"));
    auto* refresh = menu->addAction(tr("&Refresh everything"), this, &MainWindow::refreshAll);
    refresh->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    auto* language = menu->addMenu(tr("&Language (after restart)"));
    for (auto [code, name] : {std::pair{"nl", "Nederlands"}, std::pair{"en", "English"}}) {
        QString c = QLatin1String(code);
        language->addAction(QLatin1String(name), this, [c] {
            DeskSettings s = DeskSettings::Load();
            s.language = c;
            s.Save();
        });
    }
    menu->addSeparator();
    menu->addAction(tr("Sign &out"), this, &MainWindow::signOut);

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        tray_ = new QSystemTrayIcon(QIcon(QStringLiteral(":/icons/spoed-desk.png")), this);
        tray_->setToolTip(tr("Spoed"));
        tray_->show();
    }

    Api& api = session_->api();
    connect(&api, &Api::stateChanged, this, &MainWindow::showConnection);
    connect(&api, &Api::reconnected, this, &MainWindow::refreshAll);
    connect(&api, &Api::signedOut, this, [this] {
        QMessageBox::information(
            this, tr("Signed out"),
            session_->token().empty()
                ? tr("The server can be reached again. Please sign in: what you wrote and read offline is sent then.")
                : tr("Your session has ended. Please sign in again."));
        emit signedOut();
    });
    showConnection(api.state(), api.stateDetail());
    if (OfflineCopy* copy = session_->offline()) {
        connect(copy, &OfflineCopy::changed, this, &MainWindow::showOfflineBanner);
        offline_sync_ = new OfflineSync(*session_, this);
        connect(offline_sync_, &OfflineSync::notice, this,
                [this](const QString& text) { statusBar()->showMessage(text, 15'000); });
        connect(copy, &OfflineCopy::writeFailed, this, [this](const QString& error) {
            statusBar()->showMessage(tr("The offline copy could not be written: %1").arg(error), 15'000);
        });
        offline_sync_->syncNow();
        if (!session_->offlineWarning().isEmpty()) {
            // Changed on disk or sealed under another password: it was removed, never read.
            statusBar()->showMessage(tr("The offline copy on this computer could not be opened (it was changed, or "
                                        "sealed with another password) and has been removed; a new one is made now."),
                                     60'000);
        }
    }

    // Live events refresh what they touch at once; the poll is the fallback for when the
    // stream is down (and until it is connected).
    poll_ = new QTimer(this);
    poll_->setInterval(20'000);
    connect(poll_, &QTimer::timeout, this, &MainWindow::refreshAll);
    poll_->start();
    live_ = new LiveEvents(api.options(), session_->token(), this);
    connect(live_, &LiveEvents::eventReceived, this, &MainWindow::handleEvent);
    connect(live_, &LiveEvents::connectedChanged, this, [this](bool up, const QString&) {
        poll_->setInterval(up ? 120'000 : 20'000);
        showConnection(session_->api().state(), session_->api().stateDetail());
    });
    live_->start();
    loadShift();
    resize(1280, 800);
    // After the window is up: what was typed before a crash or a closed tab is offered back.
    QTimer::singleShot(0, this, &MainWindow::offerDrafts);
}

MainWindow::~MainWindow() = default;

bool MainWindow::confirmClose(const QString& what) {
    QMessageBox ask(QMessageBox::Question, tr("Text not sent yet"),
                    what + QLatin1Char(' ') +
                        (session_->drafts() ? tr("It stays on this computer, sealed with your password, and comes back "
                                                 "when you open the case again or sign in again.")
                                            : tr("It cannot be kept on this computer: it is lost when you close.")),
                    QMessageBox::NoButton, this);
    ask.setObjectName(QStringLiteral("unsentTextQuestion"));
    auto* close = ask.addButton(session_->drafts() ? tr("&Keep the text and close") : tr("Close and &lose the text"),
                                QMessageBox::AcceptRole);
    auto* stay = ask.addButton(QMessageBox::Cancel);
    ask.setDefaultButton(stay);
    ask.exec();
    return ask.clickedButton() == static_cast<QAbstractButton*>(close);
}

bool MainWindow::hasUnsentText() const {
    for (const auto& [id, v] : cases_) {
        if (v->hasUnsentText()) return true;
    }
    for (const auto& [id, v] : offline_calls_) {
        if (v->contactForm()->draft().unsent()) return true;
    }
    return (board_ && board_->noteDraft().unsent()) || (consults_ && consults_->adviceDraft().unsent()) ||
           (plan_editor_ && plan_editor_->hasUnsentText()) || (evaluations_ && evaluations_->hasUnsentText());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (hasUnsentText() && !confirmClose(tr("Some of what you wrote has not reached the server yet."))) {
        event->ignore();
        return;
    }
    for (const auto& [id, v] : cases_) v->keepDrafts();
    for (const auto& [id, v] : offline_calls_) v->contactForm()->draft().keepNow();
    if (board_) board_->noteDraft().keepNow();
    if (consults_) consults_->adviceDraft().keepNow();
    if (plan_editor_) plan_editor_->keepDraft();
    if (evaluations_) evaluations_->keepDraft();
    event->accept();
}

void MainWindow::offerDrafts() {
    DraftStore* drafts = session_->drafts();
    if (!session_->draftWarning().isEmpty()) {
        QMessageBox::warning(this, tr("Earlier drafts"),
                             tr("The drafts kept on this computer could not be opened with your password, or were "
                                "changed; they were set aside."));
    }
    if (!drafts) return;
    QStringList lines;
    std::vector<std::int64_t> cases;
    std::vector<QString> calls;  // call/…: written down while the server was unreachable
    bool advice = false;
    std::vector<std::int64_t> plans;
    std::int64_t evaluation = 0;
    for (const auto& d : drafts->all()) {
        // contact/<case>, consult/<case>: the case's forms; advice/<consult>: the queue's.
        const QString kind = d.slot.section(QLatin1Char('/'), 0, 0);
        if (kind == QLatin1String("contact") || kind == QLatin1String("consult")) {
            cases.push_back(d.slot.section(QLatin1Char('/'), 1, 1).toLongLong());
        } else if (kind == QLatin1String("call")) {
            calls.push_back(d.slot);
        } else if (kind == QLatin1String("advice") && consults_) {
            advice = true;
        } else if (kind == QLatin1String("evaluation") && evaluations_) {
            evaluation = d.slot.section(QLatin1Char('/'), 1, 1).toLongLong();
        } else if (kind == QLatin1String("plan") && plan_editor_) {
            plans.push_back(d.slot.section(QLatin1Char('/'), 1, 1).toLongLong());
        } else {
            continue;  // the shift note is back in its own form already
        }
        lines << QStringLiteral("• ") + (d.label.isEmpty() ? d.slot : d.label);
    }
    if (lines.isEmpty()) return;
    QMessageBox ask(QMessageBox::Question, tr("Text not sent yet"),
                    tr("You wrote this earlier and it has not reached the server yet:\n%1\n\nOpen it again to check "
                       "and send it?")
                        .arg(lines.join(QLatin1Char('\n'))),
                    QMessageBox::NoButton, this);
    ask.setObjectName(QStringLiteral("draftsOffer"));
    auto* open = ask.addButton(tr("&Open the drafts"), QMessageBox::AcceptRole);
    ask.addButton(tr("&Later"), QMessageBox::RejectRole);
    ask.setDefaultButton(open);
    ask.exec();
    activateWindow();  // back to the desk, with the keyboard
    if (ask.clickedButton() != static_cast<QAbstractButton*>(open)) return;
    for (auto id : cases) openCase(id);
    for (const auto& slot : calls) {
        // call/<youth>, or call/unknown-<id> for a caller nobody knew (the draft holds who).
        const QString rest = slot.section(QLatin1Char('/'), 1);
        NewCase call;
        if (rest.startsWith(QLatin1String("unknown-"))) {
            call.call_id = rest.mid(8);
        } else {
            call.youth_id = rest.toLongLong();
        }
        openOfflineCall(call);
    }
    if (advice) tabs_->setCurrentWidget(consults_);  // each advice returns with its consult
    if (evaluation != 0) {                           // the evaluation's text returns when it is shown
        tabs_->setCurrentWidget(evaluations_);
        evaluations_->select(evaluation);
    }
    if (!plans.empty()) {  // one plan at a time in the editor: the first comes back now
        tabs_->setCurrentWidget(plan_editor_);
        plan_editor_->loadYouth(plans.front());
    }
}

CaseView* MainWindow::caseView(std::int64_t case_id) const {
    auto it = cases_.find(case_id);
    return it == cases_.end() ? nullptr : it->second;
}

CaseView* MainWindow::openCase(std::int64_t case_id) {
    if (case_id == 0) return nullptr;
    if (CaseView* v = caseView(case_id)) {
        tabs_->setCurrentWidget(v);
        return v;
    }
    bool read_only = !session_->canWriteCases();
    auto* v = new CaseView(*session_, case_id, read_only, tabs_);
    cases_[case_id] = v;
    // The tab names the youth (or the unknown caller), never only the case's number.
    tabs_->addTab(v, session_->names().caseLabel(case_id));
    tabs_->setTabToolTip(tabs_->indexOf(v), tr("Case %1").arg(case_id));
    tabs_->setCurrentWidget(v);
    connect(v, &CaseView::showYouth, this, [this](std::int64_t youth) {
        if (!lookup_) return;
        tabs_->setCurrentWidget(lookup_);
        lookup_->showYouth(youth);
    });
    if (lookup_ && v->contactForm() && lookup_->planVersion() > 0)
        v->contactForm()->setPlanVersion(lookup_->planVersion());
    return v;
}

void MainWindow::handleEvent(const v1::Event& e) {
    switch (e.kind()) {
        case v1::EVENT_KIND_CASE_OPENED:
        case v1::EVENT_KIND_CONTACT_LOGGED:
            if (board_) board_->refresh();
            if (CaseView* v = caseView(e.case_id())) v->refresh();
            break;
        case v1::EVENT_KIND_CONSULT_REQUESTED:
            if (consults_) consults_->refresh();  // notifies when the request is new
            if (CaseView* v = caseView(e.case_id())) v->refresh();
            break;
        case v1::EVENT_KIND_CONSULT_ANSWERED:
            if (board_) board_->refresh();
            if (consults_) consults_->refresh();
            if (CaseView* v = caseView(e.case_id())) v->refresh();
            if (board_ && e.actor_user_id() != session_->user().id()) {
                notify(tr("Consult answered"), tr("The psychiatrist answered a consult of case %1.").arg(e.case_id()));
            }
            break;
        case v1::EVENT_KIND_HANDOVER_DUE:
        case v1::EVENT_KIND_HANDOVER_OVERDUE:
        case v1::EVENT_KIND_HANDOVER_CONFIRMED:
        case v1::EVENT_KIND_HANDOVER_ESCALATED:
            if (board_) board_->refresh();
            if (handovers_) handovers_->refresh();
            if (CaseView* v = caseView(e.case_id())) v->refresh();
            if (e.kind() == v1::EVENT_KIND_HANDOVER_OVERDUE && handovers_) {
                notify(tr("Handover overdue"), tr("A handover of case %1 is past its due time.").arg(e.case_id()));
            }
            break;
        case v1::EVENT_KIND_EVALUATION_PLANNED:
            if (evaluations_) evaluations_->refresh();
            break;
        case v1::EVENT_KIND_BREAK_GLASS_USED:
            if (reviews_) {
                reviews_->refresh();
                notify(tr("Break-the-glass used"), tr("A plan was opened without consent; it waits for your review."));
            }
            break;
        default:
            break;
    }
}

void MainWindow::refreshAll() {
    if (board_) board_->refresh();
    if (consults_) consults_->refresh();
    if (handovers_) handovers_->refresh();
    if (reviews_) reviews_->refresh();
    if (evaluations_) evaluations_->refresh();
    if (proposals_) proposals_->refresh();
    for (auto& [id, v] : cases_) v->refresh();
    loadShift();
}

void MainWindow::notify(const QString& title, const QString& text) {
    ++notifications_;
    if (tray_) {
        tray_->showMessage(title, text, QIcon(QStringLiteral(":/icons/spoed-desk.png")), 15'000);
    } else {
        QApplication::alert(this);
    }
    statusBar()->showMessage(title + QStringLiteral(": ") + text, 30'000);
    emit notified(title, text);
}

void MainWindow::showConnection(ConnectionState state, const QString& detail) {
    QString text;
    QString colour;
    switch (state) {
        case ConnectionState::kOnline:
            text = tr("● Connected to %1").arg(Q(session_->api().server()));
            colour = QStringLiteral("#1b5e20");
            if (live_ && !live_->connected()) text += tr(" (live updates reconnecting)");
            break;
        case ConnectionState::kUnreachable:
            text = tr("● No connection — what you write is kept and sent when the server is back");
            colour = QStringLiteral("#b71c1c");
            break;
        case ConnectionState::kCertificateRefused:
            text = tr("● Server refused: its certificate does not verify");
            colour = QStringLiteral("#b71c1c");
            break;
        case ConnectionState::kSignedOut:
            text = tr("● Signed out");
            colour = QStringLiteral("#6d4c41");
            break;
    }
    connection_->setText(text);
    // The transport's own words (English, from the TLS or socket layer) only as details.
    connection_->setToolTip(detail.isEmpty() ? QString() : tr("Details: %1").arg(detail));
    connection_->setStyleSheet(QStringLiteral("QLabel{color:%1; font-weight:bold; padding:0 6px}").arg(colour));
    showOfflineBanner();
}

void MainWindow::showOfflineBanner() {
    if (!session_->unreachable()) {
        offline_banner_->setVisible(false);
        return;
    }
    const OfflineCopy* copy = session_->offline();
    if (copy && copy->present()) {
        offline_banner_->setText(
            tr("Offline — copy of %1. Look-up and plans work from the copy, read-only; a call is written down and "
               "sent as soon as the server is back.")
                .arg(QLocale().toString(copy->syncedAt(), copy->syncedAt().date() == QDate::currentDate()
                                                              ? QStringLiteral("HH:mm")
                                                              : QStringLiteral("dd-MM-yyyy HH:mm"))));
    } else {
        offline_banner_->setText(
            tr("Offline — there is no copy of the plans on this computer. What you write is "
               "kept and sent when the server is back."));
    }
    offline_banner_->setVisible(true);
}

OfflineCallView* MainWindow::offlineCall(std::int64_t youth_id) const {
    NewCase call;
    call.youth_id = youth_id;
    auto it = offline_calls_.find(call.slot());
    return it == offline_calls_.end() ? nullptr : it->second;
}

std::vector<OfflineCallView*> MainWindow::offlineCalls() const {
    std::vector<OfflineCallView*> out;
    for (const auto& [slot, v] : offline_calls_) out.push_back(v);
    return out;
}

OfflineCallView* MainWindow::openOfflineCall(const NewCase& call) {
    if (call.youth_id == 0 && call.call_id.isEmpty()) return nullptr;
    if (auto it = offline_calls_.find(call.slot()); it != offline_calls_.end()) {
        tabs_->setCurrentWidget(it->second);
        return it->second;
    }
    auto* v = new OfflineCallView(*session_, call, tabs_);
    offline_calls_[v->slot()] = v;
    tabs_->addTab(v, tr("Call — %1").arg(v->contactForm()->whoCalls()));
    tabs_->setCurrentWidget(v);
    v->setFocus();
    connect(v, &OfflineCallView::caseReady, this, [this, v](std::int64_t case_id) {
        // The case exists now, with the contact: its own tab takes over from the written-down call.
        offline_calls_.erase(v->slot());
        tabs_->removeTab(tabs_->indexOf(v));
        v->deleteLater();
        if (board_) board_->refresh();
        openCase(case_id);
    });
    return v;
}

void MainWindow::loadShift() {
    session_->api().call(this, v1::rpc::ShiftService::GetCurrentShift, v1::GetCurrentShiftRequest(),
                         [this](const Result<v1::GetCurrentShiftResponse>& r) {
                             if (!r.ok()) {
                                 if (r.error().code == ErrorCode::kPermissionDenied)
                                     shift_->setText(Q(session_->user().display_name()));
                                 // Without the server, tonight's roster (and the psychiatrist's number) from the copy.
                                 const OfflineCopy* copy = session_->offline();
                                 if (IsUnreachable(r.error()) && copy && copy->present()) showShift(copy->shift());
                                 return;
                             }
                             showShift(r->has_shift() ? &r->shift() : nullptr);
                         });
}

void MainWindow::showShift(const v1::Shift* shift) {
    if (!shift) {
        shift_->setText(tr("No shift has been set for tonight."));
        return;
    }
    QStringList workers;
    for (const auto& w : shift->workers()) {
        workers << Q(w.display_name()).toHtmlEscaped();
        session_->rememberUser(w.user_id(), Q(w.display_name()));
    }
    session_->rememberUser(shift->psychiatrist().user_id(), Q(shift->psychiatrist().display_name()));
    shift_->setText(tr("<b>On duty tonight:</b> %1 &nbsp; — &nbsp; <b>Backup psychiatrist:</b> %2 (%3)")
                        .arg(workers.join(QStringLiteral(", ")),
                             Q(shift->psychiatrist().display_name()).toHtmlEscaped(),
                             DutchPhone(Q(shift->psychiatrist_phone())).toHtmlEscaped()));
}

void MainWindow::signOut() {
    // A shared computer: the deployment wants no copy left behind (the reads stay until sent).
    if (OfflineCopy* copy = session_->offline(); copy && copy->wipeAtLogout()) copy->wipe();
    session_->api().call(this, v1::rpc::AuthService::Logout, v1::LogoutRequest(),
                         [this](const Result<v1::LogoutResponse>&) { emit signedOut(); });
}

}  // namespace spoed::desk
