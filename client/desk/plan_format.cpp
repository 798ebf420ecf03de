#include "client/desk/plan_format.hpp"

#include <QLocale>
#include <QSet>

#include "client/desk/phone_format.hpp"
#include "client/desk/text.hpp"

namespace spoed::desk {
namespace {

QStringList Lines(const google::protobuf::RepeatedPtrField<std::string>& list) {
    QStringList out;
    for (const auto& s : list) out << Q(s);
    return out;
}

QStringList Contacts(const google::protobuf::RepeatedPtrField<v1::HelpContact>& list) {
    QStringList out;
    for (const auto& c : list) out << PlanFormat::contact(c);
    return out;
}

QString Esc(const QString& s) { return s.toHtmlEscaped(); }

QString List(const QStringList& items) {
    if (items.isEmpty()) return QStringLiteral("<p><i>—</i></p>");
    QString out = QStringLiteral("<ul>");
    for (const auto& i : items) out += QStringLiteral("<li>") + Esc(i) + QStringLiteral("</li>");
    return out + QStringLiteral("</ul>");
}

}  // namespace

QString PlanFormat::contact(const v1::HelpContact& c) {
    QString s = Q(c.name());
    if (!c.relation().empty()) s += QStringLiteral(" (") + Q(c.relation()) + QLatin1Char(')');
    if (!c.phone().empty()) s += QStringLiteral(": ") + DutchPhone(Q(c.phone()));
    return s;
}

QString PlanFormat::contactsText(const google::protobuf::RepeatedPtrField<v1::HelpContact>& list) {
    QStringList lines;
    for (const auto& c : list)
        lines << Q(c.name()) + QStringLiteral(" | ") + Q(c.relation()) + QStringLiteral(" | ") + Q(c.phone());
    return lines.join(QLatin1Char('\n'));
}

std::vector<v1::HelpContact> PlanFormat::parseContacts(const QString& text) {
    std::vector<v1::HelpContact> out;
    for (const QString& line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        QStringList parts = line.split(QLatin1Char('|'));
        if (parts.value(0).trimmed().isEmpty()) continue;
        v1::HelpContact c;
        c.set_name(S(parts.value(0).trimmed()));
        c.set_relation(S(parts.value(1).trimmed()));
        c.set_phone(S(parts.value(2).trimmed()));
        out.push_back(std::move(c));
    }
    return out;
}

std::vector<std::pair<QString, QStringList>> PlanFormat::sections(const v1::PlanContent& c) {
    auto phase = [](const v1::SignalPhase& p) {
        return QStringList{tr("Signs: %1").arg(Q(p.signs())), tr("What I do: %1").arg(Q(p.what_i_do())),
                           tr("What others do: %1").arg(Q(p.what_others_do()))};
    };
    return {
        {tr("Green phase"), phase(c.green())},
        {tr("Orange phase"), phase(c.orange())},
        {tr("Red phase"), phase(c.red())},
        {tr("1. Warning signs"), Lines(c.warning_signs())},
        {tr("2. Own coping"), Lines(c.own_coping())},
        {tr("3. Distracting people"), Contacts(c.distracting_people())},
        {tr("3. Distracting places"), Lines(c.distracting_places())},
        {tr("4. People who can help"), Contacts(c.people_who_can_help())},
        {tr("5. Professionals and agencies"), Contacts(c.professionals())},
        {tr("6. Making the environment safe"), Lines(c.making_environment_safe())},
        {tr("Crisis workers: do"), Lines(c.crisis_workers_do())},
        {tr("Crisis workers: avoid"), Lines(c.crisis_workers_avoid())},
        {tr("Agreements"), Lines(c.agreements())},
    };
}

QString PlanFormat::offlineHtml(const v1::OfflineYouth& youth, const QDateTime& copy_time) {
    const QString banner = QStringLiteral("<p style='background:#fff3cd; padding:4px'><b>") +
                           Esc(tr("Offline: from the copy of %1. Read-only; earlier cases are not in the copy.")
                                   .arg(QLocale().toString(copy_time, QStringLiteral("dd-MM-yyyy HH:mm")))) +
                           QStringLiteral("</b></p>");
    if (!youth.has_plan())
        return banner + QStringLiteral("<p><i>") + Esc(tr("There is no plan for this youth.")) +
               QStringLiteral("</i></p>");
    return banner + html(youth.plan());
}

QString PlanFormat::html(const v1::PlanVersion& plan) {
    const auto& c = plan.content();
    QString out =
        QStringLiteral("<h3>") + tr("Plan version %1").arg(plan.version()) + QStringLiteral("</h3><p>") +
        Esc(tr("by %1, %2 — %3").arg(Q(plan.author_name()), Text::dateTime(plan.created_at()), Q(plan.change_note()))) +
        QStringLiteral("</p>");
    struct Phase {
        QString title;
        const v1::SignalPhase* p;
        const char* colour;
        const char* border;
    };
    // On the phone, what the crisis line should do and avoid and the agreements come first.
    auto all = sections(c);
    // sections(): the three phases, the six steps, then do, avoid and the agreements.
    constexpr std::size_t kFirstStep = 3;
    const std::size_t crisis_workers_do = all.size() - 3;
    out += QStringLiteral(
        "<table width='100%' cellpadding='6'><tr><td style='background:#eef3f8; border:2px solid #1f4e79'>");
    for (std::size_t i = crisis_workers_do; i < all.size(); ++i) {
        out += QStringLiteral("<h4>") + Esc(all[i].first) + QStringLiteral("</h4>") + List(all[i].second);
    }
    out += QStringLiteral("</td></tr></table>");
    const Phase phases[] = {{tr("Green"), &c.green(), "#e3f4e1", "#2e7d32"},
                            {tr("Orange"), &c.orange(), "#fff0d9", "#ef6c00"},
                            {tr("Red"), &c.red(), "#fbe0e0", "#c62828"}};
    out += QStringLiteral("<table width='100%' cellspacing='4' cellpadding='6'><tr>");
    for (const auto& ph : phases) {
        out += QStringLiteral("<td valign='top' width='33%' style='background:%1; border:2px solid %2'>")
                   .arg(QLatin1String(ph.colour), QLatin1String(ph.border)) +
               QStringLiteral("<b style='color:%1'>").arg(QLatin1String(ph.border)) + Esc(ph.title) +
               QStringLiteral("</b><br><b>") + Esc(tr("Signs")) + QStringLiteral(":</b> ") + Esc(Q(ph.p->signs())) +
               QStringLiteral("<br><b>") + Esc(tr("What I do")) + QStringLiteral(":</b> ") + Esc(Q(ph.p->what_i_do())) +
               QStringLiteral("<br><b>") + Esc(tr("What others do")) + QStringLiteral(":</b> ") +
               Esc(Q(ph.p->what_others_do())) + QStringLiteral("</td>");
    }
    out += QStringLiteral("</tr></table>");
    for (std::size_t i = kFirstStep; i < crisis_workers_do; ++i) {
        out += QStringLiteral("<h4>") + Esc(all[i].first) + QStringLiteral("</h4>") + List(all[i].second);
    }
    return out;
}

std::vector<PlanChange> PlanFormat::diff(const v1::PlanContent& before, const v1::PlanContent& after) {
    std::vector<PlanChange> out;
    auto a = sections(before);
    auto b = sections(after);
    for (std::size_t s = 0; s < a.size(); ++s) {
        const QStringList& old_items = a[s].second;
        const QStringList& new_items = b[s].second;
        if (s < 3) {  // phases: three fixed lines, compared line by line
            for (int i = 0; i < old_items.size(); ++i) {
                if (old_items[i] != new_items[i]) out.push_back({a[s].first, old_items[i], new_items[i]});
            }
            continue;
        }
        QSet<QString> old_set(old_items.begin(), old_items.end());
        QSet<QString> new_set(new_items.begin(), new_items.end());
        for (const auto& item : old_items) {
            if (!new_set.contains(item)) out.push_back({a[s].first, item, {}});
        }
        for (const auto& item : new_items) {
            if (!old_set.contains(item)) out.push_back({a[s].first, {}, item});
        }
    }
    return out;
}

QString PlanFormat::diffHtml(const std::vector<PlanChange>& changes) {
    if (changes.empty()) return QStringLiteral("<p><i>") + Esc(tr("No changes.")) + QStringLiteral("</i></p>");
    QString out;
    QString section;
    for (const auto& c : changes) {
        if (c.section != section) {
            if (!section.isEmpty()) out += QStringLiteral("</ul>");
            section = c.section;
            out += QStringLiteral("<b>") + Esc(section) + QStringLiteral("</b><ul>");
        }
        if (!c.before.isEmpty()) {
            out += QStringLiteral("<li style='color:#b71c1c'>− <s>") + Esc(c.before) + QStringLiteral("</s></li>");
        }
        if (!c.after.isEmpty()) {
            out += QStringLiteral("<li style='color:#1b5e20'>+ ") + Esc(c.after) + QStringLiteral("</li>");
        }
    }
    return out + QStringLiteral("</ul>");
}

}  // namespace spoed::desk
