#pragma once

#include <QDialog>
#include <cstdint>
#include <string>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace spoed::desk {

class Session;

/// For a case opened for an unknown caller: during or after the call, link the case to a youth
/// already known (found by name, date of birth or number), or register the youth and link them
/// in one go. Accepted once the server has linked the case; the case then names the youth.
class YouthLinkDialog : public QDialog {
    Q_OBJECT
  public:
    YouthLinkDialog(Session& session, std::int64_t case_id, const QString& caller_phone, QWidget* parent = nullptr);

    QLineEdit* searchEdit() const { return search_; }
    QListWidget* results() const { return results_; }
    QPushButton* linkButton() const { return link_; }
    QLineEdit* givenNameEdit() const { return given_; }
    QLineEdit* familyNameEdit() const { return family_; }
    QLineEdit* birthEdit() const { return birth_; }
    QLineEdit* phoneEdit() const { return phone_; }
    QLineEdit* municipalityEdit() const { return municipality_; }
    QPushButton* registerButton() const { return register_; }
    QLabel* messageLabel() const { return message_; }
    /// The youth the case was linked to, once accepted.
    std::int64_t linkedYouth() const { return linked_; }

  private:
    void search();
    void linkTo(std::int64_t youth_id);
    void registerYouth();
    void fail(const QString& text);

    Session& session_;
    std::int64_t case_id_;
    QLineEdit* search_;
    QListWidget* results_;
    QPushButton* link_;
    QLineEdit* given_;
    QLineEdit* family_;
    QLineEdit* birth_;
    QLineEdit* phone_;
    QLineEdit* municipality_;
    QPushButton* register_;
    QLabel* message_;
    std::string create_key_;  // one youth, however often "register" is pressed
    std::int64_t linked_ = 0;
};

}  // namespace spoed::desk
