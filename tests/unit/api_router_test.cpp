#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "daemon/api/access.hpp"
#include "spoed/v1/admin.pb.h"
#include "tests/support/service_fixture.hpp"

namespace spoed {
namespace {

using daemon::api::Access;
using daemon::api::RpcRule;
using daemon::api::RpcRules;
using test::ErrorCodeOf;
using test::ServiceFixture;

std::string MethodPath(const RpcRule& r) { return std::string(r.service) + "/" + std::string(r.method); }

// --- the role × RPC matrix: every RPC with every role and with no token ----------------------

struct MatrixCase {
    std::size_t rule;
    int role;  // 0: no token; else a v1::Role
};

std::string CaseName(const testing::TestParamInfo<MatrixCase>& info) {
    const RpcRule& r = RpcRules()[info.param.rule];
    std::string svc(r.service.substr(r.service.rfind('.') + 1));
    std::string who =
        info.param.role == 0 ? "NoToken" : v1::Role_Name(static_cast<v1::Role>(info.param.role)).substr(5);
    return svc + "_" + std::string(r.method) + "_" + who;
}

std::vector<MatrixCase> AllCases() {
    std::vector<MatrixCase> out;
    for (std::size_t i = 0; i < RpcRules().size(); ++i) {
        for (int role = 0; role <= 4; ++role) out.push_back({i, role});
    }
    return out;
}

class RoleMatrix : public testing::TestWithParam<MatrixCase> {};

TEST_P(RoleMatrix, AllowsExactlyTheRolesOfTheTable) {
    const RpcRule& rule = RpcRules()[GetParam().rule];
    ServiceFixture f;
    std::string token;
    if (GetParam().role != 0) {
        auto role = static_cast<v1::Role>(GetParam().role);
        f.CreateUser("someone", {std::string(daemon::service::RoleName(role))});
        token = f.Login("someone");
        ASSERT_FALSE(token.empty());
    }
    // An empty message passes authorisation and then meets the method's own validation.
    auto r = f.Post(MethodPath(rule), "{}", token);
    std::string code = ErrorCodeOf(r);
    if (rule.access == Access::kPublic) {
        EXPECT_NE(code, "unauthenticated") << r.body;
        EXPECT_NE(code, "permission_denied") << r.body;
    } else if (GetParam().role == 0) {
        EXPECT_EQ(r.status, 401) << r.body;
        EXPECT_EQ(code, "unauthenticated");
    } else if (daemon::api::Allows(rule, {static_cast<v1::Role>(GetParam().role)})) {
        EXPECT_NE(r.status, 401) << r.body;
        EXPECT_NE(r.status, 403) << r.body;
    } else {
        EXPECT_EQ(r.status, 403) << r.body;
        EXPECT_EQ(code, "permission_denied");
    }
    // Allowed or not, the attempt is in the audit log with its result.
    auto audit = f.Audit(1);
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].method, rule.method);
    EXPECT_EQ(audit[0].result, r.status == 200 ? "ok" : code);
}

INSTANTIATE_TEST_SUITE_P(EveryRpcEveryRole, RoleMatrix, testing::ValuesIn(AllCases()), CaseName);

TEST(RoleTable, HasEveryRpcOfTheContractOnceAndNoOther) {
    std::set<std::string> contract, table;
    for (const auto& rpc : v1::rpc::kAll) EXPECT_TRUE(contract.insert(std::string(rpc.path)).second) << rpc.path;
    for (const auto& rule : RpcRules()) EXPECT_TRUE(table.insert(MethodPath(rule)).second) << MethodPath(rule);
    EXPECT_EQ(table, contract);
    EXPECT_GT(contract.size(), 70u);  // the generated list was read from the proto files
}

