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
#include "db/backup.hpp"
#include "db/migrations.hpp"
#include "db/pg.hpp"
#include "db/pg_store.hpp"
#include "db/sql_repos.hpp"
#include "db/sqlite.hpp"
#include "db/sqlite_store.hpp"
#include "db/store_move.hpp"

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
    auto dsn = args.Get("postgresql");
    auto admin = args.Get("admin");
    if ((!dir && !dsn) || (dir && dsn) || !admin) {
        std::fputs("spoedd: usage: spoedd init (--data-dir DIR | --postgresql DSN) --admin NAME  (password on stdin)\n",
                   stderr);
        return 2;
    }
    std::string password = ReadSecret("Password for " + *admin + " (12 characters or more): ");
    try {
        std::unique_ptr<db::Store> store;
        if (dsn) {
            store = db::PgStore::Open({.dsn = *dsn, .connections = 1});
        } else {
            std::filesystem::create_directories(*dir);
            std::filesystem::permissions(*dir, std::filesystem::perms::owner_all,
                                         std::filesystem::perm_options::replace);
            store = db::SqliteStore::Open({.path = *dir + "/spoed.db"});
        }
        daemon::service::PasswordHasher hasher;
        daemon::service::AdminService admins(hasher);
        SystemClock clock;
        daemon::service::Call call(*store, clock.Now(), "spoedd", "init", "create", "local");
        auto id = admins.CreateFirstAdmin(call, *admin, password);
        if (!id.ok()) {
            (void)call.Finish(&id.error());
            return PrintError(id.error());
        }
        std::printf("created %s with admin '%s' (user %lld); the password must be changed at first login\n",
                    dsn ? "the PostgreSQL database" : (*dir + "/spoed.db").c_str(), admin->c_str(),
                    static_cast<long long>(*id));
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
    auto dsn = args.Get("postgresql");
    if (!path && !dsn) return Usage("audit verify (--db PATH | --postgresql DSN) [--checkpoint SEQ:HASH]");
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
    if (path && !std::filesystem::exists(*path)) {
        std::fprintf(stderr, "spoedd: %s: no such file\n", path->c_str());
        return 2;
    }
    const std::string what = path ? *path : std::string("the PostgreSQL database");
    try {
        std::unique_ptr<db::Connection> opened;
        if (path) {
            opened = std::make_unique<db::Connection>(*path, db::Connection::Mode::kReadOnly);
            opened->Exec("PRAGMA query_only = ON");
            if (db::SchemaVersionOf(*opened) < 1) {
                std::fprintf(stderr, "spoedd: %s is not a Spoed database\n", path->c_str());
                return 2;
            }
            opened->Exec("BEGIN");  // one snapshot while the daemon may be writing
        } else {
            opened = std::make_unique<db::Connection>(std::make_unique<db::pg::Connection>(*dsn));
            opened->Exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        }
        db::Connection& c = *opened;
        db::SqlAuditRepo audit(c);
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
        std::fprintf(stderr, "spoedd: cannot read %s: %s\n", what.c_str(), e.what());
        return 1;
    }
}

/// Copies a SQLite deployment into PostgreSQL, everything and the audit chain included, and
/// checks the copy: each table's rows on both sides, and the chain walked again on PostgreSQL.
int MoveToPostgres(const Args& args) {
    auto dir = args.Get("data-dir");
    auto dsn = args.Get("postgresql");
    if (!dir || !dsn) return Usage("move-to-postgresql --data-dir DIR --postgresql DSN");
    const std::string path = *dir + "/spoed.db";
    if (!std::filesystem::exists(path)) {
        std::fprintf(stderr, "spoedd: %s: no such file\n", path.c_str());
        return 2;
    }
    // The daemon must not write while the copy is made (its lock, as `spoedd restore` takes it).
    auto lock = db::DatabaseLock::TryAcquire(path);
    if (!lock) {
        std::fprintf(stderr, "spoedd: %s is in use; stop spoedd first\n", path.c_str());
        return 1;
    }
    try {
        auto report = db::MoveSqliteToPostgres(path, *dsn, [](const std::string& table, std::int64_t rows) {
            std::printf("copied %-24s %lld rows\n", table.c_str(), static_cast<long long>(rows));
        });
        std::int64_t rows = 0;
        for (const auto& t : report.tables) rows += t.rows;
        if (!report.ok) {
            std::printf("the copy does NOT match: %s\n", report.problem.c_str());
            return 1;
        }
        std::printf("moved %lld rows in %zu tables; every table matches; audit chain ok: %lld entries, head hash %s\n",
                    static_cast<long long>(rows), report.tables.size(), static_cast<long long>(report.audit.entries),
                    Hex(report.audit.head.hash).c_str());
        std::puts("set store = postgresql and postgresql_dsn in spoedd.conf, then start spoedd");
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "spoedd: the move stopped, nothing was kept in PostgreSQL: %s\n", e.what());
        return 1;
    }
}

std::vector<Command> Commands() {
    std::vector<Command> all = {
        {"init", "init (--data-dir DIR | --postgresql DSN) --admin NAME",
         "create the database and first admin (password on stdin)", Init},
        {"audit verify", "audit verify (--db PATH | --postgresql DSN) [--checkpoint SEQ:HASH]",
         "walk the audit log's hash chain in the database", AuditVerify},
        {"move-to-postgresql", "move-to-postgresql --data-dir DIR --postgresql DSN",
         "copy a SQLite deployment into an empty PostgreSQL database and check the copy", MoveToPostgres},
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
