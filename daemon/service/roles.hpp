#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "spoed/v1/common.pb.h"

namespace spoed::daemon::service {

using Role = spoed::v1::Role;

/// Lower-case role name as stored and logged ("crisis_worker"); "" for ROLE_UNSPECIFIED.
std::string_view RoleName(Role role);
std::optional<Role> ParseRoleName(std::string_view name);

/// A small set of roles; a user may hold several.
class RoleSet {
  public:
    constexpr RoleSet() = default;
    constexpr RoleSet(std::initializer_list<Role> roles) {
        for (Role r : roles) bits_ |= Bit(r);
    }
    static RoleSet FromNames(const std::vector<std::string>& names);

    constexpr bool Has(Role r) const { return (bits_ & Bit(r)) != 0; }
    constexpr bool Intersects(RoleSet other) const { return (bits_ & other.bits_) != 0; }
    constexpr bool empty() const { return bits_ == 0; }
    void Add(Role r) { bits_ |= Bit(r); }
    std::vector<Role> ToVector() const;
    std::vector<std::string> ToNames() const;
    /// "coordinator,crisis_worker": for the audit log.
    std::string Joined() const;
    constexpr bool operator==(const RoleSet&) const = default;

    static constexpr RoleSet All() {
        return {v1::ROLE_CRISIS_WORKER, v1::ROLE_PSYCHIATRIST, v1::ROLE_COORDINATOR, v1::ROLE_ADMIN,
                v1::ROLE_MELDCODE_OFFICER};
    }

  private:
    static constexpr std::uint8_t Bit(Role r) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(r)); }
    std::uint8_t bits_ = 0;
};

inline constexpr Role kAllRoles[] = {v1::ROLE_CRISIS_WORKER, v1::ROLE_PSYCHIATRIST, v1::ROLE_COORDINATOR,
                                     v1::ROLE_ADMIN, v1::ROLE_MELDCODE_OFFICER};

}  // namespace spoed::daemon::service
