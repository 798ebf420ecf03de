#include "daemon/service/case_service.hpp"

#include <algorithm>
#include <charconv>
#include <set>

#include "daemon/service/convert.hpp"
#include "daemon/service/evaluation_service.hpp"
#include "daemon/service/handover_service.hpp"
#include "daemon/service/meldcode_service.hpp"
#include "daemon/service/validate.hpp"
#include "daemon/service/youth_service.hpp"

namespace spoed::daemon::service {
namespace {

constexpr auto kMaxBacklog = std::chrono::hours(24 * 30);  // a contact or case logged up to 30 days later

/// A moment of the call from a request: not in the future, at most 30 days back.
Result<TimePoint> CheckCallTime(std::string_view field, const google::protobuf::Timestamp& ts, TimePoint now) {
    SPOED_ASSIGN(TimePoint t, CheckTimestamp(field, ts));
    if (t > now) return Error::InvalidArgument(std::string(field) + ": lies in the future").Because("in_future");
    if (t < now - kMaxBacklog) return Error::InvalidArgument(std::string(field) + ": more than 30 days ago");
    return t;
}

/// A user who can be on a case: exists, enabled, holds a care role.
Status CheckCareUser(db::Tx& tx, std::string_view field, std::int64_t user_id) {
    auto u = tx.users().FindById(user_id);
    if (!u || u->disabled)
        return Error::InvalidArgument(std::string(field) + ": no active user " + std::to_string(user_id));
    RoleSet roles = RoleSet::FromNames(u->roles);
    if (!roles.Intersects({v1::ROLE_CRISIS_WORKER, v1::ROLE_COORDINATOR, v1::ROLE_PSYCHIATRIST})) {
        return Error::InvalidArgument(std::string(field) + ": user " + std::to_string(user_id) +
                                      " is not a crisis worker, coordinator or psychiatrist");
    }
    return Ok();
}

Status RequireOpen(const db::CaseRecord& c) {
    if (c.status != "open")
        return Error::FailedPrecondition("case_id: case " + std::to_string(c.id) + " is closed").Because("case_closed");
    return Ok();
}

/// The case fields an update names on the timeline: the key a client translates, and the
/// English words stored and shown to curl and spoedctl ("problem areas, risk flags").
struct CaseField {
    std::string_view key;
    std::string_view words;
};
constexpr CaseField kCaseFields[] = {
    {"problem_areas", "problem areas"}, {"risk_flags", "risk flags"}, {"complexity", "complexity"},
    {"case_lead", "case lead"},         {"outcome", "outcome"},       {"caller_description", "caller description"}};

std::string FieldWords(std::string_view key) {
    for (const auto& f : kCaseFields) {
        if (f.key == key) return std::string(f.words);
    }
    return std::string(key);
}

/// The keys of an "updated" line's stored words; words not in the list are passed on as they are.
std::vector<std::string> ChangedKeys(std::string_view text) {
    std::vector<std::string> keys;
    while (!text.empty()) {
        const auto comma = text.find(", ");
        const std::string_view words = text.substr(0, comma);
        std::string key(words);
        for (const auto& f : kCaseFields) {
            if (f.words == words) key = f.key;
        }
        keys.push_back(std::move(key));
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 2);
    }
    return keys;
}

Result<db::ConsultRecord> FindConsult(db::Tx& tx, std::int64_t id) {
    SPOED_TRY(CheckId("consult_id", id));
    auto c = tx.consults().Find(id);
    if (!c) return Error::NotFound("consult_id: no consult " + std::to_string(id));
    return *c;
}

}  // namespace

