// Smoke tests of spoed-bench-data and spoed-bench-raw on a small data set (label `slow`): the
// manifest lists what contract 1 says and every listed target really is what it claims to be;
// the raw baselines print every measure. No timing is asserted.

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "base/search_query.hpp"
#include "bench/national/manifest.hpp"
#include "daemon/service/calendar.hpp"
#include "daemon/service/secrets.hpp"
#include "db/sqlite.hpp"
#include "db/sqlite_store.hpp"
#include "spoed/v1/plan.pb.h"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

namespace spoed::bench {
namespace {

constexpr int kYouths = 2000;

test::CommandResult Generate(const std::string& db, const std::string& extra = "") {
    return test::RunCommand(std::string(SPOED_BENCH_DATA) + " --out " + db + " --youths " + std::to_string(kYouths) +
                            " --seed 7 " + extra);
}

TEST(BenchData, ManifestListsWorkingTargets) {
    test::TempDir dir;
    const std::string db = dir.file("national.db");
    ASSERT_EQ(Generate(db, "--now 2026-11-23").status, 0);
    Manifest m = ReadManifest(db + ".json");

    EXPECT_EQ(m.youths, kYouths);
    EXPECT_EQ(m.seed, 7u);
    EXPECT_EQ(m.now, "2026-11-23");
    EXPECT_EQ(m.figures_year, 2026);
    ASSERT_EQ(m.users.size(), 2u);
    EXPECT_EQ(m.users[0].username, "bench.worker");
    EXPECT_EQ(m.users[0].roles, std::vector<std::string>{"crisis_worker"});
    EXPECT_EQ(m.users[1].username, "bench.coord");
    EXPECT_EQ(m.users[1].roles, std::vector<std::string>{"coordinator"});
    EXPECT_GE(m.plan_youth_ids.size(), 200u);
    EXPECT_GE(m.open_case_ids.size(), 200u);
    EXPECT_GE(m.case_ids.size(), 200u);
    EXPECT_GE(m.search_queries.size(), 50u);
    EXPECT_GE(m.lookup_phones.size(), 200u);
    for (const auto& q : m.search_queries) EXPECT_TRUE(spoed::ParseSearchQuery(q).ok()) << q;

    // The daemon's own store opens it (schema current) and every target is what it claims.
    auto store = db::SqliteStore::Open({.path = db});
    EXPECT_EQ(store->SchemaVersion(), db::SqliteStore::LatestSchemaVersion());
    using namespace std::chrono;
    const TimePoint now = daemon::service::LocalToUtc(
        local_time<minutes>(local_days(year_month_day{year{2026}, November, day{23}})) + hours(12));
    daemon::service::PasswordHasher hasher;
    Status st = store->Read([&](db::Tx& tx) -> Status {
        for (const auto& u : m.users) {
            auto rec = tx.users().FindByUsername(u.username);
            EXPECT_TRUE(rec && !rec->disabled && rec->roles == u.roles) << u.username;
            if (rec) {
                EXPECT_TRUE(hasher.Verify(rec->password_hash, u.password).value()) << u.username;
            }
        }
        auto worker = tx.users().FindByUsername("bench.worker");
        auto shift = tx.shifts().Find(m.now);
        EXPECT_TRUE(worker && shift &&
                    std::find(shift->workers.begin(), shift->workers.end(), worker->id) != shift->workers.end());
        for (auto id : m.plan_youth_ids) {
            EXPECT_TRUE(tx.consents().HasValid(id, "pre_registration", now)) << id;
            auto plan = tx.plans().Find(id, 0);
            EXPECT_TRUE(plan) << id;
            if (!plan) continue;
            v1::PlanContent content;
            EXPECT_TRUE(content.ParseFromString(plan->content));
            // GetPlan answers the content plus a few dozen bytes of version details: about 4 KB.
            EXPECT_GE(plan->content.size(), 3500u) << id;
            EXPECT_LE(plan->content.size(), 4500u) << id;
            EXPECT_NE(content.DebugString().find("(fictief)"), std::string::npos);
        }
        for (auto id : m.open_case_ids) {
            auto c = tx.cases().Find(id);
            EXPECT_TRUE(c && c->status == "open") << id;
        }
        for (auto id : m.case_ids) EXPECT_FALSE(tx.cases().Contacts(id).empty()) << id;
        for (const auto& phone : m.lookup_phones) EXPECT_FALSE(tx.youths().FindByPhone(phone, now).empty()) << phone;
        return Ok();
    });
    ASSERT_TRUE(st.ok());
    store.reset();

    // Sizes and shares of contract 1, and the triggers' figure columns agree with the rows.
    db::Connection c(db, db::Connection::Mode::kReadOnly);
    EXPECT_EQ(c.QueryInt("SELECT count(*) FROM youths"), kYouths);
    EXPECT_EQ(c.QueryInt("SELECT count(*) FROM youth_names"), kYouths);
    EXPECT_EQ(c.QueryInt("SELECT count(*) FROM youths WHERE family_name NOT LIKE '%(fictief)'"), 0);
    EXPECT_EQ(c.QueryInt("SELECT count(DISTINCT youth_id) FROM plan_versions"), kYouths / 5);
    EXPECT_EQ(c.QueryInt("SELECT count(*) FROM pre_registrations"), kYouths / 5);
    EXPECT_EQ(c.QueryInt("SELECT count(*) FROM cases"), 3 * kYouths);
    std::int64_t contacts = c.QueryInt("SELECT count(*) FROM contacts");
    EXPECT_GT(contacts, 5 * kYouths);
    EXPECT_LT(contacts, 7 * kYouths);
    EXPECT_EQ(c.QueryInt("SELECT sum(contacts_n) FROM cases"), contacts);
    EXPECT_GT(c.QueryInt("SELECT count(*) FROM handovers WHERE confirmed_at IS NOT NULL"), 0);
    EXPECT_GT(c.QueryInt("SELECT count(*) FROM cases WHERE evaluation_held = 1"), 0);
    EXPECT_GT(c.QueryInt("SELECT count(*) FROM case_figure_keys WHERE figure = 'response'"), 0);
    EXPECT_GT(c.QueryInt("SELECT count(*) FROM cases WHERE youth_first_plan_at IS NOT NULL"), 0);
    EXPECT_GT(c.QueryInt("SELECT count(*) FROM cases WHERE opened_at >= 1767222000000000"), 0);  // in 2026

    // Never overwritten.
    EXPECT_NE(Generate(db).status, 0);
    EXPECT_EQ(c.QueryInt("SELECT count(*) FROM youths"), kYouths);
}

TEST(BenchData, SameSeedSameData) {
    test::TempDir dir;
    ASSERT_EQ(Generate(dir.file("a.db"), "--now 2026-11-23").status, 0);
    ASSERT_EQ(Generate(dir.file("b.db"), "--now 2026-11-23").status, 0);
    Manifest a = ReadManifest(dir.file("a.db.json")), b = ReadManifest(dir.file("b.db.json"));
    EXPECT_EQ(a.search_queries, b.search_queries);
    EXPECT_EQ(a.open_case_ids, b.open_case_ids);
    db::Connection ca(dir.file("a.db"), db::Connection::Mode::kReadOnly);
    db::Connection cb(dir.file("b.db"), db::Connection::Mode::kReadOnly);
    const char* digest = "SELECT sum(id * length(folded_name)) FROM youths";
    EXPECT_EQ(ca.QueryInt(digest), cb.QueryInt(digest));
    const char* cases = "SELECT sum((id % 97) * (opened_at % 1000003) + contacts_n) FROM cases";
    EXPECT_EQ(ca.QueryInt(cases), cb.QueryInt(cases));
}

TEST(BenchRaw, PrintsEveryMeasure) {
    test::TempDir dir;
    const std::string db = dir.file("national.db");
    ASSERT_EQ(Generate(db).status, 0);
    auto r = test::RunCommand(std::string(SPOED_BENCH_RAW) + " --db " + db + " --seconds 0.3");
    ASSERT_EQ(r.status, 0) << r.out;
    google::protobuf::Struct out;
    ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(r.out, &out).ok()) << r.out;
    for (const char* measure : {"search", "lookup", "figures_year", "insert_one_commit_per_row"}) {
        auto it = out.fields().find(measure);
        ASSERT_NE(it, out.fields().end()) << measure;
        const auto& f = it->second.struct_value().fields();
        for (const char* key : {"count", "p50_ms", "p99_ms", "p999_ms", "per_s"}) {
            ASSERT_TRUE(f.contains(key)) << measure << "." << key;
        }
        EXPECT_GT(f.at("count").number_value(), 0) << measure;
        EXPECT_GT(f.at("per_s").number_value(), 0) << measure;
        EXPECT_GT(f.at("p99_ms").number_value(), 0) << measure;
        EXPECT_GE(f.at("p99_ms").number_value(), f.at("p50_ms").number_value()) << measure;
    }
    const auto& captured = out.fields().at("captured").struct_value().fields();
    EXPECT_EQ(captured.at("unparsed_queries").number_value(), 0);
    EXPECT_EQ(captured.at("replayed_unbound").number_value(), 0);  // every value bound again as captured
    // Every query and every phone was captured with at least one statement of its own.
    EXPECT_GE(captured.at("search_statements").number_value(), captured.at("search_queries").number_value());
    EXPECT_GE(captured.at("lookup_statements").number_value(), 2 * captured.at("lookup_phones").number_value());
    EXPECT_GE(captured.at("figures_statements").number_value(), 5);
}

}  // namespace
}  // namespace spoed::bench
