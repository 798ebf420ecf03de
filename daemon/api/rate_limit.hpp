#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <unordered_map>

#include "base/clock.hpp"
#include "db/store.hpp"

namespace spoed::daemon::api {

/// Requests per session token: a token bucket of `burst` requests refilled at `per_second`.
/// The desk and spoedctl stay far below the defaults; a runaway script or a stolen token
/// does not take the whole server.
struct RateLimitOptions {
    double per_second = 0;  // 0: no limit
    double burst = 0;
};

/// One token bucket per session (in memory, or in the store shared by several daemons). A run of refusals is a "burst":
/// the caller is told when one starts (to log and audit it once) and, on the next allowed request, how many were
/// refused.
class SessionRateLimiter {
  public:
    explicit SessionRateLimiter(RateLimitOptions options) : options_(options) {}

    struct Verdict {
        bool allowed = true;
        bool burst_started = false;            // the first refusal after allowed requests
        std::int64_t burst_ended_refused = 0;  // > 0: allowed again after this many refusals
        std::chrono::milliseconds retry_after{0};
    };
    Verdict Take(std::int64_t session_id, TimePoint now);
    bool enabled() const { return options_.per_second > 0; }
    /// Keeps each session's bucket in `store`, shared by every daemon on it (PostgreSQL), so
    /// that a token used at two daemons gets one rate, not two. Set once, before use.
    void ShareThrough(db::Store* store) { shared_ = store; }

  private:
    struct Bucket {
        double tokens = 0;
        TimePoint updated;
        std::int64_t refused = 0;  // in the current burst
    };
    void Prune(TimePoint now);
    /// Refills `b` up to `now` and takes one request from it, or refuses.
    Verdict Spend(Bucket& b, TimePoint now) const;
    static constexpr std::string_view kSessionKind = "session";  // its rows in login_throttle
    db::Store* shared_ = nullptr;

    RateLimitOptions options_;
    std::mutex mutex_;
    std::unordered_map<std::int64_t, Bucket> buckets_;
    std::uint64_t calls_ = 0;
};

}  // namespace spoed::daemon::api
