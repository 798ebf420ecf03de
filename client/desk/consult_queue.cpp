#include "client/desk/consult_queue.hpp"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

#include "client/desk/case_view.hpp"
#include "client/desk/draft_sender.hpp"
#include "client/desk/plan_format.hpp"
#include "client/desk/session.hpp"
#include "client/desk/text.hpp"
#include "spoed/v1/plan.pb.h"

namespace spoed::desk {

ConsultQueue::ConsultQueue(Session& session, QWidget* parent) : QWidget(parent), session_(session) {
    setObjectName(QStringLiteral("consultQueue"));
    queue_ = new QTreeWidget(this);
    queue_->setHeaderLabels({tr("Requested"), tr("Urgency"), tr("Case"), tr("State")});
    queue_->setRootIsDecorated(false);
    queue_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto* reload = new QPushButton(tr("Refresh (F5)"), this);
    reload->setShortcut(QKeySequence(Qt::Key_F5));
    question_ = new QLabel(this);
    question_->setWordWrap(true);
    question_->setTextFormat(Qt::RichText);
    plan_ = new QTextBrowser(this);
    advice_ = new QPlainTextEdit(this);
    advice_->setTabChangesFocus(true);
    advice_->setPlaceholderText(tr("Your advice to the crisis worker"));
    answer_ = new QPushButton(tr("Send &advice"), this);
    answer_->setEnabled(false);
    status_ = new QLabel(this);
    status_->setWordWrap(true);

    auto* left = new QWidget(this);
    auto* ll = new QVBoxLayout(left);
    ll->setContentsMargins(0, 0, 0, 0);
    ll->addWidget(new QLabel(tr("<b>Consult requests</b>"), left));
    ll->addWidget(queue_, 1);
    ll->addWidget(reload);

    auto* right = new QWidget(this);
    auto* rl = new QVBoxLayout(right);
    rl->setContentsMargins(0, 0, 0, 0);
    rl->addWidget(question_);
    auto* tabs = new QTabWidget(right);
    auto* case_page = new QWidget(tabs);
    case_slot_ = new QVBoxLayout(case_page);
    case_slot_->setContentsMargins(0, 0, 0, 0);
    tabs->addTab(case_page, tr("Case (read-only)"));
    tabs->addTab(plan_, tr("Plan"));
    rl->addWidget(tabs, 2);
    auto* advice_box = new QGroupBox(tr("Advice"), right);
    auto* al = new QVBoxLayout(advice_box);
    al->addWidget(advice_);
    auto* ab = new QHBoxLayout;
    ab->addWidget(status_, 1);
    ab->addWidget(answer_);
    al->addLayout(ab);
    rl->addWidget(advice_box, 1);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(reload, &QPushButton::clicked, this, &ConsultQueue::refresh);
    connect(queue_, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (item) select(item->data(0, Qt::UserRole).toLongLong());
    });
    connect(answer_, &QPushButton::clicked, this, &ConsultQueue::submit);
    advice_draft_ = new DraftSender(session_.api(), [this](const std::string&) { send(); }, this);
    connect(advice_draft_, &DraftSender::status, this, [this](const QString& t, bool) { status_->setText(t); });
    refresh();
}

void ConsultQueue::refresh() {
    v1::ListConsultsRequest req;
    session_.api().call<v1::ListConsultsResponse>(this, "spoed.v1.ConsultService/ListConsults", req,
                                                  [this](const Result<v1::ListConsultsResponse>& r) {
        if (!r.ok()) {
            status_->setText(Text::error(r.error()));
            return;
        }
        std::int64_t selected = current_.id();
        queue_->clear();
        std::vector<std::int64_t> open;
        for (const auto& c : r->consults()) {
            bool waiting = c.psychiatrist() == 0;
            auto* item = new QTreeWidgetItem(queue_, {Text::dateTime(c.requested_at()), Text::urgency(c.urgency()),
                                                      QString::number(c.case_id()),
                                                      waiting ? tr("waiting") : tr("answered")});
            item->setData(0, Qt::UserRole, qlonglong(c.id()));
            if (waiting) {
                open.push_back(c.id());
                QFont f = item->font(0);
                f.setBold(true);
                for (int col = 0; col < 4; ++col) item->setFont(col, f);
            }
            if (c.id() == selected) queue_->setCurrentItem(item);
        }
        int fresh = 0;
        for (auto id : open) fresh += std::find(known_open_.begin(), known_open_.end(), id) == known_open_.end() ? 1 : 0;
        known_open_ = open;
        open_count_ = int(open.size());
        if (!first_load_ && fresh > 0) emit newRequests(fresh);
        first_load_ = false;
        if (!queue_->currentItem() && queue_->topLevelItemCount() > 0) queue_->setCurrentItem(queue_->topLevelItem(0));
        emit refreshed();
    });
}

