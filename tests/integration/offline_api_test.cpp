// The offline set and the upload of offline reads through the API layer: real SQLite, the real
// router and services, a fake clock.
#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/time_util.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "db/audit_chain.hpp"
#include "spoed/v1/offline.pb.h"
#include "spoed/v1/plan.pb.h"
#include "spoed/v1/youth.pb.h"
#include "tests/support/crisis_fixture.hpp"

namespace spoed {
namespace {

using test::CrisisFixture;
using test::ErrorCodeOf;
using test::ErrorMessageOf;

std::string Id(std::int64_t id) { return "\"" + std::to_string(id) + "\""; }

v1::SyncOfflineSetResponse Sync(CrisisFixture& f, const std::string& token, const std::string& who) {
    return f.Rpc<v1::SyncOfflineSetResponse>(v1::rpc::OfflineService::SyncOfflineSet,
                                             R"({"syncToken":")" + token + "\"}", who);
}

std::vector<std::int64_t> YouthIds(const v1::SyncOfflineSetResponse& r) {
    std::vector<std::int64_t> ids;
    for (const auto& y : r.youths()) ids.push_back(y.youth().id());
    std::sort(ids.begin(), ids.end());
    return ids;
}

void WithdrawPreRegistrationConsent(CrisisFixture& f, std::int64_t youth) {
    auto consents = f.Rpc<v1::ListConsentsResponse>(v1::rpc::YouthService::ListConsents,
                                                    R"({"youthId":)" + Id(youth) + "}", f.coordinator);
    for (const auto& c : consents.consents()) {
        if (c.scope() != v1::CONSENT_SCOPE_PRE_REGISTRATION || !c.valid_now()) continue;
        f.Rpc<v1::WithdrawConsentResponse>(v1::rpc::YouthService::WithdrawConsent,
                                           R"({"consentId":)" + Id(c.id()) + "}", f.coordinator);
    }
}

std::string AddPlanVersion(CrisisFixture& f, std::int64_t youth, int based_on, const std::string& what_i_do) {
    return R"({"youthId":)" + Id(youth) + R"(,"basedOnVersion":)" + std::to_string(based_on) +
           R"(,"changeNote":"new version","content":{"red":{"whatIDo":")" + what_i_do + R"("}}})";
}

TEST(OfflineApi, TheSetHoldsThePreRegisteredWithConsentAndNobodyElse) {
    CrisisFixture f;
    const auto known = f.CreateYouth("Daan", "Offline (fictief)", "2010-03-04", "06-22222222", "06-33333333");
    f.PreRegisterWithPlan(known);
    const auto consent_only = f.CreateYouth("Eva", "Alleen-toestemming (fictief)", "2011-01-01", "06-44444444");
    f.Consent(consent_only);
    const auto withdrawn = f.CreateYouth("Finn", "Ingetrokken (fictief)", "2009-09-09", "06-55555555");
    f.PreRegisterWithPlan(withdrawn);
    WithdrawPreRegistrationConsent(f, withdrawn);

    auto set = Sync(f, "", f.worker);
    EXPECT_TRUE(set.full());
    EXPECT_FALSE(set.disabled());
    ASSERT_EQ(YouthIds(set), std::vector<std::int64_t>{known});
    const auto& y = set.youths(0);
    EXPECT_EQ(y.youth().given_name(), "Daan");
    EXPECT_EQ(y.youth().phones(0).number(), "+31622222222");
    ASSERT_GE(y.youth().contacts_size(), 1);
    EXPECT_EQ(y.plan().version(), 1);
    EXPECT_EQ(y.plan().content().red().what_i_do(), "breathing exercise 4-7-8");
    EXPECT_EQ(y.pre_registration().fields().organisation(), "Accare");
    EXPECT_TRUE(std::any_of(y.consents().begin(), y.consents().end(), [](const v1::Consent& c) {
        return c.scope() == v1::CONSENT_SCOPE_PRE_REGISTRATION && c.valid_now();
    }));
    EXPECT_GE(set.organisations_size(), 10) << "the partner directory (the ten local teams are seeded)";
    EXPECT_FALSE(set.sync_token().empty());
    EXPECT_EQ(set.keep_seconds(), 24 * 3600);
    EXPECT_EQ(set.roles_size(), 1);
    EXPECT_EQ(set.roles(0), v1::ROLE_CRISIS_WORKER);

    // One audit line, with the counts and every youth sent.
    auto line = f.Audit(1).at(0);
    EXPECT_EQ(line.method, "SyncOfflineSet");
    EXPECT_EQ(line.action, "read");
    EXPECT_EQ(line.result, "ok");
    EXPECT_EQ(line.object_ids, "youth:" + std::to_string(known));
    EXPECT_NE(line.reason.find("1 youths in the set, 1 sent, 0 removed"), std::string::npos) << line.reason;
    EXPECT_EQ(line.reason.find("Daan"), std::string::npos);
}

TEST(OfflineApi, ALaterSyncSendsOnlyWhatChangedAndWhoLeft) {
    CrisisFixture f;
    const auto a = f.CreateYouth("Anouk", "Eerste (fictief)", "2010-05-05", "06-12121212");
    f.PreRegisterWithPlan(a);
    const auto b = f.CreateYouth("Bram", "Tweede (fictief)", "2012-06-06", "06-13131313");
    f.PreRegisterWithPlan(b);

    auto first = Sync(f, "", f.worker);
    ASSERT_EQ(YouthIds(first), (std::vector<std::int64_t>{a, b}));

    auto nothing = Sync(f, first.sync_token(), f.worker);
    EXPECT_FALSE(nothing.full());
    EXPECT_EQ(nothing.youths_size(), 0);
    EXPECT_EQ(nothing.removed_youth_ids_size(), 0);
    EXPECT_GE(nothing.organisations_size(), 10) << "the directory always comes whole";

    // A new plan version: only that youth comes again, with the new text.
    ASSERT_EQ(
        f.Post(v1::rpc::PlanService::AddPlanVersion, AddPlanVersion(f, a, 1, "call aunt Riet"), f.coordinator).status,
        200);
    auto changed = Sync(f, nothing.sync_token(), f.worker);
    ASSERT_EQ(YouthIds(changed), std::vector<std::int64_t>{a});
    EXPECT_EQ(changed.youths(0).plan().version(), 2);
    EXPECT_EQ(changed.youths(0).plan().content().red().what_i_do(), "call aunt Riet");

    // A newly pre-registered youth comes; one whose consent was withdrawn leaves.
    const auto c = f.CreateYouth("Cas", "Derde (fictief)", "2013-07-07", "06-14141414");
    f.PreRegisterWithPlan(c);
    WithdrawPreRegistrationConsent(f, b);
    auto moved = Sync(f, changed.sync_token(), f.worker);
    EXPECT_EQ(YouthIds(moved), std::vector<std::int64_t>{c});
    ASSERT_EQ(moved.removed_youth_ids_size(), 1);
    EXPECT_EQ(moved.removed_youth_ids(0), b);

    // A changed phone number is a change too.
    const std::string update =
        R"x({"youthId":)x" + Id(c) +
        R"x(,"youth":{"givenName":"Cas","familyName":"Derde (fictief)",)x"
        R"x("dateOfBirth":{"year":2013,"month":7,"day":7},"phones":[{"number":"06-15151515"}]}})x";
    ASSERT_EQ(f.Post(v1::rpc::YouthService::UpdateYouth, update, f.worker).status, 200);
    auto phone = Sync(f, moved.sync_token(), f.worker);
    ASSERT_EQ(YouthIds(phone), std::vector<std::int64_t>{c});
    EXPECT_EQ(phone.youths(0).youth().phones(0).number(), "+31615151515");
}

TEST(OfflineApi, ATokenOfOtherRolesOrNoTokenAtAllGivesTheWholeSet) {
    CrisisFixture f;
    const auto a = f.CreateYouth("Anouk", "Rollen (fictief)", "2010-05-05");
    f.PreRegisterWithPlan(a);
    auto worker = Sync(f, "", f.worker);
    auto psychiatrist = Sync(f, worker.sync_token(), f.psychiatrist);
    EXPECT_TRUE(psychiatrist.full());
    EXPECT_EQ(YouthIds(psychiatrist), std::vector<std::int64_t>{a});
    auto garbled = Sync(f, "o1.!!not-base64!!", f.worker);
    EXPECT_TRUE(garbled.full());
    EXPECT_EQ(YouthIds(garbled), std::vector<std::int64_t>{a});
}

TEST(OfflineApi, CoordinatorsAndAdminsGetNoSet) {
    CrisisFixture f;
    for (const auto* token : {&f.coordinator, &f.admin_token}) {
        auto r = f.Post(v1::rpc::OfflineService::SyncOfflineSet, "{}", *token);
        EXPECT_EQ(r.status, 403) << r.body;
        EXPECT_EQ(ErrorCodeOf(r), "permission_denied");
    }
}

TEST(OfflineApi, SwitchedOffTheDeskIsToldToRemoveItsCopy) {
    auto options = daemon::api::ServiceOptions::ForTests();
    options.offline.enabled = false;
    CrisisFixture f(options);
    const auto a = f.CreateYouth("Anouk", "Uit (fictief)", "2010-05-05");
    f.PreRegisterWithPlan(a);
    auto set = Sync(f, "", f.worker);
    EXPECT_TRUE(set.disabled());
    EXPECT_EQ(set.youths_size(), 0);
    EXPECT_EQ(set.organisations_size(), 0);
    EXPECT_TRUE(set.sync_token().empty());
    EXPECT_EQ(f.Audit(1).at(0).reason, "offline set switched off");
}

std::string Stamp(TimePoint t) {
    return google::protobuf::util::TimeUtil::ToString(google::protobuf::util::TimeUtil::MicrosecondsToTimestamp(
        std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch()).count()));
}

