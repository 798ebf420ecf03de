#include "client/desk/shift_board.hpp"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

#include "client/desk/draft_sender.hpp"
#include "client/desk/session.hpp"
#include "client/desk/text.hpp"
#include "spoed/v1/case.pb.h"
#include "spoed/v1/handover.pb.h"
#include "spoed/v1/shift.pb.h"
#include "spoed/v1/youth.pb.h"

namespace spoed::desk {
namespace {

QTreeWidget* List(const QStringList& headers, QWidget* parent) {
    auto* t = new QTreeWidget(parent);
    t->setHeaderLabels(headers);
    t->setRootIsDecorated(false);
    t->setAlternatingRowColors(true);
    t->header()->setStretchLastSection(true);
    t->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return t;
}

QGroupBox* Box(const QString& title, QWidget* inner, QWidget* parent) {
    auto* g = new QGroupBox(title, parent);
    auto* l = new QVBoxLayout(g);
    l->addWidget(inner);
    return g;
}

}  // namespace

ShiftBoard::ShiftBoard(Session& session, QWidget* parent) : QWidget(parent), session_(session) {
    setObjectName(QStringLiteral("shiftBoard"));
    cases_ = List({tr("Case"), tr("Youth / caller"), tr("Opened"), tr("Risk")}, this);
    handovers_ = List({tr("Case"), tr("Handover to"), tr("Due"), tr("State")}, this);
    answers_ = List({tr("Case"), tr("Answered"), tr("Advice")}, this);
    note_ = new QPlainTextEdit(this);
    note_->setTabChangesFocus(true);
    note_->setPlaceholderText(tr("Note for the next shift"));
    note_->setMaximumHeight(70);
    note_button_ = new QPushButton(tr("Save &note"), this);
    note_status_ = new QLabel(this);
    note_status_->setWordWrap(true);
    auto* reload = new QPushButton(tr("Refresh (F5)"), this);
    reload->setShortcut(QKeySequence(Qt::Key_F5));

    auto* left = new QVBoxLayout;
    left->addWidget(Box(tr("Open cases"), cases_, this), 2);
    left->addWidget(Box(tr("Handovers due and overdue"), handovers_, this), 1);
    auto* right = new QVBoxLayout;
    right->addWidget(Box(tr("The psychiatrist's answers"), answers_, this), 1);
    auto* note_box = new QGroupBox(tr("Shift note"), this);
    auto* nl = new QVBoxLayout(note_box);
    nl->addWidget(note_);
    auto* nb = new QHBoxLayout;
    nb->addWidget(note_status_, 1);
    nb->addWidget(note_button_);
    nl->addLayout(nb);
    right->addWidget(note_box);
    right->addWidget(reload, 0, Qt::AlignRight);
    auto* layout = new QHBoxLayout(this);
    layout->addLayout(left, 3);
    layout->addLayout(right, 2);

    auto open = [this](QTreeWidgetItem* item) { emit openCase(item->data(0, Qt::UserRole).toLongLong()); };
    connect(cases_, &QTreeWidget::itemActivated, this, open);
    connect(handovers_, &QTreeWidget::itemActivated, this, open);
    connect(answers_, &QTreeWidget::itemActivated, this, open);
    connect(reload, &QPushButton::clicked, this, &ShiftBoard::refresh);

    note_draft_ = new DraftSender(
        session_.api(),
        [this](const std::string& key) {
            v1::AddShiftNoteRequest req;
            req.set_text(S(note_->toPlainText().trimmed()));
            req.set_idempotency_key(key);
            session_.api().call<v1::AddShiftNoteResponse>(this, "spoed.v1.ShiftService/AddShiftNote", req,
                                                          [this](const Result<v1::AddShiftNoteResponse>& r) {
                                                              note_draft_->finished(r.ok() ? nullptr : &r.error());
                                                              if (r.ok()) note_->clear();
                                                          });
        },
        this);
    connect(note_draft_, &DraftSender::status, this, [this](const QString& t, bool e) {
        note_status_->setText(t);
        note_status_->setStyleSheet(e ? QStringLiteral("color:#b71c1c") : QString());
    });
    connect(note_button_, &QPushButton::clicked, note_draft_, &DraftSender::submit);
    refresh();
}

void ShiftBoard::fetchName(std::int64_t youth_id) {
    // Once per youth per session: the board refreshes often, and every read is audited.
    youth_names_[youth_id] = tr("youth #%1").arg(youth_id);
    v1::GetYouthRequest req;
    req.set_youth_id(youth_id);
    session_.api().call<v1::GetYouthResponse>(this, "spoed.v1.YouthService/GetYouth", req,
                                              [this, youth_id](const Result<v1::GetYouthResponse>& r) {
        if (!r.ok()) {
            youth_names_.erase(youth_id);
            return;
        }
        QString name = Text::youthName(r->youth().given_name(), r->youth().family_name());
        youth_names_[youth_id] = name;
        for (int i = 0; i < cases_->topLevelItemCount(); ++i) {
            auto* item = cases_->topLevelItem(i);
            if (item->data(1, Qt::UserRole).toLongLong() == youth_id) item->setText(1, name);
        }
    });
}

void ShiftBoard::refresh() {
    outstanding_ = 3;
    auto finished = [this] {
        if (--outstanding_ == 0) emit refreshed();
    };
    v1::ListCasesRequest cases;
    cases.set_open_only(true);
    session_.api().call<v1::ListCasesResponse>(this, "spoed.v1.CaseService/ListCases", cases,
                                               [this, finished](const Result<v1::ListCasesResponse>& r) {
        cases_->clear();
        if (r.ok()) {
            for (const auto& c : r->cases()) {
                QStringList risks;
                for (int f : c.risk_flags()) risks << Text::riskFlag(v1::RiskFlag(f));
                QString who = Q(c.caller_description());
                if (c.youth_id() != 0) {
                    auto known = youth_names_.find(c.youth_id());
                    who = known != youth_names_.end() ? known->second : tr("youth #%1").arg(c.youth_id());
                }
                auto* item = new QTreeWidgetItem(cases_, {QString::number(c.id()), who, Text::dateTime(c.opened_at()),
                                                          risks.join(QStringLiteral(", "))});
                item->setData(0, Qt::UserRole, qlonglong(c.id()));
                item->setData(1, Qt::UserRole, qlonglong(c.youth_id()));
                if (c.youth_id() != 0 && !youth_names_.count(c.youth_id())) fetchName(c.youth_id());
            }
        }
        finished();
    });
    // Due today and overdue, in one list; overdue ones first and marked.
    v1::ListHandoversRequest due;
    due.set_due_today(true);
    session_.api().call<v1::ListHandoversResponse>(this, "spoed.v1.HandoverService/ListHandovers", due,
                                                   [this, finished](const Result<v1::ListHandoversResponse>& r) {
        handovers_->clear();
        if (r.ok()) {
            std::vector<v1::Handover> list(r->handovers().begin(), r->handovers().end());
            std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.overdue() > b.overdue(); });
            for (const auto& h : list) {
                auto* item = new QTreeWidgetItem(
                    handovers_, {QString::number(h.case_id()),
                                 Text::handoverKind(h.kind()) + QStringLiteral(": ") + Q(h.recipient().name()),
                                 Text::dateTime(h.due_at()), h.overdue() ? tr("OVERDUE") : Text::handoverStatus(h.status())});
                item->setData(0, Qt::UserRole, qlonglong(h.case_id()));
                if (h.overdue()) {
                    for (int col = 0; col < 4; ++col) item->setForeground(col, QColor(0xb7, 0x1c, 0x1c));
                }
            }
        }
        finished();
    });
    v1::ListConsultsRequest consults;
    session_.api().call<v1::ListConsultsResponse>(this, "spoed.v1.ConsultService/ListConsults", consults,
                                                  [this, finished](const Result<v1::ListConsultsResponse>& r) {
        answers_->clear();
        if (r.ok()) {
            for (const auto& c : r->consults()) {
                QString advice = c.psychiatrist() != 0 ? Q(c.advice()) : tr("(waiting) %1").arg(Q(c.question()));
                auto* item = new QTreeWidgetItem(answers_, {QString::number(c.case_id()), Text::dateTime(c.answered_at()), advice});
                item->setToolTip(2, advice);
                item->setData(0, Qt::UserRole, qlonglong(c.case_id()));
            }
        }
        finished();
    });
}

}  // namespace spoed::desk
