#include "db/pg_repos.hpp"

#include <map>

#include "db/shared_sql.hpp"

namespace spoed::db::pg {

using sql::kEventColumns;
using sql::kSessionColumns;
using sql::kUserColumns;

namespace {

std::string Micros(TimePoint t) { return std::to_string(ToMicros(t)); }
std::string Bool(bool b) { return b ? "true" : "false"; }
bool IsTrue(const Rows& rows, int i, int column) { return rows.Text(i, column) == "t"; }

}  // namespace

// --- users -----------------------------------------------------------------------------------

std::vector<UserRecord> PgUserRepo::Select(const std::string& where,
                                           const std::vector<std::optional<std::string>>& params) {
    auto rows = c_.Query("SELECT " + std::string(kUserColumns) + " FROM users " + where, params);
    std::vector<UserRecord> out;
    std::map<std::int64_t, std::size_t> at;
    for (int i = 0; i < rows.size(); ++i) {
        UserRecord u;
        u.id = rows.Int(i, 0);
        u.username = rows.Text(i, 1);
        u.display_name = rows.Text(i, 2);
        u.password_hash = rows.Text(i, 3);
        u.disabled = IsTrue(rows, i, 4);
        u.must_change_password = IsTrue(rows, i, 5);
        u.created_at = FromMicros(rows.Int(i, 6));
        u.updated_at = FromMicros(rows.Int(i, 7));
        u.totp_enrolled = IsTrue(rows, i, 8);
        at[u.id] = out.size();
        out.push_back(std::move(u));
    }
    if (out.empty()) return out;
    // The roles of all of them in one query.
    std::string ids;
    for (const auto& u : out) ids += (ids.empty() ? "{" : ",") + std::to_string(u.id);
    auto roles =
        c_.Query("SELECT user_id, role FROM user_roles WHERE user_id = ANY($1::bigint[]) ORDER BY role", {ids + "}"});
    for (int i = 0; i < roles.size(); ++i) out[at[roles.Int(i, 0)]].roles.push_back(roles.Text(i, 1));
    return out;
}

std::optional<std::int64_t> PgUserRepo::Insert(const UserRecord& u) {
    // As on SQLite, updated_at begins as created_at.
    auto rows = c_.Query(
        "INSERT INTO users (username, display_name, password_hash, disabled, must_change_password, created_at, "
        "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (username) DO NOTHING RETURNING id",
        {u.username, u.display_name, u.password_hash, Bool(u.disabled), Bool(u.must_change_password),
         Micros(u.created_at)});
    if (rows.size() == 0) return std::nullopt;
    const std::int64_t id = rows.Int(0, 0);
    SetRoles(id, u.roles, u.created_at);
    return id;
}

std::optional<UserRecord> PgUserRepo::FindById(std::int64_t id) {
    auto users = Select("WHERE id = $1", {std::to_string(id)});
    if (users.empty()) return std::nullopt;
    return std::move(users.front());
}

std::optional<UserRecord> PgUserRepo::FindByUsername(std::string_view username) {
    auto users = Select("WHERE username = $1", {std::string(username)});
    if (users.empty()) return std::nullopt;
    return std::move(users.front());
}

std::vector<UserRecord> PgUserRepo::List(bool include_disabled) {
    // COLLATE "C": the byte order SQLite sorts TEXT in, so both stores list alike.
    return Select(std::string(include_disabled ? "" : "WHERE NOT disabled ") + "ORDER BY username COLLATE \"C\"", {});
}

void PgUserRepo::SetRoles(std::int64_t id, const std::vector<std::string>& roles, TimePoint now) {
    c_.Query("DELETE FROM user_roles WHERE user_id = $1", {std::to_string(id)});
    for (const auto& r : roles) {
        c_.Query("INSERT INTO user_roles (user_id, role) VALUES ($1, $2) ON CONFLICT (user_id, role) DO NOTHING",
                 {std::to_string(id), r});
    }
    c_.Query("UPDATE users SET updated_at = $1 WHERE id = $2", {Micros(now), std::to_string(id)});
}

void PgUserRepo::SetDisabled(std::int64_t id, bool disabled, TimePoint now) {
    c_.Query("UPDATE users SET disabled = $1, updated_at = $2 WHERE id = $3",
             {Bool(disabled), Micros(now), std::to_string(id)});
}

void PgUserRepo::SetPassword(std::int64_t id, std::string_view hash, bool must_change, TimePoint now) {
    c_.Query("UPDATE users SET password_hash = $1, must_change_password = $2, updated_at = $3 WHERE id = $4",
             {std::string(hash), Bool(must_change), Micros(now), std::to_string(id)});
}

std::int64_t PgUserRepo::Count() { return c_.Query("SELECT count(*) FROM users").Int(0, 0); }

// --- sessions --------------------------------------------------------------------------------

std::vector<SessionRecord> PgSessionRepo::Select(const std::string& where,
                                                 const std::vector<std::optional<std::string>>& params) {
    auto rows = c_.Query("SELECT " + std::string(kSessionColumns) + " FROM sessions " + where, params);
    std::vector<SessionRecord> out;
    for (int i = 0; i < rows.size(); ++i) {
        SessionRecord s;
        s.id = rows.Int(i, 0);
        s.user_id = rows.Int(i, 1);
        s.token_hash = rows.Bytes(i, 2);
        s.created_at = FromMicros(rows.Int(i, 3));
        s.last_seen_at = FromMicros(rows.Int(i, 4));
        s.expires_at = FromMicros(rows.Int(i, 5));
        if (rows.at(i, 6)) s.ended_at = FromMicros(rows.Int(i, 6));
        s.end_reason = rows.Text(i, 7);
        s.client_address = rows.Text(i, 8);
        s.second_factor = IsTrue(rows, i, 9);
        out.push_back(std::move(s));
    }
    return out;
}

std::int64_t PgSessionRepo::Insert(const SessionRecord& s) {
    return c_
        .Query(
            "INSERT INTO sessions (user_id, token_hash, created_at, last_seen_at, expires_at, client_address, "
            "second_factor) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            {std::to_string(s.user_id), Connection::Bytea(s.token_hash), Micros(s.created_at), Micros(s.last_seen_at),
             Micros(s.expires_at), s.client_address, Bool(s.second_factor)})
        .Int(0, 0);
}

