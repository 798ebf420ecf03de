#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "client/desk/sealed_file.hpp"

namespace spoed::desk {

/// The user's unsent drafts on disk, sealed (SealedFile), one file per user and server: a
/// contact, a consult question, a shift note, each under its slot ("contact/12") with its
/// idempotency key, so that after a closed tab, a crash or a power cut the text comes back and
/// is written once.
class DraftStore : public QObject {
    Q_OBJECT
  public:
    struct Draft {
        QString slot;
        std::string key;     // the idempotency key the draft is sent with
        QJsonObject fields;  // the form's contents
        QString label;       // "Contact — Daan Visser (fictief)", for the offer at log-in
        QDateTime saved_at;
    };

    /// Opens the drafts of `user` on `server` under `dir` with the key from `password`. A file
    /// that does not open (another password, or changed) is set aside as "….unreadable" and a
    /// new one begins; `warning` then says so.
    static std::unique_ptr<DraftStore> Open(const QString& dir, const QString& server, const QString& user,
                                            const QString& password, QString* warning);
    /// Where the drafts of `user` on `server` are kept under `dir` (no name in the file name).
    static QString PathFor(const QString& dir, const QString& server, const QString& user);
    /// The desk's folder for them (QStandardPaths' application data).
    static QString DefaultDir();

    void put(const Draft& draft);
    void remove(const QString& slot);
    std::optional<Draft> get(const QString& slot) const;
    std::vector<Draft> all() const;
    const QString& path() const { return file_.path(); }
    /// The sealed file, whose key opens the user's other sealed files (SealedFile::OpenLike).
    const SealedFile& file() const { return file_; }

  signals:
    /// The drafts could not be written to disk (they are still in the forms).
    void writeFailed(const QString& error);

  private:
    explicit DraftStore(SealedFile file);
    void save();

    SealedFile file_;
    QJsonObject drafts_;  // slot → {key, fields, label, saved_at}
};

}  // namespace spoed::desk
