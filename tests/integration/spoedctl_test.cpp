// The real spoedctl binary against a real daemon.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "daemon/daemon.hpp"
#include "daemon/service/totp.hpp"
#include "tests/support/figures_dataset.hpp"
#include "tests/support/process.hpp"
#include "tests/support/service_fixture.hpp"
#include "tests/support/temp_dir.hpp"

namespace spoed {
namespace {

class SpoedctlTest : public testing::Test {
  protected:
    void SetUp() override {
        daemon::DaemonConfig c;
        c.data_dir = dir.file("data");
        c.listen_port = 0;
        d = std::make_unique<daemon::Daemon>(c, clock());
        daemon::service::PasswordHasher hasher;
        std::int64_t id = test::InsertUser(d->store(), hasher, clock().Now(), "beheer", {"admin"});
        // Admins sign in with a second factor: beheer has one, as after `spoedctl totp enroll`.
        totp_secret = test::EnrollTotpInStore(d->store(), c.data_dir + "/totp.key", id, clock().Now());
        d->Start();
        ctl = std::string(SPOED_SPOEDCTL_PATH) + " --config-dir " + dir.file("ctl");
        remote = " --server https://localhost:" + std::to_string(d->port()) + " --ca " + d->dev_ca_file();
    }
    /// " --totp CODE" for beheer's next login.
    std::string Totp() { return " --totp " + codes.Next("beheer", clock().Now()); }
    /// spoedd's offline commands, which need no server and no login.
    test::CommandResult Offline(const std::string& args) {
        return test::RunCommand(std::string(SPOED_SPOEDD_PATH) + " " + args + " 2>&1");
    }
    test::CommandResult Ctl(const std::string& args, const std::string& stdin_text = "") {
        std::string cmd = stdin_text.empty() ? "" : "printf '%s\\n' '" + stdin_text + "' | ";
        return test::RunCommand(cmd + ctl + " " + args + " 2>&1");
    }

    /// The daemon's clock: the system's, or one standing still for a test about locks, which
    /// must not run out while the test looks at them, however slow the machine is.
    const Clock& clock() const { return still_ ? static_cast<const Clock&>(still_clock_) : system_clock_; }

    test::TempDir dir;
    SystemClock system_clock_;
    FakeClock still_clock_{SystemClock{}.Now()};
    bool still_ = false;
    std::unique_ptr<daemon::Daemon> d;
    std::string ctl, remote;
    std::string totp_secret;
    test::TotpCodes codes;

