// Losing the database machine (docs/high-availability.md): a pg_auto_failover formation on
// loopback (a monitor, a primary and its synchronous standby; tests/integration/failover/
// cluster.sh), two spoedd on it, and crisis workers logging contacts through either with
// idempotency keys. The primary node is killed with SIGKILL mid-load, again and again (the old
// primary rejoins as the standby each time). Afterwards every acknowledged contact is there
// exactly once and the audit chain verifies; the time without writes around each kill is
// measured and printed (`failover N: no acknowledged write for X s`), not asserted.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>

#include "daemon/daemon.hpp"
#include "db/audit_chain.hpp"
#include "db/pg.hpp"
#include "db/pg_store.hpp"
#include "tests/integration/ops_client.hpp"
#include "tests/support/process.hpp"
#include "tests/support/service_fixture.hpp"

namespace spoed {
namespace {

using Clock = std::chrono::steady_clock;
constexpr int kClients = 4;

/// Three loopback ports in a row that nobody listens on now (monitor, node 1, node 2).
std::uint16_t FreePorts() {
    for (int attempt = 0; attempt < 50; ++attempt) {
        const auto base = static_cast<std::uint16_t>(20000 + (::getpid() * 7 + attempt * 131) % 30000);
        bool free = true;
        for (int i = 0; i < 3 && free; ++i) {
            const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
            sockaddr_in addr{};
            addr.sin_family = AF_INET;
            addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            addr.sin_port = htons(static_cast<std::uint16_t>(base + i));
            free = ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
            ::close(fd);
        }
        if (free) return base;
    }
    return 0;
}

/// The formation, through cluster.sh.
class Formation {
  public:
    Formation() : dir_("/tmp/spoed-failover-" + std::to_string(::getpid())), port_(FreePorts()) {}
    ~Formation() { Run("stop"); }
    bool Start() { return port_ != 0 && Run("start " + std::to_string(port_)); }
    int Primary() {
        auto r = test::RunCommand(Script() + " primary " + dir_);
        return r.status == 0 ? std::atoi(r.out.c_str()) : 0;
    }
    bool Kill(int node) { return Run("kill " + std::to_string(node)); }
    bool WaitPrimary(int node) { return Run("wait-primary " + std::to_string(node)); }
    bool Rejoin(int node) { return Run("rejoin " + std::to_string(node)); }
    /// Both nodes; libpq takes the one that accepts writes.
    std::string Dsn() const {
        const std::string user = ::geteuid() == 0 ? "nobody" : std::getenv("USER") ? std::getenv("USER") : "postgres";
        return "host=127.0.0.1,127.0.0.1 port=" + std::to_string(port_ + 1) + "," + std::to_string(port_ + 2) +
               " user=" + user + " dbname=spoed target_session_attrs=read-write connect_timeout=2";
    }

