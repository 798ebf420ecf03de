// A crisis call through the real desk against a real daemon with the demo data: the unknown
// caller's night, the look-up that never leaves another child on screen, the question before a
// second open case, the contact's start from the call, the shift note for the next shift.
#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>
#include <functional>

#include "client/core/client.hpp"
#include "client/desk/case_forms.hpp"
#include "client/desk/case_view.hpp"
#include "client/desk/consult_queue.hpp"
#include "client/desk/draft_sender.hpp"
#include "client/desk/draft_store.hpp"
#include "client/desk/learning_views.hpp"
#include "client/desk/login_window.hpp"
#include "client/desk/lookup_panel.hpp"
#include "client/desk/main_window.hpp"
#include "client/desk/meldcode_form.hpp"
#include "client/desk/offline_copy.hpp"
#include "client/desk/offline_sync.hpp"
#include "client/desk/plan_editor.hpp"
#include "client/desk/rights_box.hpp"
#include "client/desk/session.hpp"
#include "client/desk/settings.hpp"
#include "client/desk/shift_board.hpp"
#include "client/desk/text.hpp"
#include "client/desk/youth_link_dialog.hpp"
#include "daemon/config.hpp"
#include "spoed/v1/auth.pb.h"
#include "tests/gui/desk_fixture.hpp"
#include "tests/support/service_fixture.hpp"

namespace spoed {
namespace {

using test::WaitUntil;

/// Runs `answer` on the next modal dialog as soon as it is up (the code under test is inside
/// its exec()), made the active window as a click would; stops looking when destroyed.
class DialogAnswer {
  public:
    explicit DialogAnswer(std::function<void(QWidget*)> answer) : answer_(std::move(answer)) {
        poll_.setInterval(20);
        QObject::connect(&poll_, &QTimer::timeout, [this] {
            QWidget* dialog = QApplication::activeModalWidget();
            if (!dialog || !dialog->isVisible()) return;
            poll_.stop();
            done_ = true;
            test::Activate(dialog);
            answer_(dialog);
        });
        poll_.start();
    }
    bool done() const { return done_; }

  private:
    std::function<void(QWidget*)> answer_;
    QTimer poll_;
    bool done_ = false;
};

/// Clicks the button of `role` in a QMessageBox (continue, keep, open the drafts…).
void ClickRole(QWidget* dialog, QMessageBox::ButtonRole role) {
    auto* box = qobject_cast<QMessageBox*>(dialog);
    ASSERT_TRUE(box);
    for (auto* b : box->buttons()) {
        if (box->buttonRole(b) == role) b->click();
    }
}

desk::CaseView* CurrentCase(desk::MainWindow* main) {
    return qobject_cast<desk::CaseView*>(main->tabs()->currentWidget());
}

void Look(desk::LookupPanel* lookup, const QString& text) {
    lookup->searchEdit()->setFocus();
    lookup->searchEdit()->selectAll();
    QTest::keyClick(lookup->searchEdit(), Qt::Key_Backspace);
    QTest::keyClicks(lookup->searchEdit(), text);
    ASSERT_TRUE(WaitUntil([&] { return lookup->resultsCurrent() && lookup->results()->count() > 0; }));
}

/// A number nobody knows, Enter, the caller described: the unknown caller's case, on screen.
desk::CaseView* OpenUnknownCallersCase(desk::MainWindow* main, const QString& number, const QString& description) {
    desk::LookupPanel* lookup = main->lookup();
    main->tabs()->setCurrentWidget(lookup);
    Look(lookup, number);
    DialogAnswer describe([description](QWidget* dialog) {
        QTest::keyClicks(dialog->focusWidget(), description);
        QTest::keyClick(dialog->focusWidget(), Qt::Key_Return);
    });
    QTest::keyClick(lookup->searchEdit(), Qt::Key_Return);
    desk::CaseView* view = nullptr;
    EXPECT_TRUE(WaitUntil([&] { return (view = CurrentCase(main)) && view->data().case_().id() != 0; }));
    return view;
}

TEST(DeskCall, FromThePhoneRingingToThePlanInTwoKeysAndTheNumber) {
    test::DeskDaemon d(true);
    auto anna = test::SignIn(d, QStringLiteral("demo.anna"), QStringLiteral("demo-anna-wachtwoord"));
    ASSERT_TRUE(anna);
    desk::LookupPanel* lookup = anna->lookup();
    // An earlier look-up is still in the box, and Anna is on the shift board.
    anna->tabs()->setCurrentWidget(lookup);
    Look(lookup, QStringLiteral("Sanne"));
    anna->tabs()->setCurrentWidget(anna->shiftBoard());
    anna->shiftBoard()->noteEdit()->setFocus();

    // The phone rings: Ctrl+F, the number, Enter.
    QTest::keyClick(anna.get(), Qt::Key_F, Qt::ControlModifier);
    ASSERT_EQ(QApplication::focusWidget(), lookup->searchEdit());
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("06 2345 6789"));
    EXPECT_EQ(lookup->searchEdit()->text(), QStringLiteral("06 2345 6789"));  // the old text replaced
    ASSERT_TRUE(WaitUntil([&] { return lookup->resultsCurrent() && lookup->results()->count() > 0; }));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    ASSERT_TRUE(WaitUntil([&] { return lookup->planView()->toPlainText().contains(QStringLiteral("4-7-8")); }));
    EXPECT_TRUE(lookup->planView()->toPlainText().contains(QStringLiteral("Opa en oma Visser (fictief)")));

    // Ctrl+2 is the look-up for every role, too.
    anna->tabs()->setCurrentWidget(anna->shiftBoard());
    QTest::keyClick(anna.get(), Qt::Key_2, Qt::ControlModifier);
    EXPECT_EQ(anna->tabs()->currentWidget(), lookup);
    EXPECT_EQ(QApplication::focusWidget(), lookup->searchEdit());
    EXPECT_EQ(lookup->searchEdit()->selectedText(), QStringLiteral("06 2345 6789"));
}

TEST(DeskCall, TheKnownCallerWithThePlanBesideTheCase) {
    test::DeskDaemon d(true);
    auto anna = test::SignIn(d, QStringLiteral("demo.anna"), QStringLiteral("demo-anna-wachtwoord"));
    ASSERT_TRUE(anna);
    desk::LookupPanel* lookup = anna->lookup();
    QTest::keyClick(anna.get(), Qt::Key_F, Qt::ControlModifier);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("06 2345 6789"));
    ASSERT_TRUE(WaitUntil([&] { return lookup->resultsCurrent() && lookup->results()->count() > 0; }));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    ASSERT_TRUE(WaitUntil([&] { return lookup->openCaseButton()->isEnabled() && lookup->planVersion() > 0; }));
    // Alt+O opens the case (or, where Daan has one open, continues it).
    DialogAnswer continue_open([](QWidget* dialog) { QTest::keyClick(dialog, Qt::Key_Return); });
    QTest::keyClick(anna.get(), Qt::Key_O, Qt::AltModifier);
    desk::CaseView* view = nullptr;
    ASSERT_TRUE(WaitUntil([&] { return (view = CurrentCase(anna.get())) && view->data().case_().id() != 0; }));
    ASSERT_TRUE(view->planView());
    ASSERT_TRUE(WaitUntil([&] { return view->planView()->toPlainText().contains(QStringLiteral("4-7-8")); }));
    const QString plan = view->planView()->toPlainText();
    // What the crisis line does and avoids, and the agreements, above the phases.
    EXPECT_LT(plan.indexOf(QStringLiteral("Vader coachen")), plan.indexOf(QStringLiteral("4-7-8")));
    EXPECT_LT(plan.indexOf(QStringLiteral("Niet dreigen met politie")), plan.indexOf(QStringLiteral("4-7-8")));
    EXPECT_LT(plan.indexOf(QStringLiteral("eerst opa en oma bellen")), plan.indexOf(QStringLiteral("4-7-8")));
    EXPECT_TRUE(view->planView()->isVisible());
    EXPECT_TRUE(view->contactForm()->isVisible());  // side by side, on one screen
    test::Activate(anna.get());
    QTest::keyClick(anna.get(), Qt::Key_M, Qt::AltModifier);  // Sa&menvatting
    QTest::keyClicks(QApplication::focusWidget(),
                     QStringLiteral("Vader belt, Daan (fictief) zit op zijn kamer; ademhaling 4-7-8 gedaan."));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    ASSERT_TRUE(WaitUntil([&] { return view->data().contacts_size() > 0; }));
    bool consulted_plan = false;
    for (const auto& c : view->data().contacts()) consulted_plan = consulted_plan || c.plan_version_consulted() > 0;
    EXPECT_TRUE(consulted_plan);
    anna->resize(1280, 800);
    test::Screenshot(anna.get(), QStringLiteral("worker-call-screen-known"));
}