std::optional<SessionRecord> PgSessionRepo::FindByTokenHash(std::string_view token_hash) {
    auto found = Select("WHERE token_hash = $1", {Connection::Bytea(token_hash)});
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

std::optional<SessionRecord> PgSessionRepo::FindById(std::int64_t id) {
    auto found = Select("WHERE id = $1", {std::to_string(id)});
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

std::vector<SessionRecord> PgSessionRepo::ListOpen(std::int64_t user_id) {
    return Select("WHERE user_id = $1 AND ended_at IS NULL ORDER BY id", {std::to_string(user_id)});
}

void PgSessionRepo::Touch(std::int64_t id, TimePoint now) {
    c_.Query("UPDATE sessions SET last_seen_at = greatest(last_seen_at, $1) WHERE id = $2",
             {Micros(now), std::to_string(id)});
}

void PgSessionRepo::End(std::int64_t id, TimePoint now, std::string_view reason) {
    c_.Query("UPDATE sessions SET ended_at = $1, end_reason = $2 WHERE id = $3 AND ended_at IS NULL",
             {Micros(now), std::string(reason), std::to_string(id)});
}

int PgSessionRepo::EndAllForUser(std::int64_t user_id, TimePoint now, std::string_view reason) {
    return c_
        .Query(
            "UPDATE sessions SET ended_at = $1, end_reason = $2 WHERE user_id = $3 AND ended_at IS NULL "
            "RETURNING id",
            {Micros(now), std::string(reason), std::to_string(user_id)})
        .size();
}

int PgSessionRepo::EndOthersForUser(std::int64_t user_id, std::int64_t keep, TimePoint now, std::string_view reason) {
    return c_
        .Query(
            "UPDATE sessions SET ended_at = $1, end_reason = $2 WHERE user_id = $3 AND id <> $4 AND ended_at IS "
            "NULL RETURNING id",
            {Micros(now), std::string(reason), std::to_string(user_id), std::to_string(keep)})
        .size();
}

void PgSessionRepo::MarkSecondFactor(std::int64_t id) {
    c_.Query("UPDATE sessions SET second_factor = true WHERE id = $1", {std::to_string(id)});
}

// --- TOTP ------------------------------------------------------------------------------------

std::optional<TotpRecord> PgTotpRepo::Find(std::int64_t user_id) {
    auto rows =
        c_.Query("SELECT user_id, secret_enc, created_at, confirmed_at, last_step FROM user_totp WHERE user_id = $1",
                 {std::to_string(user_id)});
    if (rows.size() == 0) return std::nullopt;
    TotpRecord r;
    r.user_id = rows.Int(0, 0);
    r.secret_enc = rows.Bytes(0, 1);
    r.created_at = FromMicros(rows.Int(0, 2));
    if (rows.at(0, 3)) r.confirmed_at = FromMicros(rows.Int(0, 3));
    r.last_step = rows.Int(0, 4);
    return r;
}

void PgTotpRepo::PutPending(std::int64_t user_id, std::string_view secret_enc, TimePoint now) {
    c_.Query(
        "INSERT INTO user_totp (user_id, secret_enc, created_at) VALUES ($1, $2, $3) ON CONFLICT (user_id) DO "
        "UPDATE SET secret_enc = excluded.secret_enc, created_at = excluded.created_at, confirmed_at = NULL, "
        "last_step = 0",
        {std::to_string(user_id), Connection::Bytea(secret_enc), Micros(now)});
}

void PgTotpRepo::Confirm(std::int64_t user_id, std::int64_t step, TimePoint now) {
    c_.Query("UPDATE user_totp SET confirmed_at = $1, last_step = $2 WHERE user_id = $3",
             {Micros(now), std::to_string(step), std::to_string(user_id)});
}

void PgTotpRepo::SetLastStep(std::int64_t user_id, std::int64_t step) {
    c_.Query("UPDATE user_totp SET last_step = greatest(last_step, $1) WHERE user_id = $2",
             {std::to_string(step), std::to_string(user_id)});
}

bool PgTotpRepo::Delete(std::int64_t user_id) {
    return c_.Query("DELETE FROM user_totp WHERE user_id = $1 RETURNING user_id", {std::to_string(user_id)}).size() > 0;
}

// --- idempotency keys ------------------------------------------------------------------------

std::optional<IdempotencyRecord> PgIdempotencyRepo::Find(std::int64_t user_id, std::string_view method,
                                                         std::string_view key) {
    auto rows = c_.Query(
        "SELECT request_hash, response FROM idempotency_keys WHERE user_id = $1 AND method = $2 AND "
        "key = $3",
        {std::to_string(user_id), std::string(method), std::string(key)});
    if (rows.size() == 0) return std::nullopt;
    return IdempotencyRecord{rows.Bytes(0, 0), rows.Bytes(0, 1)};
}

void PgIdempotencyRepo::Insert(std::int64_t user_id, std::string_view method, std::string_view key,
                               const IdempotencyRecord& r, TimePoint now) {
    c_.Query(
        "INSERT INTO idempotency_keys (user_id, method, key, request_hash, response, created_at) VALUES ($1, $2, "
        "$3, $4, $5, $6)",
        {std::to_string(user_id), std::string(method), std::string(key), Connection::Bytea(r.request_hash),
         Connection::Bytea(r.response), Micros(now)});
}

// --- events ----------------------------------------------------------------------------------

std::int64_t PgEventRepo::Append(const EventRecord& e) {
    LockLogs(c_);
    const std::int64_t seq = Head() + 1;
    c_.Query(
        "INSERT INTO events (seq, at, kind, audience, case_id, shift_date, payload) VALUES ($1, $2, $3, $4, $5, "
        "$6, $7)",
        {std::to_string(seq), Micros(e.at), e.kind, std::to_string(e.audience), std::to_string(e.case_id), e.shift_date,
         Connection::Bytea(e.payload)});
    c_.Query("SELECT pg_notify($1, $2)", {std::string(kChannel), std::to_string(seq)});
    return seq;
}

std::vector<EventRecord> PgEventRepo::After(std::int64_t after, int limit) {
    auto rows = c_.Query("SELECT " + std::string(kEventColumns) + " FROM events WHERE seq > $1 ORDER BY seq LIMIT $2",
                         {std::to_string(after), std::to_string(limit)});
    std::vector<EventRecord> out;
    for (int i = 0; i < rows.size(); ++i) {
        out.push_back({rows.Int(i, 0), FromMicros(rows.Int(i, 1)), rows.Text(i, 2), static_cast<int>(rows.Int(i, 3)),
                       rows.Int(i, 4), rows.Text(i, 5), rows.Bytes(i, 6)});
    }
    return out;
}

std::int64_t PgEventRepo::Head() { return c_.Query("SELECT coalesce(max(seq), 0) FROM events").Int(0, 0); }

}  // namespace spoed::db::pg
