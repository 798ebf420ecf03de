// Under attack the line still answers (issue 18, availability): a real spoedd with the demo
// data, real TLS on loopback, clients playing many addresses (127.0.0.0/8 is all loopback).
//   - a log-in flood of 120 connections leaves a worker's GetCase and GetPlan at their pace
//     (UnderLoad, label slow: it runs alone);
//   - a flood without a session writes a few audit lines, not one per request, and with the
//     disk nearly full the team still signs in and reads a plan;
//   - failed log-ins rotating addresses do not lock the owner out of a desk that signed in before.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "client/core/client.hpp"
#include "daemon/config.hpp"
#include "daemon/daemon.hpp"
#include "db/audit_chain.hpp"
#include "db/sql_repos.hpp"
#include "db/sqlite.hpp"
#include "db/sqlite_store.hpp"
#include "spoed/v1/auth.pb.h"
#include "spoed/v1/case.pb.h"
#include "spoed/v1/plan.pb.h"
#include "spoed/v1/youth.pb.h"
#include "tests/support/process.hpp"
#include "tests/support/service_fixture.hpp"
#include "tests/support/temp_dir.hpp"

namespace spoed {
namespace {

using namespace std::chrono_literals;
using SteadyClock = std::chrono::steady_clock;

/// A real spoedd with an admin, the demo data (loaded by the real spoedctl) and a crisis
/// worker `worker` (kTestPassword) of our own.
class Line {
  public:
    explicit Line(daemon::DaemonConfig c = {}) {
        c.data_dir = dir.file("data");
        c.listen_port = 0;
        c.storage_reserve_mb = 1;
        d = std::make_unique<daemon::Daemon>(c, clock);
        daemon::service::PasswordHasher hasher;
        test::InsertUser(d->store(), hasher, clock.Now(), "beheer", {"admin"});
        test::InsertUser(d->store(), hasher, clock.Now(), "worker", {"crisis_worker"});
        for (int i = 1; i <= 4; ++i) {
            test::InsertUser(d->store(), hasher, clock.Now(), "flood" + std::to_string(i), {"crisis_worker"});
        }
        d->Start();
        url = "https://localhost:" + std::to_string(d->port());
        ca = d->dev_ca_file();
        db_path = c.DatabasePath();
    }
    ~Line() { d->Stop(); }

    /// `spoedctl demo load`, as the admin with a second factor (as the walkthrough does it).
    void LoadDemo() {
        std::string ctl =
            std::string(SPOED_SPOEDCTL_PATH) + " --config-dir " + dir.file("ctl") + " --server " + url + " --ca " + ca;
        ASSERT_TRUE(test::LoadDemoAsAdmin(SPOED_SPOEDCTL_PATH, ctl).ok);
    }

    client::ClientOptions Options(const std::string& from = "") const {
        client::ClientOptions o;
        o.server_url = url;
        o.ca_file = ca;
        o.timeout = 20s;
        o.max_retries = 0;  // every answer counts as it came
        o.source_address = from;
        return o;
    }

    std::int64_t AuditLines() {
        db::Connection c(db_path, db::Connection::Mode::kReadOnly);
        return c.QueryInt("SELECT count(*) FROM audit_events");
    }

