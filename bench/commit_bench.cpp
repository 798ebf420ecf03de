// Durable writes through SqliteStore (WAL, synchronous=FULL, every write committed before it
// returns), one thread and eight at once:
//   AuditLine   — the audit line of an audited read (Store::WriteAudit), as GetPlan writes it;
//   ContactWrite — a LogContact-like write: one contact row plus its audit line (Store::Write);
//   RawInsertOneCommitPerRow — the limit issue 8 compares LogContact with: a single-row insert
//                  into `contacts` through the sqlite3 library, one transaction per row.
// Concurrent writers share commits (group commit, docs/architecture.md), so the eight-thread
// rates show what one fsync per batch buys. The file lives in $TMPDIR (a real disk there).
#include <benchmark/benchmark.h>

#include <atomic>
#include <memory>
#include <stdexcept>
#include <string>
#include <tuple>

#include "base/log.hpp"
#include "bench/national/raw_insert.hpp"
#include "db/sqlite_store.hpp"
#include "tests/support/temp_dir.hpp"

namespace spoed::bench {
namespace {

TimePoint Now() { return TimePoint(std::chrono::microseconds(1'795'000'000'000'000)); }

db::AuditRecord AuditLine(std::int64_t user_id, std::int64_t youth_id) {
    db::AuditRecord a;
    a.at = Now();
    a.user_id = user_id;
    a.username = "bench.worker";
    a.roles = "crisis_worker";
    a.service = "spoed.v1.PlanService";
    a.method = "GetPlan";
    a.action = "read";
    a.object_ids = "plan:" + std::to_string(youth_id);
    a.youth_id = youth_id;
    a.client_address = "127.0.0.1";
    a.result = "ok";
    return a;
}

struct World {
    test::TempDir dir;
    std::unique_ptr<db::SqliteStore> store;
    std::int64_t user_id = 0;
    std::int64_t case_id = 0;

    World() {
        log::SetMinLevel(log::Level::kWarn);
        db::SqliteOptions o;
        o.path = dir.file("commit_bench.db");
        store = db::SqliteStore::Open(o);
        std::tie(user_id, case_id) = SeedWorkerAndCase(*store, "bench.worker", Now());
    }
};

World& TheWorld() {
    static World w;
    return w;
}

void BM_AuditLine(benchmark::State& state) {
    World& w = TheWorld();
    for (auto _ : state) {
        Status st = w.store->WriteAudit([&](db::Tx& tx) {
            tx.audit().Append(AuditLine(w.user_id, 42));
            return Ok();
        });
        if (!st.ok()) state.SkipWithError("audit write failed");
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AuditLine)->Threads(1)->Threads(8)->UseRealTime();

void BM_ContactWrite(benchmark::State& state) {
    World& w = TheWorld();
    for (auto _ : state) {
        Status st = w.store->Write([&](db::Tx& tx) -> Status {
            db::ContactRecord c;
            c.case_id = w.case_id;
            c.type = "incoming_call";
            c.started_at = Now();
            c.caller_role = "youth";
            c.summary = "gesprek (fictief)";
            c.logged_by = w.user_id;
            c.logged_at = Now();
            c.workers = {w.user_id};
            tx.cases().InsertContact(c);
            tx.audit().Append(AuditLine(w.user_id, 0));
            return Ok();
        });
        if (!st.ok()) state.SkipWithError("contact write failed");
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ContactWrite)->Threads(1)->Threads(8)->UseRealTime();

void BM_RawInsertOneCommitPerRow(benchmark::State& state) {
    // A database of its own with the same schema (made by the store), then the sqlite3 library alone.
    test::TempDir dir;
    RawInsertBaseline baseline(dir.file("raw.db"));
    for (auto _ : state) baseline.InsertOne();
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RawInsertOneCommitPerRow)->UseRealTime();

}  // namespace
}  // namespace spoed::bench

BENCHMARK_MAIN();
