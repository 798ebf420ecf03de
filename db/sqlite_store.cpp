#include "db/sqlite_store.hpp"

#include <openssl/evp.h>
#include <sqlite3.h>

#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <vector>

#include "daemon/base/log.hpp"
#include "db/migrations.hpp"
#include "db/sqlite.hpp"
#include "db/sqlite_repos.hpp"

namespace spoed::db {

namespace {

void ApplyPragmas(Connection& c, int busy_timeout_ms, bool writer) {
    c.Exec("PRAGMA busy_timeout = " + std::to_string(busy_timeout_ms));
    c.Exec("PRAGMA foreign_keys = ON");
    c.Exec("PRAGMA synchronous = FULL");
    if (!writer) {
        c.Exec("PRAGMA query_only = ON");
        // Readers answer the figures, which read a year of cases at once: a page cache of 64 MiB
        // (SQLite's default is 2 MiB) and the file mapped into memory keep those pages from
        // being read again with a system call each (docs/performance.md). Both are limits, not
        // allocations.
        c.Exec("PRAGMA cache_size = -65536");
        c.Exec("PRAGMA mmap_size = 268435456");
    }
}

void AppendField(std::string& out, std::string_view v) {
    // Length-prefixed so that no two different entries share canonical bytes.
    out += std::to_string(v.size());
    out += ':';
    out.append(v);
    out += ';';
}

}  // namespace

std::string AuditCanonical(const AuditRecord& r) {
    std::string out;
    out.reserve(256);
    AppendField(out, std::to_string(ToMicros(r.at)));
    AppendField(out, std::to_string(r.user_id));
    AppendField(out, r.username);
    AppendField(out, r.roles);
    AppendField(out, r.service);
    AppendField(out, r.method);
    AppendField(out, r.action);
    AppendField(out, r.object_ids);
    AppendField(out, std::to_string(r.youth_id));
    AppendField(out, r.client_address);
    AppendField(out, r.result);
    AppendField(out, r.reason);
    return out;
}

std::string AuditHash(std::string_view prev_hash, const AuditRecord& r) {
    std::string canonical = AuditCanonical(r);
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    if (ctx == nullptr || EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr) != 1 ||
        EVP_DigestUpdate(ctx, prev_hash.data(), prev_hash.size()) != 1 ||
        EVP_DigestUpdate(ctx, canonical.data(), canonical.size()) != 1 || EVP_DigestFinal_ex(ctx, md, &len) != 1) {
        EVP_MD_CTX_free(ctx);
        throw SqliteError(SQLITE_ERROR, "SHA-256 failed");
    }
    EVP_MD_CTX_free(ctx);
    return std::string(reinterpret_cast<const char*>(md), len);
}

struct SqliteStore::Impl {
    SqliteOptions options;
    std::unique_ptr<Connection> writer;
    std::mutex writer_mutex;

    std::vector<std::unique_ptr<Connection>> readers;
    std::vector<Connection*> free_readers;
    std::mutex readers_mutex;
    std::condition_variable reader_available;

    Connection* BorrowReader() {
        std::unique_lock lock(readers_mutex);
        reader_available.wait(lock, [&] { return !free_readers.empty(); });
        Connection* c = free_readers.back();
        free_readers.pop_back();
        return c;
    }
    void ReturnReader(Connection* c) {
        {
            std::lock_guard lock(readers_mutex);
            free_readers.push_back(c);
        }
        reader_available.notify_one();
    }
};

SqliteStore::SqliteStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

SqliteStore::~SqliteStore() {
    // Readers first; closing the writer last checkpoints the WAL into the main file.
    impl_->readers.clear();
    impl_->writer.reset();
}

