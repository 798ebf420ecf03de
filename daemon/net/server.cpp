// The HTTPS listener: one Listener accepting on its own strand, one Session per connection on
// its own strand, modelled on Boost.Beast's example/advanced/server-flex. All Beast and Asio
// server templates are instantiated here and nowhere else, to keep compile times down.
//
// A session walks through these states, one asynchronous step at a time:
//
//   handshake → idle → reading → handling → writing ─┬→ idle (keep-alive)
//                 │        │                          └→ closing → closed
//                 │        └→ (limit exceeded, malformed) writing an error → closing
//                 └→ (timeout, client gone, server stopping) closing / closed
//
// Every completion handler runs on the session's strand and goes through Bind(), which holds
// a shared_ptr to the session and catches whatever is thrown: nothing escapes an Asio handler.
//
// Connection slots are handed out by the listener and recorded in a SlotTable under Core::mu:
// each session tells it how it uses its slot (new, busy, idle, authenticated). When a new
// connection finds no slot, the listener takes one from a connection that holds it without
// using it and posts that connection's close to its strand.
#include "daemon/net/server.hpp"

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <algorithm>
#include <atomic>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <cctype>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <limits>
#include <list>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <unordered_map>

#include "base/log.hpp"
#include "daemon/net/http_message.hpp"

namespace spoed::daemon::net {

const std::vector<std::pair<std::string, std::string>>& SecurityHeaders() {
    static const std::vector<std::pair<std::string, std::string>> kHeaders = {
        {"Strict-Transport-Security", "max-age=31536000; includeSubDomains"},
        {"Cache-Control", "no-store"},
        {"X-Content-Type-Options", "nosniff"},
        {"Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"},
        {"X-Frame-Options", "DENY"},
        {"Referrer-Policy", "no-referrer"},
        {"Content-Disposition", "attachment"},
    };
    return kHeaders;
}

std::string_view HttpRequest::Header(std::string_view lower_name) const {
    for (const auto& [name, value] : headers) {
        if (name == lower_name) return value;
    }
    return {};
}

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

/// How long a polite close (TLS close_notify, then draining what the client still sends) may
/// take before the socket is simply closed.
constexpr std::chrono::milliseconds kCloseTimeout{1000};
/// After a forced close on Stop(), how long to wait for the sessions to notice.
constexpr std::chrono::milliseconds kForcedCloseWait{2000};
/// Pause before accepting again after an accept error such as EMFILE, so as not to spin.
constexpr std::chrono::milliseconds kAcceptRetryDelay{100};
/// Bytes asked for while waiting for the first byte of a request.
constexpr std::size_t kIdleReadBytes = 4096;
/// A read buffer larger than this is given back between requests.
constexpr std::size_t kKeptBufferBytes = std::size_t{64} * 1024;

std::string OpenSslError() {
    std::string out;
    while (unsigned long e = ERR_get_error()) {
        char buf[256];
        ERR_error_string_n(e, buf, sizeof buf);
        if (!out.empty()) out += "; ";
        out += buf;
    }
    return out.empty() ? "unknown OpenSSL error" : out;
}

void RequireReadableFile(const std::string& what, const std::string& path) {
    if (path.empty()) throw std::runtime_error("TLS " + what + " file is not configured");
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        throw std::runtime_error("TLS " + what + " file " + path + " does not exist or is not a regular file");
    }
}

/// Picks http/1.1 when the client offers it; otherwise no ALPN, and the client falls back.
int SelectAlpn(SSL*, const unsigned char** out, unsigned char* outlen, const unsigned char* in, unsigned int inlen,
               void*) {
    static const unsigned char kHttp11[] = {8, 'h', 't', 't', 'p', '/', '1', '.', '1'};
    unsigned char* selected = nullptr;
    if (SSL_select_next_proto(&selected, outlen, kHttp11, sizeof kHttp11, in, inlen) == OPENSSL_NPN_NEGOTIATED) {
        *out = selected;
        return SSL_TLSEXT_ERR_OK;
    }
    return SSL_TLSEXT_ERR_NOACK;
}

ssl::context MakeTlsContext(const TlsOptions& tls) {
    RequireReadableFile("certificate", tls.cert_file);
    RequireReadableFile("private key", tls.key_file);
    ERR_clear_error();
    ssl::context context(ssl::context::tls_server);
    SSL_CTX* ctx = context.native_handle();
    if (SSL_CTX_set_min_proto_version(ctx, tls.allow_tls12 ? TLS1_2_VERSION : TLS1_3_VERSION) != 1) {
        throw std::runtime_error("cannot set the minimum TLS version: " + OpenSslError());
    }
    SSL_CTX_set_options(ctx, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE);
    // Idle keep-alive connections give their TLS buffers back.
    SSL_CTX_set_mode(ctx, SSL_MODE_RELEASE_BUFFERS);
    if (tls.allow_tls12) {
        // Forward secrecy and authenticated encryption only; TLS 1.3 suites are all AEAD already.
        static constexpr const char* kTls12Ciphers =
            "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
            "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
            "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";
        if (SSL_CTX_set_cipher_list(ctx, kTls12Ciphers) != 1) {
            throw std::runtime_error("cannot set the TLS 1.2 cipher suites: " + OpenSslError());
        }
    }
    if (SSL_CTX_use_certificate_chain_file(ctx, tls.cert_file.c_str()) != 1) {
        throw std::runtime_error("cannot load the TLS certificate chain from " + tls.cert_file + ": " + OpenSslError());
    }
    if (SSL_CTX_use_PrivateKey_file(ctx, tls.key_file.c_str(), SSL_FILETYPE_PEM) != 1) {
        if (ERR_GET_REASON(ERR_peek_last_error()) == X509_R_KEY_VALUES_MISMATCH) {
            throw std::runtime_error("the TLS private key " + tls.key_file + " does not match the certificate " +
                                     tls.cert_file);
        }
        throw std::runtime_error("cannot load the TLS private key from " + tls.key_file + ": " + OpenSslError());
    }
    if (SSL_CTX_check_private_key(ctx) != 1) {
        throw std::runtime_error("the TLS private key " + tls.key_file + " does not match the certificate " +
                                 tls.cert_file + ": " + OpenSslError());
    }
    SSL_CTX_set_alpn_select_cb(ctx, &SelectAlpn, nullptr);
    return context;
}

std::string FormatAddress(const tcp::endpoint& endpoint) {
    auto address = endpoint.address();
    if (address.is_v6() && address.to_v6().is_v4_mapped()) {
        return asio::ip::make_address_v4(asio::ip::v4_mapped, address.to_v6()).to_string();
    }
    return address.to_string();
}

bool IsToken(std::string_view s) {
    if (s.empty()) return false;
    for (unsigned char c : s) {
        if (std::isalnum(c)) continue;
        if (std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) == std::string_view::npos) return false;
    }
    return true;
}

