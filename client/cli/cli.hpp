#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/command_line.hpp"
#include "client/core/client.hpp"

namespace spoed::cli {

using spoed::Args;

/// What spoedctl remembers between runs: server, CA file and the token of the last login.
/// Kept in the user's config directory with mode 0600.
struct Saved {
    std::string server;
    std::string ca;
    std::string token;
    std::string username;
    std::string device_token;  // for `username` on `server`: sent with the next log-in
};

/// Everything a subcommand needs: arguments, the remembered state and a client made from it.
class Context {
  public:
    Context(Args args, std::string config_dir, bool json);
    const Args& args() const { return args_; }
    bool json() const { return json_; }
    Saved& saved() { return saved_; }
    /// Writes `saved()` back (mode 0600); false with a message on stderr when it cannot.
    bool Save();
    /// A client for --server/--ca or the remembered ones, with the remembered token.
    client::Client& client();
    /// Reads one line from stdin (a password); prompts without echo on a terminal.
    std::string ReadSecret(const std::string& prompt);

  private:
    Args args_;
    std::string config_dir_;
    bool json_;
    Saved saved_;
    std::unique_ptr<client::Client> client_;
};

struct Command {
    std::string name;   // "user add"
    std::string usage;  // "user add NAME --name DISPLAY --role ROLE..."
    std::string summary;
    std::function<int(Context&)> run;  // exit code
};

/// All subcommands, one list; each area adds its own in its file.
std::vector<Command> AuthCommands();
std::vector<Command> AdminCommands();
std::vector<Command> DemoCommands();
std::vector<Command> ExportCommands();

/// Prints an error the way every subcommand does; returns exit code 1.
int PrintError(const Error& e);
/// Prints a message as protobuf JSON (for --json).
void PrintJson(const google::protobuf::Message& m);

/// spoedctl's entry point (main() only calls this).
int Main(int argc, char** argv);

}  // namespace spoed::cli
