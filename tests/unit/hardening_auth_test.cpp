// Second factor, login throttling, re-authentication before break-the-glass and the request
// rate per token, through the router with a real SQLite store and a fake clock.
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include "daemon/base/log.hpp"
#include "spoed/v1/admin.pb.h"
#include "spoed/v1/auth.pb.h"
#include "spoed/v1/plan.pb.h"
#include "tests/support/crisis_fixture.hpp"
#include "tests/support/service_fixture.hpp"

namespace spoed {
namespace {

using test::ErrorCodeOf;
using test::ErrorMessageOf;
using test::ServiceFixture;

constexpr const char* kLogin = "spoed.v1.AuthService/Login";

template <typename M>
M Parse(const daemon::net::HttpResponse& r) {
    M m;
    EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(r.body, &m).ok()) << r.body;
    return m;
}

std::string LoginJson(const std::string& user, const std::string& password, const std::string& code = "") {
    return R"({"username":")" + user + R"(","password":")" + password + R"(","totpCode":")" + code + R"("})";
}

/// Collects the ids of log lines while alive.
class LogIds {
public:
    LogIds() {
        log::SetSink([this](std::string_view line) {
            std::lock_guard lock(mutex_);
            lines_.emplace_back(line);
        });
    }
    ~LogIds() { log::SetSink({}); }
    int Count(const std::string& id) {
        std::lock_guard lock(mutex_);
        int n = 0;
        for (const auto& l : lines_) n += l.find(" " + id + " ") != std::string::npos ? 1 : 0;
        return n;
    }

private:
    std::mutex mutex_;
    std::vector<std::string> lines_;
};

// --- second factor ------------------------------------------------------------------------

TEST(SecondFactor, APsychiatristWithoutOneGetsASessionLimitedToEnrolment) {
    ServiceFixture f;
    f.CreateUser("pieter", {"psychiatrist"}, false, /*enroll_totp=*/false);
    auto login = f.Post(kLogin, LoginJson("pieter", test::kTestPassword));
    ASSERT_EQ(login.status, 200) << login.body;
    auto resp = Parse<v1::LoginResponse>(login);
    EXPECT_TRUE(resp.must_enroll_totp());
    EXPECT_FALSE(resp.user().totp_enrolled());
    std::string token = resp.token();

    auto blocked = f.Post("spoed.v1.ConsultService/ListConsults", "{}", token);
    EXPECT_EQ(ErrorCodeOf(blocked), "failed_precondition");
    EXPECT_NE(ErrorMessageOf(blocked).find("second factor"), std::string::npos) << blocked.body;
    EXPECT_EQ(f.Post("spoed.v1.AuthService/WhoAmI", "{}", token).status, 200);

    auto begin = Parse<v1::BeginTotpEnrollmentResponse>(f.Post("spoed.v1.AuthService/BeginTotpEnrollment", "{}", token));
    EXPECT_EQ(begin.otpauth_uri().rfind("otpauth://totp/Spoed:pieter?secret=" + begin.secret() + "&", 0), 0u)
        << begin.otpauth_uri();
    auto secret = daemon::service::Base32Decode(begin.secret());
    ASSERT_TRUE(secret && secret->size() == 20);
    // A wrong code does not confirm.
    auto wrong = f.Post("spoed.v1.AuthService/ConfirmTotpEnrollment", R"({"code":"000000"})", token);
    std::int64_t step = daemon::service::TotpStep(f.clock.Now());
    if (daemon::service::TotpCode(*secret, step) != "000000") {
        EXPECT_EQ(ErrorCodeOf(wrong), "invalid_argument");
    }
    auto ok = f.Post("spoed.v1.AuthService/ConfirmTotpEnrollment",
                     R"({"code":")" + daemon::service::TotpCode(*secret, step) + R"("})", token);
    ASSERT_EQ(ok.status, 200) << ok.body;
    EXPECT_TRUE(Parse<v1::ConfirmTotpEnrollmentResponse>(ok).user().totp_enrolled());
    // The enrolment session is now a full one.
    EXPECT_EQ(f.Post("spoed.v1.ConsultService/ListConsults", "{}", token).status, 200);
    // A second enrolment is refused: only an admin reset replaces a second factor.
    EXPECT_EQ(ErrorCodeOf(f.Post("spoed.v1.AuthService/BeginTotpEnrollment", "{}", token)), "failed_precondition");
}

TEST(SecondFactor, LoginNeedsACurrentCodeAndEachCodeWorksOnce) {
    ServiceFixture f;
    f.CreateUser("pieter", {"psychiatrist"});  // enrolled by the fixture
    const std::string& secret = f.totp.Secret("pieter");
    std::int64_t step = daemon::service::TotpStep(f.clock.Now());

    auto none = f.Post(kLogin, LoginJson("pieter", test::kTestPassword));
    EXPECT_EQ(none.status, 401);
    EXPECT_EQ(ErrorMessageOf(none).rfind("totp_code:", 0), 0u) << none.body;
    auto old = f.Post(kLogin, LoginJson("pieter", test::kTestPassword, daemon::service::TotpCode(secret, step - 2)));
    EXPECT_EQ(old.status, 401);
    // The fixture spent step-1 on enrolment: the current code works, once.
    std::string code = daemon::service::TotpCode(secret, step);
    auto first = f.Post(kLogin, LoginJson("pieter", test::kTestPassword, code));
    ASSERT_EQ(first.status, 200) << first.body;
    EXPECT_FALSE(Parse<v1::LoginResponse>(first).must_enroll_totp());
    auto replay = f.Post(kLogin, LoginJson("pieter", test::kTestPassword, code));
    EXPECT_EQ(replay.status, 401);
    EXPECT_NE(ErrorMessageOf(replay).find("already used"), std::string::npos) << replay.body;
    // A wrong password with a right code still says only "wrong username or password".
    auto wrong_pw = f.Post(kLogin, LoginJson("pieter", "not the password", daemon::service::TotpCode(secret, step + 1)));
    EXPECT_EQ(ErrorMessageOf(wrong_pw), "wrong username or password");
}

TEST(SecondFactor, SecretsAreStoredEncryptedWithTheConfiguredKey) {
    ServiceFixture f;
    std::int64_t id = f.CreateUser("pieter", {"psychiatrist"});
    const std::string& secret = f.totp.Secret("pieter");
    auto rec = f.store->Read([&](db::Tx& tx) -> Result<std::optional<db::TotpRecord>> { return tx.totp().Find(id); });
    ASSERT_TRUE(rec.ok() && rec->has_value());
    const std::string& stored = (*rec)->secret_enc;
    EXPECT_EQ(stored.find(secret), std::string::npos);
    EXPECT_EQ(stored.find(daemon::service::Base32Encode(secret)), std::string::npos);
    daemon::service::SecretBox box(f.totp_key);
    EXPECT_EQ(box.Open(stored, "totp:user:" + std::to_string(id)), secret);
    // A daemon with another key cannot check codes: it says so instead of letting anyone in.
    daemon::service::AuthService other(f.hasher, {}, {.key = std::string(32, 'z')});
    daemon::service::Call call(*f.store, f.clock.Now(), "spoed.v1.AuthService", "Login", "login", "192.0.2.10");
    v1::LoginRequest req;
    req.set_username("pieter");
    req.set_password(test::kTestPassword);
    req.set_totp_code("123456");
    auto r = other.Login(call, req);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
}

TEST(SecondFactor, ReadingTheAuditLogNeedsASecondFactorSession) {
    ServiceFixture f;
    f.CreateUser("beheer", {"admin"}, false, /*enroll_totp=*/false);
    std::string limited = f.Login("beheer");
    EXPECT_EQ(ErrorCodeOf(f.Post("spoed.v1.AdminService/ListAuditEvents", "{}", limited)), "failed_precondition");
    f.EnrollTotp("beheer", limited);
    EXPECT_EQ(f.Post("spoed.v1.AdminService/ListAuditEvents", "{}", limited).status, 200);
    auto audit = f.Audit(5);
    bool enrolment_audited = false;
    for (const auto& a : audit) enrolment_audited |= a.method == "ConfirmTotpEnrollment" && a.result == "ok";
    EXPECT_TRUE(enrolment_audited);
}

TEST(SecondFactor, AnAdminResetsALostFactorAndTheUserEnrolsAgain) {
    ServiceFixture f;
    f.CreateUser("beheer", {"admin"});
    std::int64_t pieter = f.CreateUser("pieter", {"psychiatrist"});
    std::string admin = f.Login("beheer");
    std::string session = f.Login("pieter");
    auto r = f.Post("spoed.v1.AdminService/ResetTotp", R"({"userId":")" + std::to_string(pieter) + R"("})", admin);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_FALSE(Parse<v1::ResetTotpResponse>(r).user().totp_enrolled());
    EXPECT_EQ(f.Post("spoed.v1.AuthService/WhoAmI", "{}", session).status, 401) << "sessions ended";
    auto again = Parse<v1::LoginResponse>(f.Post(kLogin, LoginJson("pieter", test::kTestPassword)));
    EXPECT_TRUE(again.must_enroll_totp());
    EXPECT_EQ(ErrorCodeOf(f.Post("spoed.v1.AdminService/ResetTotp", R"({"userId":")" + std::to_string(pieter) + R"("})",
                                 admin)),
              "failed_precondition");
}

// --- login throttling -----------------------------------------------------------------------

TEST(LoginThrottling, UnknownUserAndWrongPasswordAreSlowedDownAlike) {
    ServiceFixture f;
    f.CreateUser("anna", {"crisis_worker"});
    std::vector<std::string> known, unknown;
    for (int i = 0; i < 7; ++i) {
        auto a = f.Post(kLogin, LoginJson("anna", "wrong password " + std::to_string(i)));
        auto b = f.Post(kLogin, LoginJson("ghost", "wrong password " + std::to_string(i)));
        known.push_back(std::to_string(a.status) + " " + a.body);
        unknown.push_back(std::to_string(b.status) + " " + b.body);
    }
    EXPECT_EQ(known, unknown);
    EXPECT_EQ(known.back().rfind("429 ", 0), 0u) << known.back();
    // Locked: even the right password is refused until the wait is over.
    auto right = f.Post(kLogin, LoginJson("anna", test::kTestPassword));
    EXPECT_EQ(ErrorCodeOf(right), "resource_exhausted");
    EXPECT_NE(ErrorMessageOf(right).find("try again in"), std::string::npos);
    f.clock.Advance(std::chrono::seconds(2));
    EXPECT_EQ(f.Post(kLogin, LoginJson("anna", test::kTestPassword)).status, 200);
}

TEST(LoginThrottling, AnAdminSeesAndLiftsALockAndItIsLoggedOncePerBurst) {
    LogIds logs;
    ServiceFixture f;
    f.CreateUser("beheer", {"admin"});
    f.CreateUser("anna", {"crisis_worker"});
    std::string admin = f.Login("beheer");
    for (int i = 0; i < 6; ++i) f.Post(kLogin, LoginJson("anna", "wrong password"));
    for (int i = 0; i < 5; ++i) f.Post(kLogin, LoginJson("anna", "wrong password"));  // refused while locked
    EXPECT_EQ(logs.Count("auth.login_throttled"), 1);
    auto list = Parse<v1::ListLoginLocksResponse>(f.Post("spoed.v1.AdminService/ListLoginLocks", "{}", admin));
    bool found = false;
    for (const auto& l : list.locks()) {
        if (l.kind() == "account" && l.key() == "anna") {
            found = true;
            EXPECT_EQ(l.failures(), 5) << "refusals while locked are not counted";
            EXPECT_TRUE(l.has_locked_until());
        }
    }
    EXPECT_TRUE(found) << list.DebugString();
    EXPECT_EQ(ErrorCodeOf(f.Post("spoed.v1.AdminService/LiftLoginLock", R"({"kind":"user","key":"anna"})", admin)),
              "invalid_argument");
    auto lift = f.Post("spoed.v1.AdminService/LiftLoginLock", R"({"kind":"account","key":"anna"})", admin);
    ASSERT_EQ(lift.status, 200) << lift.body;
    EXPECT_TRUE(Parse<v1::LiftLoginLockResponse>(lift).lifted());
    EXPECT_EQ(f.Post(kLogin, LoginJson("anna", test::kTestPassword)).status, 200);
    EXPECT_EQ(f.Post("spoed.v1.AdminService/ListLoginLocks", "{}", f.Login("anna")).status, 403);
}

TEST(LoginThrottling, WrongSecondFactorCodesCountAsFailures) {
    ServiceFixture f;
    f.CreateUser("pieter", {"psychiatrist"});
    std::string code = daemon::service::TotpCode(f.totp.Secret("pieter"), daemon::service::TotpStep(f.clock.Now()));
    std::string wrong = code == "111111" ? "222222" : "111111";
    for (int i = 0; i < 5; ++i) EXPECT_EQ(f.Post(kLogin, LoginJson("pieter", test::kTestPassword, wrong)).status, 401);
    EXPECT_EQ(ErrorCodeOf(f.Post(kLogin, LoginJson("pieter", test::kTestPassword, code))), "resource_exhausted");
}

// --- re-authentication before break-the-glass -------------------------------------------------

std::string BreakGlassBody(std::int64_t youth_id, const std::string& password, const std::string& code = "") {
    return R"({"youthId":")" + std::to_string(youth_id) +
           R"(","reason":"Father calls, son in acute crisis, plan needed now","password":")" + password +
           R"(","totpCode":")" + code + R"("})";
}

