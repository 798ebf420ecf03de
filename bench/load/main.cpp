// spoed-load: one load scenario against spoedd or nginx; prints one JSON object (bench/load/load.hpp).
#include <cstdio>
#include <string>
#include <vector>

#include "bench/load/load.hpp"

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    auto options = spoed::bench::load::ParseOptions(args);
    if (!options.ok()) {
        std::fprintf(stderr,
                     "spoed-load: %s\nusage: spoed-load --url https://HOST:PORT --ca CA.pem [--manifest DB.json] "
                     "--scenario NAME --connections C --seconds S [--warmup S] [--path /file] [--pid PID]\n",
                     options.error().message.c_str());
        return 2;
    }
    auto summary = spoed::bench::load::Run(*options);
    if (!summary.ok()) {
        std::fprintf(stderr, "spoed-load: %s: %s\n", options->scenario.c_str(), summary.error().message.c_str());
        return 1;
    }
    std::printf("%s\n", summary->ToJson().c_str());
    return 0;
}
