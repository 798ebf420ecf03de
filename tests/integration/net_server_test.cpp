// The HTTPS transport over real TLS on 127.0.0.1:0, with a Beast client that verifies the
// development CA. Every client wait is bounded, and a watchdog aborts any test that hangs.
#include <dirent.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <array>
#include <atomic>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <future>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "base/log.hpp"
#include "daemon/net/dev_cert.hpp"
#include "daemon/net/server.hpp"
#include "tests/support/temp_dir.hpp"

namespace spoed {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
using daemon::net::HttpRequest;
using daemon::net::HttpResponse;
using daemon::net::Respond;
using daemon::net::Server;
using daemon::net::ServerOptions;
using std::chrono::milliseconds;

constexpr milliseconds kWait{5000};  // the longest any one client operation may take

std::string ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

milliseconds Since(Clock::time_point start) { return std::chrono::duration_cast<milliseconds>(Clock::now() - start); }

bool WaitUntil(const std::function<bool()>& condition, milliseconds timeout = kWait) {
    const auto deadline = Clock::now() + timeout;
    while (!condition()) {
        if (Clock::now() >= deadline) return false;
        std::this_thread::sleep_for(milliseconds(5));
    }
    return true;
}

/// Aborts the whole test binary when one test runs too long: a hang must fail, not stall CI.
class Watchdog {
  public:
    explicit Watchdog(std::chrono::seconds limit)
        : thread_([this, limit] {
              std::unique_lock lock(mu_);
              if (!cv_.wait_for(lock, limit, [&] { return done_; })) {
                  const auto* info = testing::UnitTest::GetInstance()->current_test_info();
                  std::fprintf(stderr, "watchdog: %s ran longer than %llds; aborting\n", info ? info->name() : "a test",
                               static_cast<long long>(limit.count()));
                  std::abort();
              }
          }) {}
    ~Watchdog() {
        {
            std::lock_guard lock(mu_);
            done_ = true;
        }
        cv_.notify_all();
        thread_.join();
    }

  private:
    std::mutex mu_;
    std::condition_variable cv_;
    bool done_ = false;
    std::thread thread_;
};

/// Requests seen by a handler, from the server's I/O threads.
class Recorder {
  public:
    void Add(const HttpRequest& r) {
        std::lock_guard lock(mu_);
        requests_.push_back(r);
        cv_.notify_all();
    }
    bool WaitFor(std::size_t n, milliseconds timeout = kWait) {
        std::unique_lock lock(mu_);
        return cv_.wait_for(lock, timeout, [&] { return requests_.size() >= n; });
    }
    std::size_t count() {
        std::lock_guard lock(mu_);
        return requests_.size();
    }
    HttpRequest at(std::size_t i) {
        std::lock_guard lock(mu_);
        return requests_.at(i);
    }

  private:
    std::mutex mu_;
    std::condition_variable cv_;
    std::vector<HttpRequest> requests_;
};

struct ClientOptions {
    std::string ca_file;
    std::string verify_name = "localhost";
    int max_version = 0;        // e.g. TLS1_2_VERSION
    std::string tls12_ciphers;  // empty: OpenSSL's default
    /// Connect from this address (port 0). Linux routes all of 127.0.0.0/8 to the loopback, so
    /// one test can be many client addresses.
    std::string source_address;
};

/// A TLS client on its own io_context, run on the calling thread only until the operation at
/// hand completes or its deadline passes (then reported as asio::error::timed_out).
class Client {
  public:
    Client(std::uint16_t port, const ClientOptions& options) : port_(port), source_address_(options.source_address) {
        ctx_.set_verify_mode(ssl::verify_peer);
        ctx_.load_verify_file(options.ca_file);
        if (options.max_version != 0) SSL_CTX_set_max_proto_version(ctx_.native_handle(), options.max_version);
        if (!options.tls12_ciphers.empty())
            SSL_CTX_set_cipher_list(ctx_.native_handle(), options.tls12_ciphers.c_str());
        stream_.emplace(ioc_, ctx_);
        stream_->set_verify_callback(ssl::host_name_verification(options.verify_name));
        beast::error_code ec;
        asio::ip::make_address(options.verify_name, ec);
        if (ec) SSL_set_tlsext_host_name(stream_->native_handle(), options.verify_name.c_str());
    }

    beast::error_code ConnectTcp() {
        if (!source_address_.empty()) {
            beast::error_code ec;
            tcp().socket().open(tcp::v4(), ec);
            if (!ec) tcp().socket().bind(tcp::endpoint(asio::ip::make_address(source_address_), 0), ec);
            if (ec) return ec;
        }
        return Run(
            [&](auto handler) {
                tcp().async_connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_), std::move(handler));
            },
            kWait);
    }

    beast::error_code Connect() {
        if (auto ec = ConnectTcp()) return ec;
        return Run([&](auto handler) { stream_->async_handshake(ssl::stream_base::client, std::move(handler)); },
                   kWait);
    }

    beast::error_code WriteRaw(const std::string& data) {
        return Run([&](auto handler) { asio::async_write(*stream_, asio::buffer(data), std::move(handler)); }, kWait);
    }

    beast::error_code Send(http::request<http::string_body> request) {
        if (!request.has_content_length() && !request.chunked()) request.prepare_payload();
        return Run([&](auto handler) { http::async_write(*stream_, request, std::move(handler)); }, kWait);
    }

    struct Reply {
        beast::error_code ec;
        http::response<http::string_body> response;
    };

    Reply Read(milliseconds timeout = kWait) {
        http::response_parser<http::string_body> parser;
        Reply reply;
        reply.ec = Run([&](auto handler) { http::async_read(*stream_, buffer_, parser, std::move(handler)); }, timeout);
        if (!reply.ec) reply.response = parser.release();
        return reply;
    }

    Reply Get(const std::string& target) {
        http::request<http::string_body> request{http::verb::get, target, 11};
        request.set(http::field::host, "localhost");
        if (auto ec = Send(std::move(request))) return {ec, {}};
        return Read();
    }

    /// Waits for the server to end the connection: the read's error, or timed_out. Data
    /// instead of an end is reported as success (no error), which callers treat as "open".
    beast::error_code WaitClosed(milliseconds timeout) {
        std::array<char, 512> scratch;
        return Run([&](auto handler) { stream_->async_read_some(asio::buffer(scratch), std::move(handler)); }, timeout);
    }

    /// The same below TLS, for a client that never completed the handshake.
    beast::error_code WaitClosedTcp(milliseconds timeout) {
        std::array<char, 512> scratch;
        return Run([&](auto handler) { tcp().async_read_some(asio::buffer(scratch), std::move(handler)); }, timeout);
    }

    /// Sends one byte every `interval` (a slow-loris client) until the server closes the
    /// connection or `limit` passes; returns whether it closed, and how long that took.
    std::pair<bool, milliseconds> TrickleUntilClosed(milliseconds interval, milliseconds limit) {
        const auto start = Clock::now();
        bool closed = false;
        bool writing = false;
        std::array<char, 512> scratch;
        stream_->async_read_some(asio::buffer(scratch), [&](beast::error_code ec, std::size_t) { closed = true; });
        asio::steady_timer timer(ioc_);
        static const char kByte = 'a';
        std::function<void()> tick = [&] {
            timer.expires_after(interval);
            timer.async_wait([&](beast::error_code ec) {
                if (ec || closed) return;
                if (!writing) {
                    writing = true;
                    asio::async_write(*stream_, asio::buffer(&kByte, 1),
                                      [&](beast::error_code, std::size_t) { writing = false; });
                }
                tick();
            });
        };
        tick();
        ioc_.restart();
        const auto deadline = start + limit;
        while (!closed && Clock::now() < deadline) {
            if (ioc_.run_one_until(deadline) == 0 && ioc_.stopped()) break;
        }
        const auto elapsed = Since(start);
        timer.cancel();
        tcp().close();
        ioc_.restart();
        ioc_.run_for(milliseconds(1000));
        return {closed, elapsed};
    }

    void Close() {
        tcp().close();
        ioc_.restart();
        ioc_.run_for(milliseconds(200));
    }

    SSL* ssl() { return stream_->native_handle(); }

  private:
    beast::tcp_stream& tcp() { return beast::get_lowest_layer(*stream_); }

    template <class Initiate>
    beast::error_code Run(Initiate&& initiate, milliseconds timeout) {
        std::optional<beast::error_code> result;
        initiate([&result](beast::error_code ec, auto&&...) { result = ec; });
        ioc_.restart();
        const auto deadline = Clock::now() + timeout;
        while (!result && Clock::now() < deadline) {
            if (ioc_.run_one_until(deadline) == 0 && ioc_.stopped()) break;
        }
        if (result) return *result;
        tcp().cancel();
        ioc_.restart();
        ioc_.run_for(milliseconds(1000));
        return asio::error::timed_out;
    }

    std::uint16_t port_;
    std::string source_address_;
    asio::io_context ioc_;
    ssl::context ctx_{ssl::context::tls_client};
    std::optional<beast::ssl_stream<beast::tcp_stream>> stream_;
    beast::flat_buffer buffer_;
};