TEST(RoleTable, DocsApiShowsTheSameTableAsTheCode) {
    std::ifstream in(std::string(SPOED_SOURCE_DIR) + "/docs/api.md");
    ASSERT_TRUE(in) << "docs/api.md missing";
    std::stringstream ss;
    ss << in.rdbuf();
    std::string doc = ss.str();
    auto begin = doc.find("<!-- rpc-table:begin -->");
    auto end = doc.find("<!-- rpc-table:end -->");
    ASSERT_NE(begin, std::string::npos);
    ASSERT_NE(end, std::string::npos);
    std::map<std::string, std::string> documented;  // "AuthService/Login" → "| public | ... |"
    std::istringstream lines(doc.substr(begin, end - begin));
    std::string line;
    while (std::getline(lines, line)) {
        if (line.rfind("| `", 0) != 0) continue;
        auto close = line.find('`', 3);
        documented[line.substr(3, close - 3)] = line.substr(line.find('|', close));
    }
    std::map<std::string, std::string> expected;
    for (const auto& rule : RpcRules()) {
        // The aandachtsfunctionaris is a marking beside the coordinator role: the table grants it
        // nothing of its own, so the docs need no column for it.
        EXPECT_TRUE(!rule.roles.Has(v1::ROLE_MELDCODE_OFFICER) || rule.roles.Has(v1::ROLE_COORDINATOR)) << rule.method;
        std::string row;
        for (auto role : daemon::service::kAllRoles) {
            if (role == v1::ROLE_MELDCODE_OFFICER) continue;
            std::string cell = rule.access == Access::kPublic    ? "public"
                               : rule.access == Access::kAnyUser ? "own"
                               : rule.roles.Has(role)            ? "yes"
                                                                 : "—";
            row += "| " + cell + " ";
        }
        row += "| " + std::string(rule.action) + " |";
        expected[std::string(rule.service.substr(rule.service.rfind('.') + 1)) + "/" + std::string(rule.method)] = row;
    }
    EXPECT_EQ(documented, expected);
}

// --- bad input --------------------------------------------------------------------------------

TEST(Router, UnknownMethodIsUnimplemented404) {
    ServiceFixture f;
    auto r = f.Post("spoed.v1.AuthService/Nope", "{}");
    EXPECT_EQ(r.status, 404);
    EXPECT_EQ(ErrorCodeOf(r), "unimplemented");
    r = f.Post("spoed.v1.NoService/Login", "{}");
    EXPECT_EQ(ErrorCodeOf(r), "unimplemented");
}

TEST(Router, WrongContentTypeIs415) {
    ServiceFixture f;
    auto r = f.Post(v1::rpc::AuthService::Login, "{}", "", "text/plain");
    EXPECT_EQ(r.status, 415);
    EXPECT_NE(test::ErrorMessageOf(r).find("text/plain"), std::string::npos);
}

TEST(Router, JsonWithCharsetIsAccepted) {
    ServiceFixture f;
    f.CreateUser("anna", {"crisis_worker"});
    auto r = f.Post(v1::rpc::AuthService::Login, R"({"username":"anna","password":"correct horse battery staple"})", "",
                    "application/json; charset=utf-8");
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.content_type, "application/json");
}

TEST(Router, MalformedJsonIsInvalidArgumentNamingWhatWasWrong) {
    ServiceFixture f;
    auto r = f.Post(v1::rpc::AuthService::Login, R"({"username": 12, )");
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(ErrorCodeOf(r), "invalid_argument");
    EXPECT_NE(test::ErrorMessageOf(r).find("spoed.v1.LoginRequest"), std::string::npos) << r.body;

    r = f.Post(v1::rpc::AuthService::Login, R"({"usernmae": "anna"})");
    EXPECT_EQ(r.status, 400);
    EXPECT_NE(test::ErrorMessageOf(r).find("usernmae"), std::string::npos) << r.body;
}

TEST(Router, MalformedProtobufIsInvalidArgument) {
    ServiceFixture f;
    auto r = f.Post(v1::rpc::AuthService::Login, std::string("\x0a\xff\xff\xff", 4), "", "application/proto");
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(ErrorCodeOf(r), "invalid_argument");
}

TEST(Router, MissingFieldsAreNamed) {
    ServiceFixture f;
    auto r = f.Post(v1::rpc::AuthService::Login, R"({"username":"anna"})");
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(test::ErrorMessageOf(r), "password: required");
}

