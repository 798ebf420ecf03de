#pragma once

#include "daemon/service/call.hpp"
#include "spoed/v1/youth.pb.h"

namespace spoed::daemon::service {

/// Youths, look-up, consent and pre-registration (spoed.v1.YouthService).
class YouthService {
  public:
    Result<v1::CreateYouthResponse> CreateYouth(Call& call, const v1::CreateYouthRequest& req);
    Result<v1::UpdateYouthResponse> UpdateYouth(Call& call, const v1::UpdateYouthRequest& req);
    Result<v1::GetYouthResponse> GetYouth(Call& call, const v1::GetYouthRequest& req);
    Result<v1::SearchYouthsResponse> SearchYouths(Call& call, const v1::SearchYouthsRequest& req);
    Result<v1::LookupCallerResponse> LookupCaller(Call& call, const v1::LookupCallerRequest& req);

    Result<v1::RecordConsentResponse> RecordConsent(Call& call, const v1::RecordConsentRequest& req);
    Result<v1::WithdrawConsentResponse> WithdrawConsent(Call& call, const v1::WithdrawConsentRequest& req);
    Result<v1::ListConsentsResponse> ListConsents(Call& call, const v1::ListConsentsRequest& req);

    Result<v1::CreatePreRegistrationResponse> CreatePreRegistration(Call& call,
                                                                    const v1::CreatePreRegistrationRequest& req);
    Result<v1::UpdatePreRegistrationResponse> UpdatePreRegistration(Call& call,
                                                                    const v1::UpdatePreRegistrationRequest& req);
    Result<v1::EndPreRegistrationResponse> EndPreRegistration(Call& call, const v1::EndPreRegistrationRequest& req);

    Result<v1::AddStatementResponse> AddStatement(Call& call, const v1::AddStatementRequest& req);
};

/// The youth's record or not_found naming the id.
Result<db::YouthRecord> FindYouth(db::Tx& tx, std::int64_t youth_id, std::string_view field = "youth_id");
/// Search hit as the API shows it.
void ToProto(const db::YouthHitRecord& h, std::string_view matched_on, v1::YouthHit* out);
void ToProto(const db::YouthRecord& y, v1::Youth* out);
void ToProto(const db::ConsentRecord& c, TimePoint now, v1::Consent* out);
void ToProto(const db::PreRegistrationRecord& r, v1::PreRegistration* out);
void ToProto(const db::StatementRecord& s, v1::YouthStatement* out);

}  // namespace spoed::daemon::service
