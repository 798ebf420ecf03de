#include "daemon/api/access.hpp"

namespace spoed::daemon::api {
namespace {

namespace rpc = v1::rpc;

constexpr auto kWorker = v1::ROLE_CRISIS_WORKER;
constexpr auto kPsychiatrist = v1::ROLE_PSYCHIATRIST;
constexpr auto kCoordinator = v1::ROLE_COORDINATOR;
constexpr auto kAdmin = v1::ROLE_ADMIN;

// Who does what at night (DESIGN.md §1): workers log and look up, the psychiatrist reads and
// advises but never changes a case, coordinators manage; admins see no case content.
constexpr RoleSet kCare{kWorker, kPsychiatrist, kCoordinator};
constexpr RoleSet kOnDuty{kWorker, kCoordinator};
constexpr RoleSet kCoordinators{kCoordinator};

// Keep in step with the table in docs/api.md (tests/unit/api_access_test.cpp compares them).
const RpcRule kRules[] = {
    {rpc::AuthService::Login, "login", Access::kPublic, {}, true},
    {rpc::AuthService::Logout, "logout", Access::kAnyUser, {}, true},
    {rpc::AuthService::WhoAmI, "read", Access::kAnyUser, {}, true},
    {rpc::AuthService::ListMySessions, "read", Access::kAnyUser, {}, false},
    {rpc::AuthService::EndSession, "update", Access::kAnyUser, {}, true},
    {rpc::AuthService::ChangePassword, "update", Access::kAnyUser, {}, true},

    {rpc::AdminService::CreateUser, "create", Access::kRoles, {kAdmin}},
    {rpc::AdminService::ListUsers, "read", Access::kRoles, {kAdmin}},
    {rpc::AdminService::SetRoles, "update", Access::kRoles, {kAdmin}},
    {rpc::AdminService::DisableUser, "update", Access::kRoles, {kAdmin}},
    {rpc::AdminService::ResetPassword, "update", Access::kRoles, {kAdmin}},
    {rpc::AdminService::ListAuditEvents, "read", Access::kRoles, {kAdmin}},

    {rpc::YouthService::CreateYouth, "create", Access::kRoles, kOnDuty},
    {rpc::YouthService::UpdateYouth, "update", Access::kRoles, kOnDuty},
    {rpc::YouthService::GetYouth, "read", Access::kRoles, kCare},
    {rpc::YouthService::SearchYouths, "search", Access::kRoles, kCare},
    {rpc::YouthService::LookupCaller, "search", Access::kRoles, kCare},
    {rpc::YouthService::RecordConsent, "create", Access::kRoles, kOnDuty},
    {rpc::YouthService::WithdrawConsent, "update", Access::kRoles, kOnDuty},
    {rpc::YouthService::ListConsents, "read", Access::kRoles, kCare},
    {rpc::YouthService::CreatePreRegistration, "create", Access::kRoles, kCoordinators},
    {rpc::YouthService::UpdatePreRegistration, "update", Access::kRoles, kCoordinators},
    {rpc::YouthService::EndPreRegistration, "update", Access::kRoles, kCoordinators},

    {rpc::PlanService::AddPlanVersion, "create", Access::kRoles, kCoordinators},
    {rpc::PlanService::GetPlan, "read", Access::kRoles, kCare},
    {rpc::PlanService::ListPlanVersions, "read", Access::kRoles, kCare},
    {rpc::PlanService::BreakGlass, "break_the_glass", Access::kRoles, kCare},
    {rpc::PlanService::ListBreakGlassReviews, "read", Access::kRoles, kCoordinators},
    {rpc::PlanService::ReviewBreakGlass, "update", Access::kRoles, kCoordinators},

    {rpc::CaseService::OpenCase, "create", Access::kRoles, kOnDuty},
    {rpc::CaseService::LinkYouth, "update", Access::kRoles, kOnDuty},
    {rpc::CaseService::LogContact, "create", Access::kRoles, kOnDuty},
    {rpc::CaseService::UpdateCase, "update", Access::kRoles, kOnDuty},
    {rpc::CaseService::GetCase, "read", Access::kRoles, kCare},
    {rpc::CaseService::ListCases, "read", Access::kRoles, kCare},
    {rpc::CaseService::CloseCase, "update", Access::kRoles, kOnDuty},

    {rpc::ConsultService::RequestConsult, "create", Access::kRoles, kOnDuty},
    {rpc::ConsultService::ListConsults, "read", Access::kRoles, kCare},
    {rpc::ConsultService::AnswerConsult, "update", Access::kRoles, {kPsychiatrist}},

    // The Meldcode track: the team on duty records it; the psychiatrist and the
    // aandachtsfunctionaris (a coordinator) read it.
    {rpc::MeldcodeService::StartTrack, "create", Access::kRoles, kOnDuty},
    {rpc::MeldcodeService::UpdateTrack, "update", Access::kRoles, kOnDuty},
    {rpc::MeldcodeService::AddConsultation, "create", Access::kRoles, kOnDuty},
    {rpc::MeldcodeService::DecideTrack, "update", Access::kRoles, kOnDuty},
    {rpc::MeldcodeService::TransferTrack, "update", Access::kRoles, kOnDuty},
    {rpc::MeldcodeService::GetTrack, "read", Access::kRoles, kCare},
    {rpc::MeldcodeService::ListTracks, "read", Access::kRoles, kCare},

    {rpc::ShiftService::SetShift, "update", Access::kRoles, kOnDuty},
    {rpc::ShiftService::GetCurrentShift, "read", Access::kRoles, kCare},
    {rpc::ShiftService::AddShiftNote, "create", Access::kRoles, kOnDuty},
    {rpc::ShiftService::ListShiftNotes, "read", Access::kRoles, kCare},

    {rpc::HandoverService::PreviewDue, "read", Access::kRoles, kCare},
    {rpc::HandoverService::CreateHandover, "create", Access::kRoles, kOnDuty},
    {rpc::HandoverService::RecordStep, "update", Access::kRoles, kOnDuty},
    {rpc::HandoverService::Escalate, "update", Access::kRoles, kOnDuty},
    {rpc::HandoverService::ListHandovers, "read", Access::kRoles, kCare},

    {rpc::DirectoryService::SaveOrganisation, "update", Access::kRoles, {kCoordinator, kAdmin}},
    {rpc::DirectoryService::ListOrganisations, "read", Access::kRoles, RoleSet::All()},

    {rpc::AuthService::BeginTotpEnrollment, "update", Access::kAnyUser, {}, true},
    {rpc::AuthService::ConfirmTotpEnrollment, "update", Access::kAnyUser, {}, true},
    {rpc::AdminService::ListLoginLocks, "read", Access::kRoles, {kAdmin}},
    {rpc::AdminService::LiftLoginLock, "update", Access::kRoles, {kAdmin}},
    {rpc::AdminService::ResetTotp, "update", Access::kRoles, {kAdmin}},
    // The learning loop: coordinators plan, edit, review and finalise evaluations and own the
    // proposals and figures; everyone in care may read evaluations and proposals to learn.
    {rpc::EvaluationService::PlanEvaluation, "create", Access::kRoles, kCoordinators},
    {rpc::EvaluationService::GetEvaluation, "read", Access::kRoles, kCare},
    {rpc::EvaluationService::ListEvaluations, "read", Access::kRoles, kCare},
    {rpc::EvaluationService::UpdateEvaluation, "update", Access::kRoles, kCoordinators},
    {rpc::EvaluationService::FinalizeEvaluation, "update", Access::kRoles, kCoordinators},
    {rpc::EvaluationService::AddReviewComment, "create", Access::kRoles, kCoordinators},
    {rpc::EvaluationService::CreateProposal, "create", Access::kRoles, kCoordinators},
    {rpc::EvaluationService::SetProposalStatus, "update", Access::kRoles, kCoordinators},
    {rpc::EvaluationService::ListProposals, "read", Access::kRoles, kCare},

    {rpc::StatsService::GetFigures, "read", Access::kRoles, kCoordinators},
    {rpc::StatsService::SetPeriodNote, "update", Access::kRoles, kCoordinators},
    {rpc::StatsService::ExportRecords, "export", Access::kRoles, kCoordinators},
    {rpc::StatsService::GetAggregate, "export", Access::kRoles, kCoordinators},

    // The rights of the youth and the parents: coordinators answer the requests.
    {rpc::YouthService::AddStatement, "create", Access::kRoles, kCoordinators},
    {rpc::RecordService::ExportYouthRecord, "export", Access::kRoles, kCoordinators},
    {rpc::RecordService::RecordDestructionRequest, "delete", Access::kRoles, kCoordinators},
    {rpc::RecordService::ListDestructionRequests, "read", Access::kRoles, kCoordinators},

    // The offline copy: for whoever reads plans at night, and only what they may read online.
    {rpc::OfflineService::SyncOfflineSet, "read", Access::kRoles, {kWorker, kPsychiatrist}},
    {rpc::OfflineService::UploadOfflineReads, "create", Access::kRoles, {kWorker, kPsychiatrist}},
};

// A session of a psychiatrist or admin without its second factor can only get one.
constexpr v1::rpc::MethodName kWhileEnrolling[] = {rpc::AuthService::Logout,
                                                   rpc::AuthService::WhoAmI,
                                                   rpc::AuthService::EndSession,
                                                   rpc::AuthService::ChangePassword,
                                                   rpc::AuthService::BeginTotpEnrollment,
                                                   rpc::AuthService::ConfirmTotpEnrollment};
// Opened with a second factor, whoever calls.
constexpr v1::rpc::MethodName kSecondFactorOnly[] = {rpc::AdminService::ListAuditEvents};

}  // namespace

std::span<const RpcRule> RpcRules() { return kRules; }

const RpcRule* FindRule(std::string_view service, std::string_view method) {
    for (const auto& r : kRules) {
        if (r.service == service && r.method == method) return &r;
    }
    return nullptr;
}

bool AllowedWhileEnrolling(const RpcRule& rule) {
    for (const auto& m : kWhileEnrolling) {
        if (rule.service == m.service && rule.method == m.method) return true;
    }
    return false;
}

bool NeedsSecondFactor(const RpcRule& rule) {
    for (const auto& m : kSecondFactorOnly) {
        if (rule.service == m.service && rule.method == m.method) return true;
    }
    return false;
}

std::vector<std::string> AllowedMethods(RoleSet roles) {
    std::vector<std::string> out;
    for (const auto& rule : RpcRules()) {
        if (Allows(rule, roles)) out.push_back(std::string(rule.service) + "/" + std::string(rule.method));
    }
    return out;
}

bool Allows(const RpcRule& rule, RoleSet roles) {
    switch (rule.access) {
        case Access::kPublic:
        case Access::kAnyUser:
            return true;
        case Access::kRoles:
            return rule.roles.Intersects(roles);
    }
    return false;
}

}  // namespace spoed::daemon::api