void ToProto(const db::ContactRecord& c, v1::Contact* out) {
    out->set_id(c.id);
    out->set_case_id(c.case_id);
    out->set_type(static_cast<v1::ContactType>(EnumValue(v1::ContactType_descriptor(), c.type)));
    SetTimestamp(out->mutable_started_at(), c.started_at);
    if (c.ended_at) SetTimestamp(out->mutable_ended_at(), *c.ended_at);
    out->set_caller_role(static_cast<v1::CallerRole>(EnumValue(v1::CallerRole_descriptor(), c.caller_role)));
    out->set_caller_phone(c.caller_phone);
    for (auto w : c.workers) out->add_workers_present(w);
    out->set_summary(c.summary);
    for (const auto& r : c.responses)
        out->add_responses(static_cast<v1::Response>(EnumValue(v1::Response_descriptor(), r)));
    out->set_plan_version_consulted(c.plan_version_consulted);
    out->set_logged_by(c.logged_by);
    SetTimestamp(out->mutable_logged_at(), c.logged_at);
}

namespace {

v1::Event CaseEvent(v1::EventKind kind, std::int64_t case_id, const Call& call) {
    v1::Event e;
    e.set_kind(kind);
    e.set_case_id(case_id);
    e.set_actor_user_id(call.actor() ? call.actor()->user_id : 0);
    return e;
}

}  // namespace

void AddCaseEvent(db::Tx& tx, Call& call, std::int64_t case_id, std::string kind, std::string text,
                  std::optional<TimePoint> at) {
    db::CaseEventRecord e;
    e.case_id = case_id;
    e.at = at.value_or(call.now());
    e.kind = std::move(kind);
    e.text = std::move(text);
    e.by_user = call.actor()->user_id;
    tx.cases().AddEvent(e);
}

Result<db::CaseRecord> FindCase(db::Tx& tx, Call& call, std::int64_t case_id) {
    SPOED_TRY(CheckId("case_id", case_id));
    auto c = tx.cases().Find(case_id);
    if (!c) return Error::NotFound("case_id: no case " + std::to_string(case_id));
    if (c->youth_id) call.audit().youth_id = *c->youth_id;
    return *c;
}

void ToProto(const db::CaseRecord& c, v1::Case* out) {
    out->set_id(c.id);
    out->set_youth_id(c.youth_id.value_or(0));
    out->set_caller_description(c.caller_description);
    out->set_status(c.status == "open" ? v1::CASE_STATUS_OPEN : v1::CASE_STATUS_CLOSED);
    for (const auto& a : c.problem_areas) out->add_problem_areas(a);
    for (const auto& f : c.risk_flags)
        out->add_risk_flags(static_cast<v1::RiskFlag>(EnumValue(v1::RiskFlag_descriptor(), f)));
    out->set_complexity(static_cast<v1::Complexity>(EnumValue(v1::Complexity_descriptor(), c.complexity)));
    out->set_case_lead(c.case_lead.value_or(0));
    if (c.outcome) out->set_outcome(static_cast<v1::Outcome>(EnumValue(v1::Outcome_descriptor(), *c.outcome)));
    out->set_opened_by(c.opened_by);
    SetTimestamp(out->mutable_opened_at(), c.opened_at);
    if (c.closed_at) SetTimestamp(out->mutable_closed_at(), *c.closed_at);
    out->set_closed_by(c.closed_by.value_or(0));
    out->set_closing_note(c.closing_note);
    SetTimestamp(out->mutable_updated_at(), c.updated_at);
}

void ToProto(const db::ConsultRecord& c, v1::Consult* out) {
    out->set_id(c.id);
    out->set_case_id(c.case_id);
    out->set_question(c.question);
    out->set_urgency(static_cast<v1::Urgency>(EnumValue(v1::Urgency_descriptor(), c.urgency)));
    out->set_requested_by(c.requested_by);
    SetTimestamp(out->mutable_requested_at(), c.requested_at);
    out->set_psychiatrist(c.psychiatrist.value_or(0));
    if (c.answered_at) SetTimestamp(out->mutable_answered_at(), *c.answered_at);
    out->set_advice(c.advice.value_or(""));
}

