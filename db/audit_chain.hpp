#pragma once

#include <cstdint>
#include <string>

#include "db/sqlite.hpp"

namespace spoed::db {

/// What VerifyAuditChain found: `ok`, or the first entry whose stored hash does not follow
/// from the previous entry's hash and its own content (changed, removed or reordered rows).
struct AuditChainCheck {
    bool ok = true;
    std::int64_t entries = 0;        // entries walked
    std::int64_t first_bad_seq = 0;  // 0 when ok
    std::string problem;             // for the operator; no entry content
};

/// Walks audit_events in seq order and recomputes each hash (db/sqlite_store.cpp AuditHash).
/// Throws SqliteError when the table cannot be read.
AuditChainCheck VerifyAuditChain(Connection& connection);

}  // namespace spoed::db
