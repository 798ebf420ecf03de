#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include "spoed/v1/admin.pb.h"
#include "spoed/v1/auth.pb.h"
#include "tests/support/service_fixture.hpp"

namespace spoed {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using test::ErrorCodeOf;
using test::ErrorMessageOf;
using test::ServiceFixture;

constexpr auto& kWhoAmI = v1::rpc::AuthService::WhoAmI;

template <typename M>
M Parse(const daemon::net::HttpResponse& r) {
    M m;
    EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(r.body, &m).ok()) << r.body;
    return m;
}

TEST(AuthService, LoginGivesATokenThatIdentifiesTheUser) {
    ServiceFixture f;
    f.CreateUser("anna", {"crisis_worker", "coordinator"});
    std::string token = f.Login("anna");
    auto r = f.Post(kWhoAmI, "{}", token);
    ASSERT_EQ(r.status, 200) << r.body;
    auto who = Parse<v1::WhoAmIResponse>(r);
    EXPECT_EQ(who.user().username(), "anna");
    ASSERT_EQ(who.user().roles_size(), 2);
}

TEST(AuthService, StoresOnlyTheHashOfTheToken) {
    ServiceFixture f;
    f.CreateUser("anna", {"crisis_worker"});
    std::string token = f.Login("anna");
    auto s = f.store->Read([&](db::Tx& tx) -> Result<std::optional<db::SessionRecord>> {
        return tx.sessions().FindByTokenHash(daemon::service::TokenHash(token));
    });
    ASSERT_TRUE(s.ok() && s->has_value());
    EXPECT_NE((*s)->token_hash, token);
    EXPECT_EQ((*s)->token_hash.size(), 32u);
}

TEST(AuthService, UnknownUserAndWrongPasswordGetTheSameAnswer) {
    ServiceFixture f;
    f.CreateUser("anna", {"crisis_worker"});
    auto wrong = f.Post(v1::rpc::AuthService::Login, R"({"username":"anna","password":"not her password"})");
    auto unknown = f.Post(v1::rpc::AuthService::Login, R"({"username":"ghost","password":"not her password"})");
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(wrong.status, unknown.status);
    EXPECT_EQ(wrong.body, unknown.body);
}

TEST(AuthService, DisabledUserCannotLogInAndLosesOpenSessions) {
    ServiceFixture f;
    f.CreateUser("beheer", {"admin"});
    std::int64_t anna = f.CreateUser("anna", {"crisis_worker"});
    std::string admin_token = f.Login("beheer");
    std::string anna_token = f.Login("anna");
    auto r = f.Post(v1::rpc::AdminService::DisableUser, R"({"userId":")" + std::to_string(anna) + R"("})", admin_token);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(f.Post(kWhoAmI, "{}", anna_token).status, 401);
    auto login =
        f.Post(v1::rpc::AuthService::Login, R"({"username":"anna","password":"correct horse battery staple"})");
    EXPECT_EQ(login.status, 401);
    EXPECT_EQ(ErrorMessageOf(login), "wrong username or password");
}

TEST(AuthService, SessionEndsAfterThirtyIdleMinutes) {
    ServiceFixture f;
    f.CreateUser("anna", {"crisis_worker"});
    std::string token = f.Login("anna");
    f.clock.Advance(minutes(29));
    EXPECT_EQ(f.Post(kWhoAmI, "{}", token).status, 200);  // use refreshes the idle window
    f.clock.Advance(minutes(29));
    EXPECT_EQ(f.Post(kWhoAmI, "{}", token).status, 200);
    f.clock.Advance(minutes(30));
    auto r = f.Post(kWhoAmI, "{}", token);
    EXPECT_EQ(r.status, 401);
    EXPECT_NE(ErrorMessageOf(r).find("timed out"), std::string::npos) << r.body;
}

