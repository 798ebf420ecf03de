#include "client/desk/lookup_panel.hpp"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "base/search_query.hpp"
#include "client/desk/break_glass_dialog.hpp"
#include "client/desk/escape_guard.hpp"
#include "client/desk/offline_copy.hpp"
#include "client/desk/phone_format.hpp"
#include "client/desk/plan_format.hpp"
#include "client/desk/session.hpp"
#include "client/desk/text.hpp"
#include "spoed/v1/case.pb.h"

namespace spoed::desk {
namespace {

/// A calling number and nothing else, as the server's own query parser reads it (the same code):
/// then LookupCaller also finds earlier cases from that number.
bool LooksLikePhone(const QString& text) {
    auto query = ParseSearchQuery(S(text));
    return query.ok() && query->phone && !query->date && query->name_terms.empty();
}

QString HitText(const v1::YouthHit& h) {
    QString s = Text::youthName(h.given_name(), h.family_name()) + QStringLiteral(" · ") +
                Text::birth(h.date_of_birth(), h.date_of_birth_estimated()) + QStringLiteral(" · ") +
                Q(h.municipality());
    if (h.pre_registered()) s += QStringLiteral(" · ") + LookupPanel::tr("pre-registered");
    if (h.cases_last_90_days() > 0)
        s += QStringLiteral(" · ") + LookupPanel::tr("%n case(s) in 90 days", "", h.cases_last_90_days());
    return s;
}

/// The youth at the top of the look-up: name, age, municipality, phones (links that copy the
/// number) and the network.
QString YouthHeader(const v1::Youth& y) {
    auto phone_link = [](const std::string& number) { return PhoneCopyLink(Q(number)); };
    QStringList phones;
    for (const auto& p : y.phones()) phones << phone_link(p.number());
    QStringList network;
    for (const auto& c : y.contacts()) {
        network << QStringLiteral("%1 (%2) ").arg(Q(c.name()).toHtmlEscaped(), Q(c.relation()).toHtmlEscaped()) +
                       phone_link(c.phone());
    }
    const QString born = y.date_of_birth_estimated() ? LookupPanel::tr("about %n years (date of birth not known)", "",
                                                                       Text::ageOn(y.date_of_birth()))
                                                     : LookupPanel::tr("%1 years, born %2")
                                                           .arg(Text::ageOn(y.date_of_birth()))
                                                           .arg(Text::date(y.date_of_birth()));
    return QStringLiteral("<h3>%1</h3>").arg(Text::youthName(y.given_name(), y.family_name()).toHtmlEscaped()) +
           LookupPanel::tr("%1, %2. Phone: %3<br>Network: %4")
               .arg(born, Q(y.municipality()).toHtmlEscaped(), phones.join(QStringLiteral(", ")),
                    network.join(QStringLiteral("; ")));
}

/// Which consents are valid, each scope ticked or crossed.
QString ConsentLine(const google::protobuf::RepeatedPtrField<v1::Consent>& consents) {
    QStringList parts;
    for (int s = v1::CONSENT_SCOPE_PRE_REGISTRATION; s <= v1::CONSENT_SCOPE_SHARE_PLAN; ++s) {
        bool valid = false;
        for (const auto& c : consents) valid = valid || (c.scope() == s && c.valid_now());
        parts << QStringLiteral("<span style='color:%1'>%2 %3</span>")
                     .arg(valid ? QStringLiteral("#1b5e20") : QStringLiteral("#9e9e9e"),
                          valid ? QStringLiteral("✔") : QStringLiteral("✘"), Text::consentScope(v1::ConsentScope(s)));
    }
    return LookupPanel::tr("Consent: %1").arg(parts.join(QStringLiteral(" &nbsp; ")));
}

v1::YouthHit HitOf(const v1::OfflineYouth& o) {
    v1::YouthHit h;
    const auto& y = o.youth();
    h.set_youth_id(y.id());
    h.set_given_name(y.given_name());
    h.set_family_name(y.family_name());
    *h.mutable_date_of_birth() = y.date_of_birth();
    h.set_date_of_birth_estimated(y.date_of_birth_estimated());
    h.set_municipality(y.municipality());
    h.set_pre_registered(true);
    return h;
}

}  // namespace

LookupPanel::LookupPanel(Session& session, QWidget* parent) : QWidget(parent), session_(session) {
    setObjectName(QStringLiteral("lookupPanel"));
    search_ = new QLineEdit(this);
    search_->setPlaceholderText(tr("Name, phone number or date of birth"));
    search_->setClearButtonEnabled(true);
    QFont big = search_->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    search_->setFont(big);
    results_ = new QListWidget(this);
    results_->setWordWrap(true);
    header_ = new QLabel(this);
    header_->setTextFormat(Qt::RichText);
    header_->setWordWrap(true);
    consent_ = new QLabel(this);
    consent_->setTextFormat(Qt::RichText);
    consent_->setWordWrap(true);
    plan_ = new QTextBrowser(this);
    plan_->setObjectName(QStringLiteral("planView"));
    cases_ = new QTreeWidget(this);
    cases_->setHeaderLabels({tr("Case"), tr("Opened"), tr("Status"), tr("Outcome")});
    cases_->setRootIsDecorated(false);
    cases_->setMaximumHeight(140);
    open_case_ = new QPushButton(tr("&Open a new case"), this);
    open_case_->setVisible(session_.may(v1::rpc::CaseService::OpenCase));
    break_glass_ = new QPushButton(tr("&Break the glass…"), this);
    break_glass_->setVisible(false);
    unknown_caller_ = new QPushButton(tr("Case for an &unknown caller…"), this);
    unknown_caller_->setObjectName(QStringLiteral("unknownCallerButton"));
    unknown_caller_->setToolTip(
        tr("Nobody known: open a case for this caller now; the youth can be registered "
           "or linked during or after the call. Enter in the look-up does the same."));
    unknown_caller_->setVisible(false);
    // Phone numbers in the header are links: one click copies the number.
    CopyPhoneLinks(header_);

    auto* left = new QWidget(this);
    auto* ll = new QVBoxLayout(left);
    ll->setContentsMargins(0, 0, 0, 0);
    auto* find_label = new QLabel(tr("&Find"), left);
    find_label->setBuddy(search_);
    ll->addWidget(find_label);
    ll->addWidget(search_);
    ll->addWidget(results_, 1);
    ll->addWidget(unknown_caller_);
    auto* right = new QWidget(this);
    auto* rl = new QVBoxLayout(right);
    rl->setContentsMargins(0, 0, 0, 0);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(header_, 1);
    buttons->addWidget(open_case_);
    buttons->addWidget(break_glass_);
    rl->addLayout(buttons);
    rl->addWidget(consent_);
    rl->addWidget(plan_, 1);
    rl->addWidget(new QLabel(tr("Earlier cases"), right));
    rl->addWidget(cases_);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(search_, &QLineEdit::textEdited, this, &LookupPanel::textEdited);
    connect(search_, &QLineEdit::returnPressed, this, [this] {
        for (int i = 0; i < results_->count(); ++i) {
            if (results_->item(i)->data(Qt::UserRole).toLongLong() != 0) {
                results_->setCurrentRow(i);
                results_->setFocus();
                return;
            }
        }
        if (unknown_caller_->isVisible()) openUnknownCallerCase();
    });
    connect(results_, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { showYouth(item->data(Qt::UserRole).toLongLong()); });
    connect(results_, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (item && item->data(Qt::UserRole).toLongLong() != youth_id_)
            showYouth(item->data(Qt::UserRole).toLongLong());
    });
    connect(cases_, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem* item) { emit openCase(item->data(0, Qt::UserRole).toLongLong()); });
    connect(open_case_, &QPushButton::clicked, this, &LookupPanel::openNewCase);
    connect(break_glass_, &QPushButton::clicked, this, &LookupPanel::breakGlass);
    connect(unknown_caller_, &QPushButton::clicked, this, &LookupPanel::openUnknownCallerCase);
    open_case_->setEnabled(false);
    setFocusProxy(search_);
}

