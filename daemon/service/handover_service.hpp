#pragma once

#include "daemon/service/calendar.hpp"
#include "daemon/service/call.hpp"
#include "daemon/service/events.hpp"
#include "spoed/v1/handover.pb.h"

namespace spoed::daemon::service {

/// Warm handovers (spoed.v1.HandoverService): due by the next working day, informing only
/// with the matching consent or a recorded legal ground, done only when confirmed.
class HandoverService {
  public:
    HandoverService(const WorkingDayCalendar& calendar, const EventOutbox& events)
        : calendar_(calendar), events_(events) {}

    Result<v1::PreviewDueResponse> PreviewDue(Call& call, const v1::PreviewDueRequest& req);
    Result<v1::CreateHandoverResponse> CreateHandover(Call& call, const v1::CreateHandoverRequest& req);
    Result<v1::RecordStepResponse> RecordStep(Call& call, const v1::RecordStepRequest& req);
    Result<v1::EscalateResponse> Escalate(Call& call, const v1::EscalateRequest& req);
    Result<v1::ListHandoversResponse> ListHandovers(Call& call, const v1::ListHandoversRequest& req);

  private:
    const WorkingDayCalendar& calendar_;
    const EventOutbox& events_;
};

/// The partner directory (spoed.v1.DirectoryService).
class DirectoryService {
  public:
    Result<v1::SaveOrganisationResponse> SaveOrganisation(Call& call, const v1::SaveOrganisationRequest& req);
    Result<v1::ListOrganisationsResponse> ListOrganisations(Call& call, const v1::ListOrganisationsRequest& req);
};

/// Refuses to close a case while one of its handovers is not confirmed, naming it.
Status CheckHandoversConfirmed(db::Tx& tx, std::int64_t case_id);

/// The consent scope that allows a handover of this kind ("inform_local_team" for the local
/// team, "dossier_access" for the others).
std::string_view ConsentScopeFor(std::string_view handover_kind);
void ToProto(const db::OrganisationRecord& o, v1::Organisation* out);
void ToProto(const db::HandoverRecord& h, TimePoint now, const WorkingDayCalendar& calendar, v1::Handover* out);

}  // namespace spoed::daemon::service
