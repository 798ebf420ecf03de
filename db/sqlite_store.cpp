#include "db/sqlite_store.hpp"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sqlite3.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

#include "base/log.hpp"
#include "db/migrations.hpp"
#include "db/sql_repos.hpp"
#include "db/sqlite.hpp"

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

}  // namespace

enum class TxKind { kRead, kWrite, kAudit };

struct SqliteStore::Impl {
    SqliteOptions options;
    std::atomic<bool> full{false};

    std::string ReservePath() const { return options.path + ".reserve"; }
    /// Makes the reserve file when configured and missing (posix_fallocate: no data written).
    bool MakeReserve() {
        if (options.reserve_bytes <= 0) return true;
        int fd = ::open(ReservePath().c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
        if (fd < 0) return false;
        bool ok = ::posix_fallocate(fd, 0, static_cast<off_t>(options.reserve_bytes)) == 0;
        ::close(fd);
        if (!ok) ::unlink(ReservePath().c_str());
        return ok;
    }
    void ReleaseReserve() {
        if (options.reserve_bytes > 0 && ::unlink(ReservePath().c_str()) == 0) {
            log::Warn("db.reserve_released", "storage reserve released for audit lines",
                      {{"bytes", static_cast<std::int64_t>(options.reserve_bytes)}});
        }
    }
    /// While full: true once writes may be tried again. With a page limit that is the limit's
    /// business (try the write); on a disk, when twice the reserve is free and the reserve is back.
    bool SpaceReturned() {
        if (options.reserve_bytes <= 0) return true;
        std::string dir = options.path.substr(0, options.path.find_last_of('/') + 1);
        struct statvfs vfs {};
        if (::statvfs(dir.empty() ? "." : dir.c_str(), &vfs) != 0) return false;
        auto free_bytes = static_cast<std::int64_t>(vfs.f_bavail) * static_cast<std::int64_t>(vfs.f_frsize);
        if (free_bytes < 2 * options.reserve_bytes) return false;
        return MakeReserve();
    }
    Status Run(TxKind kind, const std::function<Status(Tx&)>& fn, SqliteStore& store);
    /// The Status a SQLite failure of a transaction of `kind` becomes (and the full state it sets).
    Status Failure(const SqliteError& e, TxKind kind);
    static Status FullError() {
        return Error::Unavailable("the server's storage is full; nothing was saved. Tell the administrator.")
            .Because("storage_full");
    }

    /// One queued write (kWrite or kAudit) waiting for a shared commit.
    struct WriteRequest {
        TxKind kind;
        const std::function<Status(Tx&)>* fn;
        Status result;
        bool done = false;  // under queue_mutex
    };
    static constexpr std::size_t kMaxBatch = 64;
    Status GroupWrite(TxKind kind, const std::function<Status(Tx&)>& fn, SqliteStore& store);
    /// Runs requests on the writer (taking writer_mutex) in as few transactions as possible;
    /// sets each one's result. True when a committed member appended events.
    bool RunBatch(std::deque<WriteRequest*> pending);
    std::mutex queue_mutex;
    std::condition_variable queue_cv;
    std::deque<WriteRequest*> queue;
    bool leading = false;  // under queue_mutex: a leader is running a batch
    std::atomic<std::int64_t> commits{0};

    std::unique_ptr<Connection> writer;
    std::mutex writer_mutex;

    // The background quick_check: its thread, and its connection while it runs so that the
    // destructor can interrupt it.
    std::atomic<IntegrityState> integrity{IntegrityState::kOk};
    std::thread integrity_thread;
    std::mutex integrity_mutex;
    sqlite3* integrity_db = nullptr;
    bool closing = false;
    void CheckIntegrity();

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
    if (impl_->integrity_thread.joinable()) {
        {
            std::lock_guard lock(impl_->integrity_mutex);
            impl_->closing = true;
            if (impl_->integrity_db != nullptr) sqlite3_interrupt(impl_->integrity_db);
        }
        impl_->integrity_thread.join();
    }
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
        if (mode != "wal")
            throw std::runtime_error("database " + options.path + " cannot use WAL mode (got " + mode + ")");
        ApplyPragmas(w, options.busy_timeout_ms, true);
        if (!options.check_in_background) {
            std::string check = w.QueryText("PRAGMA quick_check");
            if (check != "ok") {
                throw std::runtime_error("database " + options.path + " failed its integrity check (" + check +
                                         "); restore it from a backup");
            }
        }
        RunMigrations(w, options.path);
        if (!impl->MakeReserve()) {
            log::Warn("db.reserve_failed", "could not make the storage reserve file",
                      {{"bytes", static_cast<std::int64_t>(options.reserve_bytes)}});
        }
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
    if (options.check_in_background) {
        impl->integrity = IntegrityState::kRunning;
        Impl* raw = impl.get();
        impl->integrity_thread = std::thread([raw] { raw->CheckIntegrity(); });
    }
    return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(impl)));
}

