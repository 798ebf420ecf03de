// spoedctl export: the records of a period as CSV per entity, and the pseudonymised aggregate
// for the chain partners as JSON and CSV (counts below five suppressed by the server).
#include <fcntl.h>
#include <google/protobuf/util/json_util.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>

#include "client/cli/cli.hpp"
#include "spoed/v1/stats.pb.h"

namespace spoed::cli {
namespace {

constexpr const char* kUsage =
    "export --from YYYY-MM-DD --to YYYY-MM-DD [--out DIR] [--entity NAME]... [--grouping month|quarter]";

int Usage() {
    std::fprintf(stderr,
                 "spoedctl: usage: spoedctl %s\n  NAME: cases, contacts, consults, handovers, evaluations, "
                 "proposals, aggregate (default: all of them)\n",
                 kUsage);
    return 2;
}

bool ParseDate(const std::string& s, v1::Date* out) {
    int y = 0, m = 0, d = 0;
    char tail = 0;
    if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return false;
    out->set_year(y);
    out->set_month(m);
    out->set_day(d);
    return true;
}

/// One CSV cell (RFC 4180); a cell a spreadsheet would run as a formula gets a leading quote.
std::string Cell(const std::string& v) {
    std::string s = v;
    if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@')) s = "'" + s;
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string Line(const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + Cell(cells[i]);
    return out + "\r\n";
}

/// Writes `text` to `path`, readable by the owner only (the records carry youth ids).
bool WriteFile(const std::string& path, const std::string& text) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) {
        std::fprintf(stderr, "spoedctl: cannot write %s\n", path.c_str());
        return false;
    }
    std::size_t done = 0;
    while (done < text.size()) {
        ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    bool ok = done == text.size() && ::close(fd) == 0;
    if (!ok) std::fprintf(stderr, "spoedctl: cannot write %s\n", path.c_str());
    return ok;
}

int ExportRecords(Context& ctx, v1::ExportEntity entity, const std::string& name, const v1::Date& from,
                  const v1::Date& to, const std::string& dir) {
    v1::ExportRecordsRequest req;
    req.set_entity(entity);
    *req.mutable_from() = from;
    *req.mutable_to() = to;
    req.set_page_size(5000);
    std::string csv;
    std::size_t rows = 0;
    while (true) {
        auto resp = ctx.client().Call(v1::rpc::StatsService::ExportRecords, req);
        if (!resp.ok()) return PrintError(resp.error());
        if (csv.empty()) csv = Line({resp->columns().begin(), resp->columns().end()});
        for (const auto& r : resp->rows()) csv += Line({r.cells().begin(), r.cells().end()});
        rows += static_cast<std::size_t>(resp->rows_size());
        if (resp->next_page_token().empty()) break;
        req.set_page_token(resp->next_page_token());
    }
    std::string path = dir + "/" + name + ".csv";
    if (!WriteFile(path, csv)) return 1;
    std::printf("%s: %zu rows\n", path.c_str(), rows);
    return 0;
}

int ExportAggregate(Context& ctx, const v1::Date& from, const v1::Date& to, v1::Grouping grouping,
                    const std::string& dir) {
    v1::GetAggregateRequest req;
    *req.mutable_from() = from;
    *req.mutable_to() = to;
    req.set_grouping(grouping);
    auto resp = ctx.client().Call(v1::rpc::StatsService::GetAggregate, req);
    if (!resp.ok()) return PrintError(resp.error());
    std::string json;
    google::protobuf::util::JsonPrintOptions o;
    o.add_whitespace = true;
    o.preserve_proto_field_names = true;
    o.always_print_primitive_fields = true;
    (void)google::protobuf::util::MessageToJsonString(*resp, &json, o);
    std::string csv = Line({"period", "figure", "key", "value", "suppressed", "denominator", "percent", "unit"});
    int suppressed = 0;
    for (const auto& r : resp->rows()) {
        char pct[32];
        std::snprintf(pct, sizeof pct, "%.1f", r.percent());
        csv += Line({r.period(), r.figure(), r.key(), r.suppressed() ? "" : std::to_string(r.value()),
                     r.suppressed() ? "yes" : "no", r.denominator() ? std::to_string(r.denominator()) : "",
                     r.suppressed() || !r.denominator() ? "" : pct, r.unit()});
        suppressed += r.suppressed() ? 1 : 0;
    }
    if (!WriteFile(dir + "/aggregate.json", json) || !WriteFile(dir + "/aggregate.csv", csv)) return 1;
    std::printf("%s/aggregate.json, %s/aggregate.csv: %d figures, %d suppressed (below %d)\n", dir.c_str(), dir.c_str(),
                resp->rows_size(), suppressed, resp->threshold());
    return 0;
}

int Export(Context& ctx) {
    const auto& a = ctx.args();
    v1::Date from, to;
    if (!a.positional.empty() || !ParseDate(a.Get("from").value_or(""), &from) ||
        !ParseDate(a.Get("to").value_or(""), &to)) {
        return Usage();
    }
    v1::Grouping grouping = v1::GROUPING_UNSPECIFIED;
    if (auto g = a.Get("grouping")) {
        if (*g == "month")
            grouping = v1::GROUPING_MONTH;
        else if (*g == "quarter")
            grouping = v1::GROUPING_QUARTER;
        else
            return Usage();
    }
    std::string dir = a.Get("out").value_or(".");
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
        std::fprintf(stderr, "spoedctl: cannot create %s: %s\n", dir.c_str(), ec.message().c_str());
        return 1;
    }
    static const std::vector<std::pair<std::string, v1::ExportEntity>> kEntities = {
        {"cases", v1::EXPORT_ENTITY_CASES},
        {"contacts", v1::EXPORT_ENTITY_CONTACTS},
        {"consults", v1::EXPORT_ENTITY_CONSULTS},
        {"handovers", v1::EXPORT_ENTITY_HANDOVERS},
        {"evaluations", v1::EXPORT_ENTITY_EVALUATIONS},
        {"proposals", v1::EXPORT_ENTITY_PROPOSALS}};
    std::vector<std::string> wanted = a.GetAll("entity");
    if (wanted.empty()) {
        for (const auto& [n, e] : kEntities) wanted.push_back(n);
        wanted.emplace_back("aggregate");
    }
    for (const auto& w : wanted) {
        int rc = 0;
        if (w == "aggregate") {
            rc = ExportAggregate(ctx, from, to, grouping, dir);
        } else {
            auto it = std::find_if(kEntities.begin(), kEntities.end(), [&](const auto& p) { return p.first == w; });
            if (it == kEntities.end()) return Usage();
            rc = ExportRecords(ctx, it->second, it->first, from, to, dir);
        }
        if (rc != 0) return rc;
    }
    return 0;
}

}  // namespace

std::vector<Command> ExportCommands() {
    return {{"export", kUsage,
             "write a period's records as CSV per entity and the partners' aggregate (JSON, CSV; counts below 5 "
             "suppressed)",
             Export}};
}

}  // namespace spoed::cli
