#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "base/result.hpp"
#include "db/crisis_records.hpp"
#include "db/event_records.hpp"
#include "db/handover_records.hpp"
#include "db/learning_records.hpp"
#include "db/meldcode_records.hpp"
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
    /// Ends every open session of the user but `keep`; returns how many.
    virtual int EndOthersForUser(std::int64_t user_id, std::int64_t keep, TimePoint now, std::string_view reason) = 0;
    /// Marks a session as having passed the second factor.
    virtual void MarkSecondFactor(std::int64_t id) = 0;
};

class TotpRepo {
  public:
    virtual ~TotpRepo() = default;
    virtual std::optional<TotpRecord> Find(std::int64_t user_id) = 0;
    /// Stores a new, unconfirmed secret, replacing any earlier unconfirmed one.
    virtual void PutPending(std::int64_t user_id, std::string_view secret_enc, TimePoint now) = 0;
    virtual void Confirm(std::int64_t user_id, std::int64_t step, TimePoint now) = 0;
    virtual void SetLastStep(std::int64_t user_id, std::int64_t step) = 0;
    /// Removes the user's second factor; false when there was none.
    virtual bool Delete(std::int64_t user_id) = 0;
};

class AuditRepo {
  public:
    virtual ~AuditRepo() = default;
    /// Appends, chaining the entry's hash to the previous one; returns the sequence number.
    virtual std::int64_t Append(AuditRecord record) = 0;
    /// Newest first.
    virtual std::vector<AuditRecord> List(const AuditFilter& filter) = 0;
    /// Entries with seq > after_seq in chain order (oldest first), at most `limit`.
    virtual std::vector<AuditRecord> Range(std::int64_t after_seq, int limit) = 0;
    /// The newest entry, nullopt when the log is empty.
    virtual std::optional<AuditRecord> Last() = 0;
};

class YouthRepo {
  public:
    virtual ~YouthRepo() = default;
    /// Inserts the youth with phones and contacts (ids are set) and indexes the name.
    virtual std::int64_t Insert(const YouthRecord& youth) = 0;
    /// Replaces details, phones and contacts; reindexes the name.
    virtual void Update(const YouthRecord& youth) = 0;
    virtual std::optional<YouthRecord> Find(std::int64_t id) = 0;
    /// Youths matching every given criterion, ordered by family name, given name, id.
    virtual std::vector<YouthHitRecord> Search(const YouthSearch& search, TimePoint now) = 0;
    /// Youths with this normalised number as their own or a guardian's/network contact's phone.
    virtual std::vector<YouthHitRecord> FindByPhone(std::string_view phone, TimePoint now) = 0;
    /// Fills pre_registered and the 30/90-day case counts of one youth.
    virtual YouthHitRecord Hit(std::int64_t youth_id, TimePoint now) = 0;
    /// Youths whose personal data is still there and whose record has not changed since
    /// `cutoff`: no contact, case, plan or change of details after it. Oldest id first; with
    /// `only_youth`, that youth or nobody.
    virtual std::vector<std::int64_t> PastRetention(TimePoint cutoff, int limit, std::int64_t only_youth = 0) = 0;
    /// Removes the personal data of the youth and every free text about them in their record;
    /// keeps ids, times, codes and what the figures count, and leaves `pseudonym` in the name's
    /// place. The write-once rules of the record make way for this only.
    virtual void RemovePersonalData(std::int64_t youth_id, std::string_view pseudonym, TimePoint at) = 0;
};

class ConsentRepo {
  public:
    virtual ~ConsentRepo() = default;
    virtual std::int64_t Insert(const ConsentRecord& consent) = 0;
    virtual std::optional<ConsentRecord> Find(std::int64_t id) = 0;
    virtual void Withdraw(std::int64_t id, TimePoint at, std::int64_t by, std::string_view note) = 0;
    /// Newest first.
    virtual std::vector<ConsentRecord> ListForYouth(std::int64_t youth_id) = 0;
    /// Whether a consent of that scope is valid at `now`.
    virtual bool HasValid(std::int64_t youth_id, std::string_view scope, TimePoint now) = 0;
};

