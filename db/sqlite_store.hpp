#pragma once

#include <memory>
#include <string>

#include "db/store.hpp"

namespace spoed::db {

struct SqliteOptions {
    std::string path;        // the database file; created when missing
    int readers = 4;         // size of the reader connection pool
    int busy_timeout_ms = 5000;
};

/// The SQLite store: WAL, synchronous=FULL, foreign keys on, STRICT tables, one writer
/// connection and a pool of readers. Opening runs quick_check and the numbered migrations
/// (db/migrations/NNNN_*.sql, tracked by PRAGMA user_version).
class SqliteStore final : public Store {
public:
    /// Opens (creating and migrating as needed). Throws std::runtime_error with a clear message
    /// when the file cannot be opened, fails quick_check, or was made by a newer spoedd.
    static std::unique_ptr<SqliteStore> Open(const SqliteOptions& options);
    ~SqliteStore() override;

    bool Ready() override;
    /// The schema version this build migrates to.
    static int LatestSchemaVersion();
    int SchemaVersion();

protected:
    Status RunTx(bool write, const std::function<Status(Tx&)>& fn) override;

private:
    struct Impl;
    explicit SqliteStore(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

/// The canonical bytes of an audit entry that its hash covers (everything but seq and hash),
/// and the hash itself: SHA-256(prev_hash || canonical). Shared with `spoedctl audit verify`.
std::string AuditCanonical(const AuditRecord& r);
std::string AuditHash(std::string_view prev_hash, const AuditRecord& r);

}  // namespace spoed::db
