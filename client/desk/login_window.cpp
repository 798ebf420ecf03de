#include "client/desk/login_window.hpp"

#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "client/desk/draft_store.hpp"
#include "client/desk/offline_copy.hpp"
#include "client/desk/sealed_file.hpp"
#include "client/desk/session.hpp"
#include "client/desk/settings.hpp"
#include "client/desk/text.hpp"
#include "spoed/v1/auth.pb.h"

namespace spoed::desk {

LoginWindow::LoginWindow(QWidget* parent) : QWidget(parent) {
    setWindowTitle(tr("Spoed — sign in"));
    setObjectName(QStringLiteral("loginWindow"));
    auto settings = DeskSettings::Load();

    auto* title = new QLabel(tr("<h2>Spoed voor Jeugd</h2>"), this);
    server_ = new QLineEdit(settings.server_url, this);
    ca_ = new QLineEdit(settings.ca_file, this);
    ca_->setPlaceholderText(tr("empty: the system's trusted certificates"));
    auto* browse = new QPushButton(tr("&Browse…"), this);
    user_ = new QLineEdit(settings.last_user, this);
    password_ = new QLineEdit(this);
    password_->setEchoMode(QLineEdit::Password);
    totp_ = new QLineEdit(this);
    totp_->setPlaceholderText(tr("only for psychiatrists and administrators"));
    totp_->setMaxLength(8);
    totp_->setInputMethodHints(Qt::ImhDigitsOnly);
    login_ = new QPushButton(tr("&Sign in"), this);
    login_->setDefault(true);
    offline_ = new QPushButton(tr("Continue &offline with the copy"), this);
    offline_->setObjectName(QStringLiteral("offlineButton"));
    offline_->setVisible(false);
    message_ = new QLabel(this);
    message_->setWordWrap(true);
    message_->setObjectName(QStringLiteral("loginMessage"));
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* ca_row = new QHBoxLayout;
    ca_row->addWidget(ca_);
    ca_row->addWidget(browse);
    auto* form = new QFormLayout;
    form->addRow(tr("Se&rver"), server_);
    auto* ca_label = new QLabel(tr("&CA file"), this);
    ca_label->setBuddy(ca_);
    form->addRow(ca_label, ca_row);
    form->addRow(tr("&User name"), user_);
    form->addRow(tr("&Password"), password_);
    form->addRow(tr("Second &factor"), totp_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(form);
    layout->addWidget(login_);
    layout->addWidget(offline_);
    layout->addWidget(message_);
    layout->addStretch();
    setMinimumWidth(460);

    connect(browse, &QPushButton::clicked, this, [this] {
        QString f =
            QFileDialog::getOpenFileName(this, tr("CA certificate"), ca_->text(), tr("PEM files (*.pem *.crt)"));
        if (!f.isEmpty()) ca_->setText(f);
    });
    connect(login_, &QPushButton::clicked, this, &LoginWindow::submit);
    connect(offline_, &QPushButton::clicked, this, &LoginWindow::openOffline);
    for (QLineEdit* e : {server_, ca_, user_, password_, totp_}) {
        connect(e, &QLineEdit::returnPressed, this, &LoginWindow::submit);
    }
    (user_->text().isEmpty() ? user_ : password_)->setFocus();
}

void LoginWindow::fail(const QString& text) {
    message_->setText(text);
    login_->setEnabled(true);
    // Called from the Api's own answer: it may not be deleted before that returns.
    if (api_) api_.release()->deleteLater();
}

void LoginWindow::submit() {
    if (!login_->isEnabled()) return;
    if (user_->text().trimmed().isEmpty() || password_->text().isEmpty()) {
        message_->setText(tr("Fill in your user name and password."));
        return;
    }
    client::ClientOptions options;
    options.server_url = S(server_->text().trimmed());
    options.ca_file = S(ca_->text().trimmed());
    options.timeout = std::chrono::seconds(10);
    options.max_retries = 1;
    api_ = std::make_unique<Api>(options);
    login_->setEnabled(false);
    message_->setText(tr("Signing in…"));

    v1::LoginRequest req;
    req.set_username(S(user_->text().trimmed()));
    req.set_password(S(password_->text()));
    if (!totp_->text().trimmed().isEmpty()) req.set_totp_code(S(totp_->text().trimmed()));
    req.set_device_token(S(DeviceToken(server_->text().trimmed(), user_->text().trimmed())));
    api_->call(this, v1::rpc::AuthService::Login, req, [this](const Result<v1::LoginResponse>& r) {
        if (!r.ok()) {
            if (api_ && api_->state() == ConnectionState::kCertificateRefused) {
                fail(tr("The server's certificate could not be verified, so Spoed did not connect. "
                        "Check the server address and the CA file, or ask the administrator.") +
                     QLatin1Char('\n') + tr("Details: %1").arg(Q(r.error().message)));
            } else if (r.error().reason == "second_factor_needed" || r.error().reason == "second_factor_wrong") {
                fail(Text::error(r.error()));
                totp_->setFocus();
            } else if (IsUnreachable(r.error()) &&
                       OfflineCopy::Exists(OfflineCopy::DefaultDir(), server_->text().trimmed(),
                                           user_->text().trimmed())) {
                fail(Text::error(r.error()) + QLatin1Char('\n') +
                     tr("The plans are on this computer as an offline copy: with your password you can go on "
                        "without the server."));
                offline_->setVisible(true);
                offline_->setFocus();
            } else {
                fail(Text::error(r.error()));
            }
            return;
        }
        offline_->setVisible(false);
        DeskSettings s = DeskSettings::Load();
        s.server_url = server_->text().trimmed();
        s.ca_file = ca_->text().trimmed();
        s.last_user = user_->text().trimmed();
        s.Save();
        SetDeviceToken(s.server_url, s.last_user, Q(r->device_token()));
        if (r->user().must_change_password()) {
            changePassword(*r);
            return;
        }
        if (r->must_enroll_totp()) {
            enrollTotp(*r);
            return;
        }
        finish(*r);
    });
}

void LoginWindow::finish(const v1::LoginResponse& login) {
    // The drafts' key comes from the password, which exists only here and now.
    QString warning;
    auto drafts = DraftStore::Open(DraftStore::DefaultDir(), server_->text().trimmed(), user_->text().trimmed(),
                                   password_->text(), &warning);
    password_->clear();
    totp_->clear();
    message_->clear();
    login_->setEnabled(true);
    auto* session = new Session(std::move(api_), login.user(), login.token());
    session->setAllowedMethods({login.allowed_methods().begin(), login.allowed_methods().end()});
    session->setDrafts(std::move(drafts), warning);
    // The offline copy is sealed under the drafts' key: one password, one key derivation.
    if (DraftStore* kept = session->drafts()) {
        QString offline_warning;
        session->setOffline(OfflineCopy::Open(OfflineCopy::DefaultDir(), server_->text().trimmed(),
                                              user_->text().trimmed(), kept->file(), &offline_warning),
                            offline_warning);
    }
    emit signedIn(session);
}

void LoginWindow::openOffline() {
    const QString server = server_->text().trimmed();
    const QString user = user_->text().trimmed();
    if (user.isEmpty() || password_->text().isEmpty()) {
        message_->setText(tr("Fill in your user name and password."));
        return;
    }
    // The password must open the user's own sealed file. A wrong one changes nothing on disk:
    // the drafts and the copy are neither set aside nor removed.
    QString error;
    auto keyed =
        SealedFile::Open(DraftStore::PathFor(DraftStore::DefaultDir(), server, user), password_->text(), &error);
    if (!keyed) {
        message_->setText(tr("This password does not open the offline copy on this computer."));
        password_->selectAll();
        password_->setFocus();
        return;
    }
    QString warning;
    auto copy = OfflineCopy::Open(OfflineCopy::DefaultDir(), server, user, *keyed, &warning);
    std::vector<v1::Role> roles;
    if (copy) {
        for (int r : copy->user().roles()) roles.push_back(v1::Role(r));
    }
    const QString stale = copy ? copy->dropIfStale(QDateTime::currentDateTime(), roles) : QString();
    if (!copy || !copy->present()) {
        message_->setText(!stale.isEmpty() ? stale
                                           : tr("The offline copy on this computer could not be opened (it was "
                                                "changed) and has been removed."));
        offline_->setVisible(false);
        return;
    }
    QString drafts_warning;
    auto drafts = DraftStore::Open(DraftStore::DefaultDir(), server, user, password_->text(), &drafts_warning);
    password_->clear();
    totp_->clear();
    message_->clear();
    offline_->setVisible(false);
    // No session on the server: the desk works from the copy, every call finds the server
    // unreachable, and when it is back the user signs in again (what was written goes then).
    client::ClientOptions options;
    options.server_url = S(server);
    options.ca_file = S(ca_->text().trimmed());
    options.timeout = std::chrono::seconds(10);
    options.max_retries = 1;
    auto api = std::make_unique<Api>(options);
    api->markUnreachable(tr("the desk started without the server"));
    const v1::User account = copy->user();
    auto* session = new Session(std::move(api), account, std::string());
    session->setAllowedMethods(copy->allowedMethods());
    session->setDrafts(std::move(drafts), drafts_warning);
    session->setOffline(std::move(copy), warning);
    emit signedIn(session);
}

void LoginWindow::enrollTotp(const v1::LoginResponse& login) {
    // The role needs a second factor that is not set up yet: the session can do nothing else.
    api_->setToken(login.token());
    api_->call(this, v1::rpc::AuthService::BeginTotpEnrollment, v1::BeginTotpEnrollmentRequest(),
               [this, login](const Result<v1::BeginTotpEnrollmentResponse>& begun) {
                   if (!begun.ok()) {
                       fail(Text::error(begun.error()));
                       return;
                   }
                   QString code = QInputDialog::getText(
                       this, tr("Set up your second factor"),
                       tr("Your role needs a second factor. Add this key to your authenticator app:\n\n%1\n\n(%2)\n\n"
                          "Then type the six-digit code it shows:")
                           .arg(Q(begun->secret()), Q(begun->otpauth_uri())));
                   if (code.trimmed().isEmpty()) {
                       fail(tr("The second factor was not set up; sign in again to do it."));
                       return;
                   }
                   v1::ConfirmTotpEnrollmentRequest confirm;
                   confirm.set_code(S(code.trimmed()));
                   api_->call(this, v1::rpc::AuthService::ConfirmTotpEnrollment, confirm,
                              [this, login](const Result<v1::ConfirmTotpEnrollmentResponse>& r) {
                                  if (!r.ok()) {
                                      fail(Text::error(r.error()));
                                      return;
                                  }
                                  v1::LoginResponse enrolled = login;
                                  *enrolled.mutable_user() = r->user();
                                  enrolled.set_must_enroll_totp(false);
                                  finish(enrolled);
                              });
               });
}

void LoginWindow::changePassword(const v1::LoginResponse& login) {
    // After a one-time password the server allows nothing else until a new one is chosen.
    QString first = QInputDialog::getText(this, tr("Choose a new password"),
                                          tr("You signed in with a one-time password. Choose your own (at least 12 "
                                             "characters):"),
                                          QLineEdit::Password);
    QString second = first.isEmpty() ? QString()
                                     : QInputDialog::getText(this, tr("Choose a new password"),
                                                             tr("The same password again:"), QLineEdit::Password);
    if (first.isEmpty() || first != second) {
        fail(tr("The new passwords were empty or not the same; sign in again with the one-time password."));
        return;
    }
    v1::ChangePasswordRequest req;
    req.set_current_password(S(password_->text()));
    req.set_new_password(S(first));
    api_->setToken(login.token());
    api_->call(this, v1::rpc::AuthService::ChangePassword, req,
               [this, login, first](const Result<v1::ChangePasswordResponse>& r) {
                   if (!r.ok()) {
                       fail(Text::error(r.error()));
                       return;
                   }
                   password_->setText(first);  // the drafts are sealed with the password chosen now
                   v1::LoginResponse changed = login;
                   changed.mutable_user()->set_must_change_password(false);
                   if (changed.must_enroll_totp()) {
                       enrollTotp(changed);
                   } else {
                       finish(changed);
                   }
               });
}

}  // namespace spoed::desk
