// client/core's transport and Connect layer against the real HTTPS listener of daemon/net, with
// handlers that answer as a Connect server would, and against a bare TCP peer that never speaks.
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <array>
#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <chrono>
#include <cstdio>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "client/core/client.hpp"
#include "client/core/tls_connect.hpp"
#include "daemon/net/dev_cert.hpp"
#include "daemon/net/server.hpp"
#include "spoed/v1/admin.pb.h"
#include "spoed/v1/auth.pb.h"
#include "spoed/v1/case.pb.h"
#include "tests/support/temp_dir.hpp"

namespace spoed {
namespace {

using namespace std::chrono_literals;
using daemon::net::HttpRequest;
using daemon::net::HttpResponse;
using daemon::net::Respond;
using SteadyClock = std::chrono::steady_clock;

struct TlsFiles {
    std::string ca_file;
    std::string cert_file;
    std::string key_file;
};

/// A listener of daemon/net on 127.0.0.1:0 (or `host`) whose answers the test decides.
class ConnectServer {
  public:
    explicit ConnectServer(daemon::net::RequestHandler handler, std::chrono::milliseconds idle = 60s,
                           std::string host = "127.0.0.1", std::optional<TlsFiles> tls = std::nullopt) {
        if (tls) {
            tls_ = *tls;
        } else {
            auto dev = daemon::net::EnsureDevCertificate(dir_.file("tls"));
            tls_ = {dev.ca_file, dev.cert_file, dev.key_file};
        }
        daemon::net::ServerOptions o;
        o.host = std::move(host);
        o.port = 0;
        o.threads = 1;
        o.idle_timeout = idle;
        o.shutdown_grace = 1s;
        o.tls = {tls_.cert_file, tls_.key_file, false};
        server_ = std::make_unique<daemon::net::Server>(o, std::move(handler));
        server_->Start();
    }
    ~ConnectServer() { server_->Stop(); }

    std::uint16_t port() const { return server_->port(); }
    const std::string& ca_file() const { return tls_.ca_file; }
    std::size_t open_connections() const { return server_->open_connections(); }

    client::ClientOptions Options(const std::string& host = "localhost") const {
        client::ClientOptions o;
        o.server_url = "https://" + host + ":" + std::to_string(port());
        o.ca_file = tls_.ca_file;
        o.timeout = 5s;
        o.max_retries = 0;
        o.retry_backoff = 10ms;
        return o;
    }

  private:
    test::TempDir dir_;
    TlsFiles tls_;
    std::unique_ptr<daemon::net::Server> server_;
};

HttpResponse ProtoReply(const google::protobuf::Message& m) {
    HttpResponse r;
    r.content_type = "application/proto";
    r.body = m.SerializeAsString();
    return r;
}

HttpResponse Reply(int status, std::string content_type, std::string body) {
    HttpResponse r;
    r.status = status;
    r.content_type = std::move(content_type);
    r.body = std::move(body);
    return r;
}

/// A self-signed certificate (its own CA) naming only `san`, e.g. "DNS:other.example".
TlsFiles SelfSignedCertificate(const test::TempDir& dir, const char* san) {
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_EC_gen("P-256"), EVP_PKEY_free);
    std::unique_ptr<X509, decltype(&X509_free)> cert(X509_new(), X509_free);
    if (!key || !cert) throw std::runtime_error("openssl: allocation failed");
    X509_set_version(cert.get(), X509_VERSION_3);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 7);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 3600);
    X509_NAME* name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("test"), -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);
    X509_set_pubkey(cert.get(), key.get());
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert.get(), cert.get(), nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, NID_subject_alt_name, san);
    if (!ext || X509_add_ext(cert.get(), ext, -1) != 1) throw std::runtime_error("openssl: cannot add the SAN");
    X509_EXTENSION_free(ext);
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) <= 0) throw std::runtime_error("openssl: cannot sign");

    TlsFiles out{dir.file("self.pem"), dir.file("self.pem"), dir.file("self.key")};
    auto write = [](const std::string& path, auto&& pem) {
        std::unique_ptr<FILE, decltype(&std::fclose)> f(std::fopen(path.c_str(), "w"), std::fclose);
        if (!f || pem(f.get()) != 1) throw std::runtime_error("cannot write " + path);
    };
    write(out.cert_file, [&](FILE* f) { return PEM_write_X509(f, cert.get()); });
    write(out.key_file,
          [&](FILE* f) { return PEM_write_PrivateKey(f, key.get(), nullptr, nullptr, 0, nullptr, nullptr); });
    return out;
}