ClientOptions Tls12Only(std::string ciphers = "") {
    ClientOptions o;
    o.max_version = TLS1_2_VERSION;
    o.tls12_ciphers = std::move(ciphers);
    return o;
}

ClientOptions VerifyingName(std::string name) {
    ClientOptions o;
    o.verify_name = std::move(name);
    return o;
}

bool IsClosed(const beast::error_code& ec) { return ec && ec != asio::error::timed_out; }

/// A request with this header stands for one with a valid session: Echo marks its answer
/// authenticated, as the API does.
constexpr const char* kSignedIn = "x-test-auth";

HttpResponse Echo(const HttpRequest& r) {
    HttpResponse response;
    response.status = 200;
    response.content_type = "text/plain";
    response.body = r.method + " " + r.target + " " + r.body;
    response.headers = {{"X-Extra", "yes"}};
    response.authenticated = r.Header(kSignedIn) == "1";
    return response;
}

Client::Reply SignedInGet(Client& client, const std::string& target) {
    http::request<http::string_body> request{http::verb::get, target, 11};
    request.set(http::field::host, "localhost");
    request.set(kSignedIn, "1");
    if (auto ec = client.Send(std::move(request))) return {ec, {}};
    return client.Read();
}

/// Collects what is logged while it lives.
class LogCapture {
  public:
    LogCapture() {
        log::SetMinLevel(log::Level::kDebug);
        log::SetSink([this](std::string_view line) {
            std::lock_guard lock(mu_);
            logged_.append(line).push_back('\n');
        });
    }
    ~LogCapture() {
        log::SetSink({});
        log::SetMinLevel(log::Level::kInfo);
    }
    LogCapture(const LogCapture&) = delete;
    LogCapture& operator=(const LogCapture&) = delete;

    std::size_t Count(std::string_view needle) {
        std::lock_guard lock(mu_);
        std::size_t n = 0;
        for (auto at = logged_.find(needle); at != std::string::npos; at = logged_.find(needle, at + 1)) ++n;
        return n;
    }

  private:
    std::mutex mu_;
    std::string logged_;
};

class NetServer : public testing::Test {
  protected:
    void SetUp() override { cert = daemon::net::EnsureDevCertificate(dir.file("tls")); }

    void TearDown() override {
        server.reset();
        std::lock_guard lock(threads_mu);
        for (auto& t : threads) t.join();
    }

    /// Small timeouts so that the timeout tests are quick; tests change what they need.
    ServerOptions Options() const {
        ServerOptions o;
        o.host = "127.0.0.1";
        o.port = 0;
        o.threads = 2;
        o.handshake_timeout = milliseconds(2000);
        o.read_timeout = milliseconds(2000);
        o.idle_timeout = milliseconds(2000);
        o.write_timeout = milliseconds(2000);
        o.shutdown_grace = milliseconds(3000);
        o.tls.cert_file = cert.cert_file;
        o.tls.key_file = cert.key_file;
        return o;
    }

    /// Starts a server that records every request and answers with Echo().
    void StartEcho(ServerOptions o) {
        Start(std::move(o), [this](HttpRequest&& r, Respond respond) {
            recorder.Add(r);
            respond(Echo(r));
        });
    }

    void Start(ServerOptions o, daemon::net::RequestHandler handler) {
        server = std::make_unique<Server>(std::move(o), std::move(handler));
        server->Start();
        ASSERT_NE(server->port(), 0);
    }

    Client MakeClient(ClientOptions o = {}) {
        if (o.ca_file.empty()) o.ca_file = cert.ca_file;
        return Client(server->port(), o);
    }

