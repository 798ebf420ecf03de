#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "tests/support/temp_dir.hpp"

namespace spoed::test {

/// A real PostgreSQL 15 server for one test: initdb into a temporary directory, started on a
/// free loopback port (trust authentication, superuser `spoed`), stopped and removed when
/// destroyed. As root (CI), the server runs as the unprivileged user `nobody`, as initdb demands.
class PgServer {
  public:
    PgServer();
    /// A server in `dir` (made when missing) that outlives this object: the suite's shared
    /// server, started once by the `postgresql.server` fixture and stopped by StopIn.
    static PgServer StartIn(const std::string& dir);
    /// Stops the server StartIn left in `dir` and removes the directory.
    static void StopIn(const std::string& dir);
    ~PgServer();
    PgServer(PgServer&& other) noexcept;
    PgServer(const PgServer&) = delete;
    PgServer& operator=(const PgServer&) = delete;

    /// False (with a test failure already reported) when the server could not be started.
    bool ok() const { return ok_; }
    std::uint16_t port() const { return port_; }
    /// A libpq connection string for `database`.
    std::string Dsn(const std::string& database = "postgres") const;
    /// Creates an empty database and returns its connection string.
    std::string NewDatabase(const std::string& name);

  private:
    explicit PgServer(const std::string& dir);
    /// Runs a PostgreSQL tool as the server's user; its exit status.
    int Run(const std::string& command) const;
    void Start(const std::string& dir);

    std::unique_ptr<TempDir> dir_;  // the server's own directory; none for StartIn's
    std::string data_;
    std::uint16_t port_ = 0;
    bool as_nobody_ = false;
    bool ok_ = false;
};

/// Whether this run's store tests run on PostgreSQL (SPOED_TEST_STORE=postgresql[:DIR]) instead
/// of SQLite. ctest registers the store, service and API tests once for each.
bool TestsUsePostgres();
/// DIR of SPOED_TEST_STORE=postgresql:DIR: where the suite's shared server lives; "" when none.
std::string SharedPgDir();

/// A new database for one test, migrated, on the suite's shared server (SharedPgDir(), made
/// by the `postgresql.server` fixture) or, for a test binary run alone, on a server of the
/// process's own; its connection string.
std::string NewTestDatabase();

}  // namespace spoed::test
