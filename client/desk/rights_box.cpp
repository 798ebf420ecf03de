#include "client/desk/rights_box.hpp"

#include <google/protobuf/util/json_util.h>

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <tuple>
#include <utility>

#include "client/desk/csv.hpp"
#include "client/desk/escape_guard.hpp"
#include "client/desk/session.hpp"
#include "client/desk/text.hpp"
#include "spoed/v1/record.pb.h"

namespace spoed::desk {
namespace {

/// Who made a statement or request: the youth, or a parent or guardian.
QComboBox* WhoBox(QWidget* parent) {
    auto* by = new QComboBox(parent);
    by->addItem(RightsBox::tr("the youth"), int(v1::STATEMENT_BY_YOUTH));
    by->addItem(RightsBox::tr("a parent or guardian"), int(v1::STATEMENT_BY_PARENT));
    return by;
}

/// Lays out a rights dialog: what it does, the form, a line for the server's refusal, and the
/// buttons; returns the accept button and the refusal line.
std::pair<QPushButton*, QLabel*> Frame(QDialog& dialog, const QString& intro, QFormLayout* form,
                                       const QString& accept) {
    auto* message = new QLabel(&dialog);
    message->setWordWrap(true);
    message->setStyleSheet(QStringLiteral("color:#b71c1c"));
    auto* buttons = new QDialogButtonBox(&dialog);
    auto* save = buttons->addButton(accept, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    auto* text = new QLabel(intro, &dialog);
    text->setWordWrap(true);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(text);
    layout->addLayout(form);
    layout->addWidget(message);
    layout->addWidget(buttons);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    return {save, message};
}

}  // namespace

RightsBox::RightsBox(Session& session, QWidget* parent)
    : QGroupBox(tr("Rights of the youth and the parents"), parent), session_(session) {
    setObjectName(QStringLiteral("rightsBox"));
    statements_ = new QLabel(this);
    statements_->setWordWrap(true);
    statements_->setTextFormat(Qt::RichText);
    add_ = new QPushButton(tr("Add a s&tatement…"), this);
    export_ = new QPushButton(tr("Save the inzage e&xport…"), this);
    destroy_ = new QPushButton(tr("Record a destruction re&quest…"), this);
    status_ = StatusLabel(this);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add_);
    buttons->addWidget(export_);
    buttons->addWidget(destroy_);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(statements_);
    layout->addLayout(buttons);
    layout->addWidget(status_);
    setEnabled(false);  // until a youth is chosen
    connect(add_, &QPushButton::clicked, this, &RightsBox::addStatement);
    connect(destroy_, &QPushButton::clicked, this, &RightsBox::recordDestruction);
    connect(export_, &QPushButton::clicked, this, [this] {
        const QString name = QDir::home().filePath(tr("inzage-%1.html").arg(youth_id_));
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Save the inzage export"), name, tr("HTML document (*.html)"));
        if (!path.isEmpty()) exportTo(path);
    });
}

void RightsBox::setYouth(const v1::GetYouthResponse& youth) {
    youth_id_ = youth.youth().id();
    youth_name_ = Text::youthName(youth.youth().given_name(), youth.youth().family_name());
    setEnabled(youth_id_ != 0);
    status_->clear();
    if (youth.statements().empty()) {
        statements_->setText(
            QStringLiteral("<i>%1</i>").arg(tr("No statements of the youth or the parents.").toHtmlEscaped()));
        return;
    }
    QString html = QStringLiteral("<b>%1</b>").arg(tr("Statements of the youth or the parents").toHtmlEscaped());
    for (const auto& s : youth.statements()) {
        const QString who = s.by() == v1::STATEMENT_BY_YOUTH ? tr("the youth") : tr("a parent");
        html += QStringLiteral("<p>%1 — %2 (%3)%4:<br>%5</p>")
                    .arg(Text::dateTime(s.recorded_at()), Q(s.author_name()).toHtmlEscaped(), who,
                         s.about().empty() ? QString()
                                           : QStringLiteral(", ") + tr("about %1").arg(Q(s.about())).toHtmlEscaped(),
                         HtmlText(s.text()));
    }
    statements_->setText(html);
}

void RightsBox::addStatement() {
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("statementDialog"));
    dialog.setWindowTitle(tr("Statement of the youth or a parent"));
    auto* author = new QLineEdit(&dialog);  // made first: Tab follows the rows
    author->setMaxLength(200);
    auto* by = WhoBox(&dialog);
    auto* about = new QLineEdit(&dialog);
    about->setMaxLength(500);
    about->setPlaceholderText(tr("e.g. the contact of 21 November"));
    auto* text = new QPlainTextEdit(&dialog);
    text->setTabChangesFocus(true);
    auto* form = new QFormLayout;
    form->addRow(tr("&Name"), author);
    form->addRow(tr("&By"), by);
    form->addRow(tr("&About"), about);
    form->addRow(tr("&Statement"), text);
    QPushButton* save = nullptr;
    QLabel* message = nullptr;
    std::tie(save, message) =
        Frame(dialog, tr("The statement is added to the record and shown with it; nothing written earlier changes."),
              form, tr("Add to the &record"));
    connect(save, &QPushButton::clicked, &dialog, [&] {
        v1::AddStatementRequest req;
        req.set_youth_id(youth_id_);
        req.set_by(v1::StatementBy(by->currentData().toInt()));
        req.set_author_name(S(author->text().trimmed()));
        req.set_about(S(about->text().trimmed()));
        req.set_text(S(text->toPlainText().trimmed()));
        save->setEnabled(false);
        session_.api().call(&dialog, v1::rpc::YouthService::AddStatement, req,
                            [&](const Result<v1::AddStatementResponse>& r) {
                                save->setEnabled(true);
                                if (!r.ok()) {
                                    message->setText(Text::error(r.error()));
                                    return;
                                }
                                dialog.accept();
                            });
    });
    author->setFocus();
    KeepTypedTextOnEscape(&dialog);
    if (dialog.exec() != QDialog::Accepted) return;
    reload(tr("The statement is added to the record."), [this] { emit statementAdded(); });
}

