#include "daemon/service/roles.hpp"

namespace spoed::daemon::service {

std::string_view RoleName(Role role) {
    switch (role) {
        case v1::ROLE_CRISIS_WORKER:
            return "crisis_worker";
        case v1::ROLE_PSYCHIATRIST:
            return "psychiatrist";
        case v1::ROLE_COORDINATOR:
            return "coordinator";
        case v1::ROLE_ADMIN:
            return "admin";
        case v1::ROLE_MELDCODE_OFFICER:
            return "meldcode_officer";
        default:
            return "";
    }
}

std::optional<Role> ParseRoleName(std::string_view name) {
    for (Role r : kAllRoles) {
        if (RoleName(r) == name) return r;
    }
    return std::nullopt;
}

RoleSet RoleSet::FromNames(const std::vector<std::string>& names) {
    RoleSet s;
    for (const auto& n : names) {
        if (auto r = ParseRoleName(n)) s.Add(*r);
    }
    return s;
}

std::vector<Role> RoleSet::ToVector() const {
    std::vector<Role> out;
    for (Role r : kAllRoles) {
        if (Has(r)) out.push_back(r);
    }
    return out;
}

std::vector<std::string> RoleSet::ToNames() const {
    std::vector<std::string> out;
    for (Role r : kAllRoles) {
        if (Has(r)) out.emplace_back(RoleName(r));
    }
    return out;
}

std::string RoleSet::Joined() const {
    std::string out;
    for (const auto& n : ToNames()) {
        if (!out.empty()) out += ',';
        out += n;
    }
    return out;
}

}  // namespace spoed::daemon::service
