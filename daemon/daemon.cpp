#include "daemon/daemon.hpp"

#include <openssl/crypto.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <future>
#include <stdexcept>
#include <thread>

#include "base/log.hpp"
#include "base/worker_pool.hpp"
#include "daemon/api/connect.hpp"
#include "daemon/api/service_set.hpp"
#include "daemon/audit_watch.hpp"
#include "daemon/key_file.hpp"
#include "daemon/metrics.hpp"
#include "daemon/net/dev_cert.hpp"
#include "daemon/net/server.hpp"
#include "daemon/retention_job.hpp"
#include "db/backup.hpp"
#include "db/pg_store.hpp"
#include "db/sqlite_store.hpp"

namespace spoed::daemon {

struct Daemon::Impl {
    DaemonConfig config;
    const Clock& clock;
    std::string dev_ca_file;
    std::unique_ptr<db::Store> store;
    db::SqliteStore* sqlite = nullptr;  // the store, when it is SQLite: its file and integrity for /metrics
    std::unique_ptr<api::ServiceSet> services;
    std::unique_ptr<WorkerPool> workers;
    std::unique_ptr<net::Server> server;
    std::unique_ptr<AuditWatch> audit_watch;
    std::unique_ptr<RetentionJob> retention;
    bool stopped = false;
    std::unique_ptr<db::DatabaseLock> db_lock;
    RequestMetrics metrics;

    net::HttpResponse HandleMetrics(const net::HttpRequest& req);

