#include "daemon/api/rate_limit.hpp"

#include <algorithm>
#include <cmath>

namespace spoed::daemon::api {

SessionRateLimiter::Verdict SessionRateLimiter::Take(std::int64_t session_id, TimePoint now) {
    if (!enabled()) return {};
    std::lock_guard lock(mutex_);
    if (++calls_ % 4096 == 0) Prune(now);
    auto [it, fresh] = buckets_.try_emplace(session_id);
    Bucket& b = it->second;
    if (fresh) {
        b.tokens = options_.burst;
        b.updated = now;
    }
    if (shared_ == nullptr) return Spend(b, now);
    // The bucket the daemons share: read, spent and written back in one transaction. This
    // daemon's run of refusals (for its log lines) stays its own.
    const std::string key = std::to_string(session_id);
    Bucket local = b;
    Verdict v;
    Status st = shared_->WriteCounters([&](db::Tx& tx) -> Status {
        local = b;
        if (auto row = tx.throttles().Find(kSessionKind, key)) {
            local.tokens = row->tokens;
            local.updated = row->tokens_at;
        } else {
            local.tokens = options_.burst;
            local.updated = now;
        }
        v = Spend(local, now);
        tx.throttles().Put({std::string(kSessionKind), key, 0, TimePoint{}, TimePoint{}, local.tokens, local.updated});
        return Ok();
    });
    if (!st.ok()) return Spend(b, now);  // the store is away: this daemon's count, until it is back
    b = local;
    return v;
}

SessionRateLimiter::Verdict SessionRateLimiter::Spend(Bucket& b, TimePoint now) const {
    Verdict v;
    double elapsed = std::chrono::duration<double>(now - b.updated).count();
    if (elapsed > 0) {
        b.tokens = std::min(options_.burst, b.tokens + elapsed * options_.per_second);
        b.updated = now;
    }
    if (b.tokens >= 1) {
        b.tokens -= 1;
        v.burst_ended_refused = b.refused;
        b.refused = 0;
        return v;
    }
    v.allowed = false;
    v.burst_started = b.refused == 0;
    ++b.refused;
    double wait = (1 - b.tokens) / options_.per_second;
    v.retry_after = std::chrono::milliseconds(static_cast<std::int64_t>(std::ceil(wait * 1000)));
    return v;
}

void SessionRateLimiter::Prune(TimePoint now) {
    // A bucket that has refilled completely holds nothing worth keeping.
    double full_after = options_.burst / options_.per_second;
    for (auto it = buckets_.begin(); it != buckets_.end();) {
        double idle = std::chrono::duration<double>(now - it->second.updated).count();
        if (idle > full_after && it->second.refused == 0)
            it = buckets_.erase(it);
        else
            ++it;
    }
}

}  // namespace spoed::daemon::api