bool IsFieldValue(std::string_view s) {
    for (unsigned char c : s) {
        if ((c < 0x20 && c != '\t') || c == 0x7f) return false;
    }
    return true;
}

/// Headers the transport owns: the handler cannot set them, since they frame the message.
bool IsReservedHeader(std::string_view lower_name) {
    static constexpr std::string_view kReserved[] = {"content-length", "transfer-encoding", "connection", "keep-alive",
                                                     "upgrade",        "content-type",      "server"};
    return std::find(std::begin(kReserved), std::end(kReserved), lower_name) != std::end(kReserved);
}

HttpResponse JsonError(int status, std::string_view code, std::string_view message) {
    HttpResponse r;
    r.status = status;
    r.content_type = "application/json";
    // The message is the server's own words, but it is escaped all the same: the body stays JSON.
    auto quoted = [](std::string_view text) {
        std::string out;
        for (char c : text) {
            if (c == '"' || c == '\\') out += '\\';
            if (static_cast<unsigned char>(c) >= 0x20) out += c;
        }
        return out;
    };
    r.body = R"({"code":")" + quoted(code) + R"(","message":")" + quoted(message) + R"("})";
    return r;
}

HttpResponse InternalError() { return JsonError(500, "internal", "internal error"); }

bool IsHttpParseError(const beast::error_code& ec) {
    static const auto& kHttpCategory = beast::error_code(http::error::bad_method).category();
    return ec.category() == kHttpCategory && ec != http::error::end_of_stream && ec != http::error::partial_message;
}

/// Whether an error only means the client went away: logged at debug level.
bool IsRoutineDisconnect(const beast::error_code& ec) {
    return ec == asio::error::eof || ec == asio::error::connection_reset || ec == asio::error::broken_pipe ||
           ec == asio::error::operation_aborted || ec == ssl::error::stream_truncated ||
           ec == http::error::end_of_stream || ec == http::error::partial_message || ec == beast::error::timeout;
}

/// Lets Respond callbacks reach sessions only while the io_context is alive: Stop() closes it
/// after joining the I/O threads, and from then on late responses are dropped.
struct Gate {
    std::mutex mu;
    bool open = true;
};

class Session;

/// Who holds the connection slots, and whose slot a new connection takes when there is none
/// free (see ServerOptions::max_connections). Connections answered 503 hold no slot. Not
/// thread-safe: Core::mu guards it.
class SlotTable {
  public:
    using Key = const Session*;
    enum class Standing {
        kNew,            // no request completed yet: TLS handshake or reading the first request
        kBusy,           // a request in the handler or its answer being written, or a WebSocket
        kIdle,           // between requests, or reading the next one
        kAuthenticated,  // marked by the application, for the connection's whole life
    };

    SlotTable(std::size_t max, std::size_t reserved_for_authenticated)
        : max_(max), unauthenticated_max_(reserved_for_authenticated < max ? max - reserved_for_authenticated : 0) {}

    /// Whether a new (so far unauthenticated) connection fits without taking another's slot.
    bool HasRoom() const { return entries_.size() < max_ && unauthenticated_ < unauthenticated_max_; }

    void Add(Key key) {
        auto [it, added] = entries_.try_emplace(key);
        if (!added) return;
        ++unauthenticated_;
        it->second.standing = Standing::kNew;
        it->second.queued = new_.insert(new_.end(), key);
    }

    /// Records how a connection uses its slot; an authenticated one stays so. False when it no
    /// longer holds one: its slot was taken, and its close is on the way.
    bool Set(Key key, Standing standing) {
        auto it = entries_.find(key);
        if (it == entries_.end()) return false;
        Entry& e = it->second;
        if (e.standing == Standing::kAuthenticated || e.standing == standing) return true;
        Dequeue(e);
        if (standing == Standing::kAuthenticated) --unauthenticated_;
        e.standing = standing;
        // Queued at the back: idle the shortest, so the last to go.
        if (standing == Standing::kIdle) e.queued = idle_.insert(idle_.end(), key);
        return true;
    }

    void Remove(Key key) {
        auto it = entries_.find(key);
        if (it == entries_.end()) return;
        Dequeue(it->second);
        if (it->second.standing != Standing::kAuthenticated) --unauthenticated_;
        entries_.erase(it);
    }

    /// Takes the slot of the connection to close for a new one, which the caller then closes:
    /// the oldest that has not completed a request, else the one idle the longest. nullptr
    /// when every connection is busy or authenticated.
    Key Evict() {
        std::list<Key>& from = !new_.empty() ? new_ : idle_;
        if (from.empty()) return nullptr;
        Key key = from.front();
        Remove(key);
        return key;
    }

  private:
    struct Entry {
        Standing standing = Standing::kNew;
        std::list<Key>::iterator queued;  // its place in new_ or idle_ while kNew or kIdle
    };

    void Dequeue(const Entry& e) {
        if (e.standing == Standing::kNew) new_.erase(e.queued);
        if (e.standing == Standing::kIdle) idle_.erase(e.queued);
    }

    const std::size_t max_;
    const std::size_t unauthenticated_max_;
    std::unordered_map<Key, Entry> entries_;
    std::list<Key> new_;   // oldest first
    std::list<Key> idle_;  // idle the longest first
    std::size_t unauthenticated_ = 0;
};

std::size_t ReservedForAuthenticated(const ServerOptions& o) {
    return o.reserved_for_authenticated.value_or(o.max_connections / 4);
}

/// The application's handle on one WebSocket: forwards to the session's strand while both the
/// connection and the server are alive.
class WsPeer final : public WebSocketPeer {
  public:
    WsPeer(std::weak_ptr<Session> session, std::shared_ptr<Gate> gate)
        : session_(std::move(session)), gate_(std::move(gate)) {}
    bool Send(std::string message) override;
    void Close(std::uint16_t code, std::string reason) override;
    bool open() const override { return open_.load(); }
    void MarkClosed() { open_ = false; }

  private:
    std::weak_ptr<Session> session_;
    std::shared_ptr<Gate> gate_;
    std::atomic<bool> open_{true};
};

/// What the listener and every session share. Sessions hold it by shared_ptr, so it outlives
/// the last of them even while the io_context destroys its queued handlers.
struct Core {
    Core(ServerOptions o, RequestHandler h, UpgradeHandler u)
        : options(std::move(o)),
          handler(std::move(h)),
          upgrade(std::move(u)),
          tls(MakeTlsContext(options.tls)),
          slots(options.max_connections, ReservedForAuthenticated(options)) {}

    std::vector<std::shared_ptr<Session>> Snapshot();
    bool WaitForNoConnections(std::chrono::milliseconds timeout) {
        std::unique_lock lock(mu);
        return cv.wait_for(lock, timeout, [&] { return open.load() == 0; });
    }

