#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "db/store.hpp"

namespace spoed::db {

struct PgOptions {
    /// A libpq connection string. For a pair with failover, name both hosts and ask for the
    /// writable one: "host=db1,db2 port=5432,5432 dbname=spoed target_session_attrs=read-write".
    std::string dsn;
    int connections = 8;  // the pool, shared by reads and writes
    /// How long a transaction keeps trying to reach a writable server (a failover under way)
    /// before it answers `unavailable`.
    std::chrono::milliseconds reconnect_budget{15000};
};

/// The PostgreSQL store, for sites that must survive the loss of a machine. The same repositories
/// and SQL as the SQLite store (db/sql_repos.hpp) run on libpq connections. Writes are
/// SERIALIZABLE transactions run again as a whole when PostgreSQL aborts one to resolve a
/// conflict; reads are REPEATABLE READ snapshots. A connection lost to a failover is replaced,
/// and a transaction that had not sent its COMMIT runs again on the new primary. Events are
/// announced with NOTIFY at commit; every daemon on the database LISTENs and tells its own
/// subscribers. Opening applies the numbered migrations (db/pg_migrations) under a lock.
class PgStore final : public Store {
  public:
    /// Connects and migrates; throws std::runtime_error naming what failed (never the password).
    static std::unique_ptr<PgStore> Open(const PgOptions& options);
    ~PgStore() override;

    bool Ready() override;
    OperationalCounts Counts(TimePoint now) override;
    /// Transactions run again after a serialisation failure, deadlock or lost connection.
    std::int64_t Retries() const;

  protected:
    Status RunTx(bool write, const std::function<Status(Tx&)>& fn) override;
    Status RunCountersTx(const std::function<Status(Tx&)>& fn) override;

  private:
    struct Impl;
    explicit PgStore(std::unique_ptr<Impl> impl);
    enum class TxKind { kRead, kWrite, kCounters };
    Status Run(TxKind kind, const std::function<Status(Tx&)>& fn);
    std::unique_ptr<Impl> impl_;
};

}  // namespace spoed::db
