#include "daemon/service/login_throttle.hpp"

#include <algorithm>

namespace spoed::daemon::service {
namespace {

std::chrono::seconds Delay(int failures, int free, std::chrono::seconds max) {
    if (failures < free) return std::chrono::seconds(0);
    int doublings = std::min(failures - free, 30);
    return std::min(max, std::chrono::seconds(std::int64_t{1} << doublings));
}

}  // namespace

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

std::optional<std::chrono::seconds> LoginThrottle::Wait(std::string_view account, std::string_view address,
                                                        TimePoint now) {
    std::lock_guard lock(mutex_);
    auto a = WaitFor({Kind::kAccount, std::string(account)}, now);
    auto b = WaitFor({Kind::kAddress, std::string(address)}, now);
    if (!a) return b;
    if (!b) return a;
    return std::max(*a, *b);
}

std::vector<LoginThrottle::Lock> LoginThrottle::Failure(std::string_view account, std::string_view address,
                                                        TimePoint now) {
    std::lock_guard lock(mutex_);
    std::vector<Lock> newly_locked;
    auto count = [&](Kind kind, std::string_view key, int free, std::chrono::seconds max) {
        Entry& e = entries_[{kind, std::string(key)}];
        if (e.failures > 0 && now - e.last_failure >= policy_.forget_after) e = Entry{};
        bool was_locked = e.failures >= free;
        ++e.failures;
        e.last_failure = now;
        e.locked_until = now + std::chrono::duration_cast<std::chrono::microseconds>(Delay(e.failures, free, max));
        if (!was_locked && e.failures >= free) {
            newly_locked.push_back({kind, std::string(key), e.failures, now, e.locked_until});
        }
    };
    count(Kind::kAccount, account, policy_.account_free_failures, policy_.account_max_delay);
    count(Kind::kAddress, address, policy_.address_free_failures, policy_.address_max_delay);
    EvictIfFull();
    return newly_locked;
}

void LoginThrottle::Success(std::string_view account) {
    std::lock_guard lock(mutex_);
    entries_.erase(Key{Kind::kAccount, std::string(account)});
}

std::vector<LoginThrottle::Lock> LoginThrottle::List(TimePoint now) {
    std::lock_guard lock(mutex_);
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
    std::lock_guard lock(mutex_);
    return entries_.erase(Key{kind, std::string(key)}) > 0;
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