void SqliteStore::Impl::CheckIntegrity() {
    auto started = std::chrono::steady_clock::now();
    std::string result;
    try {
        Connection c(options.path, Connection::Mode::kReadOnly);
        {
            std::lock_guard lock(integrity_mutex);
            if (closing) return;
            integrity_db = c.handle();
        }
        try {
            result = c.QueryText("PRAGMA quick_check");
        } catch (const SqliteError& e) {
            result = e.what();
        }
        std::lock_guard lock(integrity_mutex);
        integrity_db = nullptr;
        if (closing) return;  // interrupted on the way out: no verdict
    } catch (const SqliteError& e) {
        result = e.what();
    }
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    if (result == "ok") {
        integrity = IntegrityState::kOk;
        log::Info("db.integrity_ok", "database passed quick_check", {{"ms", static_cast<std::int64_t>(ms)}});
    } else {
        integrity = IntegrityState::kFailed;
        // The check's text names pages and tables, never row content.
        log::Error("db.integrity_failed", "database failed quick_check: not ready; restore it from a backup",
                   {{"ms", static_cast<std::int64_t>(ms)}, {"check", result.substr(0, 200)}});
    }
}

IntegrityState SqliteStore::Integrity() const { return impl_->integrity.load(); }

int SqliteStore::LatestSchemaVersion() { return LatestMigration(); }

int SqliteStore::SchemaVersion() {
    std::lock_guard lock(impl_->writer_mutex);
    return SchemaVersionOf(*impl_->writer);
}

bool SqliteStore::Ready() {
    if (impl_->integrity.load() == IntegrityState::kFailed) return false;
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
    return impl_->Run(write ? TxKind::kWrite : TxKind::kRead, fn, *this);
}

Status SqliteStore::RunAuditTx(const std::function<Status(Tx&)>& fn) { return impl_->Run(TxKind::kAudit, fn, *this); }

void SqliteStore::SetMaxPages(std::int64_t pages) {
    std::lock_guard lock(impl_->writer_mutex);
    impl_->options.max_pages = pages;
    if (pages == 0) impl_->writer->Exec("PRAGMA max_page_count = 4294967294");
}

bool SqliteStore::StorageFull() const { return impl_->full.load(); }

std::int64_t SqliteStore::CommitCount() const { return impl_->commits.load(); }

std::size_t SqliteStore::QueuedWrites() const {
    std::lock_guard lock(impl_->queue_mutex);
    return impl_->queue.size();
}

OperationalCounts SqliteStore::Counts(TimePoint now) {
    Connection* c = impl_->BorrowReader();
    struct ReturnOnExit {
        Impl* impl;
        Connection* c;
        ~ReturnOnExit() { impl->ReturnReader(c); }
    } returner{impl_.get(), c};
    return ReadOperationalCounts(*c, now);
}

