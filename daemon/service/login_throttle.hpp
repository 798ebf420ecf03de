#pragma once

#include <chrono>
#include <cstddef>
#include <initializer_list>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/clock.hpp"
#include "db/store.hpp"

namespace spoed::daemon::service {

/// How failed logins slow down. Each failure in a row past the free ones doubles the wait,
/// up to a ceiling: with the account defaults a name can be tried at most about 65 times an
/// hour (ASVS 2.2.1: at most 100), while a user who mistyped waits seconds, not hours.
struct ThrottlePolicy {
    int account_free_failures = 5;
    std::chrono::seconds account_max_delay{60};
    int address_free_failures = 20;
    std::chrono::seconds address_max_delay{15 * 60};
    /// A device that signed in before (LoginRequest.device_token) is judged by its own
    /// failures only, so failures from elsewhere cannot lock its user out.
    int device_free_failures = 5;
    std::chrono::seconds device_max_delay{60};
    /// Successful sign-ins too cost a password check: at most a burst, then one per interval,
    /// per account and per address. A shift change behind one office address (30 workers)
    /// stays well within the address's burst.
    int account_sign_in_burst = 10;
    std::chrono::seconds account_sign_in_every{60};
    int address_sign_in_burst = 100;
    std::chrono::seconds address_sign_in_every{1};
    /// A key with no failure for this long starts from zero again.
    std::chrono::minutes forget_after{60};
    /// Keys kept at most; beyond, the ones failed longest ago are forgotten first.
    std::size_t max_entries = 100'000;
};

/// Failed-login counters per account name (known or not: the same for both, so the answer
/// tells nothing about which names exist), per client address and per trusted device, and the
/// rate of successful sign-ins per account and address. In memory for a daemon on its own: a
/// restart starts the counts over, and a flood of failures costs no disk writes. Daemons that
/// share a database (PostgreSQL) keep them there instead (ShareThrough), so that guesses spread
/// over the daemons count as one; the writes are bounded by the password checks, which each
/// failure costs first. Thread-safe.
class LoginThrottle {
  public:
    explicit LoginThrottle(ThrottlePolicy policy = {}) : policy_(policy) {}

    /// Keeps the counts in `store`, shared by every daemon on it: each call reads the keys it
    /// needs and writes back what it changed, in one transaction. Set once, before use.
    void ShareThrough(db::Store* store) { shared_ = store; }

    enum class Kind { kAccount, kAddress, kDevice };
    struct Lock {
        Kind kind;
        std::string key;
        int failures = 0;
        TimePoint last_failure;
        std::optional<TimePoint> locked_until;  // set while logins are refused
    };

    using KeyRef = std::pair<Kind, std::string_view>;

    /// How long until a login may be tried again under this key; nullopt: now.
    std::optional<std::chrono::seconds> Wait(Kind kind, std::string_view key, TimePoint now);
    /// Counts a failure under each key. Returns the keys that became locked by it (for one log
    /// line per burst).
    std::vector<Lock> Failure(std::initializer_list<KeyRef> keys, TimePoint now);
    /// A successful login clears a key's count (the account's and the device's; not the
    /// address's: one good account must not wash out an address's guesses at others).
    void Success(Kind kind, std::string_view key);

    /// The account and the address together (a log-in from a device not known to the server).
    std::optional<std::chrono::seconds> Wait(std::string_view account, std::string_view address, TimePoint now);
    std::vector<Lock> Failure(std::string_view account, std::string_view address, TimePoint now) {
        return Failure({{Kind::kAccount, account}, {Kind::kAddress, address}}, now);
    }
    void Success(std::string_view account) { Success(Kind::kAccount, account); }

    /// How long until this account, from this address, may sign in successfully again;
    /// nullopt: now.
    std::optional<std::chrono::seconds> SignInWait(std::string_view account, std::string_view address, TimePoint now);
    /// Counts a successful sign-in against both rates.
    void SignedIn(std::string_view account, std::string_view address, TimePoint now);
    /// Keys with failures, most recent first.
    std::vector<Lock> List(TimePoint now);
    /// Forgets a key; false when it was not known.
    bool Lift(Kind kind, std::string_view key);

    static std::string_view KindName(Kind k) {
        return k == Kind::kAccount ? "account" : k == Kind::kAddress ? "address" : "device";
    }

  private:
    struct Entry {
        int failures = 0;
        TimePoint last_failure;
        TimePoint locked_until;
    };
    /// Sign-ins left (a token bucket) as of `at`.
    struct Bucket {
        double tokens = 0;
        TimePoint at;
    };
    using Key = std::pair<Kind, std::string>;
    std::optional<std::chrono::seconds> WaitFor(const Key& key, TimePoint now);
    std::vector<Lock> FailureLocked(std::initializer_list<KeyRef> keys, TimePoint now);
    std::optional<std::chrono::seconds> SignInWaitLocked(const std::vector<Key>& keys, TimePoint now);
    void SignedInLocked(const std::vector<Key>& keys, TimePoint now);
    void EvictIfFull();
    /// The bucket of a key refilled up to `now` (a full one when the key is new).
    Bucket Refilled(const Key& key, TimePoint now) const;

    /// With a shared store: runs `fn` (which uses the maps) on the keys' rows, read into the
    /// maps first and, for a write, written back after; without one, on the maps alone.
    template <typename Fn>
    auto OnKeys(bool write, const std::vector<Key>& entries, const std::vector<Key>& buckets, Fn&& fn);
    void Load(db::Tx& tx, const std::vector<Key>& entries, const std::vector<Key>& buckets);
    void Save(db::Tx& tx, const std::vector<Key>& entries, const std::vector<Key>& buckets);

    ThrottlePolicy policy_;
    db::Store* shared_ = nullptr;
    std::mutex mutex_;
    std::map<Key, Entry, std::less<>> entries_;
    std::map<Key, Bucket, std::less<>> sign_ins_;
};

}  // namespace spoed::daemon::service
