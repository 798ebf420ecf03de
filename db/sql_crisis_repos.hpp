#pragma once

#include <string>
#include <vector>

#include "db/sqlite.hpp"
#include "db/store.hpp"

namespace spoed::db {

/// SQLite repositories of the crisis-calls domain (migration 0002). Like the foundation repos
/// they throw SqliteError on any storage failure; Store::Read/Write roll back.

/// How a look-up finds its youths.
enum class YouthNamePath {
    kTrigram,    // from the trigram index (or date, phone): the matches collected, then sorted for the page
    kNameOrder,  // down youths_by_name in the order shown, testing each folded name, until the page is full
};

class SqlYouthRepo final : public YouthRepo {
  public:
    explicit SqlYouthRepo(Connection& c) : c_(c) {}
    std::int64_t Insert(const YouthRecord& youth) override;
    void Update(const YouthRecord& youth) override;
    std::optional<YouthRecord> Find(std::int64_t id) override;
    std::vector<YouthHitRecord> Search(const YouthSearch& search, TimePoint now) override;
    std::vector<YouthHitRecord> FindByPhone(std::string_view phone, TimePoint now) override;
    /// A record with youth_id 0 when there is no such youth.
    YouthHitRecord Hit(std::int64_t youth_id, TimePoint now) override;
    std::vector<std::int64_t> PastRetention(TimePoint cutoff, int limit, std::int64_t only_youth = 0) override;
    void RemovePersonalData(std::int64_t youth_id, std::string_view pseudonym, TimePoint at) override;

    /// The EXPLAIN QUERY PLAN detail lines of the statement Search would run; lets tests and
    /// benchmarks check that look-up starts from an index rather than scanning youths.
    std::vector<std::string> ExplainSearch(const YouthSearch& search, TimePoint now);

    /// From how many trigram matches on a name look-up walks youths in name order instead of
    /// sorting every match (docs/performance.md); tests lower it to compare both paths.
    void set_broad_matches(int n) { broad_matches_ = n; }

  private:
    void WriteDetails(const YouthRecord& youth);
    /// How a look-up finds youths by name, and the trigram matches when it collected them.
    struct NamePlan {
        YouthNamePath path = YouthNamePath::kTrigram;
        std::optional<std::string> ids;  // JSON array of youth ids
        int matches = 0;
    };
    NamePlan PlanNames(const YouthSearch& search);
    Connection& c_;
    int broad_matches_ = 2000;
};

class SqlConsentRepo final : public ConsentRepo {
  public:
    explicit SqlConsentRepo(Connection& c) : c_(c) {}
    std::int64_t Insert(const ConsentRecord& consent) override;
    std::optional<ConsentRecord> Find(std::int64_t id) override;
    /// Keeps the consent's own note and appends the withdrawal note to it.
    void Withdraw(std::int64_t id, TimePoint at, std::int64_t by, std::string_view note) override;
    std::vector<ConsentRecord> ListForYouth(std::int64_t youth_id) override;
    bool HasValid(std::int64_t youth_id, std::string_view scope, TimePoint now) override;

  private:
    Connection& c_;
};

class SqlPreRegistrationRepo final : public PreRegistrationRepo {
  public:
    explicit SqlPreRegistrationRepo(Connection& c) : c_(c) {}
    std::optional<std::int64_t> Insert(const PreRegistrationRecord& r) override;
    /// Writes the details and updated_at; starting and ending are not changed here.
    void Update(const PreRegistrationRecord& r) override;
    std::optional<PreRegistrationRecord> Find(std::int64_t id) override;
    std::optional<PreRegistrationRecord> FindActive(std::int64_t youth_id) override;
    void End(std::int64_t id, TimePoint at, std::string_view reason) override;
    std::vector<PreRegistrationRecord> ListForYouth(std::int64_t youth_id) override;
    std::vector<PreRegistrationRecord> ListActive() override;

  private:
    Connection& c_;
};

class SqlDestructionRequestRepo final : public DestructionRequestRepo {
  public:
    explicit SqlDestructionRequestRepo(Connection& c) : c_(c) {}
    std::int64_t Insert(const DestructionRequestRecord& r) override;
    std::vector<DestructionRequestRecord> List(int limit) override;

