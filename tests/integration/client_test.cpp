// client/core against the real HTTPS listener and the real daemon (TLS on 127.0.0.x).
#include "client/core/client.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "daemon/daemon.hpp"
#include "daemon/net/dev_cert.hpp"
#include "daemon/net/server.hpp"
#include "spoed/v1/auth.pb.h"
#include "spoed/v1/case.pb.h"
#include "tests/support/service_fixture.hpp"
#include "tests/support/temp_dir.hpp"

namespace spoed {
namespace {

using namespace std::chrono_literals;
using daemon::net::HttpRequest;
using daemon::net::HttpResponse;
using daemon::net::Respond;

/// A bare HTTPS server whose answers the test decides.
class FakeServer {
  public:
    explicit FakeServer(daemon::net::RequestHandler handler, std::string host = "127.0.0.1",
                        std::chrono::milliseconds idle = 60s) {
        cert_ = daemon::net::EnsureDevCertificate(dir_.file("tls"));
        daemon::net::ServerOptions o;
        o.host = host;
        o.port = 0;
        o.threads = 1;
        o.idle_timeout = idle;
        o.shutdown_grace = 1s;
        o.tls = {cert_.cert_file, cert_.key_file, false};
        server_ = std::make_unique<daemon::net::Server>(o, std::move(handler));
        server_->Start();
    }
    ~FakeServer() { server_->Stop(); }
    client::ClientOptions Options(std::string host = "localhost") const {
        client::ClientOptions o;
        o.server_url = "https://" + host + ":" + std::to_string(server_->port());
        o.ca_file = cert_.ca_file;
        o.timeout = 5s;
        o.max_retries = 0;
        return o;
    }

  private:
    test::TempDir dir_;
    daemon::net::DevCertificate cert_;
    std::unique_ptr<daemon::net::Server> server_;
};

TEST(Client, TypedCallsAgainstTheDaemonCarryTheToken) {
    test::TempDir dir;
    SystemClock clock;
    daemon::DaemonConfig c;
    c.data_dir = dir.file("data");
    c.listen_port = 0;
    daemon::Daemon d(c, clock);
    daemon::service::PasswordHasher hasher;
    test::InsertUser(d.store(), hasher, clock.Now(), "beheer", {"admin"});
    d.Start();
    client::ClientOptions o;
    o.server_url = "https://localhost:" + std::to_string(d.port());
    o.ca_file = d.dev_ca_file();
    client::Client cl(o);

    auto anonymous = cl.Call(v1::rpc::AuthService::WhoAmI, v1::WhoAmIRequest());
    ASSERT_FALSE(anonymous.ok());
    EXPECT_EQ(anonymous.error().code, ErrorCode::kUnauthenticated);
    EXPECT_NE(anonymous.error().message.find("log in"), std::string::npos);

    v1::LoginRequest login;
    login.set_username("beheer");
    login.set_password(test::kTestPassword);
    auto token = cl.Call(v1::rpc::AuthService::Login, login);
    ASSERT_TRUE(token.ok()) << token.error().message;
    cl.SetToken(token->token());
    auto who = cl.Call(v1::rpc::AuthService::WhoAmI, v1::WhoAmIRequest());
    ASSERT_TRUE(who.ok()) << who.error().message;
    EXPECT_EQ(who->user().username(), "beheer");
    auto ready = cl.Get("/readyz");
    ASSERT_TRUE(ready.ok());
    EXPECT_EQ(ready->status, 200);
    d.Stop();
}

TEST(Client, NonConnectErrorsAreMappedFromTheHttpStatus) {
    FakeServer server([](HttpRequest&&, Respond respond) {
        HttpResponse r;
        r.status = 502;
        r.content_type = "text/html";
        r.body = "<html>bad gateway</html>";
        respond(std::move(r));
    });
    client::Client cl(server.Options());
    auto r = cl.Call(v1::rpc::AuthService::WhoAmI, v1::WhoAmIRequest());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kInternal);
    EXPECT_EQ(r.error().message, "HTTP 502 from server");
}

TEST(Client, SendsProtobufWithBearerTokenAndConnectHeaders) {
    std::string seen_auth, seen_type, seen_target;
    FakeServer server([&](HttpRequest&& req, Respond respond) {
        seen_auth = std::string(req.Header("authorization"));
        seen_type = std::string(req.Header("content-type"));
        seen_target = req.target;
        v1::WhoAmIResponse resp;
        resp.mutable_user()->set_username("echo");
        HttpResponse r;
        r.content_type = "application/proto";
        r.body = resp.SerializeAsString();
        respond(std::move(r));
    });
    client::Client cl(server.Options());
    cl.SetToken("tok123");
    auto r = cl.Call(v1::rpc::AuthService::WhoAmI, v1::WhoAmIRequest());
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->user().username(), "echo");
    EXPECT_EQ(seen_auth, "Bearer tok123");
    EXPECT_EQ(seen_type, "application/proto");
    EXPECT_EQ(seen_target, "/spoed.v1.AuthService/WhoAmI");
}

