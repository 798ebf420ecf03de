#pragma once

#include "db/sqlite.hpp"
#include "db/store.hpp"

namespace spoed::db {

class SqlDirectoryRepo final : public DirectoryRepo {
  public:
    explicit SqlDirectoryRepo(Connection& c) : c_(c) {}
    std::optional<std::int64_t> Insert(const OrganisationRecord& o) override;
    bool Update(const OrganisationRecord& o) override;
    std::optional<OrganisationRecord> Find(std::int64_t id) override;
    std::vector<OrganisationRecord> List(std::string_view kind, std::string_view municipality) override;

  private:
    bool NameTaken(std::string_view name, std::int64_t except_id);
    void WriteContacts(const OrganisationRecord& o);
    void LoadContacts(OrganisationRecord& o);
    Connection& c_;
};

class SqlHandoverRepo final : public HandoverRepo {
  public:
    explicit SqlHandoverRepo(Connection& c) : c_(c) {}
    std::int64_t Insert(const HandoverRecord& h) override;
    std::optional<HandoverRecord> Find(std::int64_t id) override;
    void AddStep(std::int64_t handover_id, const HandoverStepRecord& step) override;
    void UpdateState(const HandoverRecord& h) override;
    std::vector<HandoverRecord> List(const HandoverFilter& filter) override;
    std::vector<HandoverRecord> ListUnalerted(std::string_view alert, TimePoint due_before, int limit) override;
    void MarkAlerted(std::int64_t id, std::string_view alert, TimePoint at) override;

  private:
    Connection& c_;
};

class SqlEventRepo final : public EventRepo {
  public:
    explicit SqlEventRepo(Connection& c) : c_(c) {}
    std::int64_t Append(const EventRecord& e) override;
    std::vector<EventRecord> After(std::int64_t after, int limit) override;
    std::int64_t Head() override;
    bool appended() const { return appended_; }

  private:
    Connection& c_;
    bool appended_ = false;
};

}  // namespace spoed::db