  private:
    Connection& c_;
};

class SqlStatementRepo final : public StatementRepo {
  public:
    explicit SqlStatementRepo(Connection& c) : c_(c) {}
    std::int64_t Insert(const StatementRecord& s) override;
    std::vector<StatementRecord> ListForYouth(std::int64_t youth_id) override;

  private:
    Connection& c_;
};

class SqlPlanRepo final : public PlanRepo {
  public:
    explicit SqlPlanRepo(Connection& c) : c_(c) {}
    std::int64_t Insert(const PlanVersionRecord& plan) override;
    std::optional<PlanVersionRecord> Find(std::int64_t youth_id, int version) override;
    int LatestVersion(std::int64_t youth_id) override;
    std::vector<PlanVersionRecord> List(std::int64_t youth_id) override;

  private:
    Connection& c_;
};

class SqlBreakGlassRepo final : public BreakGlassRepo {
  public:
    explicit SqlBreakGlassRepo(Connection& c) : c_(c) {}
    std::int64_t Insert(const BreakGlassRecord& r) override;
    std::optional<BreakGlassRecord> Find(std::int64_t id) override;
    std::optional<BreakGlassRecord> FindOpen(std::int64_t user_id, std::int64_t youth_id, TimePoint now) override;
    std::vector<BreakGlassRecord> List(bool include_reviewed) override;
    void Review(std::int64_t id, TimePoint at, std::int64_t by, bool approved, std::string_view note) override;

  private:
    Connection& c_;
};

class SqlCaseRepo final : public CaseRepo {
  public:
    explicit SqlCaseRepo(Connection& c) : c_(c) {}
    std::int64_t Insert(const CaseRecord& c) override;
    void Update(const CaseRecord& c) override;
    void Touch(std::int64_t case_id, TimePoint at) override;
    std::optional<CaseRecord> Find(std::int64_t id) override;
    std::vector<CaseRecord> List(const CaseFilter& filter) override;
    std::int64_t AddEvent(const CaseEventRecord& e) override;
    std::vector<CaseEventRecord> Events(std::int64_t case_id) override;
    std::int64_t InsertContact(const ContactRecord& c) override;
    std::vector<ContactRecord> Contacts(std::int64_t case_id) override;
    std::vector<CallerCaseRecord> FindByCallerPhone(std::string_view phone, int limit) override;

  private:
    void WriteAreasAndFlags(const CaseRecord& c);
    Connection& c_;
};

class SqlConsultRepo final : public ConsultRepo {
  public:
    explicit SqlConsultRepo(Connection& c) : c_(c) {}
    std::int64_t Insert(const ConsultRecord& c) override;
    std::optional<ConsultRecord> Find(std::int64_t id) override;
    void Answer(std::int64_t id, std::int64_t psychiatrist, TimePoint at, std::string_view advice) override;
    std::vector<ConsultRecord> List(bool open_only, std::int64_t case_id) override;

  private:
    Connection& c_;
};

class SqlShiftRepo final : public ShiftRepo {
  public:
    explicit SqlShiftRepo(Connection& c) : c_(c) {}
    void Put(const ShiftRecord& s) override;
    std::optional<ShiftRecord> Find(std::string_view shift_date) override;
    std::int64_t AddNote(const ShiftNoteRecord& n) override;
    std::vector<ShiftNoteRecord> Notes(std::string_view since_date) override;

  private:
    Connection& c_;
};

class SqlIdempotencyRepo final : public IdempotencyRepo {
  public:
    explicit SqlIdempotencyRepo(Connection& c) : c_(c) {}
    std::optional<IdempotencyRecord> Find(std::int64_t user_id, std::string_view method, std::string_view key) override;
    void Insert(std::int64_t user_id, std::string_view method, std::string_view key, const IdempotencyRecord& r,
                TimePoint now) override;

  private:
    Connection& c_;
};

}  // namespace spoed::db
