// Fuzz target: the daemon's configuration file (daemon/config.hpp ParseConfig). Checked besides
// "no crash": a refusal is invalid_argument naming the source, and what was accepted stays in
// the ranges the daemon relies on.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "daemon/config.hpp"

namespace {

[[noreturn]] void Die(const char* why) {
    std::fprintf(stderr, "config: %s\n", why);
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    spoed::daemon::DaemonConfig config;
    auto st = spoed::daemon::ParseConfig(text, "fuzz.conf", config);
    if (!st.ok()) {
        if (st.error().code != spoed::ErrorCode::kInvalidArgument) Die("refusal is not invalid_argument");
        if (st.error().message.find("fuzz.conf") == std::string::npos) Die("refusal does not name the source");
        return 0;
    }
    if (config.night_cutoff_hour < 0 || config.night_cutoff_hour > 23) Die("night_cutoff_hour out of range");
    if (config.handover_due_time < std::chrono::minutes{0} || config.handover_due_time >= std::chrono::hours{24}) {
        Die("handover_due_time out of range");
    }
    for (const auto& d : config.closure_dates) {
        if (!d.ok()) Die("impossible closure date accepted");
    }

    std::string host;
    std::uint16_t port = 0;
    (void)spoed::daemon::ParseListen(text, host, port);
    return 0;
}
