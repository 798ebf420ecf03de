#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "daemon/net/server.hpp"

namespace spoed::fuzz {

/// The whole daemon minus the network, for fuzz targets: a real SQLite store in a temp dir
/// (under $TMPDIR; tests/fuzz/run.sh points it at /dev/shm), a fixed fake clock, every
/// service, the router and the event hub's upgrade handler. Made once per process; inputs run
/// against the state earlier inputs left behind, like requests against a live daemon.
///
/// Two users are signed in at start-up so that inputs can get past authentication: a request's
/// bytes may say `@ALL@` (a session of a user holding every role, opened with a second factor)
/// or `@WORKER@` (a crisis worker's session); Expand() puts the tokens in. When an input ended
/// such a session (Logout, DisableUser, ResetPassword ...), the next input gets a fresh user.
class RouterEnv {
  public:
    static RouterEnv& Get();
    ~RouterEnv();

    /// `bytes` with the token placeholders replaced by the current tokens.
    std::string Expand(std::string_view bytes);
    /// Router::Handle, or EventHub::Subscribe for a WebSocket upgrade to /spoed.v1/events
    /// (opened and closed at once when accepted). Aborts when an answer is not a valid HTTP
    /// response (status outside 100–599, an error body that is not a Connect error).
    daemon::net::HttpResponse Handle(const daemon::net::HttpRequest& request, bool websocket_upgrade);
    /// Renews sessions an input ended.
    void Refresh();

  private:
    RouterEnv();
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace spoed::fuzz
