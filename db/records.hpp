#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"

namespace spoed::db {

/// Rows as the store hands them to the service layer: plain data, no SQL.

struct UserRecord {
    std::int64_t id = 0;
    std::string username;
    std::string display_name;
    std::string password_hash;       // Argon2id encoded string
    std::vector<std::string> roles;  // "crisis_worker", "psychiatrist", "coordinator", "admin"
    bool disabled = false;
    bool must_change_password = false;
    TimePoint created_at;
    TimePoint updated_at;
    bool totp_enrolled = false;  // read only: a confirmed second factor exists
};

struct SessionRecord {
    std::int64_t id = 0;
    std::int64_t user_id = 0;
    std::string token_hash;  // raw SHA-256 bytes
    TimePoint created_at;
    TimePoint last_seen_at;
    TimePoint expires_at;  // absolute lifetime
    std::optional<TimePoint> ended_at;
    std::string end_reason;
    std::string client_address;
    bool second_factor = false;  // opened with (or upgraded by) a TOTP code
};

/// A user's TOTP second factor. The secret is stored encrypted; the store never sees it clear.
struct TotpRecord {
    std::int64_t user_id = 0;
    std::string secret_enc;
    TimePoint created_at;
    std::optional<TimePoint> confirmed_at;  // nullopt: enrolment not yet confirmed
    std::int64_t last_step = 0;             // the 30 s step of the last code accepted
};

struct AuditRecord {
    std::int64_t seq = 0;  // set by the store on append
    TimePoint at;
    std::int64_t user_id = 0;
    std::string username;
    std::string roles;  // comma-separated role names
    std::string service;
    std::string method;
    std::string action;
    std::string object_ids;  // comma-separated "kind:id"
    std::int64_t youth_id = 0;
    std::string client_address;
    std::string result;  // "ok" or a Connect code name
    std::string reason;
    std::string hash;  // set by the store on append: raw SHA-256 bytes
};

struct AuditFilter {
    std::int64_t user_id = 0;   // 0: any
    std::int64_t youth_id = 0;  // 0: any
    std::optional<TimePoint> since;
    std::optional<TimePoint> until;
    std::int64_t before_seq = 0;  // 0: from the newest; else only seq < before_seq
    int limit = 100;
};

/// One key of the sign-in throttle kept in the store, so that every daemon on a shared database
/// (PostgreSQL) counts the same failures: a failed-login count (kind account, address, device)
/// or a bucket of successful sign-ins (kind sign_in_account, sign_in_address).
struct ThrottleRecord {
    std::string kind;
    std::string key;
    int failures = 0;
    TimePoint last_failure;
    TimePoint locked_until;
    double tokens = 0;
    TimePoint tokens_at;
};

}  // namespace spoed::db
