#include "client/desk/plan_editor.hpp"

#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QSplitter>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

#include "client/desk/draft_store.hpp"
#include "client/desk/plan_format.hpp"
#include "client/desk/rights_box.hpp"
#include "client/desk/session.hpp"
#include "client/desk/text.hpp"

namespace spoed::desk {
namespace {

// The editor's fields: phase parts, then one item per line, contacts as "name | relation | phone".
const char* const kPhaseFields[] = {"green.signs",  "green.what_i_do",  "green.what_others_do",
                                    "orange.signs", "orange.what_i_do", "orange.what_others_do",
                                    "red.signs",    "red.what_i_do",    "red.what_others_do"};
const char* const kListFields[] = {
    "warning_signs",        "own_coping",    "distracting_people",      "distracting_places",
    "people_who_can_help",  "professionals", "making_environment_safe", "crisis_workers_do",
    "crisis_workers_avoid", "agreements"};

QString Join(const google::protobuf::RepeatedPtrField<std::string>& list) {
    QStringList out;
    for (const auto& s : list) out << Q(s);
    return out.join(QLatin1Char('\n'));
}

void Split(const QString& text, google::protobuf::RepeatedPtrField<std::string>* out) {
    for (const QString& line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (!line.trimmed().isEmpty()) *out->Add() = S(line.trimmed());
    }
}

}  // namespace

PlanEditor::PlanEditor(Session& session, QWidget* parent) : QWidget(parent), session_(session) {
    setObjectName(QStringLiteral("planEditor"));
    search_ = new QLineEdit(this);
    search_->setPlaceholderText(tr("Find a youth: name, phone number or date of birth"));
    results_ = new QListWidget(this);
    results_->setMaximumHeight(110);
    results_->setVisible(false);  // until there is something to choose
    youth_label_ = new QLabel(this);
    youth_label_->setTextFormat(Qt::RichText);
    rights_ = new RightsBox(session_, this);

    // Pre-registration
    auto* prereg = new QGroupBox(tr("Pre-registration"), this);
    organisation_ = new QLineEdit(prereg);
    professional_ = new QLineEdit(prereg);
    professional_phone_ = new QLineEdit(prereg);
    ongoing_care_ = new QLineEdit(prereg);
    ongoing_care_contact_ = new QLineEdit(prereg);
    legal_measure_ = new QComboBox(prereg);
    for (int m = v1::LEGAL_MEASURE_NONE; m <= v1::LEGAL_MEASURE_OTHER; ++m) {
        legal_measure_->addItem(Text::legalMeasure(v1::LegalMeasure(m)), m);
    }
    save_prereg_ = new QPushButton(tr("Save pre-registration"), prereg);
    auto* pf = new QFormLayout(prereg);
    pf->addRow(tr("Organisation"), organisation_);
    pf->addRow(tr("Professional"), professional_);
    pf->addRow(tr("Professional's phone"), professional_phone_);
    pf->addRow(tr("Ongoing care"), ongoing_care_);
    pf->addRow(tr("Contact there"), ongoing_care_contact_);
    pf->addRow(tr("Legal measure"), legal_measure_);
    pf->addRow(save_prereg_);

    // Plan fields
    auto* plan_box = new QWidget(this);
    auto* grid = new QGridLayout(plan_box);
    const QString phase_titles[] = {tr("Green"), tr("Orange"), tr("Red")};
    const QString part_titles[] = {tr("Signs"), tr("What I do"), tr("What others do")};
    const char* colours[] = {"#e3f4e1", "#fff0d9", "#fbe0e0"};
    for (int p = 0; p < 3; ++p) {
        auto* title = new QLabel(QStringLiteral("<b>%1</b>").arg(phase_titles[p]), plan_box);
        grid->addWidget(title, 0, p + 1);
        for (int k = 0; k < 3; ++k) {
            auto* e = new QPlainTextEdit(plan_box);
            e->setTabChangesFocus(true);
            e->setMaximumHeight(60);
            e->setStyleSheet(QStringLiteral("QPlainTextEdit{background:%1}").arg(QLatin1String(colours[p])));
            fields_[QLatin1String(kPhaseFields[p * 3 + k])] = e;
            grid->addWidget(e, k + 1, p + 1);
            if (p == 0) grid->addWidget(new QLabel(part_titles[k], plan_box), k + 1, 0);
        }
    }
    auto sections = PlanFormat::sections(v1::PlanContent());
    int row = 4;
    for (std::size_t i = 0; i < std::size(kListFields); ++i) {
        auto* e = new QPlainTextEdit(plan_box);
        e->setTabChangesFocus(true);
        e->setMaximumHeight(60);
        QString name = QLatin1String(kListFields[i]);
        bool contacts = name.contains(QLatin1String("people")) || name == QLatin1String("professionals");
        e->setPlaceholderText(contacts ? tr("one per line: name | relation | phone") : tr("one per line"));
        fields_[name] = e;
        grid->addWidget(new QLabel(sections[i + 3].first, plan_box), row, 0);
        grid->addWidget(e, row, 1, 1, 3);
        ++row;
    }
    change_note_ = new QLineEdit(this);
    change_note_->setPlaceholderText(tr("What changed and why (required)"));
    save_ = new QPushButton(tr("Save as &new version"), this);
    save_->setEnabled(false);
    versions_ = new QComboBox(this);
    versions_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    diff_ = new QTextBrowser(this);
    diff_->setObjectName(QStringLiteral("planDiff"));
    status_ = new QLabel(this);
    status_->setWordWrap(true);

    auto* scroll = new QScrollArea(this);
    auto* inner = new QWidget(scroll);
    auto* il = new QVBoxLayout(inner);
    il->addWidget(youth_label_);
    il->addWidget(rights_);
    il->addWidget(prereg);
    il->addWidget(new QLabel(tr("<b>Plan</b>"), inner));
    il->addWidget(plan_box);
    scroll->setWidget(inner);
    scroll->setWidgetResizable(true);

    auto* left = new QWidget(this);
    auto* ll = new QVBoxLayout(left);
    ll->setContentsMargins(0, 0, 0, 0);
    ll->addWidget(search_);
    ll->addWidget(results_);
    ll->addWidget(scroll, 1);
    auto* save_row = new QHBoxLayout;
    save_row->addWidget(change_note_, 1);
    save_row->addWidget(save_);
    ll->addLayout(save_row);
    ll->addWidget(status_);
    auto* right = new QWidget(this);
    auto* rl = new QVBoxLayout(right);
    rl->setContentsMargins(0, 0, 0, 0);
    auto* vr = new QHBoxLayout;
    vr->addWidget(new QLabel(tr("Changes against the previous version:"), right), 1);
    vr->addWidget(versions_);
    rl->addLayout(vr);
    rl->addWidget(diff_, 1);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(search_, &QLineEdit::textEdited, this, &PlanEditor::search);
    connect(results_, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* i) { loadYouth(i->data(Qt::UserRole).toLongLong()); });
    connect(results_, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* i) { loadYouth(i->data(Qt::UserRole).toLongLong()); });
    for (auto& [name, edit] : fields_) connect(edit, &QPlainTextEdit::textChanged, this, &PlanEditor::showLiveDiff);
    // Plan changes not saved as a version yet are kept on disk, sealed, a moment after each key.
    keep_timer_ = new QTimer(this);
    keep_timer_->setSingleShot(true);
    keep_timer_->setInterval(400);
    connect(keep_timer_, &QTimer::timeout, this, &PlanEditor::keepDraft);
    for (auto& [name, edit] : fields_) {
        connect(edit, &QPlainTextEdit::textChanged, this, [this] {
            if (!filling_) keep_timer_->start();
        });
    }
    connect(change_note_, &QLineEdit::textEdited, keep_timer_, qOverload<>(&QTimer::start));
    connect(save_, &QPushButton::clicked, this, &PlanEditor::savePlan);
    connect(save_prereg_, &QPushButton::clicked, this, &PlanEditor::savePreRegistration);
    // After a granted destruction request nothing of the youth may stay on screen or on disk:
    // the plan's kept draft goes, and the editor shows what the server now holds.
    connect(rights_, &RightsBox::destructionRecorded, this, [this] {
        if (session_.drafts()) session_.drafts()->remove(draftSlot());
        fill(v1::PlanContent());
        change_note_->clear();
        loadYouth(youth_id_);
    });
    connect(versions_, &QComboBox::activated, this, [this](int index) {
        int v = versions_->itemData(index).toInt();
        if (v == 0) {
            showLiveDiff();
        } else {
            showVersionDiff(v);
        }
    });
}

