// The TOTP second factor against its RFCs, the AES-256-GCM box for secrets at rest, and the
// login throttle's arithmetic.
#include "daemon/service/totp.hpp"

#include <gtest/gtest.h>

#include <set>

#include "daemon/service/login_throttle.hpp"

namespace spoed {
namespace {

using daemon::service::Base32Decode;
using daemon::service::Base32Encode;
using daemon::service::Hotp;
using daemon::service::LoginThrottle;
using daemon::service::MatchTotp;
using daemon::service::SecretBox;
using daemon::service::ThrottlePolicy;
using daemon::service::TotpCode;
using daemon::service::TotpHash;
using daemon::service::TotpStep;
using daemon::service::TotpUri;

TimePoint At(std::int64_t unix_seconds) { return TimePoint(std::chrono::seconds(unix_seconds)); }

TEST(Totp, MatchesTheRfc4226HotpVectors) {
    const std::string key = "12345678901234567890";
    const char* expected[] = {"755224", "287082", "359152", "969429", "338314",
                              "254676", "287922", "162583", "399871", "520489"};
    for (std::uint64_t i = 0; i < 10; ++i) EXPECT_EQ(Hotp(key, i), expected[i]) << "counter " << i;
}

TEST(Totp, MatchesTheRfc6238Vectors) {
    // RFC 6238 appendix B: 8 digits, the seeds for SHA-1, SHA-256 and SHA-512.
    const std::string sha1 = "12345678901234567890";
    const std::string sha256 = "12345678901234567890123456789012";
    const std::string sha512 = "1234567890123456789012345678901234567890123456789012345678901234";
    struct Vector {
        std::int64_t time;
        const char* sha1;
        const char* sha256;
        const char* sha512;
    };
    const Vector vectors[] = {
        {59, "94287082", "46119246", "90693936"},         {1111111109, "07081804", "68084774", "25091201"},
        {1111111111, "14050471", "67062674", "99943326"}, {1234567890, "89005924", "91819424", "93441116"},
        {2000000000, "69279037", "90698825", "38618901"}, {20000000000, "65353130", "77737706", "47863826"},
    };
    for (const auto& v : vectors) {
        auto step = static_cast<std::uint64_t>(TotpStep(At(v.time)));
        EXPECT_EQ(Hotp(sha1, step, 8, TotpHash::kSha1), v.sha1) << v.time;
        EXPECT_EQ(Hotp(sha256, step, 8, TotpHash::kSha256), v.sha256) << v.time;
        EXPECT_EQ(Hotp(sha512, step, 8, TotpHash::kSha512), v.sha512) << v.time;
    }
}

TEST(Totp, AcceptsOneStepOfDriftEitherWayAndEachCodeOnce) {
    const std::string key = "12345678901234567890";
    TimePoint now = At(1234567890);
    std::int64_t step = TotpStep(now);
    EXPECT_EQ(MatchTotp(key, TotpCode(key, step), now, 0), step);
    EXPECT_EQ(MatchTotp(key, TotpCode(key, step - 1), now, 0), step - 1);
    EXPECT_EQ(MatchTotp(key, TotpCode(key, step + 1), now, 0), step + 1);
    EXPECT_FALSE(MatchTotp(key, TotpCode(key, step - 2), now, 0));
    EXPECT_FALSE(MatchTotp(key, TotpCode(key, step + 2), now, 0));
    // Used already: a step at or below the last one accepted is refused.
    EXPECT_FALSE(MatchTotp(key, TotpCode(key, step), now, step));
    EXPECT_FALSE(MatchTotp(key, TotpCode(key, step - 1), now, step - 1));
    EXPECT_EQ(MatchTotp(key, TotpCode(key, step + 1), now, step), step + 1);
    EXPECT_FALSE(MatchTotp(key, "12345", now, 0));
    EXPECT_FALSE(MatchTotp(key, "abcdef", now, 0));
}

TEST(Totp, Base32FollowsRfc4648) {
    EXPECT_EQ(Base32Encode(""), "");
    EXPECT_EQ(Base32Encode("f"), "MY");
    EXPECT_EQ(Base32Encode("foobar"), "MZXW6YTBOI");
    EXPECT_EQ(Base32Encode("12345678901234567890"), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    EXPECT_EQ(Base32Decode("MZXW6YTBOI"), "foobar");
    EXPECT_EQ(Base32Decode("mzxw 6ytb oi======"), "foobar");
    EXPECT_FALSE(Base32Decode("MZXW1"));  // '1' is not base32
}

TEST(Totp, UriNamesIssuerAccountAndParameters) {
    EXPECT_EQ(TotpUri("Spoed", "demo.pieter", "12345678901234567890"),
              "otpauth://totp/Spoed:demo.pieter?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Spoed&algorithm=SHA1"
              "&digits=6&period=30");
    EXPECT_NE(TotpUri("Spoed Groningen", "a b", "x").find("Spoed%20Groningen:a%20b"), std::string::npos);
}

TEST(SecretBox, OpensOnlyWithTheSameKeyAndContext) {
    SecretBox box(std::string(32, 'k'));
    std::string sealed = box.Seal("the secret", "totp:user:1");
    EXPECT_EQ(sealed.find("the secret"), std::string::npos);
    EXPECT_NE(box.Seal("the secret", "totp:user:1"), sealed) << "a fresh nonce every time";
    EXPECT_EQ(box.Open(sealed, "totp:user:1"), "the secret");
    EXPECT_FALSE(box.Open(sealed, "totp:user:2")) << "copied to another user's row";
    EXPECT_FALSE(SecretBox(std::string(32, 'x')).Open(sealed, "totp:user:1")) << "another key";
    for (std::size_t i = 0; i < sealed.size(); ++i) {
        std::string bad = sealed;
        bad[i] = static_cast<char>(bad[i] ^ 0x01);
        EXPECT_FALSE(box.Open(bad, "totp:user:1")) << "flipped byte " << i;
    }
    EXPECT_FALSE(box.Open("", "totp:user:1"));
    EXPECT_THROW(SecretBox(std::string(16, 'k')), std::invalid_argument);
}

TEST(LoginThrottle, SlowsDownAnAccountAfterFiveFailuresAndDoublesTheWait) {
    LoginThrottle t;
    TimePoint now = At(1'800'000'000);
    for (int i = 0; i < 4; ++i) {
        EXPECT_FALSE(t.Wait("anna", "192.0.2.1", now));
        t.Failure("anna", "192.0.2.1", now);
    }
    EXPECT_FALSE(t.Wait("anna", "192.0.2.1", now));
    auto locked = t.Failure("anna", "192.0.2.1", now);
    ASSERT_EQ(locked.size(), 1u) << "the account, not yet the address";
    EXPECT_EQ(locked[0].kind, LoginThrottle::Kind::kAccount);
    EXPECT_EQ(t.Wait("anna", "192.0.2.1", now), std::chrono::seconds(1));
    EXPECT_EQ(t.Wait("anna", "198.51.100.7", now), std::chrono::seconds(1)) << "per account, from anywhere";
    EXPECT_FALSE(t.Wait("bram", "198.51.100.7", now));
    now += std::chrono::seconds(1);
    EXPECT_TRUE(t.Failure("anna", "192.0.2.1", now).empty()) << "reported once per burst";
    EXPECT_EQ(t.Wait("anna", "192.0.2.1", now), std::chrono::seconds(2));
    t.Success("anna");
    EXPECT_FALSE(t.Wait("anna", "192.0.2.1", now));
}

TEST(LoginThrottle, AnAttackerGetsFewerThanAHundredTriesAnHourAtOneAccount) {
    // ASVS 4.0 2.2.1. The attacker retries the moment a login is allowed, from new addresses.
    LoginThrottle t;
    TimePoint start = At(1'800'000'000), now = start;
    int tries = 0, address = 0;
    while (now < start + std::chrono::hours(1)) {
        std::string from = "203.0.113." + std::to_string(address++ % 250);
        if (auto wait = t.Wait("demo.pieter", from, now)) {
            now += *wait;
            continue;
        }
        ++tries;
        t.Failure("demo.pieter", from, now);
    }
    EXPECT_LE(tries, 100);
    EXPECT_GE(tries, 50) << "a user who mistyped is slowed down, not locked out";
}

TEST(LoginThrottle, AnAddressIsSlowedDownAcrossAccounts) {
    LoginThrottle t;
    TimePoint now = At(1'800'000'000);
    for (int i = 0; i < 20; ++i) t.Failure("user" + std::to_string(i), "192.0.2.66", now);
    EXPECT_TRUE(t.Wait("someone.else", "192.0.2.66", now));
    EXPECT_FALSE(t.Wait("someone.else", "192.0.2.67", now));
    EXPECT_TRUE(t.Lift(LoginThrottle::Kind::kAddress, "192.0.2.66"));
    EXPECT_FALSE(t.Wait("someone.else", "192.0.2.66", now));
    EXPECT_FALSE(t.Lift(LoginThrottle::Kind::kAddress, "192.0.2.66"));
}

TEST(LoginThrottle, ForgetsAfterAnHourWithoutFailuresAndStaysBounded) {
    ThrottlePolicy p;
    p.max_entries = 100;
    LoginThrottle t(p);
    TimePoint now = At(1'800'000'000);
    for (int i = 0; i < 10; ++i) t.Failure("anna", "192.0.2.1", now);
    EXPECT_TRUE(t.Wait("anna", "192.0.2.1", now));
    EXPECT_FALSE(t.Wait("anna", "192.0.2.1", now + std::chrono::minutes(61)));
    for (int i = 0; i < 500; ++i) t.Failure("n" + std::to_string(i), "a" + std::to_string(i), now);
    EXPECT_LE(t.List(now).size(), 101u);
}

TEST(LoginThrottle, ADeviceIsJudgedByItsOwnFailures) {
    LoginThrottle t;
    TimePoint now = At(1'800'000'000);
    for (int i = 0; i < 12; ++i) t.Failure("anna", "203.0.113." + std::to_string(i), now);
    EXPECT_TRUE(t.Wait("anna", "192.0.2.1", now));
    EXPECT_FALSE(t.Wait(LoginThrottle::Kind::kDevice, "d1", now)) << "other failures do not touch a device";
    for (int i = 0; i < 4; ++i) t.Failure({{LoginThrottle::Kind::kDevice, "d1"}}, now);
    EXPECT_FALSE(t.Wait(LoginThrottle::Kind::kDevice, "d1", now));
    auto locked = t.Failure({{LoginThrottle::Kind::kDevice, "d1"}}, now);
    ASSERT_EQ(locked.size(), 1u);
    EXPECT_EQ(LoginThrottle::KindName(locked[0].kind), "device");
    EXPECT_TRUE(t.Wait(LoginThrottle::Kind::kDevice, "d1", now));
    EXPECT_FALSE(t.Wait(LoginThrottle::Kind::kDevice, "d2", now));
}

TEST(LoginThrottle, SuccessfulSignInsHaveABurstAndARate) {
    LoginThrottle t;
    TimePoint now = At(1'800'000'000);
    // One account: ten at once, then one a minute.
    for (int i = 0; i < 10; ++i) {
        ASSERT_FALSE(t.SignInWait("anna", "192.0.2.1", now)) << i;
        t.SignedIn("anna", "192.0.2.1", now);
    }
    EXPECT_EQ(t.SignInWait("anna", "192.0.2.1", now), std::chrono::seconds(60));
    EXPECT_FALSE(t.SignInWait("bram", "192.0.2.1", now)) << "another account from the same address";
    EXPECT_FALSE(t.SignInWait("anna", "192.0.2.1", now + std::chrono::seconds(60)));
    // One address: a hundred at once (a shift change behind one office address), then one a second.
    for (int i = 0; i < 100; ++i) {
        std::string name = "w" + std::to_string(i);
        ASSERT_FALSE(t.SignInWait(name, "192.0.2.9", now)) << i;
        t.SignedIn(name, "192.0.2.9", now);
    }
    EXPECT_EQ(t.SignInWait("bram", "192.0.2.9", now), std::chrono::seconds(1));
    EXPECT_FALSE(t.SignInWait("bram", "192.0.2.10", now));
    EXPECT_FALSE(t.SignInWait("bram", "192.0.2.9", now + std::chrono::seconds(1)));
}

}  // namespace
}  // namespace spoed
