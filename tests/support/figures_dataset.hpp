#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "db/store.hpp"

namespace spoed::test {

/// A generated, clearly fictional year (or part of one) of crisis work for the figures: youths,
/// cases with problem areas, risk flags, outcomes, contacts with responses, consults,
/// handovers with confirmations, plan versions, evaluations and proposals — written through
/// the repositories, deterministic from the seed. While generating, it counts what the figures
/// must say in plain C++ (independently of the SQL), so a test can check every figure and a
/// benchmark can time them.
struct FiguresDatasetSpec {
    int cases = 400;   // in the period; a tenth more falls just before and after it
    int youths = 100;  // a tenth of the cases has no known youth
    std::chrono::year_month_day from{std::chrono::year{2026}, std::chrono::February, std::chrono::day{1}};
    int months = 3;
    int proposals = 40;
    std::uint64_t seed = 20260201;
};

struct ExpectedBucket {
    db::CaseFiguresRecord counts;
    std::map<std::string, std::map<std::string, std::int64_t>> keyed;  // problem_area/risk_flag/response/proposal
};

struct ExpectedHandovers {
    std::int64_t handovers = 0, confirmed = 0, on_time = 0;
    std::vector<std::int64_t> durations;  // confirmed ones, microseconds from start to confirmation
    /// The median in whole minutes, as the figures round it; -1 when none was confirmed.
    std::int64_t MedianMinutes() const;
};

struct ExpectedFigures {
    std::vector<ExpectedBucket> months;  // one per month of the period
    ExpectedBucket total;
    std::map<std::string, ExpectedHandovers> handovers;  // whole period, by municipality, "(all)"
    std::int64_t repeat_youths = 0, repeat_with_plan_change = 0, repeat_cases_before = 0, repeat_cases_after = 0;
    std::int64_t user_id = 0;
};

ExpectedFigures GenerateFiguresDataset(db::Store& store, const FiguresDatasetSpec& spec, TimePoint now);

}  // namespace spoed::test
