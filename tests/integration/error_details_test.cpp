// Every refusal carries its reason as data (a spoed.v1.ErrorDetail in the Connect error's
// `details`), whatever the request's codec: the desk says it in Dutch from that, never from the
// English message.
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <regex>

#include "db/sqlite.hpp"
#include "spoed/v1/case.pb.h"
#include "spoed/v1/common.pb.h"
#include "spoed/v1/youth.pb.h"
#include "tests/support/crisis_fixture.hpp"

namespace spoed {
namespace {

using test::CrisisFixture;

std::string Id(std::int64_t id) { return "\"" + std::to_string(id) + "\""; }

/// The detail of an error answer, checked to be the same in its binary and its debug form.
v1::ErrorDetail DetailOf(const daemon::net::HttpResponse& r) {
    v1::ConnectError body;
    EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(r.body, &body).ok()) << r.body;
    EXPECT_EQ(body.details_size(), 1) << r.body;
    if (body.details_size() != 1) return {};
    const auto& d = body.details(0);
    EXPECT_EQ(d.type(), "spoed.v1.ErrorDetail");
    v1::ErrorDetail detail;
    EXPECT_TRUE(detail.ParseFromString(d.value())) << r.body;
    EXPECT_EQ(detail.SerializeAsString(), d.debug().SerializeAsString()) << r.body;
    return detail;
}

struct Refusal {
    const char* kind;
    v1::rpc::MethodName method;
    std::string json;
    std::string token;
    v1::ErrorReason reason;
    std::string field;
    std::string param_key;
    std::string param_value;
};

TEST(ErrorDetails, EachKindOfRefusalCarriesItsReasonFieldAndParamsInJsonAndInBinary) {
    CrisisFixture f;
    const std::int64_t youth = f.CreateYouth("Daan", "Visser (fictief)", "2011-04-02");
    auto c = f.Rpc<v1::OpenCaseResponse>(v1::rpc::CaseService::OpenCase, R"({"callerDescription":"moeder"})", f.worker);
    const std::string case_id = Id(c.case_().id());
    f.Rpc<v1::CloseCaseResponse>(v1::rpc::CaseService::CloseCase,
                                 R"({"caseId":)" + case_id + R"(,"outcome":"OUTCOME_STAYED_HOME"})", f.worker);
    const std::vector<Refusal> refusals = {
        {"validation", v1::rpc::YouthService::CreateYouth,
         R"({"youth":{"familyName":"X","dateOfBirth":{"year":2012,"month":5,"day":14}}})", f.worker,
         v1::ERROR_REASON_REQUIRED, "youth.given_name", "", ""},
        {"validation", v1::rpc::YouthService::CreateYouth,
         R"({"youth":{"givenName":")" + std::string(101, 'a') + R"(","familyName":"X","estimatedAge":3}})", f.worker,
         v1::ERROR_REASON_TOO_LONG, "youth.given_name", "max", "100"},
        {"validation", v1::rpc::YouthService::CreateYouth,
         R"({"youth":{"givenName":"A","familyName":"X","dateOfBirth":{"year":2031,"month":1,"day":1}}})", f.worker,
         v1::ERROR_REASON_IN_FUTURE, "youth.date_of_birth", "", ""},
        {"consent", v1::rpc::PlanService::GetPlan, R"({"youthId":)" + Id(youth) + "}", f.worker,
         v1::ERROR_REASON_CONSENT_MISSING, "youth_id", "scope", "pre_registration"},
        {"role", v1::rpc::YouthService::CreateYouth, R"({"youth":{"givenName":"A","familyName":"X","estimatedAge":3}})",
         f.psychiatrist, v1::ERROR_REASON_ROLE_NOT_ALLOWED, "", "action", "create youth"},
        {"state", v1::rpc::CaseService::LogContact,
         R"({"caseId":)" + case_id +
             R"(,"type":"CONTACT_TYPE_OUTGOING_CALL","callerRole":"CALLER_ROLE_PARENT","startedAt":"2026-11-23T19:00:00Z"})",
         f.worker, v1::ERROR_REASON_CASE_CLOSED, "case_id", "", ""},
        {"not found", v1::rpc::YouthService::GetYouth, R"({"youthId":"999999"})", f.worker, v1::ERROR_REASON_NOT_FOUND,
         "youth_id", "", ""},
        {"not signed in", v1::rpc::YouthService::GetYouth, R"({"youthId":"1"})", "", v1::ERROR_REASON_SESSION_ENDED, "",
         "", ""},
    };
    for (const auto& r : refusals) {
        SCOPED_TRACE(std::string(r.kind) + ": " + std::string(r.method.path));
        // The same request in JSON and in protobuf binary: the same detail.
        const auto* type = google::protobuf::DescriptorPool::generated_pool()->FindMethodByName(
            std::string(r.method.service) + "." + std::string(r.method.method));
        ASSERT_NE(type, nullptr);
        std::unique_ptr<google::protobuf::Message> request(
            google::protobuf::MessageFactory::generated_factory()->GetPrototype(type->input_type())->New());
        ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(r.json, request.get()).ok()) << r.json;
        for (const bool binary : {false, true}) {
            SCOPED_TRACE(binary ? "application/proto" : "application/json");
            auto answer = binary ? f.Post(r.method, request->SerializeAsString(), r.token, "application/proto")
                                 : f.Post(r.method, r.json, r.token);
            EXPECT_GE(answer.status, 400);
            const v1::ErrorDetail d = DetailOf(answer);
            EXPECT_EQ(v1::ErrorReason_Name(d.reason()), v1::ErrorReason_Name(r.reason)) << answer.body;
            EXPECT_EQ(d.field(), r.field) << answer.body;
            if (!r.param_key.empty()) {
                ASSERT_EQ(d.params().count(r.param_key), 1u) << answer.body;
                EXPECT_EQ(d.params().at(r.param_key), r.param_value);
            }
            // A refusal by the role table names the action in words, never the call.
            EXPECT_EQ(answer.body.find("Service/"), std::string::npos) << answer.body;
        }
    }
}

