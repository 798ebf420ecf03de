#include "db/pg_store.hpp"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include "base/log.hpp"
#include "db/pg.hpp"
#include "db/sql_repos.hpp"
#include "db/sqlite.hpp"

namespace spoed::db {

namespace {

/// PostgreSQL's error classes that mean the connection, or the server behind it, is gone.
bool ConnectionLost(const pg::PgError& e) {
    return e.sqlstate().starts_with("08") || e.sqlstate().starts_with("57P") || e.sqlstate() == "25006";
}

}  // namespace

struct PgStore::Impl {
    PgOptions options;

    std::mutex pool_mutex;
    std::condition_variable pool_cv;
    std::vector<std::unique_ptr<Connection>> idle;  // under pool_mutex
    int open = 0;                                   // connections made and not dropped; under pool_mutex

    std::atomic<std::int64_t> retries{0};

    std::thread listener;
    std::atomic<bool> stopping{false};

    /// A connection from the pool, a new one when none is idle and the pool is not full. Throws
    /// PgError when no server can be reached.
    std::unique_ptr<Connection> Borrow() {
        std::unique_lock lock(pool_mutex);
        pool_cv.wait(lock, [&] { return !idle.empty() || open < options.connections; });
        if (!idle.empty()) {
            auto c = std::move(idle.back());
            idle.pop_back();
            return c;
        }
        ++open;
        lock.unlock();
        try {
            return std::make_unique<Connection>(std::make_unique<pg::Connection>(options.dsn));
        } catch (...) {
            Drop();
            throw;
        }
    }
    void Return(std::unique_ptr<Connection> c) {
        if (c->pg()->Broken()) return Drop();
        std::lock_guard lock(pool_mutex);
        idle.push_back(std::move(c));
        pool_cv.notify_one();
    }
    void Drop() {
        std::lock_guard lock(pool_mutex);
        --open;
        pool_cv.notify_one();
    }

