#include "db/pg.hpp"

#include <libpq-fe.h>
#include <poll.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <memory>
#include <random>
#include <thread>

#include "base/bits.hpp"
#include "db/pg_migrations_sql.hpp"

namespace spoed::db::pg {
namespace {

struct ResultFree {
    void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultFree>;

/// Throws PgError for a failed result, naming its SQLSTATE.
void Check(PGconn* conn, const Result& r) {
    const auto status = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
    const char* state = r ? PQresultErrorField(r.get(), PG_DIAG_SQLSTATE) : nullptr;
    const char* primary = r ? PQresultErrorField(r.get(), PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    throw PgError(state ? state : "08000", primary ? primary : PQerrorMessage(conn));
}

}  // namespace

std::int64_t Rows::Int(int row, int column) const { return std::stoll(Text(row, column)); }

std::string Rows::Bytes(int row, int column) const {
    const std::string text = Text(row, column);
    if (text.size() < 2 || text[0] != '\\' || text[1] != 'x') throw PgError("22000", "not a bytea in hex form");
    auto bytes = FromHex(std::string_view(text).substr(2));
    if (!bytes) throw PgError("22000", "not a bytea in hex form");
    return *bytes;
}

struct Connection::Impl {
    PGconn* conn = nullptr;
};

Connection::Connection(const std::string& dsn) : impl_(std::make_unique<Impl>()) {
    impl_->conn = PQconnectdb(dsn.c_str());
    if (PQstatus(impl_->conn) != CONNECTION_OK) {
        const std::string message = PQerrorMessage(impl_->conn);
        PQfinish(impl_->conn);
        impl_->conn = nullptr;
        throw PgError("08001", message);
    }
    // The server's notices ("already exists, skipping") are not for the daemon's output.
    PQsetNoticeProcessor(
        impl_->conn, [](void*, const char*) {}, nullptr);
}

Connection::~Connection() {
    if (impl_->conn) PQfinish(impl_->conn);
}

void Connection::Exec(const std::string& sql) {
    Result r(PQexec(impl_->conn, sql.c_str()));
    Check(impl_->conn, r);
}

Rows Connection::Query(const std::string& sql, const std::vector<std::optional<std::string>>& params) {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
    Result r(PQexecParams(impl_->conn, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr,
                          nullptr, 0));
    Check(impl_->conn, r);
    Rows rows;
    const int n = PQntuples(r.get());
    const int columns = PQnfields(r.get());
    rows.cells_.resize(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        auto& row = rows.cells_[static_cast<std::size_t>(i)];
        row.reserve(static_cast<std::size_t>(columns));
        for (int c = 0; c < columns; ++c) {
            if (PQgetisnull(r.get(), i, c)) {
                row.emplace_back(std::nullopt);
            } else {
                row.emplace_back(
                    std::string(PQgetvalue(r.get(), i, c), static_cast<std::size_t>(PQgetlength(r.get(), i, c))));
            }
        }
    }
    return rows;
}

std::string Connection::Bytea(std::string_view bytes) { return "\\x" + Hex(bytes); }

void Connection::Listen(const std::string& channel) { Exec("LISTEN " + channel); }

std::optional<std::string> Connection::NextNotification(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        PQconsumeInput(impl_->conn);
        if (PGnotify* n = PQnotifies(impl_->conn)) {
            std::string payload = n->extra;
            PQfreemem(n);
            return payload;
        }
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return std::nullopt;
        pollfd fd{PQsocket(impl_->conn), POLLIN, 0};
        if (::poll(&fd, 1, static_cast<int>(left.count())) < 0 && errno != EINTR) {
            throw PgError("08006", "waiting for a notification failed");
        }
    }
}

void LockLogs(Connection& c) { c.Query("SELECT pg_advisory_xact_lock(7513)"); }

void RetryPause(int attempt) {
    static thread_local std::mt19937 random{std::random_device{}()};
    const int cap_ms = std::min(200, 2 << std::min(attempt, 7));
    std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(1, cap_ms)(random)));
}

void Migrate(Connection& c) {
    c.Exec(
        "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL "
        "DEFAULT now())");
    for (const auto& file : migrations::kFiles) {
        const std::string name(file.name);
        // One migration at a time, also when several daemons start together.
        c.Exec("BEGIN; LOCK TABLE schema_migrations IN EXCLUSIVE MODE");
        try {
            if (c.Query("SELECT 1 FROM schema_migrations WHERE name = $1", {name}).size() == 0) {
                c.Exec(std::string(file.content));
                c.Query("INSERT INTO schema_migrations (name) VALUES ($1)", {name});
            }
            c.Exec("COMMIT");
        } catch (...) {
            c.Exec("ROLLBACK");
            throw;
        }
    }
}

}  // namespace spoed::db::pg