    Impl(DaemonConfig c, const Clock& cl) : config(std::move(c)), clock(cl) {}
};

Daemon::Daemon(DaemonConfig config, const Clock& clock) : impl_(std::make_unique<Impl>(std::move(config), clock)) {
    auto& c = impl_->config;
    log::SetMinLevel(c.log_level);
    api::RouteProtobufLog();
    std::error_code ec;
    std::filesystem::create_directories(c.data_dir, ec);
    if (ec) throw std::runtime_error("cannot create data directory " + c.data_dir + ": " + ec.message());
    std::filesystem::permissions(c.data_dir, std::filesystem::perms::owner_all, std::filesystem::perm_options::replace,
                                 ec);

    if (c.store == "postgresql") {
        // Several spoedd may serve one PostgreSQL database: everything they share is in it.
        if (c.postgresql_dsn.empty()) throw std::runtime_error("store = postgresql needs postgresql_dsn");
        impl_->store = db::PgStore::Open({.dsn = c.postgresql_dsn, .connections = c.postgresql_connections});
    } else {
        // One spoedd per SQLite file; `spoedd restore` takes the same lock.
        impl_->db_lock = db::DatabaseLock::TryAcquire(c.DatabasePath());
        if (!impl_->db_lock) {
            throw std::runtime_error("another process (spoedd or spoedd restore) is using " + c.DatabasePath());
        }
        auto sqlite = db::SqliteStore::Open({.path = c.DatabasePath(),
                                             .readers = c.db_readers,
                                             .reserve_bytes = c.storage_reserve_mb * 1024 * 1024,
                                             .check_in_background = true});
        impl_->sqlite = sqlite.get();
        impl_->store = std::move(sqlite);
    }
    impl_->audit_watch = std::make_unique<AuditWatch>(*impl_->store, c.audit_checkpoint_interval);
    impl_->audit_watch->CheckAtStart();
    impl_->retention =
        std::make_unique<RetentionJob>(*impl_->store, clock, service::RetentionPolicy{.years = c.retention_years});
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

    api::ServiceOptions options;
    options.hashing.max_concurrent = c.password_hash_concurrency != 0
                                         ? c.password_hash_concurrency
                                         // Never all the cores: the team's calls keep at least half of them.
                                         : static_cast<int>(std::max(1u, std::thread::hardware_concurrency() / 2));
    options.hashing.max_queued = c.password_hash_queue;
    options.sessions = {.idle_timeout = c.session_idle, .lifetime = c.session_lifetime};
    options.second_factor = {.key = totp_key};
    options.throttle = {.account_sign_in_burst = c.sign_in_burst_per_account,
                        .address_sign_in_burst = c.sign_in_burst_per_address};
    options.calendar = {.due_time_of_day = c.handover_due_time,
                        .night_cutoff_hour = c.night_cutoff_hour,
                        .good_friday_closed = c.good_friday_closed,
                        .extra_closures = c.closure_dates};
    options.handover_reminder_time = c.handover_reminder_time;
    options.plan = {.break_glass_window = c.break_glass_window};
    options.evaluation = {.rules = c.evaluation_rules, .window_working_days = c.evaluation_window_days};
    options.offline = {
        .enabled = c.offline_cache, .max_age = c.offline_max_age, .wipe_at_logout = c.offline_wipe_at_logout};
    options.stats = {.rules = c.evaluation_rules, .night_cutoff_hour = c.night_cutoff_hour};
    options.rate_limit = api::RateLimitOptions{.per_second = c.token_requests_per_second,
                                               .burst = static_cast<double>(c.token_request_burst)};
    options.hub = {.alert_interval = c.event_check_interval, .session_interval = c.event_check_interval};
    options.shared_store = c.store == "postgresql";
    impl_->services = std::make_unique<api::ServiceSet>(*impl_->store, clock, std::move(options));
    impl_->store->SetEventListener([hub = &impl_->services->hub] { hub->Notify(); });

    unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    // Most of a worker's time is waiting for the commit its call shares with the others
    // (group commit): the more calls wait together, the fewer commits. 8 workers against 32 on
    // the national data set with 16 connections: GetPlan 1,060-1,420 against 1,420-1,920 req/s,
    // LogContact 500-530 against 670-785/s (docs/performance.md).
    unsigned workers = c.worker_threads != 0 ? c.worker_threads : std::max(32u, 8 * cores);
    impl_->workers = std::make_unique<WorkerPool>(workers);

    net::ServerOptions so;
    so.host = c.listen_host;
    so.port = c.listen_port;
    so.threads = c.io_threads;
    so.max_connections = c.max_connections;
    so.max_connections_per_address = c.max_connections_per_address;
    so.reserved_for_authenticated = c.reserved_connections;
    so.handshakes_per_address_per_second = c.handshakes_per_address_per_second;
    so.handshake_burst_per_address = c.handshake_burst_per_address;
    so.header_limit = c.max_header_bytes;
    so.body_limit = c.max_body_bytes;
    so.read_timeout = c.read_timeout;
    so.idle_timeout = c.idle_timeout;
    so.shutdown_grace = c.shutdown_grace;
    so.websocket_paths = {"/spoed.v1/events"};
    so.websocket_idle_timeout = c.websocket_idle;
    so.tls = tls;
    Impl* impl = impl_.get();
    impl_->server = std::make_unique<net::Server>(
        so,
        [impl](net::HttpRequest&& req, net::Respond respond_plain) {
            auto shared_req = std::make_shared<net::HttpRequest>(std::move(req));
            auto started = std::chrono::steady_clock::now();
            net::Respond respond = [impl, started, target = shared_req->target,
                                    respond_plain = std::move(respond_plain)](net::HttpResponse r) {
                std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
                impl->metrics.Record(target, RequestMetrics::CodeLabel(r.status, r.body), took.count());
                respond_plain(std::move(r));
            };
            bool is_metrics = shared_req->target.substr(0, shared_req->target.find('?')) == "/metrics";
            bool queued = impl->workers->Post([impl, shared_req, respond, is_metrics] {
                respond(is_metrics ? impl->HandleMetrics(*shared_req) : impl->services->router.Handle(*shared_req));
            });
            if (!queued) {
                net::HttpResponse r;
                r.status = 503;
                r.content_type = "application/json";
                r.body = R"({"code":"unavailable","message":"the server is shutting down"})";
                respond(std::move(r));
            }
        },
        [impl](net::HttpRequest&& req, const net::AnswerUpgrade& answer) {
            auto shared_req = std::make_shared<net::HttpRequest>(std::move(req));
            bool queued =
                impl->workers->Post([impl, shared_req, answer] { impl->services->hub.Subscribe(*shared_req, answer); });
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

namespace {

net::HttpResponse PlainResponse(int status, std::string body) {
    net::HttpResponse r;
    r.status = status;
    r.content_type = status == 200 ? "text/plain; version=0.0.4; charset=utf-8" : "application/json";
    r.body = std::move(body);
    return r;
}

std::int64_t FileBytes(const std::string& path) {
    std::error_code ec;
    auto n = std::filesystem::file_size(path, ec);
    return ec ? 0 : static_cast<std::int64_t>(n);
}

/// Seconds since the epoch of the newest backup file (spoed-*.db, spoed-*.db.enc), or 0.
double NewestBackup(const std::string& dir) {
    namespace fs = std::filesystem;
    std::error_code ec;
    double newest = 0;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        bool backup = name.rfind("spoed-", 0) == 0 && (name.ends_with(".db") || name.ends_with(".db.enc"));
        struct stat st {};
        if (!backup || ::stat(it->path().c_str(), &st) != 0) continue;
        double t = static_cast<double>(st.st_mtim.tv_sec) + static_cast<double>(st.st_mtim.tv_nsec) / 1e9;
        newest = std::max(newest, t);
    }
    return newest;
}

std::string_view Bearer(std::string_view authorization) {
    constexpr std::string_view kScheme = "Bearer ";
    if (authorization.size() <= kScheme.size()) return {};
    for (std::size_t i = 0; i < kScheme.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(authorization[i])) !=
            std::tolower(static_cast<unsigned char>(kScheme[i]))) {
            return {};
        }
    }
    return authorization.substr(kScheme.size());
}

}  // namespace

net::HttpResponse Daemon::Impl::HandleMetrics(const net::HttpRequest& req) {
    if (req.method != "GET") {
        auto r = PlainResponse(405, R"({"code":"unimplemented","message":"use GET for /metrics"})");
        r.headers.emplace_back("Allow", "GET");
        return r;
    }
    // Reachable from a configured address range, or with the metrics token or an admin's session.
    bool allowed = AddressInRanges(req.remote_address, config.metrics_allow);
    std::string_view token = Bearer(req.Header("authorization"));
    if (!allowed && !token.empty()) {
        if (!config.metrics_token.empty() && token.size() == config.metrics_token.size() &&
            CRYPTO_memcmp(token.data(), config.metrics_token.data(), token.size()) == 0) {
            allowed = true;
        } else {
            auto actor = services->auth.Authenticate(*store, token, clock.Now());
            if (actor.ok() && actor->roles.Has(v1::ROLE_ADMIN)) {
                allowed = true;
            } else if (actor.ok()) {
                return PlainResponse(
                    403,
                    R"({"code":"permission_denied","message":"/metrics needs the admin role or the metrics token"})");
            }
        }
    }
    if (!allowed) {
        return PlainResponse(
            401,
            R"({"code":"unauthenticated","message":"/metrics needs a bearer token (admin session or metrics_token) or a client in metrics_allow"})");
    }

    std::string out;
    metrics.Render(out);
    AppendGauge(out, "spoed_open_connections", "Open client connections.",
                static_cast<double>(server->open_connections()));
    try {
        auto counts = store->Counts(clock.Now());
        AppendGauge(out, "spoed_open_cases", "Cases not closed.", static_cast<double>(counts.open_cases));
        AppendGauge(out, "spoed_handovers_due", "Unconfirmed handovers whose due time is still ahead.",
                    static_cast<double>(counts.handovers_due));
        AppendGauge(out, "spoed_handovers_overdue", "Unconfirmed handovers past their due time.",
                    static_cast<double>(counts.handovers_overdue));
        AppendGauge(out, "spoed_consults_waiting", "Consults requested and not answered.",
                    static_cast<double>(counts.consults_waiting));
    } catch (const std::exception& e) {
        log::Warn("metrics.counts_failed", "could not read the counts for /metrics", {{"what", e.what()}});
    }
    if (sqlite != nullptr) {  // PostgreSQL's own figures are its exporter's
        std::string db_path = config.DatabasePath();
        AppendGauge(out, "spoed_database_bytes", "Size of the database file.", static_cast<double>(FileBytes(db_path)));
        AppendGauge(out, "spoed_wal_bytes", "Size of the database's write-ahead log.",
                    static_cast<double>(FileBytes(db_path + "-wal")));
        AppendGauge(out, "spoed_db_integrity_failed",
                    "1 when the background quick_check of the database failed (spoedd is then not ready).",
                    sqlite->Integrity() == db::IntegrityState::kFailed ? 1.0 : 0.0);
        AppendGauge(out, "spoed_storage_full", "1 while storage is full and writes are refused.",
                    sqlite->StorageFull() ? 1.0 : 0.0);
    }
    double last = NewestBackup(config.BackupDir());
    AppendGauge(out, "spoed_last_backup_timestamp_seconds",
                "Modification time of the newest backup in backup_dir (0: none).", last);
    if (last > 0) {
        double now = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
        AppendGauge(out, "spoed_last_backup_age_seconds", "Age of the newest backup in backup_dir.", now - last);
    }
    return PlainResponse(200, std::move(out));
}

bool Daemon::Healthy() {
    if (impl_->stopped || !impl_->store->Ready()) return false;
    // The workers answer: a queued no-op runs within the watchdog's patience.
    auto done = std::make_shared<std::promise<void>>();
    auto fut = done->get_future();
    if (!impl_->workers->Post([done] { done->set_value(); })) return false;
    return fut.wait_for(std::chrono::seconds(5)) == std::future_status::ready;
}

void Daemon::Start() {
    impl_->services->hub.Start();
    impl_->server->Start();
    impl_->audit_watch->Start();
    impl_->retention->Start();
    impl_->services->refusals.Start(*impl_->store, impl_->clock, impl_->config.audit_refusal_interval);
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
    impl_->services->hub.Stop();
    impl_->services->refusals.Stop();  // the last counts written
    impl_->retention->Stop();
    impl_->audit_watch->Stop();  // a last checkpoint
    impl_->audit_watch.reset();
    impl_->sqlite = nullptr;
    impl_->store.reset();
    log::Info("daemon.stopped", "spoedd stopped cleanly");
}

db::Store& Daemon::store() { return *impl_->store; }
const std::string& Daemon::dev_ca_file() const { return impl_->dev_ca_file; }
std::size_t Daemon::event_subscribers() const { return impl_->services->hub.subscribers(); }

}  // namespace spoed::daemon
