// Second factor, login throttling, re-authentication before break-the-glass and the request
// rate per token, through the router with a real SQLite store and a fake clock.
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <future>
#include <mutex>

#include "base/log.hpp"
#include "base/worker_pool.hpp"
#include "daemon/api/rate_limit.hpp"
#include "daemon/service/refusal_tally.hpp"
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

constexpr auto& kLogin = v1::rpc::AuthService::Login;

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

    auto blocked = f.Post(v1::rpc::ConsultService::ListConsults, "{}", token);
    EXPECT_EQ(ErrorCodeOf(blocked), "failed_precondition");
    EXPECT_NE(ErrorMessageOf(blocked).find("second factor"), std::string::npos) << blocked.body;
    EXPECT_EQ(f.Post(v1::rpc::AuthService::WhoAmI, "{}", token).status, 200);

    auto begin = Parse<v1::BeginTotpEnrollmentResponse>(f.Post(v1::rpc::AuthService::BeginTotpEnrollment, "{}", token));
    EXPECT_EQ(begin.otpauth_uri().rfind("otpauth://totp/Spoed:pieter?secret=" + begin.secret() + "&", 0), 0u)
        << begin.otpauth_uri();
    auto secret = daemon::service::Base32Decode(begin.secret());
    ASSERT_TRUE(secret && secret->size() == 20);
    // A wrong code does not confirm.
    auto wrong = f.Post(v1::rpc::AuthService::ConfirmTotpEnrollment, R"({"code":"000000"})", token);
    std::int64_t step = daemon::service::TotpStep(f.clock.Now());
    if (daemon::service::TotpCode(*secret, step) != "000000") {
        EXPECT_EQ(ErrorCodeOf(wrong), "invalid_argument");
    }
    auto ok = f.Post(v1::rpc::AuthService::ConfirmTotpEnrollment,
                     R"({"code":")" + daemon::service::TotpCode(*secret, step) + R"("})", token);
    ASSERT_EQ(ok.status, 200) << ok.body;
    EXPECT_TRUE(Parse<v1::ConfirmTotpEnrollmentResponse>(ok).user().totp_enrolled());
    // The enrolment session is now a full one.
    EXPECT_EQ(f.Post(v1::rpc::ConsultService::ListConsults, "{}", token).status, 200);
    // A second enrolment is refused: only an admin reset replaces a second factor.
    EXPECT_EQ(ErrorCodeOf(f.Post(v1::rpc::AuthService::BeginTotpEnrollment, "{}", token)), "failed_precondition");
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
    auto wrong_pw =
        f.Post(kLogin, LoginJson("pieter", "not the password", daemon::service::TotpCode(secret, step + 1)));
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
    EXPECT_EQ(ErrorCodeOf(f.Post(v1::rpc::AdminService::ListAuditEvents, "{}", limited)), "failed_precondition");
    f.EnrollTotp("beheer", limited);
    EXPECT_EQ(f.Post(v1::rpc::AdminService::ListAuditEvents, "{}", limited).status, 200);
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
    auto r = f.Post(v1::rpc::AdminService::ResetTotp, R"({"userId":")" + std::to_string(pieter) + R"("})", admin);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_FALSE(Parse<v1::ResetTotpResponse>(r).user().totp_enrolled());
    EXPECT_EQ(f.Post(v1::rpc::AuthService::WhoAmI, "{}", session).status, 401) << "sessions ended";
    auto again = Parse<v1::LoginResponse>(f.Post(kLogin, LoginJson("pieter", test::kTestPassword)));
    EXPECT_TRUE(again.must_enroll_totp());
    EXPECT_EQ(ErrorCodeOf(
                  f.Post(v1::rpc::AdminService::ResetTotp, R"({"userId":")" + std::to_string(pieter) + R"("})", admin)),
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

TEST(LoginThrottling, OnASharedDatabaseFailuresAtOneDaemonCountAtTheOther) {
    // Two daemons' throttles on one PostgreSQL database: guesses spread over both count as one.
    ServiceFixture f;
    if (f.sqlite() != nullptr) GTEST_SKIP() << "one daemon per SQLite file: its throttle counts in memory";
    daemon::service::ThrottlePolicy policy;
    daemon::service::LoginThrottle a(policy), b(policy);
    a.ShareThrough(f.store.get());
    b.ShareThrough(f.store.get());
    const TimePoint now = f.clock.Now();
    using Kind = daemon::service::LoginThrottle::Kind;
    for (int i = 0; i < policy.account_free_failures - 1; ++i) {
        (i % 2 == 0 ? a : b).Failure("joost", "198.51.100." + std::to_string(i), now);
    }
    EXPECT_FALSE(b.Wait(Kind::kAccount, "joost", now)) << "below the free failures, as one daemon counts";
    auto locked = a.Failure("joost", "198.51.100.9", now);
    ASSERT_EQ(locked.size(), 1u) << "the fifth failure, counted over both, locks the name";
    EXPECT_TRUE(b.Wait(Kind::kAccount, "joost", now)) << "and the other daemon refuses it too";
    auto listed = b.List(now);
    auto joost = std::find_if(listed.begin(), listed.end(), [](const auto& l) { return l.key == "joost"; });
    ASSERT_NE(joost, listed.end()) << "the other daemon lists the lock";
    EXPECT_EQ(joost->failures, policy.account_free_failures);
    EXPECT_EQ(listed.size(), 1u + static_cast<std::size_t>(policy.account_free_failures)) << "and each address";
    EXPECT_TRUE(b.Lift(Kind::kAccount, "joost"));
    EXPECT_FALSE(a.Wait(Kind::kAccount, "joost", now)) << "lifted at one, lifted at both";
    // Successful sign-ins: the bucket of an account is shared too.
    for (int i = 0; i < policy.account_sign_in_burst; ++i) (i % 2 == 0 ? a : b).SignedIn("anna", "192.0.2.10", now);
    EXPECT_TRUE(a.SignInWait("anna", "192.0.2.11", now));
    EXPECT_TRUE(b.SignInWait("anna", "192.0.2.12", now));
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
    auto list = Parse<v1::ListLoginLocksResponse>(f.Post(v1::rpc::AdminService::ListLoginLocks, "{}", admin));
    bool found = false;
    for (const auto& l : list.locks()) {
        if (l.kind() == "account" && l.key() == "anna") {
            found = true;
            EXPECT_EQ(l.failures(), 5) << "refusals while locked are not counted";
            EXPECT_TRUE(l.has_locked_until());
        }
    }
    EXPECT_TRUE(found) << list.DebugString();
    EXPECT_EQ(ErrorCodeOf(f.Post(v1::rpc::AdminService::LiftLoginLock, R"({"kind":"user","key":"anna"})", admin)),
              "invalid_argument");
    auto lift = f.Post(v1::rpc::AdminService::LiftLoginLock, R"({"kind":"account","key":"anna"})", admin);
    ASSERT_EQ(lift.status, 200) << lift.body;
    EXPECT_TRUE(Parse<v1::LiftLoginLockResponse>(lift).lifted());
    EXPECT_EQ(f.Post(kLogin, LoginJson("anna", test::kTestPassword)).status, 200);
    EXPECT_EQ(f.Post(v1::rpc::AdminService::ListLoginLocks, "{}", f.Login("anna")).status, 403);
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
    auto none =
        f.Post(v1::rpc::PlanService::BreakGlass,
               R"({"youthId":")" + std::to_string(id) + R"(","reason":"Father calls, son in crisis now"})", f.worker);
    EXPECT_EQ(ErrorCodeOf(none), "invalid_argument");
    EXPECT_EQ(ErrorMessageOf(none).rfind("password:", 0), 0u) << none.body;
    auto wrong = f.Post(v1::rpc::PlanService::BreakGlass, BreakGlassBody(id, "not my password"), f.worker);
    EXPECT_EQ(ErrorCodeOf(wrong), "permission_denied");
    EXPECT_EQ(f.Post(v1::rpc::PlanService::GetPlan, R"({"youthId":")" + std::to_string(id) + R"("})", f.worker).status,
              403);
    auto ok = f.Post(v1::rpc::PlanService::BreakGlass, BreakGlassBody(id, test::kTestPassword), f.worker);
    EXPECT_EQ(ok.status, 200) << ok.body;
    auto last = f.Audit(1);
    ASSERT_EQ(last.size(), 1u);
    EXPECT_EQ(last[0].action, "break_the_glass");
    EXPECT_EQ(last[0].reason.find(test::kTestPassword), std::string::npos) << "never the password";
}

TEST(BreakGlassReauth, NeedsTheSecondFactorWhenTheUserHasOne) {
    test::CrisisFixture f;
    std::int64_t id = f.CreateYouth("Tess", "Bos (fictief)", "2010-06-07");
    auto no_code = f.Post(v1::rpc::PlanService::BreakGlass, BreakGlassBody(id, test::kTestPassword), f.psychiatrist);
    EXPECT_EQ(ErrorCodeOf(no_code), "invalid_argument");
    EXPECT_EQ(ErrorMessageOf(no_code).rfind("totp_code:", 0), 0u) << no_code.body;
    std::string code = f.totp.Next("pieter", f.clock.Now());
    auto ok = f.Post(v1::rpc::PlanService::BreakGlass, BreakGlassBody(id, test::kTestPassword, code), f.psychiatrist);
    EXPECT_EQ(ok.status, 200) << ok.body;
    auto replay =
        f.Post(v1::rpc::PlanService::BreakGlass, BreakGlassBody(id, test::kTestPassword, code), f.psychiatrist);
    EXPECT_EQ(ErrorCodeOf(replay), "permission_denied") << replay.body;
}

// --- request rate per token ---------------------------------------------------------------------

TEST(RateLimit, RefusesABurstClearlyAndLogsItOnce) {
    LogIds logs;
    ServiceFixture f;
    f.router->SetRateLimit({.per_second = 2, .burst = 3});
    f.CreateUser("anna", {"crisis_worker"});
    std::string token = f.Login("anna");
    for (int i = 0; i < 3; ++i) EXPECT_EQ(f.Post(v1::rpc::AuthService::WhoAmI, "{}", token).status, 200);
    int refused = 0;
    for (int i = 0; i < 10; ++i) {
        auto r = f.Post(v1::rpc::AuthService::WhoAmI, "{}", token);
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
    EXPECT_EQ(f.Post(v1::rpc::AuthService::WhoAmI, "{}", f.Login("bram")).status, 200);
    f.clock.Advance(std::chrono::seconds(1));
    EXPECT_EQ(f.Post(v1::rpc::AuthService::WhoAmI, "{}", token).status, 200);
    EXPECT_EQ(logs.Count("api.rate_limit_ended"), 1);
}

TEST(RateLimit, OnASharedDatabaseASessionHasOneRateAcrossTheDaemons) {
    ServiceFixture f;
    if (f.sqlite() != nullptr) GTEST_SKIP() << "one daemon per SQLite file: its limit counts in memory";
    {
        daemon::api::SessionRateLimiter a({.per_second = 2, .burst = 3}), b({.per_second = 2, .burst = 3});
        a.ShareThrough(f.store.get());
        b.ShareThrough(f.store.get());
        const TimePoint now = f.clock.Now();
        EXPECT_TRUE(a.Take(42, now).allowed);
        EXPECT_TRUE(b.Take(42, now).allowed);
        EXPECT_TRUE(a.Take(42, now).allowed);
        auto refused = b.Take(42, now);
        EXPECT_FALSE(refused.allowed) << "the burst of three was spent at two daemons";
        EXPECT_EQ(refused.retry_after, std::chrono::milliseconds(500));
        EXPECT_TRUE(b.Take(7, now).allowed) << "another session has its own bucket";
        EXPECT_TRUE(a.Take(42, now + std::chrono::seconds(1)).allowed) << "time refills it, for both";
    }
}

// --- response headers ---------------------------------------------------------------------------

TEST(SecurityHeaders, EveryAnswerCarriesThem) {
    ServiceFixture f;
    f.CreateUser("anna", {"crisis_worker"});
    for (const auto& r : {f.Post(v1::rpc::AuthService::WhoAmI, "{}", f.Login("anna")), f.Post("nope", "{}"),
                          f.Post(kLogin, "{not json")}) {
        std::map<std::string, std::string> h(r.headers.begin(), r.headers.end());
        EXPECT_EQ(h["Strict-Transport-Security"], "max-age=31536000; includeSubDomains") << r.status;
        EXPECT_EQ(h["Cache-Control"], "no-store");
        EXPECT_EQ(h["X-Content-Type-Options"], "nosniff");
        EXPECT_EQ(h["Content-Security-Policy"], "default-src 'none'; frame-ancestors 'none'");
        EXPECT_EQ(h["Content-Disposition"], "attachment");
    }
}

// --- lock-out without denial of service (issue 18, availability) --------------------------------

std::string LoginJsonFrom(const std::string& user, const std::string& password, const std::string& device_token) {
    return R"({"username":")" + user + R"(","password":")" + password + R"(","deviceToken":")" + device_token + R"("})";
}

/// Fails anna's log-in from `n` other addresses, one wrong password each.
void FailFromElsewhere(ServiceFixture& f, const std::string& user, int n) {
    std::string own = f.remote_address;
    for (int i = 0; i < n; ++i) {
        f.remote_address = "198.51.100." + std::to_string(i + 1);
        EXPECT_NE(f.Post(kLogin, LoginJson(user, "wrong password " + std::to_string(i))).status, 200);
    }
    f.remote_address = own;
}

TEST(DeviceTokens, FailuresFromElsewhereDoNotLockOutADeviceThatSignedInBefore) {
    ServiceFixture f;
    f.CreateUser("anna", {"crisis_worker"});
    auto first = f.Post(kLogin, LoginJson("anna", test::kTestPassword));
    ASSERT_EQ(first.status, 200) << first.body;
    std::string device = Parse<v1::LoginResponse>(first).device_token();
    ASSERT_FALSE(device.empty());

    FailFromElsewhere(f, "anna", 12);
    // Without the token anna's account is locked, from anywhere...
    EXPECT_EQ(ErrorCodeOf(f.Post(kLogin, LoginJson("anna", test::kTestPassword))), "resource_exhausted");
    // ...but her own desk still signs in, and gets a fresh token for the same device.
    auto again = f.Post(kLogin, LoginJsonFrom("anna", test::kTestPassword, device));
    ASSERT_EQ(again.status, 200) << again.body;
    std::string renewed = Parse<v1::LoginResponse>(again).device_token();
    EXPECT_FALSE(renewed.empty());
    EXPECT_EQ(f.Post(kLogin, LoginJsonFrom("anna", test::kTestPassword, renewed)).status, 200);
}

TEST(DeviceTokens, ADeviceIsLockedByItsOwnFailuresOnly) {
    ServiceFixture f;
    f.CreateUser("anna", {"crisis_worker"});
    std::string desk = Parse<v1::LoginResponse>(f.Post(kLogin, LoginJson("anna", test::kTestPassword))).device_token();
    std::string laptop =
        Parse<v1::LoginResponse>(f.Post(kLogin, LoginJson("anna", test::kTestPassword))).device_token();
    for (int i = 0; i < 5; ++i) EXPECT_EQ(f.Post(kLogin, LoginJsonFrom("anna", "wrong password", laptop)).status, 401);
    EXPECT_EQ(ErrorCodeOf(f.Post(kLogin, LoginJsonFrom("anna", test::kTestPassword, laptop))), "resource_exhausted");
    EXPECT_EQ(f.Post(kLogin, LoginJsonFrom("anna", test::kTestPassword, desk)).status, 200);
    EXPECT_EQ(f.Post(kLogin, LoginJson("anna", test::kTestPassword)).status, 200)
        << "the laptop's failures are not the account's";
}

TEST(DeviceTokens, AnotherUsersTokenOrAForgedOneIsIgnored) {
    ServiceFixture f;
    f.CreateUser("anna", {"crisis_worker"});
    f.CreateUser("bram", {"crisis_worker"});
    std::string anna = Parse<v1::LoginResponse>(f.Post(kLogin, LoginJson("anna", test::kTestPassword))).device_token();
    std::string bram = Parse<v1::LoginResponse>(f.Post(kLogin, LoginJson("bram", test::kTestPassword))).device_token();
    FailFromElsewhere(f, "anna", 12);
    std::string forged = anna;
    forged[forged.size() / 2] = forged[forged.size() / 2] == 'A' ? 'B' : 'A';
    for (const auto& token : {bram, forged, std::string("not-a-token"), std::string(300, 'A')}) {
        auto r = f.Post(kLogin, LoginJsonFrom("anna", test::kTestPassword, token));
        EXPECT_NE(r.status, 200) << token;
    }
    // A token ages out: 180 days.
    f.clock.Advance(std::chrono::hours(24 * 181));
    FailFromElsewhere(f, "anna", 12);
    EXPECT_EQ(ErrorCodeOf(f.Post(kLogin, LoginJsonFrom("anna", test::kTestPassword, anna))), "resource_exhausted");
}

TEST(LoginThrottling, ALockAnswersNoFasterThanAPasswordCheck) {
    ServiceFixture f;
    f.CreateUser("anna", {"crisis_worker"});
    auto wrong = f.Post(kLogin, LoginJson("anna", "wrong password"));
    EXPECT_EQ(wrong.delay, std::chrono::milliseconds(0)) << "a checked password took its own time";
    FailFromElsewhere(f, "anna", 6);
    auto locked = f.Post(kLogin, LoginJson("anna", test::kTestPassword));
    ASSERT_EQ(ErrorCodeOf(locked), "resource_exhausted");
    EXPECT_GT(locked.delay, std::chrono::milliseconds(0));
    EXPECT_GE(locked.delay, f.hasher.TypicalCost());
}

TEST(LoginThrottling, SuccessfulSignInsAreLimitedPerAccountAndPerAddress) {
    ServiceFixture f;
    f.CreateUser("anna", {"crisis_worker"});
    f.CreateUser("bram", {"crisis_worker"});
    for (int i = 0; i < 10; ++i) ASSERT_EQ(f.Post(kLogin, LoginJson("anna", test::kTestPassword)).status, 200) << i;
    auto eleventh = f.Post(kLogin, LoginJson("anna", test::kTestPassword));
    EXPECT_EQ(ErrorCodeOf(eleventh), "resource_exhausted");
    EXPECT_NE(ErrorMessageOf(eleventh).find("too many sign-ins"), std::string::npos) << eleventh.body;
    EXPECT_GT(eleventh.delay, std::chrono::milliseconds(0));
    EXPECT_EQ(f.Post(kLogin, LoginJson("bram", test::kTestPassword)).status, 200) << "another account";
    f.clock.Advance(std::chrono::seconds(61));
    EXPECT_EQ(f.Post(kLogin, LoginJson("anna", test::kTestPassword)).status, 200) << "one more a minute";
}

// --- audit of refusals without a session ---------------------------------------------------------

std::int64_t AuditRows(ServiceFixture& f) {
    return f.store
        ->Read([](db::Tx& tx) -> Result<std::int64_t> {
            auto last = tx.audit().Last();
            return last ? last->seq : 0;
        })
        .value();
}

TEST(RefusalTally, NoiseWithoutASessionBecomesOneLinePerAddressAndKind) {
    LogIds logs;
    ServiceFixture f;
    daemon::service::RefusalTally tally;
    f.router->SetRefusalTally(&tally);
    f.CreateUser("anna", {"crisis_worker"});
    std::string token = f.Login("anna");
    const std::int64_t before = AuditRows(f);

    f.remote_address = "203.0.113.5";
    for (int i = 0; i < 300; ++i) f.Post(v1::rpc::CaseService::ListCases, "{}", "bad-token-" + std::to_string(i));
    for (int i = 0; i < 7; ++i) f.Post(kLogin, LoginJson("name" + std::to_string(i), "wrong password"));
    f.remote_address = "203.0.113.6";
    for (int i = 0; i < 3; ++i) f.Post(v1::rpc::CaseService::ListCases, "{}", "bad");
    f.remote_address = "192.0.2.10";
    // A signed-in caller's refusal still gets its own line at once.
    f.Post(v1::rpc::AdminService::ListUsers, "{}", token);
    EXPECT_EQ(AuditRows(f), before + 1) << "nothing of the noise written yet";
    EXPECT_EQ(tally.pending(), 310);
    EXPECT_EQ(logs.Count("audit.refusal_burst"), 1) << "one address sent a burst";

    auto written = tally.Flush(*f.store, f.clock.Now());
    ASSERT_TRUE(written.ok()) << written.error().message;
    // 203.0.113.5: the bad tokens, four names kept apart, the other three together; .6: one.
    EXPECT_EQ(*written, 1u + 4u + 1u + 1u);
    EXPECT_EQ(AuditRows(f), before + 1 + 7);
    EXPECT_EQ(tally.pending(), 0);
    bool flood_line = false;
    for (const auto& r : f.Audit(8)) {
        if (r.client_address == "203.0.113.5" && r.method == "ListCases") {
            flood_line = true;
            EXPECT_EQ(r.result, "unauthenticated");
            EXPECT_EQ(r.reason.rfind("300 refusals without a session (", 0), 0u) << r.reason;
        }
        if (r.client_address == "203.0.113.5" && r.method == "Login" && r.username.empty()) {
            EXPECT_EQ(r.reason.rfind("3 refusals", 0), 0u) << r.reason;
        }
    }
    EXPECT_TRUE(flood_line);
    // The flood goes on into the next interval: the same burst, no new log line.
    f.remote_address = "203.0.113.5";
    for (int i = 0; i < 25; ++i) f.Post(v1::rpc::CaseService::ListCases, "{}", "bad");
    EXPECT_EQ(logs.Count("audit.refusal_burst"), 1);
    EXPECT_EQ(tally.Flush(*f.store, f.clock.Now()).value(), 1u) << "what was written is not written twice";
    EXPECT_EQ(tally.Flush(*f.store, f.clock.Now()).value(), 0u);
}

TEST(RefusalTally, WhenStorageIsFullTheCountsWaitAndTheReserveIsLeftAlone) {
    ServiceFixture f;
    daemon::service::RefusalTally tally;
    f.router->SetRefusalTally(&tally);
    if (f.sqlite() == nullptr) GTEST_SKIP() << "SQLite's page limit and storage reserve";
    f.CreateUser("anna", {"crisis_worker"});
    // Fifty addresses: fifty lines, more than the last scraps of a full database hold.
    for (int i = 0; i < 50; ++i) {
        f.remote_address = "203.0.113." + std::to_string(i + 1);
        f.Post(v1::rpc::CaseService::ListCases, "{}", "bad");
    }
    test::FillStorage(*f.sqlite(), f.dir.file("spoed.db"), f.clock.Now());
    auto refused = tally.Flush(*f.store, f.clock.Now());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().reason, "storage_full");
    EXPECT_EQ(tally.pending(), 50) << "kept for the next flush";
    // The team still signs in and reads, from the reserve.
    f.remote_address = "192.0.2.10";
    std::string token = f.Login("anna");
    EXPECT_EQ(f.Post(v1::rpc::CaseService::ListCases, "{}", token).status, 200);
    f.sqlite()->SetMaxPages(0);
    EXPECT_EQ(tally.Flush(*f.store, f.clock.Now()).value(), 50u);
    EXPECT_EQ(tally.pending(), 0);
}

TEST(WorkerPool, ABoundedQueueRefusesAtOnceAndUrgentJobsGoFirst) {
    WorkerPool pool(1, WorkerPool::Options{.max_queued = 1, .urgent_reserve = 1});
    std::promise<void> started, release;
    auto released = release.get_future().share();
    ASSERT_TRUE(pool.Post([&] {
        started.set_value();
        released.wait();
    }));
    started.get_future().wait();  // the one thread is busy; the queue is empty
    std::vector<int> order;
    std::mutex m;
    auto note = [&](int i) {
        return [&, i] {
            std::lock_guard lock(m);
            order.push_back(i);
        };
    };
    EXPECT_TRUE(pool.Post(note(1)));
    EXPECT_FALSE(pool.Post(note(2))) << "the queue is full";
    EXPECT_TRUE(pool.Post(note(3), /*urgent=*/true)) << "urgent work has room of its own";
    EXPECT_FALSE(pool.Post(note(4), /*urgent=*/true));
    release.set_value();
    pool.Stop();
    EXPECT_EQ(order, (std::vector<int>{3, 1}));
}

}  // namespace
}  // namespace spoed