    test::TempDir dir;
    SystemClock clock;
    std::unique_ptr<daemon::Daemon> d;
    std::string url, ca, db_path;
};

Result<v1::LoginResponse> SignIn(client::Client& c, const std::string& user, const std::string& password,
                                 const std::string& device_token = "") {
    v1::LoginRequest req;
    req.set_username(user);
    req.set_password(password);
    req.set_device_token(device_token);
    auto r = c.Call(v1::rpc::AuthService::Login, req);
    if (r.ok()) c.SetToken(r->token());
    return r;
}

/// The on-duty worker at the desk: signed in, a case of tonight open, Daan's plan at hand.
struct Desk {
    explicit Desk(const Line& line) : client(line.Options()) {
        auto login = SignIn(client, "worker", test::kTestPassword);
        EXPECT_TRUE(login.ok()) << login.error().message;
        v1::OpenCaseRequest open;
        open.set_caller_description("vader van Daan (fictief)");
        auto opened = client.Call(v1::rpc::CaseService::OpenCase, open);
        EXPECT_TRUE(opened.ok()) << opened.error().message;
        if (opened.ok()) case_id = opened->case_().id();
        v1::SearchYouthsRequest search;
        search.set_query("06-23456789");  // Daan's father calls
        auto hits = client.Call(v1::rpc::YouthService::SearchYouths, search);
        EXPECT_TRUE(hits.ok()) << hits.error().message;
        if (hits.ok()) {
            for (const auto& h : hits->hits()) {
                if (h.pre_registered()) youth_id = h.youth_id();
            }
        }
        EXPECT_NE(youth_id, 0) << "Daan, pre-registered, is in the demo data";
    }
    Status GetCase() {
        v1::GetCaseRequest req;
        req.set_case_id(case_id);
        auto r = client.Call(v1::rpc::CaseService::GetCase, req);
        return r.ok() ? Ok() : Status(r.error());
    }
    Status GetPlan() {
        v1::GetPlanRequest req;
        req.set_youth_id(youth_id);
        auto r = client.Call(v1::rpc::PlanService::GetPlan, req);
        return r.ok() ? Ok() : Status(r.error());
    }

    client::Client client;
    std::int64_t case_id = 0;
    std::int64_t youth_id = 0;
};

/// Nearest-rank percentile in milliseconds.
double PercentileMs(std::vector<double> samples, double q) {
    if (samples.empty()) return 0;
    std::sort(samples.begin(), samples.end());
    auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(samples.size())));
    return samples[std::clamp<std::size_t>(rank, 1, samples.size()) - 1];
}

struct Latencies {
    std::vector<double> get_case, get_plan;
};

/// `rounds` of GetCase then GetPlan, one after the other as a worker clicks, timed each.
Latencies Measure(Desk& desk, int rounds) {
    Latencies out;
    for (int i = 0; i < rounds; ++i) {
        auto t0 = SteadyClock::now();
        Status a = desk.GetCase();
        auto t1 = SteadyClock::now();
        Status b = desk.GetPlan();
        auto t2 = SteadyClock::now();
        EXPECT_TRUE(a.ok()) << a.error().message;
        EXPECT_TRUE(b.ok()) << b.error().message;
        out.get_case.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        out.get_plan.push_back(std::chrono::duration<double, std::milli>(t2 - t1).count());
    }
    return out;
}

/// Answers of a flood, by HTTP-ish outcome.
struct Tally {
    std::mutex mutex;
    std::map<std::string, int> by_outcome;
    void Add(const Status& st) {
        std::lock_guard lock(mutex);
        ++by_outcome[st.ok() ? std::string("ok") : std::string(ErrorCodeName(st.error().code))];
    }
    std::string Text() {
        std::lock_guard lock(mutex);
        std::string out;
        for (const auto& [k, v] : by_outcome) out += k + "=" + std::to_string(v) + " ";
        return out;
    }
};

// --- a log-in flood -------------------------------------------------------------------------------