// --- cases ------------------------------------------------------------------------------------

Result<v1::OpenCaseResponse> CaseService::OpenCase(Call& call, const v1::OpenCaseRequest& req) {
    if (req.youth_id() < 0) return Error::InvalidArgument("youth_id: must not be negative");
    SPOED_TRY(CheckText("caller_description", req.caller_description(), 500, false));
    if (req.youth_id() == 0 && IsBlank(req.caller_description())) {
        return Error::InvalidArgument("caller_description: required when the youth is not known (youth_id 0)");
    }
    TimePoint opened_at = call.now();
    if (req.has_opened_at()) {
        SPOED_ASSIGN(opened_at, CheckCallTime("opened_at", req.opened_at(), call.now()));
    }
    if (req.youth_id() != 0) call.audit().youth_id = req.youth_id();
    return call.Write([&](db::Tx& tx) -> Result<v1::OpenCaseResponse> {
        db::CaseRecord c;
        if (req.youth_id() != 0) {
            SPOED_TRY(FindYouth(tx, req.youth_id()));
            c.youth_id = req.youth_id();
        }
        c.caller_description = req.caller_description();
        c.opened_by = call.actor()->user_id;
        c.opened_at = opened_at;
        c.updated_at = call.now();
        c.id = tx.cases().Insert(c);
        AddCaseEvent(tx, call, c.id, "opened", "", opened_at);
        call.audit().object_ids.push_back(ObjectId("case", c.id));
        events_.Emit(tx, call.now(), CaseEvent(v1::EVENT_KIND_CASE_OPENED, c.id, call), db::kAudienceWorkers, &c);
        v1::OpenCaseResponse resp;
        ToProto(c, resp.mutable_case_());
        return resp;
    });
}

Result<v1::LinkYouthResponse> CaseService::LinkYouth(Call& call, const v1::LinkYouthRequest& req) {
    SPOED_TRY(CheckId("youth_id", req.youth_id()));
    call.audit().object_ids.push_back(ObjectId("case", req.case_id()));
    return call.Write([&](db::Tx& tx) -> Result<v1::LinkYouthResponse> {
        SPOED_ASSIGN(auto c, FindCase(tx, call, req.case_id()));
        SPOED_TRY(FindYouth(tx, req.youth_id()));
        if (c.youth_id && *c.youth_id != req.youth_id()) {
            return Error::FailedPrecondition("case_id: the case is already linked to youth " +
                                             std::to_string(*c.youth_id));
        }
        call.audit().youth_id = req.youth_id();
        if (!c.youth_id) {
            c.youth_id = req.youth_id();
            c.updated_at = call.now();
            tx.cases().Update(c);
            AddCaseEvent(tx, call, c.id, "youth_linked", "");
        }
        v1::LinkYouthResponse resp;
        ToProto(c, resp.mutable_case_());
        return resp;
    });
}

