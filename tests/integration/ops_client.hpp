#pragma once
// A crisis worker driving the API over real TLS with client/core, for the operations tests
// (crash durability, backup under load, disk full).
#include <google/protobuf/util/time_util.h>

#include <chrono>
#include <string>

#include "client/core/client.hpp"
#include "spoed/v1/auth.pb.h"
#include "spoed/v1/case.pb.h"
#include "tests/support/service_fixture.hpp"

namespace spoed::test {

class Worker {
  public:
    Worker(const std::string& url, const std::string& ca, std::chrono::milliseconds timeout = std::chrono::seconds(5))
        : client_(Options(url, ca, timeout)) {}

    static client::ClientOptions Options(const std::string& url, const std::string& ca, std::chrono::milliseconds t) {
        client::ClientOptions o;
        o.server_url = url;
        o.ca_file = ca;
        o.timeout = t;
        o.max_retries = 0;  // the tests retry themselves, with the same idempotency key
        return o;
    }

    /// `totp_code`: the second factor, for admins and psychiatrists.
    Status Login(const std::string& username, const std::string& totp_code = "") {
        v1::LoginRequest req;
        req.set_username(username);
        req.set_password(kTestPassword);
        req.set_totp_code(totp_code);
        auto r = client_.Call(v1::rpc::AuthService::Login, req);
        if (!r.ok()) return r.error();
        client_.SetToken(r->token());
        return Ok();
    }

    Result<std::int64_t> OpenCase(const std::string& key) {
        v1::OpenCaseRequest req;
        req.set_caller_description("test caller (fictief)");
        req.set_idempotency_key(key);
        auto r = client_.Call(v1::rpc::CaseService::OpenCase, req);
        if (!r.ok()) return r.error();
        return r->case_().id();
    }

    /// One contact whose summary is `marker`, sent with idempotency key `key`.
    /// A retry must send the very same request (the server compares a hash), so `started_at`
    /// comes from the caller.
    Status LogContact(std::int64_t case_id, const std::string& marker, const std::string& key,
                      const google::protobuf::Timestamp& started_at) {
        v1::LogContactRequest req;
        req.set_case_id(case_id);
        req.set_type(v1::CONTACT_TYPE_INCOMING_CALL);
        req.set_caller_role(v1::CALLER_ROLE_PARENT);
        *req.mutable_started_at() = started_at;
        req.set_summary(marker);
        req.set_idempotency_key(key);
        auto r = client_.Call(v1::rpc::CaseService::LogContact, req);
        return r.ok() ? Ok() : Status(r.error());
    }

    Result<v1::GetCaseResponse> GetCase(std::int64_t case_id) {
        v1::GetCaseRequest req;
        req.set_case_id(case_id);
        return client_.Call(v1::rpc::CaseService::GetCase, req);
    }

    static google::protobuf::Timestamp MinuteAgo() {
        return google::protobuf::util::TimeUtil::GetCurrentTime() -
               google::protobuf::util::TimeUtil::SecondsToDuration(60);
    }

    client::Client& client() { return client_; }

  private:
    client::Client client_;
};

}  // namespace spoed::test
