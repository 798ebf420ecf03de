// Operations against a real in-process daemon over real TLS: backup under write load and
// restore into a fresh daemon, restore refusals, storage full, /metrics, and no personal data
// in the logs of a demo run. spoedctl is the real binary.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "base/log.hpp"
#include "client/core/https_client.hpp"
#include "daemon/config.hpp"
#include "daemon/daemon.hpp"
#include "daemon/service/totp.hpp"
#include "db/audit_chain.hpp"
#include "db/backup.hpp"
#include "db/sql_repos.hpp"
#include "db/sqlite.hpp"
#include "db/sqlite_store.hpp"
#include "spoed/v1/youth.pb.h"
#include "tests/integration/ops_client.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

namespace spoed {
namespace {

namespace fs = std::filesystem;

class RunningDaemon {
  public:
    explicit RunningDaemon(const std::string& data_dir, daemon::DaemonConfig c = {}) {
        c.data_dir = data_dir;
        c.listen_port = 0;
        db = data_dir + "/spoed.db";
        c.storage_reserve_mb = 1;
        totp_key = c.TotpKeyPath();
        d = std::make_unique<daemon::Daemon>(c, clock);
    }
    /// Admins and psychiatrists get a second factor; its secret is kept for Code().
    void AddUser(const std::string& name, const std::vector<std::string>& roles) {
        daemon::service::PasswordHasher hasher;
        auto id = test::InsertUser(d->store(), hasher, clock.Now(), name, roles);
        for (const auto& r : roles) {
            if (r == "admin" || r == "psychiatrist") {
                secrets[name] = test::EnrollTotpInStore(d->store(), totp_key, id, clock.Now());
            }
        }
    }
    /// The user's current second-factor code.
    std::string Code(const std::string& name) const {
        return daemon::service::TotpCode(secrets.at(name), daemon::service::TotpStep(clock.Now()));
    }
    void Start() {
        d->Start();
        url = "https://localhost:" + std::to_string(d->port());
        ca = d->dev_ca_file();
    }
    SystemClock clock;
    std::unique_ptr<daemon::Daemon> d;
    std::string url, ca, db, totp_key;
    std::map<std::string, std::string> secrets;
};

test::CommandResult Spoedctl(const std::string& args) {
    return test::RunCommand(std::string(SPOED_SPOEDCTL_PATH) + " " + args + " 2>&1");
}

/// spoedd's offline commands (backup, restore).
test::CommandResult SpoeddOffline(const std::string& args) {
    return test::RunCommand(std::string(SPOED_SPOEDD_PATH) + " " + args + " 2>&1");
}

std::vector<std::string> Backups(const std::string& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) {
        std::string name = e.path().filename().string();
        if (name.rfind("spoed-", 0) == 0) out.push_back(e.path().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::multiset<std::string> Summaries(test::Worker& w, std::int64_t case_id) {
    std::multiset<std::string> out;
    auto got = w.GetCase(case_id);
    EXPECT_TRUE(got.ok()) << (got.ok() ? "" : got.error().message);
    if (!got.ok()) return out;
    for (const auto& c : got->contacts()) out.insert(c.summary());
    return out;
}

// --- backup and restore ---------------------------------------------------------------------

TEST(BackupRestore, BackupUnderWriteLoadRestoresEveryWriteAcknowledgedBeforeIt) {
    test::TempDir dir;
    RunningDaemon live(dir.file("live"));
    live.AddUser("worker", {"crisis_worker"});
    live.Start();
    test::Worker setup(live.url, live.ca);
    ASSERT_TRUE(setup.Login("worker").ok());
    auto case_id = setup.OpenCase("backup-case-1");
    ASSERT_TRUE(case_id.ok());

    std::mutex mutex;
    std::vector<std::string> acked;
    std::atomic<bool> stop{false};
    std::vector<std::thread> writers;
    for (int t = 0; t < 3; ++t) {
        writers.emplace_back([&, t] {
            test::Worker w(live.url, live.ca);
            if (!w.Login("worker").ok()) return;
            for (int i = 0; !stop; ++i) {
                std::string marker = "load t" + std::to_string(t) + " w" + std::to_string(i);
                if (w.LogContact(*case_id, marker, "load-" + std::to_string(t) + "-" + std::to_string(i),
                                 test::Worker::MinuteAgo())
                        .ok()) {
                    std::lock_guard lock(mutex);
                    acked.push_back(marker);
                }
            }
        });
    }
    auto wait_for_writes = [&](std::size_t n) {
        for (int i = 0; i < 500; ++i) {
            {
                std::lock_guard lock(mutex);
                if (acked.size() >= n) return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    };
    wait_for_writes(30);
    std::vector<std::string> before;
    {
        std::lock_guard lock(mutex);
        before = acked;
    }
    std::string dest = dir.file("backups");
    auto backup = SpoeddOffline("backup " + dest + " --db " + live.db);
    std::size_t during = 0;
    {
        std::lock_guard lock(mutex);
        during = acked.size() - before.size();
    }
    wait_for_writes(acked.size() + 20);
    stop = true;
    for (auto& w : writers) w.join();
    ASSERT_EQ(backup.status, 0) << backup.out;
    EXPECT_NE(backup.out.find("integrity ok"), std::string::npos) << backup.out;
    auto files = Backups(dest);
    ASSERT_EQ(files.size(), 1u);
    EXPECT_NE(files[0].find(".db"), std::string::npos);

    // A restore refuses while a daemon holds the database.
    auto busy = SpoeddOffline("restore " + files[0] + " --db " + live.db);
    EXPECT_EQ(busy.status, 1) << busy.out;
    EXPECT_NE(busy.out.find("spoedd is using"), std::string::npos) << busy.out;

    std::string fresh = dir.file("fresh");
    fs::create_directories(fresh);
    auto restore = SpoeddOffline("restore " + files[0] + " --db " + fresh + "/spoed.db");
    ASSERT_EQ(restore.status, 0) << restore.out;
    EXPECT_NE(restore.out.find("audit chain ok"), std::string::npos) << restore.out;

    RunningDaemon restored(fresh);
    restored.Start();
    test::Worker w(restored.url, restored.ca);
    ASSERT_TRUE(w.Login("worker").ok());
    auto summaries = Summaries(w, *case_id);
    for (const auto& m : before) EXPECT_EQ(summaries.count(m), 1u) << m << " was acknowledged before the backup";
    std::printf("[backup] %zu writes acknowledged before the backup, %zu during it, %zu in the copy\n", before.size(),
                during, summaries.size());
}

TEST(BackupRestore, RestoreRefusesABrokenAuditChainOrADamagedFileAndReplacesNothing) {
    test::TempDir dir;
    std::string dest = dir.file("backups");
    {
        RunningDaemon live(dir.file("live"));
        live.AddUser("worker", {"crisis_worker"});
        live.Start();
        test::Worker w(live.url, live.ca);
        ASSERT_TRUE(w.Login("worker").ok());
        ASSERT_TRUE(w.OpenCase("chain-case-1").ok());
        auto b = SpoeddOffline("backup " + dest + " --db " + live.db);
        ASSERT_EQ(b.status, 0) << b.out;
    }
    std::string good = Backups(dest).at(0);
    std::string target = dir.file("target.db");
    {
        db::Connection in_place(target, db::Connection::Mode::kReadWriteCreate);
        in_place.Exec(
            "PRAGMA journal_mode = WAL; CREATE TABLE marker (x TEXT); INSERT INTO marker VALUES ('in place')");
    }
    auto target_marker = [&] {
        db::Connection c(target, db::Connection::Mode::kReadOnly);
        return c.QueryText("SELECT x FROM marker");
    };

    std::string tampered = dir.file("tampered.db");
    fs::copy_file(good, tampered);
    {
        db::Connection c(tampered, db::Connection::Mode::kReadWriteCreate);
        c.Exec("DROP TRIGGER audit_events_no_update");
        c.Exec("UPDATE audit_events SET reason = 'changed afterwards' WHERE seq = 2");
    }
    auto r = SpoeddOffline("restore " + tampered + " --db " + target);
    EXPECT_EQ(r.status, 1) << r.out;
    EXPECT_NE(r.out.find("audit chain broken: seq 2 was changed"), std::string::npos) << r.out;

    std::string damaged = dir.file("damaged.db");
    fs::copy_file(good, damaged);
    {
        std::fstream f(damaged, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(4096);  // pages 2 to 4: b-tree pages of the schema
        f << std::string(3 * 4096, '\x5a');
    }
    r = SpoeddOffline("restore " + damaged + " --db " + target);
    EXPECT_EQ(r.status, 1) << r.out;
    EXPECT_NE(r.out.find("nothing replaced"), std::string::npos) << r.out;

    EXPECT_EQ(target_marker(), "in place");
    auto restored = SpoeddOffline("restore " + good + " --db " + target);
    EXPECT_EQ(restored.status, 0) << restored.out;
    {
        db::Connection c(target, db::Connection::Mode::kReadOnly);
        EXPECT_EQ(c.QueryInt("SELECT count(*) FROM users WHERE username = 'worker'"), 1);
    }
    bool kept = false;
    for (const auto& e : fs::directory_iterator(dir.path())) {
        kept = kept || e.path().filename().string().rfind("target.db.before-restore-", 0) == 0;
    }
    EXPECT_TRUE(kept) << "the replaced database is kept beside the restored one";
}

TEST(BackupRestore, EncryptedBackupsNeedTheirKeyAndOnlyTheNewestAreKept) {
    test::TempDir dir;
    RunningDaemon live(dir.file("live"));
    live.AddUser("worker", {"crisis_worker"});
    live.Start();
    std::string key = dir.file("backup.key");
    std::ofstream(key) << std::string(64, 'a') << "\n";
    std::string wrong = dir.file("wrong.key");
    std::ofstream(wrong) << std::string(64, 'b') << "\n";
    std::string dest = dir.file("backups");
    for (int i = 0; i < 3; ++i) {
        auto b = SpoeddOffline("backup " + dest + " --db " + live.db + " --keep 2 --encrypt-key-file " + key);
        ASSERT_EQ(b.status, 0) << b.out;
    }
    auto files = Backups(dest);
    ASSERT_EQ(files.size(), 2u);
    std::ifstream in(files[1], std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(bytes.find("SQLite format 3"), std::string::npos);
    EXPECT_EQ(bytes.rfind("SPOEDBK1", 0), 0u);

    std::string target = dir.file("restored.db");
    auto no_key = SpoeddOffline("restore " + files[1] + " --db " + target);
    EXPECT_EQ(no_key.status, 1);
    EXPECT_NE(no_key.out.find("is encrypted"), std::string::npos) << no_key.out;
    auto bad_key = SpoeddOffline("restore " + files[1] + " --db " + target + " --encrypt-key-file " + wrong);
    EXPECT_EQ(bad_key.status, 1);
    EXPECT_NE(bad_key.out.find("wrong key"), std::string::npos) << bad_key.out;
    EXPECT_FALSE(fs::exists(target));
    auto ok = SpoeddOffline("restore " + files[1] + " --db " + target + " --encrypt-key-file " + key);
    EXPECT_EQ(ok.status, 0) << ok.out;
    db::Connection c(target, db::Connection::Mode::kReadOnly);
    EXPECT_EQ(c.QueryInt("SELECT count(*) FROM users WHERE username = 'worker'"), 1);
}

// --- storage full -----------------------------------------------------------------------------

TEST(StorageFull, WritesAnswerUnavailableReadsGoOnNothingBreaksAndWritesResume) {
    test::TempDir dir;
    RunningDaemon live(dir.file("live"));
    live.AddUser("worker", {"crisis_worker"});
    live.Start();
    test::Worker w(live.url, live.ca);
    ASSERT_TRUE(w.Login("worker").ok());
    auto case_id = w.OpenCase("full-case-1");
    ASSERT_TRUE(case_id.ok());
    ASSERT_TRUE(w.LogContact(*case_id, "before full", "full-key-0", test::Worker::MinuteAgo()).ok());

    const std::string reserve = live.db + ".reserve";
    ASSERT_TRUE(fs::exists(reserve));
    EXPECT_EQ(fs::file_size(reserve), 1024u * 1024u);
    auto& store = dynamic_cast<db::SqliteStore&>(live.d->store());
    std::int64_t pages = 0;
    {
        db::Connection c(live.db, db::Connection::Mode::kReadOnly);
        pages = c.QueryInt("PRAGMA page_count");
    }
    // Writes may not grow the database any more; audit lines have the reserve.
    store.SetMaxPages(pages + 64);
    std::string long_text(3000, 'x');
    int written = 0;
    Status refused = Ok();
    std::string key;
    auto started = test::Worker::MinuteAgo();
    for (int i = 1; i < 400; ++i) {
        key = "full-key-" + std::to_string(i);
        refused = w.LogContact(*case_id, "filler " + std::to_string(i) + " " + long_text, key, started);
        if (!refused.ok()) break;
        ++written;
    }
    ASSERT_FALSE(refused.ok()) << "the page limit was never reached";
    EXPECT_EQ(refused.error().code, ErrorCode::kUnavailable);
    EXPECT_NE(refused.error().message.find("storage is full; nothing was saved"), std::string::npos)
        << refused.error().message;
    EXPECT_EQ(refused.error().reason, "storage_full") << "the reason arrives as data, through the real client";
    EXPECT_TRUE(store.StorageFull());
    EXPECT_FALSE(fs::exists(reserve)) << "the reserve is released for the audit lines of reads";

    // Reads keep working (and are audited from the reserve), again and again.
    for (int i = 0; i < 5; ++i) {
        auto summaries = Summaries(w, *case_id);
        EXPECT_EQ(summaries.size(), static_cast<std::size_t>(written + 1));
    }
    {
        db::Connection c(live.db, db::Connection::Mode::kReadOnly);
        EXPECT_EQ(db::IntegrityCheck(c), "ok");
        db::SqlAuditRepo audit(c);
        EXPECT_TRUE(db::VerifyAuditChain(audit).ok);
        EXPECT_GE(
            c.QueryInt("SELECT count(*) FROM audit_events WHERE method = 'LogContact' AND result = 'unavailable'"), 1);
    }

    store.SetMaxPages(0);  // space returns
    auto again = w.LogContact(*case_id, "filler " + key.substr(9) + " " + long_text, key, started);
    EXPECT_TRUE(again.ok()) << again.error().message;
    EXPECT_FALSE(store.StorageFull());
    EXPECT_TRUE(fs::exists(reserve)) << "the reserve is made anew once there is room";
    EXPECT_EQ(Summaries(w, *case_id).size(), static_cast<std::size_t>(written + 2));
}

// --- /metrics ---------------------------------------------------------------------------------

client::HttpReply GetMetrics(const RunningDaemon& d, const std::string& token) {
    client::ClientOptions o;
    o.server_url = d.url;
    o.ca_file = d.ca;
    client::HttpsClient http(o);
    std::vector<std::pair<std::string, std::string>> headers;
    if (!token.empty()) headers.emplace_back("Authorization", "Bearer " + token);
    auto r = http.Send("GET", "/metrics", "", "", headers);
    EXPECT_TRUE(r.ok());
    return r.ok() ? *r : client::HttpReply{};
}

TEST(Metrics, NeedATokenAndCountRequestsCasesAndBackups) {
    test::TempDir dir;
    daemon::DaemonConfig c;
    c.metrics_token = std::string(40, 'm');
    RunningDaemon live(dir.file("live"), c);
    live.AddUser("worker", {"crisis_worker"});
    live.AddUser("beheer", {"admin"});
    live.Start();
    test::Worker w(live.url, live.ca);
    ASSERT_TRUE(w.Login("worker").ok());
    ASSERT_TRUE(w.OpenCase("metrics-case-1").ok());
    ASSERT_TRUE(w.OpenCase("metrics-case-2").ok());
    client::ClientOptions o = test::Worker::Options(live.url, live.ca, std::chrono::seconds(5));
    client::HttpsClient raw(o);
    ASSERT_TRUE(raw.Send("POST", "/spoed.v1.Nope/Nothing", "application/json", "{}").ok());

    EXPECT_EQ(GetMetrics(live, "").status, 401);
    EXPECT_EQ(GetMetrics(live, std::string(40, 'x')).status, 401);
    EXPECT_EQ(GetMetrics(live, w.client().token()).status, 403);
    test::Worker admin(live.url, live.ca);
    ASSERT_TRUE(admin.Login("beheer", live.Code("beheer")).ok());
    EXPECT_EQ(GetMetrics(live, admin.client().token()).status, 200);

    auto m = GetMetrics(live, c.metrics_token);
    ASSERT_EQ(m.status, 200) << m.body;
    EXPECT_NE(m.content_type.find("text/plain; version=0.0.4"), std::string::npos);
    for (const char* line :
         {"spoed_requests_total{method=\"spoed.v1.CaseService/OpenCase\",code=\"ok\"} 2\n",
          "spoed_requests_total{method=\"other\",code=\"unimplemented\"} 1\n",
          "spoed_requests_total{method=\"/metrics\",code=\"unauthenticated\"} 2\n",
          "spoed_requests_total{method=\"/metrics\",code=\"permission_denied\"} 1\n",
          "spoed_request_duration_seconds_count{method=\"spoed.v1.CaseService/OpenCase\"} 2\n",
          "spoed_request_duration_seconds_bucket{method=\"spoed.v1.CaseService/OpenCase\",le=\"+Inf\"} 2\n",
          "spoed_open_cases 2\n", "spoed_handovers_due 0\n", "spoed_handovers_overdue 0\n",
          "spoed_consults_waiting 0\n", "spoed_storage_full 0\n", "spoed_last_backup_timestamp_seconds 0\n",
          "# TYPE spoed_open_connections gauge\n", "# TYPE spoed_wal_bytes gauge\n"}) {
        EXPECT_NE(m.body.find(line), std::string::npos) << line << "\n" << m.body;
    }
    std::smatch size;
    ASSERT_TRUE(std::regex_search(m.body, size, std::regex("\nspoed_database_bytes ([0-9]+)\n")));
    EXPECT_GE(std::stoll(size[1]), 4096);
    EXPECT_EQ(m.body.find("spoed_last_backup_age_seconds"), std::string::npos);

    auto b = SpoeddOffline("backup " + dir.file("live/backups") + " --db " + live.db);
    ASSERT_EQ(b.status, 0) << b.out;
    m = GetMetrics(live, c.metrics_token);
    EXPECT_NE(m.body.find("\nspoed_last_backup_age_seconds "), std::string::npos) << m.body;
    EXPECT_EQ(m.body.find("spoed_last_backup_timestamp_seconds 0\n"), std::string::npos);
}

TEST(Metrics, AnAllowedAddressRangeNeedsNoToken) {
    test::TempDir dir;
    daemon::DaemonConfig c;
    c.metrics_allow = {"10.0.0.0/8", "127.0.0.0/8"};
    RunningDaemon live(dir.file("live"), c);
    live.Start();
    EXPECT_EQ(GetMetrics(live, "").status, 200);
}

TEST(MetricsAccess, AddressRangesMatchByPrefix) {
    using daemon::AddressInRanges;
    EXPECT_TRUE(AddressInRanges("10.1.2.3", {"10.0.0.0/8"}));
    EXPECT_TRUE(AddressInRanges("::ffff:10.1.2.3", {"10.0.0.0/8"}));
    EXPECT_FALSE(AddressInRanges("11.1.2.3", {"10.0.0.0/8"}));
    EXPECT_TRUE(AddressInRanges("192.168.1.77", {"192.168.1.64/26"}));
    EXPECT_FALSE(AddressInRanges("192.168.1.128", {"192.168.1.64/26"}));
    EXPECT_TRUE(AddressInRanges("::1", {"::1/128"}));
    EXPECT_FALSE(AddressInRanges("::2", {"::1/128"}));
    EXPECT_FALSE(AddressInRanges("127.0.0.1", {}));
    EXPECT_FALSE(AddressInRanges("not an address", {"0.0.0.0/0"}));
}

// --- no personal data in the logs ---------------------------------------------------------------

/// The names and numbers of the demo set, read from its source so that a new demo name is
/// checked without touching this test.
std::vector<std::string> DemoPersonalData() {
    std::ifstream in(std::string(SPOED_SOURCE_DIR) + "/client/cli/demo_command.cpp");
    std::stringstream ss;
    ss << in.rdbuf();
    std::string src = ss.str();
    std::vector<std::string> out;
    for (const char* array : {"kGivenNames[] = {", "kFamilyNames[] = {"}) {
        std::size_t b = src.find(array), e = src.find("};", b);
        std::string part = src.substr(b, e - b);
        std::regex quoted("\"([^\"]+)\"");
        for (auto it = std::sregex_iterator(part.begin(), part.end(), quoted); it != std::sregex_iterator(); ++it) {
            out.push_back((*it)[1]);
        }
    }
    std::regex fictional("\"([^\"]*\\(fictief\\)[^\"]*)\"");
    for (auto it = std::sregex_iterator(src.begin(), src.end(), fictional); it != std::sregex_iterator(); ++it) {
        std::string s = (*it)[1];
        s = s.substr(0, s.find(" (fictief)"));
        if (s.size() >= 3) out.push_back(s);
    }
    out.push_back("(fictief)");
    std::regex phone("\"(0[0-9]{1,3})-([0-9]{6,8})\"");
    for (auto it = std::sregex_iterator(src.begin(), src.end(), phone); it != std::sregex_iterator(); ++it) {
        std::string area = (*it)[1], rest = (*it)[2];
        if (rest.size() < 7) continue;  // the "06-" prefix of generated numbers; those are checked below
        out.push_back(area + "-" + rest);
        out.push_back(area + rest);
        out.push_back("+31" + area.substr(1) + rest);
    }
    return out;
}

TEST(Logs, ADemoRunLogsNoNamesOrPhoneNumbers) {
    auto personal = DemoPersonalData();
    ASSERT_GT(personal.size(), 40u) << "the demo set was not found";
    std::mutex mutex;
    std::string logged;
    log::SetSink([&](std::string_view line) {
        std::lock_guard lock(mutex);
        logged.append(line).append("\n");
    });
    log::SetMinLevel(log::Level::kDebug);
    {
        test::TempDir dir;
        RunningDaemon live(dir.file("live"));
        live.AddUser("beheer", {"admin"});
        live.Start();
        std::string ctl = "--config-dir " + dir.file("ctl");
        std::string remote = " --server " + live.url + " --ca " + live.ca;
        auto login =
            test::RunCommand("printf '%s\\n' '" + std::string(test::kTestPassword) + "' | " + SPOED_SPOEDCTL_PATH +
                             " " + ctl + " login beheer --totp " + live.Code("beheer") + remote + " 2>&1");
        ASSERT_EQ(login.status, 0) << login.out;
        auto demo = Spoedctl(ctl + " demo load");
        ASSERT_EQ(demo.status, 0) << demo.out;
        // A worker looks youths up by name and number, and sends bad input carrying a name.
        test::Worker w(live.url, live.ca);
        v1::LoginRequest lr;
        lr.set_username("demo.anna");
        lr.set_password("demo-anna-wachtwoord");
        auto token = w.client().Call(v1::rpc::AuthService::Login, lr);
        ASSERT_TRUE(token.ok()) << token.error().message;
        w.client().SetToken(token->token());
        for (const char* q : {"Visser", "Sanne de Vries", "06-23456789", "+31 6 2000 0003", "3-7-2010"}) {
            v1::SearchYouthsRequest sr;
            sr.set_query(q);
            auto r = w.client().Call(v1::rpc::YouthService::SearchYouths, sr);
            EXPECT_TRUE(r.ok()) << q;
        }
        v1::CreateYouthRequest bad;
        bad.mutable_youth()->set_given_name("Daan");
        bad.mutable_youth()->set_family_name("Visser");
        bad.mutable_youth()->add_phones()->set_number("06-2000000x");
        EXPECT_FALSE(w.client().Call(v1::rpc::YouthService::CreateYouth, bad).ok());
        live.d->Stop();
    }
    log::SetSink({});
    log::SetMinLevel(log::Level::kInfo);

    ASSERT_NE(logged.find("daemon.listening"), std::string::npos) << "the sink saw the run";
    for (const auto& p : personal) {
        std::regex word("(^|[^A-Za-z])" + std::regex_replace(p, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") +
                        "($|[^A-Za-z])");
        std::smatch m;
        EXPECT_FALSE(std::regex_search(logged, m, word)) << "a log line holds '" << p << "'";
    }
    // The demo's generated numbers: 06-2000xxxx in any notation.
    EXPECT_FALSE(std::regex_search(logged, std::regex(R"((\+31|0031|0)[ -]?6[ -]?2000[ -]?[0-9]{4})")));
}

}  // namespace
}  // namespace spoed
