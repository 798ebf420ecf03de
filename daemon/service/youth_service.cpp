#include "daemon/service/youth_service.hpp"

#include <algorithm>
#include <charconv>
#include <set>

#include "base/search_query.hpp"
#include "daemon/service/consent_rules.hpp"
#include "daemon/service/convert.hpp"
#include "daemon/service/validate.hpp"

namespace spoed::daemon::service {
namespace {

constexpr std::size_t kName = 100;
constexpr int kMaxPhones = 10;
constexpr int kMaxContacts = 30;
constexpr int kMaxEstimatedAge = 25;
constexpr auto kDay = std::chrono::hours(24);

/// Dutch citizen service number: 9 digits passing the "elfproef".
bool ValidBsn(std::string_view bsn) {
    if (bsn.size() != 9 || !std::all_of(bsn.begin(), bsn.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return false;
    }
    int sum = 0;
    for (int i = 0; i < 8; ++i) sum += (9 - i) * (bsn[i] - '0');
    sum -= bsn[8] - '0';
    return sum % 11 == 0;
}

std::string Indexed(std::string_view base, int i, std::string_view field) {
    return std::string(base) + "[" + std::to_string(i) + "]." + std::string(field);
}

/// The date of birth given, or the one estimated from `estimated_age`: that many years before
/// today (29 February becomes the 28th), so the age shown is the age the caller gave.
Result<std::chrono::year_month_day> CheckBirth(const v1::YouthFields& f, TimePoint now) {
    const auto today = LocalDate(now);
    if (f.has_estimated_age()) {
        if (f.has_date_of_birth()) {
            return Error::InvalidArgument("youth.estimated_age: give either date_of_birth or estimated_age, not both");
        }
        if (f.estimated_age() < 0 || f.estimated_age() > kMaxEstimatedAge) {
            return Error::InvalidArgument("youth.estimated_age: must be 0 to " + std::to_string(kMaxEstimatedAge));
        }
        auto dob = today - std::chrono::years(f.estimated_age());
        if (!dob.ok()) dob = dob.year() / dob.month() / std::chrono::last;
        return dob;
    }
    SPOED_ASSIGN(auto dob, CheckDate("youth.date_of_birth", f.date_of_birth()));
    if (dob > today) return Error::InvalidArgument("youth.date_of_birth: lies in the future").Because("in_future");
    return dob;
}

/// Checks the fields and turns them into a record (without id and times).
Result<db::YouthRecord> CheckYouth(const v1::YouthFields& f, TimePoint now) {
    SPOED_TRY(CheckText("youth.given_name", f.given_name(), kName, true));
    SPOED_TRY(CheckText("youth.family_name", f.family_name(), kName, true));
    SPOED_ASSIGN(auto dob, CheckBirth(f, now));
    SPOED_TRY(CheckText("youth.municipality", f.municipality(), kName, false));
    db::YouthRecord y;
    y.given_name = f.given_name();
    y.family_name = f.family_name();
    y.folded_name = FoldName(f.given_name() + " " + f.family_name());
    y.date_of_birth = IsoDate(dob);
    y.date_of_birth_estimated = f.has_estimated_age() || f.date_of_birth_estimated();
    y.municipality = f.municipality();
    if (!f.bsn().empty()) {
        if (!ValidBsn(f.bsn())) return Error::InvalidArgument("youth.bsn: not a valid citizen service number");
        y.bsn = f.bsn();
    }
    if (f.phones_size() > kMaxPhones) return Error::InvalidArgument("youth.phones: at most 10");
    for (int i = 0; i < f.phones_size(); ++i) {
        SPOED_ASSIGN(auto number, CheckPhone(Indexed("youth.phones", i, "number"), f.phones(i).number()));
        SPOED_TRY(CheckText(Indexed("youth.phones", i, "label"), f.phones(i).label(), 40, false));
        y.phones.push_back({number, f.phones(i).label()});
    }
    if (f.contacts_size() > kMaxContacts) return Error::InvalidArgument("youth.contacts: at most 30");
    for (int i = 0; i < f.contacts_size(); ++i) {
        const auto& c = f.contacts(i);
        db::YouthContactRecord r;
        r.kind = EnumName(v1::ContactKind_descriptor(), c.kind());
        if (r.kind.empty())
            return Error::InvalidArgument(Indexed("youth.contacts", i, "kind") + ": required").Because("required");
        SPOED_TRY(CheckText(Indexed("youth.contacts", i, "name"), c.name(), kName, true));
        SPOED_TRY(CheckText(Indexed("youth.contacts", i, "relation"), c.relation(), 60, false));
        r.name = c.name();
        r.relation = c.relation();
        if (!c.phone().empty()) {
            SPOED_ASSIGN(r.phone, CheckPhone(Indexed("youth.contacts", i, "phone"), c.phone()));
        }
        y.contacts.push_back(std::move(r));
    }
    return y;
}

Status CheckPreRegistration(const v1::PreRegistrationFields& f, db::PreRegistrationRecord& r) {
    SPOED_TRY(CheckText("fields.organisation", f.organisation(), 200, true));
    SPOED_TRY(CheckText("fields.professional", f.professional(), kName, true));
    if (!f.professional_phone().empty()) {
        SPOED_ASSIGN(r.professional_phone, CheckPhone("fields.professional_phone", f.professional_phone()));
    } else {
        r.professional_phone.clear();
    }
    SPOED_TRY(CheckText("fields.ongoing_care", f.ongoing_care(), 200, false));
    SPOED_TRY(CheckText("fields.ongoing_care_contact", f.ongoing_care_contact(), 200, false));
    SPOED_TRY(CheckText("fields.legal_measure_note", f.legal_measure_note(), 1000, false, TextKind::kMultiline));
    std::string measure = EnumName(v1::LegalMeasure_descriptor(), f.legal_measure());
    if (measure.empty())
        return Error::InvalidArgument(
            "fields.legal_measure: required (none, supervision order, guardianship or other)");
    r.organisation = f.organisation();
    r.professional = f.professional();
    r.ongoing_care = f.ongoing_care();
    r.ongoing_care_contact = f.ongoing_care_contact();
    r.legal_measure = measure;
    r.legal_measure_note = f.legal_measure_note();
    return Ok();
}

Result<db::PreRegistrationRecord> FindPreRegistration(db::Tx& tx, std::int64_t id) {
    SPOED_TRY(CheckId("pre_registration_id", id));
    auto r = tx.pre_registrations().Find(id);
    if (!r) return Error::NotFound("pre_registration_id: no pre-registration " + std::to_string(id));
    return *r;
}

}  // namespace

void ToProto(const db::YouthRecord& y, v1::Youth* out) {
    out->set_id(y.id);
    if (y.removed_at) {
        // Past retention: only the pseudonym is left, where the name was.
        out->set_given_name(y.pseudonym);
        SetTimestamp(out->mutable_created_at(), y.created_at);
        SetTimestamp(out->mutable_updated_at(), y.updated_at);
        return;
    }
    out->set_given_name(y.given_name);
    out->set_family_name(y.family_name);
    if (auto d = ParseIsoDate(y.date_of_birth)) *out->mutable_date_of_birth() = ToProtoDate(*d);
    out->set_date_of_birth_estimated(y.date_of_birth_estimated);
    out->set_municipality(y.municipality);
    out->set_bsn(y.bsn.value_or(""));
    for (const auto& p : y.phones) {
        auto* o = out->add_phones();
        o->set_number(p.number);
        o->set_label(p.label);
    }
    for (const auto& c : y.contacts) {
        auto* o = out->add_contacts();
        o->set_id(c.id);
        o->set_kind(static_cast<v1::ContactKind>(EnumValue(v1::ContactKind_descriptor(), c.kind)));
        o->set_name(c.name);
        o->set_relation(c.relation);
        o->set_phone(c.phone);
    }
    SetTimestamp(out->mutable_created_at(), y.created_at);
    SetTimestamp(out->mutable_updated_at(), y.updated_at);
}

void ToProto(const db::ConsentRecord& c, TimePoint now, v1::Consent* out) {
    out->set_id(c.id);
    out->set_youth_id(c.youth_id);
    out->set_scope(static_cast<v1::ConsentScope>(EnumValue(v1::ConsentScope_descriptor(), c.scope)));
    out->set_given_by_youth(c.given_by_youth);
    out->set_given_by_guardian(c.given_by_guardian);
    SetTimestamp(out->mutable_given_at(), c.given_at);
    if (c.valid_until) SetTimestamp(out->mutable_valid_until(), *c.valid_until);
    if (c.withdrawn_at) SetTimestamp(out->mutable_withdrawn_at(), *c.withdrawn_at);
    out->set_recorded_by(c.recorded_by);
    out->set_valid_now(c.ValidAt(now));
    out->set_note(c.note);
}

void ToProto(const db::PreRegistrationRecord& r, v1::PreRegistration* out) {
    out->set_id(r.id);
    out->set_youth_id(r.youth_id);
    auto* f = out->mutable_fields();
    f->set_organisation(r.organisation);
    f->set_professional(r.professional);
    f->set_professional_phone(r.professional_phone);
    f->set_ongoing_care(r.ongoing_care);
    f->set_ongoing_care_contact(r.ongoing_care_contact);
    f->set_legal_measure(static_cast<v1::LegalMeasure>(EnumValue(v1::LegalMeasure_descriptor(), r.legal_measure)));
    f->set_legal_measure_note(r.legal_measure_note);
    SetTimestamp(out->mutable_started_at(), r.started_at);
    if (r.ended_at) SetTimestamp(out->mutable_ended_at(), *r.ended_at);
    out->set_end_reason(r.end_reason);
}

Result<db::YouthRecord> FindYouth(db::Tx& tx, std::int64_t youth_id, std::string_view field) {
    SPOED_TRY(CheckId(field, youth_id));
    auto y = tx.youths().Find(youth_id);
    if (!y) return Error::NotFound(std::string(field) + ": no youth " + std::to_string(youth_id));
    return *y;
}

void ToProto(const db::YouthHitRecord& h, std::string_view matched_on, v1::YouthHit* out) {
    out->set_youth_id(h.youth_id);
    out->set_given_name(h.given_name);
    out->set_family_name(h.family_name);
    if (auto d = ParseIsoDate(h.date_of_birth)) *out->mutable_date_of_birth() = ToProtoDate(*d);
    out->set_date_of_birth_estimated(h.date_of_birth_estimated);
    out->set_municipality(h.municipality);
    out->set_pre_registered(h.pre_registered);
    out->set_cases_last_30_days(h.cases_30);
    out->set_cases_last_90_days(h.cases_90);
    out->set_matched_on(std::string(matched_on));
}

// --- youths -----------------------------------------------------------------------------------

Result<v1::CreateYouthResponse> YouthService::CreateYouth(Call& call, const v1::CreateYouthRequest& req) {
    SPOED_ASSIGN(auto youth, CheckYouth(req.youth(), call.now()));
    youth.created_by = call.actor()->user_id;
    youth.created_at = call.now();
    youth.updated_at = call.now();
    return call.Write([&](db::Tx& tx) -> Result<v1::CreateYouthResponse> {
        youth.id = tx.youths().Insert(youth);
        call.audit().youth_id = youth.id;
        call.audit().object_ids.push_back(ObjectId("youth", youth.id));
        auto stored = tx.youths().Find(youth.id);
        v1::CreateYouthResponse resp;
        ToProto(stored ? *stored : youth, resp.mutable_youth());
        return resp;
    });
}

Result<v1::UpdateYouthResponse> YouthService::UpdateYouth(Call& call, const v1::UpdateYouthRequest& req) {
    SPOED_TRY(CheckId("youth_id", req.youth_id()));
    call.audit().youth_id = req.youth_id();
    call.audit().object_ids.push_back(ObjectId("youth", req.youth_id()));
    SPOED_ASSIGN(auto fields, CheckYouth(req.youth(), call.now()));
    return call.Write([&](db::Tx& tx) -> Result<v1::UpdateYouthResponse> {
        SPOED_ASSIGN(auto youth, FindYouth(tx, req.youth_id()));
        fields.id = youth.id;
        fields.created_by = youth.created_by;
        fields.created_at = youth.created_at;
        fields.updated_at = call.now();
        tx.youths().Update(fields);
        auto stored = tx.youths().Find(youth.id);
        v1::UpdateYouthResponse resp;
        ToProto(stored ? *stored : fields, resp.mutable_youth());
        return resp;
    });
}

Result<v1::GetYouthResponse> YouthService::GetYouth(Call& call, const v1::GetYouthRequest& req) {
    SPOED_TRY(CheckId("youth_id", req.youth_id()));
    call.audit().youth_id = req.youth_id();
    call.audit().object_ids.push_back(ObjectId("youth", req.youth_id()));
    return call.Read([&](db::Tx& tx) -> Result<v1::GetYouthResponse> {
        SPOED_ASSIGN(auto youth, FindYouth(tx, req.youth_id()));
        v1::GetYouthResponse resp;
        ToProto(youth, resp.mutable_youth());
        auto pre = tx.pre_registrations().FindActive(youth.id);
        const bool consent = tx.consents().HasValid(youth.id, "pre_registration", call.now());
        // The pre-registration (treating professional, legal measure, note) is shared under the
        // consent, like the plan: without it only a break-the-glass window opens it. Coordinators
        // manage pre-registrations and see them to end one whose consent was withdrawn.
        const bool may_read = consent || call.actor()->roles.Has(v1::ROLE_COORDINATOR) ||
                              tx.break_glass().FindOpen(call.actor()->user_id, youth.id, call.now()).has_value();
        if (pre && may_read) ToProto(*pre, resp.mutable_pre_registration());
        resp.set_pre_registered(pre && consent);
        resp.set_latest_plan_version(tx.plans().LatestVersion(youth.id));
        // What the youth or a parent declared about the record is shown with it.
        for (const auto& s : tx.statements().ListForYouth(youth.id)) ToProto(s, resp.add_statements());
        return resp;
    });
}

void ToProto(const db::StatementRecord& s, v1::YouthStatement* out) {
    out->set_id(s.id);
    out->set_youth_id(s.youth_id);
    out->set_by(static_cast<v1::StatementBy>(EnumValue(v1::StatementBy_descriptor(), s.by)));
    out->set_author_name(s.author_name);
    out->set_about(s.about);
    out->set_text(s.text);
    SetTimestamp(out->mutable_recorded_at(), s.recorded_at);
    out->set_recorded_by(s.recorded_by);
    out->set_recorded_by_name(s.recorded_by_name);
}

Result<v1::AddStatementResponse> YouthService::AddStatement(Call& call, const v1::AddStatementRequest& req) {
    SPOED_TRY(CheckId("youth_id", req.youth_id()));
    db::StatementRecord s;
    s.by = EnumName(v1::StatementBy_descriptor(), req.by());
    if (s.by.empty()) return Error::InvalidArgument("by: required (the youth or a parent)").Because("required");
    SPOED_TRY(CheckText("author_name", req.author_name(), 200, true));
    SPOED_TRY(CheckText("about", req.about(), 500, false));
    SPOED_TRY(CheckText("text", req.text(), 20000, true, TextKind::kMultiline));
    s.youth_id = req.youth_id();
    s.author_name = req.author_name();
    s.about = req.about();
    s.text = req.text();
    s.recorded_at = call.now();
    s.recorded_by = call.actor()->user_id;
    call.audit().youth_id = req.youth_id();
    call.audit().object_ids.push_back(ObjectId("youth", req.youth_id()));
    return call.Write([&](db::Tx& tx) -> Result<v1::AddStatementResponse> {
        SPOED_TRY(FindYouth(tx, req.youth_id()));
        s.id = tx.statements().Insert(s);
        call.audit().object_ids.push_back(ObjectId("statement", s.id));
        const auto all = tx.statements().ListForYouth(s.youth_id);
        v1::AddStatementResponse resp;
        ToProto(all.back(), resp.mutable_statement());
        return resp;
    });
}

Result<v1::SearchYouthsResponse> YouthService::SearchYouths(Call& call, const v1::SearchYouthsRequest& req) {
    SPOED_ASSIGN(auto query, ParseSearchQuery(req.query()));
    // NEN 7513: a search is audited with its kind, never with what was typed.
    call.audit().reason = "query kind: " + query.Kind();
    if (req.page_size() < 0 || req.page_size() > 50) return Error::InvalidArgument("page_size: must be 1 to 50");
    int page_size = req.page_size() == 0 ? 20 : req.page_size();
    int offset = 0;
    if (!req.page_token().empty()) {
        const auto& t = req.page_token();
        auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), offset);
        if (ec != std::errc() || ptr != t.data() + t.size() || offset < 0 || offset > 10000) {
            return Error::InvalidArgument("page_token: not a token from a previous answer");
        }
    }
    std::optional<std::string> date;
    if (query.date) date = IsoDate(*query.date);
    int want = offset + page_size + 1;  // one more tells whether another page follows