TEST(BreakGlassReauth, NeedsThePasswordAgain) {
    test::CrisisFixture f;
    std::int64_t id = f.CreateYouth("Sem", "Smit (fictief)", "2011-02-03");
    auto none = f.Post("spoed.v1.PlanService/BreakGlass",
                       R"({"youthId":")" + std::to_string(id) + R"(","reason":"Father calls, son in crisis now"})",
                       f.worker);
    EXPECT_EQ(ErrorCodeOf(none), "invalid_argument");
    EXPECT_EQ(ErrorMessageOf(none).rfind("password:", 0), 0u) << none.body;
    auto wrong = f.Post("spoed.v1.PlanService/BreakGlass", BreakGlassBody(id, "not my password"), f.worker);
    EXPECT_EQ(ErrorCodeOf(wrong), "permission_denied");
    EXPECT_EQ(f.Post("spoed.v1.PlanService/GetPlan", R"({"youthId":")" + std::to_string(id) + R"("})", f.worker).status,
              403);
    auto ok = f.Post("spoed.v1.PlanService/BreakGlass", BreakGlassBody(id, test::kTestPassword), f.worker);
    EXPECT_EQ(ok.status, 200) << ok.body;
    auto last = f.Audit(1);
    ASSERT_EQ(last.size(), 1u);
    EXPECT_EQ(last[0].action, "break_the_glass");
    EXPECT_EQ(last[0].reason.find(test::kTestPassword), std::string::npos) << "never the password";
}

