#include "client/core/tls_connect.hpp"

#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

namespace spoed::client::detail {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

bool IsHostNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_';
}

}  // namespace

std::string Url::HostHeader() const {
    std::string h = host.find(':') != std::string::npos ? "[" + host + "]" : host;
    return port == "443" ? h : h + ":" + port;
}

std::string Url::Authority() const {
    return (host.find(':') != std::string::npos ? "[" + host + "]" : host) + ":" + port;
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

Status SetUpTls(ssl::context& tls, const ClientOptions& options) {
    tls.set_verify_mode(ssl::verify_peer);
    SSL_CTX_set_min_proto_version(tls.native_handle(), TLS1_2_VERSION);
    boost::system::error_code ec;
    if (options.ca_file.empty()) {
        tls.set_default_verify_paths(ec);
    } else {
        tls.load_verify_file(options.ca_file, ec);
    }
    if (ec) {
        std::string what = options.ca_file.empty() ? "the system's trusted CAs" : "CA file " + options.ca_file;
        return Error::Unavailable("cannot use " + what + ": " + ec.message());
    }
    return Ok();
}

Status ConnectTls(asio::io_context& ioc, ssl::context& tls, const Url& url, const ClientOptions& options,
                  std::chrono::steady_clock::time_point deadline, const std::function<void()>& run,
                  std::optional<TlsStream>& stream, bool& certificate_refused) {
    certificate_refused = false;
    stream.reset();
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
    // Each result starts as "aborted": an operation that `run` stopped never completed.
    boost::system::error_code ec = asio::error::operation_aborted;
    bool resolve_timed_out = false;
    timer.expires_at(deadline);
    timer.async_wait([&](boost::system::error_code e) {
        if (!e) {
            resolve_timed_out = true;
            resolver.cancel();
        }
    });
    // Addresses are not looked up: an IPv6 literal must not go through the name service.
    auto flags =
        url.ip_literal ? tcp::resolver::numeric_host | tcp::resolver::numeric_service : tcp::resolver::numeric_service;
    resolver.async_resolve(url.host, url.port, flags, [&](boost::system::error_code e, tcp::resolver::results_type r) {
        ec = e;
        endpoints = std::move(r);
        timer.cancel();
    });
    run();
    if (ec) {
        return Error::Unavailable("cannot resolve " + url.host + ": " +
                                  (resolve_timed_out ? std::string("timed out") : ec.message()));
    }

    ec = asio::error::operation_aborted;
    beast::get_lowest_layer(*stream).expires_at(deadline);
    if (options.source_address.empty()) {
        beast::get_lowest_layer(*stream).async_connect(
            endpoints, [&](boost::system::error_code e, const tcp::endpoint&) { ec = e; });
    } else {
        // From a chosen address: the socket is bound first, then connects to the first result.
        boost::system::error_code bad;
        auto from = asio::ip::make_address(options.source_address, bad);
        if (bad) {
            return Error::InvalidArgument("source_address: not an address to connect from: " + options.source_address);
        }
        auto to = std::find_if(endpoints.begin(), endpoints.end(),
                               [&](const auto& e) { return e.endpoint().address().is_v4() == from.is_v4(); });
        if (to == endpoints.end()) {
            return Error::Unavailable("cannot connect from " + options.source_address + ": " + url.host +
                                      " has no address of that kind");
        }
        auto& socket = beast::get_lowest_layer(*stream).socket();
        socket.open(to->endpoint().protocol(), bad);
        if (!bad) socket.bind(tcp::endpoint(from, 0), bad);
        if (bad) return Error::Unavailable("cannot connect from " + options.source_address + ": " + bad.message());
        beast::get_lowest_layer(*stream).async_connect(to->endpoint(), [&](boost::system::error_code e) { ec = e; });
    }
    run();
    if (ec) {
        return Error::Unavailable("cannot connect to " + url.Authority() + ": " +
                                  (ec == beast::error::timeout ? std::string("timed out") : ec.message()));
    }
    // Requests go out whole at once; with Nagle's algorithm a request's last segment could
    // wait for the server's delayed ACK (about 40 ms). A failure here only costs latency.
    beast::get_lowest_layer(*stream).socket().set_option(tcp::no_delay(true), ec);
    ec = asio::error::operation_aborted;
    stream->async_handshake(ssl::stream_base::client, [&](boost::system::error_code e) { ec = e; });
    run();
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
    return Ok();
}

}  // namespace spoed::client::detail
