#include "daemon/service/handover_service.hpp"

#include <array>

#include "daemon/service/case_service.hpp"
#include "daemon/service/convert.hpp"
#include "daemon/service/validate.hpp"

namespace spoed::daemon::service {
namespace {

constexpr std::array<std::string_view, 4> kStepOrder = {"receiver_contacted", "family_contacted", "agreements_recorded",
                                                        "confirmed"};

void AddSkippedDays(const DueTime& due, google::protobuf::RepeatedPtrField<v1::SkippedDay>* out) {
    for (const auto& [date, why] : due.skipped_days) {
        auto* d = out->Add();
        *d->mutable_date() = ToProtoDate(date);
        d->set_why(why);
    }
}

v1::Event HandoverEvent(v1::EventKind kind, const db::HandoverRecord& h, const Call& call) {
    v1::Event e;
    e.set_kind(kind);
    e.set_case_id(h.case_id);
    e.set_handover_id(h.id);
    SetTimestamp(e.mutable_due_at(), h.due_at);
    e.set_actor_user_id(call.actor()->user_id);
    return e;
}

Result<db::HandoverRecord> FindHandover(db::Tx& tx, Call& call, std::int64_t id) {
    SPOED_TRY(CheckId("handover_id", id));
    auto h = tx.handovers().Find(id);
    if (!h) return Error::NotFound("handover_id: no handover " + std::to_string(id));
    if (h->youth_id != 0) call.audit().youth_id = h->youth_id;
    return *h;
}

}  // namespace

void ToProto(const db::HandoverRecord& h, TimePoint now, const WorkingDayCalendar& calendar, v1::Handover* out) {
    out->set_id(h.id);
    out->set_case_id(h.case_id);
    out->set_youth_id(h.youth_id);
    out->set_kind(static_cast<v1::HandoverKind>(EnumValue(v1::HandoverKind_descriptor(), h.kind)));
    auto* r = out->mutable_recipient();
    r->set_organisation_id(h.organisation_id.value_or(0));
    r->set_name(h.recipient_name);
    r->set_contact(h.recipient_contact);
    r->set_phone(h.recipient_phone);
    out->set_consent_id(h.consent_id.value_or(0));
    out->set_legal_ground(h.legal_ground);
    SetTimestamp(out->mutable_due_at(), h.due_at);
    out->set_due_reason(h.due_reason);
    // The days skipped, as data: the calendar gives the same due time again unless its
    // configuration changed since (then only the English reason is there).
    if (const DueTime due = calendar.HandoverDue(h.created_at); due.due_at == h.due_at) {
        AddSkippedDays(due, out->mutable_due_skipped_days());
    }
    out->set_status(static_cast<v1::HandoverStatus>(EnumValue(v1::HandoverStatus_descriptor(), h.status)));
    for (const auto& s : h.steps) {
        auto* o = out->add_steps();
        o->set_step(static_cast<v1::HandoverStep>(EnumValue(v1::HandoverStep_descriptor(), s.step)));
        SetTimestamp(o->mutable_at(), s.at);
        o->set_by(s.by_user);
        o->set_note(s.note);
    }
    out->set_agreements(h.agreements);
    out->set_escalation_reason(h.escalation_reason);
    out->set_created_by(h.created_by);
    SetTimestamp(out->mutable_created_at(), h.created_at);
    out->set_overdue(h.status != "confirmed" && now >= h.due_at);
    out->set_municipality(h.municipality);
    if (h.status != "confirmed" && h.steps.size() < kStepOrder.size()) {
        out->set_next_step(
            static_cast<v1::HandoverStep>(EnumValue(v1::HandoverStep_descriptor(), kStepOrder[h.steps.size()])));
    }
}

std::string_view ConsentScopeFor(std::string_view kind) {
    return kind == "local_team" ? "inform_local_team" : "dossier_access";
}

Status CheckHandoversConfirmed(db::Tx& tx, std::int64_t case_id) {
    db::HandoverFilter f;
    f.case_id = case_id;
    auto open = tx.handovers().List(f);
    if (open.empty()) return Ok();
    std::string which;
    for (const auto& h : open) {
        if (!which.empty()) which += ", ";
        which += std::to_string(h.id) + " (" + h.kind + ", " + h.recipient_name + ")";
    }
    return Error::FailedPrecondition("case_id: the case cannot close while a handover is not confirmed: " + which)
        .Because("handover_not_confirmed");
}

Result<v1::PreviewDueResponse> HandoverService::PreviewDue(Call& call, const v1::PreviewDueRequest& req) {
    SPOED_ASSIGN(TimePoint t, CheckTimestampOr("time", req.has_time(), req.time(), call.now()));
    // A preview is for a handover about to start: a moment years away has no due time to show
    // (and one in the year 9999 would fall due in 10000, which no answer can carry).
    if (t > call.now() + std::chrono::days(366) || t < call.now() - std::chrono::days(366)) {
        return Error::InvalidArgument("time: more than a year from now").Because("invalid_value");
    }
    DueTime due = calendar_.HandoverDue(t);
    v1::PreviewDueResponse resp;
    SetTimestamp(resp.mutable_due_at(), due.due_at);
    resp.set_reason(due.reason);
    for (const auto& s : due.skipped) resp.add_skipped(s);
    AddSkippedDays(due, resp.mutable_skipped_days());
    return resp;
}

Result<v1::CreateHandoverResponse> HandoverService::CreateHandover(Call& call, const v1::CreateHandoverRequest& req) {
    call.audit().object_ids.push_back(ObjectId("case", req.case_id()));
    db::HandoverRecord h;
    h.kind = EnumName(v1::HandoverKind_descriptor(), req.kind());
    if (h.kind.empty()) {
        return Error::InvalidArgument(
            "kind: required (ongoing care, intensive home treatment, local team, GP, Veilig Thuis or other)");
    }
    const auto& r = req.recipient();
    if (r.organisation_id() < 0) return Error::InvalidArgument("recipient.organisation_id: must not be negative");
    SPOED_TRY(CheckText("recipient.name", r.name(), 200, r.organisation_id() == 0));
    SPOED_TRY(CheckText("recipient.contact", r.contact(), 200, false));
    if (!r.phone().empty()) {
        SPOED_ASSIGN(h.recipient_phone, CheckPhone("recipient.phone", r.phone()));
    }
    SPOED_TRY(CheckText("legal_ground", req.legal_ground(), 1000, false, TextKind::kMultiline));
    h.recipient_name = r.name();
    h.recipient_contact = r.contact();
    h.legal_ground = IsBlank(req.legal_ground()) ? std::string() : req.legal_ground();
    h.created_by = call.actor()->user_id;
    h.created_at = call.now();

    return call.Write([&](db::Tx& tx) -> Result<v1::CreateHandoverResponse> {
        SPOED_ASSIGN(auto c, FindCase(tx, call, req.case_id()));
        if (c.status != "open")
            return Error::FailedPrecondition("case_id: case " + std::to_string(c.id) + " is closed")
                .Because("case_closed");
        // Due the working day after the call's shift, as long as that is still ahead; a handover
        // started later than that is due the working day after today's shift.
        DueTime due = calendar_.HandoverDue(c.opened_at);
        if (due.due_at <= call.now()) due = calendar_.HandoverDue(call.now());
        h.due_at = due.due_at;
        h.due_reason = due.reason;
        if (r.organisation_id() != 0) {
            auto org = tx.directory().Find(r.organisation_id());
            if (!org)
                return Error::NotFound("recipient.organisation_id: no organisation " +
                                       std::to_string(r.organisation_id()));
            h.organisation_id = org->id;
            if (h.recipient_name.empty()) h.recipient_name = org->name;
            if (h.recipient_contact.empty()) {
                for (const auto& k : org->contacts) {
                    if (k.designated) {
                        h.recipient_contact = k.name;
                        if (h.recipient_phone.empty()) h.recipient_phone = k.phone;
                        break;
                    }
                }
            }
            if (h.recipient_phone.empty()) h.recipient_phone = org->phone;
        }
        // Informing anyone needs the matching consent (given under the WGBO rule) or a legal ground.
        std::string_view scope = ConsentScopeFor(h.kind);
        if (c.youth_id) {
            for (const auto& consent : tx.consents().ListForYouth(*c.youth_id)) {
                if (consent.scope == scope && consent.ValidAt(call.now())) {
                    h.consent_id = consent.id;
                    break;
                }
            }
        }
        if (!h.consent_id && h.legal_ground.empty()) {
            return Error::FailedPrecondition(
                       std::string("legal_ground: there is no valid ") + std::string(scope) + " consent" +
                       (c.youth_id ? "" : " (the youth is not known yet)") +
                       "; record the consent first or give the legal ground (e.g. a report under the reporting code)")
                .Because("consent_missing", {{"scope", std::string(scope)}});
        }
        h.case_id = c.id;
        h.id = tx.handovers().Insert(h);
        call.audit().object_ids.push_back(ObjectId("handover", h.id));
        auto stored = tx.handovers().Find(h.id);
        v1::CreateHandoverResponse resp;
        ToProto(stored ? *stored : h, call.now(), calendar_, resp.mutable_handover());
        return resp;
    });
}

Result<v1::RecordStepResponse> HandoverService::RecordStep(Call& call, const v1::RecordStepRequest& req) {
    call.audit().object_ids.push_back(ObjectId("handover", req.handover_id()));
    std::string step = EnumName(v1::HandoverStep_descriptor(), req.step());
    if (step.empty()) return Error::InvalidArgument("step: required").Because("required");
    SPOED_ASSIGN(TimePoint at, CheckTimestampOr("at", req.has_at(), req.at(), call.now()));
    if (at > call.now()) return Error::InvalidArgument("at: lies in the future").Because("in_future");
    SPOED_TRY(CheckText("note", req.note(), 2000, false, TextKind::kMultiline));
    SPOED_TRY(CheckText("agreements", req.agreements(), 10000, step == "agreements_recorded", TextKind::kMultiline));
    return call.Write([&](db::Tx& tx) -> Result<v1::RecordStepResponse> {
        SPOED_ASSIGN(auto h, FindHandover(tx, call, req.handover_id()));
        if (h.status == "confirmed")
            return Error::FailedPrecondition("handover_id: the handover is already confirmed").Because("already_done");
        std::size_t index = 0;
        while (kStepOrder[index] != step) ++index;
        if (h.steps.size() > index)
            return Error::FailedPrecondition("step: " + step + " was already recorded").Because("already_done");
        if (h.steps.size() < index) {
            return Error::FailedPrecondition("step: record " + std::string(kStepOrder[h.steps.size()]) + " first")
                .Because("step_out_of_order", {{"next", std::string(kStepOrder[h.steps.size()])}});
        }
        if (!h.steps.empty() && at < h.steps.back().at) {
            return Error::InvalidArgument("at: before the previous step (" + h.steps.back().step + ")");
        }
        tx.handovers().AddStep(h.id, {step, at, call.actor()->user_id, req.note()});
        if (step == "agreements_recorded") h.agreements = req.agreements();
        if (step == "confirmed") h.status = "confirmed";
        tx.handovers().UpdateState(h);
        if (step == "confirmed") {
            events_.Emit(tx, call.now(), HandoverEvent(v1::EVENT_KIND_HANDOVER_CONFIRMED, h, call),
                         db::kAudienceWorkers | db::kAudienceCoordinators);
        }
        auto stored = tx.handovers().Find(h.id);
        v1::RecordStepResponse resp;
        ToProto(*stored, call.now(), calendar_, resp.mutable_handover());
        return resp;
    });
}

Result<v1::EscalateResponse> HandoverService::Escalate(Call& call, const v1::EscalateRequest& req) {
    call.audit().object_ids.push_back(ObjectId("handover", req.handover_id()));
    SPOED_TRY(CheckText("reason", req.reason(), 2000, true, TextKind::kMultiline));
    return call.Write([&](db::Tx& tx) -> Result<v1::EscalateResponse> {
        SPOED_ASSIGN(auto h, FindHandover(tx, call, req.handover_id()));
        if (h.status == "confirmed")
            return Error::FailedPrecondition("handover_id: the handover is already confirmed").Because("already_done");
        h.status = "escalated";
        h.escalation_reason = req.reason();
        tx.handovers().UpdateState(h);
        events_.Emit(tx, call.now(), HandoverEvent(v1::EVENT_KIND_HANDOVER_ESCALATED, h, call),
                     db::kAudienceWorkers | db::kAudienceCoordinators);
        v1::EscalateResponse resp;
        ToProto(h, call.now(), calendar_, resp.mutable_handover());
        return resp;
    });
}

Result<v1::ListHandoversResponse> HandoverService::ListHandovers(Call& call, const v1::ListHandoversRequest& req) {
    db::HandoverFilter f;
    f.unconfirmed_only = !req.include_confirmed();
    if (req.case_id() < 0) return Error::InvalidArgument("case_id: must not be negative");
    f.case_id = req.case_id();
    SPOED_TRY(CheckText("municipality", req.municipality(), 100, false));
    f.municipality = req.municipality();
    if (req.due_today()) {
        // Before local midnight at the end of today.
        auto today = std::chrono::floor<std::chrono::days>(UtcToLocal(call.now()));
        f.due_before = LocalToUtc(std::chrono::local_time<std::chrono::minutes>(today + std::chrono::days{1}));
    }
    if (req.overdue()) f.due_before = call.now();
    return call.Read([&](db::Tx& tx) -> Result<v1::ListHandoversResponse> {
        if (f.case_id != 0) SPOED_TRY(FindCase(tx, call, f.case_id));
        v1::ListHandoversResponse resp;
        for (const auto& h : tx.handovers().List(f)) ToProto(h, call.now(), calendar_, resp.add_handovers());
        return resp;
    });
}

// --- directory --------------------------------------------------------------------------------

void ToProto(const db::OrganisationRecord& o, v1::Organisation* out) {
    out->set_id(o.id);
    out->set_name(o.name);
    out->set_kind(static_cast<v1::OrganisationKind>(EnumValue(v1::OrganisationKind_descriptor(), o.kind)));
    out->set_municipality(o.municipality);
    out->set_phone(o.phone);
    out->set_availability(o.availability);
    for (const auto& k : o.contacts) {
        auto* c = out->add_contacts();
        c->set_name(k.name);
        c->set_role(k.role);
        c->set_phone(k.phone);
        c->set_availability(k.availability);
        c->set_designated(k.designated);
    }
}

Result<v1::SaveOrganisationResponse> DirectoryService::SaveOrganisation(Call& call,
                                                                        const v1::SaveOrganisationRequest& req) {
    const auto& in = req.organisation();
    db::OrganisationRecord o;
    if (in.id() < 0) return Error::InvalidArgument("organisation.id: must not be negative");
    o.id = in.id();
    SPOED_TRY(CheckText("organisation.name", in.name(), 200, true));
    o.name = in.name();
    o.kind = EnumName(v1::OrganisationKind_descriptor(), in.kind());
    if (o.kind.empty()) return Error::InvalidArgument("organisation.kind: required").Because("required");
    SPOED_TRY(CheckText("organisation.municipality", in.municipality(), 100, o.kind == "local_team"));
    o.municipality = in.municipality();
    if (!in.phone().empty()) {
        SPOED_ASSIGN(o.phone, CheckPhone("organisation.phone", in.phone()));
    }
    SPOED_TRY(CheckText("organisation.availability", in.availability(), 200, false));
    o.availability = in.availability();
    if (in.contacts_size() > 50) return Error::InvalidArgument("organisation.contacts: at most 50");
    for (int i = 0; i < in.contacts_size(); ++i) {
        const auto& k = in.contacts(i);
        std::string field = "organisation.contacts[" + std::to_string(i) + "]";
        SPOED_TRY(CheckText(field + ".name", k.name(), 200, true));
        SPOED_TRY(CheckText(field + ".role", k.role(), 100, false));
        SPOED_TRY(CheckText(field + ".availability", k.availability(), 200, false));
        db::DirectoryContactRecord r{k.name(), k.role(), "", k.availability(), k.designated()};
        if (!k.phone().empty()) {
            SPOED_ASSIGN(r.phone, CheckPhone(field + ".phone", k.phone()));
        }
        o.contacts.push_back(std::move(r));
    }
    o.updated_at = call.now();
    return call.Write([&](db::Tx& tx) -> Result<v1::SaveOrganisationResponse> {
        if (o.id == 0) {
            auto id = tx.directory().Insert(o);
            if (!id) return Error::AlreadyExists("organisation.name: another organisation has this name");
            o.id = *id;
        } else {
            if (!tx.directory().Find(o.id))
                return Error::NotFound("organisation.id: no organisation " + std::to_string(o.id));
            if (!tx.directory().Update(o)) {
                return Error::AlreadyExists("organisation.name: another organisation has this name");
            }
        }
        call.audit().object_ids.push_back(ObjectId("organisation", o.id));
        v1::SaveOrganisationResponse resp;
        ToProto(*tx.directory().Find(o.id), resp.mutable_organisation());
        return resp;
    });
}

Result<v1::ListOrganisationsResponse> DirectoryService::ListOrganisations(Call& call,
                                                                          const v1::ListOrganisationsRequest& req) {
    std::string kind = EnumName(v1::OrganisationKind_descriptor(), req.kind());
    if (req.kind() != 0 && kind.empty()) return Error::InvalidArgument("kind: unknown value");
    SPOED_TRY(CheckText("municipality", req.municipality(), 100, false));
    return call.Read([&](db::Tx& tx) -> Result<v1::ListOrganisationsResponse> {
        v1::ListOrganisationsResponse resp;
        for (const auto& o : tx.directory().List(kind, req.municipality())) ToProto(o, resp.add_organisations());
        return resp;
    });
}

}  // namespace spoed::daemon::service
