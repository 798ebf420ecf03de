#include "client/desk/case_forms.hpp"

#include <google/protobuf/timestamp.pb.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <functional>

#include "client/desk/draft_sender.hpp"
#include "client/desk/session.hpp"
#include "client/desk/text.hpp"
#include "client/desk/youth_names.hpp"

namespace spoed::desk {
namespace {

/// Ctrl+Enter saves the form in focus — also from a multi-line text field, which would take it
/// as a line break.
class CtrlEnterSaves : public QObject {
  public:
    CtrlEnterSaves(QWidget* form, std::function<void()> save) : QObject(form), save_(std::move(save)) {
        for (const auto& seq : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
            auto* sc = new QShortcut(seq, form);
            sc->setContext(Qt::WidgetWithChildrenShortcut);
            QObject::connect(sc, &QShortcut::activated, this, [this] { save_(); });
        }
        for (auto* text : form->findChildren<QPlainTextEdit*>()) text->installEventFilter(this);
    }

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::KeyPress) {
            auto* key = static_cast<QKeyEvent*>(event);
            if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
                (key->modifiers() & Qt::ControlModifier)) {
                save_();
                return true;
            }
        }
        return QObject::eventFilter(watched, event);
    }

  private:
    std::function<void()> save_;
};

}  // namespace

// --- ContactForm --------------------------------------------------------------------------------

