// The father's call of docs/walkthrough.md, driven through the real desk against a real daemon
// with the demo data: Anna looks Daan up by his father's number, reads the plan, opens a case,
// logs the call by keyboard, asks the psychiatrist; Pieter, at a second desk, gets the request
// and answers; Anna sees the advice, updates the case and starts both handovers; the next
// morning Carla completes them step by step and the case closes. Each main screen is saved as
// a PNG (docs/desk.md shows them).
#include <gtest/gtest.h>

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QDateEdit>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>
#include <cstdio>

#include "client/desk/break_glass_dialog.hpp"
#include "client/desk/case_forms.hpp"
#include "client/desk/case_view.hpp"
#include "client/desk/consult_queue.hpp"
#include "client/desk/handover_board.hpp"
#include "client/desk/learning_views.hpp"
#include "client/desk/login_window.hpp"
#include "client/desk/lookup_panel.hpp"
#include "client/desk/main_window.hpp"
#include "client/desk/plan_editor.hpp"
#include "client/desk/review_views.hpp"
#include "client/desk/session.hpp"
#include "client/desk/shift_board.hpp"
#include "client/desk/text.hpp"
#include "tests/gui/desk_fixture.hpp"
#include "tests/support/temp_dir.hpp"

namespace spoed {
namespace {

using test::WaitUntil;

bool TreeContains(QTreeWidget* tree, const QString& text) {
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        auto* item = tree->topLevelItem(i);
        for (int c = 0; c < tree->columnCount(); ++c) {
            if (item->text(c).contains(text)) return true;
        }
    }
    return false;
}

TEST(DeskStory, TheFathersCallThroughTheDesk) {
    test::DeskDaemon d(true);

    // Anna, the crisis worker, signs in; Pieter, the backup psychiatrist, at home, too.
    {
        desk::LoginWindow login;
        login.resize(520, 360);
        login.show();
        login.serverEdit()->setText(d.url());
        login.caEdit()->setText(d.ca());
        login.userEdit()->setText(QStringLiteral("demo.anna"));
        login.passwordEdit()->setText(QStringLiteral("demo-anna-wachtwoord"));
        test::Screenshot(&login, QStringLiteral("login"));
    }
    auto anna = test::SignIn(d, QStringLiteral("demo.anna"), QStringLiteral("demo-anna-wachtwoord"));
    ASSERT_TRUE(anna);
    auto pieter = test::SignIn(d, QStringLiteral("demo.pieter"), QStringLiteral("demo-pieter-wachtwoord"));
    ASSERT_TRUE(pieter);
    ASSERT_TRUE(WaitUntil([&] { return anna->shiftLabel()->text().contains(QStringLiteral("Pieter Kuipers (demo)")); }))
        << anna->shiftLabel()->text().toStdString();
    ASSERT_TRUE(anna->shiftBoard());
    ASSERT_TRUE(WaitUntil([&] { return anna->shiftBoard()->casesList()->topLevelItemCount() > 0; }));
    test::Screenshot(anna.get(), QStringLiteral("worker-shift-board"));
    ASSERT_TRUE(pieter->consultQueue());
    ASSERT_TRUE(WaitUntil([&] { return pieter->consultQueue()->queue()->topLevelItemCount() > 0; }));
    const int pieter_notified_before = pieter->notificationCount();

    // 21:40 — the phone rings; Anna types the father's number as she hears it.
    desk::LookupPanel* lookup = anna->lookup();
    anna->tabs()->setCurrentWidget(lookup);
    lookup->searchEdit()->setFocus();
    QTest::keyClicks(lookup->searchEdit(), QStringLiteral("06 2345 6789"));
    ASSERT_TRUE(WaitUntil([&] {
        return lookup->results()->count() > 0 &&
               lookup->results()->item(0)->text().contains(QStringLiteral("Daan Visser (fictief)"));
    })) << (lookup->results()->count() ? lookup->results()->item(0)->text().toStdString() : "no results");
    std::printf("look-up: first results %.1f ms after the last key\n", lookup->lastLatencyMs());
    QTest::keyClick(lookup->searchEdit(), Qt::Key_Return);  // to the first result
    ASSERT_TRUE(WaitUntil([&] { return lookup->planView()->toPlainText().contains(QStringLiteral("4-7-8")); }));
    EXPECT_TRUE(lookup->planView()->toPlainText().contains(QStringLiteral("Opa en oma Visser (fictief)")));
    ASSERT_TRUE(WaitUntil([&] { return lookup->consentLabel()->text().contains(QStringLiteral("✔")); }));
    EXPECT_FALSE(lookup->breakGlassButton()->isVisible());
    EXPECT_GT(lookup->planVersion(), 0);
    test::Screenshot(anna.get(), QStringLiteral("worker-lookup-plan"));

    // Anna opens a case; it comes up as its own tab with the contact form ready.
    lookup->openCaseButton()->click();
    desk::CaseView* view = nullptr;
    ASSERT_TRUE(WaitUntil([&] {
        view = qobject_cast<desk::CaseView*>(anna->tabs()->currentWidget());
        return view && view->data().case_().id() != 0;
    }));
    const std::int64_t case_id = view->caseId();
    desk::ContactForm* contact = view->contactForm();
    ASSERT_TRUE(contact);

    // 22:05 — the first call, logged by keyboard alone.
    test::Activate(anna.get());
    contact->typeBox()->setFocus();
    EXPECT_EQ(contact->typeBox()->currentData().toInt(), v1::CONTACT_TYPE_INCOMING_CALL);
    EXPECT_EQ(contact->callerRoleBox()->currentData().toInt(), v1::CALLER_ROLE_PARENT);
    EXPECT_EQ(contact->phoneEdit()->text(), QStringLiteral("06 2345 6789"));
    contact->summaryEdit()->setFocus();
    QTest::keyClicks(
        contact->summaryEdit(),
        QStringLiteral("Vader: zoon na ruzie opgesloten in zijn kamer. Vader door de deur heen begeleid met "
                       "de 4-7-8-oefening uit het plan; opa en oma gebeld en onderweg."));
    for (auto r : {v1::RESPONSE_DE_ESCALATING_CONVERSATION, v1::RESPONSE_ADVICE, v1::RESPONSE_NETWORK_ENGAGED}) {
        contact->responseBox(r)->setFocus();
        QTest::keyClick(contact->responseBox(r), Qt::Key_Space);
        EXPECT_TRUE(contact->responseBox(r)->isChecked());
    }
    QTest::keyClick(contact->responseBox(v1::RESPONSE_NETWORK_ENGAGED), Qt::Key_Return, Qt::ControlModifier);
    ASSERT_TRUE(WaitUntil([&] { return view->data().contacts_size() == 1; }))
        << contact->statusLabel()->text().toStdString();
    EXPECT_EQ(view->data().contacts(0).responses_size(), 3);
    EXPECT_EQ(view->data().contacts(0).plan_version_consulted(), lookup->planVersion());
    EXPECT_EQ(view->data().contacts(0).caller_phone(), "+31623456789");

    // 22:10 — asking the psychiatrist.
    view->forms()->setCurrentWidget(view->consultForm());
    QTest::keyClicks(
        view->consultForm()->questionEdit(),
        QStringLiteral("Zoon (14) opgesloten, nu rustiger; zei deze week dat het hem niet meer uitmaakt. Veilig "
                       "thuis met opa en oma erbij?"));
    view->consultForm()->sendButton()->click();
    ASSERT_TRUE(WaitUntil([&] { return view->data().consults_size() == 1; }))
        << view->consultForm()->statusLabel()->text().toStdString();
    const std::int64_t consult_id = view->data().consults(0).id();
    test::Screenshot(anna.get(), QStringLiteral("worker-case"));

    // Pieter's desk hears of it by the live event: a notification and the request in his
    // queue; he reads the case and the plan and answers.
    desk::ConsultQueue* queue = pieter->consultQueue();
    ASSERT_TRUE(WaitUntil([&] { return pieter->notificationCount() > pieter_notified_before; }));
    QTreeWidgetItem* row = nullptr;
    ASSERT_TRUE(WaitUntil([&] {
        for (int i = 0; i < queue->queue()->topLevelItemCount(); ++i) {
            if (queue->queue()->topLevelItem(i)->data(0, Qt::UserRole).toLongLong() == consult_id) {
                row = queue->queue()->topLevelItem(i);
            }
        }
        return row != nullptr;
    }));
    queue->queue()->setCurrentItem(row);
    // The father's consult itself is shown (every demo plan has the 4-7-8 exercise; the question
    // tells them apart), and only then is the advice typed: it belongs to the consult shown.
    ASSERT_TRUE(WaitUntil([&] {
        return queue->questionLabel()->text().contains(QStringLiteral("Zoon (14) opgesloten")) && queue->caseView() &&
               queue->caseView()->caseId() == case_id && queue->caseView()->data().contacts_size() == 1 &&
               queue->planView()->toPlainText().contains(QStringLiteral("4-7-8"));
    }));
    EXPECT_EQ(queue->caseView()->forms(), nullptr);  // read-only for the psychiatrist
    QTest::keyClicks(
        queue->adviceEdit(),
        QStringLiteral("Kan thuisblijven als opa en oma blijven slapen en de medicijnen achter slot zitten. Bel "
                       "meteen terug als hij praat over een einde aan zijn leven."));
    test::Screenshot(pieter.get(), QStringLiteral("psychiatrist-consults"));
    ASSERT_TRUE(queue->adviceEdit()->toPlainText().contains(QStringLiteral("achter slot")))
        << "advice box: \"" << queue->adviceEdit()->toPlainText().toStdString() << "\", read-only "
        << queue->adviceEdit()->isReadOnly() << ", question " << queue->questionLabel()->text().toStdString();
    queue->answerButton()->click();
    ASSERT_TRUE(WaitUntil([&] {
        return !queue->answerButton()->isEnabled() && queue->adviceEdit()->toPlainText().isEmpty();
    })) << queue->statusLabel()->text().toStdString()
        << " (answer button " << (queue->answerButton()->isEnabled() ? "enabled" : "disabled") << ", advice \""
        << queue->adviceEdit()->toPlainText().toStdString() << "\", question "
        << queue->questionLabel()->text().toStdString() << ")";

    // Anna sees the advice in the case's timeline.
    view->refresh();
    ASSERT_TRUE(WaitUntil([&] { return TreeContains(view->timeline(), QStringLiteral("medicijnen achter slot")); }))
        << [&] {
               std::string out;
               for (int i = 0; i < view->timeline()->topLevelItemCount(); ++i) {
                   out += view->timeline()->topLevelItem(i)->text(1).toStdString() + ": " +
                          view->timeline()->topLevelItem(i)->text(2).toStdString() + "\n";
               }
               return out + "pieter: " + queue->statusLabel()->text().toStdString();
           }();

    // 23:40 — risk flags and the outcome of the night.
    view->forms()->setCurrentWidget(view->updateForm());
    view->updateForm()->riskBox(v1::RISK_FLAG_SUICIDALITY)->setChecked(true);
    view->updateForm()->riskBox(v1::RISK_FLAG_SEVERE_AGGRESSION)->setChecked(true);
    auto* outcome = view->updateForm()->outcomeBox();
    outcome->setCurrentIndex(outcome->findData(int(v1::OUTCOME_STAYED_HOME)));
    view->updateForm()->saveButton()->click();
    ASSERT_TRUE(WaitUntil([&] { return view->data().case_().outcome() == v1::OUTCOME_STAYED_HOME; }));
    EXPECT_EQ(view->data().case_().risk_flags_size(), 2);

    // 23:45 — the warm handovers, with the due time previewed first.
    desk::HandoverForm* handover = view->handoverForm();
    view->forms()->setCurrentWidget(handover);
    ASSERT_TRUE(WaitUntil([&] { return handover->dueLabel()->text().contains(QStringLiteral("(")); }));
    handover->kindBox()->setCurrentIndex(handover->kindBox()->findData(int(v1::HANDOVER_KIND_ONGOING_CARE)));
    handover->nameEdit()->setText(QStringLiteral("Accare, ambulant team Groningen"));
    handover->contactEdit()->setText(QStringLiteral("M. Veenstra (fictief)"));
    handover->phoneEdit()->setText(QStringLiteral("050-3000001"));
    handover->startButton()->click();
    ASSERT_TRUE(WaitUntil([&] { return handover->listLabel()->text().contains(QStringLiteral("Accare")); }))
        << handover->statusLabel()->text().toStdString();
    handover->kindBox()->setCurrentIndex(handover->kindBox()->findData(int(v1::HANDOVER_KIND_LOCAL_TEAM)));
    ASSERT_TRUE(WaitUntil(
        [&] { return handover->organisationBox()->findText(QStringLiteral("Groningen"), Qt::MatchContains) > 0; }));
    handover->organisationBox()->setCurrentIndex(
        handover->organisationBox()->findText(QStringLiteral("Groningen"), Qt::MatchContains));
    handover->startButton()->click();
    ASSERT_TRUE(WaitUntil([&] { return handover->listLabel()->text().count(QStringLiteral("<li>")) == 2; }))
        << handover->statusLabel()->text().toStdString();
    test::Screenshot(anna.get(), QStringLiteral("worker-handover-start"));

    // The case cannot close while its handovers are not confirmed.
    view->forms()->setCurrentWidget(view->updateForm());
    view->updateForm()->closeButton()->click();
    ASSERT_TRUE(WaitUntil([&] { return !view->updateForm()->statusLabel()->text().isEmpty(); }));
    EXPECT_EQ(view->data().case_().status(), v1::CASE_STATUS_OPEN);

    // 09:15 the next morning — Carla completes both handovers, one step at a time.
    auto carla = test::SignIn(d, QStringLiteral("demo.carla"), QStringLiteral("demo-carla-wachtwoord"));
    ASSERT_TRUE(carla);
    desk::HandoverBoard* board = carla->handoverBoard();
    ASSERT_TRUE(board);
    ASSERT_TRUE(WaitUntil([&] { return board->list()->topLevelItemCount() == 2; }));
    // Each handover names its youth, not a case number.
    EXPECT_TRUE(WaitUntil([&] {
        return board->list()->topLevelItem(0)->text(3) == QStringLiteral("Daan Visser (fictief)");
    })) << board->list()->topLevelItem(0)->text(3).toStdString();
    test::Screenshot(carla.get(), QStringLiteral("coordinator-handovers"));
    for (int round = 0; round < 2; ++round) {
        ASSERT_TRUE(WaitUntil([&] { return board->list()->topLevelItemCount() == 2 - round; }));
        board->list()->setCurrentItem(board->list()->topLevelItem(0));
        for (int step = v1::HANDOVER_STEP_RECEIVER_CONTACTED; step <= v1::HANDOVER_STEP_CONFIRMED; ++step) {
            ASSERT_TRUE(WaitUntil([&] { return board->nextStep() == step && board->stepButton()->isEnabled(); }))
                << "step " << step << ": " << board->statusLabel()->text().toStdString();
            if (step == v1::HANDOVER_STEP_AGREEMENTS_RECORDED) {
                board->agreementsEdit()->setPlainText(QStringLiteral(
                    "Accare ziet Daan en zijn vader woensdag om 10:00; het lokale team komt donderdag langs."));
            }
            if (round == 0 && step == v1::HANDOVER_STEP_AGREEMENTS_RECORDED) {
                test::Screenshot(carla.get(), QStringLiteral("coordinator-handover-steps"));
            }
            board->stepButton()->click();
        }
        ASSERT_TRUE(WaitUntil([&] { return board->nextStep() == v1::HANDOVER_STEP_UNSPECIFIED; }));
    }
    ASSERT_TRUE(WaitUntil([&] { return board->list()->topLevelItemCount() == 0; }));

    // Now the case closes.
    view->updateForm()->closeButton()->click();
    ASSERT_TRUE(WaitUntil([&] { return view->data().case_().status() == v1::CASE_STATUS_CLOSED; }))
        << view->updateForm()->statusLabel()->text().toStdString();
    EXPECT_EQ(case_id, view->data().case_().id());

    // Carla's other screens: the plan editor with the changes against the previous version,
    // break-the-glass reviews and the partner directory.
    desk::PlanEditor* editor = carla->planEditor();
    carla->tabs()->setCurrentWidget(editor);
    editor->loadYouth(view->data().case_().youth_id());
    ASSERT_TRUE(WaitUntil([&] { return editor->baseVersion() > 0; }));
    editor->field(QStringLiteral("own_coping"))->appendPlainText(QStringLiteral("Met de hond wandelen"));
    editor->changeNoteEdit()->setText(QStringLiteral("Aangescherpt na de crisis van gisteravond"));
    const int before = editor->baseVersion();
    editor->saveButton()->click();
    ASSERT_TRUE(WaitUntil([&] { return editor->baseVersion() == before + 1; }))
        << editor->statusLabel()->text().toStdString();
    EXPECT_TRUE(editor->diffView()->toPlainText().contains(QStringLiteral("Met de hond wandelen")));
    test::Screenshot(carla.get(), QStringLiteral("coordinator-plan-editor"));
    carla->tabs()->setCurrentWidget(carla->directory());
    ASSERT_TRUE(WaitUntil([&] { return carla->directory()->tree()->topLevelItemCount() > 0; }));
    test::Screenshot(carla.get(), QStringLiteral("coordinator-directory"));
}

}  // namespace
}  // namespace spoed

