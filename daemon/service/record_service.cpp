#include "daemon/service/record_service.hpp"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/reflection.h>
#include <google/protobuf/timestamp.pb.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string_view>

#include "daemon/service/admin_service.hpp"
#include "daemon/service/case_service.hpp"
#include "daemon/service/convert.hpp"
#include "daemon/service/evaluation_service.hpp"
#include "daemon/service/handover_service.hpp"
#include "daemon/service/meldcode_service.hpp"
#include "daemon/service/plan_service.hpp"
#include "daemon/service/retention.hpp"
#include "daemon/service/validate.hpp"
#include "daemon/service/youth_service.hpp"

namespace spoed::daemon::service {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

constexpr int kAll = 1'000'000;  // "every row" for list filters

/// Dutch names of the fields that the document shows; a field not here is shown by its API name.
struct Label {
    std::string_view field, dutch;
};
constexpr Label kLabels[] = {
    {"id", "nummer"},
    {"youth_id", "jeugdige"},
    {"case_id", "casus"},
    {"given_name", "voornaam"},
    {"family_name", "achternaam"},
    {"date_of_birth", "geboortedatum"},
    {"date_of_birth_estimated", "geboortedatum geschat"},
    {"municipality", "gemeente"},
    {"bsn", "BSN"},
    {"phones", "telefoonnummers"},
    {"number", "nummer"},
    {"label", "soort"},
    {"contacts", "contacten"},
    {"kind", "soort"},
    {"name", "naam"},
    {"relation", "relatie"},
    {"phone", "telefoon"},
    {"created_at", "vastgelegd op"},
    {"updated_at", "gewijzigd op"},
    {"scope", "waarvoor"},
    {"given_at", "gegeven op"},
    {"given_by_youth", "gegeven door de jeugdige"},
    {"given_by_guardian", "gegeven door ouder of voogd"},
    {"valid_until", "geldig tot"},
    {"withdrawn_at", "ingetrokken op"},
    {"withdrawal_note", "toelichting bij intrekken"},
    {"recorded_by", "vastgelegd door (nummer)"},
    {"recorded_by_name", "vastgelegd door"},
    {"organisation", "organisatie"},
    {"professional", "behandelaar"},
    {"professional_phone", "telefoon behandelaar"},
    {"legal_measure", "maatregel"},
    {"note", "notitie"},
    {"started_at", "begonnen"},
    {"ended_at", "geëindigd"},
    {"end_reason", "reden van beëindiging"},
    {"version", "versie"},
    {"author_id", "auteur (nummer)"},
    {"author_name", "auteur"},
    {"change_note", "wat is veranderd"},
    {"content", "inhoud"},
    {"green", "groen"},
    {"orange", "oranje"},
    {"red", "rood"},
    {"signs", "signalen"},
    {"what_i_do", "wat ik doe"},
    {"what_others_do", "wat anderen doen"},
    {"warning_signs", "waarschuwingssignalen"},
    {"own_coping", "wat ik zelf kan doen"},
    {"distracting_people", "mensen die afleiden"},
    {"distracting_places", "plekken die afleiden"},
    {"people_who_can_help", "mensen die kunnen helpen"},
    {"professionals", "professionals"},
    {"making_environment_safe", "de omgeving veilig maken"},
    {"crisis_workers_do", "wat de crisisdienst doet"},
    {"crisis_workers_avoid", "wat de crisisdienst vermijdt"},
    {"agreements", "afspraken"},
    {"case", "casus"},
    {"caller_description", "beller"},
    {"status", "status"},
    {"problem_areas", "probleemgebieden"},
    {"risk_flags", "risicosignalen"},
    {"complexity", "complexiteit"},
    {"case_lead", "casusregie (nummer)"},
    {"outcome", "uitkomst"},
    {"opened_by", "geopend door (nummer)"},
    {"opened_at", "geopend"},
    {"closed_at", "gesloten"},
    {"closed_by", "gesloten door (nummer)"},
    {"closing_note", "afsluitende notitie"},
    {"type", "soort"},
    {"caller_role", "beller"},
    {"caller_phone", "nummer van de beller"},
    {"workers_present", "aanwezige medewerkers (nummers)"},
    {"summary", "samenvatting"},
    {"responses", "reacties"},
    {"plan_version_consulted", "geraadpleegde planversie"},
    {"logged_by", "vastgelegd door (nummer)"},
    {"logged_at", "vastgelegd op"},
    {"question", "vraag"},
    {"urgency", "urgentie"},
    {"requested_by", "gevraagd door (nummer)"},
    {"requested_at", "gevraagd op"},
    {"psychiatrist", "psychiater (nummer)"},
    {"answered_at", "beantwoord op"},
    {"advice", "advies"},
    {"consults", "consulten"},
    {"handovers", "overdrachten"},
    {"recipient", "ontvanger"},
    {"contact", "contactpersoon"},
    {"due_at", "uiterlijk"},
    {"steps", "stappen"},
    {"step", "stap"},
    {"at", "tijdstip"},
    {"by", "door"},
    {"legal_ground", "wettelijke grond"},
    {"consent_id", "toestemming (nummer)"},
    {"meldcode", "Meldcode-traject"},
    {"state", "stand"},
    {"observed_signals", "signalen"},
    {"started_by_name", "gestart door"},
    {"consultations", "consultaties"},
    {"anonymous", "anoniem"},
    {"with_whom", "met wie"},
    {"conversation", "gesprek"},
    {"conversation_with", "gesprek met"},
    {"conversation_note", "toelichting gesprek"},
    {"suspicion", "1. vermoeden van huiselijk geweld of kindermishandeling"},
    {"unsafety", "2. acute of structurele onveiligheid"},
    {"help_possible", "3. hulp mogelijk"},
    {"help_accepted", "4. hulp aanvaard"},
    {"lasting_safety", "5. duurzame veiligheid"},
    {"answer", "antwoord"},
    {"reason", "reden"},
    {"report_required", "melden verplicht"},
    {"decision", "besluit"},
    {"decision_note", "toelichting besluit"},
    {"decided_by_name", "besloten door"},
    {"decided_at", "besloten op"},
    {"veilig_thuis_reference", "referentie Veilig Thuis"},
    {"transferred_to", "overgedragen aan"},
    {"evaluation", "evaluatie"},
    {"reasons", "aanleidingen"},
    {"due_by", "uiterlijk"},
    {"planned_for", "gepland op"},
    {"held_on", "gehouden op"},
    {"participants", "deelnemers"},
    {"role", "rol"},
    {"analysis", "analyse"},
    {"care_timeline", "zorg tot nu toe"},
    {"went_well", "wat ging goed"},
    {"could_be_better", "wat kan beter"},
    {"right_help", "juiste hulp op het juiste moment"},
    {"prevent_next", "wat een volgende crisis voorkomt"},
    {"plan_changes", "wijzigingen in het plan"},
    {"review_comments", "opmerkingen"},
    {"text", "tekst"},
    {"timeline", "tijdlijn"},
    {"about", "over"},
    {"author", "door"},
    {"seq", "volgnummer"},
    {"username", "gebruiker"},
    {"roles", "rollen"},
    {"service", "dienst"},
    {"method", "handeling"},
    {"action", "soort handeling"},
    {"object_ids", "gegevens"},
    {"client_address", "vanaf adres"},
    {"result", "resultaat"},
};

std::string Esc(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\n':
                out += "<br>";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string LabelOf(const FieldDescriptor* f) {
    for (const auto& l : kLabels) {
        if (l.field == f->name()) return std::string(l.dutch);
    }
    std::string name = f->name();
    std::replace(name.begin(), name.end(), '_', ' ');
    return name;
}

std::string LocalTime(const google::protobuf::Timestamp& ts) {
    using namespace std::chrono;
    const auto local = UtcToLocal(FromTimestamp(ts));
    const auto day = floor<days>(local);
    const year_month_day ymd{day};
    const hh_mm_ss hms{floor<minutes>(local - day)};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02u-%02u-%04d %02d:%02d", static_cast<unsigned>(ymd.day()),
                  static_cast<unsigned>(ymd.month()), static_cast<int>(ymd.year()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()));
    return buf;
}

/// An enum value as a reader sees it: its key with spaces ("stayed home").
std::string EnumWords(const google::protobuf::EnumValueDescriptor* v) {
    std::string name = EnumName(v->type(), v->number());
    if (name.empty()) return "unspecified";
    std::replace(name.begin(), name.end(), '_', ' ');
    return name;
}

void Render(const Message& m, std::string& out);

std::string Scalar(const Message& m, const FieldDescriptor* f, int index) {
    const auto* r = m.GetReflection();
    const bool rep = f->is_repeated();
    switch (f->cpp_type()) {
        case FieldDescriptor::CPPTYPE_STRING:
            return Esc(rep ? r->GetRepeatedString(m, f, index) : r->GetString(m, f));
        case FieldDescriptor::CPPTYPE_INT64:
            return std::to_string(rep ? r->GetRepeatedInt64(m, f, index) : r->GetInt64(m, f));
        case FieldDescriptor::CPPTYPE_INT32:
            return std::to_string(rep ? r->GetRepeatedInt32(m, f, index) : r->GetInt32(m, f));
        case FieldDescriptor::CPPTYPE_BOOL:
            return (rep ? r->GetRepeatedBool(m, f, index) : r->GetBool(m, f)) ? "ja" : "nee";
        case FieldDescriptor::CPPTYPE_DOUBLE:
            return std::to_string(rep ? r->GetRepeatedDouble(m, f, index) : r->GetDouble(m, f));
        case FieldDescriptor::CPPTYPE_ENUM:
            return Esc(EnumWords(rep ? r->GetRepeatedEnum(m, f, index) : r->GetEnum(m, f)));
        default:
            return {};
    }
}

void RenderValue(const Message& m, const FieldDescriptor* f, int index, std::string& out) {
    const auto* r = m.GetReflection();
    if (f->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) {
        out += Scalar(m, f, index);
        return;
    }
    const Message& sub = f->is_repeated() ? r->GetRepeatedMessage(m, f, index) : r->GetMessage(m, f);
    const std::string& type = sub.GetDescriptor()->full_name();
    if (type == "google.protobuf.Timestamp") {
        out += LocalTime(static_cast<const google::protobuf::Timestamp&>(sub));
    } else if (type == "spoed.v1.Date") {
        const auto* d = sub.GetDescriptor();
        const auto* sr = sub.GetReflection();
        char buf[16];
        std::snprintf(buf, sizeof buf, "%02d-%02d-%04d", sr->GetInt32(sub, d->FindFieldByName("day")),
                      sr->GetInt32(sub, d->FindFieldByName("month")), sr->GetInt32(sub, d->FindFieldByName("year")));
        out += buf;
    } else {
        Render(sub, out);
    }
}

/// Every field that is set, as a definition list; nested messages inside.
void Render(const Message& m, std::string& out) {
    const auto* r = m.GetReflection();
    std::vector<const FieldDescriptor*> fields;
    r->ListFields(m, &fields);
    out += "<dl>";
    for (const auto* f : fields) {
        out += "<dt>" + Esc(LabelOf(f)) + "</dt><dd>";
        if (f->is_repeated()) {
            out += "<ul>";
            for (int i = 0; i < r->FieldSize(m, f); ++i) {
                out += "<li>";
                RenderValue(m, f, i, out);
                out += "</li>";
            }
            out += "</ul>";
        } else {
            RenderValue(m, f, 0, out);
        }
        out += "</dd>";
    }
    out += "</dl>";
}

template <typename M>
void Section(std::string& out, const char* title, const google::protobuf::RepeatedPtrField<M>& items,
             const char* none) {
    out += "<h2>" + std::string(title) + "</h2>";
    if (items.empty()) out += "<p><i>" + std::string(none) + "</i></p>";
    for (const auto& item : items) {
        out += "<section>";
        Render(item, out);
        out += "</section>";
    }
}

}  // namespace