Result<v1::LogContactResponse> CaseService::LogContact(Call& call, const v1::LogContactRequest& req) {
    call.audit().object_ids.push_back(ObjectId("case", req.case_id()));
    db::ContactRecord contact;
    contact.type = EnumName(v1::ContactType_descriptor(), req.type());
    if (contact.type.empty())
        return Error::InvalidArgument("type: required (incoming call, outgoing call or home visit)");
    if (!req.has_started_at()) return Error::InvalidArgument("started_at: required").Because("required");
    SPOED_ASSIGN(contact.started_at, CheckCallTime("started_at", req.started_at(), call.now()));
    if (req.has_ended_at()) {
        SPOED_ASSIGN(contact.ended_at, CheckTimestamp("ended_at", req.ended_at()));
        if (*contact.ended_at < contact.started_at) return Error::InvalidArgument("ended_at: before started_at");
        if (*contact.ended_at > call.now())
            return Error::InvalidArgument("ended_at: lies in the future").Because("in_future");
    }
    contact.caller_role = EnumName(v1::CallerRole_descriptor(), req.caller_role());
    if (contact.caller_role.empty()) return Error::InvalidArgument("caller_role: required").Because("required");
    if (!req.caller_phone().empty()) {
        SPOED_ASSIGN(contact.caller_phone, CheckPhone("caller_phone", req.caller_phone()));
    }
    SPOED_TRY(CheckText("summary", req.summary(), 10000, false, TextKind::kMultiline));
    contact.summary = req.summary();
    std::set<std::string> responses;
    for (int i = 0; i < req.responses_size(); ++i) {
        std::string r = EnumName(v1::Response_descriptor(), req.responses(i));
        if (r.empty()) return Error::InvalidArgument("responses[" + std::to_string(i) + "]: unknown response");
        responses.insert(r);
    }
    contact.responses.assign(responses.begin(), responses.end());
    if (req.plan_version_consulted() < 0) return Error::InvalidArgument("plan_version_consulted: must not be negative");
    contact.plan_version_consulted = req.plan_version_consulted();
    if (req.workers_present_size() > 10) return Error::InvalidArgument("workers_present: at most 10");
    std::set<std::int64_t> workers(req.workers_present().begin(), req.workers_present().end());
    if (workers.empty()) workers.insert(call.actor()->user_id);
    contact.workers.assign(workers.begin(), workers.end());
    contact.logged_by = call.actor()->user_id;
    contact.logged_at = call.now();

    return call.Write([&](db::Tx& tx) -> Result<v1::LogContactResponse> {
        SPOED_ASSIGN(auto c, FindCase(tx, call, req.case_id()));
        SPOED_TRY(RequireOpen(c));
        for (auto w : contact.workers) SPOED_TRY(CheckCareUser(tx, "workers_present", w));
        if (contact.plan_version_consulted != 0) {
            if (!c.youth_id || !tx.plans().Find(*c.youth_id, contact.plan_version_consulted)) {
                return Error::InvalidArgument("plan_version_consulted: the case's youth has no plan version " +
                                              std::to_string(contact.plan_version_consulted));
            }
        }
        contact.case_id = c.id;
        contact.id = tx.cases().InsertContact(contact);
        call.audit().object_ids.push_back(ObjectId("contact", contact.id));
        // Only the time of the last change: rewriting the whole case would delete and insert
        // its problem areas and risk flags again for every contact.
        c.updated_at = call.now();
        tx.cases().Touch(c.id, c.updated_at);
        events_.Emit(tx, call.now(), CaseEvent(v1::EVENT_KIND_CONTACT_LOGGED, c.id, call), db::kAudienceWorkers, &c);
        v1::LogContactResponse resp;
        ToProto(contact, resp.mutable_contact());
        return resp;
    });
}