class PreRegistrationRepo {
  public:
    virtual ~PreRegistrationRepo() = default;
    /// nullopt when the youth already has an active pre-registration.
    virtual std::optional<std::int64_t> Insert(const PreRegistrationRecord& r) = 0;
    virtual void Update(const PreRegistrationRecord& r) = 0;
    virtual std::optional<PreRegistrationRecord> Find(std::int64_t id) = 0;
    virtual std::optional<PreRegistrationRecord> FindActive(std::int64_t youth_id) = 0;
    virtual void End(std::int64_t id, TimePoint at, std::string_view reason) = 0;
    /// Every pre-registration of the youth, ended ones too, newest first.
    virtual std::vector<PreRegistrationRecord> ListForYouth(std::int64_t youth_id) = 0;
    /// Every active pre-registration, by youth.
    virtual std::vector<PreRegistrationRecord> ListActive() = 0;
};

class DestructionRequestRepo {
  public:
    virtual ~DestructionRequestRepo() = default;
    virtual std::int64_t Insert(const DestructionRequestRecord& r) = 0;
    /// Newest first.
    virtual std::vector<DestructionRequestRecord> List(int limit) = 0;
};

class StatementRepo {
  public:
    virtual ~StatementRepo() = default;
    virtual std::int64_t Insert(const StatementRecord& s) = 0;
    /// Oldest first.
    virtual std::vector<StatementRecord> ListForYouth(std::int64_t youth_id) = 0;
};

class PlanRepo {
  public:
    virtual ~PlanRepo() = default;
    virtual std::int64_t Insert(const PlanVersionRecord& plan) = 0;
    /// Version 0: the latest.
    virtual std::optional<PlanVersionRecord> Find(std::int64_t youth_id, int version) = 0;
    virtual int LatestVersion(std::int64_t youth_id) = 0;  // 0: none
    /// Newest first, without content.
    virtual std::vector<PlanVersionRecord> List(std::int64_t youth_id) = 0;
};

class BreakGlassRepo {
  public:
    virtual ~BreakGlassRepo() = default;
    virtual std::int64_t Insert(const BreakGlassRecord& r) = 0;
    virtual std::optional<BreakGlassRecord> Find(std::int64_t id) = 0;
    /// The caller's window for this youth open at `now` with the latest expiry, if any.
    virtual std::optional<BreakGlassRecord> FindOpen(std::int64_t user_id, std::int64_t youth_id, TimePoint now) = 0;
    /// Oldest first.
    virtual std::vector<BreakGlassRecord> List(bool include_reviewed) = 0;
    virtual void Review(std::int64_t id, TimePoint at, std::int64_t by, bool approved, std::string_view note) = 0;
};

class CaseRepo {
  public:
    virtual ~CaseRepo() = default;
    virtual std::int64_t Insert(const CaseRecord& c) = 0;
    /// Writes every field, problem areas and risk flags included.
    virtual void Update(const CaseRecord& c) = 0;
    /// Sets only the case's updated_at: what a new contact, consult or handover changes.
    virtual void Touch(std::int64_t case_id, TimePoint at) = 0;
    virtual std::optional<CaseRecord> Find(std::int64_t id) = 0;
    /// Newest first.
    virtual std::vector<CaseRecord> List(const CaseFilter& filter) = 0;
    virtual std::int64_t AddEvent(const CaseEventRecord& e) = 0;
    virtual std::vector<CaseEventRecord> Events(std::int64_t case_id) = 0;
    virtual std::int64_t InsertContact(const ContactRecord& c) = 0;
    /// Oldest first.
    virtual std::vector<ContactRecord> Contacts(std::int64_t case_id) = 0;
    /// Cases with a contact from this normalised number, newest first.
    virtual std::vector<CallerCaseRecord> FindByCallerPhone(std::string_view phone, int limit) = 0;
};

class ConsultRepo {
  public:
    virtual ~ConsultRepo() = default;
    virtual std::int64_t Insert(const ConsultRecord& c) = 0;
    virtual std::optional<ConsultRecord> Find(std::int64_t id) = 0;
    virtual void Answer(std::int64_t id, std::int64_t psychiatrist, TimePoint at, std::string_view advice) = 0;
    /// case_id 0: all cases. Open ones first (oldest first), then answered (newest first).
    virtual std::vector<ConsultRecord> List(bool open_only, std::int64_t case_id) = 0;
};