    /// Limits small enough to run out of, and timeouts too long to end a test's slow
    /// connections: only making room can let anyone else in.
    ServerOptions FewSlots(std::size_t max, std::size_t reserved) const {
        auto o = Options();
        o.max_connections = max;
        o.reserved_for_authenticated = reserved;
        o.handshakes_per_address_per_second = 0;
        o.handshake_timeout = milliseconds(30'000);
        o.read_timeout = milliseconds(30'000);
        o.idle_timeout = milliseconds(30'000);
        return o;
    }

    /// A client from 127.0.0.2 to 127.0.0.9 by `i`, as an attacker's few addresses would be.
    std::unique_ptr<Client> Stranger(int i) {
        ClientOptions o;
        o.ca_file = cert.ca_file;
        o.source_address = "127.0.0." + std::to_string(2 + i % 8);
        return std::make_unique<Client>(server->port(), o);
    }

    /// `n` connections that hold a slot without using it: with `handshake` they complete TLS
    /// and never send a request, without it they never send a ClientHello. Returns once the
    /// server has accepted them all; for the silent ones a last connection that completes the
    /// handshake makes sure of that, and comes back with them.
    std::vector<std::unique_ptr<Client>> SlowClients(int n, bool handshake) {
        std::vector<std::unique_ptr<Client>> out;
        for (int i = 0; i < n; ++i) {
            auto c = Stranger(i);
            auto ec = handshake ? c->Connect() : c->ConnectTcp();
            EXPECT_FALSE(ec) << "slow connection " << i << ": " << ec.message();
            out.push_back(std::move(c));
        }
        if (!handshake) {
            // The kernel completes a TCP connect before the server accepts it: one handshake
            // after them is answered only once they have all been accepted (in order).
            auto last = Stranger(n);
            EXPECT_FALSE(last->Connect());
            out.push_back(std::move(last));
        }
        return out;
    }

    /// Runs `f` on a thread of its own (as a worker pool would), joined at tear-down.
    void Later(milliseconds delay, std::function<void()> f) {
        std::lock_guard lock(threads_mu);
        threads.emplace_back([delay, f = std::move(f)] {
            std::this_thread::sleep_for(delay);
            f();
        });
    }

    Watchdog watchdog{std::chrono::seconds(40)};
    test::TempDir dir;
    daemon::net::DevCertificate cert;
    Recorder recorder;
    std::mutex threads_mu;
    std::vector<std::thread> threads;
    std::unique_ptr<Server> server;
};

TEST_F(NetServer, DeliversRequestToHandlerAndSendsResponse) {
    Start(Options(), [this](HttpRequest&& r, Respond respond) {
        recorder.Add(r);
        HttpResponse response = Echo(r);
        response.status = 201;
        respond(std::move(response));
    });
    auto client = MakeClient();
    ASSERT_FALSE(client.Connect());

    http::request<http::string_body> request{http::verb::post, "/spoed.v1.Test/Echo?x=1", 11};
    request.set(http::field::host, "localhost");
    request.insert("X-Custom", "Value-1");
    request.insert("X-Dup", "first");
    request.insert("X-Dup", "second");
    request.body() = "hello body";
    ASSERT_FALSE(client.Send(std::move(request)));
    auto reply = client.Read();
    ASSERT_FALSE(reply.ec) << reply.ec.message();

    EXPECT_EQ(reply.response.result_int(), 201);
    EXPECT_EQ(reply.response.body(), "POST /spoed.v1.Test/Echo?x=1 hello body");
    EXPECT_EQ(reply.response[http::field::content_type], "text/plain");
    EXPECT_EQ(reply.response[http::field::content_length], "39");
    EXPECT_EQ(reply.response[http::field::server], "spoedd");
    EXPECT_EQ(reply.response["X-Extra"], "yes");
    EXPECT_TRUE(reply.response.keep_alive());

    ASSERT_EQ(recorder.count(), 1u);
    HttpRequest seen = recorder.at(0);
    EXPECT_EQ(seen.method, "POST");
    EXPECT_EQ(seen.target, "/spoed.v1.Test/Echo?x=1");
    EXPECT_EQ(seen.body, "hello body");
    EXPECT_EQ(seen.remote_address, "127.0.0.1");
    EXPECT_EQ(seen.Header("x-custom"), "Value-1");
    EXPECT_EQ(seen.Header("x-dup"), "first");
    EXPECT_EQ(seen.Header("host"), "localhost");
    EXPECT_EQ(seen.Header("x-absent"), "");
    std::vector<std::string> names;
    for (const auto& [name, value] : seen.headers) names.push_back(name);
    EXPECT_EQ(names, (std::vector<std::string>{"host", "x-custom", "x-dup", "x-dup", "content-length"}));
}

TEST_F(NetServer, KeepsConnectionAliveForSeveralRequests) {
    StartEcho(Options());
    auto client = MakeClient();
    ASSERT_FALSE(client.Connect());
    for (int i = 0; i < 3; ++i) {
        auto reply = client.Get("/n/" + std::to_string(i));
        ASSERT_FALSE(reply.ec) << reply.ec.message();
        EXPECT_EQ(reply.response.body(), "GET /n/" + std::to_string(i) + " ");
        EXPECT_TRUE(reply.response.keep_alive());
    }
    EXPECT_EQ(recorder.count(), 3u);
    EXPECT_EQ(server->open_connections(), 1u);
}

/// TCP_NODELAY of every socket of this process that the server accepted on `port` (the
/// server runs in the test's process, so its sockets are among /proc/self/fd).
std::vector<int> AcceptedNoDelay(std::uint16_t port) {
    std::vector<int> out;
    DIR* dir = opendir("/proc/self/fd");
    if (!dir) return out;
    while (dirent* e = readdir(dir)) {
        int fd = std::atoi(e->d_name);
        struct stat st {};
        if (e->d_name[0] == '.' || fstat(fd, &st) != 0 || !S_ISSOCK(st.st_mode)) continue;
        sockaddr_in local{}, peer{};
        socklen_t n = sizeof local, m = sizeof peer;
        if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &n) != 0 || local.sin_family != AF_INET ||
            ntohs(local.sin_port) != port || getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &m) != 0) {
            continue;  // not ours, or the listening socket
        }
        int on = 0;
        socklen_t len = sizeof on;
        if (getsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, &len) == 0) out.push_back(on);
    }
    closedir(dir);
    return out;
}

TEST_F(NetServer, SendsAnswersWithoutWaitingForTheClientsAcks) {
    // With Nagle's algorithm on, an answer's last segment waited for the client's delayed ACK
    // (about 40 ms on Linux): every accepted connection turns it off.
    StartEcho(Options());
    auto first = MakeClient();
    auto second = MakeClient();
    ASSERT_FALSE(first.Connect());
    ASSERT_FALSE(second.Connect());
    ASSERT_FALSE(first.Get("/a").ec);
    ASSERT_FALSE(second.Get("/b").ec);
    EXPECT_EQ(AcceptedNoDelay(server->port()), (std::vector<int>{1, 1}));
}

TEST_F(NetServer, AnswersPipelinedRequestsInOrder) {
    StartEcho(Options());
    auto client = MakeClient();
    ASSERT_FALSE(client.Connect());
    ASSERT_FALSE(
        client.WriteRaw("GET /one HTTP/1.1\r\nHost: localhost\r\n\r\nGET /two HTTP/1.1\r\nHost: localhost\r\n\r\n"));
    auto first = client.Read();
    auto second = client.Read();
    ASSERT_FALSE(first.ec);
    ASSERT_FALSE(second.ec);
    EXPECT_EQ(first.response.body(), "GET /one ");
    EXPECT_EQ(second.response.body(), "GET /two ");
}

TEST_F(NetServer, SendsContinueBeforeReadingAnExpectedBody) {
    StartEcho(Options());
    auto client = MakeClient();
    ASSERT_FALSE(client.Connect());
    ASSERT_FALSE(
        client.WriteRaw("POST /c HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n"));
    auto interim = client.Read();
    ASSERT_FALSE(interim.ec) << interim.ec.message();
    EXPECT_EQ(interim.response.result_int(), 100);
    ASSERT_FALSE(client.WriteRaw("hello"));
    auto reply = client.Read();
    ASSERT_FALSE(reply.ec);
    EXPECT_EQ(reply.response.body(), "POST /c hello");
}

