#include "client/desk/case_view.hpp"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "client/desk/case_forms.hpp"
#include "client/desk/draft_sender.hpp"
#include "client/desk/meldcode_form.hpp"
#include "client/desk/plan_format.hpp"
#include "client/desk/session.hpp"
#include "client/desk/text.hpp"
#include "client/desk/youth_link_dialog.hpp"
#include "client/desk/youth_names.hpp"
#include "spoed/v1/plan.pb.h"

namespace spoed::desk {

CaseView::CaseView(Session& session, std::int64_t case_id, bool read_only, QWidget* parent)
    : QWidget(parent), session_(session), case_id_(case_id) {
    setObjectName(QStringLiteral("caseView"));
    header_ = new QLabel(this);
    header_->setWordWrap(true);
    header_->setTextFormat(Qt::RichText);
    auto* plan = new QPushButton(tr("Youth and &plan"), this);
    link_youth_ = new QPushButton(tr("&Register or link the youth…"), this);
    link_youth_->setObjectName(QStringLiteral("linkYouthButton"));
    link_youth_->setVisible(false);
    auto* reload = new QPushButton(tr("Refresh (F5)"), this);
    reload->setShortcut(QKeySequence(Qt::Key_F5));
    timeline_ = new QTreeWidget(this);
    timeline_->setHeaderLabels({tr("When"), tr("What"), tr("Details")});
    timeline_->setRootIsDecorated(false);
    timeline_->setWordWrap(true);
    timeline_->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    timeline_->setColumnWidth(0, 120);
    timeline_->setColumnWidth(1, 150);

    auto* top = new QHBoxLayout;
    top->addWidget(header_, 1);
    top->addWidget(link_youth_);
    top->addWidget(plan);
    top->addWidget(reload);
    auto* splitter = new QSplitter(this);
    if (!read_only && session_.canWriteCases()) {
        // The call screen: the plan beside the contact being written, above the timeline.
        plan_ = new QTextBrowser(this);
        plan_->setObjectName(QStringLiteral("casePlan"));
        auto* left = new QSplitter(Qt::Vertical, this);
        left->addWidget(plan_);
        left->addWidget(timeline_);
        left->setStretchFactor(0, 3);
        left->setStretchFactor(1, 2);
        splitter->addWidget(left);
    } else {
        splitter->addWidget(timeline_);
    }
    if (!read_only && session_.canWriteCases()) {
        forms_ = new QTabWidget(this);
        contact_ = new ContactForm(session_, case_id_, forms_);
        consult_ = new ConsultRequestForm(session_, case_id_, forms_);
        update_ = new CaseUpdateForm(session_, case_id_, forms_);
        handover_ = new HandoverForm(session_, case_id_, forms_);
        forms_->addTab(contact_, tr("Log &contact"));
        forms_->addTab(consult_, tr("Consu&lt"));
        forms_->addTab(update_, tr("Case &details"));
        forms_->addTab(handover_, tr("Hand&over"));
        meldcode_ = new MeldcodeForm(session_, case_id_, forms_);
        forms_->addTab(meldcode_, tr("A&buse (Meldcode)"));
        splitter->addWidget(forms_);
        connect(contact_, &ContactForm::contactLogged, this, &CaseView::refresh);
        connect(consult_, &ConsultRequestForm::consultRequested, this, &CaseView::refresh);
        connect(update_, &CaseUpdateForm::caseChanged, this, &CaseView::refresh);
        connect(handover_, &HandoverForm::handoverStarted, this, &CaseView::refresh);
        connect(meldcode_, &MeldcodeForm::trackChanged, this, &CaseView::refresh);
        handover_->refresh();
    }
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);

