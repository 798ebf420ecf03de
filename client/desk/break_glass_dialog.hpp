#pragma once

#include <QDialog>
#include <cstdint>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace spoed::desk {

class Session;

/// Opens a youth's plan without consent: a typed reason (at least 10 characters), for this
/// youth only and for a limited time; the coordinator is alerted and reviews the use.
class BreakGlassDialog : public QDialog {
    Q_OBJECT
  public:
    BreakGlassDialog(Session& session, std::int64_t youth_id, QWidget* parent = nullptr);
    QPlainTextEdit* reasonEdit() const { return reason_; }
    QLineEdit* passwordEdit() const { return password_; }
    QLineEdit* totpEdit() const { return totp_; }
    QPushButton* openButton() const { return open_; }
    QLabel* statusLabel() const { return status_; }

  private:
    void submit();

    Session& session_;
    std::int64_t youth_id_;
    QPlainTextEdit* reason_;
    QLineEdit* password_;
    QLineEdit* totp_;
    QPushButton* open_;
    QLabel* status_;
};

}  // namespace spoed::desk
