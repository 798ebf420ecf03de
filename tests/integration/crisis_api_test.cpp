// Crisis calls through the API layer: real SQLite, the real router and services, a fake clock.
#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "daemon/api/access.hpp"
#include "spoed/v1/case.pb.h"
#include "spoed/v1/plan.pb.h"
#include "spoed/v1/shift.pb.h"
#include "spoed/v1/youth.pb.h"
#include "tests/support/crisis_fixture.hpp"

namespace spoed {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using test::CrisisFixture;
using test::ErrorCodeOf;
using test::ErrorMessageOf;

std::string Id(std::int64_t id) { return "\"" + std::to_string(id) + "\""; }

// --- youths and look-up -----------------------------------------------------------------------

TEST(YouthApi, CreateGetAndUpdateKeepPhonesAndContactsNormalised) {
    CrisisFixture f;
    std::int64_t id = f.CreateYouth("Sofië", "de Vries", "2012-05-14", "+31 6 1234 5678", "06-87654321");
    ASSERT_GT(id, 0);
    auto got = f.Rpc<v1::GetYouthResponse>(v1::rpc::YouthService::GetYouth, R"({"youthId":)" + Id(id) + "}", f.worker);
    EXPECT_EQ(got.youth().given_name(), "Sofië");
    ASSERT_EQ(got.youth().phones_size(), 1);
    EXPECT_EQ(got.youth().phones(0).number(), "+31612345678");
    ASSERT_EQ(got.youth().contacts_size(), 1);
    EXPECT_EQ(got.youth().contacts(0).phone(), "+31687654321");
    EXPECT_FALSE(got.pre_registered());

    auto upd = f.Rpc<v1::UpdateYouthResponse>(
        v1::rpc::YouthService::UpdateYouth,
        R"({"youthId":)" + Id(id) +
            R"(,"youth":{"givenName":"Sofie","familyName":"de Vries","dateOfBirth":{"year":2012,"month":5,"day":14}}})",
        f.worker);
    EXPECT_EQ(upd.youth().given_name(), "Sofie");
    EXPECT_EQ(upd.youth().phones_size(), 0);
}

TEST(YouthApi, BadYouthFieldsAreNamed) {
    CrisisFixture f;
    struct Bad {
        std::string youth;
        std::string field;
    };
    for (
        const auto& b : std::vector<Bad>{
            {R"({"familyName":"X","dateOfBirth":{"year":2012,"month":5,"day":14}})", "youth.given_name"},
            {R"({"givenName":"A","familyName":"X","dateOfBirth":{"year":2012,"month":2,"day":30}})",
             "youth.date_of_birth"},
            {R"({"givenName":"A","familyName":"X","dateOfBirth":{"year":2031,"month":1,"day":1}})",
             "youth.date_of_birth"},
            {R"({"givenName":"A","familyName":"X","dateOfBirth":{"year":2012,"month":5,"day":14},"phones":[{"number":"hello"}]})",
             "youth.phones[0].number"},
            {R"({"givenName":"A","familyName":"X","dateOfBirth":{"year":2012,"month":5,"day":14},"bsn":"123456789"})",
             "youth.bsn"},
            {R"({"givenName":"A","familyName":"X","dateOfBirth":{"year":2012,"month":5,"day":14},"contacts":[{"name":"Y"}]})",
             "youth.contacts[0].kind"},
            {R"({"givenName":"A","familyName":"X"})", "youth.date_of_birth"},
            {R"({"givenName":"A","familyName":"X","dateOfBirth":{"year":2012,"month":5,"day":14},"estimatedAge":14})",
             "youth.estimated_age"},
            {R"({"givenName":"A","familyName":"X","estimatedAge":26})", "youth.estimated_age"},
            {R"({"givenName":"A","familyName":"X","estimatedAge":-1})", "youth.estimated_age"},
        }) {
        auto r = f.Post(v1::rpc::YouthService::CreateYouth, R"({"youth":)" + b.youth + "}", f.worker);
        EXPECT_EQ(r.status, 400) << b.youth;
        EXPECT_EQ(ErrorMessageOf(r).rfind(b.field + ":", 0), 0u) << ErrorMessageOf(r);
    }
}

TEST(YouthApi, AnAgeInsteadOfADateOfBirthIsStoredAsAnEstimateUntilTheDateIsKnown) {
    CrisisFixture f;  // the clock stands at 23 November 2026
    auto created = f.Rpc<v1::CreateYouthResponse>(
        v1::rpc::YouthService::CreateYouth,
        R"js({"youth":{"givenName":"Mees","familyName":"Kramer (fictief)","estimatedAge":14}})js", f.worker);
    const auto& y = created.youth();
    EXPECT_TRUE(y.date_of_birth_estimated());
    EXPECT_EQ(y.date_of_birth().year(), 2012);
    EXPECT_EQ(y.date_of_birth().month(), 11);
    EXPECT_EQ(y.date_of_birth().day(), 23);
    auto got =
        f.Rpc<v1::GetYouthResponse>(v1::rpc::YouthService::GetYouth, R"({"youthId":)" + Id(y.id()) + "}", f.worker);
    EXPECT_TRUE(got.youth().date_of_birth_estimated());
    auto hits = f.Rpc<v1::SearchYouthsResponse>(v1::rpc::YouthService::SearchYouths, R"({"query":"Mees"})", f.worker);
    ASSERT_EQ(hits.hits_size(), 1);
    EXPECT_TRUE(hits.hits(0).date_of_birth_estimated());

    // An update that keeps the mark keeps the estimate; the real date clears it.
    auto kept = f.Rpc<v1::UpdateYouthResponse>(
        v1::rpc::YouthService::UpdateYouth,
        R"({"youthId":)" + Id(y.id()) +
            R"js(,"youth":{"givenName":"Mees","familyName":"Kramer (fictief)","dateOfBirth":{"year":2012,"month":11,"day":23},"dateOfBirthEstimated":true}})js",
        f.worker);
    EXPECT_TRUE(kept.youth().date_of_birth_estimated());
    auto known = f.Rpc<v1::UpdateYouthResponse>(
        v1::rpc::YouthService::UpdateYouth,
        R"({"youthId":)" + Id(y.id()) +
            R"js(,"youth":{"givenName":"Mees","familyName":"Kramer (fictief)","dateOfBirth":{"year":2012,"month":6,"day":2}}})js",
        f.worker);
    EXPECT_FALSE(known.youth().date_of_birth_estimated());
    EXPECT_EQ(known.youth().date_of_birth().month(), 6);

    // A baby's age is 0: present, not missing.
    auto baby = f.Rpc<v1::CreateYouthResponse>(
        v1::rpc::YouthService::CreateYouth,
        R"js({"youth":{"givenName":"Baby","familyName":"Kramer (fictief)","estimatedAge":0}})js", f.worker);
    EXPECT_TRUE(baby.youth().date_of_birth_estimated());
    EXPECT_EQ(baby.youth().date_of_birth().year(), 2026);
}

TEST(YouthApi, SearchFindsByNameFragmentDateAndAnyPhoneNotation) {
    CrisisFixture f;
    std::int64_t sofie = f.CreateYouth("Sofië", "de Vries", "2010-07-03", "06-12345678");
    f.CreateYouth("Sofie", "Bakker", "2011-01-01", "06-22222222");
    f.CreateYouth("Daan", "Visser", "2010-07-03", "06-33333333");

    auto by_name =
        f.Rpc<v1::SearchYouthsResponse>(v1::rpc::YouthService::SearchYouths, R"({"query":"sofie"})", f.worker);
    EXPECT_EQ(by_name.hits_size(), 2);
    EXPECT_EQ(by_name.query_kind(), "name");

    for (const char* q : {"06-12345678", "+31 6 1234 5678", "0031612345678"}) {
        auto by_phone = f.Rpc<v1::SearchYouthsResponse>(v1::rpc::YouthService::SearchYouths,
                                                        std::string(R"({"query":")") + q + R"("})", f.worker);
        ASSERT_GE(by_phone.hits_size(), 1) << q;
        EXPECT_EQ(by_phone.hits(0).youth_id(), sofie) << q;
        EXPECT_EQ(by_phone.hits(0).matched_on(), "phone");
    }
    for (const char* q : {"3-7-2010", "03-07-2010", "2010-07-03"}) {
        auto by_date = f.Rpc<v1::SearchYouthsResponse>(v1::rpc::YouthService::SearchYouths,
                                                       std::string(R"({"query":")") + q + R"("})", f.worker);
        EXPECT_EQ(by_date.hits_size(), 2) << q;
    }
    // Date and name: the youth matching both ranks first, name-only matches follow.
    auto both =
        f.Rpc<v1::SearchYouthsResponse>(v1::rpc::YouthService::SearchYouths, R"({"query":"Sofie 3-7-2010"})", f.worker);
    ASSERT_GE(both.hits_size(), 2);
    EXPECT_EQ(both.hits(0).youth_id(), sofie);
    EXPECT_EQ(both.hits(0).matched_on(), "date_of_birth+name");
}

TEST(YouthApi, SearchIsAuditedWithItsKindButNotItsText) {
    CrisisFixture f;
    f.Rpc<v1::SearchYouthsResponse>(v1::rpc::YouthService::SearchYouths, R"({"query":"Sofie 3-7-2010"})", f.worker);
    auto audit = f.Audit(1);
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].action, "search");
    EXPECT_EQ(audit[0].reason, "query kind: date+name");
    EXPECT_EQ(audit[0].reason.find("Sofie"), std::string::npos);
    EXPECT_EQ(audit[0].object_ids.find("Sofie"), std::string::npos);
}

TEST(YouthApi, SearchShowsPreRegistrationAndRecentCases) {
    CrisisFixture f;
    std::int64_t id = f.CreateYouth("Milan", "Smit", "2011-03-03");
    f.PreRegisterWithPlan(id);
    f.Rpc<v1::OpenCaseResponse>(v1::rpc::CaseService::OpenCase, R"({"youthId":)" + Id(id) + "}", f.worker);
    auto r = f.Rpc<v1::SearchYouthsResponse>(v1::rpc::YouthService::SearchYouths, R"({"query":"milan"})", f.worker);
    ASSERT_EQ(r.hits_size(), 1);
    EXPECT_TRUE(r.hits(0).pre_registered());
    EXPECT_EQ(r.hits(0).cases_last_30_days(), 1);
    EXPECT_EQ(r.hits(0).cases_last_90_days(), 1);
    f.Advance(hours(24 * 31));
    r = f.Rpc<v1::SearchYouthsResponse>(v1::rpc::YouthService::SearchYouths, R"({"query":"milan"})", f.worker);
    EXPECT_EQ(r.hits(0).cases_last_30_days(), 0);
    EXPECT_EQ(r.hits(0).cases_last_90_days(), 1);
}

TEST(YouthApi, BadQueriesAreRefused) {
    CrisisFixture f;
    for (const char* q : {"", "   ", "\xff\xfe"}) {
        auto r = f.Post(v1::rpc::YouthService::SearchYouths, std::string(R"({"query":")") + q + R"("})", f.worker);
        EXPECT_EQ(r.status, 400) << q;
    }
    auto r = f.Post(v1::rpc::YouthService::SearchYouths, R"({"query":"x","pageSize":500})", f.worker);
    EXPECT_NE(ErrorMessageOf(r).find("page_size"), std::string::npos);
}

TEST(YouthApi, LookupCallerFindsTheYouthThroughTheFathersNumberAndEarlierCases) {
    CrisisFixture f;
    std::int64_t id = f.CreateYouth("Thijs", "Jansen", "2012-01-15", "06-44444444", "06-55555555");
    auto opened =
        f.Rpc<v1::OpenCaseResponse>(v1::rpc::CaseService::OpenCase, R"({"youthId":)" + Id(id) + "}", f.worker);
    auto r = f.Rpc<v1::LookupCallerResponse>(v1::rpc::YouthService::LookupCaller, R"({"phone":"+31 6 5555 5555"})",
                                             f.worker);
    EXPECT_EQ(r.phone(), "+31655555555");
    ASSERT_EQ(r.youths_size(), 1);
    EXPECT_EQ(r.youths(0).youth_id(), id);
    ASSERT_EQ(r.cases_size(), 1);
    EXPECT_EQ(r.cases(0).case_id(), opened.case_().id());
    EXPECT_EQ(f.Post(v1::rpc::YouthService::LookupCaller, R"({"phone":"abc"})", f.worker).status, 400);
}

// --- consent and pre-registration -------------------------------------------------------------

TEST(ConsentApi, AgeRuleIsEnforcedFromTheDayConsentIsGiven) {
    CrisisFixture f;
    // Born 24 November 2014: on 23 November 2026 (the fixture's clock) 11 years and 364 days old.
    std::int64_t id = f.CreateYouth("Lotte", "Mulder", "2014-11-24");
    auto only_youth = f.Post(
        v1::rpc::YouthService::RecordConsent,
        R"({"youthId":)" + Id(id) + R"(,"scope":"CONSENT_SCOPE_PRE_REGISTRATION","givenByYouth":true})", f.coordinator);
    EXPECT_EQ(only_youth.status, 400);
    EXPECT_NE(ErrorMessageOf(only_youth).find("missing: parent or guardian"), std::string::npos);
    auto guardian = f.Post(
        v1::rpc::YouthService::RecordConsent,
        R"({"youthId":)" + Id(id) + R"(,"scope":"CONSENT_SCOPE_PRE_REGISTRATION","givenByGuardian":"Moeder Mulder"})",
        f.coordinator);
    EXPECT_EQ(guardian.status, 200) << guardian.body;
    // A day later she is 12: now the youth must consent as well.
    f.Advance(hours(24));
    auto again =
        f.Post(v1::rpc::YouthService::RecordConsent,
               R"({"youthId":)" + Id(id) + R"(,"scope":"CONSENT_SCOPE_SHARE_PLAN","givenByGuardian":"Moeder Mulder"})",
               f.coordinator);
    EXPECT_EQ(again.status, 400);
    EXPECT_NE(ErrorMessageOf(again).find("missing: the youth"), std::string::npos) << again.body;
}

TEST(ConsentApi, ConsentInTheFutureOrWithoutScopeIsRefused) {
    CrisisFixture f;
    std::int64_t id = f.CreateYouth("Lotte", "Mulder", "2008-01-01");
    auto future =
        f.Post(v1::rpc::YouthService::RecordConsent,
               R"({"youthId":)" + Id(id) +
                   R"(,"scope":"CONSENT_SCOPE_PRE_REGISTRATION","givenByYouth":true,"givenAt":"2027-01-01T00:00:00Z"})",
               f.coordinator);
    EXPECT_EQ(ErrorMessageOf(future), "given_at: lies in the future");
    auto noscope = f.Post(v1::rpc::YouthService::RecordConsent, R"({"youthId":)" + Id(id) + R"(,"givenByYouth":true})",
                          f.coordinator);
    EXPECT_EQ(ErrorMessageOf(noscope).rfind("scope:", 0), 0u);
    auto missing =
        f.Post(v1::rpc::YouthService::RecordConsent,
               R"({"youthId":"999","scope":"CONSENT_SCOPE_PRE_REGISTRATION","givenByYouth":true})", f.coordinator);
    EXPECT_EQ(missing.status, 404);
}

TEST(ConsentApi, PreRegistrationNeedsValidConsentAndIsOnePerYouth) {
    CrisisFixture f;
    std::int64_t id = f.CreateYouth("Noah", "de Boer", "2009-09-09");
    std::string body =
        R"({"youthId":)" + Id(id) +
        R"(,"fields":{"organisation":"Elker","professional":"R. de Wit","legalMeasure":"LEGAL_MEASURE_SUPERVISION_ORDER"}})";
    auto without = f.Post(v1::rpc::YouthService::CreatePreRegistration, body, f.coordinator);
    EXPECT_EQ(ErrorCodeOf(without), "failed_precondition");
    f.Consent(id);
    EXPECT_EQ(f.Post(v1::rpc::YouthService::CreatePreRegistration, body, f.coordinator).status, 200);
    EXPECT_EQ(ErrorCodeOf(f.Post(v1::rpc::YouthService::CreatePreRegistration, body, f.coordinator)), "already_exists");
    auto nomeasure = f.Post(
        v1::rpc::YouthService::CreatePreRegistration,
        R"({"youthId":)" + Id(id) + R"(,"fields":{"organisation":"Elker","professional":"R. de Wit"}})", f.coordinator);
    EXPECT_EQ(ErrorMessageOf(nomeasure).rfind("fields.legal_measure:", 0), 0u);
}

// --- plans and break-the-glass ----------------------------------------------------------------

TEST(ConsentApi, AWithdrawnConsentHidesThePreRegistrationFromTheWorker) {
    CrisisFixture f;
    std::int64_t id = f.CreateYouth("Noah", "de Boer (fictief)", "2009-09-09");
    f.PreRegisterWithPlan(id);
    auto before =
        f.Rpc<v1::GetYouthResponse>(v1::rpc::YouthService::GetYouth, R"({"youthId":)" + Id(id) + "}", f.worker);
    ASSERT_TRUE(before.has_pre_registration());
    auto consents = f.Rpc<v1::ListConsentsResponse>(v1::rpc::YouthService::ListConsents,
                                                    R"({"youthId":)" + Id(id) + "}", f.coordinator);
    for (const auto& c : consents.consents()) {
        if (c.scope() != v1::CONSENT_SCOPE_PRE_REGISTRATION) continue;
        f.Rpc<v1::WithdrawConsentResponse>(v1::rpc::YouthService::WithdrawConsent,
                                           R"({"consentId":)" + Id(c.id()) + "}", f.coordinator);
    }
    auto worker =
        f.Rpc<v1::GetYouthResponse>(v1::rpc::YouthService::GetYouth, R"({"youthId":)" + Id(id) + "}", f.worker);
    EXPECT_FALSE(worker.has_pre_registration()) << "treating professional, legal measure and note without consent";
    EXPECT_FALSE(worker.pre_registered());
    // The coordinator still sees it, to end it.
    auto coordinator =
        f.Rpc<v1::GetYouthResponse>(v1::rpc::YouthService::GetYouth, R"({"youthId":)" + Id(id) + "}", f.coordinator);
    EXPECT_TRUE(coordinator.has_pre_registration());
    // A break-the-glass window opens it for that worker.
    f.Rpc<v1::BreakGlassResponse>(v1::rpc::PlanService::BreakGlass,
                                  R"({"youthId":)" + Id(id) +
                                      R"(,"reason":"Acute crisis on the line, plan needed now","password":")" +
                                      test::kTestPassword + R"("})",
                                  f.worker);
    auto glass =
        f.Rpc<v1::GetYouthResponse>(v1::rpc::YouthService::GetYouth, R"({"youthId":)" + Id(id) + "}", f.worker);
    EXPECT_TRUE(glass.has_pre_registration());
}

