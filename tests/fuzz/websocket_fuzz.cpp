// Fuzz target: WebSocket frames from a client, read the way daemon/net's Session reads them
// after accepting an upgrade to /spoed.v1/events (Session::OnUpgradeAccepted, OnWsRead): a
// server-role websocket::stream with the same options (message limit 4096 bytes, binary,
// timeouts with keep-alive pings), accepting an already parsed upgrade request, then reading
// until the connection ends while it also writes an event frame, as the hub would. The first
// input byte sets how many bytes each read of the transport returns (0: as many as there are),
// so frames arrive split at every place; the rest is what the client sends after the handshake.
#include <boost/asio/io_context.hpp>
#include <boost/beast/_experimental/test/stream.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;

namespace {

constexpr std::size_t kMessageLimit = 4096;  // ServerOptions::websocket_message_limit

http::request<http::string_body> UpgradeRequest() {
    http::request<http::string_body> req{http::verb::get, "/spoed.v1/events?after=3", 11};
    req.set(http::field::host, "localhost");
    req.set(http::field::upgrade, "websocket");
    req.set(http::field::connection, "Upgrade");
    req.set(http::field::sec_websocket_key, "dGhlIHNhbXBsZSBub25jZQ==");
    req.set(http::field::sec_websocket_version, "13");
    req.set(http::field::authorization, "Bearer fuzz");
    return req;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    boost::asio::io_context ioc;
    beast::test::stream server(ioc);
    beast::test::stream client(ioc);
    server.connect(client);
    if (data[0] != 0) server.read_size(data[0]);
    server.append({reinterpret_cast<const char*>(data + 1), size - 1});
    server.close_remote();  // the client sent this and nothing more

    websocket::stream<beast::test::stream&> ws(server);
    ws.set_option(websocket::stream_base::timeout{std::chrono::seconds(10), std::chrono::seconds(60), true});
    ws.set_option(websocket::stream_base::decorator(
        [](websocket::response_type& res) { res.set(http::field::server, "spoedd"); }));
    ws.read_message_max(kMessageLimit);
    ws.binary(true);

    auto request = UpgradeRequest();
    beast::flat_buffer buffer;
    const std::string event(64, '\x08');
    int pending = 0;  // operations under way; the stream's timers are stopped with the last
    bool reading = true;
    std::function<void(beast::error_code, std::size_t)> on_read = [&](beast::error_code ec, std::size_t) {
        --pending;
        if (ec) {
            reading = false;
            if (pending == 0) ioc.stop();
            return;
        }
        buffer.consume(buffer.size());
        ++pending;
        ws.async_read(buffer, on_read);
    };
    ++pending;
    ws.async_accept(request, [&](beast::error_code ec) {
        --pending;
        if (ec) return ioc.stop();
        ++pending;
        ws.async_read(buffer, on_read);
        ++pending;
        ws.async_write(boost::asio::buffer(event), [&](beast::error_code, std::size_t) {
            --pending;
            if (!reading && pending == 0) ioc.stop();
        });
    });
    ioc.run();
    return 0;
}