TEST(Router, GetOnAnRpcIs405) {
    ServiceFixture f;
    daemon::net::HttpRequest req;
    req.method = "GET";
    req.target = "/spoed.v1.AuthService/WhoAmI";
    auto r = f.router->Handle(req);
    EXPECT_EQ(r.status, 405);
}

TEST(Router, HealthAndReadiness) {
    ServiceFixture f;
    daemon::net::HttpRequest req;
    req.method = "GET";
    req.target = "/healthz";
    EXPECT_EQ(f.router->Handle(req).status, 200);
    req.target = "/readyz";
    EXPECT_EQ(f.router->Handle(req).status, 200);
}

TEST(Router, ProtobufRoundTrip) {
    ServiceFixture f;
    f.CreateUser("anna", {"crisis_worker"});
    v1::LoginRequest req;
    req.set_username("anna");
    req.set_password(test::kTestPassword);
    auto r = f.Post(v1::rpc::AuthService::Login, req.SerializeAsString(), "", "application/proto");
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.content_type, "application/proto");
    v1::LoginResponse resp;
    ASSERT_TRUE(resp.ParseFromString(r.body));
    EXPECT_EQ(resp.user().username(), "anna");
    EXPECT_EQ(resp.token().size(), 43u);  // 256 bits, base64url without padding
}

// --- audit lines ------------------------------------------------------------------------------

TEST(AuditTrail, SuccessfulCallIsRecordedWithWhoWhatWhereAndResult) {
    ServiceFixture f;
    std::int64_t admin = f.CreateUser("beheer", {"admin"});
    std::string token = f.Login("beheer");
    auto r = f.Post(v1::rpc::AdminService::CreateUser,
                    R"({"username":"joost","displayName":"Joost, fictional","roles":["ROLE_CRISIS_WORKER"]})", token);
    ASSERT_EQ(r.status, 200) << r.body;
    auto audit = f.Audit(1);
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].user_id, admin);
    EXPECT_EQ(audit[0].username, "beheer");
    EXPECT_EQ(audit[0].roles, "admin");
    EXPECT_EQ(audit[0].service, "spoed.v1.AdminService");
    EXPECT_EQ(audit[0].method, "CreateUser");
    EXPECT_EQ(audit[0].action, "create");
    EXPECT_EQ(audit[0].client_address, "192.0.2.10");
    EXPECT_EQ(audit[0].result, "ok");
    EXPECT_EQ(audit[0].object_ids.rfind("user:", 0), 0u);
    EXPECT_EQ(audit[0].at, test::TestStart());
}

TEST(AuditTrail, FailedLoginIsRecordedWithTheNameTried) {
    ServiceFixture f;
    auto r = f.Post(v1::rpc::AuthService::Login, R"({"username":"nobody","password":"not the password"})");
    EXPECT_EQ(r.status, 401);
    auto audit = f.Audit(1);
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].user_id, 0);
    EXPECT_EQ(audit[0].username, "nobody");
    EXPECT_EQ(audit[0].action, "login");
    EXPECT_EQ(audit[0].result, "unauthenticated");
}

TEST(AuditTrail, ReadsAreRecordedToo) {
    ServiceFixture f;
    f.CreateUser("beheer", {"admin"});
    std::string token = f.Login("beheer");
    auto r = f.Post(v1::rpc::AdminService::ListAuditEvents, R"({"youthId": "77"})", token);
    ASSERT_EQ(r.status, 200) << r.body;
    auto audit = f.Audit(1);
    EXPECT_EQ(audit[0].method, "ListAuditEvents");
    EXPECT_EQ(audit[0].action, "read");
    EXPECT_EQ(audit[0].youth_id, 77);
}