void LookupPanel::textEdited() {
    constexpr qint64 kNewCallAfterMs = 10 * 60 * 1000;
    if (!call_started_.isValid() || search_->text().isEmpty() || !since_key_.isValid() ||
        since_key_.elapsed() > kNewCallAfterMs) {
        call_started_ = QDateTime::currentDateTime();
    }
    ++typed_;
    since_key_.start();
    // Until the answer to this text shows that the youth on screen still matches it, no case
    // can be opened for them: a new number may be another child's.
    open_case_->setEnabled(false);
    unknown_caller_->setVisible(false);
    if (in_flight_ == 0) startSearch();
    // Otherwise the answer on its way starts the newest search when it arrives.
}

void LookupPanel::startSearch() {
    const QString text = search_->text().trimmed();
    const std::uint64_t edit = typed_;
    if (text.size() < 2) {
        results_->clear();
        in_flight_ = 0;
        shown_ = edit;
        clearYouth();
        return;
    }
    in_flight_ = edit;
    auto done = [this, edit](const QList<QListWidgetItem*>& items) {
        in_flight_ = 0;
        if (edit != typed_) {  // typed on meanwhile: this answer is already old
            for (auto* i : items) delete i;
            startSearch();
            return;
        }
        results_->clear();
        bool still_matches = false;
        bool anyone = false;
        for (auto* i : items) {
            results_->addItem(i);
            const auto id = i->data(Qt::UserRole).toLongLong();
            anyone = anyone || id != 0;
            still_matches = still_matches || (id != 0 && id == youth_id_);
        }
        if (still_matches) {
            open_case_->setEnabled(true);
        } else {
            clearYouth();
        }
        unknown_caller_->setVisible(!anyone && session_.may(v1::rpc::CaseService::OpenCase));
        shown_ = edit;
        last_latency_ms_ = double(since_key_.nsecsElapsed()) / 1e6;
        emit resultsShown(last_latency_ms_);
    };
    auto item = [](const v1::YouthHit& h) {
        auto* i = new QListWidgetItem(HitText(h));
        i->setData(Qt::UserRole, qlonglong(h.youth_id()));
        return i;
    };
    // The server cannot be reached: the same look-up over the offline copy, written down to be
    // recorded in the audit log later. False when there is no copy.
    auto offline = [this, text, done, item] {
        OfflineCopy* copy = session_.offline();
        if (!copy || !copy->present()) return false;
        const auto found = copy->search(text);
        QList<QListWidgetItem*> items;
        if (!found.error.isEmpty()) items << new QListWidgetItem(found.error);
        for (const auto* y : found.youths) items << item(HitOf(*y));
        if (items.isEmpty()) items << new QListWidgetItem(tr("No one found in the offline copy"));
        done(items);
        copy->noteLookup(found);
        return true;
    };
    const bool phone = LooksLikePhone(text);
    caller_phone_ = phone ? text : QString();
    if (session_.unreachable() && offline()) return;
    if (phone) {
        v1::LookupCallerRequest req;
        req.set_phone(S(text));
        session_.api().call(
            this, v1::rpc::YouthService::LookupCaller, req,
            [done, item, offline](const Result<v1::LookupCallerResponse>& r) {
                if (!r.ok() && IsUnreachable(r.error()) && offline()) return;
                QList<QListWidgetItem*> items;
                if (r.ok()) {
                    for (const auto& h : r->youths()) items << item(h);
                    if (r->youths().empty() && !r->cases().empty()) {
                        items << new QListWidgetItem(
                            tr("Unknown youth; %n earlier case(s) from this number", "", r->cases_size()));
                    }
                    if (items.isEmpty()) items << new QListWidgetItem(tr("No one known with this number"));
                } else {
                    items << new QListWidgetItem(Text::error(r.error()));
                }
                done(items);
            },
            Api::Lane::kSearch);
        return;
    }
    v1::SearchYouthsRequest req;
    req.set_query(S(text));
    req.set_page_size(20);
    session_.api().call(
        this, v1::rpc::YouthService::SearchYouths, req,
        [done, item, offline](const Result<v1::SearchYouthsResponse>& r) {
            if (!r.ok() && IsUnreachable(r.error()) && offline()) return;
            QList<QListWidgetItem*> items;
            if (r.ok()) {
                for (const auto& h : r->hits()) items << item(h);
                if (items.isEmpty()) items << new QListWidgetItem(tr("No one found"));
            } else {
                // Half a date or a single letter is not an error worth shouting about.
                items << new QListWidgetItem(Text::error(r.error()));
            }
            done(items);
        },
        Api::Lane::kSearch);
}

