// Fuzz target: bytes from a client → the HTTP parser daemon/net uses (Beast, same limits) →
// net::HttpRequest → api::Router::Handle with a real SQLite store, or the event hub for a
// WebSocket upgrade. No sockets: the bytes come from an in-memory stream. Inputs may say
// @ALL@ or @WORKER@ where a session token belongs (tests/fuzz/fuzz_env.hpp).
#include <algorithm>
#include <boost/beast/_experimental/test/stream.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <cctype>
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/fuzz_env.hpp"

namespace beast = boost::beast;
namespace http = beast::http;

namespace {

// daemon/net's defaults (ServerOptions and DaemonConfig).
constexpr std::size_t kHeaderLimit = 16 * 1024;
constexpr std::size_t kBodyLimit = 1024 * 1024;
constexpr int kMaxRequestsPerInput = 8;

std::string ToLower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto& env = spoed::fuzz::RouterEnv::Get();
    env.Refresh();
    std::string bytes = env.Expand({reinterpret_cast<const char*>(data), size});

    boost::asio::io_context ioc;
    beast::test::stream stream(ioc, bytes);
    stream.close_remote();  // the client sent these bytes and nothing more
    beast::flat_buffer buffer;
    // Keep-alive: requests follow one another on the connection, as Session::StartRequest reads them.
    for (int i = 0; i < kMaxRequestsPerInput; ++i) {
        http::request_parser<http::string_body> parser;
        parser.header_limit(static_cast<std::uint32_t>(kHeaderLimit));
        parser.body_limit(kBodyLimit);
        beast::error_code ec;
        http::read_header(stream, buffer, parser, ec);
        if (ec) break;
        if (auto length = parser.content_length(); length && *length > kBodyLimit) break;  // 413
        if (!parser.is_done()) http::read(stream, buffer, parser, ec);
        if (ec) break;
        bool upgrade = beast::websocket::is_upgrade(parser.get());
        bool keep_alive = parser.get().keep_alive();

        auto message = parser.release();
        spoed::daemon::net::HttpRequest request;
        request.method = std::string(message.method_string());
        request.target = std::string(message.target());
        for (const auto& field : message) {
            request.headers.emplace_back(ToLower(field.name_string()), std::string(field.value()));
        }
        if (!upgrade) request.body = std::move(message.body());
        request.remote_address = "192.0.2.10";
        env.Handle(request, upgrade);
        if (upgrade || !keep_alive) break;
    }
    return 0;
}
