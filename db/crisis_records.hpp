#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"

namespace spoed::db {

/// Rows of the crisis-calls domain (migration 0002). Enumerations travel as the lower-case
/// names the schema's CHECK constraints list ("pre_registration", "incoming_call", ...).

struct PhoneRecord {
    std::string number;  // normalised "+31612345678"
    std::string label;
};

struct YouthContactRecord {
    std::int64_t id = 0;
    std::string kind;  // "guardian" | "network"
    std::string name;
    std::string relation;
    std::string phone;  // normalised or ""
};

struct YouthRecord {
    std::int64_t id = 0;
    std::string given_name;
    std::string family_name;
    std::string folded_name;               // FoldName(given + " " + family): what look-up matches
    std::string date_of_birth;             // "YYYY-MM-DD"
    bool date_of_birth_estimated = false;  // from the age a caller gave
    std::string municipality;
    std::optional<std::string> bsn;
    std::vector<PhoneRecord> phones;
    std::vector<YouthContactRecord> contacts;
    std::int64_t created_by = 0;
    TimePoint created_at;
    TimePoint updated_at;
    /// Set once the personal data was removed (retention): only the pseudonym is left.
    std::optional<TimePoint> removed_at;
    std::string pseudonym;
};

/// A look-up hit with what the result list shows beside the name.
struct YouthHitRecord {
    std::int64_t youth_id = 0;
    std::string given_name;
    std::string family_name;
    std::string date_of_birth;
    bool date_of_birth_estimated = false;
    std::string municipality;
    bool pre_registered = false;  // active pre-registration with a valid pre_registration consent at `now`
    int cases_30 = 0;
    int cases_90 = 0;
};

struct YouthSearch {
    std::optional<std::string> phone;          // normalised; matches youth and guardian/network phones
    std::optional<std::string> date_of_birth;  // "YYYY-MM-DD"
    std::vector<std::string> name_terms;       // folded; every term must occur in folded_name
    int limit = 20;
    int offset = 0;
};

/// A statement (verklaring) of the youth or a parent about the record (migration 0011).
struct StatementRecord {
    std::int64_t id = 0;
    std::int64_t youth_id = 0;
    std::string by;  // youth | parent
    std::string author_name;
    std::string about;
    std::string text;
    TimePoint recorded_at;
    std::int64_t recorded_by = 0;
    std::string recorded_by_name;  // filled on reads
};

/// One entry of the register of destruction requests (migration 0012).
struct DestructionRequestRecord {
    std::int64_t id = 0;
    std::int64_t youth_id = 0;
    std::string requested_by;
    std::string by;        // youth | parent
    std::string decision;  // granted | refused
    std::string reason;
    std::int64_t decided_by = 0;
    TimePoint decided_at;
    std::string pseudonym;
    std::string decided_by_name;  // filled on reads
};

struct ConsentRecord {
    std::int64_t id = 0;
    std::int64_t youth_id = 0;
    std::string scope;
    bool given_by_youth = false;
    std::string given_by_guardian;
    TimePoint given_at;
    std::optional<TimePoint> valid_until;
    std::optional<TimePoint> withdrawn_at;
    std::optional<std::int64_t> withdrawn_by;
    std::int64_t recorded_by = 0;
    TimePoint recorded_at;
    std::string note;

