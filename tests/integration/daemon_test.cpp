// The real daemon over real TLS: in-process on 127.0.0.1:0 for most tests, and the spoedd
// binary itself for the shutdown test. curl is the independent Connect client.
#include "daemon/daemon.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "daemon/api/access.hpp"
#include "daemon/net/dev_cert.hpp"
#include "db/sqlite_store.hpp"
#include "tests/support/process.hpp"
#include "tests/support/service_fixture.hpp"
#include "tests/support/temp_dir.hpp"

namespace spoed {
namespace {

using test::RunCommand;

class DaemonTest : public testing::Test {
  protected:
    void SetUp() override {
        daemon::DaemonConfig c;
        c.data_dir = dir.file("data");
        c.listen_port = 0;
        c.max_body_bytes = 64 * 1024;
        c.shutdown_grace = std::chrono::seconds(5);
        daemon_ = std::make_unique<daemon::Daemon>(c, clock);
        daemon::service::PasswordHasher hasher;
        test::InsertUser(daemon_->store(), hasher, clock.Now(), "beheer", {"admin"});
        daemon_->Start();
        url = "https://localhost:" + std::to_string(daemon_->port());
        ca = daemon_->dev_ca_file();
    }

    /// curl with the dev CA; prints the body and then the HTTP status on its own line.
    test::CommandResult Curl(std::string_view method, const std::string& json, const std::string& token = "",
                             const std::string& content_type = "application/json") {
        std::string body_file = dir.file("body.json");
        std::ofstream(body_file, std::ios::binary) << json;
        std::string cmd = "curl -sS --max-time 20 --cacert " + ca + " -H 'Content-Type: " + content_type + "'";
        if (!token.empty()) cmd += " -H 'Authorization: Bearer " + token + "'";
        cmd += " --data-binary @" + body_file + " -w '\\n%{http_code}' " + url + "/" + std::string(method);
        return RunCommand(cmd);
    }
    static int StatusOf(const test::CommandResult& r) { return std::stoi(r.out.substr(r.out.rfind('\n') + 1)); }
    static std::string TokenOf(const std::string& body) {
        auto p = body.find("\"token\":\"");
        if (p == std::string::npos) return "";
        p += 9;
        return body.substr(p, body.find('"', p) - p);
    }