    const ServerOptions options;
    const RequestHandler handler;
    const UpgradeHandler upgrade;
    ssl::context tls;
    std::atomic<bool> stopping{false};
    std::atomic<std::size_t> open{0};
    const std::shared_ptr<Gate> gate = std::make_shared<Gate>();
    std::mutex mu;  // guards `sessions`, `per_address` and `slots`; with `cv`, signals `open` dropping
    std::condition_variable cv;
    std::unordered_map<const Session*, std::weak_ptr<Session>> sessions;
    std::unordered_map<std::string, std::size_t> per_address;  // open connections by client address
    SlotTable slots;
};

/// Logs a limit once per burst of refusals, not once per refusal: the first refusal is logged;
/// the rest are counted and reported when the next burst begins (after `quiet` without one).
class BurstLog {
  public:
    BurstLog(std::string_view id, std::string_view message) : id_(id), message_(message) {}
    void Refused(const std::string& remote) {
        auto now = Clock::now();
        if (count_ > 0 && now - last_ < kQuiet) {
            ++count_;
            last_ = now;
            return;
        }
        if (count_ > 1) {
            log::Info(id_ + "_ended", "a burst of refusals ended", {{"refused", count_}});
        }
        count_ = 1;
        last_ = now;
        log::Warn(id_, message_, {{"remote", remote}});
    }

  private:
    static constexpr std::chrono::seconds kQuiet{10};
    std::string id_;
    std::string message_;
    std::uint64_t count_ = 0;
    Clock::time_point last_;
};

/// New connections per client address: a token bucket per address (refilling at `rate` per
/// second up to `burst`), so one address cannot make the server spend its CPU on handshakes.
class HandshakeRate {
  public:
    HandshakeRate(double rate, double burst) : rate_(rate), burst_(burst) {}
    bool Allow(const std::string& address) {
        if (rate_ <= 0) return true;
        auto now = Clock::now();
        if (buckets_.size() > kMaxAddresses) Prune(now);
        auto [it, fresh] = buckets_.try_emplace(address, Bucket{burst_, now});
        Bucket& b = it->second;
        if (!fresh) {
            b.tokens = std::min(burst_, b.tokens + rate_ * std::chrono::duration<double>(now - b.at).count());
            b.at = now;
        }
        if (b.tokens < 1) return false;
        b.tokens -= 1;
        return true;
    }

  private:
    struct Bucket {
        double tokens;
        Clock::time_point at;
    };
    static constexpr std::size_t kMaxAddresses = 10'000;
    void Prune(Clock::time_point now) {
        // Addresses whose bucket has refilled carry no information.
        std::erase_if(buckets_, [&](const auto& kv) {
            return kv.second.tokens + rate_ * std::chrono::duration<double>(now - kv.second.at).count() >= burst_;
        });
    }
    double rate_;
    double burst_;
    std::unordered_map<std::string, Bucket> buckets_;
};

/// The one Respond of one request. Whatever copy of the callback is called first delivers;
/// if every copy is dropped unanswered, the client still gets a 500 instead of hanging.
class ResponseSlot {
  public:
    ResponseSlot(std::weak_ptr<Session> session, std::shared_ptr<Gate> gate, std::uint64_t seq)
        : session_(std::move(session)), gate_(std::move(gate)), seq_(seq) {}
    ~ResponseSlot() {
        if (done_.load()) return;
        try {
            log::Error("net.response_dropped", "the request handler dropped its respond callback; answering 500");
            Deliver(InternalError());
        } catch (...) {
            // Out of memory at worst; the connection then waits for its timeout or Stop().
        }
    }
    ResponseSlot(const ResponseSlot&) = delete;
    ResponseSlot& operator=(const ResponseSlot&) = delete;

    void Deliver(HttpResponse response);
    /// The answer to an upgrade request: a refusal is delivered as a response.
    void DeliverUpgrade(UpgradeAnswer answer);

  private:
    std::weak_ptr<Session> session_;
    std::shared_ptr<Gate> gate_;
    std::uint64_t seq_;
    std::atomic<bool> done_{false};
};

class Session : public std::enable_shared_from_this<Session> {
    // Defined first: the steps below use them, and their return type is deduced.
    /// Wraps a step as a completion handler: keeps the session alive until it has run, and
    /// is this session's one catch-all.
    template <class... Args>
    auto Bind(void (Session::*step)(Args...)) {
        return
            [self = shared_from_this(), step](Args... args) { self->Guarded([&] { (self.get()->*step)(args...); }); };
    }

    // The handlers only log and abort the connection; should even that throw, ending the
    // process is the right answer, which is what noexcept does.
    template <class F>
    void Guarded(F&& f) noexcept {  // NOLINT(bugprone-exception-escape)
        try {
            f();
        } catch (const std::exception& e) {
            log::Error("net.session_exception", "closing a connection after an unexpected error",
                       {{"remote", remote_address_}, {"error", e.what()}});
            Abort();
        } catch (...) {
            log::Error("net.session_exception", "closing a connection after an unexpected error",
                       {{"remote", remote_address_}});
            Abort();
        }
    }

  public:
    /// Called on the listener's strand; a `reject` reason answers the first request with 503
    /// saying it, and such a connection holds no slot.
    static std::shared_ptr<Session> Create(std::shared_ptr<Core> core, tcp::socket socket, std::string reject) {
        auto session = std::make_shared<Session>(std::move(core), std::move(socket), std::move(reject));
        std::lock_guard lock(session->core_->mu);
        session->core_->sessions.emplace(session.get(), session);
        return session;
    }

    Session(std::shared_ptr<Core> core, tcp::socket&& socket, std::string reject)
        : core_(std::move(core)),
          options_(core_->options),
          remote_address_(RemoteAddress(socket)),
          strand_(socket.get_executor()),
          stream_(std::move(socket), core_->tls),
          reject_(std::move(reject)) {
        std::lock_guard lock(core_->mu);
        ++core_->open;
        ++core_->per_address[remote_address_];
        if (reject_.empty()) core_->slots.Add(this);
    }

    ~Session() {
        if (on_close_) {
            try {
                on_close_();
            } catch (...) {
                log::Error("net.ws_on_close_failed", "the WebSocket close handler threw");
            }
        }
        {
            std::lock_guard lock(core_->mu);
            core_->sessions.erase(this);
            core_->slots.Remove(this);
            --core_->open;
            if (auto it = core_->per_address.find(remote_address_);
                it != core_->per_address.end() && --it->second == 0) {
                core_->per_address.erase(it);
            }
        }
        core_->cv.notify_all();
    }

    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    const asio::any_io_executor& strand() const { return strand_; }
    const std::string& remote_address() const { return remote_address_; }

    void Run() { asio::dispatch(strand_, Bind(&Session::StartHandshake)); }