Result<v1::UpdateCaseResponse> CaseService::UpdateCase(Call& call, const v1::UpdateCaseRequest& req) {
    call.audit().object_ids.push_back(ObjectId("case", req.case_id()));
    std::vector<std::string> areas;
    if (req.set_problem_areas()) {
        if (req.problem_areas_size() > 20) return Error::InvalidArgument("problem_areas: at most 20");
        std::set<std::string> unique;
        for (int i = 0; i < req.problem_areas_size(); ++i) {
            std::string field = "problem_areas[" + std::to_string(i) + "]";
            SPOED_TRY(CheckText(field, req.problem_areas(i), 60, true));
            std::string a = req.problem_areas(i);
            for (auto& ch : a) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            unique.insert(a);
        }
        areas.assign(unique.begin(), unique.end());
    }
    std::vector<std::string> flags;
    if (req.set_risk_flags()) {
        std::set<std::string> unique;
        for (int i = 0; i < req.risk_flags_size(); ++i) {
            std::string f = EnumName(v1::RiskFlag_descriptor(), req.risk_flags(i));
            if (f.empty()) return Error::InvalidArgument("risk_flags[" + std::to_string(i) + "]: unknown risk flag");
            unique.insert(f);
        }
        flags.assign(unique.begin(), unique.end());
    }
    std::string complexity = EnumName(v1::Complexity_descriptor(), req.complexity());
    if (req.complexity() != 0 && complexity.empty()) return Error::InvalidArgument("complexity: unknown value");
    std::string outcome = EnumName(v1::Outcome_descriptor(), req.outcome());
    if (req.outcome() != 0 && outcome.empty()) return Error::InvalidArgument("outcome: unknown value");
    if (req.case_lead() < 0) return Error::InvalidArgument("case_lead: must not be negative");
    SPOED_TRY(CheckText("caller_description", req.caller_description(), 500, false));

    return call.Write([&](db::Tx& tx) -> Result<v1::UpdateCaseResponse> {
        SPOED_ASSIGN(auto c, FindCase(tx, call, req.case_id()));
        SPOED_TRY(RequireOpen(c));
        std::vector<std::string> changed;
        if (req.set_problem_areas()) {
            c.problem_areas = areas;
            changed.push_back(FieldWords("problem_areas"));
        }
        if (req.set_risk_flags()) {
            c.risk_flags = flags;
            changed.push_back(FieldWords("risk_flags"));
        }
        if (!complexity.empty()) {
            c.complexity = complexity;
            changed.push_back(FieldWords("complexity"));
        }
        if (req.case_lead() != 0) {
            SPOED_TRY(CheckCareUser(tx, "case_lead", req.case_lead()));
            c.case_lead = req.case_lead();
            changed.push_back(FieldWords("case_lead"));
        }
        if (!outcome.empty()) {
            c.outcome = outcome;
            changed.push_back(FieldWords("outcome"));
        }
        if (!req.caller_description().empty()) {
            c.caller_description = req.caller_description();
            changed.push_back(FieldWords("caller_description"));
        }
        if (changed.empty()) return Error::InvalidArgument("nothing to update: set at least one field");
        c.updated_at = call.now();
        tx.cases().Update(c);
        std::string text;
        for (const auto& part : changed) text += (text.empty() ? "" : ", ") + part;
        AddCaseEvent(tx, call, c.id, "updated", text);
        v1::UpdateCaseResponse resp;
        ToProto(c, resp.mutable_case_());
        return resp;
    });
}

Result<v1::GetCaseResponse> CaseService::GetCase(Call& call, const v1::GetCaseRequest& req) {
    call.audit().object_ids.push_back(ObjectId("case", req.case_id()));
    return call.Read([&](db::Tx& tx) -> Result<v1::GetCaseResponse> {
        SPOED_ASSIGN(auto c, FindCase(tx, call, req.case_id()));
        v1::GetCaseResponse resp;
        ToProto(c, resp.mutable_case_());
        if (auto track = tx.meldcode().FindByCase(c.id)) {
            call.audit().object_ids.push_back(ObjectId("track", track->id));
            ToProto(*track, resp.mutable_meldcode());
        }
        struct Line {
            TimePoint at;
            std::string kind, text;
            std::int64_t ref = 0, by = 0;
        };
        std::vector<Line> lines;
        for (const auto& e : tx.cases().Events(c.id)) lines.push_back({e.at, e.kind, e.text, 0, e.by_user});
        for (const auto& k : tx.cases().Contacts(c.id)) {
            ToProto(k, resp.add_contacts());
            lines.push_back({k.started_at, "contact", k.type, k.id, k.logged_by});
        }
        for (const auto& q : tx.consults().List(false, c.id)) {
            ToProto(q, resp.add_consults());
            lines.push_back({q.requested_at, "consult_requested", q.urgency, q.id, q.requested_by});
            if (q.answered_at)
                lines.push_back({*q.answered_at, "consult_answered", "", q.id, q.psychiatrist.value_or(0)});
        }
        std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) { return a.at < b.at; });
        for (const auto& l : lines) {
            auto* t = resp.add_timeline();
            SetTimestamp(t->mutable_at(), l.at);
            t->set_kind(l.kind);
            t->set_text(l.text);
            if (l.kind == "updated") {
                for (auto& key : ChangedKeys(l.text)) t->add_changed(std::move(key));
            }
            t->set_ref_id(l.ref);
            t->set_by(l.by);
        }
        return resp;
    });
}

