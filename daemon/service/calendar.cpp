#include "daemon/service/calendar.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <utility>

namespace spoed::daemon::service {

using namespace std::chrono;

namespace {

constexpr minutes kCet{60};
constexpr minutes kCest{120};

/// "Saturday 25 April": the form a coordinator reads in the desk; the year is evident from context.
/// "King's Day" → "kings_day": the key a client translates.
std::string HolidayKey(std::string_view name) {
    std::string key;
    for (char c : name) {
        if (c == '\'') continue;
        key += c == ' ' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return key;
}

std::string DayLabel(sys_days d) {
    static constexpr std::array<const char*, 7> kWeekdays = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                             "Thursday", "Friday", "Saturday"};
    static constexpr std::array<const char*, 12> kMonths = {"January",   "February", "March",    "April",
                                                            "May",       "June",     "July",     "August",
                                                            "September", "October",  "November", "December"};
    const year_month_day ymd{d};
    std::string label = kWeekdays[weekday{d}.c_encoding()];
    label += ' ';
    label += std::to_string(static_cast<unsigned>(ymd.day()));
    label += ' ';
    label += kMonths[static_cast<unsigned>(ymd.month()) - 1];
    return label;
}

bool IsWeekend(sys_days d) {
    const weekday wd{d};
    return wd == Saturday || wd == Sunday;
}

}  // namespace

minutes AmsterdamUtcOffset(spoed::TimePoint t) {
    // The transitions fall in March and October, so the UTC year of `t` is the year whose rule applies.
    const year y = year_month_day{floor<days>(t)}.year();
    const sys_time<minutes> summer_starts = sys_days{y / March / Sunday[last]} + hours{1};
    const sys_time<minutes> summer_ends = sys_days{y / October / Sunday[last]} + hours{1};
    return t >= summer_starts && t < summer_ends ? kCest : kCet;
}

local_time<microseconds> UtcToLocal(spoed::TimePoint t) {
    return local_time<microseconds>{t.time_since_epoch() + AmsterdamUtcOffset(t)};
}

spoed::TimePoint LocalToUtc(local_time<minutes> local) {
    const sys_time<minutes> wall{local.time_since_epoch()};
    // Read as summer time if that reading is self-consistent. In the autumn overlap both readings are,
    // and the summer one is the first occurrence. In the spring gap neither is; the winter reading is
    // the offset before the gap, which moves the time forward by the gap's hour (RFC 5545 §3.3.5).
    const sys_time<minutes> as_summer = wall - kCest;
    if (AmsterdamUtcOffset(as_summer) == kCest) return as_summer;
    return wall - kCet;
}

WorkingDayCalendar::WorkingDayCalendar(CalendarConfig config) : config_(std::move(config)) {
    if (config_.due_time_of_day < minutes{0} || config_.due_time_of_day >= days{1}) {
        throw std::invalid_argument("calendar: due time of day must be between 00:00 and 23:59");
    }
    if (config_.night_cutoff_hour < 0 || config_.night_cutoff_hour > 23) {
        throw std::invalid_argument("calendar: night cutoff hour must be between 0 and 23");
    }
    auto& closures = config_.extra_closures;
    if (!std::all_of(closures.begin(), closures.end(), [](const year_month_day& d) { return d.ok(); })) {
        throw std::invalid_argument("calendar: a closure day is not a valid date");
    }
    std::sort(closures.begin(), closures.end());
    closures.erase(std::unique(closures.begin(), closures.end()), closures.end());
}

year_month_day WorkingDayCalendar::EasterSunday(int y) {
    const int a = y % 19;
    const int b = y / 100;
    const int c = y % 100;
    const int d = b / 4;
    const int e = b % 4;
    const int f = (b + 8) / 25;
    const int g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4;
    const int k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int n = h + l - 7 * m + 114;
    return year{y} / month{static_cast<unsigned>(n / 31)} / day{static_cast<unsigned>(n % 31 + 1)};
}

std::optional<std::string> WorkingDayCalendar::HolidayName(year_month_day date) const {
    if (!date.ok()) return std::nullopt;
    const year y = date.year();
    const month_day md{date.month(), date.day()};

    if (md == January / 1) return "New Year's Day";
    if (md == December / 25) return "Christmas Day";
    if (md == December / 26) return "Boxing Day";
    // King's Day moves to the Saturday before when 27 April is a Sunday.
    const sys_days kings_day_proper{y / April / 27};
    const sys_days kings_day = weekday{kings_day_proper} == Sunday ? kings_day_proper - days{1} : kings_day_proper;
    if (sys_days{date} == kings_day) return "King's Day";
    // Liberation Day is a day off only in lustrum years (DESIGN.md §2), as in most collective agreements.
    if (static_cast<int>(y) % 5 == 0 && md == May / 5) return "Liberation Day";

    const auto from_easter = (sys_days{date} - sys_days{EasterSunday(static_cast<int>(y))}).count();
    if (from_easter == -2 && config_.good_friday_closed) return "Good Friday";
    if (from_easter == 1) return "Easter Monday";
    if (from_easter == 39) return "Ascension Day";
    if (from_easter == 50) return "Whit Monday";

    if (std::binary_search(config_.extra_closures.begin(), config_.extra_closures.end(), date)) return "closure day";
    return std::nullopt;
}

bool WorkingDayCalendar::IsWorkingDay(year_month_day date) const {
    return date.ok() && !IsWeekend(sys_days{date}) && !HolidayName(date).has_value();
}

year_month_day WorkingDayCalendar::ShiftDate(spoed::TimePoint t) const {
    const local_time<microseconds> local = UtcToLocal(t);
    local_days date = floor<days>(local);
    if (local - date < hours{config_.night_cutoff_hour}) date -= days{1};
    return year_month_day{date};
}

DueTime WorkingDayCalendar::HandoverDue(spoed::TimePoint t) const {
    DueTime due;
    std::string holidays;
    bool weekend = false;
    sys_days d = sys_days{ShiftDate(t)} + days{1};
    // Terminates: closures are finite, and no week consists of holidays only.
    while (!IsWorkingDay(year_month_day{d})) {
        if (auto name = HolidayName(year_month_day{d})) {
            due.skipped.push_back(DayLabel(d) + " (" + *name + ")");
            due.skipped_days.emplace_back(year_month_day{d}, HolidayKey(*name));
            if (!holidays.empty()) holidays += "; ";
            holidays += *name + " on " + DayLabel(d);
        } else {
            due.skipped.push_back(DayLabel(d) + " (weekend)");
            due.skipped_days.emplace_back(year_month_day{d}, "weekend");
            weekend = true;
        }
        d += days{1};
    }
    due.due_date = year_month_day{d};
    due.due_at = LocalToUtc(local_days{d.time_since_epoch()} + config_.due_time_of_day);
    if (due.skipped.empty()) {
        due.reason = "next working day";
    } else {
        due.reason = holidays;
        if (weekend) due.reason += holidays.empty() ? "weekend" : "; weekend";
    }
    return due;
}

year_month_day WorkingDayCalendar::AddWorkingDays(year_month_day date, int n) const {
    sys_days d{date};
    for (int found = 0; found < n;) {
        d += days{1};
        if (IsWorkingDay(year_month_day{d})) ++found;
    }
    return year_month_day{d};
}

}  // namespace spoed::daemon::service