    /// Server::Stop(): connections waiting for a request close now; the others finish theirs.
    void PostServerStopping() { asio::post(strand_, Bind(&Session::OnServerStopping)); }
    /// Server::Stop() after the grace period.
    void PostForceClose() { asio::post(strand_, Bind(&Session::Abort)); }
    /// The listener gave this connection's slot to a new one.
    void PostEvict() { asio::post(strand_, Bind(&Session::OnEvicted)); }
    /// Only once no thread runs the io_context any more.
    void AbortNow() {
        Guarded([&] { Abort(); });
    }

    /// On the strand, posted by ResponseSlot.
    void OnResponse(std::uint64_t seq, HttpResponse response) {
        Guarded([&] {
            // The connection may have been closed meanwhile (timeout, forced stop): nothing to do.
            if (state_ != State::kHandling || seq != request_seq_) return;
            hold_.reset();  // the posted handler still holds this session
            if (response.authenticated) SetStanding(SlotTable::Standing::kAuthenticated);
            if (response.delay > std::chrono::milliseconds(0) && !core_->stopping) {
                // A refusal that must not come sooner: wait on a timer, not on a thread.
                auto delay = response.delay;
                delayed_ = std::move(response);
                delay_timer_.emplace(strand_);
                delay_timer_->expires_after(delay);
                delay_timer_->async_wait([self = shared_from_this(), seq](beast::error_code) {
                    self->Guarded([&] { self->OnDelayOver(seq); });
                });
                return;
            }
            WriteResponse(std::move(response), false);
        });
    }

    /// On the strand: a delayed answer's time has come.
    void OnDelayOver(std::uint64_t seq) {
        if (state_ != State::kHandling || seq != request_seq_ || !delayed_) return;  // closed meanwhile
        HttpResponse response = std::move(*delayed_);
        delayed_.reset();
        WriteResponse(std::move(response), false);
    }

    /// On the strand, posted by ResponseSlot: the application accepted an upgrade request.
    void OnUpgradeAccepted(std::uint64_t seq, UpgradeAnswer answer) {
        Guarded([&] {
            if (state_ != State::kHandling || seq != request_seq_) return;  // closed meanwhile
            hold_.reset();  // the posted handler still holds this session
            if (core_->stopping) {
                return WriteResponse(JsonError(503, "unavailable", "the server is shutting down"), true);
            }
            state_ = State::kWebSocket;
            on_close_ = std::move(answer.on_close);
            ws_.emplace(stream_);
            tcp().expires_never();  // the WebSocket keeps its own time (handshake, idle, pings)
            ws_->set_option(
                websocket::stream_base::timeout{options_.handshake_timeout, options_.websocket_idle_timeout, true});
            ws_->set_option(websocket::stream_base::decorator([](websocket::response_type& res) {
                res.set(http::field::server, "spoedd");
                for (const auto& [name, value] : SecurityHeaders()) res.set(name, value);
            }));
            ws_->read_message_max(options_.websocket_message_limit);
            ws_->binary(true);
            peer_ = std::make_shared<WsPeer>(weak_from_this(), core_->gate);
            if (answer.on_open) answer.on_open(peer_);
            ws_->async_accept(upgrade_request_, Bind(&Session::OnWsAccepted));
        });
    }

    /// On the strand, posted by the peer.
    void WsEnqueue(std::string message) {
        Guarded([&] {
            if (state_ != State::kWebSocket || ws_closing_) return;
            if (ws_queued_bytes_ + message.size() > options_.websocket_queue_limit) {
                log::Warn(
                    "net.ws_slow_client", "dropping a WebSocket client that does not read its messages",
                    {{"remote", remote_address_}, {"queued_bytes", static_cast<std::uint64_t>(ws_queued_bytes_)}});
                return Abort();
            }
            ws_queued_bytes_ += message.size();
            ws_queue_.push_back(std::move(message));
            if (ws_accepted_ && !ws_writing_) WsWrite();
        });
    }

    void WsClose(std::uint16_t code, std::string reason) {
        Guarded([&] {
            if (state_ != State::kWebSocket || ws_close_reason_) return;
            ws_close_reason_ = websocket::close_reason(static_cast<websocket::close_code>(code), reason);
            if (ws_accepted_ && !ws_writing_) StartWsClose();
        });
    }

  private:
    enum class State { kHandshake, kIdle, kReading, kHandling, kWriting, kWebSocket, kClosing, kClosed };

    static std::string RemoteAddress(const tcp::socket& socket) {
        beast::error_code ec;
        auto endpoint = socket.remote_endpoint(ec);
        return ec ? std::string() : FormatAddress(endpoint);
    }

    beast::tcp_stream& tcp() { return beast::get_lowest_layer(stream_); }

    /// Tells the slot table how this connection uses its slot. False when its slot was given to
    /// a new connection: OnEvicted is on its way, and the connection must not start anything.
    bool SetStanding(SlotTable::Standing standing) {
        if (!reject_.empty()) return true;  // holds no slot
        std::lock_guard lock(core_->mu);
        return core_->slots.Set(this, standing);
    }

    void OnEvicted() {
        if (state_ == State::kClosing || state_ == State::kClosed) return;
        log::Debug("net.evicted", "closing a connection to give its slot to a new one", {{"remote", remote_address_}});
        Abort();
    }

    void StartHandshake() {
        if (core_->stopping) return Abort();
        state_ = State::kHandshake;
        tcp().expires_after(options_.handshake_timeout);
        stream_.async_handshake(ssl::stream_base::server, Bind(&Session::OnHandshake));
    }

    void OnHandshake(beast::error_code ec) {
        if (state_ == State::kClosed) return;
        if (ec) {
            log::Debug("net.tls_handshake_failed", "TLS handshake failed",
                       {{"remote", remote_address_}, {"error", ec.message()}});
            return Abort();
        }
        // The first request has the whole read_timeout from here: a client that connects and
        // says nothing is as slow as one that sends a byte at a time.
        WaitForRequest(options_.read_timeout);
    }

    /// Waits for the first byte of the next request (`idle`): this is where Stop() may close.
    void WaitForRequest(std::chrono::milliseconds timeout) {
        if (core_->stopping) return CloseGracefully();
        state_ = State::kIdle;
        if (buffer_.size() > 0) return StartRequest();  // pipelined: already here
        if (buffer_.capacity() > kKeptBufferBytes) buffer_.shrink_to_fit();
        tcp().expires_after(timeout);
        stream_.async_read_some(buffer_.prepare(kIdleReadBytes), Bind(&Session::OnIdleRead));
    }

    void OnIdleRead(beast::error_code ec, std::size_t n) {
        if (state_ == State::kClosed) return;
        if (ec) {
            if (ec == asio::error::operation_aborted && core_->stopping) return CloseGracefully();
            if (ec == beast::error::timeout) {
                log::Debug("net.idle_timeout", "closing a connection that sent no request",
                           {{"remote", remote_address_}});
            } else {
                LogClosed("net.client_closed", ec);
            }
            return Abort();
        }
        buffer_.commit(n);
        StartRequest();
    }