TEST(UnderLoad, ALoginFloodOf120ConnectionsLeavesTheTeamsCallsAtTheirPace) {
    daemon::DaemonConfig c;
    // The desk here clicks as fast as it is answered, 700 calls in a row: far beyond what the
    // per-session rate lets through. That limit is not what this test measures.
    c.token_requests_per_second = 0;
    Line line(c);
    ASSERT_NO_FATAL_FAILURE(line.LoadDemo());
    Desk desk(line);
    ASSERT_NE(desk.youth_id, 0);
    constexpr int kRounds = 1000;  // p99 is then the tenth slowest, not the third
    Measure(desk, 50);             // warm: connection, caches, the plan's pages
    Latencies idle = Measure(desk, kRounds);

    // 120 connections, each from an address of its own, log in as fast as they are answered:
    // a third with the right password of four accounts, a third with wrong passwords for the
    // on-duty worker, a third with names that do not exist.
    constexpr int kConnections = 120;
    std::atomic<bool> stop{false};
    Tally flood;
    std::vector<std::thread> attackers;
    for (int i = 0; i < kConnections; ++i) {
        attackers.emplace_back([&, i] {
            client::Client c(line.Options("127.0.0." + std::to_string(2 + i)));
            for (int n = 0; !stop.load(); ++n) {
                Status st = Ok();
                if (i % 3 == 0) {
                    auto r = SignIn(c, "flood" + std::to_string(1 + i % 4), test::kTestPassword);
                    st = r.ok() ? Ok() : Status(r.error());
                } else if (i % 3 == 1) {
                    auto r = SignIn(c, "worker", "not the password " + std::to_string(n));
                    st = r.ok() ? Ok() : Status(r.error());
                } else {
                    auto r = SignIn(c, "ghost" + std::to_string(i) + "-" + std::to_string(n), "not the password");
                    st = r.ok() ? Ok() : Status(r.error());
                }
                flood.Add(st);
            }
        });
    }
    // The first seconds, while the flood still spends its allowance of password checks: printed
    // for docs/performance.md (2.0-2.5x idle on the 2-core machine), not held to the bound.
    std::this_thread::sleep_for(1s);
    Latencies early = Measure(desk, kRounds);
    std::this_thread::sleep_for(5s);  // the flood goes on: locks and limits set
    Latencies busy = Measure(desk, kRounds);
    stop = true;
    for (auto& t : attackers) t.join();

    const double idle_case = PercentileMs(idle.get_case, 0.99), idle_plan = PercentileMs(idle.get_plan, 0.99);
    const double busy_case = PercentileMs(busy.get_case, 0.99), busy_plan = PercentileMs(busy.get_plan, 0.99);
    // The figures for docs/performance.md.
    std::printf(
        "login flood, %d connections: GetCase p50 %.2f / p99 %.2f ms idle, p50 %.2f / p99 %.2f ms under flood\n",
        kConnections, PercentileMs(idle.get_case, 0.5), idle_case, PercentileMs(busy.get_case, 0.5), busy_case);
    std::printf(
        "login flood, %d connections: GetPlan p50 %.2f / p99 %.2f ms idle, p50 %.2f / p99 %.2f ms under flood\n",
        kConnections, PercentileMs(idle.get_plan, 0.5), idle_plan, PercentileMs(busy.get_plan, 0.5), busy_plan);
    std::printf("login flood, first seconds: GetCase p99 %.2f ms, GetPlan p99 %.2f ms\n",
                PercentileMs(early.get_case, 0.99), PercentileMs(early.get_plan, 0.99));
    std::printf("login flood answers: %s\n", flood.Text().c_str());
    EXPECT_LE(busy_case, 3 * idle_case) << "GetCase p99 under the flood against idle";
    EXPECT_LE(busy_plan, 3 * idle_plan) << "GetPlan p99 under the flood against idle";
}

// --- noise without a session ------------------------------------------------------------------

