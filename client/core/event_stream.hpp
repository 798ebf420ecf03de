#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "client/core/https_client.hpp"
#include "spoed/v1/event.pb.h"

namespace spoed::client {

/// The live event stream of the daemon (WebSocket `wss://…/spoed.v1/events`, one
/// spoed.v1.Event per binary frame). It runs on its own thread, answers the server's pings,
/// and when the connection drops it reconnects with a growing pause, resuming after the last
/// sequence number it delivered, so no event is missed or delivered twice.
class EventStream {
  public:
    enum class State {
        kConnecting,    // (re)connecting; `detail` says why the last attempt failed, if it did
        kConnected,     // the stream is open; events follow
        kUnauthorized,  // the token was refused (expired or ended session): log in again; no retry
        kStopped,
    };
    /// Both are called on the stream's own thread; a GUI posts them to its UI thread.
    using OnEvent = std::function<void(const v1::Event& event)>;
    using OnState = std::function<void(State state, const std::string& detail)>;

    struct Options {
        ClientOptions client;  // server_url, ca_file, timeout (for connect + handshake)
        std::string token;
        /// Resume after this sequence number; -1: only events from now on.
        std::int64_t after = -1;
        std::chrono::milliseconds reconnect_backoff{500};         // doubles per failed attempt...
        std::chrono::milliseconds max_reconnect_backoff{10'000};  // ...up to this
        /// The stream pings a silent server at half this and gives up on it after it.
        std::chrono::milliseconds idle_timeout{60'000};
    };

    EventStream(Options options, OnEvent on_event, OnState on_state = {});
    ~EventStream();  // Stop()
    EventStream(const EventStream&) = delete;
    EventStream& operator=(const EventStream&) = delete;

    void Start();
    /// Closes the connection and joins the thread; no callback runs after it returns. Must
    /// not be called from a callback.
    void Stop();
    /// The sequence number of the last event delivered (-1 before the first).
    std::int64_t last_seq() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace spoed::client
