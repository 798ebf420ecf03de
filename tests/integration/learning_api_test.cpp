// The learning loop through the API: automatic planning when a complex case closes, planning by
// hand, the finalise lock, plan links, and improvement proposals.
#include <gtest/gtest.h>

#include "daemon/service/validate.hpp"
#include "spoed/v1/case.pb.h"
#include "spoed/v1/evaluation.pb.h"
#include "spoed/v1/plan.pb.h"
#include "tests/support/crisis_fixture.hpp"

namespace spoed::test {
namespace {

using namespace std::chrono;

class Learning : public testing::Test, public CrisisFixture {
  public:
    /// Opens a case for the youth (or an unknown caller), applies `update_json` (extra fields of
    /// UpdateCase; may be empty) and closes it with `outcome`. Returns the close answer.
    v1::CloseCaseResponse OpenAndClose(std::int64_t youth, const std::string& update_json, const std::string& outcome) {
        std::string open = youth ? R"({"youthId":")" + std::to_string(youth) + R"("})"
                                 : R"j({"callerDescription":"onbekende beller (fictief)"})j";
        auto c = Rpc<v1::OpenCaseResponse>(v1::rpc::CaseService::OpenCase, open, worker).case_().id();
        if (!update_json.empty()) {
            Rpc<v1::UpdateCaseResponse>(v1::rpc::CaseService::UpdateCase,
                                        R"({"caseId":")" + std::to_string(c) + R"(",)" + update_json + "}", worker);
        }
        return Rpc<v1::CloseCaseResponse>(v1::rpc::CaseService::CloseCase,
                                          R"({"caseId":")" + std::to_string(c) + R"(","outcome":")" + outcome + R"("})",
                                          worker);
    }

    v1::Evaluation Get(std::int64_t id) {
        return Rpc<v1::GetEvaluationResponse>(v1::rpc::EvaluationService::GetEvaluation,
                                              R"({"evaluationId":")" + std::to_string(id) + R"("})", coordinator)
            .evaluation();
    }

    /// The live events of a kind in the outbox.
    std::vector<v1::Event> Events(const std::string& kind) {
        std::vector<v1::Event> out;
        auto all =
            store->Read([&](db::Tx& tx) -> Result<std::vector<db::EventRecord>> { return tx.events().After(0, 1000); });
        for (const auto& e : *all) {
            if (e.kind != kind) continue;
            v1::Event ev;
            ev.ParseFromString(e.payload);
            ev.set_seq(e.seq);
            out.push_back(ev);
            EXPECT_EQ(e.audience & db::kAudienceCoordinators, db::kAudienceCoordinators);
            EXPECT_EQ(e.audience & db::kAudienceWorkers, db::kAudienceWorkers);
        }
        return out;
    }

    std::string DueIn10WorkingDays() {
        return daemon::service::IsoDate(calendar.AddWorkingDays(daemon::service::LocalDate(clock.Now()), 10));
    }
};

std::string Iso(const v1::Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year(), d.month(), d.day());
    return buf;
}

struct RuleCase {
    const char* name;
    const char* update;
    const char* outcome;
    v1::EvaluationReason reason;
};
void PrintTo(const RuleCase& c, std::ostream* os) { *os << c.name; }

class AutomaticPlanning : public Learning, public testing::WithParamInterface<RuleCase> {};

TEST_P(AutomaticPlanning, AComplexCasePlansItsEvaluationWhenItCloses) {
    auto youth = CreateYouth("Sanne", "Bakker (fictief)", "2011-04-02");
    auto closed = OpenAndClose(youth, GetParam().update, GetParam().outcome);
    ASSERT_NE(closed.evaluation_id(), 0);
    auto e = Get(closed.evaluation_id());
    EXPECT_EQ(e.case_id(), closed.case_().id());
    EXPECT_EQ(e.youth_id(), youth);
    EXPECT_EQ(e.status(), v1::EVALUATION_STATUS_PLANNED);
    EXPECT_EQ(e.created_by(), 0);  // by the rules, not by a person
    ASSERT_EQ(e.reasons_size(), 1);
    EXPECT_EQ(e.reasons(0), GetParam().reason);
    EXPECT_EQ(Iso(e.due_by()), DueIn10WorkingDays());
    auto events = Events("evaluation_planned");
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].case_id(), closed.case_().id());
    EXPECT_EQ(events[0].evaluation_id(), closed.evaluation_id());
}

