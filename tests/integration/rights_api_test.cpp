// The rights of the youth and the parents through the API layer: the inzage export and the
// statement (verklaring). Real SQLite, the real router and services, a fake clock.
#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/time_util.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "daemon/service/retention.hpp"
#include "db/audit_chain.hpp"
#include "spoed/v1/case.pb.h"
#include "spoed/v1/evaluation.pb.h"
#include "spoed/v1/handover.pb.h"
#include "spoed/v1/meldcode.pb.h"
#include "spoed/v1/plan.pb.h"
#include "spoed/v1/record.pb.h"
#include "spoed/v1/stats.pb.h"
#include "spoed/v1/youth.pb.h"
#include "tests/support/crisis_fixture.hpp"

namespace spoed {
namespace {

using test::CrisisFixture;
using test::ErrorCodeOf;

std::string Q(std::int64_t id) { return "\"" + std::to_string(id) + "\""; }

/// The fixture's clock ten minutes back, as the API writes a moment.
std::string TenMinutesAgo(CrisisFixture& f) {
    google::protobuf::Timestamp t;
    t.set_seconds(std::chrono::duration_cast<std::chrono::seconds>(f.clock.Now().time_since_epoch()).count() - 600);
    return google::protobuf::util::TimeUtil::ToString(t);
}

/// A youth with an item of every kind in the record, each text carrying `tag` so that the
/// export can be searched for it: the markers, one per item.
struct Generated {
    std::int64_t youth = 0;
    std::vector<std::string> markers;
};

Generated Generate(CrisisFixture& f, const std::string& given, const std::string& tag) {
    Generated g;
    auto mark = [&](const std::string& what) {
        g.markers.push_back(tag + "-" + what);
        return g.markers.back();
    };
    g.youth = f.CreateYouth(given, "Testdossier", "2011-04-05");
    const std::string y = Q(g.youth);
    f.Rpc<v1::AddStatementResponse>(v1::rpc::YouthService::AddStatement,
                                    R"({"youthId":)" + y + R"(,"by":"STATEMENT_BY_PARENT","authorName":")" +
                                        mark("statement-author") + R"(","about":"the contact","text":")" +
                                        mark("statement-text") + "\"}",
                                    f.coordinator);
    f.Consent(g.youth, "CONSENT_SCOPE_PRE_REGISTRATION", R"(,"note":")" + mark("consent-note") + "\"");
    f.Consent(g.youth, "CONSENT_SCOPE_DOSSIER_ACCESS");
    f.Rpc<v1::CreatePreRegistrationResponse>(v1::rpc::YouthService::CreatePreRegistration,
                                             R"({"youthId":)" + y +
                                                 R"(,"fields":{"organisation":"Accare","professional":")" +
                                                 mark("professional") + R"(","legalMeasure":"LEGAL_MEASURE_NONE"}})",
                                             f.coordinator);
    f.Rpc<v1::AddPlanVersionResponse>(v1::rpc::PlanService::AddPlanVersion,
                                      R"({"youthId":)" + y + R"(,"changeNote":")" + mark("plan-note") +
                                          R"(","content":{"red":{"signs":")" + mark("plan-red") + R"("}}})",
                                      f.coordinator);
    const auto c = f.Rpc<v1::OpenCaseResponse>(
                        v1::rpc::CaseService::OpenCase,
                        R"({"youthId":)" + y + R"(,"callerDescription":")" + mark("caller") + "\"}", f.worker)
                       .case_()
                       .id();
    f.Rpc<v1::LogContactResponse>(v1::rpc::CaseService::LogContact,
                                  R"({"caseId":)" + Q(c) + R"(,"type":"CONTACT_TYPE_INCOMING_CALL","startedAt":")" +
                                      TenMinutesAgo(f) + R"(","callerRole":"CALLER_ROLE_PARENT","summary":")" +
                                      mark("contact") + "\"}",
                                  f.worker);
    const auto consult = f.Rpc<v1::RequestConsultResponse>(
        v1::rpc::ConsultService::RequestConsult,
        R"({"caseId":)" + Q(c) + R"(,"question":")" + mark("question") + R"(","urgency":"URGENCY_ROUTINE"})", f.worker);
    f.Rpc<v1::AnswerConsultResponse>(
        v1::rpc::ConsultService::AnswerConsult,
        R"({"consultId":)" + Q(consult.consult().id()) + R"(,"advice":")" + mark("advice") + "\"}", f.psychiatrist);
    f.Rpc<v1::CreateHandoverResponse>(v1::rpc::HandoverService::CreateHandover,
                                      R"({"caseId":)" + Q(c) +
                                          R"(,"kind":"HANDOVER_KIND_ONGOING_CARE","recipient":{"name":")" +
                                          mark("recipient") + "\"}}",
                                      f.worker);
    f.Rpc<v1::StartTrackResponse>(v1::rpc::MeldcodeService::StartTrack,
                                  R"({"caseId":)" + Q(c) + R"(,"observedSignals":")" + mark("signals") + "\"}",
                                  f.worker);
    const auto e = f.Rpc<v1::PlanEvaluationResponse>(v1::rpc::EvaluationService::PlanEvaluation,
                                                     R"({"caseId":)" + Q(c) + "}", f.coordinator);
    f.Rpc<v1::UpdateEvaluationResponse>(
        v1::rpc::EvaluationService::UpdateEvaluation,
        R"({"evaluationId":)" + Q(e.evaluation().id()) + R"(,"setParticipants":true,"participants":[{"name":")" +
            mark("participant") +
            R"(","kind":"PARTICIPANT_KIND_FAMILY"}],"setAnalysis":true,"analysis":{"wentWell":")" + mark("went-well") +
            "\"}}",
        f.coordinator);
    // A read by the psychiatrist, for the access log.
    f.Rpc<v1::GetYouthResponse>(v1::rpc::YouthService::GetYouth, R"({"youthId":)" + y + "}", f.psychiatrist);
    return g;
}

