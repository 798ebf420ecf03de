#pragma once

#include <google/protobuf/descriptor.h>
#include <google/protobuf/timestamp.pb.h>

#include <string>

#include "base/clock.hpp"
#include "db/records.hpp"
#include "spoed/v1/auth.pb.h"

namespace spoed::daemon::service {

void SetTimestamp(google::protobuf::Timestamp* out, TimePoint t);
TimePoint FromTimestamp(const google::protobuf::Timestamp& ts);
/// The user as the API shows it (never the password hash).
void ToProto(const db::UserRecord& u, v1::User* out);
/// An API enum value as the store spells it: RISK_FLAG_SELF_HARM → "self_harm" (the enum's
/// value prefix dropped, lower-cased). "" for the unspecified value or an unknown number.
std::string EnumName(const google::protobuf::EnumDescriptor* type, int value);
/// The inverse: "self_harm" → RISK_FLAG_SELF_HARM; 0 when unknown.
int EnumValue(const google::protobuf::EnumDescriptor* type, std::string_view name);

/// "user:12"
std::string ObjectId(std::string_view kind, std::int64_t id);

}  // namespace spoed::daemon::service
