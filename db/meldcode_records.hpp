#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"

namespace spoed::db {

/// Rows of the Meldcode tracks (migration 0010).

struct MeldcodeConsultationRecord {
    std::int64_t id = 0;
    std::int64_t track_id = 0;
    std::string kind;  // colleague | meldcode_officer | veilig_thuis
    bool anonymous = false;
    std::optional<std::int64_t> user_id;
    std::string with_whom;
    std::string advice;
    TimePoint at;
    std::int64_t recorded_by = 0;
    std::string recorded_by_name;  // filled on reads
};

/// One of the afwegingskader's questions: "" (not answered), "yes" or "no", with the reason.
struct MeldcodeAnswerRecord {
    std::string answer;
    std::string reason;
    bool operator==(const MeldcodeAnswerRecord&) const = default;
};

struct MeldcodeTrackRecord {
    std::int64_t id = 0;
    std::int64_t case_id = 0;
    std::string state = "open";  // open | decided | transferred
    std::string observed_signals;
    TimePoint started_at;
    std::int64_t started_by = 0;
    std::string conversation;  // "" | held | not_held
    std::string conversation_with;
    std::string conversation_note;
    std::array<MeldcodeAnswerRecord, 5> answers;  // questions 1–5 in order
    std::optional<std::string> decision;          // report | help | closed
    std::string decision_note;
    std::optional<std::int64_t> decided_by;
    std::optional<TimePoint> decided_at;
    std::string veilig_thuis_reference;
    std::optional<std::int64_t> handover_id;
    TimePoint updated_at;
    // Filled on reads:
    std::int64_t youth_id = 0;   // the case's; 0 while not known
    std::string transferred_to;  // the handover's organisation or recipient
    std::string started_by_name, decided_by_name;
    std::vector<MeldcodeConsultationRecord> consultations;  // oldest first
};

}  // namespace spoed::db
