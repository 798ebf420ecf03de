#include "bench/national/manifest.hpp"

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

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
std::string Strings(const std::vector<std::string>& v) { return JsonArray(v, JsonString); }

}  // namespace

std::string JsonString(const std::string& s) {
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
    out += "  \"users\": " + JsonArray(m.users, [](const Manifest::User& u) {
               return "{\"username\": " + JsonString(u.username) + ", \"password\": " + JsonString(u.password) +
                      ", \"roles\": " + Strings(u.roles) + "}";
           }) + ",\n";
    out += "  \"plan_youth_ids\": " + Ids(m.plan_youth_ids) + ",\n";
    out += "  \"open_case_ids\": " + Ids(m.open_case_ids) + ",\n";
    out += "  \"case_ids\": " + Ids(m.case_ids) + ",\n";
    out += "  \"search_queries\": " + Strings(m.search_queries) + ",\n";
    out += "  \"lookup_phones\": " + Strings(m.lookup_phones) + ",\n";
    if (!extra_json.empty()) out += "  " + extra_json + ",\n";
    out += "  \"figures_year\": " + std::to_string(m.figures_year) + "\n}\n";
    return out;
}

Manifest ReadManifest(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read the manifest " + path);
    std::stringstream text;
    text << in.rdbuf();
    google::protobuf::Struct root;
    auto status = google::protobuf::util::JsonStringToMessage(text.str(), &root);
    if (!status.ok()) throw std::runtime_error("manifest " + path + " is not valid JSON: " + std::string(status.message()));
    const auto& f = root.fields();
    auto need = [&](const std::string& key) -> const google::protobuf::Value& {
        auto it = f.find(key);
        if (it == f.end()) throw std::runtime_error("manifest " + path + " has no \"" + key + "\"");
        return it->second;
    };
    auto ids = [&](const std::string& key) {
        std::vector<std::int64_t> out;
        for (const auto& v : need(key).list_value().values()) out.push_back(static_cast<std::int64_t>(v.number_value()));
        return out;
    };
    auto strings = [&](const std::string& key) {
        std::vector<std::string> out;
        for (const auto& v : need(key).list_value().values()) out.push_back(v.string_value());
        return out;
    };
    Manifest m;
    m.youths = static_cast<std::int64_t>(need("youths").number_value());
    m.seed = static_cast<std::uint64_t>(need("seed").number_value());
    m.now = need("now").string_value();
    for (const auto& u : need("users").list_value().values()) {
        Manifest::User user;
        const auto& uf = u.struct_value().fields();
        if (auto it = uf.find("username"); it != uf.end()) user.username = it->second.string_value();
        if (auto it = uf.find("password"); it != uf.end()) user.password = it->second.string_value();
        if (auto it = uf.find("roles"); it != uf.end()) {
            for (const auto& r : it->second.list_value().values()) user.roles.push_back(r.string_value());
        }
        m.users.push_back(std::move(user));
    }
    m.plan_youth_ids = ids("plan_youth_ids");
    m.open_case_ids = ids("open_case_ids");
    m.case_ids = ids("case_ids");
    m.search_queries = strings("search_queries");
    m.lookup_phones = strings("lookup_phones");
    m.figures_year = static_cast<int>(need("figures_year").number_value());
    return m;
}

}  // namespace spoed::bench