    plan->setVisible(!read_only);  // read-only beside its own plan tab (the psychiatrist's queue)
    connect(reload, &QPushButton::clicked, this, &CaseView::refresh);
    connect(plan, &QPushButton::clicked, this, [this] {
        if (data_.case_().youth_id() != 0) emit showYouth(data_.case_().youth_id());
    });
    connect(link_youth_, &QPushButton::clicked, this, &CaseView::linkYouth);
    // The header names the youth as soon as the name is known.
    connect(&session_.names(), &YouthNames::caseLabelKnown, this, [this](std::int64_t id, const QString&) {
        if (id == case_id_ && data_.has_case_()) showHeader();
    });
    read_only_ = read_only;
    refresh();
}

void CaseView::refresh() {
    v1::GetCaseRequest req;
    req.set_case_id(case_id_);
    session_.api().call(this, v1::rpc::CaseService::GetCase, req, [this](const Result<v1::GetCaseResponse>& r) {
        if (!r.ok()) {
            header_->setText(Text::error(r.error()).toHtmlEscaped());
            return;
        }
        data_ = *r;
        const auto& c = data_.case_();
        session_.names().rememberCase(c.id(), c.youth_id(), Q(c.caller_description()));
        showHeader();
        if (plan_ && (c.youth_id() != plan_youth_ || c.youth_id() == 0)) loadPlan(c.youth_id());
        timeline_->clear();
        for (const auto& e : data_.timeline()) {
            QString details = Q(e.text());
            if (e.kind() == "updated") {
                QStringList fields;
                for (const auto& key : e.changed()) fields << Text::caseField(key);
                details = fields.join(QStringLiteral(", "));
            } else if (e.kind() == "closed") {
                details = Text::outcome(Text::outcomeOf(e.text()));
            } else if (e.kind() == "meldcode_decided") {
                v1::MeldcodeDecision d = v1::MELDCODE_DECISION_UNSPECIFIED;
                v1::MeldcodeDecision_Parse("MELDCODE_DECISION_" + Q(e.text()).toUpper().toStdString(), &d);
                details = Text::meldcodeDecision(d);
            } else if (e.kind() == "meldcode_transferred") {
                details = Text::meldcodeStanding(data_.meldcode());
            } else if (e.kind() == "contact") {
                for (const auto& k : data_.contacts()) {
                    if (k.id() == e.ref_id())
                        details = Text::contactType(k.type()) + QStringLiteral(": ") + Q(k.summary());
                }
            } else if (e.kind() == "consult_requested" || e.kind() == "consult_answered") {
                for (const auto& k : data_.consults()) {
                    if (k.id() != e.ref_id()) continue;
                    details = e.kind() == "consult_requested" ? Q(k.question()) : Q(k.advice());
                }
            }
            auto* item =
                new QTreeWidgetItem(timeline_, {Text::dateTime(e.at()), Text::timelineKind(e.kind()), details});
            item->setToolTip(2, details);
        }
        if (update_) update_->load(c);
        if (handover_) handover_->refresh();
        if (meldcode_) meldcode_->load(data_);
        emit loaded();
    });
}

void CaseView::showHeader() {
    const auto& c = data_.case_();
    QStringList risks;
    for (int f : c.risk_flags()) risks << Text::riskFlag(v1::RiskFlag(f));
    header_->setText(tr("<b>%1</b> — case %2, %3, opened %4<br>Risk: %5 — outcome: %6")
                         .arg(session_.names().caseLabel(c.id()).toHtmlEscaped())
                         .arg(c.id())
                         .arg(Text::caseStatus(c.status()), Text::dateTime(c.opened_at()),
                              risks.isEmpty() ? tr("none recorded") : risks.join(QStringLiteral(", ")),
                              Text::outcome(c.outcome())));
    link_youth_->setVisible(c.youth_id() == 0 && !read_only_ && session_.may(v1::rpc::CaseService::LinkYouth) &&
                            c.status() == v1::CASE_STATUS_OPEN);
}

