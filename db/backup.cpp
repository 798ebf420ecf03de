#include "db/backup.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace spoed::db {

void OnlineBackup(const std::string& source, const std::string& dest) {
    if (::access(source.c_str(), R_OK) != 0) {
        throw SqliteError(SQLITE_CANTOPEN, "cannot read database " + source + ": " + std::strerror(errno));
    }
    // Read-write so that a WAL database opens even when no -shm file exists yet; query_only
    // keeps this connection from changing anything.
    Connection src(source, Connection::Mode::kReadWriteCreate);
    src.Exec("PRAGMA busy_timeout = 10000");
    src.Exec("PRAGMA query_only = ON");
    Connection dst(dest, Connection::Mode::kReadWriteCreate);
    sqlite3_backup* b = sqlite3_backup_init(dst.handle(), "main", src.handle(), "main");
    if (b == nullptr) ThrowSqlite(dst.handle(), sqlite3_errcode(dst.handle()), "backup init");
    // All pages in one step: the copy is one snapshot. Busy only while a checkpoint or
    // recovery briefly locks the source; try again a few times.
    int rc = SQLITE_OK;
    for (int attempt = 0; attempt < 50; ++attempt) {
        rc = sqlite3_backup_step(b, -1);
        if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
        sqlite3_sleep(100);
    }
    int finish = sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) ThrowSqlite(nullptr, rc, "backup of " + source);
    if (finish != SQLITE_OK) ThrowSqlite(dst.handle(), finish, "backup of " + source);
    // The copy is a database of its own: no WAL beside it, everything in the one file.
    dst.Exec("PRAGMA journal_mode = DELETE");
}

std::string IntegrityCheck(Connection& connection) {
    auto st = connection.Prepare("PRAGMA integrity_check(20)");
    std::string out;
    while (st.Step()) {
        if (!out.empty()) out += "; ";
        out += st.Text(0);
    }
    return out.empty() ? "no answer from integrity_check" : out;
}

std::unique_ptr<DatabaseLock> DatabaseLock::TryAcquire(const std::string& database_path) {
    std::string path = database_path + ".lock";
    int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) throw std::runtime_error("cannot open lock file " + path + ": " + std::strerror(errno));
    // Made by root (spoedd restore under sudo), the file must still open for the service user.
    std::string dir = path.substr(0, path.find_last_of('/') + 1);
    struct stat st {};
    if (::geteuid() == 0 && ::stat(dir.empty() ? "." : dir.c_str(), &st) == 0) (void)::fchown(fd, st.st_uid, st.st_gid);
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        return nullptr;
    }
    return std::unique_ptr<DatabaseLock>(new DatabaseLock(fd));
}

DatabaseLock::~DatabaseLock() { ::close(fd_); }

}  // namespace spoed::db