    void StartRequest() {
        state_ = State::kReading;
        ++request_seq_;
        // One deadline for headers and body together, so a slow-loris client is dropped.
        deadline_ = Clock::now() + options_.read_timeout;
        parser_.emplace();
        ApplyLimits(*parser_, options_);
        tcp().expires_at(deadline_);
        http::async_read_header(stream_, buffer_, *parser_, Bind(&Session::OnHeader));
    }

    void OnHeader(beast::error_code ec, std::size_t) {
        if (state_ == State::kClosed) return;
        if (ec) return OnReadError(ec);
        // Beast refuses a declared Content-Length beyond body_limit as it parses the header;
        // this says so in the open: such a body is never read.
        if (auto length = parser_->content_length(); length && *length > options_.body_limit) {
            return OnReadError(http::error::body_limit);
        }
        // RFC 9112 §6.1: a body is framed by "chunked" or by Content-Length, nothing else. Beast
        // reads "xchunked" or "chunked, identity" as no body, and the body would then be parsed
        // as a second request: refused, and the connection closed.
        if (const auto& h = parser_->get(); h.count(http::field::transfer_encoding) > 0) {
            auto te = std::string_view(h[http::field::transfer_encoding]);
            while (!te.empty() && (te.front() == ' ' || te.front() == '\t')) te.remove_prefix(1);
            while (!te.empty() && (te.back() == ' ' || te.back() == '\t')) te.remove_suffix(1);
            if (h.count(http::field::transfer_encoding) > 1 || !beast::iequals(te, "chunked")) {
                return Refuse(400, "invalid_argument", "Transfer-Encoding: only \"chunked\" is accepted");
            }
        }
        if (parser_->is_done()) return OnRequest();
        if (beast::iequals(parser_->get()[http::field::expect], "100-continue")) {
            continue_ = http::response<http::empty_body>(http::status::continue_, 11);
            tcp().expires_after(options_.write_timeout);
            return http::async_write(stream_, continue_, Bind(&Session::OnContinueWritten));
        }
        ReadBody();
    }

    void OnContinueWritten(beast::error_code ec, std::size_t) {
        if (state_ == State::kClosed) return;
        if (ec) {
            LogClosed("net.write_failed", ec);
            return Abort();
        }
        ReadBody();
    }

    void ReadBody() {
        tcp().expires_at(deadline_);
        http::async_read(stream_, buffer_, *parser_, Bind(&Session::OnBody));
    }

    void OnBody(beast::error_code ec, std::size_t) {
        if (state_ == State::kClosed) return;
        if (ec) return OnReadError(ec);
        OnRequest();
    }

    void OnReadError(beast::error_code ec) {
        if (ec == http::error::body_limit) {
            return Refuse(413, "resource_exhausted",
                          "request body is larger than " + std::to_string(options_.body_limit) + " bytes");
        }
        if (ec == http::error::header_limit) {
            return Refuse(431, "resource_exhausted",
                          "request headers are larger than " + std::to_string(options_.header_limit) + " bytes");
        }
        if (IsHttpParseError(ec)) return Refuse(400, "invalid_argument", "malformed HTTP request");
        if (ec == beast::error::timeout) {
            log::Debug("net.read_timeout", "dropping a client too slow to send its request",
                       {{"remote", remote_address_}});
        } else {
            LogClosed("net.read_failed", ec);
        }
        Abort();
    }

    /// Answers a request that cannot be handled, then closes: what follows it on the
    /// connection cannot be trusted to start at a message boundary.
    void Refuse(int status, std::string_view code, const std::string& message) {
        log::Info("net.request_refused", "refused a request", {{"remote", remote_address_}, {"status", status}});
        keep_alive_ = false;
        linger_ = true;
        WriteResponse(JsonError(status, code, message), true);
    }

    void OnRequest() {
        keep_alive_ = parser_->get().keep_alive();
        version_ = parser_->get().version();
        if (websocket::is_upgrade(parser_->get())) return OnUpgradeRequest();
        if (!reject_.empty()) return Refuse(503, "unavailable", reject_);

        // A request in the handler keeps its slot; one whose slot was just taken goes unhandled.
        if (!SetStanding(SlotTable::Standing::kBusy)) return Abort();
        auto message = parser_->release();
        parser_.reset();
        HttpRequest request = ToAppRequest(message, true, remote_address_);

        state_ = State::kHandling;
        hold_ = shared_from_this();  // nothing else holds the session while the handler works
        auto slot = std::make_shared<ResponseSlot>(weak_from_this(), core_->gate, request_seq_);
        try {
            core_->handler(std::move(request), [slot](HttpResponse r) { slot->Deliver(std::move(r)); });
        } catch (...) {
            // No what(): the handler's messages may carry personal data.
            log::Error("net.handler_exception", "the request handler threw; answering 500",
                       {{"remote", remote_address_}});
            slot->Deliver(InternalError());
        }
    }

    /// An upgrade goes to the UpgradeHandler when its path is a WebSocket path; the answer
    /// comes back through the same ResponseSlot as a response would.
    void OnUpgradeRequest() {
        keep_alive_ = false;  // a refused upgrade ends the connection
        std::string_view target = parser_->get().target();
        std::string_view path = target.substr(0, target.find('?'));
        const auto& paths = options_.websocket_paths;
        if (!core_->upgrade || std::find(paths.begin(), paths.end(), path) == paths.end()) {
            return Refuse(404, "not_found", "there is no WebSocket at this path");
        }
        if (!reject_.empty()) return Refuse(503, "unavailable", reject_);
        // Busy from here on: an accepted WebSocket is never closed to make room.
        if (!SetStanding(SlotTable::Standing::kBusy)) return Abort();
        upgrade_request_ = parser_->release();
        parser_.reset();
        HttpRequest request = ToAppRequest(upgrade_request_, false, remote_address_);

        state_ = State::kHandling;
        hold_ = shared_from_this();
        auto slot = std::make_shared<ResponseSlot>(weak_from_this(), core_->gate, request_seq_);
        try {
            core_->upgrade(std::move(request), [slot](UpgradeAnswer a) { slot->DeliverUpgrade(std::move(a)); });
        } catch (...) {
            log::Error("net.handler_exception", "the upgrade handler threw; answering 500",
                       {{"remote", remote_address_}});
            slot->Deliver(InternalError());
        }
    }

    void OnWsAccepted(beast::error_code ec) {
        if (state_ == State::kClosed) return;
        if (ec) {
            LogClosed("net.ws_handshake_failed", ec);
            return Abort();
        }
        ws_accepted_ = true;
        ws_->async_read(ws_buffer_, Bind(&Session::OnWsRead));
        if (!ws_queue_.empty()) return WsWrite();
        if (ws_close_reason_) StartWsClose();
    }

