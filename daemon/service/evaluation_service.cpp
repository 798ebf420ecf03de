#include "daemon/service/evaluation_service.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <set>

#include "daemon/service/case_service.hpp"
#include "daemon/service/convert.hpp"
#include "daemon/service/validate.hpp"

namespace spoed::daemon::service {
namespace {

constexpr std::size_t kMaxAnalysisText = 20000;

bool Contains(const std::vector<std::string>& v, std::string_view s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

std::string Today(TimePoint now) { return IsoDate(LocalDate(now)); }

void SetDate(v1::Date* out, const std::string& iso) {
    if (auto d = ParseIsoDate(iso)) *out = ToProtoDate(*d);
}

v1::EvaluationStatus StatusOf(const db::EvaluationRecord& e, TimePoint now) {
    if (e.status == "finalised") return v1::EVALUATION_STATUS_FINALISED;
    if (e.status == "held") return v1::EVALUATION_STATUS_HELD;
    return e.due_by < Today(now) ? v1::EVALUATION_STATUS_OVERDUE : v1::EVALUATION_STATUS_PLANNED;
}

void ToProto(const db::ReviewCommentRecord& c, v1::ReviewComment* out) {
    out->set_id(c.id);
    out->set_author_id(c.author_id);
    out->set_author_name(c.author_name);
    SetTimestamp(out->mutable_at(), c.at);
    out->set_text(c.text);
}

Result<db::EvaluationRecord> FindEvaluation(db::Tx& tx, Call& call, std::int64_t id) {
    SPOED_TRY(CheckId("evaluation_id", id));
    auto e = tx.evaluations().Find(id);
    if (!e) return Error::NotFound("evaluation_id: no evaluation " + std::to_string(id));
    if (e->youth_id != 0) call.audit().youth_id = e->youth_id;
    return *e;
}

/// Every change to a finalised evaluation is refused, saying why.
Status RequireNotFinalised(db::Tx& tx, const db::EvaluationRecord& e) {
    if (e.status != "finalised") return Ok();
    std::string who;
    if (e.finalised_by) {
        if (auto u = tx.users().FindById(*e.finalised_by)) who = " by " + u->display_name;
    }
    return Error::FailedPrecondition("evaluation_id: evaluation " + std::to_string(e.id) + " was finalised on " +
                                     (e.finalised_at ? Today(*e.finalised_at) : std::string("?")) + who +
                                     " and is read-only");
}

/// A plan version of the case's youth made after the case opened: the one the evaluation led to.
Status CheckPlanVersion(db::Tx& tx, const db::EvaluationRecord& e, int version, std::string_view field) {
    if (version < 0) return Error::InvalidArgument(std::string(field) + ": must not be negative");
    if (e.youth_id == 0) {
        return Error::FailedPrecondition(std::string(field) + ": the case has no known youth, so no plan to link")
            .Because("no_youth_linked");
    }
    auto p = tx.plans().Find(e.youth_id, version);
    if (!p) {
        return Error::InvalidArgument(std::string(field) + ": the youth has no plan version " +
                                      std::to_string(version));
    }
    if (p->created_at < e.case_opened_at) {
        return Error::InvalidArgument(std::string(field) + ": plan version " + std::to_string(version) +
                                      " is older than the case; link the version made after the evaluation");
    }
    return Ok();
}

Result<std::string> OptionalDate(std::string_view field, const v1::Date& d) {
    if (d.year() == 0 && d.month() == 0 && d.day() == 0) return std::string();
    SPOED_ASSIGN(auto ymd, CheckDate(field, d));
    return IsoDate(ymd);
}

std::string Lower(std::string s) {
    for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

}  // namespace

/// The evaluation, its comments and proposals, as the API shows it.
void FullProto(db::Tx& tx, const db::EvaluationRecord& e, TimePoint now, v1::Evaluation* out) {
    ToProto(e, now, out);
    for (const auto& c : tx.evaluations().Comments(e.id)) ToProto(c, out->add_review_comments());
    db::ProposalFilter f;
    f.evaluation_id = e.id;
    for (const auto& p : tx.proposals().List(f)) out->add_proposal_ids(p.id);
}

void ToProto(const db::EvaluationRecord& e, TimePoint now, v1::Evaluation* out) {
    out->set_id(e.id);
    out->set_case_id(e.case_id);
    out->set_youth_id(e.youth_id);
    out->set_status(StatusOf(e, now));
    for (const auto& r : e.reasons) {
        out->add_reasons(static_cast<v1::EvaluationReason>(EnumValue(v1::EvaluationReason_descriptor(), r)));
    }
    SetDate(out->mutable_due_by(), e.due_by);
    if (!e.planned_for.empty()) SetDate(out->mutable_planned_for(), e.planned_for);
    if (!e.held_on.empty()) SetDate(out->mutable_held_on(), e.held_on);
    for (const auto& p : e.participants) {
        auto* o = out->add_participants();
        o->set_organisation(p.organisation);
        o->set_kind(static_cast<v1::ParticipantKind>(EnumValue(v1::ParticipantKind_descriptor(), p.kind)));
        o->set_name(p.name);
        o->set_role(p.role);
        o->set_user_id(p.user_id.value_or(0));
    }
    auto* a = out->mutable_analysis();
    a->set_care_timeline(e.care_timeline);
    a->set_went_well(e.went_well);
    a->set_could_be_better(e.could_be_better);
    a->set_right_help(static_cast<v1::RightHelp>(EnumValue(v1::RightHelp_descriptor(), e.right_help)));
    a->set_right_help_note(e.right_help_note);
    a->set_prevent_next(e.prevent_next);
    a->set_changes_plan(e.changes_plan);
    a->set_plan_changes(e.plan_changes);
    out->set_plan_version(e.plan_version);
    out->set_created_by(e.created_by.value_or(0));
    SetTimestamp(out->mutable_created_at(), e.created_at);
    SetTimestamp(out->mutable_updated_at(), e.updated_at);
    out->set_finalised_by(e.finalised_by.value_or(0));
    if (e.finalised_at) SetTimestamp(out->mutable_finalised_at(), *e.finalised_at);
}

v1::Event EvaluationPlannedEvent(std::int64_t case_id, std::int64_t evaluation_id, const Call& call) {
    v1::Event e;
    e.set_kind(v1::EVENT_KIND_EVALUATION_PLANNED);
    e.set_case_id(case_id);
    e.set_evaluation_id(evaluation_id);
    e.set_actor_user_id(call.actor() ? call.actor()->user_id : 0);
    return e;
}

// --- planning ---------------------------------------------------------------------------------

std::vector<std::string> EvaluationPlanner::ComplexReasons(db::Tx& tx, const db::CaseRecord& c) const {
    const auto& r = policy_.rules;
    std::vector<std::string> reasons;
    if (r.marked_complex && c.complexity == "complex") reasons.emplace_back("marked_complex");
    if (c.outcome && Contains(r.outcomes, *c.outcome)) reasons.push_back(*c.outcome);
    for (const auto& flag : c.risk_flags) {
        if (!Contains(r.risk_flags, flag)) continue;
        std::string reason = flag == "suicide_attempt" ? "suicide_attempt" : "other_risk_flag";
        if (!Contains(reasons, reason)) reasons.push_back(reason);
    }
    if (r.repeat_cases > 0 && c.youth_id) {
        // The youth's n-th case within the window, this one included (the same rule as the figures).
        int n =
            tx.evaluations().CountYouthCases(*c.youth_id, c.opened_at - std::chrono::days(r.repeat_days), c.opened_at);
        if (n >= r.repeat_cases) reasons.emplace_back("repeat_cases");
    }
    return reasons;
}

std::string EvaluationPlanner::DueBy(TimePoint now) const {
    return IsoDate(calendar_.AddWorkingDays(LocalDate(now), policy_.window_working_days));
}

std::optional<std::int64_t> EvaluationPlanner::PlanOnClose(db::Tx& tx, Call& call, const db::CaseRecord& c) const {
    auto reasons = ComplexReasons(tx, c);
    if (reasons.empty()) return std::nullopt;
    db::EvaluationRecord e;
    e.case_id = c.id;
    e.reasons = std::move(reasons);
    e.due_by = DueBy(call.now());
    e.created_at = e.updated_at = call.now();
    auto id = tx.evaluations().Insert(e);  // nullopt: planned by hand before the case closed
    if (id) call.audit().object_ids.push_back(ObjectId("evaluation", *id));
    return id;
}

// --- evaluations ------------------------------------------------------------------------------

Result<v1::PlanEvaluationResponse> EvaluationService::PlanEvaluation(Call& call, const v1::PlanEvaluationRequest& req) {
    call.audit().object_ids.push_back(ObjectId("case", req.case_id()));
    db::EvaluationRecord e;
    e.reasons = {"manual"};
    SPOED_ASSIGN(e.due_by, OptionalDate("due_by", req.due_by()));
    if (e.due_by.empty()) e.due_by = planner_.DueBy(call.now());
    if (e.due_by < Today(call.now())) return Error::InvalidArgument("due_by: lies in the past");
    SPOED_ASSIGN(e.planned_for, OptionalDate("planned_for", req.planned_for()));
    SPOED_TRY(CheckText("note", req.note(), 4000, false, TextKind::kMultiline));
    e.created_by = call.actor()->user_id;
    e.created_at = e.updated_at = call.now();
    return call.Write([&](db::Tx& tx) -> Result<v1::PlanEvaluationResponse> {
        SPOED_ASSIGN(auto c, FindCase(tx, call, req.case_id()));
        if (auto existing = tx.evaluations().FindByCase(c.id)) {
            return Error::AlreadyExists("case_id: case " + std::to_string(c.id) + " already has evaluation " +
                                        std::to_string(existing->id));
        }
        e.case_id = c.id;
        auto id = tx.evaluations().Insert(e);
        if (!id) return Error::AlreadyExists("case_id: case " + std::to_string(c.id) + " already has an evaluation");
        call.audit().object_ids.push_back(ObjectId("evaluation", *id));
        if (!IsBlank(req.note())) {
            tx.evaluations().AddComment({0, *id, call.actor()->user_id, "", call.now(), req.note()});
        }
        events_.Emit(tx, call.now(), EvaluationPlannedEvent(c.id, *id, call),
                     db::kAudienceCoordinators | db::kAudienceWorkers);
        v1::PlanEvaluationResponse resp;
        FullProto(tx, *tx.evaluations().Find(*id), call.now(), resp.mutable_evaluation());
        return resp;
    });
}

Result<v1::GetEvaluationResponse> EvaluationService::GetEvaluation(Call& call, const v1::GetEvaluationRequest& req) {
    call.audit().object_ids.push_back(ObjectId("evaluation", req.evaluation_id()));
    return call.Read([&](db::Tx& tx) -> Result<v1::GetEvaluationResponse> {
        SPOED_ASSIGN(auto e, FindEvaluation(tx, call, req.evaluation_id()));
        call.audit().object_ids.push_back(ObjectId("case", e.case_id));
        v1::GetEvaluationResponse resp;
        FullProto(tx, e, call.now(), resp.mutable_evaluation());
        return resp;
    });
}

Result<v1::ListEvaluationsResponse> EvaluationService::ListEvaluations(Call& call,
                                                                       const v1::ListEvaluationsRequest& req) {
    db::EvaluationFilter f;
    switch (req.status()) {
        case v1::EVALUATION_STATUS_UNSPECIFIED:
            break;
        case v1::EVALUATION_STATUS_PLANNED:
            f.status = "planned";
            break;
        case v1::EVALUATION_STATUS_OVERDUE:
            f.status = "overdue";
            break;
        case v1::EVALUATION_STATUS_HELD:
            f.status = "held";
            break;
        case v1::EVALUATION_STATUS_FINALISED:
            f.status = "finalised";
            break;
        default:
            return Error::InvalidArgument("status: unknown value");
    }
    f.today = Today(call.now());
    if (req.case_id() < 0) return Error::InvalidArgument("case_id: must not be negative");
    if (req.youth_id() < 0) return Error::InvalidArgument("youth_id: must not be negative");
    f.case_id = req.case_id();
    f.youth_id = req.youth_id();
    if (f.youth_id != 0) call.audit().youth_id = f.youth_id;
    if (req.page_size() < 0 || req.page_size() > 200) return Error::InvalidArgument("page_size: must be 1 to 200");
    int page = req.page_size() == 0 ? 50 : req.page_size();
    f.limit = page + 1;
    if (!req.page_token().empty()) {
        const std::string& t = req.page_token();
        auto bar = t.find('|');
        std::int64_t id = 0;
        bool ok = bar == 10 && ParseIsoDate(t.substr(0, 10)).has_value();
        if (ok) {
            auto [ptr, ec] = std::from_chars(t.data() + 11, t.data() + t.size(), id);
            ok = ec == std::errc() && ptr == t.data() + t.size() && id > 0;
        }
        if (!ok) return Error::InvalidArgument("page_token: not a token from a previous answer");
        f.after_due = t.substr(0, 10);
        f.after_id = id;
    }
    return call.Read([&](db::Tx& tx) -> Result<v1::ListEvaluationsResponse> {
        auto list = tx.evaluations().List(f);
        v1::ListEvaluationsResponse resp;
        std::size_t n = std::min(list.size(), static_cast<std::size_t>(page));
        for (std::size_t i = 0; i < n; ++i) ToProto(list[i], call.now(), resp.add_evaluations());
        if (list.size() > n) resp.set_next_page_token(list[n - 1].due_by + "|" + std::to_string(list[n - 1].id));
        return resp;
    });
}

Result<v1::UpdateEvaluationResponse> EvaluationService::UpdateEvaluation(Call& call,
                                                                         const v1::UpdateEvaluationRequest& req) {
    call.audit().object_ids.push_back(ObjectId("evaluation", req.evaluation_id()));
    SPOED_ASSIGN(std::string planned_for, OptionalDate("planned_for", req.planned_for()));
    SPOED_ASSIGN(std::string held_on, OptionalDate("held_on", req.held_on()));
    if (!held_on.empty() && held_on > Today(call.now()))
        return Error::InvalidArgument("held_on: lies in the future").Because("in_future");
    std::vector<db::ParticipantRecord> participants;
    if (req.set_participants()) {
        if (req.participants_size() > 50) return Error::InvalidArgument("participants: at most 50");
        for (int i = 0; i < req.participants_size(); ++i) {
            const auto& p = req.participants(i);
            std::string field = "participants[" + std::to_string(i) + "]";
            // The youth and the family take part as themselves; professionals for an organisation.
            const bool professional =
                p.kind() == v1::PARTICIPANT_KIND_UNSPECIFIED || p.kind() == v1::PARTICIPANT_KIND_PROFESSIONAL;
            const std::string kind =
                professional ? "professional" : EnumName(v1::ParticipantKind_descriptor(), p.kind());
            if (kind.empty()) return Error::InvalidArgument(field + ".kind: unknown value");
            SPOED_TRY(CheckText(field + ".organisation", p.organisation(), 200, professional));
            SPOED_TRY(CheckText(field + ".name", p.name(), 200, true));
            SPOED_TRY(CheckText(field + ".role", p.role(), 100, false));
            if (p.user_id() < 0) return Error::InvalidArgument(field + ".user_id: must not be negative");
            if (!professional && p.user_id() != 0)
                return Error::InvalidArgument(field + ".user_id: the youth or family is not a Spoed user");
            db::ParticipantRecord r{p.organisation(), p.name(), p.role(), std::nullopt, kind};
            if (p.user_id() != 0) r.user_id = p.user_id();
            participants.push_back(std::move(r));
        }
    }
    const auto& a = req.analysis();
    std::string right_help;
    if (req.set_analysis()) {
        SPOED_TRY(
            CheckText("analysis.care_timeline", a.care_timeline(), kMaxAnalysisText, false, TextKind::kMultiline));
        SPOED_TRY(CheckText("analysis.went_well", a.went_well(), kMaxAnalysisText, false, TextKind::kMultiline));
        SPOED_TRY(
            CheckText("analysis.could_be_better", a.could_be_better(), kMaxAnalysisText, false, TextKind::kMultiline));
        SPOED_TRY(CheckText("analysis.right_help_note", a.right_help_note(), 4000, false, TextKind::kMultiline));
        SPOED_TRY(CheckText("analysis.prevent_next", a.prevent_next(), kMaxAnalysisText, false, TextKind::kMultiline));
        SPOED_TRY(CheckText("analysis.plan_changes", a.plan_changes(), kMaxAnalysisText, a.changes_plan(),
                            TextKind::kMultiline));
        right_help = EnumName(v1::RightHelp_descriptor(), a.right_help());
        if (a.right_help() != 0 && right_help.empty())
            return Error::InvalidArgument("analysis.right_help: unknown value");
    }
    if (planned_for.empty() && held_on.empty() && !req.set_participants() && !req.set_analysis() &&
        req.plan_version() == 0) {
        return Error::InvalidArgument("nothing to update: set at least one field");
    }
    return call.Write([&](db::Tx& tx) -> Result<v1::UpdateEvaluationResponse> {
        SPOED_ASSIGN(auto e, FindEvaluation(tx, call, req.evaluation_id()));
        SPOED_TRY(RequireNotFinalised(tx, e));
        call.audit().object_ids.push_back(ObjectId("case", e.case_id));
        if (!planned_for.empty()) e.planned_for = planned_for;
        if (!held_on.empty()) {
            e.held_on = held_on;
            e.status = "held";
        }
        if (req.set_participants()) {
            for (std::size_t i = 0; i < participants.size(); ++i) {
                if (!participants[i].user_id) continue;
                if (!tx.users().FindById(*participants[i].user_id)) {
                    return Error::InvalidArgument("participants[" + std::to_string(i) + "].user_id: no user " +
                                                  std::to_string(*participants[i].user_id));
                }
            }
            e.participants = participants;
        }
        if (req.set_analysis()) {
            e.care_timeline = a.care_timeline();
            e.went_well = a.went_well();
            e.could_be_better = a.could_be_better();
            e.right_help = right_help;
            e.right_help_note = a.right_help_note();
            e.prevent_next = a.prevent_next();
            e.changes_plan = a.changes_plan();
            e.plan_changes = a.plan_changes();
        }
        if (req.plan_version() != 0) {
            SPOED_TRY(CheckPlanVersion(tx, e, req.plan_version(), "plan_version"));
            e.plan_version = req.plan_version();
        }
        e.updated_at = call.now();
        tx.evaluations().Update(e);
        v1::UpdateEvaluationResponse resp;
        FullProto(tx, *tx.evaluations().Find(e.id), call.now(), resp.mutable_evaluation());
        return resp;
    });
}

Result<v1::FinalizeEvaluationResponse> EvaluationService::FinalizeEvaluation(Call& call,
                                                                             const v1::FinalizeEvaluationRequest& req) {
    call.audit().object_ids.push_back(ObjectId("evaluation", req.evaluation_id()));
    if (req.plan_version() < 0) return Error::InvalidArgument("plan_version: must not be negative");
    return call.Write([&](db::Tx& tx) -> Result<v1::FinalizeEvaluationResponse> {
        SPOED_ASSIGN(auto e, FindEvaluation(tx, call, req.evaluation_id()));
        SPOED_TRY(RequireNotFinalised(tx, e));
        call.audit().object_ids.push_back(ObjectId("case", e.case_id));
        if (e.status != "held") {
            return Error::FailedPrecondition("held_on: the evaluation has not been held yet; record held_on first");
        }
        if (e.right_help.empty()) {
            return Error::FailedPrecondition(
                "analysis.right_help: record the analysis (was it the right help at the right time?) before "
                "finalising");
        }
        if (req.plan_version() != 0) {
            SPOED_TRY(CheckPlanVersion(tx, e, req.plan_version(), "plan_version"));
            e.plan_version = req.plan_version();
        }
        if (e.changes_plan && e.plan_version == 0) {
            return Error::FailedPrecondition(
                "plan_version: the evaluation changes the safety plan; add the new plan version "
                "(PlanService/AddPlanVersion) and link it before finalising");
        }
        e.status = "finalised";
        e.finalised_by = call.actor()->user_id;
        e.finalised_at = call.now();
        e.updated_at = call.now();
        tx.evaluations().Update(e);
        v1::FinalizeEvaluationResponse resp;
        FullProto(tx, *tx.evaluations().Find(e.id), call.now(), resp.mutable_evaluation());
        return resp;
    });
}

Result<v1::AddReviewCommentResponse> EvaluationService::AddReviewComment(Call& call,
                                                                         const v1::AddReviewCommentRequest& req) {
    call.audit().object_ids.push_back(ObjectId("evaluation", req.evaluation_id()));
    SPOED_TRY(CheckText("text", req.text(), 4000, true, TextKind::kMultiline));
    return call.Write([&](db::Tx& tx) -> Result<v1::AddReviewCommentResponse> {
        SPOED_ASSIGN(auto e, FindEvaluation(tx, call, req.evaluation_id()));
        SPOED_TRY(RequireNotFinalised(tx, e));
        db::ReviewCommentRecord c{0, e.id, call.actor()->user_id, "", call.now(), req.text()};
        c.id = tx.evaluations().AddComment(c);
        v1::AddReviewCommentResponse resp;
        for (const auto& stored : tx.evaluations().Comments(e.id)) {
            if (stored.id == c.id) ToProto(stored, resp.mutable_comment());
        }
        return resp;
    });
}

// --- proposals --------------------------------------------------------------------------------

namespace {

constexpr std::array<std::string_view, 4> kProposalOrder = {"open", "discussed", "adopted", "implemented"};

void ToProto(const db::ProposalRecord& p, v1::Proposal* out) {
    out->set_id(p.id);
    out->set_text(p.text);
    auto* a = out->mutable_addressee();
    a->set_kind(static_cast<v1::AddresseeKind>(EnumValue(v1::AddresseeKind_descriptor(), p.addressee_kind)));
    a->set_name(p.addressee);
    a->set_organisation_id(p.organisation_id.value_or(0));
    out->set_theme(p.theme);
    out->set_status(static_cast<v1::ProposalStatus>(EnumValue(v1::ProposalStatus_descriptor(), p.status)));
    for (auto id : p.evaluation_ids) out->add_evaluation_ids(id);
    for (const auto& h : p.history) {
        auto* o = out->add_history();
        o->set_status(static_cast<v1::ProposalStatus>(EnumValue(v1::ProposalStatus_descriptor(), h.status)));
        SetTimestamp(o->mutable_at(), h.at);
        o->set_by(h.by_user);
        o->set_by_name(h.by_name);
        o->set_note(h.note);
    }
    out->set_created_by(p.created_by);
    SetTimestamp(out->mutable_created_at(), p.created_at);
}

/// Open → discussed → adopted → implemented, one step at a time; rejected from any open step.
Status CheckTransition(const std::string& from, const std::string& to) {
    if (from == "implemented" || from == "rejected") {
        return Error::FailedPrecondition("status: the proposal is already " + from);
    }
    if (to == "rejected") return Ok();
    auto at = std::find(kProposalOrder.begin(), kProposalOrder.end(), from);
    auto want = std::find(kProposalOrder.begin(), kProposalOrder.end(), to);
    if (want == kProposalOrder.end() || want != at + 1) {
        std::string next(at + 1 == kProposalOrder.end() ? "" : *(at + 1));
        return Error::FailedPrecondition("status: a proposal that is " + from + " can become " + next +
                                         " or rejected, not " + to);
    }
    return Ok();
}

}  // namespace

Result<v1::CreateProposalResponse> EvaluationService::CreateProposal(Call& call, const v1::CreateProposalRequest& req) {
    db::ProposalRecord p;
    SPOED_TRY(CheckText("text", req.text(), 4000, true, TextKind::kMultiline));
    p.text = req.text();
    const auto& a = req.addressee();
    p.addressee_kind = EnumName(v1::AddresseeKind_descriptor(), a.kind());
    if (p.addressee_kind.empty()) {
        return Error::InvalidArgument("addressee.kind: required (a partner, a municipality or the own team)");
    }
    if (a.organisation_id() < 0) return Error::InvalidArgument("addressee.organisation_id: must not be negative");
    if (a.organisation_id() != 0 && p.addressee_kind != "partner") {
        return Error::InvalidArgument("addressee.organisation_id: only for a partner");
    }
    bool name_required =
        p.addressee_kind == "municipality" || (p.addressee_kind == "partner" && a.organisation_id() == 0);
    SPOED_TRY(CheckText("addressee.name", a.name(), 200, name_required));
    p.addressee = p.addressee_kind == "own_team" && IsBlank(a.name()) ? std::string() : a.name();
    SPOED_TRY(CheckText("theme", req.theme(), 60, true));
    p.theme = Lower(req.theme());
    if (req.evaluation_ids_size() > 20) return Error::InvalidArgument("evaluation_ids: at most 20");
    std::set<std::int64_t> sources;
    for (int i = 0; i < req.evaluation_ids_size(); ++i) {
        SPOED_TRY(CheckId("evaluation_ids[" + std::to_string(i) + "]", req.evaluation_ids(i)));
        sources.insert(req.evaluation_ids(i));
    }
    p.evaluation_ids.assign(sources.begin(), sources.end());
    p.created_by = call.actor()->user_id;
    p.created_at = call.now();
    return call.Write([&](db::Tx& tx) -> Result<v1::CreateProposalResponse> {
        for (auto id : p.evaluation_ids) {
            auto e = tx.evaluations().Find(id);
            if (!e) return Error::NotFound("evaluation_ids: no evaluation " + std::to_string(id));
            call.audit().object_ids.push_back(ObjectId("evaluation", id));
        }
        if (a.organisation_id() != 0) {
            auto org = tx.directory().Find(a.organisation_id());
            if (!org) {
                return Error::NotFound("addressee.organisation_id: no organisation " +
                                       std::to_string(a.organisation_id()));
            }
            p.organisation_id = org->id;
            if (IsBlank(p.addressee)) p.addressee = org->name;
        }
        p.id = tx.proposals().Insert(p);
        call.audit().object_ids.push_back(ObjectId("proposal", p.id));
        v1::CreateProposalResponse resp;
        ToProto(*tx.proposals().Find(p.id), resp.mutable_proposal());
        return resp;
    });
}

Result<v1::SetProposalStatusResponse> EvaluationService::SetProposalStatus(Call& call,
                                                                           const v1::SetProposalStatusRequest& req) {
    call.audit().object_ids.push_back(ObjectId("proposal", req.proposal_id()));
    SPOED_TRY(CheckId("proposal_id", req.proposal_id()));
    std::string status = EnumName(v1::ProposalStatus_descriptor(), req.status());
    if (status.empty()) return Error::InvalidArgument("status: required").Because("required");
    if (status == "open") return Error::InvalidArgument("status: a proposal cannot be opened again");
    SPOED_ASSIGN(TimePoint at, CheckTimestampOr("at", req.has_at(), req.at(), call.now()));
    if (at > call.now()) return Error::InvalidArgument("at: lies in the future").Because("in_future");
    SPOED_TRY(CheckText("note", req.note(), 2000, status == "rejected", TextKind::kMultiline));
    return call.Write([&](db::Tx& tx) -> Result<v1::SetProposalStatusResponse> {
        auto p = tx.proposals().Find(req.proposal_id());
        if (!p) return Error::NotFound("proposal_id: no proposal " + std::to_string(req.proposal_id()));
        SPOED_TRY(CheckTransition(p->status, status));
        if (!p->history.empty() && at < p->history.back().at) {
            return Error::InvalidArgument("at: before the previous change (" + p->history.back().status + ")");
        }
        tx.proposals().SetStatus(p->id, {status, at, call.actor()->user_id, "", req.note()});
        v1::SetProposalStatusResponse resp;
        ToProto(*tx.proposals().Find(p->id), resp.mutable_proposal());
        return resp;
    });
}

Result<v1::ListProposalsResponse> EvaluationService::ListProposals(Call& call, const v1::ListProposalsRequest& req) {
    db::ProposalFilter f;
    f.status = EnumName(v1::ProposalStatus_descriptor(), req.status());
    if (req.status() != 0 && f.status.empty()) return Error::InvalidArgument("status: unknown value");
    f.addressee_kind = EnumName(v1::AddresseeKind_descriptor(), req.addressee_kind());
    if (req.addressee_kind() != 0 && f.addressee_kind.empty()) {
        return Error::InvalidArgument("addressee_kind: unknown value");
    }
    SPOED_TRY(CheckText("addressee", req.addressee(), 200, false));
    f.addressee = req.addressee();
    SPOED_TRY(CheckText("theme", req.theme(), 60, false));
    f.theme = Lower(req.theme());
    if (req.evaluation_id() < 0) return Error::InvalidArgument("evaluation_id: must not be negative");
    f.evaluation_id = req.evaluation_id();
    return call.Read([&](db::Tx& tx) -> Result<v1::ListProposalsResponse> {
        v1::ListProposalsResponse resp;
        for (const auto& p : tx.proposals().List(f)) ToProto(p, resp.add_proposals());
        return resp;
    });
}

}  // namespace spoed::daemon::service
