#include "daemon/metrics.hpp"

#include <cstdio>

#include "daemon/api/access.hpp"

namespace spoed::daemon {
namespace {

std::string Number(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

}  // namespace

std::string RequestMetrics::MethodLabel(std::string_view target) {
    std::string_view path = target.substr(0, target.find('?'));
    if (path == "/healthz" || path == "/readyz" || path == "/metrics") return std::string(path);
    if (path.size() > 1 && path.front() == '/') {
        std::string_view rest = path.substr(1);
        std::size_t slash = rest.find('/');
        if (slash != std::string_view::npos &&
            api::FindRule(rest.substr(0, slash), rest.substr(slash + 1)) != nullptr) {
            return std::string(rest);
        }
    }
    return "other";
}

std::string RequestMetrics::CodeLabel(int status, std::string_view body) {
    if (status == 200) return "ok";
    constexpr std::string_view kKey = R"("code":")";
    if (std::size_t p = body.find(kKey); p != std::string_view::npos && p < 16) {
        std::size_t start = p + kKey.size();
        std::size_t end = body.find('"', start);
        std::string_view code = body.substr(start, end - start);
        bool plain = end != std::string_view::npos && !code.empty() && code.size() <= 24;
        for (char c : code) plain = plain && ((c >= 'a' && c <= 'z') || c == '_');
        if (plain) return std::string(code);
    }
    return std::to_string(status);
}

void RequestMetrics::Record(std::string_view target, std::string_view code, double seconds) {
    std::string method = MethodLabel(target);
    std::lock_guard lock(mutex_);
    ++requests_[{method, std::string(code)}];
    Histogram& h = latency_[method];
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i]) ++h.buckets[i];
    }
    ++h.count;
    h.sum += seconds;
}

void RequestMetrics::Render(std::string& out) const {
    std::lock_guard lock(mutex_);
    out += "# HELP spoed_requests_total Requests answered, by RPC (or path) and Connect code.\n";
    out += "# TYPE spoed_requests_total counter\n";
    for (const auto& [key, n] : requests_) {
        out += "spoed_requests_total{method=\"" + key.first + "\",code=\"" + key.second + "\"} " + std::to_string(n) +
               "\n";
    }
    out += "# HELP spoed_request_duration_seconds Time from a complete request to its answer, by RPC.\n";
    out += "# TYPE spoed_request_duration_seconds histogram\n";
    for (const auto& [method, h] : latency_) {
        std::string labels = "method=\"" + method + "\"";
        for (std::size_t i = 0; i < kBuckets.size(); ++i) {
            out += "spoed_request_duration_seconds_bucket{" + labels + ",le=\"" + Number(kBuckets[i]) + "\"} " +
                   std::to_string(h.buckets[i]) + "\n";
        }
        out += "spoed_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} " + std::to_string(h.count) + "\n";
        out += "spoed_request_duration_seconds_sum{" + labels + "} " + Number(h.sum) + "\n";
        out += "spoed_request_duration_seconds_count{" + labels + "} " + std::to_string(h.count) + "\n";
    }
}

void AppendGauge(std::string& out, std::string_view name, std::string_view help, double value) {
    out.append("# HELP ").append(name).append(" ").append(help).append("\n");
    out.append("# TYPE ").append(name).append(" gauge\n");
    out.append(name).append(" ").append(Number(value)).append("\n");
}

}  // namespace spoed::daemon
