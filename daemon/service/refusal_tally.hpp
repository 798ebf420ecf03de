#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <tuple>

#include "base/clock.hpp"
#include "base/result.hpp"
#include "db/store.hpp"

namespace spoed::daemon::service {

/// Refused calls of nobody signed in (a bad token, a failed or throttled log-in) are counted
/// here instead of writing an audit line each: per client address, call, result and name
/// tried, one line per interval with the count (NEN 7513 still: who-unknown, from where, how
/// often). A flood of noise then costs a few lines a minute instead of thousands a second,
/// and never the storage reserve: when the disk is nearly full the counts wait for room.
/// Thread-safe.
class RefusalTally {
  public:
    struct Options {
        /// Keys kept at most between flushes; beyond, new addresses share one "(other)" key.
        std::size_t max_keys = 10'000;
        /// Names tried kept apart per address; beyond, they share one key without a name.
        std::size_t max_names_per_address = 4;
        /// Refusals from one address within an interval that make a burst worth a log line.
        std::int64_t burst = 20;
        /// Burst log lines per interval at most; the rest are counted in one line at the flush.
        int max_burst_logs = 20;
    };
    explicit RefusalTally(Options options) : options_(options) {}
    RefusalTally() : RefusalTally(Options{}) {}
    ~RefusalTally() { Stop(); }
    RefusalTally(const RefusalTally&) = delete;
    RefusalTally& operator=(const RefusalTally&) = delete;

    /// Flushes every `interval` on a thread of its own until Stop, which flushes once more.
    void Start(db::Store& store, const Clock& clock, std::chrono::milliseconds interval);
    void Stop();

    struct Refusal {
        std::string client_address;
        std::string service;
        std::string method;
        std::string action;
        std::string result;  // the Connect code name
        std::string reason;  // the error reason key ("sign_in_failed")
        std::string username_attempted;
        TimePoint at;
    };
    void Count(Refusal refusal);

    /// Writes one audit line per key counted since the last flush, in one transaction that may
    /// not use the storage reserve. When it fails the counts are kept for the next flush.
    /// Returns the number of lines written.
    Result<std::size_t> Flush(db::Store& store, TimePoint now);

    /// Refusals counted and not yet written.
    std::int64_t pending() const;

  private:
    using Key = std::tuple<std::string, std::string, std::string, std::string,
                           std::string>;  // address, service, method, result, name
    struct Tally {
        std::string action;
        std::string reason;
        std::int64_t count = 0;
        TimePoint first;
        TimePoint last;
    };
    void Merge(const Key& key, const Tally& t);
    static void Add(Tally& into, const Tally& t);

    Options options_;
    mutable std::mutex mutex_;
    std::map<Key, Tally> counts_;
    std::map<std::string, std::int64_t> per_address_;  // this interval, for the burst log
    std::map<std::string, std::size_t> names_;         // names kept apart per address
    int burst_logs_ = 0;
    std::int64_t bursts_unlogged_ = 0;
    std::set<std::string> bursting_;      // addresses with a burst in the interval before
    std::set<std::string> bursting_now_;  // and in this one

    std::mutex run_mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace spoed::daemon::service
