#pragma once

#include <optional>
#include <string>
#include <vector>

#include "daemon/service/calendar.hpp"
#include "daemon/service/call.hpp"
#include "daemon/service/events.hpp"
#include "spoed/v1/evaluation.pb.h"

namespace spoed::daemon::service {

/// When a case needs an evaluation and how soon (configuration keys evaluation_*).
struct EvaluationPolicy {
    db::ComplexityRules rules;
    int window_working_days = 10;
};

/// Plans evaluations: the complexity rules, and the due date within the window of working days.
/// Immutable after construction, so shared between threads.
class EvaluationPlanner {
  public:
    EvaluationPlanner(EvaluationPolicy policy, const WorkingDayCalendar& calendar)
        : policy_(std::move(policy)), calendar_(calendar) {}

    /// Why the case is complex by the rules ("marked_complex", "admission", "suicide_attempt",
    /// "repeat_cases", …); empty when it is not.
    std::vector<std::string> ComplexReasons(db::Tx& tx, const db::CaseRecord& c) const;

    /// The due date of an evaluation planned at `now`: the window's last working day after
    /// today (local date), "YYYY-MM-DD".
    std::string DueBy(TimePoint now) const;

    /// Plans the evaluation of a case that has just closed when it is complex and has none yet;
    /// the id, or nullopt when nothing was planned. The caller emits the event.
    std::optional<std::int64_t> PlanOnClose(db::Tx& tx, Call& call, const db::CaseRecord& c) const;

    const EvaluationPolicy& policy() const { return policy_; }

  private:
    EvaluationPolicy policy_;
    const WorkingDayCalendar& calendar_;
};

/// Evaluations and improvement proposals (spoed.v1.EvaluationService).
class EvaluationService {
  public:
    EvaluationService(const EvaluationPlanner& planner, const EventOutbox& events)
        : planner_(planner), events_(events) {}

    Result<v1::PlanEvaluationResponse> PlanEvaluation(Call& call, const v1::PlanEvaluationRequest& req);
    Result<v1::GetEvaluationResponse> GetEvaluation(Call& call, const v1::GetEvaluationRequest& req);
    Result<v1::ListEvaluationsResponse> ListEvaluations(Call& call, const v1::ListEvaluationsRequest& req);
    Result<v1::UpdateEvaluationResponse> UpdateEvaluation(Call& call, const v1::UpdateEvaluationRequest& req);
    Result<v1::FinalizeEvaluationResponse> FinalizeEvaluation(Call& call, const v1::FinalizeEvaluationRequest& req);
    Result<v1::AddReviewCommentResponse> AddReviewComment(Call& call, const v1::AddReviewCommentRequest& req);
    Result<v1::CreateProposalResponse> CreateProposal(Call& call, const v1::CreateProposalRequest& req);
    Result<v1::SetProposalStatusResponse> SetProposalStatus(Call& call, const v1::SetProposalStatusRequest& req);
    Result<v1::ListProposalsResponse> ListProposals(Call& call, const v1::ListProposalsRequest& req);

  private:
    const EvaluationPlanner& planner_;
    const EventOutbox& events_;
};

/// The EVALUATION_PLANNED event for coordinators and workers.
v1::Event EvaluationPlannedEvent(std::int64_t case_id, std::int64_t evaluation_id, const Call& call);
/// The evaluation as the API shows it (`now` decides whether a planned one is overdue).
void ToProto(const db::EvaluationRecord& e, TimePoint now, v1::Evaluation* out);
/// The same with its review comments and the proposals it produced.
void FullProto(db::Tx& tx, const db::EvaluationRecord& e, TimePoint now, v1::Evaluation* out);

}  // namespace spoed::daemon::service
