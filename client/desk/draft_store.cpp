#include "client/desk/draft_store.hpp"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QStandardPaths>

namespace spoed::desk {

DraftStore::DraftStore(SealedFile file) : file_(std::move(file)) {
    drafts_ = QJsonDocument::fromJson(file_.contents()).object().value(QStringLiteral("drafts")).toObject();
}

QString DraftStore::DefaultDir() {
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/drafts");
}

QString DraftStore::PathFor(const QString& dir, const QString& server, const QString& user) {
    return SealedPath(dir, server, user, QStringLiteral("drafts"));
}

std::unique_ptr<DraftStore> DraftStore::Open(const QString& dir, const QString& server, const QString& user,
                                             const QString& password, QString* warning) {
    const QString path = PathFor(dir, server, user);
    QString error;
    auto file = SealedFile::Open(path, password, &error);
    if (!file) {
        // Never deleted: set aside, so that nothing is lost that could still be read.
        const QString aside = path + QStringLiteral(".unreadable");
        QFile::remove(aside);
        QFile::rename(path, aside);
        *warning = error;
        file = SealedFile::Open(path, password, &error);
        if (!file) {
            *warning = error;
            return nullptr;
        }
    }
    const bool fresh = !QFileInfo::exists(path);
    auto store = std::unique_ptr<DraftStore>(new DraftStore(std::move(*file)));
    // Written at once: its salt is what the user's other sealed files (the offline copy) are
    // opened with next time, so it must not change with every sign-in.
    if (fresh) store->save();
    return store;
}

void DraftStore::put(const Draft& draft) {
    QJsonObject d;
    d[QStringLiteral("key")] = QString::fromStdString(draft.key);
    d[QStringLiteral("fields")] = draft.fields;
    d[QStringLiteral("label")] = draft.label;
    d[QStringLiteral("saved_at")] = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    if (drafts_.value(draft.slot).toObject() == d) return;
    drafts_[draft.slot] = d;
    save();
}

void DraftStore::remove(const QString& slot) {
    if (!drafts_.contains(slot)) return;
    drafts_.remove(slot);
    save();
}

std::optional<DraftStore::Draft> DraftStore::get(const QString& slot) const {
    if (!drafts_.contains(slot)) return std::nullopt;
    const QJsonObject d = drafts_.value(slot).toObject();
    return Draft{slot, d.value(QStringLiteral("key")).toString().toStdString(),
                 d.value(QStringLiteral("fields")).toObject(), d.value(QStringLiteral("label")).toString(),
                 QDateTime::fromString(d.value(QStringLiteral("saved_at")).toString(), Qt::ISODate)};
}

std::vector<DraftStore::Draft> DraftStore::all() const {
    std::vector<Draft> out;
    for (auto it = drafts_.begin(); it != drafts_.end(); ++it) out.push_back(*get(it.key()));
    return out;
}

void DraftStore::save() {
    QJsonObject root;
    root[QStringLiteral("drafts")] = drafts_;
    QString error;
    if (!file_.write(QJsonDocument(root).toJson(QJsonDocument::Compact), &error)) emit writeFailed(error);
}

}  // namespace spoed::desk