namespace spoed {
namespace {

using test::WaitUntil;

// A youth whose consent was withdrawn: the worker's look-up offers break-the-glass instead of
// the plan; with a reason the plan opens, marked as such, and the coordinator reviews the use.
TEST(DeskBreakGlass, WithoutConsentThePlanOpensOnlyWithAReasonAndIsReviewed) {
    test::DeskDaemon d(true);
    auto carla = test::SignIn(d, QStringLiteral("demo.carla"), QStringLiteral("demo-carla-wachtwoord"));
    ASSERT_TRUE(carla);
    desk::Api& api = carla->session().api();

    // Carla records that the family withdrew the pre-registration consent of a youth with a plan.
    std::int64_t youth = 0;
    v1::SearchYouthsRequest search;
    search.set_query("Milan");
    api.call(carla.get(), v1::rpc::YouthService::SearchYouths, search, [&](const Result<v1::SearchYouthsResponse>& r) {
        ASSERT_TRUE(r.ok()) << r.error().message;
        for (const auto& h : r->hits()) {
            if (h.pre_registered()) youth = h.youth_id();
        }
    });
    ASSERT_TRUE(WaitUntil([&] { return youth != 0; }));
    v1::ListConsentsRequest list;
    list.set_youth_id(youth);
    std::int64_t consent = 0;
    api.call(carla.get(), v1::rpc::YouthService::ListConsents, list, [&](const Result<v1::ListConsentsResponse>& r) {
        ASSERT_TRUE(r.ok()) << r.error().message;
        for (const auto& c : r->consents()) {
            if (c.scope() == v1::CONSENT_SCOPE_PRE_REGISTRATION) consent = c.id();
        }
    });
    ASSERT_TRUE(WaitUntil([&] { return consent != 0; }));
    v1::WithdrawConsentRequest withdraw;
    withdraw.set_consent_id(consent);
    withdraw.set_note("Family withdrew consent (fictional)");
    bool withdrawn = false;
    api.call(carla.get(), v1::rpc::YouthService::WithdrawConsent, withdraw,
             [&](const Result<v1::WithdrawConsentResponse>& r) {
                 ASSERT_TRUE(r.ok()) << r.error().message;
                 withdrawn = true;
             });
    ASSERT_TRUE(WaitUntil([&] { return withdrawn; }));

    auto anna = test::SignIn(d, QStringLiteral("demo.anna"), QStringLiteral("demo-anna-wachtwoord"));
    ASSERT_TRUE(anna);
    desk::LookupPanel* lookup = anna->lookup();
    anna->tabs()->setCurrentWidget(lookup);
    lookup->showYouth(youth);
    ASSERT_TRUE(WaitUntil([&] { return lookup->breakGlassButton()->isVisibleTo(lookup); }));
    EXPECT_FALSE(lookup->planView()->toPlainText().contains(QStringLiteral("4-7-8")));
    EXPECT_EQ(lookup->planVersion(), 0);
    test::Screenshot(anna.get(), QStringLiteral("worker-no-consent"));

    // The dialog: no opening without a reason of at least 10 characters.
    bool dialog_seen = false;
    QTimer poll;  // the dialog runs its own event loop: find it from there once it is shown
    poll.setInterval(20);
    QObject::connect(&poll, &QTimer::timeout, [&] {
        desk::BreakGlassDialog* dialog = nullptr;
        for (QWidget* w : QApplication::topLevelWidgets()) {
            if (auto* found = qobject_cast<desk::BreakGlassDialog*>(w); found && found->isVisible()) dialog = found;
        }
        if (!dialog) return;
        poll.stop();
        dialog_seen = true;
        test::Screenshot(dialog, QStringLiteral("worker-break-glass"));
        QTest::keyClicks(dialog->reasonEdit(), QStringLiteral("te"));
        EXPECT_FALSE(dialog->openButton()->isEnabled());
        QTest::keyClicks(dialog->reasonEdit(), QStringLiteral(" kort? Nee: jeugdige in gevaar, vader aan de lijn"));
        EXPECT_FALSE(dialog->openButton()->isEnabled());  // and who is breaking it, once more
        QTest::keyClicks(dialog->passwordEdit(), QStringLiteral("demo-anna-wachtwoord"));
        EXPECT_TRUE(dialog->openButton()->isEnabled());
        dialog->openButton()->click();
    });
    poll.start();
    // Should the dialog stay open (the server refused), close it so that the test can fail.
    QString dialog_status;
    QTimer::singleShot(15'000, [&] {
        for (QWidget* w : QApplication::topLevelWidgets()) {
            if (auto* found = qobject_cast<desk::BreakGlassDialog*>(w); found && found->isVisible()) {
                dialog_status = found->statusLabel()->text();
                found->reject();
            }
        }
    });
    lookup->breakGlassButton()->click();
    EXPECT_TRUE(dialog_status.isEmpty()) << dialog_status.toStdString();
    EXPECT_TRUE(dialog_seen);
    ASSERT_TRUE(WaitUntil([&] { return lookup->planView()->toPlainText().contains(QStringLiteral("4-7-8")); }));
    EXPECT_TRUE(lookup->planView()->toPlainText().contains(QStringLiteral("break-the-glass")));
    EXPECT_GT(lookup->planVersion(), 0);

