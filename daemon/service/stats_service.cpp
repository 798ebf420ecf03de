#include "daemon/service/stats_service.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>

#include "daemon/service/calendar.hpp"
#include "daemon/service/convert.hpp"
#include "daemon/service/validate.hpp"

namespace spoed::daemon::service {
namespace {

using namespace std::chrono;

constexpr int kRepeatCases = 3;
constexpr int kRepeatDays = 90;
constexpr int kMaxPeriodDays = 3 * 366;

struct Period {
    year_month_day from;  // inclusive
    year_month_day to;    // inclusive
    std::string label;
};

TimePoint LocalMidnight(year_month_day d) { return LocalToUtc(local_time<minutes>(local_days(d))); }
TimePoint Start(const Period& p) { return LocalMidnight(p.from); }
TimePoint End(const Period& p) { return LocalMidnight(year_month_day(sys_days(p.to) + days(1))); }

std::string MonthLabel(year_month_day d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()));
    return buf;
}
unsigned QuarterOf(year_month_day d) { return (static_cast<unsigned>(d.month()) - 1) / 3 + 1; }
std::string QuarterLabel(year_month_day d) {
    return std::to_string(static_cast<int>(d.year())) + "-Q" + std::to_string(QuarterOf(d));
}

/// "2026-11", "2026-Q4" or "2026" when the range is exactly that; else "from..to".
std::string WholeLabel(year_month_day from, year_month_day to) {
    year_month_day last_of_month{to.year() / to.month() / last};
    if (from.day() == day{1} && to == last_of_month) {
        if (from.year() == to.year() && from.month() == to.month()) return MonthLabel(from);
        if (from.year() == to.year() && from.month() == January && to.month() == December) {
            return std::to_string(static_cast<int>(from.year()));
        }
        if (from.year() == to.year() && (static_cast<unsigned>(from.month()) - 1) % 3 == 0 &&
            static_cast<unsigned>(to.month()) == static_cast<unsigned>(from.month()) + 2) {
            return QuarterLabel(from);
        }
    }
    return IsoDate(from) + ".." + IsoDate(to);
}

std::vector<Period> Split(year_month_day from, year_month_day to, v1::Grouping grouping) {
    std::vector<Period> out;
    year_month_day start = from;
    while (sys_days(start) <= sys_days(to)) {
        year_month first{start.year() / start.month()};
        if (grouping == v1::GROUPING_QUARTER) {
            first = year_month{start.year() / month{(QuarterOf(start) - 1) * 3 + 1}};
        }
        year_month next = first + months(grouping == v1::GROUPING_QUARTER ? 3 : 1);
        year_month_day end{sys_days(year_month_day{next / 1}) - days(1)};
        if (sys_days(end) > sys_days(to)) end = to;
        out.push_back({start, end, grouping == v1::GROUPING_QUARTER ? QuarterLabel(start) : MonthLabel(start)});
        start = year_month_day{sys_days(end) + days(1)};
    }
    return out;
}

/// The summer-time ranges (UTC+2) of the EU rule around the period.
std::vector<db::FigureBucket> SummerTime(year_month_day from, year_month_day to) {
    std::vector<db::FigureBucket> out;
    for (int y = static_cast<int>(from.year()) - 1; y <= static_cast<int>(to.year()) + 1; ++y) {
        TimePoint lo = time_point_cast<microseconds>(sys_days(year{y} / March / Sunday[last]) + hours(1));
        TimePoint hi = time_point_cast<microseconds>(sys_days(year{y} / October / Sunday[last]) + hours(1));
        out.push_back({lo, hi});
    }
    return out;
}

/// What a share is of: the key a client translates and the English words for curl and spoedctl.
struct Denominator {
    std::string_view key;
    std::string_view words;
};
constexpr Denominator kDenominators[] = {
    {"cases", "cases opened in the period"},
    {"contacts", "contacts of those cases"},
    {"outcomes", "cases with a recorded outcome"},
    {"municipality_handovers", "handovers of those cases for this municipality"},
    {"complex_cases", "complex cases opened in the period"},
    {"cases_several_problem_areas", "cases opened in the period (a case may have several problem areas)"},
    {"cases_several_risk_flags", "cases opened in the period (a case may have several risk flags)"},
    {"contacts_several_responses", "contacts of those cases (a contact may have several responses)"},
    {"proposals", "proposals made in the period"},
    {"meldcode_tracks", "Meldcode tracks of those cases"},
};