TEST(DeskCall, ANumberNobodyKnowsLeavesNoYouthOnScreen) {
    test::DeskDaemon d(true);
    auto anna = test::SignIn(d, QStringLiteral("demo.anna"), QStringLiteral("demo-anna-wachtwoord"));
    ASSERT_TRUE(anna);
    desk::LookupPanel* lookup = anna->lookup();
    anna->tabs()->setCurrentWidget(lookup);
    Look(lookup, QStringLiteral("06 2345 6789"));
    QTest::keyClick(lookup->searchEdit(), Qt::Key_Return);
    ASSERT_TRUE(WaitUntil([&] { return lookup->planView()->toPlainText().contains(QStringLiteral("4-7-8")); }));
    ASSERT_TRUE(lookup->openCaseButton()->isEnabled());
    EXPECT_FALSE(lookup->unknownCallerButton()->isVisible());

    // The next call: a number nobody knows. Daan and his plan go at once.
    Look(lookup, QStringLiteral("06 9876 0000"));
    EXPECT_EQ(lookup->selectedYouth(), 0);
    EXPECT_EQ(lookup->planVersion(), 0);
    EXPECT_TRUE(lookup->planView()->toPlainText().isEmpty()) << lookup->planView()->toPlainText().toStdString();
    EXPECT_TRUE(lookup->consentLabel()->text().isEmpty());
    EXPECT_EQ(lookup->casesList()->topLevelItemCount(), 0);
    EXPECT_FALSE(lookup->openCaseButton()->isEnabled());
    EXPECT_TRUE(lookup->unknownCallerButton()->isVisible());
    EXPECT_TRUE(lookup->results()->item(0)->text().contains(QStringLiteral("Niemand bekend")))
        << lookup->results()->item(0)->text().toStdString();
    test::Screenshot(anna.get(), QStringLiteral("worker-unknown-number"));
}

TEST(DeskCall, ASecondCaseForAYouthWithAnOpenCaseNeedsTheExplicitChoice) {
    test::DeskDaemon d(true);
    auto anna = test::SignIn(d, QStringLiteral("demo.anna"), QStringLiteral("demo-anna-wachtwoord"));
    ASSERT_TRUE(anna);
    desk::LookupPanel* lookup = anna->lookup();
    anna->tabs()->setCurrentWidget(lookup);
    Look(lookup, QStringLiteral("06 2345 6789"));
    QTest::keyClick(lookup->searchEdit(), Qt::Key_Return);
    ASSERT_TRUE(WaitUntil([&] { return lookup->selectedYouth() != 0; }));
    const std::int64_t daan = lookup->selectedYouth();
    QTest::qWait(300);  // the case list of the youth
    std::int64_t first = 0;
    {
        // Whatever the demo data holds: a case opened here is open afterwards.
        DialogAnswer second_anyway([](QWidget* dialog) { ClickRole(dialog, QMessageBox::DestructiveRole); });
        lookup->openNewCase();
        ASSERT_TRUE(
            WaitUntil([&] { return CurrentCase(anna.get()) && CurrentCase(anna.get())->data().case_().id() != 0; }));
        first = CurrentCase(anna.get())->caseId();
    }

    // Again for Daan: the desk offers to continue, and continuing opens no case.
    anna->tabs()->setCurrentWidget(lookup);
    lookup->showYouth(daan);
    ASSERT_TRUE(WaitUntil([&] {
        for (int i = 0; i < lookup->casesList()->topLevelItemCount(); ++i) {
            if (lookup->casesList()->topLevelItem(i)->data(0, Qt::UserRole).toLongLong() == first) return true;
        }
        return false;
    }));
    QString question;
    DialogAnswer asked([&question](QWidget* dialog) {
        auto* box = qobject_cast<QMessageBox*>(dialog);
        ASSERT_TRUE(box);
        question = box->text();
        test::Screenshot(box, QStringLiteral("worker-duplicate-case"));
        QTest::keyClick(box, Qt::Key_Return);  // the default: continue the open case
    });
    lookup->openNewCase();
    EXPECT_TRUE(asked.done());
    EXPECT_TRUE(question.contains(QStringLiteral("Daan Visser (fictief)"))) << question.toStdString();
    EXPECT_TRUE(question.contains(QStringLiteral("Anna Hoekstra (demo)"))) << question.toStdString();  // who opened it
    ASSERT_TRUE(WaitUntil([&] { return CurrentCase(anna.get()) != nullptr; }));
    EXPECT_EQ(CurrentCase(anna.get())->caseId(), first);

    // Only the explicit choice opens a second one.
    anna->tabs()->setCurrentWidget(lookup);
    DialogAnswer second([](QWidget* dialog) { ClickRole(dialog, QMessageBox::DestructiveRole); });
    lookup->openNewCase();
    EXPECT_TRUE(second.done());
    ASSERT_TRUE(WaitUntil([&] { return CurrentCase(anna.get()) && CurrentCase(anna.get())->caseId() != first; }));
}

TEST(DeskCall, TheContactStartsWhenTheCallStartsNotAtThePreviousSave) {
    test::DeskDaemon d(true);
    auto anna = test::SignIn(d, QStringLiteral("demo.anna"), QStringLiteral("demo-anna-wachtwoord"));
    ASSERT_TRUE(anna);
    desk::CaseView* view = OpenUnknownCallersCase(anna.get(), QStringLiteral("06 9876 0001"),
                                                  QStringLiteral("moeder van een meisje van 15 (fictief)"));
    ASSERT_TRUE(view);
    desk::ContactForm* contact = view->contactForm();
    ASSERT_TRUE(contact->callRunning());
    QTest::keyClicks(contact->summaryEdit(), QStringLiteral("Eerste gesprek."));
    QTest::keyClick(contact->summaryEdit(), Qt::Key_Return, Qt::ControlModifier);
    ASSERT_TRUE(WaitUntil([&] { return view->data().contacts_size() == 1; }));
    const qint64 saved_at = QDateTime::currentSecsSinceEpoch();
    EXPECT_FALSE(contact->callRunning());

    // The next call on this case begins later than the save: its start follows the typing.
    QTest::qWait(2100);
    const qint64 typed_at = QDateTime::currentSecsSinceEpoch();
    QTest::keyClicks(contact->summaryEdit(), QStringLiteral("Tweede gesprek."));
    QTest::keyClick(contact->summaryEdit(), Qt::Key_Return, Qt::ControlModifier);
    ASSERT_TRUE(WaitUntil([&] { return view->data().contacts_size() == 2; }));
    qint64 latest = 0;
    for (const auto& c : view->data().contacts()) latest = std::max<qint64>(latest, c.started_at().seconds());
    EXPECT_GE(latest, typed_at) << "saved at " << saved_at;
    EXPECT_GT(latest, saved_at);
}

TEST(DeskCall, TheNextShiftSeesTheShiftNote) {
    test::DeskDaemon d(true);
    auto anna = test::SignIn(d, QStringLiteral("demo.anna"), QStringLiteral("demo-anna-wachtwoord"));
    ASSERT_TRUE(anna);
    desk::ShiftBoard* board = anna->shiftBoard();
    QTest::keyClicks(board->noteEdit(), QStringLiteral("Daan (fictief): morgen om 10 uur bellen met zijn moeder."));
    board->noteButton()->click();
    ASSERT_TRUE(WaitUntil([&] { return board->notesList()->topLevelItemCount() > 0; }));
    EXPECT_TRUE(board->notesList()->topLevelItem(0)->text(2).contains(QStringLiteral("10 uur")));
    // Anna's own note is not highlighted for her.
    EXPECT_FALSE(board->notesList()->topLevelItem(0)->font(2).bold());
    anna.reset();

    // Bram signs in for the next shift: the note is there, first, and marked for him.
    QTest::qWait(1100);
    auto bram = test::SignIn(d, QStringLiteral("demo.bram"), QStringLiteral("demo-bram-wachtwoord"));
    ASSERT_TRUE(bram);
    QTreeWidget* notes = bram->shiftBoard()->notesList();
    ASSERT_TRUE(WaitUntil([&] { return notes->topLevelItemCount() > 0; }));
    EXPECT_TRUE(notes->topLevelItem(0)->text(2).contains(QStringLiteral("10 uur")));
    EXPECT_TRUE(notes->topLevelItem(0)->text(1).contains(QStringLiteral("Anna Hoekstra")));
    EXPECT_TRUE(notes->topLevelItem(0)->font(2).bold());
    test::Screenshot(bram.get(), QStringLiteral("worker-shift-notes"));
}

