#pragma once

#include <array>

#include "daemon/service/call.hpp"
#include "spoed/v1/meldcode.pb.h"

namespace spoed::daemon::service {

/// What the afwegingskader's answers so far say, read question by question: reporting to
/// Veilig Thuis is required when there is a suspicion (1) and acute or structural unsafety (2),
/// or help cannot be offered (3), is not accepted (4) or does not lead to lasting safety (5).
struct MeldcodeReading {
    bool report_required = false;
    /// The first question (1–5) that must be answered before anything can be decided; 0 when
    /// the answers settle whether a report is required. Question 5 is never needed: the help
    /// is followed for three months after the decision.
    int unanswered = 0;
};
MeldcodeReading ReadAnswers(const std::array<db::MeldcodeAnswerRecord, 5>& answers);

/// The Meldcode track of a case (spoed.v1.MeldcodeService).
class MeldcodeService {
  public:
    Result<v1::StartTrackResponse> StartTrack(Call& call, const v1::StartTrackRequest& req);
    Result<v1::UpdateTrackResponse> UpdateTrack(Call& call, const v1::UpdateTrackRequest& req);
    Result<v1::AddConsultationResponse> AddConsultation(Call& call, const v1::AddConsultationRequest& req);
    Result<v1::DecideTrackResponse> DecideTrack(Call& call, const v1::DecideTrackRequest& req);
    Result<v1::TransferTrackResponse> TransferTrack(Call& call, const v1::TransferTrackRequest& req);
    Result<v1::GetTrackResponse> GetTrack(Call& call, const v1::GetTrackRequest& req);
    Result<v1::ListTracksResponse> ListTracks(Call& call, const v1::ListTracksRequest& req);
};

/// failed_precondition (meldcode_undecided) while the case's track is open: a case closes only
/// with its track decided or handed over.
Status CheckMeldcodeSettled(db::Tx& tx, std::int64_t case_id);
void ToProto(const db::MeldcodeTrackRecord& t, v1::MeldcodeTrack* out);

}  // namespace spoed::daemon::service
