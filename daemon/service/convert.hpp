#pragma once

#include <google/protobuf/timestamp.pb.h>

#include <string>

#include "daemon/base/clock.hpp"
#include "db/records.hpp"
#include "spoed/v1/auth.pb.h"

namespace spoed::daemon::service {

void SetTimestamp(google::protobuf::Timestamp* out, TimePoint t);
TimePoint FromTimestamp(const google::protobuf::Timestamp& ts);
/// The user as the API shows it (never the password hash).
void ToProto(const db::UserRecord& u, v1::User* out);
/// "user:12"
std::string ObjectId(std::string_view kind, std::int64_t id);

}  // namespace spoed::daemon::service
