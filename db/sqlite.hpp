#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/clock.hpp"

struct sqlite3;
struct sqlite3_stmt;

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

/// One prepared statement. Bind with 1-based indexes, Step() until it returns false. Made by
/// Connection::Prepare, it goes back to its connection's cache (reset, bindings cleared) when
/// it is destroyed; it must not outlive that connection.
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
    std::int64_t Int(int column) const;
    double Double(int column) const;
    std::string Text(int column) const;
    std::string Blob(int column) const;
    std::optional<std::int64_t> OptInt(int column) const;
    std::optional<std::string> OptText(int column) const;

  private:
    friend class Connection;
    Statement(sqlite3* db, sqlite3_stmt* stmt, Connection* cache) : db_(db), stmt_(stmt), cache_(cache) {}
    sqlite3* db_;
    sqlite3_stmt* stmt_;
    Connection* cache_ = nullptr;
};

/// An owned sqlite3 connection.
class Connection {
  public:
    enum class Mode { kReadWriteCreate, kReadOnly };
    Connection(const std::string& path, Mode mode);
    ~Connection();
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
    std::int64_t LastInsertId() const;
    int Changes() const;
    sqlite3* handle() const { return db_; }

  private:
    friend class Statement;
    void Return(sqlite3_stmt* stmt);

    // Found by the statement's text as a string_view: looking one up costs no copy of the SQL.
    struct TextHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };

    static constexpr std::size_t kMaxCached = 256;
    sqlite3* db_ = nullptr;
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
