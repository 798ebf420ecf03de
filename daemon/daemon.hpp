#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "base/clock.hpp"
#include "daemon/config.hpp"
#include "db/store.hpp"

namespace spoed::daemon {

/// spoedd assembled: store, services, API router, worker threads and the HTTPS listener. Used
/// by main() and by the integration tests, which run it in-process on 127.0.0.1:0.
class Daemon {
  public:
    /// Opens (and migrates) the database and loads the certificate. Throws std::runtime_error
    /// with a message for the operator when start-up cannot proceed.
    Daemon(DaemonConfig config, const Clock& clock);
    ~Daemon();
    Daemon(const Daemon&) = delete;
    Daemon& operator=(const Daemon&) = delete;

    /// Starts listening; port() is valid afterwards.
    void Start();
    std::uint16_t port() const;
    /// Graceful stop: no new connections, in-flight requests answered, database closed.
    void Stop();

    /// For the systemd watchdog: the database answers and the worker threads run queued work.
    bool Healthy();

    db::Store& store();
    /// The CA file clients should trust when the development certificate is in use, else "".
    const std::string& dev_ca_file() const;
    /// Open live-event streams right now.
    std::size_t event_subscribers() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace spoed::daemon
