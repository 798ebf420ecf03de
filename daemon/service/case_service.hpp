#pragma once

#include "daemon/service/call.hpp"
#include "daemon/service/events.hpp"
#include "spoed/v1/case.pb.h"

namespace spoed::daemon::service {

class EvaluationPlanner;

/// Cases and their contacts (spoed.v1.CaseService).
class CaseService {
  public:
    explicit CaseService(const EventOutbox& events) : events_(events) {}
    /// With a planner, closing a complex case plans its evaluation in the same transaction.
    CaseService(const EventOutbox& events, const EvaluationPlanner& planner) : events_(events), planner_(&planner) {}

    Result<v1::OpenCaseResponse> OpenCase(Call& call, const v1::OpenCaseRequest& req);
    Result<v1::LinkYouthResponse> LinkYouth(Call& call, const v1::LinkYouthRequest& req);
    Result<v1::LogContactResponse> LogContact(Call& call, const v1::LogContactRequest& req);
    Result<v1::UpdateCaseResponse> UpdateCase(Call& call, const v1::UpdateCaseRequest& req);
    Result<v1::GetCaseResponse> GetCase(Call& call, const v1::GetCaseRequest& req);
    Result<v1::ListCasesResponse> ListCases(Call& call, const v1::ListCasesRequest& req);
    Result<v1::CloseCaseResponse> CloseCase(Call& call, const v1::CloseCaseRequest& req);

  private:
    const EventOutbox& events_;
    const EvaluationPlanner* planner_ = nullptr;
};

/// Consults with the backup psychiatrist (spoed.v1.ConsultService).
class ConsultService {
  public:
    explicit ConsultService(const EventOutbox& events) : events_(events) {}

    Result<v1::RequestConsultResponse> RequestConsult(Call& call, const v1::RequestConsultRequest& req);
    Result<v1::ListConsultsResponse> ListConsults(Call& call, const v1::ListConsultsRequest& req);
    Result<v1::AnswerConsultResponse> AnswerConsult(Call& call, const v1::AnswerConsultRequest& req);

  private:
    const EventOutbox& events_;
};

/// The case or not_found; records the youth in the call's audit line.
Result<db::CaseRecord> FindCase(db::Tx& tx, Call& call, std::int64_t case_id);
void ToProto(const db::CaseRecord& c, v1::Case* out);
/// A line on the case's timeline, by the caller, at `at` (default: now).
void AddCaseEvent(db::Tx& tx, Call& call, std::int64_t case_id, std::string kind, std::string text,
                  std::optional<TimePoint> at = std::nullopt);
void ToProto(const db::ConsultRecord& c, v1::Consult* out);
void ToProto(const db::ContactRecord& c, v1::Contact* out);

}  // namespace spoed::daemon::service
