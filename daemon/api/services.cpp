#include "daemon/api/services.hpp"

#include "daemon/api/access.hpp"

namespace spoed::daemon::api {
namespace {

/// A handler whose answer names its user (`user()`) and lists what that user's roles may call.
template <typename Req, typename Resp>
Router::Handler<Req, Resp> WithAllowedMethods(service::AuthService& auth,
                                              Result<Resp> (service::AuthService::*fn)(service::Call&, const Req&)) {
    return [&auth, fn](service::Call& call, const Req& req) -> Result<Resp> {
        auto resp = (auth.*fn)(call, req);
        if (resp.ok()) {
            service::RoleSet roles;
            for (int r : resp->user().roles()) roles.Add(static_cast<service::Role>(r));
            for (auto& m : AllowedMethods(roles)) resp->add_allowed_methods(std::move(m));
        }
        return resp;
    };
}

}  // namespace

void RegisterServices(Router& router, const Services& s) {
    using service::AdminService;
    using service::AuthService;
    constexpr std::string_view kAuth = "spoed.v1.AuthService";
    // Login and WhoAmI also say what the user may do, from the role table that lives here. (`s`
    // itself is gone after registration: the handlers keep the services it refers to.)
    router.Add<v1::LoginRequest, v1::LoginResponse>(kAuth, "Login", WithAllowedMethods(s.auth, &AuthService::Login));
    router.Bind(kAuth, "Logout", s.auth, &AuthService::Logout);
    router.Add<v1::WhoAmIRequest, v1::WhoAmIResponse>(kAuth, "WhoAmI",
                                                      WithAllowedMethods(s.auth, &AuthService::WhoAmI));
    router.Bind(kAuth, "ListMySessions", s.auth, &AuthService::ListMySessions);
    router.Bind(kAuth, "EndSession", s.auth, &AuthService::EndSession);
    router.Bind(kAuth, "ChangePassword", s.auth, &AuthService::ChangePassword);

    constexpr std::string_view kAdmin = "spoed.v1.AdminService";
    router.Bind(kAdmin, "CreateUser", s.admin, &AdminService::CreateUser);
    router.Bind(kAdmin, "ListUsers", s.admin, &AdminService::ListUsers);
    router.Bind(kAdmin, "SetRoles", s.admin, &AdminService::SetRoles);
    router.Bind(kAdmin, "DisableUser", s.admin, &AdminService::DisableUser);
    router.Bind(kAdmin, "ResetPassword", s.admin, &AdminService::ResetPassword);
    router.Bind(kAdmin, "ListAuditEvents", s.admin, &AdminService::ListAuditEvents);

    using service::CaseService;
    using service::ConsultService;
    using service::PlanService;
    using service::ShiftService;
    using service::YouthService;
    constexpr std::string_view kYouth = "spoed.v1.YouthService";
    router.Bind(kYouth, "CreateYouth", s.youth, &YouthService::CreateYouth);
    router.Bind(kYouth, "UpdateYouth", s.youth, &YouthService::UpdateYouth);
    router.Bind(kYouth, "GetYouth", s.youth, &YouthService::GetYouth);
    router.Bind(kYouth, "SearchYouths", s.youth, &YouthService::SearchYouths);
    router.Bind(kYouth, "LookupCaller", s.youth, &YouthService::LookupCaller);
    router.Bind(kYouth, "RecordConsent", s.youth, &YouthService::RecordConsent);
    router.Bind(kYouth, "WithdrawConsent", s.youth, &YouthService::WithdrawConsent);
    router.Bind(kYouth, "ListConsents", s.youth, &YouthService::ListConsents);
    router.Bind(kYouth, "CreatePreRegistration", s.youth, &YouthService::CreatePreRegistration);
    router.Bind(kYouth, "UpdatePreRegistration", s.youth, &YouthService::UpdatePreRegistration);
    router.Bind(kYouth, "EndPreRegistration", s.youth, &YouthService::EndPreRegistration);

    constexpr std::string_view kPlan = "spoed.v1.PlanService";
    router.Bind(kPlan, "AddPlanVersion", s.plan, &PlanService::AddPlanVersion);
    router.Bind(kPlan, "GetPlan", s.plan, &PlanService::GetPlan);
    router.Bind(kPlan, "ListPlanVersions", s.plan, &PlanService::ListPlanVersions);
    router.Bind(kPlan, "BreakGlass", s.plan, &PlanService::BreakGlass);
    router.Bind(kPlan, "ListBreakGlassReviews", s.plan, &PlanService::ListBreakGlassReviews);
    router.Bind(kPlan, "ReviewBreakGlass", s.plan, &PlanService::ReviewBreakGlass);

    constexpr std::string_view kCase = "spoed.v1.CaseService";
    router.Bind(kCase, "OpenCase", s.cases, &CaseService::OpenCase);
    router.Bind(kCase, "LinkYouth", s.cases, &CaseService::LinkYouth);
    router.Bind(kCase, "LogContact", s.cases, &CaseService::LogContact);
    router.Bind(kCase, "UpdateCase", s.cases, &CaseService::UpdateCase);
    router.Bind(kCase, "GetCase", s.cases, &CaseService::GetCase);
    router.Bind(kCase, "ListCases", s.cases, &CaseService::ListCases);
    router.Bind(kCase, "CloseCase", s.cases, &CaseService::CloseCase);

    constexpr std::string_view kConsult = "spoed.v1.ConsultService";
    router.Bind(kConsult, "RequestConsult", s.consult, &ConsultService::RequestConsult);
    router.Bind(kConsult, "ListConsults", s.consult, &ConsultService::ListConsults);
    router.Bind(kConsult, "AnswerConsult", s.consult, &ConsultService::AnswerConsult);

    using service::MeldcodeService;
    constexpr std::string_view kMeldcode = "spoed.v1.MeldcodeService";
    router.Bind(kMeldcode, "StartTrack", s.meldcode, &MeldcodeService::StartTrack);
    router.Bind(kMeldcode, "UpdateTrack", s.meldcode, &MeldcodeService::UpdateTrack);
    router.Bind(kMeldcode, "AddConsultation", s.meldcode, &MeldcodeService::AddConsultation);
    router.Bind(kMeldcode, "DecideTrack", s.meldcode, &MeldcodeService::DecideTrack);
    router.Bind(kMeldcode, "TransferTrack", s.meldcode, &MeldcodeService::TransferTrack);
    router.Bind(kMeldcode, "GetTrack", s.meldcode, &MeldcodeService::GetTrack);
    router.Bind(kMeldcode, "ListTracks", s.meldcode, &MeldcodeService::ListTracks);

    constexpr std::string_view kShift = "spoed.v1.ShiftService";
    router.Bind(kShift, "SetShift", s.shift, &ShiftService::SetShift);
    router.Bind(kShift, "GetCurrentShift", s.shift, &ShiftService::GetCurrentShift);
    router.Bind(kShift, "AddShiftNote", s.shift, &ShiftService::AddShiftNote);
    router.Bind(kShift, "ListShiftNotes", s.shift, &ShiftService::ListShiftNotes);

    using service::DirectoryService;
    using service::HandoverService;
    constexpr std::string_view kHandover = "spoed.v1.HandoverService";
    router.Bind(kHandover, "PreviewDue", s.handover, &HandoverService::PreviewDue);
    router.Bind(kHandover, "CreateHandover", s.handover, &HandoverService::CreateHandover);
    router.Bind(kHandover, "RecordStep", s.handover, &HandoverService::RecordStep);
    router.Bind(kHandover, "Escalate", s.handover, &HandoverService::Escalate);
    router.Bind(kHandover, "ListHandovers", s.handover, &HandoverService::ListHandovers);
    constexpr std::string_view kDirectory = "spoed.v1.DirectoryService";
    router.Bind(kDirectory, "SaveOrganisation", s.directory, &DirectoryService::SaveOrganisation);
    router.Bind(kDirectory, "ListOrganisations", s.directory, &DirectoryService::ListOrganisations);

    router.Bind(kAuth, "BeginTotpEnrollment", s.auth, &AuthService::BeginTotpEnrollment);
    router.Bind(kAuth, "ConfirmTotpEnrollment", s.auth, &AuthService::ConfirmTotpEnrollment);
    router.Bind(kAdmin, "ListLoginLocks", s.auth, &AuthService::ListLoginLocks);
    router.Bind(kAdmin, "LiftLoginLock", s.auth, &AuthService::LiftLoginLock);
    router.Bind(kAdmin, "ResetTotp", s.auth, &AuthService::ResetTotp);
    using service::EvaluationService;
    using service::StatsService;
    constexpr std::string_view kEvaluation = "spoed.v1.EvaluationService";
    router.Bind(kEvaluation, "PlanEvaluation", s.evaluation, &EvaluationService::PlanEvaluation);
    router.Bind(kEvaluation, "GetEvaluation", s.evaluation, &EvaluationService::GetEvaluation);
    router.Bind(kEvaluation, "ListEvaluations", s.evaluation, &EvaluationService::ListEvaluations);
    router.Bind(kEvaluation, "UpdateEvaluation", s.evaluation, &EvaluationService::UpdateEvaluation);
    router.Bind(kEvaluation, "FinalizeEvaluation", s.evaluation, &EvaluationService::FinalizeEvaluation);
    router.Bind(kEvaluation, "AddReviewComment", s.evaluation, &EvaluationService::AddReviewComment);
    router.Bind(kEvaluation, "CreateProposal", s.evaluation, &EvaluationService::CreateProposal);
    router.Bind(kEvaluation, "SetProposalStatus", s.evaluation, &EvaluationService::SetProposalStatus);
    router.Bind(kEvaluation, "ListProposals", s.evaluation, &EvaluationService::ListProposals);
    constexpr std::string_view kStats = "spoed.v1.StatsService";
    router.Bind(kStats, "GetFigures", s.stats, &StatsService::GetFigures);
    router.Bind(kStats, "SetPeriodNote", s.stats, &StatsService::SetPeriodNote);
    router.Bind(kStats, "ExportRecords", s.stats, &StatsService::ExportRecords);
    router.Bind(kStats, "GetAggregate", s.stats, &StatsService::GetAggregate);

    router.Bind(kYouth, "AddStatement", s.youth, &YouthService::AddStatement);
    using service::RecordService;
    constexpr std::string_view kRecord = "spoed.v1.RecordService";
    router.Bind(kRecord, "ExportYouthRecord", s.record, &RecordService::ExportYouthRecord);
    router.Bind(kRecord, "RecordDestructionRequest", s.record, &RecordService::RecordDestructionRequest);
    router.Bind(kRecord, "ListDestructionRequests", s.record, &RecordService::ListDestructionRequests);

    router.CheckComplete();
}

}  // namespace spoed::daemon::api
