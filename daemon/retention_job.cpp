#include "daemon/retention_job.hpp"

#include "base/log.hpp"

namespace spoed::daemon {

void RetentionJob::Start() {
    if (policy_.years <= 0 || thread_.joinable()) return;
    thread_ = std::thread([this] { Run(); });
}

void RetentionJob::Stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void RetentionJob::Run() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        lock.unlock();
        auto removed = service::RunRetention(store_, clock_.Now(), policy_);
        if (!removed.ok()) {
            log::Warn("retention.failed", "the retention job failed; it runs again tomorrow",
                      {{"error", std::string(removed.error().message)}});
        }
        lock.lock();
        wake_.wait_for(lock, std::chrono::hours(24), [this] { return stopping_; });
    }
}

}  // namespace spoed::daemon
