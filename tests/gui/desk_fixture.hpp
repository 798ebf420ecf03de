#pragma once

#include <QString>
#include <QWidget>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "db/records.hpp"
#include "tests/support/temp_dir.hpp"

namespace spoed::daemon {
class Daemon;
struct DaemonConfig;
}  // namespace spoed::daemon

namespace spoed::desk {
class MainWindow;
class LoginWindow;
}  // namespace spoed::desk

namespace spoed::test {

/// Processes Qt events until `pred` holds or `ms` pass; returns whether it held.
bool WaitUntil(const std::function<bool()>& pred, int ms = 15'000);

/// A real spoedd in-process (TLS, SQLite in a temp dir) on 127.0.0.1, with an admin `beheer`
/// (kTestPassword) and, when asked, the demo data loaded by the real spoedctl.
class DeskDaemon {
  public:
    explicit DeskDaemon(bool demo);
    ~DeskDaemon();
    /// Stops the daemon (the desk then finds the server unreachable) and starts it again on
    /// the same port and data.
    void Stop();
    void Restart();
    /// Changes the configuration the daemon restarts with (Stop, Configure, Restart).
    void Configure(std::function<void(daemon::DaemonConfig&)> change) { configure_ = std::move(change); }
    void InsertUser(const std::string& username, const std::string& role);
    /// The newest audit lines, newest first, read from the daemon's store.
    std::vector<db::AuditRecord> Audit(int limit);
    /// The current second-factor code of a demo user enrolled by `spoedctl demo load` (the
    /// psychiatrist), or "" for one without.
    std::string TotpCode(const std::string& username) const;

    QString url() const;
    QString ca() const;
    const std::string& ctl() const { return ctl_; }

  private:
    TempDir dir_;
    SystemClock clock_;
    std::unique_ptr<daemon::Daemon> daemon_;
    std::uint16_t port_ = 0;
    std::string ca_;
    std::string ctl_;
    std::map<std::string, std::string> totp_secrets_;  // user → base32 secret
    std::function<void(daemon::DaemonConfig&)> configure_;
    std::string store_ = "sqlite";  // the store and database the daemon keeps across Restart
    std::string postgresql_dsn_;
};

/// Signs in through a real LoginWindow and returns the main window (owned by the caller), or
/// nullptr with a test failure.
std::unique_ptr<desk::MainWindow> SignIn(const DeskDaemon& d, const QString& user, const QString& password);

/// The desk in `language` ("nl", "en") while this lives, then Dutch again (the gui tests'
/// default): windows made meanwhile speak that language.
class InLanguage {
  public:
    explicit InLanguage(const QString& language);
    ~InLanguage();
    InLanguage(const InLanguage&) = delete;
    InLanguage& operator=(const InLanguage&) = delete;
    bool ok() const { return ok_; }

  private:
    bool ok_ = false;
};

/// Daan, the demo youth, looked up in the worker's look-up by his father's number and on
/// screen with his plan; false (with a test failure) when he does not show.
bool ShowDaanInLookUp(desk::MainWindow* worker);

/// Makes `window` the active window, as a click on it would (keyboard shortcuts need it).
void Activate(QWidget* window);

/// Saves `widget` as <dir>/<name>.png: SPOED_DESK_SCREENSHOTS, else desk-screenshots in the build tree.
void Screenshot(QWidget* widget, const QString& name);

}  // namespace spoed::test