Status SqliteStore::Impl::Run(TxKind kind, const std::function<Status(Tx&)>& fn, SqliteStore& store) {
    if (kind != TxKind::kRead) return GroupWrite(kind, fn, store);
    Connection* conn = BorrowReader();
    struct ReturnOnExit {
        Impl* impl;
        Connection* c;
        ~ReturnOnExit() { impl->ReturnReader(c); }
    } returner{this, conn};

    bool open = false;
    try {
        conn->Exec("BEGIN");
        open = true;
        SqlTx tx(*conn);
        Status st = fn(tx);
        conn->Exec(st.ok() ? "COMMIT" : "ROLLBACK");
        return st;
    } catch (const SqliteError& e) {
        if (open) {
            try {
                conn->Exec("ROLLBACK");
            } catch (const SqliteError&) {
                // The transaction may already be gone (SQLite rolls back on some errors).
            }
        }
        return Failure(e, kind);
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

Status SqliteStore::Impl::Failure(const SqliteError& e, TxKind kind) {
    if (e.IsFull()) {
        if (kind == TxKind::kWrite) {
            if (!full.exchange(true)) {
                // Once per episode, not per refused request.
                log::Error("db.full", "database or disk is full; writes refused, reads go on", {{"code", e.code()}});
            }
            ReleaseReserve();
        } else {
            log::Error("db.full_audit", "storage is full even for audit lines", {{"code", e.code()}});
        }
        return FullError();
    }
    if (e.IsBusy()) {
        log::Warn("db.busy", "database busy", {{"code", e.code()}});
        return Error::Aborted("the database was busy; try again");
    }
    log::Error("db.error", "storage failure", {{"code", e.code()}, {"what", e.what()}});
    return Error::Unavailable("storage failure; nothing was saved");
}

// Group commit. Every writer queues its request; whoever finds no leader at work becomes the
// leader, takes what is queued (at most kMaxBatch) and runs it as one transaction, each request
// in a savepoint of its own, with one COMMIT (one fsync) for all. No request's Write returns
// before the COMMIT that holds it has returned. A lone writer leads at once: nothing waits for
// company; requests batch only when they queued while the previous commit ran.
Status SqliteStore::Impl::GroupWrite(TxKind kind, const std::function<Status(Tx&)>& fn, SqliteStore& store) {
    WriteRequest req{kind, &fn, Ok(), false};
    std::unique_lock lock(queue_mutex);
    queue.push_back(&req);
    while (!req.done) {
        if (leading) {
            queue_cv.wait(lock);
            continue;
        }
        leading = true;
        std::deque<WriteRequest*> batch;
        while (!queue.empty() && batch.size() < kMaxBatch) {
            batch.push_back(queue.front());
            queue.pop_front();
        }
        std::vector<WriteRequest*> members(batch.begin(), batch.end());
        lock.unlock();
        bool appended_events = false;
        try {
            appended_events = RunBatch(std::move(batch));
        } catch (...) {
            // Out of memory or the like outside any member: fail the members rather than leave
            // them waiting (never "ok" for what may not have been committed).
            log::Error("db.batch_failed", "a write batch failed outside its members");
            std::lock_guard writer_lock(writer_mutex);
            if (sqlite3_get_autocommit(writer->handle()) == 0) {
                try {
                    writer->Exec("ROLLBACK");
                } catch (const SqliteError&) {
                }
            }
            for (WriteRequest* m : members) {
                if (m->result.ok()) m->result = Error::Internal("internal error; the write may not have been saved");
            }
        }
        lock.lock();
        for (WriteRequest* m : members) m->done = true;
        leading = false;
        queue_cv.notify_all();
        if (appended_events) {
            // Once per commit, outside the writer lock and the queue: the listener may use the store.
            lock.unlock();
            try {
                store.NotifyEvents();
            } catch (const std::exception& e) {
                log::Error("db.listener_failed", "the event listener threw", {{"what", e.what()}});
            }
            lock.lock();
        }
    }
    return std::move(req.result);
}

bool SqliteStore::Impl::RunBatch(std::deque<WriteRequest*> pending) {
    std::lock_guard writer_lock(writer_mutex);
    Connection& conn = *writer;
    sqlite3* db = conn.handle();
    bool appended_events = false;
    bool had_write = false;
    bool audits_retried = false;

    struct Member {
        WriteRequest* req;
        bool appended;
    };
    while (!pending.empty()) {
        // One transaction: as many of the pending requests as it holds.
        try {
            conn.Exec("BEGIN IMMEDIATE");
        } catch (const SqliteError& e) {
            for (WriteRequest* r : pending) r->result = Failure(e, r->kind);
            return appended_events;
        }
        std::vector<Member> done;         // ran ok inside this transaction, not committed yet
        std::optional<SqliteError> lost;  // why the transaction ended early
        std::int64_t page_limit = -1;
        std::optional<bool> last_write_ok;  // the last kWrite member that ran: ok or full
        while (!pending.empty() && !lost) {
            WriteRequest* r = pending.front();
            pending.pop_front();
            if (r->kind == TxKind::kWrite) {
                had_write = true;
                if (full.load() && !SpaceReturned()) {
                    r->result = FullError();
                    continue;
                }
            }
            SqlTx tx(conn);
            Status st;
            std::optional<SqliteError> err;
            bool in_savepoint = false;
            try {
                if (options.max_pages > 0) {
                    // The page limit belongs to the kind of the member (audit lines may use the
                    // reserve); SQLite lets it change inside a transaction.
                    std::int64_t limit = r->kind == TxKind::kAudit
                                             ? options.max_pages
                                             : std::max<std::int64_t>(1, options.max_pages - options.reserve_pages);
                    if (limit != page_limit) {
                        conn.Exec("PRAGMA max_page_count = " + std::to_string(limit));
                        page_limit = limit;
                    }
                }
                conn.Exec("SAVEPOINT member");
                in_savepoint = true;
                st = (*r->fn)(tx);
            } catch (const SqliteError& e) {
                err = e;
            } catch (const std::exception& e) {
                log::Error("db.unexpected", "unexpected failure in a transaction", {{"what", e.what()}});
                st = Error::Internal("internal error; nothing was saved");
            } catch (...) {
                log::Error("db.unexpected", "unexpected failure in a transaction");
                st = Error::Internal("internal error; nothing was saved");
            }
            if (err || !st.ok()) {
                if (err) st = Failure(*err, r->kind);
                if (r->kind == TxKind::kWrite && err && err->IsFull()) last_write_ok = false;
                // Undo this member only, when the transaction is still there.
                if (in_savepoint && sqlite3_get_autocommit(db) == 0) {
                    try {
                        conn.Exec("ROLLBACK TO member; RELEASE member");
                    } catch (const SqliteError& e) {
                        lost = e;
                    }
                }
                r->result = std::move(st);
            } else {
                try {
                    conn.Exec("RELEASE member");
                    done.push_back({r, tx.appended_events()});
                    if (r->kind == TxKind::kWrite) last_write_ok = true;
                } catch (const SqliteError& e) {
                    r->result = Failure(e, r->kind);
                    lost = e;
                }
            }
            if (!lost && sqlite3_get_autocommit(db) != 0) {
                // SQLite rolled the whole transaction back (some I/O, full and busy errors do).
                lost = err ? *err : SqliteError(SQLITE_ABORT, "the transaction was rolled back");
                if (r->result.ok()) r->result = Failure(*lost, r->kind);
            }
        }

        if (!lost) {
            try {
                conn.Exec("COMMIT");
                commits.fetch_add(1, std::memory_order_relaxed);
                if (last_write_ok == true && full.exchange(false)) {
                    log::Info("db.space_returned", "storage has room again; writes resume");
                }
                for (const Member& m : done) appended_events = appended_events || m.appended;
                continue;
            } catch (const SqliteError& e) {
                lost = e;
            }
        }

        // The transaction is gone, or is undone now: none of its members was saved.
        if (sqlite3_get_autocommit(db) == 0) {
            try {
                conn.Exec("ROLLBACK");
            } catch (const SqliteError&) {
            }
        }
        std::vector<WriteRequest*> retry;
        for (const Member& m : done) {
            // Audit lines lost to a full store along with writes get one more transaction of
            // their own (by then the reserve is released), as they would have had without
            // sharing a commit.
            if (lost->IsFull() && had_write && !audits_retried && m.req->kind == TxKind::kAudit) {
                retry.push_back(m.req);
                continue;
            }
            m.req->result = Failure(*lost, m.req->kind);
        }
        if (lost->IsFull() && had_write) {
            (void)Failure(*lost, TxKind::kWrite);  // full: refuse writes, release the reserve
        }
        if (!retry.empty()) {
            audits_retried = true;
            pending.insert(pending.begin(), retry.begin(), retry.end());
        }
    }
    return appended_events;
}

}  // namespace spoed::db
