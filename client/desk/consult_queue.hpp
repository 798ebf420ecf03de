#pragma once

#include <QWidget>
#include <cstdint>
#include <set>
#include <vector>

#include "spoed/v1/case.pb.h"

class QLabel;
class QTimer;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;
class QTreeWidget;
class QVBoxLayout;

namespace spoed::desk {

class CaseView;
class DraftSender;
class Session;

/// The backup psychiatrist's queue: open requests first; for the chosen one the question, the
/// case (read-only) and the youth's plan, and the advice form.
class ConsultQueue : public QWidget {
    Q_OBJECT
  public:
    explicit ConsultQueue(Session& session, QWidget* parent = nullptr);

    QTreeWidget* queue() const { return queue_; }
    QPlainTextEdit* adviceEdit() const { return advice_; }
    QPushButton* answerButton() const { return answer_; }
    QLabel* statusLabel() const { return status_; }
    QLabel* questionLabel() const { return question_; }
    QTextBrowser* planView() const { return plan_; }
    CaseView* caseView() const { return case_view_; }
    int openCount() const { return open_count_; }
    DraftSender& adviceDraft() const { return *advice_draft_; }

  public slots:
    void refresh();
    void select(std::int64_t consult_id);

  signals:
    void refreshed();
    /// A request came in that was not in the queue before (for the tray notification).
    void newRequests(int count);
    /// One request that was not in the queue before: its case and urgency (for the balloon).
    void requestArrived(std::int64_t case_id, spoed::v1::Urgency urgency);
    void answered(std::int64_t consult_id);
    void planShown();

  public:
    /// Urgent requests not opened yet; while there is one, the desk sounds.
    bool sounding() const { return !unseen_urgent_.empty(); }

  private:
    void updateBell();
    /// The youth's name and age, the question and any advice, for the consult shown.
    void showHeading();
    QString youthHeading(std::int64_t case_id);
    void submit();
    void send();
    /// Shows `c` as the selected consult: its question (and advice once given), the case and
    /// the plan (loaded again only for another case), and the answer box open only while it
    /// waits.
    void show(const v1::Consult& c);

    Session& session_;
    QTreeWidget* queue_;
    QLabel* question_;
    QVBoxLayout* case_slot_;
    CaseView* case_view_ = nullptr;
    QTextBrowser* plan_;
    QPlainTextEdit* advice_;
    QPushButton* answer_;
    QLabel* status_;
    DraftSender* advice_draft_;
    v1::Consult current_;
    // Counts selections and answers: a selection's answer applies only when nothing newer
    // happened meanwhile, so a list read before the advice was sent cannot reopen the box.
    std::uint64_t generation_ = 0;
    std::vector<std::int64_t> known_open_;
    std::set<std::int64_t> unseen_urgent_;  // "now, call back" requests not opened yet
    std::vector<std::int64_t> seen_;
    QTimer* bell_ = nullptr;
    bool first_load_ = true;
    int open_count_ = 0;
};

}  // namespace spoed::desk
