#include "daemon/service/validate.hpp"

#include <google/protobuf/timestamp.pb.h>

#include <algorithm>
#include <cstdio>

#include "base/search_query.hpp"
#include "base/utf8.hpp"
#include "daemon/service/calendar.hpp"

namespace spoed::daemon::service {
Status CheckText(std::string_view field, std::string_view value, std::size_t max_bytes, bool required, TextKind kind) {
    if (value.size() > max_bytes) {
        return Error::InvalidArgument(std::string(field) + ": at most " + std::to_string(max_bytes) + " bytes")
            .Because("too_long", {{"max", std::to_string(max_bytes)}});
    }
    bool blank = true;
    for (std::size_t i = 0; i < value.size();) {
        std::size_t n = Utf8SequenceLength(value, i);
        if (n == 0) return Error::InvalidArgument(std::string(field) + ": not valid UTF-8");
        auto c = static_cast<unsigned char>(value[i]);
        if (n == 1) {
            bool allowed_ws = kind == TextKind::kMultiline && (c == '\n' || c == '\t' || c == '\r');
            if ((c < 0x20 && !allowed_ws) || c == 0x7f) {
                return Error::InvalidArgument(std::string(field) + ": must not contain control characters");
            }
            if (c != ' ' && c != '\n' && c != '\t' && c != '\r') blank = false;
        } else {
            blank = false;
            // Text-direction overrides and isolates (U+202A–U+202E, U+2066–U+2069) make a name
            // display as another ("Trojan Source"): refused in names and other short fields.
            if (kind == TextKind::kLine && n == 3 && c == 0xE2) {
                const auto c1 = static_cast<unsigned char>(value[i + 1]);
                const auto c2 = static_cast<unsigned char>(value[i + 2]);
                if ((c1 == 0x80 && c2 >= 0xAA && c2 <= 0xAE) || (c1 == 0x81 && c2 >= 0xA6 && c2 <= 0xA9)) {
                    return Error::InvalidArgument(std::string(field) + ": must not contain text-direction controls")
                        .Because("invalid_value");
                }
            }
        }
        i += n;
    }
    if (required && blank) return Error::InvalidArgument(std::string(field) + ": required").Because("required");
    return Ok();
}

bool IsBlank(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

Result<std::chrono::year_month_day> CheckDate(std::string_view field, const v1::Date& date) {
    using namespace std::chrono;
    if (date.year() == 0 && date.month() == 0 && date.day() == 0) {
        return Error::InvalidArgument(std::string(field) + ": required").Because("required");
    }
    year_month_day d{year{date.year()}, month{static_cast<unsigned>(date.month())},
                     day{static_cast<unsigned>(date.day())}};
    if (date.year() < 1900 || date.year() > 2200 || date.month() < 1 || date.month() > 12 || date.day() < 1 ||
        !d.ok()) {
        return Error::InvalidArgument(std::string(field) + ": not a valid date");
    }
    return d;
}

std::string IsoDate(std::chrono::year_month_day d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                  static_cast<unsigned>(d.day()));
    return buf;
}

std::optional<std::chrono::year_month_day> ParseIsoDate(std::string_view iso) {
    using namespace std::chrono;
    int y = 0;
    unsigned m = 0, dd = 0;
    if (iso.size() != 10 || std::sscanf(std::string(iso).c_str(), "%4d-%2u-%2u", &y, &m, &dd) != 3) {
        return std::nullopt;
    }
    year_month_day d{year{y}, month{m}, day{dd}};
    if (!d.ok()) return std::nullopt;
    return d;
}

v1::Date ToProtoDate(std::chrono::year_month_day d) {
    v1::Date out;
    out.set_year(static_cast<int>(d.year()));
    out.set_month(static_cast<int>(static_cast<unsigned>(d.month())));
    out.set_day(static_cast<int>(static_cast<unsigned>(d.day())));
    return out;
}

Result<std::string> CheckPhone(std::string_view field, std::string_view value) {
    if (value.size() > 40) return Error::InvalidArgument(std::string(field) + ": not a phone number");
    auto n = NormalizePhone(value);
    if (!n) return Error::InvalidArgument(std::string(field) + ": not a phone number");
    return *n;
}

Result<TimePoint> CheckTimestamp(std::string_view field, const google::protobuf::Timestamp& ts) {
    // google.protobuf.Timestamp's own range: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z.
    constexpr std::int64_t kMinSeconds = -62'135'596'800;
    constexpr std::int64_t kMaxSeconds = 253'402'300'799;
    if (ts.seconds() < kMinSeconds || ts.seconds() > kMaxSeconds || ts.nanos() < 0 || ts.nanos() > 999'999'999) {
        return Error::InvalidArgument(std::string(field) + ": not a moment between the years 1 and 9999")
            .Because("invalid_value");
    }
    return FromMicros(ts.seconds() * 1'000'000 + ts.nanos() / 1000);
}

Result<TimePoint> CheckTimestampOr(std::string_view field, bool has, const google::protobuf::Timestamp& ts,
                                   TimePoint otherwise) {
    if (!has) return otherwise;
    return CheckTimestamp(field, ts);
}

Status CheckId(std::string_view field, std::int64_t id) {
    if (id <= 0) return Error::InvalidArgument(std::string(field) + ": required").Because("required");
    return Ok();
}

std::chrono::year_month_day LocalDate(TimePoint t) {
    return std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(UtcToLocal(t))};
}

}  // namespace spoed::daemon::service