void RightsBox::reload(const QString& status, const std::function<void()>& then) {
    ShowStatus(status_, status, false);
    // Shown with the record at once: read the youth again.
    v1::GetYouthRequest get;
    get.set_youth_id(youth_id_);
    session_.api().call(this, v1::rpc::YouthService::GetYouth, get,
                        [this, status, then](const Result<v1::GetYouthResponse>& r) {
                            if (r.ok()) {
                                setYouth(*r);
                                ShowStatus(status_, status, false);
                            }
                            then();
                        });
}

void RightsBox::recordDestruction() {
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("destructionDialog"));
    dialog.setWindowTitle(tr("Destruction request"));
    auto* name = new QLineEdit(&dialog);  // made first: Tab follows the rows
    name->setMaxLength(200);
    auto* by = WhoBox(&dialog);
    auto* decision = new QComboBox(&dialog);
    decision->addItem(tr("refused"), int(v1::DESTRUCTION_DECISION_REFUSED));
    decision->addItem(tr("granted: remove the personal data now"), int(v1::DESTRUCTION_DECISION_GRANTED));
    auto* reason = new QPlainTextEdit(&dialog);
    reason->setTabChangesFocus(true);
    auto* form = new QFormLayout;
    form->addRow(tr("&Asked by"), name);
    form->addRow(tr("&Who"), by);
    form->addRow(tr("&Decision"), decision);
    form->addRow(tr("&Reason"), reason);
    QPushButton* save = nullptr;
    QLabel* message = nullptr;
    std::tie(save, message) = Frame(dialog,
                                    tr("The request goes into the register with the decision and its reason. When it "
                                       "is granted, the youth's personal data is removed at once and cannot be "
                                       "brought back; the figures and the access log stay."),
                                    form, tr("Re&gister"));
    QString pseudonym;
    connect(save, &QPushButton::clicked, &dialog, [&] {
        v1::RecordDestructionRequestRequest req;
        req.set_youth_id(youth_id_);
        req.set_requested_by(S(name->text().trimmed()));
        req.set_by(v1::StatementBy(by->currentData().toInt()));
        req.set_decision(v1::DestructionDecision(decision->currentData().toInt()));
        req.set_reason(S(reason->toPlainText().trimmed()));
        save->setEnabled(false);
        session_.api().call(&dialog, v1::rpc::RecordService::RecordDestructionRequest, req,
                            [&](const Result<v1::RecordDestructionRequestResponse>& r) {
                                save->setEnabled(true);
                                if (!r.ok()) {
                                    message->setText(Text::error(r.error()));
                                    return;
                                }
                                pseudonym = Q(r->request().pseudonym());
                                dialog.accept();
                            });
    });
    name->setFocus();
    KeepTypedTextOnEscape(&dialog);
    if (dialog.exec() != QDialog::Accepted) return;
    reload(pseudonym.isEmpty() ? tr("The refused request is registered.")
                               : tr("The personal data is removed; the record now shows %1.").arg(pseudonym),
           [this] { emit destructionRecorded(); });
}

void RightsBox::exportTo(const QString& html_path) {
    v1::ExportYouthRecordRequest req;
    req.set_youth_id(youth_id_);
    ShowStatus(status_, tr("Gathering the record…"), false);
    session_.api().call(
        this, v1::rpc::RecordService::ExportYouthRecord, req,
        [this, html_path](const Result<v1::ExportYouthRecordResponse>& r) {
            if (!r.ok()) {
                ShowStatus(status_, Text::error(r.error()), true);
                emit exportFinished(false);
                return;
            }
            std::string json;
            google::protobuf::util::JsonPrintOptions o;
            o.add_whitespace = true;
            o.preserve_proto_field_names = true;
            (void)google::protobuf::util::MessageToJsonString(r->record(), &json, o);
            QString json_path = html_path;
            if (json_path.endsWith(QStringLiteral(".html"))) json_path.chop(5);
            json_path += QStringLiteral(".json");
            const bool ok = WriteWholeFile(html_path, QByteArray::fromStdString(r->html())) &&
                            WriteWholeFile(json_path, QByteArray::fromStdString(json));
            ShowStatus(status_,
                       ok ? tr("The inzage export of %1 is saved: %2 and %3").arg(youth_name_, html_path, json_path)
                          : tr("The export could not be written to %1.").arg(html_path),
                       !ok);
            emit exportFinished(ok);
        });
}

}  // namespace spoed::desk
