#include "db/store_move.hpp"

#include <openssl/sha.h>

#include <cstring>
#include <stdexcept>

#include "db/migrations.hpp"
#include "db/pg.hpp"
#include "db/pg_store.hpp"
#include "db/sql_repos.hpp"
#include "db/sqlite.hpp"
#include "db/sqlite_store.hpp"

namespace spoed::db {
namespace {

/// Every table of the schema, parents before children (foreign keys hold at every insert).
constexpr const char* kTables[] = {
    "users",
    "user_roles",
    "sessions",
    "user_totp",
    "idempotency_keys",
    "audit_events",
    "events",
    "youths",
    "youth_phones",
    "youth_contacts",
    "consents",
    "pre_registrations",
    "plan_versions",
    "break_glass",
    "organisations",
    "directory_contacts",
    "cases",
    "case_problem_areas",
    "case_risk_flags",
    "case_events",
    "contacts",
    "contact_workers",
    "contact_responses",
    "consults",
    "shifts",
    "shift_workers",
    "shift_notes",
    "handovers",
    "handover_steps",
    "evaluations",
    "evaluation_participants",
    "evaluation_comments",
    "proposals",
    "proposal_sources",
    "proposal_status_changes",
    "period_notes",
    "meldcode_tracks",
    "meldcode_consultations",
    "youth_statements",
    "destruction_requests",
    "case_figure_keys",
};

/// Rows copied per INSERT: one round trip for many rows.
constexpr int kBatch = 200;

std::vector<std::string> ColumnsOf(Connection& pg, const std::string& table) {
    auto st = pg.Prepare(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?1 "
        "ORDER BY ordinal_position");
    st.Bind(1, table);
    std::vector<std::string> out;
    while (st.Step()) out.push_back(st.Text(0));
    if (out.empty()) throw std::runtime_error("PostgreSQL has no table " + table);
    return out;
}

std::string Joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

/// Count and an order-independent digest of a table's rows: the sum of the first eight bytes of
/// each row's SHA-256 over its values as bytes (NULL apart from "").
struct Digest {
    std::int64_t rows = 0;
    std::uint64_t sum = 0;
    bool operator==(const Digest&) const = default;
};

Digest DigestOf(Connection& c, const std::string& table, const std::vector<std::string>& columns) {
    auto st = c.Prepare("SELECT " + Joined(columns) + " FROM " + table);
    Digest d;
    while (st.Step()) {
        SHA256_CTX ctx;
        SHA256_Init(&ctx);
        for (int i = 0; i < static_cast<int>(columns.size()); ++i) {
            if (st.IsNull(i)) {
                SHA256_Update(&ctx, "N", 1);
                continue;
            }
            const std::string v = st.Blob(i);
            const std::uint64_t n = v.size();
            SHA256_Update(&ctx, "V", 1);
            SHA256_Update(&ctx, &n, sizeof n);
            SHA256_Update(&ctx, v.data(), v.size());
        }
        unsigned char hash[SHA256_DIGEST_LENGTH];
        SHA256_Final(hash, &ctx);
        std::uint64_t first = 0;
        std::memcpy(&first, hash, sizeof first);
        d.sum += first;
        ++d.rows;
    }
    return d;
}

/// One value as read, to be bound again.
struct Value {
    ValueType type = ValueType::kNull;
    std::int64_t integer = 0;
    double real = 0;
    std::string bytes;  // text or blob
};

Value Read(const Statement& st, int column) {
    Value v;
    v.type = st.Type(column);
    if (v.type == ValueType::kInteger) v.integer = st.Int(column);
    if (v.type == ValueType::kReal) v.real = st.Double(column);
    if (v.type == ValueType::kText) v.bytes = st.Text(column);
    if (v.type == ValueType::kBlob) v.bytes = st.Blob(column);
    return v;
}

void Bind(Statement& st, int index, const Value& v) {
    switch (v.type) {
        case ValueType::kNull:
            st.BindNull(index);
            break;
        case ValueType::kInteger:
            st.Bind(index, v.integer);
            break;
        case ValueType::kReal:
            st.Bind(index, v.real);
            break;
        case ValueType::kText:
            st.Bind(index, v.bytes);
            break;
        case ValueType::kBlob:
            st.BindBlob(index, v.bytes);
            break;
    }
}

std::int64_t CopyTable(Connection& sqlite, Connection& pg, const std::string& table,
                       const std::vector<std::string>& columns) {
    const int n = static_cast<int>(columns.size());
    std::int64_t copied = 0;
    std::vector<Value> values;  // the rows of the batch, one after the other
    auto flush = [&] {
        const int rows = static_cast<int>(values.size()) / n;
        if (rows == 0) return;
        std::string sql = "INSERT INTO " + table + " (" + Joined(columns) + ") VALUES ";
        for (int r = 0; r < rows; ++r) {
            sql += r == 0 ? "(" : ", (";
            for (int i = 0; i < n; ++i) sql += (i == 0 ? "?" : ", ?") + std::to_string(r * n + i + 1);
            sql += ")";
        }
        auto st = pg.Prepare(sql);
        for (std::size_t i = 0; i < values.size(); ++i) Bind(st, static_cast<int>(i + 1), values[i]);
        st.Run();
        copied += rows;
        values.clear();
    };
    auto src = sqlite.Prepare("SELECT " + Joined(columns) + " FROM " + table);
    while (src.Step()) {
        for (int i = 0; i < n; ++i) values.push_back(Read(src, i));
        if (static_cast<int>(values.size()) == kBatch * n) flush();
    }
    flush();
    return copied;
}

}  // namespace

MoveReport MoveSqliteToPostgres(const std::string& sqlite_path, const std::string& dsn,
                                const std::function<void(const std::string&, std::int64_t)>& progress) {
    // A file of an older spoedd is brought to this one's schema first, as starting it would: the
    // copy maps its tables column by column onto PostgreSQL's.
    SqliteStore::Open({.path = sqlite_path}).reset();
    Connection sqlite(sqlite_path, Connection::Mode::kReadOnly);
    if (SchemaVersionOf(sqlite) != LatestMigration()) {
        throw std::runtime_error(sqlite_path + " is not at this spoedd's schema");
    }
    PgStore::Open({.dsn = dsn, .connections = 1}).reset();  // the schema, when the database is new
    Connection pg(std::make_unique<pg::Connection>(dsn));

    sqlite.Exec("BEGIN");  // one snapshot of everything
    pg.Exec("BEGIN");
    MoveReport report;
    try {
        if (pg.QueryInt("SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM audit_events) + "
                        "(SELECT count(*) FROM youths) + (SELECT count(*) FROM cases)") != 0) {
            throw std::runtime_error("the PostgreSQL database already holds records; move into an empty one");
        }
        // The directory the migration seeded comes from the SQLite database as it now is.
        pg.Exec("DELETE FROM directory_contacts; DELETE FROM organisations");
        // The rows are copied as they are, figure columns included: the triggers that keep those
        // and the write-once rules (which refuse a comment on a finalised evaluation) wait.
        for (const char* table : kTables) pg.Exec(std::string("ALTER TABLE ") + table + " DISABLE TRIGGER USER");
        for (const char* table : kTables) {
            const auto columns = ColumnsOf(pg, table);
            const std::int64_t rows = CopyTable(sqlite, pg, table, columns);
            report.tables.push_back({table, rows, false});
            if (progress) progress(table, rows);
        }
        for (const char* table : kTables) pg.Exec(std::string("ALTER TABLE ") + table + " ENABLE TRIGGER USER");
        // New ids continue after the copied ones.
        auto identities = pg.Prepare(
            "SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND "
            "column_name = 'id' AND is_identity = 'YES'");
        std::vector<std::string> with_ids;
        while (identities.Step()) with_ids.push_back(identities.Text(0));
        for (const auto& t : with_ids) {
            pg.QueryInt("SELECT setval(pg_get_serial_sequence('" + t +
                        "', 'id'), coalesce(max(id), 0) + 1, false) FROM " + t);
        }
        pg.Exec("COMMIT");
    } catch (...) {
        pg.Exec("ROLLBACK");
        throw;
    }

    // The check, after the commit, on what PostgreSQL now holds.
    report.ok = true;
    for (auto& t : report.tables) {
        const auto columns = ColumnsOf(pg, t.name);
        t.same = DigestOf(sqlite, t.name, columns) == DigestOf(pg, t.name, columns);
        if (!t.same && report.ok) {
            report.ok = false;
            report.problem = "table " + t.name + " differs after the move";
        }
    }
    SqlAuditRepo sqlite_audit(sqlite);
    const AuditChainReport before = VerifyAuditChain(sqlite_audit);
    pg.Exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    SqlAuditRepo pg_audit(pg);
    report.audit = VerifyAuditChain(pg_audit);
    pg.Exec("COMMIT");
    sqlite.Exec("COMMIT");
    if (report.ok && !report.audit.ok) {
        report.ok = false;
        report.problem = "the audit chain on PostgreSQL does not verify: " + report.audit.message;
    } else if (report.ok && (report.audit.head.seq != before.head.seq || report.audit.head.hash != before.head.hash)) {
        report.ok = false;
        report.problem = "the audit chain on PostgreSQL does not end where SQLite's does";
    }
    return report;
}

}  // namespace spoed::db