void LookupPanel::clearYouth() {
    if (youth_id_ == 0 && header_->text().isEmpty()) return;
    youth_id_ = 0;
    offline_youth_ = false;
    plan_version_ = 0;
    open_key_.clear();
    youth_cases_.clear();
    header_->clear();
    consent_->clear();
    plan_->clear();
    cases_->clear();
    break_glass_->setVisible(false);
    open_case_->setEnabled(false);
}

void LookupPanel::showYouth(std::int64_t youth_id) {
    if (youth_id == 0) return;
    if (youth_id != youth_id_) open_key_.clear();
    youth_id_ = youth_id;
    plan_version_ = 0;
    plan_->clear();
    consent_->clear();
    cases_->clear();
    youth_cases_.clear();
    break_glass_->setVisible(false);
    open_case_->setEnabled(true);
    offline_youth_ = false;
    if (session_.unreachable() && showOfflineYouth(youth_id)) return;
    v1::GetYouthRequest req;
    req.set_youth_id(youth_id);
    session_.api().call(
        this, v1::rpc::YouthService::GetYouth, req, [this, youth_id](const Result<v1::GetYouthResponse>& r) {
            if (youth_id != youth_id_ || offline_youth_) return;
            if (!r.ok()) {
                if (IsUnreachable(r.error()) && showOfflineYouth(youth_id)) return;
                header_->setText(Text::error(r.error()).toHtmlEscaped());
                return;
            }
            const auto& y = r->youth();
            session_.names().remember(youth_id, Text::youthName(y.given_name(), y.family_name()),
                                      Text::ageOn(y.date_of_birth()), y.date_of_birth_estimated());
            header_->setText(YouthHeader(y));
            emit youthShown(youth_id);
            if (r->latest_plan_version() == 0) {
                // No plan to open, with or without consent: no break-the-glass for nothing.
                plan_->setHtml(
                    QStringLiteral("<p><i>%1</i></p>").arg(tr("There is no plan for this youth.").toHtmlEscaped()));
                emit planShown();
                return;
            }
            loadPlan();
        });
    v1::ListConsentsRequest consents;
    consents.set_youth_id(youth_id);
    session_.api().call(this, v1::rpc::YouthService::ListConsents, consents,
                        [this, youth_id](const Result<v1::ListConsentsResponse>& r) {
                            if (youth_id != youth_id_ || offline_youth_) return;
                            if (!r.ok()) {
                                consent_->setText(Text::error(r.error()).toHtmlEscaped());
                                return;
                            }
                            consent_->setText(ConsentLine(r->consents()));
                        });
    v1::ListCasesRequest cases;
    cases.set_youth_id(youth_id);
    session_.api().call(
        this, v1::rpc::CaseService::ListCases, cases, [this, youth_id](const Result<v1::ListCasesResponse>& r) {
            if (youth_id != youth_id_ || !r.ok() || offline_youth_) return;
            cases_->clear();
            youth_cases_.assign(r->cases().begin(), r->cases().end());
            for (const auto& c : r->cases()) {
                auto* item = new QTreeWidgetItem(cases_, {QString::number(c.id()), Text::dateTime(c.opened_at()),
                                                          Text::caseStatus(c.status()), Text::outcome(c.outcome())});
                item->setData(0, Qt::UserRole, qlonglong(c.id()));
            }
        });
}

