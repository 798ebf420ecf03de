#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "daemon/api/service_set.hpp"
#include "daemon/config.hpp"
#include "db/sqlite_store.hpp"
#include "spoed/v1/rpc.hpp"
#include "tests/support/temp_dir.hpp"

namespace spoed::test {

/// 2026-11-23 20:00 UTC, a Monday evening shift.
TimePoint TestStart();

inline constexpr const char* kTestPassword = "correct horse battery staple";

/// Inserts a user straight into the store (no audit line) with kTestPassword.
std::int64_t InsertUser(db::Store& store, daemon::service::PasswordHasher& hasher, TimePoint now,
                        const std::string& username, const std::vector<std::string>& roles,
                        bool must_change_password = false);

/// Hands out TOTP codes of test users: each code once, as the server accepts them (the step
/// before, of, or after `now`, each later than the last one given). Fails the test when all
/// three were used (log in less often, or move the clock on).
class TotpCodes {
  public:
    void Add(const std::string& username, std::string secret, std::int64_t last_step = 0);
    bool Has(const std::string& username) const { return secrets_.contains(username); }
    const std::string& Secret(const std::string& username) const { return secrets_.at(username); }
    std::string Next(const std::string& username, TimePoint now);

  private:
    std::map<std::string, std::string> secrets_;
    std::map<std::string, std::int64_t> last_step_;
};

/// Writes a confirmed TOTP second factor for a user straight into the store, sealed with the
/// daemon's key read from `key_file` (integration tests: <data_dir>/totp.key). Returns the raw
/// secret.
std::string EnrollTotpInStore(db::Store& store, const std::string& key_file, std::int64_t user_id, TimePoint now);

/// Fills the database at `db_path` up to the limit of ordinary writes, as a nearly full disk
/// does: a page limit `spare_pages` above today's size plus the store's reserve (64 pages, for
/// audit-only writes and sign-ins), then rows of falling size until not even a small one fits.
void FillStorage(db::SqliteStore& store, const std::string& db_path, TimePoint now, std::int64_t spare_pages = 8);

/// `spoedctl demo load` as the walkthrough does it: the admin `beheer` (kTestPassword) signs in
/// through `ctl` (spoedctl with --config-dir, --server and --ca), enrols and confirms the second
/// factor the role needs, then loads the demo data. `spoedctl` is the binary alone (for `totp
/// code`). A step that fails is a test failure, and `ok` stays false.
struct DemoLoad {
    bool ok = false;
    std::string login_out;  // what `spoedctl login beheer` said
    std::string demo_out;   // what `spoedctl demo load` said (the demo users' TOTP secrets)
};
DemoLoad LoadDemoAsAdmin(const std::string& spoedctl, const std::string& ctl);

/// The store a test runs on: a real SQLite file in `dir`, or, when the run is on PostgreSQL
/// (SPOED_TEST_STORE), a new database on the suite's PostgreSQL server.
std::unique_ptr<db::Store> OpenTestStore(const TempDir& dir);
/// A daemon's configuration on the test's store: unchanged for SQLite (the file in data_dir), a
/// new database on the suite's PostgreSQL server when the run is on PostgreSQL.
void UseTestStore(daemon::DaemonConfig& config);

/// A real store (SQLite in a temp dir, or PostgreSQL: OpenTestStore), a fake clock, and the daemon's ServiceSet with
/// the test settings — the whole daemon minus the network. Requests go straight to Router::Handle.
class ServiceFixture {
  public:
    ServiceFixture();
    /// With other settings than ServiceOptions::ForTests() (start from it).
    explicit ServiceFixture(daemon::api::ServiceOptions options);
    ~ServiceFixture();

    /// Creates a user directly in the store (no audit line), with a chosen password and
    /// must_change_password cleared unless asked. Users whose roles need a second factor
    /// (psychiatrist, admin) are enrolled through the API, unless `enroll_totp` is false.
    std::int64_t CreateUser(const std::string& username, const std::vector<std::string>& roles,
                            bool must_change_password = false, bool enroll_totp = true);
    /// Logs in through the router (with a TOTP code for enrolled users); returns the token or
    /// fails the test.
    std::string Login(const std::string& username, const std::string& password = kTestPassword);
    /// Enrols a second factor for the session `token` belongs to (Begin + Confirm); returns the
    /// raw secret and remembers it for later logins.
    std::string EnrollTotp(const std::string& username, const std::string& token);
    /// POSTs JSON to /<method> (v1::rpc::AuthService::WhoAmI) with an optional token.
    daemon::net::HttpResponse Post(std::string_view method, const std::string& json, const std::string& token = "",
                                   const std::string& content_type = "application/json");
    /// The newest audit lines, newest first.
    std::vector<db::AuditRecord> Audit(int limit = 10);
    /// The client address Post's requests come from.
    std::string remote_address = "192.0.2.10";

    TempDir dir;
    FakeClock clock{TestStart()};
    std::unique_ptr<db::Store> store;
    /// The store as SQLite, for what only SQLite has (its page limit, its storage reserve);
    /// nullptr when the tests run on PostgreSQL.
    db::SqliteStore* sqlite() const { return dynamic_cast<db::SqliteStore*>(store.get()); }

  private:
    std::unique_ptr<daemon::api::ServiceSet> set_;  // the daemon's composition root, test settings

  public:
    TotpCodes totp;
    const std::string& totp_key;
    daemon::service::PasswordHasher& hasher;
    daemon::service::AuthService& auth;
    daemon::service::AdminService& admin;
    daemon::service::WorkingDayCalendar& calendar;
    daemon::service::YouthService& youth;
    daemon::service::EventOutbox& events;
    daemon::service::PlanService& plan;
    daemon::service::EvaluationPlanner& planner;
    daemon::service::CaseService& cases;
    daemon::service::ConsultService& consult;
    daemon::service::MeldcodeService& meldcode;
    daemon::service::ShiftService& shift;
    daemon::service::HandoverService& handover;
    daemon::service::DirectoryService& directory;
    daemon::service::EvaluationService& evaluation;
    daemon::service::StatsService& stats;
    daemon::service::RecordService& record;
    daemon::api::Router* const router;
};

/// The "code" of a Connect error body, or "" when the body is not one.
std::string ErrorCodeOf(const daemon::net::HttpResponse& r);
std::string ErrorMessageOf(const daemon::net::HttpResponse& r);

}  // namespace spoed::test
