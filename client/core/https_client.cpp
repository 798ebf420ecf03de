#include "client/core/https_client.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <chrono>
#include <optional>

#include "client/core/tls_connect.hpp"

namespace spoed::client {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kMaxReplyBody = 64 * 1024 * 1024;

/// CR, LF or NUL in a request line or header would let one value smuggle in another header.
bool IsSafeFieldValue(std::string_view v) {
    return v.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
}

}  // namespace

struct HttpsClient::Impl {
    asio::io_context ioc;
    ssl::context tls{ssl::context::tls_client};
    std::optional<detail::TlsStream> stream;
    detail::Url url;
    std::optional<Error> setup_error;  // a bad URL or CA file: every Send answers it
    beast::flat_buffer buffer;
    bool connected = false;
    std::size_t connections_opened = 0;

    /// Runs the io_context until the started operation completes; tcp_stream's expiry and the
    /// resolve timer guarantee it does.
    void RunUntilDone() {
        ioc.restart();
        ioc.run();
    }

    /// Opens a new connection and completes the TLS handshake; `certificate_refused` is set when
    /// it failed because the server's certificate did not verify.
    Status Connect(const ClientOptions& options, Clock::time_point deadline, bool& certificate_refused) {
        buffer.clear();
        connected = false;
        ++connections_opened;
        SPOED_TRY(detail::ConnectTls(
            ioc, tls, url, options, deadline, [this] { RunUntilDone(); }, stream, certificate_refused));
        connected = true;
        return Ok();
    }

    /// One exchange on the open connection; `nothing_received` tells whether the server had
    /// closed the connection before answering (the request never reached it).
    Result<HttpReply> Exchange(const http::request<http::string_body>& req, Clock::time_point deadline,
                               bool& nothing_received) {
        nothing_received = false;
        boost::system::error_code ec;
        beast::get_lowest_layer(*stream).expires_at(deadline);
        http::async_write(*stream, req, [&](boost::system::error_code e, std::size_t) { ec = e; });
        RunUntilDone();
        if (ec) {
            connected = false;
            // A write refused outright (the peer had reset the connection) delivered no whole
            // request; a timed-out one may have.
            nothing_received = ec != beast::error::timeout;
            return Error::Unavailable(ec == beast::error::timeout ? std::string("sending the request timed out")
                                                                  : "sending the request failed: " + ec.message());
        }
        http::response_parser<http::string_body> parser;
        parser.body_limit(kMaxReplyBody);
        http::async_read(*stream, buffer, parser, [&](boost::system::error_code e, std::size_t) { ec = e; });
        RunUntilDone();
        if (ec) {
            connected = false;
            nothing_received =
                !parser.got_some() && (ec == http::error::end_of_stream || ec == asio::error::eof ||
                                       ec == asio::error::connection_reset || ec == ssl::error::stream_truncated);
            if (ec == beast::error::timeout) return Error::Unavailable("no answer from the server in time");
            if (ec == http::error::body_limit) {
                return Error::ResourceExhausted("the server's answer is larger than " +
                                                std::to_string(kMaxReplyBody / (1024 * 1024)) + " MiB");
            }
            return Error::Unavailable("reading the answer failed: " + ec.message());
        }
        auto res = parser.release();
        HttpReply reply;
        reply.status = static_cast<int>(res.result_int());
        reply.content_type = std::string(res[http::field::content_type]);
        reply.body = std::move(res.body());
        if (!res.keep_alive()) connected = false;
        return reply;
    }
};

std::vector<std::string> ServerUrls(std::string_view server_url) {
    std::vector<std::string> out;
    while (true) {
        const std::size_t comma = server_url.find(',');
        std::string_view one = server_url.substr(0, comma);
        while (!one.empty() && one.front() == ' ') one.remove_prefix(1);
        while (!one.empty() && one.back() == ' ') one.remove_suffix(1);
        if (!one.empty()) out.emplace_back(one);
        if (comma == std::string_view::npos) break;
        server_url.remove_prefix(comma + 1);
    }
    if (out.empty()) out.emplace_back();
    return out;
}

HttpsClient::HttpsClient(ClientOptions options) : options_(std::move(options)), impl_(std::make_unique<Impl>()) {
    auto url = detail::ParseUrl(options_.server_url);
    if (!url.ok()) {
        impl_->setup_error = url.error();
        return;
    }
    impl_->url = *url;
    if (Status st = detail::SetUpTls(impl_->tls, options_); !st.ok()) impl_->setup_error = st.error();
}

HttpsClient::~HttpsClient() = default;

std::size_t HttpsClient::connections_opened() const { return impl_->connections_opened; }

Result<HttpReply> HttpsClient::Send(std::string_view method, std::string_view target, std::string_view content_type,
                                    std::string body, const std::vector<std::pair<std::string, std::string>>& headers) {
    last_failure_permanent_ = true;
    if (impl_->setup_error) return *impl_->setup_error;
    bool safe = !method.empty() && method.find_first_of(" \r\n") == std::string_view::npos && !target.empty() &&
                target.front() == '/' &&
                target.find_first_of(std::string_view(" \r\n\0", 4)) == std::string_view::npos &&
                IsSafeFieldValue(content_type);
    for (const auto& [name, value] : headers) safe = safe && IsSafeFieldValue(name) && IsSafeFieldValue(value);
    if (!safe) return Error::InvalidArgument("the request has a line break or space where none may be");
    last_failure_permanent_ = false;

    auto deadline = Clock::now() + options_.timeout;
    http::request<http::string_body> req;
    req.method_string(method);
    req.target(target);
    req.version(11);
    req.set(http::field::host, impl_->url.HostHeader());
    req.set(http::field::user_agent, "spoed-client/0.1");
    if (!content_type.empty()) req.set(http::field::content_type, content_type);
    for (const auto& [name, value] : headers) req.set(name, value);
    req.keep_alive(true);
    req.body() = std::move(body);
    req.prepare_payload();

    for (int attempt = 0; attempt < 2; ++attempt) {
        bool reused = impl_->connected;
        if (!impl_->connected) {
            bool certificate_refused = false;
            auto connected = impl_->Connect(options_, deadline, certificate_refused);
            if (!connected.ok()) {
                last_failure_permanent_ = certificate_refused;
                return std::move(connected).take_error();
            }
        }
        bool nothing_received = false;
        auto reply = impl_->Exchange(req, deadline, nothing_received);
        // A keep-alive connection the server had already closed: the request never arrived,
        // so sending it once more on a new connection is safe. Only once: a fresh connection
        // that fails the same way is a real failure.
        if (!reply.ok() && reused && nothing_received && attempt == 0) continue;
        if (!reply.ok()) last_failure_permanent_ = reply.error().code != ErrorCode::kUnavailable;
        return reply;
    }
    return Error::Unavailable("the connection to the server closed");
}

}  // namespace spoed::client
