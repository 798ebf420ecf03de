#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/clock.hpp"

namespace spoed::db {

/// Rows of the learning loop (migration 0005): evaluations, improvement proposals, period
/// notes, and what the figures and exports read.

struct ParticipantRecord {
    std::string organisation;
    std::string name;
    std::string role;
    std::optional<std::int64_t> user_id;
    std::string kind = "professional";  // professional | youth | family
};

struct ReviewCommentRecord {
    std::int64_t id = 0;
    std::int64_t evaluation_id = 0;
    std::int64_t author_id = 0;
    std::string author_name;  // filled on reads
    TimePoint at;
    std::string text;
};

struct EvaluationRecord {
    std::int64_t id = 0;
    std::int64_t case_id = 0;
    std::vector<std::string> reasons;  // manual | marked_complex | admission | suicide_attempt | repeat_cases | …
    std::string status = "planned";    // planned | held | finalised (overdue is derived)
    std::string due_by;                // "YYYY-MM-DD"
    std::string planned_for;           // "" or a date
    std::string held_on;               // "" or a date
    std::string care_timeline;
    std::string went_well;
    std::string could_be_better;
    std::string right_help;  // "" | yes | partly | no
    std::string right_help_note;
    std::string prevent_next;
    bool changes_plan = false;
    std::string plan_changes;
    int plan_version = 0;
    std::optional<std::int64_t> created_by;  // nullopt: planned automatically
    TimePoint created_at;
    TimePoint updated_at;
    std::optional<std::int64_t> finalised_by;
    std::optional<TimePoint> finalised_at;
    std::vector<ParticipantRecord> participants;  // in order
    // Filled on reads:
    std::int64_t youth_id = 0;  // the case's; 0 when unknown
    TimePoint case_opened_at;
};

struct EvaluationFilter {
    std::string status;  // "" | planned | overdue | held | finalised
    std::string today;   // local date, for planned/overdue
    std::int64_t case_id = 0;
    std::int64_t youth_id = 0;
    std::int64_t after_id = 0;  // paging: the last id of the previous page, with after_due
    std::string after_due;
    int limit = 50;
};

struct ProposalStatusRecord {
    std::string status;
    TimePoint at;
    std::int64_t by_user = 0;
    std::string by_name;  // filled on reads
    std::string note;
};

struct ProposalRecord {
    std::int64_t id = 0;
    std::string text;
    std::string addressee_kind;  // partner | municipality | own_team
    std::string addressee;
    std::optional<std::int64_t> organisation_id;
    std::string theme;
    std::string status = "open";
    std::vector<std::int64_t> evaluation_ids;
    std::vector<ProposalStatusRecord> history;  // oldest first
    std::int64_t created_by = 0;
    TimePoint created_at;
};

struct ProposalFilter {
    std::string status;
    std::string addressee_kind;
    std::string addressee;
    std::string theme;
    std::int64_t evaluation_id = 0;
    int limit = 500;
};

struct PeriodNoteRecord {
    std::string period;
    std::string text;
    std::int64_t updated_by = 0;
    TimePoint updated_at;
};

/// What makes a case complex enough for an evaluation (configuration; see docs/configuration.md).
struct ComplexityRules {
    bool marked_complex = true;
    std::vector<std::string> outcomes{"crisis_placement", "admission"};
    std::vector<std::string> risk_flags{"suicide_attempt"};
    int repeat_cases = 3;  // 0: rule off
    int repeat_days = 30;
};

/// One time range of the figures, [from, to).
struct FigureBucket {
    TimePoint from;
    TimePoint to;
};

struct FiguresQuery {
    std::vector<FigureBucket> buckets;  // disjoint, in order
    FigureBucket whole;                 // the whole period (for what does not add up: medians)
    /// Moments at which Amsterdam is on summer time (UTC+2), as [from, to) ranges; UTC+1 otherwise.
    std::vector<FigureBucket> summer_time;
    int night_cutoff_hour = 6;
    ComplexityRules rules;
};

/// Per-case counts of one bucket (one pass over the bucket's cases).
struct CaseFiguresRecord {
    int bucket = 0;
    std::int64_t cases = 0, contacts = 0, weekend = 0;
    std::int64_t age_0_11 = 0, age_12_17 = 0, age_18_23 = 0, age_24_plus = 0, age_unknown = 0;
    std::int64_t with_outcome = 0, stayed_home = 0, own_network = 0, crisis_placement = 0, admission = 0;
    std::int64_t consults = 0, consults_answered = 0, cases_with_consult = 0;
    std::int64_t complex = 0, complex_evaluated = 0, pre_registered_plan = 0;
    std::int64_t cases_with_problem_area = 0, cases_with_risk_flag = 0;
};

/// A count per key within a bucket: figure "problem_area", "risk_flag", "response", "proposal",
/// "meldcode".
struct KeyedCountRecord {
    int bucket = 0;
    std::string figure;
    std::string key;
    std::int64_t count = 0;
};

/// Handovers of a bucket's cases for one municipality ("(all)": every municipality). The
/// bucket index buckets.size() stands for the whole period.
struct HandoverFiguresRecord {
    int bucket = 0;
    std::string municipality;
    std::int64_t handovers = 0, confirmed = 0, on_time = 0;
    std::optional<std::int64_t> median_minutes;
};

struct RepeatYouthRecord {
    std::int64_t youth_id = 0;
    int cases_in_period = 0;
    int plan_version = 0;  // 0: no plan change up to the end of the period
    std::optional<TimePoint> plan_changed_at;
    int cases_before = 0;
    int cases_after = 0;
};

struct ExportPage {
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;
    std::int64_t last_id = 0;  // for the next page
};

}  // namespace spoed::db