void PlanEditor::search() {
    v1::SearchYouthsRequest req;
    req.set_query(S(search_->text().trimmed()));
    if (search_->text().trimmed().size() < 2) return;
    session_.api().call(
        this, v1::rpc::YouthService::SearchYouths, req,
        [this](const Result<v1::SearchYouthsResponse>& r) {
            results_->clear();
            results_->setVisible(r.ok() && !r->hits().empty());
            if (!r.ok()) return;
            for (const auto& h : r->hits()) {
                auto* i = new QListWidgetItem(Text::youthName(h.given_name(), h.family_name()) + QStringLiteral(" · ") +
                                              Text::birth(h.date_of_birth(), h.date_of_birth_estimated()));
                i->setData(Qt::UserRole, qlonglong(h.youth_id()));
                results_->addItem(i);
            }
        },
        Api::Lane::kSearch);
}

void PlanEditor::loadYouth(std::int64_t youth_id) {
    youth_id_ = youth_id;
    base_ = v1::PlanVersion();
    v1::GetYouthRequest req;
    req.set_youth_id(youth_id);
    session_.api().call(this, v1::rpc::YouthService::GetYouth, req, [this](const Result<v1::GetYouthResponse>& r) {
        if (!r.ok()) {
            status_->setText(Text::error(r.error()));
            return;
        }
        youth_ = *r;
        rights_->setYouth(*r);
        const auto& y = r->youth();
        youth_label_->setText(
            QStringLiteral("<h3>%1</h3>").arg(Text::youthName(y.given_name(), y.family_name()).toHtmlEscaped()) +
            (r->pre_registered() ? tr("Pre-registered.") : tr("Not pre-registered (needs consent).")));
        const auto& f = r->pre_registration().fields();
        organisation_->setText(Q(f.organisation()));
        professional_->setText(Q(f.professional()));
        professional_phone_->setText(Q(f.professional_phone()));
        ongoing_care_->setText(Q(f.ongoing_care()));
        ongoing_care_contact_->setText(Q(f.ongoing_care_contact()));
        int idx = legal_measure_->findData(int(f.legal_measure()));
        legal_measure_->setCurrentIndex(idx < 0 ? 0 : idx);
        save_->setEnabled(true);

        v1::ListPlanVersionsRequest list;
        list.set_youth_id(youth_id_);
        session_.api().call(
            this, v1::rpc::PlanService::ListPlanVersions, list, [this](const Result<v1::ListPlanVersionsResponse>& v) {
                versions_->clear();
                versions_->addItem(tr("the editor against its base"), 0);
                if (v.ok()) {
                    for (const auto& s : v->versions()) {
                        versions_->addItem(tr("version %1 (%2)").arg(s.version()).arg(Text::dateTime(s.created_at())),
                                           s.version());
                    }
                }
            });
        if (r->latest_plan_version() == 0) {
            fill(v1::PlanContent());
            restoreDraft();
            emit youthLoaded();
            return;
        }
        v1::GetPlanRequest plan;
        plan.set_youth_id(youth_id_);
        session_.api().call(this, v1::rpc::PlanService::GetPlan, plan, [this](const Result<v1::GetPlanResponse>& p) {
            if (!p.ok()) {
                status_->setText(Text::error(p.error()));
                return;
            }
            base_ = p->plan();
            fill(base_.content());
            restoreDraft();
            emit youthLoaded();
        });
    });
}

