#include "daemon/service/refusal_tally.hpp"

#include <cstdio>

#include "base/log.hpp"

namespace spoed::daemon::service {
namespace {

/// "2026-12-02T08:01:02Z": the audit line's reason names the span the count covers.
std::string UtcText(TimePoint t) {
    auto secs = std::chrono::floor<std::chrono::seconds>(t);
    auto day = std::chrono::floor<std::chrono::days>(secs);
    std::chrono::year_month_day ymd{day};
    std::chrono::hh_mm_ss hms{secs - day};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()));
    return buf;
}

constexpr std::string_view kOther = "(other)";

}  // namespace

void RefusalTally::Merge(const Key& key, const Tally& t) {
    auto [it, fresh] = counts_.try_emplace(key, t);
    if (!fresh) Add(it->second, t);
}

void RefusalTally::Add(Tally& into, const Tally& t) {
    into.count += t.count;
    into.first = std::min(into.first, t.first);
    into.last = std::max(into.last, t.last);
}

void RefusalTally::Count(Refusal r) {
    std::lock_guard lock(mutex_);
    const Tally one{std::move(r.action), std::move(r.reason), 1, r.at, r.at};
    Key key{std::move(r.client_address), std::move(r.service), std::move(r.method), std::move(r.result),
            std::move(r.username_attempted)};
    auto it = counts_.find(key);
    if (it == counts_.end()) {
        // A new key: a name is kept apart only while its address has room for one more, and a
        // new address only while the tally has room; otherwise it joins the shared key.
        auto& [address, service, method, result, name] = key;
        if (!name.empty()) {
            std::size_t& kept = names_[address];
            if (kept >= options_.max_names_per_address) {
                name.clear();
            } else {
                ++kept;
            }
        }
        if (counts_.size() >= options_.max_keys && !counts_.contains(key)) {
            key = Key{std::string(kOther), service, method, result, ""};
        }
        it = counts_.try_emplace(std::move(key), Tally{one.action, one.reason, 0, r.at, r.at}).first;
    }
    Add(it->second, one);

    const std::string& address = std::get<0>(it->first);
    std::int64_t& here = per_address_[address];
    if (++here == options_.burst) {
        bursting_now_.insert(address);
        if (bursting_.contains(address)) {
            // Still the burst of the interval before: logged when it started.
        } else if (burst_logs_ < options_.max_burst_logs) {
            ++burst_logs_;
            log::Warn("audit.refusal_burst", "many refused calls without a session from one address",
                      {{"address", address}, {"method", std::get<2>(it->first)}, {"refused", here}});
        } else {
            ++bursts_unlogged_;
        }
    }
}

Result<std::size_t> RefusalTally::Flush(db::Store& store, TimePoint now) {
    std::map<Key, Tally> taken;
    {
        std::lock_guard lock(mutex_);
        taken.swap(counts_);
        per_address_.clear();
        names_.clear();
        burst_logs_ = 0;
        std::int64_t ended = 0;
        for (const auto& address : bursting_) ended += bursting_now_.contains(address) ? 0 : 1;
        if (ended > 0) {
            log::Info("audit.refusal_burst_ended", "addresses stopped sending bursts of refused calls",
                      {{"addresses", ended}});
        }
        bursting_ = std::move(bursting_now_);
        bursting_now_.clear();
        if (bursts_unlogged_ > 0) {
            log::Warn("audit.refusal_bursts_unlogged", "more addresses sent bursts of refused calls",
                      {{"addresses", bursts_unlogged_}});
            bursts_unlogged_ = 0;
        }
    }
    if (taken.empty()) return std::size_t{0};
    // A plain write, never the reserve: noise waits when the disk is nearly full.
    Status st = store.Write([&](db::Tx& tx) -> Status {
        for (const auto& [key, t] : taken) {
            const auto& [address, service, method, result, name] = key;
            db::AuditRecord rec;
            rec.at = now;
            rec.username = name;
            rec.service = service;
            rec.method = method;
            rec.action = t.action;
            rec.client_address = address;
            rec.result = result;
            rec.reason = std::to_string(t.count) + (t.count == 1 ? " refusal" : " refusals") + " without a session (" +
                         t.reason + ") from " + UtcText(t.first) + " to " + UtcText(t.last);
            tx.audit().Append(std::move(rec));
        }
        return Ok();
    });
    if (!st.ok()) {
        std::int64_t refusals = 0;
        for (const auto& [key, t] : taken) refusals += t.count;
        log::Warn("audit.refusals_waiting", "could not write the counted refusals; kept for the next try",
                  {{"lines", static_cast<std::int64_t>(taken.size())}, {"refusals", refusals}});
        std::lock_guard lock(mutex_);
        for (const auto& [key, t] : taken) Merge(key, t);
        return st.error();
    }
    return taken.size();
}

void RefusalTally::Start(db::Store& store, const Clock& clock, std::chrono::milliseconds interval) {
    thread_ = std::thread([this, &store, &clock, interval] {
        std::unique_lock lock(run_mutex_);
        while (!stopping_) {
            wake_.wait_for(lock, interval, [&] { return stopping_; });
            lock.unlock();
            (void)Flush(store, clock.Now());  // a failure is logged, and the counts kept
            lock.lock();
        }
    });
}

void RefusalTally::Stop() {
    {
        std::lock_guard lock(run_mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

std::int64_t RefusalTally::pending() const {
    std::lock_guard lock(mutex_);
    std::int64_t n = 0;
    for (const auto& [key, t] : counts_) n += t.count;
    return n;
}

}  // namespace spoed::daemon::service