    // Ranked tiers: exact phone, then date of birth + name, then name (or date alone).
    struct Tier {
        db::YouthSearch search;
        std::string matched_on;
    };
    auto make_tier = [&](std::optional<std::string> phone, std::optional<std::string> dob, bool names,
                         std::string matched_on) {
        Tier t;
        t.search.phone = std::move(phone);
        t.search.date_of_birth = std::move(dob);
        if (names) t.search.name_terms = query.name_terms;
        t.search.limit = want;
        t.matched_on = std::move(matched_on);
        return t;
    };
    std::vector<Tier> tiers;
    bool names = !query.name_terms.empty();
    if (query.phone) tiers.push_back(make_tier(query.phone, std::nullopt, false, "phone"));
    if (date && names) tiers.push_back(make_tier(std::nullopt, date, true, "date_of_birth+name"));
    if (names) tiers.push_back(make_tier(std::nullopt, std::nullopt, true, "name"));
    if (date) tiers.push_back(make_tier(std::nullopt, date, false, "date_of_birth"));

    return call.Read([&](db::Tx& tx) -> Result<v1::SearchYouthsResponse> {
        v1::SearchYouthsResponse resp;
        resp.set_query_kind(query.Kind());
        std::set<std::int64_t> seen;
        int position = 0;
        for (const auto& tier : tiers) {
            for (const auto& hit : tx.youths().Search(tier.search, call.now())) {
                if (!seen.insert(hit.youth_id).second) continue;
                if (position >= offset && position < offset + page_size) ToProto(hit, tier.matched_on, resp.add_hits());
                ++position;
                if (position > offset + page_size) break;
            }
            if (position > offset + page_size) break;
        }
        if (position > offset + page_size) resp.set_next_page_token(std::to_string(offset + page_size));
        return resp;
    });
}

