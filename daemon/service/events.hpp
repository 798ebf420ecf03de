#pragma once

#include <cstdint>
#include <functional>
#include <string>
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

    /// EmitHandoverAlerts in a transaction of its own, with the daemon's audit line naming the
    /// handovers alerted; when none is due, nothing is written, not even an audit line.
    Status WriteHandoverAlerts(db::Store& store, TimePoint now) const;

  private:
    const WorkingDayCalendar& calendar_;
    std::chrono::minutes reminder_time_;
};

/// Who a live event is for: a subscriber's user and roles.
struct EventViewer {
    std::int64_t user_id = 0;
    bool worker = false;
    bool psychiatrist = false;
    bool coordinator = false;
};

/// Whether `viewer` receives event `e` (DESIGN.md §5): psychiatrists and coordinators the
/// events addressed to them; crisis workers those addressed to workers that belong to no shift,
/// to the shift on now (`current_shift`, an ISO date) or to a shift they were on, which
/// `was_on_shift(date)` answers (the caller may remember the answer for a while).
bool MaySee(const EventViewer& viewer, const db::EventRecord& e, const std::string& current_shift,
            const std::function<bool(const std::string& shift_date)>& was_on_shift);

}  // namespace spoed::daemon::service
