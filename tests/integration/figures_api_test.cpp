// The figures against a generated data set whose answers were counted while generating it
// (tests/support/figures_dataset.cpp), and the suppression rule of the partners' aggregate.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "daemon/service/stats_service.hpp"
#include "spoed/v1/stats.pb.h"
#include "tests/support/crisis_fixture.hpp"
#include "tests/support/figures_dataset.hpp"

namespace spoed::test {
namespace {

class Figures : public testing::Test, public CrisisFixture {
  public:
    void SetUp() override { expected = GenerateFiguresDataset(*store, spec, clock.Now()); }

    v1::GetFiguresResponse Get(const std::string& grouping) {
        return Rpc<v1::GetFiguresResponse>(
            v1::rpc::StatsService::GetFigures,
            R"({"from":{"year":2026,"month":2,"day":1},"to":{"year":2026,"month":4,"day":30},"grouping":")" + grouping +
                R"("})",
            coordinator);
    }

    FiguresDatasetSpec spec;
    ExpectedFigures expected;
};

std::map<std::string, std::int64_t> Tallies(const google::protobuf::RepeatedPtrField<v1::Tally>& t, std::int64_t of) {
    std::map<std::string, std::int64_t> out;
    for (const auto& x : t) {
        EXPECT_EQ(x.share().of(), of) << x.key();
        EXPECT_FALSE(x.share().denominator().empty()) << x.key();
        if (x.count() != 0) out[x.key()] = x.count();
    }
    return out;
}

void ExpectShare(const v1::Share& s, std::int64_t count, std::int64_t of, const char* what) {
    EXPECT_EQ(s.count(), count) << what;
    EXPECT_EQ(s.of(), of) << what;
    EXPECT_FALSE(s.denominator().empty()) << what;
    EXPECT_FALSE(s.denominator_key().empty()) << what;
    if (of > 0) EXPECT_NEAR(s.percent(), 100.0 * static_cast<double>(count) / static_cast<double>(of), 0.051) << what;
}

/// Every figure of one period against what the generator counted.
void ExpectFigures(const v1::Figures& f, const ExpectedBucket& e) {
    const auto& c = e.counts;
    ASSERT_GT(c.cases, 0);
    EXPECT_EQ(f.cases(), c.cases);
    EXPECT_EQ(f.contacts(), c.contacts);
    ExpectShare(f.weekend(), c.weekend, c.cases, "weekend");
    ExpectShare(f.weekday_evening(), c.cases - c.weekend, c.cases, "weekday evening");
    auto bands = Tallies(f.age_bands(), c.cases);
    EXPECT_EQ(bands["0-11"], c.age_0_11);
    EXPECT_EQ(bands["12-17"], c.age_12_17);
    EXPECT_EQ(bands["18-23"], c.age_18_23);
    EXPECT_EQ(bands["24+"], c.age_24_plus);
    EXPECT_EQ(bands["unknown"], c.age_unknown);
    auto keyed = [&](const char* figure) {
        auto it = e.keyed.find(figure);
        return it == e.keyed.end() ? std::map<std::string, std::int64_t>() : it->second;
    };
    EXPECT_EQ(Tallies(f.problem_areas(), c.cases), keyed("problem_area"));
    EXPECT_EQ(Tallies(f.risk_flags(), c.cases), keyed("risk_flag"));
    EXPECT_EQ(Tallies(f.responses(), c.contacts), keyed("response"));
    EXPECT_EQ(f.cases_with_problem_area(), c.cases_with_problem_area);
    EXPECT_EQ(f.cases_with_risk_flag(), c.cases_with_risk_flag);
    // Several problem areas per case: the tallies add up to more than the cases that have one.
    std::int64_t sum = 0;
    for (const auto& t : f.problem_areas()) sum += t.count();
    EXPECT_GT(sum, f.cases_with_problem_area());
    EXPECT_NE(f.problem_areas(0).share().denominator().find("several"), std::string::npos);
    auto outcomes = Tallies(f.outcomes(), c.with_outcome);
    EXPECT_EQ(outcomes["stayed_home"], c.stayed_home);
    EXPECT_EQ(outcomes["own_network"], c.own_network);
    EXPECT_EQ(outcomes["crisis_placement"], c.crisis_placement);
    EXPECT_EQ(outcomes["admission"], c.admission);
    ExpectShare(f.stayed_home(), c.stayed_home, c.with_outcome, "stayed home");
    EXPECT_EQ(f.consults(), c.consults);
    EXPECT_EQ(f.consults_answered(), c.consults_answered);
    ExpectShare(f.cases_with_consult(), c.cases_with_consult, c.cases, "cases with consult");
    EXPECT_EQ(f.complex_cases(), c.complex);
    ExpectShare(f.complex_with_evaluation_held(), c.complex_evaluated, c.complex, "complex evaluated");
    ExpectShare(f.with_pre_registered_plan(), c.pre_registered_plan, c.cases, "pre-registered plan");
    std::int64_t proposals = 0;
    for (const auto& [k, v] : keyed("proposal")) proposals += v;
    EXPECT_EQ(Tallies(f.proposals_by_status(), proposals), keyed("proposal"));
}

