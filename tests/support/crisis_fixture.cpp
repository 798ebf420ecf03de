#include "tests/support/crisis_fixture.hpp"

#include "spoed/v1/youth.pb.h"

namespace spoed::test {

CrisisFixture::CrisisFixture(daemon::api::ServiceOptions options) : ServiceFixture(std::move(options)) {
    worker_id = CreateUser("anna", {"crisis_worker"});
    psychiatrist_id = CreateUser("pieter", {"psychiatrist"});
    coordinator_id = CreateUser("carla", {"coordinator"});
    CreateUser("beheer", {"admin"});
    worker = Login("anna");
    psychiatrist = Login("pieter");
    coordinator = Login("carla");
    admin_token = Login("beheer");
}

void CrisisFixture::Advance(std::chrono::microseconds d) {
    clock.Advance(d);
    worker = Login("anna");
    psychiatrist = Login("pieter");
    coordinator = Login("carla");
    admin_token = Login("beheer");
}

std::int64_t CrisisFixture::CreateYouth(const std::string& given, const std::string& family, const std::string& dob,
                                        const std::string& phone, const std::string& father_phone) {
    int y = 0, m = 0, d = 0;
    std::sscanf(dob.c_str(), "%d-%d-%d", &y, &m, &d);
    std::string json = R"({"youth":{"givenName":")" + given + R"(","familyName":")" + family +
                       R"(","dateOfBirth":{"year":)" + std::to_string(y) + R"(,"month":)" + std::to_string(m) +
                       R"(,"day":)" + std::to_string(d) + R"(},"municipality":"Groningen","phones":[{"number":")" +
                       phone + R"(","label":"mobile"}])";
    if (!father_phone.empty()) {
        json += R"(,"contacts":[{"kind":"CONTACT_KIND_GUARDIAN","name":"Vader )" + family +
                R"(","relation":"father","phone":")" + father_phone + R"("}])";
    }
    json += "}}";
    auto resp = Rpc<v1::CreateYouthResponse>(v1::rpc::YouthService::CreateYouth, json, worker);
    return resp.youth().id();
}

void CrisisFixture::Consent(std::int64_t youth_id, const std::string& scope, const std::string& extra) {
    std::string json = R"({"youthId":")" + std::to_string(youth_id) + R"(","scope":")" + scope +
                       R"(","givenByYouth":true,"givenByGuardian":"Marco Jansen, fictional")" + extra + "}";
    Rpc<v1::RecordConsentResponse>(v1::rpc::YouthService::RecordConsent, json, coordinator);
}

void CrisisFixture::PreRegisterWithPlan(std::int64_t youth_id) {
    Consent(youth_id);
    Rpc<v1::CreatePreRegistrationResponse>(
        v1::rpc::YouthService::CreatePreRegistration,
        R"({"youthId":")" + std::to_string(youth_id) +
            R"(","fields":{"organisation":"Accare","professional":"J. Bakker","legalMeasure":"LEGAL_MEASURE_NONE"}})",
        coordinator);
    int status = 0;
    auto r = Post(
        v1::rpc::PlanService::AddPlanVersion,
        R"({"youthId":")" + std::to_string(youth_id) +
            R"(","changeNote":"first plan","content":{"red":{"signs":"locks himself in","whatIDo":"breathing exercise 4-7-8","whatOthersDo":"call grandparents"},"peopleWhoCanHelp":[{"name":"Opa en oma","relation":"grandparents","phone":"050-3111111"}]}})",
        coordinator);
    status = r.status;
    EXPECT_EQ(status, 200) << r.body;
}

}  // namespace spoed::test
