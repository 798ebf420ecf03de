#include "daemon/config.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>

namespace spoed::daemon {
namespace {

TEST(Config, ReadsKeysCommentsAndBlankLines) {
    DaemonConfig c;
    auto st = ParseConfig(
        "# spoedd\n\nlisten = 0.0.0.0:9443  # all interfaces\nmax_body_bytes=2048\n"
        "session_idle_minutes = 15\ntls_allow_tls12 = true\n",
        "test.conf", c);
    ASSERT_TRUE(st.ok()) << st.error().message;
    EXPECT_EQ(c.listen_host, "0.0.0.0");
    EXPECT_EQ(c.listen_port, 9443);
    EXPECT_EQ(c.max_body_bytes, 2048u);
    EXPECT_EQ(c.session_idle, std::chrono::minutes(15));
    EXPECT_TRUE(c.tls_allow_tls12);
}

TEST(Config, ReadsTheHardeningKeys) {
    DaemonConfig c;
    EXPECT_EQ(c.TotpKeyPath(), "data/totp.key");
    auto st = ParseConfig(
        "totp_key_file = /etc/spoed/totp.key\ntoken_requests_per_second = 0\n"
        "token_request_burst = 50\naudit_checkpoint_minutes = 15\n",
        "test.conf", c);
    ASSERT_TRUE(st.ok()) << st.error().message;
    EXPECT_EQ(c.TotpKeyPath(), "/etc/spoed/totp.key");
    EXPECT_EQ(c.token_requests_per_second, 0);
    EXPECT_EQ(c.token_request_burst, 50);
    EXPECT_EQ(c.audit_checkpoint_interval, std::chrono::minutes(15));
    st = ParseConfig("token_request_burst = 0\n", "test.conf", c);
    ASSERT_FALSE(st.ok());
    EXPECT_NE(st.error().message.find("token_request_burst"), std::string::npos);
    st = ParseConfig("totp_key_file =\n", "test.conf", c);
    EXPECT_NE(st.error().message.find("needs a value"), std::string::npos);
}

TEST(Config, AnUnknownKeyNamesTheKeyAndLine) {
    DaemonConfig c;
    auto st = ParseConfig("listen = 127.0.0.1:8443\nlisen = x\n", "spoed.conf", c);
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().message, "spoed.conf line 2: unknown key 'lisen'");
}

TEST(Config, ABadValueNamesTheKeyAndLine) {
    DaemonConfig c;
    auto st = ParseConfig("\n\nmax_connections = lots\n", "spoed.conf", c);
    ASSERT_FALSE(st.ok());
    EXPECT_NE(st.error().message.find("line 3"), std::string::npos);
    EXPECT_NE(st.error().message.find("max_connections"), std::string::npos);
    st = ParseConfig("listen = localhost\n", "spoed.conf", c);
    EXPECT_NE(st.error().message.find("'listen'"), std::string::npos);
    st = ParseConfig("tls_allow_tls12 = maybe\n", "spoed.conf", c);
    EXPECT_NE(st.error().message.find("true or false"), std::string::npos);
    st = ParseConfig("just words\n", "spoed.conf", c);
    EXPECT_NE(st.error().message.find("key = value"), std::string::npos);
}

TEST(Config, CalendarKeys) {
    DaemonConfig c;
    auto st = ParseConfig(
        "handover_due_time = 09:30\nnight_cutoff_hour = 5\ngood_friday_closed = yes\n"
        "closure_dates = 2026-12-24, 2026-12-31\n",
        "spoed.conf", c);
    ASSERT_TRUE(st.ok()) << st.error().message;
    EXPECT_EQ(c.handover_due_time, std::chrono::minutes(9 * 60 + 30));
    EXPECT_EQ(c.night_cutoff_hour, 5);
    EXPECT_TRUE(c.good_friday_closed);
    ASSERT_EQ(c.closure_dates.size(), 2u);
    EXPECT_EQ(c.closure_dates[1], std::chrono::year{2026} / std::chrono::December / 31);
    EXPECT_NE(ParseConfig("handover_due_time = noon\n", "f", c).error().message.find("HH:MM"), std::string::npos);
    EXPECT_NE(ParseConfig("closure_dates = 2026-02-30\n", "f", c).error().message.find("closure_dates"),
              std::string::npos);
    EXPECT_NE(ParseConfig("night_cutoff_hour = 24\n", "f", c).error().message.find("night_cutoff_hour"),
              std::string::npos);
}

TEST(Config, EvaluationKeys) {
    DaemonConfig c;
    EXPECT_EQ(c.evaluation_window_days, 10);
    EXPECT_EQ(c.evaluation_rules.outcomes, (std::vector<std::string>{"crisis_placement", "admission"}));
    ASSERT_TRUE(ParseConfig("evaluation_window_days = 5\nevaluation_outcomes = admission\n"
                            "evaluation_risk_flags = suicide_attempt, self_harm\nevaluation_repeat_cases = 0\n"
                            "evaluation_when_marked_complex = false\nevaluation_repeat_days = 60\n",
                            "spoedd.conf", c)
                    .ok());
    EXPECT_EQ(c.evaluation_window_days, 5);
    EXPECT_EQ(c.evaluation_rules.outcomes, (std::vector<std::string>{"admission"}));
    EXPECT_EQ(c.evaluation_rules.risk_flags, (std::vector<std::string>{"suicide_attempt", "self_harm"}));
    EXPECT_EQ(c.evaluation_rules.repeat_cases, 0);
    EXPECT_EQ(c.evaluation_rules.repeat_days, 60);
    EXPECT_FALSE(c.evaluation_rules.marked_complex);
    ASSERT_TRUE(ParseConfig("evaluation_outcomes = none\n", "spoedd.conf", c).ok());
    EXPECT_TRUE(c.evaluation_rules.outcomes.empty());
    auto bad = ParseConfig("evaluation_risk_flags = suicide\n", "spoedd.conf", c);
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("evaluation_risk_flags"), std::string::npos);
    EXPECT_NE(bad.error().message.find("'suicide'"), std::string::npos);
    EXPECT_FALSE(ParseConfig("evaluation_window_days = 0\n", "spoedd.conf", c).ok());
}

