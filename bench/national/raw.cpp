// spoed-bench-raw: what the sqlite3 library itself does with the same work (issue 8, contract 2).
//
//   spoed-bench-raw --db DB_PATH [--seconds S]
//
// search / lookup / figures_year: the SQL the repositories run for SearchYouths, LookupCaller
// and GetFigures (a year by month) is captured from the repositories themselves — each call
// runs once on a db::Connection with sqlite3_trace_v2(SQLITE_TRACE_STMT) installed and every
// statement is recorded with its bound values (sqlite3_expanded_sql) — and then replayed on a
// separate plain sqlite3 connection with the reader pragmas of db/sqlite_store.cpp, stepping
// every row: each statement text prepared once per call (as the repositories do), its values
// bound again from the expanded text. One sample = all statements of one call, in one read
// transaction as the store runs them. So the baseline follows the repositories when their SQL
// changes.
//
// insert_one_commit_per_row: single-row INSERTs into `contacts` (the repository's statement),
// one transaction each, WAL, synchronous=FULL, one thread, into a fresh store made by
// db::SqliteStore::Open in a temporary directory beside DB_PATH (same schema and triggers, same
// file system).
//
// Prints one JSON object on stdout.

#include <sqlite3.h>
#include <stdlib.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/search_query.hpp"
#include "bench/national/manifest.hpp"
#include "bench/national/raw_insert.hpp"
#include "daemon/service/calendar.hpp"
#include "db/sql_repos.hpp"
#include "db/sqlite.hpp"
#include "db/sqlite_store.hpp"

