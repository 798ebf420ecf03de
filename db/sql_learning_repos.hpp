#pragma once

#include "db/sqlite.hpp"
#include "db/store.hpp"

namespace spoed::db {

class SqlEvaluationRepo final : public EvaluationRepo {
  public:
    explicit SqlEvaluationRepo(Connection& c) : c_(c) {}
    std::optional<std::int64_t> Insert(const EvaluationRecord& e) override;
    std::optional<EvaluationRecord> Find(std::int64_t id) override;
    std::optional<EvaluationRecord> FindByCase(std::int64_t case_id) override;
    void Update(const EvaluationRecord& e) override;
    std::vector<EvaluationRecord> List(const EvaluationFilter& filter) override;
    std::int64_t AddComment(const ReviewCommentRecord& c) override;
    std::vector<ReviewCommentRecord> Comments(std::int64_t evaluation_id) override;
    int CountYouthCases(std::int64_t youth_id, TimePoint from, TimePoint to) override;

  private:
    void WriteParticipants(const EvaluationRecord& e);
    void LoadParticipants(EvaluationRecord& e);
    Connection& c_;
};

class SqlProposalRepo final : public ProposalRepo {
  public:
    explicit SqlProposalRepo(Connection& c) : c_(c) {}
    std::int64_t Insert(const ProposalRecord& p) override;
    std::optional<ProposalRecord> Find(std::int64_t id) override;
    void SetStatus(std::int64_t id, const ProposalStatusRecord& change) override;
    std::vector<ProposalRecord> List(const ProposalFilter& filter) override;

  private:
    void LoadDetails(ProposalRecord& p);
    Connection& c_;
};

class SqlStatsRepo final : public StatsRepo {
  public:
    explicit SqlStatsRepo(Connection& c) : c_(c) {}
    std::vector<CaseFiguresRecord> CaseFigures(const FiguresQuery& q) override;
    std::vector<KeyedCountRecord> KeyedCounts(const FiguresQuery& q) override;
    std::vector<HandoverFiguresRecord> HandoverFigures(const FiguresQuery& q) override;
    std::vector<RepeatYouthRecord> RepeatYouths(TimePoint from, TimePoint to, int min_cases, int days) override;
    std::vector<PeriodNoteRecord> Notes(const std::vector<std::string>& periods) override;
    void PutNote(const PeriodNoteRecord& note) override;
    ExportPage Export(std::string_view entity, TimePoint from, TimePoint to, std::int64_t after_id, int limit) override;

  private:
    Connection& c_;
};

}  // namespace spoed::db
