#pragma once

#include <chrono>
#include <string_view>

#include "base/result.hpp"

namespace spoed::daemon::service {

/// Whole years of age on `on` for someone born on `birth`. A birthday on 29 February counts
/// from 1 March in years without one.
int AgeOn(std::chrono::year_month_day birth, std::chrono::year_month_day on);

/// Who must consent under the Dutch WGBO age rule, from the youth's age on the day consent is
/// given: under 12 a parent or guardian; 12 to 15 the youth and a parent or guardian; 16 and
/// over the youth. Refused with invalid_argument naming who is missing and the age.
Status CheckConsentParties(std::chrono::year_month_day birth, std::chrono::year_month_day given_on, bool given_by_youth,
                           std::string_view guardian_name);

}  // namespace spoed::daemon::service
