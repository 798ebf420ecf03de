#include "client/desk/consult_queue.hpp"

#include <QApplication>
#include <QColor>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "client/desk/case_view.hpp"
#include "client/desk/draft_sender.hpp"
#include "client/desk/plan_format.hpp"
#include "client/desk/session.hpp"
#include "client/desk/text.hpp"
#include "client/desk/youth_names.hpp"
#include "spoed/v1/plan.pb.h"

namespace spoed::desk {

ConsultQueue::ConsultQueue(Session& session, QWidget* parent) : QWidget(parent), session_(session) {
    setObjectName(QStringLiteral("consultQueue"));
    queue_ = new QTreeWidget(this);
    queue_->setHeaderLabels({tr("Requested"), tr("Urgency"), tr("Youth"), tr("State")});
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
    advice_draft_ = new DraftSender(
        session_.api(), [this](const std::string&) { send(); }, this);
    connect(advice_, &QPlainTextEdit::textChanged, advice_draft_, &DraftSender::changed);
    connect(advice_draft_, &DraftSender::status, this, [this](const QString& t, bool) { status_->setText(t); });
    // An urgent request that nobody has opened yet sounds until it is opened.
    bell_ = new QTimer(this);
    bell_->setInterval(4000);
    connect(bell_, &QTimer::timeout, this, [] { QApplication::beep(); });
    connect(&session_.names(), &YouthNames::nameKnown, this, [this](std::int64_t, const QString&) {
        if (current_.id() != 0) showHeading();
    });
    connect(&session_.names(), &YouthNames::caseLabelKnown, this, [this](std::int64_t case_id, const QString& label) {
        for (int i = 0; i < queue_->topLevelItemCount(); ++i) {
            auto* item = queue_->topLevelItem(i);
            if (item->data(2, Qt::UserRole).toLongLong() == case_id) item->setText(2, label);
        }
    });
    refresh();
}

namespace {

/// Waiting requests first, the most urgent first and, within one urgency, the oldest first;
/// the answered ones after them, newest first.
bool ComesFirst(const v1::Consult& a, const v1::Consult& b) {
    const bool wa = a.psychiatrist() == 0, wb = b.psychiatrist() == 0;
    if (wa != wb) return wa;
    auto rank = [](v1::Urgency u) {
        switch (u) {
            case v1::URGENCY_IMMEDIATE:
                return 0;
            case v1::URGENCY_URGENT:
                return 1;
            default:
                return 2;
        }
    };
    if (wa && rank(a.urgency()) != rank(b.urgency())) return rank(a.urgency()) < rank(b.urgency());
    if (a.requested_at().seconds() != b.requested_at().seconds()) {
        return wa ? a.requested_at().seconds() < b.requested_at().seconds()
                  : a.requested_at().seconds() > b.requested_at().seconds();
    }
    return a.id() < b.id();
}

}  // namespace

void ConsultQueue::refresh() {
    v1::ListConsultsRequest req;
    session_.api().call(
        this, v1::rpc::ConsultService::ListConsults, req, [this](const Result<v1::ListConsultsResponse>& r) {
            if (!r.ok()) {
                status_->setText(Text::error(r.error()));
                return;
            }
            std::int64_t selected = current_.id();
            queue_->clear();
            std::vector<v1::Consult> consults(r->consults().begin(), r->consults().end());
            std::stable_sort(consults.begin(), consults.end(), ComesFirst);
            std::vector<std::int64_t> open;
            for (const auto& c : consults) {
                bool waiting = c.psychiatrist() == 0;
                const bool now = waiting && c.urgency() == v1::URGENCY_IMMEDIATE;
                auto* item = new QTreeWidgetItem(
                    queue_, {Text::dateTime(c.requested_at()),
                             (now ? QStringLiteral("‼ ") : QString()) + Text::urgency(c.urgency()),
                             session_.names().caseLabel(c.case_id()), waiting ? tr("waiting") : tr("answered")});
                item->setData(0, Qt::UserRole, qlonglong(c.id()));
                item->setData(2, Qt::UserRole, qlonglong(c.case_id()));
                if (waiting) {
                    open.push_back(c.id());
                    QFont f = item->font(0);
                    f.setBold(true);
                    for (int col = 0; col < 4; ++col) item->setFont(col, f);
                }
                if (now) {
                    for (int col = 0; col < 4; ++col) {
                        item->setForeground(col, QColor(QStringLiteral("#b71c1c")));
                        item->setBackground(col, QColor(QStringLiteral("#fdecea")));
                    }
                    if (std::find(seen_.begin(), seen_.end(), c.id()) == seen_.end()) unseen_urgent_.insert(c.id());
                }
                if (c.id() == selected) queue_->setCurrentItem(item);
            }
            for (auto it = unseen_urgent_.begin(); it != unseen_urgent_.end();) {
                it = std::find(open.begin(), open.end(), *it) == open.end() ? unseen_urgent_.erase(it) : std::next(it);
            }
            for (const auto& c : consults) {
                if (c.psychiatrist() != 0) continue;
                if (std::find(known_open_.begin(), known_open_.end(), c.id()) != known_open_.end()) continue;
                if (!first_load_) emit requestArrived(c.case_id(), c.urgency());
            }
            int fresh = 0;
            for (auto id : open)
                fresh += std::find(known_open_.begin(), known_open_.end(), id) == known_open_.end() ? 1 : 0;
            known_open_ = open;
            open_count_ = int(open.size());
            if (!first_load_ && fresh > 0) emit newRequests(fresh);
            first_load_ = false;
            updateBell();
            if (!queue_->currentItem() && queue_->topLevelItemCount() > 0)
                queue_->setCurrentItem(queue_->topLevelItem(0));
            emit refreshed();
        });
}

void ConsultQueue::select(std::int64_t consult_id) {
    // Advice waiting for the connection stays with its consult.
    if (advice_draft_->waiting() && consult_id != current_.id()) return;
    const std::uint64_t generation = ++generation_;
    v1::ListConsultsRequest req;
    session_.api().call(this, v1::rpc::ConsultService::ListConsults, req,
                        [this, consult_id, generation](const Result<v1::ListConsultsResponse>& r) {
                            if (!r.ok() || generation != generation_) return;
                            for (const auto& c : r->consults()) {
                                if (c.id() == consult_id) return show(c);
                            }
                        });
}

void ConsultQueue::showHeading() {
    const auto& c = current_;
    const bool waiting = c.psychiatrist() == 0;
    question_->setText(
        QStringLiteral("<h3>%1</h3>").arg(youthHeading(c.case_id()).toHtmlEscaped()) +
        tr("<b>Question</b> (%1, %2):<br>%3")
            .arg(Text::urgency(c.urgency()), Text::dateTime(c.requested_at()), Q(c.question()).toHtmlEscaped()) +
        (waiting ? QString()
                 : QStringLiteral("<br><b>") + tr("Advice given") + QStringLiteral(":</b> ") +
                       Q(c.advice()).toHtmlEscaped()));
}

QString ConsultQueue::youthHeading(std::int64_t case_id) {
    // "Mees Kramer (fictief), 14 jaar": the psychiatrist decides knowing who and how old.
    QString heading = session_.names().caseLabel(case_id);
    if (case_view_ && case_view_->caseId() == case_id) {
        const std::int64_t youth = case_view_->data().case_().youth_id();
        const int age = session_.names().age(youth);
        if (age >= 0) {
            heading = session_.names().ageEstimated(youth) ? tr("%1, about %n year(s)", "", age).arg(heading)
                                                           : tr("%1, %n year(s)", "", age).arg(heading);
        }
    }
    return heading;
}

void ConsultQueue::updateBell() {
    if (!unseen_urgent_.empty() && !bell_->isActive()) {
        QApplication::beep();
        bell_->start();
    } else if (unseen_urgent_.empty()) {
        bell_->stop();
    }
}

void ConsultQueue::show(const v1::Consult& c) {
    bool same_case = current_.case_id() == c.case_id() && case_view_;
    if (c.id() != current_.id()) {
        // Advice belongs to its consult: what was typed for the one before stays with it (kept
        // sealed), and the next one shows its own — never another youth's advice.
        advice_draft_->keepNow();
        const QSignalBlocker quiet(advice_);
        advice_->clear();
        advice_draft_->persist(
            session_.drafts(), QStringLiteral("advice/%1").arg(c.id()),
            [this] {
                QJsonObject o;
                o[QStringLiteral("advice")] = advice_->toPlainText();
                return o;
            },
            [this](const QJsonObject& o) { advice_->setPlainText(o.value(QStringLiteral("advice")).toString()); },
            [this, case_id = c.case_id()] { return tr("Advice — %1").arg(session_.names().caseLabel(case_id)); });
    }
    current_ = c;
    // Opened: it stops sounding.
    if (isVisible() && window()->isActiveWindow() && unseen_urgent_.erase(c.id()) > 0) seen_.push_back(c.id());
    updateBell();
    bool waiting = c.psychiatrist() == 0;
    showHeading();
    answer_->setEnabled(waiting);
    advice_->setReadOnly(!waiting);
    if (same_case) return;
    delete case_view_;
    case_view_ = new CaseView(session_, c.case_id(), true, this);
    case_slot_->addWidget(case_view_);
    connect(case_view_, &CaseView::loaded, this, [this] {
        std::int64_t youth = case_view_->data().case_().youth_id();
        if (youth != 0 && session_.names().age(youth) < 0) session_.names().name(youth);
        showHeading();
        if (youth == 0) {
            plan_->setHtml(tr("<i>The youth is not known in this case.</i>"));
            return;
        }
        v1::GetPlanRequest plan;
        plan.set_youth_id(youth);
        session_.api().call(this, v1::rpc::PlanService::GetPlan, plan, [this](const Result<v1::GetPlanResponse>& p) {
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
    session_.api().call(this, v1::rpc::ConsultService::AnswerConsult, req,
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