TEST_F(Figures, EveryFigureOfEveryMonthMatchesTheGeneratedData) {
    auto r = Get("GROUPING_MONTH");
    ASSERT_EQ(r.periods_size(), 3);
    EXPECT_EQ(r.total().period(), "2026-02-01..2026-04-30");
    EXPECT_EQ(r.periods(0).period(), "2026-02");
    EXPECT_EQ(r.periods(2).period(), "2026-04");  // after the change to summer time
    {
        SCOPED_TRACE("whole period");
        ExpectFigures(r.total(), expected.total);
    }
    for (int i = 0; i < 3; ++i) {
        SCOPED_TRACE("month " + std::to_string(i));
        ExpectFigures(r.periods(i), expected.months[static_cast<std::size_t>(i)]);
    }
    // Handovers per municipality over the whole period, "(all)" last.
    ASSERT_EQ(static_cast<std::size_t>(r.total().handovers_size()), expected.handovers.size());
    EXPECT_EQ(r.total().handovers(r.total().handovers_size() - 1).municipality(), "(all)");
    for (const auto& h : r.total().handovers()) {
        SCOPED_TRACE(h.municipality());
        const auto& e = expected.handovers.at(h.municipality());
        EXPECT_EQ(h.handovers(), e.handovers);
        EXPECT_EQ(h.confirmed(), e.confirmed);
        ExpectShare(h.confirmed_by_due_time(), e.on_time, e.handovers, "on time");
        ASSERT_TRUE(h.has_median());
        EXPECT_EQ(h.median_minutes_to_confirmation(), e.MedianMinutes());
    }
    const auto& ry = r.total().repeat_youths();
    EXPECT_GT(ry.youths(), 0);
    EXPECT_EQ(ry.youths(), expected.repeat_youths);
    EXPECT_EQ(ry.with_plan_change(), expected.repeat_with_plan_change);
    EXPECT_EQ(ry.cases_before(), expected.repeat_cases_before);
    EXPECT_EQ(ry.cases_after(), expected.repeat_cases_after);
    EXPECT_EQ(ry.items_size(), ry.youths());
    EXPECT_EQ(ry.min_cases(), 3);  // the rule as data, for the desk to say in Dutch
    EXPECT_EQ(ry.within_days(), 90);
    // The explanations say how to read multiple problem areas.
    bool said = false;
    for (const auto& e : r.explanations()) said = said || e.find("several problem areas") != std::string::npos;
    EXPECT_TRUE(said);
    // The same as keys, one per sentence, for the desk to say in Dutch.
    EXPECT_EQ(r.explanation_keys_size(), r.explanations_size());
    EXPECT_NE(std::find(r.explanation_keys().begin(), r.explanation_keys().end(), "several_tags"),
              r.explanation_keys().end());
}

TEST_F(Figures, QuartersAndTheWholeAddUp) {
    auto q = Get("GROUPING_QUARTER");
    ASSERT_EQ(q.periods_size(), 2);  // Q1 (February, March) and Q2 (April)
    EXPECT_EQ(q.periods(0).period(), "2026-Q1");
    EXPECT_EQ(q.periods(0).cases(), expected.months[0].counts.cases + expected.months[1].counts.cases);
    EXPECT_EQ(q.periods(1).cases(), expected.months[2].counts.cases);
    auto whole = Get("GROUPING_UNSPECIFIED");
    EXPECT_EQ(whole.periods_size(), 0);
    EXPECT_EQ(whole.total().cases(), expected.total.counts.cases);
    EXPECT_EQ(whole.total().complex_cases(), expected.total.counts.complex);
}

TEST_F(Figures, PeriodNotesAreReturnedWithTheirPeriod) {
    Rpc<v1::SetPeriodNoteResponse>(
        v1::rpc::StatsService::SetPeriodNote,
        R"({"period":"2026-03","text":"More calls after the school holiday; not a failure."})", coordinator);
    auto r = Get("GROUPING_MONTH");
    EXPECT_EQ(r.periods(1).note(), "More calls after the school holiday; not a failure.");
    EXPECT_TRUE(r.periods(0).note().empty());
    EXPECT_EQ(
        ErrorCodeOf(Post(v1::rpc::StatsService::SetPeriodNote, R"({"period":"2026-13","text":"x"})", coordinator)),
        "invalid_argument");
    int status = 0;
    Rpc<v1::GetFiguresResponse>(v1::rpc::StatsService::GetFigures,
                                R"({"from":{"year":2026,"month":2,"day":1},"to":{"year":2026,"month":2,"day":2}})",
                                worker, &status);
    EXPECT_EQ(status, 403);
}