Result<v1::ListCasesResponse> CaseService::ListCases(Call& call, const v1::ListCasesRequest& req) {
    db::CaseFilter f;
    f.open_only = req.open_only();
    if (req.mine()) f.involving_user = call.actor()->user_id;
    if (req.has_since()) {
        SPOED_ASSIGN(f.since, CheckTimestamp("since", req.since()));
    }
    if (req.youth_id() < 0) return Error::InvalidArgument("youth_id: must not be negative");
    f.youth_id = req.youth_id();
    if (f.youth_id != 0) call.audit().youth_id = f.youth_id;
    if (req.page_size() < 0 || req.page_size() > 200) return Error::InvalidArgument("page_size: must be 1 to 200");
    f.limit = (req.page_size() == 0 ? 50 : req.page_size()) + 1;
    if (!req.page_token().empty()) {
        const auto& t = req.page_token();
        auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), f.before_id);
        if (ec != std::errc() || ptr != t.data() + t.size() || f.before_id <= 0) {
            return Error::InvalidArgument("page_token: not a token from a previous answer");
        }
    }
    return call.Read([&](db::Tx& tx) -> Result<v1::ListCasesResponse> {
        auto cases = tx.cases().List(f);
        v1::ListCasesResponse resp;
        std::size_t n = std::min(cases.size(), static_cast<std::size_t>(f.limit - 1));
        for (std::size_t i = 0; i < n; ++i) ToProto(cases[i], resp.add_cases());
        if (cases.size() > n) resp.set_next_page_token(std::to_string(cases[n - 1].id));
        return resp;
    });
}

Result<v1::CloseCaseResponse> CaseService::CloseCase(Call& call, const v1::CloseCaseRequest& req) {
    call.audit().object_ids.push_back(ObjectId("case", req.case_id()));
    std::string outcome = EnumName(v1::Outcome_descriptor(), req.outcome());
    if (req.outcome() != 0 && outcome.empty()) return Error::InvalidArgument("outcome: unknown value");
    SPOED_TRY(CheckText("closing_note", req.closing_note(), 4000, false, TextKind::kMultiline));
    return call.Write([&](db::Tx& tx) -> Result<v1::CloseCaseResponse> {
        SPOED_ASSIGN(auto c, FindCase(tx, call, req.case_id()));
        SPOED_TRY(RequireOpen(c));
        // Spoed only steps back once it is sure: every handover confirmed.
        SPOED_TRY(CheckHandoversConfirmed(tx, c.id));
        SPOED_TRY(CheckMeldcodeSettled(tx, c.id));
        if (!outcome.empty()) c.outcome = outcome;
        if (!c.outcome) {
            return Error::InvalidArgument(
                "outcome: required to close a case (stayed home, own network, crisis placement or admission)");
        }
        c.status = "closed";
        c.closed_at = call.now();
        c.closed_by = call.actor()->user_id;
        c.closing_note = req.closing_note();
        c.updated_at = call.now();
        tx.cases().Update(c);
        AddCaseEvent(tx, call, c.id, "closed", *c.outcome);
        v1::CloseCaseResponse resp;
        // A complex case gets its evaluation planned with the closing, or neither happens.
        if (planner_) {
            if (auto evaluation_id = planner_->PlanOnClose(tx, call, c)) {
                v1::Event e;
                e.set_kind(v1::EVENT_KIND_EVALUATION_PLANNED);
                e.set_case_id(c.id);
                e.set_evaluation_id(*evaluation_id);
                e.set_actor_user_id(call.actor()->user_id);
                events_.Emit(tx, call.now(), e, db::kAudienceCoordinators | db::kAudienceWorkers);
                resp.set_evaluation_id(*evaluation_id);
            }
        }
        ToProto(c, resp.mutable_case_());
        return resp;
    });
}