QString PlanEditor::draftSlot() const { return QStringLiteral("plan/%1").arg(youth_id_); }

bool PlanEditor::hasUnsentText() const {
    return youth_id_ != 0 &&
           (!PlanFormat::diff(base_.content(), content()).empty() || !change_note_->text().trimmed().isEmpty());
}

void PlanEditor::keepDraft() {
    keep_timer_->stop();
    DraftStore* drafts = session_.drafts();
    if (!drafts || youth_id_ == 0) return;
    if (!hasUnsentText()) {
        drafts->remove(draftSlot());
        return;
    }
    QJsonObject meta;
    meta[QStringLiteral("base_version")] = base_.version();
    QJsonObject o;
    o[QStringLiteral("plan")] =
        QString::fromLatin1(QByteArray::fromStdString(content().SerializeAsString()).toBase64());
    o[QStringLiteral("change_note")] = change_note_->text();
    o[QStringLiteral("meta")] = meta;
    drafts->put(
        {draftSlot(),
         std::string(),
         o,
         tr("Plan changes — %1").arg(Text::youthName(youth_.youth().given_name(), youth_.youth().family_name())),
         {}});
}

void PlanEditor::restoreDraft() {
    DraftStore* drafts = session_.drafts();
    if (!drafts) return;
    auto kept = drafts->get(draftSlot());
    if (!kept) return;
    v1::PlanContent content;
    const QByteArray bytes = QByteArray::fromBase64(kept->fields.value(QStringLiteral("plan")).toString().toLatin1());
    if (!content.ParseFromArray(bytes.constData(), int(bytes.size()))) return;
    fill(content);
    change_note_->setText(kept->fields.value(QStringLiteral("change_note")).toString());
    const int based_on =
        kept->fields.value(QStringLiteral("meta")).toObject().value(QStringLiteral("base_version")).toInt();
    status_->setText(based_on == base_.version()
                         ? tr("Changes that were not saved yet are back. Check them and save.")
                         : tr("Changes that were not saved yet are back; they were made on version %1, and version %2 "
                              "is the newest now: compare before saving.")
                               .arg(based_on)
                               .arg(base_.version()));
}

