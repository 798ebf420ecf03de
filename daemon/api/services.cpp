#include "daemon/api/services.hpp"

#include "daemon/api/access.hpp"

namespace spoed::daemon::api {
namespace {

namespace rpc = v1::rpc;

/// A handler whose answer names its user (`user()`) and lists what that user's roles may call.
template <typename Service, typename Req, typename Resp>
Router::Handler<Req, Resp> WithAllowedMethods(Service& service,
                                              Result<Resp> (Service::*fn)(service::Call&, const Req&)) {
    return [&service, fn](service::Call& call, const Req& req) -> Result<Resp> {
        auto resp = (service.*fn)(call, req);
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
    // Login and WhoAmI also say what the user may do, from the role table that lives here. (`s`
    // itself is gone after registration: the handlers keep the services it refers to.)
    router.Add(rpc::AuthService::Login, WithAllowedMethods(s.auth, &AuthService::Login));
    router.Bind(rpc::AuthService::Logout, s.auth, &AuthService::Logout);
    router.Add(rpc::AuthService::WhoAmI, WithAllowedMethods(s.auth, &AuthService::WhoAmI));
    router.Bind(rpc::AuthService::ListMySessions, s.auth, &AuthService::ListMySessions);
    router.Bind(rpc::AuthService::EndSession, s.auth, &AuthService::EndSession);
    router.Bind(rpc::AuthService::ChangePassword, s.auth, &AuthService::ChangePassword);

    router.Bind(rpc::AdminService::CreateUser, s.admin, &AdminService::CreateUser);
    router.Bind(rpc::AdminService::ListUsers, s.admin, &AdminService::ListUsers);
    router.Bind(rpc::AdminService::SetRoles, s.admin, &AdminService::SetRoles);
    router.Bind(rpc::AdminService::DisableUser, s.admin, &AdminService::DisableUser);
    router.Bind(rpc::AdminService::ResetPassword, s.admin, &AdminService::ResetPassword);
    router.Bind(rpc::AdminService::ListAuditEvents, s.admin, &AdminService::ListAuditEvents);

    using service::CaseService;
    using service::ConsultService;
    using service::PlanService;
    using service::ShiftService;
    using service::YouthService;
    router.Bind(rpc::YouthService::CreateYouth, s.youth, &YouthService::CreateYouth);
    router.Bind(rpc::YouthService::UpdateYouth, s.youth, &YouthService::UpdateYouth);
    router.Bind(rpc::YouthService::GetYouth, s.youth, &YouthService::GetYouth);
    router.Bind(rpc::YouthService::SearchYouths, s.youth, &YouthService::SearchYouths);
    router.Bind(rpc::YouthService::LookupCaller, s.youth, &YouthService::LookupCaller);
    router.Bind(rpc::YouthService::RecordConsent, s.youth, &YouthService::RecordConsent);
    router.Bind(rpc::YouthService::WithdrawConsent, s.youth, &YouthService::WithdrawConsent);
    router.Bind(rpc::YouthService::ListConsents, s.youth, &YouthService::ListConsents);
    router.Bind(rpc::YouthService::CreatePreRegistration, s.youth, &YouthService::CreatePreRegistration);
    router.Bind(rpc::YouthService::UpdatePreRegistration, s.youth, &YouthService::UpdatePreRegistration);
    router.Bind(rpc::YouthService::EndPreRegistration, s.youth, &YouthService::EndPreRegistration);

    router.Bind(rpc::PlanService::AddPlanVersion, s.plan, &PlanService::AddPlanVersion);
    router.Bind(rpc::PlanService::GetPlan, s.plan, &PlanService::GetPlan);
    router.Bind(rpc::PlanService::ListPlanVersions, s.plan, &PlanService::ListPlanVersions);
    router.Bind(rpc::PlanService::BreakGlass, s.plan, &PlanService::BreakGlass);
    router.Bind(rpc::PlanService::ListBreakGlassReviews, s.plan, &PlanService::ListBreakGlassReviews);
    router.Bind(rpc::PlanService::ReviewBreakGlass, s.plan, &PlanService::ReviewBreakGlass);

    router.Bind(rpc::CaseService::OpenCase, s.cases, &CaseService::OpenCase);
    router.Bind(rpc::CaseService::LinkYouth, s.cases, &CaseService::LinkYouth);
    router.Bind(rpc::CaseService::LogContact, s.cases, &CaseService::LogContact);
    router.Bind(rpc::CaseService::UpdateCase, s.cases, &CaseService::UpdateCase);
    router.Bind(rpc::CaseService::GetCase, s.cases, &CaseService::GetCase);
    router.Bind(rpc::CaseService::ListCases, s.cases, &CaseService::ListCases);
    router.Bind(rpc::CaseService::CloseCase, s.cases, &CaseService::CloseCase);

    router.Bind(rpc::ConsultService::RequestConsult, s.consult, &ConsultService::RequestConsult);
    router.Bind(rpc::ConsultService::ListConsults, s.consult, &ConsultService::ListConsults);
    router.Bind(rpc::ConsultService::AnswerConsult, s.consult, &ConsultService::AnswerConsult);

    using service::MeldcodeService;
    router.Bind(rpc::MeldcodeService::StartTrack, s.meldcode, &MeldcodeService::StartTrack);
    router.Bind(rpc::MeldcodeService::UpdateTrack, s.meldcode, &MeldcodeService::UpdateTrack);
    router.Bind(rpc::MeldcodeService::AddConsultation, s.meldcode, &MeldcodeService::AddConsultation);
    router.Bind(rpc::MeldcodeService::DecideTrack, s.meldcode, &MeldcodeService::DecideTrack);
    router.Bind(rpc::MeldcodeService::TransferTrack, s.meldcode, &MeldcodeService::TransferTrack);
    router.Bind(rpc::MeldcodeService::GetTrack, s.meldcode, &MeldcodeService::GetTrack);
    router.Bind(rpc::MeldcodeService::ListTracks, s.meldcode, &MeldcodeService::ListTracks);

    router.Bind(rpc::ShiftService::SetShift, s.shift, &ShiftService::SetShift);
    router.Bind(rpc::ShiftService::GetCurrentShift, s.shift, &ShiftService::GetCurrentShift);
    router.Bind(rpc::ShiftService::AddShiftNote, s.shift, &ShiftService::AddShiftNote);
    router.Bind(rpc::ShiftService::ListShiftNotes, s.shift, &ShiftService::ListShiftNotes);

    using service::DirectoryService;
    using service::HandoverService;
    router.Bind(rpc::HandoverService::PreviewDue, s.handover, &HandoverService::PreviewDue);
    router.Bind(rpc::HandoverService::CreateHandover, s.handover, &HandoverService::CreateHandover);
    router.Bind(rpc::HandoverService::RecordStep, s.handover, &HandoverService::RecordStep);
    router.Bind(rpc::HandoverService::Escalate, s.handover, &HandoverService::Escalate);
    router.Bind(rpc::HandoverService::ListHandovers, s.handover, &HandoverService::ListHandovers);
    router.Bind(rpc::DirectoryService::SaveOrganisation, s.directory, &DirectoryService::SaveOrganisation);
    router.Bind(rpc::DirectoryService::ListOrganisations, s.directory, &DirectoryService::ListOrganisations);

    router.Bind(rpc::AuthService::BeginTotpEnrollment, s.auth, &AuthService::BeginTotpEnrollment);
    router.Bind(rpc::AuthService::ConfirmTotpEnrollment, s.auth, &AuthService::ConfirmTotpEnrollment);
    router.Bind(rpc::AdminService::ListLoginLocks, s.auth, &AuthService::ListLoginLocks);
    router.Bind(rpc::AdminService::LiftLoginLock, s.auth, &AuthService::LiftLoginLock);
    router.Bind(rpc::AdminService::ResetTotp, s.auth, &AuthService::ResetTotp);
    using service::EvaluationService;
    using service::StatsService;
    router.Bind(rpc::EvaluationService::PlanEvaluation, s.evaluation, &EvaluationService::PlanEvaluation);
    router.Bind(rpc::EvaluationService::GetEvaluation, s.evaluation, &EvaluationService::GetEvaluation);
    router.Bind(rpc::EvaluationService::ListEvaluations, s.evaluation, &EvaluationService::ListEvaluations);
    router.Bind(rpc::EvaluationService::UpdateEvaluation, s.evaluation, &EvaluationService::UpdateEvaluation);
    router.Bind(rpc::EvaluationService::FinalizeEvaluation, s.evaluation, &EvaluationService::FinalizeEvaluation);
    router.Bind(rpc::EvaluationService::AddReviewComment, s.evaluation, &EvaluationService::AddReviewComment);
    router.Bind(rpc::EvaluationService::CreateProposal, s.evaluation, &EvaluationService::CreateProposal);
    router.Bind(rpc::EvaluationService::SetProposalStatus, s.evaluation, &EvaluationService::SetProposalStatus);
    router.Bind(rpc::EvaluationService::ListProposals, s.evaluation, &EvaluationService::ListProposals);
    router.Bind(rpc::StatsService::GetFigures, s.stats, &StatsService::GetFigures);
    router.Bind(rpc::StatsService::SetPeriodNote, s.stats, &StatsService::SetPeriodNote);
    router.Bind(rpc::StatsService::ExportRecords, s.stats, &StatsService::ExportRecords);
    router.Bind(rpc::StatsService::GetAggregate, s.stats, &StatsService::GetAggregate);

    router.Bind(rpc::YouthService::AddStatement, s.youth, &YouthService::AddStatement);
    using service::RecordService;
    router.Bind(rpc::RecordService::ExportYouthRecord, s.record, &RecordService::ExportYouthRecord);
    router.Bind(rpc::RecordService::RecordDestructionRequest, s.record, &RecordService::RecordDestructionRequest);
    router.Bind(rpc::RecordService::ListDestructionRequests, s.record, &RecordService::ListDestructionRequests);

    using service::OfflineSetService;
    // The set carries its user and what they may call, so a desk can open it without the server.
    router.Add(rpc::OfflineService::SyncOfflineSet, WithAllowedMethods(s.offline, &OfflineSetService::SyncOfflineSet));
    router.Bind(rpc::OfflineService::UploadOfflineReads, s.offline, &OfflineSetService::UploadOfflineReads);

    router.CheckComplete();
}

}  // namespace spoed::daemon::api
