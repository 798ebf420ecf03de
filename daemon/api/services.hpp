#pragma once

#include "daemon/api/router.hpp"
#include "daemon/service/admin_service.hpp"
#include "daemon/service/auth_service.hpp"

namespace spoed::daemon::api {

/// The services behind the API; each later capability adds its own here.
struct Services {
    service::AuthService& auth;
    service::AdminService& admin;
};

/// Registers every RPC of every service with the router, then checks the role × RPC table is
/// covered. Throws std::logic_error on a mismatch (a start-up bug).
void RegisterServices(Router& router, const Services& services);

}  // namespace spoed::daemon::api