TEST(ErrorDetails, AFullStorageSaysSoAsDataInJsonAndInBinary) {
    // The "unavailable" kind: the server's storage is full, nothing was saved.
    CrisisFixture f;
    if (f.sqlite() == nullptr) GTEST_SKIP() << "SQLite's page limit and storage reserve";
    std::int64_t pages = 0;
    {
        db::Connection c(f.dir.file("spoed.db"), db::Connection::Mode::kReadOnly);
        pages = c.QueryInt("PRAGMA page_count");
    }
    f.sqlite()->SetMaxPages(pages + 16);
    const std::string json =
        R"({"youth":{"givenName":")" + std::string(90, 'a') + R"(","familyName":"X","estimatedAge":3,"contacts":[)";
    std::string contacts;
    for (int i = 0; i < 30; ++i) {
        contacts +=
            std::string(i ? "," : "") + R"({"kind":"CONTACT_KIND_NETWORK","name":")" + std::string(90, 'n') + R"("})";
    }
    const std::string body = json + contacts + "]}}";
    v1::CreateYouthRequest request;
    ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(body, &request).ok());
    // Fill what room is left in the file's pages until a write is refused.
    int status = 200;
    for (int i = 0; i < 500 && status == 200; ++i) {
        status = f.Post(v1::rpc::YouthService::CreateYouth, body, f.worker).status;
    }
    ASSERT_EQ(status, 503) << "the page limit was never reached";
    for (const bool binary : {false, true}) {
        SCOPED_TRACE(binary ? "application/proto" : "application/json");
        auto answer = binary ? f.Post(v1::rpc::YouthService::CreateYouth, request.SerializeAsString(), f.worker,
                                      "application/proto")
                             : f.Post(v1::rpc::YouthService::CreateYouth, body, f.worker);
        ASSERT_EQ(answer.status, 503) << answer.body.substr(0, 200);
        EXPECT_EQ(v1::ErrorReason_Name(DetailOf(answer).reason()), "ERROR_REASON_STORAGE_FULL") << answer.body;
    }
}

TEST(ErrorDetails, EveryReasonTheDaemonGivesIsInTheList) {
    // Every `.Because("...")` in the daemon's and the store's code names a value of
    // spoed.v1.ErrorReason; a typo would otherwise be answered as the code's general reason.
    const std::regex because(R"re(\.Because\("([a-z_]+)")re");
    int seen = 0;
    for (const char* dir : {"daemon", "db"}) {
        for (const auto& entry :
             std::filesystem::recursive_directory_iterator(std::filesystem::path(SPOED_SOURCE_DIR) / dir)) {
            if (entry.path().extension() != ".cpp" && entry.path().extension() != ".hpp") continue;
            std::ifstream in(entry.path());
            const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            for (std::sregex_iterator m(text.begin(), text.end(), because), end; m != end; ++m) {
                std::string name = "ERROR_REASON_" + (*m)[1].str();
                for (char& ch : name) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
                v1::ErrorReason value;
                EXPECT_TRUE(v1::ErrorReason_Parse(name, &value)) << (*m)[1].str() << " in " << entry.path();
                ++seen;
            }
        }
    }
    EXPECT_GT(seen, 50) << "the daemon's sources were not found under " << SPOED_SOURCE_DIR;
}

}  // namespace
}  // namespace spoed
