#include "client/core/client.hpp"

#include <google/protobuf/util/json_util.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <thread>

#include "spoed/v1/common.pb.h"

namespace spoed::client {

Error ErrorFromReply(const HttpReply& reply) {
    v1::ConnectError body;
    google::protobuf::util::JsonParseOptions options;
    options.ignore_unknown_fields = true;
    ErrorCode code;
    if (google::protobuf::util::JsonStringToMessage(reply.body, &body, options).ok() &&
        ParseErrorCode(body.code(), code)) {
        Error e;
        e.code = code;
        e.message = body.message().empty() ? "HTTP " + std::to_string(reply.status) + " from server: " + body.code()
                                           : body.message();
        // The reason as data: what a client says in its own language.
        for (const auto& d : body.details()) {
            v1::ErrorDetail detail;
            if (d.type() != v1::ErrorDetail::descriptor()->full_name() || !detail.ParseFromString(d.value())) continue;
            std::string reason = v1::ErrorReason_Name(detail.reason());
            if (reason.rfind("ERROR_REASON_", 0) == 0) reason.erase(0, 13);
            for (char& c : reason) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            e.reason = reason;
            e.field = detail.field();
            for (const auto& [k, v] : detail.params()) e.params.emplace_back(k, v);
            std::sort(e.params.begin(), e.params.end());
            break;
        }
        return e;
    }
    switch (reply.status) {
        case 400:
        case 415:
            code = ErrorCode::kInvalidArgument;
            break;
        case 401:
            code = ErrorCode::kUnauthenticated;
            break;
        case 403:
            code = ErrorCode::kPermissionDenied;
            break;
        case 404:
            code = ErrorCode::kNotFound;
            break;
        case 409:
            code = ErrorCode::kAborted;
            break;
        case 413:
        case 429:
            code = ErrorCode::kResourceExhausted;
            break;
        case 503:
            code = ErrorCode::kUnavailable;
            break;
        case 504:
            code = ErrorCode::kDeadlineExceeded;
            break;
        default:
            code = ErrorCode::kInternal;
            break;
    }
    return Error::Of(code, "HTTP " + std::to_string(reply.status) + " from server");
}

Client::Client(ClientOptions options) : options_(std::move(options)) {
    for (auto& url : ServerUrls(options_.server_url)) {
        ClientOptions one = options_;
        one.server_url = std::move(url);
        servers_.push_back(std::make_unique<HttpsClient>(std::move(one)));
    }
}

Result<HttpReply> Client::SendToAny(std::string_view method, std::string_view target, std::string_view content_type,
                                    const std::string& body,
                                    const std::vector<std::pair<std::string, std::string>>& headers) {
    Result<HttpReply> reply = Error::Unavailable("no server address");
    for (std::size_t i = 0; i < servers_.size(); ++i) {
        const std::size_t at = (current_ + i) % servers_.size();
        HttpsClient& server = *servers_[at];
        reply = server.Send(method, target, content_type, body, headers);
        last_failure_permanent_ = !reply.ok() && server.last_failure_is_permanent();
        if (reply.ok()) {
            current_ = at;
            return reply;
        }
        if (reply.error().code != ErrorCode::kUnavailable || last_failure_permanent_) return reply;
    }
    return reply;
}

Status Client::CallRaw(std::string_view method, const google::protobuf::Message& request,
                       google::protobuf::Message& response) {
    std::string body;
    if (!request.SerializeToString(&body)) return Error::Internal("request could not be encoded");
    std::vector<std::pair<std::string, std::string>> headers{{"Connect-Protocol-Version", "1"}};
    if (!token_.empty()) headers.emplace_back("Authorization", "Bearer " + token_);
    std::string target = "/" + std::string(method);

    auto backoff = options().retry_backoff;
    for (int attempt = 0;; ++attempt) {
        auto reply = SendToAny("POST", target, "application/proto", body, headers);
        if (!reply.ok()) {
            if (reply.error().code == ErrorCode::kUnavailable && !last_failure_permanent_ &&
                attempt < options().max_retries) {
                std::this_thread::sleep_for(backoff);
                backoff *= 2;
                continue;
            }
            return reply.error();
        }
        if (reply->status != 200) return ErrorFromReply(*reply);
        // A 200 from something other than the daemon (a captive portal, a proxy's page) must not
        // be read as a message: protobuf parses much garbage without complaint.
        std::string_view type = reply->content_type;
        if (type.substr(0, type.find(';')) != "application/proto") {
            return Error::Internal("the server answered with '" + reply->content_type +
                                   "' instead of application/proto; is the server address right?");
        }
        if (!response.ParseFromString(reply->body)) {
            return Error::Internal("the server's answer is not a valid " + response.GetDescriptor()->full_name());
        }
        return Ok();
    }
}

Result<HttpReply> Client::Get(std::string_view path) { return SendToAny("GET", path, "", "", {}); }

}  // namespace spoed::client