TEST(Config, ListenTakesIpv6InBrackets) {
    std::string host;
    std::uint16_t port = 0;
    ASSERT_TRUE(ParseListen("[::1]:8443", host, port).ok());
    EXPECT_EQ(host, "::1");
    EXPECT_EQ(port, 8443);
    EXPECT_FALSE(ParseListen("[::1]:99999", host, port).ok());
}

}  // namespace
}  // namespace spoed::daemon

namespace spoed::daemon {
namespace {

/// docs/configuration.md's table: key → default column.
std::map<std::string, std::string> DocumentedKeys() {
    std::ifstream in(std::string(SPOED_SOURCE_DIR) + "/docs/configuration.md");
    std::map<std::string, std::string> out;
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("| `", 0) != 0) continue;
        std::size_t key_end = line.find('`', 3);
        std::string key = line.substr(3, key_end - 3);
        std::size_t col = line.find('|', key_end);
        std::size_t col_end = line.find('|', col + 1);
        std::string def = line.substr(col + 1, col_end - col - 1);
        while (!def.empty() && def.front() == ' ') def.erase(0, 1);
        while (!def.empty() && def.back() == ' ') def.pop_back();
        if (def.size() >= 2 && def.front() == '`' && def.back() == '`') def = def.substr(1, def.size() - 2);
        out[key] = def;
    }
    return out;
}

TEST(Config, TheDocsListEveryKeyWithADefaultThatParses) {
    auto documented = DocumentedKeys();
    ASSERT_FALSE(documented.empty());
    std::set<std::string> known;
    for (auto key : ConfigKeys()) {
        known.emplace(key);
        EXPECT_TRUE(documented.contains(std::string(key))) << key << " is missing from docs/configuration.md";
        DaemonConfig c;
        auto st = SetConfigKey(key, "", "", c);
        EXPECT_TRUE(st.ok() || st.error().message.find("unknown key") == std::string::npos) << key;
    }
    for (const auto& [key, def] : documented) {
        EXPECT_TRUE(known.contains(key)) << key << " is documented but not a key";
        if (def.empty() || def.front() == '(') continue;  // "(none)", "(development certificate)"
        DaemonConfig c;
        auto st = SetConfigKey(key, def, "", c);
        EXPECT_TRUE(st.ok()) << key << " = " << def << ": " << (st.ok() ? "" : st.error().message);
    }
}

TEST(Config, MetricsKeysAreChecked) {
    DaemonConfig c;
    auto st = ParseConfig("metrics_allow = 10.0.0.0/8, ::1/128\nmetrics_token = short\n", "spoed.conf", c);
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().message,
              "spoed.conf line 2: key 'metrics_token': at least 32 characters (openssl rand -hex 32)");
    EXPECT_EQ(c.metrics_allow, (std::vector<std::string>{"10.0.0.0/8", "::1/128"}));
    st = ParseConfig("\nmetrics_allow = 10.0.0.0/33\n", "spoed.conf", c);
    ASSERT_FALSE(st.ok());
    EXPECT_NE(st.error().message.find("line 2: key 'metrics_allow'"), std::string::npos) << st.error().message;
    EXPECT_NE(st.error().message.find("10.0.0.0/33"), std::string::npos);
}

}  // namespace
}  // namespace spoed::daemon