bool LookupPanel::showOfflineYouth(std::int64_t youth_id) {
    OfflineCopy* copy = session_.offline();
    const v1::OfflineYouth* o = copy ? copy->youth(youth_id) : nullptr;
    if (!o) return false;
    offline_youth_ = true;
    const auto& y = o->youth();
    session_.names().remember(youth_id, Text::youthName(y.given_name(), y.family_name()),
                              Text::ageOn(y.date_of_birth()), y.date_of_birth_estimated());
    header_->setText(YouthHeader(y));
    consent_->setText(ConsentLine(o->consents()));
    plan_version_ = o->plan().version();
    plan_->setHtml(PlanFormat::offlineHtml(*o, copy->syncedAt()));
    cases_->clear();
    open_case_->setEnabled(session_.may(v1::rpc::CaseService::OpenCase));
    copy->noteYouth(youth_id);
    copy->notePlan(*o);
    emit youthShown(youth_id);
    emit planShown();
    return true;
}

void LookupPanel::loadPlan() {
    v1::GetPlanRequest req;
    req.set_youth_id(youth_id_);
    const std::int64_t youth_id = youth_id_;
    session_.api().call(
        this, v1::rpc::PlanService::GetPlan, req, [this, youth_id](const Result<v1::GetPlanResponse>& r) {
            if (youth_id != youth_id_) return;
            if (!r.ok()) {
                bool no_consent =
                    r.error().code == ErrorCode::kPermissionDenied || r.error().code == ErrorCode::kFailedPrecondition;
                bool no_plan = r.error().code == ErrorCode::kNotFound;
                plan_->setHtml(QStringLiteral("<p><i>%1</i></p>")
                                   .arg((no_plan ? tr("There is no plan for this youth.") : Text::error(r.error()))
                                            .toHtmlEscaped()));
                break_glass_->setVisible(no_consent);
                emit planShown();
                return;
            }
            plan_version_ = r->plan().version();
            QString access;
            if (r->access() == "break_the_glass") {
                access = QStringLiteral("<p style='background:#fff3cd; padding:4px'><b>") +
                         tr("Opened by breaking the glass, until %1. This use is reviewed by a coordinator.")
                             .arg(Text::dateTime(r->break_glass_until())) +
                         QStringLiteral("</b></p>");
            }
            plan_->setHtml(access + PlanFormat::html(r->plan()));
            emit planShown();
        });
}

