#include "client/desk/offline_sync.hpp"

#include "client/desk/offline_copy.hpp"
#include "client/desk/session.hpp"
#include "client/desk/text.hpp"

namespace spoed::desk {

OfflineSync::OfflineSync(Session& session, QObject* parent) : QObject(parent), session_(session) {
    every_.setInterval(kSyncIntervalMs);
    connect(&every_, &QTimer::timeout, this, &OfflineSync::syncNow);
    every_.start();
    age_.setInterval(60 * 1000);
    connect(&age_, &QTimer::timeout, this, &OfflineSync::checkAge);
    age_.start();
    connect(&session_.api(), &Api::reconnected, this, &OfflineSync::syncNow);
    checkAge();
}

void OfflineSync::checkAge() {
    OfflineCopy* copy = session_.offline();
    if (!copy) return;
    std::vector<v1::Role> roles;
    for (int r : session_.user().roles()) roles.push_back(v1::Role(r));
    const QString why = copy->dropIfStale(QDateTime::currentDateTime(), roles);
    if (!why.isEmpty()) emit notice(why);
}

void OfflineSync::syncNow() {
    sync_after_upload_ = true;
    uploadReads();
}

void OfflineSync::uploadReads() {
    OfflineCopy* copy = session_.offline();
    if (!copy || uploading_) return;
    const auto& batch = copy->nextBatch();
    if (batch.reads_size() == 0) {
        if (sync_after_upload_) sync();
        return;
    }
    uploading_ = true;
    session_.api().call(this, v1::rpc::OfflineService::UploadOfflineReads, batch,
                        [this](const Result<v1::UploadOfflineReadsResponse>& r) {
                            uploading_ = false;
                            OfflineCopy* copy = session_.offline();
                            if (!copy) return;
                            if (r.ok() || r.error().code == ErrorCode::kInvalidArgument) {
                                // Recorded; or refused as unreadable, which no retry changes.
                                if (!r.ok()) emit notice(Text::error(r.error()));
                                copy->batchRecorded();
                                if (copy->pendingReads() == 0) emit readsRecorded();
                                uploadReads();
                                return;
                            }
                            // Not reached, or refused for now: the batch and its key wait.
                            if (sync_after_upload_) sync();
                        });
}

void OfflineSync::sync() {
    sync_after_upload_ = false;
    OfflineCopy* copy = session_.offline();
    if (!copy || syncing_) return;
    if (!session_.may(v1::rpc::OfflineService::SyncOfflineSet)) {
        // Not (or no longer) a role that reads plans at night: no copy on this desk.
        if (copy->present()) copy->wipe();
        return;
    }
    syncing_ = true;
    v1::SyncOfflineSetRequest req;
    req.set_sync_token(copy->syncToken());
    session_.api().call(this, v1::rpc::OfflineService::SyncOfflineSet, req,
                        [this](const Result<v1::SyncOfflineSetResponse>& r) {
                            syncing_ = false;
                            OfflineCopy* copy = session_.offline();
                            if (!copy) return;
                            if (!r.ok()) {
                                if (r.error().code == ErrorCode::kPermissionDenied && copy->present()) copy->wipe();
                                return;
                            }
                            copy->apply(*r);
                            emit synced();
                        });
}

}  // namespace spoed::desk
