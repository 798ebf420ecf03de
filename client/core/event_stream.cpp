#include "client/core/event_stream.hpp"

#include <algorithm>
#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "client/core/tls_connect.hpp"

namespace spoed::client {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kMaxEventBytes = 64 * 1024;
constexpr std::string_view kEventsPath = "/spoed.v1/events";

}  // namespace

struct EventStream::Impl {
    Options options;
    OnEvent on_event;
    OnState on_state;
    std::thread thread;
    std::atomic<std::int64_t> last_seq{-1};

    asio::io_context ioc;
    asio::ssl::context tls{asio::ssl::context::tls_client};
    std::mutex mu;  // guards stopping with the io_context's stopped state, and wakes the backoff
    std::condition_variable wake;
    bool stopping = false;

    /// Runs the io_context until the operation started completes, unless Stop() stopped it.
    /// The WebSocket keeps a timer of its own going, so this waits for the operation's
    /// handler (`done`), not for the io_context to run out of work.
    void RunUntil(const bool& done) {
        {
            std::lock_guard lock(mu);
            if (stopping) return;
            ioc.restart();
        }
        while (!done && ioc.run_one() != 0) {
        }
    }
    /// For operations that leave no timer behind (connect, TLS handshake).
    void Run() {
        {
            std::lock_guard lock(mu);
            if (stopping) return;
            ioc.restart();
        }
        ioc.run();
    }

    bool Stopping() {
        std::lock_guard lock(mu);
        return stopping;
    }

    void Report(State state, const std::string& detail) {
        if (on_state) on_state(state, detail);
    }

    /// One connection, from connect to its end. Returns the reason it ended; sets
    /// `unauthorized` when the server refused the token, `delivered` when any event arrived.
    std::string Session(const detail::Url& url, bool& unauthorized, bool& delivered) {
        std::optional<detail::TlsStream> stream;
        bool certificate_refused = false;
        auto deadline = Clock::now() + options.client.timeout;
        Status st = detail::ConnectTls(
            ioc, tls, url, options.client, deadline, [this] { Run(); }, stream, certificate_refused);
        if (!st.ok()) return st.error().message;

        websocket::stream<detail::TlsStream&> ws(*stream);
        beast::get_lowest_layer(ws).expires_never();
        auto idle = std::chrono::duration_cast<Clock::duration>(options.idle_timeout);
        ws.set_option(websocket::stream_base::timeout{
            std::chrono::duration_cast<Clock::duration>(options.client.timeout), idle, true});
        ws.set_option(websocket::stream_base::decorator([this](websocket::request_type& req) {
            req.set(http::field::authorization, "Bearer " + options.token);
            req.set(http::field::user_agent, "spoed-client/0.1");
        }));
        ws.read_message_max(kMaxEventBytes);

        std::string target(kEventsPath);
        std::int64_t after = last_seq.load();
        if (after >= 0) target += "?after=" + std::to_string(after);
        websocket::response_type res;
        boost::system::error_code ec = asio::error::operation_aborted;
        bool done = false;
        ws.async_handshake(res, url.HostHeader(), target, [&](boost::system::error_code e) {
            ec = e;
            done = true;
        });
        RunUntil(done);
        if (ec) {
            if (res.result() == http::status::unauthorized) {
                unauthorized = true;
                return "the server refused the token: log in again";
            }
            if (res.result() == http::status::forbidden) {
                unauthorized = true;
                return "this account receives no live events";
            }
            if (res.result_int() != 0)
                return "the server refused the event stream (HTTP " + std::to_string(res.result_int()) + ")";
            return "WebSocket handshake failed: " + ec.message();
        }
        Report(State::kConnected, "");

        beast::flat_buffer buffer;
        for (;;) {
            ec = asio::error::operation_aborted;
            done = false;
            ws.async_read(buffer, [&](boost::system::error_code e, std::size_t) {
                ec = e;
                done = true;
            });
            RunUntil(done);
            if (Stopping()) break;
            if (ec) {
                if (ec == websocket::error::closed) {
                    auto reason = ws.reason();
                    if (reason.code == websocket::close_code::policy_error) unauthorized = true;
                    return "the server closed the stream" +
                           (reason.reason.empty() ? std::string()
                                                  : ": " + std::string(reason.reason.data(), reason.reason.size()));
                }
                if (ec == beast::error::timeout) return "the server stopped answering";
                return "the connection broke: " + ec.message();
            }
            v1::Event event;
            if (event.ParseFromArray(buffer.data().data(), static_cast<int>(buffer.size())) &&
                event.seq() > last_seq.load()) {
                last_seq = event.seq();
                delivered = true;
                if (on_event) on_event(event);
            }
            buffer.consume(buffer.size());
        }
        // Stopping: a polite close, bounded by the handshake timeout.
        ec = asio::error::operation_aborted;
        {
            std::lock_guard lock(mu);
            ioc.restart();
        }
        ws.async_close(websocket::close_code::going_away, [&](boost::system::error_code e) { ec = e; });
        ioc.run_for(std::chrono::milliseconds(500));
        return "stopped";
    }

    void Loop() {
        // Several servers of one deployment: a stream that could not be kept goes to the next.
        std::vector<detail::Url> urls;
        for (const auto& one : ServerUrls(options.client.server_url)) {
            auto url = detail::ParseUrl(one);
            if (!url.ok()) {
                Report(State::kStopped, url.error().message);
                return;
            }
            urls.push_back(*url);
        }
        std::size_t next = 0;
        if (Status st = detail::SetUpTls(tls, options.client); !st.ok()) {
            Report(State::kStopped, st.error().message);
            return;
        }
        auto backoff = options.reconnect_backoff;
        std::string detail;
        while (!Stopping()) {
            Report(State::kConnecting, detail);
            bool unauthorized = false;
            bool delivered = false;
            const detail::Url& url = urls[next];
            detail = Session(url, unauthorized, delivered);
            if (!delivered) next = (next + 1) % urls.size();
            if (Stopping()) break;
            if (unauthorized) {
                Report(State::kUnauthorized, detail);
                return;
            }
            if (delivered) backoff = options.reconnect_backoff;
            std::unique_lock lock(mu);
            wake.wait_for(lock, backoff, [&] { return stopping; });
            backoff = std::min(backoff * 2, options.max_reconnect_backoff);
        }
        Report(State::kStopped, "");
    }
};

EventStream::EventStream(Options options, OnEvent on_event, OnState on_state) : impl_(std::make_unique<Impl>()) {
    impl_->options = std::move(options);
    impl_->on_event = std::move(on_event);
    impl_->on_state = std::move(on_state);
    impl_->last_seq = impl_->options.after;
}

EventStream::~EventStream() { Stop(); }

void EventStream::Start() {
    if (impl_->thread.joinable()) return;
    impl_->thread = std::thread([impl = impl_.get()] { impl->Loop(); });
}

void EventStream::Stop() {
    {
        std::lock_guard lock(impl_->mu);
        impl_->stopping = true;
        impl_->ioc.stop();
    }
    impl_->wake.notify_all();
    if (impl_->thread.joinable()) impl_->thread.join();
}

std::int64_t EventStream::last_seq() const { return impl_->last_seq.load(); }

}  // namespace spoed::client
