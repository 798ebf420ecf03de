#include "client/desk/learning_views.hpp"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QDateEdit>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPieSeries>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include "client/desk/csv.hpp"
#include "client/desk/draft_store.hpp"
#include "client/desk/session.hpp"
#include "client/desk/text.hpp"
#include "client/desk/youth_names.hpp"

namespace spoed::desk {
namespace {

QDate ToQDate(const v1::Date& d) { return d.year() == 0 ? QDate() : QDate(d.year(), d.month(), d.day()); }
v1::Date ToDate(const QDate& d) {
    v1::Date out;
    out.set_year(d.year());
    out.set_month(d.month());
    out.set_day(d.day());
    return out;
}

QPlainTextEdit* TextBox(QWidget* parent, int height = 60) {
    auto* e = new QPlainTextEdit(parent);
    e->setTabChangesFocus(true);
    e->setMaximumHeight(height);
    return e;
}

/// A count as the language writes it: "1.234" in Dutch, "1,234" in English.
QString Count(std::int64_t n) { return QLocale().toString(qlonglong(n)); }

QString ShareText(const v1::Share& s) {
    if (s.of() == 0) return QStringLiteral("—");
    // Numbers as the language writes them: "1.234" and "12,5 %" in Dutch.
    const QLocale locale;
    return QStringLiteral("%1 / %2 (%3 %)")
        .arg(locale.toString(qlonglong(s.count())), locale.toString(qlonglong(s.of())),
             locale.toString(s.percent(), 'f', 1));
}

/// One participant as a line of the participants box: "organisation | name | role"; the youth
/// and family, who take part without an organisation, as "youth | name | role" and
/// "family | name | role" (in the desk's language).
QString ParticipantLine(const v1::Participant& p) {
    QString first = Q(p.organisation());
    if (p.kind() == v1::PARTICIPANT_KIND_YOUTH) first = EvaluationsView::tr("youth");
    if (p.kind() == v1::PARTICIPANT_KIND_FAMILY) first = EvaluationsView::tr("family");
    return QStringList{first, Q(p.name()), Q(p.role())}.join(QStringLiteral(" | "));
}

QString ParticipantLines(const v1::Evaluation& e) {
    QStringList people;
    for (const auto& p : e.participants()) people << ParticipantLine(p);
    return people.join(QLatin1Char('\n'));
}

void ParseParticipant(const QString& line, v1::Participant* p) {
    const QStringList parts = line.split(QLatin1Char('|'));
    const QString first = parts.value(0).trimmed();
    if (first.compare(EvaluationsView::tr("youth"), Qt::CaseInsensitive) == 0) {
        p->set_kind(v1::PARTICIPANT_KIND_YOUTH);
    } else if (first.compare(EvaluationsView::tr("family"), Qt::CaseInsensitive) == 0) {
        p->set_kind(v1::PARTICIPANT_KIND_FAMILY);
    } else {
        p->set_kind(v1::PARTICIPANT_KIND_PROFESSIONAL);
        p->set_organisation(S(first));
    }
    p->set_name(S(parts.value(1).trimmed()));
    p->set_role(S(parts.value(2).trimmed()));
}

}  // namespace

// --- words of the learning loop -----------------------------------------------------------------

static QString EvaluationStatusText(v1::EvaluationStatus s) {
    switch (s) {
        case v1::EVALUATION_STATUS_PLANNED:
            return EvaluationsView::tr("planned");
        case v1::EVALUATION_STATUS_OVERDUE:
            return EvaluationsView::tr("overdue");
        case v1::EVALUATION_STATUS_HELD:
            return EvaluationsView::tr("held");
        case v1::EVALUATION_STATUS_FINALISED:
            return EvaluationsView::tr("finalised");
        default:
            return EvaluationsView::tr("unknown");
    }
}

static QString EvaluationReasonText(v1::EvaluationReason r) {
    switch (r) {
        case v1::EVALUATION_REASON_MANUAL:
            return EvaluationsView::tr("planned by hand");
        case v1::EVALUATION_REASON_MARKED_COMPLEX:
            return EvaluationsView::tr("marked complex");
        case v1::EVALUATION_REASON_CRISIS_PLACEMENT:
            return EvaluationsView::tr("crisis placement");
        case v1::EVALUATION_REASON_ADMISSION:
            return EvaluationsView::tr("admission");
        case v1::EVALUATION_REASON_SUICIDE_ATTEMPT:
            return EvaluationsView::tr("suicide attempt");
        case v1::EVALUATION_REASON_REPEAT_CASES:
            return EvaluationsView::tr("repeat crises");
        case v1::EVALUATION_REASON_OWN_NETWORK:
            return EvaluationsView::tr("with own network");
        case v1::EVALUATION_REASON_STAYED_HOME:
            return EvaluationsView::tr("stayed home");
        case v1::EVALUATION_REASON_OTHER_RISK_FLAG:
            return EvaluationsView::tr("risk flag");
        default:
            return EvaluationsView::tr("unknown");
    }
}

static QString ProposalStatusText(v1::ProposalStatus s) {
    switch (s) {
        case v1::PROPOSAL_STATUS_OPEN:
            return ProposalsBoard::tr("open");
        case v1::PROPOSAL_STATUS_DISCUSSED:
            return ProposalsBoard::tr("discussed");
        case v1::PROPOSAL_STATUS_ADOPTED:
            return ProposalsBoard::tr("adopted");
        case v1::PROPOSAL_STATUS_IMPLEMENTED:
            return ProposalsBoard::tr("implemented");
        case v1::PROPOSAL_STATUS_REJECTED:
            return ProposalsBoard::tr("rejected");
        default:
            return ProposalsBoard::tr("unknown");
    }
}

static QString AddresseeKindText(v1::AddresseeKind k) {
    switch (k) {
        case v1::ADDRESSEE_KIND_PARTNER:
            return ProposalsBoard::tr("care partner");
        case v1::ADDRESSEE_KIND_MUNICIPALITY:
            return ProposalsBoard::tr("municipality");
        case v1::ADDRESSEE_KIND_OWN_TEAM:
            return ProposalsBoard::tr("own team");
        default:
            return ProposalsBoard::tr("unknown");
    }
}

// --- EvaluationsView ----------------------------------------------------------------------------

EvaluationsView::EvaluationsView(Session& session, QWidget* parent) : QWidget(parent), session_(session) {
    setObjectName(QStringLiteral("evaluationsView"));
    list_ = new QTreeWidget(this);
    list_->setHeaderLabels({tr("Due by"), tr("Case"), tr("Status"), tr("Why")});
    list_->setRootIsDecorated(false);
    list_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    filter_ = new QComboBox(this);
    filter_->addItem(tr("all"), 0);
    for (int s = v1::EVALUATION_STATUS_PLANNED; s <= v1::EVALUATION_STATUS_FINALISED; ++s) {
        filter_->addItem(EvaluationStatusText(v1::EvaluationStatus(s)), s);
    }
    case_id_ = new QSpinBox(this);
    case_id_->setRange(1, 1'000'000'000);
    plan_ = new QPushButton(tr("&Plan an evaluation of case"), this);

    header_ = new QLabel(this);
    header_->setWordWrap(true);
    header_->setTextFormat(Qt::RichText);
    planned_for_ = new QDateEdit(Text::today(), this);
    planned_for_->setCalendarPopup(true);
    held_ = new QCheckBox(tr("&Held on"), this);
    held_on_ = new QDateEdit(Text::today(), this);
    held_on_->setCalendarPopup(true);
    participants_ = TextBox(this);
    participants_->setPlaceholderText(
        tr("one per line: organisation | name | role; for the youth or family: youth | name or family | name | role"));
    care_timeline_ = TextBox(this, 80);
    went_well_ = TextBox(this);
    could_be_better_ = TextBox(this);
    right_help_ = new QComboBox(this);
    right_help_->addItem(tr("not answered"), int(v1::RIGHT_HELP_UNSPECIFIED));
    right_help_->addItem(tr("yes"), int(v1::RIGHT_HELP_YES));
    right_help_->addItem(tr("partly"), int(v1::RIGHT_HELP_PARTLY));
    right_help_->addItem(tr("no"), int(v1::RIGHT_HELP_NO));
    right_help_note_ = new QLineEdit(this);
    prevent_next_ = TextBox(this);
    changes_plan_ = new QCheckBox(tr("The evaluation changes the safety plan"), this);
    plan_changes_ = TextBox(this);
    plan_version_ = new QSpinBox(this);
    plan_version_->setRange(0, 999);
    plan_version_->setSpecialValueText(tr("none"));
    save_ = new QPushButton(tr("&Save"), this);
    finalize_ = new QPushButton(tr("&Finalise (read-only afterwards)"), this);
    comments_ = new QLabel(this);
    comments_->setWordWrap(true);
    comments_->setTextFormat(Qt::RichText);
    comment_ = new QLineEdit(this);
    comment_->setPlaceholderText(tr("Review comment"));
    add_comment_ = new QPushButton(tr("Add &comment"), this);
    status_ = new QLabel(this);
    status_->setWordWrap(true);

    auto* left = new QWidget(this);
    auto* ll = new QVBoxLayout(left);
    ll->setContentsMargins(0, 0, 0, 0);
    ll->addWidget(filter_);
    ll->addWidget(list_, 1);
    auto* plan_row = new QHBoxLayout;
    plan_row->addWidget(plan_);
    plan_row->addWidget(case_id_);
    ll->addLayout(plan_row);

    auto* form_widget = new QWidget(this);
    auto* form = new QFormLayout(form_widget);
    form->addRow(header_);
    form->addRow(tr("Meeting &planned for"), planned_for_);
    auto* held_row = new QHBoxLayout;
    held_row->addWidget(held_);
    held_row->addWidget(held_on_, 1);
    form->addRow(held_row);
    form->addRow(tr("Pa&rticipants"), participants_);
    form->addRow(tr("Care already given"), care_timeline_);
    form->addRow(tr("What went well"), went_well_);
    form->addRow(tr("What could be better"), could_be_better_);
    form->addRow(tr("Right help at the right time?"), right_help_);
    form->addRow(tr("Why"), right_help_note_);
    form->addRow(tr("What prevents a next crisis"), prevent_next_);
    form->addRow(changes_plan_);
    form->addRow(tr("Plan changes"), plan_changes_);
    form->addRow(tr("New plan version"), plan_version_);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(save_);
    buttons->addWidget(finalize_);
    form->addRow(buttons);
    form->addRow(comments_);
    auto* comment_row = new QHBoxLayout;
    comment_row->addWidget(comment_, 1);
    comment_row->addWidget(add_comment_);
    form->addRow(comment_row);
    form->addRow(status_);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(form_widget);
    scroll->setWidgetResizable(true);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(filter_, &QComboBox::currentIndexChanged, this, &EvaluationsView::refresh);
    connect(list_, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (item) select(item->data(0, Qt::UserRole).toLongLong());
    });
    connect(plan_, &QPushButton::clicked, this, [this] {
        v1::PlanEvaluationRequest req;
        req.set_case_id(case_id_->value());
        req.set_idempotency_key(NewIdempotencyKey());
        session_.api().call(this, v1::rpc::EvaluationService::PlanEvaluation, req,
                            [this](const Result<v1::PlanEvaluationResponse>& r) {
                                status_->setText(r.ok() ? tr("Evaluation planned.") : Text::error(r.error()));
                                if (!r.ok()) return;
                                show(r->evaluation());
                                refresh();
                            });
    });
    connect(save_, &QPushButton::clicked, this, &EvaluationsView::save);
    connect(finalize_, &QPushButton::clicked, this, [this] {
        v1::FinalizeEvaluationRequest req;
        req.set_evaluation_id(current_.id());
        req.set_plan_version(plan_version_->value());
        session_.api().call(this, v1::rpc::EvaluationService::FinalizeEvaluation, req,
                            [this](const Result<v1::FinalizeEvaluationResponse>& r) {
                                status_->setText(r.ok() ? tr("Finalised.") : Text::error(r.error()));
                                if (!r.ok()) return;
                                select(r->evaluation().id());
                                refresh();
                            });
    });
    connect(add_comment_, &QPushButton::clicked, this, [this] {
        v1::AddReviewCommentRequest req;
        req.set_evaluation_id(current_.id());
        req.set_text(S(comment_->text().trimmed()));
        req.set_idempotency_key(NewIdempotencyKey());
        session_.api().call(this, v1::rpc::EvaluationService::AddReviewComment, req,
                            [this](const Result<v1::AddReviewCommentResponse>& r) {
                                status_->setText(r.ok() ? tr("Comment added.") : Text::error(r.error()));
                                if (!r.ok()) return;
                                comment_->clear();
                                select(current_.id());
                            });
    });
    show(v1::Evaluation());
    refresh();
    keep_timer_ = new QTimer(this);
    keep_timer_->setSingleShot(true);
    keep_timer_->setInterval(400);
    connect(keep_timer_, &QTimer::timeout, this, &EvaluationsView::keepDraft);
    for (QPlainTextEdit* box :
         {participants_, care_timeline_, went_well_, could_be_better_, prevent_next_, plan_changes_}) {
        connect(box, &QPlainTextEdit::textChanged, this, [this] {
            if (!filling_) keep_timer_->start();
        });
    }
    connect(right_help_note_, &QLineEdit::textEdited, keep_timer_, qOverload<>(&QTimer::start));
    connect(&session_.names(), &YouthNames::caseLabelKnown, this, [this](std::int64_t case_id, const QString& label) {
        for (int i = 0; i < list_->topLevelItemCount(); ++i) {
            auto* item = list_->topLevelItem(i);
            if (item->data(1, Qt::UserRole).toLongLong() == case_id) item->setText(1, label);
        }
    });
}

QPlainTextEdit* EvaluationsView::analysisField(const char* name) const {
    const QString n = QLatin1String(name);
    if (n == QLatin1String("care_timeline")) return care_timeline_;
    if (n == QLatin1String("went_well")) return went_well_;
    if (n == QLatin1String("could_be_better")) return could_be_better_;
    if (n == QLatin1String("prevent_next")) return prevent_next_;
    if (n == QLatin1String("plan_changes")) return plan_changes_;
    return nullptr;
}

void EvaluationsView::refresh() {
    v1::ListEvaluationsRequest req;
    req.set_status(v1::EvaluationStatus(filter_->currentData().toInt()));
    session_.api().call(
        this, v1::rpc::EvaluationService::ListEvaluations, req, [this](const Result<v1::ListEvaluationsResponse>& r) {
            if (!r.ok()) {
                status_->setText(Text::error(r.error()));
                return;
            }
            const QSignalBlocker block(list_);
            list_->clear();
            for (const auto& e : r->evaluations()) {
                QStringList why;
                for (int reason : e.reasons()) why << EvaluationReasonText(v1::EvaluationReason(reason));
                auto* item =
                    new QTreeWidgetItem(list_, {Text::date(e.due_by()), session_.names().caseLabel(e.case_id()),
                                                EvaluationStatusText(e.status()), why.join(QStringLiteral(", "))});
                item->setData(0, Qt::UserRole, qlonglong(e.id()));
                item->setData(1, Qt::UserRole, qlonglong(e.case_id()));
                item->setToolTip(1, tr("Case %1").arg(e.case_id()));
                if (e.status() == v1::EVALUATION_STATUS_OVERDUE) {
                    for (int c = 0; c < 4; ++c) item->setForeground(c, QColor(0xb7, 0x1c, 0x1c));
                }
                if (e.id() == current_.id()) list_->setCurrentItem(item);
            }
            emit refreshed();
        });
}

void EvaluationsView::select(std::int64_t evaluation_id) {
    v1::GetEvaluationRequest req;
    req.set_evaluation_id(evaluation_id);
    session_.api().call(this, v1::rpc::EvaluationService::GetEvaluation, req,
                        [this](const Result<v1::GetEvaluationResponse>& r) {
                            if (!r.ok()) {
                                status_->setText(Text::error(r.error()));
                                return;
                            }
                            show(r->evaluation());
                        });
}

QJsonObject EvaluationsView::typedTexts() const {
    // What differs from the evaluation as the server has it: the text typed since.
    const auto& a = current_.analysis();
    const std::pair<QString, std::pair<QString, QString>> texts[] = {
        {QStringLiteral("participants"), {participants_->toPlainText(), ParticipantLines(current_)}},
        {QStringLiteral("care_timeline"), {care_timeline_->toPlainText(), Q(a.care_timeline())}},
        {QStringLiteral("went_well"), {went_well_->toPlainText(), Q(a.went_well())}},
        {QStringLiteral("could_be_better"), {could_be_better_->toPlainText(), Q(a.could_be_better())}},
        {QStringLiteral("right_help_note"), {right_help_note_->text(), Q(a.right_help_note())}},
        {QStringLiteral("prevent_next"), {prevent_next_->toPlainText(), Q(a.prevent_next())}},
        {QStringLiteral("plan_changes"), {plan_changes_->toPlainText(), Q(a.plan_changes())}},
    };
    QJsonObject o;
    for (const auto& [name, now_and_stored] : texts) {
        if (now_and_stored.first != now_and_stored.second) o[name] = now_and_stored.first;
    }
    return o;
}

bool EvaluationsView::hasUnsentText() const {
    return current_.id() != 0 && current_.status() != v1::EVALUATION_STATUS_FINALISED && !typedTexts().isEmpty();
}

void EvaluationsView::keepDraft() {
    keep_timer_->stop();
    DraftStore* drafts = session_.drafts();
    if (!drafts || current_.id() == 0 || filling_) return;
    const QString slot = QStringLiteral("evaluation/%1").arg(current_.id());
    if (!hasUnsentText()) {
        drafts->remove(slot);
        return;
    }
    drafts->put({slot,
                 std::string(),
                 typedTexts(),
                 tr("Evaluation — %1").arg(session_.names().caseLabel(current_.case_id())),
                 {}});
}

void EvaluationsView::show(const v1::Evaluation& e) {
    // The text typed for the evaluation shown so far stays with it.
    if (e.id() != current_.id()) keepDraft();
    const QScopedValueRollback<bool> filling(filling_, true);
    current_ = e;
    const bool editable = e.id() != 0 && e.status() != v1::EVALUATION_STATUS_FINALISED;
    QStringList why;
    for (int reason : e.reasons()) why << EvaluationReasonText(v1::EvaluationReason(reason));
    header_->setText(e.id() == 0 ? tr("<i>Choose an evaluation on the left.</i>")
                                 : tr("<b>Evaluation: %1</b> (case %2) — %3, due by %4<br>Why: %5")
                                       .arg(session_.names().caseLabel(e.case_id()).toHtmlEscaped())
                                       .arg(e.case_id())
                                       .arg(EvaluationStatusText(e.status()), Text::date(e.due_by()),
                                            why.join(QStringLiteral(", "))));
    planned_for_->setDate(e.has_planned_for() ? ToQDate(e.planned_for()) : Text::today());
    held_->setChecked(e.has_held_on() && e.held_on().year() != 0);
    held_on_->setDate(held_->isChecked() ? ToQDate(e.held_on()) : Text::today());
    participants_->setPlainText(ParticipantLines(e));
    const auto& a = e.analysis();
    care_timeline_->setPlainText(Q(a.care_timeline()));
    went_well_->setPlainText(Q(a.went_well()));
    could_be_better_->setPlainText(Q(a.could_be_better()));
    right_help_->setCurrentIndex(std::max(0, right_help_->findData(int(a.right_help()))));
    right_help_note_->setText(Q(a.right_help_note()));
    prevent_next_->setPlainText(Q(a.prevent_next()));
    changes_plan_->setChecked(a.changes_plan());
    plan_changes_->setPlainText(Q(a.plan_changes()));
    plan_version_->setValue(e.plan_version());
    QString comments;
    for (const auto& c : e.review_comments()) {
        comments += QStringLiteral("<li>%1, %2: %3</li>")
                        .arg(Q(c.author_name()).toHtmlEscaped(), Text::dateTime(c.at()), Q(c.text()).toHtmlEscaped());
    }
    comments_->setText(comments.isEmpty()
                           ? QString()
                           : tr("<b>Review</b>") + QStringLiteral("<ul>") + comments + QStringLiteral("</ul>"));
    for (QWidget* w : std::initializer_list<QWidget*>{
             planned_for_, held_, held_on_, participants_, care_timeline_, went_well_, could_be_better_, right_help_,
             right_help_note_, prevent_next_, changes_plan_, plan_changes_, plan_version_, save_, finalize_}) {
        w->setEnabled(editable);
    }
    comment_->setEnabled(e.id() != 0);
    add_comment_->setEnabled(e.id() != 0);
    // Text typed earlier and never saved comes back over what the server has.
    if (DraftStore* drafts = session_.drafts(); drafts && editable) {
        if (auto kept = drafts->get(QStringLiteral("evaluation/%1").arg(e.id()))) {
            const QJsonObject& f = kept->fields;
            const std::pair<const char*, QPlainTextEdit*> boxes[] = {
                {"participants", participants_}, {"care_timeline", care_timeline_},
                {"went_well", went_well_},       {"could_be_better", could_be_better_},
                {"prevent_next", prevent_next_}, {"plan_changes", plan_changes_}};
            for (const auto& [name, box] : boxes) {
                if (f.contains(QLatin1String(name))) box->setPlainText(f.value(QLatin1String(name)).toString());
            }
            if (f.contains(QStringLiteral("right_help_note"))) {
                right_help_note_->setText(f.value(QStringLiteral("right_help_note")).toString());
            }
            status_->setText(tr("Text that was not saved yet is back. Check it and save."));
        }
    }
    emit loaded();
}

void EvaluationsView::save() {
    v1::UpdateEvaluationRequest req;
    req.set_evaluation_id(current_.id());
    *req.mutable_planned_for() = ToDate(planned_for_->date());
    if (held_->isChecked()) *req.mutable_held_on() = ToDate(held_on_->date());
    req.set_set_participants(true);
    for (const QString& line : participants_->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (!line.trimmed().isEmpty()) ParseParticipant(line, req.add_participants());
    }
    req.set_set_analysis(true);
    auto* a = req.mutable_analysis();
    a->set_care_timeline(S(care_timeline_->toPlainText().trimmed()));
    a->set_went_well(S(went_well_->toPlainText().trimmed()));
    a->set_could_be_better(S(could_be_better_->toPlainText().trimmed()));
    a->set_right_help(v1::RightHelp(right_help_->currentData().toInt()));
    a->set_right_help_note(S(right_help_note_->text().trimmed()));
    a->set_prevent_next(S(prevent_next_->toPlainText().trimmed()));
    a->set_changes_plan(changes_plan_->isChecked());
    a->set_plan_changes(S(plan_changes_->toPlainText().trimmed()));
    req.set_plan_version(plan_version_->value());
    session_.api().call(this, v1::rpc::EvaluationService::UpdateEvaluation, req,
                        [this](const Result<v1::UpdateEvaluationResponse>& r) {
                            status_->setText(r.ok() ? tr("Saved.") : Text::error(r.error()));
                            if (!r.ok()) return;
                            if (session_.drafts())
                                session_.drafts()->remove(QStringLiteral("evaluation/%1").arg(r->evaluation().id()));
                            current_ = r->evaluation();  // what the server has now: nothing typed is left over
                            select(r->evaluation().id());
                            refresh();
                        });
}

// --- ProposalsBoard -----------------------------------------------------------------------------

ProposalsBoard::ProposalsBoard(Session& session, QWidget* parent) : QWidget(parent), session_(session) {
    setObjectName(QStringLiteral("proposalsBoard"));
    list_ = new QTreeWidget(this);
    list_->setHeaderLabels({tr("Proposal"), tr("To"), tr("Theme"), tr("Status"), tr("Evaluations"), tr("Since")});
    list_->setRootIsDecorated(true);
    list_->setWordWrap(true);
    list_->setColumnWidth(0, 380);
    filter_ = new QComboBox(this);
    filter_->addItem(tr("all"), 0);
    for (int s = v1::PROPOSAL_STATUS_OPEN; s <= v1::PROPOSAL_STATUS_REJECTED; ++s) {
        filter_->addItem(ProposalStatusText(v1::ProposalStatus(s)), s);
    }
    auto* export_button = new QPushButton(tr("E&xport CSV…"), this);
    text_ = TextBox(this, 70);
    text_->setPlaceholderText(tr("The proposal, for the care chain"));
    addressee_kind_ = new QComboBox(this);
    for (int k = v1::ADDRESSEE_KIND_PARTNER; k <= v1::ADDRESSEE_KIND_OWN_TEAM; ++k) {
        addressee_kind_->addItem(AddresseeKindText(v1::AddresseeKind(k)), k);
    }
    addressee_ = new QLineEdit(this);
    addressee_->setPlaceholderText(tr("partner or municipality; empty for the own team"));
    theme_ = new QLineEdit(this);
    theme_->setPlaceholderText(tr("e.g. bereikbaarheid"));
    evaluations_ = new QLineEdit(this);
    evaluations_->setPlaceholderText(tr("evaluation numbers, separated by commas"));
    create_ = new QPushButton(tr("&New proposal"), this);
    new_status_ = new QComboBox(this);
    for (int s = v1::PROPOSAL_STATUS_DISCUSSED; s <= v1::PROPOSAL_STATUS_REJECTED; ++s) {
        new_status_->addItem(ProposalStatusText(v1::ProposalStatus(s)), s);
    }
    note_ = new QLineEdit(this);
    note_->setPlaceholderText(tr("note (required when rejected)"));
    set_status_ = new QPushButton(tr("Set s&tatus"), this);
    status_ = new QLabel(this);
    status_->setWordWrap(true);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Status:"), this));
    top->addWidget(filter_);
    top->addStretch();
    top->addWidget(export_button);
    auto* change = new QHBoxLayout;
    change->addWidget(new QLabel(tr("Chosen proposal:"), this));
    change->addWidget(new_status_);
    change->addWidget(note_, 1);
    change->addWidget(set_status_);
    auto* form_box = new QGroupBox(tr("New proposal"), this);
    auto* form = new QFormLayout(form_box);
    form->addRow(tr("Te&xt"), text_);
    form->addRow(tr("Addressed to"), addressee_kind_);
    form->addRow(tr("Name"), addressee_);
    form->addRow(tr("Theme"), theme_);
    form->addRow(tr("From evaluations"), evaluations_);
    form->addRow(create_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(list_, 1);
    layout->addLayout(change);
    layout->addWidget(form_box);
    layout->addWidget(status_);

    connect(filter_, &QComboBox::currentIndexChanged, this, &ProposalsBoard::refresh);
    connect(export_button, &QPushButton::clicked, this, [this] {
        QString path = QFileDialog::getSaveFileName(this, tr("Export proposals"), QStringLiteral("voorstellen.csv"),
                                                    tr("CSV files (*.csv)"));
        if (path.isEmpty()) return;
        status_->setText(exportTo(path) ? tr("Exported to %1.").arg(path) : tr("Could not write %1.").arg(path));
    });
    connect(create_, &QPushButton::clicked, this, [this] {
        v1::CreateProposalRequest req;
        req.set_text(S(text_->toPlainText().trimmed()));
        req.mutable_addressee()->set_kind(v1::AddresseeKind(addressee_kind_->currentData().toInt()));
        req.mutable_addressee()->set_name(S(addressee_->text().trimmed()));
        req.set_theme(S(theme_->text().trimmed().toLower()));
        for (const QString& id : evaluations_->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool ok = false;
            qlonglong v = id.trimmed().toLongLong(&ok);
            if (ok) req.add_evaluation_ids(v);
        }
        if (create_key_.empty()) create_key_ = NewIdempotencyKey();
        req.set_idempotency_key(create_key_);
        session_.api().call(this, v1::rpc::EvaluationService::CreateProposal, req,
                            [this](const Result<v1::CreateProposalResponse>& r) {
                                status_->setText(r.ok() ? tr("Proposal saved.") : Text::error(r.error()));
                                if (!r.ok()) return;
                                create_key_.clear();
                                text_->clear();
                                evaluations_->clear();
                                emit created(r->proposal().id());
                                refresh();
                            });
    });
    connect(set_status_, &QPushButton::clicked, this, [this] {
        auto* item = list_->currentItem();
        if (!item || item->data(0, Qt::UserRole).toLongLong() == 0) return;
        v1::SetProposalStatusRequest req;
        req.set_proposal_id(item->data(0, Qt::UserRole).toLongLong());
        req.set_status(v1::ProposalStatus(new_status_->currentData().toInt()));
        req.set_note(S(note_->text().trimmed()));
        session_.api().call(this, v1::rpc::EvaluationService::SetProposalStatus, req,
                            [this](const Result<v1::SetProposalStatusResponse>& r) {
                                status_->setText(r.ok() ? tr("Status set.") : Text::error(r.error()));
                                if (!r.ok()) return;
                                note_->clear();
                                emit statusSet(r->proposal().id());
                                refresh();
                            });
    });
    refresh();
}

void ProposalsBoard::refresh() {
    v1::ListProposalsRequest req;
    req.set_status(v1::ProposalStatus(filter_->currentData().toInt()));
    session_.api().call(
        this, v1::rpc::EvaluationService::ListProposals, req, [this](const Result<v1::ListProposalsResponse>& r) {
            if (!r.ok()) {
                status_->setText(Text::error(r.error()));
                return;
            }
            proposals_.assign(r->proposals().begin(), r->proposals().end());
            list_->clear();
            // One group per status, in the order a proposal goes through them.
            for (int s = v1::PROPOSAL_STATUS_OPEN; s <= v1::PROPOSAL_STATUS_REJECTED; ++s) {
                QTreeWidgetItem* group = nullptr;
                for (const auto& p : proposals_) {
                    if (p.status() != s) continue;
                    if (!group) {
                        group = new QTreeWidgetItem(list_, {ProposalStatusText(v1::ProposalStatus(s))});
                        QFont f = group->font(0);
                        f.setBold(true);
                        group->setFont(0, f);
                    }
                    QStringList evals;
                    for (auto id : p.evaluation_ids()) evals << QString::number(id);
                    QString to = AddresseeKindText(p.addressee().kind());
                    if (!p.addressee().name().empty()) to += QStringLiteral(": ") + Q(p.addressee().name());
                    auto* item = new QTreeWidgetItem(
                        group, {Q(p.text()), to, Q(p.theme()), ProposalStatusText(p.status()),
                                evals.join(QStringLiteral(", ")),
                                p.history().empty() ? QString() : Text::dateTime(p.history().rbegin()->at())});
                    item->setData(0, Qt::UserRole, qlonglong(p.id()));
                    item->setToolTip(0, Q(p.text()));
                }
            }
            list_->expandAll();
            emit refreshed();
        });
}

bool ProposalsBoard::exportTo(const QString& path) const {
    std::vector<QStringList> rows;
    for (const auto& p : proposals_) {
        QStringList evals;
        for (auto id : p.evaluation_ids()) evals << QString::number(id);
        rows.push_back({QString::number(p.id()), ProposalStatusText(p.status()),
                        AddresseeKindText(p.addressee().kind()), Q(p.addressee().name()), Q(p.theme()), Q(p.text()),
                        evals.join(QLatin1Char(' ')), Text::dateTime(p.created_at())});
    }
    return WriteCsv(path,
                    {tr("id"), tr("status"), tr("addressed to"), tr("name"), tr("theme"), tr("proposal"),
                     tr("evaluations"), tr("created")},
                    rows);
}

// --- FiguresView --------------------------------------------------------------------------------

FiguresView::FiguresView(Session& session, QWidget* parent) : QWidget(parent), session_(session) {
    setObjectName(QStringLiteral("figuresView"));
    QDate today = Text::today();
    from_ = new QDateEdit(QDate(today.year(), 1, 1), this);
    from_->setCalendarPopup(true);
    to_ = new QDateEdit(today, this);
    to_->setCalendarPopup(true);
    grouping_ = new QComboBox(this);
    grouping_->addItem(tr("per month"), int(v1::GROUPING_MONTH));
    grouping_->addItem(tr("per quarter"), int(v1::GROUPING_QUARTER));
    load_ = new QPushButton(tr("&Show"), this);
    periods_chart_ = new QChartView(this);
    periods_chart_->setRenderHint(QPainter::Antialiasing);
    periods_chart_->setMinimumHeight(240);
    outcomes_chart_ = new QChartView(this);
    outcomes_chart_->setRenderHint(QPainter::Antialiasing);
    outcomes_chart_->setMinimumHeight(240);
    table_ = new QTreeWidget(this);
    table_->setHeaderLabels({tr("Figure"), tr("Count"), tr("Share"), tr("Of")});
    table_->setRootIsDecorated(false);
    table_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    table_->setColumnWidth(0, 300);
    explanations_ = new QLabel(this);
    explanations_->setWordWrap(true);
    period_ = new QComboBox(this);
    note_ = TextBox(this, 90);
    note_->setPlaceholderText(tr("The story behind the figures of this period (geteld én verteld)"));
    save_note_ = new QPushButton(tr("Save &narrative"), this);
    entity_ = new QComboBox(this);
    entity_->addItem(tr("cases"), int(v1::EXPORT_ENTITY_CASES));
    entity_->addItem(tr("contacts"), int(v1::EXPORT_ENTITY_CONTACTS));
    entity_->addItem(tr("consults"), int(v1::EXPORT_ENTITY_CONSULTS));
    entity_->addItem(tr("handovers"), int(v1::EXPORT_ENTITY_HANDOVERS));
    entity_->addItem(tr("evaluations"), int(v1::EXPORT_ENTITY_EVALUATIONS));
    entity_->addItem(tr("proposals"), int(v1::EXPORT_ENTITY_PROPOSALS));
    export_records_ = new QPushButton(tr("Export &records (CSV)…"), this);
    export_figures_ = new QPushButton(tr("Export &figures (CSV)…"), this);
    status_ = new QLabel(this);
    status_->setWordWrap(true);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("From"), this));
    top->addWidget(from_);
    top->addWidget(new QLabel(tr("to"), this));
    top->addWidget(to_);
    top->addWidget(grouping_);
    top->addWidget(load_);
    top->addStretch();
    top->addWidget(entity_);
    top->addWidget(export_records_);
    top->addWidget(export_figures_);
    auto* charts = new QHBoxLayout;
    charts->addWidget(periods_chart_, 3);
    charts->addWidget(outcomes_chart_, 2);
    auto* narrative = new QGroupBox(tr("Narrative"), this);
    auto* nl = new QVBoxLayout(narrative);
    nl->addWidget(period_);
    nl->addWidget(note_, 1);
    nl->addWidget(save_note_);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(table_, 3);
    bottom->addWidget(narrative, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(charts, 2);
    layout->addLayout(bottom, 2);
    layout->addWidget(explanations_);
    layout->addWidget(status_);

    connect(load_, &QPushButton::clicked, this, &FiguresView::reload);
    connect(period_, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index < 0 || index >= figures_.periods_size()) return;
        note_->setPlainText(Q(figures_.periods(index).note()));
    });
    connect(save_note_, &QPushButton::clicked, this, [this] {
        if (period_->currentIndex() < 0) return;
        v1::SetPeriodNoteRequest req;
        req.set_period(S(period_->currentData().toString()));
        req.set_text(S(note_->toPlainText().trimmed()));
        session_.api().call(this, v1::rpc::StatsService::SetPeriodNote, req,
                            [this](const Result<v1::SetPeriodNoteResponse>& r) {
                                status_->setText(r.ok() ? tr("Narrative saved.") : Text::error(r.error()));
                                if (!r.ok()) return;
                                int index = period_->findData(Q(r->period()));
                                if (index >= 0 && index < figures_.periods_size())
                                    figures_.mutable_periods(index)->set_note(r->text());
                                emit noteSaved();
                            });
    });
    connect(export_figures_, &QPushButton::clicked, this, [this] {
        QString path = QFileDialog::getSaveFileName(this, tr("Export figures"), QStringLiteral("cijfers.csv"),
                                                    tr("CSV files (*.csv)"));
        if (path.isEmpty()) return;
        status_->setText(exportFigures(path) ? tr("Exported to %1.").arg(path) : tr("Could not write %1.").arg(path));
    });
    connect(export_records_, &QPushButton::clicked, this, [this] {
        QString path = QFileDialog::getSaveFileName(
            this, tr("Export records"), entity_->currentText() + QStringLiteral(".csv"), tr("CSV files (*.csv)"));
        if (!path.isEmpty()) exportRecords(v1::ExportEntity(entity_->currentData().toInt()), path);
    });
}

