#pragma once

#include <string>
#include <vector>

namespace spoed::test {

/// Runs a shell command and returns what it printed on stdout (and its exit status).
struct CommandResult {
    int status = -1;
    std::string out;
};
CommandResult RunCommand(const std::string& command);

/// A child process with its stdout readable line by line, killed on destruction if still up.
class Child {
  public:
    explicit Child(const std::vector<std::string>& argv);
    ~Child();
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;
    /// Reads stdout until a line contains `needle` or `timeout_ms` pass; returns that line or "".
    std::string WaitForLine(const std::string& needle, int timeout_ms);
    void Signal(int sig);
    /// Waits up to timeout_ms for exit; returns the exit code, or -1 when it did not exit
    /// normally in time.
    int Wait(int timeout_ms);
    int pid() const { return pid_; }

  private:
    int pid_ = -1;
    int out_fd_ = -1;
    std::string buffer_;
    bool exited_ = false;
};

}  // namespace spoed::test
