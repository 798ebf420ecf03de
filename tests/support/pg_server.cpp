#include "tests/support/pg_server.hpp"

#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>

#include "tests/support/process.hpp"

namespace spoed::test {
namespace {

constexpr const char* kBin = "/usr/lib/postgresql/15/bin/";

/// A port nobody listens on right now (the kernel's choice for a socket bound to port 0).
std::uint16_t FreePort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    std::uint16_t port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
        port = ntohs(addr.sin_port);
    }
    ::close(fd);
    return port;
}

}  // namespace

PgServer::PgServer() : dir_(std::make_unique<TempDir>()) { Start(dir_->path().string()); }

PgServer::PgServer(const std::string& dir) { Start(dir); }

PgServer::PgServer(PgServer&& other) noexcept
    : dir_(std::move(other.dir_)),
      data_(other.data_),
      port_(other.port_),
      as_nobody_(other.as_nobody_),
      ok_(other.ok_) {
    other.ok_ = false;
}

PgServer PgServer::StartIn(const std::string& dir) {
    RunCommand("mkdir -p '" + dir + "'");
    return PgServer(dir);
}

void PgServer::StopIn(const std::string& dir) {
    const std::string as = ::geteuid() == 0 ? "runuser -u nobody -- " : "";
    RunCommand(as + kBin + "pg_ctl -D '" + dir + "/pg' -m immediate -w stop >/dev/null 2>&1");
    RunCommand("rm -rf '" + dir + "'");
}

void PgServer::Start(const std::string& dir) {
    as_nobody_ = ::geteuid() == 0;
    data_ = dir + "/pg";
    if (as_nobody_ && RunCommand("chown -R nobody: '" + dir + "'").status != 0) {
        ADD_FAILURE() << "PgServer: could not hand " << dir << " to nobody";
        return;
    }
    if (Run("test -w '" + dir + "'") != 0) {
        ADD_FAILURE() << "PgServer: the server's user cannot write " << dir
                      << " (a parent folder closed to others? set TMPDIR to one they may enter)";
        return;
    }
    if (Run(std::string(kBin) + "initdb -D '" + data_ + "' -U spoed --auth=trust -E UTF8 --locale=C.UTF-8 -N") != 0) {
        ADD_FAILURE() << "PgServer: initdb failed (is postgresql-15 installed? deploy/install-deps.sh)";
        return;
    }
    // A few attempts: a port found free may be taken before the server binds it.
    for (int attempt = 0; attempt < 5 && !ok_; ++attempt) {
        port_ = FreePort();
        const std::string options = "-c listen_addresses=127.0.0.1 -p " + std::to_string(port_) + " -k '" + data_ +
                                    "' -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
                                    " -c max_connections=300";
        ok_ = Run(std::string(kBin) + "pg_ctl -D '" + data_ + "' -l '" + data_ + "/server.log' -w -t 30 -o \"" +
                  options + "\" start") == 0;
    }
    if (!ok_) ADD_FAILURE() << "PgServer: the server did not start; see " << data_ << "/server.log";
}

PgServer::~PgServer() {
    if (ok_ && dir_) Run(std::string(kBin) + "pg_ctl -D '" + data_ + "' -m immediate -w stop");
}

int PgServer::Run(const std::string& command) const {
    const std::string line = (as_nobody_ ? "runuser -u nobody -- " : "") + command + " >/dev/null 2>&1";
    return RunCommand(line).status;
}

std::string PgServer::Dsn(const std::string& database) const {
    return "host=127.0.0.1 port=" + std::to_string(port_) + " user=spoed dbname=" + database;
}

std::string PgServer::NewDatabase(const std::string& name) {
    if (Run(std::string(kBin) + "createdb -h 127.0.0.1 -p " + std::to_string(port_) + " -U spoed " + name) != 0) {
        ADD_FAILURE() << "PgServer: createdb " << name << " failed";
    }
    return Dsn(name);
}

bool TestsUsePostgres() {
    const char* store = std::getenv("SPOED_TEST_STORE");
    return store != nullptr && std::string_view(store).starts_with("postgresql");
}

std::string SharedPgDir() {
    const char* store = std::getenv("SPOED_TEST_STORE");
    if (store == nullptr || !std::string_view(store).starts_with("postgresql:")) return "";
    return std::string(store).substr(std::string_view("postgresql:").size());
}

std::string NewTestDatabase() {
    static std::atomic<int> counter{0};
    const std::string name = "t_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    if (const std::string dir = SharedPgDir(); !dir.empty()) {
        std::ifstream in(dir + "/port");
        int port = 0;
        if (in >> port) {
            // A copy of the template the fixture migrated: a few milliseconds, not a migration.
            const std::string dsn_host = "-h 127.0.0.1 -p " + std::to_string(port) + " -U spoed";
            if (RunCommand(std::string(kBin) + "createdb " + dsn_host + " -T spoed_template " + name +
                           " >/dev/null 2>&1")
                    .status != 0) {
                ADD_FAILURE() << "createdb " << name << " on the suite's server (port " << port << ") failed";
            }
            return "host=127.0.0.1 port=" + std::to_string(port) + " user=spoed dbname=" + name;
        }
    }
    static PgServer own;  // stopped when the process ends
    if (!own.ok()) return "";
    return own.NewDatabase(name);
}

}  // namespace spoed::test