void FiguresView::reload() {
    v1::GetFiguresRequest req;
    *req.mutable_from() = ToDate(from_->date());
    *req.mutable_to() = ToDate(to_->date());
    req.set_grouping(v1::Grouping(grouping_->currentData().toInt()));
    load_->setEnabled(false);
    session_.api().call(this, v1::rpc::StatsService::GetFigures, req, [this](const Result<v1::GetFiguresResponse>& r) {
        load_->setEnabled(true);
        if (!r.ok()) {
            status_->setText(Text::error(r.error()));
            return;
        }
        figures_ = *r;
        status_->clear();
        show();
        emit loaded();
    });
}

void FiguresView::show() {
    // Cases and contacts per period.
    auto* cases = new QBarSet(tr("Cases"));
    auto* contacts = new QBarSet(tr("Calls and visits"));
    QStringList labels;
    int top = 1;
    for (const auto& p : figures_.periods()) {
        *cases << double(p.cases());
        *contacts << double(p.contacts());
        labels << Q(p.period());
        top = std::max<int>(top, int(std::max(p.cases(), p.contacts())));
    }
    auto* series = new QBarSeries;
    series->append(cases);
    series->append(contacts);
    auto* chart = new QChart;
    chart->addSeries(series);
    chart->setTitle(tr("Cases and contacts per period"));
    auto* x = new QBarCategoryAxis;
    x->append(labels);
    auto* y = new QValueAxis;
    y->setRange(0, top);
    y->setLabelFormat(QStringLiteral("%d"));
    // Whole numbers on the axis: a tick every ceil(top / 5).
    y->setTickType(QValueAxis::TicksDynamic);
    y->setTickAnchor(0);
    y->setTickInterval(std::max(1, (top + 4) / 5));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    chart->legend()->setAlignment(Qt::AlignBottom);
    QChart* old = periods_chart_->chart();
    periods_chart_->setChart(chart);
    delete old;

    // Outcomes of the night over the whole period.
    auto* pie = new QPieSeries;
    for (const auto& t : figures_.total().outcomes()) {
        if (t.count() == 0) continue;
        const v1::Outcome o = Text::outcomeOf(t.key());
        pie->append(QStringLiteral("%1 (%2)").arg(Text::outcome(o)).arg(t.count()), double(t.count()));
    }
    auto* pie_chart = new QChart;
    pie_chart->addSeries(pie);
    pie_chart->setTitle(tr("Outcome of the night"));
    pie_chart->legend()->setAlignment(Qt::AlignRight);
    old = outcomes_chart_->chart();
    outcomes_chart_->setChart(pie_chart);
    delete old;

    // The whole period as a table; every share with its denominator.
    const auto& t = figures_.total();
    table_->clear();
    auto row = [this](const QString& name, const QString& count, const v1::Share* share) {
        new QTreeWidgetItem(table_, {name, count, share ? ShareText(*share) : QString(),
                                     share ? Text::denominator(share->denominator_key()) : QString()});
    };
    row(tr("Cases"), Count(t.cases()), nullptr);
    row(tr("Calls and visits"), Count(t.contacts()), nullptr);
    row(tr("Weekday evenings"), QString(), &t.weekday_evening());
    row(tr("Weekends"), QString(), &t.weekend());
    row(tr("Stayed home"), QString(), &t.stayed_home());
    row(tr("Consults"), Count(t.consults()), &t.cases_with_consult());
    row(tr("Complex cases"), Count(t.complex_cases()), &t.complex_with_evaluation_held());
    row(tr("With a pre-registered plan"), QString(), &t.with_pre_registered_plan());
    for (const auto& h : t.handovers()) {
        if (h.municipality() != "(all)") continue;
        row(tr("Handovers confirmed by their due time"), Count(h.handovers()), &h.confirmed_by_due_time());
    }
    for (const auto& a : t.age_bands()) {
        row(a.key() == "unknown" ? tr("Age unknown") : tr("Age %1").arg(Q(a.key())), Count(a.count()), &a.share());
    }
    for (const auto& a : t.risk_flags()) {
        row(tr("Risk: %1").arg(Text::riskFlag(Text::riskFlagOf(a.key()))), Count(a.count()), &a.share());
    }
    for (const auto& a : t.problem_areas()) row(tr("Problem area: %1").arg(Q(a.key())), Count(a.count()), &a.share());
    row(tr("Repeat callers"), Count(t.repeat_youths().youths()), nullptr);
    table_->topLevelItem(table_->topLevelItemCount() - 1)
        ->setToolTip(0, tr("Youths with %1 or more cases within %2 days, at least one of them opened in the period")
                            .arg(t.repeat_youths().min_cases())
                            .arg(t.repeat_youths().within_days()));

    QStringList explanations;
    for (const auto& key : figures_.explanation_keys()) explanations << Text::figuresExplanation(key);
    explanations_->setText(explanations.join(QLatin1Char(' ')));
    const QSignalBlocker block(period_);
    period_->clear();
    for (const auto& p : figures_.periods()) period_->addItem(Q(p.period()), Q(p.period()));
    period_->setCurrentIndex(figures_.periods_size() - 1);
    note_->setPlainText(figures_.periods_size() ? Q(figures_.periods(figures_.periods_size() - 1).note()) : QString());
}