class MeldcodeRepo {
  public:
    virtual ~MeldcodeRepo() = default;
    /// Inserts the track; nullopt when its case already has one.
    virtual std::optional<std::int64_t> Insert(const MeldcodeTrackRecord& t) = 0;
    virtual std::optional<MeldcodeTrackRecord> Find(std::int64_t id) = 0;
    virtual std::optional<MeldcodeTrackRecord> FindByCase(std::int64_t case_id) = 0;
    /// Writes every field but the consultations. The schema refuses it once the track is no
    /// longer open.
    virtual void Update(const MeldcodeTrackRecord& t) = 0;
    virtual std::int64_t AddConsultation(const MeldcodeConsultationRecord& c) = 0;
    /// Open tracks first (oldest first), then the others (newest first); at most `limit`.
    virtual std::vector<MeldcodeTrackRecord> List(bool open_only, int limit) = 0;
};

class ShiftRepo {
  public:
    virtual ~ShiftRepo() = default;
    /// Inserts or replaces the shift of that date.
    virtual void Put(const ShiftRecord& s) = 0;
    virtual std::optional<ShiftRecord> Find(std::string_view shift_date) = 0;
    virtual std::int64_t AddNote(const ShiftNoteRecord& n) = 0;
    /// Notes of shifts on or after `since_date`, oldest first.
    virtual std::vector<ShiftNoteRecord> Notes(std::string_view since_date) = 0;
};

class ThrottleRepo {
  public:
    virtual ~ThrottleRepo() = default;
    virtual std::optional<ThrottleRecord> Find(std::string_view kind, std::string_view key) = 0;
    /// Inserts or replaces the key's row.
    virtual void Put(const ThrottleRecord& r) = 0;
    /// False when there was no such key.
    virtual bool Delete(std::string_view kind, std::string_view key) = 0;
    /// Failure counts (not sign-in buckets) whose last failure is at or after `since`.
    virtual std::vector<ThrottleRecord> Failures(TimePoint since) = 0;
};

class IdempotencyRepo {
  public:
    virtual ~IdempotencyRepo() = default;
    virtual std::optional<IdempotencyRecord> Find(std::int64_t user_id, std::string_view method,
                                                  std::string_view key) = 0;
    virtual void Insert(std::int64_t user_id, std::string_view method, std::string_view key, const IdempotencyRecord& r,
                        TimePoint now) = 0;
};

class DirectoryRepo {
  public:
    virtual ~DirectoryRepo() = default;
    /// nullopt when the name is taken by another organisation.
    virtual std::optional<std::int64_t> Insert(const OrganisationRecord& o) = 0;
    /// Replaces details and contacts; false when the name is taken by another organisation.
    virtual bool Update(const OrganisationRecord& o) = 0;
    virtual std::optional<OrganisationRecord> Find(std::int64_t id) = 0;
    /// kind and municipality "" for any; ordered by municipality, name.
    virtual std::vector<OrganisationRecord> List(std::string_view kind, std::string_view municipality) = 0;
};

class HandoverRepo {
  public:
    virtual ~HandoverRepo() = default;
    virtual std::int64_t Insert(const HandoverRecord& h) = 0;
    virtual std::optional<HandoverRecord> Find(std::int64_t id) = 0;
    virtual void AddStep(std::int64_t handover_id, const HandoverStepRecord& step) = 0;
    /// Writes status, agreements and escalation reason.
    virtual void UpdateState(const HandoverRecord& h) = 0;
    /// Ordered by due time, then id.
    virtual std::vector<HandoverRecord> List(const HandoverFilter& filter) = 0;
    /// Unconfirmed handovers due before `due_before` whose alert ("reminder" or "overdue") has
    /// not been sent, oldest due first.
    virtual std::vector<HandoverRecord> ListUnalerted(std::string_view alert, TimePoint due_before, int limit) = 0;
    virtual void MarkAlerted(std::int64_t id, std::string_view alert, TimePoint at) = 0;
};

class EventRepo {
  public:
    virtual ~EventRepo() = default;
    /// Appends to the outbox; returns the sequence number. The store tells its event listener
    /// after the transaction commits.
    virtual std::int64_t Append(const EventRecord& e) = 0;
    /// Events with seq > after, oldest first.
    virtual std::vector<EventRecord> After(std::int64_t after, int limit) = 0;
    /// The highest sequence number written, 0 when none.
    virtual std::int64_t Head() = 0;
};