TEST(PlanApi, ReadingNeedsValidConsentWhichCanExpireOrBeWithdrawn) {
    CrisisFixture f;
    std::int64_t id = f.CreateYouth("Emma", "Peters", "2008-04-04");
    f.Consent(id, "CONSENT_SCOPE_PRE_REGISTRATION", R"(,"validUntil":"2026-11-25T20:00:00Z")");
    auto added =
        f.Post(v1::rpc::PlanService::AddPlanVersion,
               R"({"youthId":)" + Id(id) + R"(,"changeNote":"first","content":{"agreements":["call at 22:00"]}})",
               f.coordinator);
    ASSERT_EQ(added.status, 200) << added.body;
    std::string get = R"({"youthId":)" + Id(id) + "}";
    auto plan = f.Rpc<v1::GetPlanResponse>(v1::rpc::PlanService::GetPlan, get, f.worker);
    EXPECT_EQ(plan.access(), "consent");
    EXPECT_EQ(plan.plan().content().agreements(0), "call at 22:00");
    f.Advance(hours(48));  // 25 November 20:00: the consent has run out
    auto expired = f.Post(v1::rpc::PlanService::GetPlan, get, f.worker);
    EXPECT_EQ(expired.status, 403);
    EXPECT_NE(ErrorMessageOf(expired).find("break-the-glass"), std::string::npos);

    std::int64_t other = f.CreateYouth("Finn", "Peters", "2008-04-04");
    f.Consent(other);
    auto consents = f.Rpc<v1::ListConsentsResponse>(v1::rpc::YouthService::ListConsents,
                                                    R"({"youthId":)" + Id(other) + "}", f.worker);
    ASSERT_EQ(consents.consents_size(), 1);
    EXPECT_TRUE(consents.consents(0).valid_now());
    f.Post(v1::rpc::PlanService::AddPlanVersion,
           R"({"youthId":)" + Id(other) + R"(,"changeNote":"first","content":{"agreements":["x"]}})", f.coordinator);
    EXPECT_EQ(f.Post(v1::rpc::PlanService::GetPlan, R"({"youthId":)" + Id(other) + "}", f.worker).status, 200);
    f.Rpc<v1::WithdrawConsentResponse>(v1::rpc::YouthService::WithdrawConsent,
                                       R"({"consentId":)" + Id(consents.consents(0).id()) + "}", f.coordinator);
    EXPECT_EQ(f.Post(v1::rpc::PlanService::GetPlan, R"({"youthId":)" + Id(other) + "}", f.worker).status, 403);
}

