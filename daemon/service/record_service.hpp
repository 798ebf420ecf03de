#pragma once

#include <string>

#include "daemon/service/calendar.hpp"
#include "daemon/service/call.hpp"
#include "spoed/v1/record.pb.h"

namespace spoed::daemon::service {

/// The rights of the youth and the parents (spoed.v1.RecordService): the inzage export.
class RecordService {
  public:
    explicit RecordService(const WorkingDayCalendar& calendar) : calendar_(calendar) {}

    Result<v1::ExportYouthRecordResponse> ExportYouthRecord(Call& call, const v1::ExportYouthRecordRequest& req);
    Result<v1::RecordDestructionRequestResponse> RecordDestructionRequest(
        Call& call, const v1::RecordDestructionRequestRequest& req);
    Result<v1::ListDestructionRequestsResponse> ListDestructionRequests(Call& call,
                                                                        const v1::ListDestructionRequestsRequest& req);

  private:
    const WorkingDayCalendar& calendar_;
};

/// The record as one readable Dutch HTML document: every field of every item, times in
/// Europe/Amsterdam, all text escaped.
std::string RecordHtml(const v1::YouthRecordExport& record);

}  // namespace spoed::daemon::service