/// Accepts one TCP connection on 127.0.0.1 and reads whatever comes, answering nothing: a
/// server that hangs before the TLS handshake. Runs for at most five seconds.
class SilentPeer {
  public:
    SilentPeer() : acceptor_(ioc_, {boost::asio::ip::make_address("127.0.0.1"), 0}), socket_(ioc_) {
        acceptor_.async_accept(socket_, [this](boost::system::error_code ec) {
            if (!ec) Read();
        });
        thread_ = std::thread([this] { ioc_.run_for(5s); });
    }
    ~SilentPeer() {
        ioc_.stop();
        thread_.join();
    }
    std::uint16_t port() const { return acceptor_.local_endpoint().port(); }
    std::string received() {
        std::lock_guard lock(m_);
        return received_;
    }

  private:
    void Read() {
        socket_.async_read_some(boost::asio::buffer(chunk_), [this](boost::system::error_code ec, std::size_t n) {
            {
                std::lock_guard lock(m_);
                received_.append(chunk_.data(), n);
            }
            if (!ec) Read();
        });
    }

    boost::asio::io_context ioc_;
    boost::asio::ip::tcp::acceptor acceptor_;
    boost::asio::ip::tcp::socket socket_;
    std::array<char, 4096> chunk_{};
    std::mutex m_;
    std::string received_;
    std::thread thread_;
};

/// A port on 127.0.0.1 that nothing listens on (bound a moment ago, then closed).
std::uint16_t ClosedPort() {
    boost::asio::io_context ioc;
    boost::asio::ip::tcp::acceptor a(ioc, {boost::asio::ip::make_address("127.0.0.1"), 0});
    return a.local_endpoint().port();
}

TEST(ClientCore, TypedCallRoundTripSendsTheTokenOnlyOnceSet) {
    std::mutex m;
    std::vector<HttpRequest> seen;
    ConnectServer server([&](HttpRequest&& req, Respond respond) {
        v1::LoginRequest login;
        bool parsed = login.ParseFromString(req.body);
        {
            std::lock_guard lock(m);
            seen.push_back(std::move(req));
        }
        if (!parsed) return respond(Reply(400, "application/json", R"({"code":"invalid_argument"})"));
        v1::LoginResponse out;
        out.set_token("tok-" + login.username() + "-" + login.password());
        out.set_session_id(42);
        out.mutable_user()->set_username(login.username());
        respond(ProtoReply(out));
    });
    client::Client cl(server.Options());
    EXPECT_EQ(cl.token(), "");

    v1::LoginRequest login;
    login.set_username("beheer");
    login.set_password("correct horse battery");
    auto first = cl.Call(v1::rpc::AuthService::Login, login);
    ASSERT_TRUE(first.ok()) << first.error().message;
    EXPECT_EQ(first->token(), "tok-beheer-correct horse battery");
    EXPECT_EQ(first->session_id(), 42);
    EXPECT_EQ(first->user().username(), "beheer");

    cl.SetToken(first->token());
    EXPECT_EQ(cl.token(), first->token());
    auto second = cl.Call(v1::rpc::AuthService::Login, login);
    ASSERT_TRUE(second.ok()) << second.error().message;

    std::lock_guard lock(m);
    ASSERT_EQ(seen.size(), 2u);
    for (const auto& req : seen) {
        EXPECT_EQ(req.method, "POST");
        EXPECT_EQ(req.target, "/spoed.v1.AuthService/Login");
        EXPECT_EQ(req.Header("content-type"), "application/proto");
        EXPECT_EQ(req.Header("connect-protocol-version"), "1");
        EXPECT_EQ(req.Header("host"), "localhost:" + std::to_string(server.port()));
    }
    EXPECT_EQ(seen[0].Header("authorization"), "");
    EXPECT_EQ(seen[1].Header("authorization"), "Bearer tok-beheer-correct horse battery");
}

