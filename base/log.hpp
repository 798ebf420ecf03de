#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>

namespace spoed::log {

enum class Level { kDebug, kInfo, kWarn, kError };

/// One key=value pair of a log line. Values are ids, counts, codes and addresses — never a
/// youth's name, phone number or plan text: logs leave the machine, the audit log does not.
struct Field {
    Field(std::string_view k, std::string_view v) : key(k), value(v) {}
    Field(std::string_view k, const char* v) : key(k), value(v) {}
    Field(std::string_view k, std::string v) : key(k), value(std::move(v)) {}
    Field(std::string_view k, std::int64_t v) : key(k), value(std::to_string(v)) {}
    Field(std::string_view k, int v) : key(k), value(std::to_string(v)) {}
    Field(std::string_view k, unsigned v) : key(k), value(std::to_string(v)) {}
    Field(std::string_view k, std::uint64_t v) : key(k), value(std::to_string(v)) {}
    Field(std::string_view k, double v) : key(k), value(std::to_string(v)) {}
    std::string_view key;
    std::string value;
};

/// Writes one line: `<utc time> <level> <id> <message> key=value ...`. `id` is a stable short
/// identifier (e.g. "net.accept_failed") that operators can alert on; thread-safe.
void Write(Level level, std::string_view id, std::string_view message, std::initializer_list<Field> fields = {});

inline void Debug(std::string_view id, std::string_view m, std::initializer_list<Field> f = {}) {
    Write(Level::kDebug, id, m, f);
}
inline void Info(std::string_view id, std::string_view m, std::initializer_list<Field> f = {}) {
    Write(Level::kInfo, id, m, f);
}
inline void Warn(std::string_view id, std::string_view m, std::initializer_list<Field> f = {}) {
    Write(Level::kWarn, id, m, f);
}
inline void Error(std::string_view id, std::string_view m, std::initializer_list<Field> f = {}) {
    Write(Level::kError, id, m, f);
}

void SetMinLevel(Level level);
/// Replaces where lines go (default: stderr). Tests use it to read what was logged; pass an
/// empty function to go back to stderr.
void SetSink(std::function<void(std::string_view line)> sink);

}  // namespace spoed::log
