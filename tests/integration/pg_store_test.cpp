// The PostgreSQL store on a real PostgreSQL 15 server (the suite's, or one the test starts): what
// only it has to get right. One gap-free audit chain under concurrent writers, append-only;
// a unit of work that PostgreSQL aborts for a conflict runs again; a connection lost to the
// server is replaced; an event committed through one store reaches the listener of another.
#include "db/pg_store.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "db/audit_chain.hpp"
#include "db/pg.hpp"
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

std::int64_t AddUser(db::Store& store, const std::string& name) {
    auto id = store.Write([&](db::Tx& tx) -> Result<std::int64_t> {
        db::UserRecord u;
        u.username = name;
        u.display_name = name + " (fictief)";
        u.password_hash = "$argon2id$test";
        u.created_at = u.updated_at = FromMicros(1'700'000'000'000'000);
        auto inserted = tx.users().Insert(u);
        if (!inserted) return Error::AlreadyExists("taken");
        return *inserted;
    });
    EXPECT_TRUE(id.ok());
    return id.ok() ? *id : 0;
}

TEST(PgStore, ConcurrentWritersMakeOneGapFreeChainThatVerifies) {
    const std::string dsn = test::NewTestDatabase();
    auto store = db::PgStore::Open({.dsn = dsn, .connections = 4});
    constexpr int kWriters = 4;
    constexpr int kEach = 40;
    std::vector<std::thread> writers;
    std::atomic<int> failures{0};
    for (int w = 0; w < kWriters; ++w) {
        writers.emplace_back([&, w] {
            for (int n = 0; n < kEach; ++n) {
                // Every other unit of work fails after appending: it leaves no hole.
                Status st = store->Write([&](db::Tx& tx) -> Status {
                    tx.audit().Append(Line(w, n));
                    if (n % 2 == 1) return Error::InvalidArgument("rolled back");
                    return Ok();
                });
                if (st.ok() != (n % 2 == 0)) ++failures;
            }
        });
    }
    for (auto& t : writers) t.join();
    EXPECT_EQ(failures.load(), 0);
    EXPECT_EQ(store->Retries(), 0) << "writers of the log take turns instead of aborting each other";
    EXPECT_EQ(store->Retries(), 0) << "writers of the log take turns instead of aborting each other";

    auto report =
        store->Read([](db::Tx& tx) -> Result<db::AuditChainReport> { return db::VerifyAuditChain(tx.audit()); });
    ASSERT_TRUE(report.ok());
    EXPECT_TRUE(report->ok) << report->message;
    EXPECT_EQ(report->entries, kWriters * kEach / 2);
    db::pg::Connection c(dsn);
    auto rows = c.Query("SELECT min(seq), max(seq), count(*) FROM audit_events");
    EXPECT_EQ(rows.Int(0, 0), 1);
    EXPECT_EQ(rows.Int(0, 1), kWriters * kEach / 2) << "no gaps";
    // The hash is the one every store computes (db/audit_chain.hpp), from the first entry on.
    auto first = store->Read([](db::Tx& tx) -> Result<std::vector<db::AuditRecord>> { return tx.audit().Range(0, 1); });
    ASSERT_TRUE(first.ok());
    ASSERT_EQ(first->size(), 1u);
    EXPECT_EQ((*first)[0].hash, db::AuditHash("", (*first)[0]));
}

TEST(PgStore, TheAuditLogAndPlanVersionsRefuseChange) {
    const std::string dsn = test::NewTestDatabase();
    auto store = db::PgStore::Open({.dsn = dsn, .connections = 1});
    ASSERT_TRUE(store
                    ->Write([](db::Tx& tx) -> Status {
                        tx.audit().Append(Line(0, 1));
                        return Ok();
                    })
                    .ok());
    db::pg::Connection c(dsn);
    for (const char* sql :
         {"UPDATE audit_events SET reason = 'changed'", "DELETE FROM audit_events", "TRUNCATE audit_events"}) {
        try {
            c.Exec(sql);
            ADD_FAILURE() << sql << " was allowed";
        } catch (const db::pg::PgError& e) {
            EXPECT_EQ(std::string(e.what()), "audit_events is append-only") << sql;
        }
    }
    EXPECT_EQ(c.Query("SELECT count(*) FROM audit_events").Int(0, 0), 1);
}

TEST(PgStore, AUnitOfWorkAbortedForAConflictRunsAgainAndBothWritesLand) {
    const std::string dsn = test::NewTestDatabase();
    auto store = db::PgStore::Open({.dsn = dsn, .connections = 4});
    const std::int64_t id = AddUser(*store, "gedeeld");
    std::mutex m;
    std::condition_variable cv;
    bool read = false, other_committed = false;
    std::atomic<int> runs{0};
    // Counters' writes (the throttle's), which do not queue behind the logs' lock, so they do
    // run at the same time; the writes of the logs take turns (the test above).
    std::thread first([&] {
        Status st = store->WriteCounters([&](db::Tx& tx) -> Status {
            const int run = ++runs;
            auto user = tx.users().FindById(id);  // the snapshot is taken here
            if (run == 1) {
                std::unique_lock lock(m);
                read = true;
                cv.notify_all();
                cv.wait(lock, [&] { return other_committed; });
            }
            tx.users().SetPassword(id, "$argon2id$first", false, FromMicros(1'700'000'000'000'001));
            return Ok();
        });
        EXPECT_TRUE(st.ok()) << st.error().message;
    });
    {
        std::unique_lock lock(m);
        cv.wait(lock, [&] { return read; });
    }
    ASSERT_TRUE(store
                    ->WriteCounters([&](db::Tx& tx) -> Status {
                        tx.users().SetDisabled(id, true, FromMicros(1'700'000'000'000'002));
                        return Ok();
                    })
                    .ok());
    {
        std::lock_guard lock(m);
        other_committed = true;
        cv.notify_all();
    }
    first.join();
    EXPECT_EQ(runs.load(), 2) << "the first unit ran again after PostgreSQL aborted it";
    EXPECT_GE(store->Retries(), 1);
    auto user =
        store->Read([&](db::Tx& tx) -> Result<std::optional<db::UserRecord>> { return tx.users().FindById(id); });
    ASSERT_TRUE(user.ok() && user->has_value());
    EXPECT_TRUE((*user)->disabled) << "the second write is there";
    EXPECT_EQ((*user)->password_hash, "$argon2id$first") << "and the first one, run again";
}

TEST(PgStore, AConnectionTheServerDroppedIsReplacedAndTheWriteLandsOnce) {
    const std::string dsn = test::NewTestDatabase();
    auto store = db::PgStore::Open({.dsn = dsn, .connections = 2});
    AddUser(*store, "voor");
    // The server ends every connection of the store's (as a restart or failover would).
    db::pg::Connection admin(dsn);
    admin.Query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> "
        "pg_backend_pid()");
    AddUser(*store, "na");
    auto count = store->Read([](db::Tx& tx) -> Result<std::int64_t> { return tx.users().Count(); });
    ASSERT_TRUE(count.ok());
    EXPECT_EQ(*count, 2);
}

TEST(PgStore, AnEventCommittedThroughOneStoreWakesTheListenerOfAnother) {
    const std::string dsn = test::NewTestDatabase();
    auto writer = db::PgStore::Open({.dsn = dsn, .connections = 1});
    auto other = db::PgStore::Open({.dsn = dsn, .connections = 1});
    std::mutex m;
    std::condition_variable cv;
    int heard = 0;
    other->SetEventListener([&] {
        std::lock_guard lock(m);
        ++heard;
        cv.notify_all();
    });
    // The listener's first call comes when it has connected; wait for it, then count.
    {
        std::unique_lock lock(m);
        ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(10), [&] { return heard > 0; }));
        heard = 0;
    }
    std::int64_t seq = 0;
    ASSERT_TRUE(writer
                    ->Write([&](db::Tx& tx) -> Status {
                        seq = tx.events().Append({0, FromMicros(1'700'000'000'000'000), "case_opened", 1, 7, "", "x"});
                        return Ok();
                    })
                    .ok());
    std::unique_lock lock(m);
    EXPECT_TRUE(cv.wait_for(lock, std::chrono::seconds(10), [&] { return heard > 0; }));
    auto events =
        other->Read([](db::Tx& tx) -> Result<std::vector<db::EventRecord>> { return tx.events().After(0, 10); });
    ASSERT_TRUE(events.ok());
    ASSERT_EQ(events->size(), 1u);
    EXPECT_EQ((*events)[0].seq, seq);
    EXPECT_EQ((*events)[0].payload, "x");
}

}  // namespace
}  // namespace spoed