struct Exported {
    v1::YouthRecordExport record;
    std::string json, html;
};

Exported Export(CrisisFixture& f, std::int64_t youth) {
    auto r = f.Rpc<v1::ExportYouthRecordResponse>(v1::rpc::RecordService::ExportYouthRecord,
                                                  R"({"youthId":)" + Q(youth) + "}", f.coordinator);
    Exported out;
    out.record = r.record();
    google::protobuf::util::JsonPrintOptions o;
    o.preserve_proto_field_names = true;
    EXPECT_TRUE(google::protobuf::util::MessageToJsonString(r.record(), &out.json, o).ok());
    out.html = r.html();
    return out;
}

TEST(Inzage, TheExportHoldsEveryItemOfTheYouthAndNothingOfAnother) {
    CrisisFixture f;
    Generated a = Generate(f, "Anouk", "ALPHA");
    Generated b = Generate(f, "Bente", "BRAVO");
    for (const auto& [mine, other] : {std::pair{a, b}, std::pair{b, a}}) {
        Exported x = Export(f, mine.youth);
        for (const auto& m : mine.markers) {
            EXPECT_NE(x.json.find(m), std::string::npos) << m << " missing from the JSON";
            EXPECT_NE(x.html.find(m), std::string::npos) << m << " missing from the HTML";
        }
        for (const auto& m : other.markers) {
            EXPECT_EQ(x.json.find(m), std::string::npos) << m << " of another youth in the JSON";
            EXPECT_EQ(x.html.find(m), std::string::npos) << m << " of another youth in the HTML";
        }
        // Every item belongs to this youth, and so does every line of the access log, which
        // holds the psychiatrist's read.
        EXPECT_EQ(x.record.youth().id(), mine.youth);
        ASSERT_EQ(x.record.cases_size(), 1);
        EXPECT_EQ(x.record.cases(0).case_().youth_id(), mine.youth);
        EXPECT_EQ(x.record.cases(0).meldcode().youth_id(), mine.youth);
        EXPECT_EQ(x.record.cases(0).evaluation().youth_id(), mine.youth);
        EXPECT_EQ(x.record.plan_versions_size(), 1);
        EXPECT_EQ(x.record.consents_size(), 2);
        EXPECT_EQ(x.record.pre_registrations_size(), 1);
        ASSERT_GT(x.record.access_log_size(), 5);
        bool psychiatrist_read = false;
        for (const auto& line : x.record.access_log()) {
            EXPECT_EQ(line.youth_id(), mine.youth) << line.method();
            psychiatrist_read |= line.method() == "GetYouth" && line.user_id() == f.psychiatrist_id;
        }
        EXPECT_TRUE(psychiatrist_read);
        // The document is Dutch and names the youth.
        EXPECT_NE(x.html.find("<html lang=\"nl\">"), std::string::npos);
        EXPECT_NE(x.html.find("Inzage in het dossier van"), std::string::npos);
        EXPECT_NE(x.html.find("Wie het dossier inzag of probeerde in te zien"), std::string::npos);
    }
}

