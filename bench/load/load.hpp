#pragma once

// spoed-load: the load generator of issue 8 (bench/compare.sh runs it; docs/performance.md
// has the figures). One process runs one scenario against spoedd (or nginx for `static` and
// `handshake`) and prints one JSON object.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "bench/national/manifest.hpp"

namespace spoed::bench::load {

// The data set's manifest (who may log in, which ids and queries hit data) is
// bench/national's `Manifest`, read with its `ParseManifest`.

struct Options {
    std::string url;  // https://127.0.0.1:PORT
    std::string ca_file;
    std::string manifest;  // path of DB_PATH.json; not needed by static, handshake, idle
    std::string scenario;
    int connections = 16;
    double seconds = 10;
    double warmup = 2;
    std::string path = "/";  // static: the path to GET
    int pid = 0;             // idle: the server whose RSS is read
};

/// Reads `--name value` flags; invalid_argument naming the flag when one is unknown or bad.
Result<Options> ParseOptions(const std::vector<std::string>& args);

/// Latency summary of one run. Percentiles are nearest-rank over all samples.
struct Summary {
    std::string scenario;
    std::int64_t count = 0;   // measured operations (after the warm-up)
    std::int64_t errors = 0;  // failed operations, warm-up included
    double per_s = 0;
    double p50_ms = 0, p99_ms = 0, p999_ms = 0;
    std::int64_t rss_kb = -1, rss_anon_kb = -1, rss_file_kb = -1, rss_before_kb = -1;  // idle only
    // events only: delivery counted from when the event existed (see FromCommit), where
    // p50/p99/p999 count from when the RPC that makes it was sent.
    double commit_p50_ms = -1, commit_p99_ms = -1, commit_p999_ms = -1;
    std::string first_error;

    std::string ToJson() const;
};

/// The value at quantile q (0 < q ≤ 1) of `samples` by nearest rank; sorts `samples`. 0 when empty.
double Percentile(std::vector<std::int64_t>& samples, double q);
/// Fills count, p50/p99/p999 (milliseconds) from nanosecond samples.
void Summarise(std::vector<std::int64_t> samples_ns, Summary& out);

/// Events: the delivery times of each round's event to each client, counted from the moment
/// the event was committed. That moment is not seen by a client; it lies before both the RPC's
/// answer (`acked_at[k]`) and the first client's receipt, so the earlier of the two stands in
/// for it (on loopback, a fraction of a millisecond late). `received_at[c][k]` is when client
/// c received round k's event; rounds beyond `acked_at` or a client's list are left out.
std::vector<std::int64_t> FromCommit(const std::vector<std::vector<std::int64_t>>& received_at,
                                     const std::vector<std::int64_t>& acked_at);

/// Runs the scenario; an error when it could not start at all (no login, bad manifest).
Result<Summary> Run(const Options& options);

}  // namespace spoed::bench::load
