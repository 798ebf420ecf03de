#pragma once

#include <QObject>
#include <QString>
#include <cstdint>
#include <map>
#include <set>

namespace spoed::desk {

class Api;

/// The names of the youths this desk shows, read once per session: a case, a consult or a
/// handover names its youth, never only a number, and every read is audited, so each name is
/// asked for once (GetYouth for a youth, GetCase for a case whose youth is not yet known).
class YouthNames : public QObject {
    Q_OBJECT
  public:
    explicit YouthNames(Api& api, QObject* parent = nullptr);

    /// The youth's name, or a placeholder ("…") while it is being fetched; nameKnown follows.
    QString name(std::int64_t youth_id);
    /// The name of the youth of a case: the caller's description where the youth is not known
    /// (yet); a placeholder while it is being fetched, then caseLabelKnown.
    QString caseLabel(std::int64_t case_id);
    /// The youth's age in years, or -1 while it is not known (it comes with the name).
    int age(std::int64_t youth_id) const;
    /// The age was estimated from what a caller said (the date of birth is not known).
    bool ageEstimated(std::int64_t youth_id) const { return estimated_.count(youth_id) > 0; }
    /// Remembers what a screen already read, so that nobody fetches it again.
    void remember(std::int64_t youth_id, const QString& name, int age = -1, bool age_estimated = false);
    void rememberCase(std::int64_t case_id, std::int64_t youth_id, const QString& caller_description);
    /// Forgets a case's youth (it was linked or changed): the next caseLabel asks again.
    void forgetCase(std::int64_t case_id);

  signals:
    void nameKnown(std::int64_t youth_id, const QString& name);
    void caseLabelKnown(std::int64_t case_id, const QString& label);

  private:
    QString labelFor(std::int64_t case_id);

    Api& api_;
    std::map<std::int64_t, QString> names_;
    std::map<std::int64_t, int> ages_;
    std::set<std::int64_t> estimated_;
    std::set<std::int64_t> asking_;
    struct CaseInfo {
        std::int64_t youth_id = 0;
        QString caller_description;
    };
    std::map<std::int64_t, CaseInfo> cases_;
    std::set<std::int64_t> asking_cases_;
};

}  // namespace spoed::desk