    test::TempDir dir;
    SystemClock clock;
    std::unique_ptr<daemon::Daemon> daemon_;
    std::string url;
    std::string ca;
};

TEST_F(DaemonTest, CurlJsonLoginThenWhoAmIAsInDocsApi) {
    auto login =
        Curl(v1::rpc::AuthService::Login, R"({"username":"beheer","password":"correct horse battery staple"})");
    ASSERT_EQ(login.status, 0) << login.out;
    ASSERT_EQ(StatusOf(login), 200) << login.out;
    std::string token = TokenOf(login.out);
    ASSERT_EQ(token.size(), 43u) << login.out;
    auto who = Curl(v1::rpc::AuthService::WhoAmI, "{}", token);
    EXPECT_EQ(StatusOf(who), 200) << who.out;
    EXPECT_NE(who.out.find(R"("username":"beheer")"), std::string::npos) << who.out;
    EXPECT_NE(who.out.find("ROLE_ADMIN"), std::string::npos) << who.out;
}

TEST_F(DaemonTest, LoginAndWhoAmISayWhatTheUsersRolesMayCallFromTheRoleTable) {
    daemon::service::PasswordHasher hasher;
    test::InsertUser(daemon_->store(), hasher, clock.Now(), "werker", {"crisis_worker"});
    auto login =
        Curl(v1::rpc::AuthService::Login, R"({"username":"werker","password":"correct horse battery staple"})");
    ASSERT_EQ(StatusOf(login), 200) << login.out;
    EXPECT_NE(login.out.find(R"("spoed.v1.CaseService/LogContact")"), std::string::npos) << login.out;
    EXPECT_NE(login.out.find(R"("spoed.v1.YouthService/LookupCaller")"), std::string::npos) << login.out;
    EXPECT_EQ(login.out.find(v1::rpc::AdminService::CreateUser), std::string::npos) << login.out;
    EXPECT_EQ(login.out.find(v1::rpc::ConsultService::AnswerConsult), std::string::npos) << login.out;
    auto who = Curl(v1::rpc::AuthService::WhoAmI, "{}", TokenOf(login.out));
    ASSERT_EQ(StatusOf(who), 200) << who.out;
    EXPECT_NE(who.out.find(R"("spoed.v1.CaseService/LogContact")"), std::string::npos) << who.out;
    EXPECT_EQ(who.out.find(v1::rpc::AdminService::CreateUser), std::string::npos) << who.out;
    // Every method listed is in the role table's answer for the role, and vice versa.
    for (const auto& rule : daemon::api::RpcRules()) {
        const std::string name = "\"" + std::string(rule.service) + "/" + std::string(rule.method) + "\"";
        const bool allowed = daemon::api::Allows(rule, {v1::ROLE_CRISIS_WORKER});
        EXPECT_EQ(who.out.find(name) != std::string::npos, allowed) << name;
    }
}

TEST_F(DaemonTest, CurlSeesConnectErrorsWithTheirHttpStatus) {
    auto r = Curl(v1::rpc::AuthService::WhoAmI, "{}");
    EXPECT_EQ(StatusOf(r), 401);
    EXPECT_NE(r.out.find(R"("code":"unauthenticated")"), std::string::npos) << r.out;
    r = Curl("spoed.v1.AuthService/Nope", "{}");
    EXPECT_EQ(StatusOf(r), 404);
    EXPECT_NE(r.out.find(R"("code":"unimplemented")"), std::string::npos) << r.out;
    r = Curl(v1::rpc::AuthService::Login, "{}", "", "text/xml");
    EXPECT_EQ(StatusOf(r), 415);
    r = Curl(v1::rpc::AuthService::Login, "{not json");
    EXPECT_EQ(StatusOf(r), 400);
    EXPECT_NE(r.out.find(R"("code":"invalid_argument")"), std::string::npos) << r.out;
}

TEST_F(DaemonTest, ABodyOverTheLimitIs413ResourceExhausted) {
    std::string big = R"({"username":")" + std::string(70 * 1024, 'a') + R"("})";
    auto r = Curl(v1::rpc::AuthService::Login, big);
    EXPECT_EQ(StatusOf(r), 413) << r.out.substr(0, 200);
    EXPECT_NE(r.out.find(R"("code":"resource_exhausted")"), std::string::npos) << r.out.substr(0, 200);
}

TEST_F(DaemonTest, HealthAndReadiness) {
    auto r = RunCommand("curl -sS --cacert " + ca + " -w '\\n%{http_code}' " + url + "/healthz");
    EXPECT_EQ(StatusOf(r), 200) << r.out;
    r = RunCommand("curl -sS --cacert " + ca + " -w '\\n%{http_code}' " + url + "/readyz");
    EXPECT_EQ(StatusOf(r), 200) << r.out;
}

TEST_F(DaemonTest, RefusesPlainTls12ByDefault) {
    auto r = RunCommand("curl -sS --tlsv1.2 --tls-max 1.2 --cacert " + ca + " -o /dev/null -w '%{http_code}' " + url +
                        "/healthz 2>&1");
    EXPECT_NE(r.status, 0) << r.out;
}

TEST(TotpKey, IsMadeOnceInTheDataDirWithMode0600AndAWideOpenOneIsRefused) {
    test::TempDir dir;
    SystemClock clock;
    daemon::DaemonConfig c;
    c.data_dir = dir.file("data");
    c.listen_port = 0;
    std::string key_file = c.data_dir + "/totp.key";
    std::string first;
    {
        daemon::Daemon d(c, clock);
        struct stat st {};
        ASSERT_EQ(stat(key_file.c_str(), &st), 0);
        EXPECT_EQ(st.st_mode & 0777, 0600u);
        std::ifstream in(key_file);
        std::getline(in, first);
        EXPECT_EQ(first.size(), 64u);
    }
    {
        daemon::Daemon d(c, clock);  // a restart keeps the key: the secrets still open
        std::ifstream in(key_file);
        std::string again;
        std::getline(in, again);
        EXPECT_EQ(again, first);
    }
    ::chmod(key_file.c_str(), 0644);
    try {
        daemon::Daemon d(c, clock);
        ADD_FAILURE() << "a key others can read must stop start-up";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("chmod 600"), std::string::npos) << e.what();
    }
    c.totp_key_file = dir.file("missing.key");  // configured but absent: not made silently
    EXPECT_THROW(daemon::Daemon(c, clock), std::runtime_error);
}

TEST(DevCertificate, IsMadeAnewWhenItIsAboutToExpire) {
    test::TempDir dir;
    auto cert = daemon::net::EnsureDevCertificate(dir.file("tls"));
    // Replace the leaf by one that runs out tomorrow.
    auto made = RunCommand("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout " +
                           dir.file("k.pem") + " -out " + cert.cert_file + " -days 1 -subj /CN=localhost 2>&1");
    ASSERT_EQ(made.status, 0) << made.out;
    ASSERT_NE(RunCommand("openssl x509 -checkend 2592000 -noout -in " + cert.cert_file).status, 0);
    daemon::net::EnsureDevCertificate(dir.file("tls"));
    EXPECT_EQ(RunCommand("openssl x509 -checkend 2592000 -noout -in " + cert.cert_file).status, 0)
        << "still the short-lived certificate";
    // A valid set is left alone.
    auto before = RunCommand("openssl x509 -noout -serial -in " + cert.cert_file).out;
    daemon::net::EnsureDevCertificate(dir.file("tls"));
    EXPECT_EQ(RunCommand("openssl x509 -noout -serial -in " + cert.cert_file).out, before);
}

// --- the spoedd binary ------------------------------------------------------------------------

TEST(SpoeddProcess, FinishesAnInFlightRequestOnSigtermAndExitsCleanly) {
    test::TempDir dir;
    std::string data = dir.file("data");
    {
        std::filesystem::create_directories(data);
        auto store = db::SqliteStore::Open({.path = data + "/spoed.db"});
        daemon::service::PasswordHasher hasher;
        test::InsertUser(*store, hasher, SystemClock().Now(), "beheer", {"admin"});
    }
    test::Child spoedd({SPOED_SPOEDD_PATH, "--data-dir", data, "--listen", "127.0.0.1:0"});
    std::string line = spoedd.WaitForLine("listening on", 20000);
    ASSERT_FALSE(line.empty()) << "spoedd did not start";
    std::string port = line.substr(line.rfind(':') + 1);

    // curl streams the body from a FIFO, so the request is half-sent when the signal comes.
    std::string fifo = dir.file("body.fifo");
    ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
    test::CommandResult reply;
    std::thread client([&] {
        reply = RunCommand("curl -sS --max-time 30 --cacert " + data + "/tls/dev-ca.pem -X POST -H 'Expect:' " +
                           "-H 'Content-Type: application/json' -T " + fifo + " -w '\\n%{http_code}' " +
                           "https://localhost:" + port + "/spoed.v1.AuthService/Login");
    });
    {
        std::ofstream body(fifo, std::ios::binary);  // blocks until curl opens it
        body << R"({"username":"beheer",)" << std::flush;
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        spoedd.Signal(SIGTERM);
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        body << R"("password":"correct horse battery staple"})" << std::flush;
    }
    client.join();
    ASSERT_FALSE(reply.out.empty());
    EXPECT_EQ(reply.out.substr(reply.out.rfind('\n') + 1), "200") << reply.out;
    EXPECT_NE(reply.out.find("\"token\""), std::string::npos) << reply.out;
    EXPECT_EQ(spoedd.Wait(15000), 0);
    // A clean close checkpoints the WAL and removes it.
    EXPECT_FALSE(std::filesystem::exists(data + "/spoed.db-wal"));
}

TEST(SpoeddProcess, ABadConfigKeyStopsStartUpNamingKeyAndLine) {
    test::TempDir dir;
    std::ofstream(dir.file("spoed.conf")) << "listen = 127.0.0.1:0\nmax_conections = 5\n";
    auto r = RunCommand(std::string(SPOED_SPOEDD_PATH) + " --config " + dir.file("spoed.conf") + " 2>&1");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.out.find("line 2: unknown key 'max_conections'"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace spoed