void PlanEditor::fill(const v1::PlanContent& c) {
    const QScopedValueRollback<bool> filling(filling_, true);
    const v1::SignalPhase* phases[] = {&c.green(), &c.orange(), &c.red()};
    for (int p = 0; p < 3; ++p) {
        fields_[QLatin1String(kPhaseFields[p * 3])]->setPlainText(Q(phases[p]->signs()));
        fields_[QLatin1String(kPhaseFields[p * 3 + 1])]->setPlainText(Q(phases[p]->what_i_do()));
        fields_[QLatin1String(kPhaseFields[p * 3 + 2])]->setPlainText(Q(phases[p]->what_others_do()));
    }
    fields_[QStringLiteral("warning_signs")]->setPlainText(Join(c.warning_signs()));
    fields_[QStringLiteral("own_coping")]->setPlainText(Join(c.own_coping()));
    fields_[QStringLiteral("distracting_people")]->setPlainText(PlanFormat::contactsText(c.distracting_people()));
    fields_[QStringLiteral("distracting_places")]->setPlainText(Join(c.distracting_places()));
    fields_[QStringLiteral("people_who_can_help")]->setPlainText(PlanFormat::contactsText(c.people_who_can_help()));
    fields_[QStringLiteral("professionals")]->setPlainText(PlanFormat::contactsText(c.professionals()));
    fields_[QStringLiteral("making_environment_safe")]->setPlainText(Join(c.making_environment_safe()));
    fields_[QStringLiteral("crisis_workers_do")]->setPlainText(Join(c.crisis_workers_do()));
    fields_[QStringLiteral("crisis_workers_avoid")]->setPlainText(Join(c.crisis_workers_avoid()));
    fields_[QStringLiteral("agreements")]->setPlainText(Join(c.agreements()));
    showLiveDiff();
}

v1::PlanContent PlanEditor::content() const {
    v1::PlanContent c;
    v1::SignalPhase* phases[] = {c.mutable_green(), c.mutable_orange(), c.mutable_red()};
    auto text = [this](const char* name) { return fields_.at(QLatin1String(name))->toPlainText().trimmed(); };
    for (int p = 0; p < 3; ++p) {
        phases[p]->set_signs(S(text(kPhaseFields[p * 3])));
        phases[p]->set_what_i_do(S(text(kPhaseFields[p * 3 + 1])));
        phases[p]->set_what_others_do(S(text(kPhaseFields[p * 3 + 2])));
    }
    Split(text("warning_signs"), c.mutable_warning_signs());
    Split(text("own_coping"), c.mutable_own_coping());
    for (auto& h : PlanFormat::parseContacts(text("distracting_people"))) *c.add_distracting_people() = h;
    Split(text("distracting_places"), c.mutable_distracting_places());
    for (auto& h : PlanFormat::parseContacts(text("people_who_can_help"))) *c.add_people_who_can_help() = h;
    for (auto& h : PlanFormat::parseContacts(text("professionals"))) *c.add_professionals() = h;
    Split(text("making_environment_safe"), c.mutable_making_environment_safe());
    Split(text("crisis_workers_do"), c.mutable_crisis_workers_do());
    Split(text("crisis_workers_avoid"), c.mutable_crisis_workers_avoid());
    Split(text("agreements"), c.mutable_agreements());
    return c;
}

