#include "daemon/api/access.hpp"

namespace spoed::daemon::api {
namespace {

constexpr auto kWorker = v1::ROLE_CRISIS_WORKER;
constexpr auto kPsychiatrist = v1::ROLE_PSYCHIATRIST;
constexpr auto kCoordinator = v1::ROLE_COORDINATOR;
constexpr auto kAdmin = v1::ROLE_ADMIN;

constexpr std::string_view kAuth = "spoed.v1.AuthService";
constexpr std::string_view kAdminSvc = "spoed.v1.AdminService";

// Keep in step with the table in docs/api.md (tests/unit/api_access_test.cpp compares them).
const RpcRule kRules[] = {
    {kAuth, "Login", "login", Access::kPublic, {}, true},
    {kAuth, "Logout", "logout", Access::kAnyUser, {}, true},
    {kAuth, "WhoAmI", "read", Access::kAnyUser, {}, true},
    {kAuth, "ListMySessions", "read", Access::kAnyUser, {}, false},
    {kAuth, "EndSession", "update", Access::kAnyUser, {}, true},
    {kAuth, "ChangePassword", "update", Access::kAnyUser, {}, true},

    {kAdminSvc, "CreateUser", "create", Access::kRoles, {kAdmin}},
    {kAdminSvc, "ListUsers", "read", Access::kRoles, {kAdmin}},
    {kAdminSvc, "SetRoles", "update", Access::kRoles, {kAdmin}},
    {kAdminSvc, "DisableUser", "update", Access::kRoles, {kAdmin}},
    {kAdminSvc, "ResetPassword", "update", Access::kRoles, {kAdmin}},
    {kAdminSvc, "ListAuditEvents", "read", Access::kRoles, {kAdmin}},
};

// Named so later services can use them in their rows without repeating the role lists.
[[maybe_unused]] constexpr RoleSet kCareRoles{kWorker, kPsychiatrist, kCoordinator};

}  // namespace

std::span<const RpcRule> RpcRules() { return kRules; }

const RpcRule* FindRule(std::string_view service, std::string_view method) {
    for (const auto& r : kRules) {
        if (r.service == service && r.method == method) return &r;
    }
    return nullptr;
}

bool Allows(const RpcRule& rule, RoleSet roles) {
    switch (rule.access) {
        case Access::kPublic:
        case Access::kAnyUser: return true;
        case Access::kRoles: return rule.roles.Intersects(roles);
    }
    return false;
}

}  // namespace spoed::daemon::api
