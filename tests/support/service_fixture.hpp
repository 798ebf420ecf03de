#pragma once

#include <memory>
#include <string>
#include <vector>

#include "daemon/api/router.hpp"
#include "daemon/base/clock.hpp"
#include "daemon/service/admin_service.hpp"
#include "daemon/service/auth_service.hpp"
#include "daemon/service/calendar.hpp"
#include "daemon/service/case_service.hpp"
#include "daemon/service/evaluation_service.hpp"
#include "daemon/service/events.hpp"
#include "daemon/service/handover_service.hpp"
#include "daemon/service/plan_service.hpp"
#include "daemon/service/shift_service.hpp"
#include "daemon/service/stats_service.hpp"
#include "daemon/service/youth_service.hpp"
#include "db/sqlite_store.hpp"
#include "tests/support/temp_dir.hpp"

namespace spoed::test {

/// 2026-11-23 20:00 UTC, a Monday evening shift.
TimePoint TestStart();

inline constexpr const char* kTestPassword = "correct horse battery staple";

/// Inserts a user straight into the store (no audit line) with kTestPassword.
std::int64_t InsertUser(db::Store& store, daemon::service::PasswordHasher& hasher, TimePoint now,
                        const std::string& username, const std::vector<std::string>& roles,
                        bool must_change_password = false);

/// A real SQLite database in a temp dir, a fake clock, the services and the router — the
/// whole daemon minus the network. Requests go straight to Router::Handle.
class ServiceFixture {
public:
    ServiceFixture();
    ~ServiceFixture();

    /// Creates a user directly in the store (no audit line), with a chosen password and
    /// must_change_password cleared unless asked.
    std::int64_t CreateUser(const std::string& username, const std::vector<std::string>& roles,
                            bool must_change_password = false);
    /// Logs in through the router; returns the token or fails the test.
    std::string Login(const std::string& username, const std::string& password = kTestPassword);
    /// POSTs JSON to /<method> ("spoed.v1.AuthService/WhoAmI") with an optional token.
    daemon::net::HttpResponse Post(const std::string& method, const std::string& json, const std::string& token = "",
                                   const std::string& content_type = "application/json");
    /// The newest audit lines, newest first.
    std::vector<db::AuditRecord> Audit(int limit = 10);

    TempDir dir;
    FakeClock clock{TestStart()};
    std::unique_ptr<db::SqliteStore> store;
    daemon::service::PasswordHasher hasher;
    daemon::service::AuthService auth;
    daemon::service::AdminService admin;
    daemon::service::WorkingDayCalendar calendar{daemon::service::CalendarConfig{}};
    daemon::service::YouthService youth;
    daemon::service::EventOutbox events{calendar};
    daemon::service::PlanService plan{daemon::service::PlanPolicy{}, events};
    daemon::service::EvaluationPlanner planner{daemon::service::EvaluationPolicy{}, calendar};
    daemon::service::CaseService cases{events, planner};
    daemon::service::ConsultService consult{events};
    daemon::service::ShiftService shift{calendar};
    daemon::service::HandoverService handover{calendar, events};
    daemon::service::DirectoryService directory;
    daemon::service::EvaluationService evaluation{planner, events};
    daemon::service::StatsService stats{daemon::service::StatsPolicy{}};
    std::unique_ptr<daemon::api::Router> router;
};

/// The "code" of a Connect error body, or "" when the body is not one.
std::string ErrorCodeOf(const daemon::net::HttpResponse& r);
std::string ErrorMessageOf(const daemon::net::HttpResponse& r);

}  // namespace spoed::test