TEST(PlanApi, VersionsAreImmutableAndConcurrentEditsAreCaught) {
    CrisisFixture f;
    std::int64_t id = f.CreateYouth("Julia", "Hendriks", "2007-07-07");
    f.PreRegisterWithPlan(id);
    std::string v2 =
        R"({"youthId":)" + Id(id) +
        R"(,"basedOnVersion":1,"changeNote":"grandparents first","content":{"agreements":["call opa first"]}})";
    EXPECT_EQ(f.Post(v1::rpc::PlanService::AddPlanVersion, v2, f.coordinator).status, 200);
    auto stale = f.Post(v1::rpc::PlanService::AddPlanVersion, v2, f.coordinator);
    EXPECT_EQ(ErrorCodeOf(stale), "aborted");
    auto v1plan = f.Rpc<v1::GetPlanResponse>(v1::rpc::PlanService::GetPlan,
                                             R"({"youthId":)" + Id(id) + R"(,"version":1})", f.worker);
    EXPECT_EQ(v1plan.plan().version(), 1);
    EXPECT_EQ(v1plan.plan().content().red().what_i_do(), "breathing exercise 4-7-8");
    auto latest = f.Rpc<v1::GetPlanResponse>(v1::rpc::PlanService::GetPlan, R"({"youthId":)" + Id(id) + "}", f.worker);
    EXPECT_EQ(latest.plan().version(), 2);
    auto list = f.Rpc<v1::ListPlanVersionsResponse>(v1::rpc::PlanService::ListPlanVersions,
                                                    R"({"youthId":)" + Id(id) + "}", f.psychiatrist);
    ASSERT_EQ(list.versions_size(), 2);
    EXPECT_EQ(list.versions(0).change_note(), "grandparents first");
    auto nonote =
        f.Post(v1::rpc::PlanService::AddPlanVersion,
               R"({"youthId":)" + Id(id) + R"(,"basedOnVersion":2,"content":{"agreements":["x"]}})", f.coordinator);
    EXPECT_EQ(ErrorMessageOf(nonote), "change_note: required");
}

