#include "client/desk/text.hpp"

#include <google/protobuf/timestamp.pb.h>

#include <QDate>
#include <QDateTime>
#include <QLocale>
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
    return Q(kind);
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

int Text::ageOn(const v1::Date& dob) {
    QDate today = QDate::currentDate();
    int age = today.year() - dob.year();
    if (today.month() < dob.month() || (today.month() == dob.month() && today.day() < dob.day())) --age;
    return age;
}

QString Text::youthName(const std::string& given, const std::string& family) {
    return (Q(given) + QLatin1Char(' ') + Q(family)).trimmed();
}

QString Text::error(const Error& e) {
    QString why;
    switch (e.code) {
        case ErrorCode::kUnavailable:
        case ErrorCode::kDeadlineExceeded:
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
            why = tr("This cannot be done yet.");
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
    return why + QLatin1Char(' ') + Q(e.message);
}

std::string NewIdempotencyKey() { return S(QUuid::createUuid().toString(QUuid::WithoutBraces)); }

}  // namespace spoed::desk
