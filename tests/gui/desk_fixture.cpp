#include "tests/gui/desk_fixture.hpp"

#include <gtest/gtest.h>

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTest>
#include <sstream>

#include "client/desk/login_window.hpp"
#include "client/desk/lookup_panel.hpp"
#include "client/desk/main_window.hpp"
#include "client/desk/session.hpp"
#include "client/desk/settings.hpp"
#include "daemon/daemon.hpp"
#include "daemon/service/totp.hpp"
#include "tests/support/process.hpp"
#include "tests/support/service_fixture.hpp"

namespace spoed::test {

bool WaitUntil(const std::function<bool()>& pred, int ms) { return QTest::qWaitFor(pred, ms); }

DeskDaemon::DeskDaemon(bool demo) {
    daemon::DaemonConfig c;
    c.data_dir = dir_.file("data");
    c.listen_port = 0;
    // SPOED_TEST_STORE=postgresql: the desk against a daemon on PostgreSQL.
    test::UseTestStore(c);
    store_ = c.store;
    postgresql_dsn_ = c.postgresql_dsn;
    daemon_ = std::make_unique<daemon::Daemon>(c, clock_);
    daemon::service::PasswordHasher hasher;
    test::InsertUser(daemon_->store(), hasher, clock_.Now(), "beheer", {"admin"});
    daemon_->Start();
    port_ = daemon_->port();
    ca_ = daemon_->dev_ca_file();
    ctl_ = std::string(SPOED_SPOEDCTL_PATH) + " --config-dir " + dir_.file("ctl") + " --server " + url().toStdString() +
           " --ca " + ca_;
    if (!demo) return;
    auto load = LoadDemoAsAdmin(SPOED_SPOEDCTL_PATH, ctl_);
    EXPECT_TRUE(load.ok);
    // "  demo.pieter  PSYCHIATRIST  password …  totp secret ABC…"
    std::istringstream lines(load.demo_out);
    for (std::string line; std::getline(lines, line);) {
        auto at = line.find("totp secret ");
        if (at == std::string::npos) continue;
        std::istringstream words(line);
        std::string user;
        words >> user;
        totp_secrets_[user] = line.substr(at + 12);
    }
}

DeskDaemon::~DeskDaemon() {
    if (daemon_) daemon_->Stop();
}

void DeskDaemon::Stop() {
    daemon_->Stop();
    daemon_.reset();
}

void DeskDaemon::Restart() {
    daemon::DaemonConfig c;
    c.data_dir = dir_.file("data");
    c.listen_port = port_;
    c.store = store_;
    c.postgresql_dsn = postgresql_dsn_;
    if (configure_) configure_(c);
    daemon_ = std::make_unique<daemon::Daemon>(c, clock_);
    daemon_->Start();
}

void DeskDaemon::InsertUser(const std::string& username, const std::string& role) {
    daemon::service::PasswordHasher hasher;
    test::InsertUser(daemon_->store(), hasher, clock_.Now(), username, {role});
}

std::vector<db::AuditRecord> DeskDaemon::Audit(int limit) {
    auto lines = daemon_->store().Read([&](db::Tx& tx) -> Result<std::vector<db::AuditRecord>> {
        db::AuditFilter f;
        f.limit = limit;
        return tx.audit().List(f);
    });
    EXPECT_TRUE(lines.ok());
    return lines.ok() ? *lines : std::vector<db::AuditRecord>{};
}

std::string DeskDaemon::TotpCode(const std::string& username) const {
    auto it = totp_secrets_.find(username);
    if (it == totp_secrets_.end()) return {};
    auto raw = daemon::service::Base32Decode(it->second);
    return daemon::service::TotpCode(raw.value_or(""), daemon::service::TotpStep(SystemClock().Now()));
}

QString DeskDaemon::url() const { return QStringLiteral("https://localhost:%1").arg(port_); }
QString DeskDaemon::ca() const { return QString::fromStdString(ca_); }

InLanguage::InLanguage(const QString& language) : ok_(desk::InstallTranslation(*qApp, language)) {}

InLanguage::~InLanguage() { desk::InstallTranslation(*qApp, QStringLiteral("nl")); }

bool ShowDaanInLookUp(desk::MainWindow* worker) {
    desk::LookupPanel* lookup = worker->lookup();
    worker->tabs()->setCurrentWidget(lookup);
    lookup->searchEdit()->clear();
    QTest::keyClicks(lookup->searchEdit(), QStringLiteral("06 2345 6789"));
    if (!WaitUntil([&] { return lookup->results()->count() > 0 && lookup->resultsCurrent(); })) {
        ADD_FAILURE() << "the father's number found nobody";
        return false;
    }
    QTest::keyClick(lookup->searchEdit(), Qt::Key_Return);
    if (!WaitUntil([&] { return lookup->selectedYouth() != 0 && lookup->openCaseButton()->isEnabled(); })) {
        ADD_FAILURE() << "Daan was not shown";
        return false;
    }
    return true;
}

void Activate(QWidget* window) {
    // Keyboard shortcuts only reach the active window.
    window->activateWindow();
    QApplication::setActiveWindow(window);
    EXPECT_TRUE(QTest::qWaitForWindowActive(window));
}

std::unique_ptr<desk::MainWindow> SignIn(const DeskDaemon& d, const QString& user, const QString& password) {
    desk::LoginWindow login;
    login.show();
    login.serverEdit()->setText(d.url());
    login.caEdit()->setText(d.ca());
    login.userEdit()->setText(user);
    login.passwordEdit()->setText(password);
    login.totpEdit()->setText(QString::fromStdString(d.TotpCode(user.toStdString())));
    desk::Session* session = nullptr;
    QObject::connect(&login, &desk::LoginWindow::signedIn, [&session](desk::Session* s) { session = s; });
    login.loginButton()->click();
    if (!WaitUntil([&] { return session != nullptr; })) {
        ADD_FAILURE() << "sign-in as " << user.toStdString()
                      << " failed: " << login.messageLabel()->text().toStdString();
        return nullptr;
    }
    auto main = std::make_unique<desk::MainWindow>(session);
    main->show();
    Activate(main.get());
    return main;
}

void Screenshot(QWidget* widget, const QString& name) {
    QString dir = qEnvironmentVariable("SPOED_DESK_SCREENSHOTS", QStringLiteral(SPOED_DESK_SCREENSHOT_DIR));
    QDir().mkpath(dir);
    // Let pending layouts and paints happen first.
    QTest::qWait(50);
    EXPECT_TRUE(widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"))) << name.toStdString();
}

}  // namespace spoed::test