bool FiguresView::exportFigures(const QString& path) const {
    std::vector<QStringList> rows;
    for (int i = 0; i < table_->topLevelItemCount(); ++i) {
        auto* item = table_->topLevelItem(i);
        rows.push_back({item->text(0), item->text(1), item->text(2), item->text(3)});
    }
    for (const auto& p : figures_.periods()) {
        rows.push_back({tr("Cases in %1").arg(Q(p.period())), QString::number(p.cases()), QString(), QString()});
    }
    return WriteCsv(path, {tr("figure"), tr("count"), tr("share"), tr("of")}, rows);
}

void FiguresView::exportRecords(v1::ExportEntity entity, const QString& path) {
    status_->setText(tr("Exporting…"));
    exportPage(entity, path, {}, {}, {});
}

void FiguresView::exportPage(v1::ExportEntity entity, const QString& path, std::string token, QStringList columns,
                             std::vector<QStringList> rows) {
    v1::ExportRecordsRequest req;
    req.set_entity(entity);
    *req.mutable_from() = ToDate(from_->date());
    *req.mutable_to() = ToDate(to_->date());
    req.set_page_token(token);
    session_.api().call(this, v1::rpc::StatsService::ExportRecords, req,
                        [this, entity, path, columns, rows](const Result<v1::ExportRecordsResponse>& r) mutable {
                            if (!r.ok()) {
                                status_->setText(Text::error(r.error()));
                                emit exported(-1);
                                return;
                            }
                            if (columns.isEmpty()) {
                                for (const auto& c : r->columns()) columns << Q(c);
                            }
                            for (const auto& row : r->rows()) {
                                QStringList cells;
                                for (const auto& c : row.cells()) cells << Q(c);
                                rows.push_back(cells);
                            }
                            if (!r->next_page_token().empty()) {
                                exportPage(entity, path, r->next_page_token(), columns, std::move(rows));
                                return;
                            }
                            bool ok = WriteCsv(path, columns, rows);
                            status_->setText(ok ? tr("%n record(s) exported to %1.", "", int(rows.size())).arg(path)
                                                : tr("Could not write %1.").arg(path));
                            emit exported(ok ? int(rows.size()) : -1);
                        });
}

}  // namespace spoed::desk
