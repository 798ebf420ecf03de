#pragma once

#include <QWidget>
#include <cstdint>
#include <vector>

#include "spoed/v1/handover.pb.h"
#include "spoed/v1/plan.pb.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace spoed::desk {

class Session;

/// Break-the-glass uses waiting for the coordinator's review: who, which youth, why, when;
/// the coordinator marks each justified or not, with a note.
class BreakGlassReviews : public QWidget {
    Q_OBJECT
  public:
    explicit BreakGlassReviews(Session& session, QWidget* parent = nullptr);
    QTreeWidget* list() const { return list_; }
    QLineEdit* noteEdit() const { return note_; }
    QPushButton* approveButton() const { return approve_; }
    QPushButton* rejectButton() const { return reject_; }
    QLabel* statusLabel() const { return status_; }

  public slots:
    void refresh();

  signals:
    void refreshed();
    void reviewed(std::int64_t id);

  private:
    void review(bool approved);

    Session& session_;
    QTreeWidget* list_;
    QCheckBox* include_reviewed_;
    QLineEdit* note_;
    QPushButton* approve_;
    QPushButton* reject_;
    QLabel* status_;
};

/// The partner directory (sociale kaart): organisations and local teams with their designated
/// contacts. Everyone reads; coordinators and admins edit.
class DirectoryView : public QWidget {
    Q_OBJECT
  public:
    DirectoryView(Session& session, bool can_edit, QWidget* parent = nullptr);
    QTreeWidget* tree() const { return tree_; }
    QLineEdit* nameEdit() const { return name_; }
    QPlainTextEdit* contactsEdit() const { return contacts_; }
    QPushButton* saveButton() const { return save_; }
    QLabel* statusLabel() const { return status_; }

  public slots:
    void refresh();

  signals:
    void refreshed();
    void saved(std::int64_t id);

  private:
    void edit(const v1::Organisation& o);
    void save();

    Session& session_;
    QTreeWidget* tree_;
    std::vector<v1::Organisation> organisations_;
    std::int64_t editing_ = 0;
    QLineEdit* name_;
    QComboBox* kind_;
    QLineEdit* municipality_;
    QLineEdit* phone_;
    QLineEdit* availability_;
    QPlainTextEdit* contacts_;
    QPushButton* new_;
    QPushButton* save_;
    QLabel* status_;
};

}  // namespace spoed::desk