v1::Share MakeShare(std::int64_t count, std::int64_t of, std::string_view denominator_key) {
    v1::Share s;
    s.set_count(count);
    s.set_of(of);
    s.set_percent(of == 0 ? 0.0 : std::round(1000.0 * static_cast<double>(count) / static_cast<double>(of)) / 10.0);
    s.set_denominator_key(std::string(denominator_key));
    for (const auto& d : kDenominators) {
        if (d.key == denominator_key) s.set_denominator(std::string(d.words));
    }
    return s;
}

void AddTally(v1::Figures* f, google::protobuf::RepeatedPtrField<v1::Tally>* out, std::string key, std::int64_t count,
              std::int64_t of, const std::string& denominator) {
    (void)f;
    auto* t = out->Add();
    t->set_key(std::move(key));
    t->set_count(count);
    *t->mutable_share() = MakeShare(count, of, denominator);
}

constexpr const char* kOfCases = "cases";
constexpr const char* kOfContacts = "contacts";
constexpr const char* kOfOutcome = "outcomes";

using KeyCounts = std::map<std::string, std::map<std::string, std::int64_t>>;  // figure → key → count

/// Tallies of one figure ordered by count (largest first), then key.
void SortedTallies(v1::Figures* f, google::protobuf::RepeatedPtrField<v1::Tally>* out,
                   const std::map<std::string, std::int64_t>& counts, std::int64_t of, const std::string& denominator) {
    std::vector<std::pair<std::string, std::int64_t>> v(counts.begin(), counts.end());
    std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    for (const auto& [k, n] : v) AddTally(f, out, k, n, of, denominator);
}

void Fill(const Period& p, const db::CaseFiguresRecord& r, const KeyCounts& keyed,
          const std::vector<db::HandoverFiguresRecord>& handovers, v1::Figures* f) {
    f->set_period(p.label);
    *f->mutable_from() = ToProtoDate(p.from);
    *f->mutable_to() = ToProtoDate(p.to);
    f->set_cases(r.cases);
    f->set_contacts(r.contacts);
    *f->mutable_weekday_evening() = MakeShare(r.cases - r.weekend, r.cases, kOfCases);
    *f->mutable_weekend() = MakeShare(r.weekend, r.cases, kOfCases);
    const std::pair<const char*, std::int64_t> bands[] = {{"0-11", r.age_0_11},
                                                          {"12-17", r.age_12_17},
                                                          {"18-23", r.age_18_23},
                                                          {"24+", r.age_24_plus},
                                                          {"unknown", r.age_unknown}};
    for (const auto& [k, n] : bands) AddTally(f, f->mutable_age_bands(), k, n, r.cases, kOfCases);
    auto get = [&](const char* figure) {
        auto it = keyed.find(figure);
        return it == keyed.end() ? std::map<std::string, std::int64_t>() : it->second;
    };
    SortedTallies(f, f->mutable_problem_areas(), get("problem_area"), r.cases, "cases_several_problem_areas");
    f->set_cases_with_problem_area(r.cases_with_problem_area);
    SortedTallies(f, f->mutable_risk_flags(), get("risk_flag"), r.cases, "cases_several_risk_flags");
    f->set_cases_with_risk_flag(r.cases_with_risk_flag);
    SortedTallies(f, f->mutable_responses(), get("response"), r.contacts, "contacts_several_responses");
    const std::pair<const char*, std::int64_t> outcomes[] = {{"stayed_home", r.stayed_home},
                                                             {"own_network", r.own_network},
                                                             {"crisis_placement", r.crisis_placement},
                                                             {"admission", r.admission}};
    for (const auto& [k, n] : outcomes) AddTally(f, f->mutable_outcomes(), k, n, r.with_outcome, kOfOutcome);
    *f->mutable_stayed_home() = MakeShare(r.stayed_home, r.with_outcome, kOfOutcome);
    f->set_consults(r.consults);
    f->set_consults_answered(r.consults_answered);
    *f->mutable_cases_with_consult() = MakeShare(r.cases_with_consult, r.cases, kOfCases);
    for (const auto& h : handovers) {
        auto* o = f->add_handovers();
        o->set_municipality(h.municipality);
        o->set_handovers(h.handovers);
        o->set_confirmed(h.confirmed);
        *o->mutable_confirmed_by_due_time() = MakeShare(h.on_time, h.handovers, "municipality_handovers");
        o->set_has_median(h.median_minutes.has_value());
        o->set_median_minutes_to_confirmation(h.median_minutes.value_or(0));
    }
    f->set_complex_cases(r.complex);
    *f->mutable_complex_with_evaluation_held() = MakeShare(r.complex_evaluated, r.complex, "complex_cases");
    auto proposals = get("proposal");
    std::int64_t all_proposals = 0;
    for (const auto& [k, n] : proposals) all_proposals += n;
    for (const char* s : {"open", "discussed", "adopted", "implemented", "rejected"}) {
        AddTally(f, f->mutable_proposals_by_status(), s, proposals.contains(s) ? proposals.at(s) : 0, all_proposals,
                 "proposals");
    }
    *f->mutable_with_pre_registered_plan() = MakeShare(r.pre_registered_plan, r.cases, kOfCases);
    // Meldcode tracks by where they stand now, every standing listed so a zero shows.
    auto meldcode = get("meldcode");
    std::int64_t tracks = 0;
    for (const auto& [k, n] : meldcode) tracks += n;
    f->set_meldcode_tracks(tracks);
    for (const char* s : {"report", "help", "closed", "transferred", "undecided"}) {
        AddTally(f, f->mutable_meldcode_decisions(), s, meldcode.contains(s) ? meldcode.at(s) : 0, tracks,
                 "meldcode_tracks");
    }
    f->set_veilig_thuis_reports(meldcode.contains("report") ? meldcode.at("report") : 0);
}