TEST(Client, RefusesACertificateFromAnotherCaAndSaysWhy) {
    FakeServer server([](HttpRequest&&, Respond respond) { respond(HttpResponse{}); });
    test::TempDir other;
    auto stranger = daemon::net::EnsureDevCertificate(other.file("tls"));
    auto o = server.Options();
    o.ca_file = stranger.ca_file;
    client::Client cl(o);
    auto r = cl.Get("/healthz");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
    EXPECT_NE(r.error().message.find("could not be verified"), std::string::npos) << r.error().message;
}

TEST(Client, RefusesACertificateForAnotherHost) {
    // The dev certificate names localhost, 127.0.0.1 and ::1 — not 127.0.0.2.
    FakeServer server([](HttpRequest&&, Respond respond) { respond(HttpResponse{}); }, "127.0.0.2");
    client::Client cl(server.Options("127.0.0.2"));
    auto r = cl.Get("/healthz");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("could not be verified"), std::string::npos) << r.error().message;
}

TEST(Client, GivesUpInTimeWhenTheServerNeverAnswers) {
    std::vector<Respond> held;  // kept so the server holds the requests without answering
    std::mutex m;
    FakeServer server([&](HttpRequest&&, Respond respond) {
        std::lock_guard lock(m);
        held.push_back(std::move(respond));
    });
    auto o = server.Options();
    o.timeout = 300ms;
    client::Client cl(o);
    auto start = std::chrono::steady_clock::now();
    auto r = cl.Get("/healthz");
    auto took = std::chrono::steady_clock::now() - start;
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
    EXPECT_LT(took, 3s);
    std::lock_guard lock(m);
    for (auto& respond : held) respond(HttpResponse{});
}

TEST(Client, ConnectionRefusedIsUnavailable) {
    std::uint16_t port;
    {
        FakeServer server([](HttpRequest&&, Respond respond) { respond(HttpResponse{}); });
        port = static_cast<std::uint16_t>(std::stoi(server.Options().server_url.substr(18)));
    }
    client::ClientOptions o;
    o.server_url = "https://localhost:" + std::to_string(port);
    o.max_retries = 0;
    client::Client cl(o);
    auto r = cl.Get("/healthz");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
}

TEST(Client, ReconnectsWhenTheServerClosedAnIdleConnection) {
    std::atomic<int> calls{0};
    FakeServer server(
        [&](HttpRequest&&, Respond respond) {
            ++calls;
            HttpResponse r;
            r.body = "ok";
            respond(std::move(r));
        },
        "127.0.0.1", 200ms);
    client::Client cl(server.Options());
    ASSERT_TRUE(cl.Get("/healthz").ok());
    std::this_thread::sleep_for(600ms);  // the server drops the idle keep-alive connection
    auto r = cl.Get("/healthz");
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(calls.load(), 2);
}

