#pragma once

#include <chrono>

#include "daemon/service/auth_service.hpp"
#include "daemon/service/call.hpp"
#include "daemon/service/events.hpp"
#include "spoed/v1/plan.pb.h"

namespace spoed::daemon::service {

struct PlanPolicy {
    std::chrono::minutes break_glass_window{120};
};

/// Safety plans and break-the-glass (spoed.v1.PlanService).
class PlanService {
  public:
    /// `auth` re-authenticates the caller (password, and the second factor when they have one)
    /// before break-the-glass.
    PlanService(PlanPolicy policy, const EventOutbox& events, AuthService& auth)
        : policy_(policy), events_(events), auth_(auth) {}

    Result<v1::AddPlanVersionResponse> AddPlanVersion(Call& call, const v1::AddPlanVersionRequest& req);
    Result<v1::GetPlanResponse> GetPlan(Call& call, const v1::GetPlanRequest& req);
    Result<v1::ListPlanVersionsResponse> ListPlanVersions(Call& call, const v1::ListPlanVersionsRequest& req);
    Result<v1::BreakGlassResponse> BreakGlass(Call& call, const v1::BreakGlassRequest& req);
    Result<v1::ListBreakGlassReviewsResponse> ListBreakGlassReviews(Call& call,
                                                                    const v1::ListBreakGlassReviewsRequest& req);
    Result<v1::ReviewBreakGlassResponse> ReviewBreakGlass(Call& call, const v1::ReviewBreakGlassRequest& req);

  private:
    PlanPolicy policy_;
    const EventOutbox& events_;
    AuthService& auth_;
};

/// How the caller may read a youth's plan right now: "consent" (a valid pre_registration
/// consent), "break_the_glass" (an open window of theirs, returned in `window`), or
/// permission_denied explaining that break-the-glass is the way.
Result<std::string> PlanAccess(db::Tx& tx, const Call& call, std::int64_t youth_id,
                               std::optional<db::BreakGlassRecord>* window = nullptr);
void ToProto(const db::PlanVersionRecord& r, v1::PlanVersion* out);

}  // namespace spoed::daemon::service
