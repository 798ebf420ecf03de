#pragma once

#include <string_view>

// SQL that is the same for the SQLite and the PostgreSQL store, written once: the column lists
// each store reads its records in (the readers index them by position).

namespace spoed::db::sql {

inline constexpr std::string_view kUserColumns =
    "id, username, display_name, password_hash, disabled, must_change_password, created_at, updated_at, "
    "EXISTS (SELECT 1 FROM user_totp t WHERE t.user_id = users.id AND t.confirmed_at IS NOT NULL)";

inline constexpr std::string_view kSessionColumns =
    "id, user_id, token_hash, created_at, last_seen_at, expires_at, ended_at, end_reason, client_address, "
    "second_factor";

inline constexpr std::string_view kAuditColumns =
    "seq, at, user_id, username, roles, service, method, action, object_ids, youth_id, client_address, result, "
    "reason, hash";

inline constexpr std::string_view kEventColumns = "seq, at, kind, audience, case_id, shift_date, payload";

}  // namespace spoed::db::sql