TEST(AuthService, SessionEndsAfterTwelveHoursEvenWhenUsed) {
    ServiceFixture f;
    f.CreateUser("anna", {"crisis_worker"});
    std::string token = f.Login("anna");
    for (int i = 0; i < 24; ++i) {
        f.clock.Advance(minutes(29));
        ASSERT_EQ(f.Post(kWhoAmI, "{}", token).status, 200) << "after " << (i + 1) * 29 << " minutes";
    }
    f.clock.Advance(minutes(25));  // 12 h 1 min since login
    auto r = f.Post(kWhoAmI, "{}", token);
    EXPECT_EQ(r.status, 401);
    EXPECT_NE(ErrorMessageOf(r).find("expired"), std::string::npos) << r.body;
}

TEST(AuthService, LogoutEndsTheSession) {
    ServiceFixture f;
    f.CreateUser("anna", {"crisis_worker"});
    std::string token = f.Login("anna");
    EXPECT_EQ(f.Post(v1::rpc::AuthService::Logout, "{}", token).status, 200);
    auto r = f.Post(kWhoAmI, "{}", token);
    EXPECT_EQ(r.status, 401);
    EXPECT_NE(ErrorMessageOf(r).find("ended"), std::string::npos);
}

TEST(AuthService, UsersSeeAndEndTheirOwnSessionsOnly) {
    ServiceFixture f;
    f.CreateUser("anna", {"crisis_worker"});
    f.CreateUser("bram", {"crisis_worker"});
    std::string laptop = f.Login("anna");
    std::string desk = f.Login("anna");
    std::string bram = f.Login("bram");
    auto list = Parse<v1::ListMySessionsResponse>(f.Post(v1::rpc::AuthService::ListMySessions, "{}", desk));
    ASSERT_EQ(list.sessions_size(), 2);
    std::int64_t laptop_id = 0;
    for (const auto& s : list.sessions()) {
        if (!s.current()) laptop_id = s.id();
    }
    ASSERT_NE(laptop_id, 0);
    // Bram cannot end Anna's session.
    auto r = f.Post(v1::rpc::AuthService::EndSession, R"({"sessionId":")" + std::to_string(laptop_id) + R"("})", bram);
    EXPECT_EQ(r.status, 404);
    EXPECT_EQ(f.Post(kWhoAmI, "{}", laptop).status, 200);
    r = f.Post(v1::rpc::AuthService::EndSession, R"({"sessionId":")" + std::to_string(laptop_id) + R"("})", desk);
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(f.Post(kWhoAmI, "{}", laptop).status, 401);
    EXPECT_EQ(f.Post(kWhoAmI, "{}", desk).status, 200);
}

TEST(AuthService, OneTimePasswordMustBeChangedBeforeAnythingElse) {
    ServiceFixture f;
    f.CreateUser("beheer", {"admin"}, /*must_change_password=*/true);
    std::string token = f.Login("beheer");
    auto r = f.Post(v1::rpc::AdminService::ListUsers, "{}", token);
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(ErrorCodeOf(r), "failed_precondition");
    EXPECT_EQ(f.Post(kWhoAmI, "{}", token).status, 200);

    r = f.Post(v1::rpc::AuthService::ChangePassword,
               R"({"currentPassword":"correct horse battery staple","newPassword":"short"})", token);
    EXPECT_EQ(r.status, 400);
    EXPECT_NE(ErrorMessageOf(r).find("new_password"), std::string::npos);
    r = f.Post(v1::rpc::AuthService::ChangePassword,
               R"({"currentPassword":"wrong wrong wrong","newPassword":"a brand new passphrase"})", token);
    EXPECT_EQ(r.status, 403);
    r = f.Post(v1::rpc::AuthService::ChangePassword,
               R"({"currentPassword":"correct horse battery staple","newPassword":"a brand new passphrase"})", token);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(f.Post(v1::rpc::AdminService::ListUsers, "{}", token).status, 200);
    EXPECT_FALSE(f.Login("beheer", "a brand new passphrase").empty());
}