    // Carla sees the use and judges it.
    desk::BreakGlassReviews* reviews = carla->breakGlassReviews();
    reviews->refresh();
    ASSERT_TRUE(WaitUntil([&] { return reviews->list()->topLevelItemCount() == 1; }));
    EXPECT_TRUE(reviews->list()->topLevelItem(0)->text(3).contains(QStringLiteral("jeugdige in gevaar")));
    reviews->noteEdit()->setText(QStringLiteral("Terecht: acuut gevaar, geen tijd om het gezin te bereiken."));
    carla->tabs()->setCurrentWidget(reviews);
    test::Screenshot(carla.get(), QStringLiteral("coordinator-break-glass-reviews"));
    reviews->approveButton()->click();
    ASSERT_TRUE(WaitUntil([&] { return reviews->list()->topLevelItemCount() == 0; }))
        << reviews->statusLabel()->text().toStdString();
}

}  // namespace
}  // namespace spoed

namespace spoed {
namespace {

using test::WaitUntil;

QStringList ReadLines(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QString::fromUtf8(f.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
}

// The learning loop on the coordinator's desk: an evaluation planned, analysed, reviewed and
// finalised; an improvement proposal from it moved on and exported; the figures with their
// charts, a narrative, and the CSV exports.
TEST(DeskLearningLoop, EvaluationProposalAndFiguresThroughTheDesk) {
    test::DeskDaemon d(true);
    test::TempDir out;
    auto carla = test::SignIn(d, QStringLiteral("demo.carla"), QStringLiteral("demo-carla-wachtwoord"));
    ASSERT_TRUE(carla);

    desk::EvaluationsView* ev = carla->evaluations();
    ASSERT_TRUE(ev);
    carla->tabs()->setCurrentWidget(ev);
    ev->caseIdBox()->setValue(1);  // the demo's first case, closed
    ev->planButton()->click();
    ASSERT_TRUE(WaitUntil([&] { return ev->current().id() != 0; })) << ev->statusLabel()->text().toStdString();
    const std::int64_t evaluation = ev->current().id();
    ev->participantsEdit()->setPlainText(
        QStringLiteral("Spoed voor Jeugd | Anna Hoekstra (demo) | crisismedewerker\n"
                       "Accare | M. Veenstra (fictief) | lopende zorg\n"
                       "familie | Vader van Daan (fictief) | vader"));
    ev->analysisField("care_timeline")->setPlainText(QStringLiteral("Ambulante zorg sinds het voorjaar (fictief)."));
    ev->analysisField("went_well")->setPlainText(QStringLiteral("Het plan was binnen een minuut bij de hand."));
    ev->analysisField("could_be_better")->setPlainText(QStringLiteral("Het lokale team bereiken na 17:00."));
    ev->rightHelpBox()->setCurrentIndex(ev->rightHelpBox()->findData(int(v1::RIGHT_HELP_PARTLY)));
    ev->heldBox()->setChecked(true);
    ev->saveButton()->click();
    ASSERT_TRUE(WaitUntil([&] { return ev->current().participants_size() == 3; }))
        << ev->statusLabel()->text().toStdString();
    // The father takes part as family, without an organisation.
    EXPECT_EQ(ev->current().participants(2).kind(), v1::PARTICIPANT_KIND_FAMILY);
    EXPECT_TRUE(ev->current().participants(2).organisation().empty());
    EXPECT_TRUE(
        ev->participantsEdit()->toPlainText().contains(QStringLiteral("familie | Vader van Daan (fictief) | vader")));
    EXPECT_EQ(ev->current().analysis().right_help(), v1::RIGHT_HELP_PARTLY);
    EXPECT_EQ(ev->current().status(), v1::EVALUATION_STATUS_HELD);
    ev->commentEdit()->setText(QStringLiteral("Besproken met Accare; voorstel volgt."));
    ev->commentButton()->click();
    ASSERT_TRUE(WaitUntil([&] { return ev->current().review_comments_size() == 1; }));
    test::Screenshot(carla.get(), QStringLiteral("coordinator-evaluations"));
    ev->finalizeButton()->click();
    ASSERT_TRUE(WaitUntil([&] { return ev->current().status() == v1::EVALUATION_STATUS_FINALISED; }))
        << ev->statusLabel()->text().toStdString();
    EXPECT_FALSE(ev->saveButton()->isEnabled());

    desk::ProposalsBoard* pb = carla->proposals();
    carla->tabs()->setCurrentWidget(pb);
    pb->textEdit()->setPlainText(
        QStringLiteral("Lokaal team tot 22:00 telefonisch bereikbaar voor warme overdrachten."));
    pb->addresseeKindBox()->setCurrentIndex(pb->addresseeKindBox()->findData(int(v1::ADDRESSEE_KIND_MUNICIPALITY)));
    pb->addresseeEdit()->setText(QStringLiteral("Groningen"));
    pb->themeEdit()->setText(QStringLiteral("bereikbaarheid"));
    pb->evaluationsEdit()->setText(QString::number(evaluation));
    pb->createButton()->click();
    ASSERT_TRUE(WaitUntil([&] { return pb->proposals().size() == 1; })) << pb->statusLabel()->text().toStdString();
    EXPECT_EQ(pb->proposals()[0].evaluation_ids_size(), 1);
    ASSERT_TRUE(WaitUntil([&] { return pb->list()->topLevelItemCount() == 1; }));
    pb->list()->setCurrentItem(pb->list()->topLevelItem(0)->child(0));
    pb->newStatusBox()->setCurrentIndex(pb->newStatusBox()->findData(int(v1::PROPOSAL_STATUS_DISCUSSED)));
    pb->noteEdit()->setText(QStringLiteral("In het ketenoverleg van deze maand"));
    pb->setStatusButton()->click();
    ASSERT_TRUE(WaitUntil([&] {
        return pb->proposals().size() == 1 && pb->proposals()[0].status() == v1::PROPOSAL_STATUS_DISCUSSED;
    })) << pb->statusLabel()->text().toStdString();
    test::Screenshot(carla.get(), QStringLiteral("coordinator-proposals"));
    const QString proposals_csv = QString::fromStdString(out.file("voorstellen.csv"));
    ASSERT_TRUE(pb->exportTo(proposals_csv));
    auto lines = ReadLines(proposals_csv);
    ASSERT_EQ(lines.size(), 2);
    EXPECT_TRUE(lines[1].contains(QStringLiteral("Groningen")) && lines[1].contains(QStringLiteral("bereikbaarheid")))
        << lines[1].toStdString();

    desk::FiguresView* fv = carla->figures();
    carla->tabs()->setCurrentWidget(fv);
    fv->fromEdit()->setDate(desk::Text::today().addMonths(-2));
    fv->toEdit()->setDate(desk::Text::today());
    fv->loadButton()->click();
    ASSERT_TRUE(WaitUntil([&] { return fv->figures().total().cases() > 0; }))
        << fv->statusLabel()->text().toStdString();
    EXPECT_EQ(fv->figures().total().cases(), 10);  // the demo's ten cases, all opened today
    ASSERT_TRUE(fv->periodsChart()->chart());
    EXPECT_EQ(fv->periodsChart()->chart()->series().size(), 1);
    EXPECT_GT(fv->table()->topLevelItemCount(), 5);
    ASSERT_GT(fv->periodBox()->count(), 0);
    fv->noteEdit()->setPlainText(
        QStringLiteral("Een rustige maand; bij twee herhaalde bellers is het plan aangescherpt."));
    bool note_saved = false;
    QObject::connect(fv, &desk::FiguresView::noteSaved, [&] { note_saved = true; });
    fv->saveNoteButton()->click();
    ASSERT_TRUE(WaitUntil([&] { return note_saved; })) << fv->statusLabel()->text().toStdString();
    test::Screenshot(carla.get(), QStringLiteral("coordinator-figures"));

    int exported = 0;
    QObject::connect(fv, &desk::FiguresView::exported, [&](int n) { exported = n; });
    const QString cases_csv = QString::fromStdString(out.file("casussen.csv"));
    fv->exportRecords(v1::EXPORT_ENTITY_CASES, cases_csv);
    ASSERT_TRUE(WaitUntil([&] { return exported != 0; })) << fv->statusLabel()->text().toStdString();
    EXPECT_EQ(exported, 10);
    EXPECT_EQ(ReadLines(cases_csv).size(), 11);  // header and ten cases
    const QString figures_csv = QString::fromStdString(out.file("cijfers.csv"));
    ASSERT_TRUE(fv->exportFigures(figures_csv));
    EXPECT_GT(ReadLines(figures_csv).size(), 5);
}

}  // namespace
}  // namespace spoed