    /// Given, not expired and not withdrawn at `now`.
    bool ValidAt(TimePoint now) const {
        return given_at <= now && (!valid_until || now < *valid_until) && (!withdrawn_at || now < *withdrawn_at);
    }
};

struct PreRegistrationRecord {
    std::int64_t id = 0;
    std::int64_t youth_id = 0;
    std::string organisation;
    std::string professional;
    std::string professional_phone;
    std::string ongoing_care;
    std::string ongoing_care_contact;
    std::string legal_measure;  // none | supervision_order | guardianship | other
    std::string legal_measure_note;
    TimePoint started_at;
    std::optional<TimePoint> ended_at;
    std::string end_reason;
    std::int64_t created_by = 0;
    TimePoint updated_at;
};

struct PlanVersionRecord {
    std::int64_t id = 0;
    std::int64_t youth_id = 0;
    int version = 0;
    std::int64_t author_id = 0;
    std::string author_name;  // filled on reads (users.display_name)
    TimePoint created_at;
    std::string change_note;
    std::string content;  // protobuf binary of spoed.v1.PlanContent; empty in summaries
};

struct BreakGlassRecord {
    std::int64_t id = 0;
    std::int64_t user_id = 0;
    std::string username;  // filled on reads
    std::int64_t youth_id = 0;
    std::string reason;
    TimePoint opened_at;
    TimePoint expires_at;
    std::optional<TimePoint> reviewed_at;
    std::optional<std::int64_t> reviewed_by;
    std::optional<bool> review_approved;
    std::string review_note;
};

struct CaseRecord {
    std::int64_t id = 0;
    std::optional<std::int64_t> youth_id;
    std::string caller_description;
    std::string status = "open";  // open | closed
    std::string complexity = "normal";
    std::optional<std::int64_t> case_lead;
    std::optional<std::string> outcome;
    std::vector<std::string> problem_areas;
    std::vector<std::string> risk_flags;
    std::int64_t opened_by = 0;
    TimePoint opened_at;
    std::optional<TimePoint> closed_at;
    std::optional<std::int64_t> closed_by;
    std::string closing_note;
    TimePoint updated_at;
};

struct CaseFilter {
    bool open_only = false;
    std::int64_t involving_user = 0;  // opened by, lead by, or present at a contact; 0: anyone
    std::optional<TimePoint> since;   // opened at or after
    std::int64_t youth_id = 0;
    std::int64_t before_id = 0;  // paging: only id < before_id; 0: from the newest
    int limit = 50;
};

struct CaseEventRecord {
    std::int64_t id = 0;
    std::int64_t case_id = 0;
    TimePoint at;
    std::string kind;
    std::string text;
    std::int64_t by_user = 0;
};

struct ContactRecord {
    std::int64_t id = 0;
    std::int64_t case_id = 0;
    std::string type;  // incoming_call | outgoing_call | home_visit
    TimePoint started_at;
    std::optional<TimePoint> ended_at;
    std::string caller_role;
    std::string caller_phone;
    std::string summary;
    int plan_version_consulted = 0;
    std::vector<std::int64_t> workers;
    std::vector<std::string> responses;
    std::int64_t logged_by = 0;
    TimePoint logged_at;
};

/// A case reached through a phone number (LookupCaller).
struct CallerCaseRecord {
    std::int64_t case_id = 0;
    std::optional<std::int64_t> youth_id;
    TimePoint opened_at;
    std::string status;
};

struct ConsultRecord {
    std::int64_t id = 0;
    std::int64_t case_id = 0;
    std::string question;
    std::string urgency;  // routine | urgent | immediate
    std::int64_t requested_by = 0;
    TimePoint requested_at;
    std::optional<std::int64_t> psychiatrist;
    std::optional<TimePoint> answered_at;
    std::optional<std::string> advice;
};

struct ShiftRecord {
    std::string shift_date;  // "YYYY-MM-DD"
    std::vector<std::int64_t> workers;
    std::optional<std::int64_t> psychiatrist;
    std::string psychiatrist_phone;
    std::int64_t set_by = 0;
    TimePoint set_at;
};

struct ShiftNoteRecord {
    std::int64_t id = 0;
    std::string shift_date;
    std::int64_t author_id = 0;
    std::string author_name;  // filled on reads
    TimePoint written_at;
    std::string text;
};

struct IdempotencyRecord {
    std::string request_hash;  // raw SHA-256 of the request bytes
    std::string response;      // protobuf binary of the first response
};

}  // namespace spoed::db
