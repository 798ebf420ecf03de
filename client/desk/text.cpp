#include "client/desk/text.hpp"

#include <google/protobuf/timestamp.pb.h>

#include <QDate>
#include <QDateTime>
#include <QLabel>
#include <QLocale>
#include <QTimeZone>
#include <QUuid>

namespace spoed::desk {

QString Text::role(v1::Role r) {
    switch (r) {
        case v1::ROLE_CRISIS_WORKER:
            return tr("crisis worker");
        case v1::ROLE_PSYCHIATRIST:
            return tr("psychiatrist");
        case v1::ROLE_COORDINATOR:
            return tr("coordinator");
        case v1::ROLE_ADMIN:
            return tr("administrator");
        case v1::ROLE_MELDCODE_OFFICER:
            return tr("Meldcode officer");
        default:
            return tr("unknown");
    }
}

QString Text::riskFlag(v1::RiskFlag f) {
    switch (f) {
        case v1::RISK_FLAG_SUICIDALITY:
            return tr("Suicidality");
        case v1::RISK_FLAG_SUICIDE_ATTEMPT:
            return tr("Suicide attempt");
        case v1::RISK_FLAG_SELF_HARM:
            return tr("Self-harm");
        case v1::RISK_FLAG_SEVERE_AGGRESSION:
            return tr("Severe aggression");
        case v1::RISK_FLAG_DOMESTIC_VIOLENCE:
            return tr("Domestic violence");
        case v1::RISK_FLAG_SUBSTANCE_USE:
            return tr("Substance use");
        case v1::RISK_FLAG_RUNAWAY:
            return tr("Runaway");
        case v1::RISK_FLAG_PSYCHOSIS:
            return tr("Psychosis");
        case v1::RISK_FLAG_CHILD_ABUSE:
            return tr("Child abuse");
        default:
            return tr("unknown");
    }
}

QString Text::outcome(v1::Outcome o) {
    switch (o) {
        case v1::OUTCOME_STAYED_HOME:
            return tr("Stayed home");
        case v1::OUTCOME_OWN_NETWORK:
            return tr("With own network");
        case v1::OUTCOME_CRISIS_PLACEMENT:
            return tr("Crisis placement");
        case v1::OUTCOME_ADMISSION:
            return tr("Admission");
        default:
            return tr("not yet known");
    }
}

QString Text::complexity(v1::Complexity c) {
    switch (c) {
        case v1::COMPLEXITY_NORMAL:
            return tr("normal");
        case v1::COMPLEXITY_COMPLEX:
            return tr("complex");
        default:
            return tr("not set");
    }
}

QString Text::contactType(v1::ContactType t) {
    switch (t) {
        case v1::CONTACT_TYPE_INCOMING_CALL:
            return tr("Incoming call");
        case v1::CONTACT_TYPE_OUTGOING_CALL:
            return tr("Outgoing call");
        case v1::CONTACT_TYPE_HOME_VISIT:
            return tr("Home visit");
        default:
            return tr("unknown");
    }
}

QString Text::callerRole(v1::CallerRole r) {
    switch (r) {
        case v1::CALLER_ROLE_YOUTH:
            return tr("Youth");
        case v1::CALLER_ROLE_PARENT:
            return tr("Parent");
        case v1::CALLER_ROLE_PROFESSIONAL:
            return tr("Professional");
        case v1::CALLER_ROLE_POLICE:
            return tr("Police");
        case v1::CALLER_ROLE_GP:
            return tr("GP");
        case v1::CALLER_ROLE_OTHER:
            return tr("Other");
        default:
            return tr("unknown");
    }
}

QString Text::response(v1::Response r) {
    switch (r) {
        case v1::RESPONSE_ADVICE:
            return tr("&Advice");
        case v1::RESPONSE_AGREEMENTS:
            return tr("A&greements");
        case v1::RESPONSE_DE_ESCALATING_CONVERSATION:
            return tr("&De-escalating conversation");
        case v1::RESPONSE_NETWORK_ENGAGED:
            return tr("&Network engaged");
        case v1::RESPONSE_HOME_VISIT:
            return tr("&Home visit");
        case v1::RESPONSE_PSYCHIATRIST_CONSULTED:
            return tr("&Psychiatrist consulted");
        case v1::RESPONSE_VEILIG_THUIS_NOTIFIED:
            return tr("&Veilig Thuis notified");
        default:
            return tr("unknown");
    }
}

QString Text::urgency(v1::Urgency u) {
    switch (u) {
        case v1::URGENCY_ROUTINE:
            return tr("Within the shift");
        case v1::URGENCY_URGENT:
            return tr("Within the hour");
        case v1::URGENCY_IMMEDIATE:
            return tr("Now, call back");
        default:
            return tr("unknown");
    }
}

QString Text::handoverKind(v1::HandoverKind k) {
    switch (k) {
        case v1::HANDOVER_KIND_ONGOING_CARE:
            return tr("Ongoing care");
        case v1::HANDOVER_KIND_INTENSIVE_HOME_TREATMENT:
            return tr("Intensive home treatment");
        case v1::HANDOVER_KIND_LOCAL_TEAM:
            return tr("Local team");
        case v1::HANDOVER_KIND_GP:
            return tr("GP");
        case v1::HANDOVER_KIND_VEILIG_THUIS:
            return tr("Veilig Thuis");
        case v1::HANDOVER_KIND_OTHER:
            return tr("Other");
        default:
            return tr("unknown");
    }
}

QString Text::handoverStep(v1::HandoverStep s) {
    switch (s) {
        case v1::HANDOVER_STEP_RECEIVER_CONTACTED:
            return tr("Receiver contacted");
        case v1::HANDOVER_STEP_FAMILY_CONTACTED:
            return tr("Family contacted");
        case v1::HANDOVER_STEP_AGREEMENTS_RECORDED:
            return tr("Agreements recorded");
        case v1::HANDOVER_STEP_CONFIRMED:
            return tr("Confirmed");
        default:
            return tr("unknown");
    }
}

QString Text::handoverStatus(v1::HandoverStatus s) {
    switch (s) {
        case v1::HANDOVER_STATUS_OPEN:
            return tr("open");
        case v1::HANDOVER_STATUS_CONFIRMED:
            return tr("confirmed");
        case v1::HANDOVER_STATUS_ESCALATED:
            return tr("escalated");
        default:
            return tr("unknown");
    }
}

QString Text::consentScope(v1::ConsentScope s) {
    switch (s) {
        case v1::CONSENT_SCOPE_PRE_REGISTRATION:
            return tr("Pre-registration");
        case v1::CONSENT_SCOPE_DOSSIER_ACCESS:
            return tr("Dossier access");
        case v1::CONSENT_SCOPE_INFORM_LOCAL_TEAM:
            return tr("Inform local team");
        case v1::CONSENT_SCOPE_SHARE_PLAN:
            return tr("Share plan");
        default:
            return tr("unknown");
    }
}

QString Text::organisationKind(v1::OrganisationKind k) {
    switch (k) {
        case v1::ORGANISATION_KIND_CARE_PROVIDER:
            return tr("Care provider");
        case v1::ORGANISATION_KIND_LOCAL_TEAM:
            return tr("Local team");
        case v1::ORGANISATION_KIND_GP:
            return tr("GP");
        case v1::ORGANISATION_KIND_VEILIG_THUIS:
            return tr("Veilig Thuis");
        case v1::ORGANISATION_KIND_OTHER:
            return tr("Other");
        default:
            return tr("unknown");
    }
}

QString Text::legalMeasure(v1::LegalMeasure m) {
    switch (m) {
        case v1::LEGAL_MEASURE_NONE:
            return tr("None");
        case v1::LEGAL_MEASURE_SUPERVISION_ORDER:
            return tr("Supervision order (OTS)");
        case v1::LEGAL_MEASURE_GUARDIANSHIP:
            return tr("Guardianship");
        case v1::LEGAL_MEASURE_OTHER:
            return tr("Other");
        default:
            return tr("not recorded");
    }
}

QString Text::timelineKind(const std::string& kind) {
    if (kind == "opened") return tr("Opened");
    if (kind == "contact") return tr("Contact");
    if (kind == "consult_requested") return tr("Consult requested");
    if (kind == "consult_answered") return tr("Consult answered");
    if (kind == "updated") return tr("Updated");
    if (kind == "closed") return tr("Closed");
    if (kind == "youth_linked") return tr("Youth linked");
    if (kind == "meldcode_started") return tr("Meldcode started");
    if (kind == "meldcode_decided") return tr("Meldcode decided");
    if (kind == "meldcode_transferred") return tr("Meldcode handed over");
    return tr("Other");
}

QString Text::meldcodeDecision(v1::MeldcodeDecision d) {
    switch (d) {
        case v1::MELDCODE_DECISION_REPORT:
            return tr("Report to Veilig Thuis");
        case v1::MELDCODE_DECISION_HELP:
            return tr("Help organised and followed");
        case v1::MELDCODE_DECISION_CLOSED:
            return tr("Closed");
        default:
            return tr("not decided");
    }
}

QString Text::consultationKind(v1::ConsultationKind k) {
    switch (k) {
        case v1::CONSULTATION_KIND_COLLEAGUE:
            return tr("Colleague");
        case v1::CONSULTATION_KIND_MELDCODE_OFFICER:
            return tr("Meldcode officer (aandachtsfunctionaris)");
        case v1::CONSULTATION_KIND_VEILIG_THUIS:
            return tr("Veilig Thuis");
        default:
            return tr("unknown");
    }
}

QString Text::conversation(v1::Conversation c) {
    switch (c) {
        case v1::CONVERSATION_HELD:
            return tr("Held");
        case v1::CONVERSATION_NOT_HELD:
            return tr("Not held (safety)");
        default:
            return tr("Not recorded yet");
    }
}

QString Text::meldcodeStanding(const v1::MeldcodeTrack& t) {
    switch (t.state()) {
        case v1::MELDCODE_STATE_DECIDED:
            if (t.decision() == v1::MELDCODE_DECISION_REPORT) {
                return tr("decided: reported to Veilig Thuis (reference %1)").arg(Q(t.veilig_thuis_reference()));
            }
            return tr("decided: %1").arg(meldcodeDecision(t.decision()).toLower());
        case v1::MELDCODE_STATE_TRANSFERRED:
            return tr("handed over to %1").arg(Q(t.transferred_to()));
        default:
            break;
    }
    // The first step still to do.
    if (t.consultations().empty()) return tr("open: consult (step 2)");
    if (t.conversation() == v1::CONVERSATION_UNSPECIFIED) return tr("open: the conversation (step 3)");
    return t.report_required() ? tr("open: report required") : tr("open: weigh and decide (steps 4 and 5)");
}

QString Text::meldcodeQuestion(int n) {
    switch (n) {
        case 1:
            return tr("1. Is there a suspicion of (threat of) domestic violence or child abuse?");
        case 2:
            return tr("2. Is there acute or structural unsafety?");
        case 3:
            return tr("3. Can we offer or organise effective help?");
        case 4:
            return tr("4. Do those involved accept that help?");
        default:
            return tr("5. Does the help lead to lasting safety (followed for three months)?");
    }
}

QString Text::caseField(const std::string& key) {
    if (key == "problem_areas") return tr("problem areas");
    if (key == "risk_flags") return tr("risk flags");
    if (key == "complexity") return tr("complexity");
    if (key == "case_lead") return tr("case lead");
    if (key == "outcome") return tr("outcome");
    if (key == "caller_description") return tr("caller description");
    return tr("other details");
}

QString Text::denominator(const std::string& key) {
    if (key == "cases") return tr("cases opened in the period");
    if (key == "contacts") return tr("contacts of those cases");
    if (key == "outcomes") return tr("cases with a recorded outcome");
    if (key == "municipality_handovers") return tr("handovers of those cases");
    if (key == "complex_cases") return tr("complex cases opened in the period");
    if (key == "cases_several_problem_areas") {
        return tr("cases opened in the period (a case may have several problem areas)");
    }
    if (key == "cases_several_risk_flags") return tr("cases opened in the period (a case may have several risk flags)");
    if (key == "contacts_several_responses") {
        return tr("contacts of those cases (a contact may have several responses)");
    }
    if (key == "proposals") return tr("proposals made in the period");
    if (key == "meldcode_tracks") return tr("Meldcode tracks of those cases");
    return {};
}

QString Text::dueReason(const google::protobuf::RepeatedPtrField<v1::SkippedDay>& skipped) {
    if (skipped.empty()) return tr("next working day");
    QStringList parts;
    bool weekend = false;
    for (const auto& d : skipped) {
        if (d.why() == "weekend") {
            weekend = true;
            continue;
        }
        QString name = tr("closure day");
        if (d.why() == "new_years_day") name = tr("New Year's Day");
        if (d.why() == "good_friday") name = tr("Good Friday");
        if (d.why() == "easter_monday") name = tr("Easter Monday");
        if (d.why() == "kings_day") name = tr("King's Day");
        if (d.why() == "liberation_day") name = tr("Liberation Day");
        if (d.why() == "ascension_day") name = tr("Ascension Day");
        if (d.why() == "whit_monday") name = tr("Whit Monday");
        if (d.why() == "christmas_day") name = tr("Christmas Day");
        if (d.why() == "boxing_day") name = tr("Boxing Day");
        const QDate day(d.date().year(), d.date().month(), d.date().day());
        parts << QStringLiteral("%1 (%2)").arg(name, QLocale().toString(day, QStringLiteral("ddd dd-MM")));
    }
    if (weekend) parts << tr("weekend");
    return parts.join(QStringLiteral(", "));
}

QString Text::figuresExplanation(const std::string& key) {
    if (key == "period") {
        return tr(
            "A case belongs to the period in which it was opened; its contacts, consults, handovers and "
            "evaluations are counted with it.");
    }
    if (key == "several_tags") {
        return tr(
            "A case may have several problem areas and risk flags, and a contact several responses: their "
            "counts add up to more than the total, and each share is of all cases (or contacts).");
    }
    if (key == "weekend") {
        return tr(
            "Weekend: cases whose shift fell on a Saturday or Sunday (a night belongs to the evening it "
            "started); weekday evening: the others.");
    }
    if (key == "complex") {
        return tr(
            "Complex cases follow the evaluation rules of the configuration; held: the evaluation was held "
            "or finalised.");
    }
    if (key == "handovers_on_time") {
        return tr("Handovers confirmed by their due time: the confirmation was recorded at or before the due time.");
    }
    if (key == "pre_registered_plan") {
        return tr("Pre-registered plan: the youth had a plan before the case was opened.");
    }
    return {};
}

namespace {

/// The enum value named PREFIX + key in upper case ("stayed_home" → OUTCOME_STAYED_HOME).
template <typename E>
E EnumOfKey(const std::string& prefix, const std::string& key, bool (*parse)(const std::string&, E*)) {
    std::string name = prefix + key;
    for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    E value{};
    return parse(name, &value) ? value : E{};
}

}  // namespace

v1::Outcome Text::outcomeOf(const std::string& key) {
    return EnumOfKey<v1::Outcome>("OUTCOME_", key, v1::Outcome_Parse);
}

v1::RiskFlag Text::riskFlagOf(const std::string& key) {
    return EnumOfKey<v1::RiskFlag>("RISK_FLAG_", key, v1::RiskFlag_Parse);
}

QString Text::caseStatus(v1::CaseStatus s) {
    switch (s) {
        case v1::CASE_STATUS_OPEN:
            return tr("open");
        case v1::CASE_STATUS_CLOSED:
            return tr("closed");
        default:
            return tr("unknown");
    }
}

QString Text::dateTime(const google::protobuf::Timestamp& t) {
    if (t.seconds() == 0 && t.nanos() == 0) return QStringLiteral("—");
    QDateTime dt = QDateTime::fromSecsSinceEpoch(t.seconds()).toLocalTime();
    return QLocale().toString(dt, QStringLiteral("ddd dd-MM HH:mm"));
}

QString Text::date(const v1::Date& d) {
    if (d.year() == 0) return QStringLiteral("—");
    return QDate(d.year(), d.month(), d.day()).toString(QStringLiteral("dd-MM-yyyy"));
}

QString Text::birth(const v1::Date& dob, bool estimated) {
    return estimated ? tr("about %n years", "", ageOn(dob)) : date(dob);
}

QDate Text::today() {
    static const QTimeZone amsterdam("Europe/Amsterdam");
    return QDateTime::currentDateTimeUtc()
        .toTimeZone(amsterdam.isValid() ? amsterdam : QTimeZone::systemTimeZone())
        .date();
}

int Text::ageOn(const v1::Date& dob) {
    const QDate today = Text::today();
    int age = today.year() - dob.year();
    if (today.month() < dob.month() || (today.month() == dob.month() && today.day() < dob.day())) --age;
    return age;
}

QString Text::youthName(const std::string& given, const std::string& family) {
    return (Q(given) + QLatin1Char(' ') + Q(family)).trimmed();
}

namespace {

/// The fields the server names in its refusals, by the last part of their path, as the forms
/// label them.
struct FieldName {
    const char* field;
    const char* name;
};
constexpr FieldName kFieldNames[] = {
    {"given_name", QT_TRANSLATE_NOOP("Field", "the given name")},
    {"family_name", QT_TRANSLATE_NOOP("Field", "the family name")},
    {"date_of_birth", QT_TRANSLATE_NOOP("Field", "the date of birth")},
    {"estimated_age", QT_TRANSLATE_NOOP("Field", "the age")},
    {"municipality", QT_TRANSLATE_NOOP("Field", "the municipality")},
    {"bsn", QT_TRANSLATE_NOOP("Field", "the citizen service number")},
    {"number", QT_TRANSLATE_NOOP("Field", "the phone number")},
    {"phone", QT_TRANSLATE_NOOP("Field", "the phone number")},
    {"caller_phone", QT_TRANSLATE_NOOP("Field", "the caller's number")},
    {"caller_role", QT_TRANSLATE_NOOP("Field", "who is calling")},
    {"caller_description", QT_TRANSLATE_NOOP("Field", "the short description")},
    {"name", QT_TRANSLATE_NOOP("Field", "the name")},
    {"relation", QT_TRANSLATE_NOOP("Field", "the relation")},
    {"summary", QT_TRANSLATE_NOOP("Field", "the summary")},
    {"started_at", QT_TRANSLATE_NOOP("Field", "the start time")},
    {"ended_at", QT_TRANSLATE_NOOP("Field", "the end time")},
    {"question", QT_TRANSLATE_NOOP("Field", "the question")},
    {"urgency", QT_TRANSLATE_NOOP("Field", "the urgency")},
    {"advice", QT_TRANSLATE_NOOP("Field", "the advice")},
    {"agreements", QT_TRANSLATE_NOOP("Field", "the agreements")},
    {"note", QT_TRANSLATE_NOOP("Field", "the note")},
    {"text", QT_TRANSLATE_NOOP("Field", "the text")},
    {"reason", QT_TRANSLATE_NOOP("Field", "the reason")},
    {"change_note", QT_TRANSLATE_NOOP("Field", "what changed")},
    {"closing_note", QT_TRANSLATE_NOOP("Field", "the closing note")},
    {"outcome", QT_TRANSLATE_NOOP("Field", "the outcome of the night")},
    {"complexity", QT_TRANSLATE_NOOP("Field", "the complexity")},
    {"problem_areas", QT_TRANSLATE_NOOP("Field", "the problem areas")},
    {"risk_flags", QT_TRANSLATE_NOOP("Field", "the risk flags")},
    {"kind", QT_TRANSLATE_NOOP("Field", "the kind")},
    {"to", QT_TRANSLATE_NOOP("Field", "the receiver")},
    {"organisation_id", QT_TRANSLATE_NOOP("Field", "the organisation")},
    {"contact", QT_TRANSLATE_NOOP("Field", "the contact person")},
    {"legal_ground", QT_TRANSLATE_NOOP("Field", "the legal ground")},
    {"step", QT_TRANSLATE_NOOP("Field", "the step")},
    {"at", QT_TRANSLATE_NOOP("Field", "the time")},
    {"given_at", QT_TRANSLATE_NOOP("Field", "the date of the consent")},
    {"given_by_guardian", QT_TRANSLATE_NOOP("Field", "the parent or guardian")},
    {"valid_until", QT_TRANSLATE_NOOP("Field", "valid until")},
    {"scope", QT_TRANSLATE_NOOP("Field", "the kind of consent")},
    {"organisation", QT_TRANSLATE_NOOP("Field", "the organisation")},
    {"professional", QT_TRANSLATE_NOOP("Field", "the professional")},
    {"professional_phone", QT_TRANSLATE_NOOP("Field", "the professional's phone")},
    {"legal_measure", QT_TRANSLATE_NOOP("Field", "the legal measure")},
    {"held_on", QT_TRANSLATE_NOOP("Field", "the date of the meeting")},
    {"planned_for", QT_TRANSLATE_NOOP("Field", "the planned date")},
    {"participants", QT_TRANSLATE_NOOP("Field", "the participants")},
    {"went_well", QT_TRANSLATE_NOOP("Field", "what went well")},
    {"could_be_better", QT_TRANSLATE_NOOP("Field", "what could be better")},
    {"status", QT_TRANSLATE_NOOP("Field", "the status")},
    {"username", QT_TRANSLATE_NOOP("Field", "the user name")},
    {"password", QT_TRANSLATE_NOOP("Field", "the password")},
    {"current_password", QT_TRANSLATE_NOOP("Field", "your current password")},
    {"new_password", QT_TRANSLATE_NOOP("Field", "the new password")},
    {"totp_code", QT_TRANSLATE_NOOP("Field", "the six-digit code")},
    {"shift_note", QT_TRANSLATE_NOOP("Field", "the shift note")},
    {"youth_id", QT_TRANSLATE_NOOP("Field", "the youth")},
    {"case_id", QT_TRANSLATE_NOOP("Field", "the case")},
    {"consult_id", QT_TRANSLATE_NOOP("Field", "the consult")},
    {"handover_id", QT_TRANSLATE_NOOP("Field", "the handover")},
    {"evaluation_id", QT_TRANSLATE_NOOP("Field", "the evaluation")},
    {"proposal_id", QT_TRANSLATE_NOOP("Field", "the proposal")},
    {"user_id", QT_TRANSLATE_NOOP("Field", "the user")},
    {"break_glass_id", QT_TRANSLATE_NOOP("Field", "the break-the-glass")},
    {"pre_registration_id", QT_TRANSLATE_NOOP("Field", "the pre-registration")},
    {"consent_id", QT_TRANSLATE_NOOP("Field", "the consent")},
    {"opened_at", QT_TRANSLATE_NOOP("Field", "the start of the call")},
    {"track_id", QT_TRANSLATE_NOOP("Field", "the Meldcode track")},
    {"observed_signals", QT_TRANSLATE_NOOP("Field", "the signals")},
    {"with_whom", QT_TRANSLATE_NOOP("Field", "who was consulted")},
    {"conversation", QT_TRANSLATE_NOOP("Field", "the conversation")},
    {"conversation_with", QT_TRANSLATE_NOOP("Field", "with whom the conversation was held")},
    {"conversation_note", QT_TRANSLATE_NOOP("Field", "the conversation's note")},
    {"suspicion", QT_TRANSLATE_NOOP("Field", "question 1 (suspicion)")},
    {"unsafety", QT_TRANSLATE_NOOP("Field", "question 2 (unsafety)")},
    {"help_possible", QT_TRANSLATE_NOOP("Field", "question 3 (help possible)")},
    {"help_accepted", QT_TRANSLATE_NOOP("Field", "question 4 (help accepted)")},
    {"lasting_safety", QT_TRANSLATE_NOOP("Field", "question 5 (lasting safety)")},
    {"decision", QT_TRANSLATE_NOOP("Field", "the decision")},
    {"veilig_thuis_reference", QT_TRANSLATE_NOOP("Field", "Veilig Thuis' reference")},
};

/// Makes "the summary" the start of a sentence: "The summary".
QString Capital(QString s) {
    if (!s.isEmpty()) s[0] = s[0].toUpper();
    return s;
}

}  // namespace

QString Text::field(const std::string& path) {
    std::string last = path.substr(path.rfind('.') == std::string::npos ? 0 : path.rfind('.') + 1);
    if (auto bracket = last.find('['); bracket != std::string::npos) last.erase(bracket);
    for (const auto& f : kFieldNames) {
        if (last == f.field) return QCoreApplication::translate("Field", f.name);
    }
    return {};
}

QString Text::reason(const Error& e) {
    const QString what = field(e.field);
    const std::string& r = e.reason;
    // The request.
    if (r == "required") return what.isEmpty() ? tr("A required field is empty.") : tr("Fill in %1.").arg(what);
    if (r == "too_long") {
        return what.isEmpty() ? tr("A text is too long.")
                              : tr("%1 is too long: at most %2 characters.").arg(Capital(what), Q(e.Param("max")));
    }
    if (r == "invalid_value") {
        return what.isEmpty() ? tr("Something in the form is not right.")
                              : tr("%1 is not right; check what you typed.").arg(Capital(what));
    }
    if (r == "in_future")
        return tr("%1 lies in the future; give a time that has passed.")
            .arg(what.isEmpty() ? tr("The time") : Capital(what));
    // Who may.
    if (r == "role_not_allowed") return tr("Your role may not do this. Ask the coordinator if it is needed.");
    if (r == "consent_missing") {
        const auto scope = EnumOfKey<v1::ConsentScope>("CONSENT_SCOPE_", e.Param("scope"), v1::ConsentScope_Parse);
        if (scope == v1::CONSENT_SCOPE_PRE_REGISTRATION) {
            return tr(
                "There is no valid consent for pre-registration. With a reason you can open the plan anyway "
                "(break the glass).");
        }
        return tr("There is no valid consent for \"%1\". Record the consent first, or give the legal ground.")
            .arg(consentScope(scope));
    }
    if (r == "sign_in_failed") return tr("The user name or the password is not right.");
    if (r == "second_factor_needed")
        return tr("Your role needs a second factor: type the six-digit code from your authenticator app.");
    if (r == "second_factor_wrong")
        return tr("The six-digit code is not right or was already used; wait for the next code.");
    if (r == "account_disabled") return tr("This account is disabled; ask the administrator.");
    if (r == "session_ended") return tr("Your session has ended; sign in again.");
    if (r == "wrong_password") return tr("The password is not right.");
    if (r == "password_change_needed")
        return tr("You signed in with a one-time password: choose your own password first.");
    if (r == "own_review") return tr("Your own break-the-glass is reviewed by another coordinator.");
    if (r == "four_eyes") return tr("Nobody changes their own roles: another administrator does that.");
    if (r == "second_factor_enrolment_needed") {
        return tr("Your role needs a second factor: set up your authenticator app first (spoedctl totp enroll).");
    }
    // The state of things.
    if (r == "not_found") {
        return what.isEmpty() ? tr("This no longer exists; refresh the screen.")
                              : tr("%1 no longer exists (or never did); refresh the screen.").arg(Capital(what));
    }
    if (r == "already_exists") {
        return what.isEmpty() ? tr("This already exists.")
                              : tr("%1 is already in use or already exists.").arg(Capital(what));
    }
    if (r == "already_done") return tr("This was already done, by you or a colleague; refresh the screen.");
    if (r == "case_closed") return tr("The case is closed; open a new case for a new call.");
    if (r == "meldcode_undecided") {
        return tr(
            "The case cannot close while its Meldcode track is undecided: decide it, or hand it over with a "
            "handover.");
    }
    if (r == "report_required") {
        return tr("The answers require a report to Veilig Thuis; no other decision is possible.");
    }
    if (r == "meldcode_incomplete") {
        const std::string step = e.Param("step");
        if (step == "2") return tr("Record a consultation first (step 2).");
        if (step == "3") return tr("Record the conversation first, or why it was not held (step 3).");
        return tr("Answer question %1 of the afwegingskader first.").arg(Q(e.Param("question")));
    }
    if (r == "handover_not_confirmed") {
        return tr("The case cannot close while a handover is not confirmed: record the handover's steps first.");
    }
    if (r == "step_out_of_order") {
        const auto next = EnumOfKey<v1::HandoverStep>("HANDOVER_STEP_", e.Param("next"), v1::HandoverStep_Parse);
        return tr("Record the step \"%1\" first.").arg(handoverStep(next));
    }
    if (r == "changed_meanwhile") {
        return e.Param("version").empty()
                   ? tr("Someone else changed this meanwhile; reload and try again.")
                   : tr("Someone else saved version %1 meanwhile; reload it and make your change again.")
                         .arg(Q(e.Param("version")));
    }
    if (r == "no_youth_linked") return tr("The case has no youth yet: register or link the youth first.");
    if (r == "wrong_state") return tr("This cannot be done now.");
    // The server.
    // The server answered, so it can be reached: it cannot do this now (too many sign-ins at
    // once, a storage hiccup). The desk's own lost connection has no reason and reads otherwise.
    if (r == "unavailable") return tr("The server is too busy to do this now; try again in a moment.");
    if (r == "storage_full") return tr("The server's storage is full: nothing was saved. Tell the administrator.");
    if (r == "audit_unavailable") {
        return tr("The server could not record this in the audit log, so it did not do it; try again.");
    }
    if (r == "too_many_attempts") {
        bool known = false;
        const int seconds = Q(e.Param("wait_seconds")).toInt(&known);
        if (known && seconds > 0) {
            return seconds < 120 ? tr("Too many attempts; try again in %n second(s).", "", seconds)
                                 : tr("Too many attempts; try again in %n minute(s).", "", (seconds + 59) / 60);
        }
        return tr("Too many attempts; wait a moment.");
    }
    if (r == "too_large") return tr("This is too large to send.");
    if (r == "internal") return tr("Something went wrong on the server; try again or tell the administrator.");
    return {};
}

QString Text::error(const Error& e) {
    QString why = reason(e);
    // A general reason says too little on its own: the server's words follow as details.
    const bool general = e.reason == "wrong_state" || (e.reason == "invalid_value" && field(e.field).isEmpty());
    if (!why.isEmpty() && !general) return why;
    if (!why.isEmpty()) return why + QLatin1Char('\n') + tr("Details: %1").arg(Q(e.message));
    switch (e.code) {
        case ErrorCode::kUnavailable:
        case ErrorCode::kDeadlineExceeded:
            // The desk's own connection failing: no server message to show.
            if (e.reason.empty()) return tr("The server cannot be reached.");
            why = tr("The server cannot be reached.");
            break;
        case ErrorCode::kUnauthenticated:
            why = tr("Not signed in (or the session has ended).");
            break;
        case ErrorCode::kPermissionDenied:
            why = tr("Your role may not do this.");
            break;
        case ErrorCode::kInvalidArgument:
            why = tr("Something in the form is not right.");
            break;
        case ErrorCode::kFailedPrecondition:
            why = tr("This cannot be done now.");
            break;
        case ErrorCode::kNotFound:
            why = tr("Not found.");
            break;
        case ErrorCode::kAborted:
            why = tr("Someone else changed this meanwhile; reload and try again.");
            break;
        case ErrorCode::kResourceExhausted:
            why = tr("Too many attempts; wait a moment.");
            break;
        default:
            why = tr("Something went wrong.");
            break;
    }
    return why + QLatin1Char('\n') + tr("Details: %1").arg(Q(e.message));
}

std::string NewIdempotencyKey() { return S(QUuid::createUuid().toString(QUuid::WithoutBraces)); }

QString HtmlText(const std::string& text) {
    return Q(text).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QLabel* StatusLabel(QWidget* parent) {
    auto* l = new QLabel(parent);
    l->setWordWrap(true);
    return l;
}

void ShowStatus(QLabel* label, const QString& text, bool is_error) {
    label->setText(text);
    label->setStyleSheet(is_error ? QStringLiteral("color:#b71c1c; font-weight:bold")
                                  : QStringLiteral("color:#1b5e20"));
}

google::protobuf::Timestamp ToTimestamp(const QDateTime& dt) {
    google::protobuf::Timestamp t;
    t.set_seconds(dt.toSecsSinceEpoch());
    return t;
}

}  // namespace spoed::desk
