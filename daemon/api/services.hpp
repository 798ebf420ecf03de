#pragma once

#include "daemon/api/router.hpp"
#include "daemon/service/admin_service.hpp"
#include "daemon/service/auth_service.hpp"
#include "daemon/service/case_service.hpp"
#include "daemon/service/evaluation_service.hpp"
#include "daemon/service/handover_service.hpp"
#include "daemon/service/meldcode_service.hpp"
#include "daemon/service/offline_set_service.hpp"
#include "daemon/service/plan_service.hpp"
#include "daemon/service/record_service.hpp"
#include "daemon/service/shift_service.hpp"
#include "daemon/service/stats_service.hpp"
#include "daemon/service/youth_service.hpp"

namespace spoed::daemon::api {

/// The services behind the API; each later capability adds its own here.
struct Services {
    service::AuthService& auth;
    service::AdminService& admin;
    service::YouthService& youth;
    service::PlanService& plan;
    service::CaseService& cases;
    service::ConsultService& consult;
    service::MeldcodeService& meldcode;
    service::ShiftService& shift;
    service::HandoverService& handover;
    service::DirectoryService& directory;
    service::EvaluationService& evaluation;
    service::StatsService& stats;
    service::RecordService& record;
    service::OfflineSetService& offline;
};

/// Registers every RPC of every service with the router, then checks the role × RPC table is
/// covered. Throws std::logic_error on a mismatch (a start-up bug).
void RegisterServices(Router& router, const Services& services);

}  // namespace spoed::daemon::api
