#include "daemon/api/connect.hpp"

#include <google/protobuf/stubs/logging.h>
#include <google/protobuf/unknown_field_set.h>
#include <google/protobuf/util/json_util.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <vector>

#include "base/log.hpp"
#include "base/utf8.hpp"
#include "daemon/service/convert.hpp"
#include "spoed/v1/common.pb.h"

namespace spoed::daemon::api {

int HttpStatusFor(ErrorCode code) {
    switch (code) {
        case ErrorCode::kInvalidArgument:
        case ErrorCode::kFailedPrecondition:
        case ErrorCode::kOutOfRange:
            return 400;
        case ErrorCode::kUnauthenticated:
            return 401;
        case ErrorCode::kPermissionDenied:
            return 403;
        case ErrorCode::kNotFound:
        case ErrorCode::kUnimplemented:
            return 404;
        case ErrorCode::kAlreadyExists:
        case ErrorCode::kAborted:
            return 409;
        case ErrorCode::kResourceExhausted:
            return 429;
        case ErrorCode::kUnavailable:
            return 503;
        case ErrorCode::kDeadlineExceeded:
            return 504;
        case ErrorCode::kInternal:
            return 500;
    }
    return 500;
}

bool ParseContentType(std::string_view content_type, Codec& out) {
    std::string ct(content_type.substr(0, content_type.find(';')));
    ct.erase(std::remove_if(ct.begin(), ct.end(), [](unsigned char c) { return std::isspace(c); }), ct.end());
    std::transform(ct.begin(), ct.end(), ct.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ct == "application/proto") {
        out = Codec::kProto;
        return true;
    }
    if (ct == "application/json") {
        out = Codec::kJson;
        return true;
    }
    return false;
}

std::string_view ContentTypeOf(Codec codec) {
    return codec == Codec::kProto ? "application/proto" : "application/json";
}

v1::ErrorDetail DetailOf(const Error& error) {
    v1::ErrorDetail d;
    const auto* reasons = v1::ErrorReason_descriptor();
    int reason = service::EnumValue(reasons, error.reason.empty() ? DefaultReason(error.code) : error.reason);
    if (reason == 0) {
        // A reason spelled wrong in the code: said as the code's general reason, and logged.
        log::Warn("api.unknown_reason", "an error carries a reason the API does not list", {{"reason", error.reason}});
        reason = service::EnumValue(reasons, DefaultReason(error.code));
    }
    d.set_reason(static_cast<v1::ErrorReason>(reason));
    d.set_field(ValidUtf8(error.field.empty() ? FieldOfMessage(error.message) : error.field));
    for (const auto& [k, v] : error.params) (*d.mutable_params())[k] = ValidUtf8(v);
    return d;
}

net::HttpResponse ErrorResponse(const Error& error) {
    v1::ConnectError body;
    body.set_code(std::string(ErrorCodeName(error.code)));
    // An error may quote a decoder's complaint about the request; the answer stays valid JSON.
    body.set_message(ValidUtf8(error.message));
    auto* detail = body.add_details();
    *detail->mutable_debug() = DetailOf(error);
    detail->set_type(v1::ErrorDetail::descriptor()->full_name());
    detail->set_value(detail->debug().SerializeAsString());
    net::HttpResponse resp;
    resp.status = HttpStatusFor(error.code);
    resp.content_type = "application/json";
    if (!google::protobuf::util::MessageToJsonString(body, &resp.body).ok()) {
        resp.body = R"({"code":"internal","message":"error message could not be encoded"})";
    }
    return resp;
}

std::optional<std::string> DuplicateJsonKey(std::string_view json) {
    // A scan of strings, objects and arrays; what is not well-formed is left to the parser.
    struct Level {
        bool object = false;
        std::set<std::string> keys;
    };
    std::vector<Level> levels;
    bool expect_key = false;
    for (std::size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (c == '"') {
            std::string text;
            for (++i; i < json.size() && json[i] != '"'; ++i) {
                if (json[i] == '\\' && i + 1 < json.size()) text += json[i++];
                text += json[i];
            }
            if (expect_key && !levels.empty() && levels.back().object) {
                if (!levels.back().keys.insert(text).second) return text;
                expect_key = false;
            }
        } else if (c == '{' || c == '[') {
            if (levels.size() >= 100) return std::nullopt;  // deeper than any request: the parser refuses it
            levels.push_back({c == '{', {}});
            expect_key = c == '{';
        } else if (c == '}' || c == ']') {
            if (!levels.empty()) levels.pop_back();
            expect_key = false;
        } else if (c == ',') {
            expect_key = !levels.empty() && levels.back().object;
        }
    }
    return std::nullopt;
}

namespace {

/// The first field of `type` that `body` cannot give, as the API spells it
/// ("youth.given_name"), or "" when the fault is not in one field (the framing itself).
std::string BadBinaryField(const google::protobuf::Descriptor& type, std::string_view body, const std::string& prefix,
                           int depth) {
    using google::protobuf::FieldDescriptor;
    using google::protobuf::UnknownField;
    google::protobuf::UnknownFieldSet fields;
    if (depth > 32 || !fields.ParseFromArray(body.data(), static_cast<int>(body.size()))) return {};
    for (int i = 0; i < fields.field_count(); ++i) {
        const UnknownField& f = fields.field(i);
        const FieldDescriptor* fd = type.FindFieldByNumber(f.number());
        if (!fd) continue;  // an unknown field is kept, not refused
        std::string name = prefix.empty() ? fd->name() : prefix + "." + fd->name();
        if (f.type() != UnknownField::TYPE_LENGTH_DELIMITED) continue;
        if (fd->type() == FieldDescriptor::TYPE_STRING && !IsValidUtf8(f.length_delimited())) return name;
        if (fd->type() == FieldDescriptor::TYPE_MESSAGE) {
            std::string inner = BadBinaryField(*fd->message_type(), f.length_delimited(), name, depth + 1);
            if (!inner.empty()) return inner;
        }
    }
    return {};
}

}  // namespace

Status Decode(Codec codec, std::string_view body, google::protobuf::Message& out) {
    const std::string& type = out.GetDescriptor()->full_name();
    if (codec == Codec::kProto) {
        if (!out.ParseFromArray(body.data(), static_cast<int>(body.size()))) {
            // Name the field when one is at fault (text that is not UTF-8, in any depth).
            if (std::string field = BadBinaryField(*out.GetDescriptor(), body, "", 0); !field.empty()) {
                return Error::InvalidArgument(field + ": not valid UTF-8");
            }
            return Error::InvalidArgument("request body is not a valid " + type + " in protobuf binary form");
        }
        return Ok();
    }
    if (body.empty()) return Ok();  // Connect allows an empty body for an empty message
    // The JSON parser keeps the last of two equal keys; a request that says one thing twice is
    // refused instead (what a proxy or a log reads could differ from what was acted on).
    if (auto key = DuplicateJsonKey(body)) {
        return Error::InvalidArgument(*key + ": given twice in the request");
    }
    google::protobuf::util::JsonParseOptions options;
    options.ignore_unknown_fields = false;
    auto st = google::protobuf::util::JsonStringToMessage(body, &out, options);
    if (!st.ok()) {
        std::string why(st.message());
        if (why.size() > 300) why.resize(300);
        return Error::InvalidArgument("request body is not a valid " + type + " in JSON: " + why);
    }
    return Ok();
}

Result<std::string> Encode(Codec codec, const google::protobuf::Message& message) {
    std::string out;
    if (codec == Codec::kProto) {
        if (!message.SerializeToString(&out)) return Error::Internal("response could not be encoded");
        return out;
    }
    if (!google::protobuf::util::MessageToJsonString(message, &out).ok()) {
        return Error::Internal("response could not be encoded as JSON");
    }
    return out;
}

void RouteProtobufLog() {
    google::protobuf::SetLogHandler(
        [](google::protobuf::LogLevel level, const char* file, int line, const std::string& message) {
            // Its messages name fields and files, never field contents.
            log::Debug("proto.log", "libprotobuf",
                       {{"level", static_cast<int>(level)}, {"file", file}, {"line", line}, {"message", message}});
        });
}

std::string_view BearerToken(std::string_view authorization) {
    constexpr std::string_view kScheme = "bearer ";
    if (authorization.size() <= kScheme.size()) return {};
    for (std::size_t i = 0; i < kScheme.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(authorization[i])) != kScheme[i]) return {};
    }
    std::string_view token = authorization.substr(kScheme.size());
    while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
    while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
    return token;
}

}  // namespace spoed::daemon::api
