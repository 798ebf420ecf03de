#pragma once

#include "db/pg.hpp"
#include "db/store.hpp"

namespace spoed::db::pg {

/// The audit log on PostgreSQL: the same entries and the same hash chain as on SQLite
/// (db/audit_chain.hpp), so `VerifyAuditChain` walks either. Append must run inside the
/// caller's write transaction: it takes a transaction-wide advisory lock, so that concurrent
/// writers append one after the other and seq stays one gap-free sequence (a transaction that
/// rolls back leaves no hole, as its number was never committed).
class PgAuditRepo final : public AuditRepo {
  public:
    explicit PgAuditRepo(Connection& c) : c_(c) {}
    std::int64_t Append(AuditRecord record) override;
    std::vector<AuditRecord> List(const AuditFilter& filter) override;
    std::vector<AuditRecord> Range(std::int64_t after_seq, int limit) override;
    std::optional<AuditRecord> Last() override;

  private:
    Connection& c_;
};

}  // namespace spoed::db::pg
