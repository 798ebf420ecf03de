#include "tests/support/pg_server.hpp"

#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

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

PgServer::PgServer() {
    as_nobody_ = ::geteuid() == 0;
    data_ = dir_.file("pg");
    if (as_nobody_ && RunCommand("chown -R nobody: '" + dir_.path().string() + "'").status != 0) {
        ADD_FAILURE() << "PgServer: could not hand " << dir_.path().string() << " to nobody";
        return;
    }
    if (Run("test -w '" + dir_.path().string() + "'") != 0) {
        ADD_FAILURE() << "PgServer: the server's user cannot write " << dir_.path().string()
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
                                    "' -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        ok_ = Run(std::string(kBin) + "pg_ctl -D '" + data_ + "' -l '" + data_ + "/server.log' -w -t 30 -o \"" +
                  options + "\" start") == 0;
    }
    if (!ok_) ADD_FAILURE() << "PgServer: the server did not start; see " << data_ << "/server.log";
}

PgServer::~PgServer() {
    if (ok_) Run(std::string(kBin) + "pg_ctl -D '" + data_ + "' -m immediate -w stop");
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

}  // namespace spoed::test
