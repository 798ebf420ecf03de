#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/service/roles.hpp"
#include "spoed/v1/rpc.hpp"

namespace spoed::daemon::api {

using service::RoleSet;

enum class Access {
    kPublic,   // no token (Login only)
    kAnyUser,  // any signed-in user, for their own things
    kRoles,    // users holding one of `roles`
};

/// One row of the role × RPC table: who may call a method and how its audit line is labelled.
struct RpcRule {
    constexpr RpcRule(const v1::rpc::MethodName& rpc, std::string_view nen_action, Access who, RoleSet allowed,
                      bool while_password_must_change = false)
        : service(rpc.service),
          method(rpc.method),
          action(nen_action),
          access(who),
          roles(allowed),
          before_password_change(while_password_must_change) {}

    std::string_view service;  // "spoed.v1.AuthService"
    std::string_view method;   // "Login"
    std::string_view action;   // NEN 7513 action: create, read, search, update, login, ...
    Access access;
    RoleSet roles;
    /// Allowed while the user still has to replace a one-time password.
    bool before_password_change = false;
};

/// The role × RPC table. It decides every call; docs/api.md shows the same table and a test
/// holds the two together.
std::span<const RpcRule> RpcRules();
/// The rule of a method, or nullptr when the method does not exist.
const RpcRule* FindRule(std::string_view service, std::string_view method);
/// Whether `roles` may call the method (kPublic and kAnyUser: any user).
bool Allows(const RpcRule& rule, RoleSet roles);
/// "spoed.v1.<Service>/<Method>" for every method `roles` may call, in the table's order: what a
/// client may offer its user (LoginResponse and WhoAmIResponse carry it).
std::vector<std::string> AllowedMethods(RoleSet roles);
/// Methods open to a session that still has to enrol a second factor (its roles need one):
/// enrolling, changing the password, looking at itself and leaving.
bool AllowedWhileEnrolling(const RpcRule& rule);
/// Methods that need a session opened with a second factor whatever the caller's roles
/// (reading the audit log, DESIGN.md §4).
bool NeedsSecondFactor(const RpcRule& rule);

}  // namespace spoed::daemon::api
