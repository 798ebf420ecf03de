#pragma once

#include <QString>
#include <optional>

class QApplication;

namespace spoed::desk {

/// What the command line asks of the desk; empty strings leave the remembered settings alone.
struct DeskOptions {
    QString server_url;          // --server URL: shown in the log-in screen instead of the remembered one
    QString ca_file;             // --ca FILE: likewise, made absolute
    QString language;            // --lang nl|en: for this run and remembered
    bool startup_probe = false;  // --startup-probe: print when the log-in screen is shown and quit
};

/// Reads the command line before any window exists, so that `--help`, `--version` and a wrong
/// option work without a display. Returns the exit code when the desk should not start (help or
/// version printed: 0; a wrong option, with its message on stderr: 2); otherwise fills `out`.
std::optional<int> ParseCommandLine(int argc, char** argv, DeskOptions& out);

/// Sets the application's names and language, shows the log-in screen and, after log-in, the
/// main window; back to the log-in screen after signing out. Returns the exit code.
/// With `startup_probe` it prints how long the log-in screen took to appear, and for which
/// server, and quits (docs/performance.md, deploy/desk.sh's test).
int RunDesk(QApplication& app, const DeskOptions& options = {});

/// Application name, organisation (for QSettings) and translation, from settings and locale
/// (or `language` when given).
void SetUpApplication(QApplication& app, const QString& language = {});

}  // namespace spoed::desk
