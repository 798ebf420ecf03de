#include "daemon/api/services.hpp"

namespace spoed::daemon::api {

void RegisterServices(Router& router, const Services& s) {
    using service::AdminService;
    using service::AuthService;
    constexpr std::string_view kAuth = "spoed.v1.AuthService";
    router.Bind(kAuth, "Login", s.auth, &AuthService::Login);
    router.Bind(kAuth, "Logout", s.auth, &AuthService::Logout);
    router.Bind(kAuth, "WhoAmI", s.auth, &AuthService::WhoAmI);
    router.Bind(kAuth, "ListMySessions", s.auth, &AuthService::ListMySessions);
    router.Bind(kAuth, "EndSession", s.auth, &AuthService::EndSession);
    router.Bind(kAuth, "ChangePassword", s.auth, &AuthService::ChangePassword);

    constexpr std::string_view kAdmin = "spoed.v1.AdminService";
    router.Bind(kAdmin, "CreateUser", s.admin, &AdminService::CreateUser);
    router.Bind(kAdmin, "ListUsers", s.admin, &AdminService::ListUsers);
    router.Bind(kAdmin, "SetRoles", s.admin, &AdminService::SetRoles);
    router.Bind(kAdmin, "DisableUser", s.admin, &AdminService::DisableUser);
    router.Bind(kAdmin, "ResetPassword", s.admin, &AdminService::ResetPassword);
    router.Bind(kAdmin, "ListAuditEvents", s.admin, &AdminService::ListAuditEvents);

    router.CheckComplete();
}

}  // namespace spoed::daemon::api