ContactForm::ContactForm(Session& session, std::int64_t case_id, QWidget* parent, NewCase new_case)
    : QWidget(parent), session_(session), case_id_(case_id), new_case_(std::move(new_case)) {
    type_ = new QComboBox(this);
    for (auto t : {v1::CONTACT_TYPE_INCOMING_CALL, v1::CONTACT_TYPE_OUTGOING_CALL, v1::CONTACT_TYPE_HOME_VISIT}) {
        type_->addItem(Text::contactType(t), int(t));
    }
    caller_role_ = new QComboBox(this);
    for (auto r : {v1::CALLER_ROLE_PARENT, v1::CALLER_ROLE_YOUTH, v1::CALLER_ROLE_PROFESSIONAL, v1::CALLER_ROLE_POLICE,
                   v1::CALLER_ROLE_GP, v1::CALLER_ROLE_OTHER}) {
        caller_role_->addItem(Text::callerRole(r), int(r));
    }
    phone_ = new QLineEdit(this);
    started_ = new QDateTimeEdit(QDateTime::currentDateTime(), this);
    started_->setDisplayFormat(QStringLiteral("dd-MM-yyyy HH:mm"));
    until_now_ = new QCheckBox(tr("Ended &now"), this);
    until_now_->setChecked(true);
    summary_ = new QPlainTextEdit(this);
    summary_->setTabChangesFocus(true);
    summary_->setPlaceholderText(tr("What happened, what was agreed"));
    summary_->setMinimumHeight(90);
    plan_version_ = new QSpinBox(this);
    plan_version_->setRange(0, 999);
    plan_version_->setSpecialValueText(tr("none"));
    save_ = new QPushButton(tr("&Log contact (Ctrl+Enter)"), this);
    status_ = StatusLabel(this);
    call_button_ = new QPushButton(tr("Start the call (F2)"), this);
    call_button_->setObjectName(QStringLiteral("startCallButton"));
    call_button_->setToolTip(tr("The call's start and end times come from this timer."));
    call_timer_label_ = new QLabel(this);
    call_timer_label_->setObjectName(QStringLiteral("callTimer"));
    call_timer_ = new QTimer(this);
    call_timer_->setInterval(1000);
    connect(call_timer_, &QTimer::timeout, this, &ContactForm::showCallTime);
    connect(call_button_, &QPushButton::clicked, this, &ContactForm::startCall);
    {
        auto* f2 = new QShortcut(QKeySequence(Qt::Key_F2), this);
        f2->setContext(Qt::WidgetWithChildrenShortcut);
        connect(f2, &QShortcut::activated, this, &ContactForm::startCall);
    }
    // Without a started call, the contact begins when its first word is typed — never at the
    // time the previous contact was saved.
    connect(summary_, &QPlainTextEdit::textChanged, this, [this] {
        if (start_from_typing_ && !callRunning() && !summary_->toPlainText().isEmpty()) {
            start_from_typing_ = false;
            started_->setDateTime(QDateTime::currentDateTime());
        }
    });
    connect(started_, &QDateTimeEdit::editingFinished, this, [this] { start_from_typing_ = false; });

    auto* responses = new QGroupBox(tr("Responses"), this);
    auto* grid = new QGridLayout(responses);
    int i = 0;
    for (auto r : {v1::RESPONSE_ADVICE, v1::RESPONSE_AGREEMENTS, v1::RESPONSE_DE_ESCALATING_CONVERSATION,
                   v1::RESPONSE_NETWORK_ENGAGED, v1::RESPONSE_HOME_VISIT, v1::RESPONSE_PSYCHIATRIST_CONSULTED,
                   v1::RESPONSE_VEILIG_THUIS_NOTIFIED}) {
        auto* box = new QCheckBox(Text::response(r), responses);
        responses_[r] = box;
        grid->addWidget(box, i / 2, i % 2);
        ++i;
    }

    auto* form = new QFormLayout;
    auto* call_row = new QHBoxLayout;
    call_row->addWidget(call_button_);
    call_row->addWidget(call_timer_label_, 1);
    form->addRow(call_row);
    form->addRow(tr("&Kind"), type_);
    form->addRow(tr("Ca&ller"), caller_role_);
    form->addRow(tr("Caller's &number"), phone_);
    auto* when = new QHBoxLayout;
    when->addWidget(started_);
    when->addWidget(until_now_);
    // A row of several widgets gets no buddy from QFormLayout: without one the label would
    // show its '&' instead of underlining the letter.
    auto* started_label = new QLabel(tr("&Started"), this);
    started_label->setBuddy(started_);
    form->addRow(started_label, when);
    form->addRow(tr("Su&mmary"), summary_);
    form->addRow(responses);
    form->addRow(tr("Plan &version consulted"), plan_version_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(save_);
    layout->addWidget(status_);
    layout->addStretch();

    // The tab order follows the form from top to bottom, through the check boxes.
    QWidget* order[] = {type_, caller_role_, phone_, started_, until_now_, summary_};
    for (std::size_t k = 0; k + 1 < std::size(order); ++k) setTabOrder(order[k], order[k + 1]);
    QWidget* prev = summary_;
    for (auto& [r, box] : responses_) {
        setTabOrder(prev, box);
        prev = box;
    }
    setTabOrder(prev, plan_version_);
    setTabOrder(plan_version_, save_);

    draft_ = new DraftSender(
        session_.api(), [this](const std::string& key) { send(key); }, this);
    connect(draft_, &DraftSender::status, this, [this](const QString& t, bool e) { ShowStatus(status_, t, e); });
    connect(save_, &QPushButton::clicked, draft_, &DraftSender::submit);
    new CtrlEnterSaves(this, [this] { draft_->submit(); });

    // Kept on disk, sealed, until the server has it: a closed tab or a crash loses nothing.
    draft_->persist(
        session_.drafts(), case_id_ != 0 ? QStringLiteral("contact/%1").arg(case_id_) : new_case_.slot(),
        [this] {
            QJsonObject meta;
            if (case_id_ == 0 && new_case_.youth_id == 0) {
                meta[QStringLiteral("caller_description")] = new_case_.caller_description;
            }
            meta[QStringLiteral("type")] = type_->currentData().toInt();
            meta[QStringLiteral("caller_role")] = caller_role_->currentData().toInt();
            meta[QStringLiteral("phone")] = phone_->text();
            meta[QStringLiteral("started")] = started_->dateTime().toString(Qt::ISODate);
            meta[QStringLiteral("ended_now")] = until_now_->isChecked();
            meta[QStringLiteral("plan_version")] = plan_version_->value();
            QJsonArray ticked;
            for (auto& [r, box] : responses_) {
                if (box->isChecked()) ticked.append(int(r));
            }
            meta[QStringLiteral("responses")] = ticked;
            QJsonObject o;
            o[QStringLiteral("summary")] = summary_->toPlainText();
            o[QStringLiteral("meta")] = meta;
            return o;
        },
        [this](const QJsonObject& o) {
            const QJsonObject meta = o.value(QStringLiteral("meta")).toObject();
            start_from_typing_ = false;
            if (int kind = type_->findData(meta.value(QStringLiteral("type")).toInt()); kind >= 0) {
                type_->setCurrentIndex(kind);
            }
            setCallerRole(v1::CallerRole(meta.value(QStringLiteral("caller_role")).toInt()));
            phone_->setText(meta.value(QStringLiteral("phone")).toString());
            started_->setDateTime(QDateTime::fromString(meta.value(QStringLiteral("started")).toString(), Qt::ISODate));
            until_now_->setChecked(meta.value(QStringLiteral("ended_now")).toBool(true));
            plan_version_->setValue(meta.value(QStringLiteral("plan_version")).toInt());
            for (const auto& r : meta.value(QStringLiteral("responses")).toArray()) {
                if (auto it = responses_.find(v1::Response(r.toInt())); it != responses_.end())
                    it->second->setChecked(true);
            }
            if (meta.contains(QStringLiteral("caller_description"))) {
                new_case_.caller_description = meta.value(QStringLiteral("caller_description")).toString();
            }
            summary_->setPlainText(o.value(QStringLiteral("summary")).toString());
        },
        [this] {
            if (case_id_ != 0) return tr("Contact — %1").arg(session_.names().caseLabel(case_id_));
            return tr("Call without the server — %1").arg(whoCalls());
        });
    connect(summary_, &QPlainTextEdit::textChanged, draft_, &DraftSender::changed);
    connect(phone_, &QLineEdit::textEdited, draft_, &DraftSender::changed);
    connect(started_, &QDateTimeEdit::dateTimeChanged, draft_, &DraftSender::changed);
    for (auto& [r, box] : responses_) connect(box, &QCheckBox::toggled, draft_, &DraftSender::changed);
    // A new case's call is running: it began at the look-up's first key (unless a kept draft
    // came back, which has its own start).
    if (case_id_ == 0 && new_case_.call_started.isValid() && summary_->toPlainText().isEmpty()) {
        startCallAt(new_case_.call_started);
    }
}

QString ContactForm::whoCalls() const {
    return new_case_.youth_id != 0 ? session_.names().name(new_case_.youth_id) : new_case_.caller_description;
}

void ContactForm::setPlanVersion(int version) { plan_version_->setValue(version); }
void ContactForm::setCallerPhone(const QString& phone) {
    if (phone_->text().isEmpty()) phone_->setText(phone);
}
void ContactForm::setCallerRole(v1::CallerRole role) {
    if (int i = caller_role_->findData(int(role)); i >= 0) caller_role_->setCurrentIndex(i);
}

void ContactForm::send(const std::string& key) {
    if (case_id_ != 0) {
        logContact(key);
        return;
    }
    // First the case, from the moment the call began (the contact's start, in whole seconds as
    // the draft keeps it, so that a retry after a restart is the same request); its key is the
    // contact's, marked.
    v1::OpenCaseRequest open;
    open.set_youth_id(new_case_.youth_id);
    open.set_caller_description(S(new_case_.caller_description));
    open.set_idempotency_key(key + "-case");
    QDateTime started = std::min(callRunning() ? call_started_ : started_->dateTime(), QDateTime::currentDateTime());
    started = QDateTime::fromSecsSinceEpoch(started.toSecsSinceEpoch());
    *open.mutable_opened_at() = ToTimestamp(started);
    session_.api().call(this, v1::rpc::CaseService::OpenCase, open, [this, key](const Result<v1::OpenCaseResponse>& r) {
        if (!r.ok()) {
            draft_->finished(&r.error());
            return;
        }
        case_id_ = r->case_().id();
        session_.names().rememberCase(case_id_, r->case_().youth_id(), Q(r->case_().caller_description()));
        emit caseOpened(case_id_);
        logContact(key);
    });
}

void ContactForm::logContact(const std::string& key) {
    v1::LogContactRequest req;
    req.set_case_id(case_id_);
    req.set_type(v1::ContactType(type_->currentData().toInt()));
    req.set_caller_role(v1::CallerRole(caller_role_->currentData().toInt()));
    req.set_caller_phone(S(phone_->text().trimmed()));
    QDateTime now = QDateTime::currentDateTime();
    QDateTime started = std::min(callRunning() ? call_started_ : started_->dateTime(), now);
    *req.mutable_started_at() = ToTimestamp(started);
    if (until_now_->isChecked()) *req.mutable_ended_at() = ToTimestamp(std::max(started, now));
    req.set_summary(S(summary_->toPlainText().trimmed()));
    for (auto& [r, box] : responses_) {
        if (box->isChecked()) req.add_responses(r);
    }
    req.set_plan_version_consulted(plan_version_->value());
    req.set_idempotency_key(key);
    session_.api().call(this, v1::rpc::CaseService::LogContact, req, [this](const Result<v1::LogContactResponse>& r) {
        draft_->finished(r.ok() ? nullptr : &r.error());
        if (r.ok()) {
            clear();
            emit contactLogged(r->contact().id());
        }
    });
}

void ContactForm::clear() {
    call_timer_->stop();
    call_started_ = QDateTime();
    call_timer_label_->clear();
    call_button_->setEnabled(true);
    start_from_typing_ = true;
    summary_->clear();
    for (auto& [r, box] : responses_) box->setChecked(false);
    started_->setDateTime(QDateTime::currentDateTime());
    type_->setFocus();
}

void ContactForm::startCall() { startCallAt(QDateTime::currentDateTime()); }

void ContactForm::startCallAt(const QDateTime& started) {
    if (callRunning()) return;
    call_started_ = std::min(started.isValid() ? started : QDateTime::currentDateTime(), QDateTime::currentDateTime());
    started_->setDateTime(call_started_);
    start_from_typing_ = false;
    until_now_->setChecked(true);
    call_button_->setEnabled(false);
    showCallTime();
    call_timer_->start();
    summary_->setFocus();
}

void ContactForm::showCallTime() {
    const qint64 s = call_started_.secsTo(QDateTime::currentDateTime());
    call_timer_label_->setText(tr("Call running since %1: %2:%3")
                                   .arg(QLocale().toString(call_started_, QStringLiteral("HH:mm")))
                                   .arg(s / 60, 2, 10, QLatin1Char('0'))
                                   .arg(s % 60, 2, 10, QLatin1Char('0')));
}

// --- ConsultRequestForm -------------------------------------------------------------------------

ConsultRequestForm::ConsultRequestForm(Session& session, std::int64_t case_id, QWidget* parent)
    : QWidget(parent), session_(session), case_id_(case_id) {
    question_ = new QPlainTextEdit(this);
    question_->setTabChangesFocus(true);
    question_->setPlaceholderText(tr("Your question for the backup psychiatrist"));
    urgency_ = new QComboBox(this);
    for (auto u : {v1::URGENCY_URGENT, v1::URGENCY_IMMEDIATE, v1::URGENCY_ROUTINE})
        urgency_->addItem(Text::urgency(u), int(u));
    send_ = new QPushButton(tr("As&k the psychiatrist"), this);
    status_ = StatusLabel(this);
    auto* form = new QFormLayout(this);
    form->addRow(tr("&Question"), question_);
    form->addRow(tr("&Urgency"), urgency_);
    form->addRow(send_);
    form->addRow(status_);

    draft_ = new DraftSender(
        session_.api(),
        [this](const std::string& key) {
            v1::RequestConsultRequest req;
            req.set_case_id(case_id_);
            req.set_question(S(question_->toPlainText().trimmed()));
            req.set_urgency(v1::Urgency(urgency_->currentData().toInt()));
            req.set_idempotency_key(key);
            session_.api().call(this, v1::rpc::ConsultService::RequestConsult, req,
                                [this](const Result<v1::RequestConsultResponse>& r) {
                                    draft_->finished(r.ok() ? nullptr : &r.error());
                                    if (r.ok()) {
                                        question_->clear();
                                        emit consultRequested(r->consult().id());
                                    }
                                });
        },
        this);
    connect(draft_, &DraftSender::status, this, [this](const QString& t, bool e) { ShowStatus(status_, t, e); });
    auto ask = [this] {
        // An empty question is never sent: the psychiatrist would be called for nothing.
        if (question_->toPlainText().trimmed().isEmpty()) {
            ShowStatus(status_, tr("Type your question for the psychiatrist first."), true);
            question_->setFocus();
            return;
        }
        draft_->submit();
    };
    connect(send_, &QPushButton::clicked, this, ask);
    new CtrlEnterSaves(this, ask);
    draft_->persist(
        session_.drafts(), QStringLiteral("consult/%1").arg(case_id_),
        [this] {
            QJsonObject meta;
            meta[QStringLiteral("urgency")] = urgency_->currentData().toInt();
            QJsonObject o;
            o[QStringLiteral("question")] = question_->toPlainText();
            o[QStringLiteral("meta")] = meta;
            return o;
        },
        [this](const QJsonObject& o) {
            const int u = o.value(QStringLiteral("meta")).toObject().value(QStringLiteral("urgency")).toInt();
            if (int i = urgency_->findData(u); i >= 0) urgency_->setCurrentIndex(i);
            question_->setPlainText(o.value(QStringLiteral("question")).toString());
        },
        [this] { return tr("Consult question — %1").arg(session_.names().caseLabel(case_id_)); });
    connect(question_, &QPlainTextEdit::textChanged, draft_, &DraftSender::changed);
    connect(urgency_, &QComboBox::currentIndexChanged, draft_, &DraftSender::changed);
}

// --- CaseUpdateForm -----------------------------------------------------------------------------

CaseUpdateForm::CaseUpdateForm(Session& session, std::int64_t case_id, QWidget* parent)
    : QWidget(parent), session_(session), case_id_(case_id) {
    auto* risks = new QGroupBox(tr("Risk flags"), this);
    auto* grid = new QGridLayout(risks);
    int i = 0;
    for (int f = v1::RISK_FLAG_SUICIDALITY; f <= v1::RISK_FLAG_CHILD_ABUSE; ++f) {
        auto* box = new QCheckBox(Text::riskFlag(v1::RiskFlag(f)), risks);
        risks_[v1::RiskFlag(f)] = box;
        grid->addWidget(box, i / 3, i % 3);
        ++i;
    }
    problem_areas_ = new QLineEdit(this);
    problem_areas_->setPlaceholderText(tr("tags for the figures, separated by commas"));
    outcome_ = new QComboBox(this);
    for (int o = v1::OUTCOME_UNSPECIFIED; o <= v1::OUTCOME_ADMISSION; ++o)
        outcome_->addItem(Text::outcome(v1::Outcome(o)), o);
    complexity_ = new QComboBox(this);
    for (int c = v1::COMPLEXITY_UNSPECIFIED; c <= v1::COMPLEXITY_COMPLEX; ++c) {
        complexity_->addItem(Text::complexity(v1::Complexity(c)), c);
    }
    save_ = new QPushButton(tr("Sa&ve case"), this);
    close_ = new QPushButton(tr("Close &case"), this);
    status_ = StatusLabel(this);
    auto* form = new QFormLayout(this);
    form->addRow(risks);
    form->addRow(tr("&Problem areas"), problem_areas_);
    form->addRow(tr("&Outcome of the night"), outcome_);
    form->addRow(tr("Comple&xity"), complexity_);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(save_);
    buttons->addWidget(close_);
    form->addRow(buttons);
    form->addRow(status_);

    connect(save_, &QPushButton::clicked, this, [this] {
        v1::UpdateCaseRequest req;
        req.set_case_id(case_id_);
        req.set_set_risk_flags(true);
        for (auto& [f, box] : risks_) {
            if (box->isChecked()) req.add_risk_flags(f);
        }
        req.set_set_problem_areas(true);
        for (const QString& p : problem_areas_->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (!p.trimmed().isEmpty()) req.add_problem_areas(S(p.trimmed()));
        }
        req.set_outcome(v1::Outcome(outcome_->currentData().toInt()));
        req.set_complexity(v1::Complexity(complexity_->currentData().toInt()));
        session_.api().call(this, v1::rpc::CaseService::UpdateCase, req,
                            [this](const Result<v1::UpdateCaseResponse>& r) {
                                ShowStatus(status_, r.ok() ? tr("Saved.") : Text::error(r.error()), !r.ok());
                                if (r.ok()) emit caseChanged();
                            });
    });
    connect(close_, &QPushButton::clicked, this, [this] {
        v1::CloseCaseRequest req;
        req.set_case_id(case_id_);
        req.set_outcome(v1::Outcome(outcome_->currentData().toInt()));
        session_.api().call(this, v1::rpc::CaseService::CloseCase, req, [this](const Result<v1::CloseCaseResponse>& r) {
            ShowStatus(status_, r.ok() ? tr("Case closed.") : Text::error(r.error()), !r.ok());
            if (r.ok()) emit caseChanged();
        });
    });
}

void CaseUpdateForm::load(const v1::Case& c) {
    for (auto& [f, box] : risks_) box->setChecked(false);
    for (int f : c.risk_flags()) {
        if (auto it = risks_.find(v1::RiskFlag(f)); it != risks_.end()) it->second->setChecked(true);
    }
    QStringList areas;
    for (const auto& a : c.problem_areas()) areas << Q(a);
    problem_areas_->setText(areas.join(QStringLiteral(", ")));
    outcome_->setCurrentIndex(outcome_->findData(int(c.outcome())));
    complexity_->setCurrentIndex(complexity_->findData(int(c.complexity())));
    bool open = c.status() == v1::CASE_STATUS_OPEN;
    save_->setEnabled(open);
    close_->setEnabled(open);
}

// --- HandoverForm -------------------------------------------------------------------------------

HandoverForm::HandoverForm(Session& session, std::int64_t case_id, QWidget* parent)
    : QWidget(parent), session_(session), case_id_(case_id) {
    kind_ = new QComboBox(this);
    for (int k = v1::HANDOVER_KIND_ONGOING_CARE; k <= v1::HANDOVER_KIND_OTHER; ++k) {
        kind_->addItem(Text::handoverKind(v1::HandoverKind(k)), k);
    }
    organisation_ = new QComboBox(this);
    name_ = new QLineEdit(this);
    contact_ = new QLineEdit(this);
    phone_ = new QLineEdit(this);
    legal_ground_ = new QLineEdit(this);
    legal_ground_->setPlaceholderText(tr("only without consent, e.g. the reporting code (meldcode)"));
    due_ = new QLabel(this);
    due_->setWordWrap(true);
    due_->setObjectName(QStringLiteral("handoverDue"));
    start_ = new QPushButton(tr("Start &handover"), this);
    status_ = StatusLabel(this);
    list_ = new QLabel(this);
    list_->setWordWrap(true);
    list_->setTextFormat(Qt::RichText);

    auto* form = new QFormLayout(this);
    form->addRow(tr("&To"), kind_);
    form->addRow(tr("From the &directory"), organisation_);
    form->addRow(tr("Or &name"), name_);
    form->addRow(tr("Contact &person"), contact_);
    form->addRow(tr("P&hone"), phone_);
    form->addRow(tr("&Legal ground"), legal_ground_);
    form->addRow(tr("Due"), due_);
    form->addRow(start_);
    form->addRow(status_);
    form->addRow(list_);

    draft_ = new DraftSender(
        session_.api(),
        [this](const std::string& key) {
            v1::CreateHandoverRequest req;
            req.set_case_id(case_id_);
            req.set_kind(v1::HandoverKind(kind_->currentData().toInt()));
            auto* to = req.mutable_recipient();
            to->set_organisation_id(organisation_->currentData().toLongLong());
            to->set_name(S(name_->text().trimmed()));
            to->set_contact(S(contact_->text().trimmed()));
            to->set_phone(S(phone_->text().trimmed()));
            req.set_legal_ground(S(legal_ground_->text().trimmed()));
            req.set_idempotency_key(key);
            session_.api().call(this, v1::rpc::HandoverService::CreateHandover, req,
                                [this](const Result<v1::CreateHandoverResponse>& r) {
                                    draft_->finished(r.ok() ? nullptr : &r.error());
                                    if (r.ok()) {
                                        name_->clear();
                                        contact_->clear();
                                        phone_->clear();
                                        legal_ground_->clear();
                                        organisation_->setCurrentIndex(0);
                                        emit handoverStarted(r->handover().id());
                                        refresh();
                                    }
                                });
        },
        this);
    connect(draft_, &DraftSender::status, this, [this](const QString& t, bool e) { ShowStatus(status_, t, e); });
    connect(start_, &QPushButton::clicked, draft_, &DraftSender::submit);
    new CtrlEnterSaves(this, [this] { draft_->submit(); });
    // A local team is found by kind; other kinds list every organisation.
    connect(kind_, &QComboBox::currentIndexChanged, this, [this] { loadOrganisations(); });
    loadOrganisations();
}

void HandoverForm::loadOrganisations() {
    v1::ListOrganisationsRequest req;
    if (kind_->currentData().toInt() == v1::HANDOVER_KIND_LOCAL_TEAM) req.set_kind(v1::ORGANISATION_KIND_LOCAL_TEAM);
    session_.api().call(this, v1::rpc::DirectoryService::ListOrganisations, req,
                        [this](const Result<v1::ListOrganisationsResponse>& r) {
                            organisation_->clear();
                            organisation_->addItem(tr("— typed in below —"), qlonglong(0));
                            if (!r.ok()) return;
                            for (const auto& o : r->organisations()) {
                                QString label = Q(o.name());
                                if (!o.municipality().empty())
                                    label += QStringLiteral(" (") + Q(o.municipality()) + QLatin1Char(')');
                                organisation_->addItem(label, qlonglong(o.id()));
                            }
                        });
}

void HandoverForm::refresh() {
    session_.api().call(
        this, v1::rpc::HandoverService::PreviewDue, v1::PreviewDueRequest(),
        [this](const Result<v1::PreviewDueResponse>& r) {
            if (!r.ok()) {
                due_->setText(Text::error(r.error()));
                return;
            }
            due_->setText(tr("%1 (%2)").arg(Text::dateTime(r->due_at()), Text::dueReason(r->skipped_days())));
        });
    v1::ListHandoversRequest list;
    list.set_case_id(case_id_);
    list.set_include_confirmed(true);
    session_.api().call(
        this, v1::rpc::HandoverService::ListHandovers, list, [this](const Result<v1::ListHandoversResponse>& r) {
            if (!r.ok()) return;
            QString html;
            for (const auto& h : r->handovers()) {
                html += QStringLiteral("<li>") +
                        tr("%1 to %2 — due %3 — %4")
                            .arg(Text::handoverKind(h.kind()), Q(h.recipient().name()).toHtmlEscaped(),
                                 Text::dateTime(h.due_at()), Text::handoverStatus(h.status())) +
                        QStringLiteral("</li>");
            }
            list_->setText(html.isEmpty() ? QString()
                                          : QStringLiteral("<b>") + tr("Handovers of this case") +
                                                QStringLiteral("</b><ul>") + html + QStringLiteral("</ul>"));
        });
}

}  // namespace spoed::desk