class EvaluationRepo {
  public:
    virtual ~EvaluationRepo() = default;
    /// Inserts with participants; nullopt when the case already has an evaluation.
    virtual std::optional<std::int64_t> Insert(const EvaluationRecord& e) = 0;
    virtual std::optional<EvaluationRecord> Find(std::int64_t id) = 0;
    virtual std::optional<EvaluationRecord> FindByCase(std::int64_t case_id) = 0;
    /// Writes every field and replaces the participants. The schema refuses it once finalised.
    virtual void Update(const EvaluationRecord& e) = 0;
    /// Ordered by due date, then id; without comments.
    virtual std::vector<EvaluationRecord> List(const EvaluationFilter& filter) = 0;
    virtual std::int64_t AddComment(const ReviewCommentRecord& c) = 0;
    /// Oldest first.
    virtual std::vector<ReviewCommentRecord> Comments(std::int64_t evaluation_id) = 0;
    /// Cases of the youth opened in [from, to] (both ends included).
    virtual int CountYouthCases(std::int64_t youth_id, TimePoint from, TimePoint to) = 0;
};

class ProposalRepo {
  public:
    virtual ~ProposalRepo() = default;
    /// Inserts with its sources and the first history line ("open").
    virtual std::int64_t Insert(const ProposalRecord& p) = 0;
    virtual std::optional<ProposalRecord> Find(std::int64_t id) = 0;
    /// Sets the status and appends the change to the history.
    virtual void SetStatus(std::int64_t id, const ProposalStatusRecord& change) = 0;
    /// Newest first.
    virtual std::vector<ProposalRecord> List(const ProposalFilter& filter) = 0;
};

/// The figures and exports: SQL aggregates, never all rows into memory (the handover medians
/// keep one duration per confirmed handover of the period).
class StatsRepo {
  public:
    virtual ~StatsRepo() = default;
    /// One record per bucket, in bucket order.
    virtual std::vector<CaseFiguresRecord> CaseFigures(const FiguresQuery& q) = 0;
    /// Problem areas, risk flags, responses, proposals (by status) and Meldcode tracks (by where
    /// they stand: undecided, transferred or the decision) per bucket.
    virtual std::vector<KeyedCountRecord> KeyedCounts(const FiguresQuery& q) = 0;
    /// Per bucket and for the whole period (bucket index buckets.size()).
    virtual std::vector<HandoverFiguresRecord> HandoverFigures(const FiguresQuery& q) = 0;
    /// Youths with a case in [from, to) that is at least their `min_cases`-th within `days` days.
    virtual std::vector<RepeatYouthRecord> RepeatYouths(TimePoint from, TimePoint to, int min_cases, int days) = 0;
    virtual std::vector<PeriodNoteRecord> Notes(const std::vector<std::string>& periods) = 0;
    /// Inserts or replaces; an empty text removes the note.
    virtual void PutNote(const PeriodNoteRecord& note) = 0;
    /// entity: cases | contacts | consults | handovers | evaluations | proposals. Rows with id > after_id.
    virtual ExportPage Export(std::string_view entity, TimePoint from, TimePoint to, std::int64_t after_id,
                              int limit) = 0;
};

/// One transaction's view of the store.
class Tx {
  public:
    virtual ~Tx() = default;
    virtual UserRepo& users() = 0;
    virtual SessionRepo& sessions() = 0;
    virtual AuditRepo& audit() = 0;
    virtual YouthRepo& youths() = 0;
    virtual ConsentRepo& consents() = 0;
    virtual PreRegistrationRepo& pre_registrations() = 0;
    virtual PlanRepo& plans() = 0;
    virtual BreakGlassRepo& break_glass() = 0;
    virtual CaseRepo& cases() = 0;
    virtual ConsultRepo& consults() = 0;
    virtual MeldcodeRepo& meldcode() = 0;
    virtual StatementRepo& statements() = 0;
    virtual DestructionRequestRepo& destruction_requests() = 0;
    virtual ShiftRepo& shifts() = 0;
    virtual IdempotencyRepo& idempotency() = 0;
    virtual ThrottleRepo& throttles() = 0;
    virtual DirectoryRepo& directory() = 0;
    virtual HandoverRepo& handovers() = 0;
    virtual EventRepo& events() = 0;
    virtual TotpRepo& totp() = 0;
    virtual EvaluationRepo& evaluations() = 0;
    virtual ProposalRepo& proposals() = 0;
    virtual StatsRepo& stats() = 0;
};