INSTANTIATE_TEST_SUITE_P(
    EachRule, AutomaticPlanning,
    testing::Values(RuleCase{"MarkedComplex", R"("complexity":"COMPLEXITY_COMPLEX")", "OUTCOME_STAYED_HOME",
                             v1::EVALUATION_REASON_MARKED_COMPLEX},
                    RuleCase{"Admission", "", "OUTCOME_ADMISSION", v1::EVALUATION_REASON_ADMISSION},
                    RuleCase{"CrisisPlacement", "", "OUTCOME_CRISIS_PLACEMENT", v1::EVALUATION_REASON_CRISIS_PLACEMENT},
                    RuleCase{"SuicideAttempt", R"("setRiskFlags":true,"riskFlags":["RISK_FLAG_SUICIDE_ATTEMPT"])",
                             "OUTCOME_STAYED_HOME", v1::EVALUATION_REASON_SUICIDE_ATTEMPT}),
    [](const auto& info) { return std::string(info.param.name); });

TEST_F(Learning, AnOrdinaryCasePlansNothing) {
    auto youth = CreateYouth("Milan", "Smit (fictief)", "2010-01-05");
    auto closed =
        OpenAndClose(youth, R"("setRiskFlags":true,"riskFlags":["RISK_FLAG_SUICIDALITY","RISK_FLAG_SELF_HARM"])",
                     "OUTCOME_OWN_NETWORK");
    EXPECT_EQ(closed.case_().status(), v1::CASE_STATUS_CLOSED);
    EXPECT_EQ(closed.evaluation_id(), 0);
    EXPECT_TRUE(Events("evaluation_planned").empty());
    auto list = Rpc<v1::ListEvaluationsResponse>(v1::rpc::EvaluationService::ListEvaluations, "{}", coordinator);
    EXPECT_EQ(list.evaluations_size(), 0);
}

TEST_F(Learning, TheThirdCaseWithin30DaysPlansAnEvaluationNotTheSecond) {
    auto youth = CreateYouth("Tess", "Vos (fictief)", "2009-08-19");
    EXPECT_EQ(OpenAndClose(youth, "", "OUTCOME_STAYED_HOME").evaluation_id(), 0);
    Advance(hours(24 * 14));
    EXPECT_EQ(OpenAndClose(youth, "", "OUTCOME_STAYED_HOME").evaluation_id(), 0);
    Advance(hours(24 * 15));  // 29 days after the first
    auto third = OpenAndClose(youth, "", "OUTCOME_STAYED_HOME");
    ASSERT_NE(third.evaluation_id(), 0);
    auto e = Get(third.evaluation_id());
    ASSERT_EQ(e.reasons_size(), 1);
    EXPECT_EQ(e.reasons(0), v1::EVALUATION_REASON_REPEAT_CASES);
    // 31 days after the second and 16 after the third: only two cases within 30 days.
    Advance(hours(24 * 16));
    EXPECT_EQ(OpenAndClose(youth, "", "OUTCOME_STAYED_HOME").evaluation_id(), 0);
    // An unknown caller's cases never count as repeats.
    for (int i = 0; i < 3; ++i) EXPECT_EQ(OpenAndClose(0, "", "OUTCOME_STAYED_HOME").evaluation_id(), 0);
}

