#include "daemon/service/calendar.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace spoed::daemon::service {
namespace {

using namespace std::chrono;

constexpr year_month_day D(int y, unsigned m, unsigned d) { return year{y} / month{m} / day{d}; }

/// A UTC moment written out literally, so expectations never go through the code under test.
spoed::TimePoint Utc(int y, unsigned m, unsigned d, int h, int min, int s = 0) {
    return sys_days{D(y, m, d)} + hours{h} + minutes{min} + seconds{s};
}

local_time<minutes> Local(int y, unsigned m, unsigned d, int h, int min) {
    return local_days{D(y, m, d)} + hours{h} + minutes{min};
}

WorkingDayCalendar DefaultCalendar() { return WorkingDayCalendar(CalendarConfig{}); }

CalendarConfig WithDueTime(minutes due_time_of_day) {
    CalendarConfig config;
    config.due_time_of_day = due_time_of_day;
    return config;
}

CalendarConfig WithNightCutoff(int hour) {
    CalendarConfig config;
    config.night_cutoff_hour = hour;
    return config;
}

CalendarConfig WithGoodFridayClosed() {
    CalendarConfig config;
    config.good_friday_closed = true;
    return config;
}

CalendarConfig WithClosures(std::vector<year_month_day> closures) {
    CalendarConfig config;
    config.extra_closures = std::move(closures);
    return config;
}

/// "2026-04-27" for failure messages: GCC 12 cannot stream chrono dates yet.
std::string Show(year_month_day d) {
    std::array<char, 16> text{};
    std::snprintf(text.data(), text.size(), "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return text.data();
}

/// "2026-04-27 10:00 UTC".
template <class Duration>
std::string Show(sys_time<Duration> t) {
    const sys_days date = floor<days>(t);
    const auto minute_of_day = duration_cast<minutes>(t - date).count();
    std::array<char, 16> text{};
    std::snprintf(text.data(), text.size(), " %02d:%02d UTC", static_cast<int>(minute_of_day / 60),
                  static_cast<int>(minute_of_day % 60));
    return Show(year_month_day{date}) + text.data();
}

struct Holiday {
    year_month_day date;
    const char* name;
};

// Every Dutch public holiday of 2024–2035, written out by hand and checked against two Easter
// computations independent of the code under test (dateutil.easter and Gauss's algorithm).
const std::vector<Holiday> kHolidays2024To2035 = {
    {D(2024, 1, 1), "New Year's Day"},  {D(2024, 4, 1), "Easter Monday"},  {D(2024, 4, 27), "King's Day"},
    {D(2024, 5, 9), "Ascension Day"},   {D(2024, 5, 20), "Whit Monday"},   {D(2024, 12, 25), "Christmas Day"},
    {D(2024, 12, 26), "Boxing Day"},

    {D(2025, 1, 1), "New Year's Day"},  {D(2025, 4, 21), "Easter Monday"}, {D(2025, 4, 26), "King's Day"},
    {D(2025, 5, 5), "Liberation Day"},  {D(2025, 5, 29), "Ascension Day"}, {D(2025, 6, 9), "Whit Monday"},
    {D(2025, 12, 25), "Christmas Day"}, {D(2025, 12, 26), "Boxing Day"},

    {D(2026, 1, 1), "New Year's Day"},  {D(2026, 4, 6), "Easter Monday"},  {D(2026, 4, 27), "King's Day"},
    {D(2026, 5, 14), "Ascension Day"},  {D(2026, 5, 25), "Whit Monday"},   {D(2026, 12, 25), "Christmas Day"},
    {D(2026, 12, 26), "Boxing Day"},

    {D(2027, 1, 1), "New Year's Day"},  {D(2027, 3, 29), "Easter Monday"}, {D(2027, 4, 27), "King's Day"},
    {D(2027, 5, 6), "Ascension Day"},   {D(2027, 5, 17), "Whit Monday"},   {D(2027, 12, 25), "Christmas Day"},
    {D(2027, 12, 26), "Boxing Day"},

    {D(2028, 1, 1), "New Year's Day"},  {D(2028, 4, 17), "Easter Monday"}, {D(2028, 4, 27), "King's Day"},
    {D(2028, 5, 25), "Ascension Day"},  {D(2028, 6, 5), "Whit Monday"},    {D(2028, 12, 25), "Christmas Day"},
    {D(2028, 12, 26), "Boxing Day"},

    {D(2029, 1, 1), "New Year's Day"},  {D(2029, 4, 2), "Easter Monday"},  {D(2029, 4, 27), "King's Day"},
    {D(2029, 5, 10), "Ascension Day"},  {D(2029, 5, 21), "Whit Monday"},   {D(2029, 12, 25), "Christmas Day"},
    {D(2029, 12, 26), "Boxing Day"},

    {D(2030, 1, 1), "New Year's Day"},  {D(2030, 4, 22), "Easter Monday"}, {D(2030, 4, 27), "King's Day"},
    {D(2030, 5, 5), "Liberation Day"},  {D(2030, 5, 30), "Ascension Day"}, {D(2030, 6, 10), "Whit Monday"},
    {D(2030, 12, 25), "Christmas Day"}, {D(2030, 12, 26), "Boxing Day"},

    {D(2031, 1, 1), "New Year's Day"},  {D(2031, 4, 14), "Easter Monday"}, {D(2031, 4, 26), "King's Day"},
    {D(2031, 5, 22), "Ascension Day"},  {D(2031, 6, 2), "Whit Monday"},    {D(2031, 12, 25), "Christmas Day"},
    {D(2031, 12, 26), "Boxing Day"},

    {D(2032, 1, 1), "New Year's Day"},  {D(2032, 3, 29), "Easter Monday"}, {D(2032, 4, 27), "King's Day"},
    {D(2032, 5, 6), "Ascension Day"},   {D(2032, 5, 17), "Whit Monday"},   {D(2032, 12, 25), "Christmas Day"},
    {D(2032, 12, 26), "Boxing Day"},

    {D(2033, 1, 1), "New Year's Day"},  {D(2033, 4, 18), "Easter Monday"}, {D(2033, 4, 27), "King's Day"},
    {D(2033, 5, 26), "Ascension Day"},  {D(2033, 6, 6), "Whit Monday"},    {D(2033, 12, 25), "Christmas Day"},
    {D(2033, 12, 26), "Boxing Day"},

    {D(2034, 1, 1), "New Year's Day"},  {D(2034, 4, 10), "Easter Monday"}, {D(2034, 4, 27), "King's Day"},
    {D(2034, 5, 18), "Ascension Day"},  {D(2034, 5, 29), "Whit Monday"},   {D(2034, 12, 25), "Christmas Day"},
    {D(2034, 12, 26), "Boxing Day"},

    {D(2035, 1, 1), "New Year's Day"},  {D(2035, 3, 26), "Easter Monday"}, {D(2035, 4, 27), "King's Day"},
    {D(2035, 5, 3), "Ascension Day"},   {D(2035, 5, 5), "Liberation Day"}, {D(2035, 5, 14), "Whit Monday"},
    {D(2035, 12, 25), "Christmas Day"}, {D(2035, 12, 26), "Boxing Day"},
};

const std::vector<year_month_day> kGoodFridays2024To2035 = {
    D(2024, 3, 29), D(2025, 4, 18), D(2026, 4, 3),  D(2027, 3, 26), D(2028, 4, 14), D(2029, 3, 30),
    D(2030, 4, 19), D(2031, 4, 11), D(2032, 3, 26), D(2033, 4, 15), D(2034, 4, 7),  D(2035, 3, 23),
};

/// The last Sundays of March and October, checked against the tz database's Europe/Amsterdam.
struct DstWeekend {
    year_month_day spring;
    year_month_day autumn;
};
const std::vector<DstWeekend> kDstWeekends2024To2035 = {
    {D(2024, 3, 31), D(2024, 10, 27)}, {D(2025, 3, 30), D(2025, 10, 26)}, {D(2026, 3, 29), D(2026, 10, 25)},
    {D(2027, 3, 28), D(2027, 10, 31)}, {D(2028, 3, 26), D(2028, 10, 29)}, {D(2029, 3, 25), D(2029, 10, 28)},
    {D(2030, 3, 31), D(2030, 10, 27)}, {D(2031, 3, 30), D(2031, 10, 26)}, {D(2032, 3, 28), D(2032, 10, 31)},
    {D(2033, 3, 27), D(2033, 10, 30)}, {D(2034, 3, 26), D(2034, 10, 29)}, {D(2035, 3, 25), D(2035, 10, 28)},
};

const Holiday* FindHoliday(year_month_day date) {
    auto it = std::find_if(kHolidays2024To2035.begin(), kHolidays2024To2035.end(),
                           [&](const Holiday& h) { return h.date == date; });
    return it == kHolidays2024To2035.end() ? nullptr : &*it;
}

bool IsWeekday(year_month_day date) {
    const weekday wd{sys_days{date}};
    return wd != Saturday && wd != Sunday;
}

/// Gauss's Easter algorithm with Lichtenberg's corrections: a second, independent method.
year_month_day GaussEaster(int y) {
    const int a = y % 19;
    const int k = y / 100;
    const int m = 15 + (3 * k + 3) / 4 - (8 * k + 13) / 25;
    const int s = 2 - (3 * k + 3) / 4;
    const int d = (19 * a + m) % 30;
    const int r = (d + a / 11) / 29;
    const int og = 21 + d - r;
    const int sz = 7 - (y + s + y / 4) % 7;
    const int oe = 7 - (og - sz) % 7;
    return year_month_day{sys_days{D(y, 3, 1)} + days{og + oe - 1}};
}

// --- Easter -----------------------------------------------------------------------------------

TEST(WorkingDayCalendar, EasterSundayMatchesKnownDates) {
    const std::vector<year_month_day> known = {
        D(2024, 3, 31),
        D(2025, 4, 20),
        D(2026, 4, 5),
        D(2027, 3, 28),
        D(2028, 4, 16),
        D(2029, 4, 1),
        D(2030, 4, 21),
        D(2031, 4, 13),
        D(2032, 3, 28),
        D(2033, 4, 17),
        D(2034, 4, 9),
        D(2035, 3, 25),
        // The earliest and latest possible dates, and century years where the corrections bite.
        D(1818, 3, 22),
        D(2285, 3, 22),
        D(1943, 4, 25),
        D(2038, 4, 25),
        D(2000, 4, 23),
        D(2100, 3, 28),
    };
    for (const auto& easter : known) {
        EXPECT_EQ(WorkingDayCalendar::EasterSunday(static_cast<int>(easter.year())), easter)
            << static_cast<int>(easter.year());
    }
}

TEST(WorkingDayCalendar, EasterSundayAgreesWithGaussForTwentyFiveCenturies) {
    for (int y = 1583; y <= 4099; ++y) {
        const year_month_day easter = WorkingDayCalendar::EasterSunday(y);
        ASSERT_EQ(easter, GaussEaster(y)) << y;
        ASSERT_EQ(weekday{sys_days{easter}}, Sunday) << y;
    }
}

// --- Holidays ---------------------------------------------------------------------------------

TEST(WorkingDayCalendar, NamesEveryDutchPublicHolidayOf2024To2035) {
    const auto calendar = DefaultCalendar();
    ASSERT_EQ(kHolidays2024To2035.size(), 12u * 7u + 3u);
    for (const auto& h : kHolidays2024To2035) {
        const year_month_day d = h.date;
        EXPECT_EQ(calendar.HolidayName(d), std::optional<std::string>(h.name)) << Show(d);
        EXPECT_FALSE(calendar.IsWorkingDay(d)) << Show(d);
    }
}

TEST(WorkingDayCalendar, KnowsNoOtherHolidaysIn2024To2035) {
    const auto calendar = DefaultCalendar();
    int holidays = 0;
    int working_days = 0;
    for (sys_days d = sys_days{D(2024, 1, 1)}; d <= sys_days{D(2035, 12, 31)}; d += days{1}) {
        const year_month_day date{d};
        const Holiday* h = FindHoliday(date);
        if (h == nullptr) {
            EXPECT_EQ(calendar.HolidayName(date), std::nullopt) << Show(d);
        } else {
            ++holidays;
        }
        const bool working = IsWeekday(date) && h == nullptr;
        EXPECT_EQ(calendar.IsWorkingDay(date), working) << Show(d);
        working_days += working ? 1 : 0;
    }
    EXPECT_EQ(holidays, 87);
    // 12 years hold 4383 days, of which 3131 weekdays; 72 of the holidays fall on one.
    EXPECT_EQ(working_days, 3131 - 72);
}

TEST(WorkingDayCalendar, WeekdaysAroundEachHolidayAreWorkingDays) {
    const auto calendar = DefaultCalendar();
    int checked = 0;
    for (const auto& h : kHolidays2024To2035) {
        for (sys_days neighbour : {sys_days{h.date} - days{1}, sys_days{h.date} + days{1}}) {
            const year_month_day n{neighbour};
            if (!IsWeekday(n) || FindHoliday(n) != nullptr) continue;
            EXPECT_TRUE(calendar.IsWorkingDay(n)) << Show(neighbour) << " next to " << h.name;
            EXPECT_EQ(calendar.HolidayName(n), std::nullopt) << Show(neighbour);
            ++checked;
        }
    }
    EXPECT_GT(checked, 100);
}

TEST(WorkingDayCalendar, MovesKingsDayToSaturdayWhenThe27thIsASunday) {
    const auto calendar = DefaultCalendar();
    EXPECT_EQ(calendar.HolidayName(D(2025, 4, 26)), "King's Day");  // Saturday
    EXPECT_EQ(calendar.HolidayName(D(2025, 4, 27)), std::nullopt);  // Sunday
    EXPECT_EQ(calendar.HolidayName(D(2024, 4, 27)), "King's Day");  // a Saturday stays put
    EXPECT_EQ(calendar.HolidayName(D(2024, 4, 26)), std::nullopt);
    EXPECT_TRUE(calendar.IsWorkingDay(D(2024, 4, 26)));
    EXPECT_EQ(calendar.HolidayName(D(2037, 4, 27)), "King's Day");  // a Monday
    EXPECT_TRUE(calendar.IsWorkingDay(D(2037, 4, 28)));
}

TEST(WorkingDayCalendar, GivesLiberationDayOffOnlyInLustrumYears) {
    const auto calendar = DefaultCalendar();
    EXPECT_EQ(calendar.HolidayName(D(2025, 5, 5)), "Liberation Day");
    EXPECT_FALSE(calendar.IsWorkingDay(D(2025, 5, 5)));  // a Monday
    for (int y : {2024, 2026, 2027, 2028, 2029, 2031, 2032, 2033, 2034}) {
        const year_month_day d = D(y, 5, 5);
        EXPECT_EQ(calendar.HolidayName(d), std::nullopt) << y;
        EXPECT_EQ(calendar.IsWorkingDay(d), IsWeekday(d) && FindHoliday(d) == nullptr) << y;
    }
    EXPECT_TRUE(calendar.IsWorkingDay(D(2026, 5, 5)));  // a Tuesday
    EXPECT_EQ(calendar.HolidayName(D(2040, 5, 5)), "Liberation Day");
}

TEST(WorkingDayCalendar, ClosesOnGoodFridayOnlyWhenConfigured) {
    const auto open = DefaultCalendar();
    const WorkingDayCalendar closed(WithGoodFridayClosed());
    for (const auto& good_friday : kGoodFridays2024To2035) {
        ASSERT_EQ(weekday{sys_days{good_friday}}, Friday);
        EXPECT_EQ(open.HolidayName(good_friday), std::nullopt) << Show(good_friday);
        EXPECT_TRUE(open.IsWorkingDay(good_friday)) << Show(good_friday);
        EXPECT_EQ(closed.HolidayName(good_friday), "Good Friday") << Show(good_friday);
        EXPECT_FALSE(closed.IsWorkingDay(good_friday)) << Show(good_friday);
        // Only Good Friday: the Thursday before stays a working day.
        EXPECT_TRUE(closed.IsWorkingDay(year_month_day{sys_days{good_friday} - days{1}}));
    }
    // Thursday 2 April 2026 → skips Good Friday, the weekend and Easter Monday.
    const DueTime due = closed.HandoverDue(Utc(2026, 4, 2, 20, 0));
    EXPECT_EQ(due.due_date, D(2026, 4, 7));
    EXPECT_EQ(due.reason, "Good Friday on Friday 3 April; Easter Monday on Monday 6 April; weekend");
    EXPECT_EQ(open.HandoverDue(Utc(2026, 4, 2, 20, 0)).due_date, D(2026, 4, 3));
}

TEST(WorkingDayCalendar, ClosesOnConfiguredExtraClosureDays) {
    const WorkingDayCalendar calendar(WithClosures({D(2026, 12, 31), D(2026, 6, 12), D(2026, 12, 25), D(2026, 6, 12)}));
    EXPECT_EQ(calendar.HolidayName(D(2026, 12, 31)), "closure day");
    EXPECT_FALSE(calendar.IsWorkingDay(D(2026, 12, 31)));
    EXPECT_EQ(calendar.HolidayName(D(2026, 6, 12)), "closure day");
    EXPECT_FALSE(calendar.IsWorkingDay(D(2026, 6, 12)));
    EXPECT_EQ(calendar.HolidayName(D(2026, 12, 25)), "Christmas Day");  // the holiday's own name wins
    EXPECT_TRUE(calendar.IsWorkingDay(D(2026, 12, 30)));
    EXPECT_TRUE(calendar.IsWorkingDay(D(2027, 12, 31)));  // a date, not a yearly rule
    EXPECT_TRUE(DefaultCalendar().IsWorkingDay(D(2026, 12, 31)));

    // Wednesday 30 December → closure, New Year, weekend → Monday 4 January.
    const DueTime due = calendar.HandoverDue(Utc(2026, 12, 30, 21, 0));
    EXPECT_EQ(due.due_date, D(2027, 1, 4));
    EXPECT_EQ(due.due_at, Utc(2027, 1, 4, 11, 0));
    EXPECT_EQ(due.reason, "closure day on Thursday 31 December; New Year's Day on Friday 1 January; weekend");
    EXPECT_EQ(due.skipped,
              (std::vector<std::string>{"Thursday 31 December (closure day)", "Friday 1 January (New Year's Day)",
                                        "Saturday 2 January (weekend)", "Sunday 3 January (weekend)"}));
}

TEST(WorkingDayCalendar, RejectsAnImpossibleConfiguration) {
    EXPECT_THROW(WorkingDayCalendar(WithDueTime(hours{24})), std::invalid_argument);
    EXPECT_THROW(WorkingDayCalendar(WithDueTime(minutes{-1})), std::invalid_argument);
    EXPECT_THROW(WorkingDayCalendar(WithNightCutoff(24)), std::invalid_argument);
    EXPECT_THROW(WorkingDayCalendar(WithNightCutoff(-1)), std::invalid_argument);
    EXPECT_THROW(WorkingDayCalendar(WithClosures({D(2026, 2, 30)})), std::invalid_argument);
    EXPECT_NO_THROW(WorkingDayCalendar(CalendarConfig{.due_time_of_day = hours{23} + minutes{59},
                                                      .night_cutoff_hour = 0,
                                                      .good_friday_closed = true,
                                                      .extra_closures = {}}));
}

// --- Shift date and the night rule ------------------------------------------------------------

TEST(WorkingDayCalendar, CountsANightCallBeforeSixToThePreviousEveningsShift) {
    const auto calendar = DefaultCalendar();
    // Tuesday 9 June 2026, summer time: local = UTC + 2.
    EXPECT_EQ(calendar.ShiftDate(Utc(2026, 6, 9, 3, 59)), D(2026, 6, 8));  // 05:59 local
    EXPECT_EQ(calendar.ShiftDate(Utc(2026, 6, 9, 3, 59, 59) + microseconds{999'999}), D(2026, 6, 8));
    EXPECT_EQ(calendar.ShiftDate(Utc(2026, 6, 9, 4, 0)), D(2026, 6, 9));    // 06:00 local
    EXPECT_EQ(calendar.ShiftDate(Utc(2026, 6, 8, 21, 59)), D(2026, 6, 8));  // 23:59 local
    EXPECT_EQ(calendar.ShiftDate(Utc(2026, 6, 8, 22, 0)), D(2026, 6, 8));   // 00:00 local on the 9th
    // Winter time: local = UTC + 1.
    EXPECT_EQ(calendar.ShiftDate(Utc(2026, 1, 13, 4, 59)), D(2026, 1, 12));
    EXPECT_EQ(calendar.ShiftDate(Utc(2026, 1, 13, 5, 0)), D(2026, 1, 13));
}

TEST(WorkingDayCalendar, TakesTheNightCutoffFromTheConfiguration) {
    const WorkingDayCalendar at_eight(WithNightCutoff(8));
    EXPECT_EQ(at_eight.ShiftDate(Utc(2026, 6, 9, 5, 59)), D(2026, 6, 8));  // 07:59 local
    EXPECT_EQ(at_eight.ShiftDate(Utc(2026, 6, 9, 6, 0)), D(2026, 6, 9));
    const WorkingDayCalendar at_midnight(WithNightCutoff(0));
    EXPECT_EQ(at_midnight.ShiftDate(Utc(2026, 6, 8, 22, 0)), D(2026, 6, 9));  // 00:00 local
    EXPECT_EQ(at_midnight.ShiftDate(Utc(2026, 6, 8, 21, 59)), D(2026, 6, 8));
}

TEST(WorkingDayCalendar, HandsOverFridayNightAndEarlySaturdayCallsOnMonday) {
    const auto calendar = DefaultCalendar();
    // Friday 6 March 2026 23:30 and Saturday 7 March 01:30 local (CET).
    for (const auto t : {Utc(2026, 3, 6, 22, 30), Utc(2026, 3, 7, 0, 30)}) {
        const DueTime due = calendar.HandoverDue(t);
        EXPECT_EQ(due.due_date, D(2026, 3, 9));
        EXPECT_EQ(due.due_at, Utc(2026, 3, 9, 11, 0));  // 12:00 CET
        EXPECT_EQ(due.reason, "weekend");
        EXPECT_EQ(due.skipped, (std::vector<std::string>{"Saturday 7 March (weekend)", "Sunday 8 March (weekend)"}));
    }
    // Saturday 06:00 belongs to Saturday's shift: only Sunday is skipped.
    const DueTime saturday = calendar.HandoverDue(Utc(2026, 3, 7, 5, 0));
    EXPECT_EQ(saturday.due_date, D(2026, 3, 9));
    EXPECT_EQ(saturday.skipped, std::vector<std::string>{"Sunday 8 March (weekend)"});
}

TEST(WorkingDayCalendar, HandsOverATuesdayDawnCallTheSameDayAndAMorningCallTheNext) {
    const auto calendar = DefaultCalendar();
    const DueTime dawn = calendar.HandoverDue(Utc(2026, 6, 9, 3, 59));  // Tuesday 05:59 CEST
    EXPECT_EQ(dawn.due_date, D(2026, 6, 9));
    EXPECT_EQ(dawn.due_at, Utc(2026, 6, 9, 10, 0));
    EXPECT_EQ(dawn.reason, "next working day");
    EXPECT_TRUE(dawn.skipped.empty());

    const DueTime morning = calendar.HandoverDue(Utc(2026, 6, 9, 4, 0));  // Tuesday 06:00 CEST
    EXPECT_EQ(morning.due_date, D(2026, 6, 10));
    EXPECT_EQ(morning.due_at, Utc(2026, 6, 10, 10, 0));
    EXPECT_EQ(morning.reason, "next working day");
    EXPECT_TRUE(morning.skipped.empty());
}

TEST(WorkingDayCalendar, TakesTheDueTimeOfDayFromTheConfiguration) {
    const WorkingDayCalendar calendar(WithDueTime(hours{9} + minutes{30}));
    EXPECT_EQ(calendar.HandoverDue(Utc(2026, 6, 9, 12, 0)).due_at, Utc(2026, 6, 10, 7, 30));   // CEST
    EXPECT_EQ(calendar.HandoverDue(Utc(2026, 1, 13, 12, 0)).due_at, Utc(2026, 1, 14, 8, 30));  // CET
}

// --- Handovers across holidays ----------------------------------------------------------------

TEST(WorkingDayCalendar, SkipsKingsDayAndTheWeekendBeforeIt) {
    const auto calendar = DefaultCalendar();
    // Friday 24 April 2026 23:30 and Saturday 25 April 01:30 local (CEST).
    for (const auto t : {Utc(2026, 4, 24, 21, 30), Utc(2026, 4, 24, 23, 30)}) {
        const DueTime due = calendar.HandoverDue(t);
        EXPECT_EQ(due.due_date, D(2026, 4, 28));
        EXPECT_EQ(due.due_at, Utc(2026, 4, 28, 10, 0));  // Tuesday 12:00 CEST
        EXPECT_EQ(due.reason, "King's Day on Monday 27 April; weekend");
        EXPECT_EQ(due.skipped, (std::vector<std::string>{"Saturday 25 April (weekend)", "Sunday 26 April (weekend)",
                                                         "Monday 27 April (King's Day)"}));
    }
}

TEST(WorkingDayCalendar, SkipsChristmasAndBoxingDayOverAWeekend) {
    const auto calendar = DefaultCalendar();
    const DueTime due = calendar.HandoverDue(Utc(2026, 12, 24, 21, 0));  // Thursday 22:00 CET
    EXPECT_EQ(due.due_date, D(2026, 12, 28));
    EXPECT_EQ(due.due_at, Utc(2026, 12, 28, 11, 0));
    EXPECT_EQ(due.reason, "Christmas Day on Friday 25 December; Boxing Day on Saturday 26 December; weekend");
    EXPECT_EQ(due.skipped,
              (std::vector<std::string>{"Friday 25 December (Christmas Day)", "Saturday 26 December (Boxing Day)",
                                        "Sunday 27 December (weekend)"}));
    // 2024: Christmas on Wednesday, Boxing Day on Thursday → Friday, no weekend.
    const DueTime midweek = calendar.HandoverDue(Utc(2024, 12, 24, 21, 0));
    EXPECT_EQ(midweek.due_date, D(2024, 12, 27));
    EXPECT_EQ(midweek.reason, "Christmas Day on Wednesday 25 December; Boxing Day on Thursday 26 December");
}

TEST(WorkingDayCalendar, SkipsNewYearsDayIntoTheNextYear) {
    const auto calendar = DefaultCalendar();
    const DueTime due = calendar.HandoverDue(Utc(2026, 12, 31, 23, 30));  // 1 January 2027 00:30 local
    EXPECT_EQ(due.due_date, D(2027, 1, 4));
    EXPECT_EQ(due.due_at, Utc(2027, 1, 4, 11, 0));
    EXPECT_EQ(due.reason, "New Year's Day on Friday 1 January; weekend");
    const DueTime midweek = calendar.HandoverDue(Utc(2024, 12, 31, 20, 0));  // Tuesday evening
    EXPECT_EQ(midweek.due_date, D(2025, 1, 2));
    EXPECT_EQ(midweek.due_at, Utc(2025, 1, 2, 11, 0));
    EXPECT_EQ(midweek.skipped, std::vector<std::string>{"Wednesday 1 January (New Year's Day)"});
}

TEST(WorkingDayCalendar, SkipsAscensionAndWhitMonday) {
    const auto calendar = DefaultCalendar();
    EXPECT_EQ(calendar.HandoverDue(Utc(2026, 5, 13, 18, 0)).due_date, D(2026, 5, 15));  // Wednesday → Friday
    const DueTime whit = calendar.HandoverDue(Utc(2026, 5, 22, 18, 0));                 // Friday before Whitsun
    EXPECT_EQ(whit.due_date, D(2026, 5, 26));
    EXPECT_EQ(whit.reason, "Whit Monday on Monday 25 May; weekend");
}

// --- Daylight saving time ---------------------------------------------------------------------

TEST(WorkingDayCalendar, DueAtNoonLocalOnEitherSideOfTheClockChange) {
    const auto calendar = DefaultCalendar();
    // Spring 2026: clocks go forward on Sunday 29 March.
    EXPECT_EQ(calendar.HandoverDue(Utc(2026, 3, 26, 13, 0)).due_at, Utc(2026, 3, 27, 11, 0));  // Friday, CET
    EXPECT_EQ(calendar.HandoverDue(Utc(2026, 3, 27, 13, 0)).due_at, Utc(2026, 3, 30, 10, 0));  // Monday, CEST
    // Saturday 28 March 23:30 CET, and 01:30 CET / 03:30 CEST in the night of the change.
    for (const auto t : {Utc(2026, 3, 28, 22, 30), Utc(2026, 3, 29, 0, 30), Utc(2026, 3, 29, 1, 30)}) {
        EXPECT_EQ(calendar.ShiftDate(t), D(2026, 3, 28));
        const DueTime due = calendar.HandoverDue(t);
        EXPECT_EQ(due.due_date, D(2026, 3, 30));
        EXPECT_EQ(due.due_at, Utc(2026, 3, 30, 10, 0));
    }
    EXPECT_EQ(calendar.ShiftDate(Utc(2026, 3, 29, 3, 59)), D(2026, 3, 28));  // 05:59 CEST
    EXPECT_EQ(calendar.ShiftDate(Utc(2026, 3, 29, 4, 0)), D(2026, 3, 29));   // 06:00 CEST

    // Autumn 2026: clocks go back on Sunday 25 October.
    EXPECT_EQ(calendar.HandoverDue(Utc(2026, 10, 22, 12, 0)).due_at, Utc(2026, 10, 23, 10, 0));  // Friday, CEST
    EXPECT_EQ(calendar.HandoverDue(Utc(2026, 10, 23, 12, 0)).due_at, Utc(2026, 10, 26, 11, 0));  // Monday, CET
    // Saturday 24 October 23:30 CEST; 02:30 CEST and 02:30 CET in the night of the change.
    for (const auto t : {Utc(2026, 10, 24, 21, 30), Utc(2026, 10, 25, 0, 30), Utc(2026, 10, 25, 1, 30)}) {
        EXPECT_EQ(calendar.ShiftDate(t), D(2026, 10, 24));
        const DueTime due = calendar.HandoverDue(t);
        EXPECT_EQ(due.due_date, D(2026, 10, 26));
        EXPECT_EQ(due.due_at, Utc(2026, 10, 26, 11, 0));
    }
    EXPECT_EQ(calendar.ShiftDate(Utc(2026, 10, 25, 4, 59)), D(2026, 10, 24));  // 05:59 CET
    EXPECT_EQ(calendar.ShiftDate(Utc(2026, 10, 25, 5, 0)), D(2026, 10, 25));   // 06:00 CET
}

TEST(WorkingDayCalendar, DueAfterEveryClockChangeWeekendOf2024To2035) {
    const auto calendar = DefaultCalendar();
    // Due dates after a call at 23:30 on the Saturday before each change; Easter Monday sometimes follows.
    const std::vector<year_month_day> after_spring = {
        D(2024, 4, 2), D(2025, 3, 31), D(2026, 3, 30), D(2027, 3, 30), D(2028, 3, 27), D(2029, 3, 26),
        D(2030, 4, 1), D(2031, 3, 31), D(2032, 3, 30), D(2033, 3, 28), D(2034, 3, 27), D(2035, 3, 27),
    };
    const std::vector<year_month_day> after_autumn = {
        D(2024, 10, 28), D(2025, 10, 27), D(2026, 10, 26), D(2027, 11, 1),  D(2028, 10, 30), D(2029, 10, 29),
        D(2030, 10, 28), D(2031, 10, 27), D(2032, 11, 1),  D(2033, 10, 31), D(2034, 10, 30), D(2035, 10, 29),
    };
    for (std::size_t i = 0; i < kDstWeekends2024To2035.size(); ++i) {
        const sys_days spring{kDstWeekends2024To2035[i].spring};
        const sys_days autumn{kDstWeekends2024To2035[i].autumn};
        const DueTime due_spring = calendar.HandoverDue(spring - days{1} + hours{22} + minutes{30});  // 23:30 CET
        EXPECT_EQ(due_spring.due_date, after_spring[i]) << Show(spring);
        EXPECT_EQ(due_spring.due_at, sys_days{after_spring[i]} + hours{10}) << Show(spring);          // 12:00 CEST
        const DueTime due_autumn = calendar.HandoverDue(autumn - days{1} + hours{21} + minutes{30});  // 23:30 CEST
        EXPECT_EQ(due_autumn.due_date, after_autumn[i]) << Show(autumn);
        EXPECT_EQ(due_autumn.due_at, sys_days{after_autumn[i]} + hours{11}) << Show(autumn);  // 12:00 CET
    }
}

TEST(CalendarAmsterdamTime, ChangesOffsetAt0100UtcOnTheLastSundaysOfMarchAndOctober) {
    for (const auto& w : kDstWeekends2024To2035) {
        const sys_seconds spring = sys_days{w.spring} + hours{1};
        const sys_seconds autumn = sys_days{w.autumn} + hours{1};
        EXPECT_EQ(AmsterdamUtcOffset(spring - microseconds{1}), hours{1}) << Show(spring);
        EXPECT_EQ(AmsterdamUtcOffset(spring), hours{2}) << Show(spring);
        EXPECT_EQ(AmsterdamUtcOffset(autumn - microseconds{1}), hours{2}) << Show(autumn);
        EXPECT_EQ(AmsterdamUtcOffset(autumn), hours{1}) << Show(autumn);
        // 01:59:59 CET is followed by 03:00:00 CEST; 02:59:59 CEST by 02:00:00 CET.
        EXPECT_EQ(UtcToLocal(spring - seconds{1}), local_days{w.spring} + hours{1} + minutes{59} + seconds{59});
        EXPECT_EQ(UtcToLocal(spring), local_days{w.spring} + hours{3});
        EXPECT_EQ(UtcToLocal(autumn - seconds{1}), local_days{w.autumn} + hours{2} + minutes{59} + seconds{59});
        EXPECT_EQ(UtcToLocal(autumn), local_days{w.autumn} + hours{2});
    }
    EXPECT_EQ(UtcToLocal(Utc(2026, 1, 15, 12, 0)), Local(2026, 1, 15, 13, 0));
    EXPECT_EQ(UtcToLocal(Utc(2026, 7, 15, 12, 0)), Local(2026, 7, 15, 14, 0));
    EXPECT_EQ(UtcToLocal(Utc(2026, 12, 31, 23, 30)), Local(2027, 1, 1, 0, 30));
}

TEST(CalendarAmsterdamTime, MovesATimeInTheSpringGapForwardByAnHour) {
    // Sunday 29 March 2026: 02:00–02:59 local does not exist.
    EXPECT_EQ(LocalToUtc(Local(2026, 3, 29, 1, 59)), Utc(2026, 3, 29, 0, 59));  // CET
    EXPECT_EQ(LocalToUtc(Local(2026, 3, 29, 2, 0)), Utc(2026, 3, 29, 1, 0));    // = 03:00 CEST
    EXPECT_EQ(LocalToUtc(Local(2026, 3, 29, 2, 30)), Utc(2026, 3, 29, 1, 30));  // = 03:30 CEST
    EXPECT_EQ(LocalToUtc(Local(2026, 3, 29, 2, 59)), Utc(2026, 3, 29, 1, 59));
    EXPECT_EQ(LocalToUtc(Local(2026, 3, 29, 3, 0)), Utc(2026, 3, 29, 1, 0));  // CEST
    EXPECT_EQ(UtcToLocal(LocalToUtc(Local(2026, 3, 29, 2, 30))), Local(2026, 3, 29, 3, 30));
}

TEST(CalendarAmsterdamTime, TakesTheFirstOccurrenceOfATimeInTheAutumnOverlap) {
    // Sunday 25 October 2026: 02:00–02:59 local happens twice, first in CEST, then in CET.
    EXPECT_EQ(LocalToUtc(Local(2026, 10, 25, 1, 59)), Utc(2026, 10, 24, 23, 59));  // CEST
    EXPECT_EQ(LocalToUtc(Local(2026, 10, 25, 2, 0)), Utc(2026, 10, 25, 0, 0));     // first, CEST
    EXPECT_EQ(LocalToUtc(Local(2026, 10, 25, 2, 30)), Utc(2026, 10, 25, 0, 30));   // not 01:30 UTC
    EXPECT_EQ(LocalToUtc(Local(2026, 10, 25, 2, 59)), Utc(2026, 10, 25, 0, 59));
    EXPECT_EQ(LocalToUtc(Local(2026, 10, 25, 3, 0)), Utc(2026, 10, 25, 2, 0));    // CET
    EXPECT_EQ(UtcToLocal(Utc(2026, 10, 25, 1, 30)), Local(2026, 10, 25, 2, 30));  // the second occurrence
}

TEST(CalendarAmsterdamTime, RoundTripsEveryQuarterHourOf2024To2035) {
    auto in_autumn_overlap = [](sys_time<minutes> t) {  // UTC moments whose local time occurred before
        return std::any_of(kDstWeekends2024To2035.begin(), kDstWeekends2024To2035.end(), [&](const DstWeekend& w) {
            return t >= sys_days{w.autumn} + hours{1} && t < sys_days{w.autumn} + hours{2};
        });
    };
    auto in_spring_gap = [](local_time<minutes> l) {  // local times that never occur
        return std::any_of(kDstWeekends2024To2035.begin(), kDstWeekends2024To2035.end(), [&](const DstWeekend& w) {
            return l >= local_days{w.spring} + hours{2} && l < local_days{w.spring} + hours{3};
        });
    };
    int overlaps = 0;
    int gaps = 0;
    for (sys_time<minutes> t = sys_days{D(2024, 1, 1)}; t < sys_days{D(2036, 1, 1)}; t += minutes{15}) {
        const auto local = floor<minutes>(UtcToLocal(t));
        const spoed::TimePoint back = LocalToUtc(local);
        if (in_autumn_overlap(t)) {
            ASSERT_EQ(back, t - hours{1}) << Show(t);
            ++overlaps;
        } else {
            ASSERT_EQ(back, t) << Show(t);
        }
        // The same instant counted on the local clock.
        const local_time<minutes> l{t.time_since_epoch()};
        const auto there_and_back = UtcToLocal(LocalToUtc(l));
        if (in_spring_gap(l)) {
            ASSERT_EQ(there_and_back, l + hours{1}) << Show(t);
            ++gaps;
        } else {
            ASSERT_EQ(there_and_back, l) << Show(t);
        }
    }
    EXPECT_EQ(overlaps, 12 * 4);
    EXPECT_EQ(gaps, 12 * 4);
}

// --- AddWorkingDays ---------------------------------------------------------------------------

TEST(WorkingDayCalendar, AddsWorkingDaysAcrossHolidaysAndWeekends) {
    const auto calendar = DefaultCalendar();
    EXPECT_EQ(calendar.AddWorkingDays(D(2026, 4, 24), 1), D(2026, 4, 28));  // over the weekend and King's Day
    // Thursday 23 April 2026 + 10: 24, 28, 29, 30 April, 1, 4, 5 (not a lustrum), 6, 7, 8 May.
    EXPECT_EQ(calendar.AddWorkingDays(D(2026, 4, 23), 10), D(2026, 5, 8));
    EXPECT_EQ(calendar.AddWorkingDays(D(2026, 5, 13), 1), D(2026, 5, 15));  // Ascension Day
    EXPECT_EQ(calendar.AddWorkingDays(D(2025, 5, 2), 1), D(2025, 5, 6));    // weekend and Liberation Day 2025
    EXPECT_EQ(calendar.AddWorkingDays(D(2026, 12, 23), 3), D(2026, 12, 29));
    EXPECT_EQ(calendar.AddWorkingDays(D(2026, 12, 23), 10), D(2027, 1, 8));  // 24, 28–31 Dec, 4–8 Jan
    EXPECT_EQ(calendar.AddWorkingDays(D(2026, 4, 25), 1), D(2026, 4, 28));   // from a Saturday
    EXPECT_EQ(calendar.AddWorkingDays(D(2026, 6, 9), 0), D(2026, 6, 9));
    const WorkingDayCalendar with_closure(WithClosures({D(2026, 12, 31)}));
    EXPECT_EQ(with_closure.AddWorkingDays(D(2026, 12, 23), 10), D(2027, 1, 11));
}

TEST(WorkingDayCalendar, AddingWorkingDaysOneAtATimeMatchesAddingThemAtOnce) {
    const auto calendar = DefaultCalendar();
    year_month_day step = D(2024, 1, 1);
    for (int n = 1; n <= 250 * 12; ++n) {
        step = calendar.AddWorkingDays(step, 1);
        ASSERT_TRUE(calendar.IsWorkingDay(step)) << Show(step);
        if (n % 250 == 0) {
            ASSERT_EQ(calendar.AddWorkingDays(D(2024, 1, 1), n), step) << n;
        }
    }
    // 2024–2035 have 3131 − 72 = 3059 working days (see KnowsNoOtherHolidaysIn2024To2035).
    EXPECT_EQ(calendar.AddWorkingDays(D(2023, 12, 31), 3059), D(2035, 12, 31));
}

}  // namespace
}  // namespace spoed::daemon::service
