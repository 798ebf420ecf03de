#include "daemon/service/consent_rules.hpp"

#include <string>

namespace spoed::daemon::service {

int AgeOn(std::chrono::year_month_day birth, std::chrono::year_month_day on) {
    using namespace std::chrono;
    int age = static_cast<int>(on.year()) - static_cast<int>(birth.year());
    // (month, day) of this year's birthday; 29 Feb falls on 1 March when the year has none.
    unsigned bm = static_cast<unsigned>(birth.month());
    unsigned bd = static_cast<unsigned>(birth.day());
    if (bm == 2 && bd == 29 && !on.year().is_leap()) {
        bm = 3;
        bd = 1;
    }
    unsigned om = static_cast<unsigned>(on.month());
    unsigned od = static_cast<unsigned>(on.day());
    if (om < bm || (om == bm && od < bd)) --age;
    return age;
}

Status CheckConsentParties(std::chrono::year_month_day birth, std::chrono::year_month_day given_on, bool given_by_youth,
                           std::string_view guardian_name) {
    int age = AgeOn(birth, given_on);
    if (age < 0) return Error::InvalidArgument("given_at: before the youth's date of birth");
    bool guardian = !guardian_name.empty();
    std::string at_age = " (the youth was " + std::to_string(age) + " when consent was given)";
    if (age < 12) {
        if (!guardian) {
            return Error::InvalidArgument(
                "consent: a parent or guardian must consent for a youth under 12; missing: "
                "parent or guardian (given_by_guardian)" +
                at_age);
        }
    } else if (age < 16) {
        if (!given_by_youth && !guardian) {
            return Error::InvalidArgument(
                "consent: from 12 to 15 both the youth and a parent or guardian must "
                "consent; missing: the youth and a parent or guardian" +
                at_age);
        }
        if (!given_by_youth) {
            return Error::InvalidArgument(
                "consent: from 12 to 15 both the youth and a parent or guardian must "
                "consent; missing: the youth (given_by_youth)" +
                at_age);
        }
        if (!guardian) {
            return Error::InvalidArgument(
                "consent: from 12 to 15 both the youth and a parent or guardian must "
                "consent; missing: a parent or guardian (given_by_guardian)" +
                at_age);
        }
    } else if (!given_by_youth) {
        return Error::InvalidArgument("consent: from 16 the youth decides; missing: the youth (given_by_youth)" +
                                      at_age);
    }
    return Ok();
}

}  // namespace spoed::daemon::service