TEST(ClientCore, ConnectErrorBodyGivesTheServersCodeAndMessage) {
    std::atomic<int> calls{0};
    ConnectServer server([&](HttpRequest&& req, Respond respond) {
        ++calls;
        if (req.target == "/spoed.v1.AdminService/CreateUser") {
            // Unknown fields ("details") are ignored, as Connect clients must.
            return respond(Reply(403, "application/json",
                                 R"({"code":"permission_denied","message":"only an admin may create users",)"
                                 R"("details":[{"type":"x","value":"eA"}]})"));
        }
        if (req.target == "/spoed.v1.CaseService/CloseCase") {
            // The body's code wins over the status it shares with others.
            return respond(Reply(400, "application/json",
                                 R"({"code":"failed_precondition","message":"the case has an open handover"})"));
        }
        respond(Reply(503, "application/json", R"({"code":"unavailable","message":"stopping"})"));
    });
    auto o = server.Options();
    o.max_retries = 2;
    client::Client cl(o);

    auto denied = cl.Call(v1::rpc::AdminService::CreateUser, v1::CreateUserRequest());
    ASSERT_FALSE(denied.ok());
    EXPECT_EQ(denied.error().code, ErrorCode::kPermissionDenied);
    EXPECT_EQ(denied.error().message, "only an admin may create users");

    auto refused = cl.Call(v1::rpc::CaseService::CloseCase, v1::CloseCaseRequest());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::kFailedPrecondition);
    EXPECT_EQ(refused.error().message, "the case has an open handover");

    // An answer, even `unavailable`, is not a transport failure: it is not sent again.
    calls = 0;
    auto busy = cl.Call(v1::rpc::AuthService::WhoAmI, v1::WhoAmIRequest());
    ASSERT_FALSE(busy.ok());
    EXPECT_EQ(busy.error().code, ErrorCode::kUnavailable);
    EXPECT_EQ(busy.error().message, "stopping");
    EXPECT_EQ(calls.load(), 1);
}

TEST(ClientCore, ErrorsWithoutAConnectBodyFollowTheHttpStatus) {
    const std::vector<std::pair<int, ErrorCode>> table = {
        {400, ErrorCode::kInvalidArgument}, {401, ErrorCode::kUnauthenticated},   {403, ErrorCode::kPermissionDenied},
        {404, ErrorCode::kNotFound},        {409, ErrorCode::kAborted},           {413, ErrorCode::kResourceExhausted},
        {415, ErrorCode::kInvalidArgument}, {429, ErrorCode::kResourceExhausted}, {500, ErrorCode::kInternal},
        {502, ErrorCode::kInternal},        {503, ErrorCode::kUnavailable},       {504, ErrorCode::kDeadlineExceeded},
    };
    for (const auto& [status, code] : table) {
        for (const char* body : {"<html>proxy error</html>", "", R"({"code":"no_such_code","message":"x"})",
                                 R"({"message":"no code"})", "[1,2]"}) {
            Error e = client::ErrorFromReply({status, "text/html", body});
            EXPECT_EQ(e.code, code) << status << " " << body;
            EXPECT_EQ(e.message, "HTTP " + std::to_string(status) + " from server") << status << " " << body;
        }
    }

    // And through the wire: a proxy's page in front of the daemon.
    ConnectServer server(
        [](HttpRequest&&, Respond respond) { respond(Reply(429, "text/html", "<html>slow down</html>")); });
    client::Client cl(server.Options());
    auto r = cl.Call(v1::rpc::AuthService::Login, v1::LoginRequest());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kResourceExhausted);
    EXPECT_EQ(r.error().message, "HTTP 429 from server");
}

