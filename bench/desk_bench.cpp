// The desk's speed as a person feels it: how long spoed-desk takes to show its log-in screen,
// and how long after the last key a look-up shows its first results — a real desk (offscreen)
// against a real daemon over TLS with the demo data, typing at a fast typist's pace.
// Prints figures for docs/performance.md; asserts nothing.
//
//   desk_bench [rounds]     (SPOED_DESK_PATH: the spoed-desk binary to start)
#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <vector>

#include "client/desk/desk_app.hpp"
#include "client/desk/lookup_panel.hpp"
#include "client/desk/main_window.hpp"
#include "client/desk/offline_copy.hpp"
#include "client/desk/session.hpp"
#include "client/desk/settings.hpp"
#include "tests/gui/desk_fixture.hpp"

namespace {

struct Stats {
    double median, max;
};

Stats Summarise(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return {v[v.size() / 2], v.back()};
}

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    spoed::desk::SetUpApplication(app);
    spoed::desk::InstallTranslation(app, QStringLiteral("nl"));
    const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 10;

    // 1. Start-up to the log-in screen: the whole process, from exec to the screen shown.
    std::vector<double> startup, reported;
    for (int i = 0; i < rounds; ++i) {
        QElapsedTimer t;
        t.start();
        QProcess p;
        p.start(QStringLiteral(SPOED_DESK_PATH), {QStringLiteral("--startup-probe")});
        p.waitForFinished(10'000);
        startup.push_back(double(t.nsecsElapsed()) / 1e6);
        QByteArray out = p.readAllStandardOutput();
        int at = out.indexOf("after ");
        if (at >= 0) reported.push_back(out.mid(at + 6).split(' ').value(0).toDouble());
    }
    auto s = Summarise(startup);
    auto r = reported.empty() ? Stats{-1, -1} : Summarise(reported);
    std::printf(
        "start-up to the log-in screen: whole process median %.0f ms, max %.0f ms "
        "(inside the process: median %.0f ms, max %.0f ms), %d runs\n",
        s.median, s.max, r.median, r.max, rounds);

    // 2. Look-up as one types, against the demo data.
    spoed::test::DeskDaemon daemon(true);
    auto main = spoed::test::SignIn(daemon, QStringLiteral("demo.anna"), QStringLiteral("demo-anna-wachtwoord"));
    if (!main) return 1;
    auto* lookup = main->lookup();
    auto type = [&](const QString& q) {
        std::vector<double> latencies;
        for (int i = 0; i < rounds; ++i) {
            lookup->searchEdit()->clear();
            lookup->results()->clear();
            // A real event loop between keys (QTest::qWait would poll in 10 ms steps and so
            // round every answer up to them).
            for (QChar c : q) {
                QTest::keyClick(lookup->searchEdit(), c.toLatin1());
                QEventLoop pause;
                QTimer::singleShot(60, &pause, &QEventLoop::quit);  // about 16 keys a second
                pause.exec();
            }
            // The answer to the last key; the panel times it from that key.
            if (!lookup->resultsCurrent()) {
                QEventLoop wait;
                QObject::connect(lookup, &spoed::desk::LookupPanel::resultsShown, &wait, [&] {
                    if (lookup->resultsCurrent()) wait.quit();
                });
                QTimer::singleShot(5000, &wait, &QEventLoop::quit);
                wait.exec();
            }
            latencies.push_back(lookup->lastLatencyMs());
        }
        return Summarise(latencies);
    };
    const QString queries[] = {QStringLiteral("06 2345 6789"),   QStringLiteral("Daan"),
                               QStringLiteral("visser"),         QStringLiteral("14-03-2012"),
                               QStringLiteral("Sanne de Vries"), QStringLiteral("0620000007")};
    for (const QString& q : queries) {
        auto l = type(q);
        std::printf("look-up \"%s\": first results %.1f ms after the last key (median), max %.1f ms, %d rounds\n",
                    q.toUtf8().constData(), l.median, l.max, rounds);
    }

    // 3. The same look-up offline, over a copy of 10,000 pre-registered youths (generated,
    //    fictional): the daemon is stopped, the desk answers from its sealed copy and writes
    //    each look-up into its sealed queue of reads.
    spoed::desk::OfflineCopy* copy = main->session().offline();
    if (!copy) return 1;
    spoed::v1::SyncOfflineSetResponse big;
    big.set_full(true);
    big.set_sync_token("o1.bench");
    big.mutable_synced_at()->set_seconds(QDateTime::currentSecsSinceEpoch());
    for (int r : main->session().user().roles()) big.add_roles(spoed::v1::Role(r));
    big.set_keep_seconds(24 * 3600);
    const char* given[] = {"Daan", "Sanne", "Sofie", "Bram", "Mila", "Finn", "Eva", "Lucas", "Noor", "Sem"};
    const char* family[] = {"de Vries", "Jansen", "Visser", "Bakker", "Smit", "Meijer", "de Boer", "Mulder"};
    for (int i = 0; i < 10'000; ++i) {
        auto* o = big.add_youths();
        auto* y = o->mutable_youth();
        y->set_id(100'000 + i);
        y->set_given_name(given[i % 10]);
        y->set_family_name(std::string(family[(i / 10) % 8]) + " " + std::to_string(i) + " (fictief)");
        y->mutable_date_of_birth()->set_year(2005 + i % 15);
        y->mutable_date_of_birth()->set_month(1 + i % 12);
        y->mutable_date_of_birth()->set_day(1 + i % 28);
        y->add_phones()->set_number("+3163" + std::to_string(1'000'000 + i));
        auto* parent = y->add_contacts();
        parent->set_name("Ouder (fictief)");
        parent->set_phone("+3164" + std::to_string(1'000'000 + i));
        o->mutable_plan()->set_id(200'000 + i);
        o->mutable_plan()->set_version(1);
        o->mutable_plan()->mutable_content()->mutable_red()->set_signs("Signalen rood (fictief) " + std::to_string(i));
    }
    QElapsedTimer sealing;
    sealing.start();
    copy->apply(big);
    std::printf("offline copy of %d youths: taken in and sealed in %.0f ms\n", copy->youthCount(),
                double(sealing.nsecsElapsed()) / 1e6);
    daemon.Stop();
    // The first look-up finds the server gone; from then on the desk answers from the copy.
    type(QStringLiteral("06 3100 0000"));
    const QString offline_queries[] = {QStringLiteral("06 3100 4242"),   QStringLiteral("Daan"),
                                       QStringLiteral("mila visser"),    QStringLiteral("14-03-2012"),
                                       QStringLiteral("Sanne de Vries"), QStringLiteral("de")};
    for (const QString& q : offline_queries) {
        auto l = type(q);
        std::printf(
            "offline look-up \"%s\" over %d youths: first results %.1f ms after the last key (median), max %.1f "
            "ms, %d rounds\n",
            q.toUtf8().constData(), copy->youthCount(), l.median, l.max, rounds);
    }
    std::printf("offline reads waiting in the sealed queue afterwards: %d\n", copy->pendingReads());
    return 0;
}
