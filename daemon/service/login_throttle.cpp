#include "daemon/service/login_throttle.hpp"

#include <algorithm>

namespace spoed::daemon::service {
namespace {

std::chrono::seconds Delay(int failures, int free, std::chrono::seconds max) {
    if (failures < free) return std::chrono::seconds(0);
    int doublings = std::min(failures - free, 30);
    return std::min(max, std::chrono::seconds(std::int64_t{1} << doublings));
}

struct Rule {
    int free;
    std::chrono::seconds max;
};

Rule RuleOf(const ThrottlePolicy& p, LoginThrottle::Kind kind) {
    switch (kind) {
        case LoginThrottle::Kind::kAccount:
            return {p.account_free_failures, p.account_max_delay};
        case LoginThrottle::Kind::kAddress:
            return {p.address_free_failures, p.address_max_delay};
        case LoginThrottle::Kind::kDevice:
            return {p.device_free_failures, p.device_max_delay};
    }
    return {p.account_free_failures, p.account_max_delay};
}

struct Rate {
    double burst;
    std::chrono::seconds every;
};

Rate RateOf(const ThrottlePolicy& p, LoginThrottle::Kind kind) {
    if (kind == LoginThrottle::Kind::kAddress) return {double(p.address_sign_in_burst), p.address_sign_in_every};
    return {double(p.account_sign_in_burst), p.account_sign_in_every};
}

/// The store's name of a sign-in bucket's key kind.
std::string BucketKind(LoginThrottle::Kind kind) { return "sign_in_" + std::string(LoginThrottle::KindName(kind)); }

}  // namespace

void LoginThrottle::Load(db::Tx& tx, const std::vector<Key>& entries, const std::vector<Key>& buckets) {
    for (const Key& k : entries) {
        auto r = tx.throttles().Find(KindName(k.first), k.second);
        if (r && r->failures > 0) {
            entries_[k] = {r->failures, r->last_failure, r->locked_until};
        } else {
            entries_.erase(k);
        }
    }
    for (const Key& k : buckets) {
        auto r = tx.throttles().Find(BucketKind(k.first), k.second);
        if (r) {
            sign_ins_[k] = {r->tokens, r->tokens_at};
        } else {
            sign_ins_.erase(k);
        }
    }
}

void LoginThrottle::Save(db::Tx& tx, const std::vector<Key>& entries, const std::vector<Key>& buckets) {
    for (const Key& k : entries) {
        auto it = entries_.find(k);
        if (it == entries_.end()) {
            tx.throttles().Delete(KindName(k.first), k.second);
        } else {
            tx.throttles().Put({std::string(KindName(k.first)), k.second, it->second.failures, it->second.last_failure,
                                it->second.locked_until, 0, TimePoint{}});
        }
    }
    for (const Key& k : buckets) {
        auto it = sign_ins_.find(k);
        if (it != sign_ins_.end()) {
            tx.throttles().Put(
                {BucketKind(k.first), k.second, 0, TimePoint{}, TimePoint{}, it->second.tokens, it->second.at});
        }
    }
}

template <typename Fn>
auto LoginThrottle::OnKeys(bool write, const std::vector<Key>& entries, const std::vector<Key>& buckets, Fn&& fn) {
    std::lock_guard lock(mutex_);
    if (shared_ == nullptr) return fn();
    using R = decltype(fn());
    std::optional<R> out;
    auto unit = [&](db::Tx& tx) -> Status {
        // The maps hold only what this call read: another daemon may have changed any key.
        entries_.clear();
        sign_ins_.clear();
        Load(tx, entries, buckets);
        out = fn();
        if (write) Save(tx, entries, buckets);
        return Ok();
    };
    Status st = write ? shared_->WriteCounters(unit) : shared_->Read(unit);
    if (!st.ok() || !out) {
        // The store cannot be reached: count in memory until it can (a failover); no login is
        // let through unthrottled because of it.
        return fn();
    }
    return *out;
}

std::optional<std::chrono::seconds> LoginThrottle::WaitFor(const Key& key, TimePoint now) {
    auto it = entries_.find(key);
    if (it == entries_.end()) return std::nullopt;
    if (now - it->second.last_failure >= policy_.forget_after) {
        entries_.erase(it);
        return std::nullopt;
    }
    if (now >= it->second.locked_until) return std::nullopt;
    auto left = std::chrono::ceil<std::chrono::seconds>(it->second.locked_until - now);
    return std::max(left, std::chrono::seconds(1));
}

std::optional<std::chrono::seconds> LoginThrottle::Wait(Kind kind, std::string_view key, TimePoint now) {
    const Key k{kind, std::string(key)};
    return OnKeys(false, {k}, {}, [&] { return WaitFor(k, now); });
}

std::optional<std::chrono::seconds> LoginThrottle::Wait(std::string_view account, std::string_view address,
                                                        TimePoint now) {
    auto a = Wait(Kind::kAccount, account, now);
    auto b = Wait(Kind::kAddress, address, now);
    if (!a) return b;
    if (!b) return a;
    return std::max(*a, *b);
}

std::vector<LoginThrottle::Lock> LoginThrottle::Failure(std::initializer_list<KeyRef> keys, TimePoint now) {
    std::vector<Key> touched;
    for (const auto& [kind, key] : keys) touched.push_back({kind, std::string(key)});
    return OnKeys(true, touched, {}, [&] { return FailureLocked(keys, now); });
}

std::vector<LoginThrottle::Lock> LoginThrottle::FailureLocked(std::initializer_list<KeyRef> keys, TimePoint now) {
    std::vector<Lock> newly_locked;
    for (const auto& [kind, key] : keys) {
        const Rule rule = RuleOf(policy_, kind);
        Entry& e = entries_[{kind, std::string(key)}];
        if (e.failures > 0 && now - e.last_failure >= policy_.forget_after) e = Entry{};
        bool was_locked = e.failures >= rule.free;
        ++e.failures;
        e.last_failure = now;
        e.locked_until =
            now + std::chrono::duration_cast<std::chrono::microseconds>(Delay(e.failures, rule.free, rule.max));
        if (!was_locked && e.failures >= rule.free) {
            newly_locked.push_back({kind, std::string(key), e.failures, now, e.locked_until});
        }
    }
    EvictIfFull();
    return newly_locked;
}

void LoginThrottle::Success(Kind kind, std::string_view key) {
    const Key k{kind, std::string(key)};
    OnKeys(true, {k}, {}, [&] { return entries_.erase(k); });
}

LoginThrottle::Bucket LoginThrottle::Refilled(const Key& key, TimePoint now) const {
    const Rate rate = RateOf(policy_, key.first);
    auto it = sign_ins_.find(key);
    if (it == sign_ins_.end()) return {rate.burst, now};
    Bucket b = it->second;
    std::chrono::duration<double> since = now - b.at;
    std::chrono::duration<double> every = rate.every;
    if (since.count() > 0 && every.count() > 0) b.tokens = std::min(rate.burst, b.tokens + since / every);
    b.at = std::max(b.at, now);
    return b;
}

std::optional<std::chrono::seconds> LoginThrottle::SignInWait(std::string_view account, std::string_view address,
                                                              TimePoint now) {
    const std::vector<Key> keys{{Kind::kAccount, std::string(account)}, {Kind::kAddress, std::string(address)}};
    return OnKeys(false, {}, keys, [&] { return SignInWaitLocked(keys, now); });
}

std::optional<std::chrono::seconds> LoginThrottle::SignInWaitLocked(const std::vector<Key>& keys, TimePoint now) {
    std::optional<std::chrono::seconds> wait;
    for (const Key& key : keys) {
        Bucket b = Refilled(key, now);
        if (b.tokens >= 1) continue;
        std::chrono::duration<double> left = RateOf(policy_, key.first).every * (1 - b.tokens);
        auto s = std::max(std::chrono::seconds(1), std::chrono::ceil<std::chrono::seconds>(left));
        wait = wait ? std::max(*wait, s) : s;
    }
    return wait;
}

void LoginThrottle::SignedIn(std::string_view account, std::string_view address, TimePoint now) {
    const std::vector<Key> keys{{Kind::kAccount, std::string(account)}, {Kind::kAddress, std::string(address)}};
    OnKeys(true, {}, keys, [&] {
        SignedInLocked(keys, now);
        return true;
    });
}

void LoginThrottle::SignedInLocked(const std::vector<Key>& keys, TimePoint now) {
    for (const Key& key : keys) {
        Bucket b = Refilled(key, now);
        b.tokens = std::max(0.0, b.tokens - 1);
        sign_ins_[key] = b;
    }
    if (sign_ins_.size() > policy_.max_entries) {
        // Full buckets tell nothing a new key would not: forget those first.
        for (auto it = sign_ins_.begin(); it != sign_ins_.end();) {
            it = Refilled(it->first, now).tokens >= RateOf(policy_, it->first.first).burst ? sign_ins_.erase(it)
                                                                                           : std::next(it);
        }
    }
}

std::vector<LoginThrottle::Lock> LoginThrottle::List(TimePoint now) {
    std::lock_guard lock(mutex_);
    if (shared_ != nullptr) {
        // Every key the daemons share that failed recently, not only the ones this one saw.
        auto rows = shared_->Read([&](db::Tx& tx) -> Result<std::vector<db::ThrottleRecord>> {
            return tx.throttles().Failures(now - policy_.forget_after);
        });
        if (rows.ok()) {
            entries_.clear();
            for (const auto& r : *rows) {
                const Kind kind = r.kind == "address"  ? Kind::kAddress
                                  : r.kind == "device" ? Kind::kDevice
                                                       : Kind::kAccount;
                entries_[{kind, r.key}] = {r.failures, r.last_failure, r.locked_until};
            }
        }
    }
    std::vector<Lock> out;
    for (auto it = entries_.begin(); it != entries_.end();) {
        const Entry& e = it->second;
        if (now - e.last_failure >= policy_.forget_after) {
            it = entries_.erase(it);
            continue;
        }
        Lock l{it->first.first, it->first.second, e.failures, e.last_failure, std::nullopt};
        if (now < e.locked_until) l.locked_until = e.locked_until;
        out.push_back(std::move(l));
        ++it;
    }
    std::sort(out.begin(), out.end(), [](const Lock& a, const Lock& b) { return a.last_failure > b.last_failure; });
    return out;
}

bool LoginThrottle::Lift(Kind kind, std::string_view key) {
    const Key k{kind, std::string(key)};
    return OnKeys(true, {k}, {}, [&] { return entries_.erase(k) > 0; });
}

void LoginThrottle::EvictIfFull() {
    if (entries_.size() <= policy_.max_entries) return;
    // Forget the tenth that failed longest ago; rare, so a full scan is fine.
    std::vector<std::pair<TimePoint, Key>> by_age;
    by_age.reserve(entries_.size());
    for (const auto& [k, e] : entries_) by_age.emplace_back(e.last_failure, k);
    std::size_t drop = std::max<std::size_t>(1, entries_.size() / 10);
    std::nth_element(by_age.begin(), by_age.begin() + static_cast<std::ptrdiff_t>(drop - 1), by_age.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < drop; ++i) entries_.erase(by_age[i].second);
}

}  // namespace spoed::daemon::service
