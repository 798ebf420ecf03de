#pragma once

#include <chrono>

#include "daemon/service/call.hpp"
#include "daemon/service/shift_service.hpp"
#include "spoed/v1/offline.pb.h"

namespace spoed::daemon::service {

struct OfflinePolicy {
    bool enabled = true;             // offline_cache
    std::chrono::hours max_age{24};  // offline_max_age_hours
    bool wipe_at_logout = false;     // offline_wipe_at_logout
};

/// The offline set and the reads made from it (spoed.v1.OfflineService).
///
/// The set is every youth with an active pre-registration and a valid pre_registration consent
/// (exactly whose plan the caller may read online without breaking the glass), the partner
/// directory and tonight's shift. The sync token names, per youth in the set, a digest of what
/// was sent: a later sync sends the youths whose digest changed or who are new, and names those
/// who left. It needs no per-desk state on the server and cannot miss a write that committed
/// late, at the price of reading the set once per sync.
class OfflineSetService {
  public:
    OfflineSetService(OfflinePolicy policy, const ShiftService& shift) : policy_(policy), shift_(shift) {}

    Result<v1::SyncOfflineSetResponse> SyncOfflineSet(Call& call, const v1::SyncOfflineSetRequest& req);
    Result<v1::UploadOfflineReadsResponse> UploadOfflineReads(Call& call, const v1::UploadOfflineReadsRequest& req);

    /// Most reads in one upload.
    static constexpr int kMaxReads = 500;
    /// Most youths named by one look-up.
    static constexpr int kMaxFound = 50;

  private:
    OfflinePolicy policy_;
    const ShiftService& shift_;
};

}  // namespace spoed::daemon::service
