#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "daemon/base/result.hpp"
#include "db/records.hpp"

namespace spoed::db {

/// Repositories. They are reached only through a transaction (Tx), so every read and write
/// happens inside one. A storage failure (I/O error, disk full) inside a repository method
/// unwinds to Store::Read/Write, which rolls back and answers with an Error value; the
/// service code in between holds no resources that need more than RAII.

class UserRepo {
public:
    virtual ~UserRepo() = default;
    /// Inserts and returns the new id; nullopt when the username is taken.
    virtual std::optional<std::int64_t> Insert(const UserRecord& user) = 0;
    virtual std::optional<UserRecord> FindById(std::int64_t id) = 0;
    virtual std::optional<UserRecord> FindByUsername(std::string_view username) = 0;
    virtual std::vector<UserRecord> List(bool include_disabled) = 0;
    virtual void SetRoles(std::int64_t id, const std::vector<std::string>& roles, TimePoint now) = 0;
    virtual void SetDisabled(std::int64_t id, bool disabled, TimePoint now) = 0;
    virtual void SetPassword(std::int64_t id, std::string_view hash, bool must_change, TimePoint now) = 0;
    virtual std::int64_t Count() = 0;
};

class SessionRepo {
public:
    virtual ~SessionRepo() = default;
    virtual std::int64_t Insert(const SessionRecord& session) = 0;
    virtual std::optional<SessionRecord> FindByTokenHash(std::string_view token_hash) = 0;
    virtual std::optional<SessionRecord> FindById(std::int64_t id) = 0;
    /// Sessions of the user not yet ended (expired ones included; the caller filters by time).
    virtual std::vector<SessionRecord> ListOpen(std::int64_t user_id) = 0;
    virtual void Touch(std::int64_t id, TimePoint now) = 0;
    /// Ends one session; no-op when already ended.
    virtual void End(std::int64_t id, TimePoint now, std::string_view reason) = 0;
    /// Ends every open session of a user; returns how many.
    virtual int EndAllForUser(std::int64_t user_id, TimePoint now, std::string_view reason) = 0;
};

class AuditRepo {
public:
    virtual ~AuditRepo() = default;
    /// Appends, chaining the entry's hash to the previous one; returns the sequence number.
    virtual std::int64_t Append(AuditRecord record) = 0;
    /// Newest first.
    virtual std::vector<AuditRecord> List(const AuditFilter& filter) = 0;
};

/// One transaction's view of the store.
class Tx {
public:
    virtual ~Tx() = default;
    virtual UserRepo& users() = 0;
    virtual SessionRepo& sessions() = 0;
    virtual AuditRepo& audit() = 0;
};

/// The store behind the services: SQLite today; the interface leaves room for PostgreSQL.
/// `Read` runs on a reader connection in one snapshot; `Write` runs on the single writer in
/// one transaction that commits only when the function returns success, and is durable
/// (synchronous=FULL) before Write returns.
class Store {
public:
    virtual ~Store() = default;

    template <typename F>
    auto Read(F&& fn) -> std::invoke_result_t<F, Tx&> {
        return Run(false, std::forward<F>(fn));
    }
    template <typename F>
    auto Write(F&& fn) -> std::invoke_result_t<F, Tx&> {
        return Run(true, std::forward<F>(fn));
    }

    /// True when the database is open, migrated and answers a query.
    virtual bool Ready() = 0;

protected:
    /// Runs `fn` in a transaction; commits a write when it returns ok. Failures of the store
    /// itself come back as `unavailable` (disk full, I/O) or `aborted` (busy).
    virtual Status RunTx(bool write, const std::function<Status(Tx&)>& fn) = 0;

private:
    template <typename F>
    auto Run(bool write, F&& fn) -> std::invoke_result_t<F, Tx&> {
        using R = std::invoke_result_t<F, Tx&>;
        if constexpr (std::is_same_v<R, Status>) {
            return RunTx(write, [&](Tx& tx) { return fn(tx); });
        } else {
            std::optional<R> out;
            Status st = RunTx(write, [&](Tx& tx) -> Status {
                out.emplace(fn(tx));
                if (!out->ok()) return out->error();
                return Ok();
            });
            if (!st.ok() && (!out || out->ok())) return std::move(st).take_error();
            return std::move(*out);
        }
    }
};

}  // namespace spoed::db
