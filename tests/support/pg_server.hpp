#pragma once

#include <cstdint>
#include <string>

#include "tests/support/temp_dir.hpp"

namespace spoed::test {

/// A real PostgreSQL 15 server for one test: initdb into a temporary directory, started on a
/// free loopback port (trust authentication, superuser `spoed`), stopped and removed when
/// destroyed. As root (CI), the server runs as the unprivileged user `nobody`, as initdb demands.
class PgServer {
  public:
    PgServer();
    ~PgServer();
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
    /// Runs a PostgreSQL tool as the server's user; its exit status.
    int Run(const std::string& command) const;

    TempDir dir_;
    std::string data_;
    std::uint16_t port_ = 0;
    bool as_nobody_ = false;
    bool ok_ = false;
};

}  // namespace spoed::test
