#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

namespace spoed::desk {

class Session;

/// Keeps the session's offline copy current and its reads recorded: the reads made offline go
/// up first (with their idempotency key, batch by batch), then the set is synced — at sign-in,
/// every five minutes and as soon as the connection is back. Once a minute the copy is checked
/// for age; a copy not synced for too long is removed.
class OfflineSync : public QObject {
    Q_OBJECT
  public:
    static constexpr int kSyncIntervalMs = 5 * 60 * 1000;

    OfflineSync(Session& session, QObject* parent = nullptr);

    /// Uploads what waits, then syncs (ignored while one is on its way).
    void syncNow();
    /// Whether a sync or an upload is on its way (for tests).
    bool busy() const { return syncing_ || uploading_; }

  signals:
    /// A sync answered and the copy took it in.
    void synced();
    /// The last batch of offline reads was recorded by the server.
    void readsRecorded();
    /// Something the user should know about the copy (it was removed, it could not be kept).
    void notice(const QString& text);

  private:
    void uploadReads();
    void sync();
    void checkAge();

    Session& session_;
    QTimer every_;
    QTimer age_;
    bool syncing_ = false;
    bool uploading_ = false;
    bool sync_after_upload_ = false;
};

}  // namespace spoed::desk
