#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/clock.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace spoed::db::pg {
class Connection;
class Cursor;
}  // namespace spoed::db::pg

namespace spoed::db {

/// A SQLite failure inside the store (I/O error, disk full, constraint). It never leaves the
/// db layer: Store::Read/Write catch it, roll back and turn it into an Error value.
class SqliteError : public std::runtime_error {
  public:
    SqliteError(int code, const std::string& what) : std::runtime_error(what), code_(code) {}
    int code() const { return code_; }  // the extended SQLite result code
    bool IsConstraint() const;
    bool IsFull() const;
    bool IsBusy() const;

  private:
    int code_;
};

class Connection;

/// Hashes a statement's text as a string_view, so that a cache keyed by SQL is searched without
/// copying it (heterogeneous look-up, with std::equal_to<>).
struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

/// What a result column holds in the row at hand.
enum class ValueType { kNull, kInteger, kReal, kText, kBlob };

/// One prepared statement. Bind with 1-based indexes, Step() until it returns false. Made by
/// Connection::Prepare, it goes back to its connection's cache (reset, bindings cleared) when
/// it is destroyed; it must not outlive that connection. On a PostgreSQL connection the same
/// calls run the statement there (pg::Cursor), so a repository's SQL is written once for both.
class Statement {
  public:
    /// An uncached statement, finalized when destroyed.
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement& operator=(Statement&&) = delete;

    Statement& Bind(int index, std::int64_t value);
    Statement& Bind(int index, int value) { return Bind(index, static_cast<std::int64_t>(value)); }
    Statement& Bind(int index, bool value) { return Bind(index, static_cast<std::int64_t>(value ? 1 : 0)); }
    Statement& Bind(int index, double value);
    Statement& Bind(int index, std::string_view text);
    Statement& Bind(int index, const char* text) { return Bind(index, std::string_view(text)); }
    Statement& Bind(int index, const std::string& text) { return Bind(index, std::string_view(text)); }
    Statement& BindBlob(int index, std::string_view bytes);
    Statement& BindNull(int index);
    template <typename T>
    Statement& Bind(int index, const std::optional<T>& value) {
        return value ? Bind(index, *value) : BindNull(index);
    }

    /// Advances; true when a row is available.
    bool Step();
    /// Steps a statement that returns no rows.
    void Run();
    void Reset();

    bool IsNull(int column) const;
    ValueType Type(int column) const;
    std::int64_t Int(int column) const;
    double Double(int column) const;
    std::string Text(int column) const;
    std::string Blob(int column) const;
    std::optional<std::int64_t> OptInt(int column) const;
    std::optional<std::string> OptText(int column) const;

  private:
    friend class Connection;
    Statement(sqlite3* db, sqlite3_stmt* stmt, Connection* cache);
    explicit Statement(std::unique_ptr<pg::Cursor> pg);
    sqlite3* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
    Connection* cache_ = nullptr;
    std::unique_ptr<pg::Cursor> pg_;
};

/// The SQL dialect of a connection, for the few statements the two stores write differently.
enum class Dialect { kSqlite, kPostgres };

/// An owned sqlite3 connection, or a PostgreSQL connection behind the same calls: SQL is
/// written with SQLite's ?N placeholders and in the dialect both understand.
class Connection {
  public:
    enum class Mode { kReadWriteCreate, kReadOnly };
    Connection(const std::string& path, Mode mode);
    /// Statements run on the PostgreSQL connection `pg`, which this connection owns.
    explicit Connection(std::unique_ptr<pg::Connection> pg);
    ~Connection();

    Dialect dialect() const { return pg_ ? Dialect::kPostgres : Dialect::kSqlite; }
    bool postgres() const { return pg_ != nullptr; }
    pg::Connection* pg() const { return pg_.get(); }
    /// Before a transaction numbers an audit line or an event: on PostgreSQL the transaction-wide
    /// lock under which they are numbered (pg::LockLogs); on SQLite, whose single writer already
    /// does one transaction at a time, nothing.
    void LockLogs();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    /// Runs one or more statements that return no rows.
    void Exec(std::string_view sql);
    /// A statement for `sql`, from the connection's cache when it was prepared before: most
    /// calls run the same few dozen statements, and compiling them again cost about a tenth
    /// of a look-up's CPU time (docs/performance.md).
    Statement Prepare(std::string_view sql);
    /// A single integer from a one-row query (e.g. a PRAGMA).
    std::int64_t QueryInt(std::string_view sql);
    std::string QueryText(std::string_view sql);
    std::int64_t LastInsertId();
    int Changes() const;
    sqlite3* handle() const { return db_; }

  private:
    friend class Statement;
    void Return(sqlite3_stmt* stmt);

    static constexpr std::size_t kMaxCached = 256;
    sqlite3* db_ = nullptr;
    std::unique_ptr<pg::Connection> pg_;
    std::unordered_multimap<std::string, sqlite3_stmt*, TextHash, std::equal_to<>> cached_;
};

[[noreturn]] void ThrowSqlite(sqlite3* db, int rc, std::string_view context);

/// A nullable time column: read, and the value to bind.
inline std::optional<TimePoint> OptTime(const Statement& st, int column) {
    if (auto v = st.OptInt(column)) return FromMicros(*v);
    return std::nullopt;
}
inline std::optional<std::int64_t> OptMicros(const std::optional<TimePoint>& t) {
    if (t) return ToMicros(*t);
    return std::nullopt;
}

}  // namespace spoed::db