TEST_F(Learning, ACoordinatorPlansByHandOncePerCase) {
    auto youth = CreateYouth("Daan", "Visser (fictief)", "2012-03-14");
    auto closed = OpenAndClose(youth, "", "OUTCOME_STAYED_HOME");
    std::string req = R"({"caseId":")" + std::to_string(closed.case_().id()) +
                      R"(","note":"Second crisis this week; talk with Accare and the local team."})";
    int status = 0;
    Rpc<v1::PlanEvaluationResponse>(v1::rpc::EvaluationService::PlanEvaluation, req, worker, &status);
    EXPECT_EQ(status, 403);
    auto planned = Rpc<v1::PlanEvaluationResponse>(v1::rpc::EvaluationService::PlanEvaluation, req, coordinator);
    EXPECT_EQ(planned.evaluation().reasons(0), v1::EVALUATION_REASON_MANUAL);
    EXPECT_EQ(planned.evaluation().created_by(), coordinator_id);
    EXPECT_EQ(Iso(planned.evaluation().due_by()), DueIn10WorkingDays());
    ASSERT_EQ(planned.evaluation().review_comments_size(), 1);
    auto events = Events("evaluation_planned");
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].evaluation_id(), planned.evaluation().id());
    auto again = Post(v1::rpc::EvaluationService::PlanEvaluation, req, coordinator);
    EXPECT_EQ(ErrorCodeOf(again), "already_exists");
    // Workers and the psychiatrist may read it.
    auto read = Rpc<v1::GetEvaluationResponse>(
        v1::rpc::EvaluationService::GetEvaluation,
        R"({"evaluationId":")" + std::to_string(planned.evaluation().id()) + R"("})", psychiatrist);
    EXPECT_EQ(read.evaluation().case_id(), closed.case_().id());
    auto audit = Audit(1);
    EXPECT_EQ(audit[0].youth_id, youth);
}

