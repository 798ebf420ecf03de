#pragma once

#include <cstdint>
#include <string>

#include "base/clock.hpp"

namespace spoed::db {

/// Who may receive an event, as bits (migration 0004).
enum Audience : int {
    kAudienceWorkers = 1,        // crisis workers of the case's shift
    kAudiencePsychiatrists = 2,  // the backup psychiatrists
    kAudienceCoordinators = 4,
};

/// One row of the event outbox.
struct EventRecord {
    std::int64_t seq = 0;
    TimePoint at;
    std::string kind;  // the EventKind name without prefix, for people reading the table
    int audience = 0;
    std::int64_t case_id = 0;
    std::string shift_date;  // "YYYY-MM-DD" or ""
    std::string payload;     // serialized spoed.v1.Event (seq unset)
};

}  // namespace spoed::db
