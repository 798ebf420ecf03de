#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "db/store.hpp"

namespace spoed::db {

/// The canonical bytes of an audit entry that its hash covers (everything but seq and hash),
/// and the hash itself: SHA-256(prev_hash || canonical). The same for every store.
std::string AuditCanonical(const AuditRecord& r);
std::string AuditHash(std::string_view prev_hash, const AuditRecord& r);

/// Where a walk of the audit chain starts: after a checkpoint (seq + hash), or at the beginning.
struct AuditAnchor {
    std::int64_t seq = 0;  // 0: the beginning of the log
    std::string hash;      // raw SHA-256 of entry `seq`; "" at the beginning
};

/// What a walk of the audit hash chain found.
struct AuditChainReport {
    bool ok = true;
    std::int64_t entries = 0;    // entries whose hash was checked and matched
    std::int64_t first_seq = 0;  // first entry checked (0 when none)
    AuditAnchor head;            // the last entry that verified (seq 0 when none)
    /// The first entry that does not verify, and what happened to it: "changed" (its content
    /// no longer matches its hash), "removed" (entries before it are missing), "reordered"
    /// (it was written after another entry than the one now before it). 0/"" when ok.
    std::int64_t broken_seq = 0;
    std::string problem;
    std::string message;  // one line for people: what, where
};

/// Walks the chain of `audit` in sequence order from `from`, checking each entry's hash
/// against SHA-256(previous hash || canonical content), and stops at the first entry that
/// does not verify. At most `max_entries` entries are read (0: all).
AuditChainReport VerifyAuditChain(AuditRepo& audit, const AuditAnchor& from = {}, std::int64_t max_entries = 0);

/// Checks that the chain walked in `report` still contains the checkpoint `expected` (seq and
/// hash as written to the daemon's log): a log cut short after the checkpoint, or rewritten
/// with fresh hashes, no longer does. Sets ok=false and the message when it fails.
void CheckAgainstCheckpoint(AuditRepo& audit, const AuditAnchor& expected, AuditChainReport& report);

}  // namespace spoed::db