std::string RecordHtml(const v1::YouthRecordExport& rec) {
    const auto& y = rec.youth();
    std::string out = "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Inzage: " +
                      Esc(y.given_name() + " " + y.family_name()) +
                      "</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto}dt{font-weight:bold}"
                      "dd{margin:0 0 .4em 1.5em}section{border-top:1px solid #ccc;padding:.3em 0}</style></head><body>";
    out += "<h1>Inzage in het dossier van " + Esc(y.given_name() + " " + y.family_name()) + "</h1>";
    out +=
        "<p>Dit overzicht bevat alles wat Spoed voor Jeugd over deze jeugdige bewaart, en wie het dossier "
        "heeft ingezien of heeft geprobeerd in te zien. Gemaakt op " +
        LocalTime(rec.generated_at()) + " door " + Esc(rec.generated_by()) + ".</p>";
    out += "<h2>Persoonsgegevens</h2>";
    Render(y, out);
    Section(out, "Verklaringen van de jeugdige of ouders", rec.statements(), "Geen verklaringen.");
    Section(out, "Toestemmingen", rec.consents(), "Geen toestemmingen vastgelegd.");
    Section(out, "Vooraanmeldingen", rec.pre_registrations(), "Geen vooraanmelding.");
    Section(out, "Signaleringsplannen (alle versies)", rec.plan_versions(), "Geen signaleringsplan.");
    Section(out, "Casussen", rec.cases(), "Geen casussen.");
    Section(out, "Wie het dossier inzag of probeerde in te zien", rec.access_log(), "Geen regels.");
    out += "</body></html>\n";
    return out;
}