TEST(ClientCore, ASuccessThatIsNotTheResponseMessageIsInternal) {
    ConnectServer server([](HttpRequest&& req, Respond respond) {
        if (req.target == "/spoed.v1.AuthService/Login") {
            return respond(Reply(200, "text/html", "<html>welcome to the hotel wifi</html>"));
        }
        respond(Reply(200, "application/proto", "\xff\xff\xff\xff"));
    });
    client::Client cl(server.Options());
    auto portal = cl.Call(v1::rpc::AuthService::Login, v1::LoginRequest());
    ASSERT_FALSE(portal.ok());
    EXPECT_EQ(portal.error().code, ErrorCode::kInternal);
    EXPECT_NE(portal.error().message.find("text/html"), std::string::npos) << portal.error().message;

    auto garbage = cl.Call(v1::rpc::AuthService::WhoAmI, v1::WhoAmIRequest());
    ASSERT_FALSE(garbage.ok());
    EXPECT_EQ(garbage.error().code, ErrorCode::kInternal);
    EXPECT_NE(garbage.error().message.find("spoed.v1.WhoAmIResponse"), std::string::npos) << garbage.error().message;
}

TEST(ClientCore, GetReturnsAnyStatusAsAReply) {
    ConnectServer server([](HttpRequest&& req, Respond respond) {
        if (req.target == "/readyz") return respond(Reply(503, "text/plain", "database not open"));
        respond(Reply(200, "text/plain", "ok"));
    });
    client::Client cl(server.Options());
    auto health = cl.Get("/healthz");
    ASSERT_TRUE(health.ok()) << health.error().message;
    EXPECT_EQ(health->status, 200);
    EXPECT_EQ(health->body, "ok");
    auto ready = cl.Get("/readyz");
    ASSERT_TRUE(ready.ok()) << ready.error().message;
    EXPECT_EQ(ready->status, 503);
    EXPECT_EQ(ready->content_type, "text/plain");
    EXPECT_EQ(ready->body, "database not open");
}

TEST(ClientCore, RefusesACertificateFromAnotherCaAtOnceAndSaysWhy) {
    std::atomic<int> calls{0};
    ConnectServer server([&](HttpRequest&&, Respond respond) {
        ++calls;
        respond(HttpResponse{});
    });
    test::TempDir other;
    auto stranger = daemon::net::EnsureDevCertificate(other.file("tls"));
    auto o = server.Options();
    o.ca_file = stranger.ca_file;
    o.max_retries = 3;
    o.retry_backoff = 1s;  // a retry would show in the time taken
    client::Client cl(o);

    auto start = SteadyClock::now();
    auto r = cl.Call(v1::rpc::AuthService::Login, v1::LoginRequest());
    auto took = SteadyClock::now() - start;
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
    EXPECT_NE(r.error().message.find("the server's certificate could not be verified against " + stranger.ca_file),
              std::string::npos)
        << r.error().message;
    // OpenSSL's reason follows: the server sends its CA along, which nothing here trusts.
    EXPECT_NE(r.error().message.find("self-signed certificate in certificate chain"), std::string::npos)
        << r.error().message;
    EXPECT_LT(took, 900ms);
    EXPECT_EQ(calls.load(), 0);

    // The same server with its own CA: the refusal above was the CA's doing.
    auto good = server.Options();
    client::Client trusting(good);
    EXPECT_TRUE(trusting.Get("/healthz").ok());
}