TEST(PlanApi, BreakTheGlassOpensThePlanForTwoHoursForThatUserOnly) {
    CrisisFixture f;
    std::int64_t id = f.CreateYouth("Sem", "van Dijk", "2009-02-02");
    f.PreRegisterWithPlan(id);
    auto consents =
        f.Rpc<v1::ListConsentsResponse>(v1::rpc::YouthService::ListConsents, R"({"youthId":)" + Id(id) + "}", f.worker);
    f.Rpc<v1::WithdrawConsentResponse>(v1::rpc::YouthService::WithdrawConsent,
                                       R"({"consentId":)" + Id(consents.consents(0).id()) + "}", f.coordinator);
    std::string get = R"({"youthId":)" + Id(id) + "}";
    EXPECT_EQ(f.Post(v1::rpc::PlanService::GetPlan, get, f.worker).status, 403);

    auto short_reason =
        f.Post(v1::rpc::PlanService::BreakGlass, R"({"youthId":)" + Id(id) + R"(,"reason":"urgent"})", f.worker);
    EXPECT_EQ(ErrorMessageOf(short_reason).rfind("reason:", 0), 0u);
    auto bg = f.Rpc<v1::BreakGlassResponse>(
        v1::rpc::PlanService::BreakGlass,
        R"({"youthId":)" + Id(id) +
            R"(,"reason":"Father on the line, son locked in his room, plan needed now","password":")" +
            test::kTestPassword + R"("})",
        f.worker);
    auto plan = f.Rpc<v1::GetPlanResponse>(v1::rpc::PlanService::GetPlan, get, f.worker);
    EXPECT_EQ(plan.access(), "break_the_glass");
    auto audit = f.Audit(1);
    EXPECT_EQ(audit[0].youth_id, id);
    EXPECT_NE(audit[0].object_ids.find("break_glass:"), std::string::npos);
    EXPECT_EQ(f.Post(v1::rpc::PlanService::GetPlan, get, f.psychiatrist).status, 403);  // not theirs

    f.Advance(minutes(119));
    EXPECT_EQ(f.Post(v1::rpc::PlanService::GetPlan, get, f.worker).status, 200);
    f.Advance(minutes(1));
    EXPECT_EQ(f.Post(v1::rpc::PlanService::GetPlan, get, f.worker).status, 403);

    // The break-the-glass line in the audit log carries the reason.
    auto reviews =
        f.Rpc<v1::ListBreakGlassReviewsResponse>(v1::rpc::PlanService::ListBreakGlassReviews, "{}", f.coordinator);
    ASSERT_EQ(reviews.items_size(), 1);
    EXPECT_EQ(reviews.items(0).id(), bg.break_glass().id());
    auto review = f.Post(v1::rpc::PlanService::ReviewBreakGlass,
                         R"({"breakGlassId":)" + Id(bg.break_glass().id()) + R"(,"approved":true,"note":"justified"})",
                         f.coordinator);
    EXPECT_EQ(review.status, 200) << review.body;
    reviews =
        f.Rpc<v1::ListBreakGlassReviewsResponse>(v1::rpc::PlanService::ListBreakGlassReviews, "{}", f.coordinator);
    EXPECT_EQ(reviews.items_size(), 0);
}

TEST(PlanApi, NobodyReviewsTheirOwnBreakTheGlass) {
    CrisisFixture f;
    std::int64_t id = f.CreateYouth("Sem", "van Dijk", "2009-02-02");
    auto bg = f.Rpc<v1::BreakGlassResponse>(v1::rpc::PlanService::BreakGlass,
                                            R"({"youthId":)" + Id(id) +
                                                R"(,"reason":"coordinator checking at night","password":")" +
                                                test::kTestPassword + R"("})",
                                            f.coordinator);
    auto r =
        f.Post(v1::rpc::PlanService::ReviewBreakGlass,
               R"({"breakGlassId":)" + Id(bg.break_glass().id()) + R"(,"approved":true,"note":"fine"})", f.coordinator);
    EXPECT_EQ(r.status, 403);
}

// --- cases, contacts, consults ----------------------------------------------------------------