Result<v1::LookupCallerResponse> YouthService::LookupCaller(Call& call, const v1::LookupCallerRequest& req) {
    SPOED_ASSIGN(auto phone, CheckPhone("phone", req.phone()));
    call.audit().reason = "query kind: phone";
    return call.Read([&](db::Tx& tx) -> Result<v1::LookupCallerResponse> {
        v1::LookupCallerResponse resp;
        resp.set_phone(phone);
        std::vector<db::CallerCaseRecord> cases = tx.cases().FindByCallerPhone(phone, 20);
        for (const auto& hit : tx.youths().FindByPhone(phone, call.now())) {
            ToProto(hit, "phone", resp.add_youths());
            db::CaseFilter f;
            f.youth_id = hit.youth_id;
            f.limit = 20;
            for (const auto& c : tx.cases().List(f)) cases.push_back({c.id, c.youth_id, c.opened_at, c.status});
        }
        std::sort(cases.begin(), cases.end(), [](const auto& a, const auto& b) { return a.case_id > b.case_id; });
        cases.erase(std::unique(cases.begin(), cases.end(),
                                [](const auto& a, const auto& b) { return a.case_id == b.case_id; }),
                    cases.end());
        if (cases.size() > 20) cases.resize(20);
        for (const auto& c : cases) {
            auto* o = resp.add_cases();
            o->set_case_id(c.case_id);
            o->set_youth_id(c.youth_id.value_or(0));
            SetTimestamp(o->mutable_opened_at(), c.opened_at);
            o->set_status(c.status);
            call.audit().object_ids.push_back(ObjectId("case", c.case_id));
        }
        if (resp.youths_size() == 1) call.audit().youth_id = resp.youths(0).youth_id();
        return resp;
    });
}

