// The audit log on a real PostgreSQL 15 server (started by the test, on loopback): the same hash
// chain as on SQLite, one gap-free sequence under concurrent writers, append-only.
#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>
#include <vector>

#include "db/audit_chain.hpp"
#include "db/pg.hpp"
#include "db/pg_audit_repo.hpp"
#include "db/pg_repos.hpp"
#include "tests/support/pg_server.hpp"

namespace spoed {
namespace {

db::AuditRecord Line(int writer, int n) {
    db::AuditRecord r;
    r.at = FromMicros(1'700'000'000'000'000 + n);
    r.user_id = writer + 1;
    r.username = "writer" + std::to_string(writer);
    r.roles = "crisis_worker";
    r.service = "spoed.v1.CaseService";
    r.method = "LogContact";
    r.action = "create";
    r.object_ids = "case:" + std::to_string(n);
    r.youth_id = n % 7;
    r.client_address = "192.0.2.10";
    r.result = "ok";
    r.reason = n % 5 == 0 ? "offline" : "";
    return r;
}

TEST(PgAudit, ConcurrentWritersMakeOneGapFreeChainThatVerifies) {
    test::PgServer server;
    ASSERT_TRUE(server.ok());
    const std::string dsn = server.NewDatabase("spoed_audit");
    {
        db::pg::Connection c(dsn);
        db::pg::Migrate(c);
        db::pg::Migrate(c);  // a second start: nothing to do
    }
    constexpr int kWriters = 4;
    constexpr int kEach = 50;
    std::atomic<int> failures{0};
    std::vector<std::thread> writers;
    for (int w = 0; w < kWriters; ++w) {
        writers.emplace_back([&, w] {
            try {
                db::pg::Connection c(dsn);
                db::pg::PgAuditRepo audit(c);
                for (int n = 0; n < kEach; ++n) {
                    // Every other unit of work is rolled back after appending: it leaves no hole.
                    c.Exec("BEGIN");
                    audit.Append(Line(w, n));
                    c.Exec(n % 2 == 0 ? "COMMIT" : "ROLLBACK");
                }
            } catch (const std::exception& e) {
                ADD_FAILURE() << e.what();
                ++failures;
            }
        });
    }
    for (auto& t : writers) t.join();
    ASSERT_EQ(failures.load(), 0);

    db::pg::Connection c(dsn);
    db::pg::PgAuditRepo audit(c);
    auto report = db::VerifyAuditChain(audit);
    EXPECT_TRUE(report.ok) << report.message;
    EXPECT_EQ(report.entries, kWriters * kEach / 2);
    auto rows = c.Query("SELECT min(seq), max(seq), count(*) FROM audit_events");
    EXPECT_EQ(rows.Int(0, 0), 1);
    EXPECT_EQ(rows.Int(0, 1), kWriters * kEach / 2) << "no gaps";
    // The hash is the one every store computes (db/audit_chain.hpp), from the first entry on.
    auto first = audit.Range(0, 2);
    ASSERT_EQ(first.size(), 2u);
    EXPECT_EQ(first[0].hash, db::AuditHash("", first[0]));
    EXPECT_EQ(first[1].hash, db::AuditHash(first[0].hash, first[1]));
    EXPECT_EQ(audit.Last()->seq, kWriters * kEach / 2);

    db::AuditFilter offline;
    offline.user_id = 2;
    offline.limit = 1000;
    for (const auto& r : audit.List(offline)) EXPECT_EQ(r.username, "writer1");
}

TEST(PgAudit, TheLogRefusesChangeAndTheChainShowsAChangeMadeAroundTheRule) {
    test::PgServer server;
    ASSERT_TRUE(server.ok());
    const std::string dsn = server.NewDatabase("spoed_audit");
    db::pg::Connection c(dsn);
    db::pg::Migrate(c);
    db::pg::PgAuditRepo audit(c);
    for (int n = 0; n < 5; ++n) {
        c.Exec("BEGIN");
        audit.Append(Line(0, n));
        c.Exec("COMMIT");
    }
    for (const char* sql : {"UPDATE audit_events SET reason = 'x' WHERE seq = 3",
                            "DELETE FROM audit_events WHERE seq = 5", "TRUNCATE audit_events"}) {
        try {
            c.Exec(sql);
            ADD_FAILURE() << sql << " was allowed";
        } catch (const db::pg::PgError& e) {
            EXPECT_EQ(e.sqlstate(), "P0001") << sql;
            EXPECT_NE(std::string(e.what()).find("append-only"), std::string::npos) << e.what();
        }
    }
    // The owner can switch the rule off; the chain still shows what was done.
    c.Exec("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update");
    c.Exec("UPDATE audit_events SET reason = 'rewritten' WHERE seq = 3");
    auto report = db::VerifyAuditChain(audit);
    EXPECT_FALSE(report.ok);
    EXPECT_EQ(report.broken_seq, 3);
    EXPECT_EQ(report.problem, "changed");
}

TEST(PgTransaction, AUnitOfWorkThatCollidesRunsAgainAndNoUpdateIsLost) {
    test::PgServer server;
    ASSERT_TRUE(server.ok());
    const std::string dsn = server.NewDatabase("spoed_counter");
    {
        db::pg::Connection c(dsn);
        c.Exec("CREATE TABLE counter (id INT PRIMARY KEY, n BIGINT NOT NULL); INSERT INTO counter VALUES (1, 0)");
    }
    // Read, then write what was read plus one: under SERIALIZABLE two such units that overlap
    // cannot both commit; the loser is aborted (40001) and runs again.
    constexpr int kThreads = 4;
    constexpr int kEach = 25;
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&] {
            try {
                db::pg::Connection c(dsn);
                for (int i = 0; i < kEach; ++i) {
                    db::pg::InTransaction(c, [&] {
                        const auto n = c.Query("SELECT n FROM counter WHERE id = 1").Int(0, 0);
                        c.Query("UPDATE counter SET n = $1 WHERE id = 1", {std::to_string(n + 1)});
                    });
                }
            } catch (const std::exception& e) {
                ADD_FAILURE() << e.what();
                ++failures;
            }
        });
    }
    for (auto& t : threads) t.join();
    ASSERT_EQ(failures.load(), 0);
    db::pg::Connection c(dsn);
    EXPECT_EQ(c.Query("SELECT n FROM counter WHERE id = 1").Int(0, 0), kThreads * kEach) << "no update lost";

