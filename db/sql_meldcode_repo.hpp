#pragma once

#include "db/sqlite.hpp"
#include "db/store.hpp"

namespace spoed::db {

class SqlMeldcodeRepo final : public MeldcodeRepo {
  public:
    explicit SqlMeldcodeRepo(Connection& c) : c_(c) {}
    std::optional<std::int64_t> Insert(const MeldcodeTrackRecord& t) override;
    std::optional<MeldcodeTrackRecord> Find(std::int64_t id) override;
    std::optional<MeldcodeTrackRecord> FindByCase(std::int64_t case_id) override;
    void Update(const MeldcodeTrackRecord& t) override;
    std::int64_t AddConsultation(const MeldcodeConsultationRecord& c) override;
    std::vector<MeldcodeTrackRecord> List(bool open_only, int limit) override;

  private:
    std::optional<MeldcodeTrackRecord> FindWhere(std::string_view condition, std::int64_t value);
    void LoadConsultations(MeldcodeTrackRecord& t);
    Connection& c_;
};

}  // namespace spoed::db
