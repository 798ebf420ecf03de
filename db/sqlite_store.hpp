#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "db/store.hpp"

namespace spoed::db {

struct SqliteOptions {
    std::string path;  // the database file; created when missing
    int readers = 4;   // size of the reader connection pool
    int busy_timeout_ms = 5000;
    /// Database size limit in pages (PRAGMA max_page_count); 0: only the disk limits it.
    std::int64_t max_pages = 0;
    /// Under max_pages, pages that only audit-only writes may use (see Store::WriteAudit).
    std::int64_t reserve_pages = 64;
    /// Size of the reserve file `<path>.reserve` kept beside the database; 0: none. When the
    /// disk fills, it is deleted so that reads can still write their audit lines, and writes
    /// are refused until the disk has twice this much free again.
    std::int64_t reserve_bytes = 0;
    /// When true, quick_check runs on its own connection in the background after Open instead
    /// of before it returns: on a national-size database it reads gigabytes, and the daemon
    /// must be ready within half a second (docs/performance.md). A failed check makes Ready()
    /// false and is logged as `db.integrity_failed`.
    bool check_in_background = false;
};

/// Where the integrity check of an open store stands.
enum class IntegrityState { kRunning, kOk, kFailed };

/// The SQLite store: WAL, synchronous=FULL, foreign keys on, STRICT tables, one writer
/// connection and a pool of readers. Opening runs quick_check (or starts it in the background,
/// see SqliteOptions) and the numbered migrations (db/migrations/NNNN_*.sql, tracked by
/// PRAGMA user_version).
class SqliteStore final : public Store {
  public:
    /// Opens (creating and migrating as needed). Throws std::runtime_error with a clear message
    /// when the file cannot be opened, fails quick_check, or was made by a newer spoedd.
    static std::unique_ptr<SqliteStore> Open(const SqliteOptions& options);
    ~SqliteStore() override;

    /// False when the schema is not the latest or the integrity check failed.
    bool Ready() override;
    IntegrityState Integrity() const;
    /// The schema version this build migrates to.
    static int LatestSchemaVersion();
    int SchemaVersion();
    /// Changes the page limit while running (fault tests; 0: none).
    void SetMaxPages(std::int64_t pages);
    /// True while storage is full and writes are refused.
    bool StorageFull() const;
    /// Write transactions committed since Open. Concurrent writes share commits (group
    /// commit), so this grows more slowly than the number of Write/WriteAudit calls.
    std::int64_t CommitCount() const;
    /// Writes queued for the next shared commit (not counting the batch being committed).
    std::size_t QueuedWrites() const;
    /// Counts for monitoring, read on a reader connection. Throws SqliteError.
    OperationalCounts Counts(TimePoint now) override;

  protected:
    Status RunTx(bool write, const std::function<Status(Tx&)>& fn) override;
    Status RunAuditTx(const std::function<Status(Tx&)>& fn) override;

  private:
    struct Impl;
    explicit SqliteStore(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace spoed::db
