#include "daemon/api/access.hpp"

namespace spoed::daemon::api {
namespace {

constexpr auto kWorker = v1::ROLE_CRISIS_WORKER;
constexpr auto kPsychiatrist = v1::ROLE_PSYCHIATRIST;
constexpr auto kCoordinator = v1::ROLE_COORDINATOR;
constexpr auto kAdmin = v1::ROLE_ADMIN;

constexpr std::string_view kAuth = "spoed.v1.AuthService";
constexpr std::string_view kAdminSvc = "spoed.v1.AdminService";
constexpr std::string_view kYouth = "spoed.v1.YouthService";
constexpr std::string_view kPlan = "spoed.v1.PlanService";
constexpr std::string_view kCase = "spoed.v1.CaseService";
constexpr std::string_view kConsult = "spoed.v1.ConsultService";
constexpr std::string_view kMeldcode = "spoed.v1.MeldcodeService";
constexpr std::string_view kRecord = "spoed.v1.RecordService";
constexpr std::string_view kShift = "spoed.v1.ShiftService";
constexpr std::string_view kHandover = "spoed.v1.HandoverService";
constexpr std::string_view kDirectory = "spoed.v1.DirectoryService";
constexpr std::string_view kEvaluation = "spoed.v1.EvaluationService";
constexpr std::string_view kStats = "spoed.v1.StatsService";

// Who does what at night (DESIGN.md §1): workers log and look up, the psychiatrist reads and
// advises but never changes a case, coordinators manage; admins see no case content.
constexpr RoleSet kCare{kWorker, kPsychiatrist, kCoordinator};
constexpr RoleSet kOnDuty{kWorker, kCoordinator};
constexpr RoleSet kCoordinators{kCoordinator};

// Keep in step with the table in docs/api.md (tests/unit/api_access_test.cpp compares them).
const RpcRule kRules[] = {
    {kAuth, "Login", "login", Access::kPublic, {}, true},
    {kAuth, "Logout", "logout", Access::kAnyUser, {}, true},
    {kAuth, "WhoAmI", "read", Access::kAnyUser, {}, true},
    {kAuth, "ListMySessions", "read", Access::kAnyUser, {}, false},
    {kAuth, "EndSession", "update", Access::kAnyUser, {}, true},
    {kAuth, "ChangePassword", "update", Access::kAnyUser, {}, true},

    {kAdminSvc, "CreateUser", "create", Access::kRoles, {kAdmin}},
    {kAdminSvc, "ListUsers", "read", Access::kRoles, {kAdmin}},
    {kAdminSvc, "SetRoles", "update", Access::kRoles, {kAdmin}},
    {kAdminSvc, "DisableUser", "update", Access::kRoles, {kAdmin}},
    {kAdminSvc, "ResetPassword", "update", Access::kRoles, {kAdmin}},
    {kAdminSvc, "ListAuditEvents", "read", Access::kRoles, {kAdmin}},

    {kYouth, "CreateYouth", "create", Access::kRoles, kOnDuty},
    {kYouth, "UpdateYouth", "update", Access::kRoles, kOnDuty},
    {kYouth, "GetYouth", "read", Access::kRoles, kCare},
    {kYouth, "SearchYouths", "search", Access::kRoles, kCare},
    {kYouth, "LookupCaller", "search", Access::kRoles, kCare},
    {kYouth, "RecordConsent", "create", Access::kRoles, kOnDuty},
    {kYouth, "WithdrawConsent", "update", Access::kRoles, kOnDuty},
    {kYouth, "ListConsents", "read", Access::kRoles, kCare},
    {kYouth, "CreatePreRegistration", "create", Access::kRoles, kCoordinators},
    {kYouth, "UpdatePreRegistration", "update", Access::kRoles, kCoordinators},
    {kYouth, "EndPreRegistration", "update", Access::kRoles, kCoordinators},

    {kPlan, "AddPlanVersion", "create", Access::kRoles, kCoordinators},
    {kPlan, "GetPlan", "read", Access::kRoles, kCare},
    {kPlan, "ListPlanVersions", "read", Access::kRoles, kCare},
    {kPlan, "BreakGlass", "break_the_glass", Access::kRoles, kCare},
    {kPlan, "ListBreakGlassReviews", "read", Access::kRoles, kCoordinators},
    {kPlan, "ReviewBreakGlass", "update", Access::kRoles, kCoordinators},

    {kCase, "OpenCase", "create", Access::kRoles, kOnDuty},
    {kCase, "LinkYouth", "update", Access::kRoles, kOnDuty},
    {kCase, "LogContact", "create", Access::kRoles, kOnDuty},
    {kCase, "UpdateCase", "update", Access::kRoles, kOnDuty},
    {kCase, "GetCase", "read", Access::kRoles, kCare},
    {kCase, "ListCases", "read", Access::kRoles, kCare},
    {kCase, "CloseCase", "update", Access::kRoles, kOnDuty},

    {kConsult, "RequestConsult", "create", Access::kRoles, kOnDuty},
    {kConsult, "ListConsults", "read", Access::kRoles, kCare},
    {kConsult, "AnswerConsult", "update", Access::kRoles, {kPsychiatrist}},

    // The Meldcode track: the team on duty records it; the psychiatrist and the
    // aandachtsfunctionaris (a coordinator) read it.
    {kMeldcode, "StartTrack", "create", Access::kRoles, kOnDuty},
    {kMeldcode, "UpdateTrack", "update", Access::kRoles, kOnDuty},
    {kMeldcode, "AddConsultation", "create", Access::kRoles, kOnDuty},
    {kMeldcode, "DecideTrack", "update", Access::kRoles, kOnDuty},
    {kMeldcode, "TransferTrack", "update", Access::kRoles, kOnDuty},
    {kMeldcode, "GetTrack", "read", Access::kRoles, kCare},
    {kMeldcode, "ListTracks", "read", Access::kRoles, kCare},

    {kShift, "SetShift", "update", Access::kRoles, kOnDuty},
    {kShift, "GetCurrentShift", "read", Access::kRoles, kCare},
    {kShift, "AddShiftNote", "create", Access::kRoles, kOnDuty},
    {kShift, "ListShiftNotes", "read", Access::kRoles, kCare},

    {kHandover, "PreviewDue", "read", Access::kRoles, kCare},
    {kHandover, "CreateHandover", "create", Access::kRoles, kOnDuty},
    {kHandover, "RecordStep", "update", Access::kRoles, kOnDuty},
    {kHandover, "Escalate", "update", Access::kRoles, kOnDuty},
    {kHandover, "ListHandovers", "read", Access::kRoles, kCare},

    {kDirectory, "SaveOrganisation", "update", Access::kRoles, {kCoordinator, kAdmin}},
    {kDirectory, "ListOrganisations", "read", Access::kRoles, RoleSet::All()},

    {kAuth, "BeginTotpEnrollment", "update", Access::kAnyUser, {}, true},
    {kAuth, "ConfirmTotpEnrollment", "update", Access::kAnyUser, {}, true},
    {kAdminSvc, "ListLoginLocks", "read", Access::kRoles, {kAdmin}},
    {kAdminSvc, "LiftLoginLock", "update", Access::kRoles, {kAdmin}},
    {kAdminSvc, "ResetTotp", "update", Access::kRoles, {kAdmin}},
    // The learning loop: coordinators plan, edit, review and finalise evaluations and own the
    // proposals and figures; everyone in care may read evaluations and proposals to learn.
    {kEvaluation, "PlanEvaluation", "create", Access::kRoles, kCoordinators},
    {kEvaluation, "GetEvaluation", "read", Access::kRoles, kCare},
    {kEvaluation, "ListEvaluations", "read", Access::kRoles, kCare},
    {kEvaluation, "UpdateEvaluation", "update", Access::kRoles, kCoordinators},
    {kEvaluation, "FinalizeEvaluation", "update", Access::kRoles, kCoordinators},
    {kEvaluation, "AddReviewComment", "create", Access::kRoles, kCoordinators},
    {kEvaluation, "CreateProposal", "create", Access::kRoles, kCoordinators},
    {kEvaluation, "SetProposalStatus", "update", Access::kRoles, kCoordinators},
    {kEvaluation, "ListProposals", "read", Access::kRoles, kCare},

    {kStats, "GetFigures", "read", Access::kRoles, kCoordinators},
    {kStats, "SetPeriodNote", "update", Access::kRoles, kCoordinators},
    {kStats, "ExportRecords", "export", Access::kRoles, kCoordinators},
    {kStats, "GetAggregate", "export", Access::kRoles, kCoordinators},

    // The rights of the youth and the parents: coordinators answer the requests.
    {kYouth, "AddStatement", "create", Access::kRoles, kCoordinators},
    {kRecord, "ExportYouthRecord", "export", Access::kRoles, kCoordinators},
    {kRecord, "RecordDestructionRequest", "delete", Access::kRoles, kCoordinators},
    {kRecord, "ListDestructionRequests", "read", Access::kRoles, kCoordinators},
};

// A session of a psychiatrist or admin without its second factor can only get one.
constexpr std::string_view kWhileEnrolling[] = {
    "Logout", "WhoAmI", "EndSession", "ChangePassword", "BeginTotpEnrollment", "ConfirmTotpEnrollment"};
// Opened with a second factor, whoever calls.
constexpr std::string_view kSecondFactorOnly[] = {"ListAuditEvents"};

}  // namespace

std::span<const RpcRule> RpcRules() { return kRules; }

const RpcRule* FindRule(std::string_view service, std::string_view method) {
    for (const auto& r : kRules) {
        if (r.service == service && r.method == method) return &r;
    }
    return nullptr;
}

bool AllowedWhileEnrolling(const RpcRule& rule) {
    if (rule.service != kAuth) return false;
    for (auto m : kWhileEnrolling) {
        if (rule.method == m) return true;
    }
    return false;
}

bool NeedsSecondFactor(const RpcRule& rule) {
    for (auto m : kSecondFactorOnly) {
        if (rule.method == m && rule.service == kAdminSvc) return true;
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