TEST(Client, BadServerUrlIsInvalidArgument) {
    for (const char* url : {"http://localhost:8443", "localhost:8443", "https://", "https://host:99999",
                            "https://[::1:8443", "https://host/path"}) {
        client::ClientOptions o;
        o.server_url = url;
        client::Client cl(o);
        auto r = cl.Get("/healthz");
        ASSERT_FALSE(r.ok()) << url;
        EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument) << url;
    }
}

TEST(Client, ACallThatDoesNotGetThroughGoesToTheNextServerWithTheSameKey) {
    // Two daemons of one deployment on one database, as after a failover: A and B take turns on
    // the same data directory (SQLite allows one at a time; the client cannot tell).
    test::TempDir dir;
    SystemClock clock;
    auto start = [&](std::uint16_t port) {
        daemon::DaemonConfig c;
        c.data_dir = dir.file("data");
        c.listen_port = port;
        auto d = std::make_unique<daemon::Daemon>(c, clock);
        d->Start();
        return d;
    };
    auto a = start(0);
    const std::uint16_t port_a = a->port();
    daemon::service::PasswordHasher hasher;
    test::InsertUser(a->store(), hasher, clock.Now(), "anna", {"crisis_worker"});
    const std::string ca = a->dev_ca_file();
    a->Stop();
    a.reset();
    auto b = start(0);

    client::ClientOptions o;
    o.server_url = "https://localhost:" + std::to_string(port_a) + " , https://localhost:" + std::to_string(b->port());
    o.ca_file = ca;
    o.timeout = 5s;
    o.max_retries = 0;  // the next server is part of the same try
    client::Client cl(o);
    v1::LoginRequest login;
    login.set_username("anna");
    login.set_password(test::kTestPassword);
    auto token = cl.Call(v1::rpc::AuthService::Login, login);
    ASSERT_TRUE(token.ok()) << token.error().message;
    EXPECT_EQ(cl.server_url(), "https://localhost:" + std::to_string(b->port())) << "A did not answer";
    cl.SetToken(token->token());

    v1::OpenCaseRequest open;
    open.set_caller_description("vader van een jongen (fictief)");
    open.set_idempotency_key("failover-open-case-0001");
    auto first = cl.Call(v1::rpc::CaseService::OpenCase, open);
    ASSERT_TRUE(first.ok()) << first.error().message;

    // B goes away, A comes back on the same database; the answer to the first call was "lost",
    // so the desk sends it again with its key.
    b->Stop();
    b.reset();
    a = start(port_a);
    auto again = cl.Call(v1::rpc::CaseService::OpenCase, open);
    ASSERT_TRUE(again.ok()) << again.error().message;
    EXPECT_EQ(cl.server_url(), "https://localhost:" + std::to_string(port_a));
    EXPECT_EQ(again->case_().id(), first->case_().id()) << "written once";
    auto cases = cl.Call(v1::rpc::CaseService::ListCases, v1::ListCasesRequest());
    ASSERT_TRUE(cases.ok()) << cases.error().message;
    int opened = 0;
    for (const auto& c : cases->cases()) opened += c.caller_description() == open.caller_description() ? 1 : 0;
    EXPECT_EQ(opened, 1);
    auto ready = cl.Get("/readyz");
    ASSERT_TRUE(ready.ok());
    EXPECT_EQ(ready->status, 200);

    // Nobody answers: the error says the server could not be reached, after one round.
    a->Stop();
    a.reset();
    auto none = cl.Call(v1::rpc::AuthService::WhoAmI, v1::WhoAmIRequest());
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.error().code, ErrorCode::kUnavailable);
    EXPECT_FALSE(cl.last_failure_is_permanent());
}

TEST(Client, ServerUrlsAreSplitAtCommas) {
    EXPECT_EQ(client::ServerUrls("https://a:1"), std::vector<std::string>{"https://a:1"});
    EXPECT_EQ(client::ServerUrls(" https://a:1 ,https://b:2,, "),
              (std::vector<std::string>{"https://a:1", "https://b:2"}));
    EXPECT_EQ(client::ServerUrls(""), std::vector<std::string>{""});
}

}  // namespace
}  // namespace spoed
