#include "daemon/service/convert.hpp"

#include <cctype>

#include "daemon/service/roles.hpp"

namespace spoed::daemon::service {

void SetTimestamp(google::protobuf::Timestamp* out, TimePoint t) {
    std::int64_t us = ToMicros(t);
    std::int64_t secs = us / 1'000'000;
    std::int64_t rem = us % 1'000'000;
    if (rem < 0) {
        rem += 1'000'000;
        --secs;
    }
    out->set_seconds(secs);
    out->set_nanos(static_cast<std::int32_t>(rem * 1000));
}

TimePoint FromTimestamp(const google::protobuf::Timestamp& ts) {
    return FromMicros(ts.seconds() * 1'000'000 + ts.nanos() / 1000);
}

void ToProto(const db::UserRecord& u, v1::User* out) {
    out->set_id(u.id);
    out->set_username(u.username);
    out->set_display_name(u.display_name);
    for (Role r : RoleSet::FromNames(u.roles).ToVector()) out->add_roles(r);
    out->set_disabled(u.disabled);
    out->set_must_change_password(u.must_change_password);
    SetTimestamp(out->mutable_created_at(), u.created_at);
    out->set_totp_enrolled(u.totp_enrolled);
}

namespace {

/// "RiskFlag" → "RISK_FLAG_"
std::string ValuePrefix(const google::protobuf::EnumDescriptor* type) {
    std::string out;
    for (char c : type->name()) {
        if (std::isupper(static_cast<unsigned char>(c)) && !out.empty()) out += '_';
        out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return out + "_";
}

}  // namespace

std::string EnumName(const google::protobuf::EnumDescriptor* type, int value) {
    const auto* v = type->FindValueByNumber(value);
    if (v == nullptr || value == 0) return "";
    std::string name = v->name().substr(ValuePrefix(type).size());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return name;
}

int EnumValue(const google::protobuf::EnumDescriptor* type, std::string_view name) {
    std::string full = ValuePrefix(type);
    for (char c : name) full += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const auto* v = type->FindValueByName(full);
    return v == nullptr ? 0 : v->number();
}

std::string ObjectId(std::string_view kind, std::int64_t id) { return std::string(kind) + ":" + std::to_string(id); }

}  // namespace spoed::daemon::service