    void SetUpCodes() { codes.Add("beheer", totp_secret); }
};

TEST_F(SpoedctlTest, LoginKeepsTheTokenInAFileOnlyTheUserCanRead) {
    SetUpCodes();
    auto without = Ctl("login beheer" + remote, test::kTestPassword);
    EXPECT_EQ(without.status, 1);
    EXPECT_NE(without.out.find("--totp CODE"), std::string::npos) << without.out;
    auto login = Ctl("login beheer" + remote + Totp(), test::kTestPassword);
    ASSERT_EQ(login.status, 0) << login.out;
    EXPECT_NE(login.out.find("logged in as beheer (admin)"), std::string::npos) << login.out;
    EXPECT_EQ(login.out.find("token"), std::string::npos) << "the token is never printed";
    struct stat st {};
    ASSERT_EQ(stat(dir.file("ctl/spoedctl.conf").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    auto who = Ctl("whoami");  // server and CA remembered
    EXPECT_EQ(who.status, 0) << who.out;
    EXPECT_NE(who.out.find("beheer"), std::string::npos) << who.out;
    EXPECT_EQ(Ctl("logout").status, 0);
    auto after = Ctl("whoami");
    EXPECT_NE(after.status, 0);
    EXPECT_NE(after.out.find("unauthenticated"), std::string::npos) << after.out;
}

TEST_F(SpoedctlTest, WrongPasswordFailsWithTheServersMessage) {
    auto login = Ctl("login beheer" + remote, "not the password");
    EXPECT_EQ(login.status, 1);
    EXPECT_NE(login.out.find("wrong username or password"), std::string::npos) << login.out;
}

TEST_F(SpoedctlTest, ManagesUsersAndReadsTheAuditLog) {
    SetUpCodes();
    ASSERT_EQ(Ctl("login beheer" + remote + Totp(), test::kTestPassword).status, 0);
    auto add = Ctl("user add joost --name 'Joost, fictional' --role crisis_worker");
    ASSERT_EQ(add.status, 0) << add.out;
    EXPECT_NE(add.out.find("one-time password: "), std::string::npos) << add.out;
    auto roles = Ctl("user roles joost --role coordinator --role crisis_worker");
    EXPECT_EQ(roles.status, 0) << roles.out;
    EXPECT_NE(roles.out.find("crisis_worker,coordinator"), std::string::npos) << roles.out;
    auto reset = Ctl("user reset-password joost");
    EXPECT_NE(reset.out.find("one-time password: "), std::string::npos) << reset.out;
    EXPECT_EQ(Ctl("user disable joost").status, 0);
    auto list = Ctl("user list");
    EXPECT_EQ(list.out.find("joost"), std::string::npos) << list.out;
    auto all = Ctl("user list --all");
    EXPECT_NE(all.out.find("disabled"), std::string::npos) << all.out;
    auto bad_role = Ctl("user add kees --name Kees --role janitor");
    EXPECT_EQ(bad_role.status, 2);
    EXPECT_NE(bad_role.out.find("unknown role 'janitor'"), std::string::npos);
    auto audit = Ctl("audit list --limit 20");
    EXPECT_EQ(audit.status, 0) << audit.out;
    for (const char* m :
         {"AdminService/CreateUser", "AdminService/SetRoles", "AdminService/DisableUser", "AuthService/Login"}) {
        EXPECT_NE(audit.out.find(m), std::string::npos) << m << "\n" << audit.out;
    }
    EXPECT_EQ(Ctl("audit list --since yesterday").status, 2);
}

TEST_F(SpoedctlTest, APsychiatristEnrolsASecondFactorAtFirstLogin) {
    SetUpCodes();
    ASSERT_EQ(Ctl("login beheer" + remote + Totp(), test::kTestPassword).status, 0);
    auto add = Ctl("user add pieter --name 'Pieter, fictional' --role psychiatrist");
    ASSERT_EQ(add.status, 0) << add.out;
    auto at = add.out.find("one-time password: ");
    ASSERT_NE(at, std::string::npos) << add.out;
    std::string otp = add.out.substr(at + 19, 20);

    auto first = Ctl("login pieter", otp);
    ASSERT_EQ(first.status, 0) << first.out;
    EXPECT_NE(first.out.find("spoedctl totp enroll"), std::string::npos) << first.out;
    EXPECT_EQ(Ctl("password", otp + "\n" + "pieters own passphrase").status, 0);
    auto enroll = Ctl("totp enroll");
    ASSERT_EQ(enroll.status, 0) << enroll.out;
    EXPECT_NE(enroll.out.find("otpauth://totp/Spoed:pieter?secret="), std::string::npos) << enroll.out;
    auto s_at = enroll.out.find("secret: ");
    ASSERT_NE(s_at, std::string::npos);
    std::string secret = enroll.out.substr(s_at + 8, enroll.out.find('\n', s_at) - s_at - 8);
    auto raw = daemon::service::Base32Decode(secret);
    ASSERT_TRUE(raw.has_value()) << secret;
    codes.Add("pieter", *raw);
    auto code = Ctl("totp code " + secret);
    EXPECT_EQ(code.out, daemon::service::TotpCode(*raw, daemon::service::TotpStep(clock().Now())) + "\n");
    auto confirm = Ctl("totp confirm " + codes.Next("pieter", clock().Now()));
    ASSERT_EQ(confirm.status, 0) << confirm.out;
    auto again =
        Ctl("login pieter" + remote + " --totp " + codes.Next("pieter", clock().Now()), "pieters own passphrase");
    EXPECT_EQ(again.status, 0) << again.out;
    EXPECT_EQ(again.out.find("totp enroll"), std::string::npos) << again.out;
}

class SpoedctlStillClockTest : public SpoedctlTest {
  protected:
    SpoedctlStillClockTest() { still_ = true; }
};

TEST_F(SpoedctlStillClockTest, AnAdminListsAndLiftsLoginLocks) {
    SetUpCodes();
    // Five failures lock the account for a second of the daemon's time, which stands still
    // here: the lock holds until the admin lifts it.
    for (int i = 0; i < 5; ++i) Ctl("login joost" + remote, "not a password at all");
    auto locked = Ctl("login joost" + remote, "not a password at all");
    EXPECT_NE(locked.out.find("resource_exhausted"), std::string::npos) << locked.out;
    ASSERT_EQ(Ctl("login beheer" + remote + Totp(), test::kTestPassword).status, 0);
    auto list = Ctl("login-lock list");
    EXPECT_EQ(list.status, 0) << list.out;
    EXPECT_NE(list.out.find("account  joost"), std::string::npos) << list.out;
    EXPECT_NE(list.out.find("locked until"), std::string::npos) << list.out;
    auto lift = Ctl("login-lock lift account joost");
    EXPECT_EQ(lift.status, 0) << lift.out;
    EXPECT_NE(lift.out.find("lifted"), std::string::npos) << lift.out;
    EXPECT_EQ(Ctl("login-lock list").out.find("account  joost"), std::string::npos);
    EXPECT_EQ(Ctl("login-lock lift user joost").status, 2);
}

TEST_F(SpoedctlTest, AuditVerifyReadsTheDatabaseFileAndNamesTheFirstBrokenEntry) {
    SetUpCodes();
    ASSERT_EQ(Ctl("login beheer" + remote + Totp(), test::kTestPassword).status, 0);
    for (int i = 0; i < 5; ++i) ASSERT_EQ(Ctl("whoami").status, 0);
    std::string db = dir.file("data/spoed.db");
    auto ok = Offline("audit verify --db " + db);  // while the daemon runs: a read-only snapshot
    EXPECT_EQ(ok.status, 0) << ok.out;
    EXPECT_NE(ok.out.find("audit chain ok: "), std::string::npos) << ok.out;
    d->Stop();
    {
        sqlite3* h = nullptr;
        ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
        ASSERT_EQ(sqlite3_exec(h,
                               "DROP TRIGGER audit_events_no_update;"
                               "UPDATE audit_events SET client_address = '203.0.113.9' WHERE seq = 3;",
                               nullptr, nullptr, nullptr),
                  SQLITE_OK);
        sqlite3_close(h);
    }
    auto broken = Offline("audit verify --db " + db);
    EXPECT_EQ(broken.status, 1) << broken.out;
    EXPECT_NE(broken.out.find("BROKEN at seq 3 (changed)"), std::string::npos) << broken.out;
    EXPECT_EQ(Offline("audit verify --db " + dir.file("nothing.db")).status, 2);
    EXPECT_EQ(Offline("audit verify --db " + db + " --checkpoint nonsense").status, 2);
}

TEST_F(SpoedctlTest, ExportWritesRecordsPerEntityAndTheSuppressedAggregate) {
    auto expected = test::GenerateFiguresDataset(d->store(), test::FiguresDatasetSpec{}, clock().Now());
    daemon::service::PasswordHasher hasher;
    test::InsertUser(d->store(), hasher, clock().Now(), "carla", {"coordinator"});
    ASSERT_EQ(Ctl("login carla" + remote, test::kTestPassword).status, 0);
    std::string out = dir.file("export");
    auto run = Ctl("export --from 2026-02-01 --to 2026-04-30 --grouping month --out " + out);
    ASSERT_EQ(run.status, 0) << run.out;
    auto lines = [](const std::string& path) {
        std::ifstream in(path);
        std::vector<std::string> v;
        for (std::string l; std::getline(in, l);) v.push_back(l);
        return v;
    };
    auto cases = lines(out + "/cases.csv");
    ASSERT_FALSE(cases.empty());
    EXPECT_EQ(cases[0].rfind("case_id,youth_id,opened_at", 0), 0u) << cases[0];
    EXPECT_EQ(static_cast<std::int64_t>(cases.size()) - 1, expected.total.counts.cases);
    EXPECT_NE(run.out.find("cases.csv: " + std::to_string(expected.total.counts.cases) + " rows"), std::string::npos)
        << run.out;
    for (const char* e : {"contacts", "consults", "handovers", "evaluations", "proposals"}) {
        EXPECT_GT(lines(out + "/" + e + ".csv").size(), 1u) << e;
    }
    // No names: the generated youths are all called "Jeugdige … (fictief)".
    for (const auto& l : cases) EXPECT_EQ(l.find("fictief"), std::string::npos) << l;
    auto aggregate = lines(out + "/aggregate.csv");
    ASSERT_GT(aggregate.size(), 1u);
    int suppressed = 0;
    for (const auto& l : aggregate) suppressed += l.find(",yes,") != std::string::npos ? 1 : 0;
    EXPECT_GT(suppressed, 0);
    EXPECT_FALSE(lines(out + "/aggregate.json").empty());
    struct stat st {};
    ASSERT_EQ(stat((out + "/cases.csv").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    EXPECT_EQ(Ctl("export --from 2026-02-01").status, 2);
}

TEST_F(SpoedctlTest, RemembersTheCaFileAsAnAbsolutePathSoItWorksFromAnyFolder) {
    SetUpCodes();
    // The CA given relative to the folder spoedctl was started in, as the README does.
    std::filesystem::create_directories(dir.file("site/tls"));
    std::filesystem::copy_file(d->dev_ca_file(), dir.file("site/tls/dev-ca.pem"));
    auto login = test::RunCommand("cd " + dir.file("site") + " && printf '%s\\n' '" + test::kTestPassword + "' | " +
                                  ctl + " --server https://localhost:" + std::to_string(d->port()) +
                                  " --ca tls/dev-ca.pem login beheer" + Totp() + " 2>&1");
    ASSERT_EQ(login.status, 0) << login.out;
    std::ifstream conf(dir.file("ctl/spoedctl.conf"));
    std::string text((std::istreambuf_iterator<char>(conf)), std::istreambuf_iterator<char>());
    EXPECT_NE(text.find("ca=" + dir.file("site/tls/dev-ca.pem") + "\n"), std::string::npos) << text;
    auto who = test::RunCommand("cd / && " + ctl + " whoami 2>&1");
    EXPECT_EQ(who.status, 0) << who.out;
    EXPECT_NE(who.out.find("beheer"), std::string::npos) << who.out;
}

TEST_F(SpoedctlTest, UnknownCommandsAndMissingArgumentsExitTwo) {
    EXPECT_EQ(Ctl("frobnicate").status, 2);
    EXPECT_EQ(Ctl("user add").status, 2);
    // What works on the database file is spoedd's, not the server's client's.
    auto init = Ctl("init --data-dir " + dir.file("x"));
    EXPECT_EQ(init.status, 2);
    EXPECT_NE(init.out.find("unknown command 'init'"), std::string::npos) << init.out;
    auto usage = Offline("init --data-dir " + dir.file("x"));
    EXPECT_EQ(usage.status, 2);
    EXPECT_NE(usage.out.find("usage: spoedd init (--data-dir DIR | --postgresql DSN) --admin NAME"), std::string::npos)
        << usage.out;
    EXPECT_FALSE(std::filesystem::exists(dir.file("x/spoed.db")));
}

TEST(SpoeddInit, CreatesTheDatabaseAndAFirstAdminOnce) {
    test::TempDir dir;
    std::string ctl = SPOED_SPOEDD_PATH;
    auto first = test::RunCommand("echo 'a long first password' | " + ctl + " init --data-dir " + dir.file("data") +
                                  " --admin beheer 2>&1");
    EXPECT_EQ(first.status, 0) << first.out;
    auto again = test::RunCommand("echo 'a long first password' | " + ctl + " init --data-dir " + dir.file("data") +
                                  " --admin other 2>&1");
    EXPECT_EQ(again.status, 1);
    EXPECT_NE(again.out.find("already has users"), std::string::npos) << again.out;
    auto short_pw =
        test::RunCommand("echo 'short' | " + ctl + " init --data-dir " + dir.file("data2") + " --admin beheer 2>&1");
    EXPECT_EQ(short_pw.status, 1);
    EXPECT_NE(short_pw.out.find("at least 12"), std::string::npos) << short_pw.out;
}

}  // namespace
}  // namespace spoed
