#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "daemon/service/call.hpp"
#include "daemon/service/login_throttle.hpp"
#include "daemon/service/secrets.hpp"
#include "daemon/service/totp.hpp"
#include "spoed/v1/admin.pb.h"
#include "spoed/v1/auth.pb.h"

namespace spoed::daemon::service {

struct SessionPolicy {
    std::chrono::minutes idle_timeout{30};
    std::chrono::minutes lifetime{12 * 60};
};

/// The TOTP second factor: the key that encrypts its secrets at rest, and the issuer name
/// authenticator apps show.
struct SecondFactorPolicy {
    std::string key;  // 32 bytes (AES-256-GCM)
    std::string issuer = "Spoed";
};

/// Roles that must sign in with a second factor (DESIGN.md §4): psychiatrist and admin.
bool RolesNeedSecondFactor(RoleSet roles);

/// Login, sessions, passwords and the TOTP second factor (spoed.v1.AuthService), plus the
/// admin side of both: login locks and second-factor resets (spoed.v1.AdminService).
class AuthService {
  public:
    AuthService(PasswordHasher& hasher, SessionPolicy policy, SecondFactorPolicy second_factor,
                ThrottlePolicy throttle = {});

    /// Resolves a bearer token to its user; `unauthenticated` (saying why) when the token is
    /// unknown, ended, expired, idle too long, or its user disabled.
    Result<Actor> Authenticate(db::Store& store, std::string_view token, TimePoint now) const;

    Result<v1::LoginResponse> Login(Call& call, const v1::LoginRequest& req);
    Result<v1::LogoutResponse> Logout(Call& call, const v1::LogoutRequest& req);
    Result<v1::WhoAmIResponse> WhoAmI(Call& call, const v1::WhoAmIRequest& req);
    Result<v1::ListMySessionsResponse> ListMySessions(Call& call, const v1::ListMySessionsRequest& req);
    Result<v1::EndSessionResponse> EndSession(Call& call, const v1::EndSessionRequest& req);
    Result<v1::ChangePasswordResponse> ChangePassword(Call& call, const v1::ChangePasswordRequest& req);
    Result<v1::BeginTotpEnrollmentResponse> BeginTotpEnrollment(Call& call, const v1::BeginTotpEnrollmentRequest& req);
    Result<v1::ConfirmTotpEnrollmentResponse> ConfirmTotpEnrollment(Call& call,
                                                                    const v1::ConfirmTotpEnrollmentRequest& req);

    // AdminService methods that belong with login.
    Result<v1::ListLoginLocksResponse> ListLoginLocks(Call& call, const v1::ListLoginLocksRequest& req);
    Result<v1::LiftLoginLockResponse> LiftLoginLock(Call& call, const v1::LiftLoginLockRequest& req);
    Result<v1::ResetTotpResponse> ResetTotp(Call& call, const v1::ResetTotpRequest& req);

    /// Re-authentication of the signed-in caller before a sensitive act (break-the-glass):
    /// checks the password, and the TOTP code when the caller has a second factor. Failures
    /// count as failed logins (and are throttled like them). Call before `call.Write`; the
    /// returned step (when a code was used) must be spent with `SpendCode` in that write.
    Result<std::optional<std::int64_t>> Reauthenticate(Call& call, std::string_view password, std::string_view code);
    /// Inside the write transaction: marks the code's step used; refuses a step already used.
    Status SpendCode(db::Tx& tx, std::int64_t user_id, std::optional<std::int64_t> step) const;

    const SessionPolicy& policy() const { return policy_; }
    LoginThrottle& throttle() { return throttle_; }

  private:
    TimePoint SessionExpiry(const db::SessionRecord& s) const;
    /// The confirmed or pending secret of a TOTP record, decrypted.
    Result<std::string> OpenSecret(const db::TotpRecord& r) const;
    /// The step of `code` for a user's confirmed second factor, counting a failure when wrong.
    /// Whose failures a password attempt counts against.
    struct Attempt {
        std::string account;
        std::string address;
        std::optional<std::string> device;  // set: a device that signed in before, judged alone
    };
    static Attempt AttemptOf(const Call& call, std::string_view account);
    /// How long a refused log-in waits before its answer goes out.
    std::chrono::milliseconds RefusalCost() const;
    Result<std::int64_t> CheckCode(Call& call, const db::TotpRecord& r, std::string_view code, const Attempt& attempt);
    Status Throttled(Call& call, const Attempt& attempt);
    void CountFailure(Call& call, const Attempt& attempt);

    /// A device token names the user and the device; only this server (its key) can make one.
    struct DeviceClaim {
        std::int64_t user_id = 0;
        std::string device;  // 16 random bytes, the same for every token of that device
    };
    /// A new token for the user on this device (or a new device when `device` is not set).
    std::string IssueDeviceToken(std::int64_t user_id, const std::optional<std::string>& device, TimePoint now) const;
    /// The claim of a token this server made and that has not expired; nullopt otherwise.
    std::optional<DeviceClaim> ReadDeviceToken(std::string_view token, TimePoint now) const;

    PasswordHasher& hasher_;
    SessionPolicy policy_;
    SecondFactorPolicy second_factor_policy_;
    SecretBox box_;
    std::string device_key_;  // HMAC key of device tokens, derived from the second-factor key
    LoginThrottle throttle_;
};

}  // namespace spoed::daemon::service