TEST(DeskCall, TheUnknownCallersNight) {
    test::DeskDaemon d(true);
    auto anna = test::SignIn(d, QStringLiteral("demo.anna"), QStringLiteral("demo-anna-wachtwoord"));
    ASSERT_TRUE(anna);
    auto pieter = test::SignIn(d, QStringLiteral("demo.pieter"), QStringLiteral("demo-pieter-wachtwoord"));
    ASSERT_TRUE(pieter);
    // What each may do comes from the server's role table: Anna opens cases, Pieter does not.
    EXPECT_TRUE(anna->session().may(v1::rpc::CaseService::OpenCase));
    EXPECT_FALSE(pieter->session().may(v1::rpc::CaseService::OpenCase));
    EXPECT_TRUE(pieter->session().may(v1::rpc::ConsultService::AnswerConsult));
    EXPECT_TRUE(anna->lookup()->openCaseButton()->isVisibleTo(anna->lookup()));
    EXPECT_FALSE(pieter->lookup()->openCaseButton()->isVisibleTo(pieter->lookup()));
    test::Activate(anna.get());

    // 23:10 — a number nobody knows. Anna types it; Enter opens a case for an unknown caller.
    desk::LookupPanel* lookup = anna->lookup();
    anna->tabs()->setCurrentWidget(lookup);
    lookup->searchEdit()->setFocus();
    QTest::keyClicks(lookup->searchEdit(), QStringLiteral("06 5555 1234"));
    ASSERT_TRUE(WaitUntil([&] { return lookup->resultsCurrent() && lookup->unknownCallerButton()->isVisible(); }));
    EXPECT_EQ(lookup->selectedYouth(), 0);
    QString number_shown;
    DialogAnswer dialog_done([&number_shown](QWidget* dialog) {
        test::Screenshot(dialog, QStringLiteral("worker-unknown-caller"));
        number_shown = dialog->findChild<QLineEdit*>(QStringLiteral("callerNumber"))->text();
        QTest::keyClicks(dialog->focusWidget(), QStringLiteral("vader van een jongen van ongeveer 14 (fictief)"));
        QTest::keyClick(dialog->focusWidget(), Qt::Key_Return);
    });
    const qint64 call_began = QDateTime::currentSecsSinceEpoch();
    QTest::keyClick(lookup->searchEdit(), Qt::Key_Return);
    EXPECT_TRUE(dialog_done.done());
    EXPECT_EQ(number_shown, QStringLiteral("06-55551234"));
    desk::CaseView* view = nullptr;
    ASSERT_TRUE(WaitUntil([&] { return (view = CurrentCase(anna.get())) && view->data().case_().id() != 0; }));
    EXPECT_EQ(view->data().case_().youth_id(), 0);
    const int tab = anna->tabs()->indexOf(view);
    ASSERT_TRUE(WaitUntil([&] { return anna->tabs()->tabText(tab).contains(QStringLiteral("vader van een jongen")); }))
        << anna->tabs()->tabText(tab).toStdString();
    desk::ContactForm* contact = view->contactForm();
    ASSERT_TRUE(contact);
    EXPECT_TRUE(contact->callRunning());
    EXPECT_FALSE(contact->callTimerLabel()->text().isEmpty());
    EXPECT_EQ(contact->callerRoleBox()->currentData().toInt(), int(v1::CALLER_ROLE_PARENT));
    EXPECT_EQ(contact->phoneEdit()->text(), QStringLiteral("06-55551234"));

    // Mid-call the father gives his son's name: Anna registers him from the case (Alt+R).
    EXPECT_TRUE(view->linkYouthButton()->isVisible());
    DialogAnswer registered([](QWidget* dialog) {
        QTest::keyClick(dialog, Qt::Key_V, Qt::AltModifier);  // &Voornaam
        QTest::keyClicks(dialog->focusWidget(), QStringLiteral("Mees"));
        QTest::keyClick(dialog, Qt::Key_A, Qt::AltModifier);  // &Achternaam
        QTest::keyClicks(dialog->focusWidget(), QStringLiteral("Kramer (fictief)"));
        QTest::keyClick(dialog, Qt::Key_G, Qt::AltModifier);            // &Geboortedatum of leeftijd
        QTest::keyClicks(dialog->focusWidget(), QStringLiteral("14"));  // the father said "about 14"
        QTest::keyClick(dialog, Qt::Key_M, Qt::AltModifier);            // Ge&meente
        QTest::keyClicks(dialog->focusWidget(), QStringLiteral("Veendam"));
        test::Screenshot(dialog, QStringLiteral("worker-register-youth"));
        QTest::keyClick(dialog->focusWidget(), Qt::Key_Return);
    });
    test::Activate(anna.get());                               // back from the caller's dialog
    QTest::keyClick(anna.get(), Qt::Key_R, Qt::AltModifier);  // a mnemonic clicks a moment later
    ASSERT_TRUE(WaitUntil([&] { return view->data().case_().youth_id() != 0; }));
    EXPECT_TRUE(registered.done());
    ASSERT_TRUE(WaitUntil([&] { return anna->tabs()->tabText(tab) == QStringLiteral("Mees Kramer (fictief)"); }))
        << anna->tabs()->tabText(tab).toStdString();
    EXPECT_TRUE(view->headerLabel()->text().contains(QStringLiteral("Mees Kramer (fictief)")));
    EXPECT_FALSE(view->linkYouthButton()->isVisible());

    // The contact, written while the call runs, saved with Ctrl+Enter: its start is the call's.
    test::Activate(anna.get());
    QTest::keyClick(anna.get(), Qt::Key_M, Qt::AltModifier);  // Sa&menvatting
    ASSERT_EQ(QApplication::focusWidget(), contact->summaryEdit());
    QTest::keyClicks(contact->summaryEdit(), QStringLiteral("Vader belt: zoon (fictief) dreigt weg te lopen."));
    test::Screenshot(anna.get(), QStringLiteral("worker-call-screen"));
    QTest::keyClick(contact->summaryEdit(), Qt::Key_Return, Qt::ControlModifier);
    ASSERT_TRUE(WaitUntil([&] { return view->data().contacts_size() == 1; }));
    const auto& logged = view->data().contacts(0);
    EXPECT_GE(logged.started_at().seconds(), call_began - 1);
    EXPECT_LE(logged.started_at().seconds(), call_began + 2);
    EXPECT_EQ(logged.caller_role(), v1::CALLER_ROLE_PARENT);

    // An urgent consult: "now, call back".
    QTest::keyClick(anna.get(), Qt::Key_L, Qt::AltModifier);  // Consu&lt
    desk::ConsultRequestForm* consult = view->consultForm();
    ASSERT_TRUE(WaitUntil([&] { return consult->isVisible(); }));
    QTest::keyClick(anna.get(), Qt::Key_A, Qt::AltModifier);  // Vr&aag
    ASSERT_EQ(QApplication::focusWidget(), consult->questionEdit());
    QTest::keyClicks(consult->questionEdit(),
                     QStringLiteral("Zoon dreigt weg te lopen; thuis houden of crisisplaatsing?"));
    QTest::keyClick(anna.get(), Qt::Key_U, Qt::AltModifier);  // &Urgentie
    consult->urgencyBox()->setCurrentIndex(consult->urgencyBox()->findData(int(v1::URGENCY_IMMEDIATE)));
    QTest::keyClick(consult->urgencyBox(), Qt::Key_Return, Qt::ControlModifier);
    ASSERT_TRUE(WaitUntil([&] { return view->data().consults_size() == 1; }));

    // Pieter, at home: the request is first in his queue, marked, with the youth's name, and
    // it sounds until he opens it.
    desk::ConsultQueue* queue = pieter->consultQueue();
    ASSERT_TRUE(WaitUntil(
        [&] {
            return queue->queue()->topLevelItemCount() > 0 &&
                   queue->queue()->topLevelItem(0)->text(2) == QStringLiteral("Mees Kramer (fictief)");
        },
        30'000))
        << (queue->queue()->topLevelItemCount() ? queue->queue()->topLevelItem(0)->text(2).toStdString() : "");
    EXPECT_TRUE(queue->queue()->topLevelItem(0)->text(1).contains(QStringLiteral("Nu, terugbellen")));
    EXPECT_TRUE(WaitUntil([&] { return pieter->notificationCount() > 0; }));
    test::Activate(pieter.get());
    pieter->tabs()->setCurrentWidget(queue);
    queue->queue()->setCurrentItem(nullptr);
    queue->queue()->setCurrentItem(queue->queue()->topLevelItem(0));
    ASSERT_TRUE(WaitUntil([&] { return !queue->sounding(); }));
    // He decides knowing who and how old, with the plan beside the question.
    const QString heading = QStringLiteral("Mees Kramer (fictief), ongeveer 14 jaar");
    EXPECT_TRUE(WaitUntil([&] { return queue->questionLabel()->text().contains(heading); }))
        << queue->questionLabel()->text().toStdString();
    test::Screenshot(pieter.get(), QStringLiteral("psychiatrist-urgent-consult"));

    // Advice typed for one consult stays with it: the next consult shows its own box.
    QTest::keyClicks(queue->adviceEdit(), QStringLiteral("Thuis houden; vader blijft bij de deur."));
    ASSERT_GE(queue->queue()->topLevelItemCount(), 2);
    queue->queue()->setCurrentItem(queue->queue()->topLevelItem(1));
    ASSERT_TRUE(WaitUntil([&] { return !queue->questionLabel()->text().contains(QStringLiteral("Mees Kramer")); }));
    EXPECT_TRUE(queue->adviceEdit()->toPlainText().isEmpty()) << queue->adviceEdit()->toPlainText().toStdString();
    queue->queue()->setCurrentItem(queue->queue()->topLevelItem(0));
    ASSERT_TRUE(WaitUntil([&] { return queue->questionLabel()->text().contains(QStringLiteral("Mees Kramer")); }));
    EXPECT_EQ(queue->adviceEdit()->toPlainText(), QStringLiteral("Thuis houden; vader blijft bij de deur."));
    // Pieter answers (Alt+A, the advice's button); Anna's case shows the advice.
    QTest::keyClick(pieter.get(), Qt::Key_A, Qt::AltModifier);
    ASSERT_TRUE(WaitUntil([&] { return queue->adviceEdit()->toPlainText().isEmpty() && !queue->sounding(); }))
        << queue->statusLabel()->text().toStdString();
    view->refresh();
    ASSERT_TRUE(WaitUntil([&] {
        for (const auto& c : view->data().consults()) {
            if (c.advice() == "Thuis houden; vader blijft bij de deur.") return true;
        }
        return false;
    }));

    // The handover starts from the same case.
    test::Activate(anna.get());
    anna->tabs()->setCurrentWidget(view);
    QTest::keyClick(anna.get(), Qt::Key_O, Qt::AltModifier);  // &Overdracht
    ASSERT_TRUE(WaitUntil([&] { return view->handoverForm()->isVisible(); }));
    QTest::keyClick(anna.get(), Qt::Key_N, Qt::AltModifier);  // Of &naam
    ASSERT_EQ(QApplication::focusWidget(), view->handoverForm()->nameEdit());
    QTest::keyClicks(view->handoverForm()->nameEdit(), QStringLiteral("Jeugdteam Veendam (fictief)"));
    // No consent of this new youth yet: the handover goes on the legal ground, typed in.
    QTest::keyClick(anna.get(), Qt::Key_W, Qt::AltModifier);  // &Wettelijke grond
    QTest::keyClicks(QApplication::focusWidget(),
                     QStringLiteral("zorgen over de veiligheid van de jeugdige (fictief)"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    ASSERT_TRUE(WaitUntil([&] {
        return view->handoverForm()->listLabel()->text().contains(QStringLiteral("Veendam"));
    })) << view->handoverForm()->statusLabel()->text().toStdString();
}

}  // namespace
}  // namespace spoed

namespace spoed {
namespace {

int ContactsWith(desk::CaseView* view, const QString& summary) {
    int n = 0;
    for (const auto& c : view->data().contacts()) n += QString::fromStdString(c.summary()) == summary ? 1 : 0;
    return n;
}

TEST(DeskKeys, EscapeNeverThrowsAwayTypedText) {
    test::DeskDaemon d(false);
    d.InsertUser("willem", "crisis_worker");
    auto willem = test::SignIn(d, QStringLiteral("willem"), QString::fromLatin1(test::kTestPassword));
    ASSERT_TRUE(willem);
    desk::YouthLinkDialog dialog(willem->session(), 1, QStringLiteral("06-12345678"));
    dialog.show();
    test::Activate(&dialog);
    // Filled in by the desk, nothing typed: Escape closes.
    QTest::keyClick(&dialog, Qt::Key_Escape);
    EXPECT_FALSE(dialog.isVisible());
    dialog.show();
    test::Activate(&dialog);
    dialog.givenNameEdit()->setFocus();
    QTest::keyClicks(dialog.givenNameEdit(), QStringLiteral("Mees"));
    QTest::keyClick(dialog.givenNameEdit(), Qt::Key_Escape);
    EXPECT_TRUE(dialog.isVisible());
    EXPECT_EQ(dialog.givenNameEdit()->text(), QStringLiteral("Mees"));
    dialog.reject();  // Cancel still closes
    EXPECT_FALSE(dialog.isVisible());
}

TEST(DeskDrafts, ADraftSurvivesItsClosedTabARestartAndAnOutageAndIsWrittenOnce) {
    test::DeskDaemon d(true);
    auto anna = test::SignIn(d, QStringLiteral("demo.anna"), QStringLiteral("demo-anna-wachtwoord"));
    ASSERT_TRUE(anna);
    desk::CaseView* view = OpenUnknownCallersCase(anna.get(), QStringLiteral("06 9876 0002"),
                                                  QStringLiteral("oma van een jongen van 13 (fictief)"));
    ASSERT_TRUE(view);
    const std::int64_t case_id = view->caseId();
    const QString text = QStringLiteral("Oma belt: kleinzoon (fictief) is weggelopen, nu terug bij haar.");
    QTest::keyClicks(view->contactForm()->summaryEdit(), text);
    const std::string key = view->contactForm()->draft().key();
    QTest::qWait(600);  // kept on disk a moment after the last key

    // The sealed file holds no word of it.
    {
        QFile sealed(anna->session().drafts()->path());
        ASSERT_TRUE(sealed.open(QIODevice::ReadOnly));
        const QByteArray bytes = sealed.readAll();
        EXPECT_FALSE(bytes.contains("kleinzoon"));
        EXPECT_FALSE(bytes.contains("Oma belt"));
    }

    // 1. Closing the tab asks first; the text stays and comes back with the case.
    QString question;
    {
        DialogAnswer keep([&question](QWidget* dialog) {
            question = qobject_cast<QMessageBox*>(dialog)->text();
            ClickRole(dialog, QMessageBox::AcceptRole);
        });
        emit anna->tabs()->tabCloseRequested(anna->tabs()->indexOf(view));
        EXPECT_TRUE(keep.done());
    }
    EXPECT_TRUE(question.contains(QStringLiteral("nog niet"))) << question.toStdString();
    ASSERT_TRUE(WaitUntil([&] { return anna->caseView(case_id) == nullptr; }));
    view = anna->openCase(case_id);
    EXPECT_EQ(view->contactForm()->summaryEdit()->toPlainText(), text);
    EXPECT_EQ(view->contactForm()->draft().key(), key);

    // 2. The server goes away; saving keeps the draft; the desk is closed (or crashes).
    d.Stop();
    test::Activate(anna.get());
    QTest::keyClick(view->contactForm()->summaryEdit(), Qt::Key_Return, Qt::ControlModifier);
    ASSERT_TRUE(WaitUntil([&] { return view->contactForm()->draft().waiting(); }));
    anna.reset();

    // 3. The server is back; at the next log-in the draft is offered and comes back as it was.
    d.Restart();
    std::shared_ptr<DialogAnswer> offer;
    QString offered;
    offer = std::make_shared<DialogAnswer>([&offered](QWidget* dialog) {
        offered = qobject_cast<QMessageBox*>(dialog)->text();
        test::Screenshot(dialog, QStringLiteral("worker-offline-draft"));
        ClickRole(dialog, QMessageBox::AcceptRole);
    });
    anna = test::SignIn(d, QStringLiteral("demo.anna"), QStringLiteral("demo-anna-wachtwoord"));
    ASSERT_TRUE(anna);
    ASSERT_TRUE(WaitUntil([&] { return offer->done() && anna->caseView(case_id) != nullptr; }));
    EXPECT_TRUE(offered.contains(QStringLiteral("oma van een jongen"))) << offered.toStdString();
    view = anna->caseView(case_id);
    EXPECT_EQ(view->contactForm()->summaryEdit()->toPlainText(), text);
    EXPECT_EQ(view->contactForm()->draft().key(), key);

    // 4. Sent: written once, and the same key again writes nothing more.
    test::Activate(anna.get());
    QTest::keyClick(view->contactForm()->summaryEdit(), Qt::Key_Return, Qt::ControlModifier);
    ASSERT_TRUE(WaitUntil([&] { return ContactsWith(view, text) == 1; }));
    v1::LogContactRequest again;
    again.set_case_id(case_id);
    again.set_type(v1::CONTACT_TYPE_INCOMING_CALL);
    again.set_caller_role(v1::CALLER_ROLE_OTHER);
    again.mutable_started_at()->set_seconds(QDateTime::currentSecsSinceEpoch() - 60);
    again.set_summary(text.toStdString());
    again.set_idempotency_key(key);
    bool answered = false;
    anna->session().api().call(anna.get(), v1::rpc::CaseService::LogContact, again,
                               [&answered](const Result<v1::LogContactResponse>&) { answered = true; });
    ASSERT_TRUE(WaitUntil([&] { return answered; }));
    view->refresh();
    QTest::qWait(500);
    EXPECT_EQ(ContactsWith(view, text), 1);
    // Sent, so no longer kept.
    EXPECT_FALSE(anna->session().drafts()->get(QStringLiteral("contact/%1").arg(case_id)).has_value());
}

TEST(DeskDrafts, UnsavedPlanChangesComeBackAfterARestart) {
    test::DeskDaemon d(true);
    auto carla = test::SignIn(d, QStringLiteral("demo.carla"), QStringLiteral("demo-carla-wachtwoord"));
    ASSERT_TRUE(carla);
    desk::LookupPanel* lookup = carla->lookup();
    carla->tabs()->setCurrentWidget(lookup);
    Look(lookup, QStringLiteral("06 2345 6789"));
    QTest::keyClick(lookup->searchEdit(), Qt::Key_Return);
    ASSERT_TRUE(WaitUntil([&] { return lookup->selectedYouth() != 0; }));
    const std::int64_t daan = lookup->selectedYouth();
    desk::PlanEditor* editor = carla->planEditor();
    carla->tabs()->setCurrentWidget(editor);
    editor->loadYouth(daan);
    ASSERT_TRUE(WaitUntil([&] { return editor->baseVersion() > 0; }));
    const int base = editor->baseVersion();
    editor->field(QStringLiteral("own_coping"))->appendPlainText(QStringLiteral("Met de hond wandelen"));
    QTest::keyClicks(editor->changeNoteEdit(), QStringLiteral("Aangescherpt na de crisis"));
    QTest::qWait(600);
    carla.reset();  // the desk is gone before the version was saved

    std::shared_ptr<DialogAnswer> offer =
        std::make_shared<DialogAnswer>([](QWidget* dialog) { ClickRole(dialog, QMessageBox::AcceptRole); });
    carla = test::SignIn(d, QStringLiteral("demo.carla"), QStringLiteral("demo-carla-wachtwoord"));
    ASSERT_TRUE(carla);
    editor = carla->planEditor();
    ASSERT_TRUE(WaitUntil([&] {
        return offer->done() && editor->baseVersion() == base &&
               editor->field(QStringLiteral("own_coping"))
                   ->toPlainText()
                   .contains(QStringLiteral("Met de hond wandelen"));
    })) << editor->field(QStringLiteral("own_coping"))->toPlainText().toStdString();
    EXPECT_EQ(editor->changeNoteEdit()->text(), QStringLiteral("Aangescherpt na de crisis"));
    EXPECT_EQ(carla->tabs()->currentWidget(), editor);
    editor->saveButton()->click();
    ASSERT_TRUE(WaitUntil([&] { return editor->baseVersion() == base + 1; }))
        << editor->statusLabel()->text().toStdString();
    EXPECT_FALSE(carla->session().drafts()->get(QStringLiteral("plan/%1").arg(daan)).has_value());
}

TEST(DeskDrafts, AnEvaluationsUnsavedTextComesBackAfterARestart) {
    test::DeskDaemon d(true);
    auto carla = test::SignIn(d, QStringLiteral("demo.carla"), QStringLiteral("demo-carla-wachtwoord"));
    ASSERT_TRUE(carla);
    desk::EvaluationsView* ev = carla->evaluations();
    carla->tabs()->setCurrentWidget(ev);
    ev->caseIdBox()->setValue(1);  // the demo's first case, closed
    ev->planButton()->click();
    ASSERT_TRUE(WaitUntil([&] { return ev->current().id() != 0; })) << ev->statusLabel()->text().toStdString();
    const std::int64_t evaluation = ev->current().id();
    QTest::keyClicks(ev->analysisField("went_well"), QStringLiteral("Het plan lag binnen een minuut klaar."));
    QTest::qWait(600);
    carla.reset();

    std::shared_ptr<DialogAnswer> offer =
        std::make_shared<DialogAnswer>([](QWidget* dialog) { ClickRole(dialog, QMessageBox::AcceptRole); });
    carla = test::SignIn(d, QStringLiteral("demo.carla"), QStringLiteral("demo-carla-wachtwoord"));
    ASSERT_TRUE(carla);
    ev = carla->evaluations();
    ASSERT_TRUE(WaitUntil([&] {
        return offer->done() && ev->current().id() == evaluation &&
               ev->analysisField("went_well")->toPlainText() == QStringLiteral("Het plan lag binnen een minuut klaar.");
    })) << ev->analysisField("went_well")->toPlainText().toStdString();
    ev->saveButton()->click();
    ASSERT_TRUE(WaitUntil([&] {
        return ev->current().analysis().went_well() == "Het plan lag binnen een minuut klaar.";
    })) << ev->statusLabel()->text().toStdString();
    EXPECT_FALSE(carla->session().drafts()->get(QStringLiteral("evaluation/%1").arg(evaluation)).has_value());
    EXPECT_FALSE(ev->hasUnsentText());
}

// --- the Meldcode inside a case (issue 19) --------------------------------------------------------

TEST(DeskMeldcode, FromTheSignalsToTheRequiredReportByKeyboard) {
    test::DeskDaemon d(true);
    auto anna = test::SignIn(d, QStringLiteral("demo.anna"), QStringLiteral("demo-anna-wachtwoord"));
    ASSERT_TRUE(anna);
    // The call begins with the first key of the look-up; the case is opened a while later, and
    // opens at the call's start.
    desk::LookupPanel* lookup = anna->lookup();
    anna->tabs()->setCurrentWidget(lookup);
    const qint64 first_key = QDateTime::currentSecsSinceEpoch();
    Look(lookup, QStringLiteral("06 9876 0042"));
    QTest::qWait(2100);
    DialogAnswer describe([](QWidget* dialog) {
        QTest::keyClicks(dialog->focusWidget(), QStringLiteral("moeder van een meisje van 13 (fictief)"));
        QTest::keyClick(dialog->focusWidget(), Qt::Key_Return);
    });
    QTest::keyClick(lookup->searchEdit(), Qt::Key_Return);
    desk::CaseView* view = nullptr;
    ASSERT_TRUE(WaitUntil([&] { return (view = CurrentCase(anna.get())) && view->data().case_().id() != 0; }));
    EXPECT_LE(view->data().case_().opened_at().seconds(), first_key + 1);
    EXPECT_GE(view->data().case_().opened_at().seconds(), first_key - 1);

    // Alt+J: the Meldcode tab; Alt+1 the signals; Alt+T starts the track.
    test::Activate(anna.get());
    QTest::keyClick(anna.get(), Qt::Key_J, Qt::AltModifier);  // Meldcode-tra&ject
    desk::MeldcodeForm* form = view->meldcodeForm();
    ASSERT_TRUE(WaitUntil([&] { return form->isVisible() && form->startButton()->isVisible(); }));
    QTest::keyClick(anna.get(), Qt::Key_1, Qt::AltModifier);
    ASSERT_EQ(QApplication::focusWidget(), form->signalsEdit());
    QTest::keyClicks(form->signalsEdit(), QStringLiteral("Moeder zegt dat haar partner haar vanavond duwde waar het "
                                                         "meisje bij was (fictief)."));
    QTest::keyClick(anna.get(), Qt::Key_T, Qt::AltModifier);  // &Traject starten
    ASSERT_TRUE(WaitUntil([&] { return form->track().id() != 0; })) << form->statusLabel()->text().toStdString();

    // Step 2: Veilig Thuis, anonymously.
    QTest::keyClick(anna.get(), Qt::Key_M, Qt::AltModifier);  // &Met
    ASSERT_EQ(QApplication::focusWidget(), form->consultationKindBox());
    QTest::keyClick(form->consultationKindBox(), Qt::Key_Down);  // collega → aandachtsfunctionaris
    QTest::keyClick(form->consultationKindBox(), Qt::Key_Down);  // → Veilig Thuis
    ASSERT_EQ(form->consultationKindBox()->currentData().toInt(), int(v1::CONSULTATION_KIND_VEILIG_THUIS));
    QTest::keyClick(anna.get(), Qt::Key_W, Qt::AltModifier);  // &Wie
    ASSERT_EQ(QApplication::focusWidget(), form->withWhomEdit());
    QTest::keyClicks(form->withWhomEdit(), QStringLiteral("Veilig Thuis Groningen (fictief)"));
    QTest::keyClick(anna.get(), Qt::Key_Z, Qt::AltModifier);                    // Anoniem besproken (&zonder …)
    EXPECT_TRUE(WaitUntil([&] { return form->anonymousBox()->isChecked(); }));  // after the button's animated click
    QTest::keyClick(anna.get(), Qt::Key_V, Qt::AltModifier);                    // Ad&vies
    QTest::keyClicks(form->adviceEdit(), QStringLiteral("Acuut onveilig: vannacht melden."));
    QTest::keyClick(anna.get(), Qt::Key_E, Qt::AltModifier);  // Consultatie vastl&eggen
    ASSERT_TRUE(WaitUntil([&] { return form->track().consultations_size() == 1; }))
        << form->statusLabel()->text().toStdString();

    // Step 3 not held, for safety; steps 4 and 5: a suspicion and acute unsafety.
    QTest::keyClick(anna.get(), Qt::Key_3, Qt::AltModifier);
    ASSERT_EQ(QApplication::focusWidget(), form->conversationBox());
    QTest::keyClick(form->conversationBox(), Qt::Key_Down);  // not recorded → held
    QTest::keyClick(form->conversationBox(), Qt::Key_Down);  // → not held
    ASSERT_EQ(form->conversationBox()->currentData().toInt(), int(v1::CONVERSATION_NOT_HELD));
    QTest::keyClick(anna.get(), Qt::Key_H, Qt::AltModifier);  // &Hoe het ging, of waarom niet
    QTest::keyClicks(form->conversationNoteEdit(),
                     QStringLiteral("De partner is thuis; een gesprek is nu niet veilig."));
    for (int n : {1, 2}) {
        form->answerBox(n)->setCurrentIndex(form->answerBox(n)->findData(int(v1::MELDCODE_ANSWER_YES)));
        QTest::keyClicks(form->reasonEdit(n), QStringLiteral("volgens moeder (fictief)"));
    }
    QTest::keyClick(anna.get(), Qt::Key_A, Qt::AltModifier);  // Stappen opsl&aan
    ASSERT_TRUE(WaitUntil([&] { return form->track().report_required(); }))
        << form->statusLabel()->text().toStdString();
    // Only a report is offered now, and the screen says why.
    EXPECT_EQ(form->decisionBox()->count(), 1);
    EXPECT_EQ(form->decisionBox()->currentData().toInt(), int(v1::MELDCODE_DECISION_REPORT));
    EXPECT_TRUE(form->summaryLabel()->text().contains(QStringLiteral("melden verplicht")))
        << form->summaryLabel()->text().toStdString();
    QTest::keyClick(anna.get(), Qt::Key_F, Qt::AltModifier);  // Re&ferentie van Veilig Thuis
    ASSERT_EQ(QApplication::focusWidget(), form->referenceEdit());
    QTest::keyClicks(form->referenceEdit(), QStringLiteral("VT-2026-0042 (fictief)"));
    QTest::keyClick(anna.get(), Qt::Key_I, Qt::AltModifier);  // Toel&ichting
    QTest::keyClicks(form->decisionNoteEdit(), QStringLiteral("Telefonisch gemeld."));
    test::Screenshot(anna.get(), QStringLiteral("worker-meldcode-report-required"));
    QTest::keyClick(anna.get(), Qt::Key_N, Qt::AltModifier);  // Besluit &nemen
    ASSERT_TRUE(WaitUntil([&] { return form->track().state() == v1::MELDCODE_STATE_DECIDED; }))
        << form->statusLabel()->text().toStdString();
    EXPECT_TRUE(form->summaryLabel()->text().contains(QStringLiteral("VT-2026-0042")))
        << form->summaryLabel()->text().toStdString();
    ASSERT_TRUE(WaitUntil([&] { return view->data().has_meldcode(); }));
    test::Screenshot(anna.get(), QStringLiteral("worker-meldcode-decided"));

    // The aandachtsfunctionaris sees the track on her board, with the case's name.
    auto carla = test::SignIn(d, QStringLiteral("demo.carla"), QStringLiteral("demo-carla-wachtwoord"));
    ASSERT_TRUE(carla);
    auto* board = carla->findChild<desk::MeldcodeBoard*>();
    ASSERT_TRUE(board);
    carla->tabs()->setCurrentWidget(board);
    board->findChild<QCheckBox*>()->setChecked(true);  // decided tracks too
    ASSERT_TRUE(WaitUntil([&] { return board->list()->topLevelItemCount() == 1; }));
    ASSERT_TRUE(WaitUntil([&] { return board->list()->topLevelItem(0)->text(1).contains(QStringLiteral("moeder")); }))
        << board->list()->topLevelItem(0)->text(1).toStdString();
    test::Screenshot(carla.get(), QStringLiteral("coordinator-meldcode-board"));
}

// --- the rights of the youth and the parents (issue 19) --------------------------------------------

TEST(DeskRights, TheCoordinatorAddsAParentsStatementAndSavesTheInzageExport) {
    test::DeskDaemon d(true);
    auto carla = test::SignIn(d, QStringLiteral("demo.carla"), QStringLiteral("demo-carla-wachtwoord"));
    ASSERT_TRUE(carla);
    ASSERT_TRUE(test::ShowDaanInLookUp(carla.get()));
    desk::PlanEditor* editor = carla->planEditor();
    carla->tabs()->setCurrentWidget(editor);
    editor->loadYouth(carla->lookup()->selectedYouth());
    desk::RightsBox* rights = editor->rightsBox();
    ASSERT_TRUE(WaitUntil([&] { return rights->isEnabled(); }));

    // The father's statement, typed in the dialog; shown with the record at once.
    DialogAnswer statement([](QWidget* dialog) {
        QTest::keyClicks(dialog->focusWidget(), QStringLiteral("Vader van Daan (fictief)"));
        QTest::keyClick(dialog->focusWidget(), Qt::Key_Tab);         // by: the youth …
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);  // … a parent or guardian
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);   // about
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("het eerste gesprek"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);  // the statement
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Hij heeft niet gedreigd; hij was bang."));
        auto* box = dialog->findChild<QDialogButtonBox*>();
        ASSERT_TRUE(box);
        for (auto* b : box->buttons()) {
            if (box->buttonRole(b) == QDialogButtonBox::AcceptRole) b->click();
        }
    });
    rights->statementButton()->click();
    ASSERT_TRUE(WaitUntil([&] { return rights->statementsLabel()->text().contains(QStringLiteral("niet gedreigd")); }))
        << rights->statusLabel()->text().toStdString();
    EXPECT_TRUE(rights->statementsLabel()->text().contains(QStringLiteral("Vader van Daan (fictief) (een ouder)")))
        << rights->statementsLabel()->text().toStdString();
    test::Screenshot(carla.get(), QStringLiteral("coordinator-rights"));

    // The inzage export: the Dutch document and its JSON beside it.
    test::TempDir out;
    const QString html = QString::fromStdString(out.file("inzage-daan.html"));
    bool finished = false, ok = false;
    QObject::connect(rights, &desk::RightsBox::exportFinished, [&](bool result) {
        finished = true;
        ok = result;
    });
    rights->exportTo(html);
    ASSERT_TRUE(WaitUntil([&] { return finished; }));
    ASSERT_TRUE(ok) << rights->statusLabel()->text().toStdString();
    QFile doc(html), json(QString::fromStdString(out.file("inzage-daan.json")));
    ASSERT_TRUE(doc.open(QIODevice::ReadOnly));
    ASSERT_TRUE(json.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(doc.readAll());
    EXPECT_TRUE(text.contains(QStringLiteral("Inzage in het dossier van Daan"))) << text.left(300).toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Hij heeft niet gedreigd")));
    EXPECT_TRUE(QString::fromUtf8(json.readAll()).contains(QStringLiteral("\"access_log\"")));

    // A granted destruction request: registered, and the personal data goes at once.
    DialogAnswer destruction([](QWidget* dialog) {
        QTest::keyClicks(dialog->focusWidget(), QStringLiteral("Vader van Daan (fictief)"));
        QTest::keyClick(dialog->focusWidget(), Qt::Key_Tab);         // who: the youth …
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);  // … a parent or guardian
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);   // the decision: refused …
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);  // … granted
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);   // the reason
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Geen zwaarwegend belang van een ander."));
        auto* box = dialog->findChild<QDialogButtonBox*>();
        ASSERT_TRUE(box);
        for (auto* b : box->buttons()) {
            if (box->buttonRole(b) == QDialogButtonBox::AcceptRole) b->click();
        }
    });
    bool recorded = false;
    QObject::connect(rights, &desk::RightsBox::destructionRecorded, [&] { recorded = true; });
    rights->destructionButton()->click();
    ASSERT_TRUE(WaitUntil([&] { return recorded; })) << rights->statusLabel()->text().toStdString();
    EXPECT_TRUE(rights->statusLabel()->text().contains(QStringLiteral("P-")))
        << rights->statusLabel()->text().toStdString();
    EXPECT_FALSE(rights->statementsLabel()->text().contains(QStringLiteral("niet gedreigd")));
    test::Screenshot(carla.get(), QStringLiteral("coordinator-destruction"));
}

