#include "client/desk/break_glass_dialog.hpp"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "client/desk/escape_guard.hpp"
#include "client/desk/session.hpp"
#include "client/desk/text.hpp"
#include "spoed/v1/plan.pb.h"

namespace spoed::desk {

BreakGlassDialog::BreakGlassDialog(Session& session, std::int64_t youth_id, QWidget* parent)
    : QDialog(parent), session_(session), youth_id_(youth_id) {
    setWindowTitle(tr("Break the glass"));
    setObjectName(QStringLiteral("breakGlassDialog"));
    auto* explain =
        new QLabel(tr("There is no valid consent to read this youth's plan. You can open it anyway when it is needed "
                      "for the youth's safety right now. Your reason is recorded, the access holds for this youth only "
                      "and for a limited time, and a coordinator reviews it."),
                   this);
    explain->setWordWrap(true);
    reason_ = new QPlainTextEdit(this);
    reason_->setPlaceholderText(tr("Why you need the plan now (at least 10 characters)"));
    reason_->setTabChangesFocus(true);
    // The server asks who is breaking the glass once more: the password, and the second
    // factor's code for those who have one.
    password_ = new QLineEdit(this);
    password_->setEchoMode(QLineEdit::Password);
    totp_ = new QLineEdit(this);
    totp_->setMaxLength(8);
    totp_->setVisible(session_.user().totp_enrolled());
    auto* confirm = new QFormLayout;
    confirm->addRow(tr("Your &password"), password_);
    if (session_.user().totp_enrolled()) confirm->addRow(tr("Second &factor"), totp_);
    status_ = new QLabel(this);
    status_->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    open_ = buttons->addButton(tr("&Open the plan"), QDialogButtonBox::AcceptRole);
    open_->setEnabled(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(explain);
    layout->addWidget(reason_);
    layout->addLayout(confirm);
    layout->addWidget(status_);
    layout->addWidget(buttons);
    auto ready = [this] {
        open_->setEnabled(reason_->toPlainText().trimmed().size() >= 10 && !password_->text().isEmpty());
    };
    connect(reason_, &QPlainTextEdit::textChanged, this, ready);
    connect(password_, &QLineEdit::textChanged, this, ready);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(open_, &QPushButton::clicked, this, &BreakGlassDialog::submit);
    disconnect(buttons, &QDialogButtonBox::accepted, nullptr, nullptr);
    resize(480, 320);
    KeepTypedTextOnEscape(this);
}

void BreakGlassDialog::submit() {
    v1::BreakGlassRequest req;
    req.set_youth_id(youth_id_);
    req.set_reason(S(reason_->toPlainText().trimmed()));
    req.set_password(S(password_->text()));
    if (!totp_->text().trimmed().isEmpty()) req.set_totp_code(S(totp_->text().trimmed()));
    open_->setEnabled(false);
    status_->setText(tr("Opening…"));
    session_.api().call(this, v1::rpc::PlanService::BreakGlass, req, [this](const Result<v1::BreakGlassResponse>& r) {
        password_->clear();
        if (!r.ok()) {
            status_->setText(Text::error(r.error()));
            open_->setEnabled(true);
            return;
        }
        accept();
    });
}

}  // namespace spoed::desk
