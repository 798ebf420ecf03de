#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "db/audit_chain.hpp"

namespace spoed::db {

/// What a move from SQLite to PostgreSQL copied and what the check afterwards found.
struct MoveReport {
    struct Table {
        std::string name;
        std::int64_t rows = 0;
        bool same = false;  // the same rows on both sides (count and content digest)
    };
    std::vector<Table> tables;
    AuditChainReport audit;  // the chain walked on PostgreSQL after the move
    bool ok = false;         // every table the same, the chain verifies and ends at SQLite's head
    std::string problem;     // for people, when not ok
};

/// Copies every record of the SQLite database at `sqlite_path` (brought to this build's schema
/// first, as starting spoedd would; then one snapshot, read-only; the daemon must be stopped) into the PostgreSQL
/// database `dsn`, which must hold no records yet (it is migrated first when new). Ids, times and the audit log with
/// its hashes are copied as they are, in one transaction; then each table's rows are compared on both sides and the
/// audit chain is walked on PostgreSQL. Throws std::runtime_error naming what stopped the copy;
/// nothing is left half-written then. `progress` hears each table as it is copied.
MoveReport MoveSqliteToPostgres(const std::string& sqlite_path, const std::string& dsn,
                                const std::function<void(const std::string& table, std::int64_t rows)>& progress = {});

}  // namespace spoed::db
