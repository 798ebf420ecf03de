#pragma once

#include <string>
#include <vector>

#include "db/pg.hpp"
#include "db/store.hpp"

namespace spoed::db::pg {

/// Users and their roles on PostgreSQL, as SqliteUserRepo keeps them (db/sqlite_repos.hpp).
class PgUserRepo final : public UserRepo {
  public:
    explicit PgUserRepo(Connection& c) : c_(c) {}
    std::optional<std::int64_t> Insert(const UserRecord& user) override;
    std::optional<UserRecord> FindById(std::int64_t id) override;
    std::optional<UserRecord> FindByUsername(std::string_view username) override;
    std::vector<UserRecord> List(bool include_disabled) override;
    void SetRoles(std::int64_t id, const std::vector<std::string>& roles, TimePoint now) override;
    void SetDisabled(std::int64_t id, bool disabled, TimePoint now) override;
    void SetPassword(std::int64_t id, std::string_view hash, bool must_change, TimePoint now) override;
    std::int64_t Count() override;

  private:
    std::vector<UserRecord> Select(const std::string& where, const std::vector<std::optional<std::string>>& params);
    Connection& c_;
};

/// Sessions on PostgreSQL, as SqliteSessionRepo keeps them.
class PgSessionRepo final : public SessionRepo {
  public:
    explicit PgSessionRepo(Connection& c) : c_(c) {}
    std::int64_t Insert(const SessionRecord& session) override;
    std::optional<SessionRecord> FindByTokenHash(std::string_view token_hash) override;
    std::optional<SessionRecord> FindById(std::int64_t id) override;
    std::vector<SessionRecord> ListOpen(std::int64_t user_id) override;
    void Touch(std::int64_t id, TimePoint now) override;
    void End(std::int64_t id, TimePoint now, std::string_view reason) override;
    int EndAllForUser(std::int64_t user_id, TimePoint now, std::string_view reason) override;
    int EndOthersForUser(std::int64_t user_id, std::int64_t keep, TimePoint now, std::string_view reason) override;
    void MarkSecondFactor(std::int64_t id) override;

  private:
    std::vector<SessionRecord> Select(const std::string& where, const std::vector<std::optional<std::string>>& params);
    Connection& c_;
};

/// The TOTP second factor on PostgreSQL, as SqliteTotpRepo keeps it.
class PgTotpRepo final : public TotpRepo {
  public:
    explicit PgTotpRepo(Connection& c) : c_(c) {}
    std::optional<TotpRecord> Find(std::int64_t user_id) override;
    void PutPending(std::int64_t user_id, std::string_view secret_enc, TimePoint now) override;
    void Confirm(std::int64_t user_id, std::int64_t step, TimePoint now) override;
    void SetLastStep(std::int64_t user_id, std::int64_t step) override;
    bool Delete(std::int64_t user_id) override;

  private:
    Connection& c_;
};

/// Idempotency keys on PostgreSQL, as SqliteIdempotencyRepo keeps them. A second Insert of the
/// same key fails (unique violation, 23505): the caller's unit of work then sees the first.
class PgIdempotencyRepo final : public IdempotencyRepo {
  public:
    explicit PgIdempotencyRepo(Connection& c) : c_(c) {}
    std::optional<IdempotencyRecord> Find(std::int64_t user_id, std::string_view method, std::string_view key) override;
    void Insert(std::int64_t user_id, std::string_view method, std::string_view key, const IdempotencyRecord& r,
                TimePoint now) override;

  private:
    Connection& c_;
};

/// The event outbox on PostgreSQL. Append numbers the event under LockLogs (commit order, no
/// holes) and notifies `spoed_events` with its seq, delivered to every listener when the
/// transaction commits and never when it rolls back.
class PgEventRepo final : public EventRepo {
  public:
    static constexpr const char* kChannel = "spoed_events";
    explicit PgEventRepo(Connection& c) : c_(c) {}
    std::int64_t Append(const EventRecord& e) override;
    std::vector<EventRecord> After(std::int64_t after, int limit) override;
    std::int64_t Head() override;

  private:
    Connection& c_;
};

}  // namespace spoed::db::pg
