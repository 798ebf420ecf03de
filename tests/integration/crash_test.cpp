// Crash durability: the real spoedd binary is killed with SIGKILL at random moments while
// several clients write contacts with idempotency keys; after each restart the clients retry
// what was not acknowledged, with the same keys. At the end every acknowledged write is in the
// database exactly once, the database passes integrity_check and the audit chain verifies.
//
// SPOED_CRASH_CYCLES=500 runs more cycles than the default 20 (e.g. before a release).
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <mutex>
#include <random>
#include <thread>

#include "daemon/service/auth_service.hpp"
#include "db/audit_chain.hpp"
#include "db/backup.hpp"
#include "db/sql_repos.hpp"
#include "db/sqlite.hpp"
#include "db/sqlite_store.hpp"
#include "tests/integration/ops_client.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

namespace spoed {
namespace {

constexpr int kClients = 4;

int Cycles() {
    if (const char* v = std::getenv("SPOED_CRASH_CYCLES"); v && *v) return std::max(1, std::atoi(v));
    return 20;
}

class Spoedd {
  public:
    Spoedd(std::string data_dir) : data_dir_(std::move(data_dir)) {}

    /// Starts spoedd and waits until it listens; the first start picks a free port, restarts
    /// reuse it so that clients find the daemon again.
    void Start() {
        std::string listen = "127.0.0.1:" + std::to_string(port_);
        child_ = std::make_unique<test::Child>(std::vector<std::string>{SPOED_SPOEDD_PATH, "--data-dir", data_dir_,
                                                                        "--listen", listen, "--log-level", "warn"});
        std::string line = child_->WaitForLine("listening on", 20'000);
        ASSERT_FALSE(line.empty()) << "spoedd did not start";
        port_ = static_cast<std::uint16_t>(std::stoi(line.substr(line.rfind(':') + 1)));
    }
    void Kill() {
        child_->Signal(SIGKILL);
        child_->Wait(10'000);
        child_.reset();
    }
    void Stop() {
        child_->Signal(SIGTERM);
        EXPECT_EQ(child_->Wait(30'000), 0);
        child_.reset();
    }
    std::string url() const { return "https://localhost:" + std::to_string(port_); }

  private:
    std::string data_dir_;
    std::uint16_t port_ = 0;
    std::unique_ptr<test::Child> child_;
};

TEST(CrashDurability, EveryAcknowledgedWriteSurvivesSigkillExactlyOnce) {
    test::TempDir dir;
    std::string data = dir.file("data");
    std::filesystem::create_directories(data);
    {
        auto store = db::SqliteStore::Open({.path = data + "/spoed.db"});
        daemon::service::PasswordHasher hasher;
        for (int c = 0; c < kClients; ++c) {
            test::InsertUser(*store, hasher, SystemClock().Now(), "worker" + std::to_string(c), {"crisis_worker"});
        }
    }
    Spoedd spoedd(data);
    ASSERT_NO_FATAL_FAILURE(spoedd.Start());
    const std::string url = spoedd.url();
    const std::string ca = data + "/tls/dev-ca.pem";

    std::atomic<bool> stop{false};
    std::mutex acked_mutex;
    std::vector<std::string> acked;       // markers of acknowledged writes
    std::vector<std::string> unexpected;  // errors a crash cannot explain
    std::atomic<long> attempts{0}, failures{0};

    auto client_loop = [&](int c) {
        test::Worker w(url, ca, std::chrono::seconds(3));
        // Retries what the crash can cause (no answer, or the daemon not up yet); anything else
        // is a finding: it is recorded and the client stops.
        auto until_ok = [&](auto&& fn) -> Status {
            for (;;) {
                ++attempts;
                auto st = fn();
                if (st.ok()) return st;
                ++failures;
                if (st.error().code != ErrorCode::kUnavailable && st.error().code != ErrorCode::kAborted) {
                    std::lock_guard lock(acked_mutex);
                    unexpected.push_back(std::string(ErrorCodeName(st.error().code)) + ": " + st.error().message);
                    return st;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        };
        if (!until_ok([&] { return w.Login("worker" + std::to_string(c)); }).ok()) return;
        std::int64_t case_id = 0;
        auto opened = until_ok([&]() -> Status {
            auto id = w.OpenCase("crash-case-" + std::to_string(c));
            if (!id.ok()) return id.error();
            case_id = *id;
            return Ok();
        });
        if (!opened.ok()) return;
        for (int i = 0; !stop.load(); ++i) {
            std::string marker = "crash c" + std::to_string(c) + " w" + std::to_string(i);
            std::string key = "crash-c" + std::to_string(c) + "-w" + std::to_string(i);
            // The same key until acknowledged: a write that did commit answers its first result.
            auto started = test::Worker::MinuteAgo();
            if (!until_ok([&] { return w.LogContact(case_id, marker, key, started); }).ok()) return;
            std::lock_guard lock(acked_mutex);
            acked.push_back(marker);
        }
    };
    std::vector<std::thread> clients;
    for (int c = 0; c < kClients; ++c) clients.emplace_back(client_loop, c);

    // Each kill lands while the clients are writing: it waits until every client could have
    // had a write acknowledged since the last restart. A fixed pause was not enough on a busy
    // two-core machine, where log-ins (Argon2) and handshakes took the whole window and the
    // kills hit a daemon nobody was writing to (0 acknowledged writes).
    auto acked_count = [&] {
        std::lock_guard lock(acked_mutex);
        return acked.size();
    };
    auto wait_for_writes = [&] {
        const std::size_t since = acked_count();
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        while (acked_count() < since + kClients && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    };
    std::mt19937 rng(std::random_device{}());
    std::uniform_int_distribution<int> pause_ms(20, 250);
    const int cycles = Cycles();
    bool restarted = true;
    for (int cycle = 0; cycle < cycles && restarted; ++cycle) {
        wait_for_writes();
        std::this_thread::sleep_for(std::chrono::milliseconds(pause_ms(rng)));
        spoedd.Kill();
        spoedd.Start();
        restarted = !testing::Test::HasFatalFailure();
    }
    if (!restarted) {
        // The clients cannot finish without a daemon; leave them (the process ends with the test).
        for (auto& t : clients) t.detach();
        FAIL() << "spoedd did not come back after a kill";
    }
    wait_for_writes();  // the daemon after the last kill takes writes too
    stop = true;
    for (auto& t : clients) t.join();  // each finishes its pending write against the live daemon
    spoedd.Stop();

    EXPECT_TRUE(unexpected.empty()) << unexpected.front();
    db::Connection c(data + "/spoed.db", db::Connection::Mode::kReadOnly);
    EXPECT_EQ(db::IntegrityCheck(c), "ok");
    db::SqlAuditRepo audit(c);
    auto chain = db::VerifyAuditChain(audit);
    EXPECT_TRUE(chain.ok) << chain.message;
    ASSERT_GT(acked.size(), static_cast<std::size_t>(kClients)) << "the clients wrote almost nothing";
    auto count = c.Prepare("SELECT count(*) FROM contacts WHERE summary = ?");
    for (const auto& marker : acked) {
        count.Reset();
        count.Bind(1, marker);
        ASSERT_TRUE(count.Step());
        EXPECT_EQ(count.Int(0), 1) << marker << " must be stored exactly once";
    }
    // Nothing beyond the acknowledged writes: every write was retried until acknowledged.
    EXPECT_EQ(c.QueryInt("SELECT count(*) FROM contacts"), static_cast<std::int64_t>(acked.size()));
    std::printf(
        "[crash] %d kill cycles, %zu acknowledged writes, %ld attempts, %ld failed attempts retried, "
        "%lld audit entries verified\n",
        cycles, acked.size(), attempts.load(), failures.load(), static_cast<long long>(chain.entries));
}

// systemd's side of Type=notify, played by the test: a datagram socket in NOTIFY_SOCKET.
TEST(SpoeddUnderSystemd, NotifiesReadinessFeedsTheWatchdogAndSaysStopping) {
    test::TempDir dir;
    std::string sock_path = dir.file("notify.sock");
    int sock = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    ASSERT_GE(sock, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", sock_path.c_str());
    ASSERT_EQ(::bind(sock, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    ::setenv("NOTIFY_SOCKET", sock_path.c_str(), 1);
    ::setenv("WATCHDOG_USEC", "600000", 1);  // fed every 200 ms
    test::Child spoedd({SPOED_SPOEDD_PATH, "--data-dir", dir.file("data"), "--listen", "127.0.0.1:0"});
    ::unsetenv("NOTIFY_SOCKET");
    ::unsetenv("WATCHDOG_USEC");
    auto receive_until = [&](const std::string& what, int timeout_ms) {
        auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
        while (std::chrono::steady_clock::now() < deadline) {
            pollfd p{sock, POLLIN, 0};
            if (::poll(&p, 1, 100) <= 0) continue;
            char buf[512];
            ssize_t n = ::recv(sock, buf, sizeof buf, 0);
            if (n > 0 && std::string(buf, static_cast<std::size_t>(n)).find(what) != std::string::npos) return true;
        }
        return false;
    };
    EXPECT_TRUE(receive_until("READY=1", 20'000));
    EXPECT_FALSE(spoedd.WaitForLine("listening on", 5'000).empty()) << "ready only once listening";
    for (int i = 0; i < 3; ++i) EXPECT_TRUE(receive_until("WATCHDOG=1", 5'000)) << i;
    spoedd.Signal(SIGTERM);
    EXPECT_TRUE(receive_until("STOPPING=1", 10'000));
    EXPECT_EQ(spoedd.Wait(30'000), 0);
    ::close(sock);
}

}  // namespace
}  // namespace spoed
