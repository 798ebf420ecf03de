#pragma once

// How daemon/net reads an HTTP request: the parser's limits, and the plain HttpRequest the
// handlers get from a parsed message. The server and the http_request fuzz target both use
// these, so the fuzzer meets exactly what the server hands on.

#include <boost/beast/http.hpp>
#include <string>
#include <string_view>

#include "daemon/net/server.hpp"

namespace spoed::daemon::net {

using BeastRequest = boost::beast::http::request<boost::beast::http::string_body>;
using BeastRequestParser = boost::beast::http::request_parser<boost::beast::http::string_body>;

/// Sets the header and body limits of `options` on a fresh parser.
void ApplyLimits(BeastRequestParser& parser, const ServerOptions& options);

/// The handlers' view of a parsed message: lower-case header names, the body moved out of the
/// message when `take_body` (not for a WebSocket upgrade, whose message stays with the session).
HttpRequest ToAppRequest(BeastRequest& message, bool take_body, const std::string& remote_address);

/// ASCII lower case (header names).
std::string LowerCase(std::string_view s);

}  // namespace spoed::daemon::net
