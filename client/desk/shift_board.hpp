#pragma once

#include <QWidget>

#include <QString>

#include <cstdint>
#include <map>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

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

public slots:
    void refresh();

signals:
    void openCase(std::int64_t case_id);
    void refreshed();

private:
    void fetchName(std::int64_t youth_id);

    Session& session_;
    QTreeWidget* cases_;
    QTreeWidget* handovers_;
    QTreeWidget* answers_;
    QPlainTextEdit* note_;
    QPushButton* note_button_;
    QLabel* note_status_;
    DraftSender* note_draft_;
    int outstanding_ = 0;
    std::map<std::int64_t, QString> youth_names_;
};

}  // namespace spoed::desk
