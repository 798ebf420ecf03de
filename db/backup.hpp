#pragma once

#include <memory>
#include <string>

#include "db/sqlite.hpp"

namespace spoed::db {

/// Copies the database at `source` into a new file `dest` with SQLite's online backup API, in
/// one step inside one read transaction: a consistent snapshot, taken while spoedd keeps
/// writing (WAL readers do not block the writer). `dest` must not exist. Throws SqliteError.
void OnlineBackup(const std::string& source, const std::string& dest);

/// `PRAGMA integrity_check`: "ok", or the first problems it reports joined by "; ".
std::string IntegrityCheck(Connection& connection);

/// An exclusive advisory lock (flock) on `<database>.lock`, held while spoedd has the database
/// open; `spoedd restore` takes it too, so neither replaces a database the other is using.
class DatabaseLock {
  public:
    /// The lock, or nullptr when another process holds it. Throws std::runtime_error when the
    /// lock file cannot be created.
    static std::unique_ptr<DatabaseLock> TryAcquire(const std::string& database_path);
    ~DatabaseLock();
    DatabaseLock(const DatabaseLock&) = delete;
    DatabaseLock& operator=(const DatabaseLock&) = delete;

  private:
    explicit DatabaseLock(int fd) : fd_(fd) {}
    int fd_;
};

}  // namespace spoed::db