Result<v1::ExportYouthRecordResponse> RecordService::ExportYouthRecord(Call& call,
                                                                       const v1::ExportYouthRecordRequest& req) {
    SPOED_TRY(CheckId("youth_id", req.youth_id()));
    call.audit().youth_id = req.youth_id();
    call.audit().object_ids.push_back(ObjectId("youth", req.youth_id()));
    call.audit().reason = "inzage export";
    return call.Read([&](db::Tx& tx) -> Result<v1::ExportYouthRecordResponse> {
        SPOED_ASSIGN(auto youth, FindYouth(tx, req.youth_id()));
        v1::ExportYouthRecordResponse resp;
        auto* rec = resp.mutable_record();
        ToProto(youth, rec->mutable_youth());
        for (const auto& s : tx.statements().ListForYouth(youth.id)) ToProto(s, rec->add_statements());
        for (const auto& c : tx.consents().ListForYouth(youth.id)) ToProto(c, call.now(), rec->add_consents());
        for (const auto& p : tx.pre_registrations().ListForYouth(youth.id)) ToProto(p, rec->add_pre_registrations());
        for (const auto& v : tx.plans().List(youth.id)) {
            if (auto full = tx.plans().Find(youth.id, v.version)) ToProto(*full, rec->add_plan_versions());
        }
        db::CaseFilter cases;
        cases.youth_id = youth.id;
        cases.limit = kAll;
        for (const auto& c : tx.cases().List(cases)) {
            auto* out = rec->add_cases();
            ToProto(c, out->mutable_case_());
            for (const auto& k : tx.cases().Contacts(c.id)) ToProto(k, out->add_contacts());
            for (const auto& q : tx.consults().List(false, c.id)) ToProto(q, out->add_consults());
            db::HandoverFilter handovers;
            handovers.case_id = c.id;
            handovers.unconfirmed_only = false;
            handovers.limit = kAll;
            for (const auto& h : tx.handovers().List(handovers))
                ToProto(h, call.now(), calendar_, out->add_handovers());
            if (auto t = tx.meldcode().FindByCase(c.id)) ToProto(*t, out->mutable_meldcode());
            if (auto e = tx.evaluations().FindByCase(c.id)) FullProto(tx, *e, call.now(), out->mutable_evaluation());
            for (const auto& e : tx.cases().Events(c.id)) {
                auto* t = out->add_timeline();
                SetTimestamp(t->mutable_at(), e.at);
                t->set_kind(e.kind);
                t->set_text(e.text);
                t->set_by(e.by_user);
            }
        }
        db::AuditFilter audit;
        audit.youth_id = youth.id;
        audit.limit = kAll;
        auto lines = tx.audit().List(audit);
        std::reverse(lines.begin(), lines.end());  // oldest first
        for (const auto& a : lines) ToProto(a, rec->add_access_log());
        SetTimestamp(rec->mutable_generated_at(), call.now());
        if (auto me = tx.users().FindById(call.actor()->user_id)) rec->set_generated_by(me->display_name);
        resp.set_html(RecordHtml(*rec));
        return resp;
    });
}

