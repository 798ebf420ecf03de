// Look-up while on the phone: SearchYouths and LookupCaller over a generated population,
// through the API layer (decode, authenticate, authorise, query, durable audit line, encode),
// and the bare repository query beside it. Size: SPOED_BENCH_YOUTHS (default 100,000).
#include <benchmark/benchmark.h>
#include <google/protobuf/util/json_util.h>

#include <cstdlib>
#include <memory>

#include "base/log.hpp"
#include "bench/dataset.hpp"
#include "spoed/v1/offline.pb.h"
#include "tests/support/service_fixture.hpp"

namespace spoed::bench {
namespace {

struct World {
    test::ServiceFixture f;
    std::string token;
    int youths = 0;

    World() {
        const char* size = std::getenv("SPOED_BENCH_YOUTHS");
        DatasetSpec spec;
        if (size != nullptr) spec.youths = std::max(100, std::atoi(size));
        youths = Generate(*f.store, spec, f.clock.Now()).youths;
        f.CreateUser("anna", {"crisis_worker"});
        token = f.Login("anna");
    }
};

World& TheWorld() {
    static World w;
    return w;
}

void RunRpc(benchmark::State& state, std::string_view method, const std::string& json) {
    World& w = TheWorld();
    for (auto _ : state) {
        auto r = w.f.Post(method, json, w.token);
        if (r.status != 200) {
            state.SkipWithError(r.body.c_str());
            break;
        }
        benchmark::DoNotOptimize(r.body);
    }
    state.counters["youths"] = w.youths;
}

void BM_SearchNameNarrow(benchmark::State& s) {
    RunRpc(s, v1::rpc::YouthService::SearchYouths, R"({"query":"sofie visser-kok"})");
}
void BM_SearchNameBroad(benchmark::State& s) { RunRpc(s, v1::rpc::YouthService::SearchYouths, R"({"query":"vis"})"); }
void BM_SearchPhone(benchmark::State& s) {
    std::string n = YouthPhone(TheWorld().youths / 2).substr(3);  // "6…" → "06-…" notation
    RunRpc(s, v1::rpc::YouthService::SearchYouths, R"({"query":"0)" + n.substr(0, 1) + "-" + n.substr(1) + R"("})");
}
void BM_SearchDate(benchmark::State& s) { RunRpc(s, v1::rpc::YouthService::SearchYouths, R"({"query":"3-7-2010"})"); }
void BM_SearchDateAndName(benchmark::State& s) {
    RunRpc(s, v1::rpc::YouthService::SearchYouths, R"({"query":"Sofie 3-7-2010"})");
}
void BM_LookupCaller(benchmark::State& s) {
    RunRpc(s, v1::rpc::YouthService::LookupCaller, R"({"phone":")" + ParentPhone(TheWorld().youths / 3) + R"("})");
}

/// The offline set (issue: the offline copy): every pre-registered youth with consent (a fifth
/// of the population), as a desk's first sync asks for it, and a later sync in which nothing
/// changed (the server still reads the whole set to compare digests; only the answer is small).
void BM_SyncOfflineSetWhole(benchmark::State& s) { RunRpc(s, v1::rpc::OfflineService::SyncOfflineSet, "{}"); }
void BM_SyncOfflineSetUnchanged(benchmark::State& s) {
    World& w = TheWorld();
    auto first = w.f.Post(v1::rpc::OfflineService::SyncOfflineSet, "{}", w.token);
    v1::SyncOfflineSetResponse whole;
    if (first.status != 200 || !google::protobuf::util::JsonStringToMessage(first.body, &whole).ok()) {
        s.SkipWithError("the whole sync failed");
        return;
    }
    s.counters["in_set"] = whole.youths_size();
    RunRpc(s, v1::rpc::OfflineService::SyncOfflineSet, R"({"syncToken":")" + whole.sync_token() + R"("})");
}

/// The repository query alone (no API, no audit write): what the storage costs.
void BM_RepoSearchNameBroad(benchmark::State& state) {
    World& w = TheWorld();
    for (auto _ : state) {
        auto hits = w.f.store->Read([&](db::Tx& tx) -> Result<std::vector<db::YouthHitRecord>> {
            db::YouthSearch q;
            q.name_terms = {"vis"};
            return tx.youths().Search(q, w.f.clock.Now());
        });
        benchmark::DoNotOptimize(hits);
    }
}

BENCHMARK(BM_SearchNameNarrow)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SearchNameBroad)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SearchPhone)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SearchDate)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SearchDateAndName)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LookupCaller)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RepoSearchNameBroad)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SyncOfflineSetWhole)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SyncOfflineSetUnchanged)->Unit(benchmark::kMillisecond);

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
