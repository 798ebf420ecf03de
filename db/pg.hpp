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
    /// A bytea column, decoded from its hex text form.
    std::string Bytes(int row, int column) const;

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

    /// `bytes` as a bytea literal parameter ("\\x…").
    static std::string Bytea(std::string_view bytes);

    /// LISTEN on `channel` (a plain identifier).
    void Listen(const std::string& channel);
    /// The payload of the next notification on a channel this connection listens to, waiting
    /// up to `timeout`; nullopt when none came. Notifications come in the order their
    /// transactions committed.
    std::optional<std::string> NextNotification(std::chrono::milliseconds timeout);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// The pause before attempt `attempt` + 1 of a unit of work: a few milliseconds, growing, with
/// jitter so that two transactions that collided do not collide again.
void RetryPause(int attempt);

/// Runs `unit` in one SERIALIZABLE transaction and commits it. When PostgreSQL aborts it to
/// resolve a conflict with another transaction (serialisation failure, deadlock), the whole unit
/// of work runs again, up to `attempts` times in all, with a short growing pause; any other error
/// rolls back and is thrown. Returns what `unit` returned. `unit` must do nothing outside the
/// database that it could not do twice.
template <typename F>
auto InTransaction(Connection& c, F&& unit, int attempts = 10) -> decltype(unit()) {
    for (int attempt = 1;; ++attempt) {
        c.Exec("BEGIN ISOLATION LEVEL SERIALIZABLE");
        try {
            if constexpr (std::is_void_v<decltype(unit())>) {
                unit();
                c.Exec("COMMIT");
                return;
            } else {
                auto result = unit();
                c.Exec("COMMIT");
                return result;
            }
        } catch (const PgError& e) {
            c.Exec("ROLLBACK");
            if (!e.retryable() || attempt >= attempts) throw;
            RetryPause(attempt);
        } catch (...) {
            c.Exec("ROLLBACK");
            throw;
        }
    }
}

/// Takes the transaction-wide lock under which the audit log and the event outbox are numbered:
/// appends queue behind it until the transaction that holds it ends, so numbers follow commit
/// order and a rollback leaves no hole. One lock for both, so no two writers can take them in
/// opposite orders.
void LockLogs(Connection& c);

/// Applies the embedded PostgreSQL migrations (db/pg_migrations) that have not run yet, each in
/// its own transaction together with its row in schema_migrations.
void Migrate(Connection& c);

}  // namespace spoed::db::pg
