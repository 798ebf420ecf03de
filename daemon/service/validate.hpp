#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "base/clock.hpp"
#include "base/result.hpp"
#include "spoed/v1/youth.pb.h"

namespace google::protobuf {
class Timestamp;
}

namespace spoed::daemon::service {

/// Field checks shared by the services. Every error message starts with the field's name as
/// the API spells it (e.g. "youth.given_name: required"), so a client can point at it.

enum class TextKind { kLine, kMultiline };

/// Valid UTF-8, at most `max_bytes`, no control characters (newlines and tabs only in
/// multiline text); `required` refuses empty or blank text.
Status CheckText(std::string_view field, std::string_view value, std::size_t max_bytes, bool required,
                 TextKind kind = TextKind::kLine);

/// Empty or only spaces, tabs and newlines.
bool IsBlank(std::string_view s);

/// A real calendar date from the API's Date message.
Result<std::chrono::year_month_day> CheckDate(std::string_view field, const v1::Date& date);
std::string IsoDate(std::chrono::year_month_day d);  // "2010-07-03"
std::optional<std::chrono::year_month_day> ParseIsoDate(std::string_view iso);
v1::Date ToProtoDate(std::chrono::year_month_day d);

/// A phone number in any common notation, normalised ("+31612345678").
Result<std::string> CheckPhone(std::string_view field, std::string_view value);

/// A moment from a request, within what the API can say back: 0001-01-01 to 9999-12-31 (UTC),
/// nanos 0 to 999 999 999. Anything else is refused naming `field`, never wrapped round.
Result<TimePoint> CheckTimestamp(std::string_view field, const google::protobuf::Timestamp& ts);
/// CheckTimestamp when the request has the moment, else `otherwise`.
Result<TimePoint> CheckTimestampOr(std::string_view field, bool has, const google::protobuf::Timestamp& ts,
                                   TimePoint otherwise);

/// A positive id.
Status CheckId(std::string_view field, std::int64_t id);

/// The local (Europe/Amsterdam) calendar date of a moment.
std::chrono::year_month_day LocalDate(TimePoint t);

}  // namespace spoed::daemon::service
