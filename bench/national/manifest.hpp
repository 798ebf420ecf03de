#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"

namespace spoed::bench {

/// What spoed-bench-data writes next to the database (`DB_PATH.json`) and the load generator
/// and spoed-bench-raw read: the targets that hit (docs: bench/national/README.md).
struct Manifest {
    std::int64_t youths = 0;
    std::uint64_t seed = 0;
    std::string now;  // YYYY-MM-DD
    struct User {
        std::string username, password;
        std::vector<std::string> roles;
    };
    std::vector<User> users;
    std::vector<std::int64_t> plan_youth_ids;
    std::vector<std::int64_t> open_case_ids;
    std::vector<std::int64_t> case_ids;
    std::vector<std::string> search_queries;
    std::vector<std::string> lookup_phones;
    int figures_year = 0;

    /// The first user holding `role`; nullptr when none does.
    const User* UserWithRole(std::string_view role) const;
};

/// The manifest as one JSON object (extra members in `extra_json`, written verbatim after them:
/// "" or `"key": value, ...`).
std::string ManifestJson(const Manifest& m, const std::string& extra_json);

/// Parses the manifest's JSON text; invalid_argument naming the field that is missing or wrong.
Result<Manifest> ParseManifest(std::string_view json);

/// Reads a manifest; throws std::runtime_error naming the file and what is wrong.
Manifest ReadManifest(const std::string& path);

/// JSON string literal of `s` (quotes included).
std::string JsonString(std::string_view s);

}  // namespace spoed::bench