void LookupPanel::breakGlass() {
    BreakGlassDialog dialog(session_, youth_id_, this);
    if (dialog.exec() == QDialog::Accepted) loadPlan();
}

void LookupPanel::openNewCase() {
    if (youth_id_ == 0 || !open_case_->isEnabled()) return;
    if (session_.unreachable()) {
        // No case can be opened now (also for a youth shown before the server went away).
        writeCallDown(youth_id_, callStart(), QString());
        return;
    }
    for (const auto& c : youth_cases_) {
        if (c.status() != v1::CASE_STATUS_OPEN) continue;
        // One crisis, one case: a second open case for the same youth splits the story.
        const QString by = session_.userName(c.opened_by());
        QMessageBox ask(QMessageBox::Question, tr("This youth has an open case"),
                        (by.isEmpty() ? tr("%1 has an open case, opened %2.")
                                            .arg(session_.names().name(youth_id_), Text::dateTime(c.opened_at()))
                                      : tr("%1 has an open case, opened %2 by %3.")
                                            .arg(session_.names().name(youth_id_), Text::dateTime(c.opened_at()), by)) +
                            QLatin1Char(' ') + tr("Continue that case, or open a second one?"),
                        QMessageBox::NoButton, this);
        ask.setObjectName(QStringLiteral("duplicateCaseQuestion"));
        auto* keep = ask.addButton(tr("&Continue the open case"), QMessageBox::AcceptRole);
        auto* second = ask.addButton(tr("Open a &second case"), QMessageBox::DestructiveRole);
        ask.addButton(QMessageBox::Cancel);
        ask.setDefaultButton(keep);
        ask.exec();
        if (ask.clickedButton() == keep) {
            emit openCase(c.id());
            return;
        }
        if (ask.clickedButton() != second) return;
        break;
    }
    createCase(youth_id_, QString());
}

