#pragma once

class QApplication;

namespace spoed::desk {

/// Sets the application's names and language, shows the log-in screen and, after log-in, the
/// main window; back to the log-in screen after signing out. Returns the exit code.
/// `--startup-probe` prints how long the log-in screen took to appear and quits (for
/// docs/performance.md).
int RunDesk(QApplication& app);

/// Application name, organisation (for QSettings) and translation, from settings and locale.
void SetUpApplication(QApplication& app);

}  // namespace spoed::desk
