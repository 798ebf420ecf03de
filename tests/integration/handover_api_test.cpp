// Warm handover and the partner directory through the API layer (real SQLite, fake clock).
#include <gtest/gtest.h>

#include "spoed/v1/case.pb.h"
#include "spoed/v1/handover.pb.h"
#include "tests/support/crisis_fixture.hpp"

namespace spoed {
namespace {

using std::chrono::hours;
using test::CrisisFixture;
using test::ErrorCodeOf;
using test::ErrorMessageOf;

std::string Q(std::int64_t id) { return "\"" + std::to_string(id) + "\""; }

/// A youth in Groningen with an open case; consent to inform the local team only if asked.
struct Night {
    std::int64_t youth = 0;
    std::int64_t case_id = 0;
};

Night OpenNight(CrisisFixture& f, bool local_team_consent) {
    Night n;
    n.youth = f.CreateYouth("Daan", "Visser", "2012-03-14");
    if (local_team_consent) f.Consent(n.youth, "CONSENT_SCOPE_INFORM_LOCAL_TEAM");
    auto c = f.Rpc<v1::OpenCaseResponse>(v1::rpc::CaseService::OpenCase, R"({"youthId":)" + Q(n.youth) + "}", f.worker);
    n.case_id = c.case_().id();
    return n;
}

std::int64_t GroningenTeam(CrisisFixture& f) {
    auto teams = f.Rpc<v1::ListOrganisationsResponse>(
        v1::rpc::DirectoryService::ListOrganisations,
        R"({"kind":"ORGANISATION_KIND_LOCAL_TEAM","municipality":"Groningen"})", f.worker);
    EXPECT_EQ(teams.organisations_size(), 1);
    return teams.organisations_size() ? teams.organisations(0).id() : 0;
}

TEST(HandoverApi, PreviewDueSkipsKingsDayAndTheWeekend) {
    CrisisFixture f;
    // Friday 24 April 2026, 23:30 in Groningen (21:30 UTC), and the Saturday 01:30 after it.
    for (const char* t : {"2026-04-24T21:30:00Z", "2026-04-24T23:30:00Z"}) {
        auto r = f.Rpc<v1::PreviewDueResponse>(v1::rpc::HandoverService::PreviewDue,
                                               std::string(R"({"time":")") + t + R"("})", f.worker);
        EXPECT_EQ(r.due_at().seconds(), 1777370400) << t;  // Tuesday 28 April 2026 12:00 CEST
        EXPECT_NE(r.reason().find("King's Day"), std::string::npos) << r.reason();
        // The same days as data: Saturday, Sunday, then Monday 27 April, King's Day.
        ASSERT_EQ(r.skipped_days_size(), 3) << t;
        EXPECT_EQ(r.skipped_days(0).why(), "weekend");
        EXPECT_EQ(r.skipped_days(1).why(), "weekend");
        EXPECT_EQ(r.skipped_days(2).why(), "kings_day");
        EXPECT_EQ(r.skipped_days(2).date().month(), 4);
        EXPECT_EQ(r.skipped_days(2).date().day(), 27);
    }
    // Monday 23 November 2026 21:00 local: due Tuesday 12:00 CET.
    auto now = f.Rpc<v1::PreviewDueResponse>(v1::rpc::HandoverService::PreviewDue, "{}", f.worker);
    EXPECT_EQ(now.due_at().seconds(), 1795518000);  // 2026-11-24T11:00:00Z
    EXPECT_EQ(now.reason(), "next working day");
    EXPECT_EQ(now.skipped_days_size(), 0);
}

TEST(HandoverApi, InformingTheLocalTeamNeedsConsentOrALegalGround) {
    CrisisFixture f;
    Night n = OpenNight(f, false);
    std::int64_t team = GroningenTeam(f);
    std::string body = R"({"caseId":)" + Q(n.case_id) +
                       R"(,"kind":"HANDOVER_KIND_LOCAL_TEAM","recipient":{"organisationId":)" + Q(team) + "}";
    auto refused = f.Post(v1::rpc::HandoverService::CreateHandover, body + "}", f.worker);
    EXPECT_EQ(ErrorCodeOf(refused), "failed_precondition");
    EXPECT_NE(ErrorMessageOf(refused).find("inform_local_team"), std::string::npos) << refused.body;

    auto grounded = f.Rpc<v1::CreateHandoverResponse>(
        v1::rpc::HandoverService::CreateHandover,
        body + R"(,"legalGround":"Meldcode huiselijk geweld en kindermishandeling, stap 5: melding Veilig Thuis"})",
        f.worker);
    EXPECT_EQ(grounded.handover().consent_id(), 0);
    EXPECT_EQ(grounded.handover().recipient().name(), "Lokaal team Groningen");
    EXPECT_EQ(grounded.handover().recipient().contact(), "Vaste contactpersoon (nog invullen)");
    EXPECT_EQ(grounded.handover().municipality(), "Groningen");

    f.Consent(n.youth, "CONSENT_SCOPE_INFORM_LOCAL_TEAM");
    auto consented = f.Rpc<v1::CreateHandoverResponse>(v1::rpc::HandoverService::CreateHandover, body + "}", f.worker);
    EXPECT_GT(consented.handover().consent_id(), 0);
    EXPECT_EQ(consented.handover().status(), v1::HANDOVER_STATUS_OPEN);
}

TEST(HandoverApi, OngoingCareNeedsDossierConsentAndAnUnknownYouthALegalGround) {
    CrisisFixture f;
    auto c = f.Rpc<v1::OpenCaseResponse>(v1::rpc::CaseService::OpenCase, R"({"callerDescription":"anonymous girl"})",
                                         f.worker);
    auto r = f.Post(v1::rpc::HandoverService::CreateHandover,
                    R"({"caseId":)" + Q(c.case_().id()) +
                        R"(,"kind":"HANDOVER_KIND_GP","recipient":{"name":"Huisartsenpraktijk De Linie - fictief"}})",
                    f.worker);
    EXPECT_NE(ErrorMessageOf(r).find("not known yet"), std::string::npos) << r.body;
    Night n = OpenNight(f, true);  // inform_local_team is not dossier_access
    auto ongoing = f.Post(
        v1::rpc::HandoverService::CreateHandover,
        R"({"caseId":)" + Q(n.case_id) + R"(,"kind":"HANDOVER_KIND_ONGOING_CARE","recipient":{"name":"Accare"}})",
        f.worker);
    EXPECT_NE(ErrorMessageOf(ongoing).find("dossier_access"), std::string::npos) << ongoing.body;
}

TEST(HandoverApi, StepsGoInOrderAndAgreementsAreRequired) {
    CrisisFixture f;
    Night n = OpenNight(f, true);
    auto h = f.Rpc<v1::CreateHandoverResponse>(
        v1::rpc::HandoverService::CreateHandover,
        R"({"caseId":)" + Q(n.case_id) + R"(,"kind":"HANDOVER_KIND_LOCAL_TEAM","recipient":{"organisationId":)" +
            Q(GroningenTeam(f)) + "}}",
        f.worker);
    std::string id = Q(h.handover().id());
    EXPECT_EQ(h.handover().next_step(), v1::HANDOVER_STEP_RECEIVER_CONTACTED);
    auto step = [&](const std::string& s, const std::string& extra = "") {
        return f.Post(v1::rpc::HandoverService::RecordStep,
                      R"({"handoverId":)" + id + R"(,"step":"HANDOVER_STEP_)" + s + "\"" + extra + "}", f.coordinator);
    };
    auto next_step = [&] {
        auto l =
            f.Rpc<v1::ListHandoversResponse>(v1::rpc::HandoverService::ListHandovers,
                                             R"({"caseId":)" + Q(n.case_id) + R"(,"includeConfirmed":true})", f.worker);
        return l.handovers_size() == 1 ? l.handovers(0).next_step() : v1::HANDOVER_STEP_UNSPECIFIED;
    };
    EXPECT_NE(ErrorMessageOf(step("CONFIRMED")).find("record receiver_contacted first"), std::string::npos);
    EXPECT_EQ(ErrorMessageOf(step("RECEIVER_CONTACTED", R"(,"at":"2026-11-23T21:00:00Z")")), "at: lies in the future");
    EXPECT_EQ(step("RECEIVER_CONTACTED").status, 200);
    EXPECT_EQ(next_step(), v1::HANDOVER_STEP_FAMILY_CONTACTED);
    EXPECT_EQ(ErrorCodeOf(step("RECEIVER_CONTACTED")), "failed_precondition");
    EXPECT_EQ(step("FAMILY_CONTACTED", R"(,"note":"father reached by phone")").status, 200);
    EXPECT_EQ(next_step(), v1::HANDOVER_STEP_AGREEMENTS_RECORDED);
    EXPECT_EQ(ErrorMessageOf(step("AGREEMENTS_RECORDED")), "agreements: required");
    EXPECT_EQ(
        step("AGREEMENTS_RECORDED", R"(,"agreements":"Local team visits Wednesday; IHT intake Thursday.")").status,
        200);
    EXPECT_EQ(next_step(), v1::HANDOVER_STEP_CONFIRMED);
    auto done = step("CONFIRMED");
    ASSERT_EQ(done.status, 200) << done.body;
    EXPECT_EQ(next_step(), v1::HANDOVER_STEP_UNSPECIFIED);
    auto list =
        f.Rpc<v1::ListHandoversResponse>(v1::rpc::HandoverService::ListHandovers,
                                         R"({"caseId":)" + Q(n.case_id) + R"(,"includeConfirmed":true})", f.worker);
    ASSERT_EQ(list.handovers_size(), 1);
    EXPECT_EQ(list.handovers(0).status(), v1::HANDOVER_STATUS_CONFIRMED);
    EXPECT_EQ(list.handovers(0).steps_size(), 4);
    EXPECT_EQ(list.handovers(0).agreements(), "Local team visits Wednesday; IHT intake Thursday.");
    EXPECT_EQ(ErrorCodeOf(step("CONFIRMED")), "failed_precondition");
    EXPECT_EQ(ErrorCodeOf(f.Post(v1::rpc::HandoverService::Escalate, R"({"handoverId":)" + id + R"(,"reason":"x"})",
                                 f.coordinator)),
              "failed_precondition");
}

TEST(HandoverApi, ACaseClosesOnlyWhenEveryHandoverIsConfirmed) {
    CrisisFixture f;
    Night n = OpenNight(f, true);
    auto h = f.Rpc<v1::CreateHandoverResponse>(
        v1::rpc::HandoverService::CreateHandover,
        R"({"caseId":)" + Q(n.case_id) + R"(,"kind":"HANDOVER_KIND_LOCAL_TEAM","recipient":{"organisationId":)" +
            Q(GroningenTeam(f)) + "}}",
        f.worker);
    std::string close = R"({"caseId":)" + Q(n.case_id) + R"(,"outcome":"OUTCOME_STAYED_HOME"})";
    auto refused = f.Post(v1::rpc::CaseService::CloseCase, close, f.worker);
    EXPECT_EQ(ErrorCodeOf(refused), "failed_precondition");
    EXPECT_NE(ErrorMessageOf(refused).find(std::to_string(h.handover().id()) + " (local_team, Lokaal team Groningen)"),
              std::string::npos)
        << refused.body;
    // Escalated is still not confirmed.
    f.Rpc<v1::EscalateResponse>(
        v1::rpc::HandoverService::Escalate,
        R"({"handoverId":)" + Q(h.handover().id()) + R"(,"reason":"no answer from the local team"})", f.coordinator);
    EXPECT_EQ(ErrorCodeOf(f.Post(v1::rpc::CaseService::CloseCase, close, f.worker)), "failed_precondition");
    for (const char* s : {"RECEIVER_CONTACTED", "FAMILY_CONTACTED"}) {
        f.Post(v1::rpc::HandoverService::RecordStep,
               R"({"handoverId":)" + Q(h.handover().id()) + R"(,"step":"HANDOVER_STEP_)" + s + "\"}", f.coordinator);
    }
    f.Post(v1::rpc::HandoverService::RecordStep,
           R"({"handoverId":)" + Q(h.handover().id()) +
               R"(,"step":"HANDOVER_STEP_AGREEMENTS_RECORDED","agreements":"visit"})",
           f.coordinator);
    f.Post(v1::rpc::HandoverService::RecordStep,
           R"({"handoverId":)" + Q(h.handover().id()) + R"(,"step":"HANDOVER_STEP_CONFIRMED"})", f.coordinator);
    EXPECT_EQ(f.Post(v1::rpc::CaseService::CloseCase, close, f.worker).status, 200);
}

TEST(HandoverApi, ListsWhatIsDueTodayAndWhatIsOverdueByMunicipality) {
    CrisisFixture f;
    Night n = OpenNight(f, true);
    f.Rpc<v1::CreateHandoverResponse>(v1::rpc::HandoverService::CreateHandover,
                                      R"({"caseId":)" + Q(n.case_id) +
                                          R"(,"kind":"HANDOVER_KIND_LOCAL_TEAM","recipient":{"organisationId":)" +
                                          Q(GroningenTeam(f)) + "}}",
                                      f.worker);
    auto count = [&](const std::string& q) {
        return f.Rpc<v1::ListHandoversResponse>(v1::rpc::HandoverService::ListHandovers, q, f.coordinator)
            .handovers_size();
    };
    // Monday night: due Tuesday 12:00.
    EXPECT_EQ(count(R"({"dueToday":true})"), 0);
    EXPECT_EQ(count(R"({"overdue":true})"), 0);
    f.Advance(hours(14));  // Tuesday 10:00 UTC = 11:00 local
    EXPECT_EQ(count(R"({"dueToday":true})"), 1);
    EXPECT_EQ(count(R"({"overdue":true})"), 0);
    f.Advance(hours(2));  // Tuesday 13:00 local
    EXPECT_EQ(count(R"({"overdue":true})"), 1);
    EXPECT_EQ(count(R"({"overdue":true,"municipality":"Groningen"})"), 1);
    EXPECT_EQ(count(R"({"overdue":true,"municipality":"Oldambt"})"), 0);
    auto all = f.Rpc<v1::ListHandoversResponse>(v1::rpc::HandoverService::ListHandovers, "{}", f.coordinator);
    ASSERT_EQ(all.handovers_size(), 1);
    EXPECT_TRUE(all.handovers(0).overdue());
}

TEST(DirectoryApi, SeededWithEveryMunicipalityAndEditedByCoordinators) {
    CrisisFixture f;
    auto teams = f.Rpc<v1::ListOrganisationsResponse>(v1::rpc::DirectoryService::ListOrganisations,
                                                      R"({"kind":"ORGANISATION_KIND_LOCAL_TEAM"})", f.psychiatrist);
    EXPECT_EQ(teams.organisations_size(), 10);
    std::string org =
        R"({"organisation":{"name":"Accare Groningen - fictief","kind":"ORGANISATION_KIND_CARE_PROVIDER",)"
        R"("phone":"050-3681111","contacts":[{"name":"M. Veenstra","role":"behandelaar","phone":"06-12121212","designated":true}]}})";
    EXPECT_EQ(f.Post(v1::rpc::DirectoryService::SaveOrganisation, org, f.worker).status, 403);
    auto saved = f.Rpc<v1::SaveOrganisationResponse>(v1::rpc::DirectoryService::SaveOrganisation, org, f.coordinator);
    EXPECT_EQ(saved.organisation().contacts(0).phone(), "+31612121212");
    EXPECT_EQ(ErrorCodeOf(f.Post(v1::rpc::DirectoryService::SaveOrganisation, org, f.admin_token)), "already_exists");
    std::string edit =
        R"({"organisation":{"id":)" + Q(saved.organisation().id()) +
        R"(,"name":"Accare Groningen - fictief","kind":"ORGANISATION_KIND_CARE_PROVIDER","availability":"24/7"}})";
    auto edited = f.Rpc<v1::SaveOrganisationResponse>(v1::rpc::DirectoryService::SaveOrganisation, edit, f.admin_token);
    EXPECT_EQ(edited.organisation().availability(), "24/7");
    EXPECT_EQ(edited.organisation().contacts_size(), 0);
    auto bad = f.Post(v1::rpc::DirectoryService::SaveOrganisation,
                      R"({"organisation":{"name":"Team X","kind":"ORGANISATION_KIND_LOCAL_TEAM"}})", f.coordinator);
    EXPECT_EQ(ErrorMessageOf(bad), "organisation.municipality: required");
}

}  // namespace
}  // namespace spoed