void Add(db::CaseFiguresRecord& sum, const db::CaseFiguresRecord& r) {
    sum.cases += r.cases;
    sum.contacts += r.contacts;
    sum.weekend += r.weekend;
    sum.age_0_11 += r.age_0_11;
    sum.age_12_17 += r.age_12_17;
    sum.age_18_23 += r.age_18_23;
    sum.age_24_plus += r.age_24_plus;
    sum.age_unknown += r.age_unknown;
    sum.with_outcome += r.with_outcome;
    sum.stayed_home += r.stayed_home;
    sum.own_network += r.own_network;
    sum.crisis_placement += r.crisis_placement;
    sum.admission += r.admission;
    sum.consults += r.consults;
    sum.consults_answered += r.consults_answered;
    sum.cases_with_consult += r.cases_with_consult;
    sum.complex += r.complex;
    sum.complex_evaluated += r.complex_evaluated;
    sum.pre_registered_plan += r.pre_registered_plan;
    sum.cases_with_problem_area += r.cases_with_problem_area;
    sum.cases_with_risk_flag += r.cases_with_risk_flag;
}

std::string RulesText(const db::ComplexityRules& r) {
    std::string out;
    auto add = [&](const std::string& s) { out += (out.empty() ? "" : ", ") + s; };
    if (r.marked_complex) add("marked complex");
    for (const auto& o : r.outcomes) add("outcome " + o);
    for (const auto& f : r.risk_flags) add("risk flag " + f);
    if (r.repeat_cases > 0) {
        add("the youth's case number " + std::to_string(r.repeat_cases) + " or later within " +
            std::to_string(r.repeat_days) + " days");
    }
    return out.empty() ? "none (no rule configured)" : out;
}

struct PeriodRequest {
    year_month_day from;
    year_month_day to;
    v1::Grouping grouping = v1::GROUPING_UNSPECIFIED;
};

Result<PeriodRequest> CheckPeriod(const v1::Date& from, const v1::Date& to, v1::Grouping grouping) {
    PeriodRequest p;
    SPOED_ASSIGN(p.from, CheckDate("from", from));
    SPOED_ASSIGN(p.to, CheckDate("to", to));
    if (sys_days(p.to) < sys_days(p.from)) return Error::InvalidArgument("to: before from");
    if ((sys_days(p.to) - sys_days(p.from)).count() > kMaxPeriodDays) {
        return Error::InvalidArgument("to: the period may span at most three years");
    }
    if (!v1::Grouping_IsValid(grouping)) return Error::InvalidArgument("grouping: unknown value");
    p.grouping = grouping;
    return p;
}

}  // namespace