TEST(OfflineApi, EachOfflineReadIsAnAuditLineWithItsOwnTimeAndTheMarkOnce) {
    CrisisFixture f;
    const auto a = f.CreateYouth("Anouk", "Gelezen (fictief)", "2010-05-05");
    f.PreRegisterWithPlan(a);
    const auto plan_id = Sync(f, "", f.worker).youths(0).plan().id();
    const TimePoint looked = f.clock.Now() - std::chrono::minutes(50);
    const TimePoint opened = f.clock.Now() - std::chrono::minutes(49);
    const std::string body = R"({"idempotencyKey":"offline-reads-0001","reads":[)"
                             R"({"kind":"OFFLINE_READ_KIND_LOOKUP","at":")" +
                             Stamp(looked) + R"(","queryKind":"phone","foundYouthIds":[)" + Id(a) +
                             R"(]},{"kind":"OFFLINE_READ_KIND_YOUTH","at":")" + Stamp(opened) + R"(","youthId":)" +
                             Id(a) + R"(},{"kind":"OFFLINE_READ_KIND_PLAN","at":")" + Stamp(opened) +
                             R"(","youthId":)" + Id(a) + R"(,"planId":)" + Id(plan_id) + "}]}";
    auto first = f.Rpc<v1::UploadOfflineReadsResponse>(v1::rpc::OfflineService::UploadOfflineReads, body, f.worker);
    EXPECT_EQ(first.recorded(), 3);

    auto lines = f.Audit(4);  // newest first: the upload, then the three reads in their order
    EXPECT_EQ(lines[0].method, "UploadOfflineReads");
    EXPECT_EQ(lines[0].reason, "3 offline reads recorded");
    const auto& plan = lines[1];
    EXPECT_EQ(plan.method, "GetPlan");
    EXPECT_EQ(plan.action, "read");
    EXPECT_EQ(plan.youth_id, a);
    EXPECT_EQ(plan.object_ids, "plan:" + std::to_string(plan_id));
    EXPECT_EQ(plan.at, opened);
    EXPECT_EQ(plan.reason, "offline");
    EXPECT_EQ(plan.username, "anna");
    EXPECT_EQ(lines[2].method, "GetYouth");
    EXPECT_EQ(lines[2].youth_id, a);
    const auto& lookup = lines[3];
    EXPECT_EQ(lookup.method, "SearchYouths");
    EXPECT_EQ(lookup.action, "search");
    EXPECT_EQ(lookup.at, looked);
    EXPECT_EQ(lookup.reason, "offline; query kind: phone");
    EXPECT_EQ(lookup.youth_id, a);

    // Sent again with the same key: recorded once.
    const auto before = f.Audit(1).at(0).seq;
    auto again = f.Rpc<v1::UploadOfflineReadsResponse>(v1::rpc::OfflineService::UploadOfflineReads, body, f.worker);
    EXPECT_EQ(again.recorded(), 3);
    auto after = f.Audit(2);
    EXPECT_EQ(after[0].seq, before + 1) << "only the replayed call's own line";
    EXPECT_EQ(after[0].reason, "idempotent replay");
    EXPECT_EQ(after[1].seq, before);

    // The lines with earlier times sit in the hash chain like any other.
    auto report =
        f.store->Read([](db::Tx& tx) -> Result<db::AuditChainReport> { return db::VerifyAuditChain(tx.audit()); });
    ASSERT_TRUE(report.ok());
    EXPECT_TRUE(report->ok) << report->message;
}

