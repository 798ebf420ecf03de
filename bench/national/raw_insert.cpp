#include "bench/national/raw_insert.hpp"

#include <sqlite3.h>

#include <chrono>
#include <stdexcept>
#include <tuple>

#include "db/sqlite_store.hpp"

namespace spoed::bench {
namespace {

void Check(sqlite3* db, int rc, const char* what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
    }
}

void Exec(sqlite3* db, const char* sql) { Check(db, sqlite3_exec(db, sql, nullptr, nullptr, nullptr), sql); }

}  // namespace

std::pair<std::int64_t, std::int64_t> SeedWorkerAndCase(db::Store& store, const std::string& username, TimePoint now) {
    std::int64_t user_id = 0, case_id = 0;
    Status st = store.Write([&](db::Tx& tx) -> Status {
        db::UserRecord u;
        u.username = username;
        u.display_name = "Bench Worker (fictief)";
        u.password_hash = "not-a-hash (bench)";  // never logs in
        u.roles = {"crisis_worker"};
        u.created_at = u.updated_at = now;
        auto id = tx.users().Insert(u);
        if (!id) return Error::Internal("the bench worker exists already");
        user_id = *id;
        db::CaseRecord c;
        c.caller_description = "beller (fictief)";
        c.opened_by = user_id;
        c.opened_at = c.updated_at = now;
        case_id = tx.cases().Insert(c);
        return Ok();
    });
    if (!st.ok()) throw std::runtime_error("cannot seed the bench worker and case: " + st.error().message);
    return {user_id, case_id};
}

RawInsertBaseline::RawInsertBaseline(const std::string& path) {
    {
        db::SqliteOptions o;
        o.path = path;
        o.readers = 1;
        auto store = db::SqliteStore::Open(o);
        auto now = std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
        std::tie(user_id_, case_id_) = SeedWorkerAndCase(*store, "raw.worker", now);
    }
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        sqlite3_close_v2(db_);
        throw std::runtime_error("cannot open " + path);
    }
    try {
        Exec(db_, "PRAGMA journal_mode = WAL");
        Exec(db_, "PRAGMA busy_timeout = 5000");
        Exec(db_, "PRAGMA foreign_keys = ON");
        Exec(db_, "PRAGMA synchronous = FULL");
        // SqlCaseRepo::InsertContact's statement.
        Check(
            db_,
            sqlite3_prepare_v2(db_,
                               "INSERT INTO contacts (case_id, type, started_at, ended_at, caller_role, caller_phone, "
                               "summary, plan_version_consulted, logged_by, logged_at) VALUES "
                               "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               -1, &insert_, nullptr),
            "prepare insert");
    } catch (...) {
        sqlite3_close_v2(db_);
        throw;
    }
}

RawInsertBaseline::~RawInsertBaseline() {
    sqlite3_finalize(insert_);
    sqlite3_close_v2(db_);
}

void RawInsertBaseline::InsertOne() {
    std::int64_t now_us =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    Exec(db_, "BEGIN IMMEDIATE");
    sqlite3_bind_int64(insert_, 1, case_id_);
    sqlite3_bind_text(insert_, 2, "incoming_call", -1, SQLITE_STATIC);
    sqlite3_bind_int64(insert_, 3, now_us);
    sqlite3_bind_null(insert_, 4);
    sqlite3_bind_text(insert_, 5, "parent", -1, SQLITE_STATIC);
    sqlite3_bind_text(insert_, 6, "+31612345678", -1, SQLITE_STATIC);
    sqlite3_bind_text(insert_, 7, "raw baseline contact (fictief)", -1, SQLITE_STATIC);
    sqlite3_bind_int64(insert_, 8, 0);
    sqlite3_bind_int64(insert_, 9, user_id_);
    sqlite3_bind_int64(insert_, 10, now_us);
    int rc = sqlite3_step(insert_);
    sqlite3_reset(insert_);
    if (rc != SQLITE_DONE) {
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        Check(db_, rc, "insert");
    }
    Exec(db_, "COMMIT");
}

}  // namespace spoed::bench
