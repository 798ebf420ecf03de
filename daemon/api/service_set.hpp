#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "base/clock.hpp"
#include "daemon/api/event_hub.hpp"
#include "daemon/api/rate_limit.hpp"
#include "daemon/api/router.hpp"
#include "daemon/service/admin_service.hpp"
#include "daemon/service/auth_service.hpp"
#include "daemon/service/calendar.hpp"
#include "daemon/service/case_service.hpp"
#include "daemon/service/evaluation_service.hpp"
#include "daemon/service/events.hpp"
#include "daemon/service/handover_service.hpp"
#include "daemon/service/meldcode_service.hpp"
#include "daemon/service/offline_set_service.hpp"
#include "daemon/service/plan_service.hpp"
#include "daemon/service/record_service.hpp"
#include "daemon/service/refusal_tally.hpp"
#include "daemon/service/secrets.hpp"
#include "daemon/service/shift_service.hpp"
#include "daemon/service/stats_service.hpp"
#include "daemon/service/youth_service.hpp"
#include "db/store.hpp"

namespace spoed::daemon::api {

/// What the services, the router and the event hub are set up with. spoedd fills it from its
/// configuration; ForTests() holds the test settings, once, for every test, fuzz target and
/// benchmark.
struct ServiceOptions {
    service::PasswordHasher::Params hashing;
    service::SessionPolicy sessions;
    service::SecondFactorPolicy second_factor;  // .key: 32 bytes
    service::ThrottlePolicy throttle;
    service::CalendarConfig calendar;
    std::chrono::minutes handover_reminder_time{8 * 60 + 30};
    service::PlanPolicy plan;
    service::EvaluationPolicy evaluation;
    service::StatsPolicy stats;
    service::OfflinePolicy offline;
    std::optional<RateLimitOptions> rate_limit;  // none: no per-session request limit
    EventHubOptions hub;
    /// Refusals of callers without a session are counted into `refusals` and written as
    /// counted audit lines (Router::SetRefusalTally); without, each is one audit line.
    bool tally_refusals = true;
    /// Several daemons serve this store (PostgreSQL): the sign-in throttle and the per-session
    /// request limit count in it, so that guesses or requests spread over the daemons count as
    /// one (LoginThrottle::ShareThrough, SessionRateLimiter::ShareThrough).
    bool shared_store = false;

    /// Cheap Argon2 (the hash carries its parameters, so checking works the same way; the real
    /// parameters have a test of their own), a fresh random key for TOTP secrets, and each
    /// refusal its own audit line, so that a test reads it at once (the tally has its own tests).
    static ServiceOptions ForTests();
};

/// The composition root: every service, the router with every RPC registered, and the event
/// hub, over one store and one clock. spoedd, the test fixtures, the fuzz targets and the
/// benchmarks build the server from this one place. The hub's thread starts only when asked
/// (hub.Start()).
class ServiceSet {
  public:
    ServiceSet(db::Store& store, const Clock& clock, ServiceOptions options);
    ~ServiceSet();
    ServiceSet(const ServiceSet&) = delete;
    ServiceSet& operator=(const ServiceSet&) = delete;

    const ServiceOptions options;
    service::RefusalTally refusals;  // before the router and the hub, which count into it
    service::PasswordHasher hasher;
    service::AuthService auth;
    service::AdminService admin;
    service::WorkingDayCalendar calendar;
    service::EventOutbox events;
    service::YouthService youth;
    service::PlanService plan;
    service::EvaluationPlanner planner;
    service::CaseService cases;
    service::ConsultService consult;
    service::MeldcodeService meldcode;
    service::ShiftService shift;
    service::HandoverService handover;
    service::DirectoryService directory;
    service::EvaluationService evaluation;
    service::StatsService stats;
    service::RecordService record;
    service::OfflineSetService offline;
    Router router;
    EventHub hub;
};

}  // namespace spoed::daemon::api
