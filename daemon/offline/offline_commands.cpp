// spoedd's offline commands: they work on the data directory and its database file with no
// server call and no login, so that an operator can set up, back up, restore and check a
// store while the daemon is down (or, for backup and audit verify, while it runs).
#include <cstdio>
#include <filesystem>

#include "base/bits.hpp"
#include "daemon/offline/offline.hpp"
#include "daemon/service/admin_service.hpp"
#include "daemon/service/call.hpp"
#include "daemon/service/secrets.hpp"
#include "db/audit_chain.hpp"
#include "db/migrations.hpp"
#include "db/sqlite.hpp"
#include "db/sqlite_repos.hpp"
#include "db/sqlite_store.hpp"

namespace spoed::daemon::offline {
namespace {

int Usage(const char* text) {
    std::fprintf(stderr, "spoedd: usage: spoedd %s\n", text);
    return 2;
}

int PrintError(const Error& e) {
    std::fprintf(stderr, "spoedd: %s: %s\n", std::string(ErrorCodeName(e.code)).c_str(), e.message.c_str());
    return 1;
}

int Init(const Args& args) {
    auto dir = args.Get("data-dir");
    auto admin = args.Get("admin");
    if (!dir || !admin) {
        std::fputs("spoedd: usage: spoedd init --data-dir DIR --admin NAME  (password on stdin)\n", stderr);
        return 2;
    }
    std::string password = ReadSecret("Password for " + *admin + " (12 characters or more): ");
    try {
        std::filesystem::create_directories(*dir);
        std::filesystem::permissions(*dir, std::filesystem::perms::owner_all, std::filesystem::perm_options::replace);
        auto store = db::SqliteStore::Open({.path = *dir + "/spoed.db"});
        daemon::service::PasswordHasher hasher;
        daemon::service::AdminService admins(hasher);
        SystemClock clock;
        daemon::service::Call call(*store, clock.Now(), "spoedd", "init", "create", "local");
        auto id = admins.CreateFirstAdmin(call, *admin, password);
        if (!id.ok()) {
            (void)call.Finish(&id.error());
            return PrintError(id.error());
        }
        std::printf("created %s/spoed.db with admin '%s' (user %lld); the password must be changed at first login\n",
                    dir->c_str(), admin->c_str(), static_cast<long long>(*id));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "spoedd: %s\n", e.what());
        return 1;
    }
    return 0;
}

/// Offline: opens the database file read-only and walks the whole hash chain. Needs no
/// server and no login, only read access to the file — so it can check a copy, and does not
/// rely on the daemon it checks.
int AuditVerify(const Args& args) {
    auto path = args.Get("db");
    if (!path) return Usage("audit verify --db PATH [--checkpoint SEQ:HASH]");
    db::AuditAnchor checkpoint;
    if (auto cp = args.Get("checkpoint")) {
        auto colon = cp->find(':');
        std::optional<std::string> hash;
        if (colon != std::string::npos) hash = FromHex(cp->substr(colon + 1));
        try {
            checkpoint.seq = colon == std::string::npos ? 0 : std::stoll(cp->substr(0, colon));
        } catch (const std::exception&) {
            checkpoint.seq = 0;
        }
        if (checkpoint.seq <= 0 || !hash || hash->size() != 32) {
            std::fputs("spoedd: --checkpoint takes SEQ:HASH as the daemon logs it (audit.checkpoint seq=… hash=…)\n",
                       stderr);
            return 2;
        }
        checkpoint.hash = *hash;
    }
    if (!std::filesystem::exists(*path)) {
        std::fprintf(stderr, "spoedd: %s: no such file\n", path->c_str());
        return 2;
    }
    try {
        db::Connection c(*path, db::Connection::Mode::kReadOnly);
        c.Exec("PRAGMA query_only = ON");
        if (db::SchemaVersionOf(c) < 1) {
            std::fprintf(stderr, "spoedd: %s is not a Spoed database\n", path->c_str());
            return 2;
        }
        c.Exec("BEGIN");  // one snapshot while the daemon may be writing
        db::SqliteAuditRepo audit(c);
        db::AuditChainReport rep = db::VerifyAuditChain(audit);
        if (checkpoint.seq > 0) db::CheckAgainstCheckpoint(audit, checkpoint, rep);
        c.Exec("COMMIT");
        if (!rep.ok) {
            std::printf("audit chain BROKEN at seq %lld (%s): %s\n", static_cast<long long>(rep.broken_seq),
                        rep.problem.c_str(), rep.message.c_str());
            std::printf("entries before it verify: %lld (up to seq %lld)\n", static_cast<long long>(rep.entries),
                        static_cast<long long>(rep.head.seq));
            return 1;
        }
        std::printf("audit chain ok: %lld entries, seq %lld to %lld; head hash %s\n",
                    static_cast<long long>(rep.entries), static_cast<long long>(rep.first_seq),
                    static_cast<long long>(rep.head.seq), Hex(rep.head.hash).c_str());
        if (checkpoint.seq > 0) std::printf("checkpoint seq %lld matches\n", static_cast<long long>(checkpoint.seq));
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "spoedd: cannot read %s: %s\n", path->c_str(), e.what());
        return 1;
    }
}

std::vector<Command> Commands() {
    std::vector<Command> all = {
        {"init", "init --data-dir DIR --admin NAME", "create the database and first admin (password on stdin)", Init},
        {"audit verify", "audit verify --db PATH [--checkpoint SEQ:HASH]",
         "walk the audit log's hash chain in the database file", AuditVerify},
    };
    for (auto& c : BackupCommands()) all.push_back(std::move(c));
    return all;
}

}  // namespace

bool IsCommand(std::string_view word) {
    for (const auto& c : Commands()) {
        if (c.name.substr(0, c.name.find(' ')) == word) return true;
    }
    return false;
}

int Main(int argc, char** argv) {
    auto commands = Commands();
    auto line = ParseCommandLine(argc, argv, 1, {});
    if (!line.ok()) {
        std::fprintf(stderr, "spoedd: %s\n", line.error().message.c_str());
        return 2;
    }
    std::vector<std::string> names;
    names.reserve(commands.size());
    for (const auto& c : commands) names.push_back(c.name);
    auto chosen = ChooseCommand(names, *line);
    if (!chosen) {
        std::fputs("spoedd: offline commands:\n", stderr);
        for (const auto& c : commands) std::fprintf(stderr, "  spoedd %-58s %s\n", c.usage.c_str(), c.summary.c_str());
        return 2;
    }
    return commands[*chosen].run(line->args);
}

}  // namespace spoed::daemon::offline