    /// A borrowed connection that goes back to the pool (or is dropped, when broken) however the
    /// borrower leaves.
    struct Lease {
        Impl* impl;
        std::unique_ptr<Connection> c;
        explicit Lease(Impl* i) : impl(i), c(i->Borrow()) {}
        ~Lease() { impl->Return(std::move(c)); }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Connection* operator->() const { return c.get(); }
        /// Ends the transaction left open by a failure, when the connection still works.
        void RollBack() {
            if (c->pg()->Broken()) return;
            try {
                c->Exec("ROLLBACK");
            } catch (const pg::PgError&) {
                // Gone with the connection: nothing to end.
            }
        }
    };
};

std::unique_ptr<PgStore> PgStore::Open(const PgOptions& options) {
    if (options.dsn.empty()) throw std::runtime_error("postgresql_dsn is not set");
    auto impl = std::make_unique<Impl>();
    impl->options = options;
    if (impl->options.connections < 1) impl->options.connections = 1;
    try {
        pg::Connection c(options.dsn);
        pg::Migrate(c);
    } catch (const pg::PgError& e) {
        // libpq's messages name host and port, never the password.
        throw std::runtime_error(std::string("cannot open the PostgreSQL database: ") + e.what());
    }
    std::unique_ptr<PgStore> store(new PgStore(std::move(impl)));
    Impl* i = store->impl_.get();
    PgStore* self = store.get();
    // Every daemon on the database hears every commit's events (NOTIFY spoed_events), its own
    // included, and after a lost connection asks its subscribers to catch up.
    i->listener = std::thread([i, self] {
        bool lost = false;  // logged once per outage, not per attempt
        while (!i->stopping) {
            try {
                pg::Connection c(i->options.dsn);
                c.Listen("spoed_events");
                if (lost) log::Info("db.listen_back", "event listener connected again");
                lost = false;
                self->NotifyEvents();
                while (!i->stopping) {
                    if (c.NextNotification(std::chrono::milliseconds(250))) {
                        while (c.NextNotification(std::chrono::milliseconds(0))) {
                        }
                        self->NotifyEvents();
                    }
                }
            } catch (const pg::PgError& e) {
                if (!lost) {
                    log::Warn("db.listen_lost", "event listener lost its database connection; reconnecting",
                              {{"sqlstate", e.sqlstate()}});
                }
                lost = true;
                for (int n = 0; n < 10 && !i->stopping; ++n) std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
        }
    });
    return store;
}

PgStore::PgStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

PgStore::~PgStore() {
    impl_->stopping = true;
    if (impl_->listener.joinable()) impl_->listener.join();
}

bool PgStore::Ready() {
    try {
        Impl::Lease c(impl_.get());
        return c->QueryInt("SELECT count(*) FROM schema_migrations") > 0 &&
               c->QueryInt("SELECT CASE WHEN pg_is_in_recovery() THEN 0 ELSE 1 END") == 1;
    } catch (const std::exception&) {
        return false;
    }
}

OperationalCounts PgStore::Counts(TimePoint now) {
    Impl::Lease c(impl_.get());
    return ReadOperationalCounts(*c.c, now);
}

std::int64_t PgStore::Retries() const { return impl_->retries.load(); }

Status PgStore::RunTx(bool write, const std::function<Status(Tx&)>& fn) {
    return Run(write ? TxKind::kWrite : TxKind::kRead, fn);
}

Status PgStore::RunCountersTx(const std::function<Status(Tx&)>& fn) { return Run(TxKind::kCounters, fn); }

Status PgStore::Run(TxKind kind, const std::function<Status(Tx&)>& fn) {
    // A write takes the logs' lock before its first query, so before its snapshot: the audit
    // chain's next entry is read from a snapshot that holds every earlier writer's. Readers are
    // not blocked; writers of the logs queue behind one another, on every daemon.
    const char* begin = kind == TxKind::kRead ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
                        : kind == TxKind::kWrite
                            ? "BEGIN ISOLATION LEVEL SERIALIZABLE; LOCK TABLE audit_events IN SHARE ROW EXCLUSIVE MODE"
                            : "BEGIN ISOLATION LEVEL SERIALIZABLE";
    const auto deadline = std::chrono::steady_clock::now() + impl_->options.reconnect_budget;
    for (int attempt = 1;; ++attempt) {
        bool committing = false;
        try {
            Impl::Lease c(impl_.get());
            try {
                c->Exec(begin);
                SqlTx tx(*c.c);
                Status st = fn(tx);
                committing = st.ok();
                c->Exec(st.ok() ? "COMMIT" : "ROLLBACK");
                if (st.ok() && tx.appended_events()) NotifyEvents();
                return st;
            } catch (...) {
                if (!committing) c.RollBack();
                throw;
            }
        } catch (const pg::PgError& e) {
            const bool lost = ConnectionLost(e);
            // A conflict PostgreSQL resolved by aborting this transaction, or a connection lost
            // before the COMMIT was sent: nothing was written, and the whole unit runs again.
            // A COMMIT whose answer was lost may or may not have been written; the caller's
            // retry with the same idempotency key finds out.
            const bool again = (e.retryable() || (lost && !committing)) && attempt < 100 &&
                               std::chrono::steady_clock::now() < deadline;
            if (again) {
                impl_->retries.fetch_add(1);
                pg::RetryPause(lost ? 7 : attempt);
                continue;
            }
            if (lost) {
                log::Warn("db.unreachable", "the PostgreSQL server cannot be reached", {{"sqlstate", e.sqlstate()}});
                return Error::Unavailable("the database cannot be reached; nothing was saved");
            }
            if (e.retryable()) return Error::Aborted("the database was busy; try again");
            log::Error("db.error", "storage failure", {{"sqlstate", e.sqlstate()}});
            return Error::Unavailable("storage failure; nothing was saved");
        } catch (const std::exception& e) {
            log::Error("db.unexpected", "unexpected failure in a transaction", {{"what", e.what()}});
            return Error::Internal("internal error; nothing was saved");
        }
    }
}

}  // namespace spoed::db
