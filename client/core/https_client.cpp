#include "client/core/https_client.hpp"

#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <chrono>
#include <optional>

namespace spoed::client {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kMaxReplyBody = 64 * 1024 * 1024;

struct Url {
    std::string host;  // without brackets
    std::string port;
    bool ip_literal = false;

    /// The Host header: IPv6 literals in brackets, the port unless it is the default.
    std::string HostHeader() const {
        std::string h = host.find(':') != std::string::npos ? "[" + host + "]" : host;
        return port == "443" ? h : h + ":" + port;
    }
    /// host:port as an operator would check it, the port always shown.
    std::string Authority() const {
        return (host.find(':') != std::string::npos ? "[" + host + "]" : host) + ":" + port;
    }
};

bool IsHostNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_';
}

Result<Url> ParseUrl(std::string_view url) {
    constexpr std::string_view kScheme = "https://";
    if (url.substr(0, kScheme.size()) != kScheme) {
        return Error::InvalidArgument("server URL must start with https:// (got '" + std::string(url.substr(0, 60)) +
                                      "')");
    }
    std::string_view rest = url.substr(kScheme.size());
    while (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
    if (rest.find('/') != std::string_view::npos) return Error::InvalidArgument("server URL must not have a path");
    Url out;
    out.port = "443";
    if (!rest.empty() && rest.front() == '[') {
        auto close = rest.find(']');
        if (close == std::string_view::npos) return Error::InvalidArgument("server URL: unclosed '[' in IPv6 address");
        out.host = std::string(rest.substr(1, close - 1));
        boost::system::error_code ec;
        asio::ip::make_address_v6(out.host, ec);
        if (ec || out.host.find('%') != std::string::npos) {
            return Error::InvalidArgument("server URL: '" + out.host + "' is not an IPv6 address");
        }
        out.ip_literal = true;
        rest.remove_prefix(close + 1);
        if (!rest.empty()) {
            if (rest.front() != ':') return Error::InvalidArgument("server URL: expected ':' after IPv6 address");
            out.port = std::string(rest.substr(1));
        }
    } else {
        auto colon = rest.find(':');
        out.host = std::string(rest.substr(0, colon));
        if (colon != std::string_view::npos) out.port = std::string(rest.substr(colon + 1));
        if (out.port.find(':') != std::string::npos) {
            return Error::InvalidArgument("server URL: an IPv6 address must be written in brackets, as [::1]:8443");
        }
        for (char c : out.host) {
            // Rules out user info, queries, fragments and anything a resolver would misread.
            if (!IsHostNameChar(c)) return Error::InvalidArgument("server URL: invalid character in host name");
        }
        boost::system::error_code ec;
        asio::ip::make_address_v4(out.host, ec);
        out.ip_literal = !ec;
    }
    if (out.host.empty()) return Error::InvalidArgument("server URL has no host");
    if (out.port.empty() || out.port.size() > 5 || out.port.find_first_not_of("0123456789") != std::string::npos ||
        std::stoi(out.port) == 0 || std::stoi(out.port) > 65535) {
        return Error::InvalidArgument("server URL has an invalid port");
    }
    return out;
}

/// CR, LF or NUL in a request line or header would let one value smuggle in another header.
bool IsSafeFieldValue(std::string_view v) {
    return v.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
}

}  // namespace

struct HttpsClient::Impl {
    asio::io_context ioc;
    ssl::context tls{ssl::context::tls_client};
    std::optional<beast::ssl_stream<beast::tcp_stream>> stream;
    Url url;
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
        certificate_refused = false;
        stream.reset();
        buffer.clear();
        connected = false;
        stream.emplace(ioc, tls);
        SSL* native = stream->native_handle();
        // SNI carries names only, never addresses (RFC 6066 §3).
        if (!url.ip_literal && SSL_set_tlsext_host_name(native, url.host.c_str()) != 1) {
            return Error::Internal("cannot set the TLS server name");
        }
        X509_VERIFY_PARAM* param = SSL_get0_param(native);
        int set = url.ip_literal ? X509_VERIFY_PARAM_set1_ip_asc(param, url.host.c_str())
                                 : X509_VERIFY_PARAM_set1_host(param, url.host.c_str(), url.host.size());
        if (set != 1) return Error::Internal("cannot set the host name the certificate must name");

        tcp::resolver resolver(ioc);
        asio::steady_timer timer(ioc);
        tcp::resolver::results_type endpoints;
        boost::system::error_code ec;
        bool resolve_timed_out = false;
        timer.expires_at(deadline);
        timer.async_wait([&](boost::system::error_code e) {
            if (!e) {
                resolve_timed_out = true;
                resolver.cancel();
            }
        });
        // Addresses are not looked up: an IPv6 literal must not go through the name service.
        auto flags = url.ip_literal ? tcp::resolver::numeric_host | tcp::resolver::numeric_service
                                    : tcp::resolver::numeric_service;
        resolver.async_resolve(url.host, url.port, flags,
                               [&](boost::system::error_code e, tcp::resolver::results_type r) {
                                   ec = e;
                                   endpoints = std::move(r);
                                   timer.cancel();
                               });
        RunUntilDone();
        if (ec) {
            return Error::Unavailable("cannot resolve " + url.host + ": " +
                                      (resolve_timed_out ? std::string("timed out") : ec.message()));
        }

        ++connections_opened;
        beast::get_lowest_layer(*stream).expires_at(deadline);
        beast::get_lowest_layer(*stream).async_connect(
            endpoints, [&](boost::system::error_code e, const tcp::endpoint&) { ec = e; });
        RunUntilDone();
        if (ec) {
            return Error::Unavailable("cannot connect to " + url.Authority() + ": " +
                                      (ec == beast::error::timeout ? std::string("timed out") : ec.message()));
        }
        stream->async_handshake(ssl::stream_base::client, [&](boost::system::error_code e) { ec = e; });
        RunUntilDone();
        if (ec) {
            long verify = SSL_get_verify_result(native);
            if (verify != X509_V_OK) {
                certificate_refused = true;
                std::string trust = options.ca_file.empty() ? "the system's trusted CAs" : options.ca_file;
                return Error::Unavailable("the server's certificate could not be verified against " + trust + ": " +
                                          X509_verify_cert_error_string(verify) +
                                          "; check the server address and the CA file");
            }
            return Error::Unavailable("TLS handshake with " + url.Authority() + " failed: " +
                                      (ec == beast::error::timeout ? std::string("timed out") : ec.message()));
        }
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

HttpsClient::HttpsClient(ClientOptions options) : options_(std::move(options)), impl_(std::make_unique<Impl>()) {
    auto url = ParseUrl(options_.server_url);
    if (!url.ok()) {
        impl_->setup_error = url.error();
        return;
    }
    impl_->url = *url;
    impl_->tls.set_verify_mode(ssl::verify_peer);
    SSL_CTX_set_min_proto_version(impl_->tls.native_handle(), TLS1_2_VERSION);
    boost::system::error_code ec;
    if (options_.ca_file.empty()) {
        impl_->tls.set_default_verify_paths(ec);
    } else {
        impl_->tls.load_verify_file(options_.ca_file, ec);
    }
    if (ec) {
        std::string what = options_.ca_file.empty() ? "the system's trusted CAs" : "CA file " + options_.ca_file;
        impl_->setup_error = Error::Unavailable("cannot use " + what + ": " + ec.message());
    }
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