TEST(AdminService, CreateUserValidatesEachField) {
    ServiceFixture f;
    f.CreateUser("beheer", {"admin"});
    std::string token = f.Login("beheer");
    struct Bad {
        std::string body;
        std::string field;
    };
    for (const auto& bad : std::vector<Bad>{
             {R"({"username":"A","displayName":"x","roles":["ROLE_ADMIN"]})", "username"},
             {R"({"username":"has space","displayName":"x","roles":["ROLE_ADMIN"]})", "username"},
             {R"({"username":"okname","displayName":"","roles":["ROLE_ADMIN"]})", "display_name"},
             {R"({"username":"okname","displayName":"x","roles":[]})", "roles"},
             {R"({"username":"okname","displayName":"x","roles":["ROLE_UNSPECIFIED"]})", "roles"},
             {R"({"username":"okname","displayName":"x","roles":["ROLE_ADMIN"],"password":"short"})", "password"},
         }) {
        auto r = f.Post(v1::rpc::AdminService::CreateUser, bad.body, token);
        EXPECT_EQ(r.status, 400) << bad.body;
        EXPECT_EQ(ErrorMessageOf(r).rfind(bad.field + ":", 0), 0u) << ErrorMessageOf(r);
    }
}

TEST(AdminService, CreatedUserGetsAOneTimePassword) {
    ServiceFixture f;
    f.CreateUser("beheer", {"admin"});
    std::string token = f.Login("beheer");
    auto r = f.Post(v1::rpc::AdminService::CreateUser,
                    R"({"username":"joost","displayName":"Joost, fictional","roles":["ROLE_PSYCHIATRIST"]})", token);
    ASSERT_EQ(r.status, 200) << r.body;
    auto created = Parse<v1::CreateUserResponse>(r);
    EXPECT_EQ(created.one_time_password().size(), 20u);
    EXPECT_TRUE(created.user().must_change_password());
    std::string joost = f.Login("joost", created.one_time_password());
    EXPECT_FALSE(joost.empty());
}

TEST(AdminService, SetRolesEndsTheUsersSessions) {
    ServiceFixture f;
    f.CreateUser("beheer", {"admin"});
    std::int64_t anna = f.CreateUser("anna", {"crisis_worker"});
    std::string admin = f.Login("beheer");
    std::string anna_token = f.Login("anna");
    auto r = f.Post(v1::rpc::AdminService::SetRoles,
                    R"({"userId":")" + std::to_string(anna) + R"(","roles":["ROLE_COORDINATOR"]})", admin);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(f.Post(kWhoAmI, "{}", anna_token).status, 401);
    auto who = Parse<v1::WhoAmIResponse>(f.Post(kWhoAmI, "{}", f.Login("anna")));
    ASSERT_EQ(who.user().roles_size(), 1);
    EXPECT_EQ(who.user().roles(0), v1::ROLE_COORDINATOR);
}

TEST(AdminService, TheLastAdminCannotBeRemoved) {
    ServiceFixture f;
    std::int64_t beheer = f.CreateUser("beheer", {"admin"});
    std::string token = f.Login("beheer");
    auto r = f.Post(v1::rpc::AdminService::DisableUser, R"({"userId":")" + std::to_string(beheer) + R"("})", token);
    EXPECT_EQ(ErrorCodeOf(r), "failed_precondition");
    r = f.Post(v1::rpc::AdminService::DisableUser, R"({"userId":"999"})", token);
    EXPECT_EQ(r.status, 404);
}

TEST(AdminService, NobodyChangesTheirOwnRolesAnotherAdminDoes) {
    // An admin who gives itself a care role could read every case and plan (four eyes).
    ServiceFixture f;
    std::int64_t beheer = f.CreateUser("beheer", {"admin"});
    f.CreateUser("tweede", {"admin"});
    std::string token = f.Login("beheer");
    const std::string body =
        R"({"userId":")" + std::to_string(beheer) + R"(","roles":["ROLE_ADMIN","ROLE_CRISIS_WORKER"]})";
    auto own = f.Post(v1::rpc::AdminService::SetRoles, body, token);
    EXPECT_EQ(own.status, 403) << own.body;
    EXPECT_NE(own.body.find("ERROR_REASON_FOUR_EYES"), std::string::npos) << own.body;
    auto refused = f.Audit(1);
    ASSERT_EQ(refused.size(), 1u);
    EXPECT_EQ(refused[0].method, "SetRoles");
    EXPECT_EQ(refused[0].result, "permission_denied");
    auto who = Parse<v1::WhoAmIResponse>(f.Post(kWhoAmI, "{}", token));
    EXPECT_EQ(who.user().roles_size(), 1) << "the roles are unchanged";
    // Another admin may.
    auto other = f.Post(v1::rpc::AdminService::SetRoles, body, f.Login("tweede"));
    EXPECT_EQ(other.status, 200) << other.body;
}

