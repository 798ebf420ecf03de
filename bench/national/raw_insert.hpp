#pragma once

// The limit issue 8 compares LogContact with, in one place for both benchmarks that measure it
// (spoed-bench-raw and bench/commit_bench): single-row INSERTs into `contacts` with the
// repository's statement, one transaction each, WAL, synchronous=FULL, through the sqlite3
// library alone.

#include <cstdint>
#include <string>
#include <utility>

#include "base/clock.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace spoed::db {
class Store;
}

namespace spoed::bench {

/// Writes one crisis worker (`username`, fictional) and one open case through the store's own
/// repositories; returns {user id, case id}. Throws std::runtime_error when the write fails.
std::pair<std::int64_t, std::int64_t> SeedWorkerAndCase(db::Store& store, const std::string& username, TimePoint now);

class RawInsertBaseline {
  public:
    /// Makes a fresh store at `path` (the daemon's schema and triggers, by db::SqliteStore::Open),
    /// seeds a worker and a case, closes the store and opens the file with the sqlite3 library.
    /// Throws std::runtime_error naming what failed.
    explicit RawInsertBaseline(const std::string& path);
    ~RawInsertBaseline();
    RawInsertBaseline(const RawInsertBaseline&) = delete;
    RawInsertBaseline& operator=(const RawInsertBaseline&) = delete;

    /// BEGIN IMMEDIATE, one contact row, COMMIT (durable when it returns).
    void InsertOne();

  private:
    sqlite3* db_ = nullptr;
    sqlite3_stmt* insert_ = nullptr;
    std::int64_t user_id_ = 0;
    std::int64_t case_id_ = 0;
};

}  // namespace spoed::bench