TEST(AuditTrail, ARefusedChangeLeavesOnlyTheAuditLine) {
    ServiceFixture f;
    f.CreateUser("beheer", {"admin"});
    std::string token = f.Login("beheer");
    auto r = f.Post(v1::rpc::AdminService::CreateUser,
                    R"({"username":"beheer","displayName":"Twice","roles":["ROLE_ADMIN"]})", token);
    EXPECT_EQ(r.status, 409);
    EXPECT_EQ(ErrorCodeOf(r), "already_exists");
    auto audit = f.Audit(1);
    EXPECT_EQ(audit[0].result, "already_exists");
    auto count = f.store->Read([](db::Tx& tx) -> Result<std::int64_t> { return tx.users().Count(); });
    EXPECT_EQ(*count, 1);
}

TEST(AuditTrail, ListAuditEventsFiltersAndPages) {
    ServiceFixture f;
    f.CreateUser("beheer", {"admin"});
    std::string token = f.Login("beheer");
    for (int i = 0; i < 5; ++i) f.Post(v1::rpc::AuthService::WhoAmI, "{}", token);
    auto r = f.Post(v1::rpc::AdminService::ListAuditEvents, R"({"pageSize": 2})", token);
    ASSERT_EQ(r.status, 200) << r.body;
    v1::ListAuditEventsResponse page;
    ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(r.body, &page).ok());
    ASSERT_EQ(page.events_size(), 2);
    ASSERT_FALSE(page.next_page_token().empty());
    auto r2 = f.Post(v1::rpc::AdminService::ListAuditEvents,
                     R"({"pageSize": 2, "pageToken": ")" + page.next_page_token() + R"("})", token);
    v1::ListAuditEventsResponse page2;
    ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(r2.body, &page2).ok());
    ASSERT_EQ(page2.events_size(), 2);
    EXPECT_LT(page2.events(0).seq(), page.events(1).seq());

    auto bad = f.Post(v1::rpc::AdminService::ListAuditEvents, R"({"pageToken": "abc"})", token);
    EXPECT_EQ(bad.status, 400);
    EXPECT_NE(test::ErrorMessageOf(bad).find("page_token"), std::string::npos);
    bad = f.Post(v1::rpc::AdminService::ListAuditEvents, R"({"pageSize": 5000})", token);
    EXPECT_NE(test::ErrorMessageOf(bad).find("page_size"), std::string::npos);
}

TEST(AuditTrail, ListAuditEventsFiltersByUserAndTime) {
    ServiceFixture f;
    f.CreateUser("beheer", {"admin"});
    std::int64_t anna = f.CreateUser("anna", {"crisis_worker"});
    std::string admin = f.Login("beheer");  // 20:00
    f.clock.Advance(std::chrono::minutes(10));
    std::string worker = f.Login("anna");  // 20:10
    f.Post(v1::rpc::AuthService::WhoAmI, "{}", worker);
    f.clock.Advance(std::chrono::minutes(10));
    admin = f.Login("beheer");  // 20:20

    auto by_user =
        f.Post(v1::rpc::AdminService::ListAuditEvents, R"({"userId":")" + std::to_string(anna) + R"("})", admin);
    v1::ListAuditEventsResponse r;
    ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(by_user.body, &r).ok()) << by_user.body;
    ASSERT_EQ(r.events_size(), 2);
    for (const auto& e : r.events()) EXPECT_EQ(e.username(), "anna");

    auto window = f.Post(v1::rpc::AdminService::ListAuditEvents,
                         R"({"since":"2026-11-23T20:05:00Z","until":"2026-11-23T20:15:00Z"})", admin);
    v1::ListAuditEventsResponse w;
    ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(window.body, &w).ok()) << window.body;
    ASSERT_EQ(w.events_size(), 2);  // anna's login and WhoAmI at 20:10
    EXPECT_EQ(w.events(0).method(), "WhoAmI");
    EXPECT_EQ(w.events(1).method(), "Login");

    auto inverted = f.Post(v1::rpc::AdminService::ListAuditEvents,
                           R"({"since":"2026-11-23T20:15:00Z","until":"2026-11-23T20:05:00Z"})", admin);
    EXPECT_EQ(test::ErrorMessageOf(inverted), "until: must be after since");
}

}  // namespace
}  // namespace spoed
