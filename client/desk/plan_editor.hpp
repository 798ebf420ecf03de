#pragma once

#include <QWidget>
#include <cstdint>
#include <map>

#include "spoed/v1/plan.pb.h"
#include "spoed/v1/youth.pb.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QTimer;
class QPushButton;
class QTextBrowser;

namespace spoed::desk {

class RightsBox;
class Session;

/// The coordinator's pre-registration and plan editor. Saving makes a new plan version (the
/// old one stays); beside the editor the differences against the version it is based on are
/// shown as one types, and for any version against the one before it.
class PlanEditor : public QWidget {
    Q_OBJECT
  public:
    explicit PlanEditor(Session& session, QWidget* parent = nullptr);

    QLineEdit* searchEdit() const { return search_; }
    QListWidget* results() const { return results_; }
    QPlainTextEdit* field(const QString& name) const { return fields_.at(name); }
    QLineEdit* changeNoteEdit() const { return change_note_; }
    QPushButton* saveButton() const { return save_; }
    QTextBrowser* diffView() const { return diff_; }
    QLabel* statusLabel() const { return status_; }
    RightsBox* rightsBox() const { return rights_; }
    QComboBox* versionsBox() const { return versions_; }
    int baseVersion() const { return base_.version(); }
    /// The editor's contents as a plan.
    v1::PlanContent content() const;
    /// Whether the editor holds changes that are not a saved version yet.
    bool hasUnsentText() const;
    /// Writes those changes to the sealed drafts now (the desk is about to close).
    void keepDraft();

  public slots:
    void loadYouth(std::int64_t youth_id);

  signals:
    void youthLoaded();
    void planSaved(int version);
    void diffShown();

  private:
    void search();
    void fill(const v1::PlanContent& c);
    void showLiveDiff();
    void showVersionDiff(int version);
    void savePlan();
    void savePreRegistration();
    QString draftSlot() const;
    /// The draft of this youth's plan, when one was kept: put back over the version loaded.
    void restoreDraft();

    Session& session_;
    std::int64_t youth_id_ = 0;
    v1::PlanVersion base_;  // the version the editor started from
    v1::GetYouthResponse youth_;
    QLineEdit* search_;
    QListWidget* results_;
    QLabel* youth_label_;
    RightsBox* rights_;
    // pre-registration
    QLineEdit* organisation_;
    QLineEdit* professional_;
    QLineEdit* professional_phone_;
    QLineEdit* ongoing_care_;
    QLineEdit* ongoing_care_contact_;
    QComboBox* legal_measure_;
    QPushButton* save_prereg_;
    // plan
    std::map<QString, QPlainTextEdit*> fields_;
    QLineEdit* change_note_;
    QPushButton* save_;
    QComboBox* versions_;
    QTextBrowser* diff_;
    QLabel* status_;
    QTimer* keep_timer_;
    bool filling_ = false;  // the editor is being filled from the server, not typed in
};

}  // namespace spoed::desk