void ConsultQueue::select(std::int64_t consult_id) {
    // Advice waiting for the connection stays with its consult.
    if (advice_draft_->waiting() && consult_id != current_.id()) return;
    const std::uint64_t generation = ++generation_;
    v1::ListConsultsRequest req;
    session_.api().call<v1::ListConsultsResponse>(this, "spoed.v1.ConsultService/ListConsults", req,
                                                  [this, consult_id, generation](const Result<v1::ListConsultsResponse>& r) {
        if (!r.ok() || generation != generation_) return;
        for (const auto& c : r->consults()) {
            if (c.id() == consult_id) return show(c);
        }
    });
}

void ConsultQueue::show(const v1::Consult& c) {
    bool same_case = current_.case_id() == c.case_id() && case_view_;
    current_ = c;
    bool waiting = c.psychiatrist() == 0;
    question_->setText(tr("<b>Question</b> (%1, %2):<br>%3")
                           .arg(Text::urgency(c.urgency()), Text::dateTime(c.requested_at()),
                                Q(c.question()).toHtmlEscaped()) +
                       (waiting ? QString()
                                : QStringLiteral("<br><b>") + tr("Advice given") + QStringLiteral(":</b> ") +
                                      Q(c.advice()).toHtmlEscaped()));
    answer_->setEnabled(waiting);
    advice_->setReadOnly(!waiting);
    if (same_case) return;
    delete case_view_;
    case_view_ = new CaseView(session_, c.case_id(), true, this);
    case_slot_->addWidget(case_view_);
    connect(case_view_, &CaseView::loaded, this, [this] {
        std::int64_t youth = case_view_->data().case_().youth_id();
        if (youth == 0) {
            plan_->setHtml(tr("<i>The youth is not known in this case.</i>"));
            return;
        }
        v1::GetPlanRequest plan;
        plan.set_youth_id(youth);
        session_.api().call<v1::GetPlanResponse>(this, "spoed.v1.PlanService/GetPlan", plan,
                                                 [this](const Result<v1::GetPlanResponse>& p) {
            plan_->setHtml(p.ok() ? PlanFormat::html(p->plan())
                                  : QStringLiteral("<i>%1</i>").arg(Text::error(p.error()).toHtmlEscaped()));
            emit planShown();
        });
    });
}

void ConsultQueue::submit() {
    if (current_.id() == 0) return;
    answer_->setEnabled(false);
    advice_draft_->submit();
}

void ConsultQueue::send() {
    // AnswerConsult is an update of the consult and carries no idempotency key: the draft
    // sender is used for its waiting and re-sending when the server was unreachable.
    v1::AnswerConsultRequest req;
    req.set_consult_id(current_.id());
    req.set_advice(S(advice_->toPlainText().trimmed()));
    session_.api().call<v1::AnswerConsultResponse>(this, "spoed.v1.ConsultService/AnswerConsult", req,
                                                   [this](const Result<v1::AnswerConsultResponse>& r) {
        advice_draft_->finished(r.ok() ? nullptr : &r.error());
        if (!r.ok()) {
            answer_->setEnabled(!advice_draft_->waiting());
            return;
        }
        status_->setText(tr("Advice sent."));
        advice_->clear();
        // The answer is the newest state of this consult: shown at once, and any list still
        // on its way (read before the advice was saved) is ignored.
        ++generation_;
        if (r->consult().id() == current_.id()) show(r->consult());
        emit answered(r->consult().id());
        refresh();
    });
}

}  // namespace spoed::desk