TEST_F(NetServer, AcceptsResponseFromAnotherThreadLater) {
    std::atomic<std::thread::id> io_thread;
    Start(Options(), [this, &io_thread](HttpRequest&& r, Respond respond) {
        io_thread = std::this_thread::get_id();
        Later(milliseconds(200), [r, respond] { respond(Echo(r)); });
    });
    auto client = MakeClient();
    ASSERT_FALSE(client.Connect());
    const auto start = Clock::now();
    auto reply = client.Get("/later");
    ASSERT_FALSE(reply.ec) << reply.ec.message();
    EXPECT_GE(Since(start), milliseconds(190));
    EXPECT_EQ(reply.response.body(), "GET /later ");
    EXPECT_NE(io_thread.load(), std::this_thread::get_id());
    // The connection is still good for the next request.
    auto again = client.Get("/again");
    ASSERT_FALSE(again.ec);
    EXPECT_EQ(again.response.body(), "GET /again ");
}

TEST_F(NetServer, ADelayedAnswerWaitsOnATimerWhileOthersAreAnswered) {
    auto o = Options();
    o.threads = 1;  // one I/O thread: a delay that held it would hold every other answer too
    Start(o, [](HttpRequest&& r, Respond respond) {
        HttpResponse answer = Echo(r);
        if (r.target == "/refused") answer.delay = milliseconds(600);
        respond(std::move(answer));
    });
    auto refused = MakeClient();
    auto other = MakeClient();
    ASSERT_FALSE(refused.Connect());
    ASSERT_FALSE(other.Connect());
    const auto start = Clock::now();
    std::atomic<bool> refused_done{false};
    milliseconds refused_took{0};
    std::thread slow([&] {
        auto reply = refused.Get("/refused");
        EXPECT_FALSE(reply.ec) << reply.ec.message();
        refused_took = Since(start);
        refused_done = true;
    });
    // While the refusal waits, the other connection is answered, many times over.
    for (int i = 0; i < 5; ++i) {
        auto reply = other.Get("/other");
        ASSERT_FALSE(reply.ec) << reply.ec.message();
        EXPECT_EQ(reply.response.body(), "GET /other ");
    }
    EXPECT_FALSE(refused_done.load()) << "the delayed answer went out early";
    slow.join();
    EXPECT_GE(refused_took, milliseconds(590));
    // And the delayed connection stays good for the next request.
    auto again = refused.Get("/again");
    ASSERT_FALSE(again.ec);
    EXPECT_EQ(again.response.body(), "GET /again ");
}

TEST_F(NetServer, RespondAfterClientLeftIsHarmless) {
    std::mutex mu;
    std::vector<Respond> pending;
    Start(Options(), [&](HttpRequest&& r, Respond respond) {
        if (r.target == "/hold") {
            // Kept before the request is recorded: once the test sees the request, the
            // respond it is about to call is there.
            {
                std::lock_guard lock(mu);
                pending.push_back(std::move(respond));
            }
            recorder.Add(r);
        } else {
            recorder.Add(r);
            respond(Echo(r));
        }
    });
    {
        auto client = MakeClient();
        ASSERT_FALSE(client.Connect());
        http::request<http::string_body> request{http::verb::get, "/hold", 11};
        request.set(http::field::host, "localhost");
        ASSERT_FALSE(client.Send(std::move(request)));
        ASSERT_TRUE(recorder.WaitFor(1));
        client.Close();
    }
    std::thread([&] {
        std::lock_guard lock(mu);
        ASSERT_EQ(pending.size(), 1u);
        pending[0](Echo(recorder.at(0)));
        pending.clear();
    }).join();
    EXPECT_TRUE(WaitUntil([&] { return server->open_connections() == 0; }));

    auto other = MakeClient();
    ASSERT_FALSE(other.Connect());
    auto reply = other.Get("/fine");
    ASSERT_FALSE(reply.ec);
    EXPECT_EQ(reply.response.result_int(), 200);
}

TEST_F(NetServer, AnswersInternalErrorWhenHandlerThrowsOrDropsRespond) {
    Start(Options(), [](HttpRequest&& r, Respond respond) {
        if (r.target == "/throw") throw std::runtime_error("boom");
        // "/drop": respond goes out of scope unanswered.
    });
    auto client = MakeClient();
    ASSERT_FALSE(client.Connect());
    for (std::string target : {"/throw", "/drop"}) {
        auto reply = client.Get(target);
        ASSERT_FALSE(reply.ec) << target << ": " << reply.ec.message();
        EXPECT_EQ(reply.response.result_int(), 500) << target;
        EXPECT_EQ(reply.response.body(), R"({"code":"internal","message":"internal error"})") << target;
    }
}

TEST_F(NetServer, RefusesDeclaredOversizedBodyWith413BeforeReadingIt) {
    auto o = Options();
    o.body_limit = 1024;
    StartEcho(o);
    auto client = MakeClient();
    ASSERT_FALSE(client.Connect());
    // Only the header is sent: the answer must not wait for a body that never comes.
    ASSERT_FALSE(client.WriteRaw("POST /big HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100000000\r\n\r\n"));
    auto reply = client.Read(milliseconds(1500));
    ASSERT_FALSE(reply.ec) << reply.ec.message();
    EXPECT_EQ(reply.response.result_int(), 413);
    EXPECT_EQ(reply.response[http::field::content_type], "application/json");
    EXPECT_EQ(reply.response.body(),
              R"({"code":"resource_exhausted","message":"request body is larger than 1024 bytes"})");
    EXPECT_FALSE(reply.response.keep_alive());
    EXPECT_TRUE(IsClosed(client.WaitClosed(milliseconds(2000))));
    EXPECT_EQ(recorder.count(), 0u);
}

TEST_F(NetServer, RefusesOversizedChunkedBodyWith413) {
    auto o = Options();
    o.body_limit = 1024;
    StartEcho(o);
    auto client = MakeClient();
    ASSERT_FALSE(client.Connect());
    std::string raw = "POST /big HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (int i = 0; i < 3; ++i) raw += "200\r\n" + std::string(512, 'x') + "\r\n";  // 1536 bytes in all
    ASSERT_FALSE(client.WriteRaw(raw));
    auto reply = client.Read();
    ASSERT_FALSE(reply.ec) << reply.ec.message();
    EXPECT_EQ(reply.response.result_int(), 413);
    EXPECT_EQ(reply.response.body(),
              R"({"code":"resource_exhausted","message":"request body is larger than 1024 bytes"})");
    EXPECT_FALSE(reply.response.keep_alive());
    EXPECT_EQ(recorder.count(), 0u);
}

TEST_F(NetServer, AcceptsBodyAtTheLimit) {
    auto o = Options();
    o.body_limit = 1024;
    StartEcho(o);
    auto client = MakeClient();
    ASSERT_FALSE(client.Connect());
    http::request<http::string_body> request{http::verb::post, "/fits", 11};
    request.set(http::field::host, "localhost");
    request.body() = std::string(1024, 'y');
    ASSERT_FALSE(client.Send(std::move(request)));
    auto reply = client.Read();
    ASSERT_FALSE(reply.ec);
    EXPECT_EQ(reply.response.result_int(), 200);
}