TEST_F(Figures, TheAggregateSuppressesEveryCountBelowFive) {
    auto a = Rpc<v1::GetAggregateResponse>(
        v1::rpc::StatsService::GetAggregate,
        R"({"from":{"year":2026,"month":2,"day":1},"to":{"year":2026,"month":4,"day":30},"grouping":"GROUPING_MONTH"})",
        coordinator);
    EXPECT_EQ(a.threshold(), 5);
    auto figures = Get("GROUPING_MONTH");
    int suppressed = 0, shown = 0;
    for (const auto& row : a.rows()) {
        EXPECT_TRUE(row.suppressed() || row.unit() == "minutes" || row.value() >= 5)
            << row.figure() << " " << row.key();
        if (row.suppressed()) {
            ++suppressed;
            EXPECT_EQ(row.value(), 0);
            EXPECT_EQ(row.percent(), 0.0);
        } else {
            ++shown;
        }
        EXPECT_EQ(row.figure().find("youth_id"), std::string::npos);
    }
    EXPECT_GT(suppressed, 0);
    EXPECT_GT(shown, 0);
    // What is shown is the true count.
    for (const auto& row : a.rows()) {
        if (row.figure() == "cases" && row.period() == figures.total().period()) {
            EXPECT_FALSE(row.suppressed());
            EXPECT_EQ(row.value(), figures.total().cases());
        }
    }
    // No youth ids: the aggregate's JSON names no youth.
    std::string json;
    (void)google::protobuf::util::MessageToJsonString(a, &json);
    EXPECT_EQ(json.find("youthId"), std::string::npos);
}

TEST_F(Figures, ExportRecordsPagesThroughThePeriod) {
    std::string token;
    std::set<std::string> ids;
    int pages = 0;
    do {
        auto page = Rpc<v1::ExportRecordsResponse>(
            v1::rpc::StatsService::ExportRecords,
            R"({"entity":"EXPORT_ENTITY_CASES","from":{"year":2026,"month":2,"day":1},"to":{"year":2026,"month":4,"day":30},"pageSize":100,"pageToken":")" +
                token + R"("})",
            coordinator);
        ASSERT_EQ(page.columns(0), "case_id");
        for (const auto& r : page.rows()) ids.insert(r.cells(0));
        token = page.next_page_token();
        ++pages;
    } while (!token.empty() && pages < 100);
    EXPECT_GT(pages, 1);
    EXPECT_EQ(static_cast<std::int64_t>(ids.size()), expected.total.counts.cases);
    auto audit = Audit(1);
    EXPECT_EQ(audit[0].action, "export");
}

TEST(Aggregate, SuppressesSmallCountsAndTheCellThatWouldRevealThem) {
    v1::GetFiguresResponse f;
    auto* t = f.mutable_total();
    t->set_period("2026");
    t->set_cases(40);
    t->set_contacts(4);  // below five
    t->mutable_weekday_evening()->set_count(37);
    t->mutable_weekend()->set_count(3);  // suppressed, and then weekday evening too (40 − 37 = 3)
    const std::pair<const char*, int> bands[] = {{"0-11", 5}, {"12-17", 30}, {"18-23", 5}, {"24+", 0}, {"unknown", 0}};
    for (const auto& [k, n] : bands) {
        auto* b = t->add_age_bands();
        b->set_key(k);
        b->set_count(n);
    }
    auto a = daemon::service::MakeAggregate(f, 5);
    std::map<std::string, v1::AggregateRow> rows;
    for (const auto& r : a.rows()) rows[r.figure() + "/" + r.key()] = r;
    EXPECT_FALSE(rows["cases/"].suppressed());
    EXPECT_EQ(rows["cases/"].value(), 40);
    EXPECT_TRUE(rows["contacts/"].suppressed());
    EXPECT_EQ(rows["contacts/"].value(), 0);
    EXPECT_TRUE(rows["shift/weekend"].suppressed());
    EXPECT_TRUE(rows["shift/weekday_evening"].suppressed());  // else 40 − 37 reveals the weekend
    EXPECT_TRUE(rows["age_band/24+"].suppressed());
    EXPECT_TRUE(rows["age_band/unknown"].suppressed());
    EXPECT_FALSE(rows["age_band/0-11"].suppressed());  // two hidden already: nothing to work out
    EXPECT_EQ(rows["age_band/0-11"].value(), 5);
    EXPECT_EQ(rows["age_band/0-11"].denominator(), 40);
    EXPECT_NEAR(rows["age_band/0-11"].percent(), 12.5, 0.01);
}

}  // namespace
}  // namespace spoed::test