TEST(UnderAttack, AFloodWithoutASessionWritesAFewAuditLinesAndTheTeamWorksOnANearlyFullDisk) {
    daemon::DaemonConfig c;
    c.audit_refusal_interval = 5s;
    Line line(c);
    ASSERT_NO_FATAL_FAILURE(line.LoadDemo());
    const std::int64_t before = line.AuditLines();

    // Four connections from four addresses: bad tokens at the plans, and now and then a wrong
    // log-in (refused log-ins are answered slowly on purpose, bad tokens at once).
    constexpr int kAddresses = 4;
    std::atomic<bool> stop{false};
    std::atomic<std::int64_t> sent{0};
    std::vector<std::thread> noise;
    for (int i = 0; i < kAddresses; ++i) {
        noise.emplace_back([&, i] {
            client::Client cl(line.Options("127.0.0." + std::to_string(10 + i)));
            cl.SetToken("stolen-or-made-up-token-" + std::to_string(i));
            for (int n = 0; !stop.load(); ++n) {
                if (n % 50 != 49) {
                    v1::GetPlanRequest req;
                    req.set_youth_id(1);
                    (void)cl.Call(v1::rpc::PlanService::GetPlan, req);
                } else {
                    v1::LoginRequest req;
                    req.set_username("ghost" + std::to_string(n % 3));
                    req.set_password("not the password");
                    (void)cl.Call(v1::rpc::AuthService::Login, req);
                }
                ++sent;
            }
        });
    }
    auto started = SteadyClock::now();
    std::this_thread::sleep_for(30s);
    const std::int64_t grown = line.AuditLines() - before;
    const double seconds = std::chrono::duration<double>(SteadyClock::now() - started).count();

    // At most one line per address, call, result and name tried, per interval of 5 s (and one
    // more for an interval cut by the count).
    const auto intervals = static_cast<std::int64_t>(seconds / 5) + 1;
    const std::int64_t kinds = 1 /* GetPlan */ + 3 * 2 /* Login: three names, wrong or throttled */;
    std::printf("noise: %lld requests in %.0f s, %lld audit lines\n", static_cast<long long>(sent.load()), seconds,
                static_cast<long long>(grown));
    EXPECT_GT(sent.load(), 1000) << "the flood flowed";
    EXPECT_LT(grown * 10, sent.load()) << "the audit log grows far slower than the flood";
    EXPECT_GT(grown, 0) << "the refusals are in the audit log, counted";
    EXPECT_LE(grown, kAddresses * kinds * intervals);

    // The disk fills up while the flood goes on: the counts wait, the team works from the reserve.
    test::FillStorage(dynamic_cast<db::SqliteStore&>(line.d->store()), line.db_path, line.clock.Now(), 4);
    std::this_thread::sleep_for(6s);  // at least one flush that finds no room
    client::Client desk(line.Options());
    auto login = SignIn(desk, "worker", test::kTestPassword);
    ASSERT_TRUE(login.ok()) << login.error().message;
    v1::GetPlanRequest plan;
    plan.set_youth_id(1);  // Daan, the first youth of the demo data
    auto got = desk.Call(v1::rpc::PlanService::GetPlan, plan);
    EXPECT_TRUE(got.ok()) << got.error().message;
    stop = true;
    for (auto& t : noise) t.join();
    {
        db::Connection conn(line.db_path, db::Connection::Mode::kReadOnly);
        db::SqlAuditRepo audit(conn);
        EXPECT_TRUE(db::VerifyAuditChain(audit).ok);
        EXPECT_GE(conn.QueryInt("SELECT count(*) FROM audit_events WHERE method = 'GetPlan' AND result = 'ok'"), 1);
    }
}

// --- a targeted lock-out ------------------------------------------------------------------------

TEST(UnderAttack, RotatingAddressesDoNotLockTheOwnerOutOfADeskThatSignedInBefore) {
    Line line;
    client::Client own(line.Options());
    auto first = SignIn(own, "worker", test::kTestPassword);
    ASSERT_TRUE(first.ok()) << first.error().message;
    std::string device = first->device_token();
    ASSERT_FALSE(device.empty());

    int owner_in = 0, guesses_locked = 0;
    for (int n = 0; n < 40; ++n) {
        // A new address for every guess, as a botnet does.
        client::Client attacker(line.Options("127.0.0." + std::to_string(20 + n)));
        auto guess = SignIn(attacker, "worker", "guess number " + std::to_string(n));
        ASSERT_FALSE(guess.ok());
        if (guess.error().code == ErrorCode::kResourceExhausted) ++guesses_locked;
        if (n % 8 == 7) {
            // The owner, at the desk that signed in before: in, every time.
            auto at_desk = SignIn(own, "worker", test::kTestPassword, device);
            EXPECT_TRUE(at_desk.ok()) << "guess " << n << ": " << at_desk.error().message;
            if (at_desk.ok()) {
                ++owner_in;
                device = at_desk->device_token();
            }
        }
    }
    EXPECT_EQ(owner_in, 5);
    // The account itself was locked (a log-in without the desk's token would have been refused):
    // the attack was real, and the owner's sign-ins did not reset it.
    EXPECT_GE(guesses_locked, 20);
}

}  // namespace
}  // namespace spoed
