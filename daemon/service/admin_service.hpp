#pragma once

#include <string_view>

#include "daemon/service/call.hpp"
#include "daemon/service/secrets.hpp"
#include "spoed/v1/admin.pb.h"

namespace spoed::daemon::service {

/// Users, roles and the audit log (spoed.v1.AdminService).
class AdminService {
  public:
    explicit AdminService(PasswordHasher& hasher) : hasher_(hasher) {}

    Result<v1::CreateUserResponse> CreateUser(Call& call, const v1::CreateUserRequest& req);
    Result<v1::ListUsersResponse> ListUsers(Call& call, const v1::ListUsersRequest& req);
    Result<v1::SetRolesResponse> SetRoles(Call& call, const v1::SetRolesRequest& req);
    Result<v1::DisableUserResponse> DisableUser(Call& call, const v1::DisableUserRequest& req);
    Result<v1::ResetPasswordResponse> ResetPassword(Call& call, const v1::ResetPasswordRequest& req);
    Result<v1::ListAuditEventsResponse> ListAuditEvents(Call& call, const v1::ListAuditEventsRequest& req);

    /// Creates the first admin of an empty database (spoedd init, offline). Refused with
    /// `failed_precondition` when any user exists. The password must be changed at first login.
    Result<std::int64_t> CreateFirstAdmin(Call& call, std::string_view username, std::string_view password);

  private:
    PasswordHasher& hasher_;
};

/// 3–64 characters of a–z, 0–9, '.', '_', '-', starting with a letter or digit.
Status ValidateUsername(std::string_view username);

/// An access-log line as the API shows it.
void ToProto(const db::AuditRecord& r, v1::AuditEvent* out);

}  // namespace spoed::daemon::service