TEST(AuthService, AWrongCurrentPasswordCountsAsAFailedLogIn) {
    // ChangePassword with a copied token is no password oracle: its failures slow down like
    // log-ins, and the account's log-in slows down with them.
    ServiceFixture f;
    f.CreateUser("anna", {"crisis_worker"});
    std::string token = f.Login("anna");
    int refused_as_throttled = 0;
    for (int i = 0; i < 8; ++i) {
        auto r = f.Post(
            v1::rpc::AuthService::ChangePassword,
            R"({"currentPassword":"guess number )" + std::to_string(i) + R"(","newPassword":"a brand new passphrase"})",
            token);
        if (ErrorCodeOf(r) == "resource_exhausted") ++refused_as_throttled;
    }
    EXPECT_GT(refused_as_throttled, 0) << "eight wrong passwords and never slowed down";
    auto login =
        f.Post(v1::rpc::AuthService::Login, R"({"username":"anna","password":"correct horse battery staple"})");
    EXPECT_EQ(ErrorCodeOf(login), "resource_exhausted") << login.body;
}

TEST(AuthService, AChangedPasswordEndsTheUsersOtherSessionsButNotThisOne) {
    ServiceFixture f;
    f.CreateUser("anna", {"crisis_worker"});
    std::string thief = f.Login("anna");
    std::string desk = f.Login("anna");
    auto r =
        f.Post(v1::rpc::AuthService::ChangePassword,
               R"({"currentPassword":"correct horse battery staple","newPassword":"a brand new passphrase"})", desk);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(f.Post(kWhoAmI, "{}", thief).status, 401);
    EXPECT_EQ(f.Post(kWhoAmI, "{}", desk).status, 200);
}

TEST(AdminService, ResetPasswordGivesANewOneTimePasswordAndEndsSessions) {
    ServiceFixture f;
    f.CreateUser("beheer", {"admin"});
    std::int64_t anna = f.CreateUser("anna", {"crisis_worker"});
    std::string admin = f.Login("beheer");
    std::string anna_token = f.Login("anna");
    auto r = f.Post(v1::rpc::AdminService::ResetPassword, R"({"userId":")" + std::to_string(anna) + R"("})", admin);
    ASSERT_EQ(r.status, 200) << r.body;
    auto reset = Parse<v1::ResetPasswordResponse>(r);
    EXPECT_EQ(f.Post(kWhoAmI, "{}", anna_token).status, 401);
    EXPECT_EQ(
        f.Post(v1::rpc::AuthService::Login, R"({"username":"anna","password":"correct horse battery staple"})").status,
        401);
    EXPECT_FALSE(f.Login("anna", reset.one_time_password()).empty());
}

TEST(AdminService, CreateFirstAdminOnlyOnAnEmptyDatabase) {
    ServiceFixture f;
    daemon::service::Call call(*f.store, f.clock.Now(), "spoedctl", "init", "create", "local");
    auto id = f.admin.CreateFirstAdmin(call, "beheer", "a long enough password");
    ASSERT_TRUE(id.ok()) << id.error().message;
    daemon::service::Call again(*f.store, f.clock.Now(), "spoedctl", "init", "create", "local");
    auto second = f.admin.CreateFirstAdmin(again, "tweede", "a long enough password");
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(second.error().code, ErrorCode::kFailedPrecondition);
}

TEST(PasswordHasher, UsesArgon2idWithAtLeastTheOwaspParameters) {
    daemon::service::PasswordHasher hasher;
    auto h = hasher.Hash("correct horse battery staple");
    ASSERT_TRUE(h.ok());
    EXPECT_EQ(h->rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0), 0u) << *h;
    EXPECT_TRUE(hasher.Verify(*h, "correct horse battery staple").value());
    EXPECT_FALSE(hasher.Verify(*h, "correct horse battery stapl").value());
    EXPECT_FALSE(hasher.Verify("", "anything").value());
}

}  // namespace
}  // namespace spoed
