#include "daemon/service/meldcode_service.hpp"

#include <set>

#include "daemon/service/case_service.hpp"
#include "daemon/service/convert.hpp"
#include "daemon/service/roles.hpp"
#include "daemon/service/validate.hpp"

namespace spoed::daemon::service {
namespace {

/// The five questions as the API names them, in order.
constexpr std::string_view kQuestionFields[] = {"suspicion", "unsafety", "help_possible", "help_accepted",
                                                "lasting_safety"};

const v1::MeldcodeQuestion& Question(const v1::UpdateTrackRequest& req, std::size_t i) {
    switch (i) {
        case 0:
            return req.suspicion();
        case 1:
            return req.unsafety();
        case 2:
            return req.help_possible();
        case 3:
            return req.help_accepted();
        default:
            return req.lasting_safety();
    }
}

v1::MeldcodeQuestion* MutableQuestion(v1::MeldcodeTrack* t, std::size_t i) {
    switch (i) {
        case 0:
            return t->mutable_suspicion();
        case 1:
            return t->mutable_unsafety();
        case 2:
            return t->mutable_help_possible();
        case 3:
            return t->mutable_help_accepted();
        default:
            return t->mutable_lasting_safety();
    }
}

Status CheckTrackId(std::int64_t id) { return CheckId("track_id", id); }

/// The open track with its case noted in the audit line; already_done once decided.
Result<db::MeldcodeTrackRecord> FindTrack(db::Tx& tx, Call& call, std::int64_t id, bool must_be_open) {
    auto t = tx.meldcode().Find(id);
    if (!t) return Error::NotFound("track_id: no Meldcode track " + std::to_string(id));
    SPOED_TRY(FindCase(tx, call, t->case_id));
    call.audit().object_ids.push_back(ObjectId("case", t->case_id));
    if (must_be_open && t->state != "open") {
        return Error::FailedPrecondition("track_id: the Meldcode track was already " +
                                         std::string(t->state == "decided" ? "decided" : "handed over"))
            .Because("already_done");
    }
    return *t;
}

/// The active users marked as aandachtsfunctionaris, to consult.
void AddOfficers(db::Tx& tx, v1::GetTrackResponse& resp) {
    for (const auto& u : tx.users().List(false)) {
        if (!RoleSet::FromNames(u.roles).Has(v1::ROLE_MELDCODE_OFFICER)) continue;
        auto* o = resp.add_officers();
        o->set_user_id(u.id);
        o->set_display_name(u.display_name);
    }
}

/// Reads the track back (with its consultations and the case's youth) for the answer.
template <typename Resp>
Result<Resp> Answer(db::Tx& tx, std::int64_t track_id) {
    Resp resp;
    ToProto(*tx.meldcode().Find(track_id), resp.mutable_track());
    return resp;
}

}  // namespace

MeldcodeReading ReadAnswers(const std::array<db::MeldcodeAnswerRecord, 5>& a) {
    // 1: a suspicion? No: nothing to report. 2: unsafety? Yes: report. 3: help possible? No:
    // report. 4: help accepted? No: report. 5: lasting safety? No: report.
    if (a[0].answer.empty()) return {false, 1};
    if (a[0].answer == "no") return {false, 0};
    if (a[1].answer.empty()) return {false, 2};
    if (a[1].answer == "yes") return {true, 0};
    if (a[2].answer.empty()) return {false, 3};
    if (a[2].answer == "no") return {true, 0};
    if (a[3].answer.empty()) return {false, 4};
    if (a[3].answer == "no") return {true, 0};
    return {a[4].answer == "no", 0};
}

void ToProto(const db::MeldcodeTrackRecord& t, v1::MeldcodeTrack* out) {
    out->set_id(t.id);
    out->set_case_id(t.case_id);
    out->set_youth_id(t.youth_id);
    out->set_state(t.state == "open"      ? v1::MELDCODE_STATE_OPEN
                   : t.state == "decided" ? v1::MELDCODE_STATE_DECIDED
                                          : v1::MELDCODE_STATE_TRANSFERRED);
    out->set_observed_signals(t.observed_signals);
    SetTimestamp(out->mutable_started_at(), t.started_at);
    out->set_started_by(t.started_by);
    for (const auto& c : t.consultations) {
        auto* o = out->add_consultations();
        o->set_id(c.id);
        o->set_kind(static_cast<v1::ConsultationKind>(EnumValue(v1::ConsultationKind_descriptor(), c.kind)));
        o->set_anonymous(c.anonymous);
        o->set_user_id(c.user_id.value_or(0));
        o->set_with_whom(c.with_whom);
        o->set_advice(c.advice);
        SetTimestamp(o->mutable_at(), c.at);
        o->set_recorded_by(c.recorded_by);
        o->set_recorded_by_name(c.recorded_by_name);
    }
    out->set_conversation(static_cast<v1::Conversation>(EnumValue(v1::Conversation_descriptor(), t.conversation)));
    out->set_conversation_with(t.conversation_with);
    out->set_conversation_note(t.conversation_note);
    for (std::size_t i = 0; i < t.answers.size(); ++i) {
        auto* q = MutableQuestion(out, i);
        q->set_answer(static_cast<v1::MeldcodeAnswer>(EnumValue(v1::MeldcodeAnswer_descriptor(), t.answers[i].answer)));
        q->set_reason(t.answers[i].reason);
    }
    out->set_report_required(ReadAnswers(t.answers).report_required);
    if (t.decision)
        out->set_decision(static_cast<v1::MeldcodeDecision>(EnumValue(v1::MeldcodeDecision_descriptor(), *t.decision)));
    out->set_decision_note(t.decision_note);
    out->set_decided_by(t.decided_by.value_or(0));
    if (t.decided_at) SetTimestamp(out->mutable_decided_at(), *t.decided_at);
    out->set_veilig_thuis_reference(t.veilig_thuis_reference);
    out->set_handover_id(t.handover_id.value_or(0));
    out->set_transferred_to(t.transferred_to);
    SetTimestamp(out->mutable_updated_at(), t.updated_at);
    out->set_started_by_name(t.started_by_name);
    out->set_decided_by_name(t.decided_by_name);
}

Status CheckMeldcodeSettled(db::Tx& tx, std::int64_t case_id) {
    auto t = tx.meldcode().FindByCase(case_id);
    if (!t || t->state != "open") return Ok();
    return Error::FailedPrecondition("case_id: the case cannot close while its Meldcode track " +
                                     std::to_string(t->id) +
                                     " is undecided: decide it, or hand it over with a handover")
        .Because("meldcode_undecided");
}

Result<v1::StartTrackResponse> MeldcodeService::StartTrack(Call& call, const v1::StartTrackRequest& req) {
    SPOED_TRY(CheckId("case_id", req.case_id()));
    SPOED_TRY(CheckText("observed_signals", req.observed_signals(), 10000, true, TextKind::kMultiline));
    return call.Write([&](db::Tx& tx) -> Result<v1::StartTrackResponse> {
        SPOED_ASSIGN(auto c, FindCase(tx, call, req.case_id()));
        if (c.status != "open")
            return Error::FailedPrecondition("case_id: case " + std::to_string(c.id) + " is closed")
                .Because("case_closed");
        db::MeldcodeTrackRecord t;
        t.case_id = c.id;
        t.observed_signals = req.observed_signals();
        t.started_at = call.now();
        t.started_by = call.actor()->user_id;
        t.updated_at = call.now();
        auto id = tx.meldcode().Insert(t);
        if (!id) {
            return Error::AlreadyExists("case_id: case " + std::to_string(c.id) + " already has a Meldcode track")
                .Because("already_exists");
        }
        call.audit().object_ids.push_back(ObjectId("track", *id));
        AddCaseEvent(tx, call, c.id, "meldcode_started", "");
        return Answer<v1::StartTrackResponse>(tx, *id);
    });
}

Result<v1::UpdateTrackResponse> MeldcodeService::UpdateTrack(Call& call, const v1::UpdateTrackRequest& req) {
    SPOED_TRY(CheckTrackId(req.track_id()));
    SPOED_TRY(CheckText("observed_signals", req.observed_signals(), 10000, false, TextKind::kMultiline));
    const std::string conversation = EnumName(v1::Conversation_descriptor(), req.conversation());
    if (req.conversation() != 0 && conversation.empty()) return Error::InvalidArgument("conversation: unknown value");
    SPOED_TRY(
        CheckText("conversation_with", req.conversation_with(), 500, req.conversation() == v1::CONVERSATION_HELD));
    SPOED_TRY(CheckText("conversation_note", req.conversation_note(), 10000,
                        req.conversation() == v1::CONVERSATION_NOT_HELD, TextKind::kMultiline));
    if (req.conversation() == 0 && !(req.conversation_with().empty() && req.conversation_note().empty())) {
        return Error::InvalidArgument("conversation: required with its people or note (held or not held)")
            .Because("required");
    }
    bool any_answer = false;
    for (std::size_t i = 0; i < std::size(kQuestionFields); ++i) {
        const auto& q = Question(req, i);
        const std::string field(kQuestionFields[i]);
        if (q.answer() == v1::MELDCODE_ANSWER_UNSPECIFIED) {
            if (!q.reason().empty())
                return Error::InvalidArgument(field + ".answer: required with a reason (yes or no)")
                    .Because("required");
            continue;
        }
        if (EnumName(v1::MeldcodeAnswer_descriptor(), q.answer()).empty())
            return Error::InvalidArgument(field + ".answer: unknown value");
        SPOED_TRY(CheckText(field + ".reason", q.reason(), 4000, true, TextKind::kMultiline));
        any_answer = true;
    }
    if (req.observed_signals().empty() && req.conversation() == 0 && !any_answer)
        return Error::InvalidArgument("nothing to update: set the observed signals, the conversation or an answer");

    call.audit().object_ids.push_back(ObjectId("track", req.track_id()));
    return call.Write([&](db::Tx& tx) -> Result<v1::UpdateTrackResponse> {
        SPOED_ASSIGN(auto t, FindTrack(tx, call, req.track_id(), true));
        if (!req.observed_signals().empty()) t.observed_signals = req.observed_signals();
        if (req.conversation() != 0) {
            t.conversation = conversation;
            t.conversation_with = req.conversation_with();
            t.conversation_note = req.conversation_note();
        }
        for (std::size_t i = 0; i < std::size(kQuestionFields); ++i) {
            const auto& q = Question(req, i);
            if (q.answer() == v1::MELDCODE_ANSWER_UNSPECIFIED) continue;
            t.answers[i] = {EnumName(v1::MeldcodeAnswer_descriptor(), q.answer()), q.reason()};
        }
        t.updated_at = call.now();
        tx.meldcode().Update(t);
        return Answer<v1::UpdateTrackResponse>(tx, t.id);
    });
}

Result<v1::AddConsultationResponse> MeldcodeService::AddConsultation(Call& call,
                                                                     const v1::AddConsultationRequest& req) {
    SPOED_TRY(CheckTrackId(req.track_id()));
    db::MeldcodeConsultationRecord c;
    c.kind = EnumName(v1::ConsultationKind_descriptor(), req.kind());
    if (c.kind.empty())
        return Error::InvalidArgument("kind: required (colleague, aandachtsfunctionaris or Veilig Thuis)")
            .Because("required");
    if (req.user_id() < 0) return Error::InvalidArgument("user_id: must not be negative");
    if (req.kind() == v1::CONSULTATION_KIND_MELDCODE_OFFICER && req.user_id() == 0)
        return Error::InvalidArgument("user_id: required for the aandachtsfunctionaris").Because("required");
    if (req.kind() == v1::CONSULTATION_KIND_VEILIG_THUIS && req.user_id() != 0)
        return Error::InvalidArgument("user_id: Veilig Thuis is not a Spoed user; name who advised in with_whom");
    SPOED_TRY(CheckText("with_whom", req.with_whom(), 500, req.user_id() == 0));
    SPOED_TRY(CheckText("advice", req.advice(), 10000, true, TextKind::kMultiline));
    c.anonymous = req.anonymous();
    if (req.user_id() != 0) c.user_id = req.user_id();
    c.with_whom = req.with_whom();
    c.advice = req.advice();
    c.at = call.now();
    c.recorded_by = call.actor()->user_id;

    call.audit().object_ids.push_back(ObjectId("track", req.track_id()));
    return call.Write([&](db::Tx& tx) -> Result<v1::AddConsultationResponse> {
        SPOED_ASSIGN(auto t, FindTrack(tx, call, req.track_id(), true));
        if (c.user_id) {
            auto u = tx.users().FindById(*c.user_id);
            if (!u || u->disabled)
                return Error::InvalidArgument("user_id: no active user " + std::to_string(*c.user_id));
            if (req.kind() == v1::CONSULTATION_KIND_MELDCODE_OFFICER &&
                !RoleSet::FromNames(u->roles).Has(v1::ROLE_MELDCODE_OFFICER)) {
                return Error::InvalidArgument("user_id: user " + std::to_string(u->id) +
                                              " is not an aandachtsfunctionaris (meldcode_officer)");
            }
            if (c.with_whom.empty()) c.with_whom = u->display_name;
        }
        c.track_id = t.id;
        tx.meldcode().AddConsultation(c);
        t.updated_at = call.now();
        tx.meldcode().Update(t);
        return Answer<v1::AddConsultationResponse>(tx, t.id);
    });
}

Result<v1::DecideTrackResponse> MeldcodeService::DecideTrack(Call& call, const v1::DecideTrackRequest& req) {
    SPOED_TRY(CheckTrackId(req.track_id()));
    const std::string decision = EnumName(v1::MeldcodeDecision_descriptor(), req.decision());
    if (decision.empty())
        return Error::InvalidArgument("decision: required (report to Veilig Thuis, help, or closed)")
            .Because("required");
    SPOED_TRY(CheckText("note", req.note(), 4000, true, TextKind::kMultiline));
    const bool report = req.decision() == v1::MELDCODE_DECISION_REPORT;
    SPOED_TRY(CheckText("veilig_thuis_reference", req.veilig_thuis_reference(), 100, report));
    if (!report && !req.veilig_thuis_reference().empty())
        return Error::InvalidArgument("veilig_thuis_reference: only for a report to Veilig Thuis");

    call.audit().object_ids.push_back(ObjectId("track", req.track_id()));
    return call.Write([&](db::Tx& tx) -> Result<v1::DecideTrackResponse> {
        SPOED_ASSIGN(auto t, FindTrack(tx, call, req.track_id(), true));
        // The steps before the decision: consulted (2), spoken with those involved or said why
        // not (3), and enough of the five questions answered to know whether to report (4).
        if (t.consultations.empty()) {
            return Error::FailedPrecondition(
                       "consultations: consult a colleague, the aandachtsfunctionaris or Veilig Thuis first (step 2)")
                .Because("meldcode_incomplete", {{"step", "2"}});
        }
        if (t.conversation.empty()) {
            return Error::FailedPrecondition(
                       "conversation: record the conversation with the youth or parents, or why it was not held, "
                       "first (step 3)")
                .Because("meldcode_incomplete", {{"step", "3"}});
        }
        const MeldcodeReading reading = ReadAnswers(t.answers);
        if (reading.unanswered != 0) {
            const std::string n = std::to_string(reading.unanswered);
            return Error::FailedPrecondition(std::string(kQuestionFields[reading.unanswered - 1]) +
                                             ": answer question " + n + " of the afwegingskader first (step 4)")
                .Because("meldcode_incomplete", {{"step", "4"}, {"question", n}});
        }
        if (reading.report_required && !report) {
            return Error::FailedPrecondition(
                       "decision: the answers require a report to Veilig Thuis (unsafety, or help that cannot be "
                       "offered, is not accepted or does not lead to lasting safety); no other decision is accepted")
                .Because("report_required");
        }
        t.state = "decided";
        t.decision = decision;
        t.decision_note = req.note();
        t.decided_by = call.actor()->user_id;
        t.decided_at = call.now();
        t.veilig_thuis_reference = req.veilig_thuis_reference();
        t.updated_at = call.now();
        tx.meldcode().Update(t);
        AddCaseEvent(tx, call, t.case_id, "meldcode_decided", decision);
        return Answer<v1::DecideTrackResponse>(tx, t.id);
    });
}

Result<v1::TransferTrackResponse> MeldcodeService::TransferTrack(Call& call, const v1::TransferTrackRequest& req) {
    SPOED_TRY(CheckTrackId(req.track_id()));
    SPOED_TRY(CheckId("handover_id", req.handover_id()));
    call.audit().object_ids.push_back(ObjectId("track", req.track_id()));
    call.audit().object_ids.push_back(ObjectId("handover", req.handover_id()));
    return call.Write([&](db::Tx& tx) -> Result<v1::TransferTrackResponse> {
        SPOED_ASSIGN(auto t, FindTrack(tx, call, req.track_id(), true));
        auto h = tx.handovers().Find(req.handover_id());
        if (!h) return Error::NotFound("handover_id: no handover " + std::to_string(req.handover_id()));
        if (h->case_id != t.case_id) {
            return Error::InvalidArgument("handover_id: handover " + std::to_string(h->id) +
                                          " belongs to another case than the track");
        }
        t.state = "transferred";
        t.handover_id = h->id;
        t.updated_at = call.now();
        tx.meldcode().Update(t);
        AddCaseEvent(tx, call, t.case_id, "meldcode_transferred", "");
        return Answer<v1::TransferTrackResponse>(tx, t.id);
    });
}

Result<v1::GetTrackResponse> MeldcodeService::GetTrack(Call& call, const v1::GetTrackRequest& req) {
    if (req.track_id() < 0 || req.case_id() < 0) return Error::InvalidArgument("track_id: must not be negative");
    if ((req.track_id() == 0) == (req.case_id() == 0))
        return Error::InvalidArgument("track_id: give the track's id or its case's id, one of the two");
    return call.Read([&](db::Tx& tx) -> Result<v1::GetTrackResponse> {
        if (req.case_id() != 0) {
            SPOED_TRY(FindCase(tx, call, req.case_id()));
            call.audit().object_ids.push_back(ObjectId("case", req.case_id()));
            auto t = tx.meldcode().FindByCase(req.case_id());
            if (!t) return Error::NotFound("case_id: case " + std::to_string(req.case_id()) + " has no Meldcode track");
            call.audit().object_ids.push_back(ObjectId("track", t->id));
            v1::GetTrackResponse resp;
            ToProto(*t, resp.mutable_track());
            AddOfficers(tx, resp);
            return resp;
        }
        call.audit().object_ids.push_back(ObjectId("track", req.track_id()));
        SPOED_ASSIGN(auto t, FindTrack(tx, call, req.track_id(), false));
        v1::GetTrackResponse resp;
        ToProto(t, resp.mutable_track());
        AddOfficers(tx, resp);
        return resp;
    });
}

Result<v1::ListTracksResponse> MeldcodeService::ListTracks(Call& call, const v1::ListTracksRequest& req) {
    if (req.limit() < 0 || req.limit() > 500) return Error::InvalidArgument("limit: must be 1 to 500");
    const int limit = req.limit() == 0 ? 100 : req.limit();
    return call.Read([&](db::Tx& tx) -> Result<v1::ListTracksResponse> {
        v1::ListTracksResponse resp;
        std::set<std::int64_t> youths;
        for (const auto& t : tx.meldcode().List(req.open_only(), limit)) {
            // Every track read is in the access log, with its case and youth.
            call.audit().object_ids.push_back(ObjectId("track", t.id));
            call.audit().object_ids.push_back(ObjectId("case", t.case_id));
            if (t.youth_id != 0 && youths.insert(t.youth_id).second)
                call.audit().object_ids.push_back(ObjectId("youth", t.youth_id));
            ToProto(t, resp.add_tracks());
        }
        if (youths.size() == 1) call.audit().youth_id = *youths.begin();
        return resp;
    });
}

}  // namespace spoed::daemon::service
