#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "base/clock.hpp"
#include "daemon/net/server.hpp"
#include "daemon/service/auth_service.hpp"
#include "daemon/service/calendar.hpp"
#include "daemon/service/events.hpp"
#include "db/store.hpp"

namespace spoed::daemon::api {

struct EventHubOptions {
    /// How often the handover alerts (morning reminder, overdue) are looked for.
    std::chrono::milliseconds alert_interval{30'000};
    /// How often the sessions behind open streams are checked (ended, disabled, past lifetime).
    std::chrono::milliseconds session_interval{5'000};
};

/// The live events of `/spoed.v1/events`: authenticates WebSocket subscribers, delivers the
/// event outbox to each by sequence number (those of their role only), resumes a reconnecting
/// client after the sequence it last saw, and writes the handover alerts that fall due.
///
/// Delivery runs on the hub's own thread, woken by the store after every commit that wrote
/// events. Events carry ids only, no personal data; an open stream therefore outlives the
/// session's idle timeout (a psychiatrist at home must hear of a consult), but it is closed when
/// the session ends, its user is disabled or its absolute lifetime is over.
class EventHub {
  public:
    EventHub(db::Store& store, const Clock& clock, const service::AuthService& auth,
             const service::WorkingDayCalendar& calendar, const service::EventOutbox& outbox,
             EventHubOptions options = {});
    ~EventHub();
    EventHub(const EventHub&) = delete;
    EventHub& operator=(const EventHub&) = delete;

    void Start();
    /// Joins the hub's thread. Stop the server first: its close callbacks reach the hub.
    void Stop();

    /// The work of the server's UpgradeHandler. Reads the store: call it off the I/O threads.
    void Subscribe(const net::HttpRequest& request, const net::AnswerUpgrade& answer);
    /// The store's event listener: wakes the delivery thread.
    void Notify();
    /// Where refused subscriptions without a session are counted (see Router::SetRefusalTally).
    void SetRefusalTally(service::RefusalTally* tally) { refusals_ = tally; }

    /// Writes the handover alerts due now (the hub also does this every alert_interval).
    Status CheckHandoverAlerts();
    std::size_t subscribers() const;

  private:
    struct Subscriber;
    void Run();
    void Deliver();
    void CheckSessions();
    bool Allowed(Subscriber& s, const db::EventRecord& e, const std::string& current_shift);

    db::Store& store_;
    const Clock& clock_;
    const service::AuthService& auth_;
    const service::WorkingDayCalendar& calendar_;
    const service::EventOutbox& outbox_;
    const EventHubOptions options_;

    mutable std::mutex mu_;
    std::condition_variable wake_;
    bool dirty_ = false;
    bool stopping_ = false;
    std::int64_t next_id_ = 1;
    std::map<std::int64_t, std::shared_ptr<Subscriber>> subscribers_;
    std::thread thread_;
    service::RefusalTally* refusals_ = nullptr;
};

}  // namespace spoed::daemon::api
