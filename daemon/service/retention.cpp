#include "daemon/service/retention.hpp"

#include <chrono>
#include <string>

#include "base/log.hpp"
#include "daemon/service/call.hpp"
#include "daemon/service/convert.hpp"
#include "daemon/service/secrets.hpp"

namespace spoed::daemon::service {
namespace {

constexpr int kBatch = 100;

}  // namespace

std::string NewPseudonym() { return "P-" + Hex(RandomBytes(6)); }

Result<int> RunRetention(db::Store& store, TimePoint now, const RetentionPolicy& policy) {
    if (policy.years <= 0) return 0;
    using namespace std::chrono;
    // Calendar years: the same date, `years` earlier (29 February counts from 1 March).
    const auto today = floor<days>(now);
    const year_month_day ymd{today};
    year_month_day then{ymd.year() - years{policy.years}, ymd.month(), ymd.day()};
    if (!then.ok()) then = year_month_day{year_month_day_last{then.year(), month_day_last{then.month()}}};
    const TimePoint cutoff = time_point_cast<microseconds>(sys_days{then}) + (now - today);
    int removed = 0;
    while (true) {
        SPOED_ASSIGN(auto batch, store.Read([&](db::Tx& tx) -> Result<std::vector<std::int64_t>> {
            return tx.youths().PastRetention(cutoff, kBatch);
        }));
        if (batch.empty()) break;
        for (std::int64_t youth : batch) {
            const std::string pseudonym = NewPseudonym();
            Call call(store, now, "spoed.retention", "RemovePersonalData", "delete", "");
            call.audit().object_ids.push_back(ObjectId("youth", youth));
            call.audit().youth_id = youth;
            call.audit().reason = "retention: " + std::to_string(policy.years) +
                                  " years after the last change of the record; pseudonym " + pseudonym;
            SPOED_ASSIGN(bool done, call.WriteAsDaemon([&](db::Tx& tx) -> Result<bool> {
                // Again inside the write: a call that came in since the list was read keeps the
                // record for another 20 years.
                if (tx.youths().PastRetention(cutoff, 1, youth).empty()) return false;
                tx.youths().RemovePersonalData(youth, pseudonym, now);
                return true;
            }));
            if (done) ++removed;
        }
        if (batch.size() < static_cast<std::size_t>(kBatch)) break;
    }
    if (removed > 0) log::Info("retention.removed", "personal data past retention removed", {{"youths", removed}});
    return removed;
}

}  // namespace spoed::daemon::service
