#pragma once

// spoedd's offline commands (init, backup, restore, audit verify) over the database file;
// spoedctl, the client of the running server, has none of them.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/command_line.hpp"

namespace spoed::daemon::offline {

struct Command {
    std::string name;   // "audit verify"
    std::string usage;  // "audit verify --db PATH [--checkpoint SEQ:HASH]"
    std::string summary;
    std::function<int(const Args&)> run;  // exit code
};

/// backup and restore (backup_commands.cpp).
std::vector<Command> BackupCommands();

/// Whether `word` (spoedd's first argument) starts an offline command.
bool IsCommand(std::string_view word);
/// Runs the offline command of argv[1..]; the exit code (2 for a usage error).
int Main(int argc, char** argv);

}  // namespace spoed::daemon::offline
