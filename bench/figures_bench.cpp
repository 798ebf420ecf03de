// The coordinators' figures over a generated year: GetFigures through the API layer (decode,
// authenticate, authorise, the SQL aggregates, the audit line, encode) by month, by quarter and
// for the whole year, and the partners' aggregate. Size: SPOED_BENCH_CASES (default 110,000
// cases in the year, about 60,000 youths).
#include <benchmark/benchmark.h>

#include <cstdlib>

#include "base/log.hpp"
#include "tests/support/figures_dataset.hpp"
#include "tests/support/service_fixture.hpp"

namespace spoed::bench {
namespace {

struct World {
    test::ServiceFixture f;
    std::string token;
    int cases = 0;

    World() {
        test::FiguresDatasetSpec spec;
        spec.cases = 110'000;
        if (const char* size = std::getenv("SPOED_BENCH_CASES")) spec.cases = std::max(100, std::atoi(size));
        spec.youths = std::max(20, spec.cases * 6 / 11);
        spec.from = std::chrono::year_month_day{std::chrono::year{2026}, std::chrono::January, std::chrono::day{1}};
        spec.months = 12;
        spec.proposals = 200;
        test::GenerateFiguresDataset(*f.store, spec, f.clock.Now());
        cases = spec.cases;
        f.CreateUser("carla", {"coordinator"});
        token = f.Login("carla");
    }
};

World& TheWorld() {
    static World w;
    return w;
}

void RunRpc(benchmark::State& state, std::string_view method, const std::string& grouping) {
    World& w = TheWorld();
    std::string json =
        R"({"from":{"year":2026,"month":1,"day":1},"to":{"year":2026,"month":12,"day":31},"grouping":")" + grouping +
        R"("})";
    for (auto _ : state) {
        auto r = w.f.Post(method, json, w.token);
        if (r.status != 200) {
            state.SkipWithError(r.body.c_str());
            break;
        }
        benchmark::DoNotOptimize(r.body);
    }
    state.counters["cases"] = w.cases;
}

void BM_FiguresByMonth(benchmark::State& s) { RunRpc(s, v1::rpc::StatsService::GetFigures, "GROUPING_MONTH"); }
void BM_FiguresByQuarter(benchmark::State& s) { RunRpc(s, v1::rpc::StatsService::GetFigures, "GROUPING_QUARTER"); }
void BM_FiguresWholeYear(benchmark::State& s) { RunRpc(s, v1::rpc::StatsService::GetFigures, "GROUPING_UNSPECIFIED"); }
void BM_AggregateByQuarter(benchmark::State& s) { RunRpc(s, v1::rpc::StatsService::GetAggregate, "GROUPING_QUARTER"); }

BENCHMARK(BM_FiguresByMonth)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FiguresByQuarter)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FiguresWholeYear)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AggregateByQuarter)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace spoed::bench

int main(int argc, char** argv) {
    spoed::log::SetMinLevel(spoed::log::Level::kWarn);
    benchmark::Initialize(&argc, argv);
    spoed::bench::TheWorld();  // generate before timing starts
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
