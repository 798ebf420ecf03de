#include "daemon/base/result.hpp"

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
