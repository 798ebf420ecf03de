#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

#include "db/audit_chain.hpp"
#include "db/store.hpp"

namespace spoed::daemon {

/// Keeps an eye on the audit hash chain while spoedd runs: at start-up it verifies the newest
/// `startup_entries` entries; then, every `interval`, it verifies what was appended since and
/// writes a checkpoint (sequence number + hash) to the log, so that a copy of the log kept
/// elsewhere can later prove the database's audit log was not cut short or rewritten
/// (`spoedd audit verify --checkpoint SEQ:HASH`). A broken chain is logged as an error
/// (audit.chain_broken); the daemon keeps serving, because the crisis line must stay up.
class AuditWatch {
  public:
    AuditWatch(db::Store& store, std::chrono::minutes interval, std::int64_t startup_entries = 10'000)
        : store_(store), interval_(interval), startup_entries_(startup_entries) {}
    ~AuditWatch();

    /// Verifies the tail and logs the first checkpoint. Returns the report (tests look at it).
    db::AuditChainReport CheckAtStart();
    /// Starts the periodic checkpoint thread.
    void Start();
    /// Stops it after one last checkpoint.
    void Stop();
    /// Verifies what was appended since the last checkpoint and logs a new one.
    db::AuditChainReport Checkpoint();

  private:
    void Run();
    void ReanchorAtTail();

    db::Store& store_;
    std::chrono::minutes interval_;
    std::int64_t startup_entries_;
    db::AuditAnchor verified_;  // the chain is known good up to here
    bool broken_ = false;       // a break was found (and logged) since start
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace spoed::daemon