namespace {

void ToProto(const db::DestructionRequestRecord& r, v1::DestructionRequest* out) {
    out->set_id(r.id);
    out->set_youth_id(r.youth_id);
    out->set_requested_by(r.requested_by);
    out->set_by(static_cast<v1::StatementBy>(EnumValue(v1::StatementBy_descriptor(), r.by)));
    out->set_decision(
        static_cast<v1::DestructionDecision>(EnumValue(v1::DestructionDecision_descriptor(), r.decision)));
    out->set_reason(r.reason);
    out->set_decided_by(r.decided_by);
    out->set_decided_by_name(r.decided_by_name);
    SetTimestamp(out->mutable_decided_at(), r.decided_at);
    out->set_pseudonym(r.pseudonym);
}

}  // namespace

Result<v1::RecordDestructionRequestResponse> RecordService::RecordDestructionRequest(
    Call& call, const v1::RecordDestructionRequestRequest& req) {
    SPOED_TRY(CheckId("youth_id", req.youth_id()));
    db::DestructionRequestRecord r;
    r.youth_id = req.youth_id();
    SPOED_TRY(CheckText("requested_by", req.requested_by(), 200, true));
    r.requested_by = req.requested_by();
    r.by = EnumName(v1::StatementBy_descriptor(), req.by());
    if (r.by.empty()) return Error::InvalidArgument("by: required (the youth or a parent)").Because("required");
    r.decision = EnumName(v1::DestructionDecision_descriptor(), req.decision());
    if (r.decision.empty())
        return Error::InvalidArgument("decision: required (granted or refused)").Because("required");
    SPOED_TRY(CheckText("reason", req.reason(), 4000, true, TextKind::kMultiline));
    r.reason = req.reason();
    r.decided_by = call.actor()->user_id;
    r.decided_at = call.now();
    const bool granted = req.decision() == v1::DESTRUCTION_DECISION_GRANTED;
    if (granted) r.pseudonym = NewPseudonym();
    call.audit().youth_id = req.youth_id();
    call.audit().object_ids.push_back(ObjectId("youth", req.youth_id()));
    call.audit().reason = "destruction request";
    return call.Write([&](db::Tx& tx) -> Result<v1::RecordDestructionRequestResponse> {
        SPOED_ASSIGN(auto youth, FindYouth(tx, req.youth_id()));
        if (youth.removed_at) {
            return Error::FailedPrecondition("youth_id: the personal data of this youth was already removed")
                .Because("already_done");
        }
        call.audit().reason = granted ? "destruction request granted; pseudonym " + r.pseudonym
                                      : std::string("destruction request refused");
        if (granted) tx.youths().RemovePersonalData(youth.id, r.pseudonym, call.now());
        r.id = tx.destruction_requests().Insert(r);
        call.audit().object_ids.push_back(ObjectId("destruction_request", r.id));
        v1::RecordDestructionRequestResponse resp;
        ToProto(tx.destruction_requests().List(1).front(), resp.mutable_request());
        return resp;
    });
}

Result<v1::ListDestructionRequestsResponse> RecordService::ListDestructionRequests(
    Call& call, const v1::ListDestructionRequestsRequest&) {
    return call.Read([&](db::Tx& tx) -> Result<v1::ListDestructionRequestsResponse> {
        v1::ListDestructionRequestsResponse resp;
        for (const auto& r : tx.destruction_requests().List(1000)) {
            call.audit().object_ids.push_back(ObjectId("youth", r.youth_id));
            ToProto(r, resp.add_requests());
        }
        return resp;
    });
}

}  // namespace spoed::daemon::service
