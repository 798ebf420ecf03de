#include "client/cli/cli.hpp"

#include <fcntl.h>
#include <google/protobuf/util/json_util.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace spoed::cli {
namespace {

std::string DefaultConfigDir() {
    if (const char* d = std::getenv("SPOED_CONFIG_DIR"); d && *d) return d;
    if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x) return std::string(x) + "/spoed";
    if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.config/spoed";
    return ".spoed";
}

constexpr const char* kSavedFile = "spoedctl.conf";

Saved LoadSaved(const std::string& dir) {
    Saved s;
    std::ifstream in(dir + "/" + kSavedFile);
    std::string line;
    while (std::getline(in, line)) {
        auto eq = line.find('=');
        if (eq == std::string::npos) continue;
        std::string k = line.substr(0, eq), v = line.substr(eq + 1);
        if (k == "server")
            s.server = v;
        else if (k == "ca")
            s.ca = v;
        else if (k == "token")
            s.token = v;
        else if (k == "username")
            s.username = v;
        else if (k == "device_token")
            s.device_token = v;
    }
    return s;
}

}  // namespace

Context::Context(Args args, std::string config_dir, bool json)
    : args_(std::move(args)), config_dir_(std::move(config_dir)), json_(json), saved_(LoadSaved(config_dir_)) {}

bool Context::Save() {
    std::error_code ec;
    std::filesystem::create_directories(config_dir_, ec);
    ::chmod(config_dir_.c_str(), 0700);
    std::string path = config_dir_ + "/" + kSavedFile;
    std::string tmp = path + ".tmp";
    // Created 0600 before anything is written: the token is never readable by others.
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) {
        std::fprintf(stderr, "spoedctl: cannot write %s\n", path.c_str());
        return false;
    }
    std::string body = "server=" + saved_.server + "\nca=" + saved_.ca + "\ntoken=" + saved_.token +
                       "\nusername=" + saved_.username + "\ndevice_token=" + saved_.device_token + "\n";
    bool ok = ::write(fd, body.data(), body.size()) == static_cast<ssize_t>(body.size());
    ok = ::fchmod(fd, 0600) == 0 && ok;
    ok = ::close(fd) == 0 && ok;
    if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::fprintf(stderr, "spoedctl: cannot write %s\n", path.c_str());
        return false;
    }
    return true;
}

client::Client& Context::client() {
    if (!client_) {
        client::ClientOptions o;
        o.server_url = args_.Get("server").value_or(saved_.server.empty() ? "https://localhost:8443" : saved_.server);
        // Made absolute before it is remembered: a later call from another folder finds it too.
        if (auto ca = args_.Get("ca"); ca && !ca->empty()) {
            std::error_code ec;
            auto absolute = std::filesystem::absolute(*ca, ec);
            o.ca_file = ec ? *ca : absolute.lexically_normal().string();
        } else {
            o.ca_file = saved_.ca;
        }
        client_ = std::make_unique<client::Client>(o);
        if (!saved_.token.empty()) client_->SetToken(saved_.token);
    }
    return *client_;
}

std::string Context::ReadSecret(const std::string& prompt) { return spoed::ReadSecret(prompt); }

int PrintError(const Error& e) {
    std::fprintf(stderr, "spoedctl: %s: %s\n", std::string(ErrorCodeName(e.code)).c_str(), e.message.c_str());
    return 1;
}

void PrintJson(const google::protobuf::Message& m) {
    std::string out;
    google::protobuf::util::JsonPrintOptions o;
    o.add_whitespace = true;
    o.preserve_proto_field_names = true;
    (void)google::protobuf::util::MessageToJsonString(m, &out, o);
    std::fputs(out.c_str(), stdout);
}

namespace {

void PrintUsage(const std::vector<Command>& commands) {
    std::fputs(
        "usage: spoedctl [--server URL] [--ca FILE] [--config-dir DIR] [--json] COMMAND ...\n\n"
        "Talks to spoedd over HTTPS; remembers the server, CA file (as an absolute path) and login\n"
        "token in $XDG_CONFIG_HOME/spoed/spoedctl.conf (mode 0600), or in --config-dir DIR.\n"
        "--server takes several servers of one deployment separated by commas; a call that does not\n"
        "get through to one goes to the next.\n"
        "--help: this text.\n\ncommands:\n",
        stdout);
    for (const auto& c : commands) std::printf("  %-58s %s\n", c.usage.c_str(), c.summary.c_str());
}

}  // namespace

int Main(int argc, char** argv) {
    std::vector<Command> commands;
    for (auto group : {AuthCommands(), AdminCommands(), DemoCommands(), ExportCommands()}) {
        commands.insert(commands.end(), group.begin(), group.end());
    }
    auto line = ParseCommandLine(argc, argv, 1, {"json", "all", "help", "previous"});
    if (!line.ok()) {
        std::fprintf(stderr, "spoedctl: %s\n", line.error().message.c_str());
        return 2;
    }
    if (line->args.Has("help") || line->words.empty()) {
        PrintUsage(commands);
        return line->words.empty() && !line->args.Has("help") ? 2 : 0;
    }
    std::vector<std::string> names;
    names.reserve(commands.size());
    for (const auto& c : commands) names.push_back(c.name);
    auto chosen = ChooseCommand(names, *line);
    if (!chosen) {
        std::fprintf(stderr, "spoedctl: unknown command '%s' (see spoedctl --help)\n", line->words[0].c_str());
        return 2;
    }
    Args args = std::move(line->args);
    std::string config_dir = args.Get("config-dir").value_or(DefaultConfigDir());
    bool json = args.Has("json");
    Context ctx(std::move(args), config_dir, json);
    return commands[*chosen].run(ctx);
}

}  // namespace spoed::cli