void PlanEditor::showLiveDiff() {
    diff_->setHtml(QStringLiteral("<p>") +
                   (base_.version() == 0 ? tr("A first version.") : tr("Against version %1:").arg(base_.version())) +
                   QStringLiteral("</p>") + PlanFormat::diffHtml(PlanFormat::diff(base_.content(), content())));
    emit diffShown();
}

void PlanEditor::showVersionDiff(int version) {
    // Version N against N-1 (or against nothing for the first).
    auto fetch = [this](int v, const std::function<void(const v1::PlanContent&)>& then) {
        if (v <= 0) {
            then(v1::PlanContent());
            return;
        }
        v1::GetPlanRequest req;
        req.set_youth_id(youth_id_);
        req.set_version(v);
        session_.api().call(this, v1::rpc::PlanService::GetPlan, req, [then](const Result<v1::GetPlanResponse>& r) {
            if (r.ok()) then(r->plan().content());
        });
    };
    fetch(version, [this, version, fetch](const v1::PlanContent& now) {
        fetch(version - 1, [this, version, now](const v1::PlanContent& before) {
            diff_->setHtml(QStringLiteral("<p>") + tr("Version %1 against version %2:").arg(version).arg(version - 1) +
                           QStringLiteral("</p>") + PlanFormat::diffHtml(PlanFormat::diff(before, now)));
            emit diffShown();
        });
    });
}

void PlanEditor::savePlan() {
    if (youth_id_ == 0) return;
    v1::AddPlanVersionRequest req;
    req.set_youth_id(youth_id_);
    *req.mutable_content() = content();
    req.set_change_note(S(change_note_->text().trimmed()));
    req.set_based_on_version(base_.version());
    req.set_idempotency_key(NewIdempotencyKey());
    save_->setEnabled(false);
    session_.api().call(
        this, v1::rpc::PlanService::AddPlanVersion, req, [this](const Result<v1::AddPlanVersionResponse>& r) {
            save_->setEnabled(true);
            if (!r.ok()) {
                status_->setText(Text::error(r.error()));
                return;
            }
            v1::PlanContent before = base_.content();
            int before_version = base_.version();
            base_ = r->plan();
            change_note_->clear();
            if (session_.drafts()) session_.drafts()->remove(draftSlot());  // saved: nothing left to keep
            status_->setText(tr("Saved as version %1.").arg(base_.version()));
            versions_->addItem(tr("version %1 (%2)").arg(base_.version()).arg(Text::dateTime(base_.created_at())),
                               base_.version());
            diff_->setHtml(QStringLiteral("<p>") +
                           tr("Version %1 against version %2:").arg(base_.version()).arg(before_version) +
                           QStringLiteral("</p>") + PlanFormat::diffHtml(PlanFormat::diff(before, base_.content())));
            emit planSaved(base_.version());
            emit diffShown();
        });
}

void PlanEditor::savePreRegistration() {
    if (youth_id_ == 0) return;
    v1::PreRegistrationFields f;
    f.set_organisation(S(organisation_->text().trimmed()));
    f.set_professional(S(professional_->text().trimmed()));
    f.set_professional_phone(S(professional_phone_->text().trimmed()));
    f.set_ongoing_care(S(ongoing_care_->text().trimmed()));
    f.set_ongoing_care_contact(S(ongoing_care_contact_->text().trimmed()));
    f.set_legal_measure(v1::LegalMeasure(legal_measure_->currentData().toInt()));
    auto done = [this](const Error* e) {
        status_->setText(e ? Text::error(*e) : tr("Pre-registration saved."));
        if (!e) loadYouth(youth_id_);
    };
    if (youth_.pre_registration().id() != 0 && !youth_.pre_registration().has_ended_at()) {
        v1::UpdatePreRegistrationRequest req;
        req.set_pre_registration_id(youth_.pre_registration().id());
        *req.mutable_fields() = f;
        session_.api().call(
            this, v1::rpc::YouthService::UpdatePreRegistration, req,
            [done](const Result<v1::UpdatePreRegistrationResponse>& r) { done(r.ok() ? nullptr : &r.error()); });
    } else {
        v1::CreatePreRegistrationRequest req;
        req.set_youth_id(youth_id_);
        *req.mutable_fields() = f;
        req.set_idempotency_key(NewIdempotencyKey());
        session_.api().call(
            this, v1::rpc::YouthService::CreatePreRegistration, req,
            [done](const Result<v1::CreatePreRegistrationResponse>& r) { done(r.ok() ? nullptr : &r.error()); });
    }
}

}  // namespace spoed::desk