// --- consults ---------------------------------------------------------------------------------

Result<v1::RequestConsultResponse> ConsultService::RequestConsult(Call& call, const v1::RequestConsultRequest& req) {
    call.audit().object_ids.push_back(ObjectId("case", req.case_id()));
    SPOED_TRY(CheckText("question", req.question(), 4000, true, TextKind::kMultiline));
    std::string urgency = EnumName(v1::Urgency_descriptor(), req.urgency());
    if (urgency.empty()) return Error::InvalidArgument("urgency: required (routine, urgent or immediate)");
    return call.Write([&](db::Tx& tx) -> Result<v1::RequestConsultResponse> {
        SPOED_ASSIGN(auto c, FindCase(tx, call, req.case_id()));
        SPOED_TRY(RequireOpen(c));
        db::ConsultRecord q;
        q.case_id = c.id;
        q.question = req.question();
        q.urgency = urgency;
        q.requested_by = call.actor()->user_id;
        q.requested_at = call.now();
        q.id = tx.consults().Insert(q);
        call.audit().object_ids.push_back(ObjectId("consult", q.id));
        v1::Event e = CaseEvent(v1::EVENT_KIND_CONSULT_REQUESTED, c.id, call);
        e.set_consult_id(q.id);
        events_.Emit(tx, call.now(), std::move(e), db::kAudienceWorkers | db::kAudiencePsychiatrists, &c);
        v1::RequestConsultResponse resp;
        ToProto(q, resp.mutable_consult());
        return resp;
    });
}

Result<v1::ListConsultsResponse> ConsultService::ListConsults(Call& call, const v1::ListConsultsRequest& req) {
    if (req.case_id() < 0) return Error::InvalidArgument("case_id: must not be negative");
    return call.Read([&](db::Tx& tx) -> Result<v1::ListConsultsResponse> {
        if (req.case_id() != 0) SPOED_TRY(FindCase(tx, call, req.case_id()));
        v1::ListConsultsResponse resp;
        for (const auto& q : tx.consults().List(req.open_only(), req.case_id())) ToProto(q, resp.add_consults());
        return resp;
    });
}

Result<v1::AnswerConsultResponse> ConsultService::AnswerConsult(Call& call, const v1::AnswerConsultRequest& req) {
    SPOED_TRY(CheckText("advice", req.advice(), 10000, true, TextKind::kMultiline));
    call.audit().object_ids.push_back(ObjectId("consult", req.consult_id()));
    return call.Write([&](db::Tx& tx) -> Result<v1::AnswerConsultResponse> {
        SPOED_ASSIGN(auto q, FindConsult(tx, req.consult_id()));
        SPOED_TRY(FindCase(tx, call, q.case_id));
        if (q.answered_at)
            return Error::FailedPrecondition("consult_id: this consult was already answered").Because("already_done");
        tx.consults().Answer(q.id, call.actor()->user_id, call.now(), req.advice());
        q.psychiatrist = call.actor()->user_id;
        q.answered_at = call.now();
        q.advice = req.advice();
        v1::Event e = CaseEvent(v1::EVENT_KIND_CONSULT_ANSWERED, q.case_id, call);
        e.set_consult_id(q.id);
        events_.Emit(tx, call.now(), std::move(e), db::kAudienceWorkers | db::kAudiencePsychiatrists);
        v1::AnswerConsultResponse resp;
        ToProto(q, resp.mutable_consult());
        return resp;
    });
}

}  // namespace spoed::daemon::service
