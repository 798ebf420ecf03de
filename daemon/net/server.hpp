#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace spoed::daemon::net {

/// One HTTP request as the application sees it: no Beast types cross this line, so the API
/// layer and its tests stay free of Asio and Beast.
struct HttpRequest {
    std::string method;  // "GET", "POST", ...
    std::string target;  // path and query as received
    /// Every header, names lower-cased, in the order received.
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    std::string remote_address;  // "127.0.0.1", "::1"

    /// The first header of that (lower-case) name, or "" when absent.
    std::string_view Header(std::string_view lower_name) const;
};

struct HttpResponse {
    /// The answer is written no sooner than this after it is given (a refusal that must cost
    /// what a password check costs); the connection waits on a timer, holding no thread.
    std::chrono::milliseconds delay{0};
    int status = 200;
    std::string content_type;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;  // extra headers
    /// Set by the application when the request carried a valid session: the server then counts
    /// the connection as a signed-in user's for the rest of its life (keep-alive included). It
    /// may use the slots kept for the team (ServerOptions::reserved_for_authenticated) and is
    /// never closed to make room for a new connection.
    bool authenticated = false;
};

/// The headers every answer of the server carries, whatever reads it and whoever gave it (the
/// API, /metrics, a refusal before any handler, the WebSocket's 101): never cached, never
/// sniffed, framed or rendered as a page, and HTTPS only from now on (ASVS 4.0 §8.2.1, §14.4).
const std::vector<std::pair<std::string, std::string>>& SecurityHeaders();

/// Called with the response; must be called exactly once, from any thread.
using Respond = std::function<void(HttpResponse)>;
/// Called on an I/O thread for each complete request. It must not block: long work is handed
/// to another thread, which calls `respond` when done.
using RequestHandler = std::function<void(HttpRequest&& request, Respond respond)>;

/// One open WebSocket connection as the application sees it. Safe to use from any thread and
/// to keep after the connection closed (then Send returns false).
class WebSocketPeer {
  public:
    virtual ~WebSocketPeer() = default;
    /// Queues one binary message; false once the connection is closed. A client that does not
    /// read falls behind; past ServerOptions::websocket_queue_limit bytes queued it is
    /// disconnected (it can reconnect and resume).
    virtual bool Send(std::string message) = 0;
    /// Closes with a WebSocket close code (RFC 6455 §7.4) and a short reason, after the
    /// messages already queued.
    virtual void Close(std::uint16_t code, std::string reason) = 0;
    virtual bool open() const = 0;
};

/// The application's answer to a WebSocket upgrade request.
struct UpgradeAnswer {
    /// Set: the upgrade is refused with this response (e.g. 401), and the connection closes.
    std::optional<HttpResponse> refusal;
    /// Accepted: called on the I/O thread before the handshake response is written, so
    /// everything sent after the client sees the upgrade succeed is delivered.
    std::function<void(std::shared_ptr<WebSocketPeer>)> on_open;
    /// Called once when an accepted connection has closed, for whatever reason.
    std::function<void()> on_close;

    static UpgradeAnswer Refused(HttpResponse response) {
        UpgradeAnswer a;
        a.refusal = std::move(response);
        return a;
    }
};
/// Called with the answer; exactly once, from any thread.
using AnswerUpgrade = std::function<void(UpgradeAnswer)>;
/// Called on an I/O thread for an upgrade request to a path in ServerOptions::websocket_paths.
/// Like RequestHandler, it must not block.
using UpgradeHandler = std::function<void(HttpRequest&& request, AnswerUpgrade answer)>;

struct TlsOptions {
    std::string cert_file;  // PEM, leaf first then intermediates
    std::string key_file;   // PEM private key
    /// TLS 1.3 only unless set; then TLS 1.2 with ECDHE and AEAD suites only.
    bool allow_tls12 = false;
};

struct ServerOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8443;  // 0 picks a free port; see Server::port()
    unsigned threads = 0;       // 0: one per core
    /// Open connections at most. When a new connection finds no slot, the server makes room by
    /// closing one that holds a slot without using it, in this order: the oldest connection that
    /// has not completed a request yet (still in its TLS handshake or reading its first request),
    /// then the unauthenticated connection idle the longest since its last answer (waiting for,
    /// or reading, its next request). Connections marked authenticated, a request in the handler
    /// and WebSockets are never closed for this; when nothing may be closed, the new connection
    /// is answered 503.
    std::size_t max_connections = 1024;
    /// Slots kept for connections marked authenticated (HttpResponse::authenticated): all other
    /// connections together hold at most max_connections minus this, so slow or idle strangers
    /// cannot lock the team out. Unset: a quarter of max_connections. Must be less than
    /// max_connections, or nobody could connect to sign in.
    std::optional<std::size_t> reserved_for_authenticated;
    std::size_t max_connections_per_address = 64;  // beyond: 503 naming the limit
    /// New connections (TLS handshakes) per client address: this many per second on average,
    /// up to the burst at once; beyond, the connection is closed unanswered. 0: no limit.
    double handshakes_per_address_per_second = 20;
    double handshake_burst_per_address = 100;
    std::size_t header_limit = 16 * 1024;  // bytes; beyond → 431
    std::size_t body_limit = 1024 * 1024;  // bytes; beyond → 413 resource_exhausted
    std::chrono::milliseconds handshake_timeout{10'000};
    std::chrono::milliseconds read_timeout{30'000};  // a whole request, headers and body
    std::chrono::milliseconds idle_timeout{60'000};  // keep-alive wait for the next request
    std::chrono::milliseconds write_timeout{30'000};
    std::chrono::milliseconds shutdown_grace{30'000};  // in-flight requests get this long on Stop()
    /// Paths (without query) where a WebSocket upgrade goes to the UpgradeHandler; an upgrade
    /// anywhere else is answered 404.
    std::vector<std::string> websocket_paths;
    /// A WebSocket that has been silent for half this is pinged; with no answer by the full
    /// time it is closed.
    std::chrono::milliseconds websocket_idle_timeout{60'000};
    std::size_t websocket_queue_limit = 4 * 1024 * 1024;  // bytes queued for one slow client
    std::size_t websocket_message_limit = 4096;           // largest message a client may send
    TlsOptions tls;
};

/// The HTTPS listener: TLS, HTTP/1.1 keep-alive, limits and timeouts (Boost.Beast). It knows
/// nothing of Connect or the domain; every complete request goes to the RequestHandler.
class Server {
  public:
    /// Loads the TLS context. Throws std::runtime_error when the certificate or key cannot be
    /// used: start-up cannot proceed without them; std::invalid_argument when the options
    /// contradict each other.
    Server(ServerOptions options, RequestHandler handler, UpgradeHandler upgrade = {});
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    /// Binds, listens and starts the I/O threads. Throws std::runtime_error when the address
    /// cannot be bound.
    void Start();
    /// The bound port (useful with port 0), valid after Start().
    std::uint16_t port() const;
    /// Stops accepting, closes idle keep-alive connections, lets requests already being read
    /// or handled finish (answered with `Connection: close`) for up to shutdown_grace, then
    /// joins the I/O threads. Safe to call more than once and from any thread but an I/O one.
    void Stop();
    /// Open connections right now.
    std::size_t open_connections() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace spoed::daemon::net
