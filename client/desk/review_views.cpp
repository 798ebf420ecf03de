#include "client/desk/review_views.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "client/desk/session.hpp"
#include "client/desk/text.hpp"
#include "client/desk/youth_names.hpp"

namespace spoed::desk {

// --- BreakGlassReviews --------------------------------------------------------------------------

BreakGlassReviews::BreakGlassReviews(Session& session, QWidget* parent) : QWidget(parent), session_(session) {
    setObjectName(QStringLiteral("breakGlassReviews"));
    list_ = new QTreeWidget(this);
    list_->setHeaderLabels({tr("Opened"), tr("By"), tr("Youth"), tr("Reason"), tr("Review")});
    list_->setRootIsDecorated(false);
    list_->header()->setStretchLastSection(true);
    include_reviewed_ = new QCheckBox(tr("Also &reviewed"), this);
    auto* reload = new QPushButton(tr("Refresh (F5)"), this);
    reload->setShortcut(QKeySequence(Qt::Key_F5));
    note_ = new QLineEdit(this);
    note_->setPlaceholderText(tr("Review note (required)"));
    approve_ = new QPushButton(tr("&Justified"), this);
    reject_ = new QPushButton(tr("&Not justified"), this);
    status_ = new QLabel(this);
    status_->setWordWrap(true);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(include_reviewed_);
    bottom->addWidget(note_, 1);
    bottom->addWidget(approve_);
    bottom->addWidget(reject_);
    bottom->addWidget(reload);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(list_, 1);
    layout->addLayout(bottom);
    layout->addWidget(status_);
    connect(reload, &QPushButton::clicked, this, &BreakGlassReviews::refresh);
    connect(include_reviewed_, &QCheckBox::toggled, this, &BreakGlassReviews::refresh);
    connect(approve_, &QPushButton::clicked, this, [this] { review(true); });
    connect(reject_, &QPushButton::clicked, this, [this] { review(false); });
    connect(&session_.names(), &YouthNames::nameKnown, this, [this](std::int64_t youth_id, const QString& name) {
        for (int i = 0; i < list_->topLevelItemCount(); ++i) {
            auto* item = list_->topLevelItem(i);
            if (item->data(2, Qt::UserRole).toLongLong() == youth_id) item->setText(2, name);
        }
    });
    refresh();
}

void BreakGlassReviews::refresh() {
    v1::ListBreakGlassReviewsRequest req;
    req.set_include_reviewed(include_reviewed_->isChecked());
    session_.api().call(
        this, v1::rpc::PlanService::ListBreakGlassReviews, req,
        [this](const Result<v1::ListBreakGlassReviewsResponse>& r) {
            list_->clear();
            if (!r.ok()) {
                status_->setText(Text::error(r.error()));
                return;
            }
            for (const auto& b : r->items()) {
                QString review = b.has_reviewed_at() ? (b.review_approved() ? tr("justified") : tr("not justified")) +
                                                           QStringLiteral(": ") + Q(b.review_note())
                                                     : tr("to review");
                auto* item = new QTreeWidgetItem(list_, {Text::dateTime(b.opened_at()), Q(b.username()),
                                                         session_.names().name(b.youth_id()), Q(b.reason()), review});
                item->setData(2, Qt::UserRole, qlonglong(b.youth_id()));
                item->setData(0, Qt::UserRole, qlonglong(b.id()));
                item->setToolTip(3, Q(b.reason()));
            }
            if (list_->topLevelItemCount() > 0) list_->setCurrentItem(list_->topLevelItem(0));
            emit refreshed();
        });
}

void BreakGlassReviews::review(bool approved) {
    auto* item = list_->currentItem();
    if (!item) return;
    v1::ReviewBreakGlassRequest req;
    req.set_break_glass_id(item->data(0, Qt::UserRole).toLongLong());
    req.set_approved(approved);
    req.set_note(S(note_->text().trimmed()));
    session_.api().call(this, v1::rpc::PlanService::ReviewBreakGlass, req,
                        [this](const Result<v1::ReviewBreakGlassResponse>& r) {
                            status_->setText(r.ok() ? tr("Review saved.") : Text::error(r.error()));
                            if (!r.ok()) return;
                            note_->clear();
                            emit reviewed(r->break_glass().id());
                            refresh();
                        });
}

// --- DirectoryView ------------------------------------------------------------------------------

DirectoryView::DirectoryView(Session& session, bool can_edit, QWidget* parent) : QWidget(parent), session_(session) {
    setObjectName(QStringLiteral("directoryView"));
    tree_ = new QTreeWidget(this);
    tree_->setHeaderLabels(
        {tr("Organisation / contact"), tr("Kind / role"), tr("Municipality"), tr("Phone"), tr("Available")});
    tree_->header()->setStretchLastSection(true);
    tree_->setColumnWidth(0, 260);
    auto* reload = new QPushButton(tr("Refresh (F5)"), this);
    reload->setShortcut(QKeySequence(Qt::Key_F5));

    auto* editor = new QGroupBox(tr("Edit organisation"), this);
    name_ = new QLineEdit(editor);
    kind_ = new QComboBox(editor);
    for (int k = v1::ORGANISATION_KIND_CARE_PROVIDER; k <= v1::ORGANISATION_KIND_OTHER; ++k) {
        kind_->addItem(Text::organisationKind(v1::OrganisationKind(k)), k);
    }
    municipality_ = new QLineEdit(editor);
    phone_ = new QLineEdit(editor);
    availability_ = new QLineEdit(editor);
    contacts_ = new QPlainTextEdit(editor);
    contacts_->setTabChangesFocus(true);
    contacts_->setPlaceholderText(
        tr("one per line: name | role | phone | availability | * for the designated contact"));
    new_ = new QPushButton(tr("New organisation"), editor);
    save_ = new QPushButton(tr("&Save"), editor);
    status_ = new QLabel(editor);
    status_->setWordWrap(true);
    auto* form = new QFormLayout(editor);
    form->addRow(tr("Name"), name_);
    form->addRow(tr("Kind"), kind_);
    form->addRow(tr("Municipality"), municipality_);
    form->addRow(tr("Phone"), phone_);
    form->addRow(tr("Availability"), availability_);
    form->addRow(tr("Contacts"), contacts_);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(new_);
    buttons->addWidget(save_);
    form->addRow(buttons);
    form->addRow(status_);
    editor->setVisible(can_edit);

    auto* left = new QWidget(this);
    auto* ll = new QVBoxLayout(left);
    ll->setContentsMargins(0, 0, 0, 0);
    ll->addWidget(tree_, 1);
    ll->addWidget(reload, 0, Qt::AlignRight);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(editor);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(reload, &QPushButton::clicked, this, &DirectoryView::refresh);
    connect(tree_, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (!item) return;
        while (item->parent()) item = item->parent();
        std::int64_t id = item->data(0, Qt::UserRole).toLongLong();
        for (const auto& o : organisations_) {
            if (o.id() == id) edit(o);
        }
    });
    connect(new_, &QPushButton::clicked, this, [this] { edit(v1::Organisation()); });
    connect(save_, &QPushButton::clicked, this, &DirectoryView::save);
    refresh();
}