TEST(ClientCore, RefusesACertificateForAnotherHostName) {
    test::TempDir dir;
    auto other_name = SelfSignedCertificate(dir, "DNS:other.example");
    ConnectServer server([](HttpRequest&&, Respond respond) { respond(HttpResponse{}); }, 60s, "127.0.0.1", other_name);
    client::Client cl(server.Options("localhost"));
    auto r = cl.Get("/healthz");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
    EXPECT_NE(r.error().message.find("could not be verified"), std::string::npos) << r.error().message;
    EXPECT_NE(r.error().message.find("mismatch"), std::string::npos) << r.error().message;

    // The same kind of certificate naming localhost is accepted: only the name differed.
    test::TempDir dir2;
    auto right_name = SelfSignedCertificate(dir2, "DNS:localhost");
    ConnectServer named([](HttpRequest&&, Respond respond) { respond(HttpResponse{}); }, 60s, "127.0.0.1", right_name);
    client::Client ok(named.Options("localhost"));
    auto fine = ok.Get("/healthz");
    EXPECT_TRUE(fine.ok()) << fine.error().message;
}

TEST(ClientCore, AMissingCaFileIsUnavailableAndNamed) {
    auto o = client::ClientOptions();
    o.server_url = "https://localhost:" + std::to_string(ClosedPort());
    o.ca_file = "/nonexistent/spoed-ca.pem";
    o.retry_backoff = 1s;
    client::Client cl(o);
    auto start = SteadyClock::now();
    auto r = cl.Call(v1::rpc::AuthService::Login, v1::LoginRequest());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
    EXPECT_NE(r.error().message.find("/nonexistent/spoed-ca.pem"), std::string::npos) << r.error().message;
    EXPECT_LT(SteadyClock::now() - start, 900ms);
}

TEST(ClientCore, GivesUpInTimeWhenTheServerNeverAnswersAndTriesOnceMore) {
    std::mutex m;
    std::vector<Respond> held;  // answered only at the end, so the server keeps the requests
    ConnectServer server([&](HttpRequest&&, Respond respond) {
        std::lock_guard lock(m);
        held.push_back(std::move(respond));
    });
    auto o = server.Options();
    o.timeout = 300ms;
    o.max_retries = 1;
    o.retry_backoff = 50ms;
    client::Client cl(o);

    auto start = SteadyClock::now();
    auto r = cl.Call(v1::rpc::AuthService::Login, v1::LoginRequest());
    auto took = SteadyClock::now() - start;
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
    EXPECT_EQ(r.error().message, "no answer from the server in time");
    EXPECT_GE(took, 600ms);
    EXPECT_LT(took, 3s);

    std::lock_guard lock(m);
    EXPECT_EQ(held.size(), 2u);  // the first try and one retry
    for (auto& respond : held) respond(HttpResponse{});
}

TEST(ClientCore, TimesOutInTheHandshakeAndSendsTheNameOnlyForNames) {
    {
        SilentPeer peer;
        client::ClientOptions o;
        o.server_url = "https://localhost:" + std::to_string(peer.port());
        o.timeout = 300ms;
        o.max_retries = 0;
        client::Client cl(o);
        auto start = SteadyClock::now();
        auto r = cl.Get("/healthz");
        auto took = SteadyClock::now() - start;
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
        EXPECT_NE(r.error().message.find("TLS handshake"), std::string::npos) << r.error().message;
        EXPECT_NE(r.error().message.find("timed out"), std::string::npos) << r.error().message;
        EXPECT_LT(took, 3s);
        // SNI: the ClientHello names the host.
        EXPECT_NE(peer.received().find("localhost"), std::string::npos);
    }
    {
        SilentPeer peer;
        client::ClientOptions o;
        o.server_url = "https://127.0.0.1:" + std::to_string(peer.port());
        o.timeout = 300ms;
        o.max_retries = 0;
        client::Client cl(o);
        EXPECT_FALSE(cl.Get("/healthz").ok());
        std::string hello = peer.received();
        EXPECT_GT(hello.size(), 40u);                           // a ClientHello arrived
        EXPECT_EQ(hello.find("127.0.0.1"), std::string::npos);  // but no SNI for an address
    }
}

