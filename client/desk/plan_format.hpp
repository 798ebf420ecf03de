#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <vector>

#include "spoed/v1/offline.pb.h"
#include "spoed/v1/plan.pb.h"

namespace spoed::desk {

/// One difference between two plan versions: a text that was removed, added or changed in one
/// section. `before` is empty for an addition, `after` for a removal.
struct PlanChange {
    QString section;
    QString before;
    QString after;
};

/// The plan as a crisis worker reads it on the phone, and what changed between versions.
class PlanFormat {
    Q_DECLARE_TR_FUNCTIONS(PlanFormat)
  public:
    /// The plan by section, the signalling phases in their colours (green, orange, red).
    static QString html(const v1::PlanVersion& plan);
    /// The plan from the offline copy, under a banner that says it is the copy's (of
    /// `copy_time`), read-only, and that earlier cases are not in it.
    static QString offlineHtml(const v1::OfflineYouth& youth, const QDateTime& copy_time);
    /// Every section's items, in the plan's order, as (section title, lines).
    static std::vector<std::pair<QString, QStringList>> sections(const v1::PlanContent& c);
    /// What changed from `before` to `after`, section by section, in the plan's order.
    static std::vector<PlanChange> diff(const v1::PlanContent& before, const v1::PlanContent& after);
    static QString diffHtml(const std::vector<PlanChange>& changes);
    /// "Name (relation): phone"
    static QString contact(const v1::HelpContact& c);
    /// Parses "name | relation | phone" lines back into contacts (the editor's notation).
    static std::vector<v1::HelpContact> parseContacts(const QString& text);
    static QString contactsText(const google::protobuf::RepeatedPtrField<v1::HelpContact>& list);
};

}  // namespace spoed::desk
