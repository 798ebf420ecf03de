#include "client/desk/handover_board.hpp"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "client/desk/phone_format.hpp"
#include "client/desk/session.hpp"
#include "client/desk/text.hpp"

namespace spoed::desk {

HandoverBoard::HandoverBoard(Session& session, QWidget* parent) : QWidget(parent), session_(session) {
    setObjectName(QStringLiteral("handoverBoard"));
    list_ = new QTreeWidget(this);
    list_->setHeaderLabels({tr("Due"), tr("To"), tr("Municipality"), tr("Youth / caller"), tr("State")});
    list_->setRootIsDecorated(false);
    list_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    include_confirmed_ = new QCheckBox(tr("Also &confirmed"), this);
    auto* reload = new QPushButton(tr("Refresh (F5)"), this);
    reload->setShortcut(QKeySequence(Qt::Key_F5));
    detail_ = new QLabel(this);
    detail_->setTextFormat(Qt::RichText);
    detail_->setWordWrap(true);
    detail_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    CopyPhoneLinks(detail_);  // the recipient's number copies with one click
    // The case column names the youth (or the caller's description), never a number.
    connect(&session_.names(), &YouthNames::caseLabelKnown, this, [this](std::int64_t case_id, const QString& label) {
        for (int i = 0; i < list_->topLevelItemCount(); ++i) {
            auto* item = list_->topLevelItem(i);
            if (item->data(3, Qt::UserRole).toLongLong() == case_id) item->setText(3, label);
        }
    });
    note_ = new QLineEdit(this);
    agreements_ = new QPlainTextEdit(this);
    agreements_->setTabChangesFocus(true);
    agreements_->setPlaceholderText(tr("The agreements made (needed for 'agreements recorded')"));
    step_ = new QPushButton(this);
    step_->setEnabled(false);
    escalate_ = new QPushButton(tr("&Escalate…"), this);
    escalate_->setEnabled(false);
    status_ = new QLabel(this);
    status_->setWordWrap(true);

    auto* left = new QWidget(this);
    auto* ll = new QVBoxLayout(left);
    ll->setContentsMargins(0, 0, 0, 0);
    ll->addWidget(list_, 1);
    auto* lb = new QHBoxLayout;
    lb->addWidget(include_confirmed_);
    lb->addStretch();
    lb->addWidget(reload);
    ll->addLayout(lb);
    auto* right = new QGroupBox(tr("Handover"), this);
    auto* form = new QFormLayout(right);
    form->addRow(detail_);
    form->addRow(tr("&Note"), note_);
    form->addRow(tr("A&greements"), agreements_);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(step_);
    buttons->addWidget(escalate_);
    form->addRow(buttons);
    form->addRow(status_);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(reload, &QPushButton::clicked, this, &HandoverBoard::refresh);
    connect(include_confirmed_, &QCheckBox::toggled, this, &HandoverBoard::refresh);
    connect(list_, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (item) select(item->data(0, Qt::UserRole).toLongLong());
    });
    connect(step_, &QPushButton::clicked, this, &HandoverBoard::recordStep);
    connect(escalate_, &QPushButton::clicked, this, &HandoverBoard::escalate);
    refresh();
}

void HandoverBoard::refresh() {
    v1::ListHandoversRequest req;
    req.set_include_confirmed(include_confirmed_->isChecked());
    session_.api().call(
        this, v1::rpc::HandoverService::ListHandovers, req, [this](const Result<v1::ListHandoversResponse>& r) {
            if (!r.ok()) {
                status_->setText(Text::error(r.error()));
                return;
            }
            std::int64_t selected = current_.id();
            list_->clear();
            for (const auto& h : r->handovers()) {
                auto* item = new QTreeWidgetItem(
                    list_, {Text::dateTime(h.due_at()),
                            Text::handoverKind(h.kind()) + QStringLiteral(": ") + Q(h.recipient().name()),
                            Q(h.municipality()), session_.names().caseLabel(h.case_id()),
                            h.overdue() ? tr("OVERDUE") : Text::handoverStatus(h.status())});
                item->setData(0, Qt::UserRole, qlonglong(h.id()));
                item->setData(3, Qt::UserRole, qlonglong(h.case_id()));
                if (h.overdue()) {
                    for (int col = 0; col < 5; ++col) item->setForeground(col, QColor(0xb7, 0x1c, 0x1c));
                }
                if (h.id() == selected) {
                    list_->setCurrentItem(item);
                    show(h);
                }
            }
            if (!list_->currentItem() && list_->topLevelItemCount() > 0) list_->setCurrentItem(list_->topLevelItem(0));
            emit refreshed();
        });
}

