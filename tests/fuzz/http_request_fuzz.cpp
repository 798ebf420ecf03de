// Fuzz target: bytes from a client → the HTTP parser daemon/net uses, with its limits and its
// conversion (daemon/net/http_message.hpp) → net::HttpRequest → api::Router::Handle with a
// real SQLite store, or the event hub for a WebSocket upgrade. No sockets: the bytes come from
// an in-memory stream. Inputs may say @ALL@ or @WORKER@ where a session token belongs
// (tests/fuzz/fuzz_env.hpp).
#include <boost/beast/_experimental/test/stream.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <cstddef>
#include <cstdint>

#include "daemon/net/http_message.hpp"
#include "tests/fuzz/fuzz_env.hpp"

namespace beast = boost::beast;
namespace http = beast::http;

namespace {

constexpr int kMaxRequestsPerInput = 8;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto& env = spoed::fuzz::RouterEnv::Get();
    env.Refresh();
    std::string bytes = env.Expand({reinterpret_cast<const char*>(data), size});

    boost::asio::io_context ioc;
    beast::test::stream stream(ioc, bytes);
    stream.close_remote();  // the client sent these bytes and nothing more
    beast::flat_buffer buffer;
    const spoed::daemon::net::ServerOptions options;  // the daemon's limits
    // Keep-alive: requests follow one another on the connection, as Session::StartRequest reads them.
    for (int i = 0; i < kMaxRequestsPerInput; ++i) {
        spoed::daemon::net::BeastRequestParser parser;
        spoed::daemon::net::ApplyLimits(parser, options);
        beast::error_code ec;
        http::read_header(stream, buffer, parser, ec);
        if (ec) break;
        if (auto length = parser.content_length(); length && *length > options.body_limit) break;  // 413
        if (!parser.is_done()) http::read(stream, buffer, parser, ec);
        if (ec) break;
        bool upgrade = beast::websocket::is_upgrade(parser.get());
        bool keep_alive = parser.get().keep_alive();

        auto message = parser.release();
        auto request = spoed::daemon::net::ToAppRequest(message, !upgrade, "192.0.2.10");
        env.Handle(request, upgrade);
        if (upgrade || !keep_alive) break;
    }
    return 0;
}
