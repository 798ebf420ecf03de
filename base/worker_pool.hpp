#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <limits>
#include <mutex>
#include <thread>
#include <vector>

namespace spoed {

/// A fixed set of threads taking jobs from one queue: where the daemon runs calls that block
/// (database, password hashing) so the I/O threads never wait on them.
class WorkerPool {
  public:
    struct Options {
        /// Jobs waiting at most; beyond, Post refuses (a pool for work that may be turned away).
        std::size_t max_queued = std::numeric_limits<std::size_t>::max();
        /// Extra room in the queue for urgent jobs only, which also go first.
        std::size_t urgent_reserve = 0;
        /// The threads' nice value (Linux, per thread): above 0, the rest of the process gets the
        /// CPU first whenever both want it (at 10, about nine tenths of it) and takes it back
        /// the moment it wakes.
        int nice = 0;
    };
    explicit WorkerPool(unsigned threads) : WorkerPool(threads, Options{}) {}
    WorkerPool(unsigned threads, Options options);
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    /// Queues a job; returns false once Stop() has begun, or when the queue is full (the job
    /// is not run). An urgent job goes before the others and may use the urgent reserve.
    bool Post(std::function<void()> job, bool urgent = false);
    /// Runs every job already queued, then joins the threads. Idempotent.
    void Stop();

  private:
    void Loop();

    const Options options_;
    std::mutex mutex_;
    std::condition_variable cv_;
    std::deque<std::function<void()>> jobs_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace spoed
