#pragma once

// Internal to client/core: the URL rules and the verified TLS connection shared by
// HttpsClient and EventStream. Beast and Asio types stay inside client/core.

#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/ssl.hpp>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.hpp"
#include "client/core/https_client.hpp"

namespace spoed::client::detail {

struct Url {
    std::string host;  // without brackets
    std::string port;
    bool ip_literal = false;

    /// The Host header: IPv6 literals in brackets, the port unless it is the default.
    std::string HostHeader() const;
    /// host:port as an operator would check it, the port always shown.
    std::string Authority() const;
};

/// "https://host[:port]" without path; anything else is invalid_argument saying why.
Result<Url> ParseUrl(std::string_view url);

/// Verifies peers against the options' CA file (or the system's), TLS 1.2 at least.
Status SetUpTls(boost::asio::ssl::context& tls, const ClientOptions& options);

using TlsStream = boost::beast::ssl_stream<boost::beast::tcp_stream>;

/// Resolves, connects and completes the TLS handshake by `deadline`, verifying that the
/// certificate names the URL's host. `run` runs `ioc` until the operation started completes
/// (or it was stopped: the operation then counts as failed). `certificate_refused` is set
/// when the failure was the server's certificate.
Status ConnectTls(boost::asio::io_context& ioc, boost::asio::ssl::context& tls, const Url& url,
                  const ClientOptions& options, std::chrono::steady_clock::time_point deadline,
                  const std::function<void()>& run, std::optional<TlsStream>& stream, bool& certificate_refused);

}  // namespace spoed::client::detail