// --- signing in while someone fails the worker's log-in elsewhere (issue 18) -------------------

/// Wrong passwords for `user` from `n` addresses the server never saw, as a botnet would try.
void FailElsewhere(const test::DeskDaemon& d, const std::string& user, int n) {
    for (int i = 0; i < n; ++i) {
        client::ClientOptions o;
        o.server_url = d.url().toStdString();
        o.ca_file = d.ca().toStdString();
        o.max_retries = 0;
        o.source_address = "127.0.0." + std::to_string(40 + i);
        client::Client c(o);
        v1::LoginRequest req;
        req.set_username(user);
        req.set_password("a guess " + std::to_string(i));
        EXPECT_FALSE(c.Call(v1::rpc::AuthService::Login, req).ok());
    }
}

TEST(DeskSignIn, TheWorkersOwnDeskSignsInWhileHerAccountIsLockedElsewhere) {
    test::DeskDaemon d(false);
    d.InsertUser("lotte", "crisis_worker");
    {
        auto first = test::SignIn(d, QStringLiteral("lotte"), QString::fromLatin1(test::kTestPassword));
        ASSERT_TRUE(first) << "the desk signs in once and keeps the server's device token";
    }
    FailElsewhere(d, "lotte", 12);

    // A desk that never signed in as Lotte is locked out, and says so in Dutch, with the wait.
    const QString token = desk::DeviceToken(d.url(), QStringLiteral("lotte"));
    ASSERT_FALSE(token.isEmpty());
    desk::SetDeviceToken(d.url(), QStringLiteral("lotte"), QString());
    {
        desk::LoginWindow login;
        login.show();
        login.serverEdit()->setText(d.url());
        login.caEdit()->setText(d.ca());
        login.userEdit()->setText(QStringLiteral("lotte"));
        login.passwordEdit()->setText(QString::fromLatin1(test::kTestPassword));
        login.loginButton()->click();
        ASSERT_TRUE(test::WaitUntil([&] { return login.messageLabel()->text().startsWith(QStringLiteral("Te veel")); }))
            << login.messageLabel()->text().toStdString();
        EXPECT_TRUE(login.messageLabel()->text().contains(QStringLiteral("seconde")))
            << login.messageLabel()->text().toStdString();
        test::Screenshot(&login, QStringLiteral("login-locked-elsewhere"));
    }
    // Her own desk, with its token back: in at once.
    desk::SetDeviceToken(d.url(), QStringLiteral("lotte"), token);
    auto again = test::SignIn(d, QStringLiteral("lotte"), QString::fromLatin1(test::kTestPassword));
    EXPECT_TRUE(again) << "failures elsewhere do not lock out a desk that signed in before";
}

