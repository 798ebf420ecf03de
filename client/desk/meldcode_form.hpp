#pragma once

#include <QWidget>
#include <array>
#include <cstdint>

#include "base/result.hpp"
#include "spoed/v1/case.pb.h"
#include "spoed/v1/meldcode.pb.h"

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace spoed::desk {

class Session;

/// The case's Meldcode track (huiselijk geweld en kindermishandeling), step by step: the
/// signals (1), consultations (2), the conversation (3), the afwegingskader's five questions
/// (4 and 5) and the decision — or handing the track over with one of the case's handovers.
/// The server says when a report to Veilig Thuis is required; the form then offers nothing
/// else. What was typed stays when the case view refreshes.
class MeldcodeForm : public QWidget {
    Q_OBJECT
  public:
    MeldcodeForm(Session& session, std::int64_t case_id, QWidget* parent = nullptr);
    /// The track as GetCase gave it (none when the case has no track).
    void load(const v1::GetCaseResponse& got);

    QLabel* summaryLabel() const { return summary_; }
    QPlainTextEdit* signalsEdit() const { return signals_; }
    QPushButton* startButton() const { return start_; }
    QComboBox* consultationKindBox() const { return consult_kind_; }
    QComboBox* officerBox() const { return officer_; }
    QLineEdit* withWhomEdit() const { return with_whom_; }
    QCheckBox* anonymousBox() const { return anonymous_; }
    QPlainTextEdit* adviceEdit() const { return advice_; }
    QPushButton* consultButton() const { return consult_; }
    QComboBox* conversationBox() const { return conversation_; }
    QLineEdit* conversationWithEdit() const { return conversation_with_; }
    QPlainTextEdit* conversationNoteEdit() const { return conversation_note_; }
    QComboBox* answerBox(int question) const { return answers_[question - 1]; }
    QLineEdit* reasonEdit(int question) const { return reasons_[question - 1]; }
    QPushButton* saveButton() const { return save_; }
    QComboBox* decisionBox() const { return decision_; }
    QLineEdit* referenceEdit() const { return reference_; }
    QPlainTextEdit* decisionNoteEdit() const { return decision_note_; }
    QPushButton* decideButton() const { return decide_; }
    QComboBox* handoverBox() const { return handover_; }
    QPushButton* transferButton() const { return transfer_; }
    QLabel* statusLabel() const { return status_; }
    const v1::MeldcodeTrack& track() const { return track_; }

  signals:
    void trackChanged();

  private:
    void showTrack();
    void fillEdits();
    void fillDecisions();
    void loadOfficersAndHandovers();
    void start();
    void addConsultation();
    void save();
    void decide();
    void transfer();
    /// Shows the answer (or error) and reloads the track after a success.
    template <typename Resp>
    void afterWrite(const Result<Resp>& r, const QString& done, bool refill);

    Session& session_;
    std::int64_t case_id_;
    v1::MeldcodeTrack track_;  // id 0: none
    bool has_track_ = false;
    bool case_open_ = false;
    std::int64_t filled_for_ = 0;  // the track whose values are in the edits
    bool officers_loaded_ = false;

    QLabel* summary_;
    QGroupBox* start_box_;
    QWidget* work_;
    QPlainTextEdit* signals_;
    QPushButton* start_;
    QComboBox* consult_kind_;
    QComboBox* officer_;
    QLineEdit* with_whom_;
    QCheckBox* anonymous_;
    QPlainTextEdit* advice_;
    QPushButton* consult_;
    QComboBox* conversation_;
    QLineEdit* conversation_with_;
    QPlainTextEdit* conversation_note_;
    std::array<QComboBox*, 5> answers_{};
    std::array<QLineEdit*, 5> reasons_{};
    QPushButton* save_;
    QLabel* required_;
    QComboBox* decision_;
    QLineEdit* reference_;
    QPlainTextEdit* decision_note_;
    QPushButton* decide_;
    QComboBox* handover_;
    QPushButton* transfer_;
    QLabel* status_;
};

/// The open Meldcode tracks, oldest first, for the aandachtsfunctionaris and the coordinators;
/// Enter opens the case.
class MeldcodeBoard : public QWidget {
    Q_OBJECT
  public:
    explicit MeldcodeBoard(Session& session, QWidget* parent = nullptr);
    QTreeWidget* list() const { return list_; }

  public slots:
    void refresh();

  signals:
    void openCase(std::int64_t case_id);

  private:
    Session& session_;
    QTreeWidget* list_;
    QCheckBox* all_;
    QLabel* status_;
};

}  // namespace spoed::desk
