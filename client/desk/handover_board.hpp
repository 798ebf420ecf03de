#pragma once

#include <QWidget>
#include <cstdint>

#include "spoed/v1/handover.pb.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace spoed::desk {

class Session;

/// The coordinator's handovers, done step by step: receiver contacted → family contacted →
/// agreements recorded → confirmed; or escalated with a reason. Only the next step is offered.
class HandoverBoard : public QWidget {
    Q_OBJECT
  public:
    explicit HandoverBoard(Session& session, QWidget* parent = nullptr);

    QTreeWidget* list() const { return list_; }
    QPushButton* stepButton() const { return step_; }
    QPlainTextEdit* agreementsEdit() const { return agreements_; }
    QLineEdit* noteEdit() const { return note_; }
    QLabel* detailLabel() const { return detail_; }
    QLabel* statusLabel() const { return status_; }
    /// The step the button records next for the chosen handover (unspecified: none).
    v1::HandoverStep nextStep() const { return next_; }

  public slots:
    void refresh();
    void select(std::int64_t handover_id);

  signals:
    void refreshed();
    void stepRecorded(std::int64_t handover_id);

  private:
    void show(const v1::Handover& h);
    void recordStep();
    void escalate();

    Session& session_;
    QTreeWidget* list_;
    QCheckBox* include_confirmed_;
    QLabel* detail_;
    QLineEdit* note_;
    QPlainTextEdit* agreements_;
    QPushButton* step_;
    QPushButton* escalate_;
    QLabel* status_;
    v1::Handover current_;
    v1::HandoverStep next_ = v1::HANDOVER_STEP_UNSPECIFIED;
};

}  // namespace spoed::desk