TEST_F(Learning, AFinalisedEvaluationIsReadOnlyAndLinksTheNewPlanVersion) {
    auto youth = CreateYouth("Lotte", "de Boer (fictief)", "2010-06-30");
    PreRegisterWithPlan(youth);
    Advance(minutes(5));
    auto closed = OpenAndClose(youth, "", "OUTCOME_ADMISSION");
    std::string id = std::to_string(closed.evaluation_id());
    auto today = daemon::service::LocalDate(clock.Now());
    std::string held = R"({"year":)" + std::to_string(static_cast<int>(today.year())) + R"(,"month":)" +
                       std::to_string(static_cast<unsigned>(today.month())) + R"(,"day":)" +
                       std::to_string(static_cast<unsigned>(today.day())) + "}";

    // Not yet held: cannot be finalised.
    auto early =
        Post(v1::rpc::EvaluationService::FinalizeEvaluation, R"({"evaluationId":")" + id + R"("})", coordinator);
    EXPECT_EQ(ErrorCodeOf(early), "failed_precondition");
    EXPECT_NE(ErrorMessageOf(early).find("held_on"), std::string::npos);

    auto updated = Rpc<v1::UpdateEvaluationResponse>(
        v1::rpc::EvaluationService::UpdateEvaluation,
        R"({"evaluationId":")" + id + R"(","heldOn":)" + held +
            R"j(,"setParticipants":true,"participants":[{"organisation":"Spoed voor Jeugd","name":"Carla (fictief)","role":"coordinator"},{"organisation":"Accare","name":"M. Veenstra (fictief)","role":"ongoing care"}],
            "setAnalysis":true,"analysis":{"careTimeline":"Ambulant since spring.","wentWell":"Plan at hand.","couldBeBetter":"Weekend reachability.","rightHelp":"RIGHT_HELP_PARTLY","preventNext":"Earlier contact with the GP.","changesPlan":true,"planChanges":"Add the GP's number."}})j",
        coordinator);
    EXPECT_EQ(updated.evaluation().status(), v1::EVALUATION_STATUS_HELD);
    EXPECT_EQ(updated.evaluation().participants_size(), 2);

    // The evaluation changes the plan: finalising needs the new version linked.
    auto unlinked =
        Post(v1::rpc::EvaluationService::FinalizeEvaluation, R"({"evaluationId":")" + id + R"("})", coordinator);
    EXPECT_EQ(ErrorCodeOf(unlinked), "failed_precondition");
    EXPECT_NE(ErrorMessageOf(unlinked).find("plan_version"), std::string::npos) << unlinked.body;
    // Version 1 is older than the case: not the version the evaluation led to.
    auto old = Post(v1::rpc::EvaluationService::FinalizeEvaluation,
                    R"({"evaluationId":")" + id + R"(","planVersion":1})", coordinator);
    EXPECT_EQ(ErrorCodeOf(old), "invalid_argument");
    auto v2 = Rpc<v1::AddPlanVersionResponse>(
        v1::rpc::PlanService::AddPlanVersion,
        R"({"youthId":")" + std::to_string(youth) +
            R"(","basedOnVersion":1,"changeNote":"After the evaluation: GP added","content":{"agreements":["Call the GP first"]}})",
        coordinator);
    ASSERT_EQ(v2.plan().version(), 2);
    // A worker may not finalise.
    int status = 0;
    Rpc<v1::FinalizeEvaluationResponse>(v1::rpc::EvaluationService::FinalizeEvaluation,
                                        R"({"evaluationId":")" + id + R"(","planVersion":2})", worker, &status);
    EXPECT_EQ(status, 403);
    auto done = Rpc<v1::FinalizeEvaluationResponse>(v1::rpc::EvaluationService::FinalizeEvaluation,
                                                    R"({"evaluationId":")" + id + R"(","planVersion":2})", coordinator);
    EXPECT_EQ(done.evaluation().status(), v1::EVALUATION_STATUS_FINALISED);
    EXPECT_EQ(done.evaluation().plan_version(), 2);
    EXPECT_EQ(done.evaluation().finalised_by(), coordinator_id);

    // Every change is refused, saying why.
    const std::pair<v1::rpc::MethodName, std::string> changes[] = {
        {v1::rpc::EvaluationService::UpdateEvaluation, R"({"evaluationId":")" + id + R"(","heldOn":)" + held + "}"},
        {v1::rpc::EvaluationService::UpdateEvaluation,
         R"({"evaluationId":")" + id + R"(","setAnalysis":true,"analysis":{"wentWell":"changed"}})"},
        {v1::rpc::EvaluationService::UpdateEvaluation,
         R"({"evaluationId":")" + id + R"(","setParticipants":true,"participants":[]})"},
        {v1::rpc::EvaluationService::UpdateEvaluation, R"({"evaluationId":")" + id + R"(","planVersion":2})"},
        {v1::rpc::EvaluationService::AddReviewComment, R"({"evaluationId":")" + id + R"(","text":"late remark"})"},
        {v1::rpc::EvaluationService::FinalizeEvaluation, R"({"evaluationId":")" + id + R"("})"},
    };
    for (const auto& [method, body] : changes) {
        auto r = Post(method, body, coordinator);
        EXPECT_EQ(ErrorCodeOf(r), "failed_precondition") << method.path << " " << body;
        EXPECT_NE(ErrorMessageOf(r).find("finalised"), std::string::npos) << r.body;
        EXPECT_NE(ErrorMessageOf(r).find("read-only"), std::string::npos) << r.body;
    }
    auto after = Get(closed.evaluation_id());
    EXPECT_EQ(after.analysis().went_well(), "Plan at hand.");
    EXPECT_EQ(after.participants_size(), 2);
    EXPECT_EQ(after.review_comments_size(), 0);

    // The schema itself refuses to change it, whatever the service does.
    auto direct = store->Write([&](db::Tx& tx) -> Status {
        auto e = tx.evaluations().Find(closed.evaluation_id());
        e->went_well = "rewritten";
        e->status = "held";
        tx.evaluations().Update(*e);
        return Ok();
    });
    EXPECT_FALSE(direct.ok());
    EXPECT_EQ(Get(closed.evaluation_id()).analysis().went_well(), "Plan at hand.");
}