TEST(BreakGlassReauth, NeedsTheSecondFactorWhenTheUserHasOne) {
    test::CrisisFixture f;
    std::int64_t id = f.CreateYouth("Tess", "Bos (fictief)", "2010-06-07");
    auto no_code = f.Post("spoed.v1.PlanService/BreakGlass", BreakGlassBody(id, test::kTestPassword), f.psychiatrist);
    EXPECT_EQ(ErrorCodeOf(no_code), "invalid_argument");
    EXPECT_EQ(ErrorMessageOf(no_code).rfind("totp_code:", 0), 0u) << no_code.body;
    std::string code = f.totp.Next("pieter", f.clock.Now());
    auto ok = f.Post("spoed.v1.PlanService/BreakGlass", BreakGlassBody(id, test::kTestPassword, code), f.psychiatrist);
    EXPECT_EQ(ok.status, 200) << ok.body;
    auto replay = f.Post("spoed.v1.PlanService/BreakGlass", BreakGlassBody(id, test::kTestPassword, code), f.psychiatrist);
    EXPECT_EQ(ErrorCodeOf(replay), "permission_denied") << replay.body;
}

// --- request rate per token ---------------------------------------------------------------------

TEST(RateLimit, RefusesABurstClearlyAndLogsItOnce) {
    LogIds logs;
    ServiceFixture f;
    f.router->SetRateLimit({.per_second = 2, .burst = 3});
    f.CreateUser("anna", {"crisis_worker"});
    std::string token = f.Login("anna");
    for (int i = 0; i < 3; ++i) EXPECT_EQ(f.Post("spoed.v1.AuthService/WhoAmI", "{}", token).status, 200);
    int refused = 0;
    for (int i = 0; i < 10; ++i) {
        auto r = f.Post("spoed.v1.AuthService/WhoAmI", "{}", token);
        if (r.status == 429) {
            ++refused;
            EXPECT_EQ(ErrorCodeOf(r), "resource_exhausted");
            EXPECT_NE(ErrorMessageOf(r).find("too many requests"), std::string::npos);
            bool retry_after = false;
            for (const auto& [k, v] : r.headers) retry_after |= k == "Retry-After" && v == "1";
            EXPECT_TRUE(retry_after);
        }
    }
    EXPECT_EQ(refused, 10);
    EXPECT_EQ(logs.Count("api.rate_limited"), 1);
    int audited = 0;
    for (const auto& a : f.Audit(20)) audited += a.result == "resource_exhausted" ? 1 : 0;
    EXPECT_EQ(audited, 1) << "one audit line per burst, not one per refused request";
    // Another session is not affected; time refills the bucket.
    f.CreateUser("bram", {"crisis_worker"});
    EXPECT_EQ(f.Post("spoed.v1.AuthService/WhoAmI", "{}", f.Login("bram")).status, 200);
    f.clock.Advance(std::chrono::seconds(1));
    EXPECT_EQ(f.Post("spoed.v1.AuthService/WhoAmI", "{}", token).status, 200);
    EXPECT_EQ(logs.Count("api.rate_limit_ended"), 1);
}

// --- response headers ---------------------------------------------------------------------------

TEST(SecurityHeaders, EveryAnswerCarriesThem) {
    ServiceFixture f;
    f.CreateUser("anna", {"crisis_worker"});
    for (const auto& r : {f.Post("spoed.v1.AuthService/WhoAmI", "{}", f.Login("anna")), f.Post("nope", "{}"),
                          f.Post(kLogin, "{not json")}) {
        std::map<std::string, std::string> h(r.headers.begin(), r.headers.end());
        EXPECT_EQ(h["Strict-Transport-Security"], "max-age=31536000; includeSubDomains") << r.status;
        EXPECT_EQ(h["Cache-Control"], "no-store");
        EXPECT_EQ(h["X-Content-Type-Options"], "nosniff");
        EXPECT_EQ(h["Content-Security-Policy"], "default-src 'none'; frame-ancestors 'none'");
        EXPECT_EQ(h["Content-Disposition"], "attachment");
    }
}

}  // namespace
}  // namespace spoed