/// Figures for /metrics that need the database.
struct OperationalCounts {
    std::int64_t open_cases = 0;
    std::int64_t handovers_due = 0;      // unconfirmed, due time still ahead
    std::int64_t handovers_overdue = 0;  // unconfirmed, due time passed
    std::int64_t consults_waiting = 0;   // requested, not answered
};

/// The store behind the services: SQLite (db/sqlite_store.hpp) or PostgreSQL (db/pg_store.hpp).
/// `Read` runs on a reader connection in one snapshot; `Write` runs on the single writer in
/// one transaction that commits only when the function returns success, and is durable
/// (synchronous=FULL) before Write returns.
class Store {
  public:
    virtual ~Store() = default;

    template <typename F>
    auto Read(F&& fn) -> std::invoke_result_t<F, Tx&> {
        return Run([this](const std::function<Status(Tx&)>& tx) { return RunTx(false, tx); }, std::forward<F>(fn));
    }
    template <typename F>
    auto Write(F&& fn) -> std::invoke_result_t<F, Tx&> {
        return Run([this](const std::function<Status(Tx&)>& tx) { return RunTx(true, tx); }, std::forward<F>(fn));
    }

    /// A write that may use the storage reserve: the audit line of a read or of a refused call
    /// (and the session's last use), and a sign-in. So when storage is full reads keep working
    /// and keep being audited, and the team still signs in, while writes answer `unavailable`.
    template <typename F>
    auto WriteAudit(F&& fn) -> std::invoke_result_t<F, Tx&> {
        return Run([this](const std::function<Status(Tx&)>& tx) { return RunAuditTx(tx); }, std::forward<F>(fn));
    }

    /// A write that appends to neither log (audit, events): the sign-in throttle's and the
    /// request limit's counters. On PostgreSQL it does not wait for the writers of the logs.
    template <typename F>
    auto WriteCounters(F&& fn) -> std::invoke_result_t<F, Tx&> {
        return Run([this](const std::function<Status(Tx&)>& tx) { return RunCountersTx(tx); }, std::forward<F>(fn));
    }

    /// True when the database is open, migrated and answers a query.
    virtual bool Ready() = 0;
    /// Counts for monitoring (/metrics). Throws when the database cannot answer.
    virtual OperationalCounts Counts(TimePoint now) = 0;

    /// Called (on the writing thread, after the commit) when a write transaction appended
    /// events. Set once, before the store is shared between threads.
    void SetEventListener(std::function<void()> listener) { event_listener_ = std::move(listener); }

  protected:
    /// Runs `fn` in a transaction; commits a write when it returns ok. Failures of the store
    /// itself come back as `unavailable` (disk full, I/O) or `aborted` (busy).
    virtual Status RunTx(bool write, const std::function<Status(Tx&)>& fn) = 0;
    /// WriteAudit's transaction; a store without a reserve runs it as any write.
    virtual Status RunAuditTx(const std::function<Status(Tx&)>& fn) { return RunTx(true, fn); }
    /// WriteCounters' transaction; a store whose writers take turns anyway runs it as any write.
    virtual Status RunCountersTx(const std::function<Status(Tx&)>& fn) { return RunTx(true, fn); }
    void NotifyEvents() {
        if (event_listener_) event_listener_();
    }

  private:
    /// Runs `fn` in the transaction `run_tx` makes, keeping its result: a Status, or a
    /// Result<T> whose error wins over the transaction's.
    template <typename RunTxFn, typename F>
    auto Run(RunTxFn&& run_tx, F&& fn) -> std::invoke_result_t<F, Tx&> {
        using R = std::invoke_result_t<F, Tx&>;
        if constexpr (std::is_same_v<R, Status>) {
            return run_tx([&](Tx& tx) { return fn(tx); });
        } else {
            std::optional<R> out;
            Status st = run_tx([&](Tx& tx) -> Status {
                out.emplace(fn(tx));
                if (!out->ok()) return out->error();
                return Ok();
            });
            if (!st.ok() && (!out || out->ok())) return std::move(st).take_error();
            return std::move(*out);
        }
    }

    std::function<void()> event_listener_;
};

}  // namespace spoed::db