// The figures of a period: one bucket per month or quarter (or just the whole), each figure one
// SQL aggregate over all buckets; the whole period is the sum of the buckets, except the
// medians (computed over the whole) and the repeat youths (whole period only).
static Result<v1::GetFiguresResponse> ComputeFigures(db::Tx& tx, Call& call, const StatsPolicy& policy,
                                                     const PeriodRequest& req, bool list_youths) {
    Period whole{req.from, req.to, WholeLabel(req.from, req.to)};
    std::vector<Period> periods;
    if (req.grouping == v1::GROUPING_UNSPECIFIED) {
        periods.push_back(whole);
    } else {
        periods = Split(req.from, req.to, req.grouping);
    }
    db::FiguresQuery q;
    for (const auto& p : periods) q.buckets.push_back({Start(p), End(p)});
    q.whole = {Start(whole), End(whole)};
    q.summer_time = SummerTime(req.from, req.to);
    q.night_cutoff_hour = policy.night_cutoff_hour;
    q.rules = policy.rules;

    auto cases = tx.stats().CaseFigures(q);
    auto keyed_rows = tx.stats().KeyedCounts(q);
    auto handover_rows = tx.stats().HandoverFigures(q);
    const int n = static_cast<int>(periods.size());
    std::vector<KeyCounts> keyed(static_cast<std::size_t>(n) + 1);
    for (const auto& k : keyed_rows) {
        keyed[static_cast<std::size_t>(k.bucket)][k.figure][k.key] += k.count;
        keyed[static_cast<std::size_t>(n)][k.figure][k.key] += k.count;
    }
    std::vector<std::vector<db::HandoverFiguresRecord>> handovers(static_cast<std::size_t>(n) + 1);
    for (const auto& h : handover_rows) handovers[static_cast<std::size_t>(h.bucket)].push_back(h);

    std::vector<std::string> labels;
    labels.reserve(periods.size());
    for (const auto& p : periods) labels.push_back(p.label);
    labels.push_back(whole.label);
    std::map<std::string, std::string> notes;
    for (const auto& note : tx.stats().Notes(labels)) notes[note.period] = note.text;

    v1::GetFiguresResponse resp;
    db::CaseFiguresRecord sum;
    for (const auto& r : cases) Add(sum, r);
    Fill(whole, sum, keyed[static_cast<std::size_t>(n)], handovers[static_cast<std::size_t>(n)], resp.mutable_total());
    if (notes.contains(whole.label)) resp.mutable_total()->set_note(notes[whole.label]);
    if (req.grouping != v1::GROUPING_UNSPECIFIED) {
        for (int i = 0; i < n; ++i) {
            auto* f = resp.add_periods();
            const auto& p = periods[static_cast<std::size_t>(i)];
            Fill(p, cases[static_cast<std::size_t>(i)], keyed[static_cast<std::size_t>(i)],
                 handovers[static_cast<std::size_t>(i)], f);
            if (notes.contains(p.label)) f->set_note(notes[p.label]);
        }
    }

    auto* ry = resp.mutable_total()->mutable_repeat_youths();
    ry->set_min_cases(kRepeatCases);
    ry->set_within_days(kRepeatDays);
    ry->set_rule(
        "three or more cases within 90 days, at least one of them opened in the period; before and after "
        "count the cases in the 90 days before the last plan change up to the end of the period, and from "
        "the change up to 90 days later or the end of the period");
    TimePoint end = End(whole);
    for (const auto& y : tx.stats().RepeatYouths(Start(whole), end, kRepeatCases, kRepeatDays)) {
        ry->set_youths(ry->youths() + 1);
        if (y.plan_version != 0) {
            ry->set_with_plan_change(ry->with_plan_change() + 1);
            ry->set_cases_before(ry->cases_before() + y.cases_before);
            ry->set_cases_after(ry->cases_after() + y.cases_after);
        }
        if (!list_youths) continue;
        call.audit().object_ids.push_back(ObjectId("youth", y.youth_id));
        auto* o = ry->add_items();
        o->set_youth_id(y.youth_id);
        o->set_cases_in_period(y.cases_in_period);
        o->set_plan_version(y.plan_version);
        if (y.plan_changed_at) {
            SetTimestamp(o->mutable_plan_changed_at(), *y.plan_changed_at);
            auto after_end = std::min(*y.plan_changed_at + days(kRepeatDays), end);
            o->set_days_after(static_cast<int>(floor<days>(after_end - *y.plan_changed_at).count()));
        }
        o->set_cases_before(y.cases_before);
        o->set_cases_after(y.cases_after);
    }

    resp.add_explanation_keys("period");
    resp.add_explanations(
        "A case belongs to the period in which it was opened (Europe/Amsterdam dates); its contacts, consults, "
        "handovers and evaluations are counted with it.");
    resp.add_explanation_keys("several_tags");
    resp.add_explanations(
        "A case may have several problem areas and several risk flags: their counts add up to more than the number "
        "of cases, and each share is of all cases opened in the period. Likewise a contact may have several "
        "responses; each share is of all contacts.");
    resp.add_explanation_keys("weekend");
    resp.add_explanations(
        "Weekend: cases whose shift fell on a Saturday or Sunday (a night belongs to the evening it started); "
        "weekday evening: the others.");
    resp.add_explanation_keys("complex");
    resp.add_explanations("Complex cases follow the evaluation rules of the configuration: " + RulesText(policy.rules) +
                          ". Held: the evaluation was held or finalised.");
    resp.add_explanation_keys("handovers_on_time");
    resp.add_explanations(
        "Handovers confirmed by their due time: the confirmation step was recorded at or before the due time; the "
        "median runs from the start of the handover to its confirmation.");
    resp.add_explanation_keys("pre_registered_plan");
    resp.add_explanations("Pre-registered plan: the youth had a plan version before the case was opened.");
    return resp;
}

