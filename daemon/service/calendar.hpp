#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"

namespace spoed::daemon::service {

// --- Europe/Amsterdam -------------------------------------------------------------------------
//
// The EU summer-time rule, implemented directly rather than read from the tz database: a server
// may lack tzdata and GCC 12's libstdc++ cannot use it through std::chrono::zoned_time anyway.
// CET = UTC+1; CEST = UTC+2 from the last Sunday of March 01:00 UTC until the last Sunday of
// October 01:00 UTC. Correct for every year since 1996 and as long as the EU keeps the rule.

/// The Amsterdam offset from UTC at `t`: one hour in winter, two in summer.
std::chrono::minutes AmsterdamUtcOffset(spoed::TimePoint t);

/// The Amsterdam wall-clock time at `t`. Never fails.
std::chrono::local_time<std::chrono::microseconds> UtcToLocal(spoed::TimePoint t);

/// The moment an Amsterdam wall-clock time denotes. Never fails; the two ambiguous cases are resolved
/// as RFC 5545 (iCalendar) and java.time do:
/// - a time in the spring-forward gap (02:00–02:59 on the last Sunday of March) does not exist; it is
///   read with the offset before the gap, i.e. moved later by the gap's length: 02:30 → 03:30 CEST.
/// - a time in the autumn overlap (02:00–02:59 on the last Sunday of October) occurs twice; the first
///   (earlier, still CEST) occurrence is taken: 02:30 → 00:30 UTC, not 01:30 UTC.
spoed::TimePoint LocalToUtc(std::chrono::local_time<std::chrono::minutes> local);

// --- Working days -----------------------------------------------------------------------------

struct CalendarConfig {
    std::chrono::minutes due_time_of_day{12 * 60};  // local time of day a handover falls due, [00:00, 24:00)
    int night_cutoff_hour = 6;  // a call before this local hour belongs to the previous evening's shift, 0–23
    bool good_friday_closed = false;
    std::vector<std::chrono::year_month_day> extra_closures;  // organisation closure days
};

/// When a handover to regular care falls due, and why then, in English for the desk and the CLI.
struct DueTime {
    spoed::TimePoint due_at;               // UTC
    std::chrono::year_month_day due_date;  // local (Amsterdam) date
    /// "next working day" when nothing was skipped; otherwise the skipped holidays and closures in date
    /// order, then "weekend" if a weekend was skipped: "King's Day on Monday 27 April; weekend".
    std::string reason;
    /// Every non-working day skipped, in order: "Saturday 25 April (weekend)", "Monday 27 April (King's Day)".
    /// A holiday on a weekend is named by the holiday: "Saturday 26 December (Boxing Day)".
    std::vector<std::string> skipped;
    /// The same days as data: the date and "weekend" or the holiday's key ("kings_day", "closure_day").
    std::vector<std::pair<std::chrono::year_month_day, std::string>> skipped_days;
};

/// Working days of the crisis service: Monday to Friday, minus Dutch public holidays and the
/// organisation's closure days (DESIGN.md §2 "Working days"). Immutable, so safe to share between threads.
/// The holiday rules are those in force since 2014 (King's Day); earlier years are not special-cased.
class WorkingDayCalendar {
  public:
    /// Throws std::invalid_argument for a due time outside [00:00, 24:00), a cutoff hour outside 0–23 or
    /// an invalid closure date: the calendar is built once from the configuration at start-up.
    explicit WorkingDayCalendar(CalendarConfig config);

    /// Easter Sunday by the anonymous Gregorian (Meeus/Jones/Butcher) algorithm; valid for any Gregorian year.
    static std::chrono::year_month_day EasterSunday(int year);

    /// The Dutch public holiday on that date, or nullopt: "New Year's Day", "Good Friday" (only if configured),
    /// "Easter Monday", "King's Day" (27 April; 26 April when the 27th is a Sunday), "Liberation Day" (5 May,
    /// only when year % 5 == 0), "Ascension Day" (Easter + 39), "Whit Monday" (Easter + 50), "Christmas Day",
    /// "Boxing Day"; otherwise "closure day" for a configured closure. Weekends are not holidays here.
    std::optional<std::string> HolidayName(std::chrono::year_month_day date) const;

    /// Monday to Friday and not a holiday or closure day.
    bool IsWorkingDay(std::chrono::year_month_day date) const;

    /// The shift a moment belongs to: its Amsterdam date, or the day before when the local time is
    /// before night_cutoff_hour (a call at 01:30 on Saturday belongs to Friday evening's shift).
    std::chrono::year_month_day ShiftDate(spoed::TimePoint t) const;

    /// When a handover started at `t` is due: the first working day after ShiftDate(t), at
    /// due_time_of_day Amsterdam time.
    DueTime HandoverDue(spoed::TimePoint t) const;

    /// The n-th working day after `date` ("within 10 working days"); `date` itself for n ≤ 0.
    std::chrono::year_month_day AddWorkingDays(std::chrono::year_month_day date, int n) const;

  private:
    CalendarConfig config_;  // extra_closures sorted and deduplicated
};

}  // namespace spoed::daemon::service
