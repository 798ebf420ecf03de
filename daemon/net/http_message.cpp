#include "daemon/net/http_message.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <limits>

namespace spoed::daemon::net {

void ApplyLimits(BeastRequestParser& parser, const ServerOptions& options) {
    parser.header_limit(static_cast<std::uint32_t>(
        std::min<std::size_t>(options.header_limit, std::numeric_limits<std::uint32_t>::max())));
    parser.body_limit(static_cast<std::uint64_t>(options.body_limit));
}

HttpRequest ToAppRequest(BeastRequest& message, bool take_body, const std::string& remote_address) {
    HttpRequest request;
    request.method = std::string(message.method_string());
    request.target = std::string(message.target());
    for (const auto& field : message) {
        request.headers.emplace_back(LowerCase(field.name_string()), std::string(field.value()));
    }
    if (take_body) request.body = std::move(message.body());
    request.remote_address = remote_address;
    return request;
}

std::string LowerCase(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace spoed::daemon::net
