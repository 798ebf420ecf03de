#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace spoed::db {
enum class ValueType;
}  // namespace spoed::db

namespace spoed::db::pg {

/// A PostgreSQL error: the SQLSTATE ("40001" serialisation failure, "40P01" deadlock, "P0001"
/// raised by a trigger) and the server's message.
class PgError : public std::runtime_error {
  public:
    PgError(std::string sqlstate, const std::string& message)
        : std::runtime_error(message), sqlstate_(std::move(sqlstate)) {}
    const std::string& sqlstate() const { return sqlstate_; }
    /// A conflict PostgreSQL resolved by aborting this transaction: the whole unit of work may
    /// be run again.
    bool retryable() const { return sqlstate_ == "40001" || sqlstate_ == "40P01"; }

  private:
    std::string sqlstate_;
};

/// The rows of one result, as text (PostgreSQL's text format); nullopt for NULL.
class Rows {
  public:
    int size() const { return static_cast<int>(cells_.size()); }
    const std::optional<std::string>& at(int row, int column) const { return cells_[row][column]; }
    std::string Text(int row, int column) const { return at(row, column).value_or(""); }
    std::int64_t Int(int row, int column) const;

  private:
    friend class Connection;
    std::vector<std::vector<std::optional<std::string>>> cells_;
};

/// One libpq connection. Parameters go as text with $1, $2…; bytes as bytea hex (`Hex`).
/// Not thread-safe: one per thread.
class Connection {
  public:
    /// Connects with a libpq connection string ("host=127.0.0.1 port=5433 dbname=spoed");
    /// throws PgError when it cannot.
    explicit Connection(const std::string& dsn);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    /// Runs one or more statements without parameters (a migration).
    void Exec(const std::string& sql);
    /// Runs one statement with text parameters (nullopt: NULL).
    Rows Query(const std::string& sql, const std::vector<std::optional<std::string>>& params = {});

    /// True when the connection to the server is lost (the server went away, a failover): the
    /// store then opens a new one.
    bool Broken() const;
    /// Rows the last statement run through a Cursor wrote (INSERT, UPDATE, DELETE).
    int changes() const { return changes_; }
    /// `sql` with SQLite's placeholders (?NNN, ?) as PostgreSQL's ($NNN), translated once per
    /// text and kept: the repositories run the same few hundred statements.
    const std::string& Translated(std::string_view sql);

    /// LISTEN on `channel` (a plain identifier).
    void Listen(const std::string& channel);
    /// The payload of the next notification on a channel this connection listens to, waiting
    /// up to `timeout`; nullopt when none came. Notifications come in the order their
    /// transactions committed.
    std::optional<std::string> NextNotification(std::chrono::milliseconds timeout);

  private:
    friend class Cursor;
    struct Impl;
    std::unique_ptr<Impl> impl_;
    int changes_ = 0;
};

/// One statement run through db::Statement: parameters bound by position, typed as bound
/// (bigint, double precision, text, bytea), sent when the first row is asked for; the rows are
/// then read one at a time. A boolean result reads as 1 or 0, as in SQLite.
class Cursor {
  public:
    Cursor(Connection& c, std::string_view sql);
    ~Cursor();
    Cursor(const Cursor&) = delete;
    Cursor& operator=(const Cursor&) = delete;

    void BindInt(int index, std::int64_t value);
    void BindDouble(int index, double value);
    void BindText(int index, std::string_view text);
    void BindBytes(int index, std::string_view bytes);
    void BindNull(int index);
    /// Runs the statement on the first call; true while a row is available.
    bool Step();
    /// Forgets the result and the parameters.
    void Reset();

    bool IsNull(int column) const;
    /// What the column holds, as db::Statement names it.
    ValueType Type(int column) const;
    std::int64_t Int(int column) const;
    double Double(int column) const;
    std::string Text(int column) const;
    /// A bytea column's bytes (any other column's text).
    std::string Bytes(int column) const;

  private:
    void Param(int index, std::string value, unsigned type, int format);
    Connection& c_;
    const std::string& sql_;
    std::vector<std::optional<std::string>> values_;
    std::vector<unsigned> types_;
    std::vector<int> formats_;
    std::vector<bool> bound_;
    struct Result;
    std::unique_ptr<Result> result_;
    int row_ = -1;
};

/// The pause before attempt `attempt` + 1 of a unit of work: a few milliseconds, growing, with
/// jitter so that two transactions that collided do not collide again.
void RetryPause(int attempt);

/// Takes the transaction-wide lock under which the audit log and the event outbox are numbered:
/// appends queue behind it until the transaction that holds it ends, so numbers follow commit
/// order and a rollback leaves no hole. One lock for both, so no two writers can take them in
/// opposite orders.
void LockLogs(Connection& c);

/// Applies the embedded PostgreSQL migrations (db/pg_migrations) that have not run yet, each in
/// its own transaction together with its row in schema_migrations.
void Migrate(Connection& c);

}  // namespace spoed::db::pg
