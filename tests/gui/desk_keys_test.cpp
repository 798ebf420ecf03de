// Every screen of the desk, as each role sees it, walked for its accelerators: no two things
// visible at the same time answer to one Alt+letter, and no label shows a literal '&' (a label
// without a buddy does not underline its letter, it prints the '&').
#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QApplication>
#include <QGroupBox>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>
#include <QTimer>
#include <map>

#include "client/desk/break_glass_dialog.hpp"
#include "client/desk/case_view.hpp"
#include "client/desk/login_window.hpp"
#include "client/desk/lookup_panel.hpp"
#include "client/desk/main_window.hpp"
#include "client/desk/session.hpp"
#include "client/desk/youth_link_dialog.hpp"
#include "tests/gui/desk_fixture.hpp"

namespace spoed {
namespace {

using test::WaitUntil;

/// "Alt+O: '&Opzoeken' (QTabBar), 'Nieuwe casus &openen' (QPushButton)" for each letter that
/// more than one visible thing in `window` answers to, and "literal '&' in …" for labels that
/// print their ampersand.
QStringList KeyProblems(QWidget* window) {
    std::map<QString, QStringList> by_key;
    QStringList problems;
    auto add = [&](const QString& text, const QString& what) {
        const QKeySequence key = QKeySequence::mnemonic(text);
        if (!key.isEmpty()) by_key[key.toString()] << QStringLiteral("'%1' (%2)").arg(text, what);
    };
    for (QWidget* w : window->findChildren<QWidget*>()) {
        if (!w->isVisible() || w->window() != window) continue;
        if (auto* b = qobject_cast<QAbstractButton*>(w))
            add(b->text(), QString::fromLatin1(w->metaObject()->className()));
        if (auto* g = qobject_cast<QGroupBox*>(w)) add(g->title(), QStringLiteral("QGroupBox"));
        if (auto* bar = qobject_cast<QTabBar*>(w)) {
            for (int i = 0; i < bar->count(); ++i) add(bar->tabText(i), QStringLiteral("tab"));
        }
        if (auto* menu = qobject_cast<QMenuBar*>(w)) {
            for (QAction* a : menu->actions()) add(a->text(), QStringLiteral("menu"));
        }
        if (auto* l = qobject_cast<QLabel*>(w)) {
            if (l->buddy()) {
                add(l->text(), QStringLiteral("label"));
            } else if (l->textFormat() != Qt::RichText && !Qt::mightBeRichText(l->text()) &&
                       !QKeySequence::mnemonic(l->text()).isEmpty()) {
                problems << QStringLiteral("literal '&' in label '%1'").arg(l->text());
            }
        }
    }
    for (const auto& [key, owners] : by_key) {
        if (owners.size() > 1) problems << key + QStringLiteral(": ") + owners.join(QStringLiteral(", "));
    }
    return problems;
}

std::string Describe(const QString& screen, const QStringList& problems) {
    return (screen + QStringLiteral(":\n  ") + problems.join(QStringLiteral("\n  "))).toStdString();
}

/// Every page of the window's main tabs and, in a case, every form tab.
void WalkEveryScreen(desk::MainWindow* main, const QString& who) {
    QTabWidget* tabs = main->tabs();
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        QTest::qWait(20);
        const QString screen = who + QStringLiteral(" / ") + tabs->tabText(i);
        auto problems = KeyProblems(main);
        EXPECT_TRUE(problems.isEmpty()) << Describe(screen, problems);
        if (auto* view = qobject_cast<desk::CaseView*>(tabs->widget(i)); view && view->forms()) {
            for (int f = 0; f < view->forms()->count(); ++f) {
                view->forms()->setCurrentIndex(f);
                QTest::qWait(20);
                auto form_problems = KeyProblems(main);
                EXPECT_TRUE(form_problems.isEmpty())
                    << Describe(screen + QStringLiteral(" / ") + view->forms()->tabText(f), form_problems);
            }
        }
    }
}

/// Walks every window of the desk in `language`: the mnemonics are chosen per translation, so
/// each language is checked on its own.
void WalkEveryWindow(const QString& language) {
    test::InLanguage in_language(language);
    ASSERT_TRUE(in_language.ok());
    test::DeskDaemon d(true);
    auto anna = test::SignIn(d, QStringLiteral("demo.anna"), QStringLiteral("demo-anna-wachtwoord"));
    ASSERT_TRUE(anna);
    // The look-up with a youth and plan on screen, and with nobody found.
    desk::LookupPanel* lookup = anna->lookup();
    ASSERT_TRUE(test::ShowDaanInLookUp(anna.get()));
    auto problems = KeyProblems(anna.get());
    EXPECT_TRUE(problems.isEmpty()) << Describe(QStringLiteral("worker / look-up with a youth"), problems);
    // A case of its own, with every form.
    lookup->openNewCase();
    ASSERT_TRUE(WaitUntil([&] { return qobject_cast<desk::CaseView*>(anna->tabs()->currentWidget()) != nullptr; }));
    lookup->searchEdit()->clear();
    QTest::keyClicks(lookup->searchEdit(), QStringLiteral("06 9999 0001"));
    ASSERT_TRUE(
        WaitUntil([&] { return lookup->resultsCurrent() && lookup->unknownCallerButton()->isVisibleTo(lookup); }));
    WalkEveryScreen(anna.get(), QStringLiteral("worker"));

    auto pieter = test::SignIn(d, QStringLiteral("demo.pieter"), QStringLiteral("demo-pieter-wachtwoord"));
    ASSERT_TRUE(pieter);
    WalkEveryScreen(pieter.get(), QStringLiteral("psychiatrist"));
    auto carla = test::SignIn(d, QStringLiteral("demo.carla"), QStringLiteral("demo-carla-wachtwoord"));
    ASSERT_TRUE(carla);
    WalkEveryScreen(carla.get(), QStringLiteral("coordinator"));

    // The log-in screen and the dialogs of a call.
    desk::LoginWindow login;
    login.show();
    problems = KeyProblems(&login);
    EXPECT_TRUE(problems.isEmpty()) << Describe(QStringLiteral("log-in"), problems);
    login.close();
    desk::BreakGlassDialog glass(anna->session(), 1);
    glass.show();
    problems = KeyProblems(&glass);
    EXPECT_TRUE(problems.isEmpty()) << Describe(QStringLiteral("break the glass"), problems);
    glass.close();
    desk::YouthLinkDialog link(anna->session(), 1, QString());
    link.show();
    problems = KeyProblems(&link);
    EXPECT_TRUE(problems.isEmpty()) << Describe(QStringLiteral("register or link the youth"), problems);
    link.close();
    QStringList dialog_problems;
    bool inspected = false;
    QTimer::singleShot(200, [&] {
        QWidget* dialog = QApplication::activeModalWidget();
        if (!dialog) return;
        dialog_problems = KeyProblems(dialog);
        inspected = true;
        dialog->close();
    });
    anna->tabs()->setCurrentWidget(lookup);
    lookup->openUnknownCallerCase();
    EXPECT_TRUE(inspected);
    EXPECT_TRUE(dialog_problems.isEmpty()) << Describe(QStringLiteral("unknown caller"), dialog_problems);
}

TEST(DeskKeys, NoDutchWindowHasTwoThingsOnOneAcceleratorNorALiteralAmpersand) { WalkEveryWindow(QStringLiteral("nl")); }

TEST(DeskKeys, NoEnglishWindowHasTwoThingsOnOneAcceleratorNorALiteralAmpersand) {
    WalkEveryWindow(QStringLiteral("en"));
}

}  // namespace
}  // namespace spoed
