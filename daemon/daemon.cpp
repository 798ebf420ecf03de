#include "daemon/daemon.hpp"

#include <filesystem>
#include <stdexcept>
#include <thread>

#include "daemon/api/event_hub.hpp"
#include "daemon/api/router.hpp"
#include "daemon/api/services.hpp"
#include "daemon/audit_watch.hpp"
#include "daemon/key_file.hpp"
#include "daemon/base/log.hpp"
#include "daemon/base/worker_pool.hpp"
#include "daemon/net/dev_cert.hpp"
#include "daemon/net/server.hpp"
#include "daemon/service/admin_service.hpp"
#include "daemon/service/auth_service.hpp"
#include "daemon/service/calendar.hpp"
#include "daemon/service/case_service.hpp"
#include "daemon/service/evaluation_service.hpp"
#include "daemon/service/handover_service.hpp"
#include "daemon/service/plan_service.hpp"
#include "daemon/service/shift_service.hpp"
#include "daemon/service/stats_service.hpp"
#include "daemon/service/youth_service.hpp"
#include "db/sqlite_store.hpp"

namespace spoed::daemon {

struct Daemon::Impl {
    DaemonConfig config;
    const Clock& clock;
    std::string dev_ca_file;
    std::unique_ptr<db::SqliteStore> store;
    std::unique_ptr<service::PasswordHasher> hasher;
    std::unique_ptr<service::AuthService> auth;
    std::unique_ptr<service::AdminService> admin;
    std::unique_ptr<service::WorkingDayCalendar> calendar;
    std::unique_ptr<service::EventOutbox> events;
    service::YouthService youth;
    std::unique_ptr<service::PlanService> plan;
    std::unique_ptr<service::CaseService> cases;
    std::unique_ptr<service::ConsultService> consult;
    std::unique_ptr<service::ShiftService> shift;
    std::unique_ptr<service::HandoverService> handover;
    service::DirectoryService directory;
    std::unique_ptr<service::EvaluationPlanner> planner;
    std::unique_ptr<service::EvaluationService> evaluation;
    std::unique_ptr<service::StatsService> stats;
    std::unique_ptr<api::Router> router;
    std::unique_ptr<api::EventHub> hub;
    std::unique_ptr<WorkerPool> workers;
    std::unique_ptr<net::Server> server;
    std::unique_ptr<AuditWatch> audit_watch;
    bool stopped = false;