void DirectoryView::refresh() {
    session_.api().call(
        this, v1::rpc::DirectoryService::ListOrganisations, v1::ListOrganisationsRequest(),
        [this](const Result<v1::ListOrganisationsResponse>& r) {
            tree_->clear();
            if (!r.ok()) {
                status_->setText(Text::error(r.error()));
                return;
            }
            organisations_.assign(r->organisations().begin(), r->organisations().end());
            for (const auto& o : organisations_) {
                auto* item = new QTreeWidgetItem(tree_, {Q(o.name()), Text::organisationKind(o.kind()),
                                                         Q(o.municipality()), Q(o.phone()), Q(o.availability())});
                item->setData(0, Qt::UserRole, qlonglong(o.id()));
                for (const auto& c : o.contacts()) {
                    new QTreeWidgetItem(item, {(c.designated() ? QStringLiteral("★ ") : QString()) + Q(c.name()),
                                               Q(c.role()), QString(), Q(c.phone()), Q(c.availability())});
                }
            }
            tree_->expandAll();
            emit refreshed();
        });
}

void DirectoryView::edit(const v1::Organisation& o) {
    editing_ = o.id();
    name_->setText(Q(o.name()));
    int idx = kind_->findData(int(o.kind()));
    kind_->setCurrentIndex(idx < 0 ? 0 : idx);
    municipality_->setText(Q(o.municipality()));
    phone_->setText(Q(o.phone()));
    availability_->setText(Q(o.availability()));
    QStringList lines;
    for (const auto& c : o.contacts()) {
        lines << QStringList{Q(c.name()), Q(c.role()), Q(c.phone()), Q(c.availability()),
                             c.designated() ? QStringLiteral("*") : QString()}
                     .join(QStringLiteral(" | "));
    }
    contacts_->setPlainText(lines.join(QLatin1Char('\n')));
}

void DirectoryView::save() {
    v1::SaveOrganisationRequest req;
    auto* o = req.mutable_organisation();
    o->set_id(editing_);
    o->set_name(S(name_->text().trimmed()));
    o->set_kind(v1::OrganisationKind(kind_->currentData().toInt()));
    o->set_municipality(S(municipality_->text().trimmed()));
    o->set_phone(S(phone_->text().trimmed()));
    o->set_availability(S(availability_->text().trimmed()));
    for (const QString& line : contacts_->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        QStringList p = line.split(QLatin1Char('|'));
        if (p.value(0).trimmed().isEmpty()) continue;
        auto* c = o->add_contacts();
        c->set_name(S(p.value(0).trimmed()));
        c->set_role(S(p.value(1).trimmed()));
        c->set_phone(S(p.value(2).trimmed()));
        c->set_availability(S(p.value(3).trimmed()));
        c->set_designated(p.value(4).trimmed() == QLatin1String("*"));
    }
    session_.api().call(this, v1::rpc::DirectoryService::SaveOrganisation, req,
                        [this](const Result<v1::SaveOrganisationResponse>& r) {
                            status_->setText(r.ok() ? tr("Saved.") : Text::error(r.error()));
                            if (!r.ok()) return;
                            editing_ = r->organisation().id();
                            emit saved(editing_);
                            refresh();
                        });
}

}  // namespace spoed::desk