    // A collision made on purpose: another connection commits between this unit's read and its
    // write; PostgreSQL aborts the unit (40001) and it runs again, now reading the new value.
    db::pg::Connection other(dsn);
    int attempts = 0;
    db::pg::InTransaction(c, [&] {
        ++attempts;
        const auto n = c.Query("SELECT n FROM counter WHERE id = 1").Int(0, 0);
        if (attempts == 1) other.Exec("UPDATE counter SET n = n + 1000 WHERE id = 1");
        c.Query("UPDATE counter SET n = $1 WHERE id = 1", {std::to_string(n + 1)});
    });
    EXPECT_EQ(attempts, 2);
    EXPECT_EQ(c.Query("SELECT n FROM counter WHERE id = 1").Int(0, 0), kThreads * kEach + 1000 + 1);

    // Any other error is not retried: it rolls back and comes out.
    int tries = 0;
    EXPECT_THROW(db::pg::InTransaction(c,
                                       [&] {
                                           ++tries;
                                           c.Exec("INSERT INTO counter VALUES (1, 0)");
                                       }),
                 db::pg::PgError);
    EXPECT_EQ(tries, 1);
    EXPECT_EQ(c.Query("SELECT count(*) FROM counter").Int(0, 0), 1);
}

TEST(PgEvents, EveryListenerHearsEachCommittedEventOnceInOrderAndARollbackLeavesNoHole) {
    test::PgServer server;
    ASSERT_TRUE(server.ok());
    const std::string dsn = server.NewDatabase("spoed_events");
    db::pg::Connection setup(dsn);
    db::pg::Migrate(setup);
    // Two listeners on the same database, as two daemons would have.
    db::pg::Connection listener_a(dsn), listener_b(dsn);
    listener_a.Listen(db::pg::PgEventRepo::kChannel);
    listener_b.Listen(db::pg::PgEventRepo::kChannel);

    auto event = [](int n) {
        db::EventRecord e;
        e.at = FromMicros(1'700'000'000'000'000 + n);
        e.kind = "CONTACT_LOGGED";
        e.audience = 1;
        e.case_id = n;
        e.payload = std::string("\x08\x00", 2) + std::to_string(n);
        return e;
    };
    db::pg::Connection writer(dsn);
    db::pg::PgEventRepo events(writer);
    EXPECT_EQ(db::pg::InTransaction(writer, [&] { return events.Append(event(1)); }), 1);
    EXPECT_EQ(listener_a.NextNotification(std::chrono::seconds(5)), "1");
    EXPECT_EQ(listener_b.NextNotification(std::chrono::seconds(5)), "1");

    // A rolled-back append is never heard and takes no number.
    writer.Exec("BEGIN");
    events.Append(event(99));
    writer.Exec("ROLLBACK");
    EXPECT_FALSE(listener_a.NextNotification(std::chrono::milliseconds(300)).has_value());
    EXPECT_EQ(events.Head(), 1);

    // Concurrent writers: every event heard once, in the order of the numbers, none missing.
    constexpr int kWriters = 3, kEach = 20;
    std::vector<std::thread> writers;
    std::atomic<int> failures{0};
    for (int w = 0; w < kWriters; ++w) {
        writers.emplace_back([&, w] {
            try {
                db::pg::Connection c(dsn);
                db::pg::PgEventRepo repo(c);
                for (int n = 0; n < kEach; ++n) db::pg::InTransaction(c, [&] { repo.Append(event(100 * w + n)); });
            } catch (const std::exception& e) {
                ADD_FAILURE() << e.what();
                ++failures;
            }
        });
    }
    std::vector<std::int64_t> heard;
    while (heard.size() < kWriters * kEach) {
        auto n = listener_b.NextNotification(std::chrono::seconds(10));
        if (!n) break;
        heard.push_back(std::stoll(*n));
    }
    for (auto& t : writers) t.join();
    ASSERT_EQ(failures.load(), 0);
    ASSERT_EQ(heard.size(), std::size_t(kWriters * kEach));
    for (std::size_t i = 0; i < heard.size(); ++i) EXPECT_EQ(heard[i], std::int64_t(i) + 2) << "in commit order";
    auto all = events.After(0, 1000);
    ASSERT_EQ(all.size(), std::size_t(1 + kWriters * kEach));
    for (std::size_t i = 0; i < all.size(); ++i) EXPECT_EQ(all[i].seq, std::int64_t(i) + 1) << "no hole";
    EXPECT_EQ(all[0].payload, event(1).payload);
    EXPECT_EQ(all[0].kind, "CONTACT_LOGGED");
}

}  // namespace
}  // namespace spoed
