#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <string>

#include "base/result.hpp"
#include "spoed/v1/auth.pb.h"
#include "spoed/v1/case.pb.h"
#include "spoed/v1/handover.pb.h"
#include "spoed/v1/meldcode.pb.h"
#include "spoed/v1/youth.pb.h"

class QDateTime;
class QLabel;
class QWidget;

namespace google::protobuf {
class Timestamp;
}

namespace spoed::desk {

/// The words the desk shows for the API's enums, dates and errors — translated (Dutch by
/// default). Kept in one place so every screen says the same thing.
class Text {
    Q_DECLARE_TR_FUNCTIONS(Text)
  public:
    static QString role(v1::Role r);
    static QString riskFlag(v1::RiskFlag f);
    static QString outcome(v1::Outcome o);
    static QString complexity(v1::Complexity c);
    static QString contactType(v1::ContactType t);
    static QString callerRole(v1::CallerRole r);
    static QString response(v1::Response r);
    static QString urgency(v1::Urgency u);
    static QString handoverKind(v1::HandoverKind k);
    static QString handoverStep(v1::HandoverStep s);
    static QString handoverStatus(v1::HandoverStatus s);
    static QString consentScope(v1::ConsentScope s);
    static QString organisationKind(v1::OrganisationKind k);
    static QString legalMeasure(v1::LegalMeasure m);
    static QString timelineKind(const std::string& kind);
    static QString meldcodeDecision(v1::MeldcodeDecision d);
    static QString consultationKind(v1::ConsultationKind k);
    static QString conversation(v1::Conversation c);
    /// Where a Meldcode track stands: "open, step 2", "decided: report to Veilig Thuis", …
    static QString meldcodeStanding(const v1::MeldcodeTrack& t);
    /// The afwegingskader's question `n` (1–5) as the form asks it.
    static QString meldcodeQuestion(int n);
    /// A case field an update changed, by its key ("risk_flags" → "risicosignalen").
    static QString caseField(const std::string& key);
    /// What a share of the figures is of, by its key ("cases" → "casussen geopend in de periode").
    static QString denominator(const std::string& key);
    /// Why a handover falls due when it does: "volgende werkdag", or the days skipped
    /// ("Koningsdag (ma 27-04), weekend").
    static QString dueReason(const google::protobuf::RepeatedPtrField<v1::SkippedDay>& skipped);
    /// How to read the figures, one sentence per key the server gives.
    static QString figuresExplanation(const std::string& key);
    /// The outcome whose key is `key` ("stayed_home"); OUTCOME_UNSPECIFIED for anything else.
    static v1::Outcome outcomeOf(const std::string& key);
    /// The risk flag whose key is `key` ("severe_aggression"); RISK_FLAG_UNSPECIFIED otherwise.
    static v1::RiskFlag riskFlagOf(const std::string& key);
    static QString caseStatus(v1::CaseStatus s);

    /// "ma 23-11 21:40" in local time; "—" when unset.
    static QString dateTime(const google::protobuf::Timestamp& t);
    /// "14-03-2012"
    static QString date(const v1::Date& d);
    /// The date of birth as a list shows it: "14-03-2012", or "about 15 years" when it was
    /// estimated from the age a caller gave.
    static QString birth(const v1::Date& dob, bool estimated);
    /// "Daan Visser (fictief), 14 jaar"
    static QString youthName(const std::string& given, const std::string& family);
    /// Today as the crisis line counts it: the date in Amsterdam, as the server's shifts, periods
    /// and ages do, whatever time zone this computer is set to (between 23:00 and midnight UTC
    /// the two differ).
    static QDate today();
    /// The age today (Amsterdam's date) of someone born on `dob`.
    static int ageOn(const v1::Date& dob);
    /// What went wrong and what to do next, in the desk's language, from the reason the server
    /// gave as data. A reason the desk does not know yet gets a general sentence with the
    /// server's own message under "Details".
    static QString error(const Error& e);
    /// The sentence for `e.reason`; empty when the desk has none for that reason.
    static QString reason(const Error& e);
    /// The name of an API field as the forms call it ("youth.date_of_birth" → "geboortedatum");
    /// empty for a field the desk does not name.
    static QString field(const std::string& path);
};

inline QString Q(const std::string& s) { return QString::fromStdString(s); }
inline std::string S(const QString& s) { return s.toStdString(); }

/// A fresh idempotency key for one create (kept with its draft until the server has it).
std::string NewIdempotencyKey();
/// A moment for a request, to the second.
google::protobuf::Timestamp ToTimestamp(const QDateTime& dt);

/// Plain text from the server for a rich-text label: escaped, line breaks kept.
QString HtmlText(const std::string& text);

/// A form's status line (word-wrapped), and what it says: an error in bold red, else green.
QLabel* StatusLabel(QWidget* parent);
void ShowStatus(QLabel* label, const QString& text, bool is_error);

}  // namespace spoed::desk
