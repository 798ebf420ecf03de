#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace spoed {

/// A fixed set of threads taking jobs from one queue: where the daemon runs calls that block
/// (database, password hashing) so the I/O threads never wait on them.
class WorkerPool {
public:
    explicit WorkerPool(unsigned threads);
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    /// Queues a job; returns false once Stop() has begun (the job is not run).
    bool Post(std::function<void()> job);
    /// Runs every job already queued, then joins the threads. Idempotent.
    void Stop();

private:
    void Loop();

    std::mutex mutex_;
    std::condition_variable cv_;
    std::deque<std::function<void()>> jobs_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace spoed