void HandoverBoard::select(std::int64_t handover_id) {
    v1::ListHandoversRequest req;
    req.set_include_confirmed(true);
    session_.api().call(this, v1::rpc::HandoverService::ListHandovers, req,
                        [this, handover_id](const Result<v1::ListHandoversResponse>& r) {
                            if (!r.ok()) return;
                            for (const auto& h : r->handovers()) {
                                if (h.id() == handover_id) show(h);
                            }
                        });
}

void HandoverBoard::show(const v1::Handover& h) {
    current_ = h;
    QString steps;
    int done = 0;
    for (const auto& s : h.steps()) {
        steps += QStringLiteral("<li>✔ %1 — %2 %3</li>")
                     .arg(Text::handoverStep(s.step()), Text::dateTime(s.at()), Q(s.note()).toHtmlEscaped());
        done = std::max(done, int(s.step()));
    }
    next_ = h.next_step();  // the order of the steps is the server's
    for (int s = done + 1; s <= v1::HANDOVER_STEP_CONFIRMED; ++s) {
        steps += QStringLiteral("<li style='color:#757575'>○ %1</li>").arg(Text::handoverStep(v1::HandoverStep(s)));
    }
    const auto& to = h.recipient();
    detail_->setText(
        tr("<b>%1 to %2</b><br>Contact: %3, %4<br>Due: %5 (%6)<br>State: %7")
            .arg(Text::handoverKind(h.kind()), Q(to.name()).toHtmlEscaped(), Q(to.contact()).toHtmlEscaped(),
                 to.phone().empty() ? QString() : PhoneCopyLink(Q(to.phone())), Text::dateTime(h.due_at()),
                 Text::dueReason(h.due_skipped_days()).toHtmlEscaped(),
                 h.overdue() ? tr("overdue") : Text::handoverStatus(h.status())) +
        QStringLiteral("<ol style='list-style:none'>") + steps + QStringLiteral("</ol>") +
        (h.agreements().empty() ? QString() : tr("Agreements: %1").arg(Q(h.agreements()).toHtmlEscaped())));
    step_->setEnabled(next_ != v1::HANDOVER_STEP_UNSPECIFIED);
    step_->setText(next_ == v1::HANDOVER_STEP_UNSPECIFIED ? tr("Done")
                                                          : tr("Record: %1").arg(Text::handoverStep(next_)));
    escalate_->setEnabled(h.status() == v1::HANDOVER_STATUS_OPEN);
    agreements_->setEnabled(next_ == v1::HANDOVER_STEP_AGREEMENTS_RECORDED);
}

void HandoverBoard::recordStep() {
    if (next_ == v1::HANDOVER_STEP_UNSPECIFIED) return;
    v1::RecordStepRequest req;
    req.set_handover_id(current_.id());
    req.set_step(next_);
    req.set_note(S(note_->text().trimmed()));
    if (next_ == v1::HANDOVER_STEP_AGREEMENTS_RECORDED) req.set_agreements(S(agreements_->toPlainText().trimmed()));
    step_->setEnabled(false);
    session_.api().call(
        this, v1::rpc::HandoverService::RecordStep, req, [this](const Result<v1::RecordStepResponse>& r) {
            if (!r.ok()) {
                status_->setText(Text::error(r.error()));
                step_->setEnabled(true);
                return;
            }
            status_->setText(
                tr("Recorded: %1")
                    .arg(Text::handoverStep(r->handover().steps().empty() ? v1::HANDOVER_STEP_UNSPECIFIED
                                                                          : r->handover().steps().rbegin()->step())));
            note_->clear();
            if (r->handover().status() == v1::HANDOVER_STATUS_CONFIRMED || !r->handover().agreements().empty()) {
                agreements_->clear();
            }
            show(r->handover());
            emit stepRecorded(r->handover().id());
            refresh();
        });
}

void HandoverBoard::escalate() {
    bool ok = false;
    QString reason = QInputDialog::getText(this, tr("Escalate handover"), tr("Why it cannot be confirmed yet:"),
                                           QLineEdit::Normal, {}, &ok);
    if (!ok || reason.trimmed().isEmpty()) return;
    v1::EscalateRequest req;
    req.set_handover_id(current_.id());
    req.set_reason(S(reason.trimmed()));
    session_.api().call(this, v1::rpc::HandoverService::Escalate, req, [this](const Result<v1::EscalateResponse>& r) {
        status_->setText(r.ok() ? tr("Escalated.") : Text::error(r.error()));
        if (r.ok()) {
            show(r->handover());
            refresh();
        }
    });
}

}  // namespace spoed::desk
