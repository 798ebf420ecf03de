#pragma once

// Subcommand command lines as spoedctl and spoedd's offline commands take them:
// `WORD [WORD...] [--flag VALUE | --flag=VALUE | --boolean] [POSITIONAL...]`.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/result.hpp"

namespace spoed {

/// Parsed arguments of one subcommand: positionals and --flags (repeatable).
struct Args {
    std::vector<std::string> positional;
    std::multimap<std::string, std::string> flags;  // "role" → "admin"; boolean flags map to ""

    bool Has(const std::string& flag) const { return flags.contains(flag); }
    std::optional<std::string> Get(const std::string& flag) const;
    std::vector<std::string> GetAll(const std::string& flag) const;
};

/// A command line split into flags and the words before, between and after them.
struct CommandLine {
    Args args;
    std::vector<std::string> words;
};

/// Splits argv[first..argc). Flags not in `boolean_flags` take a value; a flag without one is
/// an InvalidArgument error naming it.
Result<CommandLine> ParseCommandLine(int argc, char** argv, int first, const std::vector<std::string>& boolean_flags);

/// Of `names` ("user add", "user"), the index of the longest whose words the command line
/// starts with; the words after it become the positionals. nullopt when none matches.
std::optional<std::size_t> ChooseCommand(const std::vector<std::string>& names, CommandLine& line);

/// Reads one line from stdin (a password); prompts on stderr without echo on a terminal.
std::string ReadSecret(const std::string& prompt);

}  // namespace spoed