TEST(ClientCore, ConnectionRefusedIsRetriedWithBackoffThenUnavailable) {
    client::ClientOptions o;
    o.server_url = "https://127.0.0.1:" + std::to_string(ClosedPort());
    o.max_retries = 2;
    o.retry_backoff = 100ms;
    client::Client cl(o);
    auto start = SteadyClock::now();
    auto r = cl.Call(v1::rpc::AuthService::Login, v1::LoginRequest());
    auto took = SteadyClock::now() - start;
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
    EXPECT_NE(r.error().message.find("cannot connect to 127.0.0.1:"), std::string::npos) << r.error().message;
    EXPECT_GE(took, 300ms);  // 100 ms, then 200 ms
    EXPECT_LT(took, 3s);
}

TEST(ClientCore, KeepsOneConnectionForManyCalls) {
    ConnectServer server([](HttpRequest&&, Respond respond) { respond(ProtoReply(v1::LoginResponse())); });
    client::HttpsClient http(server.Options());
    for (int i = 0; i < 5; ++i) {
        auto r = http.Send("POST", "/spoed.v1.AuthService/Login", "application/proto", "");
        ASSERT_TRUE(r.ok()) << r.error().message;
        EXPECT_EQ(r->status, 200);
    }
    EXPECT_EQ(http.connections_opened(), 1u);
    EXPECT_EQ(server.open_connections(), 1u);
}

TEST(ClientCore, ReconnectsOnceWhenTheServerClosedTheIdleConnection) {
    std::atomic<int> calls{0};
    ConnectServer server(
        [&](HttpRequest&&, Respond respond) {
            ++calls;
            respond(Reply(200, "text/plain", "ok"));
        },
        200ms);
    client::HttpsClient http(server.Options());
    ASSERT_TRUE(http.Send("GET", "/healthz", "", "").ok());
    auto until = SteadyClock::now() + 5s;
    while (server.open_connections() != 0 && SteadyClock::now() < until) std::this_thread::sleep_for(20ms);
    ASSERT_EQ(server.open_connections(), 0u) << "the server did not close the idle connection";

    auto r = http.Send("GET", "/healthz", "", "");
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->body, "ok");
    EXPECT_EQ(calls.load(), 2);  // the request went out once on the new connection, not twice
    EXPECT_EQ(http.connections_opened(), 2u);
}

TEST(ClientCore, ConnectionsSendWithoutWaitingForAcks) {
    // With Nagle's algorithm on, the tail of a request could wait for the server's delayed ACK
    // (about 40 ms on Linux); every connection the client opens turns it off.
    ConnectServer server([](HttpRequest&&, Respond respond) { respond(ProtoReply(v1::LoginResponse())); });
    client::ClientOptions options = server.Options();
    boost::asio::io_context ioc;
    boost::asio::ssl::context tls(boost::asio::ssl::context::tls_client);
    ASSERT_TRUE(client::detail::SetUpTls(tls, options).ok());
    auto url = client::detail::ParseUrl(options.server_url);
    ASSERT_TRUE(url.ok()) << url.error().message;
    std::optional<client::detail::TlsStream> stream;
    bool refused = false;
    auto run = [&] {
        ioc.restart();
        ioc.run();
    };
    Status st = client::detail::ConnectTls(ioc, tls, *url, options, SteadyClock::now() + 10s, run, stream, refused);
    ASSERT_TRUE(st.ok()) << st.error().message;
    boost::asio::ip::tcp::no_delay no_delay;
    boost::beast::get_lowest_layer(*stream).socket().get_option(no_delay);
    EXPECT_TRUE(no_delay.value());
}

TEST(ClientCore, RefusesAReplyLargerThanTheLimit) {
    ConnectServer server([](HttpRequest&&, Respond respond) {
        respond(Reply(200, "application/proto", std::string(64 * 1024 * 1024 + 1, 'x')));
    });
    auto o = server.Options();
    o.timeout = 30s;
    o.max_retries = 3;
    o.retry_backoff = 1s;
    client::Client cl(o);
    auto start = SteadyClock::now();
    auto r = cl.Call(v1::rpc::AuthService::Login, v1::LoginRequest());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kResourceExhausted) << r.error().message;
    EXPECT_LT(SteadyClock::now() - start, 20s);  // not retried (three retries would add 7 s)
}

