#include "client/desk/youth_link_dialog.hpp"

#include <QDate>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include "client/desk/escape_guard.hpp"
#include "client/desk/session.hpp"
#include "client/desk/text.hpp"
#include "spoed/v1/case.pb.h"
#include "spoed/v1/youth.pb.h"

namespace spoed::desk {

YouthLinkDialog::YouthLinkDialog(Session& session, std::int64_t case_id, const QString& caller_phone, QWidget* parent)
    : QDialog(parent), session_(session), case_id_(case_id), create_key_(NewIdempotencyKey()) {
    setObjectName(QStringLiteral("youthLinkDialog"));
    setWindowTitle(tr("Register or link the youth"));

    search_ = new QLineEdit(this);
    search_->setPlaceholderText(tr("Name, phone number or date of birth"));
    results_ = new QListWidget(this);
    results_->setMaximumHeight(140);
    link_ = new QPushButton(tr("&Link to this youth"), this);
    link_->setEnabled(false);
    auto* find_label = new QLabel(tr("&Find a known youth"), this);
    find_label->setBuddy(search_);
    auto* known = new QGroupBox(tr("Known youth"), this);
    auto* kl = new QVBoxLayout(known);
    kl->addWidget(find_label);
    kl->addWidget(search_);
    kl->addWidget(results_);
    kl->addWidget(link_);

    given_ = new QLineEdit(this);
    family_ = new QLineEdit(this);
    birth_ = new QLineEdit(this);
    birth_->setPlaceholderText(tr("dd-mm-yyyy, or the age if the date is not known"));
    birth_->setInputMask(QString());
    phone_ = new QLineEdit(caller_phone, this);
    municipality_ = new QLineEdit(this);
    register_ = new QPushButton(tr("Register and l&ink"), this);
    auto* fresh = new QGroupBox(tr("New youth"), this);
    auto* form = new QFormLayout(fresh);
    form->addRow(tr("&Given name"), given_);
    form->addRow(tr("Famil&y name"), family_);
    form->addRow(tr("&Date of birth or age"), birth_);
    form->addRow(tr("&Phone number"), phone_);
    form->addRow(tr("&Municipality"), municipality_);
    form->addRow(register_);

    message_ = new QLabel(this);
    message_->setWordWrap(true);
    message_->setObjectName(QStringLiteral("youthLinkMessage"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    auto* both = new QHBoxLayout;
    both->addWidget(known, 1);
    both->addWidget(fresh, 1);
    layout->addLayout(both);
    layout->addWidget(message_);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(search_, &QLineEdit::textEdited, this, &YouthLinkDialog::search);
    connect(search_, &QLineEdit::returnPressed, this, [this] {
        if (results_->count() > 0 && results_->item(0)->data(Qt::UserRole).toLongLong() != 0) {
            results_->setCurrentRow(0);
            results_->setFocus();
        }
    });
    connect(results_, &QListWidget::currentItemChanged, this,
            [this](QListWidgetItem* item) { link_->setEnabled(item && item->data(Qt::UserRole).toLongLong() != 0); });
    connect(results_, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { linkTo(item->data(Qt::UserRole).toLongLong()); });
    connect(link_, &QPushButton::clicked, this, [this] {
        if (auto* item = results_->currentItem()) linkTo(item->data(Qt::UserRole).toLongLong());
    });
    connect(register_, &QPushButton::clicked, this, &YouthLinkDialog::registerYouth);
    for (QLineEdit* e : {given_, family_, birth_, phone_, municipality_}) {
        connect(e, &QLineEdit::returnPressed, this, &YouthLinkDialog::registerYouth);
    }
    search_->setFocus();
    KeepTypedTextOnEscape(this);
}

void YouthLinkDialog::fail(const QString& text) {
    message_->setStyleSheet(QStringLiteral("color:#b71c1c; font-weight:bold"));
    message_->setText(text);
    link_->setEnabled(results_->currentItem() != nullptr);
    register_->setEnabled(true);
}

void YouthLinkDialog::search() {
    const QString text = search_->text().trimmed();
    results_->clear();
    link_->setEnabled(false);
    if (text.size() < 2) return;
    v1::SearchYouthsRequest req;
    req.set_query(S(text));
    req.set_page_size(20);
    session_.api().call(
        this, v1::rpc::YouthService::SearchYouths, req,
        [this, text](const Result<v1::SearchYouthsResponse>& r) {
            if (search_->text().trimmed() != text) return;  // typed on meanwhile
            results_->clear();
            if (!r.ok()) {
                results_->addItem(Text::error(r.error()));
                return;
            }
            for (const auto& h : r->hits()) {
                auto* item =
                    new QListWidgetItem(Text::youthName(h.given_name(), h.family_name()) + QStringLiteral(" · ") +
                                        Text::birth(h.date_of_birth(), h.date_of_birth_estimated()) +
                                        QStringLiteral(" · ") + Q(h.municipality()));
                item->setData(Qt::UserRole, qlonglong(h.youth_id()));
                results_->addItem(item);
            }
            if (results_->count() == 0) results_->addItem(tr("No one found: register the youth on the right."));
        },
        Api::Lane::kSearch);
}

void YouthLinkDialog::linkTo(std::int64_t youth_id) {
    if (youth_id == 0) return;
    link_->setEnabled(false);
    register_->setEnabled(false);
    message_->setStyleSheet(QString());
    message_->setText(tr("Linking…"));
    v1::LinkYouthRequest req;
    req.set_case_id(case_id_);
    req.set_youth_id(youth_id);
    session_.api().call(this, v1::rpc::CaseService::LinkYouth, req,
                        [this, youth_id](const Result<v1::LinkYouthResponse>& r) {
                            if (!r.ok()) {
                                fail(Text::error(r.error()));
                                return;
                            }
                            linked_ = youth_id;
                            session_.names().rememberCase(case_id_, youth_id, Q(r->case_().caller_description()));
                            accept();
                        });
}

void YouthLinkDialog::registerYouth() {
    if (!register_->isEnabled()) return;
    if (given_->text().trimmed().isEmpty()) {
        fail(tr("Fill in at least the given name."));
        given_->setFocus();
        return;
    }
    // A date, or only an age ("15") when the caller does not know the date: the server then
    // stores an estimated date of birth and every screen shows "about 15 years".
    const QString dob_text = birth_->text().trimmed();
    bool is_age = false;
    const int age = dob_text.size() <= 2 ? dob_text.toInt(&is_age) : 0;
    QDate dob = QDate::fromString(dob_text, QStringLiteral("dd-MM-yyyy"));
    if (!dob.isValid()) dob = QDate::fromString(dob_text, QStringLiteral("d-M-yyyy"));
    if (!dob.isValid()) dob = QDate::fromString(dob_text, QStringLiteral("ddMMyyyy"));
    if (!is_age && (!dob.isValid() || dob > Text::today())) {
        fail(
            tr("Type the date of birth as day-month-year, e.g. 14-03-2012, or the age (e.g. 15) if the caller "
               "does not know the date."));
        birth_->setFocus();
        return;
    }
    v1::CreateYouthRequest req;
    auto* y = req.mutable_youth();
    y->set_given_name(S(given_->text().trimmed()));
    y->set_family_name(S(family_->text().trimmed()));
    if (is_age) {
        y->set_estimated_age(age);
    } else {
        y->mutable_date_of_birth()->set_year(dob.year());
        y->mutable_date_of_birth()->set_month(dob.month());
        y->mutable_date_of_birth()->set_day(dob.day());
    }
    y->set_municipality(S(municipality_->text().trimmed()));
    if (!phone_->text().trimmed().isEmpty()) y->add_phones()->set_number(S(phone_->text().trimmed()));
    req.set_idempotency_key(create_key_);
    link_->setEnabled(false);
    register_->setEnabled(false);
    message_->setStyleSheet(QString());
    message_->setText(tr("Registering…"));
    session_.api().call(this, v1::rpc::YouthService::CreateYouth, req,
                        [this](const Result<v1::CreateYouthResponse>& r) {
                            if (!r.ok()) {
                                fail(Text::error(r.error()));
                                return;
                            }
                            const auto& y = r->youth();
                            session_.names().remember(y.id(), Text::youthName(y.given_name(), y.family_name()),
                                                      Text::ageOn(y.date_of_birth()), y.date_of_birth_estimated());
                            linkTo(r->youth().id());
                        });
}

}  // namespace spoed::desk