/// Calls `rpc` on the desk's own connection and waits for the answer.
template <typename Req, typename Resp>
Result<Resp> CallAndWait(desk::MainWindow* desk, const v1::rpc::Method<Req, Resp>& rpc, const Req& req) {
    std::optional<Result<Resp>> answer;
    desk->session().api().call(desk, rpc, req, [&answer](const Result<Resp>& r) { answer = r; });
    EXPECT_TRUE(WaitUntil([&] { return answer.has_value(); }));
    return answer ? *answer : Result<Resp>(Error::Unavailable("no answer"));
}

/// demo.anna signed in, her offline copy synced; nullptr (with a failure) otherwise.
std::unique_ptr<desk::MainWindow> AnnaWithCopy(test::DeskDaemon& d) {
    auto anna = test::SignIn(d, QStringLiteral("demo.anna"), QStringLiteral("demo-anna-wachtwoord"));
    if (!anna) return nullptr;
    if (!WaitUntil([&] { return anna->session().offline() && anna->session().offline()->present(); })) {
        ADD_FAILURE() << "the offline copy did not sync at sign-in";
        return nullptr;
    }
    return anna;
}

TEST(DeskOffline, TheServerGoesDownAndThePlanIsStillThereAndEveryReadIsRecordedAfterwards) {
    test::DeskDaemon d(true);
    auto anna = AnnaWithCopy(d);  // the set syncs at sign-in
    ASSERT_TRUE(anna);
    desk::OfflineCopy* copy = anna->session().offline();
    EXPECT_FALSE(anna->offlineBanner()->isVisible());

    // Daan (the father's number) and another pre-registered youth, whose consent is withdrawn
    // before the next sync: after it, that youth is not in the copy.
    const auto by_father = copy->search(QStringLiteral("06 2345 6789"));
    ASSERT_EQ(by_father.youths.size(), 1u);
    const v1::OfflineYouth daan = *by_father.youths[0];
    std::int64_t other = 0;
    for (const auto* y : copy->search(QStringLiteral("fictief")).youths) {
        if (y->youth().id() != daan.youth().id()) other = y->youth().id();
    }
    ASSERT_NE(other, 0) << "the demo data has more than one pre-registered youth";
    v1::ListConsentsRequest list;
    list.set_youth_id(other);
    auto consents = CallAndWait(anna.get(), v1::rpc::YouthService::ListConsents, list);
    ASSERT_TRUE(consents.ok());
    for (const auto& c : consents->consents()) {
        if (c.scope() != v1::CONSENT_SCOPE_PRE_REGISTRATION || !c.valid_now()) continue;
        v1::WithdrawConsentRequest withdraw;
        withdraw.set_consent_id(c.id());
        ASSERT_TRUE(CallAndWait(anna.get(), v1::rpc::YouthService::WithdrawConsent, withdraw).ok());
    }
    bool synced = false;
    QObject::connect(anna->offlineSync(), &desk::OfflineSync::synced, [&synced] { synced = true; });
    anna->offlineSync()->syncNow();
    ASSERT_TRUE(WaitUntil([&] { return synced; }));
    EXPECT_EQ(copy->youth(other), nullptr) << "consent withdrawn before the last sync";
    ASSERT_NE(copy->youth(daan.youth().id()), nullptr);

    // On disk: not a name, a number or a word of the plan.
    {
        QFile sealed(copy->path());
        ASSERT_TRUE(sealed.open(QIODevice::ReadOnly));
        const QByteArray bytes = sealed.readAll();
        ASSERT_GT(bytes.size(), 1000);
        for (const std::string& plain : {daan.youth().given_name(), daan.youth().family_name(),
                                         daan.youth().phones(0).number(), std::string("+31623456789"),
                                         daan.plan().content().orange().signs(), daan.plan().content().red().signs()}) {
            ASSERT_FALSE(plain.empty());
            EXPECT_FALSE(bytes.contains(QByteArray::fromStdString(plain.substr(0, 12)))) << plain;
        }
    }

    // The server goes away in the middle of the night. The father calls.
    d.Stop();
    desk::LookupPanel* lookup = anna->lookup();
    anna->tabs()->setCurrentWidget(lookup);
    test::Activate(anna.get());
    lookup->searchEdit()->clear();
    QTest::keyClicks(lookup->searchEdit(), QStringLiteral("06 2345 6789"));
    ASSERT_TRUE(WaitUntil([&] {
        return lookup->resultsCurrent() && lookup->results()->count() > 0 &&
               lookup->results()->item(0)->data(Qt::UserRole).toLongLong() == daan.youth().id();
    })) << "found in the copy by the father's number";
    EXPECT_TRUE(anna->offlineBanner()->isVisible());
    EXPECT_TRUE(anna->offlineBanner()->text().startsWith(QStringLiteral("Offline — kopie van")))
        << anna->offlineBanner()->text().toStdString();
    QTest::keyClick(lookup->searchEdit(), Qt::Key_Return);
    ASSERT_TRUE(
        WaitUntil([&] { return lookup->selectedYouth() == daan.youth().id() && lookup->showingOfflineYouth(); }));
    const QString plan = lookup->planView()->toPlainText();
    EXPECT_TRUE(plan.contains(QString::fromStdString(daan.plan().content().red().signs()))) << plan.toStdString();
    EXPECT_TRUE(plan.contains(QStringLiteral("kopie"))) << plan.toStdString();
    test::Screenshot(anna.get(), QStringLiteral("worker-offline-lookup"));

    // The call is written down; it cannot be sent now.
    ASSERT_TRUE(lookup->openCaseButton()->isEnabled());
    lookup->openCaseButton()->click();
    desk::OfflineCallView* call = nullptr;
    ASSERT_TRUE(WaitUntil([&] { return (call = anna->offlineCall(daan.youth().id())) != nullptr; }));
    std::int64_t case_id = 0;
    QObject::connect(call, &desk::OfflineCallView::caseReady, [&case_id](std::int64_t id) { case_id = id; });
    const QString text = QStringLiteral("Vader belt (fictief): Daan zit opgesloten in zijn kamer. Plan rood gevolgd.");
    QTest::keyClicks(call->contactForm()->summaryEdit(), text);
    QTest::keyClick(call->contactForm()->summaryEdit(), Qt::Key_Return, Qt::ControlModifier);
    ASSERT_TRUE(WaitUntil([&] { return call->contactForm()->draft().waiting(); }));
    test::Screenshot(anna.get(), QStringLiteral("worker-offline-call"));
    EXPECT_GE(copy->pendingReads(), 3) << "the look-up, the youth and the plan, at least";
    const TimePoint offline_until = SystemClock().Now();

    // The server is back: the case and the contact arrive once, and so do the reads.
    d.Restart();
    ASSERT_TRUE(WaitUntil([&] { return case_id != 0 && anna->caseView(case_id) != nullptr; }, 30'000));
    desk::CaseView* view = anna->caseView(case_id);
    ASSERT_TRUE(WaitUntil([&] { return ContactsWith(view, text) == 1; }));
    EXPECT_EQ(anna->offlineCall(daan.youth().id()), nullptr);
    EXPECT_EQ(view->data().case_().youth_id(), daan.youth().id());
    ASSERT_TRUE(WaitUntil([&] { return copy->pendingReads() == 0 && !anna->offlineSync()->busy(); }));
    EXPECT_FALSE(anna->offlineBanner()->isVisible());

    int lookups = 0, plans = 0;
    for (const auto& line : d.Audit(300)) {
        if (line.username != "demo.anna" || (line.reason != "offline" && !line.reason.starts_with("offline;")))
            continue;
        EXPECT_LT(line.at, offline_until)
            << "recorded with the time it happened: " << line.method << " " << line.reason << " " << line.seq;
        if (line.method == "SearchYouths" && line.reason == "offline; query kind: phone" &&
            line.youth_id == daan.youth().id())
            ++lookups;
        if (line.method == "GetPlan" && line.youth_id == daan.youth().id()) ++plans;
    }
    EXPECT_GE(lookups, 1);
    EXPECT_GE(plans, 1);
}

TEST(DeskOffline, ADeskStartedWhileTheServerIsDownOpensTheCopyWithThePasswordOnly) {
    test::DeskDaemon d(true);
    {
        auto anna = AnnaWithCopy(d);
        ASSERT_TRUE(anna);
    }  // the desk is closed: a restart, a crash, the next shift's computer
    d.Stop();

    desk::LoginWindow login;
    login.show();
    login.serverEdit()->setText(d.url());
    login.caEdit()->setText(d.ca());
    login.userEdit()->setText(QStringLiteral("demo.anna"));
    login.passwordEdit()->setText(QStringLiteral("demo-anna-wachtwoord"));
    desk::Session* session = nullptr;
    QObject::connect(&login, &desk::LoginWindow::signedIn, [&session](desk::Session* s) { session = s; });
    login.loginButton()->click();
    ASSERT_TRUE(WaitUntil([&] { return login.offlineButton()->isVisible(); }))
        << login.messageLabel()->text().toStdString();
    EXPECT_TRUE(login.messageLabel()->text().contains(QStringLiteral("offline kopie")))
        << login.messageLabel()->text().toStdString();
    test::Screenshot(&login, QStringLiteral("login-offline"));

    // A wrong password opens nothing and changes nothing on disk.
    const QString copy_path = desk::SealedPath(desk::OfflineCopy::DefaultDir(), d.url(), QStringLiteral("demo.anna"),
                                               QStringLiteral("offline"));
    auto bytes = [](const QString& path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    const QByteArray sealed = bytes(copy_path);
    ASSERT_FALSE(sealed.isEmpty());
    login.passwordEdit()->setText(QStringLiteral("verkeerd wachtwoord"));
    login.offlineButton()->click();
    EXPECT_EQ(session, nullptr);
    EXPECT_TRUE(login.messageLabel()->text().contains(QStringLiteral("opent de offline kopie op deze computer niet")))
        << login.messageLabel()->text().toStdString();
    EXPECT_EQ(bytes(copy_path), sealed);
    const QString drafts =
        desk::DraftStore::PathFor(desk::DraftStore::DefaultDir(), d.url(), QStringLiteral("demo.anna"));
    EXPECT_TRUE(QFile::exists(drafts));
    EXPECT_FALSE(QFile::exists(drafts + QStringLiteral(".unreadable")));

    // The right one opens the desk on the copy: the roster, the look-up, the plan.
    login.passwordEdit()->setText(QStringLiteral("demo-anna-wachtwoord"));
    login.offlineButton()->click();
    ASSERT_NE(session, nullptr) << login.messageLabel()->text().toStdString();
    EXPECT_TRUE(login.passwordEdit()->text().isEmpty());
    auto anna = std::make_unique<desk::MainWindow>(session);
    anna->show();
    test::Activate(anna.get());
    EXPECT_TRUE(anna->offlineBanner()->isVisible());
    ASSERT_TRUE(WaitUntil([&] { return anna->shiftLabel()->text().contains(QStringLiteral("Pieter")); }))
        << "the backup psychiatrist from the copy: " << anna->shiftLabel()->text().toStdString();
    ASSERT_TRUE(test::ShowDaanInLookUp(anna.get()));
    EXPECT_TRUE(anna->lookup()->showingOfflineYouth());
    test::Screenshot(anna.get(), QStringLiteral("worker-offline-start"));
    ASSERT_GE(anna->session().offline()->pendingReads(), 3);

    // The server is back: the desk asks to sign in; after that, the reads are recorded.
    d.Restart();
    QString told;
    {
        DialogAnswer ok([&told](QWidget* dialog) {
            told = qobject_cast<QMessageBox*>(dialog)->text();
            QTest::keyClick(dialog, Qt::Key_Return);
        });
        bool out = false;
        QObject::connect(anna.get(), &desk::MainWindow::signedOut, [&out] { out = true; });
        ASSERT_TRUE(WaitUntil([&] { return out; }, 30'000));
    }
    EXPECT_TRUE(told.contains(QStringLiteral("offline"))) << told.toStdString();
    anna.reset();
    anna = test::SignIn(d, QStringLiteral("demo.anna"), QStringLiteral("demo-anna-wachtwoord"));
    ASSERT_TRUE(anna);
    ASSERT_TRUE(WaitUntil([&] { return anna->session().offline()->pendingReads() == 0; }));
    int plans = 0;
    for (const auto& line : d.Audit(300)) {
        if (line.username == "demo.anna" && line.method == "GetPlan" && line.reason == "offline") ++plans;
    }
    EXPECT_GE(plans, 1);
}

TEST(DeskOffline, ACopyChangedOnDiskIsRemovedWithAMessageAndMadeAgain) {
    test::DeskDaemon d(true);
    QString path;
    {
        auto anna = AnnaWithCopy(d);
        ASSERT_TRUE(anna);
        path = anna->session().offline()->path();
    }
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadWrite));
    QByteArray bytes = file.readAll();
    bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x01);
    file.seek(0);
    file.write(bytes);
    file.close();

    auto anna = test::SignIn(d, QStringLiteral("demo.anna"), QStringLiteral("demo-anna-wachtwoord"));
    ASSERT_TRUE(anna);
    const QString said = anna->statusBar()->currentMessage();
    EXPECT_TRUE(said.contains(QStringLiteral("kon niet worden geopend"))) << said.toStdString();
    // Not read: a new copy comes from the server.
    ASSERT_TRUE(WaitUntil([&] { return anna->session().offline()->present(); }));
    EXPECT_GT(anna->session().offline()->youthCount(), 0);
}

TEST(DeskOffline, AYouthOnScreenWhenTheServerGoesAwayGetsTheCallWrittenDown) {
    test::DeskDaemon d(true);
    auto anna = AnnaWithCopy(d);
    ASSERT_TRUE(anna);
    ASSERT_TRUE(test::ShowDaanInLookUp(anna.get()));  // online
    const std::int64_t daan = anna->lookup()->selectedYouth();
    EXPECT_FALSE(anna->lookup()->showingOfflineYouth());
    d.Stop();
    anna->lookup()->openCaseButton()->click();
    ASSERT_TRUE(WaitUntil([&] { return anna->offlineCall(daan) != nullptr; }))
        << "the case could not be opened: the call is written down instead";
    EXPECT_TRUE(anna->offlineBanner()->isVisible());
    EXPECT_TRUE(anna->offlineCall(daan)->planView()->toPlainText().contains(QStringLiteral("kopie")));
}

TEST(DeskOffline, TheDeploymentDecidesWhetherACopyIsKeptAndWhetherItStaysAfterSignOut) {
    test::DeskDaemon d(true);
    QString path;
    {
        auto anna = AnnaWithCopy(d);
        ASSERT_TRUE(anna);
        path = anna->session().offline()->path();
    }
    ASSERT_TRUE(QFile::exists(path));

    // A shared computer: the copy goes when the user signs out.
    d.Stop();
    d.Configure([](daemon::DaemonConfig& c) { c.offline_wipe_at_logout = true; });
    d.Restart();
    {
        auto anna = test::SignIn(d, QStringLiteral("demo.anna"), QStringLiteral("demo-anna-wachtwoord"));
        ASSERT_TRUE(anna);
        ASSERT_TRUE(WaitUntil([&] { return anna->session().offline()->wipeAtLogout(); }));
        bool out = false;
        QObject::connect(anna.get(), &desk::MainWindow::signedOut, [&out] { out = true; });
        QAction* sign_out = nullptr;
        for (auto* a : anna->findChildren<QAction*>()) {
            if (a->text() == QStringLiteral("&Uitloggen")) sign_out = a;
        }
        ASSERT_NE(sign_out, nullptr);
        sign_out->trigger();
        ASSERT_TRUE(WaitUntil([&] { return out; }));
        EXPECT_FALSE(QFile::exists(path)) << "removed at sign-out";
    }

    // Switched off: no copy is given out, and the desk keeps none.
    d.Stop();
    d.Configure([](daemon::DaemonConfig& c) { c.offline_cache = false; });
    d.Restart();
    auto anna = test::SignIn(d, QStringLiteral("demo.anna"), QStringLiteral("demo-anna-wachtwoord"));
    ASSERT_TRUE(anna);
    bool synced = false;
    QObject::connect(anna->offlineSync(), &desk::OfflineSync::synced, [&synced] { synced = true; });
    anna->offlineSync()->syncNow();
    ASSERT_TRUE(WaitUntil([&] { return synced; }));
    EXPECT_FALSE(anna->session().offline()->present());
    EXPECT_FALSE(QFile::exists(path));
}

TEST(DeskOffline, ACallerNobodyKnowsIsWrittenDownTooAndBecomesACaseOnce) {
    test::DeskDaemon d(true);
    auto anna = AnnaWithCopy(d);
    ASSERT_TRUE(anna);
    d.Stop();
    desk::LookupPanel* lookup = anna->lookup();
    anna->tabs()->setCurrentWidget(lookup);
    test::Activate(anna.get());
    // Nobody with this number in the copy (nor anywhere): Enter asks who is calling.
    Look(lookup, QStringLiteral("06 9876 0042"));
    ASSERT_TRUE(WaitUntil([&] { return lookup->resultsCurrent() && lookup->unknownCallerButton()->isVisible(); }));
    const QString description = QStringLiteral("moeder van een meisje van ongeveer 15 (fictief), Stadskanaal");
    {
        DialogAnswer describe([&](QWidget* dialog) {
            QTest::keyClicks(dialog->focusWidget(), description);
            QTest::keyClick(dialog->focusWidget(), Qt::Key_Return);
        });
        QTest::keyClick(lookup->searchEdit(), Qt::Key_Return);
        ASSERT_TRUE(WaitUntil([&] { return anna->offlineCalls().size() == 1; }));
    }
    desk::OfflineCallView* call = anna->offlineCalls().front();
    EXPECT_EQ(call->youthId(), 0);
    EXPECT_TRUE(call->headerLabel()->text().contains(QStringLiteral("Stadskanaal")));
    EXPECT_EQ(call->contactForm()->phoneEdit()->text(), QStringLiteral("06-98760042"))
        << "the number as the dialog had it";
    std::int64_t case_id = 0;
    QObject::connect(call, &desk::OfflineCallView::caseReady, [&case_id](std::int64_t id) { case_id = id; });
    const QString text =
        QStringLiteral("Moeder belt (fictief): dochter is boos weggelopen, nu terug. Afspraken gemaakt.");
    QTest::keyClicks(call->contactForm()->summaryEdit(), text);
    QTest::keyClick(call->contactForm()->summaryEdit(), Qt::Key_Return, Qt::ControlModifier);
    ASSERT_TRUE(WaitUntil([&] { return call->contactForm()->draft().waiting(); }));
    test::Screenshot(anna.get(), QStringLiteral("worker-offline-unknown-caller"));

    d.Restart();
    ASSERT_TRUE(WaitUntil([&] { return case_id != 0 && anna->caseView(case_id) != nullptr; }, 30'000));
    desk::CaseView* view = anna->caseView(case_id);
    ASSERT_TRUE(WaitUntil([&] { return ContactsWith(view, text) == 1; }));
    EXPECT_EQ(view->data().case_().youth_id(), 0);
    EXPECT_EQ(QString::fromStdString(view->data().case_().caller_description()), description);
    EXPECT_TRUE(anna->offlineCalls().empty());
}

}  // namespace
}  // namespace spoed
