#include "daemon/config.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>

namespace spoed::daemon {
namespace {

std::string_view Trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

template <typename T>
Status ParseNumber(std::string_view value, T min, T max, std::string_view where, std::string_view key, T& out) {
    T v{};
    auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
    if (ec != std::errc() || ptr != value.data() + value.size() || v < min || v > max) {
        return Error::InvalidArgument(std::string(where) + "key '" + std::string(key) +
                                      "': expected a whole number from " + std::to_string(min) + " to " +
                                      std::to_string(max) + ", got '" + std::string(value.substr(0, 60)) + "'");
    }
    out = v;
    return Ok();
}

Status ParseBool(std::string_view value, std::string_view where, std::string_view key, bool& out) {
    if (value == "true" || value == "yes" || value == "on") {
        out = true;
        return Ok();
    }
    if (value == "false" || value == "no" || value == "off") {
        out = false;
        return Ok();
    }
    return Error::InvalidArgument(std::string(where) + "key '" + std::string(key) + "': expected true or false, got '" +
                                  std::string(value.substr(0, 60)) + "'");
}

Status RequireNonEmpty(std::string_view value, std::string_view where, std::string_view key) {
    if (value.empty())
        return Error::InvalidArgument(std::string(where) + "key '" + std::string(key) + "': needs a value");
    return Ok();
}

}  // namespace

Status ParseListen(std::string_view value, std::string& host, std::uint16_t& port) {
    std::size_t colon = value.rfind(':');
    if (colon == std::string_view::npos) return Error::InvalidArgument("expected HOST:PORT");
    std::string_view h = value.substr(0, colon);
    std::string_view p = value.substr(colon + 1);
    if (h.size() >= 2 && h.front() == '[' && h.back() == ']') h = h.substr(1, h.size() - 2);
    unsigned v = 0;
    auto [ptr, ec] = std::from_chars(p.data(), p.data() + p.size(), v);
    if (ec != std::errc() || ptr != p.data() + p.size() || v > 65535) {
        return Error::InvalidArgument("expected HOST:PORT with a port from 0 to 65535");
    }
    host = h.empty() ? "0.0.0.0" : std::string(h);
    port = static_cast<std::uint16_t>(v);
    return Ok();
}

namespace {

Status ParseTimeOfDay(std::string_view value, std::string_view where, std::string_view key, std::chrono::minutes& out) {
    unsigned hh = 0, mm = 0;
    char colon = 0;
    std::string v(value);
    if (std::sscanf(v.c_str(), "%2u%c%2u", &hh, &colon, &mm) != 3 || colon != ':' || hh > 23 || mm > 59 ||
        v.size() != 5) {
        return Error::InvalidArgument(std::string(where) + "key '" + std::string(key) + "': expected HH:MM, got '" +
                                      std::string(value.substr(0, 60)) + "'");
    }
    out = std::chrono::minutes(hh * 60 + mm);
    return Ok();
}

/// Names separated by commas, each one of `allowed`; "none" or nothing for an empty list.
Status ParseNameList(std::string_view value, std::string_view where, std::string_view key,
                     std::initializer_list<std::string_view> allowed, std::vector<std::string>& out) {
    std::vector<std::string> names;
    std::string_view rest = value == "none" ? std::string_view() : value;
    while (!rest.empty()) {
        std::size_t comma = rest.find(',');
        std::string_view item = Trim(rest.substr(0, comma));
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        if (std::find(allowed.begin(), allowed.end(), item) == allowed.end()) {
            std::string list;
            for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
            return Error::InvalidArgument(std::string(where) + "key '" + std::string(key) + "': expected names from " +
                                          list + " separated by commas, or none; got '" +
                                          std::string(item.substr(0, 60)) + "'");
        }
        names.emplace_back(item);
    }
    out = std::move(names);
    return Ok();
}

}  // namespace

Status SetConfigKey(std::string_view key, std::string_view value, std::string_view where, DaemonConfig& c) {
    std::uint64_t n = 0;
    if (key == "listen") {
        std::string host;
        std::uint16_t port = 0;
        if (Status st = ParseListen(value, host, port); !st.ok()) {
            return Error::InvalidArgument(std::string(where) + "key 'listen': " + st.error().message + ", got '" +
                                          std::string(value.substr(0, 60)) + "'");
        }
        c.listen_host = host;
        c.listen_port = port;
    } else if (key == "data_dir") {
        SPOED_TRY(RequireNonEmpty(value, where, key));
        c.data_dir = std::string(value);
    } else if (key == "tls_cert") {
        c.tls_cert = std::string(value);
    } else if (key == "tls_key") {
        c.tls_key = std::string(value);
    } else if (key == "tls_allow_tls12") {
        SPOED_TRY(ParseBool(value, where, key, c.tls_allow_tls12));
    } else if (key == "io_threads") {
        SPOED_TRY(ParseNumber<std::uint64_t>(value, 0, 256, where, key, n));
        c.io_threads = static_cast<unsigned>(n);
    } else if (key == "worker_threads") {
        SPOED_TRY(ParseNumber<std::uint64_t>(value, 0, 1024, where, key, n));
        c.worker_threads = static_cast<unsigned>(n);
    } else if (key == "max_connections") {
        SPOED_TRY(ParseNumber<std::uint64_t>(value, 1, 1'000'000, where, key, n));
        c.max_connections = n;
    } else if (key == "reserved_connections") {
        SPOED_TRY(ParseNumber<std::uint64_t>(value, 0, 1'000'000, where, key, n));
        c.reserved_connections = n;
    } else if (key == "max_connections_per_address") {
        SPOED_TRY(ParseNumber<std::uint64_t>(value, 1, 1'000'000, where, key, n));
        c.max_connections_per_address = n;
    } else if (key == "handshakes_per_address_per_second") {
        SPOED_TRY(ParseNumber<std::uint64_t>(value, 0, 100'000, where, key, n));
        c.handshakes_per_address_per_second = static_cast<double>(n);
    } else if (key == "handshake_burst_per_address") {
        SPOED_TRY(ParseNumber<std::uint64_t>(value, 1, 100'000, where, key, n));
        c.handshake_burst_per_address = static_cast<double>(n);
    } else if (key == "max_header_bytes") {
        SPOED_TRY(ParseNumber<std::uint64_t>(value, 1024, 1024 * 1024, where, key, n));
        c.max_header_bytes = n;
    } else if (key == "max_body_bytes") {
        SPOED_TRY(ParseNumber<std::uint64_t>(value, 1024, 64 * 1024 * 1024, where, key, n));
        c.max_body_bytes = n;
    } else if (key == "read_timeout_seconds") {
        SPOED_TRY(ParseNumber<std::uint64_t>(value, 1, 3600, where, key, n));
        c.read_timeout = std::chrono::seconds(n);
    } else if (key == "idle_timeout_seconds") {
        SPOED_TRY(ParseNumber<std::uint64_t>(value, 1, 3600, where, key, n));
        c.idle_timeout = std::chrono::seconds(n);
    } else if (key == "shutdown_grace_seconds") {
        SPOED_TRY(ParseNumber<std::uint64_t>(value, 0, 600, where, key, n));
        c.shutdown_grace = std::chrono::seconds(n);
    } else if (key == "session_idle_minutes") {
        SPOED_TRY(ParseNumber<std::uint64_t>(value, 1, 24 * 60, where, key, n));
        c.session_idle = std::chrono::minutes(n);
    } else if (key == "session_lifetime_hours") {
        SPOED_TRY(ParseNumber<std::uint64_t>(value, 1, 7 * 24, where, key, n));
        c.session_lifetime = std::chrono::hours(n);
    } else if (key == "break_glass_minutes") {
        SPOED_TRY(ParseNumber<std::uint64_t>(value, 5, 24 * 60, where, key, n));
        c.break_glass_window = std::chrono::minutes(n);
    } else if (key == "handover_due_time") {
        SPOED_TRY(ParseTimeOfDay(value, where, key, c.handover_due_time));
    } else if (key == "handover_reminder_time") {
        SPOED_TRY(ParseTimeOfDay(value, where, key, c.handover_reminder_time));
    } else if (key == "event_check_seconds") {
        SPOED_TRY(ParseNumber<std::uint64_t>(value, 1, 3600, where, key, n));
        c.event_check_interval = std::chrono::seconds(n);
    } else if (key == "websocket_idle_seconds") {
        SPOED_TRY(ParseNumber<std::uint64_t>(value, 2, 3600, where, key, n));
        c.websocket_idle = std::chrono::seconds(n);
    } else if (key == "night_cutoff_hour") {
        SPOED_TRY(ParseNumber<std::uint64_t>(value, 0, 23, where, key, n));
        c.night_cutoff_hour = static_cast<int>(n);
    } else if (key == "good_friday_closed") {
        SPOED_TRY(ParseBool(value, where, key, c.good_friday_closed));
    } else if (key == "closure_dates") {
        c.closure_dates.clear();
        std::string_view rest = value;
        while (!rest.empty()) {
            std::size_t comma = rest.find(',');
            std::string_view item = Trim(rest.substr(0, comma));
            rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
            int y = 0;
            unsigned m = 0, d = 0;
            std::string it(item);
            std::chrono::year_month_day date{std::chrono::year{0}, std::chrono::month{0}, std::chrono::day{0}};
            if (std::sscanf(it.c_str(), "%4d-%2u-%2u", &y, &m, &d) == 3 && it.size() == 10) {
                date = std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
            }
            if (!date.ok()) {
                return Error::InvalidArgument(std::string(where) +
                                              "key 'closure_dates': expected YYYY-MM-DD dates "
                                              "separated by commas, got '" +
                                              it.substr(0, 60) + "'");
            }
            c.closure_dates.push_back(date);
        }
    } else if (key == "retention_years") {
        SPOED_TRY(ParseNumber<std::uint64_t>(value, 0, 100, where, key, n));
        c.retention_years = static_cast<int>(n);
    } else if (key == "offline_cache") {
        SPOED_TRY(ParseBool(value, where, key, c.offline_cache));
    } else if (key == "offline_max_age_hours") {
        SPOED_TRY(ParseNumber<std::uint64_t>(value, 1, 24 * 30, where, key, n));
        c.offline_max_age = std::chrono::hours(n);
    } else if (key == "offline_wipe_at_logout") {
        SPOED_TRY(ParseBool(value, where, key, c.offline_wipe_at_logout));
    } else if (key == "evaluation_window_days") {
        SPOED_TRY(ParseNumber<std::uint64_t>(value, 1, 60, where, key, n));
        c.evaluation_window_days = static_cast<int>(n);
    } else if (key == "evaluation_when_marked_complex") {
        SPOED_TRY(ParseBool(value, where, key, c.evaluation_rules.marked_complex));
    } else if (key == "evaluation_outcomes") {
        SPOED_TRY(ParseNameList(value, where, key, {"stayed_home", "own_network", "crisis_placement", "admission"},
                                c.evaluation_rules.outcomes));
    } else if (key == "evaluation_risk_flags") {
        SPOED_TRY(ParseNameList(value, where, key,
                                {"suicidality", "suicide_attempt", "self_harm", "severe_aggression",
                                 "domestic_violence", "substance_use", "runaway", "psychosis", "child_abuse"},
                                c.evaluation_rules.risk_flags));
    } else if (key == "evaluation_repeat_cases") {
        SPOED_TRY(ParseNumber<std::uint64_t>(value, 0, 20, where, key, n));
        c.evaluation_rules.repeat_cases = static_cast<int>(n);
    } else if (key == "evaluation_repeat_days") {
        SPOED_TRY(ParseNumber<std::uint64_t>(value, 1, 365, where, key, n));
        c.evaluation_rules.repeat_days = static_cast<int>(n);
    } else if (key == "password_hash_concurrency") {
        SPOED_TRY(ParseNumber<std::uint64_t>(value, 0, 64, where, key, n));
        c.password_hash_concurrency = static_cast<int>(n);
    } else if (key == "password_hash_queue") {
        SPOED_TRY(ParseNumber<std::uint64_t>(value, 0, 4096, where, key, n));
        c.password_hash_queue = static_cast<int>(n);
    } else if (key == "sign_in_burst_per_account") {
        SPOED_TRY(ParseNumber<std::uint64_t>(value, 1, 1'000'000, where, key, n));
        c.sign_in_burst_per_account = static_cast<int>(n);
    } else if (key == "sign_in_burst_per_address") {
        SPOED_TRY(ParseNumber<std::uint64_t>(value, 1, 1'000'000, where, key, n));
        c.sign_in_burst_per_address = static_cast<int>(n);
    } else if (key == "audit_refusal_seconds") {
        SPOED_TRY(ParseNumber<std::uint64_t>(value, 1, 3600, where, key, n));
        c.audit_refusal_interval = std::chrono::seconds(n);
    } else if (key == "store") {
        if (value != "sqlite" && value != "postgresql") {
            return Error::InvalidArgument(std::string(where) + "key 'store': expected sqlite or postgresql, got '" +
                                          std::string(value.substr(0, 60)) + "'");
        }
        c.store = std::string(value);
    } else if (key == "postgresql_dsn") {
        SPOED_TRY(RequireNonEmpty(value, where, key));
        c.postgresql_dsn = std::string(value);
    } else if (key == "postgresql_connections") {
        SPOED_TRY(ParseNumber<std::uint64_t>(value, 1, 256, where, key, n));
        c.postgresql_connections = static_cast<int>(n);
    } else if (key == "db_readers") {
        SPOED_TRY(ParseNumber<std::uint64_t>(value, 1, 64, where, key, n));
        c.db_readers = static_cast<int>(n);
    } else if (key == "log_level") {
        if (value == "debug")
            c.log_level = log::Level::kDebug;
        else if (value == "info")
            c.log_level = log::Level::kInfo;
        else if (value == "warn")
            c.log_level = log::Level::kWarn;
        else if (value == "error")
            c.log_level = log::Level::kError;
        else {
            return Error::InvalidArgument(std::string(where) +
                                          "key 'log_level': expected debug, info, warn or error, got '" +
                                          std::string(value.substr(0, 60)) + "'");
        }
    } else if (key == "totp_key_file") {
        SPOED_TRY(RequireNonEmpty(value, where, key));
        c.totp_key_file = std::string(value);
    } else if (key == "token_requests_per_second") {
        SPOED_TRY(ParseNumber<std::uint64_t>(value, 0, 100'000, where, key, n));
        c.token_requests_per_second = static_cast<double>(n);
    } else if (key == "token_request_burst") {
        SPOED_TRY(ParseNumber<std::uint64_t>(value, 1, 100'000, where, key, n));
        c.token_request_burst = static_cast<int>(n);
    } else if (key == "audit_checkpoint_minutes") {
        SPOED_TRY(ParseNumber<std::uint64_t>(value, 1, 24 * 60, where, key, n));
        c.audit_checkpoint_interval = std::chrono::minutes(n);
    } else if (key == "backup_dir") {
        SPOED_TRY(RequireNonEmpty(value, where, key));
        c.backup_dir = std::string(value);
    } else if (key == "metrics_token") {
        if (!value.empty() && value.size() < 32) {
            return Error::InvalidArgument(std::string(where) +
                                          "key 'metrics_token': at least 32 characters (openssl rand -hex 32)");
        }
        c.metrics_token = std::string(value);
    } else if (key == "metrics_allow") {
        c.metrics_allow.clear();
        std::string_view rest = value;
        while (!rest.empty()) {
            std::size_t comma = rest.find(',');
            std::string_view item = Trim(rest.substr(0, comma));
            rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
            std::vector<unsigned char> bytes;
            int prefix = 0;
            if (!ParseAddressRange(item, bytes, prefix)) {
                return Error::InvalidArgument(std::string(where) +
                                              "key 'metrics_allow': expected address ranges such "
                                              "as 127.0.0.1/32 or ::1/128 separated by commas, got '" +
                                              std::string(item.substr(0, 60)) + "'");
            }
            c.metrics_allow.emplace_back(item);
        }
    } else if (key == "storage_reserve_mb") {
        SPOED_TRY(ParseNumber<std::uint64_t>(value, 0, 4096, where, key, n));
        c.storage_reserve_mb = static_cast<std::int64_t>(n);
    } else {
        return Error::InvalidArgument(std::string(where) + "unknown key '" + std::string(key.substr(0, 60)) + "'");
    }
    return Ok();
}

const std::vector<std::string_view>& ConfigKeys() {
    static const std::vector<std::string_view> keys = {"data_dir",
                                                       "listen",
                                                       "tls_cert",
                                                       "tls_key",
                                                       "tls_allow_tls12",
                                                       "io_threads",
                                                       "worker_threads",
                                                       "max_connections",
                                                       "reserved_connections",
                                                       "max_connections_per_address",
                                                       "handshakes_per_address_per_second",
                                                       "handshake_burst_per_address",
                                                       "max_header_bytes",
                                                       "max_body_bytes",
                                                       "read_timeout_seconds",
                                                       "idle_timeout_seconds",
                                                       "shutdown_grace_seconds",
                                                       "session_idle_minutes",
                                                       "session_lifetime_hours",
                                                       "break_glass_minutes",
                                                       "handover_due_time",
                                                       "handover_reminder_time",
                                                       "event_check_seconds",
                                                       "websocket_idle_seconds",
                                                       "night_cutoff_hour",
                                                       "good_friday_closed",
                                                       "closure_dates",
                                                       "password_hash_concurrency",
                                                       "password_hash_queue",
                                                       "sign_in_burst_per_account",
                                                       "sign_in_burst_per_address",
                                                       "db_readers",
                                                       "store",
                                                       "postgresql_dsn",
                                                       "postgresql_connections",
                                                       "log_level",
                                                       "backup_dir",
                                                       "metrics_token",
                                                       "metrics_allow",
                                                       "storage_reserve_mb",
                                                       "evaluation_window_days",
                                                       "retention_years",
                                                       "offline_cache",
                                                       "offline_max_age_hours",
                                                       "offline_wipe_at_logout",
                                                       "evaluation_when_marked_complex",
                                                       "evaluation_outcomes",
                                                       "evaluation_risk_flags",
                                                       "evaluation_repeat_cases",
                                                       "evaluation_repeat_days",
                                                       "totp_key_file",
                                                       "token_requests_per_second",
                                                       "token_request_burst",
                                                       "audit_checkpoint_minutes",
                                                       "audit_refusal_seconds"};
    return keys;
}

bool ParseAddressRange(std::string_view text, std::vector<unsigned char>& bytes, int& prefix) {
    std::string_view addr = text;
    int max_prefix = 0;
    std::optional<int> given;
    if (std::size_t slash = text.find('/'); slash != std::string_view::npos) {
        addr = text.substr(0, slash);
        std::string_view p = text.substr(slash + 1);
        int v = -1;
        auto [ptr, ec] = std::from_chars(p.data(), p.data() + p.size(), v);
        if (ec != std::errc() || ptr != p.data() + p.size() || p.empty()) return false;
        given = v;
    }
    std::string a(addr);
    unsigned char buf[16];
    if (inet_pton(AF_INET, a.c_str(), buf) == 1) {
        bytes.assign(buf, buf + 4);
        max_prefix = 32;
    } else if (inet_pton(AF_INET6, a.c_str(), buf) == 1) {
        bytes.assign(buf, buf + 16);
        max_prefix = 128;
    } else {
        return false;
    }
    prefix = given.value_or(max_prefix);
    return prefix >= 0 && prefix <= max_prefix;
}

bool AddressInRanges(std::string_view address, const std::vector<std::string>& ranges) {
    std::vector<unsigned char> addr;
    int unused = 0;
    if (!ParseAddressRange(address, addr, unused)) return false;
    // An IPv4 client on a dual-stack socket shows as ::ffff:a.b.c.d.
    static const unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (addr.size() == 16 && std::equal(addr.begin(), addr.begin() + 12, kMapped))
        addr.erase(addr.begin(), addr.begin() + 12);
    for (const auto& r : ranges) {
        std::vector<unsigned char> net;
        int prefix = 0;
        if (!ParseAddressRange(r, net, prefix) || net.size() != addr.size()) continue;
        bool match = true;
        for (int bit = 0; bit < prefix && match; ++bit) {
            auto mask = static_cast<unsigned char>(0x80 >> (bit % 8));
            match = (net[bit / 8] & mask) == (addr[bit / 8] & mask);
        }
        if (match) return true;
    }
    return false;
}

Status ParseConfig(std::string_view text, std::string_view source, DaemonConfig& config) {
    int line_no = 0;
    while (!text.empty()) {
        ++line_no;
        std::size_t nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
        std::string where = std::string(source) + " line " + std::to_string(line_no) + ": ";
        if (std::size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
        line = Trim(line);
        if (line.empty()) continue;
        std::size_t eq = line.find('=');
        if (eq == std::string_view::npos) {
            return Error::InvalidArgument(where + "expected 'key = value'");
        }
        std::string_view key = Trim(line.substr(0, eq));
        std::string_view value = Trim(line.substr(eq + 1));
        if (key.empty()) return Error::InvalidArgument(where + "missing key before '='");
        SPOED_TRY(SetConfigKey(key, value, where, config));
    }
    return Ok();
}

Status LoadConfigFile(const std::string& path, DaemonConfig& config) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error::InvalidArgument("cannot read configuration file " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ParseConfig(ss.str(), path, config);
}

}  // namespace spoed::daemon