TEST(ClientCore, RefusesLineBreaksInHeaders) {
    std::atomic<int> calls{0};
    ConnectServer server([&](HttpRequest&&, Respond respond) {
        ++calls;
        respond(HttpResponse{});
    });
    client::Client cl(server.Options());
    cl.SetToken("abc\r\nX-Role: admin");
    auto r = cl.Call(v1::rpc::AuthService::WhoAmI, v1::WhoAmIRequest());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    auto g = cl.Get("/healthz\r\nX-Role: admin");
    ASSERT_FALSE(g.ok());
    EXPECT_EQ(g.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(calls.load(), 0);
}

TEST(ClientCore, BadServerUrlsAreInvalidArgumentAtOnce) {
    for (const char* url : {"",
                            "http://localhost:8443",
                            "localhost:8443",
                            "HTTPS://localhost",
                            "https://",
                            "https://:8443",
                            "https://host:",
                            "https://host:0",
                            "https://host:99999",
                            "https://host:12ab",
                            "https://host/path",
                            "https://host:8443/api",
                            "https://[::1:8443",
                            "https://[::1]8443",
                            "https://[]:8443",
                            "https://[not-v6]:8443",
                            "https://::1:8443",
                            "https://user@host:8443",
                            "https://host?x=1",
                            "https://host#frag",
                            "https://ho st"}) {
        client::ClientOptions o;
        o.server_url = url;
        o.retry_backoff = 1s;
        client::Client cl(o);
        auto start = SteadyClock::now();
        auto r = cl.Call(v1::rpc::AuthService::Login, v1::LoginRequest());
        ASSERT_FALSE(r.ok()) << url;
        EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument) << url << ": " << r.error().message;
        EXPECT_LT(SteadyClock::now() - start, 900ms) << url;
        auto g = cl.Get("/healthz");
        ASSERT_FALSE(g.ok()) << url;
        EXPECT_EQ(g.error().code, ErrorCode::kInvalidArgument) << url;
    }
}

TEST(ClientCore, AcceptsATrailingSlashAndTheDefaultPortForm) {
    std::string host_header;
    ConnectServer server([&](HttpRequest&& req, Respond respond) {
        host_header = std::string(req.Header("host"));
        respond(Reply(200, "text/plain", "ok"));
    });
    auto o = server.Options();
    o.server_url += "/";
    client::Client cl(o);
    auto r = cl.Get("/healthz");
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(host_header, "localhost:" + std::to_string(server.port()));

    // Without a port the client goes to 443; nothing listens there, so the call fails in
    // transport, not as a bad URL.
    client::ClientOptions default_port;
    default_port.server_url = "https://127.0.0.1";
    default_port.max_retries = 0;
    default_port.timeout = 2s;
    client::Client cl443(default_port);
    auto refused = cl443.Get("/healthz");
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::kUnavailable);
    EXPECT_NE(refused.error().message.find("127.0.0.1:443"), std::string::npos) << refused.error().message;
}

TEST(ClientCore, ReachesAnIpv6LiteralInBrackets) {
    std::string host_header;
    std::unique_ptr<ConnectServer> server;
    try {
        server = std::make_unique<ConnectServer>(
            [&](HttpRequest&& req, Respond respond) {
                host_header = std::string(req.Header("host"));
                respond(Reply(200, "text/plain", "ok"));
            },
            60s, "::1");
    } catch (const std::exception& e) {
        GTEST_SKIP() << "no IPv6 loopback here: " << e.what();
    }
    client::Client cl(server->Options("[::1]"));
    auto r = cl.Get("/healthz");
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->body, "ok");
    EXPECT_EQ(host_header, "[::1]:" + std::to_string(server->port()));
}

}  // namespace
}  // namespace spoed
