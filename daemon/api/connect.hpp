#pragma once

#include <google/protobuf/message.h>

#include <optional>
#include <string>
#include <string_view>

#include "base/result.hpp"
#include "daemon/net/server.hpp"

namespace spoed::daemon::api {

/// The Connect protocol's codec for unary calls: status mapping, content types, bodies.

enum class Codec { kProto, kJson };

/// HTTP status for an error code (Connect's mapping; `unimplemented` answers 404).
int HttpStatusFor(ErrorCode code);
/// "application/proto" → kProto, "application/json[; charset=utf-8]" → kJson; else false.
bool ParseContentType(std::string_view content_type, Codec& out);
std::string_view ContentTypeOf(Codec codec);

/// An error answer: JSON {"code": "...", "message": "..."} whatever the request's codec.
net::HttpResponse ErrorResponse(const Error& error);

/// The first key that occurs twice in one object of `json` ("youthId"), or nullopt.
std::optional<std::string> DuplicateJsonKey(std::string_view json);

/// Decodes a request body; invalid_argument naming what was wrong.
Status Decode(Codec codec, std::string_view body, google::protobuf::Message& out);
Result<std::string> Encode(Codec codec, const google::protobuf::Message& message);

/// Sends libprotobuf's own messages to the daemon's log at debug level (id `proto.log`) instead
/// of stderr: protobuf writes an ERROR line for every request with invalid UTF-8 in a string
/// field, so without this any client could write a line to stderr per request. Call once at
/// start-up; process-wide.
void RouteProtobufLog();

/// The token of an `Authorization: Bearer <token>` header, or "" when there is none.
std::string_view BearerToken(std::string_view authorization);

}  // namespace spoed::daemon::api