TEST(CaseApi, CreateRpcsAreIdempotentPerKey) {
    CrisisFixture f;
    std::string body = R"({"callerDescription":"father of a boy of about 14","idempotencyKey":"open-7f3a9c21"})";
    auto first = f.Rpc<v1::OpenCaseResponse>(v1::rpc::CaseService::OpenCase, body, f.worker);
    auto again = f.Rpc<v1::OpenCaseResponse>(v1::rpc::CaseService::OpenCase, body, f.worker);
    EXPECT_EQ(first.case_().id(), again.case_().id());
    auto list = f.Rpc<v1::ListCasesResponse>(v1::rpc::CaseService::ListCases, "{}", f.worker);
    EXPECT_EQ(list.cases_size(), 1);
    auto changed = f.Post(v1::rpc::CaseService::OpenCase,
                          R"({"callerDescription":"someone else","idempotencyKey":"open-7f3a9c21"})", f.worker);
    EXPECT_EQ(changed.status, 400);
    EXPECT_NE(ErrorMessageOf(changed).find("idempotency_key"), std::string::npos);
    auto bad_key =
        f.Post(v1::rpc::CaseService::OpenCase, R"({"callerDescription":"x","idempotencyKey":"short"})", f.worker);
    EXPECT_EQ(ErrorMessageOf(bad_key).rfind("idempotency_key:", 0), 0u);
}

TEST(CaseApi, ContactsMayBeLoggedAfterwardsButNeverInTheFuture) {
    CrisisFixture f;
    auto c = f.Rpc<v1::OpenCaseResponse>(v1::rpc::CaseService::OpenCase, R"({"callerDescription":"mother"})", f.worker);
    std::string base = R"({"caseId":)" + Id(c.case_().id()) +
                       R"(,"type":"CONTACT_TYPE_INCOMING_CALL","callerRole":"CALLER_ROLE_PARENT",)";
    auto future = f.Post(v1::rpc::CaseService::LogContact, base + R"("startedAt":"2026-11-23T20:01:00Z"})", f.worker);
    EXPECT_EQ(ErrorMessageOf(future), "started_at: lies in the future");
    auto past = f.Post(
        v1::rpc::CaseService::LogContact,
        base +
            R"("startedAt":"2026-11-23T18:30:00Z","endedAt":"2026-11-23T18:50:00Z","responses":["RESPONSE_ADVICE"]})",
        f.worker);
    EXPECT_EQ(past.status, 200) << past.body;
    auto inverted = f.Post(v1::rpc::CaseService::LogContact,
                           base + R"("startedAt":"2026-11-23T18:30:00Z","endedAt":"2026-11-23T18:00:00Z"})", f.worker);
    EXPECT_EQ(ErrorMessageOf(inverted), "ended_at: before started_at");
    auto norole = f.Post(v1::rpc::CaseService::LogContact,
                         R"({"caseId":)" + Id(c.case_().id()) +
                             R"(,"type":"CONTACT_TYPE_INCOMING_CALL","startedAt":"2026-11-23T18:30:00Z"})",
                         f.worker);
    EXPECT_EQ(ErrorMessageOf(norole), "caller_role: required");
}

TEST(CaseApi, ClosingNeedsAnOutcomeAndAClosedCaseTakesNoMoreContacts) {
    CrisisFixture f;
    auto c = f.Rpc<v1::OpenCaseResponse>(v1::rpc::CaseService::OpenCase, R"({"callerDescription":"mother"})", f.worker);
    std::string id = Id(c.case_().id());
    auto no_outcome = f.Post(v1::rpc::CaseService::CloseCase, R"({"caseId":)" + id + "}", f.worker);
    EXPECT_EQ(ErrorMessageOf(no_outcome).rfind("outcome:", 0), 0u);
    auto closed = f.Rpc<v1::CloseCaseResponse>(v1::rpc::CaseService::CloseCase,
                                               R"({"caseId":)" + id + R"(,"outcome":"OUTCOME_STAYED_HOME"})", f.worker);
    EXPECT_EQ(closed.case_().status(), v1::CASE_STATUS_CLOSED);
    auto late = f.Post(
        v1::rpc::CaseService::LogContact,
        R"({"caseId":)" + id +
            R"(,"type":"CONTACT_TYPE_OUTGOING_CALL","callerRole":"CALLER_ROLE_PARENT","startedAt":"2026-11-23T19:00:00Z"})",
        f.worker);
    EXPECT_EQ(ErrorCodeOf(late), "failed_precondition");
}

TEST(InputApi, FarMomentsAreRefusedByFieldInsteadOfWrappingRound) {
    // Found by probing: a valid_until of 10^12 s made later answers fail with 500, a started_at
    // of now + 2^58 s overflowed into "now", and a preview in the year 9999 could not be answered.
    CrisisFixture f;
    std::int64_t youth = f.CreateYouth("Lotte", "Mulder (fictief)", "2008-01-01");
    v1::RecordConsentRequest consent;
    consent.set_youth_id(youth);
    consent.set_scope(v1::CONSENT_SCOPE_PRE_REGISTRATION);
    consent.set_given_by_youth(true);
    consent.mutable_valid_until()->set_seconds(1'000'000'000'000);
    auto far =
        f.Post(v1::rpc::YouthService::RecordConsent, consent.SerializeAsString(), f.coordinator, "application/proto");
    EXPECT_EQ(far.status, 400);
    EXPECT_EQ(ErrorMessageOf(far).rfind("valid_until:", 0), 0u) << far.body;

    auto c = f.Rpc<v1::OpenCaseResponse>(v1::rpc::CaseService::OpenCase, R"({"callerDescription":"moeder"})", f.worker);
    v1::LogContactRequest contact;
    contact.set_case_id(c.case_().id());
    contact.set_type(v1::CONTACT_TYPE_INCOMING_CALL);
    contact.set_caller_role(v1::CALLER_ROLE_PARENT);
    contact.mutable_started_at()->set_seconds(ToMicros(f.clock.Now()) / 1'000'000 + (std::int64_t{1} << 58));
    auto wrapped = f.Post(v1::rpc::CaseService::LogContact, contact.SerializeAsString(), f.worker, "application/proto");
    EXPECT_EQ(wrapped.status, 400);
    EXPECT_EQ(ErrorMessageOf(wrapped).rfind("started_at:", 0), 0u) << wrapped.body;

    auto preview = f.Post(v1::rpc::HandoverService::PreviewDue, R"({"time":"9999-12-31T00:00:00Z"})", f.worker);
    EXPECT_EQ(preview.status, 400);
    EXPECT_EQ(ErrorMessageOf(preview).rfind("time:", 0), 0u) << preview.body;
    // And the server answers normally afterwards.
    EXPECT_EQ(f.Post(v1::rpc::CaseService::GetCase, R"({"caseId":)" + Id(c.case_().id()) + "}", f.worker).status, 200);
}

