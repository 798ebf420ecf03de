#include "daemon/service/plan_service.hpp"

#include "daemon/service/convert.hpp"
#include "daemon/service/validate.hpp"
#include "daemon/service/youth_service.hpp"

namespace spoed::daemon::service {
namespace {

constexpr std::size_t kPlanText = 4000;
constexpr int kPlanList = 50;
constexpr std::size_t kPlanBytes = 256 * 1024;

Status CheckLines(std::string_view field, const google::protobuf::RepeatedPtrField<std::string>& lines) {
    if (lines.size() > kPlanList) return Error::InvalidArgument(std::string(field) + ": at most 50 entries");
    for (int i = 0; i < lines.size(); ++i) {
        SPOED_TRY(CheckText(std::string(field) + "[" + std::to_string(i) + "]", lines[i], kPlanText, true,
                            TextKind::kMultiline));
    }
    return Ok();
}

Status CheckPeople(std::string_view field, google::protobuf::RepeatedPtrField<v1::HelpContact>* people) {
    if (people->size() > kPlanList) return Error::InvalidArgument(std::string(field) + ": at most 50 entries");
    for (int i = 0; i < people->size(); ++i) {
        std::string f = std::string(field) + "[" + std::to_string(i) + "]";
        auto* p = people->Mutable(i);
        SPOED_TRY(CheckText(f + ".name", p->name(), 200, true));
        SPOED_TRY(CheckText(f + ".relation", p->relation(), 100, false));
        if (!p->phone().empty()) {
            SPOED_ASSIGN(auto phone, CheckPhone(f + ".phone", p->phone()));
            p->set_phone(phone);
        }
    }
    return Ok();
}

Status CheckPhase(std::string_view field, const v1::SignalPhase& p) {
    SPOED_TRY(CheckText(std::string(field) + ".signs", p.signs(), kPlanText, false, TextKind::kMultiline));
    SPOED_TRY(CheckText(std::string(field) + ".what_i_do", p.what_i_do(), kPlanText, false, TextKind::kMultiline));
    SPOED_TRY(
        CheckText(std::string(field) + ".what_others_do", p.what_others_do(), kPlanText, false, TextKind::kMultiline));
    return Ok();
}

/// Checks the content and normalises its phone numbers.
Status CheckContent(v1::PlanContent& c) {
    SPOED_TRY(CheckPhase("content.green", c.green()));
    SPOED_TRY(CheckPhase("content.orange", c.orange()));
    SPOED_TRY(CheckPhase("content.red", c.red()));
    SPOED_TRY(CheckLines("content.warning_signs", c.warning_signs()));
    SPOED_TRY(CheckLines("content.own_coping", c.own_coping()));
    SPOED_TRY(CheckPeople("content.distracting_people", c.mutable_distracting_people()));
    SPOED_TRY(CheckLines("content.distracting_places", c.distracting_places()));
    SPOED_TRY(CheckPeople("content.people_who_can_help", c.mutable_people_who_can_help()));
    SPOED_TRY(CheckPeople("content.professionals", c.mutable_professionals()));
    SPOED_TRY(CheckLines("content.making_environment_safe", c.making_environment_safe()));
    SPOED_TRY(CheckLines("content.crisis_workers_do", c.crisis_workers_do()));
    SPOED_TRY(CheckLines("content.crisis_workers_avoid", c.crisis_workers_avoid()));
    SPOED_TRY(CheckLines("content.agreements", c.agreements()));
    if (c.ByteSizeLong() > kPlanBytes) return Error::InvalidArgument("content: at most 256 KiB");
    if (c.ByteSizeLong() == 0) return Error::InvalidArgument("content: the plan is empty");
    return Ok();
}

void ToProto(const db::BreakGlassRecord& r, v1::BreakGlass* out) {
    out->set_id(r.id);
    out->set_user_id(r.user_id);
    out->set_username(r.username);
    out->set_youth_id(r.youth_id);
    out->set_reason(r.reason);
    SetTimestamp(out->mutable_opened_at(), r.opened_at);
    SetTimestamp(out->mutable_expires_at(), r.expires_at);
    if (r.reviewed_at) SetTimestamp(out->mutable_reviewed_at(), *r.reviewed_at);
    out->set_reviewed_by(r.reviewed_by.value_or(0));
    out->set_review_note(r.review_note);
    out->set_review_approved(r.review_approved.value_or(false));
}

}  // namespace

void ToProto(const db::PlanVersionRecord& r, v1::PlanVersion* out) {
    out->set_id(r.id);
    out->set_youth_id(r.youth_id);
    out->set_version(r.version);
    out->set_author_id(r.author_id);
    out->set_author_name(r.author_name);
    SetTimestamp(out->mutable_created_at(), r.created_at);
    out->set_change_note(r.change_note);
    out->mutable_content()->ParseFromString(r.content);
}

Result<std::string> PlanAccess(db::Tx& tx, const Call& call, std::int64_t youth_id,
                               std::optional<db::BreakGlassRecord>* window) {
    if (tx.consents().HasValid(youth_id, "pre_registration", call.now())) return std::string("consent");
    auto open = tx.break_glass().FindOpen(call.actor()->user_id, youth_id, call.now());
    if (open) {
        if (window) *window = open;
        return std::string("break_the_glass");
    }
    return Error::PermissionDenied(
               "youth_id: there is no valid pre_registration consent for this youth; to read the plan anyway, use "
               "break-the-glass with a reason")
        .Because("consent_missing", {{"scope", "pre_registration"}});
}

Result<v1::AddPlanVersionResponse> PlanService::AddPlanVersion(Call& call, const v1::AddPlanVersionRequest& req) {
    SPOED_TRY(CheckId("youth_id", req.youth_id()));
    call.audit().youth_id = req.youth_id();
    SPOED_TRY(CheckText("change_note", req.change_note(), 1000, true, TextKind::kMultiline));
    if (req.based_on_version() < 0) return Error::InvalidArgument("based_on_version: must not be negative");
    v1::PlanContent content = req.content();
    SPOED_TRY(CheckContent(content));
    return call.Write([&](db::Tx& tx) -> Result<v1::AddPlanVersionResponse> {
        SPOED_TRY(FindYouth(tx, req.youth_id()));
        if (!tx.consents().HasValid(req.youth_id(), "pre_registration", call.now())) {
            return Error::FailedPrecondition(
                       "youth_id: no valid pre_registration consent; a plan is kept only with consent")
                .Because("consent_missing", {{"scope", "pre_registration"}});
        }
        int latest = tx.plans().LatestVersion(req.youth_id());
        if (req.based_on_version() != latest) {
            return Error::Aborted("based_on_version: the plan is now at version " + std::to_string(latest) +
                                  "; reload it and make your change on that version")
                .Because("changed_meanwhile", {{"version", std::to_string(latest)}});
        }
        db::PlanVersionRecord r;
        r.youth_id = req.youth_id();
        r.version = latest + 1;
        r.author_id = call.actor()->user_id;
        r.created_at = call.now();
        r.change_note = req.change_note();
        content.SerializeToString(&r.content);
        r.id = tx.plans().Insert(r);
        call.audit().object_ids.push_back(ObjectId("plan", r.id));
        auto stored = tx.plans().Find(r.youth_id, r.version);
        v1::AddPlanVersionResponse resp;
        ToProto(stored ? *stored : r, resp.mutable_plan());
        return resp;
    });
}

Result<v1::GetPlanResponse> PlanService::GetPlan(Call& call, const v1::GetPlanRequest& req) {
    SPOED_TRY(CheckId("youth_id", req.youth_id()));
    call.audit().youth_id = req.youth_id();
    if (req.version() < 0) return Error::InvalidArgument("version: must not be negative");
    return call.Read([&](db::Tx& tx) -> Result<v1::GetPlanResponse> {
        SPOED_TRY(FindYouth(tx, req.youth_id()));
        std::optional<db::BreakGlassRecord> window;
        SPOED_ASSIGN(auto access, PlanAccess(tx, call, req.youth_id(), &window));
        auto plan = tx.plans().Find(req.youth_id(), req.version());
        if (!plan) {
            return Error::NotFound(req.version() == 0 ? "youth_id: this youth has no plan"
                                                      : "version: no version " + std::to_string(req.version()));
        }
        call.audit().object_ids.push_back(ObjectId("plan", plan->id));
        v1::GetPlanResponse resp;
        ToProto(*plan, resp.mutable_plan());
        resp.set_access(access);
        if (window) {
            SetTimestamp(resp.mutable_break_glass_until(), window->expires_at);
            call.audit().reason = "break-the-glass " + std::to_string(window->id);
            call.audit().object_ids.push_back(ObjectId("break_glass", window->id));
        }
        return resp;
    });
}

Result<v1::ListPlanVersionsResponse> PlanService::ListPlanVersions(Call& call, const v1::ListPlanVersionsRequest& req) {
    SPOED_TRY(CheckId("youth_id", req.youth_id()));
    call.audit().youth_id = req.youth_id();
    return call.Read([&](db::Tx& tx) -> Result<v1::ListPlanVersionsResponse> {
        SPOED_TRY(FindYouth(tx, req.youth_id()));
        SPOED_TRY(PlanAccess(tx, call, req.youth_id()));
        v1::ListPlanVersionsResponse resp;
        for (const auto& r : tx.plans().List(req.youth_id())) {
            auto* v = resp.add_versions();
            v->set_version(r.version);
            v->set_author_id(r.author_id);
            v->set_author_name(r.author_name);
            SetTimestamp(v->mutable_created_at(), r.created_at);
            v->set_change_note(r.change_note);
        }
        return resp;
    });
}

Result<v1::BreakGlassResponse> PlanService::BreakGlass(Call& call, const v1::BreakGlassRequest& req) {
    SPOED_TRY(CheckId("youth_id", req.youth_id()));
    call.audit().youth_id = req.youth_id();
    SPOED_TRY(CheckText("reason", req.reason(), 1000, true, TextKind::kMultiline));
    std::size_t meaningful = 0;
    for (char c : req.reason()) meaningful += (c != ' ' && c != '\n' && c != '\t' && c != '\r') ? 1 : 0;
    if (meaningful < 10)
        return Error::InvalidArgument("reason: at least 10 characters: say why the plan is needed now");
    call.audit().reason = req.reason();  // the audit log keeps the reason (NEN 7513); logs never do
    // Whoever holds the session must prove again that they are its user (ASVS 4.0 §3.7.1).
    SPOED_ASSIGN(auto code_step, auth_.Reauthenticate(call, req.password(), req.totp_code()));
    return call.Write([&](db::Tx& tx) -> Result<v1::BreakGlassResponse> {
        SPOED_TRY(FindYouth(tx, req.youth_id()));
        SPOED_TRY(auth_.SpendCode(tx, call.actor()->user_id, code_step));
        db::BreakGlassRecord r;
        r.user_id = call.actor()->user_id;
        r.username = call.actor()->username;
        r.youth_id = req.youth_id();
        r.reason = req.reason();
        r.opened_at = call.now();
        r.expires_at = call.now() + std::chrono::duration_cast<std::chrono::microseconds>(policy_.break_glass_window);
        r.id = tx.break_glass().Insert(r);
        call.audit().object_ids.push_back(ObjectId("break_glass", r.id));
        v1::Event e;
        e.set_kind(v1::EVENT_KIND_BREAK_GLASS_USED);
        e.set_youth_id(r.youth_id);
        e.set_break_glass_id(r.id);
        e.set_actor_user_id(r.user_id);
        events_.Emit(tx, call.now(), std::move(e), db::kAudienceCoordinators);
        v1::BreakGlassResponse resp;
        ToProto(r, resp.mutable_break_glass());
        return resp;
    });
}

Result<v1::ListBreakGlassReviewsResponse> PlanService::ListBreakGlassReviews(
    Call& call, const v1::ListBreakGlassReviewsRequest& req) {
    return call.Read([&](db::Tx& tx) -> Result<v1::ListBreakGlassReviewsResponse> {
        v1::ListBreakGlassReviewsResponse resp;
        for (const auto& r : tx.break_glass().List(req.include_reviewed())) ToProto(r, resp.add_items());
        return resp;
    });
}

Result<v1::ReviewBreakGlassResponse> PlanService::ReviewBreakGlass(Call& call, const v1::ReviewBreakGlassRequest& req) {
    SPOED_TRY(CheckId("break_glass_id", req.break_glass_id()));
    SPOED_TRY(CheckText("note", req.note(), 2000, true, TextKind::kMultiline));
    call.audit().object_ids.push_back(ObjectId("break_glass", req.break_glass_id()));
    return call.Write([&](db::Tx& tx) -> Result<v1::ReviewBreakGlassResponse> {
        auto r = tx.break_glass().Find(req.break_glass_id());
        if (!r) return Error::NotFound("break_glass_id: no break-the-glass " + std::to_string(req.break_glass_id()));
        call.audit().youth_id = r->youth_id;
        if (r->reviewed_at)
            return Error::FailedPrecondition("break_glass_id: already reviewed").Because("already_done");
        if (r->user_id == call.actor()->user_id) {
            return Error::PermissionDenied("break_glass_id: your own break-the-glass must be reviewed by someone else")
                .Because("own_review");
        }
        tx.break_glass().Review(r->id, call.now(), call.actor()->user_id, req.approved(), req.note());
        r = tx.break_glass().Find(r->id);
        v1::ReviewBreakGlassResponse resp;
        ToProto(*r, resp.mutable_break_glass());
        return resp;
    });
}

}  // namespace spoed::daemon::service