    /// Reads keep the control frames flowing (pongs, close); what a client sends is ignored.
    void OnWsRead(beast::error_code ec, std::size_t) {
        if (state_ == State::kClosed) return;
        if (ec) {
            if (ec == websocket::error::closed) {
                log::Debug("net.ws_closed", "WebSocket closed", {{"remote", remote_address_}});
            } else if (ec == beast::error::timeout) {
                log::Info("net.ws_timeout", "dropping a WebSocket client that stopped answering pings",
                          {{"remote", remote_address_}});
            } else {
                LogClosed("net.ws_read_failed", ec);
            }
            return Abort();
        }
        ws_buffer_.consume(ws_buffer_.size());
        ws_->async_read(ws_buffer_, Bind(&Session::OnWsRead));
    }

    void WsWrite() {
        ws_writing_ = true;
        ws_->async_write(asio::buffer(ws_queue_.front()), Bind(&Session::OnWsWritten));
    }

    void OnWsWritten(beast::error_code ec, std::size_t) {
        if (state_ == State::kClosed) return;
        ws_writing_ = false;
        if (ec) {
            LogClosed("net.ws_write_failed", ec);
            return Abort();
        }
        ws_queued_bytes_ -= ws_queue_.front().size();
        ws_queue_.pop_front();
        if (!ws_queue_.empty()) return WsWrite();
        if (ws_close_reason_) StartWsClose();
    }

    void StartWsClose() {
        if (ws_closing_) return;
        ws_closing_ = true;
        ws_->async_close(*ws_close_reason_, Bind(&Session::OnWsClosed));
    }

    void OnWsClosed(beast::error_code) { Abort(); }

    void WriteResponse(HttpResponse r, bool close_after) {
        if (r.status < 100 || r.status > 599) {
            log::Error("net.bad_status", "the request handler gave an invalid status; answering 500",
                       {{"status", r.status}});
            r = InternalError();
        }
        res_ = {};
        res_.version(version_);
        res_.result(static_cast<unsigned>(r.status));
        res_.set(http::field::server, "spoedd");
        if (!r.content_type.empty() && IsFieldValue(r.content_type)) {
            res_.set(http::field::content_type, r.content_type);
        }
        for (auto& [name, value] : r.headers) {
            if (!IsToken(name) || !IsFieldValue(value) || IsReservedHeader(LowerCase(name))) {
                log::Warn("net.header_dropped", "dropped a response header with a reserved name or invalid characters",
                          {{"header", IsToken(name) ? name : std::string("(invalid)")}});
                continue;
            }
            res_.insert(name, value);
        }
        for (const auto& [name, value] : SecurityHeaders()) res_.set(name, value);
        res_.body() = std::move(r.body);
        res_.keep_alive(keep_alive_ && !close_after && reject_.empty() && !core_->stopping);
        res_.prepare_payload();
        close_after_ = !res_.keep_alive();

        state_ = State::kWriting;
        tcp().expires_after(options_.write_timeout);
        http::async_write(stream_, res_, Bind(&Session::OnWrite));
    }

    void OnWrite(beast::error_code ec, std::size_t) {
        if (state_ == State::kClosed) return;
        res_ = {};
        if (ec) {
            LogClosed("net.write_failed", ec);
            return Abort();
        }
        if (close_after_) return CloseGracefully();
        if (!SetStanding(SlotTable::Standing::kIdle)) return Abort();
        version_ = 11;
        WaitForRequest(options_.idle_timeout);
    }

    void OnServerStopping() {
        switch (state_) {
            case State::kHandshake:
                return Abort();  // no request yet, and none will be served
            case State::kIdle:
                tcp().cancel();  // OnIdleRead sees operation_aborted and closes politely
                return;
            case State::kWebSocket:
                return WsClose(static_cast<std::uint16_t>(websocket::close_code::going_away), "server stopping");
            default:
                return;  // reading, handling or writing: the answer says Connection: close
        }
    }

    /// Sends TLS close_notify without waiting for the client's (an idle client may never
    /// read it), then closes. After a refused request the client may still be sending what we
    /// did not read; closing over unread input would reset the connection and could destroy
    /// our answer before the client reads it, so then we half-close and drain first. Bounded
    /// by kCloseTimeout in all.
    void CloseGracefully() {
        if (state_ == State::kClosing || state_ == State::kClosed) return;
        state_ = State::kClosing;
        // As if the client's close_notify had arrived: SSL_shutdown then completes once ours
        // is written.
        SSL_set_shutdown(stream_.native_handle(), SSL_get_shutdown(stream_.native_handle()) | SSL_RECEIVED_SHUTDOWN);
        tcp().expires_after(kCloseTimeout);
        stream_.async_shutdown(Bind(&Session::OnTlsShutdown));
    }

    void OnTlsShutdown(beast::error_code ec) {
        if (state_ == State::kClosed) return;
        if (ec || !linger_) return Abort();
        beast::error_code ignored;
        tcp().socket().shutdown(tcp::socket::shutdown_send, ignored);
        drain_.resize(4096);
        Drain();
    }

    void Drain() { tcp().async_read_some(asio::buffer(drain_), Bind(&Session::OnDrained)); }

    void OnDrained(beast::error_code ec, std::size_t) {
        if (state_ == State::kClosed) return;
        if (ec) return Abort();
        Drain();
    }

    /// Closes the socket at once; pending operations complete with an error and find kClosed.
    void Abort() {
        state_ = State::kClosed;
        if (delay_timer_) delay_timer_->cancel();
        tcp().close();
        hold_.reset();
        if (peer_) peer_->MarkClosed();
        ws_queue_.clear();
        if (auto on_close = std::exchange(on_close_, nullptr)) on_close();
    }

    void LogClosed(std::string_view id, const beast::error_code& ec) {
        if (IsRoutineDisconnect(ec)) {
            log::Debug(id, "connection closed", {{"remote", remote_address_}, {"error", ec.message()}});
        } else {
            log::Info(id, "connection failed", {{"remote", remote_address_}, {"error", ec.message()}});
        }
    }

    const std::shared_ptr<Core> core_;
    const ServerOptions& options_;
    const std::string remote_address_;
    const asio::any_io_executor strand_;
    beast::ssl_stream<beast::tcp_stream> stream_;
    const std::string reject_;  // non-empty: answer 503 with this, then close
    State state_ = State::kHandshake;
    beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::string_body>> parser_;
    Clock::time_point deadline_;
    std::uint64_t request_seq_ = 0;
    bool keep_alive_ = true;
    unsigned version_ = 11;
    bool close_after_ = false;
    bool linger_ = false;  // drain before closing: the client may still be sending
    http::response<http::empty_body> continue_;
    http::response<http::string_body> res_;
    std::vector<char> drain_;
    std::shared_ptr<Session> hold_;        // set while the handler has the request
    std::optional<HttpResponse> delayed_;  // an answer waiting for its delay
    std::optional<asio::steady_timer> delay_timer_;
    // WebSocket, after an accepted upgrade:
    http::request<http::string_body> upgrade_request_;
    std::optional<websocket::stream<beast::ssl_stream<beast::tcp_stream>&>> ws_;
    std::shared_ptr<WsPeer> peer_;
    std::function<void()> on_close_;
    beast::flat_buffer ws_buffer_;
    std::deque<std::string> ws_queue_;
    std::size_t ws_queued_bytes_ = 0;
    bool ws_accepted_ = false;
    bool ws_writing_ = false;
    bool ws_closing_ = false;
    std::optional<websocket::close_reason> ws_close_reason_;
};

