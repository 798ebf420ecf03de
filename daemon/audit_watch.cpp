#include "daemon/audit_watch.hpp"

#include "base/bits.hpp"
#include "base/log.hpp"

namespace spoed::daemon {
namespace {

void LogBroken(const db::AuditChainReport& r) {
    log::Error("audit.chain_broken", "the audit log's hash chain does not verify: someone changed the database",
               {{"seq", r.broken_seq}, {"problem", r.problem}, {"detail", r.message}});
}

}  // namespace

db::AuditChainReport AuditWatch::CheckAtStart() {
    auto report = store_.Read([&](db::Tx& tx) -> Result<db::AuditChainReport> {
        auto last = tx.audit().Last();
        db::AuditAnchor from;
        if (last && last->seq > startup_entries_) {
            // Start from the entry just before the tail; its own hash is taken on trust here
            // (spoedd audit verify walks the whole chain).
            auto before = tx.audit().Range(last->seq - startup_entries_ - 1, 1);
            if (!before.empty()) from = {before.front().seq, before.front().hash};
        }
        return db::VerifyAuditChain(tx.audit(), from);
    });
    if (!report.ok()) {
        log::Error("audit.check_failed", "could not read the audit log at start-up",
                   {{"code", std::string(ErrorCodeName(report.error().code))}});
        return {};
    }
    std::lock_guard lock(mutex_);
    verified_ = report->head;
    if (!report->ok) {
        broken_ = true;
        LogBroken(*report);
        ReanchorAtTail();
    } else {
        log::Info("audit.chain_ok", "the newest audit entries verify",
                  {{"entries", report->entries}, {"from_seq", report->first_seq}});
    }
    log::Info("audit.checkpoint", "audit log checkpoint; keep it elsewhere to verify the log later",
              {{"seq", verified_.seq}, {"hash", Hex(verified_.hash)}});
    return *report;
}

db::AuditChainReport AuditWatch::Checkpoint() {
    std::lock_guard lock(mutex_);
    auto report = store_.Read(
        [&](db::Tx& tx) -> Result<db::AuditChainReport> { return db::VerifyAuditChain(tx.audit(), verified_); });
    if (!report.ok()) {
        log::Error("audit.check_failed", "could not read the audit log for a checkpoint",
                   {{"code", std::string(ErrorCodeName(report.error().code))}});
        return {};
    }
    verified_ = report->head;
    if (!report->ok) {
        broken_ = true;
        LogBroken(*report);
        ReanchorAtTail();
    }
    log::Info("audit.checkpoint", "audit log checkpoint; keep it elsewhere to verify the log later",
              {{"seq", verified_.seq}, {"hash", Hex(verified_.hash)}});
    return *report;
}

void AuditWatch::ReanchorAtTail() {
    // Reported once; later checkpoints watch what is appended from here on.
    auto last = store_.Read([&](db::Tx& tx) -> Result<std::optional<db::AuditRecord>> { return tx.audit().Last(); });
    if (last.ok() && last->has_value()) verified_ = {(*last)->seq, (*last)->hash};
}

void AuditWatch::Start() {
    std::lock_guard lock(mutex_);
    if (thread_.joinable()) return;
    stopping_ = false;
    thread_ = std::thread([this] { Run(); });
}

AuditWatch::~AuditWatch() {
    try {
        Stop();
    } catch (const std::exception& e) {
        // A destructor must not throw; the last checkpoint is lost, which the log says.
        log::Error("audit.watch_stop_failed", "the audit watch did not stop cleanly", {{"error", e.what()}});
    }
}

void AuditWatch::Stop() {
    {
        std::lock_guard lock(mutex_);
        if (!thread_.joinable()) return;
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
    Checkpoint();
}

void AuditWatch::Run() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        if (wake_.wait_for(lock, interval_, [&] { return stopping_; })) break;
        lock.unlock();
        Checkpoint();
        lock.lock();
    }
}

}  // namespace spoed::daemon
