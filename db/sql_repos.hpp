#pragma once

#include "db/sql_crisis_repos.hpp"
#include "db/sql_handover_repos.hpp"
#include "db/sql_learning_repos.hpp"
#include "db/sql_meldcode_repo.hpp"
#include "db/sqlite.hpp"
#include "db/store.hpp"

namespace spoed::db {

class SqlUserRepo final : public UserRepo {
  public:
    explicit SqlUserRepo(Connection& c) : c_(c) {}
    std::optional<std::int64_t> Insert(const UserRecord& user) override;
    std::optional<UserRecord> FindById(std::int64_t id) override;
    std::optional<UserRecord> FindByUsername(std::string_view username) override;
    std::vector<UserRecord> List(bool include_disabled) override;
    void SetRoles(std::int64_t id, const std::vector<std::string>& roles, TimePoint now) override;
    void SetDisabled(std::int64_t id, bool disabled, TimePoint now) override;
    void SetPassword(std::int64_t id, std::string_view hash, bool must_change, TimePoint now) override;
    std::int64_t Count() override;

  private:
    std::vector<std::string> RolesOf(std::int64_t id);
    Connection& c_;
};

class SqlSessionRepo final : public SessionRepo {
  public:
    explicit SqlSessionRepo(Connection& c) : c_(c) {}
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
    Connection& c_;
};

class SqlAuditRepo final : public AuditRepo {
  public:
    explicit SqlAuditRepo(Connection& c) : c_(c) {}
    std::int64_t Append(AuditRecord record) override;
    std::vector<AuditRecord> List(const AuditFilter& filter) override;
    std::vector<AuditRecord> Range(std::int64_t after_seq, int limit) override;
    std::optional<AuditRecord> Last() override;

  private:
    Connection& c_;
};

class SqlTotpRepo final : public TotpRepo {
  public:
    explicit SqlTotpRepo(Connection& c) : c_(c) {}
    std::optional<TotpRecord> Find(std::int64_t user_id) override;
    void PutPending(std::int64_t user_id, std::string_view secret_enc, TimePoint now) override;
    void Confirm(std::int64_t user_id, std::int64_t step, TimePoint now) override;
    void SetLastStep(std::int64_t user_id, std::int64_t step) override;
    bool Delete(std::int64_t user_id) override;

  private:
    Connection& c_;
};

class SqlThrottleRepo final : public ThrottleRepo {
  public:
    explicit SqlThrottleRepo(Connection& c) : c_(c) {}
    std::optional<ThrottleRecord> Find(std::string_view kind, std::string_view key) override;
    void Put(const ThrottleRecord& r) override;
    bool Delete(std::string_view kind, std::string_view key) override;
    std::vector<ThrottleRecord> Failures(TimePoint since) override;

  private:
    Connection& c_;
};

/// The repositories of one open transaction on one connection.
class SqlTx final : public Tx {
  public:
    explicit SqlTx(Connection& c)
        : users_(c),
          sessions_(c),
          audit_(c),
          youths_(c),
          consents_(c),
          pre_registrations_(c),
          plans_(c),
          break_glass_(c),
          cases_(c),
          consults_(c),
          meldcode_(c),
          statements_(c),
          destruction_requests_(c),
          shifts_(c),
          idempotency_(c),
          throttles_(c),
          directory_(c),
          handovers_(c),
          events_(c),
          totp_(c),
          evaluations_(c),
          proposals_(c),
          stats_(c) {}
    UserRepo& users() override { return users_; }
    SessionRepo& sessions() override { return sessions_; }
    AuditRepo& audit() override { return audit_; }
    YouthRepo& youths() override { return youths_; }
    ConsentRepo& consents() override { return consents_; }
    PreRegistrationRepo& pre_registrations() override { return pre_registrations_; }
    PlanRepo& plans() override { return plans_; }
    BreakGlassRepo& break_glass() override { return break_glass_; }
    CaseRepo& cases() override { return cases_; }
    ConsultRepo& consults() override { return consults_; }
    MeldcodeRepo& meldcode() override { return meldcode_; }
    StatementRepo& statements() override { return statements_; }
    DestructionRequestRepo& destruction_requests() override { return destruction_requests_; }
    ShiftRepo& shifts() override { return shifts_; }
    IdempotencyRepo& idempotency() override { return idempotency_; }
    ThrottleRepo& throttles() override { return throttles_; }
    DirectoryRepo& directory() override { return directory_; }
    HandoverRepo& handovers() override { return handovers_; }
    EventRepo& events() override { return events_; }
    TotpRepo& totp() override { return totp_; }
    EvaluationRepo& evaluations() override { return evaluations_; }
    ProposalRepo& proposals() override { return proposals_; }
    StatsRepo& stats() override { return stats_; }
    /// Whether this transaction appended events (the store then tells its listener).
    bool appended_events() const { return events_.appended(); }

  private:
    SqlUserRepo users_;
    SqlSessionRepo sessions_;
    SqlAuditRepo audit_;
    SqlYouthRepo youths_;
    SqlConsentRepo consents_;
    SqlPreRegistrationRepo pre_registrations_;
    SqlPlanRepo plans_;
    SqlBreakGlassRepo break_glass_;
    SqlCaseRepo cases_;
    SqlConsultRepo consults_;
    SqlMeldcodeRepo meldcode_;
    SqlStatementRepo statements_;
    SqlDestructionRequestRepo destruction_requests_;
    SqlShiftRepo shifts_;
    SqlIdempotencyRepo idempotency_;
    SqlThrottleRepo throttles_;
    SqlDirectoryRepo directory_;
    SqlHandoverRepo handovers_;
    SqlEventRepo events_;
    SqlTotpRepo totp_;
    SqlEvaluationRepo evaluations_;
    SqlProposalRepo proposals_;
    SqlStatsRepo stats_;
};

/// The counts /metrics shows, read on `c`.
OperationalCounts ReadOperationalCounts(Connection& c, TimePoint now);

}  // namespace spoed::db