bool WsPeer::Send(std::string message) {
    if (!open_) return false;
    std::lock_guard lock(gate_->mu);
    if (!gate_->open) return false;
    auto session = session_.lock();
    if (!session) return false;
    asio::post(session->strand(), [session, m = std::move(message)]() mutable { session->WsEnqueue(std::move(m)); });
    return true;
}

void WsPeer::Close(std::uint16_t code, std::string reason) {
    std::lock_guard lock(gate_->mu);
    if (!gate_->open) return;
    auto session = session_.lock();
    if (!session) return;
    asio::post(session->strand(),
               [session, code, r = std::move(reason)]() mutable { session->WsClose(code, std::move(r)); });
}

void ResponseSlot::Deliver(HttpResponse response) {
    if (done_.exchange(true)) {
        log::Warn("net.respond_twice", "respond was called more than once; the extra response is dropped");
        return;
    }
    std::lock_guard lock(gate_->mu);
    if (!gate_->open) return;
    auto session = session_.lock();
    if (!session) return;  // the connection is gone
    asio::post(session->strand(),
               [session, seq = seq_, r = std::move(response)]() mutable { session->OnResponse(seq, std::move(r)); });
}

void ResponseSlot::DeliverUpgrade(UpgradeAnswer answer) {
    if (answer.refusal) return Deliver(std::move(*answer.refusal));
    if (done_.exchange(true)) {
        log::Warn("net.respond_twice", "an upgrade was answered more than once; the extra answer is dropped");
        return;
    }
    std::lock_guard lock(gate_->mu);
    if (!gate_->open) return;
    auto session = session_.lock();
    if (!session) return;
    asio::post(session->strand(), [session, seq = seq_, a = std::move(answer)]() mutable {
        session->OnUpgradeAccepted(seq, std::move(a));
    });
}

std::vector<std::shared_ptr<Session>> Core::Snapshot() {
    std::vector<std::shared_ptr<Session>> out;
    std::lock_guard lock(mu);
    out.reserve(sessions.size());
    for (auto& [_, weak] : sessions) {
        if (auto s = weak.lock()) out.push_back(std::move(s));
    }
    return out;
}

class Listener : public std::enable_shared_from_this<Listener> {
  public:
    /// Binds and listens; throws std::runtime_error naming the address when it cannot.
    Listener(asio::io_context& ioc, std::shared_ptr<Core> core)
        : ioc_(ioc), core_(std::move(core)), acceptor_(asio::make_strand(ioc)), retry_(acceptor_.get_executor()) {
        const auto& o = core_->options;
        const std::string where = o.host + ":" + std::to_string(o.port);
        beast::error_code ec;
        tcp::resolver resolver(ioc);
        auto results = resolver.resolve(o.host, std::to_string(o.port),
                                        tcp::resolver::passive | tcp::resolver::numeric_service, ec);
        if (ec) throw std::runtime_error("cannot resolve listen address " + where + ": " + ec.message());
        for (const auto& entry : results) {
            if (Bind(entry.endpoint(), ec)) return;
            acceptor_.close();
        }
        throw std::runtime_error("cannot listen on " + where + ": " + ec.message());
    }

    std::uint16_t port() const { return port_; }

    void Run() {
        asio::dispatch(acceptor_.get_executor(), [self = shared_from_this()] { self->Accept(); });
    }

    void Close() {
        asio::post(acceptor_.get_executor(), [self = shared_from_this()] {
            beast::error_code ec;
            self->acceptor_.close(ec);
            self->retry_.cancel();
        });
    }

  private:
    bool Bind(const tcp::endpoint& endpoint, beast::error_code& ec) {
        acceptor_.open(endpoint.protocol(), ec);
        if (ec) return false;
        acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
        if (ec) return false;
        acceptor_.bind(endpoint, ec);
        if (ec) return false;
        acceptor_.listen(asio::socket_base::max_listen_connections, ec);
        if (ec) return false;
        port_ = acceptor_.local_endpoint(ec).port();
        return !ec;
    }

    void Accept() {
        acceptor_.async_accept(asio::make_strand(ioc_),
                               beast::bind_front_handler(&Listener::OnAccept, shared_from_this()));
    }

    void OnAccept(beast::error_code ec, tcp::socket socket) {
        if (ec == asio::error::operation_aborted || !acceptor_.is_open()) return;  // closed by Stop()
        if (core_->stopping) return;
        if (ec) {
            log::Warn("net.accept_failed", "accepting a connection failed", {{"error", ec.message()}});
            retry_.expires_after(kAcceptRetryDelay);
            retry_.async_wait([self = shared_from_this()](beast::error_code e) {
                if (!e) self->Accept();
            });
            return;
        }
        try {
            // Over a connection limit, a connection still gets the TLS handshake and a 503 with
            // Connection: close, so its client learns why. Those refusals are bounded too:
            // beyond a margin, new connections are closed without a word. An address opening
            // connections faster than its handshake rate is closed at once: the point of that
            // limit is not to spend a handshake on it. Only a connection that passes all that
            // and the limit of its address may take a slot from another (TakeSlot).
            const auto& o = core_->options;
            const std::size_t max = o.max_connections;
            const std::size_t hard_max = max + std::max<std::size_t>(16, max / 4);
            const std::size_t open = core_->open.load();
            std::string remote = FormatAddress(socket.remote_endpoint(ec));
            std::size_t from_address = 0;
            {
                std::lock_guard lock(core_->mu);
                if (auto it = core_->per_address.find(remote); it != core_->per_address.end())
                    from_address = it->second;
            }
            if (open >= hard_max || from_address >= o.max_connections_per_address + 16) {
                dropped_.Refused(remote);
                socket.close(ec);
            } else if (!handshakes_.Allow(remote)) {
                rate_limited_.Refused(remote);
                socket.close(ec);
            } else {
                std::string reject;
                if (from_address >= o.max_connections_per_address) {
                    too_many_here_.Refused(remote);
                    reject = "too many connections from your address (at most " +
                             std::to_string(o.max_connections_per_address) + ")";
                } else if (!TakeSlot()) {
                    too_many_.Refused(remote);
                    reject = "too many connections; try again shortly";
                }
                // Answers go out as soon as they are written: with Nagle's algorithm on, the
                // last segment of an answer waited for the client's delayed ACK (about 40 ms).
                socket.set_option(tcp::no_delay(true), ec);
                Session::Create(core_, std::move(socket), std::move(reject))->Run();
            }
        } catch (const std::exception& e) {
            log::Error("net.accept_failed", "could not set up a connection", {{"error", e.what()}});
        }
        Accept();
    }