TEST(InputApi, TextDirectionControlsInNamesAndKeysGivenTwiceAreRefused) {
    CrisisFixture f;
    // U+202E (right-to-left override) makes "Daan" display as another name.
    for (const char* control : {"\u202e", "\u2066", "\u202a"}) {
        auto r = f.Post(
            v1::rpc::YouthService::CreateYouth,
            std::string(R"({"youth":{"givenName":"Da)") + control + R"(an","familyName":"Visser","estimatedAge":14}})",
            f.worker);
        EXPECT_EQ(r.status, 400) << control;
        EXPECT_EQ(ErrorMessageOf(r).rfind("youth.given_name:", 0), 0u) << r.body;
    }
    // Text that is not UTF-8 in protobuf binary form is refused naming the field, at any depth:
    // CreateYouthRequest{youth (1): YouthFields{given_name (1): 0xC3 0x28}}.
    const std::string bad_utf8("\x0a\x04\x0a\x02\xc3\x28", 6);
    auto binary = f.Post(v1::rpc::YouthService::CreateYouth, bad_utf8, f.worker, "application/proto");
    EXPECT_EQ(binary.status, 400);
    EXPECT_EQ(ErrorMessageOf(binary), "youth.given_name: not valid UTF-8") << binary.body;
    // A plan's free text may quote any script: only names and short fields refuse them.
    auto twice = f.Post(v1::rpc::YouthService::GetYouth, R"({"youthId":"1","youthId":"2"})", f.worker);
    EXPECT_EQ(twice.status, 400);
    EXPECT_EQ(ErrorMessageOf(twice).rfind("youthId: given twice", 0), 0u) << twice.body;
    auto nested = f.Post(v1::rpc::YouthService::CreateYouth,
                         R"({"youth":{"givenName":"A","givenName":"B","familyName":"X","estimatedAge":3}})", f.worker);
    EXPECT_EQ(nested.status, 400) << nested.body;
    // The same key in two objects, or in a string, is no repetition.
    auto fine = f.Post(
        v1::rpc::YouthService::CreateYouth,
        R"({"youth":{"givenName":"givenName","familyName":"X","estimatedAge":3,"phones":[{"number":"0612345678"},{"number":"0612345679"}]}})",
        f.worker);
    EXPECT_EQ(fine.status, 200) << fine.body;
}

TEST(CaseApi, TheTimelineNamesTheChangedFieldsAsKeys) {
    CrisisFixture f;
    auto c = f.Rpc<v1::OpenCaseResponse>(v1::rpc::CaseService::OpenCase, R"({"callerDescription":"mother"})", f.worker);
    std::string id = Id(c.case_().id());
    f.Rpc<v1::UpdateCaseResponse>(
        v1::rpc::CaseService::UpdateCase,
        R"({"caseId":)" + id +
            R"(,"riskFlags":["RISK_FLAG_RUNAWAY"],"setRiskFlags":true,"complexity":"COMPLEXITY_COMPLEX"})",
        f.worker);
    auto got = f.Rpc<v1::GetCaseResponse>(v1::rpc::CaseService::GetCase, R"({"caseId":)" + id + "}", f.worker);
    const v1::TimelineEntry* updated = nullptr;
    for (const auto& e : got.timeline()) {
        if (e.kind() == "updated") updated = &e;
    }
    ASSERT_NE(updated, nullptr);
    EXPECT_EQ(updated->text(), "risk flags, complexity");  // for curl and spoedctl
    ASSERT_EQ(updated->changed_size(), 2);
    EXPECT_EQ(updated->changed(0), "risk_flags");
    EXPECT_EQ(updated->changed(1), "complexity");
}

TEST(CaseApi, ThePsychiatristReadsButCannotChangeACase) {
    CrisisFixture f;
    auto c = f.Rpc<v1::OpenCaseResponse>(v1::rpc::CaseService::OpenCase, R"({"callerDescription":"mother"})", f.worker);
    std::string id = Id(c.case_().id());
    EXPECT_EQ(f.Post(v1::rpc::CaseService::GetCase, R"({"caseId":)" + id + "}", f.psychiatrist).status, 200);
    EXPECT_EQ(f.Post(v1::rpc::CaseService::UpdateCase, R"({"caseId":)" + id + R"(,"complexity":"COMPLEXITY_COMPLEX"})",
                     f.psychiatrist)
                  .status,
              403);
    EXPECT_EQ(f.Post(v1::rpc::CaseService::OpenCase, R"({"callerDescription":"x"})", f.admin_token).status, 403);
}

TEST(ConsultApi, RequestedAnsweredOnceAndOnTheTimeline) {
    CrisisFixture f;
    auto c = f.Rpc<v1::OpenCaseResponse>(v1::rpc::CaseService::OpenCase, R"({"callerDescription":"mother"})", f.worker);
    std::string id = Id(c.case_().id());
    auto q = f.Rpc<v1::RequestConsultResponse>(
        v1::rpc::ConsultService::RequestConsult,
        R"({"caseId":)" + id +
            R"(,"question":"Medication at home: safe to wait until morning?","urgency":"URGENCY_URGENT"})",
        f.worker);
    auto queue =
        f.Rpc<v1::ListConsultsResponse>(v1::rpc::ConsultService::ListConsults, R"({"openOnly":true})", f.psychiatrist);
    ASSERT_EQ(queue.consults_size(), 1);
    EXPECT_EQ(f.Post(v1::rpc::ConsultService::AnswerConsult,
                     R"({"consultId":)" + Id(q.consult().id()) + R"(,"advice":"yes"})", f.worker)
                  .status,
              403);
    f.Advance(minutes(7));
    auto a = f.Rpc<v1::AnswerConsultResponse>(
        v1::rpc::ConsultService::AnswerConsult,
        R"({"consultId":)" + Id(q.consult().id()) + R"(,"advice":"Safe to wait; lock away the medication tonight."})",
        f.psychiatrist);
    EXPECT_EQ(a.consult().psychiatrist(), f.psychiatrist_id);
    auto twice = f.Post(v1::rpc::ConsultService::AnswerConsult,
                        R"({"consultId":)" + Id(q.consult().id()) + R"(,"advice":"again"})", f.psychiatrist);
    EXPECT_EQ(ErrorCodeOf(twice), "failed_precondition");
    auto got = f.Rpc<v1::GetCaseResponse>(v1::rpc::CaseService::GetCase, R"({"caseId":)" + id + "}", f.worker);
    ASSERT_GE(got.timeline_size(), 3);
    EXPECT_EQ(got.timeline(0).kind(), "opened");
    EXPECT_EQ(got.timeline(got.timeline_size() - 1).kind(), "consult_answered");
}

TEST(ShiftApi, TonightsShiftAndNotesBelongToTheEvening) {
    CrisisFixture f;
    auto set = f.Post(v1::rpc::ShiftService::SetShift,
                      R"({"workerIds":[)" + Id(f.worker_id) + R"(],"psychiatristId":)" + Id(f.psychiatrist_id) +
                          R"(,"psychiatristPhone":"06-99999999"})",
                      f.coordinator);
    ASSERT_EQ(set.status, 200) << set.body;
    // 03:00 the next night still belongs to Monday evening's shift.
    f.Advance(hours(7));
    auto cur = f.Rpc<v1::GetCurrentShiftResponse>(v1::rpc::ShiftService::GetCurrentShift, "{}", f.psychiatrist);
    EXPECT_EQ(cur.shift().shift_date().day(), 23);
    EXPECT_EQ(cur.shift().psychiatrist().user_id(), f.psychiatrist_id);
    EXPECT_EQ(cur.shift().psychiatrist_phone(), "+31699999999");
    auto bad =
        f.Post(v1::rpc::ShiftService::SetShift,
               R"({"psychiatristId":)" + Id(f.worker_id) + R"(,"psychiatristPhone":"06-99999999"})", f.coordinator);
    EXPECT_NE(ErrorMessageOf(bad).find("not a psychiatrist"), std::string::npos);
    f.Rpc<v1::AddShiftNoteResponse>(v1::rpc::ShiftService::AddShiftNote, R"({"text":"Quiet night; one open case."})",
                                    f.worker);
    auto notes = f.Rpc<v1::ListShiftNotesResponse>(v1::rpc::ShiftService::ListShiftNotes, "{}", f.worker);
    ASSERT_EQ(notes.notes_size(), 1);
    EXPECT_EQ(notes.notes(0).shift_date().day(), 23);
}

}  // namespace
}  // namespace spoed

