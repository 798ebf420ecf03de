#include "client/desk/shift_board.hpp"

#include <QColor>
#include <QDate>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
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
#include "client/desk/youth_names.hpp"
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
    signed_in_at_ = QDateTime::currentDateTime();
    cases_ = List({tr("Youth / caller"), tr("Opened"), tr("Risk")}, this);
    handovers_ = List({tr("Youth / caller"), tr("Handover to"), tr("Due"), tr("State")}, this);
    answers_ = List({tr("Youth / caller"), tr("Answered"), tr("Advice")}, this);
    notes_ = List({tr("Written"), tr("By"), tr("Note")}, this);
    notes_->setObjectName(QStringLiteral("shiftNotes"));
    notes_->setWordWrap(true);
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
    auto* note_box = new QGroupBox(tr("Shift notes"), this);
    auto* nl = new QVBoxLayout(note_box);
    nl->addWidget(notes_, 1);
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
    connect(&session_.names(), &YouthNames::caseLabelKnown, this, [this](std::int64_t case_id, const QString& label) {
        for (QTreeWidget* list : {cases_, handovers_, answers_}) {
            for (int i = 0; i < list->topLevelItemCount(); ++i) {
                auto* item = list->topLevelItem(i);
                if (item->data(0, Qt::UserRole).toLongLong() == case_id) item->setText(0, label);
            }
        }
    });

    note_draft_ = new DraftSender(
        session_.api(),
        [this](const std::string& key) {
            v1::AddShiftNoteRequest req;
            req.set_text(S(note_->toPlainText().trimmed()));
            req.set_idempotency_key(key);
            session_.api().call(this, v1::rpc::ShiftService::AddShiftNote, req,
                                [this](const Result<v1::AddShiftNoteResponse>& r) {
                                    note_draft_->finished(r.ok() ? nullptr : &r.error());
                                    if (r.ok()) {
                                        note_->clear();
                                        refresh();
                                    }
                                });
        },
        this);
    connect(note_draft_, &DraftSender::status, this, [this](const QString& t, bool e) {
        note_status_->setText(t);
        note_status_->setStyleSheet(e ? QStringLiteral("color:#b71c1c") : QString());
    });
    connect(note_button_, &QPushButton::clicked, note_draft_, &DraftSender::submit);
    note_draft_->persist(
        session_.drafts(), QStringLiteral("shift-note"),
        [this] {
            QJsonObject o;
            o[QStringLiteral("note")] = note_->toPlainText();
            return o;
        },
        [this](const QJsonObject& o) { note_->setPlainText(o.value(QStringLiteral("note")).toString()); },
        [] { return tr("Shift note"); });
    connect(note_, &QPlainTextEdit::textChanged, note_draft_, &DraftSender::changed);
    refresh();
}

void ShiftBoard::labelCaseColumn(QTreeWidgetItem* item, std::int64_t case_id) {
    item->setText(0, session_.names().caseLabel(case_id));
    item->setToolTip(0, tr("Case %1").arg(case_id));
    item->setData(0, Qt::UserRole, qlonglong(case_id));
}

void ShiftBoard::refresh() {
    outstanding_ = 4;
    auto finished = [this] {
        if (--outstanding_ == 0) emit refreshed();
    };
    v1::ListCasesRequest cases;
    cases.set_open_only(true);
    session_.api().call(
        this, v1::rpc::CaseService::ListCases, cases, [this, finished](const Result<v1::ListCasesResponse>& r) {
            cases_->clear();
            if (r.ok()) {
                for (const auto& c : r->cases()) {
                    QStringList risks;
                    for (int f : c.risk_flags()) risks << Text::riskFlag(v1::RiskFlag(f));
                    session_.names().rememberCase(c.id(), c.youth_id(), Q(c.caller_description()));
                    auto* item = new QTreeWidgetItem(
                        cases_, {QString(), Text::dateTime(c.opened_at()), risks.join(QStringLiteral(", "))});
                    labelCaseColumn(item, c.id());
                }
            }
            finished();
        });
    // Due today and overdue, in one list; overdue ones first and marked.
    v1::ListHandoversRequest due;
    due.set_due_today(true);
    session_.api().call(
        this, v1::rpc::HandoverService::ListHandovers, due,
        [this, finished](const Result<v1::ListHandoversResponse>& r) {
            handovers_->clear();
            if (r.ok()) {
                std::vector<v1::Handover> list(r->handovers().begin(), r->handovers().end());
                std::stable_sort(list.begin(), list.end(),
                                 [](const auto& a, const auto& b) { return a.overdue() > b.overdue(); });
                for (const auto& h : list) {
                    auto* item = new QTreeWidgetItem(
                        handovers_,
                        {QString(), Text::handoverKind(h.kind()) + QStringLiteral(": ") + Q(h.recipient().name()),
                         Text::dateTime(h.due_at()), h.overdue() ? tr("OVERDUE") : Text::handoverStatus(h.status())});
                    labelCaseColumn(item, h.case_id());
                    if (h.overdue()) {
                        for (int col = 0; col < 4; ++col) item->setForeground(col, QColor(0xb7, 0x1c, 0x1c));
                    }
                }
            }
            finished();
        });
    v1::ListConsultsRequest consults;
    session_.api().call(
        this, v1::rpc::ConsultService::ListConsults, consults,
        [this, finished](const Result<v1::ListConsultsResponse>& r) {
            answers_->clear();
            if (r.ok()) {
                for (const auto& c : r->consults()) {
                    QString advice = c.psychiatrist() != 0 ? Q(c.advice()) : tr("(waiting) %1").arg(Q(c.question()));
                    auto* item = new QTreeWidgetItem(answers_, {QString(), Text::dateTime(c.answered_at()), advice});
                    item->setToolTip(2, advice);
                    labelCaseColumn(item, c.case_id());
                }
            }
            finished();
        });
    // The current and the previous shift: from yesterday on.
    v1::ListShiftNotesRequest notes;
    const QDate since = Text::today().addDays(-1);
    notes.mutable_since()->set_year(since.year());
    notes.mutable_since()->set_month(since.month());
    notes.mutable_since()->set_day(since.day());
    session_.api().call(this, v1::rpc::ShiftService::ListShiftNotes, notes,
                        [this, finished](const Result<v1::ListShiftNotesResponse>& r) {
                            notes_->clear();
                            if (r.ok()) {
                                std::vector<v1::ShiftNote> list(r->notes().begin(), r->notes().end());
                                std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
                                    return a.written_at().seconds() > b.written_at().seconds();
                                });
                                for (const auto& n : list) {
                                    auto* item = new QTreeWidgetItem(
                                        notes_, {Text::dateTime(n.written_at()), Q(n.author_name()), Q(n.text())});
                                    item->setToolTip(2, Q(n.text()));
                                    // Left for this shift by someone else before this log-in: read it first.
                                    const bool for_me = n.author_id() != session_.user().id() &&
                                                        n.written_at().seconds() < signed_in_at_.toSecsSinceEpoch();
                                    if (for_me) {
                                        QFont f = item->font(2);
                                        f.setBold(true);
                                        for (int col = 0; col < 3; ++col) {
                                            item->setFont(col, f);
                                            item->setBackground(col, QColor(0xff, 0xf3, 0xcd));
                                        }
                                    }
                                }
                            }
                            finished();
                        });
}

}  // namespace spoed::desk
