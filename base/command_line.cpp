#include "base/command_line.hpp"

#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iostream>

namespace spoed {

std::optional<std::string> Args::Get(const std::string& flag) const {
    auto it = flags.find(flag);
    if (it == flags.end()) return std::nullopt;
    return it->second;
}

std::vector<std::string> Args::GetAll(const std::string& flag) const {
    std::vector<std::string> out;
    auto [b, e] = flags.equal_range(flag);
    for (auto it = b; it != e; ++it) out.push_back(it->second);
    return out;
}

Result<CommandLine> ParseCommandLine(int argc, char** argv, int first, const std::vector<std::string>& boolean_flags) {
    CommandLine line;
    for (int i = first; i < argc; ++i) {
        std::string a = argv[i];
        if (a.rfind("--", 0) != 0 || a.size() <= 2) {
            line.words.push_back(a);
            continue;
        }
        std::string name = a.substr(2), value;
        if (auto eq = name.find('='); eq != std::string::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
        } else if (std::find(boolean_flags.begin(), boolean_flags.end(), name) == boolean_flags.end()) {
            if (i + 1 >= argc) return Error::InvalidArgument("--" + name + " needs a value");
            value = argv[++i];
        }
        line.args.flags.emplace(name, value);
    }
    return line;
}

std::optional<std::size_t> ChooseCommand(const std::vector<std::string>& names, CommandLine& line) {
    std::optional<std::size_t> chosen;
    std::size_t used = 0;
    for (std::size_t n = 0; n < names.size(); ++n) {
        std::vector<std::string> parts;
        for (std::size_t s = 0; s < names[n].size();) {
            auto e = names[n].find(' ', s);
            if (e == std::string::npos) e = names[n].size();
            parts.push_back(names[n].substr(s, e - s));
            s = e + 1;
        }
        if (parts.size() <= line.words.size() && std::equal(parts.begin(), parts.end(), line.words.begin()) &&
            parts.size() > used) {
            chosen = n;
            used = parts.size();
        }
    }
    if (chosen) line.args.positional.assign(line.words.begin() + static_cast<long>(used), line.words.end());
    return chosen;
}

std::string ReadSecret(const std::string& prompt) {
    bool tty = ::isatty(STDIN_FILENO) != 0;
    termios old{};
    if (tty) {
        std::fprintf(stderr, "%s", prompt.c_str());
        std::fflush(stderr);
        ::tcgetattr(STDIN_FILENO, &old);
        termios quiet = old;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
        std::fprintf(stderr, "\n");
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

}  // namespace spoed
