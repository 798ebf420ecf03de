#include "base/result.hpp"

#include <array>
#include <utility>

namespace spoed {
namespace {

constexpr std::array<std::pair<ErrorCode, std::string_view>, 13> kNames{{
    {ErrorCode::kInvalidArgument, "invalid_argument"},
    {ErrorCode::kFailedPrecondition, "failed_precondition"},
    {ErrorCode::kOutOfRange, "out_of_range"},
    {ErrorCode::kUnauthenticated, "unauthenticated"},
    {ErrorCode::kPermissionDenied, "permission_denied"},
    {ErrorCode::kNotFound, "not_found"},
    {ErrorCode::kAlreadyExists, "already_exists"},
    {ErrorCode::kAborted, "aborted"},
    {ErrorCode::kResourceExhausted, "resource_exhausted"},
    {ErrorCode::kUnimplemented, "unimplemented"},
    {ErrorCode::kUnavailable, "unavailable"},
    {ErrorCode::kDeadlineExceeded, "deadline_exceeded"},
    {ErrorCode::kInternal, "internal"},
}};

}  // namespace

std::string_view ErrorCodeName(ErrorCode code) {
    for (const auto& [c, name] : kNames) {
        if (c == code) return name;
    }
    return "internal";
}

std::string_view DefaultReason(ErrorCode code) {
    switch (code) {
        case ErrorCode::kInvalidArgument:
        case ErrorCode::kOutOfRange:
            return "invalid_value";
        case ErrorCode::kFailedPrecondition:
            return "wrong_state";
        case ErrorCode::kUnauthenticated:
            return "session_ended";
        case ErrorCode::kPermissionDenied:
            return "role_not_allowed";
        case ErrorCode::kNotFound:
            return "not_found";
        case ErrorCode::kAlreadyExists:
            return "already_exists";
        case ErrorCode::kAborted:
            return "changed_meanwhile";
        case ErrorCode::kResourceExhausted:
            return "too_many_attempts";
        case ErrorCode::kUnavailable:
        case ErrorCode::kDeadlineExceeded:
            return "unavailable";
        case ErrorCode::kUnimplemented:
        case ErrorCode::kInternal:
            return "internal";
    }
    return "internal";
}

std::string FieldOfMessage(std::string_view message) {
    const auto colon = message.find(": ");
    if (colon == 0 || colon == std::string_view::npos) return {};
    const std::string_view path = message.substr(0, colon);
    for (char c : path) {
        const bool ok =
            (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '[' || c == ']';
        if (!ok) return {};
    }
    return std::string(path);
}

bool ParseErrorCode(std::string_view name, ErrorCode& out) {
    for (const auto& [c, n] : kNames) {
        if (n == name) {
            out = c;
            return true;
        }
    }
    return false;
}

}  // namespace spoed