// --- consent ----------------------------------------------------------------------------------

Result<v1::RecordConsentResponse> YouthService::RecordConsent(Call& call, const v1::RecordConsentRequest& req) {
    SPOED_TRY(CheckId("youth_id", req.youth_id()));
    call.audit().youth_id = req.youth_id();
    std::string scope = EnumName(v1::ConsentScope_descriptor(), req.scope());
    if (scope.empty()) {
        return Error::InvalidArgument(
            "scope: required (pre_registration, dossier_access, inform_local_team or share_plan)");
    }
    SPOED_TRY(CheckText("given_by_guardian", req.given_by_guardian(), kName, false));
    SPOED_TRY(CheckText("note", req.note(), 1000, false, TextKind::kMultiline));
    SPOED_ASSIGN(TimePoint given_at, CheckTimestampOr("given_at", req.has_given_at(), req.given_at(), call.now()));
    if (given_at > call.now()) return Error::InvalidArgument("given_at: lies in the future").Because("in_future");
    std::optional<TimePoint> valid_until;
    if (req.has_valid_until()) {
        SPOED_ASSIGN(valid_until, CheckTimestamp("valid_until", req.valid_until()));
        if (*valid_until <= given_at) return Error::InvalidArgument("valid_until: must be after given_at");
    }
    return call.Write([&](db::Tx& tx) -> Result<v1::RecordConsentResponse> {
        SPOED_ASSIGN(auto youth, FindYouth(tx, req.youth_id()));
        auto birth = ParseIsoDate(youth.date_of_birth);
        if (!birth) return Error::Internal("stored date of birth unreadable");
        std::string guardian = IsBlank(req.given_by_guardian()) ? std::string() : req.given_by_guardian();
        SPOED_TRY(CheckConsentParties(*birth, LocalDate(given_at), req.given_by_youth(), guardian));
        db::ConsentRecord c;
        c.youth_id = youth.id;
        c.scope = scope;
        c.given_by_youth = req.given_by_youth();
        c.given_by_guardian = guardian;
        c.given_at = given_at;
        c.valid_until = valid_until;
        c.recorded_by = call.actor()->user_id;
        c.recorded_at = call.now();
        c.note = req.note();
        c.id = tx.consents().Insert(c);
        call.audit().object_ids.push_back(ObjectId("consent", c.id));
        v1::RecordConsentResponse resp;
        ToProto(c, call.now(), resp.mutable_consent());
        return resp;
    });
}

