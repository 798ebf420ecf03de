#pragma once

#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <string>

#include "spoed/v1/rpc.hpp"
#include "tests/support/service_fixture.hpp"

namespace spoed::test {

/// A ServiceFixture with a worker, a psychiatrist, a coordinator and an admin signed in, and
/// helpers to call the API as each of them.
class CrisisFixture : public ServiceFixture {
  public:
    CrisisFixture() : CrisisFixture(daemon::api::ServiceOptions::ForTests()) {}
    explicit CrisisFixture(daemon::api::ServiceOptions options);

    /// POSTs `json` as `token` and parses the answer into M; the status lands in `status`.
    template <typename M>
    M Rpc(std::string_view method, const std::string& json, const std::string& token, int* status = nullptr) {
        auto r = Post(method, json, token);
        if (status) *status = r.status;
        M m;
        if (r.status == 200) {
            google::protobuf::util::JsonParseOptions o;
            EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(r.body, &m, o).ok()) << r.body;
        } else if (!status) {
            ADD_FAILURE() << method << " answered " << r.status << ": " << r.body;
        }
        return m;
    }

    /// Moves the clock on and signs everyone in again (sessions end after 30 idle minutes).
    void Advance(std::chrono::microseconds d);

    /// Creates a fictional youth born on `dob` ("2012-05-14") with a mobile number and a father.
    std::int64_t CreateYouth(const std::string& given, const std::string& family, const std::string& dob,
                             const std::string& phone = "06-11111111", const std::string& father_phone = "");
    /// Records pre_registration consent (youth and guardian) as the coordinator.
    void Consent(std::int64_t youth_id, const std::string& scope = "CONSENT_SCOPE_PRE_REGISTRATION",
                 const std::string& extra = "");
    /// Consent + pre-registration + plan version 1.
    void PreRegisterWithPlan(std::int64_t youth_id);

    std::int64_t worker_id = 0, psychiatrist_id = 0, coordinator_id = 0;
    std::string worker, psychiatrist, coordinator, admin_token;
};

}  // namespace spoed::test