    /// Whether a new connection may have a slot. When none is free, it takes the slot of a
    /// connection that holds one without using it (SlotTable::Evict), which is then closed;
    /// false when there is no such connection. Only the listener adds to the table, so the
    /// slot is still there when the new session claims it.
    bool TakeSlot() {
        std::shared_ptr<Session> victim;  // released after the lock: its destructor takes it
        {
            std::lock_guard lock(core_->mu);
            if (core_->slots.HasRoom()) return true;
            SlotTable::Key key = core_->slots.Evict();
            if (key == nullptr) return false;
            // Not found, or expired: the session is being destroyed and its slot is free all the same.
            if (auto it = core_->sessions.find(key); it != core_->sessions.end()) victim = it->second.lock();
        }
        if (victim) {
            evicted_.Refused(victim->remote_address());
            // Closed on its own strand, where everything it does runs, as Stop() closes sessions.
            victim->PostEvict();
        }
        return true;
    }

    asio::io_context& ioc_;
    std::shared_ptr<Core> core_;
    tcp::acceptor acceptor_;
    asio::steady_timer retry_;
    std::uint16_t port_ = 0;
    // Only touched on the acceptor's strand.
    HandshakeRate handshakes_{core_->options.handshakes_per_address_per_second,
                              core_->options.handshake_burst_per_address};
    BurstLog dropped_{"net.connection_dropped", "far too many connections; closing new ones without an answer"};
    BurstLog rate_limited_{"net.handshake_rate", "an address opens connections too fast; closing them unanswered"};
    BurstLog too_many_{"net.too_many_connections", "too many connections; answering 503"};
    BurstLog too_many_here_{"net.too_many_from_address", "too many connections from one address; answering 503"};
    BurstLog evicted_{"net.connection_evicted",
                      "connection slots ran short; closing connections without a request in progress to make room"};
};

}  // namespace

struct Server::Impl {
    enum class Phase { kNew, kRunning, kStopped };

    Impl(ServerOptions options, RequestHandler handler, UpgradeHandler upgrade)
        : core(std::make_shared<Core>(std::move(options), std::move(handler), std::move(upgrade))) {}

    void RunIo() {
        for (;;) {
            try {
                ioc.run();
                return;
            } catch (const std::exception& e) {
                log::Error("net.io_exception", "an I/O handler threw", {{"error", e.what()}});
            } catch (...) {
                log::Error("net.io_exception", "an I/O handler threw");
            }
        }
    }

    [[nodiscard]] bool OnIoThread() const {
        const auto self = std::this_thread::get_id();
        return std::any_of(threads.begin(), threads.end(), [&](const std::thread& t) { return t.get_id() == self; });
    }

    void JoinIo() {
        work.reset();
        ioc.stop();
        for (auto& t : threads) {
            if (t.joinable()) t.join();
        }
        threads.clear();
    }

    // Declared first so that it is destroyed last: sessions destroyed with the io_context's
    // queued handlers still reach it.
    std::shared_ptr<Core> core;
    asio::io_context ioc;
    std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
    std::shared_ptr<Listener> listener;
    std::vector<std::thread> threads;
    std::atomic<std::uint16_t> port{0};
    std::mutex lifecycle_mu;
    Phase phase = Phase::kNew;
};

Server::Server(ServerOptions options, RequestHandler handler, UpgradeHandler upgrade) {
    if (!handler) throw std::invalid_argument("Server needs a request handler");
    if (const auto reserved = ReservedForAuthenticated(options); reserved > 0 && reserved >= options.max_connections) {
        throw std::invalid_argument("reserved_for_authenticated (" + std::to_string(reserved) +
                                    ") must be less than max_connections (" + std::to_string(options.max_connections) +
                                    "): nobody could connect to sign in");
    }
    impl_ = std::make_unique<Impl>(std::move(options), std::move(handler), std::move(upgrade));
}

Server::~Server() {
    try {
        Stop();
    } catch (const std::exception& e) {
        log::Error("net.stop_failed", "stopping the server failed", {{"error", e.what()}});
    }
}

void Server::Start() {
    auto& d = *impl_;
    std::lock_guard lock(d.lifecycle_mu);
    if (d.phase != Impl::Phase::kNew) throw std::logic_error("Server::Start: the server was already started");
    d.listener = std::make_shared<Listener>(d.ioc, d.core);
    d.port = d.listener->port();
    d.work.emplace(d.ioc.get_executor());
    unsigned n = d.core->options.threads != 0 ? d.core->options.threads : std::thread::hardware_concurrency();
    n = std::max(1u, n);
    try {
        for (unsigned i = 0; i < n; ++i) d.threads.emplace_back([&d] { d.RunIo(); });
    } catch (...) {
        d.JoinIo();
        throw;
    }
    d.listener->Run();
    d.phase = Impl::Phase::kRunning;
}

std::uint16_t Server::port() const { return impl_->port.load(); }

std::size_t Server::open_connections() const { return impl_->core->open.load(); }

void Server::Stop() {
    auto& d = *impl_;
    if (d.OnIoThread()) throw std::logic_error("Server::Stop must not be called from an I/O thread");
    std::lock_guard lock(d.lifecycle_mu);
    if (d.phase != Impl::Phase::kRunning) {
        d.phase = Impl::Phase::kStopped;
        return;
    }
    auto& core = *d.core;
    core.stopping = true;
    d.listener->Close();
    // Snapshots are dropped at once: holding them would keep the sessions alive.
    for (auto& s : core.Snapshot()) s->PostServerStopping();
    if (!core.WaitForNoConnections(core.options.shutdown_grace)) {
        log::Warn("net.shutdown_forced", "closing connections still busy after the shutdown grace period",
                  {{"connections", static_cast<std::uint64_t>(core.open.load())}});
        for (auto& s : core.Snapshot()) s->PostForceClose();
        core.WaitForNoConnections(kForcedCloseWait);
    }
    d.JoinIo();
    {
        std::lock_guard gate_lock(core.gate->mu);
        core.gate->open = false;
    }
    // No I/O thread runs now: close what is left directly, then let the handlers that are
    // still queued complete (with errors) so that every session ends here.
    for (auto& s : core.Snapshot()) s->AbortNow();
    try {
        d.ioc.restart();
        d.ioc.run_for(std::chrono::milliseconds(500));
    } catch (const std::exception& e) {
        log::Error("net.io_exception", "an I/O handler threw during shutdown", {{"error", e.what()}});
    }
    d.ioc.stop();
    d.listener.reset();
    d.phase = Impl::Phase::kStopped;
    log::Info("net.stopped", "HTTPS listener stopped");
}

}  // namespace spoed::daemon::net