namespace spoed::bench {
namespace {

using namespace std::chrono;

// --- capture ---------------------------------------------------------------------------------------

/// One statement as a repository ran it: its text as prepared (with `?` parameters) and the same
/// text with the bound values in place.
struct Captured {
    std::string sql;
    std::string expanded;
};

int OnTrace(unsigned type, void* ctx, void* p, void* x) {
    if (type != SQLITE_TRACE_STMT) return 0;
    const char* text = static_cast<const char*>(x);
    if (text != nullptr && text[0] == '-' && text[1] == '-') return 0;  // a trigger's statement, not ours
    auto* stmt = static_cast<sqlite3_stmt*>(p);
    char* expanded = sqlite3_expanded_sql(stmt);
    if (expanded != nullptr) {
        static_cast<std::vector<Captured>*>(ctx)->push_back({sqlite3_sql(stmt), expanded});
        sqlite3_free(expanded);
    }
    return 0;
}

/// The reader pragmas of db/sqlite_store.cpp (ApplyPragmas, writer = false).
constexpr const char* kReaderPragmas[] = {"PRAGMA busy_timeout = 5000", "PRAGMA foreign_keys = ON",
                                          "PRAGMA synchronous = FULL",  "PRAGMA query_only = ON",
                                          "PRAGMA cache_size = -65536", "PRAGMA mmap_size = 268435456"};

/// Runs `call` on the capture connection and returns the statements it ran.
template <typename F>
std::vector<Captured> Capture(db::Connection& c, F&& call) {
    std::vector<Captured> out;
    sqlite3_trace_v2(c.handle(), SQLITE_TRACE_STMT, OnTrace, &out);
    db::SqlTx tx(c);
    call(tx);
    sqlite3_trace_v2(c.handle(), 0, nullptr, nullptr);
    return out;
}

std::string IsoDay(year_month_day d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                  static_cast<unsigned>(d.day()));
    return buf;
}

/// SearchYouths' repository calls (daemon/service/youth_service.cpp): ranked tiers, first page of
/// 20 (+1 to know whether a next page follows), stopping as soon as the page is full.
void SearchCalls(db::Tx& tx, const spoed::SearchQuery& query, TimePoint now) {
    const int page_size = 20, want = page_size + 1;
    std::optional<std::string> date;
    if (query.date) date = IsoDay(*query.date);
    std::vector<db::YouthSearch> tiers;
    auto tier = [&](std::optional<std::string> phone, std::optional<std::string> dob, bool names) {
        db::YouthSearch s;
        s.phone = std::move(phone);
        s.date_of_birth = std::move(dob);
        if (names) s.name_terms = query.name_terms;
        s.limit = want;
        tiers.push_back(std::move(s));
    };
    bool names = !query.name_terms.empty();
    if (query.phone) tier(query.phone, std::nullopt, false);
    if (date && names) tier(std::nullopt, date, true);
    if (names) tier(std::nullopt, std::nullopt, true);
    if (date) tier(std::nullopt, date, false);
    std::set<std::int64_t> seen;
    int position = 0;
    for (const auto& t : tiers) {
        for (const auto& hit : tx.youths().Search(t, now)) {
            if (!seen.insert(hit.youth_id).second) continue;
            ++position;
            if (position > page_size) break;
        }
        if (position > page_size) break;
    }
}

/// LookupCaller's repository calls.
void LookupCalls(db::Tx& tx, const std::string& phone, TimePoint now) {
    tx.cases().FindByCallerPhone(phone, 20);
    for (const auto& hit : tx.youths().FindByPhone(phone, now)) {
        db::CaseFilter f;
        f.youth_id = hit.youth_id;
        f.limit = 20;
        tx.cases().List(f);
    }
}

TimePoint LocalMidnight(year_month_day d) { return daemon::service::LocalToUtc(local_time<minutes>(local_days(d))); }

/// GetFigures' repository calls for a calendar year by month (daemon/service/stats_service.cpp
/// ComputeFigures with the default StatsPolicy), captured one call at a time: name, statements.
std::vector<std::pair<std::string, std::vector<Captured>>> CaptureFigures(db::Connection& c, int y) {
    db::FiguresQuery q;
    std::vector<std::string> labels;
    for (unsigned m = 1; m <= 12; ++m) {
        year_month_day from{year{y}, month{m}, day{1}};
        year_month_day next =
            m == 12 ? year_month_day{year{y + 1}, January, day{1}} : year_month_day{year{y}, month{m + 1}, day{1}};
        q.buckets.push_back({LocalMidnight(from), LocalMidnight(next)});
        char label[16];
        std::snprintf(label, sizeof label, "%04d-%02u", y, m);
        labels.push_back(label);
    }
    const TimePoint start = LocalMidnight(year_month_day{year{y}, January, day{1}});
    const TimePoint end = LocalMidnight(year_month_day{year{y + 1}, January, day{1}});
    q.whole = {start, end};
    for (int k = y - 1; k <= y + 1; ++k) {
        TimePoint lo = time_point_cast<microseconds>(sys_days(year{k} / March / Sunday[last]) + hours(1));
        TimePoint hi = time_point_cast<microseconds>(sys_days(year{k} / October / Sunday[last]) + hours(1));
        q.summer_time.push_back({lo, hi});
    }
    q.night_cutoff_hour = 6;
    labels.push_back(std::to_string(y));
    std::vector<std::pair<std::string, std::vector<Captured>>> out;
    out.emplace_back("CaseFigures", Capture(c, [&](db::Tx& tx) { tx.stats().CaseFigures(q); }));
    out.emplace_back("KeyedCounts", Capture(c, [&](db::Tx& tx) { tx.stats().KeyedCounts(q); }));
    out.emplace_back("HandoverFigures", Capture(c, [&](db::Tx& tx) { tx.stats().HandoverFigures(q); }));
    out.emplace_back("Notes", Capture(c, [&](db::Tx& tx) { tx.stats().Notes(labels); }));
    out.emplace_back("RepeatYouths", Capture(c, [&](db::Tx& tx) { tx.stats().RepeatYouths(start, end, 3, 90); }));
    return out;
}

// --- replay ----------------------------------------------------------------------------------------

void Check(sqlite3* db, int rc, const char* what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
    }
}

void Exec(sqlite3* db, const char* sql) { Check(db, sqlite3_exec(db, sql, nullptr, nullptr, nullptr), sql); }

