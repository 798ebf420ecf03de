// docs/walkthrough.md, run as written: its sh blocks against a real daemon (TLS, SQLite) with
// the demo data loaded by the real spoedctl.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "daemon/daemon.hpp"
#include "tests/support/process.hpp"
#include "tests/support/service_fixture.hpp"
#include "tests/support/temp_dir.hpp"

namespace spoed {
namespace {

/// The ```sh blocks of a Markdown file, in order.
std::string ShellBlocks(const std::string& path) {
    std::ifstream in(path);
    std::string line, out;
    bool inside = false;
    while (std::getline(in, line)) {
        if (!inside && line == "```sh") {
            inside = true;
        } else if (inside && line == "```") {
            inside = false;
            out += "\n";
        } else if (inside) {
            out += line + "\n";
        }
    }
    return out;
}

int Count(const std::string& haystack, const std::string& needle) {
    int n = 0;
    for (auto p = haystack.find(needle); p != std::string::npos; p = haystack.find(needle, p + 1)) ++n;
    return n;
}

TEST(WalkthroughTest, TheFathersCallRunsAsDocumented) {
    test::TempDir dir;
    SystemClock clock;
    daemon::DaemonConfig c;
    c.data_dir = dir.file("data");
    c.listen_port = 0;
    daemon::Daemon d(c, clock);
    daemon::service::PasswordHasher hasher;
    test::InsertUser(d.store(), hasher, clock.Now(), "beheer", {"admin"});
    d.Start();
    std::string url = "https://localhost:" + std::to_string(d.port());
    std::string ctl = std::string(SPOED_SPOEDCTL_PATH) + " --config-dir " + dir.file("ctl") + " --server " + url +
                      " --ca " + d.dev_ca_file();

    // The admin signs in for the first time and sets up the second factor their role needs.
    auto demo = test::LoadDemoAsAdmin(SPOED_SPOEDCTL_PATH, ctl);
    ASSERT_TRUE(demo.ok);
    EXPECT_NE(demo.login_out.find("spoedctl totp enroll"), std::string::npos) << demo.login_out;
    EXPECT_NE(demo.demo_out.find("demo data loaded"), std::string::npos) << demo.demo_out;
    auto pieter_at = demo.demo_out.find("totp secret ");
    ASSERT_NE(pieter_at, std::string::npos) << demo.demo_out;
    std::string pieter_secret =
        demo.demo_out.substr(pieter_at + 12, demo.demo_out.find('\n', pieter_at) - pieter_at - 12);

    std::string script = ShellBlocks(std::string(SPOED_SOURCE_DIR) + "/docs/walkthrough.md");
    ASSERT_NE(script.find("LookupCaller"), std::string::npos);
    std::ofstream(dir.file("walkthrough.sh")) << "set -euo pipefail\n" << script;
    std::string bin_dir = std::string(SPOED_SPOEDCTL_PATH).substr(0, std::string(SPOED_SPOEDCTL_PATH).rfind('/'));
    auto run =
        test::RunCommand("PATH=" + bin_dir + ":$PATH URL=" + url + " CA=" + d.dev_ca_file() +
                         " PIETER_TOTP_SECRET=" + pieter_secret + " bash " + dir.file("walkthrough.sh") + " 2>&1");
    ASSERT_EQ(run.status, 0) << run.out;

    // What the story promises, as the reader sees it in the output.
    EXPECT_NE(run.out.find("Pieter Kuipers (demo)"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("Daan Visser (fictief), pre-registered: true"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("Opa en oma Visser (fictief): +31503123456"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("4-7-8"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("\n403\n"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("OUTCOME_STAYED_HOME"), std::string::npos) << run.out;
    // The due time and its reason (which depends on the weekday the test runs).
    EXPECT_NE(run.out.find("\ndue 20"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("\nfailed_precondition\n"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("HANDOVER_KIND_LOCAL_TEAM to Lokaal team Groningen"), std::string::npos) << run.out;
    EXPECT_EQ(Count(run.out, "HANDOVER_STATUS_CONFIRMED"), 2) << run.out;
    EXPECT_NE(run.out.find("CASE_STATUS_CLOSED"), std::string::npos) << run.out;
    // The night after: a Meldcode track whose answers require a report, and nothing else.
    EXPECT_NE(run.out.find("consulted: Carla Dijkstra (demo)"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("report required: true"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("the answers require a report to Veilig Thuis"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("MELDCODE_DECISION_REPORT VT-2026-0317 (fictief)"), std::string::npos) << run.out;
    EXPECT_EQ(Count(run.out, "CASE_STATUS_CLOSED"), 2) << run.out;
    EXPECT_NE(run.out.find("undecided tracks: 0"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("Meldcode tracks: 1, reports to Veilig Thuis: 1"), std::string::npos) << run.out;
    // The evaluation of the night's case and the proposal it produced.
    EXPECT_NE(run.out.find("EVALUATION_STATUS_PLANNED EVALUATION_REASON_MANUAL, due by 20"), std::string::npos)
        << run.out;
    EXPECT_NE(run.out.find("\nEVALUATION_STATUS_HELD\n"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("EVALUATION_STATUS_FINALISED, plan version 2"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("read-only"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("PROPOSAL_STATUS_DISCUSSED Chain meeting"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("Accare: Give every pre-registered youth's plan an evening number"), std::string::npos)
        << run.out;
    for (const char* kind : {"opened", "contact", "consult_requested", "consult_answered", "updated"}) {
        EXPECT_NE(run.out.find(std::string(" ") + kind), std::string::npos) << kind << "\n" << run.out;
    }
}

}  // namespace
}  // namespace spoed