namespace spoed {
namespace {

// --- every RPC's bad input, named -------------------------------------------------------------

struct BadInput {
    const char* method;
    const char* who;  // "worker", "psychiatrist", "coordinator"
    const char* body;
    int status;
    const char* message_prefix;
};

class EveryRpcBadInput : public testing::TestWithParam<BadInput> {};

TEST_P(EveryRpcBadInput, IsRefusedNamingTheField) {
    const BadInput& b = GetParam();
    test::CrisisFixture f;
    const std::string& token = std::string(b.who) == "worker"         ? f.worker
                               : std::string(b.who) == "psychiatrist" ? f.psychiatrist
                                                                      : f.coordinator;
    auto r = f.Post(std::string("spoed.v1.") + b.method, b.body, token);
    EXPECT_EQ(r.status, b.status) << r.body;
    EXPECT_EQ(test::ErrorMessageOf(r).rfind(b.message_prefix, 0), 0u) << test::ErrorMessageOf(r);
    // The refusal is in the audit log with its code.
    auto audit = f.Audit(1);
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].result, test::ErrorCodeOf(r));
}

std::string BadName(const testing::TestParamInfo<BadInput>& info) {
    std::string m = info.param.method;
    return m.substr(m.find('/') + 1);
}

INSTANTIATE_TEST_SUITE_P(
    Crisis, EveryRpcBadInput,
    testing::Values(
        BadInput{"YouthService/CreateYouth", "worker", R"({"youth":{"givenName":"A"}})", 400, "youth.family_name:"},
        BadInput{"YouthService/UpdateYouth", "worker", R"({"youth":{}})", 400, "youth_id:"},
        BadInput{"YouthService/GetYouth", "worker", R"({"youthId":"424242"})", 404, "youth_id:"},
        BadInput{"YouthService/SearchYouths", "worker", R"({"query":""})", 400, "query:"},
        BadInput{"YouthService/LookupCaller", "worker", R"({"phone":"12"})", 400, "phone:"},
        BadInput{"YouthService/RecordConsent", "coordinator", R"({"youthId":"1"})", 400, "scope:"},
        BadInput{"YouthService/WithdrawConsent", "coordinator", R"({"consentId":"99"})", 404, "consent_id:"},
        BadInput{"YouthService/ListConsents", "worker", R"({})", 400, "youth_id:"},
        BadInput{"YouthService/CreatePreRegistration", "coordinator", R"({"youthId":"1","fields":{}})", 400,
                 "fields.organisation:"},
        BadInput{"YouthService/UpdatePreRegistration", "coordinator", R"({"preRegistrationId":"77"})", 404,
                 "pre_registration_id:"},
        BadInput{"YouthService/EndPreRegistration", "coordinator", R"({"preRegistrationId":"77"})", 400, "reason:"},
        BadInput{"PlanService/AddPlanVersion", "coordinator", R"({"youthId":"1","changeNote":"x"})", 400, "content:"},
        BadInput{"PlanService/GetPlan", "worker", R"({"youthId":"1","version":-1})", 400, "version:"},
        BadInput{"PlanService/ListPlanVersions", "worker", R"({"youthId":"0"})", 400, "youth_id:"},
        BadInput{"PlanService/BreakGlass", "worker", R"({"youthId":"1","reason":"now"})", 400, "reason:"},
        BadInput{"PlanService/ListBreakGlassReviews", "coordinator", R"({"includeReviewed":"maybe"})", 400,
                 "request body"},
        BadInput{"PlanService/ReviewBreakGlass", "coordinator", R"({"breakGlassId":"5"})", 400, "note:"},
        BadInput{"CaseService/OpenCase", "worker", R"({})", 400, "caller_description:"},
        BadInput{"CaseService/LinkYouth", "worker", R"({"caseId":"1"})", 400, "youth_id:"},
        BadInput{"CaseService/LogContact", "worker", R"({"caseId":"1"})", 400, "type:"},
        BadInput{"CaseService/UpdateCase", "worker", R"({"caseId":"1","riskFlags":[99],"setRiskFlags":true})", 400,
                 "risk_flags[0]:"},
        BadInput{"CaseService/GetCase", "worker", R"({"caseId":"31337"})", 404, "case_id:"},
        BadInput{"CaseService/ListCases", "worker", R"({"pageSize":1000})", 400, "page_size:"},
        BadInput{"CaseService/CloseCase", "worker", R"({"caseId":"31337"})", 404, "case_id:"},
        BadInput{"ConsultService/RequestConsult", "worker", R"({"caseId":"1","question":"?"})", 400, "urgency:"},
        BadInput{"ConsultService/ListConsults", "worker", R"({"caseId":"-3"})", 400, "case_id:"},
        BadInput{"ConsultService/AnswerConsult", "psychiatrist", R"({"consultId":"1"})", 400, "advice:"},
        BadInput{"ShiftService/SetShift", "coordinator", R"({"shiftDate":{"year":2026,"month":2,"day":30}})", 400,
                 "shift_date:"},
        BadInput{"ShiftService/GetCurrentShift", "worker", R"({"unknownField":1})", 400, "request body"},
        BadInput{"ShiftService/AddShiftNote", "worker", R"({"text":" "})", 400, "text:"},
        BadInput{"ShiftService/ListShiftNotes", "worker", R"({"since":{"year":2026,"month":13,"day":1}})", 400,
                 "since:"}),
    BadName);

// --- the remaining successes ------------------------------------------------------------------