Result<v1::WithdrawConsentResponse> YouthService::WithdrawConsent(Call& call, const v1::WithdrawConsentRequest& req) {
    SPOED_TRY(CheckId("consent_id", req.consent_id()));
    SPOED_TRY(CheckText("note", req.note(), 1000, false, TextKind::kMultiline));
    call.audit().object_ids.push_back(ObjectId("consent", req.consent_id()));
    return call.Write([&](db::Tx& tx) -> Result<v1::WithdrawConsentResponse> {
        auto c = tx.consents().Find(req.consent_id());
        if (!c) return Error::NotFound("consent_id: no consent " + std::to_string(req.consent_id()));
        call.audit().youth_id = c->youth_id;
        if (c->withdrawn_at)
            return Error::FailedPrecondition("consent_id: this consent was already withdrawn").Because("already_done");
        tx.consents().Withdraw(c->id, call.now(), call.actor()->user_id, req.note());
        c = tx.consents().Find(c->id);
        v1::WithdrawConsentResponse resp;
        ToProto(*c, call.now(), resp.mutable_consent());
        return resp;
    });
}

Result<v1::ListConsentsResponse> YouthService::ListConsents(Call& call, const v1::ListConsentsRequest& req) {
    SPOED_TRY(CheckId("youth_id", req.youth_id()));
    call.audit().youth_id = req.youth_id();
    return call.Read([&](db::Tx& tx) -> Result<v1::ListConsentsResponse> {
        SPOED_TRY(FindYouth(tx, req.youth_id()));
        v1::ListConsentsResponse resp;
        for (const auto& c : tx.consents().ListForYouth(req.youth_id())) ToProto(c, call.now(), resp.add_consents());
        return resp;
    });
}

