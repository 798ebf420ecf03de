// The rights of the youth and the parents through the API layer: the inzage export and the
// statement (verklaring). Real SQLite, the real router and services, a fake clock.
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "spoed/v1/case.pb.h"
#include "spoed/v1/evaluation.pb.h"
#include "spoed/v1/handover.pb.h"
#include "spoed/v1/meldcode.pb.h"
#include "spoed/v1/plan.pb.h"
#include "spoed/v1/record.pb.h"
#include "spoed/v1/youth.pb.h"
#include "tests/support/crisis_fixture.hpp"

namespace spoed {
namespace {

using test::CrisisFixture;
using test::ErrorCodeOf;

std::string Q(std::int64_t id) { return "\"" + std::to_string(id) + "\""; }

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
    f.Rpc<v1::AddStatementResponse>("spoed.v1.YouthService/AddStatement",
                                    R"({"youthId":)" + y + R"(,"by":"STATEMENT_BY_PARENT","authorName":")" +
                                        mark("statement-author") + R"(","about":"the contact","text":")" +
                                        mark("statement-text") + "\"}",
                                    f.coordinator);
    f.Consent(g.youth, "CONSENT_SCOPE_PRE_REGISTRATION", R"(,"note":")" + mark("consent-note") + "\"");
    f.Consent(g.youth, "CONSENT_SCOPE_DOSSIER_ACCESS");
    f.Rpc<v1::CreatePreRegistrationResponse>("spoed.v1.YouthService/CreatePreRegistration",
                                             R"({"youthId":)" + y +
                                                 R"(,"fields":{"organisation":"Accare","professional":")" +
                                                 mark("professional") + R"(","legalMeasure":"LEGAL_MEASURE_NONE"}})",
                                             f.coordinator);
    f.Rpc<v1::AddPlanVersionResponse>("spoed.v1.PlanService/AddPlanVersion",
                                      R"({"youthId":)" + y + R"(,"changeNote":")" + mark("plan-note") +
                                          R"(","content":{"red":{"signs":")" + mark("plan-red") + R"("}}})",
                                      f.coordinator);
    const auto c = f.Rpc<v1::OpenCaseResponse>(
                        "spoed.v1.CaseService/OpenCase",
                        R"({"youthId":)" + y + R"(,"callerDescription":")" + mark("caller") + "\"}", f.worker)
                       .case_()
                       .id();
    f.Rpc<v1::LogContactResponse>(
        "spoed.v1.CaseService/LogContact",
        R"({"caseId":)" + Q(c) +
            R"(,"type":"CONTACT_TYPE_INCOMING_CALL","startedAt":"2026-11-23T19:50:00Z","callerRole":"CALLER_ROLE_PARENT","summary":")" +
            mark("contact") + "\"}",
        f.worker);
    const auto consult = f.Rpc<v1::RequestConsultResponse>(
        "spoed.v1.ConsultService/RequestConsult",
        R"({"caseId":)" + Q(c) + R"(,"question":")" + mark("question") + R"(","urgency":"URGENCY_ROUTINE"})", f.worker);
    f.Rpc<v1::AnswerConsultResponse>(
        "spoed.v1.ConsultService/AnswerConsult",
        R"({"consultId":)" + Q(consult.consult().id()) + R"(,"advice":")" + mark("advice") + "\"}", f.psychiatrist);
    f.Rpc<v1::CreateHandoverResponse>("spoed.v1.HandoverService/CreateHandover",
                                      R"({"caseId":)" + Q(c) +
                                          R"(,"kind":"HANDOVER_KIND_ONGOING_CARE","recipient":{"name":")" +
                                          mark("recipient") + "\"}}",
                                      f.worker);
    f.Rpc<v1::StartTrackResponse>("spoed.v1.MeldcodeService/StartTrack",
                                  R"({"caseId":)" + Q(c) + R"(,"observedSignals":")" + mark("signals") + "\"}",
                                  f.worker);
    const auto e = f.Rpc<v1::PlanEvaluationResponse>("spoed.v1.EvaluationService/PlanEvaluation",
                                                     R"({"caseId":)" + Q(c) + "}", f.coordinator);
    f.Rpc<v1::UpdateEvaluationResponse>(
        "spoed.v1.EvaluationService/UpdateEvaluation",
        R"({"evaluationId":)" + Q(e.evaluation().id()) + R"(,"setParticipants":true,"participants":[{"name":")" +
            mark("participant") +
            R"(","kind":"PARTICIPANT_KIND_FAMILY"}],"setAnalysis":true,"analysis":{"wentWell":")" + mark("went-well") +
            "\"}}",
        f.coordinator);
    // A read by the psychiatrist, for the access log.
    f.Rpc<v1::GetYouthResponse>("spoed.v1.YouthService/GetYouth", R"({"youthId":)" + y + "}", f.psychiatrist);
    return g;
}

struct Exported {
    v1::YouthRecordExport record;
    std::string json, html;
};

Exported Export(CrisisFixture& f, std::int64_t youth) {
    auto r = f.Rpc<v1::ExportYouthRecordResponse>("spoed.v1.RecordService/ExportYouthRecord",
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
    auto refused = f.Post("spoed.v1.RecordService/ExportYouthRecord", R"({"youthId":)" + Q(youth) + "}", f.worker);
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
        "spoed.v1.YouthService/AddStatement",
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
        f.Rpc<v1::GetYouthResponse>("spoed.v1.YouthService/GetYouth", R"({"youthId":)" + Q(youth) + "}", f.worker);
    auto missing = f.Post("spoed.v1.YouthService/AddStatement",
                          R"({"youthId":)" + Q(youth) + R"(,"by":"STATEMENT_BY_PARENT","text":"x"})", f.coordinator);
    EXPECT_EQ(ErrorCodeOf(missing), "invalid_argument");
    EXPECT_NE(missing.body.find("author_name"), std::string::npos) << missing.body;
    auto by_worker =
        f.Post("spoed.v1.YouthService/AddStatement",
               R"({"youthId":)" + Q(youth) + R"(,"by":"STATEMENT_BY_PARENT","authorName":"M","text":"x"})", f.worker);
    EXPECT_EQ(by_worker.status, 403);
    auto added = f.Rpc<v1::AddStatementResponse>(
        "spoed.v1.YouthService/AddStatement",
        R"({"youthId":)" + Q(youth) +
            R"(,"by":"STATEMENT_BY_PARENT","authorName":"Moeder van Dewi, fictief","about":"contact of 21 November","text":"We did not say he hit her; he shouted."})",
        f.coordinator);
    EXPECT_EQ(added.statement().by(), v1::STATEMENT_BY_PARENT);
    EXPECT_EQ(added.statement().recorded_by(), f.coordinator_id);
    EXPECT_FALSE(added.statement().recorded_by_name().empty());
    const auto after =
        f.Rpc<v1::GetYouthResponse>("spoed.v1.YouthService/GetYouth", R"({"youthId":)" + Q(youth) + "}", f.worker);
    ASSERT_EQ(after.statements_size(), 1);
    EXPECT_EQ(after.statements(0).text(), "We did not say he hit her; he shouted.");
    EXPECT_EQ(after.youth().SerializeAsString(), before.youth().SerializeAsString()) << "nothing overwritten";
}

}  // namespace
}  // namespace spoed