void LookupPanel::openUnknownCallerCase() {
    if (!session_.may(v1::rpc::CaseService::OpenCase)) return;
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("unknownCallerDialog"));
    dialog.setWindowTitle(tr("Case for an unknown caller"));
    auto* role = new QComboBox(&dialog);
    role->setObjectName(QStringLiteral("callerRole"));
    for (auto r : {v1::CALLER_ROLE_PARENT, v1::CALLER_ROLE_YOUTH, v1::CALLER_ROLE_PROFESSIONAL, v1::CALLER_ROLE_POLICE,
                   v1::CALLER_ROLE_GP, v1::CALLER_ROLE_OTHER}) {
        role->addItem(Text::callerRole(r), int(r));
    }
    auto* number = new QLineEdit(caller_phone_.isEmpty() ? QString() : DutchPhone(caller_phone_), &dialog);
    number->setObjectName(QStringLiteral("callerNumber"));
    auto* description = new QLineEdit(&dialog);
    description->setObjectName(QStringLiteral("callerDescription"));
    description->setPlaceholderText(tr("e.g. father of a boy of about 14, Veendam"));
    description->setMaxLength(500);
    auto* message = new QLabel(&dialog);
    message->setStyleSheet(QStringLiteral("color:#b71c1c"));
    auto* form = new QFormLayout;
    form->addRow(tr("&Who is calling"), role);
    form->addRow(tr("&Number"), number);
    form->addRow(tr("&Short description"), description);
    auto* buttons = new QDialogButtonBox(&dialog);
    auto* open = buttons->addButton(tr("&Open the case"), QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    open->setDefault(true);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(new QLabel(tr("Nobody is known with this number or name. The case opens without a youth; "
                                    "register or link the youth during or after the call."),
                                 &dialog));
    layout->addLayout(form);
    layout->addWidget(message);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(open, &QPushButton::clicked, &dialog, [&] {
        if (description->text().trimmed().isEmpty()) {
            message->setText(tr("Describe the caller in a few words: who calls, about whom."));
            description->setFocus();
            return;
        }
        dialog.accept();
    });
    description->setFocus();
    KeepTypedTextOnEscape(&dialog);
    if (dialog.exec() != QDialog::Accepted) return;
    caller_role_ = v1::CallerRole(role->currentData().toInt());
    caller_phone_ = number->text().trimmed();
    if (session_.unreachable()) {  // no case can be opened now
        writeCallDown(0, callStart(), description->text().trimmed());
        return;
    }
    createCase(0, description->text().trimmed());
}

QDateTime LookupPanel::callStart() const {
    const QDateTime now = QDateTime::currentDateTime();
    return std::min(call_started_.isValid() ? call_started_ : now, now);
}

void LookupPanel::writeCallDown(std::int64_t youth_id, const QDateTime& started, const QString& caller_description) {
    opened_call_started_ = started;
    call_started_ = QDateTime();  // the next key is the next call's
    // A caller nobody knows has no youth to name the call's draft by: it gets an id of its own.
    emit offlineCall({.youth_id = youth_id,
                      .call_started = started,
                      .caller_description = caller_description,
                      .call_id = youth_id == 0 ? Q(NewIdempotencyKey()) : QString()});
}

void LookupPanel::createCase(std::int64_t youth_id, const QString& caller_description) {
    v1::OpenCaseRequest req;
    req.set_youth_id(youth_id);
    req.set_caller_description(S(caller_description));
    if (youth_id != 0) caller_role_ = v1::CALLER_ROLE_UNSPECIFIED;
    // One key per youth until the case exists, so a retry after a failure opens it once.
    if (open_key_.empty()) open_key_ = NewIdempotencyKey();
    req.set_idempotency_key(open_key_);
    // The case begins when the call did, not when the worker got to the button.
    const QDateTime started = callStart();
    *req.mutable_opened_at() = ToTimestamp(started);
    open_case_->setEnabled(false);
    unknown_caller_->setEnabled(false);
    session_.api().call(
        this, v1::rpc::CaseService::OpenCase, req,
        [this, youth_id, started, caller_description](const Result<v1::OpenCaseResponse>& r) {
            unknown_caller_->setEnabled(true);
            open_case_->setEnabled(youth_id != 0 && youth_id == youth_id_);
            if (!r.ok() && r.error().code == ErrorCode::kUnavailable && (youth_id == 0 || youth_id == youth_id_)) {
                // The server went away (the case was not opened: the request did not get
                // through): the call is written down instead, for the youth on screen or the
                // caller nobody knows.
                writeCallDown(youth_id, started, caller_description);
                return;
            }
            if (!r.ok()) {
                header_->setText(header_->text() + QStringLiteral("<br><b style='color:#b71c1c'>") +
                                 Text::error(r.error()).toHtmlEscaped() + QStringLiteral("</b>"));
                return;
            }
            open_key_.clear();
            opened_call_started_ = started;
            call_started_ = QDateTime();  // the next key is the next call's
            session_.names().rememberCase(r->case_().id(), r->case_().youth_id(), Q(r->case_().caller_description()));
            if (youth_id != 0 && youth_id == youth_id_) youth_cases_.insert(youth_cases_.begin(), r->case_());
            emit openCase(r->case_().id());
            emit caseOpened(r->case_().id());  // after the case's tab exists
        });
}

}  // namespace spoed::desk
