#include "db/migrations.hpp"

#include <charconv>
#include <stdexcept>

#include "base/log.hpp"
#include "db/migrations_sql.hpp"

namespace spoed::db {
namespace {

int NumberOf(std::string_view file_name) {
    int n = 0;
    auto [ptr, ec] = std::from_chars(file_name.data(), file_name.data() + file_name.size(), n);
    if (ec != std::errc() || ptr == file_name.data()) throw std::logic_error("migration without number");
    return n;
}

}  // namespace

int LatestMigration() { return NumberOf(migrations::kFiles.back().name); }

int SchemaVersionOf(Connection& c) { return static_cast<int>(c.QueryInt("PRAGMA user_version")); }

void RunMigrations(Connection& c, const std::string& path) {
    int current = SchemaVersionOf(c);
    int latest = LatestMigration();
    if (current > latest) {
        throw std::runtime_error("database " + path + " has schema version " + std::to_string(current) +
                                 ", newer than this spoedd knows (" + std::to_string(latest) +
                                 "); it was written by a newer release: upgrade spoedd or restore a backup");
    }
    int expected = 1;
    for (const auto& file : migrations::kFiles) {
        int n = NumberOf(file.name);
        if (n != expected) throw std::logic_error("migrations must be numbered 1, 2, 3 … without gaps");
        ++expected;
        if (n <= current) continue;
        c.Exec("BEGIN IMMEDIATE");
        try {
            c.Exec(file.content);
            c.Exec("PRAGMA user_version = " + std::to_string(n));
            c.Exec("COMMIT");
        } catch (...) {
            c.Exec("ROLLBACK");
            throw;
        }
        log::Info("db.migrated", "applied migration", {{"version", n}, {"name", std::string(file.name)}});
    }
}

}  // namespace spoed::db
