#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "daemon/base/clock.hpp"

namespace spoed::daemon::service {

/// How failed logins slow down. Each failure in a row past the free ones doubles the wait,
/// up to a ceiling: with the account defaults a name can be tried at most about 65 times an
/// hour (ASVS 2.2.1: at most 100), while a user who mistyped waits seconds, not hours.
struct ThrottlePolicy {
    int account_free_failures = 5;
    std::chrono::seconds account_max_delay{60};
    int address_free_failures = 20;
    std::chrono::seconds address_max_delay{15 * 60};
    /// A key with no failure for this long starts from zero again.
    std::chrono::minutes forget_after{60};
    /// Keys kept at most; beyond, the ones failed longest ago are forgotten first.
    std::size_t max_entries = 100'000;
};

/// Failed-login counters per account name (known or not: the same for both, so the answer
/// tells nothing about which names exist) and per client address. In memory: a restart starts
/// the counts over, and a flood of failures costs no disk writes. Thread-safe.
class LoginThrottle {
public:
    explicit LoginThrottle(ThrottlePolicy policy = {}) : policy_(policy) {}

    enum class Kind { kAccount, kAddress };
    struct Lock {
        Kind kind;
        std::string key;
        int failures = 0;
        TimePoint last_failure;
        std::optional<TimePoint> locked_until;  // set while logins are refused
    };

    /// How long until a login for this account from this address may be tried; nullopt: now.
    std::optional<std::chrono::seconds> Wait(std::string_view account, std::string_view address, TimePoint now);
    /// Counts a failure. Returns the keys that became locked by it (for one log line per burst).
    std::vector<Lock> Failure(std::string_view account, std::string_view address, TimePoint now);
    /// A successful login clears the account's count (not the address's: one good account must
    /// not wash out an address's guesses at others).
    void Success(std::string_view account);
    /// Keys with failures, most recent first.
    std::vector<Lock> List(TimePoint now);
    /// Forgets a key; false when it was not known.
    bool Lift(Kind kind, std::string_view key);

    static std::string_view KindName(Kind k) { return k == Kind::kAccount ? "account" : "address"; }

private:
    struct Entry {
        int failures = 0;
        TimePoint last_failure;
        TimePoint locked_until;
    };
    using Key = std::pair<Kind, std::string>;
    std::optional<std::chrono::seconds> WaitFor(const Key& key, TimePoint now);
    void EvictIfFull();

    ThrottlePolicy policy_;
    std::mutex mutex_;
    std::map<Key, Entry, std::less<>> entries_;
};

}  // namespace spoed::daemon::service