// --- pre-registration -------------------------------------------------------------------------

Result<v1::CreatePreRegistrationResponse> YouthService::CreatePreRegistration(
    Call& call, const v1::CreatePreRegistrationRequest& req) {
    SPOED_TRY(CheckId("youth_id", req.youth_id()));
    call.audit().youth_id = req.youth_id();
    db::PreRegistrationRecord r;
    SPOED_TRY(CheckPreRegistration(req.fields(), r));
    return call.Write([&](db::Tx& tx) -> Result<v1::CreatePreRegistrationResponse> {
        SPOED_ASSIGN(auto youth, FindYouth(tx, req.youth_id()));
        if (!tx.consents().HasValid(youth.id, "pre_registration", call.now())) {
            return Error::FailedPrecondition(
                       "youth_id: no valid pre_registration consent; record the consent first (RecordConsent)")
                .Because("consent_missing", {{"scope", "pre_registration"}});
        }
        r.youth_id = youth.id;
        r.started_at = call.now();
        r.created_by = call.actor()->user_id;
        r.updated_at = call.now();
        auto id = tx.pre_registrations().Insert(r);
        if (!id) {
            auto active = tx.pre_registrations().FindActive(youth.id);
            return Error::AlreadyExists("youth_id: the youth already has an active pre-registration" +
                                        (active ? " (" + std::to_string(active->id) + ")" : std::string()));
        }
        r.id = *id;
        call.audit().object_ids.push_back(ObjectId("pre_registration", r.id));
        v1::CreatePreRegistrationResponse resp;
        ToProto(r, resp.mutable_pre_registration());
        return resp;
    });
}