Result<v1::GetFiguresResponse> StatsService::GetFigures(Call& call, const v1::GetFiguresRequest& req) {
    SPOED_ASSIGN(auto period, CheckPeriod(req.from(), req.to(), req.grouping()));
    call.audit().reason = "figures " + IsoDate(period.from) + ".." + IsoDate(period.to);
    return call.Read([&](db::Tx& tx) { return ComputeFigures(tx, call, policy_, period, true); });
}

Result<v1::GetAggregateResponse> StatsService::GetAggregate(Call& call, const v1::GetAggregateRequest& req) {
    SPOED_ASSIGN(auto period, CheckPeriod(req.from(), req.to(), req.grouping()));
    call.audit().reason = "aggregate " + IsoDate(period.from) + ".." + IsoDate(period.to);
    SPOED_ASSIGN(auto figures, call.Read([&](db::Tx& tx) { return ComputeFigures(tx, call, policy_, period, false); }));
    return MakeAggregate(figures, policy_.suppression_threshold);
}

Result<v1::SetPeriodNoteResponse> StatsService::SetPeriodNote(Call& call, const v1::SetPeriodNoteRequest& req) {
    const std::string& p = req.period();
    auto digits = [&](std::size_t from, std::size_t n) {
        if (p.size() < from + n) return false;
        return std::all_of(p.begin() + static_cast<long>(from), p.begin() + static_cast<long>(from + n),
                           [](unsigned char c) { return std::isdigit(c) != 0; });
    };
    bool ok = false;
    if (p.size() == 4) ok = digits(0, 4);
    if (p.size() == 7 && p[4] == '-' && p[5] == 'Q') ok = digits(0, 4) && p[6] >= '1' && p[6] <= '4';
    if (p.size() == 7 && p[4] == '-' && p[5] != 'Q') {
        ok = digits(0, 4) && digits(5, 2) && std::stoi(p.substr(5)) >= 1 && std::stoi(p.substr(5)) <= 12;
    }
    if (!ok) return Error::InvalidArgument("period: a month (2026-11), a quarter (2026-Q4) or a year (2026)");
    SPOED_TRY(CheckText("text", req.text(), 10000, false, TextKind::kMultiline));
    call.audit().object_ids.push_back("period:" + p);
    return call.Write([&](db::Tx& tx) -> Result<v1::SetPeriodNoteResponse> {
        db::PeriodNoteRecord note{p, IsBlank(req.text()) ? std::string() : req.text(), call.actor()->user_id,
                                  call.now()};
        tx.stats().PutNote(note);
        v1::SetPeriodNoteResponse resp;
        resp.set_period(p);
        resp.set_text(note.text);
        resp.set_updated_by(note.updated_by);
        SetTimestamp(resp.mutable_updated_at(), note.updated_at);
        return resp;
    });
}

