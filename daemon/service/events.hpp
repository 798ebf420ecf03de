#pragma once

#include <cstdint>
#include <vector>

#include "daemon/service/calendar.hpp"
#include "db/store.hpp"
#include "spoed/v1/event.pb.h"

namespace spoed::daemon::service {

/// Writes live events into the outbox (db::EventRepo), always inside the transaction of the
/// change they report: a committed change has its event, a rolled-back one never does. The
/// event hub (daemon/events) delivers them after the commit.
class EventOutbox {
  public:
    /// `reminder_time`: the local time of day of the morning reminder for handovers due that day.
    explicit EventOutbox(const WorkingDayCalendar& calendar,
                         std::chrono::minutes reminder_time = std::chrono::minutes{8 * 60 + 30})
        : calendar_(calendar), reminder_time_(reminder_time) {}

    /// Appends `event` with `at` as its time, for the given audience (db::Audience bits). An
    /// event about a case is tagged with the case's shift, so that the workers of that shift
    /// receive it.
    /// `known_case`: the event's case when the caller already has it (saves reading it again).
    void Emit(db::Tx& tx, TimePoint at, v1::Event event, int audience,
              const db::CaseRecord* known_case = nullptr) const;

    /// The handover alerts that have become due at `now`, each written once: the morning
    /// reminder (from `reminder_time` local time on the due day) and the overdue alert (past
    /// the due time). Returns the ids of the handovers an event was written for.
    std::vector<std::int64_t> EmitHandoverAlerts(db::Tx& tx, TimePoint now) const;

  private:
    const WorkingDayCalendar& calendar_;
    std::chrono::minutes reminder_time_;
};

}  // namespace spoed::daemon::service