Result<v1::UpdatePreRegistrationResponse> YouthService::UpdatePreRegistration(
    Call& call, const v1::UpdatePreRegistrationRequest& req) {
    call.audit().object_ids.push_back(ObjectId("pre_registration", req.pre_registration_id()));
    return call.Write([&](db::Tx& tx) -> Result<v1::UpdatePreRegistrationResponse> {
        SPOED_ASSIGN(auto r, FindPreRegistration(tx, req.pre_registration_id()));
        call.audit().youth_id = r.youth_id;
        if (r.ended_at)
            return Error::FailedPrecondition("pre_registration_id: this pre-registration has ended")
                .Because("already_done");
        SPOED_TRY(CheckPreRegistration(req.fields(), r));
        r.updated_at = call.now();
        tx.pre_registrations().Update(r);
        v1::UpdatePreRegistrationResponse resp;
        ToProto(r, resp.mutable_pre_registration());
        return resp;
    });
}

Result<v1::EndPreRegistrationResponse> YouthService::EndPreRegistration(Call& call,
                                                                        const v1::EndPreRegistrationRequest& req) {
    SPOED_TRY(CheckText("reason", req.reason(), 1000, true, TextKind::kMultiline));
    call.audit().object_ids.push_back(ObjectId("pre_registration", req.pre_registration_id()));
    return call.Write([&](db::Tx& tx) -> Result<v1::EndPreRegistrationResponse> {
        SPOED_ASSIGN(auto r, FindPreRegistration(tx, req.pre_registration_id()));
        call.audit().youth_id = r.youth_id;
        if (r.ended_at)
            return Error::FailedPrecondition("pre_registration_id: this pre-registration has already ended")
                .Because("already_done");
        tx.pre_registrations().End(r.id, call.now(), req.reason());
        r.ended_at = call.now();
        r.end_reason = req.reason();
        v1::EndPreRegistrationResponse resp;
        ToProto(r, resp.mutable_pre_registration());
        return resp;
    });
}

}  // namespace spoed::daemon::service