std::unique_ptr<SqliteStore> SqliteStore::Open(const SqliteOptions& options) {
    auto impl = std::make_unique<Impl>();
    impl->options = options;
    try {
        impl->writer = std::make_unique<Connection>(options.path, Connection::Mode::kReadWriteCreate);
        Connection& w = *impl->writer;
        std::string mode = w.QueryText("PRAGMA journal_mode = WAL");
        if (mode != "wal") throw std::runtime_error("database " + options.path + " cannot use WAL mode (got " + mode + ")");
        ApplyPragmas(w, options.busy_timeout_ms, true);
        std::string check = w.QueryText("PRAGMA quick_check");
        if (check != "ok") {
            throw std::runtime_error("database " + options.path + " failed its integrity check (" + check +
                                     "); restore it from a backup");
        }
        RunMigrations(w, options.path);
        for (int i = 0; i < std::max(1, options.readers); ++i) {
            auto r = std::make_unique<Connection>(options.path, Connection::Mode::kReadOnly);
            ApplyPragmas(*r, options.busy_timeout_ms, false);
            impl->free_readers.push_back(r.get());
            impl->readers.push_back(std::move(r));
        }
    } catch (const SqliteError& e) {
        throw std::runtime_error(std::string("cannot open the database: ") + e.what());
    }
    log::Info("db.opened", "database open", {{"schema_version", SchemaVersionOf(*impl->writer)}});
    return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(impl)));
}

int SqliteStore::LatestSchemaVersion() { return LatestMigration(); }

int SqliteStore::SchemaVersion() {
    std::lock_guard lock(impl_->writer_mutex);
    return SchemaVersionOf(*impl_->writer);
}

bool SqliteStore::Ready() {
    Connection* c = impl_->BorrowReader();
    bool ok = false;
    try {
        ok = SchemaVersionOf(*c) == LatestMigration();
    } catch (const SqliteError&) {
        ok = false;
    }
    impl_->ReturnReader(c);
    return ok;
}

Status SqliteStore::RunTx(bool write, const std::function<Status(Tx&)>& fn) {
    Connection* conn = nullptr;
    std::unique_lock<std::mutex> writer_lock;
    if (write) {
        writer_lock = std::unique_lock(impl_->writer_mutex);
        conn = impl_->writer.get();
    } else {
        conn = impl_->BorrowReader();
    }
    struct ReturnOnExit {
        Impl* impl;
        Connection* c;
        bool reader;
        ~ReturnOnExit() {
            if (reader) impl->ReturnReader(c);
        }
    } returner{impl_.get(), conn, !write};

    bool open = false;
    try {
        conn->Exec(write ? "BEGIN IMMEDIATE" : "BEGIN");
        open = true;
        SqliteTx tx(*conn);
        Status st = fn(tx);
        if (!st.ok()) {
            conn->Exec("ROLLBACK");
            return st;
        }
        conn->Exec("COMMIT");
        open = false;
        if (tx.appended_events()) {
            writer_lock = {};  // the listener may read the store
            NotifyEvents();
        }
        return Ok();
    } catch (const SqliteError& e) {
        if (open) {
            try {
                conn->Exec("ROLLBACK");
            } catch (const SqliteError&) {
                // The transaction may already be gone (SQLite rolls back on some errors).
            }
        }
        if (e.IsFull()) {
            log::Error("db.full", "database or disk is full", {{"code", e.code()}});
            return Error::Unavailable("the server's storage is full; nothing was saved. Tell the administrator.");
        }
        if (e.IsBusy()) {
            log::Warn("db.busy", "database busy", {{"code", e.code()}});
            return Error::Aborted("the database was busy; try again");
        }
        log::Error("db.error", "storage failure", {{"code", e.code()}, {"what", e.what()}});
        return Error::Unavailable("storage failure; nothing was saved");
    } catch (const std::exception& e) {
        if (open) {
            try {
                conn->Exec("ROLLBACK");
            } catch (const SqliteError&) {
            }
        }
        log::Error("db.unexpected", "unexpected failure in a transaction", {{"what", e.what()}});
        return Error::Internal("internal error; nothing was saved");
    }
}

}  // namespace spoed::db
