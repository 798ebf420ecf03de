// spoedd: wires the configuration to the Daemon and waits for SIGTERM/SIGINT.
#include <malloc.h>
#include <pthread.h>
#include <systemd/sd-daemon.h>

#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "base/log.hpp"
#include "daemon/config.hpp"
#include "daemon/daemon.hpp"
#include "daemon/offline/offline.hpp"

namespace {

constexpr const char* kUsage =
    "usage: spoedd [--config FILE] [--data-dir DIR] [--listen HOST:PORT]\n"
    "              [--tls-cert FILE --tls-key FILE] [--log-level debug|info|warn|error]\n"
    "              [--check-config]\n"
    "       spoedd init --data-dir DIR --admin NAME      (password on stdin)\n"
    "       spoedd backup DEST [--db PATH] [--keep N] [--encrypt-key-file FILE]\n"
    "       spoedd restore SRC --db PATH [--encrypt-key-file FILE]   (spoedd stopped)\n"
    "       spoedd audit verify --db PATH [--checkpoint SEQ:HASH]\n"
    "\n"
    "Runs the Spoed daemon over HTTPS. Without --tls-cert/--tls-key a development certificate\n"
    "for localhost is made under DIR/tls (trust DIR/tls/dev-ca.pem). Flags override the file.\n";

int Fail(const std::string& message, int code) {
    std::fprintf(stderr, "spoedd: %s\n", message.c_str());
    return code;
}

}  // namespace

int main(int argc, char** argv) {
    // Memory goes back to the system when it is freed (docs/performance.md): each log-in hashes
    // the password with a 19 MiB Argon2 buffer on a worker thread, and with glibc's defaults
    // those buffers stayed in per-thread arenas (the mmap threshold rises after the first one
    // is freed), so a daemon that had seen a few log-ins held hundreds of MB it did not use.
    // A fixed threshold keeps large buffers mapped only while used; two arenas bound the rest.
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    mallopt(M_ARENA_MAX, 2);
    // `spoedd init|backup|restore|audit verify ...`: offline work on the data directory.
    if (argc > 1 && spoed::daemon::offline::IsCommand(argv[1])) return spoed::daemon::offline::Main(argc, argv);
    using spoed::daemon::DaemonConfig;
    std::string config_file;
    std::vector<std::pair<std::string, std::string>> overrides;  // config key, value
    bool check_only = false;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            std::fputs(kUsage, stdout);
            return 0;
        }
        if (arg == "--version") {
            std::puts("spoedd 0.1.0");
            return 0;
        }
        if (arg == "--check-config") {
            check_only = true;
            continue;
        }
        std::string value;
        if (auto eq = arg.find('='); eq != std::string::npos && arg.rfind("--", 0) == 0) {
            value = arg.substr(eq + 1);
            arg = arg.substr(0, eq);
        } else if (i + 1 < argc) {
            value = argv[++i];
        } else {
            return Fail("missing value for " + arg + "\n" + kUsage, 2);
        }
        if (arg == "--config")
            config_file = value;
        else if (arg == "--data-dir")
            overrides.emplace_back("data_dir", value);
        else if (arg == "--listen")
            overrides.emplace_back("listen", value);
        else if (arg == "--tls-cert")
            overrides.emplace_back("tls_cert", value);
        else if (arg == "--tls-key")
            overrides.emplace_back("tls_key", value);
        else if (arg == "--log-level")
            overrides.emplace_back("log_level", value);
        else
            return Fail("unknown flag " + arg + "\n" + kUsage, 2);
    }

    DaemonConfig config;
    if (!config_file.empty()) {
        if (auto st = spoed::daemon::LoadConfigFile(config_file, config); !st.ok()) return Fail(st.error().message, 2);
    }
    for (const auto& [key, value] : overrides) {
        if (auto st = spoed::daemon::SetConfigKey(key, value, "command line: ", config); !st.ok()) {
            return Fail(st.error().message, 2);
        }
    }

    if (check_only) {
        std::printf("spoedd: configuration ok\n");
        return 0;
    }

    // Signals are taken by sigwait below, never by a handler in some random thread.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    signal(SIGPIPE, SIG_IGN);

    try {
        spoed::SystemClock clock;
        spoed::daemon::Daemon daemon(config, clock);
        daemon.Start();
        std::printf("spoedd: listening on https://%s:%u\n",
                    config.listen_host == "127.0.0.1" ? "localhost" : config.listen_host.c_str(),
                    static_cast<unsigned>(daemon.port()));
        if (!daemon.dev_ca_file().empty()) {
            std::printf("spoedd: development certificate; clients trust %s\n", daemon.dev_ca_file().c_str());
        }
        std::fflush(stdout);
        // Under systemd (Type=notify): ready once listening; the watchdog is fed only while the
        // database answers and the workers run, so a wedged daemon is restarted.
        sd_notify(0, "READY=1\nSTATUS=listening");
        std::mutex wd_mutex;
        std::condition_variable wd_wake;
        bool wd_stop = false;
        std::thread watchdog;
        std::uint64_t wd_usec = 0;
        if (sd_watchdog_enabled(0, &wd_usec) > 0 && wd_usec > 0) {
            watchdog = std::thread([&] {
                auto period = std::chrono::microseconds(wd_usec / 3);
                std::unique_lock lock(wd_mutex);
                while (!wd_stop) {
                    lock.unlock();
                    if (daemon.Healthy()) {
                        sd_notify(0, "WATCHDOG=1");
                    } else {
                        spoed::log::Warn("daemon.unhealthy", "health check failed; watchdog not fed");
                    }
                    lock.lock();
                    wd_wake.wait_for(lock, period, [&] { return wd_stop; });
                }
            });
        }
        int sig = 0;
        sigwait(&stop_signals, &sig);
        sd_notify(0, "STOPPING=1");
        spoed::log::Info("daemon.stopping", "stop signal received", {{"signal", sig == SIGTERM ? "TERM" : "INT"}});
        if (watchdog.joinable()) {
            {
                std::lock_guard lock(wd_mutex);
                wd_stop = true;
            }
            wd_wake.notify_all();
            watchdog.join();
        }
        daemon.Stop();
    } catch (const std::exception& e) {
        return Fail(e.what(), 1);
    }
    return 0;
}