TEST_F(Learning, ListEvaluationsByStatus) {
    auto youth = CreateYouth("Finn", "Mulder (fictief)", "2008-02-11");
    auto a = OpenAndClose(youth, "", "OUTCOME_ADMISSION").evaluation_id();
    auto b = OpenAndClose(0, "", "OUTCOME_CRISIS_PLACEMENT").evaluation_id();
    auto list = [&](const char* status) {
        auto r = Rpc<v1::ListEvaluationsResponse>(v1::rpc::EvaluationService::ListEvaluations,
                                                  std::string(R"({"status":")") + status + R"("})", worker);
        std::vector<std::int64_t> ids;
        for (const auto& e : r.evaluations()) ids.push_back(e.id());
        return ids;
    };
    EXPECT_EQ(list("EVALUATION_STATUS_PLANNED"), (std::vector<std::int64_t>{a, b}));
    EXPECT_TRUE(list("EVALUATION_STATUS_OVERDUE").empty());
    Advance(hours(24 * 20));  // past ten working days
    EXPECT_EQ(list("EVALUATION_STATUS_OVERDUE"), (std::vector<std::int64_t>{a, b}));
    EXPECT_EQ(Get(a).status(), v1::EVALUATION_STATUS_OVERDUE);
    auto today = daemon::service::LocalDate(clock.Now());
    Rpc<v1::UpdateEvaluationResponse>(v1::rpc::EvaluationService::UpdateEvaluation,
                                      R"({"evaluationId":")" + std::to_string(b) + R"(","heldOn":{"year":)" +
                                          std::to_string(static_cast<int>(today.year())) + R"(,"month":)" +
                                          std::to_string(static_cast<unsigned>(today.month())) + R"(,"day":)" +
                                          std::to_string(static_cast<unsigned>(today.day())) + "}}",
                                      coordinator);
    EXPECT_EQ(list("EVALUATION_STATUS_HELD"), (std::vector<std::int64_t>{b}));
    EXPECT_EQ(list("EVALUATION_STATUS_OVERDUE"), (std::vector<std::int64_t>{a}));
    // Paging.
    auto first =
        Rpc<v1::ListEvaluationsResponse>(v1::rpc::EvaluationService::ListEvaluations, R"({"pageSize":1})", coordinator);
    ASSERT_EQ(first.evaluations_size(), 1);
    ASSERT_FALSE(first.next_page_token().empty());
    auto second = Rpc<v1::ListEvaluationsResponse>(v1::rpc::EvaluationService::ListEvaluations,
                                                   R"({"pageSize":1,"pageToken":")" + first.next_page_token() + R"("})",
                                                   coordinator);
    ASSERT_EQ(second.evaluations_size(), 1);
    EXPECT_NE(second.evaluations(0).id(), first.evaluations(0).id());
}

TEST_F(Learning, ProposalsMoveThroughTheirStatusesWithDateWhoAndNote) {
    auto closed = OpenAndClose(0, "", "OUTCOME_ADMISSION");
    std::string eval = std::to_string(closed.evaluation_id());
    auto p =
        Rpc<v1::CreateProposalResponse>(
            v1::rpc::EvaluationService::CreateProposal,
            R"({"text":"Weekend number of the ongoing care in every plan.","addressee":{"kind":"ADDRESSEE_KIND_PARTNER","name":"Accare"},"theme":"Bereikbaarheid","evaluationIds":[")" +
                eval + R"("]})",
            coordinator)
            .proposal();
    EXPECT_EQ(p.status(), v1::PROPOSAL_STATUS_OPEN);
    EXPECT_EQ(p.theme(), "bereikbaarheid");
    ASSERT_EQ(p.history_size(), 1);
    Rpc<v1::CreateProposalResponse>(
        v1::rpc::EvaluationService::CreateProposal,
        R"({"text":"A designated contact reachable until 22:00.","addressee":{"kind":"ADDRESSEE_KIND_MUNICIPALITY","name":"Groningen"},"theme":"bereikbaarheid"})",
        coordinator);
    Rpc<v1::CreateProposalResponse>(
        v1::rpc::EvaluationService::CreateProposal,
        R"({"text":"Check plans for the GP's number.","addressee":{"kind":"ADDRESSEE_KIND_OWN_TEAM"},"theme":"plannen"})",
        coordinator);
    EXPECT_EQ(ErrorCodeOf(Post(v1::rpc::EvaluationService::CreateProposal,
                               R"({"text":"x","addressee":{"kind":"ADDRESSEE_KIND_MUNICIPALITY"},"theme":"t"})",
                               coordinator)),
              "invalid_argument");

    std::string id = std::to_string(p.id());
    auto set = [&](const char* status, const char* note) {
        return Post(v1::rpc::EvaluationService::SetProposalStatus,
                    R"({"proposalId":")" + id + R"(","status":")" + status + R"(","note":")" + note + R"("})",
                    coordinator);
    };
    auto skip = set("PROPOSAL_STATUS_ADOPTED", "");
    EXPECT_EQ(ErrorCodeOf(skip), "failed_precondition");
    EXPECT_NE(ErrorMessageOf(skip).find("discussed"), std::string::npos);
    EXPECT_EQ(set("PROPOSAL_STATUS_DISCUSSED", "chain meeting of 3 December").status, 200);
    Advance(hours(24 * 7));
    EXPECT_EQ(set("PROPOSAL_STATUS_ADOPTED", "Accare agrees").status, 200);
    EXPECT_EQ(set("PROPOSAL_STATUS_IMPLEMENTED", "in the plan template").status, 200);
    EXPECT_EQ(ErrorCodeOf(set("PROPOSAL_STATUS_REJECTED", "too late")), "failed_precondition");

    auto by = [&](const std::string& filter) {
        return Rpc<v1::ListProposalsResponse>(v1::rpc::EvaluationService::ListProposals, filter, worker);
    };
    auto implemented = by(R"({"status":"PROPOSAL_STATUS_IMPLEMENTED"})");
    ASSERT_EQ(implemented.proposals_size(), 1);
    const auto& h = implemented.proposals(0).history();
    ASSERT_EQ(h.size(), 4);
    EXPECT_EQ(h[1].status(), v1::PROPOSAL_STATUS_DISCUSSED);
    EXPECT_EQ(h[1].note(), "chain meeting of 3 December");
    EXPECT_EQ(h[2].by(), coordinator_id);
    EXPECT_LT(h[1].at().seconds(), h[2].at().seconds());
    EXPECT_EQ(by(R"({"theme":"BEREIKBAARHEID"})").proposals_size(), 2);
    EXPECT_EQ(by(R"({"addresseeKind":"ADDRESSEE_KIND_MUNICIPALITY"})").proposals_size(), 1);
    EXPECT_EQ(by(R"({"addressee":"Accare"})").proposals_size(), 1);
    EXPECT_EQ(by(R"({"status":"PROPOSAL_STATUS_OPEN"})").proposals_size(), 2);
    EXPECT_EQ(by(R"({"evaluationId":")" + eval + R"("})").proposals_size(), 1);
    EXPECT_EQ(Get(closed.evaluation_id()).proposal_ids_size(), 1);
    int status = 0;
    Rpc<v1::CreateProposalResponse>(v1::rpc::EvaluationService::CreateProposal,
                                    R"({"text":"x","addressee":{"kind":"ADDRESSEE_KIND_OWN_TEAM"},"theme":"t"})",
                                    worker, &status);
    EXPECT_EQ(status, 403);
}

}  // namespace
}  // namespace spoed::test
