#include "tests/support/service_fixture.hpp"

#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include "daemon/api/services.hpp"
#include "spoed/v1/auth.pb.h"
#include "spoed/v1/common.pb.h"

namespace spoed::test {

TimePoint TestStart() {
    using namespace std::chrono;
    return time_point_cast<microseconds>(sys_days{year{2026} / November / 23} + hours{20});
}

ServiceFixture::ServiceFixture()
    : store(db::SqliteStore::Open({.path = dir.file("spoed.db")})),
      auth(hasher, daemon::service::SessionPolicy{}),
      admin(hasher),
      router(std::make_unique<daemon::api::Router>(*store, clock, auth)) {
    daemon::api::RegisterServices(*router, {.auth = auth,
                                            .admin = admin,
                                            .youth = youth,
                                            .plan = plan,
                                            .cases = cases,
                                            .consult = consult,
                                            .shift = shift,
                                            .handover = handover,
                                            .directory = directory,
                                            .evaluation = evaluation,
                                            .stats = stats});
}

ServiceFixture::~ServiceFixture() = default;

std::int64_t InsertUser(db::Store& store, daemon::service::PasswordHasher& hasher, TimePoint now,
                        const std::string& username, const std::vector<std::string>& roles,
                        bool must_change_password) {
    auto hash = hasher.Hash(kTestPassword);
    EXPECT_TRUE(hash.ok());
    auto id = store.Write([&](db::Tx& tx) -> Result<std::int64_t> {
        db::UserRecord u;
        u.username = username;
        u.display_name = "Test " + username + " (fictional)";
        u.password_hash = *hash;
        u.roles = roles;
        u.must_change_password = must_change_password;
        u.created_at = now;
        u.updated_at = now;
        auto inserted = tx.users().Insert(u);
        if (!inserted) return Error::AlreadyExists("taken");
        return *inserted;
    });
    EXPECT_TRUE(id.ok());
    return id.ok() ? *id : 0;
}

std::int64_t ServiceFixture::CreateUser(const std::string& username, const std::vector<std::string>& roles,
                                        bool must_change_password) {
    return InsertUser(*store, hasher, clock.Now(), username, roles, must_change_password);
}

std::string ServiceFixture::Login(const std::string& username, const std::string& password) {
    auto r = Post("spoed.v1.AuthService/Login",
                  R"({"username":")" + username + R"(","password":")" + password + R"("})");
    EXPECT_EQ(r.status, 200) << r.body;
    v1::LoginResponse resp;
    EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(r.body, &resp).ok());
    return resp.token();
}

daemon::net::HttpResponse ServiceFixture::Post(const std::string& method, const std::string& json,
                                               const std::string& token, const std::string& content_type) {
    daemon::net::HttpRequest req;
    req.method = "POST";
    req.target = "/" + method;
    req.headers.emplace_back("content-type", content_type);
    if (!token.empty()) req.headers.emplace_back("authorization", "Bearer " + token);
    req.body = json;
    req.remote_address = "192.0.2.10";
    return router->Handle(req);
}

std::vector<db::AuditRecord> ServiceFixture::Audit(int limit) {
    auto rows = store->Read([&](db::Tx& tx) -> Result<std::vector<db::AuditRecord>> {
        db::AuditFilter f;
        f.limit = limit;
        return tx.audit().List(f);
    });
    EXPECT_TRUE(rows.ok());
    return rows.ok() ? *rows : std::vector<db::AuditRecord>{};
}

std::string ErrorCodeOf(const daemon::net::HttpResponse& r) {
    v1::ConnectError e;
    google::protobuf::util::JsonParseOptions o;
    o.ignore_unknown_fields = true;
    if (!google::protobuf::util::JsonStringToMessage(r.body, &e, o).ok()) return "";
    return e.code();
}

std::string ErrorMessageOf(const daemon::net::HttpResponse& r) {
    v1::ConnectError e;
    google::protobuf::util::JsonParseOptions o;
    o.ignore_unknown_fields = true;
    if (!google::protobuf::util::JsonStringToMessage(r.body, &e, o).ok()) return "";
    return e.message();
}

}  // namespace spoed::test
