#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "client/desk/sealed_file.hpp"
#include "spoed/v1/offline.pb.h"

namespace spoed::desk {

/// The offline set on this desk (spoed.v1.OfflineService): the pre-registered youths with their
/// plan and consent, the partner directory and tonight's shift, as of the last sync; and the
/// reads made from it that the server has not recorded yet. Both are sealed files of the user
/// (SealedFile, under the key of the user's drafts: one password, one derivation), so nothing of
/// it is readable on disk without the password.
///
/// The copy is removed when it is too old (not synced for `keep_seconds`), when the user's roles
/// are not the ones it was made for, when the server says so, and at log-out where the deployment
/// wants it; the reads are never removed before the server has them.
class OfflineCopy : public QObject {
    Q_OBJECT
  public:
    /// Opens the copy and the reads of `user` on `server` under `dir`, sealed with `keyed`'s key.
    /// A copy that does not open (changed, or sealed under another key) is removed, and
    /// `warning` says so; nullptr only when not even a new one can be begun.
    static std::unique_ptr<OfflineCopy> Open(const QString& dir, const QString& server, const QString& user,
                                             const SealedFile& keyed, QString* warning);
    /// The desk's folder for them (QStandardPaths' application data).
    static QString DefaultDir();
    /// Whether a copy of `user` on `server` is on disk under `dir` (without opening it).
    static bool Exists(const QString& dir, const QString& server, const QString& user);

    /// Whether a synced set is held.
    bool present() const { return !set_.sync_token().empty(); }
    QDateTime syncedAt() const;
    const std::string& syncToken() const { return set_.sync_token(); }
    int youthCount() const { return set_.youths_size(); }
    bool wipeAtLogout() const { return set_.wipe_at_logout(); }
    const QString& path() const { return copy_.path(); }
    const QString& readsPath() const { return reads_.path(); }

    /// Removes the copy when it is older than its keep time at `now` or was made for other
    /// roles; returns why it was removed ("" when it was kept).
    QString dropIfStale(const QDateTime& now, const std::vector<v1::Role>& roles);
    /// Removes the copy (the reads stay until the server has them).
    void wipe();
    /// Takes in one sync's answer: the whole set, or the changes to the copy.
    void apply(const v1::SyncOfflineSetResponse& sync);

    struct Found {
        std::vector<const v1::OfflineYouth*> youths;  // family name, given name, id; at most 20
        std::string query_kind;                       // "phone", "date+name"... for the audit
        QString error;                                // the query could not be read
    };
    /// The look-up over the copy: the server's query parser and the server's rule (every part
    /// of the query must match: the phone a number of the youth or their network, the date the
    /// date of birth, each name fragment a part of the folded name), in the server's order.
    Found search(const QString& text) const;
    const v1::OfflineYouth* youth(std::int64_t id) const;
    /// Who the copy was made for, and what their roles may call (as at Login).
    const v1::User& user() const { return set_.user(); }
    std::vector<std::string> allowedMethods() const {
        return {set_.allowed_methods().begin(), set_.allowed_methods().end()};
    }
    /// Tonight's shift as of the sync; nullptr when none was set.
    const v1::Shift* shift() const { return set_.has_shift() ? &set_.shift() : nullptr; }

    /// Keeps one read from the copy, sealed, until the server has recorded it.
    void noteRead(v1::OfflineRead read);
    /// The same, now: a look-up (its kind and who it showed), a youth or a plan opened.
    void noteLookup(const Found& found);
    void noteYouth(std::int64_t youth_id);
    void notePlan(const v1::OfflineYouth& youth);
    int pendingReads() const { return batch_.reads_size() + backlog_.reads_size(); }
    /// The reads to upload next, with their idempotency key: the same batch and key until
    /// batchRecorded(), so that an upload that is answered but not heard is recorded once.
    /// Empty when there is nothing to upload.
    const v1::UploadOfflineReadsRequest& nextBatch();
    void batchRecorded();

  signals:
    /// The copy was synced or removed.
    void changed();
    void writeFailed(const QString& error);

  private:
    OfflineCopy(SealedFile copy, SealedFile reads);
    void index();
    void saveCopy();
    void saveReads();

    struct Entry {
        std::string folded_name;
        std::string date;                 // "2010-03-04"
        std::vector<std::string> phones;  // the youth's and the network's, normalised
        int at = 0;                       // in set_.youths
    };

    SealedFile copy_;
    SealedFile reads_;
    v1::SyncOfflineSetResponse set_;  // as a whole set: every youth of the copy in `youths`
    std::vector<Entry> entries_;
    std::map<std::int64_t, int> by_id_;
    v1::UploadOfflineReadsRequest batch_;    // on its way, with its key
    v1::UploadOfflineReadsRequest backlog_;  // not sent yet
};

}  // namespace spoed::desk
