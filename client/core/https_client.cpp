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
};

Result<Url> ParseUrl(std::string_view url) {
    constexpr std::string_view kScheme = "https://";
    if (url.substr(0, kScheme.size()) != kScheme) {
        return Error::InvalidArgument("server URL must start with https:// (got '" + std::string(url.substr(0, 60)) + "')");
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
        out.ip_literal = true;
        rest.remove_prefix(close + 1);
        if (!rest.empty()) {
            if (rest.front() != ':') return Error::InvalidArgument("server URL: expected ':' after IPv6 address");
            out.port = std::string(rest.substr(1));
        }
    } else {
        auto colon = rest.rfind(':');
        out.host = std::string(rest.substr(0, colon));
        if (colon != std::string_view::npos) out.port = std::string(rest.substr(colon + 1));
        boost::system::error_code ec;
        asio::ip::make_address(out.host, ec);
        out.ip_literal = !ec;
    }
    if (out.host.empty()) return Error::InvalidArgument("server URL has no host");
    if (out.port.empty() || out.port.size() > 5 ||
        out.port.find_first_not_of("0123456789") != std::string::npos || std::stoi(out.port) > 65535) {
        return Error::InvalidArgument("server URL has an invalid port");
    }
    return out;
}

}  // namespace

struct HttpsClient::Impl {
    asio::io_context ioc;
    ssl::context tls{ssl::context::tls_client};
    std::optional<beast::ssl_stream<beast::tcp_stream>> stream;
    Url url;
    std::string setup_error;  // a bad URL or CA file: every Send answers it
    beast::flat_buffer buffer;
    bool connected = false;

    /// Runs the io_context until the started operation completes; tcp_stream's expiry and the
    /// resolve timer guarantee it does.
    void RunUntilDone() {
        ioc.restart();
        ioc.run();
    }

    Status Connect(const ClientOptions& options, Clock::time_point deadline) {
        stream.reset();
        buffer.clear();
        connected = false;
        stream.emplace(ioc, tls);
        SSL* native = stream->native_handle();
        if (!url.ip_literal) SSL_set_tlsext_host_name(native, url.host.c_str());
        X509_VERIFY_PARAM* param = SSL_get0_param(native);
        if (url.ip_literal) {
            X509_VERIFY_PARAM_set1_ip_asc(param, url.host.c_str());
        } else {
            X509_VERIFY_PARAM_set1_host(param, url.host.c_str(), 0);
        }

        tcp::resolver resolver(ioc);
        asio::steady_timer timer(ioc);
        tcp::resolver::results_type endpoints;
        boost::system::error_code ec;
        timer.expires_at(deadline);
        timer.async_wait([&](boost::system::error_code e) {
            if (!e) resolver.cancel();
        });
        resolver.async_resolve(url.host, url.port, [&](boost::system::error_code e, tcp::resolver::results_type r) {
            ec = e;
            endpoints = std::move(r);
            timer.cancel();
        });
        RunUntilDone();
        if (ec) return Error::Unavailable("cannot resolve " + url.host + ": " + ec.message());

        beast::get_lowest_layer(*stream).expires_at(deadline);
        beast::get_lowest_layer(*stream).async_connect(
            endpoints, [&](boost::system::error_code e, const tcp::endpoint&) { ec = e; });
        RunUntilDone();
        if (ec) {
            return Error::Unavailable("cannot connect to " + url.host + ":" + url.port + ": " +
                                      (ec == beast::error::timeout ? std::string("timed out") : ec.message()));
        }
        stream->async_handshake(ssl::stream_base::client, [&](boost::system::error_code e) { ec = e; });
        RunUntilDone();
        if (ec) {
            long verify = SSL_get_verify_result(native);
            if (verify != X509_V_OK) {
                std::string trust = options.ca_file.empty() ? "the system's trusted CAs" : options.ca_file;
                return Error::Unavailable("the server's certificate could not be verified against " + trust + ": " +
                                          X509_verify_cert_error_string(verify) +
                                          "; check the server address and the CA file (--ca)");
            }
            return Error::Unavailable("TLS handshake with " + url.host + " failed: " +
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
            nothing_received = true;
            connected = false;
            return Error::Unavailable("sending the request failed: " + ec.message());
        }
        http::response_parser<http::string_body> parser;
        parser.body_limit(kMaxReplyBody);
        std::size_t read = 0;
        http::async_read(*stream, buffer, parser, [&](boost::system::error_code e, std::size_t n) {
            ec = e;
            read = n;
        });
        RunUntilDone();
        if (ec) {
            connected = false;
            nothing_received = read == 0 && !parser.got_some() &&
                               (ec == http::error::end_of_stream || ec == asio::error::eof ||
                                ec == asio::error::connection_reset || ec == ssl::error::stream_truncated);
            return Error::Unavailable(ec == beast::error::timeout ? std::string("no answer from the server in time")
                                                                  : "reading the answer failed: " + ec.message());
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
        impl_->setup_error = url.error().message;
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
    if (ec) impl_->setup_error = "cannot use CA file " + options_.ca_file + ": " + ec.message();
}

HttpsClient::~HttpsClient() = default;

Result<HttpReply> HttpsClient::Send(std::string_view method, std::string_view target, std::string_view content_type,
                                    std::string body,
                                    const std::vector<std::pair<std::string, std::string>>& headers) {
    if (!impl_->setup_error.empty()) {
        bool url_problem = impl_->setup_error.rfind("cannot use CA", 0) != 0;
        return url_problem ? Error::InvalidArgument(impl_->setup_error) : Error::Unavailable(impl_->setup_error);
    }
    auto deadline = Clock::now() + options_.timeout;
    http::request<http::string_body> req;
    req.method_string(method);
    req.target(target);
    req.version(11);
    req.set(http::field::host, impl_->url.host);
    req.set(http::field::user_agent, "spoed-client/0.1");
    if (!content_type.empty()) req.set(http::field::content_type, content_type);
    for (const auto& [name, value] : headers) req.set(name, value);
    req.keep_alive(true);
    req.body() = std::move(body);
    req.prepare_payload();

    for (int attempt = 0; attempt < 2; ++attempt) {
        bool reused = impl_->connected;
        if (!impl_->connected) SPOED_TRY(impl_->Connect(options_, deadline));
        bool nothing_received = false;
        auto reply = impl_->Exchange(req, deadline, nothing_received);
        // A keep-alive connection the server had already closed: the request never arrived,
        // so sending it once more on a new connection is safe.
        if (!reply.ok() && reused && nothing_received && attempt == 0) continue;
        return reply;
    }
    return Error::Unavailable("the connection to the server closed");
}

}  // namespace spoed::client