TEST(OfflineApi, ADeskClockAheadIsRecordedAtTheServersTime) {
    CrisisFixture f;
    const auto a = f.CreateYouth("Anouk", "Klok (fictief)", "2010-05-05");
    const std::string body = R"({"reads":[{"kind":"OFFLINE_READ_KIND_YOUTH","at":")" +
                             Stamp(f.clock.Now() + std::chrono::hours(3)) + R"(","youthId":)" + Id(a) + "}]}";
    f.Rpc<v1::UploadOfflineReadsResponse>(v1::rpc::OfflineService::UploadOfflineReads, body, f.worker);
    auto line = f.Audit(2).at(1);
    EXPECT_EQ(line.at, f.clock.Now());
    EXPECT_EQ(line.reason, "offline; the desk's clock was ahead");
}

TEST(OfflineApi, BadReadsAreRefusedNamingTheFieldAndNothingIsWritten) {
    CrisisFixture f;
    const std::string now = Stamp(f.clock.Now());
    struct Case {
        std::string reads;
        std::string message;
    };
    const std::vector<Case> cases = {
        {"", "reads: required"},
        {R"({"at":")" + now + R"(","youthId":"3"})", "reads[0].kind: lookup, youth or plan"},
        {R"({"kind":"OFFLINE_READ_KIND_YOUTH","at":")" + now + R"("})", "reads[0].youth_id: required"},
        {R"({"kind":"OFFLINE_READ_KIND_YOUTH","at":")" + now +
             R"(","youthId":"3"},{"kind":"OFFLINE_READ_KIND_PLAN","at":")" + now + R"(","youthId":"3"})",
         "reads[1].plan_id: required"},
        {R"({"kind":"OFFLINE_READ_KIND_LOOKUP","at":")" + now + R"(","queryKind":"DROP TABLE"})",
         "reads[0].query_kind: \"phone\", \"date\", \"name\" or parts joined by +"},
    };
    const auto before = f.Audit(1).at(0).seq;
    for (const auto& c : cases) {
        auto r = f.Post(v1::rpc::OfflineService::UploadOfflineReads, R"({"reads":[)" + c.reads + "]}", f.worker);
        EXPECT_EQ(r.status, 400) << c.reads;
        EXPECT_EQ(ErrorMessageOf(r), c.message) << c.reads;
    }
    std::string many;
    for (int i = 0; i < 501; ++i) {
        if (i) many += ',';
        many += R"({"kind":"OFFLINE_READ_KIND_YOUTH","at":")" + now + R"(","youthId":"3"})";
    }
    auto r = f.Post(v1::rpc::OfflineService::UploadOfflineReads, R"({"reads":[)" + many + "]}", f.worker);
    EXPECT_EQ(ErrorMessageOf(r), "reads: at most 500 in one upload");
    // Only the refusals' own lines: no read was recorded.
    for (const auto& line : f.Audit(20)) {
        if (line.seq <= before) break;
        EXPECT_EQ(line.method, "UploadOfflineReads");
        EXPECT_NE(line.result, "ok");
    }
}

}  // namespace
}  // namespace spoed
