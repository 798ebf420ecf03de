#include "bench/national/manifest.hpp"

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace spoed::bench {
namespace {

template <typename T, typename F>
std::string JsonArray(const std::vector<T>& v, F&& item) {
    std::string out = "[";
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (i) out += ", ";
        out += item(v[i]);
    }
    return out + "]";
}

std::string Ids(const std::vector<std::int64_t>& v) {
    return JsonArray(v, [](std::int64_t x) { return std::to_string(x); });
}
std::string Strings(const std::vector<std::string>& v) {
    return JsonArray(v, [](const std::string& x) { return JsonString(x); });
}

using google::protobuf::Value;

Result<const Value*> Field(const google::protobuf::Struct& root, const std::string& name) {
    auto it = root.fields().find(name);
    if (it == root.fields().end()) return Error::InvalidArgument("manifest: field '" + name + "' is missing");
    return &it->second;
}

Result<std::vector<std::int64_t>> IdList(const google::protobuf::Struct& root, const std::string& name) {
    SPOED_ASSIGN(const Value* v, Field(root, name));
    if (!v->has_list_value()) return Error::InvalidArgument("manifest: '" + name + "' must be a list of ids");
    std::vector<std::int64_t> out;
    for (const auto& e : v->list_value().values()) {
        // Ids may come as numbers or, as protobuf's JSON mapping writes 64-bit ints, strings.
        if (e.has_number_value()) {
            out.push_back(static_cast<std::int64_t>(e.number_value()));
        } else if (e.has_string_value()) {
            out.push_back(std::stoll(e.string_value()));
        } else {
            return Error::InvalidArgument("manifest: '" + name + "' holds something that is not an id");
        }
    }
    return out;
}

Result<std::vector<std::string>> StringList(const google::protobuf::Struct& root, const std::string& name) {
    SPOED_ASSIGN(const Value* v, Field(root, name));
    if (!v->has_list_value()) return Error::InvalidArgument("manifest: '" + name + "' must be a list of strings");
    std::vector<std::string> out;
    for (const auto& e : v->list_value().values()) {
        if (!e.has_string_value()) return Error::InvalidArgument("manifest: '" + name + "' holds a non-string");
        out.push_back(e.string_value());
    }
    return out;
}

}  // namespace

std::string JsonString(std::string_view s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out + "\"";
}

std::string ManifestJson(const Manifest& m, const std::string& extra_json) {
    std::string out = "{\n";
    out += "  \"youths\": " + std::to_string(m.youths) + ",\n";
    out += "  \"seed\": " + std::to_string(m.seed) + ",\n";
    out += "  \"now\": " + JsonString(m.now) + ",\n";
    out += "  \"users\": " +
           JsonArray(m.users,
                     [](const Manifest::User& u) {
                         return "{\"username\": " + JsonString(u.username) +
                                ", \"password\": " + JsonString(u.password) + ", \"roles\": " + Strings(u.roles) + "}";
                     }) +
           ",\n";
    out += "  \"plan_youth_ids\": " + Ids(m.plan_youth_ids) + ",\n";
    out += "  \"open_case_ids\": " + Ids(m.open_case_ids) + ",\n";
    out += "  \"case_ids\": " + Ids(m.case_ids) + ",\n";
    out += "  \"search_queries\": " + Strings(m.search_queries) + ",\n";
    out += "  \"lookup_phones\": " + Strings(m.lookup_phones) + ",\n";
    if (!extra_json.empty()) out += "  " + extra_json + ",\n";
    out += "  \"figures_year\": " + std::to_string(m.figures_year) + "\n}\n";
    return out;
}

const Manifest::User* Manifest::UserWithRole(std::string_view role) const {
    for (const auto& u : users) {
        if (std::find(u.roles.begin(), u.roles.end(), role) != u.roles.end()) return &u;
    }
    return nullptr;
}

Result<Manifest> ParseManifest(std::string_view json) {
    google::protobuf::Struct root;
    if (!google::protobuf::util::JsonStringToMessage(std::string(json), &root).ok()) {
        return Error::InvalidArgument("manifest: not a JSON object");
    }
    Manifest m;
    SPOED_ASSIGN(const Value* youths, Field(root, "youths"));
    m.youths = static_cast<std::int64_t>(youths->number_value());
    SPOED_ASSIGN(const Value* seed, Field(root, "seed"));
    m.seed = static_cast<std::uint64_t>(seed->number_value());
    SPOED_ASSIGN(const Value* now, Field(root, "now"));
    m.now = now->string_value();
    SPOED_ASSIGN(const Value* users, Field(root, "users"));
    if (!users->has_list_value()) return Error::InvalidArgument("manifest: 'users' must be a list");
    for (const auto& u : users->list_value().values()) {
        if (!u.has_struct_value()) return Error::InvalidArgument("manifest: 'users' holds a non-object");
        Manifest::User mu;
        SPOED_ASSIGN(const Value* name, Field(u.struct_value(), "username"));
        SPOED_ASSIGN(const Value* password, Field(u.struct_value(), "password"));
        mu.username = name->string_value();
        mu.password = password->string_value();
        SPOED_ASSIGN(mu.roles, StringList(u.struct_value(), "roles"));
        m.users.push_back(std::move(mu));
    }
    SPOED_ASSIGN(m.plan_youth_ids, IdList(root, "plan_youth_ids"));
    SPOED_ASSIGN(m.open_case_ids, IdList(root, "open_case_ids"));
    SPOED_ASSIGN(m.case_ids, IdList(root, "case_ids"));
    SPOED_ASSIGN(m.search_queries, StringList(root, "search_queries"));
    SPOED_ASSIGN(m.lookup_phones, StringList(root, "lookup_phones"));
    SPOED_ASSIGN(const Value* year, Field(root, "figures_year"));
    m.figures_year = static_cast<int>(year->number_value());
    if (m.figures_year < 2000 || m.figures_year > 2100) {
        return Error::InvalidArgument("manifest: figures_year must be a year (got " + std::to_string(m.figures_year) +
                                      ")");
    }
    return m;
}

Manifest ReadManifest(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read the manifest " + path);
    std::stringstream text;
    text << in.rdbuf();
    auto m = ParseManifest(text.str());
    if (!m.ok()) throw std::runtime_error(path + ": " + m.error().message);
    return std::move(*m);
}

}  // namespace spoed::bench