TEST(Inzage, OnlyCoordinatorsExportAndEveryExportAndRefusalIsAuditedWithTheYouth) {
    CrisisFixture f;
    const std::int64_t youth = f.CreateYouth("Cato", "Testdossier", "2010-02-03");
    auto refused = f.Post(v1::rpc::RecordService::ExportYouthRecord, R"({"youthId":)" + Q(youth) + "}", f.worker);
    EXPECT_EQ(refused.status, 403);
    auto audit = f.Audit(1);
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].youth_id, youth);
    EXPECT_EQ(audit[0].result, "permission_denied");
    Export(f, youth);
    audit = f.Audit(1);
    EXPECT_EQ(audit[0].method, "ExportYouthRecord");
    EXPECT_EQ(audit[0].action, "export");
    EXPECT_EQ(audit[0].youth_id, youth);
    // Text is escaped in the document.
    f.Rpc<v1::AddStatementResponse>(
        v1::rpc::YouthService::AddStatement,
        R"({"youthId":)" + Q(youth) + R"(,"by":"STATEMENT_BY_YOUTH","authorName":"Cato","text":"<script>x</script>"})",
        f.coordinator);
    Exported x = Export(f, youth);
    EXPECT_EQ(x.html.find("<script>"), std::string::npos);
    EXPECT_NE(x.html.find("&lt;script&gt;"), std::string::npos);
}

TEST(Statement, IsAddedBesideTheRecordAndOverwritesNothing) {
    CrisisFixture f;
    const std::int64_t youth = f.CreateYouth("Dewi", "Testdossier", "2012-08-09");
    const auto before =
        f.Rpc<v1::GetYouthResponse>(v1::rpc::YouthService::GetYouth, R"({"youthId":)" + Q(youth) + "}", f.worker);
    auto missing = f.Post(v1::rpc::YouthService::AddStatement,
                          R"({"youthId":)" + Q(youth) + R"(,"by":"STATEMENT_BY_PARENT","text":"x"})", f.coordinator);
    EXPECT_EQ(ErrorCodeOf(missing), "invalid_argument");
    EXPECT_NE(missing.body.find("author_name"), std::string::npos) << missing.body;
    auto by_worker =
        f.Post(v1::rpc::YouthService::AddStatement,
               R"({"youthId":)" + Q(youth) + R"(,"by":"STATEMENT_BY_PARENT","authorName":"M","text":"x"})", f.worker);
    EXPECT_EQ(by_worker.status, 403);
    auto added = f.Rpc<v1::AddStatementResponse>(
        v1::rpc::YouthService::AddStatement,
        R"({"youthId":)" + Q(youth) +
            R"(,"by":"STATEMENT_BY_PARENT","authorName":"Moeder van Dewi, fictief","about":"contact of 21 November","text":"We did not say he hit her; he shouted."})",
        f.coordinator);
    EXPECT_EQ(added.statement().by(), v1::STATEMENT_BY_PARENT);
    EXPECT_EQ(added.statement().recorded_by(), f.coordinator_id);
    EXPECT_FALSE(added.statement().recorded_by_name().empty());
    const auto after =
        f.Rpc<v1::GetYouthResponse>(v1::rpc::YouthService::GetYouth, R"({"youthId":)" + Q(youth) + "}", f.worker);
    ASSERT_EQ(after.statements_size(), 1);
    EXPECT_EQ(after.statements(0).text(), "We did not say he hit her; he shouted.");
    EXPECT_EQ(after.youth().SerializeAsString(), before.youth().SerializeAsString()) << "nothing overwritten";
}

// --- retention ------------------------------------------------------------------------------------

v1::GetFiguresResponse NovemberFigures(CrisisFixture& f) {
    return f.Rpc<v1::GetFiguresResponse>(
        v1::rpc::StatsService::GetFigures,
        R"({"from":{"year":2026,"month":11,"day":1},"to":{"year":2026,"month":11,"day":30},"grouping":"GROUPING_MONTH"})",
        f.coordinator);
}

