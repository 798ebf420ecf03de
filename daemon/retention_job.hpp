#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "base/clock.hpp"
#include "daemon/service/retention.hpp"
#include "db/store.hpp"

namespace spoed::daemon {

/// Runs the retention job (service::RunRetention) once at start and then once a day, on a thread
/// of its own, until stopped. A failed run is logged and tried again the next day.
class RetentionJob {
  public:
    RetentionJob(db::Store& store, const Clock& clock, service::RetentionPolicy policy)
        : store_(store), clock_(clock), policy_(policy) {}
    ~RetentionJob() { Stop(); }
    void Start();
    void Stop();

  private:
    void Run();
    db::Store& store_;
    const Clock& clock_;
    service::RetentionPolicy policy_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace spoed::daemon
