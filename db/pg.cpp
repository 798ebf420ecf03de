#include "db/pg.hpp"

#include <libpq-fe.h>
#include <poll.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <random>
#include <thread>
#include <unordered_map>

#include "base/bits.hpp"
#include "db/pg_migrations_sql.hpp"
#include "db/sqlite.hpp"

namespace spoed::db::pg {
namespace {

struct ResultFree {
    void operator()(PGresult* r) const { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, ResultFree>;

/// Throws PgError for a failed result, naming its SQLSTATE.
void Check(PGconn* conn, const PgResult& r) {
    const auto status = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
    const char* state = r ? PQresultErrorField(r.get(), PG_DIAG_SQLSTATE) : nullptr;
    const char* primary = r ? PQresultErrorField(r.get(), PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    throw PgError(state ? state : "08000", primary ? primary : PQerrorMessage(conn));
}

}  // namespace

std::int64_t Rows::Int(int row, int column) const { return std::stoll(Text(row, column)); }

struct Connection::Impl {
    PGconn* conn = nullptr;
    // Found by the statement's text as a string_view, as SQLite's statement cache is: a look-up
    // per statement copies no SQL.
    std::unordered_map<std::string, std::string, TextHash, std::equal_to<>> translated;
};

namespace {

/// SQLite's placeholders as PostgreSQL's: ?NNN becomes $NNN and a bare ? the next number, as
/// SQLite numbers it; text in quotes is left alone.
std::string TranslatePlaceholders(std::string_view sql) {
    std::string out;
    out.reserve(sql.size() + 8);
    int highest = 0;
    char quote = 0;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        const char ch = sql[i];
        if (quote != 0) {
            if (ch == quote) quote = 0;
            out += ch;
            continue;
        }
        if (ch == '\'' || ch == '"') {
            quote = ch;
            out += ch;
            continue;
        }
        if (ch != '?') {
            out += ch;
            continue;
        }
        std::size_t end = i + 1;
        while (end < sql.size() && sql[end] >= '0' && sql[end] <= '9') ++end;
        int index = end > i + 1 ? std::stoi(std::string(sql.substr(i + 1, end - i - 1))) : highest + 1;
        highest = std::max(highest, index);
        out += '$';
        out += std::to_string(index);
        i = end - 1;
    }
    return out;
}

// The parameter types of pg_type (catalog/pg_type_d.h).
constexpr unsigned kInt8 = 20;
constexpr unsigned kText = 25;
constexpr unsigned kFloat8 = 701;
constexpr unsigned kBytea = 17;
constexpr unsigned kInt4 = 23;
constexpr unsigned kInt2 = 21;
constexpr unsigned kBool = 16;
constexpr unsigned kNumeric = 1700;

}  // namespace

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
    PgResult r(PQexec(impl_->conn, sql.c_str()));
    Check(impl_->conn, r);
}

Rows Connection::Query(const std::string& sql, const std::vector<std::optional<std::string>>& params) {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
    PgResult r(PQexecParams(impl_->conn, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr,
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

bool Connection::Broken() const { return PQstatus(impl_->conn) != CONNECTION_OK; }

const std::string& Connection::Translated(std::string_view sql) {
    auto it = impl_->translated.find(sql);
    if (it == impl_->translated.end()) {
        it = impl_->translated.emplace(std::string(sql), TranslatePlaceholders(sql)).first;
    }
    return it->second;
}

struct Cursor::Result {
    PgResult r;
};

Cursor::Cursor(Connection& c, std::string_view sql) : c_(c), sql_(c.Translated(sql)) {}
Cursor::~Cursor() = default;

void Cursor::Param(int index, std::string value, unsigned type, int format) {
    const auto i = static_cast<std::size_t>(index - 1);
    if (values_.size() <= i) {
        values_.resize(i + 1);
        types_.resize(i + 1, 0);
        formats_.resize(i + 1, 0);
    }
    values_[i] = std::move(value);
    types_[i] = type;
    formats_[i] = format;
    bound_.resize(values_.size(), false);
    bound_[i] = true;
}

void Cursor::BindInt(int index, std::int64_t value) { Param(index, std::to_string(value), kInt8, 0); }
void Cursor::BindDouble(int index, double value) {
    char buffer[32];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    Param(index, std::string(buffer, end), kFloat8, 0);
}
void Cursor::BindText(int index, std::string_view text) { Param(index, std::string(text), kText, 0); }
void Cursor::BindBytes(int index, std::string_view bytes) { Param(index, std::string(bytes), kBytea, 1); }
void Cursor::BindNull(int index) {
    Param(index, std::string(), 0, 0);
    values_[static_cast<std::size_t>(index - 1)].reset();
}

bool Cursor::Step() {
    if (!result_) {
        std::vector<const char*> values(values_.size());
        std::vector<int> lengths(values_.size());
        for (std::size_t i = 0; i < values_.size(); ++i) {
            values[i] = values_[i] ? values_[i]->data() : nullptr;
            lengths[i] = values_[i] ? static_cast<int>(values_[i]->size()) : 0;
        }
        std::vector<Oid> types(types_.begin(), types_.end());
        // A placeholder number the statement skips (?6 used, ?1..?5 not) was never bound; it
        // still needs a type, and any will do.
        for (std::size_t i = 0; i < types.size(); ++i) {
            if (!bound_[i]) types[i] = kText;
        }
        result_ = std::make_unique<Result>();
        result_->r.reset(PQexecParams(c_.impl_->conn, sql_.c_str(), static_cast<int>(values.size()), types.data(),
                                      values.data(), lengths.data(), formats_.data(), 0));
        Check(c_.impl_->conn, result_->r);
        const char* tuples = PQcmdTuples(result_->r.get());
        c_.changes_ = tuples && *tuples ? std::atoi(tuples) : 0;
        row_ = 0;
    } else {
        ++row_;
    }
    return row_ < PQntuples(result_->r.get());
}

void Cursor::Reset() {
    result_.reset();
    row_ = -1;
    values_.clear();
    types_.clear();
    formats_.clear();
    bound_.clear();
}

bool Cursor::IsNull(int column) const { return PQgetisnull(result_->r.get(), row_, column) != 0; }

ValueType Cursor::Type(int column) const {
    if (IsNull(column)) return ValueType::kNull;
    switch (PQftype(result_->r.get(), column)) {
        case kInt8:
        case kInt4:
        case kInt2:
        case kBool:
            return ValueType::kInteger;
        case kFloat8:
        case kNumeric:
            return ValueType::kReal;
        case kBytea:
            return ValueType::kBlob;
        default:
            return ValueType::kText;
    }
}

std::string Cursor::Text(int column) const {
    return std::string(PQgetvalue(result_->r.get(), row_, column),
                       static_cast<std::size_t>(PQgetlength(result_->r.get(), row_, column)));
}

std::int64_t Cursor::Int(int column) const {
    const char* v = PQgetvalue(result_->r.get(), row_, column);
    const int n = PQgetlength(result_->r.get(), row_, column);
    if (n == 0) return 0;                                                    // NULL, as SQLite reads it
    if (n == 1 && (v[0] == 't' || v[0] == 'f')) return v[0] == 't' ? 1 : 0;  // a boolean
    std::int64_t out = 0;
    auto [end, ec] = std::from_chars(v, v + n, out);
    if (ec == std::errc() && end == v + n) return out;
    return static_cast<std::int64_t>(Double(column));  // numeric, as sum() and avg() give
}

double Cursor::Double(int column) const {
    const char* v = PQgetvalue(result_->r.get(), row_, column);
    const int n = PQgetlength(result_->r.get(), row_, column);
    double out = 0;
    std::from_chars(v, v + n, out);
    return out;
}

std::string Cursor::Bytes(int column) const {
    std::string text = Text(column);
    if (PQftype(result_->r.get(), column) != kBytea) return text;
    auto bytes = FromHex(std::string_view(text).substr(std::min<std::size_t>(2, text.size())));
    if (!bytes) throw PgError("22000", "not a bytea in hex form");
    return *bytes;
}

void Connection::Listen(const std::string& channel) { Exec("LISTEN " + channel); }

std::optional<std::string> Connection::NextNotification(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        if (PQconsumeInput(impl_->conn) == 0) throw PgError("08006", "the connection to the server was lost");
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
