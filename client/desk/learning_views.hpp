#pragma once

#include <QJsonObject>
#include <QWidget>
#include <cstdint>
#include <vector>

#include "spoed/v1/evaluation.pb.h"
#include "spoed/v1/stats.pb.h"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTimer;
class QPushButton;
class QSpinBox;
class QTreeWidget;

class QChartView;

namespace spoed::desk {

class Session;

/// The coordinator's evaluations of complex cases: planned automatically (or by hand), then
/// the meeting, the participants and the explanatory analysis, review comments, and finalising
/// (afterwards read-only).
class EvaluationsView : public QWidget {
    Q_OBJECT
  public:
    explicit EvaluationsView(Session& session, QWidget* parent = nullptr);
    QTreeWidget* list() const { return list_; }
    QSpinBox* caseIdBox() const { return case_id_; }
    QPushButton* planButton() const { return plan_; }
    QPlainTextEdit* analysisField(const char* name) const;
    QPlainTextEdit* participantsEdit() const { return participants_; }
    QComboBox* rightHelpBox() const { return right_help_; }
    QCheckBox* heldBox() const { return held_; }
    QPushButton* saveButton() const { return save_; }
    QPushButton* finalizeButton() const { return finalize_; }
    QLineEdit* commentEdit() const { return comment_; }
    QPushButton* commentButton() const { return add_comment_; }
    QLabel* statusLabel() const { return status_; }
    const v1::Evaluation& current() const { return current_; }
    /// Whether the evaluation shown holds text typed since it was saved.
    bool hasUnsentText() const;
    /// Writes that text to the sealed drafts now (another evaluation, or the desk closes).
    void keepDraft();

  public slots:
    void refresh();
    void select(std::int64_t evaluation_id);

  signals:
    void refreshed();
    void loaded();

  private:
    QJsonObject typedTexts() const;
    void show(const v1::Evaluation& e);
    void save();

    Session& session_;
    QTreeWidget* list_;
    QComboBox* filter_;
    QSpinBox* case_id_;
    QPushButton* plan_;
    QLabel* header_;
    QDateEdit* planned_for_;
    QCheckBox* held_;
    QDateEdit* held_on_;
    QPlainTextEdit* participants_;
    QPlainTextEdit* care_timeline_;
    QPlainTextEdit* went_well_;
    QPlainTextEdit* could_be_better_;
    QComboBox* right_help_;
    QLineEdit* right_help_note_;
    QPlainTextEdit* prevent_next_;
    QCheckBox* changes_plan_;
    QPlainTextEdit* plan_changes_;
    QSpinBox* plan_version_;
    QPushButton* save_;
    QPushButton* finalize_;
    QLabel* comments_;
    QLineEdit* comment_;
    QPushButton* add_comment_;
    QLabel* status_;
    v1::Evaluation current_;
    QTimer* keep_timer_ = nullptr;
    bool filling_ = false;  // fields being filled from the server, not typed in
};

/// Improvement proposals for the care chain, by status: open → discussed → adopted →
/// implemented, or rejected; new ones from evaluations or on their own; CSV export.
class ProposalsBoard : public QWidget {
    Q_OBJECT
  public:
    explicit ProposalsBoard(Session& session, QWidget* parent = nullptr);
    QTreeWidget* list() const { return list_; }
    QPlainTextEdit* textEdit() const { return text_; }
    QComboBox* addresseeKindBox() const { return addressee_kind_; }
    QLineEdit* addresseeEdit() const { return addressee_; }
    QLineEdit* themeEdit() const { return theme_; }
    QLineEdit* evaluationsEdit() const { return evaluations_; }
    QPushButton* createButton() const { return create_; }
    QComboBox* newStatusBox() const { return new_status_; }
    QLineEdit* noteEdit() const { return note_; }
    QPushButton* setStatusButton() const { return set_status_; }
    QLabel* statusLabel() const { return status_; }
    const std::vector<v1::Proposal>& proposals() const { return proposals_; }
    /// Writes the list as shown to `path`; false when it could not be written.
    bool exportTo(const QString& path) const;

  public slots:
    void refresh();

  signals:
    void refreshed();
    void created(std::int64_t id);
    void statusSet(std::int64_t id);

  private:
    Session& session_;
    QTreeWidget* list_;
    QComboBox* filter_;
    QPlainTextEdit* text_;
    QComboBox* addressee_kind_;
    QLineEdit* addressee_;
    QLineEdit* theme_;
    QLineEdit* evaluations_;
    QPushButton* create_;
    QComboBox* new_status_;
    QLineEdit* note_;
    QPushButton* set_status_;
    QLabel* status_;
    std::vector<v1::Proposal> proposals_;
    std::string create_key_;
};

/// Figures, counted and told: per month or quarter, as charts (Qt Charts) and a table, with the
/// coordinators' narrative for each period; CSV export of the figures and of the records.
class FiguresView : public QWidget {
    Q_OBJECT
  public:
    explicit FiguresView(Session& session, QWidget* parent = nullptr);
    QDateEdit* fromEdit() const { return from_; }
    QDateEdit* toEdit() const { return to_; }
    QPushButton* loadButton() const { return load_; }
    QTreeWidget* table() const { return table_; }
    QChartView* periodsChart() const { return periods_chart_; }
    QChartView* outcomesChart() const { return outcomes_chart_; }
    QComboBox* periodBox() const { return period_; }
    QPlainTextEdit* noteEdit() const { return note_; }
    QPushButton* saveNoteButton() const { return save_note_; }
    QLabel* statusLabel() const { return status_; }
    const v1::GetFiguresResponse& figures() const { return figures_; }
    /// The figures table as CSV; false when it could not be written.
    bool exportFigures(const QString& path) const;
    /// Fetches every page of one entity's records for the period and writes them as CSV;
    /// `exported` tells how many rows (or -1 on failure).
    void exportRecords(v1::ExportEntity entity, const QString& path);

  public slots:
    void reload();

  signals:
    void loaded();
    void noteSaved();
    void exported(int rows);

  private:
    void show();
    void exportPage(v1::ExportEntity entity, const QString& path, std::string token, QStringList columns,
                    std::vector<QStringList> rows);

    Session& session_;
    QDateEdit* from_;
    QDateEdit* to_;
    QComboBox* grouping_;
    QPushButton* load_;
    QChartView* periods_chart_;
    QChartView* outcomes_chart_;
    QTreeWidget* table_;
    QLabel* explanations_;
    QComboBox* period_;
    QPlainTextEdit* note_;
    QPushButton* save_note_;
    QComboBox* entity_;
    QPushButton* export_records_;
    QPushButton* export_figures_;
    QLabel* status_;
    v1::GetFiguresResponse figures_;
};

}  // namespace spoed::desk