TEST(Retention, RemovesWhatIsPastRetentionKeepsTheRestTheFiguresAndTheChain) {
    using std::chrono::hours;
    CrisisFixture f;
    Generated old_one = Generate(f, "Anouk", "ALPHA");
    const v1::GetFiguresResponse figures_before = NovemberFigures(f);
    ASSERT_GT(figures_before.total().cases(), 0);
    // Nineteen years later another youth's record; then a year and a few weeks on, the first
    // record is past its 20 years and the second is not.
    f.Advance(hours(24 * (365 * 19 + 5)));
    Generated recent = Generate(f, "Bente", "BRAVO");
    ASSERT_TRUE(daemon::service::RunRetention(*f.store, f.clock.Now(), {}).ok());
    EXPECT_EQ(Export(f, old_one.youth).record.youth().given_name(), "Anouk") << "not yet: 19 years";
    f.Advance(hours(24 * (365 + 30)));
    auto removed = daemon::service::RunRetention(*f.store, f.clock.Now(), {});
    ASSERT_TRUE(removed.ok()) << removed.error().message;
    EXPECT_EQ(*removed, 1);

    // The old record holds no personal data any more: none of its texts, in either form, and
    // a pseudonym where the name was.
    Exported gone = Export(f, old_one.youth);
    for (const auto& m : old_one.markers) {
        EXPECT_EQ(gone.json.find(m), std::string::npos) << m << " is still in the JSON";
        EXPECT_EQ(gone.html.find(m), std::string::npos) << m << " is still in the HTML";
    }
    EXPECT_EQ(gone.record.youth().given_name().rfind("P-", 0), 0u) << gone.record.youth().given_name();
    EXPECT_TRUE(gone.record.youth().family_name().empty());
    EXPECT_EQ(gone.record.youth().phones_size(), 0);
    EXPECT_EQ(gone.record.statements_size(), 0);
    ASSERT_EQ(gone.record.pre_registrations_size(), 1);
    EXPECT_TRUE(gone.record.pre_registrations(0).has_ended_at()) << "nothing is left to pre-register";
    ASSERT_EQ(gone.record.cases_size(), 1) << "the case stays, for the figures";
    auto nobody =
        f.Rpc<v1::SearchYouthsResponse>(v1::rpc::YouthService::SearchYouths, R"({"query":"Anouk"})", f.worker);
    EXPECT_EQ(nobody.hits_size(), 0);
    // The recent record is whole.
    Exported kept = Export(f, recent.youth);
    for (const auto& m : recent.markers) EXPECT_NE(kept.json.find(m), std::string::npos) << m;

    // The figures of the first record's month are what they were, and the audit chain verifies;
    // the old youth's lines are all still there, the last one saying what replaced the name.
    EXPECT_EQ(NovemberFigures(f).total().SerializeAsString(), figures_before.total().SerializeAsString());
    auto chain =
        f.store->Read([](db::Tx& tx) -> Result<db::AuditChainReport> { return db::VerifyAuditChain(tx.audit()); });
    ASSERT_TRUE(chain.ok());
    EXPECT_TRUE(chain->ok) << chain->message;
    auto lines = f.store->Read([&](db::Tx& tx) -> Result<std::vector<db::AuditRecord>> {
        db::AuditFilter a;
        a.youth_id = old_one.youth;
        a.limit = 1000;
        return tx.audit().List(a);
    });
    ASSERT_TRUE(lines.ok());
    ASSERT_GT(lines->size(), 10u);
    bool retention_line = false;
    for (const auto& l : *lines) {
        if (l.method == "RemovePersonalData") {
            retention_line = true;
            EXPECT_NE(l.reason.find(gone.record.youth().given_name()), std::string::npos) << l.reason;
        }
    }
    EXPECT_TRUE(retention_line);
    // Once removed is removed: the next day's run finds nothing.
    auto again = daemon::service::RunRetention(*f.store, f.clock.Now(), {});
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(*again, 0);
}

