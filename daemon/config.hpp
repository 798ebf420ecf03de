#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/log.hpp"
#include "base/result.hpp"
#include "db/learning_records.hpp"

namespace spoed::daemon {

/// Everything spoedd can be told. Each field is one key of the configuration file
/// (docs/configuration.md lists them with defaults); command-line flags override the file.
struct DaemonConfig {
    std::string data_dir = "data";
    std::string listen_host = "127.0.0.1";
    std::uint16_t listen_port = 8443;
    std::string tls_cert;  // empty: development certificate under <data_dir>/tls
    std::string tls_key;
    bool tls_allow_tls12 = false;
    unsigned io_threads = 0;      // 0: one per core
    unsigned worker_threads = 0;  // 0: eight per core, at least 32
    std::size_t max_connections = 1024;
    std::optional<std::size_t> reserved_connections;  // for signed-in users only; unset: a quarter of max_connections
    std::size_t max_connections_per_address = 64;
    double handshakes_per_address_per_second = 20;  // 0: no limit
    double handshake_burst_per_address = 100;
    std::size_t max_header_bytes = 16 * 1024;
    std::size_t max_body_bytes = 1024 * 1024;
    std::chrono::seconds read_timeout{30};
    std::chrono::seconds idle_timeout{60};
    std::chrono::seconds shutdown_grace{30};
    std::chrono::minutes session_idle{30};
    std::chrono::minutes session_lifetime{12 * 60};
    std::chrono::minutes break_glass_window{120};
    std::chrono::minutes handover_due_time{12 * 60};           // local time of day a handover falls due
    std::chrono::minutes handover_reminder_time{8 * 60 + 30};  // local time of the morning reminder
    std::chrono::milliseconds event_check_interval{
        10'000};                              // how often handover alerts and ended stream sessions are looked for
    std::chrono::seconds websocket_idle{60};  // a silent event connection is pinged at half this, dropped after it
    int night_cutoff_hour = 6;                // before this local hour a call belongs to the previous evening
    bool good_friday_closed = false;
    std::vector<std::chrono::year_month_day> closure_dates;
    db::ComplexityRules evaluation_rules;    // which closed cases get an evaluation planned
    int evaluation_window_days = 10;         // working days after closing within which it is due
    int retention_years = 20;                // personal data kept this long after the record's last change; 0: kept
    bool offline_cache = true;               // desks may keep the sealed offline set
    std::chrono::hours offline_max_age{24};  // a desk's copy not synced for this long is removed
    bool offline_wipe_at_logout = false;     // desks remove their copy when the user signs out
    int password_hash_concurrency = 0;       // 0: half the cores, at least one
    int password_hash_queue = 16;
    int sign_in_burst_per_account = 10;   // successful sign-ins at once; then one a minute
    int sign_in_burst_per_address = 100;  // from one address at once; then one a second  // password checks waiting at
                                          // most; beyond, a log-in is told to retry
    std::chrono::seconds audit_refusal_interval{
        60};  // refusals without a session: one audit line per address per interval
    int db_readers = 4;
    /// Where everything is kept: "sqlite" (one file in data_dir, the default) or "postgresql"
    /// (postgresql_dsn; for sites that must survive the loss of a machine, docs/high-availability.md).
    std::string store = "sqlite";
    std::string postgresql_dsn;      // a libpq connection string; several hosts with target_session_attrs
    int postgresql_connections = 8;  // the daemon's pool
    log::Level log_level = log::Level::kInfo;
    std::string totp_key_file;              // empty: <data_dir>/totp.key, made on first start
    double token_requests_per_second = 20;  // 0: no limit per session token
    int token_request_burst = 200;
    std::chrono::minutes audit_checkpoint_interval{60};

    std::string backup_dir;                  // where `spoedd backup` writes; empty: <data_dir>/backups (for /metrics)
    std::string metrics_token;               // bearer token that may read /metrics besides admin sessions; empty: none
    std::vector<std::string> metrics_allow;  // address ranges that may read /metrics without a token
    std::int64_t storage_reserve_mb = 16;    // reserve file kept beside the database for disk-full

    std::string DatabasePath() const { return data_dir + "/spoed.db"; }
    std::string BackupDir() const { return backup_dir.empty() ? data_dir + "/backups" : backup_dir; }
    std::string TotpKeyPath() const { return totp_key_file.empty() ? data_dir + "/totp.key" : totp_key_file; }
};

/// Reads `key = value` lines ('#' starts a comment) over `config`. A bad key or value is an
/// invalid_argument error naming the source, the line and the key.
Status ParseConfig(std::string_view text, std::string_view source, DaemonConfig& config);
/// Reads the file at `path` with ParseConfig.
Status LoadConfigFile(const std::string& path, DaemonConfig& config);
/// Sets one key (shared by the file and the command line); `where` prefixes error messages.
Status SetConfigKey(std::string_view key, std::string_view value, std::string_view where, DaemonConfig& config);
/// Every key the file accepts, in the order docs/configuration.md lists them.
const std::vector<std::string_view>& ConfigKeys();
/// An address range "10.0.0.0/8", "::1/128" or a single address; false when malformed.
bool ParseAddressRange(std::string_view text, std::vector<unsigned char>& bytes, int& prefix);
/// Whether `address` ("127.0.0.1", "::ffff:10.1.2.3", "::1") lies in one of the ranges.
bool AddressInRanges(std::string_view address, const std::vector<std::string>& ranges);
/// "host:port", "[::1]:port" or ":port".
Status ParseListen(std::string_view value, std::string& host, std::uint16_t& port);

}  // namespace spoed::daemon