void CaseView::loadPlan(std::int64_t youth_id) {
    // Once per youth: every read of a plan is audited, and the case refreshes often.
    plan_youth_ = youth_id;
    if (youth_id == 0) {
        plan_->setHtml(
            QStringLiteral("<p><i>%1</i></p>")
                .arg(tr("No youth linked yet: register or link the youth to see their plan.").toHtmlEscaped()));
        return;
    }
    v1::GetPlanRequest req;
    req.set_youth_id(youth_id);
    session_.api().call(
        this, v1::rpc::PlanService::GetPlan, req, [this, youth_id](const Result<v1::GetPlanResponse>& r) {
            if (youth_id != plan_youth_) return;
            if (!r.ok()) {
                QString why;
                if (r.error().code == ErrorCode::kNotFound) {
                    why = tr("There is no plan for this youth.");
                } else if (r.error().code == ErrorCode::kPermissionDenied ||
                           r.error().code == ErrorCode::kFailedPrecondition) {
                    why =
                        tr("There is no valid consent to show the plan here. In the look-up you can open it with a "
                           "reason (break the glass).");
                } else {
                    why = Text::error(r.error());
                    plan_youth_ = -1;  // try again at the next refresh
                }
                plan_->setHtml(QStringLiteral("<p><i>%1</i></p>").arg(why.toHtmlEscaped()));
                return;
            }
            plan_->setHtml(PlanFormat::html(r->plan()));
            if (contact_) contact_->setPlanVersion(r->plan().version());
        });
}

bool CaseView::hasUnsentText() const {
    return (contact_ && contact_->draft().unsent()) || (consult_ && consult_->draft().unsent());
}

void CaseView::keepDrafts() {
    if (contact_) contact_->draft().keepNow();
    if (consult_) consult_->draft().keepNow();
}

void CaseView::linkYouth() {
    QString phone = contact_ ? contact_->phoneEdit()->text() : QString();
    YouthLinkDialog dialog(session_, case_id_, phone, this);
    if (dialog.exec() == QDialog::Accepted) {
        refresh();
        emit youthLinked(dialog.linkedYouth());
    }
}

// --- OfflineCallView -------------------------------------------------------------------------

OfflineCallView::OfflineCallView(Session& session, const NewCase& call, QWidget* parent)
    : QWidget(parent), youth_id_(call.youth_id) {
    setObjectName(QStringLiteral("offlineCallView"));
    // The form first: a kept draft brings back who the unknown caller is.
    contact_ = new ContactForm(session, 0, this, call);
    slot_ = contact_->newCase().slot();
    header_ = new QLabel(this);
    header_->setWordWrap(true);
    header_->setTextFormat(Qt::RichText);
    const QString who = youth_id_ != 0 ? contact_->whoCalls() : tr("Unknown caller: %1").arg(contact_->whoCalls());
    header_->setText(QStringLiteral("<h3>%1</h3>").arg(who.toHtmlEscaped()) +
                     tr("A call written down without the server: saving it opens the case from the call's start "
                        "and logs the contact, as soon as the server can be reached.")
                         .toHtmlEscaped());
    plan_ = new QTextBrowser(this);
    plan_->setObjectName(QStringLiteral("offlinePlanView"));
    OfflineCopy* copy = session.offline();
    if (youth_id_ == 0) {
        plan_->setHtml(QStringLiteral("<p><i>%1</i></p>")
                           .arg(tr("No youth is known for this call: register or link the youth in the case once "
                                   "the server is back.")
                                    .toHtmlEscaped()));
    } else if (const v1::OfflineYouth* y = copy ? copy->youth(youth_id_) : nullptr) {
        plan_->setHtml(PlanFormat::offlineHtml(*y, copy->syncedAt()));
        copy->notePlan(*y);
    } else {
        plan_->setHtml(
            QStringLiteral("<p><i>%1</i></p>")
                .arg(tr("This youth is not in the offline copy: there is no plan to show.").toHtmlEscaped()));
    }
    auto* split = new QSplitter(this);
    split->addWidget(contact_);
    split->addWidget(plan_);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(header_);
    layout->addWidget(split, 1);
    connect(contact_, &ContactForm::contactLogged, this, [this] { emit caseReady(contact_->caseId()); });
    setFocusProxy(contact_);
}

}  // namespace spoed::desk
