#include "base/worker_pool.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include "base/log.hpp"

namespace spoed {

WorkerPool::WorkerPool(unsigned threads, Options options) : options_(options) {
    if (threads == 0) threads = 1;
    for (unsigned i = 0; i < threads; ++i) threads_.emplace_back([this] { Loop(); });
}

WorkerPool::~WorkerPool() { Stop(); }

bool WorkerPool::Post(std::function<void()> job, bool urgent) {
    {
        std::lock_guard lock(mutex_);
        if (stopping_) return false;
        // Full for ordinary jobs at max_queued; urgent ones may go urgent_reserve beyond it.
        if (jobs_.size() >= options_.max_queued &&
            (!urgent || jobs_.size() - options_.max_queued >= options_.urgent_reserve)) {
            return false;
        }
        if (urgent) {
            jobs_.push_front(std::move(job));
        } else {
            jobs_.push_back(std::move(job));
        }
    }
    cv_.notify_one();
    return true;
}

void WorkerPool::Stop() {
    {
        std::lock_guard lock(mutex_);
        if (stopping_ && threads_.empty()) return;
        stopping_ = true;
    }
    cv_.notify_all();
    for (auto& t : threads_) {
        if (t.joinable()) t.join();
    }
    threads_.clear();
}

void WorkerPool::Loop() {
    if (options_.nice != 0 && ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), options_.nice) != 0) {
        log::Warn("worker.nice_failed", "could not lower a worker thread's priority", {{"nice", options_.nice}});
    }
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(mutex_);
            cv_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
            if (jobs_.empty()) return;  // stopping and drained
            job = std::move(jobs_.front());
            jobs_.pop_front();
        }
        try {
            job();
        } catch (const std::exception& e) {
            log::Error("worker.job_failed", "a job threw", {{"what", e.what()}});
        } catch (...) {
            log::Error("worker.job_failed", "a job threw a non-standard exception");
        }
    }
}

}  // namespace spoed