TEST_F(NetServer, RefusesOversizedHeadersWith431) {
    auto o = Options();
    o.header_limit = 1024;
    StartEcho(o);
    auto client = MakeClient();
    ASSERT_FALSE(client.Connect());
    ASSERT_FALSE(client.WriteRaw("GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + std::string(2048, 'h') + "\r\n\r\n"));
    auto reply = client.Read();
    ASSERT_FALSE(reply.ec) << reply.ec.message();
    EXPECT_EQ(reply.response.result_int(), 431);
    EXPECT_EQ(reply.response[http::field::content_type], "application/json");
    EXPECT_EQ(reply.response.body(),
              R"({"code":"resource_exhausted","message":"request headers are larger than 1024 bytes"})");
    EXPECT_FALSE(reply.response.keep_alive());
    EXPECT_TRUE(IsClosed(client.WaitClosed(milliseconds(2000))));
    EXPECT_EQ(recorder.count(), 0u);
}

TEST_F(NetServer, RefusesMalformedRequestWith400) {
    StartEcho(Options());
    auto client = MakeClient();
    ASSERT_FALSE(client.Connect());
    ASSERT_FALSE(client.WriteRaw("this is not http\r\n\r\n"));
    auto reply = client.Read();
    ASSERT_FALSE(reply.ec) << reply.ec.message();
    EXPECT_EQ(reply.response.result_int(), 400);
    EXPECT_EQ(reply.response[http::field::content_type], "application/json");
    EXPECT_EQ(reply.response.body(), R"({"code":"invalid_argument","message":"malformed HTTP request"})");
    EXPECT_FALSE(reply.response.keep_alive());
    EXPECT_TRUE(IsClosed(client.WaitClosed(milliseconds(2000))));
    EXPECT_EQ(recorder.count(), 0u);
}

TEST_F(NetServer, RefusesATransferEncodingOtherThanChunkedAndClosesTheConnection) {
    // Found by probing: "xchunked" was read as no body, and the body as a second request.
    StartEcho(Options());
    for (const char* te : {"xchunked", "chunked, identity", "identity", "gzip, chunked"}) {
        SCOPED_TRACE(te);
        auto client = MakeClient();
        ASSERT_FALSE(client.Connect());
        const std::string smuggled = "GET /smuggled HTTP/1.1\r\nHost: localhost\r\n\r\n";
        ASSERT_FALSE(client.WriteRaw(std::string("POST /c HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: ") + te +
                                     "\r\n\r\n" + smuggled));
        auto reply = client.Read();
        ASSERT_FALSE(reply.ec) << reply.ec.message();
        EXPECT_EQ(reply.response.result_int(), 400);
        EXPECT_EQ(reply.response.body(),
                  R"({"code":"invalid_argument","message":"Transfer-Encoding: only \"chunked\" is accepted"})");
        EXPECT_FALSE(reply.response.keep_alive());
        EXPECT_TRUE(IsClosed(client.WaitClosed(milliseconds(2000))));
    }
    EXPECT_EQ(recorder.count(), 0u) << "a request reached the handler";
}

TEST_F(NetServer, EveryAnswerCarriesTheSecurityHeadersRefusalsToo) {
    StartEcho(Options());
    auto check = [](const auto& response) {
        for (const auto& [name, value] : daemon::net::SecurityHeaders()) {
            EXPECT_EQ(response[name], value) << name << " on " << response.result_int();
        }
    };
    auto ok = MakeClient();
    ASSERT_FALSE(ok.Connect());
    ASSERT_FALSE(ok.WriteRaw("GET /one HTTP/1.1\r\nHost: localhost\r\n\r\n"));
    auto answered = ok.Read();
    ASSERT_FALSE(answered.ec) << answered.ec.message();
    check(answered.response);
    auto bad = MakeClient();
    ASSERT_FALSE(bad.Connect());
    ASSERT_FALSE(bad.WriteRaw("this is not http\r\n\r\n"));
    auto refused = bad.Read();
    ASSERT_FALSE(refused.ec) << refused.ec.message();
    EXPECT_EQ(refused.response.result_int(), 400);
    check(refused.response);
    auto big = MakeClient();
    ASSERT_FALSE(big.Connect());
    ASSERT_FALSE(big.WriteRaw("GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + std::string(20000, 'h') + "\r\n\r\n"));
    auto too_big = big.Read();
    ASSERT_FALSE(too_big.ec) << too_big.ec.message();
    EXPECT_EQ(too_big.response.result_int(), 431);
    check(too_big.response);
}

TEST_F(NetServer, DropsSlowLorisClientAfterReadTimeout) {
    auto o = Options();
    o.read_timeout = milliseconds(300);
    StartEcho(o);
    auto client = MakeClient();
    ASSERT_FALSE(client.Connect());
    ASSERT_FALSE(client.WriteRaw("POST /slow HTTP/1.1\r\nHost: localhost\r\nX-Slow: "));
    // A byte every 50 ms keeps any per-read timeout happy; only a whole-request deadline ends it.
    auto [closed, elapsed] = client.TrickleUntilClosed(milliseconds(50), milliseconds(3000));
    EXPECT_TRUE(closed);
    EXPECT_GE(elapsed, milliseconds(200));
    EXPECT_LT(elapsed, milliseconds(1500));
    EXPECT_EQ(recorder.count(), 0u);
    EXPECT_TRUE(WaitUntil([&] { return server->open_connections() == 0; }));
}

TEST_F(NetServer, ClosesIdleKeepAliveConnectionAfterIdleTimeout) {
    auto o = Options();
    o.idle_timeout = milliseconds(300);
    StartEcho(o);
    auto client = MakeClient();
    ASSERT_FALSE(client.Connect());
    auto reply = client.Get("/once");
    ASSERT_FALSE(reply.ec);
    ASSERT_TRUE(reply.response.keep_alive());
    const auto start = Clock::now();
    auto ec = client.WaitClosed(milliseconds(3000));
    EXPECT_TRUE(IsClosed(ec)) << ec.message();
    EXPECT_GE(Since(start), milliseconds(200));
    EXPECT_LT(Since(start), milliseconds(1500));
    EXPECT_TRUE(WaitUntil([&] { return server->open_connections() == 0; }));
}

TEST_F(NetServer, DropsClientThatNeverCompletesTheHandshake) {
    auto o = Options();
    o.handshake_timeout = milliseconds(300);
    StartEcho(o);
    auto client = MakeClient();
    ASSERT_FALSE(client.ConnectTcp());
    const auto start = Clock::now();
    EXPECT_TRUE(IsClosed(client.WaitClosedTcp(milliseconds(3000))));
    EXPECT_GE(Since(start), milliseconds(200));
    EXPECT_LT(Since(start), milliseconds(1500));
}

TEST_F(NetServer, AnswersUnavailableBeyondMaxConnections) {
    auto o = Options();
    o.max_connections = 2;
    StartEcho(o);
    auto first = MakeClient();
    auto second = MakeClient();
    ASSERT_FALSE(first.Connect());
    ASSERT_FALSE(second.Connect());
    // Signed in, so neither is closed to make room: the third has nowhere to go.
    ASSERT_FALSE(SignedInGet(first, "/a").ec);
    ASSERT_FALSE(SignedInGet(second, "/b").ec);
    ASSERT_EQ(server->open_connections(), 2u);

    auto third = MakeClient();
    ASSERT_FALSE(third.Connect());
    auto reply = third.Get("/c");
    ASSERT_FALSE(reply.ec) << reply.ec.message();
    EXPECT_EQ(reply.response.result_int(), 503);
    EXPECT_EQ(reply.response.body(), R"({"code":"unavailable","message":"too many connections; try again shortly"})");
    EXPECT_FALSE(reply.response.keep_alive());
    EXPECT_EQ(recorder.count(), 2u);
    EXPECT_TRUE(IsClosed(third.WaitClosed(milliseconds(2000))));
    third.Close();

    first.Close();
    ASSERT_TRUE(WaitUntil([&] { return server->open_connections() == 1; }));
    auto fourth = MakeClient();
    ASSERT_FALSE(fourth.Connect());
    auto ok = fourth.Get("/d");
    ASSERT_FALSE(ok.ec);
    EXPECT_EQ(ok.response.result_int(), 200);
}

TEST_F(NetServer, AnswersUnavailableBeyondTheConnectionsOfOneAddress) {
    auto o = Options();
    o.max_connections_per_address = 1;
    StartEcho(o);
    auto first = MakeClient();
    ASSERT_FALSE(first.Connect());
    ASSERT_FALSE(first.Get("/a").ec);
    auto second = MakeClient();
    ASSERT_FALSE(second.Connect());
    auto reply = second.Get("/b");
    ASSERT_FALSE(reply.ec) << reply.ec.message();
    EXPECT_EQ(reply.response.result_int(), 503);
    EXPECT_NE(reply.response.body().find("too many connections from your address (at most 1)"), std::string::npos)
        << reply.response.body();
    EXPECT_EQ(recorder.count(), 1u);
    second.Close();
    first.Close();
    ASSERT_TRUE(WaitUntil([&] { return server->open_connections() == 0; }));
    auto third = MakeClient();  // the address's count went down with its connections
    ASSERT_FALSE(third.Connect());
    EXPECT_EQ(third.Get("/c").response.result_int(), 200);
}

TEST_F(NetServer, SlowConnectionsCannotLockOutTheTeam) {
    // The finding: 1,200 slow TLS connections from 24 addresses, each under the limit of its
    // address, kept every new client at 503 for as long as they were held. Here 61 from 8
    // addresses against 40 slots, 10 of them kept for the team.
    StartEcho(FewSlots(40, 10));
    LogCapture log;
    auto silent = SlowClients(30, false);  // never a ClientHello
    auto mute = SlowClients(30, true);     // a handshake, then never a request
    // Each past the 30 slots strangers may hold took the slot of the oldest of them.
    ASSERT_TRUE(WaitUntil([&] { return server->open_connections() == 30; })) << server->open_connections();
    for (std::size_t i = 0; i < 30; ++i) {
        EXPECT_TRUE(IsClosed(silent[i]->WaitClosedTcp(milliseconds(2000)))) << "silent connection " << i;
    }

    auto team = MakeClient();
    ASSERT_FALSE(team.Connect());
    auto reply = team.Get("/team");
    ASSERT_FALSE(reply.ec) << reply.ec.message();
    EXPECT_EQ(reply.response.result_int(), 200);
    EXPECT_EQ(recorder.count(), 1u);
    // One burst, one line (and a count when the next burst begins).
    EXPECT_EQ(log.Count("net.connection_evicted "), 1u);
}

TEST_F(NetServer, KeepsAuthenticatedConnectionsWhileStrangersFloodTheirShare) {
    StartEcho(FewSlots(40, 10));
    auto team = MakeClient();
    ASSERT_FALSE(team.Connect());
    auto signed_in = SignedInGet(team, "/signin");
    ASSERT_FALSE(signed_in.ec) << signed_in.ec.message();
    ASSERT_EQ(signed_in.response.result_int(), 200);

    // Strangers that complete a request and stay: the team's connection has been idle the
    // longest, but only the strangers' own share is taken from.
    std::vector<std::unique_ptr<Client>> idle;
    for (int i = 0; i < 40; ++i) {
        auto c = Stranger(i);
        ASSERT_FALSE(c->Connect()) << "stranger " << i;
        auto reply = c->Get("/stranger");
        ASSERT_FALSE(reply.ec) << "stranger " << i << ": " << reply.ec.message();
        EXPECT_EQ(reply.response.result_int(), 200) << "stranger " << i;
        idle.push_back(std::move(c));
    }
    // Then connections that never send a ClientHello.
    auto silent = SlowClients(30, false);
    ASSERT_TRUE(WaitUntil([&] { return server->open_connections() == 31; })) << server->open_connections();
    EXPECT_TRUE(IsClosed(idle[0]->WaitClosed(milliseconds(2000)))) << "the stranger idle the longest made room";

    for (const char* target : {"/again", "/and-again"}) {
        auto reply = team.Get(target);  // on the same connection, without signing in again
        ASSERT_FALSE(reply.ec) << target << ": " << reply.ec.message();
        EXPECT_EQ(reply.response.result_int(), 200) << target;
    }
}

TEST_F(NetServer, MakesRoomFromConnectionsWithoutARequestFirstThenFromTheLongestIdle) {
    StartEcho(FewSlots(4, 1));  // strangers hold 3 slots at most
    auto idle = MakeClient();
    ASSERT_FALSE(idle.Connect());
    ASSERT_EQ(idle.Get("/idle").response.result_int(), 200);
    auto silent_first = MakeClient();
    auto silent_second = MakeClient();
    ASSERT_FALSE(silent_first.ConnectTcp());
    ASSERT_FALSE(silent_second.ConnectTcp());
    ASSERT_TRUE(WaitUntil([&] { return server->open_connections() == 3; }));

    auto later = MakeClient();
    ASSERT_FALSE(later.Connect());
    EXPECT_EQ(later.Get("/later").response.result_int(), 200);
    EXPECT_TRUE(IsClosed(silent_first.WaitClosedTcp(milliseconds(2000))));
    auto later_still = MakeClient();
    ASSERT_FALSE(later_still.Connect());
    EXPECT_EQ(later_still.Get("/later-still").response.result_int(), 200);
    EXPECT_TRUE(IsClosed(silent_second.WaitClosedTcp(milliseconds(2000))));

    // Every connection left has completed a request: the one idle the longest goes.
    auto last = MakeClient();
    ASSERT_FALSE(last.Connect());
    EXPECT_EQ(last.Get("/last").response.result_int(), 200);
    EXPECT_TRUE(IsClosed(idle.WaitClosed(milliseconds(2000))));
    EXPECT_EQ(later.Get("/later/2").response.result_int(), 200);
    EXPECT_EQ(later_still.Get("/later-still/2").response.result_int(), 200);
    EXPECT_EQ(server->open_connections(), 3u);
}

TEST_F(NetServer, NeverClosesAConnectionWhoseRequestIsBeingHandled) {
    std::mutex mu;
    std::vector<std::pair<HttpRequest, Respond>> held;
    Start(FewSlots(4, 1), [&](HttpRequest&& r, Respond respond) {
        {
            std::lock_guard lock(mu);
            held.emplace_back(r, std::move(respond));
        }
        recorder.Add(r);
    });
    std::vector<std::unique_ptr<Client>> busy;
    for (int i = 0; i < 3; ++i) busy.push_back(Stranger(i));
    for (auto& c : busy) {
        ASSERT_FALSE(c->Connect());
        http::request<http::string_body> request{http::verb::get, "/busy", 11};
        request.set(http::field::host, "localhost");
        ASSERT_FALSE(c->Send(std::move(request)));
    }
    ASSERT_TRUE(recorder.WaitFor(3));

    auto late = MakeClient();
    ASSERT_FALSE(late.Connect());
    auto refused = late.Get("/late");
    ASSERT_FALSE(refused.ec) << refused.ec.message();
    EXPECT_EQ(refused.response.result_int(), 503);
    EXPECT_EQ(refused.response.body(), R"({"code":"unavailable","message":"too many connections; try again shortly"})");

    std::thread([&] {
        std::lock_guard lock(mu);
        for (auto& [request, respond] : held) respond(Echo(request));
        held.clear();
    }).join();
    for (auto& c : busy) {
        auto reply = c->Read();
        ASSERT_FALSE(reply.ec) << reply.ec.message();
        EXPECT_EQ(reply.response.result_int(), 200);
        EXPECT_TRUE(reply.response.keep_alive());
    }
    EXPECT_EQ(recorder.count(), 3u);
}

TEST_F(NetServer, RefusesToKeepEverySlotForTheTeam) {
    auto o = Options();
    o.max_connections = 8;
    o.reserved_for_authenticated = 8;
    EXPECT_THROW(Server(o, [](HttpRequest&&, Respond) {}), std::invalid_argument);
    o.reserved_for_authenticated = 7;
    EXPECT_NO_THROW(Server(o, [](HttpRequest&&, Respond) {}));
}

TEST_F(NetServer, ClosesConnectionsOfAnAddressBeyondItsHandshakeRate) {
    auto o = Options();
    o.handshakes_per_address_per_second = 0.5;
    o.handshake_burst_per_address = 2;
    StartEcho(o);
    for (int i = 0; i < 2; ++i) {
        auto c = MakeClient();
        ASSERT_FALSE(c.Connect()) << "connection " << i << " is within the burst";
        EXPECT_EQ(c.Get("/ok").response.result_int(), 200);
    }
    auto refused = MakeClient();
    EXPECT_TRUE(refused.Connect()) << "a third connection at once must be closed before its handshake";
    EXPECT_EQ(recorder.count(), 2u);
}

TEST_F(NetServer, RefusesTls12ByDefault) {
    StartEcho(Options());
    auto tls12 = MakeClient(Tls12Only());
    EXPECT_TRUE(tls12.Connect());
    auto tls13 = MakeClient();
    ASSERT_FALSE(tls13.Connect());
    EXPECT_STREQ(SSL_get_version(tls13.ssl()), "TLSv1.3");
    EXPECT_EQ(recorder.count(), 0u);
}

TEST_F(NetServer, AcceptsTls12WithEcdheAeadSuitesWhenAllowed) {
    auto o = Options();
    o.tls.allow_tls12 = true;
    StartEcho(o);
    auto tls12 = MakeClient(Tls12Only());
    ASSERT_FALSE(tls12.Connect());
    EXPECT_STREQ(SSL_get_version(tls12.ssl()), "TLSv1.2");
    const std::string cipher = SSL_get_cipher_name(tls12.ssl());
    EXPECT_EQ(cipher.rfind("ECDHE-", 0), 0u) << cipher;
    EXPECT_TRUE(cipher.find("GCM") != std::string::npos || cipher.find("CHACHA20") != std::string::npos) << cipher;
    auto reply = tls12.Get("/old");
    ASSERT_FALSE(reply.ec);
    EXPECT_EQ(reply.response.result_int(), 200);

    auto cbc_only = MakeClient(Tls12Only("ECDHE-ECDSA-AES128-SHA256"));
    EXPECT_TRUE(cbc_only.Connect());
}

TEST_F(NetServer, DevCertificateVerifiesForLocalhostAndLoopback) {
    StartEcho(Options());
    for (const char* name : {"localhost", "127.0.0.1", "::1"}) {
        auto client = MakeClient(VerifyingName(name));
        auto ec = client.Connect();
        EXPECT_FALSE(ec) << name << ": " << ec.message();
    }
    auto wrong = MakeClient(VerifyingName("example.org"));
    EXPECT_TRUE(wrong.Connect());
}

TEST(NetDevCertificate, MakesCaAndLeafAndReusesThem) {
    Watchdog watchdog{std::chrono::seconds(20)};
    test::TempDir dir;
    const std::string where = dir.file("made/here/tls");
    auto cert = daemon::net::EnsureDevCertificate(where);
    EXPECT_EQ(cert.ca_file, where + "/dev-ca.pem");
    EXPECT_EQ(cert.cert_file, where + "/server.pem");
    EXPECT_EQ(cert.key_file, where + "/server.key");

    struct stat st {};
    ASSERT_EQ(stat(cert.key_file.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);

    const std::string ca_pem = ReadFile(cert.ca_file);
    const std::string chain_pem = ReadFile(cert.cert_file);
    const std::string key_pem = ReadFile(cert.key_file);
    EXPECT_NE(chain_pem.find(ca_pem), std::string::npos) << "server.pem ends with the CA";

    auto read_cert = [](const std::string& pem) {
        BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
        X509* x = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
        BIO_free(bio);
        return std::unique_ptr<X509, decltype(&X509_free)>(x, &X509_free);
    };
    auto ca = read_cert(ca_pem);
    auto leaf = read_cert(chain_pem);
    ASSERT_TRUE(ca && leaf);
    EXPECT_GE(X509_check_ca(ca.get()), 1);
    EXPECT_EQ(X509_check_ca(leaf.get()), 0);
    EXPECT_EQ(X509_check_host(leaf.get(), "localhost", 0, 0, nullptr), 1);
    EXPECT_EQ(X509_check_ip_asc(leaf.get(), "127.0.0.1", 0), 1);
    EXPECT_EQ(X509_check_ip_asc(leaf.get(), "::1", 0), 1);
    EXPECT_EQ(X509_check_purpose(leaf.get(), X509_PURPOSE_SSL_SERVER, 0), 1);
    EXPECT_EQ(X509_verify(leaf.get(), X509_get0_pubkey(ca.get())), 1);
    EXPECT_EQ(EVP_PKEY_get_bits(X509_get0_pubkey(leaf.get())), 256);
    // About a year.
    int days = 0, seconds = 0;
    ASSERT_EQ(ASN1_TIME_diff(&days, &seconds, nullptr, X509_get0_notAfter(leaf.get())), 1);
    EXPECT_GE(days, 364);
    EXPECT_LE(days, 366);

    auto again = daemon::net::EnsureDevCertificate(where);
    EXPECT_EQ(again.cert_file, cert.cert_file);
    EXPECT_EQ(ReadFile(again.ca_file), ca_pem);
    EXPECT_EQ(ReadFile(again.cert_file), chain_pem);
    EXPECT_EQ(ReadFile(again.key_file), key_pem);

    // An incomplete set is made afresh.
    std::filesystem::remove(cert.ca_file);
    daemon::net::EnsureDevCertificate(where);
    EXPECT_NE(ReadFile(cert.key_file), key_pem);
    EXPECT_TRUE(std::filesystem::exists(cert.ca_file));
}

TEST_F(NetServer, StopLetsInFlightRequestFinishWithConnectionClose) {
    auto o = Options();
    o.shutdown_grace = milliseconds(10000);
    Start(o, [this](HttpRequest&& r, Respond respond) {
        recorder.Add(r);
        if (r.target == "/slow") {
            Later(milliseconds(300), [r, respond] { respond(Echo(r)); });
        } else {
            respond(Echo(r));
        }
    });
    auto idle = MakeClient();
    ASSERT_FALSE(idle.Connect());
    ASSERT_FALSE(idle.Get("/fast").ec);

    auto busy = MakeClient();
    ASSERT_FALSE(busy.Connect());
    http::request<http::string_body> request{http::verb::get, "/slow", 11};
    request.set(http::field::host, "localhost");
    ASSERT_FALSE(busy.Send(std::move(request)));
    ASSERT_TRUE(recorder.WaitFor(2));

    const auto start = Clock::now();
    auto stopped = std::async(std::launch::async, [&] { server->Stop(); });

    auto reply = busy.Read();
    ASSERT_FALSE(reply.ec) << reply.ec.message();
    EXPECT_EQ(reply.response.result_int(), 200);
    EXPECT_EQ(reply.response.body(), "GET /slow ");
    EXPECT_EQ(reply.response[http::field::connection], "close");

    EXPECT_TRUE(IsClosed(idle.WaitClosed(milliseconds(2000))));
    ASSERT_EQ(stopped.wait_for(std::chrono::seconds(5)), std::future_status::ready);
    // It waited for the in-flight request, not for the idle connection or the whole grace.
    EXPECT_GE(Since(start), milliseconds(200));
    EXPECT_LT(Since(start), milliseconds(5000));
    EXPECT_EQ(server->open_connections(), 0u);

    auto late = MakeClient();
    EXPECT_EQ(late.ConnectTcp(), asio::error::connection_refused);
    server->Stop();  // again: harmless
}

TEST_F(NetServer, StopClosesWhatIsStillBusyAfterTheGracePeriod) {
    auto o = Options();
    o.shutdown_grace = milliseconds(300);
    std::mutex mu;
    std::vector<Respond> pending;
    Start(o, [&](HttpRequest&& r, Respond respond) {
        recorder.Add(r);
        std::lock_guard lock(mu);
        pending.push_back(std::move(respond));  // never answered in time
    });
    auto client = MakeClient();
    ASSERT_FALSE(client.Connect());
    http::request<http::string_body> request{http::verb::get, "/hang", 11};
    request.set(http::field::host, "localhost");
    ASSERT_FALSE(client.Send(std::move(request)));
    ASSERT_TRUE(recorder.WaitFor(1));

    const auto start = Clock::now();
    auto stopped = std::async(std::launch::async, [&] { server->Stop(); });
    ASSERT_EQ(stopped.wait_for(std::chrono::seconds(5)), std::future_status::ready);
    EXPECT_GE(Since(start), milliseconds(250));
    EXPECT_TRUE(IsClosed(client.WaitClosed(milliseconds(2000))));
    EXPECT_EQ(server->open_connections(), 0u);

    // A late answer after Stop() goes nowhere, safely, from any thread.
    std::thread([&] {
        std::lock_guard lock(mu);
        for (auto& respond : pending) respond(HttpResponse{});
        pending.clear();
    }).join();
}

TEST_F(NetServer, ThrowsNamingTheFileWhenCertificateOrKeyCannotBeUsed) {
    auto o = Options();
    o.tls.cert_file = dir.file("missing.pem");
    try {
        Server s(o, [](HttpRequest&&, Respond) {});
        FAIL() << "no exception";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("missing.pem"), std::string::npos) << e.what();
    }
    o = Options();
    o.tls.cert_file = cert.ca_file;  // a certificate, but not the key's
    try {
        Server s(o, [](HttpRequest&&, Respond) {});
        FAIL() << "no exception";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("does not match"), std::string::npos) << e.what();
    }
}

TEST_F(NetServer, StartThrowsWhenThePortIsTaken) {
    asio::io_context ioc;
    tcp::acceptor taken(ioc, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
    auto o = Options();
    o.port = taken.local_endpoint().port();
    Server s(o, [](HttpRequest&&, Respond) {});
    EXPECT_THROW(s.Start(), std::runtime_error);
}

TEST_F(NetServer, LogsNeitherBodiesNorHeaderValues) {
    std::mutex mu;
    std::string logged;
    log::SetMinLevel(log::Level::kDebug);
    log::SetSink([&](std::string_view line) {
        std::lock_guard lock(mu);
        logged.append(line).push_back('\n');
    });
    auto o = Options();
    o.body_limit = 64;
    StartEcho(o);
    {
        auto client = MakeClient();
        ASSERT_FALSE(client.Connect());
        http::request<http::string_body> request{http::verb::post, "/x", 11};
        request.set(http::field::host, "localhost");
        request.set(http::field::authorization, "Bearer secret-token-4711");
        request.body() = "plan text secret-body-4711";
        ASSERT_FALSE(client.Send(std::move(request)));
        ASSERT_FALSE(client.Read().ec);
        ASSERT_FALSE(
            client.WriteRaw("POST /x HTTP/1.1\r\nAuthorization: secret-token-4711\r\nContent-Length: 100\r\n\r\n" +
                            std::string(100, 's')));
        auto reply = client.Read();
        ASSERT_FALSE(reply.ec);
        EXPECT_EQ(reply.response.result_int(), 413);
    }
    server->Stop();
    log::SetSink({});
    log::SetMinLevel(log::Level::kInfo);
    EXPECT_NE(logged.find("net.request_refused"), std::string::npos) << logged;
    EXPECT_EQ(logged.find("4711"), std::string::npos) << logged;
}

}  // namespace
}  // namespace spoed
