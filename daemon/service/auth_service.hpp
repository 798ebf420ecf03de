#pragma once

#include <chrono>
#include <string_view>

#include "daemon/service/call.hpp"
#include "daemon/service/secrets.hpp"
#include "spoed/v1/auth.pb.h"

namespace spoed::daemon::service {

struct SessionPolicy {
    std::chrono::minutes idle_timeout{30};
    std::chrono::minutes lifetime{12 * 60};
};

/// Login, sessions and passwords (spoed.v1.AuthService).
class AuthService {
public:
    AuthService(PasswordHasher& hasher, SessionPolicy policy) : hasher_(hasher), policy_(policy) {}

    /// Resolves a bearer token to its user; `unauthenticated` (saying why) when the token is
    /// unknown, ended, expired, idle too long, or its user disabled.
    Result<Actor> Authenticate(db::Store& store, std::string_view token, TimePoint now) const;

    Result<v1::LoginResponse> Login(Call& call, const v1::LoginRequest& req);
    Result<v1::LogoutResponse> Logout(Call& call, const v1::LogoutRequest& req);
    Result<v1::WhoAmIResponse> WhoAmI(Call& call, const v1::WhoAmIRequest& req);
    Result<v1::ListMySessionsResponse> ListMySessions(Call& call, const v1::ListMySessionsRequest& req);
    Result<v1::EndSessionResponse> EndSession(Call& call, const v1::EndSessionRequest& req);
    Result<v1::ChangePasswordResponse> ChangePassword(Call& call, const v1::ChangePasswordRequest& req);

    const SessionPolicy& policy() const { return policy_; }

private:
    TimePoint SessionExpiry(const db::SessionRecord& s) const;

    PasswordHasher& hasher_;
    SessionPolicy policy_;
};

}  // namespace spoed::daemon::service
