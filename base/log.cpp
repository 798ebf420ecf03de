#include "base/log.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace spoed::log {
namespace {

std::atomic<Level> g_min_level{Level::kInfo};
std::mutex g_mutex;
std::function<void(std::string_view)>& SinkRef() {
    static std::function<void(std::string_view)> sink;
    return sink;
}

std::string_view LevelName(Level l) {
    switch (l) {
        case Level::kDebug:
            return "debug";
        case Level::kInfo:
            return "info";
        case Level::kWarn:
            return "warn";
        case Level::kError:
            return "error";
    }
    return "info";
}

bool NeedsQuotes(std::string_view v) {
    if (v.empty()) return true;
    for (char c : v) {
        if (c == ' ' || c == '"' || c == '=' || static_cast<unsigned char>(c) < 0x20) return true;
    }
    return false;
}

void AppendValue(std::string& out, std::string_view v) {
    if (!NeedsQuotes(v)) {
        out.append(v);
        return;
    }
    out.push_back('"');
    for (char c : v) {
        if (c == '"' || c == '\\') {
            out.push_back('\\');
            out.push_back(c);
        } else if (static_cast<unsigned char>(c) < 0x20) {
            out.push_back(' ');  // one event, one line: no control characters
        } else {
            out.push_back(c);
        }
    }
    out.push_back('"');
}

}  // namespace

void Write(Level level, std::string_view id, std::string_view message, std::initializer_list<Field> fields) {
    if (level < g_min_level.load(std::memory_order_relaxed)) return;
    auto now = std::chrono::system_clock::now();
    std::time_t secs = std::chrono::system_clock::to_time_t(now);
    auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char stamp[64];
    std::snprintf(stamp, sizeof stamp, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(millis));

    std::string line;
    line.reserve(128);
    line.append(stamp).append(" ").append(LevelName(level)).append(" ").append(id).append(" ");
    AppendValue(line, message);
    for (const auto& f : fields) {
        line.append(" ").append(f.key).append("=");
        AppendValue(line, f.value);
    }

    std::lock_guard lock(g_mutex);
    if (SinkRef()) {
        SinkRef()(line);
    } else {
        line.push_back('\n');
        std::fwrite(line.data(), 1, line.size(), stderr);
        std::fflush(stderr);
    }
}

void SetMinLevel(Level level) { g_min_level.store(level); }

void SetSink(std::function<void(std::string_view)> sink) {
    std::lock_guard lock(g_mutex);
    SinkRef() = std::move(sink);
}

}  // namespace spoed::log
