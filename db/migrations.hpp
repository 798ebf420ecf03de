#pragma once

#include <string>

#include "db/sqlite.hpp"

namespace spoed::db {

/// The highest migration number this build knows.
int LatestMigration();
int SchemaVersionOf(Connection& c);
/// Brings the schema up to LatestMigration(), each migration in its own transaction together
/// with its PRAGMA user_version. Throws std::runtime_error for a database of a newer version.
void RunMigrations(Connection& c, const std::string& path_for_messages);

}  // namespace spoed::db