Result<v1::ExportRecordsResponse> StatsService::ExportRecords(Call& call, const v1::ExportRecordsRequest& req) {
    std::string entity = EnumName(v1::ExportEntity_descriptor(), req.entity());
    if (entity.empty()) {
        return Error::InvalidArgument(
            "entity: required (cases, contacts, consults, handovers, evaluations, proposals)");
    }
    SPOED_ASSIGN(auto period, CheckPeriod(req.from(), req.to(), v1::GROUPING_UNSPECIFIED));
    if (req.page_size() < 0 || req.page_size() > 5000) return Error::InvalidArgument("page_size: must be 1 to 5000");
    int limit = req.page_size() == 0 ? 1000 : req.page_size();
    std::int64_t after = 0;
    if (!req.page_token().empty()) {
        const auto& t = req.page_token();
        auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), after);
        if (ec != std::errc() || ptr != t.data() + t.size() || after <= 0) {
            return Error::InvalidArgument("page_token: not a token from a previous answer");
        }
    }
    call.audit().reason = entity + " " + IsoDate(period.from) + ".." + IsoDate(period.to) +
                          (after ? " after " + std::to_string(after) : "");
    Period whole{period.from, period.to, ""};
    return call.Read([&](db::Tx& tx) -> Result<v1::ExportRecordsResponse> {
        auto page = tx.stats().Export(entity, Start(whole), End(whole), after, limit + 1);
        v1::ExportRecordsResponse resp;
        for (const auto& c : page.columns) resp.add_columns(c);
        std::size_t n = std::min(page.rows.size(), static_cast<std::size_t>(limit));
        for (std::size_t i = 0; i < n; ++i) {
            auto* row = resp.add_rows();
            for (const auto& cell : page.rows[i]) row->add_cells(cell);
        }
        if (page.rows.size() > n) resp.set_next_page_token(page.rows[n - 1][0]);
        return resp;
    });
}

// --- the aggregate for chain partners ---------------------------------------------------------

namespace {

struct Row {
    v1::AggregateRow row;
    std::int64_t denominator = -1;  // -1: none
    bool small_base = false;        // a median over fewer than the threshold
    bool partition = false;         // one of categories that add up to a published total
};

}  // namespace

