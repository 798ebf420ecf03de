// spoedctl init: creates the database and the first admin offline, before spoedd first runs.
#include <cstdio>
#include <filesystem>

#include "client/cli/cli.hpp"
#include "daemon/service/admin_service.hpp"
#include "daemon/service/call.hpp"
#include "daemon/service/secrets.hpp"
#include "db/sqlite_store.hpp"

namespace spoed::cli {
namespace {

int Init(Context& ctx) {
    auto dir = ctx.args().Get("data-dir");
    auto admin = ctx.args().Get("admin");
    if (!dir || !admin) {
        std::fputs("spoedctl: usage: spoedctl init --data-dir DIR --admin NAME  (password on stdin)\n", stderr);
        return 2;
    }
    std::string password = ctx.ReadSecret("Password for " + *admin + " (12 characters or more): ");
    try {
        std::filesystem::create_directories(*dir);
        std::filesystem::permissions(*dir, std::filesystem::perms::owner_all, std::filesystem::perm_options::replace);
        auto store = db::SqliteStore::Open({.path = *dir + "/spoed.db"});
        daemon::service::PasswordHasher hasher;
        daemon::service::AdminService admins(hasher);
        SystemClock clock;
        daemon::service::Call call(*store, clock.Now(), "spoedctl", "init", "create", "local");
        auto id = admins.CreateFirstAdmin(call, *admin, password);
        if (!id.ok()) {
            (void)call.Finish(&id.error());
            return PrintError(id.error());
        }
        std::printf("created %s/spoed.db with admin '%s' (user %lld); the password must be changed at first login\n",
                    dir->c_str(), admin->c_str(), static_cast<long long>(*id));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "spoedctl: %s\n", e.what());
        return 1;
    }
    return 0;
}

}  // namespace

std::vector<Command> InitCommands() {
    return {{"init", "init --data-dir DIR --admin NAME", "create the database and first admin (offline)", Init}};
}

}  // namespace spoed::cli
