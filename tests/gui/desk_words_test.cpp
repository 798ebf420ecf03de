// The desk speaks one language at a time: every visible text of the worker's, the
// psychiatrist's and the coordinator's screens (labels, buttons, tabs, table headers and cells, tooltips, placeholders,
// the figures) is walked, in Dutch for English words and raw server keys, and in English for
// Dutch words in what the desk itself says.
#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTreeWidget>
#include <set>

#include "client/desk/case_view.hpp"
#include "client/desk/learning_views.hpp"
#include "client/desk/lookup_panel.hpp"
#include "client/desk/main_window.hpp"
#include "client/desk/text.hpp"
#include "tests/gui/desk_fixture.hpp"

namespace spoed {
namespace {

using test::WaitUntil;

/// Words that are English and never Dutch, as the desk would show them by mistake ("is", "of",
/// "open", "server" and "weekend" are Dutch too).
const std::set<QString> kEnglish = {
    QStringLiteral("the"),      QStringLiteral("and"),     QStringLiteral("with"),     QStringLiteral("to"),
    QStringLiteral("not"),      QStringLiteral("none"),    QStringLiteral("unknown"),  QStringLiteral("case"),
    QStringLiteral("cases"),    QStringLiteral("youth"),   QStringLiteral("next"),     QStringLiteral("working"),
    QStringLiteral("day"),      QStringLiteral("reason"),  QStringLiteral("phone"),    QStringLiteral("opened"),
    QStringLiteral("closed"),   QStringLiteral("save"),    QStringLiteral("search"),   QStringLiteral("refresh"),
    QStringLiteral("handover"), QStringLiteral("outcome"), QStringLiteral("risk"),     QStringLiteral("contacts"),
    QStringLiteral("period"),   QStringLiteral("those"),   QStringLiteral("recorded"), QStringLiteral("required"),
    QStringLiteral("error"),    QStringLiteral("failed"),  QStringLiteral("call"),
};
/// Words that are Dutch and never English.
const std::set<QString> kDutch = {
    QStringLiteral("de"),          QStringLiteral("het"),      QStringLiteral("een"),        QStringLiteral("en"),
    QStringLiteral("van"),         QStringLiteral("niet"),     QStringLiteral("geen"),       QStringLiteral("voor"),
    QStringLiteral("met"),         QStringLiteral("casus"),    QStringLiteral("jeugdige"),   QStringLiteral("opslaan"),
    QStringLiteral("vernieuwen"),  QStringLiteral("zoeken"),   QStringLiteral("overdracht"), QStringLiteral("gesprek"),
    QStringLiteral("toestemming"), QStringLiteral("uitkomst"), QStringLiteral("nog"),        QStringLiteral("wacht"),
};

struct Text {
    QString where;
    QString text;
    bool chrome;  // said by the desk itself (not typed by a user or held in the data)
};

/// The text as read: without markup and without the '&' that marks a mnemonic; "break-the-glass",
/// the term Dutch care uses too, left out.
QString Plain(const QString& s) {
    QString text = s;
    if (Qt::mightBeRichText(text)) {
        QTextDocument doc;
        doc.setHtml(text);
        text = doc.toPlainText();
    }
    text.remove(QRegularExpression(QStringLiteral("&(?=\\S)")));
    text.remove(QRegularExpression(QStringLiteral("break-the-glass"), QRegularExpression::CaseInsensitiveOption));
    return text;
}

/// Every text visible in `window`, with where it is.
std::vector<Text> VisibleTexts(QWidget* window) {
    std::vector<Text> out;
    auto add = [&](QWidget* w, const QString& what, const QString& text, bool chrome) {
        if (!text.trimmed().isEmpty()) {
            out.push_back(
                {QString::fromLatin1(w->metaObject()->className()) + QLatin1Char(' ') + what, Plain(text), chrome});
        }
    };
    for (QWidget* w : window->findChildren<QWidget*>()) {
        if (!w->isVisible() || w->window() != window) continue;
        add(w, QStringLiteral("tooltip"), w->toolTip(), true);
        if (auto* l = qobject_cast<QLabel*>(w)) add(w, QStringLiteral("text"), l->text(), false);
        if (auto* b = qobject_cast<QAbstractButton*>(w)) add(w, QStringLiteral("text"), b->text(), true);
        if (auto* g = qobject_cast<QGroupBox*>(w)) add(w, QStringLiteral("title"), g->title(), true);
        if (auto* e = qobject_cast<QLineEdit*>(w)) add(w, QStringLiteral("placeholder"), e->placeholderText(), true);
        if (auto* e = qobject_cast<QPlainTextEdit*>(w))
            add(w, QStringLiteral("placeholder"), e->placeholderText(), true);
        if (auto* c = qobject_cast<QComboBox*>(w)) {
            // Items may be data (organisations, users): checked in Dutch only.
            for (int i = 0; i < c->count(); ++i) add(w, QStringLiteral("item"), c->itemText(i), false);
        }
        if (auto* bar = qobject_cast<QTabBar*>(w)) {
            for (int i = 0; i < bar->count(); ++i) add(w, QStringLiteral("tab"), bar->tabText(i), false);
        }
        if (auto* t = qobject_cast<QTextBrowser*>(w)) add(w, QStringLiteral("text"), t->toPlainText(), false);
        if (auto* tree = qobject_cast<QTreeWidget*>(w)) {
            for (int c = 0; c < tree->columnCount(); ++c)
                add(w, QStringLiteral("header"), tree->headerItem()->text(c), true);
            for (int i = 0; i < tree->topLevelItemCount(); ++i) {
                for (int c = 0; c < tree->columnCount(); ++c)
                    add(w, QStringLiteral("cell"), tree->topLevelItem(i)->text(c), false);
            }
        }
    }
    return out;
}

QStringList WrongWords(QWidget* window, const QString& language) {
    // Hyphenated words are one word ("De-escalating" is not "de").
    static const QRegularExpression word(QStringLiteral("[A-Za-zÀ-ÿ_]+(?:-[A-Za-zÀ-ÿ_]+)*"));
    static const QRegularExpression raw_key(QStringLiteral("\\b[a-z]+_[a-z_]+\\b|\\b[A-Z]+_[A-Z_]{3,}\\b"));
    QStringList problems;
    for (const auto& t : VisibleTexts(window)) {
        if (language == QLatin1String("en") && !t.chrome) continue;  // the data is Dutch
        const auto& stop = language == QLatin1String("nl") ? kEnglish : kDutch;
        for (auto m = word.globalMatch(t.text); m.hasNext();) {
            const QString w = m.next().captured().toLower();
            if (stop.count(w)) {
                problems << QStringLiteral("%1: '%2' in \"%3\"").arg(t.where, w, t.text.left(120));
                break;
            }
        }
        if (auto k = raw_key.match(t.text); k.hasMatch()) {
            problems << QStringLiteral("%1: raw key '%2' in \"%3\"").arg(t.where, k.captured(), t.text.left(120));
        }
    }
    problems.removeDuplicates();
    return problems;
}

/// Every page of the window's main tabs and, in a case, every form tab; the problems found.
QStringList WalkScreens(desk::MainWindow* main, const QString& who, const QString& language) {
    QStringList problems;
    QTabWidget* tabs = main->tabs();
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        QTest::qWait(300);  // the page loads what it shows
        if (auto* figures = qobject_cast<desk::FiguresView*>(tabs->widget(i))) {
            // The figures of the demo year, with their table, charts and explanations.
            figures->fromEdit()->setDate(QDate(desk::Text::today().year() - 1, 1, 1));
            figures->toEdit()->setDate(desk::Text::today());
            figures->reload();
            EXPECT_TRUE(WaitUntil([&] { return figures->figures().total().cases() > 0; }))
                << "the figures did not load";
            QTest::qWait(100);
        }
        const QString screen = who + QStringLiteral(" / ") + tabs->tabText(i) + QStringLiteral(": ");
        for (const auto& p : WrongWords(main, language)) problems << screen + p;
        // What a list shows of its first row (a handover's due time and steps, a review, …).
        for (QTreeWidget* tree : tabs->widget(i)->findChildren<QTreeWidget*>()) {
            if (!tree->isVisible() || tree->topLevelItemCount() == 0 || tree->currentItem()) continue;
            tree->setCurrentItem(tree->topLevelItem(0));
            QTest::qWait(300);
            for (const auto& p : WrongWords(main, language)) problems << screen + QStringLiteral("(first row) ") + p;
        }
        if (auto* view = qobject_cast<desk::CaseView*>(tabs->widget(i)); view && view->forms()) {
            for (int f = 0; f < view->forms()->count(); ++f) {
                view->forms()->setCurrentIndex(f);
                QTest::qWait(150);
                for (const auto& p : WrongWords(main, language)) {
                    problems << screen + view->forms()->tabText(f) + QStringLiteral(": ") + p;
                }
            }
        }
    }
    problems.removeDuplicates();
    return problems;
}

void WalkInLanguage(const QString& language) {
    test::InLanguage in_language(language);
    ASSERT_TRUE(in_language.ok());
    test::DeskDaemon d(true);
    auto anna = test::SignIn(d, QStringLiteral("demo.anna"), QStringLiteral("demo-anna-wachtwoord"));
    ASSERT_TRUE(anna);
    ASSERT_TRUE(test::ShowDaanInLookUp(anna.get()));
    anna->lookup()->openNewCase();
    ASSERT_TRUE(WaitUntil([&] { return qobject_cast<desk::CaseView*>(anna->tabs()->currentWidget()) != nullptr; }));
    QStringList problems = WalkScreens(anna.get(), QStringLiteral("worker"), language);
    auto pieter = test::SignIn(d, QStringLiteral("demo.pieter"), QStringLiteral("demo-pieter-wachtwoord"));
    ASSERT_TRUE(pieter);
    problems << WalkScreens(pieter.get(), QStringLiteral("psychiatrist"), language);
    auto carla = test::SignIn(d, QStringLiteral("demo.carla"), QStringLiteral("demo-carla-wachtwoord"));
    ASSERT_TRUE(carla);
    problems << WalkScreens(carla.get(), QStringLiteral("coordinator"), language);
    EXPECT_TRUE(problems.isEmpty()) << problems.size() << " texts in the wrong language:\n  "
                                    << problems.join(QStringLiteral("\n  ")).toStdString();
}

TEST(DeskWords, TheDutchDeskShowsNoEnglishWordAndNoRawKey) { WalkInLanguage(QStringLiteral("nl")); }

TEST(DeskWords, TheEnglishDeskSaysNothingInDutch) { WalkInLanguage(QStringLiteral("en")); }

}  // namespace
}  // namespace spoed