/// Binds to `st` the values that sqlite3_expanded_sql put in place of the parameters of `sql`
/// (integers, reals, 'text', x'blob', NULL); false when the two texts do not line up.
bool BindExpanded(sqlite3_stmt* st, const std::string& sql, const std::string& exp) {
    std::size_t i = 0, j = 0;
    int highest = 0;
    char quote = 0;
    auto same = [&]() {
        if (j >= exp.size() || exp[j] != sql[i]) return false;
        ++i;
        ++j;
        return true;
    };
    while (i < sql.size()) {
        char c = sql[i];
        if (quote != 0) {
            if (c == quote) quote = 0;
            if (!same()) return false;
            continue;
        }
        if (c == '\'' || c == '"') {
            quote = c;
            if (!same()) return false;
            continue;
        }
        if (c != '?') {
            if (!same()) return false;
            continue;
        }
        ++i;
        int index = 0;
        std::size_t k = i;
        while (k < sql.size() && std::isdigit(static_cast<unsigned char>(sql[k])))
            index = index * 10 + (sql[k++] - '0');
        if (k == i) index = highest + 1;
        i = k;
        highest = std::max(highest, index);
        if (j >= exp.size()) return false;
        int rc = SQLITE_OK;
        if (exp[j] == '\'') {
            std::string v;
            for (++j;; ++j) {
                if (j >= exp.size()) return false;
                if (exp[j] == '\'') {
                    if (j + 1 < exp.size() && exp[j + 1] == '\'') {
                        v += '\'';
                        ++j;
                        continue;
                    }
                    ++j;
                    break;
                }
                v += exp[j];
            }
            rc = sqlite3_bind_text64(st, index, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
        } else if (exp.compare(j, 2, "x'") == 0) {
            std::string v;
            for (j += 2; j + 1 < exp.size() && exp[j] != '\''; j += 2) {
                v += static_cast<char>(std::stoi(exp.substr(j, 2), nullptr, 16));
            }
            if (j >= exp.size() || exp[j] != '\'') return false;
            ++j;
            rc = sqlite3_bind_blob64(st, index, v.data(), v.size(), SQLITE_TRANSIENT);
        } else if (exp.compare(j, 4, "NULL") == 0) {
            j += 4;
            rc = sqlite3_bind_null(st, index);
        } else {
            std::size_t e = j;
            bool real = false;
            while (e < exp.size() && (std::isdigit(static_cast<unsigned char>(exp[e])) || exp[e] == '-' ||
                                      exp[e] == '+' || exp[e] == '.' || exp[e] == 'e' || exp[e] == 'E')) {
                real = real || exp[e] == '.' || exp[e] == 'e' || exp[e] == 'E';
                ++e;
            }
            if (e == j) return false;
            std::string num = exp.substr(j, e - j);
            j = e;
            rc = real ? sqlite3_bind_double(st, index, std::strtod(num.c_str(), nullptr))
                      : sqlite3_bind_int64(st, index, std::strtoll(num.c_str(), nullptr, 10));
        }
        if (rc != SQLITE_OK) return false;
    }
    return j == exp.size();
}

int g_fallbacks = 0;  // statements replayed from their expanded text (values could not be bound)

/// One sample: the statements of one call in one read transaction, every row stepped. Like the
/// repositories, a statement text is prepared once per call and rebound when a call runs it
/// again (RepeatYouths' per-youth look-up, the notes per period).
std::int64_t Replay(sqlite3* db, const std::vector<Captured>& sample) {
    std::int64_t rows = 0;
    std::map<std::string_view, sqlite3_stmt*> prepared;
    Exec(db, "BEGIN");
    for (const auto& c : sample) {
        sqlite3_stmt*& st = prepared[c.sql];
        if (st == nullptr) {
            Check(db, sqlite3_prepare_v2(db, c.sql.c_str(), static_cast<int>(c.sql.size()), &st, nullptr), "prepare");
        } else {
            sqlite3_reset(st);
        }
        sqlite3_clear_bindings(st);
        sqlite3_stmt* run = st;
        if (!BindExpanded(st, c.sql, c.expanded)) {
            ++g_fallbacks;
            Check(db, sqlite3_prepare_v2(db, c.expanded.c_str(), static_cast<int>(c.expanded.size()), &run, nullptr),
                  "prepare");
        }
        int rc;
        while ((rc = sqlite3_step(run)) == SQLITE_ROW) ++rows;
        if (run != st) sqlite3_finalize(run);
        Check(db, rc, "step");
    }
    for (auto& [sql, st] : prepared) sqlite3_finalize(st);
    Exec(db, "COMMIT");
    return rows;
}

struct Stats {
    std::int64_t count = 0;
    double seconds = 0;
    std::vector<double> ms;
    std::vector<std::vector<double>> by_sample;  // durations of each sample, ms
    std::string Json() const {
        std::vector<double> v = ms;
        std::sort(v.begin(), v.end());
        auto q = [&](double p) {
            if (v.empty()) return 0.0;
            auto i = static_cast<std::size_t>(std::floor(p * static_cast<double>(v.size())));
            return v[std::min(i, v.size() - 1)];
        };
        char buf[256];
        std::snprintf(buf, sizeof buf,
                      "{\"count\": %lld, \"p50_ms\": %.3f, \"p99_ms\": %.3f, \"p999_ms\": %.3f, \"per_s\": %.1f}",
                      static_cast<long long>(count), q(0.5), q(0.99), q(0.999),
                      seconds > 0 ? static_cast<double>(count) / seconds : 0.0);
        return buf;
    }
};

/// Replays the samples round-robin for `seconds` (and at least `min_count` samples) after one
/// untimed pass over all of them.
Stats Measure(sqlite3* db, const std::vector<std::vector<Captured>>& samples, double seconds, std::int64_t min_count) {
    Stats s;
    if (samples.empty()) return s;
    s.by_sample.resize(samples.size());
    for (const auto& sample : samples) Replay(db, sample);
    const auto until = steady_clock::now() + duration<double>(seconds);
    for (std::size_t i = 0; s.count < min_count || steady_clock::now() < until; i = (i + 1) % samples.size()) {
        auto t0 = steady_clock::now();
        Replay(db, samples[i]);
        double d = duration<double>(steady_clock::now() - t0).count();
        s.ms.push_back(d * 1000.0);
        s.by_sample[i].push_back(d * 1000.0);
        s.seconds += d;
        ++s.count;
    }
    return s;
}

Stats MeasureInsert(const std::string& db_path, double seconds) {
    std::filesystem::path dir = std::filesystem::absolute(db_path).parent_path();
    std::string tmpl = (dir / "raw-insert-XXXXXX").string();
    if (mkdtemp(tmpl.data()) == nullptr)
        throw std::runtime_error("cannot make a temporary directory in " + dir.string());
    const std::string path = tmpl + "/insert.db";
    struct Remove {
        std::string dir;
        ~Remove() {
            std::error_code ec;
            std::filesystem::remove_all(dir, ec);
        }
    } remove{tmpl};

    RawInsertBaseline baseline(path);
    Stats s;
    const auto until = steady_clock::now() + duration<double>(seconds);
    while (s.count < 10 || steady_clock::now() < until) {
        auto t0 = steady_clock::now();
        baseline.InsertOne();
        double d = duration<double>(steady_clock::now() - t0).count();
        s.ms.push_back(d * 1000.0);
        s.seconds += d;
        ++s.count;
    }
    return s;
}

int Main(int argc, char** argv) {
    std::string db_path;
    double seconds = 5;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--db" && i + 1 < argc) {
            db_path = argv[++i];
        } else if (a == "--seconds" && i + 1 < argc) {
            seconds = std::atof(argv[++i]);
        } else {
            std::cerr << "usage: spoed-bench-raw --db DB_PATH [--seconds S]\n";
            return 2;
        }
    }
    if (db_path.empty() || seconds <= 0) {
        std::cerr << "usage: spoed-bench-raw --db DB_PATH [--seconds S]\n";
        return 2;
    }
    if (!std::filesystem::exists(db_path)) {
        std::cerr << "spoed-bench-raw: no database " << db_path << "\n";
        return 1;
    }
    Manifest m = ReadManifest(db_path + ".json");
    const TimePoint now = time_point_cast<microseconds>(system_clock::now());

    // Capture, on a reader connection as the store opens it.
    std::vector<std::vector<Captured>> search, lookup, figures;
    std::vector<std::pair<std::string, std::vector<Captured>>> figure_parts;
    int unparsed = 0;
    std::vector<std::string> search_texts;
    {
        db::Connection c(db_path, db::Connection::Mode::kReadOnly);
        for (const char* p : kReaderPragmas) c.Exec(p);
        for (const auto& text : m.search_queries) {
            auto q = spoed::ParseSearchQuery(text);
            if (!q.ok()) {
                ++unparsed;
                continue;
            }
            search.push_back(Capture(c, [&](db::Tx& tx) { SearchCalls(tx, *q, now); }));
            search_texts.push_back(text);
        }
        for (const auto& phone : m.lookup_phones) {
            lookup.push_back(Capture(c, [&](db::Tx& tx) { LookupCalls(tx, phone, now); }));
        }
        figure_parts = CaptureFigures(c, m.figures_year);
        figures.emplace_back();
        for (const auto& [name, part] : figure_parts)
            figures.back().insert(figures.back().end(), part.begin(), part.end());
    }
    auto statements = [](const std::vector<std::vector<Captured>>& v) {
        std::size_t n = 0;
        for (const auto& s : v) n += s.size();
        return n;
    };

    // Replay on a plain sqlite3 connection.
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        std::cerr << "spoed-bench-raw: cannot open " << db_path << "\n";
        return 1;
    }
    for (const char* p : kReaderPragmas) Exec(db, p);
    Stats s_search = Measure(db, search, seconds, static_cast<std::int64_t>(search.size()));
    Stats s_lookup = Measure(db, lookup, seconds, static_cast<std::int64_t>(lookup.size()));
    Stats s_figures = Measure(db, figures, seconds, 3);
    // Where the time goes: the slowest search queries (median of their samples) and each
    // figures call on its own (median of three).
    auto median = [](std::vector<double> v) {
        if (v.empty()) return 0.0;
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    std::vector<std::pair<double, std::string>> slow;
    for (std::size_t i = 0; i < s_search.by_sample.size(); ++i) {
        slow.emplace_back(median(s_search.by_sample[i]), search_texts[i]);
    }
    std::sort(slow.rbegin(), slow.rend());
    std::string slowest = "[";
    for (std::size_t i = 0; i < std::min<std::size_t>(8, slow.size()); ++i) {
        char ms[32];
        std::snprintf(ms, sizeof ms, "%.3f", slow[i].first);
        slowest +=
            std::string(i ? ", " : "") + "{\"query\": " + JsonString(slow[i].second) + ", \"p50_ms\": " + ms + "}";
    }
    slowest += "]";
    std::string parts = "{";
    for (const auto& [name, part] : figure_parts) {
        std::vector<double> t;
        for (int k = 0; k < 3; ++k) {
            auto t0 = steady_clock::now();
            Replay(db, part);
            t.push_back(duration<double>(steady_clock::now() - t0).count() * 1000.0);
        }
        char buf[128];
        std::snprintf(buf, sizeof buf, "%s\"%s\": {\"statements\": %zu, \"p50_ms\": %.3f}",
                      parts.size() > 1 ? ", " : "", name.c_str(), part.size(), median(t));
        parts += buf;
    }
    parts += "}";
    sqlite3_close_v2(db);
    Stats s_insert = MeasureInsert(db_path, seconds);

    std::cout << "{\"search\": " << s_search.Json() << ",\n \"lookup\": " << s_lookup.Json()
              << ",\n \"figures_year\": " << s_figures.Json()
              << ",\n \"insert_one_commit_per_row\": " << s_insert.Json() << ",\n \"search_slowest\": " << slowest
              << ",\n \"figures_parts\": " << parts
              << ",\n \"insert_database\": \"fresh store (db::SqliteStore::Open) beside the data set\""
              << ",\n \"captured\": {\"search_queries\": " << search.size()
              << ", \"search_statements\": " << statements(search) << ", \"unparsed_queries\": " << unparsed
              << ", \"lookup_phones\": " << lookup.size() << ", \"lookup_statements\": " << statements(lookup)
              << ", \"figures_statements\": " << statements(figures) << ", \"figures_year\": " << m.figures_year
              << ", \"replayed_unbound\": " << g_fallbacks << "},\n \"youths\": " << m.youths
              << ", \"seconds\": " << seconds << ", \"sqlite\": \"" << sqlite3_libversion() << "\"}\n";
    return 0;
}

}  // namespace
}  // namespace spoed::bench

int main(int argc, char** argv) {
    try {
        return spoed::bench::Main(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "spoed-bench-raw: " << e.what() << "\n";
        return 1;
    }
}
