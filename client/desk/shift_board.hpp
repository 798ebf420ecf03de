#pragma once

#include <QDateTime>
#include <QString>
#include <QWidget>
#include <cstdint>
#include <map>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace spoed::desk {

class DraftSender;
class Session;

/// The crisis worker's board for tonight: open cases, handovers due and overdue, the
/// psychiatrist's answers, and the note for the next shift (kept like any draft).
class ShiftBoard : public QWidget {
    Q_OBJECT
  public:
    explicit ShiftBoard(Session& session, QWidget* parent = nullptr);

    QTreeWidget* casesList() const { return cases_; }
    QTreeWidget* handoversList() const { return handovers_; }
    QTreeWidget* answersList() const { return answers_; }
    QPlainTextEdit* noteEdit() const { return note_; }
    QPushButton* noteButton() const { return note_button_; }
    QLabel* noteStatus() const { return note_status_; }
    DraftSender& noteDraft() const { return *note_draft_; }
    /// The notes of the current and the previous shift, newest first; those left for this
    /// shift by others before this log-in are highlighted.
    QTreeWidget* notesList() const { return notes_; }

  public slots:
    void refresh();

  signals:
    void openCase(std::int64_t case_id);
    void refreshed();

  private:
    /// The youth (or unknown caller) of a case, for the first column of every list.
    void labelCaseColumn(QTreeWidgetItem* item, std::int64_t case_id);

    Session& session_;
    QTreeWidget* cases_;
    QTreeWidget* handovers_;
    QTreeWidget* answers_;
    QTreeWidget* notes_;
    QDateTime signed_in_at_;
    QPlainTextEdit* note_;
    QPushButton* note_button_;
    QLabel* note_status_;
    DraftSender* note_draft_;
    int outstanding_ = 0;
};

}  // namespace spoed::desk