TEST(ConsentApi, PreRegistrationIsUpdatedAndEnded) {
    test::CrisisFixture f;
    std::int64_t id = f.CreateYouth("Noah", "de Boer", "2009-09-09");
    f.Consent(id);
    auto created = f.Rpc<v1::CreatePreRegistrationResponse>(
        v1::rpc::YouthService::CreatePreRegistration,
        R"({"youthId":")" + std::to_string(id) +
            R"(","fields":{"organisation":"Elker","professional":"R. de Wit","legalMeasure":"LEGAL_MEASURE_NONE"}})",
        f.coordinator);
    std::string pre = "\"" + std::to_string(created.pre_registration().id()) + "\"";
    auto updated = f.Rpc<v1::UpdatePreRegistrationResponse>(
        v1::rpc::YouthService::UpdatePreRegistration,
        R"({"preRegistrationId":)" + pre +
            R"(,"fields":{"organisation":"Elker","professional":"R. de Wit","ongoingCare":"Elker gezinsbehandeling","legalMeasure":"LEGAL_MEASURE_GUARDIANSHIP"}})",
        f.coordinator);
    EXPECT_EQ(updated.pre_registration().fields().legal_measure(), v1::LEGAL_MEASURE_GUARDIANSHIP);
    EXPECT_EQ(updated.pre_registration().fields().ongoing_care(), "Elker gezinsbehandeling");
    auto ended = f.Rpc<v1::EndPreRegistrationResponse>(v1::rpc::YouthService::EndPreRegistration,
                                                       R"({"preRegistrationId":)" + pre + R"(,"reason":"moved away"})",
                                                       f.coordinator);
    EXPECT_TRUE(ended.pre_registration().has_ended_at());
    auto got = f.Rpc<v1::GetYouthResponse>(v1::rpc::YouthService::GetYouth,
                                           R"({"youthId":")" + std::to_string(id) + R"("})", f.worker);
    EXPECT_FALSE(got.pre_registered());
    auto again = f.Post(v1::rpc::YouthService::EndPreRegistration,
                        R"({"preRegistrationId":)" + pre + R"(,"reason":"twice"})", f.coordinator);
    EXPECT_EQ(test::ErrorCodeOf(again), "failed_precondition");
}

TEST(CaseApi, AnUnknownCallersCaseIsLinkedToTheYouthLater) {
    test::CrisisFixture f;
    auto c =
        f.Rpc<v1::OpenCaseResponse>(v1::rpc::CaseService::OpenCase,
                                    R"({"callerDescription":"girl of about 15, would not give her name"})", f.worker);
    EXPECT_EQ(c.case_().youth_id(), 0);
    std::int64_t id = f.CreateYouth("Iris", "Bos", "2011-06-06");
    std::string body =
        R"({"caseId":")" + std::to_string(c.case_().id()) + R"(","youthId":")" + std::to_string(id) + R"("})";
    auto linked = f.Rpc<v1::LinkYouthResponse>(v1::rpc::CaseService::LinkYouth, body, f.worker);
    EXPECT_EQ(linked.case_().youth_id(), id);
    std::int64_t other = f.CreateYouth("Roos", "Bos", "2011-06-06");
    auto relink =
        f.Post(v1::rpc::CaseService::LinkYouth,
               R"({"caseId":")" + std::to_string(c.case_().id()) + R"(","youthId":")" + std::to_string(other) + R"("})",
               f.worker);
    EXPECT_EQ(test::ErrorCodeOf(relink), "failed_precondition");
    // The audit line of the successful link names the youth.
    bool found = false;
    for (const auto& line : f.Audit(5)) {
        if (line.method == "LinkYouth" && line.result == "ok") {
            EXPECT_EQ(line.youth_id, id);
            found = true;
        }
    }
    EXPECT_TRUE(found);
}

// --- NEN 7513: a refused attempt still names what it asked for (issue 19) -----------------------

TEST(Nen7513, EveryRefusalByTheRoleTableNamesTheObjectsAndTheYouthAskedFor) {
    CrisisFixture f;
    const std::int64_t youth = f.CreateYouth("Fenna", "Testmeisje (fictief)", "2011-03-04");
    const std::int64_t case_id =
        f.Rpc<v1::OpenCaseResponse>(v1::rpc::CaseService::OpenCase,
                                    R"js({"callerDescription":"moeder (fictief)","youthId":)js" + Id(youth) + "}",
                                    f.worker)
            .case_()
            .id();
    ASSERT_NE(case_id, 0);
    const std::vector<std::pair<std::string, std::string>> users = {{"crisis_worker", f.worker},
                                                                    {"psychiatrist", f.psychiatrist},
                                                                    {"coordinator", f.coordinator},
                                                                    {"admin", f.admin_token}};
    static constexpr std::string_view kKinds[] = {"youth",      "case",        "consult", "handover",
                                                  "evaluation", "user",        "consent", "pre_registration",
                                                  "proposal",   "break_glass", "session", "organisation"};
    int refusals = 0;
    for (const auto& rule : daemon::api::RpcRules()) {
        if (rule.access != daemon::api::Access::kRoles) continue;
        const auto* method = google::protobuf::DescriptorPool::generated_pool()->FindMethodByName(
            std::string(rule.service) + "." + std::string(rule.method));
        ASSERT_NE(method, nullptr) << rule.service << "/" << rule.method;
        std::unique_ptr<google::protobuf::Message> req(
            google::protobuf::MessageFactory::generated_factory()->GetPrototype(method->input_type())->New());
        // Every object the request can name, named: the youth and her case for real, the rest
        // by an id nobody has.
        std::vector<std::string> expected;
        bool names_youth = false;
        for (int i = 0; i < method->input_type()->field_count(); ++i) {
            const auto* field = method->input_type()->field(i);
            if (field->is_repeated() || field->cpp_type() != google::protobuf::FieldDescriptor::CPPTYPE_INT64) continue;
            std::string name = field->name();
            if (name.size() < 4 || name.substr(name.size() - 3) != "_id") continue;
            std::string kind = name.substr(0, name.size() - 3);
            if (std::find(std::begin(kKinds), std::end(kKinds), kind) == std::end(kKinds)) continue;
            const std::int64_t id = kind == "youth" ? youth : kind == "case" ? case_id : 424242;
            req->GetReflection()->SetInt64(req.get(), field, id);
            expected.push_back(kind + ":" + std::to_string(id));
            names_youth = names_youth || kind == "youth" || kind == "case";
        }
        if (expected.empty()) continue;
        std::string json;
        ASSERT_TRUE(google::protobuf::util::MessageToJsonString(*req, &json).ok());
        const std::string path = std::string(rule.service) + "/" + std::string(rule.method);
        for (const auto& [role, token] : users) {
            if (daemon::api::Allows(rule, daemon::service::RoleSet::FromNames({role}))) continue;
            auto r = f.Post(path, json, token);
            ASSERT_EQ(ErrorCodeOf(r), "permission_denied") << path << " as " << role << ": " << r.body;
            auto line = f.Audit(1).at(0);
            EXPECT_EQ(line.method, rule.method) << path << " as " << role;
            EXPECT_EQ(line.result, "permission_denied") << path << " as " << role;
            for (const auto& object : expected) {
                EXPECT_NE(line.object_ids.find(object), std::string::npos)
                    << path << " as " << role << ": " << object << " missing from " << line.object_ids;
            }
            if (names_youth) EXPECT_EQ(line.youth_id, youth) << path << " as " << role;
            ++refusals;
        }
    }
    EXPECT_GT(refusals, 40) << "the table refuses many calls that name an object";
}

}  // namespace
}  // namespace spoed
