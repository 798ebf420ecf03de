#include "db/sql_repos.hpp"

#include <stdexcept>

#include "db/audit_chain.hpp"
#include "db/shared_sql.hpp"
#include "db/sqlite_store.hpp"

namespace spoed::db {

using sql::kAuditColumns;
using sql::kSessionColumns;
using sql::kUserColumns;

namespace {

UserRecord ReadUser(const Statement& st) {
    UserRecord u;
    u.id = st.Int(0);
    u.username = st.Text(1);
    u.display_name = st.Text(2);
    u.password_hash = st.Text(3);
    u.disabled = st.Int(4) != 0;
    u.must_change_password = st.Int(5) != 0;
    u.created_at = FromMicros(st.Int(6));
    u.updated_at = FromMicros(st.Int(7));
    u.totp_enrolled = st.Int(8) != 0;
    return u;
}

SessionRecord ReadSession(const Statement& st) {
    SessionRecord s;
    s.id = st.Int(0);
    s.user_id = st.Int(1);
    s.token_hash = st.Blob(2);
    s.created_at = FromMicros(st.Int(3));
    s.last_seen_at = FromMicros(st.Int(4));
    s.expires_at = FromMicros(st.Int(5));
    if (auto e = st.OptInt(6)) s.ended_at = FromMicros(*e);
    s.end_reason = st.Text(7);
    s.client_address = st.Text(8);
    s.second_factor = st.Int(9) != 0;
    return s;
}

AuditRecord ReadAudit(const Statement& st) {
    AuditRecord r;
    r.seq = st.Int(0);
    r.at = FromMicros(st.Int(1));
    r.user_id = st.Int(2);
    r.username = st.Text(3);
    r.roles = st.Text(4);
    r.service = st.Text(5);
    r.method = st.Text(6);
    r.action = st.Text(7);
    r.object_ids = st.Text(8);
    r.youth_id = st.Int(9);
    r.client_address = st.Text(10);
    r.result = st.Text(11);
    r.reason = st.Text(12);
    r.hash = st.Blob(13);
    return r;
}

}  // namespace

// --- users -----------------------------------------------------------------------------------

std::optional<std::int64_t> SqlUserRepo::Insert(const UserRecord& u) {
    {
        auto exists = c_.Prepare("SELECT 1 FROM users WHERE username = ?");
        exists.Bind(1, u.username);
        if (exists.Step()) return std::nullopt;
    }
    auto st = c_.Prepare(
        "INSERT INTO users (username, display_name, password_hash, disabled, must_change_password, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    st.Bind(1, u.username)
        .Bind(2, u.display_name)
        .Bind(3, u.password_hash)
        .Bind(4, u.disabled)
        .Bind(5, u.must_change_password)
        .Bind(6, ToMicros(u.created_at))
        .Bind(7, ToMicros(u.created_at));
    st.Run();
    std::int64_t id = c_.LastInsertId();
    SetRoles(id, u.roles, u.created_at);
    return id;
}

std::vector<std::string> SqlUserRepo::RolesOf(std::int64_t id) {
    auto st = c_.Prepare("SELECT role FROM user_roles WHERE user_id = ? ORDER BY role");
    st.Bind(1, id);
    std::vector<std::string> roles;
    while (st.Step()) roles.push_back(st.Text(0));
    return roles;
}

std::optional<UserRecord> SqlUserRepo::FindById(std::int64_t id) {
    auto st = c_.Prepare("SELECT " + std::string(kUserColumns) + " FROM users WHERE id = ?");
    st.Bind(1, id);
    if (!st.Step()) return std::nullopt;
    UserRecord u = ReadUser(st);
    u.roles = RolesOf(u.id);
    return u;
}

std::optional<UserRecord> SqlUserRepo::FindByUsername(std::string_view username) {
    auto st = c_.Prepare("SELECT " + std::string(kUserColumns) + " FROM users WHERE username = ?");
    st.Bind(1, username);
    if (!st.Step()) return std::nullopt;
    UserRecord u = ReadUser(st);
    u.roles = RolesOf(u.id);
    return u;
}

std::vector<UserRecord> SqlUserRepo::List(bool include_disabled) {
    auto st = c_.Prepare("SELECT " + std::string(kUserColumns) + " FROM users" +
                         (include_disabled ? "" : " WHERE disabled = 0") + " ORDER BY username");
    std::vector<UserRecord> out;
    while (st.Step()) out.push_back(ReadUser(st));
    for (auto& u : out) u.roles = RolesOf(u.id);
    return out;
}

void SqlUserRepo::SetRoles(std::int64_t id, const std::vector<std::string>& roles, TimePoint now) {
    auto del = c_.Prepare("DELETE FROM user_roles WHERE user_id = ?");
    del.Bind(1, id).Run();
    auto ins =
        c_.Prepare("INSERT INTO user_roles (user_id, role) VALUES (?, ?) ON CONFLICT (user_id, role) DO NOTHING");
    for (const auto& r : roles) {
        ins.Bind(1, id).Bind(2, r);
        ins.Run();
        ins.Reset();
    }
    auto upd = c_.Prepare("UPDATE users SET updated_at = ? WHERE id = ?");
    upd.Bind(1, ToMicros(now)).Bind(2, id).Run();
}

void SqlUserRepo::SetDisabled(std::int64_t id, bool disabled, TimePoint now) {
    auto st = c_.Prepare("UPDATE users SET disabled = ?, updated_at = ? WHERE id = ?");
    st.Bind(1, disabled).Bind(2, ToMicros(now)).Bind(3, id).Run();
}

void SqlUserRepo::SetPassword(std::int64_t id, std::string_view hash, bool must_change, TimePoint now) {
    auto st = c_.Prepare("UPDATE users SET password_hash = ?, must_change_password = ?, updated_at = ? WHERE id = ?");
    st.Bind(1, hash).Bind(2, must_change).Bind(3, ToMicros(now)).Bind(4, id).Run();
}

std::int64_t SqlUserRepo::Count() { return c_.QueryInt("SELECT count(*) FROM users"); }

// --- sessions --------------------------------------------------------------------------------

std::int64_t SqlSessionRepo::Insert(const SessionRecord& s) {
    auto st = c_.Prepare(
        "INSERT INTO sessions (user_id, token_hash, created_at, last_seen_at, expires_at, client_address, "
        "second_factor) VALUES (?, ?, ?, ?, ?, ?, ?)");
    st.Bind(1, s.user_id)
        .BindBlob(2, s.token_hash)
        .Bind(3, ToMicros(s.created_at))
        .Bind(4, ToMicros(s.last_seen_at))
        .Bind(5, ToMicros(s.expires_at))
        .Bind(6, s.client_address)
        .Bind(7, s.second_factor);
    st.Run();
    return c_.LastInsertId();
}

std::optional<SessionRecord> SqlSessionRepo::FindByTokenHash(std::string_view token_hash) {
    auto st = c_.Prepare("SELECT " + std::string(kSessionColumns) + " FROM sessions WHERE token_hash = ?");
    st.BindBlob(1, token_hash);
    if (!st.Step()) return std::nullopt;
    return ReadSession(st);
}

std::optional<SessionRecord> SqlSessionRepo::FindById(std::int64_t id) {
    auto st = c_.Prepare("SELECT " + std::string(kSessionColumns) + " FROM sessions WHERE id = ?");
    st.Bind(1, id);
    if (!st.Step()) return std::nullopt;
    return ReadSession(st);
}

std::vector<SessionRecord> SqlSessionRepo::ListOpen(std::int64_t user_id) {
    auto st = c_.Prepare("SELECT " + std::string(kSessionColumns) +
                         " FROM sessions WHERE user_id = ? AND ended_at IS NULL ORDER BY id");
    st.Bind(1, user_id);
    std::vector<SessionRecord> out;
    while (st.Step()) out.push_back(ReadSession(st));
    return out;
}

void SqlSessionRepo::Touch(std::int64_t id, TimePoint now) {
    auto st = c_.Prepare(
        "UPDATE sessions SET last_seen_at = CASE WHEN last_seen_at > ?1 THEN last_seen_at ELSE ?1 END WHERE id = ?2");
    st.Bind(1, ToMicros(now)).Bind(2, id).Run();
}

void SqlSessionRepo::End(std::int64_t id, TimePoint now, std::string_view reason) {
    auto st = c_.Prepare("UPDATE sessions SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL");
    st.Bind(1, ToMicros(now)).Bind(2, reason).Bind(3, id).Run();
}

int SqlSessionRepo::EndAllForUser(std::int64_t user_id, TimePoint now, std::string_view reason) {
    auto st = c_.Prepare("UPDATE sessions SET ended_at = ?, end_reason = ? WHERE user_id = ? AND ended_at IS NULL");
    st.Bind(1, ToMicros(now)).Bind(2, reason).Bind(3, user_id).Run();
    return c_.Changes();
}

int SqlSessionRepo::EndOthersForUser(std::int64_t user_id, std::int64_t keep, TimePoint now, std::string_view reason) {
    auto st = c_.Prepare(
        "UPDATE sessions SET ended_at = ?, end_reason = ? WHERE user_id = ? AND id <> ? AND ended_at IS NULL");
    st.Bind(1, ToMicros(now)).Bind(2, reason).Bind(3, user_id).Bind(4, keep).Run();
    return c_.Changes();
}

void SqlSessionRepo::MarkSecondFactor(std::int64_t id) {
    auto st = c_.Prepare("UPDATE sessions SET second_factor = 1 WHERE id = ?");
    st.Bind(1, id).Run();
}

// --- TOTP ------------------------------------------------------------------------------------

std::optional<TotpRecord> SqlTotpRepo::Find(std::int64_t user_id) {
    auto st =
        c_.Prepare("SELECT user_id, secret_enc, created_at, confirmed_at, last_step FROM user_totp WHERE user_id = ?");
    st.Bind(1, user_id);
    if (!st.Step()) return std::nullopt;
    TotpRecord r;
    r.user_id = st.Int(0);
    r.secret_enc = st.Blob(1);
    r.created_at = FromMicros(st.Int(2));
    if (auto c = st.OptInt(3)) r.confirmed_at = FromMicros(*c);
    r.last_step = st.Int(4);
    return r;
}

void SqlTotpRepo::PutPending(std::int64_t user_id, std::string_view secret_enc, TimePoint now) {
    auto st = c_.Prepare(
        "INSERT INTO user_totp (user_id, secret_enc, created_at) VALUES (?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET "
        "secret_enc = excluded.secret_enc, created_at = excluded.created_at, confirmed_at = NULL, last_step = 0");
    st.Bind(1, user_id).BindBlob(2, secret_enc).Bind(3, ToMicros(now)).Run();
}

void SqlTotpRepo::Confirm(std::int64_t user_id, std::int64_t step, TimePoint now) {
    auto st = c_.Prepare("UPDATE user_totp SET confirmed_at = ?, last_step = ? WHERE user_id = ?");
    st.Bind(1, ToMicros(now)).Bind(2, step).Bind(3, user_id).Run();
}

void SqlTotpRepo::SetLastStep(std::int64_t user_id, std::int64_t step) {
    auto st = c_.Prepare(
        "UPDATE user_totp SET last_step = CASE WHEN last_step > ?1 THEN last_step ELSE ?1 END WHERE user_id = ?2");
    st.Bind(1, step).Bind(2, user_id).Run();
}

bool SqlTotpRepo::Delete(std::int64_t user_id) {
    auto st = c_.Prepare("DELETE FROM user_totp WHERE user_id = ?");
    st.Bind(1, user_id).Run();
    return c_.Changes() > 0;
}

// --- audit -----------------------------------------------------------------------------------

std::int64_t SqlAuditRepo::Append(AuditRecord r) {
    // One writer at a time numbers the log: the entry after the newest, chained to its hash.
    c_.LockLogs();
    std::string prev;
    {
        auto last = c_.Prepare("SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1");
        if (last.Step()) prev = last.Blob(0);
    }
    r.hash = AuditHash(prev, r);
    auto st = c_.Prepare(
        "INSERT INTO audit_events (seq, at, user_id, username, roles, service, method, action, object_ids, youth_id, "
        "client_address, result, reason, hash) VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM audit_events), ?, ?, ?, "
        "?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq");
    st.Bind(1, ToMicros(r.at))
        .Bind(2, r.user_id)
        .Bind(3, r.username)
        .Bind(4, r.roles)
        .Bind(5, r.service)
        .Bind(6, r.method)
        .Bind(7, r.action)
        .Bind(8, r.object_ids)
        .Bind(9, r.youth_id)
        .Bind(10, r.client_address)
        .Bind(11, r.result)
        .Bind(12, r.reason)
        .BindBlob(13, r.hash);
    if (!st.Step()) throw std::logic_error("audit append returned no seq");
    return st.Int(0);
}

std::vector<AuditRecord> SqlAuditRepo::List(const AuditFilter& f) {
    std::string sql =
        "SELECT seq, at, user_id, username, roles, service, method, action, object_ids, youth_id, client_address, "
        "result, reason, hash FROM audit_events WHERE 1 = 1";
    if (f.user_id != 0) sql += " AND user_id = ?1";
    if (f.youth_id != 0) sql += " AND youth_id = ?2";
    if (f.since) sql += " AND at >= ?3";
    if (f.until) sql += " AND at < ?4";
    if (f.before_seq != 0) sql += " AND seq < ?5";
    sql += " ORDER BY seq DESC LIMIT ?6";
    auto st = c_.Prepare(sql);
    if (f.user_id != 0) st.Bind(1, f.user_id);
    if (f.youth_id != 0) st.Bind(2, f.youth_id);
    if (f.since) st.Bind(3, ToMicros(*f.since));
    if (f.until) st.Bind(4, ToMicros(*f.until));
    if (f.before_seq != 0) st.Bind(5, f.before_seq);
    st.Bind(6, f.limit);
    std::vector<AuditRecord> out;
    while (st.Step()) out.push_back(ReadAudit(st));
    return out;
}

std::vector<AuditRecord> SqlAuditRepo::Range(std::int64_t after_seq, int limit) {
    auto st = c_.Prepare(std::string("SELECT ") + std::string(kAuditColumns) +
                         " FROM audit_events WHERE seq > ? ORDER BY seq LIMIT ?");
    st.Bind(1, after_seq).Bind(2, limit);
    std::vector<AuditRecord> out;
    while (st.Step()) out.push_back(ReadAudit(st));
    return out;
}

std::optional<AuditRecord> SqlAuditRepo::Last() {
    auto st = c_.Prepare(std::string("SELECT ") + std::string(kAuditColumns) +
                         " FROM audit_events ORDER BY seq DESC LIMIT 1");
    if (!st.Step()) return std::nullopt;
    return ReadAudit(st);
}

// --- sign-in throttle -------------------------------------------------------------------------

namespace {

constexpr std::string_view kThrottleColumns = "kind, key, failures, last_failure, locked_until, tokens, tokens_at";

ThrottleRecord ReadThrottle(const Statement& st) {
    return {
        st.Text(0),   st.Text(1),           static_cast<int>(st.Int(2)), FromMicros(st.Int(3)), FromMicros(st.Int(4)),
        st.Double(5), FromMicros(st.Int(6))};
}

}  // namespace

std::optional<ThrottleRecord> SqlThrottleRepo::Find(std::string_view kind, std::string_view key) {
    auto st =
        c_.Prepare("SELECT " + std::string(kThrottleColumns) + " FROM login_throttle WHERE kind = ?1 AND key = ?2");
    st.Bind(1, kind).Bind(2, key);
    if (!st.Step()) return std::nullopt;
    return ReadThrottle(st);
}

void SqlThrottleRepo::Put(const ThrottleRecord& r) {
    auto st =
        c_.Prepare("INSERT INTO login_throttle (" + std::string(kThrottleColumns) +
                   ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (kind, key) DO UPDATE SET failures = "
                   "excluded.failures, last_failure = excluded.last_failure, locked_until = excluded.locked_until, "
                   "tokens = excluded.tokens, tokens_at = excluded.tokens_at");
    st.Bind(1, r.kind)
        .Bind(2, r.key)
        .Bind(3, r.failures)
        .Bind(4, ToMicros(r.last_failure))
        .Bind(5, ToMicros(r.locked_until))
        .Bind(6, r.tokens)
        .Bind(7, ToMicros(r.tokens_at))
        .Run();
}

bool SqlThrottleRepo::Delete(std::string_view kind, std::string_view key) {
    c_.Prepare("DELETE FROM login_throttle WHERE kind = ?1 AND key = ?2").Bind(1, kind).Bind(2, key).Run();
    return c_.Changes() > 0;
}

std::vector<ThrottleRecord> SqlThrottleRepo::Failures(TimePoint since) {
    auto st = c_.Prepare("SELECT " + std::string(kThrottleColumns) +
                         " FROM login_throttle WHERE failures > 0 AND last_failure >= ?1 ORDER BY last_failure DESC");
    st.Bind(1, ToMicros(since));
    std::vector<ThrottleRecord> out;
    while (st.Step()) out.push_back(ReadThrottle(st));
    return out;
}

// --- monitoring --------------------------------------------------------------------------------

OperationalCounts ReadOperationalCounts(Connection& c, TimePoint now) {
    OperationalCounts out;
    out.open_cases = c.QueryInt("SELECT count(*) FROM cases WHERE status = 'open'");
    auto due = c.Prepare(
        "SELECT coalesce(sum(due_at >= ?1), 0), coalesce(sum(due_at < ?1), 0) FROM handovers WHERE status <> "
        "'confirmed'");
    due.Bind(1, ToMicros(now));
    if (due.Step()) {
        out.handovers_due = due.Int(0);
        out.handovers_overdue = due.Int(1);
    }
    out.consults_waiting = c.QueryInt("SELECT count(*) FROM consults WHERE answered_at IS NULL");
    return out;
}

}  // namespace spoed::db
