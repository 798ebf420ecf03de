#include "db/pg_audit_repo.hpp"

#include "db/audit_chain.hpp"
#include "db/shared_sql.hpp"

namespace spoed::db::pg {

using sql::kAuditColumns;

namespace {

AuditRecord ReadRow(const Rows& rows, int i) {
    AuditRecord r;
    r.seq = rows.Int(i, 0);
    r.at = FromMicros(rows.Int(i, 1));
    r.user_id = rows.Int(i, 2);
    r.username = rows.Text(i, 3);
    r.roles = rows.Text(i, 4);
    r.service = rows.Text(i, 5);
    r.method = rows.Text(i, 6);
    r.action = rows.Text(i, 7);
    r.object_ids = rows.Text(i, 8);
    r.youth_id = rows.Int(i, 9);
    r.client_address = rows.Text(i, 10);
    r.result = rows.Text(i, 11);
    r.reason = rows.Text(i, 12);
    r.hash = rows.Bytes(i, 13);
    return r;
}

std::vector<AuditRecord> ReadAll(const Rows& rows) {
    std::vector<AuditRecord> out;
    out.reserve(static_cast<std::size_t>(rows.size()));
    for (int i = 0; i < rows.size(); ++i) out.push_back(ReadRow(rows, i));
    return out;
}

}  // namespace

std::int64_t PgAuditRepo::Append(AuditRecord record) {
    LockLogs(c_);
    auto last = c_.Query("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1");
    const std::string prev = last.size() == 0 ? std::string() : last.Bytes(0, 1);
    record.seq = last.size() == 0 ? 1 : last.Int(0, 0) + 1;
    record.hash = AuditHash(prev, record);
    c_.Query("INSERT INTO audit_events (" + std::string(kAuditColumns) +
                 ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
             {std::to_string(record.seq), std::to_string(ToMicros(record.at)), std::to_string(record.user_id),
              record.username, record.roles, record.service, record.method, record.action, record.object_ids,
              std::to_string(record.youth_id), record.client_address, record.result, record.reason,
              Connection::Bytea(record.hash)});
    return record.seq;
}

std::vector<AuditRecord> PgAuditRepo::List(const AuditFilter& filter) {
    std::string sql = "SELECT " + std::string(kAuditColumns) + " FROM audit_events WHERE true";
    std::vector<std::optional<std::string>> params;
    auto add = [&](const std::string& clause, std::string value) {
        params.emplace_back(std::move(value));
        sql += " AND " + clause + " $" + std::to_string(params.size());
    };
    if (filter.user_id != 0) add("user_id =", std::to_string(filter.user_id));
    if (filter.youth_id != 0) add("youth_id =", std::to_string(filter.youth_id));
    if (filter.since) add("at >=", std::to_string(ToMicros(*filter.since)));
    if (filter.until) add("at <", std::to_string(ToMicros(*filter.until)));
    if (filter.before_seq != 0) add("seq <", std::to_string(filter.before_seq));
    params.emplace_back(std::to_string(filter.limit));
    sql += " ORDER BY seq DESC LIMIT $" + std::to_string(params.size());
    return ReadAll(c_.Query(sql, params));
}

std::vector<AuditRecord> PgAuditRepo::Range(std::int64_t after_seq, int limit) {
    return ReadAll(
        c_.Query("SELECT " + std::string(kAuditColumns) + " FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT $2",
                 {std::to_string(after_seq), std::to_string(limit)}));
}

std::optional<AuditRecord> PgAuditRepo::Last() {
    auto rows = c_.Query("SELECT " + std::string(kAuditColumns) + " FROM audit_events ORDER BY seq DESC LIMIT 1");
    if (rows.size() == 0) return std::nullopt;
    return ReadRow(rows, 0);
}

}  // namespace spoed::db::pg