  private:
    static std::string Script() { return std::string(SPOED_SOURCE_DIR) + "/tests/integration/failover/cluster.sh"; }
    bool Run(const std::string& args) {
        auto r = test::RunCommand(Script() + " " + args.substr(0, args.find(' ')) + " " + dir_ +
                                  (args.find(' ') == std::string::npos ? "" : args.substr(args.find(' '))) + " 2>&1");
        if (r.status != 0) ADD_FAILURE() << "cluster.sh " << args << ": " << r.out;
        return r.status == 0;
    }
    std::string dir_;
    std::uint16_t port_;
};

int Repetitions() {
    const char* n = std::getenv("SPOED_FAILOVER_REPETITIONS");
    return n != nullptr && std::atoi(n) > 0 ? std::atoi(n) : 10;
}

TEST(Failover, TheClientsCarryOnThroughEachFailoverAndNoAcknowledgedWriteIsLost) {
    Formation formation;
    ASSERT_TRUE(formation.Start());
    test::TempDir dir;
    SystemClock clock;
    daemon::DaemonConfig config;
    config.data_dir = dir.file("data");  // the two share the TLS certificate and the TOTP key
    config.listen_port = 0;
    config.store = "postgresql";
    config.postgresql_dsn = formation.Dsn();
    config.postgresql_connections = 4;
    config.shutdown_grace = std::chrono::seconds(2);
    auto a = std::make_unique<daemon::Daemon>(config, clock);
    daemon::service::PasswordHasher hasher;
    for (int c = 0; c < kClients; ++c) {
        test::InsertUser(a->store(), hasher, clock.Now(), "worker" + std::to_string(c), {"crisis_worker"});
    }
    auto b = std::make_unique<daemon::Daemon>(config, clock);
    a->Start();
    b->Start();
    // Each client names both daemons; half of them start with the other one.
    const std::string url_a = "https://localhost:" + std::to_string(a->port());
    const std::string url_b = "https://localhost:" + std::to_string(b->port());
    const std::string ca = a->dev_ca_file();

    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::vector<std::pair<Clock::time_point, std::string>> acked;  // when, the contact's key
    std::vector<std::string> unexpected;
    auto client_loop = [&](int c) {
        test::Worker w(c % 2 == 0 ? url_a + "," + url_b : url_b + "," + url_a, ca, std::chrono::seconds(20));
        auto until_ok = [&](auto&& fn) -> Status {
            const auto give_up = Clock::now() + std::chrono::seconds(120);
            for (;;) {
                auto st = fn();
                if (st.ok()) return st;
                // What a failover explains: no server, a busy database; and the per-session rate
                // limit, which the retries of a failover may reach, and which says to wait a second.
                const bool expected = st.error().code == ErrorCode::kUnavailable ||
                                      st.error().code == ErrorCode::kAborted ||
                                      st.error().code == ErrorCode::kResourceExhausted;
                if (!expected || Clock::now() > give_up) {
                    std::lock_guard lock(mutex);
                    unexpected.push_back(std::string(ErrorCodeName(st.error().code)) + ": " + st.error().message);
                    return st;
                }
                std::this_thread::sleep_for(
                    std::chrono::milliseconds(st.error().code == ErrorCode::kResourceExhausted ? 1000 : 50));
            }
        };
        if (!until_ok([&] { return w.Login("worker" + std::to_string(c)); }).ok()) return;
        std::int64_t case_id = 0;
        if (!until_ok([&]() -> Status {
                 auto id = w.OpenCase("failover-case-" + std::to_string(c));
                 if (!id.ok()) return id.error();
                 case_id = *id;
                 return Ok();
             }).ok()) {
            return;
        }
        for (int i = 0; !stop.load(); ++i) {
            const std::string key = "failover-c" + std::to_string(c) + "-w" + std::to_string(i);
            // The same key until acknowledged: a write whose answer was lost answers again.
            auto started = test::Worker::MinuteAgo();
            if (!until_ok([&] { return w.LogContact(case_id, key, key, started); }).ok()) return;
            std::lock_guard lock(mutex);
            acked.emplace_back(Clock::now(), key);
        }
    };
    std::vector<std::thread> clients;
    for (int c = 0; c < kClients; ++c) clients.emplace_back(client_loop, c);
    auto acked_count = [&] {
        std::lock_guard lock(mutex);
        return acked.size();
    };
    auto wait_for_writes = [&](std::size_t more) {
        const auto from = acked_count();
        const auto until = Clock::now() + std::chrono::seconds(60);
        while (acked_count() < from + more && Clock::now() < until) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return acked_count() >= from + more;
    };
    ASSERT_TRUE(wait_for_writes(20)) << "the clients write before the first failover";

    std::vector<Clock::time_point> kills;
    for (int rep = 0; rep < Repetitions(); ++rep) {
        const int primary = formation.Primary();
        ASSERT_NE(primary, 0);
        const int standby = primary == 1 ? 2 : 1;
        kills.push_back(Clock::now());
        ASSERT_TRUE(formation.Kill(primary));
        ASSERT_TRUE(formation.WaitPrimary(standby));
        EXPECT_TRUE(wait_for_writes(20)) << "writes go on after failover " << rep + 1;
        // The old primary comes back as the standby, ready for the next loss.
        ASSERT_TRUE(formation.Rejoin(primary));
        EXPECT_TRUE(wait_for_writes(10));
    }
    stop = true;
    for (auto& t : clients) t.join();
    EXPECT_TRUE(unexpected.empty()) << unexpected.front();

    // The longest time without an acknowledged write around each kill: between consecutive
    // acknowledgements from the last one before the kill to 60 s after it.
    std::sort(acked.begin(), acked.end());
    double worst = 0;
    for (std::size_t k = 0; k < kills.size(); ++k) {
        double gap = 0;
        Clock::time_point last{};
        for (const auto& [when, key] : acked) {
            if (when > kills[k] + std::chrono::seconds(60)) break;
            if (when > kills[k] && last != Clock::time_point{}) {
                gap = std::max(gap, std::chrono::duration<double>(when - last).count());
            }
            last = when;
        }
        worst = std::max(worst, gap);
        std::printf("failover %zu: no acknowledged write for %.1f s\n", k + 1, gap);
    }
    std::printf("failovers: %zu, acknowledged writes: %zu, longest time without writes: %.1f s\n", kills.size(),
                acked.size(), worst);

    // Every acknowledged write is there, once; nothing is there twice.
    a->Stop();
    b->Stop();
    db::pg::Connection c(formation.Dsn());
    auto rows = c.Query("SELECT summary, count(*) FROM contacts GROUP BY summary");
    std::map<std::string, std::int64_t> stored;
    for (int i = 0; i < rows.size(); ++i) stored[rows.Text(i, 0)] = rows.Int(i, 1);
    std::size_t lost = 0;
    for (const auto& [when, key] : acked) {
        if (stored[key] != 1) ++lost;
        EXPECT_EQ(stored[key], 1) << key;
    }
    EXPECT_EQ(lost, 0u);
    for (const auto& [key, n] : stored) EXPECT_EQ(n, 1) << key << " written more than once";
    auto store = db::PgStore::Open({.dsn = formation.Dsn(), .connections = 1});
    auto chain =
        store->Read([](db::Tx& tx) -> Result<db::AuditChainReport> { return db::VerifyAuditChain(tx.audit()); });
    ASSERT_TRUE(chain.ok());
    EXPECT_TRUE(chain->ok) << chain->message;
}

}  // namespace
}  // namespace spoed
