#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace spoed::daemon {

/// Request counters and latency histograms for GET /metrics (Prometheus text format 0.0.4).
/// Labels are bounded: an RPC of the role × RPC table, one of the fixed paths, or "other", so
/// that odd paths sent by anyone cannot grow the series without end. Thread-safe.
class RequestMetrics {
  public:
    static constexpr std::array<double, 11> kBuckets = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    /// `target` as received, `code` a Connect code name ("ok" for success).
    void Record(std::string_view target, std::string_view code, double seconds);
    /// Appends the request series.
    void Render(std::string& out) const;

    /// The label for a request target: "spoed.v1.CaseService/LogContact", "/healthz", or "other".
    static std::string MethodLabel(std::string_view target);
    /// The Connect code of an answer: "ok" for 200, else the "code" of the error body, else the
    /// HTTP status as text.
    static std::string CodeLabel(int status, std::string_view body);

  private:
    struct Histogram {
        std::array<std::uint64_t, kBuckets.size()> buckets{};
        std::uint64_t count = 0;
        double sum = 0;
    };
    mutable std::mutex mutex_;
    std::map<std::pair<std::string, std::string>, std::uint64_t> requests_;  // (method, code)
    std::map<std::string, Histogram> latency_;
};

/// Appends one gauge with its HELP and TYPE lines.
void AppendGauge(std::string& out, std::string_view name, std::string_view help, double value);

}  // namespace spoed::daemon
