#pragma once

#include <atomic>
#include <chrono>

namespace spoed {

using TimePoint = std::chrono::sys_time<std::chrono::microseconds>;

/// Wall-clock time, injected everywhere a rule depends on "now" so that rules about expiry,
/// due times and windows are tested with a FakeClock.
class Clock {
  public:
    virtual ~Clock() = default;
    virtual TimePoint Now() const = 0;
};

class SystemClock final : public Clock {
  public:
    TimePoint Now() const override {
        return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
    }
};

/// A clock that only moves when told; safe to read from several threads.
class FakeClock final : public Clock {
  public:
    explicit FakeClock(TimePoint start) : now_(start.time_since_epoch().count()) {}
    TimePoint Now() const override { return TimePoint(std::chrono::microseconds(now_.load())); }
    void Set(TimePoint t) { now_.store(t.time_since_epoch().count()); }
    void Advance(std::chrono::microseconds d) { now_.fetch_add(d.count()); }

  private:
    std::atomic<std::chrono::microseconds::rep> now_;
};

/// Microseconds since the Unix epoch, the form times take in the database.
inline std::int64_t ToMicros(TimePoint t) { return t.time_since_epoch().count(); }
inline TimePoint FromMicros(std::int64_t us) { return TimePoint(std::chrono::microseconds(us)); }

}  // namespace spoed
