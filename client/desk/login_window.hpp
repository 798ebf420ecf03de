#pragma once

#include <QWidget>
#include <memory>

#include "client/desk/api.hpp"
#include "spoed/v1/auth.pb.h"

class QLineEdit;
class QLabel;
class QPushButton;

namespace spoed::desk {

class Session;

/// The log-in screen: server, CA file, user name, password and — for roles that need one —
/// the second factor. Server, CA file and user name are remembered; the password never is.
/// A server whose certificate does not verify is refused with the reason; there is no way
/// to accept it anyway.
class LoginWindow : public QWidget {
    Q_OBJECT
  public:
    explicit LoginWindow(QWidget* parent = nullptr);

    QLineEdit* serverEdit() const { return server_; }
    QLineEdit* caEdit() const { return ca_; }
    QLineEdit* userEdit() const { return user_; }
    QLineEdit* passwordEdit() const { return password_; }
    QLineEdit* totpEdit() const { return totp_; }
    QPushButton* loginButton() const { return login_; }
    /// Shown when the server cannot be reached and this computer holds the user's offline copy.
    QPushButton* offlineButton() const { return offline_; }
    QLabel* messageLabel() const { return message_; }

  public slots:
    void submit();
    /// Opens the offline copy with the password typed (the server cannot be reached): a desk
    /// that reads plans from the copy and writes calls down until the server is back.
    void openOffline();

  signals:
    /// The user is signed in; the receiver takes ownership of the session.
    void signedIn(spoed::desk::Session* session);

  private:
    void fail(const QString& text);
    void finish(const v1::LoginResponse& login);
    void changePassword(const v1::LoginResponse& login);
    void enrollTotp(const v1::LoginResponse& login);

    QLineEdit* server_;
    QLineEdit* ca_;
    QLineEdit* user_;
    QLineEdit* password_;
    QLineEdit* totp_;
    QPushButton* login_;
    QPushButton* offline_;
    QLabel* message_;
    std::unique_ptr<Api> api_;  // the Api being tried; handed to the Session on success
};

}  // namespace spoed::desk
