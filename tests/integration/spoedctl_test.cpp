// The real spoedctl binary against a real daemon.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "daemon/daemon.hpp"
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
        d = std::make_unique<daemon::Daemon>(c, clock);
        daemon::service::PasswordHasher hasher;
        test::InsertUser(d->store(), hasher, clock.Now(), "beheer", {"admin"});
        d->Start();
        ctl = std::string(SPOED_SPOEDCTL_PATH) + " --config-dir " + dir.file("ctl");
        remote = " --server https://localhost:" + std::to_string(d->port()) + " --ca " + d->dev_ca_file();
    }
    test::CommandResult Ctl(const std::string& args, const std::string& stdin_text = "") {
        std::string cmd = stdin_text.empty() ? "" : "printf '%s\\n' '" + stdin_text + "' | ";
        return test::RunCommand(cmd + ctl + " " + args + " 2>&1");
    }

    test::TempDir dir;
    SystemClock clock;
    std::unique_ptr<daemon::Daemon> d;
    std::string ctl, remote;
};

TEST_F(SpoedctlTest, LoginKeepsTheTokenInAFileOnlyTheUserCanRead) {
    auto login = Ctl("login beheer" + remote, test::kTestPassword);
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
    ASSERT_EQ(Ctl("login beheer" + remote, test::kTestPassword).status, 0);
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
    for (const char* m : {"AdminService/CreateUser", "AdminService/SetRoles", "AdminService/DisableUser",
                          "AuthService/Login"}) {
        EXPECT_NE(audit.out.find(m), std::string::npos) << m << "\n" << audit.out;
    }
    EXPECT_EQ(Ctl("audit list --since yesterday").status, 2);
}

TEST_F(SpoedctlTest, ExportWritesRecordsPerEntityAndTheSuppressedAggregate) {
    auto expected = test::GenerateFiguresDataset(d->store(), test::FiguresDatasetSpec{}, clock.Now());
    daemon::service::PasswordHasher hasher;
    test::InsertUser(d->store(), hasher, clock.Now(), "carla", {"coordinator"});
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

TEST_F(SpoedctlTest, UnknownCommandsAndMissingArgumentsExitTwo) {
    EXPECT_EQ(Ctl("frobnicate").status, 2);
    EXPECT_EQ(Ctl("user add").status, 2);
    EXPECT_EQ(Ctl("init --data-dir " + dir.file("x")).status, 2);
}

TEST(SpoedctlInit, CreatesTheDatabaseAndAFirstAdminOnce) {
    test::TempDir dir;
    std::string ctl = std::string(SPOED_SPOEDCTL_PATH) + " --config-dir " + dir.file("ctl");
    auto first = test::RunCommand("echo 'a long first password' | " + ctl + " init --data-dir " + dir.file("data") +
                                  " --admin beheer 2>&1");
    EXPECT_EQ(first.status, 0) << first.out;
    auto again = test::RunCommand("echo 'a long first password' | " + ctl + " init --data-dir " + dir.file("data") +
                                  " --admin other 2>&1");
    EXPECT_EQ(again.status, 1);
    EXPECT_NE(again.out.find("already has users"), std::string::npos) << again.out;
    auto short_pw = test::RunCommand("echo 'short' | " + ctl + " init --data-dir " + dir.file("data2") +
                                     " --admin beheer 2>&1");
    EXPECT_EQ(short_pw.status, 1);
    EXPECT_NE(short_pw.out.find("at least 12"), std::string::npos) << short_pw.out;
}

}  // namespace
}  // namespace spoed
