#include "daemon/service/consent_rules.hpp"

#include <gtest/gtest.h>

namespace spoed::daemon::service {
namespace {

using namespace std::chrono;

constexpr year_month_day kBirth{year{2014}, November, day{24}};

TEST(AgeOn, CountsWholeYearsAndTurnsOnTheBirthday) {
    EXPECT_EQ(AgeOn(kBirth, year{2026} / November / 23), 11);  // 11 years 364 days
    EXPECT_EQ(AgeOn(kBirth, year{2026} / November / 24), 12);
    EXPECT_EQ(AgeOn(kBirth, year{2030} / November / 23), 15);  // 15 years 364 days
    EXPECT_EQ(AgeOn(kBirth, year{2030} / November / 24), 16);
}

TEST(AgeOn, LeapDayBirthdayCountsFromFirstMarchInOtherYears) {
    year_month_day leap{year{2012}, February, day{29}};
    EXPECT_EQ(AgeOn(leap, year{2024} / February / 28), 11);
    EXPECT_EQ(AgeOn(leap, year{2024} / February / 29), 12);
    EXPECT_EQ(AgeOn(leap, year{2025} / February / 28), 12);
    EXPECT_EQ(AgeOn(leap, year{2028} / February / 28), 15);
    EXPECT_EQ(AgeOn(leap, year{2028} / February / 29), 16);
    EXPECT_EQ(AgeOn(year_month_day{year{2011}, March, day{1}}, year{2023} / February / 28), 11);
}

struct Band {
    const char* name;
    year_month_day on;
    bool youth;
    const char* guardian;
    bool ok;
    const char* missing;  // what the refusal must name
};

class ConsentBands : public testing::TestWithParam<Band> {};

TEST_P(ConsentBands, FollowTheWgboAgeRule) {
    const Band& b = GetParam();
    Status st = CheckConsentParties(kBirth, b.on, b.youth, b.guardian);
    EXPECT_EQ(st.ok(), b.ok);
    if (!b.ok && !st.ok()) {
        EXPECT_NE(st.error().message.find(b.missing), std::string::npos) << st.error().message;
        EXPECT_EQ(st.error().code, ErrorCode::kInvalidArgument);
    }
}

const year_month_day k11y364d = year{2026} / November / 23;
const year_month_day k12 = year{2026} / November / 24;
const year_month_day k15y364d = year{2030} / November / 23;
const year_month_day k16 = year{2030} / November / 24;

INSTANTIATE_TEST_SUITE_P(Edges, ConsentBands,
                         testing::Values(
                             // Under 12: a parent or guardian decides.
                             Band{"Under12GuardianOnly", k11y364d, false, "Marco Jansen", true, ""},
                             Band{"Under12YouthAndGuardian", k11y364d, true, "Marco Jansen", true, ""},
                             Band{"Under12YouthOnly", k11y364d, true, "", false, "missing: parent or guardian"},
                             // 12 to 15: both.
                             Band{"At12Both", k12, true, "Marco Jansen", true, ""},
                             Band{"At12YouthOnly", k12, true, "", false, "missing: a parent or guardian"},
                             Band{"At12GuardianOnly", k12, false, "Marco Jansen", false, "missing: the youth"},
                             Band{"At12Neither", k12, false, "", false, "missing: the youth and a parent or guardian"},
                             Band{"At15y364dBoth", k15y364d, true, "Marco Jansen", true, ""},
                             Band{"At15y364dYouthOnly", k15y364d, true, "", false, "missing: a parent or guardian"},
                             Band{"At15y364dGuardianOnly", k15y364d, false, "Marco Jansen", false,
                                  "missing: the youth"},
                             // 16 and over: the youth.
                             Band{"At16YouthOnly", k16, true, "", true, ""},
                             Band{"At16YouthAndGuardian", k16, true, "Marco Jansen", true, ""},
                             Band{"At16GuardianOnly", k16, false, "Marco Jansen", false, "missing: the youth"}),
                         [](const testing::TestParamInfo<Band>& band) { return std::string(band.param.name); });

TEST(ConsentParties, NamesTheAgeInTheRefusal) {
    Status st = CheckConsentParties(kBirth, k12, true, "");
    ASSERT_FALSE(st.ok());
    EXPECT_NE(st.error().message.find("was 12"), std::string::npos) << st.error().message;
}

TEST(ConsentParties, RefusesConsentGivenBeforeBirth) {
    EXPECT_FALSE(CheckConsentParties(kBirth, year{2014} / November / 23, false, "Marco Jansen").ok());
}

}  // namespace
}  // namespace spoed::daemon::service
