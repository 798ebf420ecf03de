#pragma once

#include "daemon/service/call.hpp"
#include "spoed/v1/stats.pb.h"

namespace spoed::daemon::service {

struct StatsPolicy {
    db::ComplexityRules rules;  // the same rules that plan evaluations
    int night_cutoff_hour = 6;
    int suppression_threshold = 5;  // the aggregate for chain partners hides counts below this
};

/// Figures, period notes and exports (spoed.v1.StatsService). Every figure is an SQL
/// aggregate in db::StatsRepo; this class chooses the periods and builds the shares.
class StatsService {
  public:
    explicit StatsService(StatsPolicy policy) : policy_(std::move(policy)) {}

    Result<v1::GetFiguresResponse> GetFigures(Call& call, const v1::GetFiguresRequest& req);
    Result<v1::SetPeriodNoteResponse> SetPeriodNote(Call& call, const v1::SetPeriodNoteRequest& req);
    Result<v1::ExportRecordsResponse> ExportRecords(Call& call, const v1::ExportRecordsRequest& req);
    Result<v1::GetAggregateResponse> GetAggregate(Call& call, const v1::GetAggregateRequest& req);

  private:
    StatsPolicy policy_;
};

/// Flattens figures into rows and suppresses every count below `threshold` — and, within a
/// set of categories that adds up to a published total, the next smallest one when only one
/// was suppressed, so that it cannot be worked out by subtraction.
v1::GetAggregateResponse MakeAggregate(const v1::GetFiguresResponse& figures, int threshold);

}  // namespace spoed::daemon::service
