// The parts of spoed-load (bench/load) that decide its figures: the percentiles, the manifest
// and the flags. The scenarios themselves run in the slow smoke test bench.compare_smoke.
#include "bench/load/load.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace spoed::bench::load {
namespace {

TEST(LoadPercentile, IsTheNearestRankOfTheSortedSamples) {
    std::vector<std::int64_t> s;
    for (int i = 100; i >= 1; --i) s.push_back(i);  // unsorted on purpose
    EXPECT_EQ(Percentile(s, 0.50), 50);
    EXPECT_EQ(Percentile(s, 0.99), 99);
    EXPECT_EQ(Percentile(s, 0.999), 100);
    EXPECT_EQ(Percentile(s, 1.0), 100);
    std::vector<std::int64_t> one = {7};
    EXPECT_EQ(Percentile(one, 0.5), 7);
    std::vector<std::int64_t> none;
    EXPECT_EQ(Percentile(none, 0.99), 0);
}

TEST(LoadPercentile, SummaryIsInMillisecondsAndCountsEverySample) {
    Summary s;
    Summarise({1'000'000, 2'000'000, 3'000'000, 4'000'000}, s);
    EXPECT_EQ(s.count, 4);
    EXPECT_DOUBLE_EQ(s.p50_ms, 2.0);
    EXPECT_DOUBLE_EQ(s.p99_ms, 4.0);
}

TEST(LoadEvents, FromCommitCountsFromTheEarlierOfTheAnswerAndTheFirstDelivery) {
    // Round 0: the answer (100) came after the first delivery (90); round 1: before any (200).
    // The second client missed round 1, so it has no sample there.
    std::vector<std::vector<std::int64_t>> received = {{90, 210}, {130}};
    std::vector<std::int64_t> acked = {100, 200};
    EXPECT_EQ(FromCommit(received, acked), (std::vector<std::int64_t>{0, 40, 10}));
    EXPECT_TRUE(FromCommit(received, {}).empty());
}

constexpr const char* kManifest = R"json({
  "youths": 2000, "seed": 1, "now": "2026-11-23",
  "users": [{"username": "bench.worker", "password": "pw", "roles": ["crisis_worker"]},
            {"username": "bench.coord", "password": "pw2", "roles": ["coordinator"]}],
  "plan_youth_ids": [1, 2, "3"], "open_case_ids": [10], "case_ids": [11, 12],
  "search_queries": ["Visser", "3-7-2010"], "lookup_phones": ["06 12345678"], "figures_year": 2026 })json";

TEST(LoadManifest, ReadsUsersIdsAndQueries) {
    auto m = ParseManifest(kManifest);
    ASSERT_TRUE(m.ok()) << m.error().message;
    EXPECT_EQ(m->youths, 2000);
    EXPECT_EQ(m->plan_youth_ids, (std::vector<std::int64_t>{1, 2, 3}));
    EXPECT_EQ(m->case_ids.size(), 2u);
    EXPECT_EQ(m->search_queries[1], "3-7-2010");
    EXPECT_EQ(m->figures_year, 2026);
    ASSERT_NE(m->UserWithRole("coordinator"), nullptr);
    EXPECT_EQ(m->UserWithRole("coordinator")->username, "bench.coord");
    EXPECT_EQ(m->UserWithRole("psychiatrist"), nullptr);
}

TEST(LoadManifest, NamesTheMissingField) {
    std::string text = kManifest;
    text.replace(text.find("\"open_case_ids\""), 15, "\"open_cases\"");
    auto m = ParseManifest(text);
    ASSERT_FALSE(m.ok());
    EXPECT_NE(m.error().message.find("open_case_ids"), std::string::npos) << m.error().message;
    EXPECT_FALSE(ParseManifest("not json").ok());
}

TEST(LoadOptions, RefusesUnknownScenariosAndFlags) {
    auto ok = ParseOptions({"--url", "https://127.0.0.1:1", "--scenario", "static", "--connections", "8"});
    ASSERT_TRUE(ok.ok()) << ok.error().message;
    EXPECT_EQ(ok->connections, 8);
    EXPECT_FALSE(ParseOptions({"--url", "https://127.0.0.1:1", "--scenario", "nope"}).ok());
    EXPECT_FALSE(ParseOptions({"--url", "https://127.0.0.1:1", "--scenario", "static", "--bogus", "1"}).ok());
    // A scenario that reads ids needs the manifest.
    auto search = ParseOptions({"--url", "https://127.0.0.1:1", "--scenario", "search"});
    ASSERT_FALSE(search.ok());
    EXPECT_NE(search.error().message.find("--manifest"), std::string::npos);
}

}  // namespace
}  // namespace spoed::bench::load
