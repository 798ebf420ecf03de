#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"

namespace spoed::db {

/// Rows of the partner directory and handovers (migration 0003).

struct DirectoryContactRecord {
    std::string name;
    std::string role;
    std::string phone;
    std::string availability;
    bool designated = false;
};

struct OrganisationRecord {
    std::int64_t id = 0;
    std::string name;
    std::string kind;  // care_provider | local_team | gp | veilig_thuis | other
    std::string municipality;
    std::string phone;
    std::string availability;
    std::vector<DirectoryContactRecord> contacts;
    TimePoint updated_at;
};

struct HandoverStepRecord {
    std::string step;  // receiver_contacted | family_contacted | agreements_recorded | confirmed
    TimePoint at;
    std::int64_t by_user = 0;
    std::string note;
};

struct HandoverRecord {
    std::int64_t id = 0;
    std::int64_t case_id = 0;
    std::string kind;
    std::optional<std::int64_t> organisation_id;
    std::string recipient_name;
    std::string recipient_contact;
    std::string recipient_phone;
    std::optional<std::int64_t> consent_id;
    std::string legal_ground;
    TimePoint due_at;
    std::string due_reason;
    std::string status = "open";  // open | confirmed | escalated
    std::string agreements;
    std::string escalation_reason;
    std::int64_t created_by = 0;
    TimePoint created_at;
    std::vector<HandoverStepRecord> steps;  // in order
    // Filled on reads from the case and youth:
    std::int64_t youth_id = 0;
    std::string municipality;
};

struct HandoverFilter {
    std::optional<TimePoint> due_before;  // due_at < this
    bool unconfirmed_only = true;
    std::string municipality;  // the youth's; "" for any
    std::int64_t case_id = 0;
    int limit = 500;
};

}  // namespace spoed::db