    Impl(DaemonConfig c, const Clock& cl) : config(std::move(c)), clock(cl) {}
};

Daemon::Daemon(DaemonConfig config, const Clock& clock) : impl_(std::make_unique<Impl>(std::move(config), clock)) {
    auto& c = impl_->config;
    log::SetMinLevel(c.log_level);
    std::error_code ec;
    std::filesystem::create_directories(c.data_dir, ec);
    if (ec) throw std::runtime_error("cannot create data directory " + c.data_dir + ": " + ec.message());
    std::filesystem::permissions(c.data_dir, std::filesystem::perms::owner_all, std::filesystem::perm_options::replace,
                                 ec);

    impl_->store = db::SqliteStore::Open({.path = c.DatabasePath(), .readers = c.db_readers});
    impl_->audit_watch = std::make_unique<AuditWatch>(*impl_->store, c.audit_checkpoint_interval);
    impl_->audit_watch->CheckAtStart();
    // Made in the data directory when not configured, like the development certificate.
    std::string totp_key = LoadOrCreateKeyFile(c.TotpKeyPath(), c.totp_key_file.empty());

    net::TlsOptions tls{c.tls_cert, c.tls_key, c.tls_allow_tls12};
    if (tls.cert_file.empty() != tls.key_file.empty()) {
        throw std::runtime_error("tls_cert and tls_key go together: set both or neither");
    }
    if (tls.cert_file.empty()) {
        auto dev = net::EnsureDevCertificate(c.data_dir + "/tls");
        tls.cert_file = dev.cert_file;
        tls.key_file = dev.key_file;
        impl_->dev_ca_file = dev.ca_file;
    }

    impl_->hasher = std::make_unique<service::PasswordHasher>(
        service::PasswordHasher::Params{.max_concurrent = c.password_hash_concurrency});
    impl_->auth = std::make_unique<service::AuthService>(
        *impl_->hasher, service::SessionPolicy{.idle_timeout = c.session_idle, .lifetime = c.session_lifetime},
        service::SecondFactorPolicy{.key = totp_key});
    impl_->admin = std::make_unique<service::AdminService>(*impl_->hasher);
    impl_->calendar = std::make_unique<service::WorkingDayCalendar>(
        service::CalendarConfig{.due_time_of_day = c.handover_due_time,
                                .night_cutoff_hour = c.night_cutoff_hour,
                                .good_friday_closed = c.good_friday_closed,
                                .extra_closures = c.closure_dates});
    impl_->events = std::make_unique<service::EventOutbox>(*impl_->calendar, c.handover_reminder_time);
    impl_->plan = std::make_unique<service::PlanService>(service::PlanPolicy{.break_glass_window = c.break_glass_window},
                                                         *impl_->events, *impl_->auth);
    impl_->planner = std::make_unique<service::EvaluationPlanner>(
        service::EvaluationPolicy{.rules = c.evaluation_rules, .window_working_days = c.evaluation_window_days},
        *impl_->calendar);
    impl_->cases = std::make_unique<service::CaseService>(*impl_->events, *impl_->planner);
    impl_->evaluation = std::make_unique<service::EvaluationService>(*impl_->planner, *impl_->events);
    impl_->stats = std::make_unique<service::StatsService>(
        service::StatsPolicy{.rules = c.evaluation_rules, .night_cutoff_hour = c.night_cutoff_hour});
    impl_->consult = std::make_unique<service::ConsultService>(*impl_->events);
    impl_->shift = std::make_unique<service::ShiftService>(*impl_->calendar);
    impl_->handover = std::make_unique<service::HandoverService>(*impl_->calendar, *impl_->events);
    impl_->router = std::make_unique<api::Router>(*impl_->store, clock, *impl_->auth);
    impl_->router->SetRateLimit({.per_second = c.token_requests_per_second,
                                 .burst = static_cast<double>(c.token_request_burst)});
    api::RegisterServices(*impl_->router, {.auth = *impl_->auth,
                                           .admin = *impl_->admin,
                                           .youth = impl_->youth,
                                           .plan = *impl_->plan,
                                           .cases = *impl_->cases,
                                           .consult = *impl_->consult,
                                           .shift = *impl_->shift,
                                           .handover = *impl_->handover,
                                           .directory = impl_->directory,
                                           .evaluation = *impl_->evaluation,
                                           .stats = *impl_->stats});

    impl_->hub = std::make_unique<api::EventHub>(
        *impl_->store, clock, *impl_->auth, *impl_->calendar, *impl_->events,
        api::EventHubOptions{.alert_interval = c.event_check_interval, .session_interval = c.event_check_interval});
    impl_->store->SetEventListener([hub = impl_->hub.get()] { hub->Notify(); });

    unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    unsigned workers = c.worker_threads != 0 ? c.worker_threads : std::max(4u, 4 * cores);
    impl_->workers = std::make_unique<WorkerPool>(workers);

    net::ServerOptions so;
    so.host = c.listen_host;
    so.port = c.listen_port;
    so.threads = c.io_threads;
    so.max_connections = c.max_connections;
    so.header_limit = c.max_header_bytes;
    so.body_limit = c.max_body_bytes;
    so.read_timeout = c.read_timeout;
    so.idle_timeout = c.idle_timeout;
    so.shutdown_grace = c.shutdown_grace;
    so.websocket_paths = {"/spoed.v1/events"};
    so.websocket_idle_timeout = c.websocket_idle;
    so.tls = tls;
    Impl* impl = impl_.get();
    impl_->server = std::make_unique<net::Server>(so, [impl](net::HttpRequest&& req, net::Respond respond) {
        auto shared_req = std::make_shared<net::HttpRequest>(std::move(req));
        bool queued = impl->workers->Post([impl, shared_req, respond] { respond(impl->router->Handle(*shared_req)); });
        if (!queued) {
            net::HttpResponse r;
            r.status = 503;
            r.content_type = "application/json";
            r.body = R"({"code":"unavailable","message":"the server is shutting down"})";
            respond(std::move(r));
        }
    }, [impl](net::HttpRequest&& req, net::AnswerUpgrade answer) {
        auto shared_req = std::make_shared<net::HttpRequest>(std::move(req));
        bool queued = impl->workers->Post([impl, shared_req, answer] { impl->hub->Subscribe(*shared_req, answer); });
        if (!queued) {
            net::HttpResponse r;
            r.status = 503;
            r.content_type = "application/json";
            r.body = R"({"code":"unavailable","message":"the server is shutting down"})";
            answer(net::UpgradeAnswer::Refused(std::move(r)));
        }
    });
}

Daemon::~Daemon() { Stop(); }

void Daemon::Start() {
    impl_->hub->Start();
    impl_->server->Start();
    impl_->audit_watch->Start();
    log::Info("daemon.listening", "spoedd is listening",
              {{"host", impl_->config.listen_host}, {"port", static_cast<unsigned>(port())}});
}

std::uint16_t Daemon::port() const { return impl_->server->port(); }

void Daemon::Stop() {
    if (impl_->stopped) return;
    impl_->stopped = true;
    // Order matters: the listener drains in-flight requests, which need the workers; the
    // workers finish what is queued, which needs the store; then the store closes.
    impl_->server->Stop();
    impl_->workers->Stop();
    impl_->hub->Stop();
    impl_->audit_watch->Stop();  // a last checkpoint
    impl_->audit_watch.reset();
    impl_->store.reset();
    log::Info("daemon.stopped", "spoedd stopped cleanly");
}

db::Store& Daemon::store() { return *impl_->store; }
const std::string& Daemon::dev_ca_file() const { return impl_->dev_ca_file; }
std::size_t Daemon::event_subscribers() const { return impl_->hub->subscribers(); }

}  // namespace spoed::daemon