v1::GetAggregateResponse MakeAggregate(const v1::GetFiguresResponse& figures, int threshold) {
    std::vector<Row> rows;
    auto add = [&](const std::string& period, const std::string& figure, const std::string& key, std::int64_t value,
                   const std::string& unit, std::int64_t denominator = -1, bool partition = false) {
        Row r;
        r.row.set_period(period);
        r.row.set_figure(figure);
        r.row.set_key(key);
        r.row.set_value(value);
        r.row.set_unit(unit);
        r.denominator = denominator;
        r.partition = partition;
        rows.push_back(std::move(r));
        return &rows.back();
    };
    std::vector<const v1::Figures*> all{&figures.total()};
    for (const auto& p : figures.periods()) all.push_back(&p);
    for (const auto* f : all) {
        const std::string& p = f->period();
        add(p, "cases", "", f->cases(), "cases");
        add(p, "contacts", "", f->contacts(), "contacts");
        add(p, "shift", "weekday_evening", f->weekday_evening().count(), "cases", f->cases(), true);
        add(p, "shift", "weekend", f->weekend().count(), "cases", f->cases(), true);
        for (const auto& t : f->age_bands()) add(p, "age_band", t.key(), t.count(), "cases", f->cases(), true);
        for (const auto& t : f->problem_areas()) add(p, "problem_area", t.key(), t.count(), "cases", f->cases());
        for (const auto& t : f->risk_flags()) add(p, "risk_flag", t.key(), t.count(), "cases", f->cases());
        for (const auto& t : f->responses()) add(p, "response", t.key(), t.count(), "contacts", f->contacts());
        add(p, "cases_with_outcome", "", f->stayed_home().of(), "cases", f->cases());
        for (const auto& t : f->outcomes()) add(p, "outcome", t.key(), t.count(), "cases", t.share().of(), true);
        add(p, "consults", "", f->consults(), "consults");
        add(p, "cases_with_consult", "", f->cases_with_consult().count(), "cases", f->cases());
        for (const auto& h : f->handovers()) {
            add(p, "handovers", h.municipality(), h.handovers(), "handovers");
            add(p, "handovers_confirmed_by_due_time", h.municipality(), h.confirmed_by_due_time().count(), "handovers",
                h.handovers());
            if (h.has_median()) {
                add(p, "handover_median_minutes_to_confirmation", h.municipality(), h.median_minutes_to_confirmation(),
                    "minutes")
                    ->small_base = h.confirmed() < threshold;
            }
        }
        add(p, "complex_cases", "", f->complex_cases(), "cases");
        add(p, "complex_with_evaluation_held", "", f->complex_with_evaluation_held().count(), "cases",
            f->complex_cases());
        for (const auto& t : f->proposals_by_status()) add(p, "proposals", t.key(), t.count(), "proposals");
        add(p, "with_pre_registered_plan", "", f->with_pre_registered_plan().count(), "cases", f->cases());
        add(p, "meldcode_tracks", "", f->meldcode_tracks(), "tracks");
        add(p, "veilig_thuis_reports", "", f->veilig_thuis_reports(), "tracks", f->meldcode_tracks());
        if (f == &figures.total()) {
            const auto& ry = f->repeat_youths();
            add(p, "repeat_youths", "", ry.youths(), "youths");
            add(p, "repeat_youths_with_plan_change", "", ry.with_plan_change(), "youths", ry.youths());
            add(p, "repeat_youth_cases_before_plan_change", "", ry.cases_before(), "cases");
            add(p, "repeat_youth_cases_after_plan_change", "", ry.cases_after(), "cases");
        }
    }
    // Primary suppression: every count below the threshold (minutes are not counts, but a
    // median over fewer than the threshold is hidden as well).
    for (auto& r : rows) {
        bool is_count = r.row.unit() != "minutes";
        if ((is_count && r.row.value() < threshold) || r.small_base) r.row.set_suppressed(true);
    }
    // Secondary suppression: within categories that add up to a total, one hidden cell could
    // be worked out by subtraction; hide the next smallest as well.
    std::map<std::pair<std::string, std::string>, std::vector<Row*>> groups;
    for (auto& r : rows) {
        if (r.partition) groups[{r.row.period(), r.row.figure()}].push_back(&r);
    }
    for (auto& [key, members] : groups) {
        int hidden = 0;
        for (auto* r : members) hidden += r->row.suppressed() ? 1 : 0;
        if (hidden != 1) continue;
        Row* smallest = nullptr;
        for (auto* r : members) {
            if (!r->row.suppressed() && (!smallest || r->row.value() < smallest->row.value())) smallest = r;
        }
        if (smallest) smallest->row.set_suppressed(true);
    }
    v1::GetAggregateResponse resp;
    *resp.mutable_from() = figures.total().from();
    *resp.mutable_to() = figures.total().to();
    resp.set_threshold(threshold);
    for (auto& r : rows) {
        auto& out = r.row;
        if (out.suppressed()) out.set_value(0);
        if (r.denominator >= threshold) {
            out.set_denominator(r.denominator);
            if (!out.suppressed() && r.denominator > 0) {
                out.set_percent(
                    std::round(1000.0 * static_cast<double>(out.value()) / static_cast<double>(r.denominator)) / 10.0);
            }
        }
        *resp.add_rows() = out;
    }
    for (const auto& e : figures.explanations()) resp.add_explanations(e);
    resp.add_explanations("Every count below " + std::to_string(threshold) +
                          " is suppressed (value 0, suppressed true), and so is the next smallest of categories that "
                          "add up to a total when only one was; shares of suppressed counts are not given. No youth "
                          "ids, names or free text are included.");
    return resp;
}

}  // namespace spoed::daemon::service
