#include "client/desk/meldcode_form.hpp"

#include <QApplication>
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
#include <QScrollArea>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "client/desk/session.hpp"
#include "client/desk/text.hpp"
#include "client/desk/youth_names.hpp"
#include "spoed/v1/handover.pb.h"

namespace spoed::desk {
namespace {

QPlainTextEdit* TextBox(QWidget* parent, int lines) {
    auto* e = new QPlainTextEdit(parent);
    e->setTabChangesFocus(true);
    e->setFixedHeight(e->fontMetrics().lineSpacing() * lines + 12);
    return e;
}

const v1::MeldcodeQuestion& QuestionOf(const v1::MeldcodeTrack& t, int n) {
    switch (n) {
        case 1:
            return t.suspicion();
        case 2:
            return t.unsafety();
        case 3:
            return t.help_possible();
        case 4:
            return t.help_accepted();
        default:
            return t.lasting_safety();
    }
}

v1::MeldcodeQuestion* MutableQuestionOf(v1::UpdateTrackRequest& req, int n) {
    switch (n) {
        case 1:
            return req.mutable_suspicion();
        case 2:
            return req.mutable_unsafety();
        case 3:
            return req.mutable_help_possible();
        case 4:
            return req.mutable_help_accepted();
        default:
            return req.mutable_lasting_safety();
    }
}

QString Answer(v1::MeldcodeAnswer a) {
    switch (a) {
        case v1::MELDCODE_ANSWER_YES:
            return MeldcodeForm::tr("yes");
        case v1::MELDCODE_ANSWER_NO:
            return MeldcodeForm::tr("no");
        default:
            return MeldcodeForm::tr("not answered");
    }
}

}  // namespace

// --- MeldcodeForm ------------------------------------------------------------------------------

MeldcodeForm::MeldcodeForm(Session& session, std::int64_t case_id, QWidget* parent)
    : QWidget(parent), session_(session), case_id_(case_id) {
    setObjectName(QStringLiteral("meldcodeForm"));
    auto* inner = new QWidget;
    summary_ = new QLabel(inner);
    summary_->setObjectName(QStringLiteral("meldcodeSummary"));
    summary_->setWordWrap(true);
    summary_->setTextFormat(Qt::RichText);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // Step 1, before there is a track: the signals start it.
    start_box_ = new QGroupBox(tr("Start a Meldcode track"), inner);
    signals_ = TextBox(inner, 3);
    signals_->setObjectName(QStringLiteral("meldcodeSignals"));
    signals_->setPlaceholderText(tr("What was seen or heard that points to domestic violence or child abuse"));
    start_ = new QPushButton(tr("Start the &track"), inner);
    {
        auto* form = new QFormLayout(start_box_);
        auto* label = new QLabel(tr("&1. Signals"), start_box_);
        label->setBuddy(signals_);
        form->addRow(label, signals_);
        form->addRow(start_);
    }

    work_ = new QWidget(inner);
    // Step 2.
    auto* consult_box = new QGroupBox(tr("2. Consultation"), work_);
    consult_kind_ = new QComboBox(consult_box);
    for (auto k : {v1::CONSULTATION_KIND_COLLEAGUE, v1::CONSULTATION_KIND_MELDCODE_OFFICER,
                   v1::CONSULTATION_KIND_VEILIG_THUIS}) {
        consult_kind_->addItem(Text::consultationKind(k), int(k));
    }
    officer_ = new QComboBox(consult_box);
    officer_->setObjectName(QStringLiteral("meldcodeOfficer"));
    with_whom_ = new QLineEdit(consult_box);
    with_whom_->setMaxLength(500);
    with_whom_->setPlaceholderText(tr("name, function, organisation"));
    anonymous_ = new QCheckBox(tr("Discussed &anonymously (without naming the family)"), consult_box);
    advice_ = TextBox(consult_box, 3);
    consult_ = new QPushButton(tr("R&ecord consultation"), consult_box);
    auto* consult_form = new QFormLayout(consult_box);
    consult_form->addRow(tr("&Kind"), consult_kind_);
    consult_form->addRow(tr("Aandachtsf&unctionaris"), officer_);
    consult_form->addRow(tr("&Who"), with_whom_);
    consult_form->addRow(anonymous_);
    consult_form->addRow(tr("Ad&vice"), advice_);
    consult_form->addRow(consult_);

    // Steps 1, 3, 4 and 5, saved together.
    auto* steps_box = new QGroupBox(tr("Signals, conversation and the afwegingskader"), work_);
    auto* work_signals = new QLabel(tr("&1. Signals"), steps_box);
    conversation_ = new QComboBox(steps_box);
    for (auto c : {v1::CONVERSATION_UNSPECIFIED, v1::CONVERSATION_HELD, v1::CONVERSATION_NOT_HELD})
        conversation_->addItem(Text::conversation(c), int(c));
    conversation_with_ = new QLineEdit(steps_box);
    conversation_with_->setMaxLength(500);
    conversation_with_->setPlaceholderText(tr("e.g. the youth and the mother"));
    conversation_note_ = TextBox(steps_box, 2);
    conversation_note_->setPlaceholderText(tr("What was said; or why it was not held"));
    auto* steps_form = new QFormLayout(steps_box);
    steps_form->addRow(work_signals);
    auto* step3 = new QLabel(tr("&3. Conversation"), steps_box);
    step3->setBuddy(conversation_);
    steps_form->addRow(step3, conversation_);
    steps_form->addRow(tr("W&ith whom"), conversation_with_);
    steps_form->addRow(tr("&How it went, or why not"), conversation_note_);
    steps_form->addRow(new QLabel(tr("<b>4 and 5. The afwegingskader</b>"), steps_box));
    for (int n = 1; n <= 5; ++n) {
        auto* answer = new QComboBox(steps_box);
        answer->setObjectName(QStringLiteral("meldcodeAnswer%1").arg(n));
        for (auto a : {v1::MELDCODE_ANSWER_UNSPECIFIED, v1::MELDCODE_ANSWER_YES, v1::MELDCODE_ANSWER_NO})
            answer->addItem(Answer(a), int(a));
        auto* reason = new QLineEdit(steps_box);
        reason->setMaxLength(4000);
        reason->setPlaceholderText(tr("why"));
        auto* question = new QLabel(Text::meldcodeQuestion(n), steps_box);
        question->setWordWrap(true);
        question->setBuddy(answer);
        auto* row = new QHBoxLayout;
        row->addWidget(answer);
        row->addWidget(reason, 1);
        steps_form->addRow(question);
        steps_form->addRow(row);
        answers_[n - 1] = answer;
        reasons_[n - 1] = reason;
    }
    save_ = new QPushButton(tr("Save the s&teps"), steps_box);
    steps_form->addRow(save_);
    // The signals edit moves into this box once the track exists (see showTrack).
    work_signals->setBuddy(signals_);

    // The decision.
    auto* decide_box = new QGroupBox(tr("Decision"), work_);
    required_ = new QLabel(decide_box);
    required_->setWordWrap(true);
    required_->setStyleSheet(QStringLiteral("color:#b71c1c; font-weight:bold"));
    decision_ = new QComboBox(decide_box);
    decision_->setObjectName(QStringLiteral("meldcodeDecision"));
    reference_ = new QLineEdit(decide_box);
    reference_->setMaxLength(100);
    decision_note_ = TextBox(decide_box, 2);
    decide_ = new QPushButton(tr("Re&gister the decision"), decide_box);
    auto* decide_form = new QFormLayout(decide_box);
    decide_form->addRow(required_);
    decide_form->addRow(tr("Decisio&n"), decision_);
    decide_form->addRow(tr("Veilig Thuis' re&ference"), reference_);
    decide_form->addRow(tr("E&xplanation"), decision_note_);
    decide_form->addRow(decide_);

    // Or hand it over.
    auto* transfer_box = new QGroupBox(tr("Or hand the track over"), work_);
    handover_ = new QComboBox(transfer_box);
    transfer_ = new QPushButton(tr("Hand the track over with this handover"), transfer_box);
    auto* transfer_form = new QFormLayout(transfer_box);
    transfer_form->addRow(new QLabel(tr("The receiving organisation decides; the case can then close."), transfer_box));
    transfer_form->addRow(tr("B&y handover"), handover_);
    transfer_form->addRow(transfer_);

    auto* work_layout = new QVBoxLayout(work_);
    work_layout->setContentsMargins(0, 0, 0, 0);
    work_layout->addWidget(consult_box);
    work_layout->addWidget(steps_box);
    work_layout->addWidget(decide_box);
    work_layout->addWidget(transfer_box);

    status_ = StatusLabel(inner);
    status_->setObjectName(QStringLiteral("meldcodeStatus"));
    auto* layout = new QVBoxLayout(inner);
    layout->addWidget(summary_);
    layout->addWidget(start_box_);
    layout->addWidget(work_);
    layout->addWidget(status_);
    layout->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(inner);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    // A field reached by its Alt key is scrolled into view, as Tab does.
    connect(qApp, &QApplication::focusChanged, this, [scroll, inner](QWidget*, QWidget* now) {
        if (now && inner->isAncestorOf(now)) scroll->ensureWidgetVisible(now);
    });

    auto kind_changed = [this] {
        const bool officer = consult_kind_->currentData().toInt() == v1::CONSULTATION_KIND_MELDCODE_OFFICER;
        officer_->setEnabled(officer);
        with_whom_->setEnabled(!officer);
    };
    connect(consult_kind_, &QComboBox::currentIndexChanged, this, kind_changed);
    kind_changed();
    connect(decision_, &QComboBox::currentIndexChanged, this,
            [this] { reference_->setEnabled(decision_->currentData().toInt() == v1::MELDCODE_DECISION_REPORT); });
    connect(start_, &QPushButton::clicked, this, &MeldcodeForm::start);
    connect(consult_, &QPushButton::clicked, this, &MeldcodeForm::addConsultation);
    connect(save_, &QPushButton::clicked, this, &MeldcodeForm::save);
    connect(decide_, &QPushButton::clicked, this, &MeldcodeForm::decide);
    connect(transfer_, &QPushButton::clicked, this, &MeldcodeForm::transfer);
    showTrack();
}

void MeldcodeForm::load(const v1::GetCaseResponse& got) {
    has_track_ = got.has_meldcode();
    track_ = got.meldcode();
    case_open_ = got.case_().status() == v1::CASE_STATUS_OPEN;
    showTrack();
}

void MeldcodeForm::showTrack() {
    const bool open = has_track_ && track_.state() == v1::MELDCODE_STATE_OPEN;
    start_box_->setVisible(!has_track_ && case_open_);
    work_->setVisible(open);
    if (open) {
        fillDecisions();
        if (filled_for_ != track_.id()) fillEdits();
        if (!officers_loaded_) loadOfficersAndHandovers();
    }
    if (!has_track_) {
        summary_->setText(case_open_ ? tr("This case has no Meldcode track. Start one when there are signals of "
                                          "domestic violence or child abuse.")
                                     : tr("This case has no Meldcode track."));
        return;
    }
    QString html = tr("<b>Meldcode: %1</b>").arg(Text::meldcodeStanding(track_).toHtmlEscaped());
    html += tr("<br>Started %1 by %2")
                .arg(Text::dateTime(track_.started_at()), Q(track_.started_by_name()).toHtmlEscaped());
    html += QStringLiteral("<p><b>%1</b><br>%2</p>").arg(tr("1. Signals"), HtmlText(track_.observed_signals()));
    html += QStringLiteral("<p><b>%1</b>").arg(tr("2. Consultation"));
    if (track_.consultations().empty()) html += QStringLiteral("<br><i>%1</i>").arg(tr("none yet"));
    for (const auto& c : track_.consultations()) {
        html +=
            QStringLiteral("<br>%1 — %2%3: %4")
                .arg(Text::dateTime(c.at()), Text::consultationKind(c.kind()),
                     (c.with_whom().empty() ? QString()
                                            : QStringLiteral(" (") + HtmlText(c.with_whom()) + QStringLiteral(")")) +
                         (c.anonymous() ? QStringLiteral(", ") + tr("anonymously") : QString()),
                     HtmlText(c.advice()));
    }
    html +=
        QStringLiteral("</p><p><b>%1</b> %2").arg(tr("3. Conversation:"), Text::conversation(track_.conversation()));
    if (!track_.conversation_with().empty()) html += QStringLiteral(" — ") + HtmlText(track_.conversation_with());
    if (!track_.conversation_note().empty()) html += QStringLiteral("<br>") + HtmlText(track_.conversation_note());
    html += QStringLiteral("</p><p><b>%1</b>").arg(tr("4 and 5. The afwegingskader"));
    for (int n = 1; n <= 5; ++n) {
        const auto& q = QuestionOf(track_, n);
        html += QStringLiteral("<br>%1 <b>%2</b>").arg(Text::meldcodeQuestion(n).toHtmlEscaped(), Answer(q.answer()));
        if (!q.reason().empty()) html += QStringLiteral(" — ") + HtmlText(q.reason());
    }
    html += QStringLiteral("</p>");
    if (track_.state() == v1::MELDCODE_STATE_DECIDED) {
        html += QStringLiteral("<p><b>%1</b> %2 — %3, %4<br>%5</p>")
                    .arg(tr("Decision:"), Text::meldcodeDecision(track_.decision()),
                         Q(track_.decided_by_name()).toHtmlEscaped(), Text::dateTime(track_.decided_at()),
                         HtmlText(track_.decision_note()));
    }
    summary_->setText(html);
}

void MeldcodeForm::fillEdits() {
    filled_for_ = track_.id();
    signals_->setPlainText(Q(track_.observed_signals()));
    conversation_->setCurrentIndex(conversation_->findData(int(track_.conversation())));
    conversation_with_->setText(Q(track_.conversation_with()));
    conversation_note_->setPlainText(Q(track_.conversation_note()));
    for (int n = 1; n <= 5; ++n) {
        const auto& q = QuestionOf(track_, n);
        answers_[n - 1]->setCurrentIndex(answers_[n - 1]->findData(int(q.answer())));
        reasons_[n - 1]->setText(Q(q.reason()));
    }
    // Step 1's edit is shown in the work area, above the conversation.
    auto* steps_form = qobject_cast<QFormLayout*>(conversation_->parentWidget()->layout());
    if (steps_form && signals_->parentWidget() != conversation_->parentWidget()) {
        signals_->setParent(conversation_->parentWidget());
        steps_form->insertRow(1, signals_);
    }
}

void MeldcodeForm::fillDecisions() {
    const int chosen = decision_->currentData().toInt();
    decision_->clear();
    if (track_.report_required()) {
        required_->setText(
            tr("The answers require a report to Veilig Thuis: unsafety, or help that cannot be "
               "offered, is not accepted or does not lead to lasting safety."));
        decision_->addItem(Text::meldcodeDecision(v1::MELDCODE_DECISION_REPORT), int(v1::MELDCODE_DECISION_REPORT));
    } else {
        required_->clear();
        for (auto d : {v1::MELDCODE_DECISION_HELP, v1::MELDCODE_DECISION_CLOSED, v1::MELDCODE_DECISION_REPORT})
            decision_->addItem(Text::meldcodeDecision(d), int(d));
    }
    required_->setVisible(track_.report_required());
    if (int i = decision_->findData(chosen); i >= 0) decision_->setCurrentIndex(i);
    reference_->setEnabled(decision_->currentData().toInt() == v1::MELDCODE_DECISION_REPORT);
}

void MeldcodeForm::loadOfficersAndHandovers() {
    officers_loaded_ = true;
    v1::GetTrackRequest req;
    req.set_track_id(track_.id());
    session_.api().call(this, v1::rpc::MeldcodeService::GetTrack, req, [this](const Result<v1::GetTrackResponse>& r) {
        if (!r.ok()) {
            officers_loaded_ = false;
            return;
        }
        officer_->clear();
        for (const auto& o : r->officers()) officer_->addItem(Q(o.display_name()), qint64(o.user_id()));
        if (r->officers().empty()) officer_->addItem(tr("(no aandachtsfunctionaris registered)"), qint64(0));
    });
    v1::ListHandoversRequest list;
    list.set_case_id(case_id_);
    list.set_include_confirmed(true);
    session_.api().call(
        this, v1::rpc::HandoverService::ListHandovers, list, [this](const Result<v1::ListHandoversResponse>& r) {
            if (!r.ok()) return;
            handover_->clear();
            for (const auto& h : r->handovers()) {
                const QString to =
                    h.recipient().name().empty() ? Text::handoverKind(h.kind()) : Q(h.recipient().name());
                handover_->addItem(QStringLiteral("%1 — %2").arg(Text::handoverKind(h.kind()), to), qint64(h.id()));
            }
            transfer_->setEnabled(handover_->count() > 0);
            if (handover_->count() == 0) handover_->addItem(tr("(start a handover first)"), qint64(0));
        });
}

template <typename Resp>
void MeldcodeForm::afterWrite(const Result<Resp>& r, const QString& done, bool refill) {
    ShowStatus(status_, r.ok() ? done : Text::error(r.error()), !r.ok());
    if (!r.ok()) return;
    has_track_ = true;
    track_ = r->track();
    // After saving the steps the server's values are the form's; other writes leave what is
    // typed in the steps alone.
    if (refill) filled_for_ = 0;
    showTrack();
    emit trackChanged();
}

void MeldcodeForm::start() {
    v1::StartTrackRequest req;
    req.set_case_id(case_id_);
    req.set_observed_signals(S(signals_->toPlainText().trimmed()));
    session_.api().call(
        this, v1::rpc::MeldcodeService::StartTrack, req, [this](const Result<v1::StartTrackResponse>& r) {
            afterWrite(r,
                       tr("The Meldcode track has started. Consult a colleague, the aandachtsfunctionaris or "
                          "Veilig Thuis next."),
                       true);
            if (r.ok()) consult_kind_->setFocus();
        });
}

void MeldcodeForm::addConsultation() {
    v1::AddConsultationRequest req;
    req.set_track_id(track_.id());
    req.set_kind(v1::ConsultationKind(consult_kind_->currentData().toInt()));
    if (req.kind() == v1::CONSULTATION_KIND_MELDCODE_OFFICER) {
        req.set_user_id(officer_->currentData().toLongLong());
    } else {
        req.set_with_whom(S(with_whom_->text().trimmed()));
    }
    req.set_anonymous(anonymous_->isChecked());
    req.set_advice(S(advice_->toPlainText().trimmed()));
    session_.api().call(this, v1::rpc::MeldcodeService::AddConsultation, req,
                        [this](const Result<v1::AddConsultationResponse>& r) {
                            if (r.ok()) {
                                advice_->clear();
                                with_whom_->clear();
                                anonymous_->setChecked(false);
                            }
                            afterWrite(r, tr("Consultation recorded."), false);
                        });
}

void MeldcodeForm::save() {
    v1::UpdateTrackRequest req;
    req.set_track_id(track_.id());
    if (Q(track_.observed_signals()) != signals_->toPlainText())
        req.set_observed_signals(S(signals_->toPlainText().trimmed()));
    req.set_conversation(v1::Conversation(conversation_->currentData().toInt()));
    if (req.conversation() != v1::CONVERSATION_UNSPECIFIED) {
        req.set_conversation_with(S(conversation_with_->text().trimmed()));
        req.set_conversation_note(S(conversation_note_->toPlainText().trimmed()));
    }
    for (int n = 1; n <= 5; ++n) {
        const auto answer = v1::MeldcodeAnswer(answers_[n - 1]->currentData().toInt());
        const QString reason = reasons_[n - 1]->text().trimmed();
        if (answer == v1::MELDCODE_ANSWER_UNSPECIFIED && reason.isEmpty()) continue;
        auto* q = MutableQuestionOf(req, n);
        q->set_answer(answer);
        q->set_reason(S(reason));
    }
    session_.api().call(this, v1::rpc::MeldcodeService::UpdateTrack, req,
                        [this](const Result<v1::UpdateTrackResponse>& r) { afterWrite(r, tr("Saved."), true); });
}

void MeldcodeForm::decide() {
    v1::DecideTrackRequest req;
    req.set_track_id(track_.id());
    req.set_decision(v1::MeldcodeDecision(decision_->currentData().toInt()));
    req.set_note(S(decision_note_->toPlainText().trimmed()));
    if (req.decision() == v1::MELDCODE_DECISION_REPORT) req.set_veilig_thuis_reference(S(reference_->text().trimmed()));
    session_.api().call(
        this, v1::rpc::MeldcodeService::DecideTrack, req,
        [this](const Result<v1::DecideTrackResponse>& r) { afterWrite(r, tr("The decision is recorded."), false); });
}

void MeldcodeForm::transfer() {
    v1::TransferTrackRequest req;
    req.set_track_id(track_.id());
    req.set_handover_id(handover_->currentData().toLongLong());
    session_.api().call(
        this, v1::rpc::MeldcodeService::TransferTrack, req,
        [this](const Result<v1::TransferTrackResponse>& r) { afterWrite(r, tr("The track is handed over."), false); });
}

// --- MeldcodeBoard -------------------------------------------------------------------------------

MeldcodeBoard::MeldcodeBoard(Session& session, QWidget* parent) : QWidget(parent), session_(session) {
    setObjectName(QStringLiteral("meldcodeBoard"));
    list_ = new QTreeWidget(this);
    list_->setHeaderLabels({tr("Started"), tr("Case"), tr("Where it stands"), tr("Signals")});
    list_->setRootIsDecorated(false);
    list_->header()->setSectionResizeMode(3, QHeaderView::Stretch);
    list_->setColumnWidth(0, 130);
    list_->setColumnWidth(1, 220);
    list_->setColumnWidth(2, 260);
    all_ = new QCheckBox(tr("Also &decided and handed-over tracks"), this);
    auto* reload = new QPushButton(tr("Refresh (F5)"), this);
    reload->setShortcut(QKeySequence(Qt::Key_F5));
    status_ = StatusLabel(this);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Meldcode tracks, undecided first. Enter opens the case."), this), 1);
    top->addWidget(all_);
    top->addWidget(reload);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(list_, 1);
    layout->addWidget(status_);
    connect(reload, &QPushButton::clicked, this, &MeldcodeBoard::refresh);
    connect(all_, &QCheckBox::toggled, this, &MeldcodeBoard::refresh);
    auto open = [this](QTreeWidgetItem* item) {
        if (item) emit openCase(item->data(0, Qt::UserRole).toLongLong());
    };
    connect(list_, &QTreeWidget::itemActivated, this, [open](QTreeWidgetItem* item, int) { open(item); });
    connect(&session_.names(), &YouthNames::caseLabelKnown, this, [this](std::int64_t id, const QString& label) {
        for (int i = 0; i < list_->topLevelItemCount(); ++i) {
            auto* item = list_->topLevelItem(i);
            if (item->data(0, Qt::UserRole).toLongLong() == id) item->setText(1, label);
        }
    });
    refresh();
}

void MeldcodeBoard::refresh() {
    v1::ListTracksRequest req;
    req.set_open_only(!all_->isChecked());
    session_.api().call(
        this, v1::rpc::MeldcodeService::ListTracks, req, [this](const Result<v1::ListTracksResponse>& r) {
            if (!r.ok()) {
                ShowStatus(status_, Text::error(r.error()), true);
                return;
            }
            status_->clear();
            list_->clear();
            for (const auto& t : r->tracks()) {
                QString signals_text = Q(t.observed_signals()).simplified();
                auto* item =
                    new QTreeWidgetItem(list_, {Text::dateTime(t.started_at()), session_.names().caseLabel(t.case_id()),
                                                Text::meldcodeStanding(t), signals_text});
                item->setData(0, Qt::UserRole, qint64(t.case_id()));
                item->setToolTip(3, Q(t.observed_signals()));
            }
            if (r->tracks().empty()) {
                ShowStatus(status_,
                           all_->isChecked() ? tr("There are no Meldcode tracks.") : tr("No track is undecided."),
                           false);
            }
            if (list_->topLevelItemCount() > 0) list_->setCurrentItem(list_->topLevelItem(0));
        });
}

}  // namespace spoed::desk