TEST(Destruction, ARequestIsRegisteredAndAGrantedOneRemovesThePersonalDataAtOnce) {
    CrisisFixture f;
    Generated asked = Generate(f, "Cas", "CHARLIE");
    Generated other = Generate(f, "Dirk", "DELTA");
    const v1::GetFiguresResponse figures_before = NovemberFigures(f);
    const std::string youth = Q(asked.youth);
    // A worker may not; the refusal names the youth.
    auto by_worker = f.Post(
        v1::rpc::RecordService::RecordDestructionRequest,
        R"({"youthId":)" + youth +
            R"(,"requestedBy":"Moeder van Cas","by":"STATEMENT_BY_PARENT","decision":"DESTRUCTION_DECISION_GRANTED","reason":"x"})",
        f.worker);
    EXPECT_EQ(by_worker.status, 403);
    EXPECT_EQ(f.Audit(1)[0].youth_id, asked.youth);
    auto no_reason = f.Post(
        v1::rpc::RecordService::RecordDestructionRequest,
        R"({"youthId":)" + youth +
            R"(,"requestedBy":"Moeder van Cas","by":"STATEMENT_BY_PARENT","decision":"DESTRUCTION_DECISION_REFUSED"})",
        f.coordinator);
    EXPECT_EQ(ErrorCodeOf(no_reason), "invalid_argument");
    // Refused first (a Meldcode report is still being followed): only registered.
    auto refused = f.Rpc<v1::RecordDestructionRequestResponse>(
        v1::rpc::RecordService::RecordDestructionRequest,
        R"({"youthId":)" + youth +
            R"(,"requestedBy":"Moeder van Cas","by":"STATEMENT_BY_PARENT","decision":"DESTRUCTION_DECISION_REFUSED","reason":"Veilig Thuis still follows the report"})",
        f.coordinator);
    EXPECT_TRUE(refused.request().pseudonym().empty());
    EXPECT_EQ(Export(f, asked.youth).record.youth().given_name(), "Cas");
    // Granted later: removed at once.
    auto granted = f.Rpc<v1::RecordDestructionRequestResponse>(
        v1::rpc::RecordService::RecordDestructionRequest,
        R"({"youthId":)" + youth +
            R"(,"requestedBy":"Cas","by":"STATEMENT_BY_YOUTH","decision":"DESTRUCTION_DECISION_GRANTED","reason":"No interest of another outweighs it"})",
        f.coordinator);
    EXPECT_EQ(granted.request().pseudonym().rfind("P-", 0), 0u);
    EXPECT_EQ(granted.request().decided_by(), f.coordinator_id);
    Exported gone = Export(f, asked.youth);
    EXPECT_EQ(gone.record.youth().given_name(), granted.request().pseudonym());
    for (const auto& m : asked.markers) EXPECT_EQ(gone.json.find(m), std::string::npos) << m;
    Exported kept = Export(f, other.youth);
    for (const auto& m : other.markers) EXPECT_NE(kept.json.find(m), std::string::npos) << m;
    EXPECT_EQ(NovemberFigures(f).total().SerializeAsString(), figures_before.total().SerializeAsString());
    auto twice = f.Post(
        v1::rpc::RecordService::RecordDestructionRequest,
        R"({"youthId":)" + youth +
            R"(,"requestedBy":"Cas","by":"STATEMENT_BY_YOUTH","decision":"DESTRUCTION_DECISION_GRANTED","reason":"again"})",
        f.coordinator);
    EXPECT_EQ(ErrorCodeOf(twice), "failed_precondition");
    EXPECT_EQ(f.Audit(1)[0].reason, "destruction request") << "no pseudonym for what was not done";
    // The register keeps both decisions; the chain verifies.
    auto reg = f.Rpc<v1::ListDestructionRequestsResponse>(v1::rpc::RecordService::ListDestructionRequests, "{}",
                                                          f.coordinator);
    ASSERT_EQ(reg.requests_size(), 2);
    EXPECT_EQ(reg.requests(0).decision(), v1::DESTRUCTION_DECISION_GRANTED);
    EXPECT_EQ(reg.requests(1).decision(), v1::DESTRUCTION_DECISION_REFUSED);
    auto chain =
        f.store->Read([](db::Tx& tx) -> Result<db::AuditChainReport> { return db::VerifyAuditChain(tx.audit()); });
    ASSERT_TRUE(chain.ok());
    EXPECT_TRUE(chain->ok) << chain->message;
}

}  // namespace
}  // namespace spoed
