#include "tests/support/figures_dataset.hpp"

#include <algorithm>
#include <cmath>
#include <random>

#include "daemon/service/calendar.hpp"

namespace spoed::test {
namespace {

using namespace std::chrono;

constexpr const char* kMunicipalities[] = {"Groningen", "Eemsdelta", "Oldambt", "Westerkwartier", ""};
constexpr const char* kAreas[] = {"mood", "conflict at home", "school", "psychosis", "substance use"};
constexpr const char* kFlags[] = {"suicidality", "suicide_attempt", "self_harm", "severe_aggression", "runaway"};
constexpr const char* kOutcomes[] = {"stayed_home", "own_network", "crisis_placement", "admission"};
constexpr const char* kResponses[] = {"advice", "agreements", "de_escalating_conversation", "network_engaged"};
constexpr const char* kProposalStatuses[] = {"open", "discussed", "adopted", "implemented", "rejected"};
constexpr auto kDay = hours(24);

TimePoint LocalMidnight(year_month_day d) { return daemon::service::LocalToUtc(local_time<minutes>(local_days(d))); }

year_month_day LocalDay(TimePoint t) { return year_month_day(floor<days>(daemon::service::UtcToLocal(t))); }

struct Youth {
    std::int64_t id = 0;
    year_month_day dob;
    std::string municipality;
    std::vector<TimePoint> cases;  // opening times, sorted after generation
    std::vector<TimePoint> plan_versions;
};

struct PlannedCase {
    TimePoint opened;
    int youth = -1;  // index, -1: unknown
};

int CountInWindow(const std::vector<TimePoint>& times, TimePoint lo, TimePoint hi) {  // [lo, hi]
    return static_cast<int>(std::upper_bound(times.begin(), times.end(), hi) -
                            std::lower_bound(times.begin(), times.end(), lo));
}

}  // namespace

std::int64_t ExpectedHandovers::MedianMinutes() const {
    if (durations.empty()) return -1;
    auto d = durations;
    std::sort(d.begin(), d.end());
    std::size_t n = d.size();
    double m = n % 2 ? static_cast<double>(d[n / 2])
                     : (static_cast<double>(d[n / 2 - 1]) + static_cast<double>(d[n / 2])) / 2.0;
    return static_cast<std::int64_t>(std::round(m / 60000000.0));
}

ExpectedFigures GenerateFiguresDataset(db::Store& store, const FiguresDatasetSpec& spec, TimePoint now) {
    std::mt19937_64 rng(spec.seed);
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<std::uint64_t>(n)); };
    auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; };
    const db::ComplexityRules rules;  // the defaults, as the figures use them
    const int cutoff = 6;

    ExpectedFigures ex;
    ex.months.resize(static_cast<std::size_t>(spec.months));
    const TimePoint lo = LocalMidnight(spec.from);
    const year_month end_month = year_month{spec.from.year() / spec.from.month()} + months(spec.months);
    const year_month_day end_day{end_month / day{1}};
    const TimePoint hi = LocalMidnight(end_day);
    auto month_of = [&](TimePoint t) -> int {  // -1 outside the period
        if (t < lo || t >= hi) return -1;
        auto d = LocalDay(t);
        return (static_cast<int>(d.year()) - static_cast<int>(spec.from.year())) * 12 +
               static_cast<int>(static_cast<unsigned>(d.month())) -
               static_cast<int>(static_cast<unsigned>(spec.from.month()));
    };

    auto uid = store.Write([&](db::Tx& tx) -> Result<std::int64_t> {
        db::UserRecord u;
        u.username = "figures.generator";
        u.display_name = "Figures generator (fictional)";
        u.password_hash = "-";
        u.roles = {"crisis_worker", "coordinator"};
        u.created_at = u.updated_at = now;
        auto id = tx.users().Insert(u);
        if (!id) return Error::AlreadyExists("generator user exists");
        return *id;
    });
    if (!uid.ok()) return ex;
    const std::int64_t user = ex.user_id = *uid;

    // Youths, a fifth with a plan before the period and a tenth of those with a second version
    // halfway through it.
    std::vector<Youth> youths(static_cast<std::size_t>(spec.youths));
    const auto span = hi - lo;
    (void)store.Write([&](db::Tx& tx) -> Status {
        for (int i = 0; i < spec.youths; ++i) {
            Youth& y = youths[static_cast<std::size_t>(i)];
            y.dob = year_month_day{year{2000 + pick(21)}, month{static_cast<unsigned>(1 + pick(12))},
                                   day{static_cast<unsigned>(1 + pick(28))}};
            y.municipality = kMunicipalities[pick(5)];
            db::YouthRecord r;
            r.given_name = "Jeugdige";
            r.family_name = std::to_string(i) + " (fictief)";
            r.folded_name = "jeugdige " + std::to_string(i) + " (fictief)";
            char dob[16];
            std::snprintf(dob, sizeof dob, "%04d-%02u-%02u", static_cast<int>(y.dob.year()),
                          static_cast<unsigned>(y.dob.month()), static_cast<unsigned>(y.dob.day()));
            r.date_of_birth = dob;
            r.municipality = y.municipality;
            r.created_by = user;
            r.created_at = r.updated_at = now;
            y.id = tx.youths().Insert(r);
            if (i % 5 == 0) {
                y.plan_versions.push_back(lo - 30 * kDay);
                if (i % 10 == 0) y.plan_versions.push_back(lo + duration_cast<microseconds>(span / 2));
                int v = 0;
                for (auto at : y.plan_versions) {
                    db::PlanVersionRecord p;
                    p.youth_id = y.id;
                    p.version = ++v;
                    p.author_id = user;
                    p.created_at = at;
                    p.change_note = "generated";
                    p.content = "";
                    tx.plans().Insert(p);
                }
            }
        }
        return Ok();
    });

    // Case opening times: the period, plus a tenth just before and after it.
    std::vector<PlannedCase> planned;
    const int extra = spec.cases / 10;
    for (int i = 0; i < spec.cases + extra; ++i) {
        PlannedCase c;
        auto offset = microseconds(static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(span.count())));
        c.opened = lo + offset;
        if (i >= spec.cases) c.opened = (i % 2 ? lo - kDay * (1 + pick(20)) : hi + kDay * pick(10)) + hours(pick(24));
        c.youth = chance(0.1) ? -1 : pick(spec.youths);
        if (c.youth >= 0) youths[static_cast<std::size_t>(c.youth)].cases.push_back(c.opened);
        planned.push_back(c);
    }
    for (auto& y : youths) std::sort(y.cases.begin(), y.cases.end());

    constexpr int kBatch = 2000;
    for (std::size_t start = 0; start < planned.size(); start += kBatch) {
        (void)store.Write([&](db::Tx& tx) -> Status {
            for (std::size_t n = start; n < std::min(planned.size(), start + kBatch); ++n) {
                const PlannedCase& pc = planned[n];
                const Youth* y = pc.youth >= 0 ? &youths[static_cast<std::size_t>(pc.youth)] : nullptr;
                db::CaseRecord c;
                if (y) c.youth_id = y->id;
                c.opened_by = user;
                c.opened_at = c.updated_at = pc.opened;
                c.complexity = chance(0.05) ? "complex" : "normal";
                if (chance(0.85)) c.outcome = kOutcomes[chance(0.7) ? 0 : pick(4)];
                c.status = c.outcome ? "closed" : "open";
                if (c.outcome) {
                    c.closed_at = pc.opened + hours(3);
                    c.closed_by = user;
                }
                for (const char* a : kAreas) {
                    if (chance(0.3)) c.problem_areas.push_back(a);
                }
                for (const char* f : kFlags) {
                    if (chance(f == std::string("suicide_attempt") ? 0.03 : 0.15)) c.risk_flags.push_back(f);
                }
                c.id = tx.cases().Insert(c);
                tx.cases().Update(c);  // writes problem areas and risk flags

                const int bucket = month_of(pc.opened);
                db::CaseFiguresRecord one;
                std::map<std::string, std::map<std::string, std::int64_t>> keyed;
                one.cases = 1;
                for (const auto& a : c.problem_areas) keyed["problem_area"][a]++;
                for (const auto& f : c.risk_flags) keyed["risk_flag"][f]++;
                one.cases_with_problem_area = c.problem_areas.empty() ? 0 : 1;
                one.cases_with_risk_flag = c.risk_flags.empty() ? 0 : 1;
                auto shift = daemon::service::UtcToLocal(pc.opened) - hours(cutoff);
                weekday wd{floor<days>(shift)};
                one.weekend = wd == Saturday || wd == Sunday ? 1 : 0;
                if (!y) {
                    one.age_unknown = 1;
                } else {
                    auto d = LocalDay(pc.opened);
                    int age =
                        static_cast<int>(d.year()) - static_cast<int>(y->dob.year()) -
                        ((d.month() < y->dob.month() || (d.month() == y->dob.month() && d.day() < y->dob.day())) ? 1
                                                                                                                 : 0);
                    (age < 0     ? one.age_unknown
                     : age <= 11 ? one.age_0_11
                     : age <= 17 ? one.age_12_17
                     : age <= 23 ? one.age_18_23
                                 : one.age_24_plus) = 1;
                }
                if (c.outcome) {
                    one.with_outcome = 1;
                    const std::string& o = *c.outcome;
                    (o == "stayed_home"        ? one.stayed_home
                     : o == "own_network"      ? one.own_network
                     : o == "crisis_placement" ? one.crisis_placement
                                               : one.admission) = 1;
                }
                // Contacts with responses.
                const int contacts = pick(4);
                for (int k = 0; k < contacts; ++k) {
                    db::ContactRecord t;
                    t.case_id = c.id;
                    t.type = "incoming_call";
                    t.started_at = pc.opened + minutes(10 * k);
                    t.caller_role = "parent";
                    t.workers = {user};
                    for (const char* r : kResponses) {
                        if (chance(0.4)) t.responses.push_back(r);
                    }
                    t.logged_by = user;
                    t.logged_at = t.started_at;
                    tx.cases().InsertContact(t);
                    for (const auto& r : t.responses) keyed["response"][r]++;
                }
                one.contacts = contacts;
                // Consults.
                const int consults = chance(0.2) ? 1 + pick(2) : 0;
                for (int k = 0; k < consults; ++k) {
                    db::ConsultRecord q;
                    q.case_id = c.id;
                    q.question = "generated";
                    q.urgency = "urgent";
                    q.requested_by = user;
                    q.requested_at = pc.opened + minutes(20);
                    q.id = tx.consults().Insert(q);
                    if (chance(0.8)) {
                        tx.consults().Answer(q.id, user, q.requested_at + minutes(15), "generated");
                        one.consults_answered++;
                    }
                }
                one.consults = consults;
                one.cases_with_consult = consults > 0 ? 1 : 0;
                // Handovers, most confirmed, some late.
                const int handovers = chance(0.6) ? 1 + pick(2) : 0;
                for (int k = 0; k < handovers; ++k) {
                    db::HandoverRecord h;
                    h.case_id = c.id;
                    h.kind = k == 0 ? "ongoing_care" : "local_team";
                    h.recipient_name = "generated";
                    h.legal_ground = "generated";
                    h.created_by = user;
                    h.created_at = pc.opened + hours(1);
                    h.due_at = h.created_at + kDay;
                    h.id = tx.handovers().Insert(h);
                    std::string m = y && !y->municipality.empty() ? y->municipality : "(unknown)";
                    bool confirmed = chance(0.75);
                    TimePoint at = h.created_at + minutes(30 + pick(2400));
                    if (confirmed) {
                        tx.handovers().AddStep(h.id, {"confirmed", at, user, ""});
                        h.status = "confirmed";
                        tx.handovers().UpdateState(h);
                    }
                    if (bucket >= 0) {
                        for (const std::string& key : {m, std::string("(all)")}) {
                            auto& e = ex.handovers[key];
                            e.handovers++;
                            if (confirmed) {
                                e.confirmed++;
                                e.on_time += at <= h.due_at ? 1 : 0;
                                e.durations.push_back((at - h.created_at).count());
                            }
                        }
                    }
                }
                // Complex by the rules; most complex ones get an evaluation held, some only planned;
                // a few ordinary ones are evaluated by hand and must not count.
                bool complex =
                    (rules.marked_complex && c.complexity == "complex") ||
                    (c.outcome &&
                     std::find(rules.outcomes.begin(), rules.outcomes.end(), *c.outcome) != rules.outcomes.end()) ||
                    std::any_of(c.risk_flags.begin(), c.risk_flags.end(), [&](const std::string& f) {
                        return std::find(rules.risk_flags.begin(), rules.risk_flags.end(), f) != rules.risk_flags.end();
                    });
                if (y && rules.repeat_cases > 0 &&
                    CountInWindow(y->cases, pc.opened - kDay * rules.repeat_days, pc.opened) >= rules.repeat_cases) {
                    complex = true;
                }
                one.complex = complex ? 1 : 0;
                if (chance(complex ? 0.8 : 0.05)) {
                    db::EvaluationRecord e;
                    e.case_id = c.id;
                    e.reasons = {complex ? "marked_complex" : "manual"};
                    e.due_by = "2099-01-01";
                    e.created_at = e.updated_at = pc.opened + kDay;
                    auto id = tx.evaluations().Insert(e);
                    if (id && chance(0.7)) {
                        e.id = *id;
                        e.status = "held";
                        e.held_on = "2026-01-01";
                        tx.evaluations().Update(e);
                        if (complex) one.complex_evaluated = 1;
                    }
                }
                // A plan at hand when the case opened.
                if (y && !y->plan_versions.empty() && y->plan_versions.front() <= pc.opened)
                    one.pre_registered_plan = 1;

                if (bucket < 0) continue;
                for (ExpectedBucket* b : {&ex.months[static_cast<std::size_t>(bucket)], &ex.total}) {
                    auto& s = b->counts;
                    std::int64_t db::CaseFiguresRecord::*fields[] = {&db::CaseFiguresRecord::cases,
                                                                     &db::CaseFiguresRecord::contacts,
                                                                     &db::CaseFiguresRecord::weekend,
                                                                     &db::CaseFiguresRecord::age_0_11,
                                                                     &db::CaseFiguresRecord::age_12_17,
                                                                     &db::CaseFiguresRecord::age_18_23,
                                                                     &db::CaseFiguresRecord::age_24_plus,
                                                                     &db::CaseFiguresRecord::age_unknown,
                                                                     &db::CaseFiguresRecord::with_outcome,
                                                                     &db::CaseFiguresRecord::stayed_home,
                                                                     &db::CaseFiguresRecord::own_network,
                                                                     &db::CaseFiguresRecord::crisis_placement,
                                                                     &db::CaseFiguresRecord::admission,
                                                                     &db::CaseFiguresRecord::consults,
                                                                     &db::CaseFiguresRecord::consults_answered,
                                                                     &db::CaseFiguresRecord::cases_with_consult,
                                                                     &db::CaseFiguresRecord::complex,
                                                                     &db::CaseFiguresRecord::complex_evaluated,
                                                                     &db::CaseFiguresRecord::pre_registered_plan,
                                                                     &db::CaseFiguresRecord::cases_with_problem_area,
                                                                     &db::CaseFiguresRecord::cases_with_risk_flag};
                    for (auto f : fields) s.*f += one.*f;
                    for (const auto& [fig, m] : keyed) {
                        for (const auto& [k, v] : m) b->keyed[fig][k] += v;
                    }
                }
            }
            return Ok();
        });
    }

    // Proposals, a few outside the period.
    (void)store.Write([&](db::Tx& tx) -> Status {
        for (int i = 0; i < spec.proposals; ++i) {
            db::ProposalRecord p;
            p.text = "generated proposal";
            p.addressee_kind = "own_team";
            p.theme = "generated";
            p.created_by = user;
            p.created_at =
                i % 8 == 7
                    ? hi + kDay
                    : lo + microseconds(static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(span.count())));
            p.id = tx.proposals().Insert(p);
            int steps = pick(5);
            std::string status = "open";
            if (steps == 4) {
                status = "rejected";
                tx.proposals().SetStatus(p.id, {status, p.created_at, user, "", "no"});
            } else {
                for (int s = 1; s <= steps; ++s) {
                    status = kProposalStatuses[s];
                    tx.proposals().SetStatus(p.id, {status, p.created_at, user, "", ""});
                }
            }
            int bucket = month_of(p.created_at);
            if (bucket < 0) continue;
            ex.months[static_cast<std::size_t>(bucket)].keyed["proposal"][status]++;
            ex.total.keyed["proposal"][status]++;
        }
        return Ok();
    });

    // Repeat youths: three or more cases within 90 days, the last of them in the period.
    for (const auto& y : youths) {
        bool repeat = false;
        for (auto t : y.cases) {
            if (t >= lo && t < hi && CountInWindow(y.cases, t - kDay * 90, t) >= 3) repeat = true;
        }
        if (!repeat) continue;
        ex.repeat_youths++;
        TimePoint change{};
        bool has = false;
        for (auto at : y.plan_versions) {
            if (at < hi) {
                change = at;
                has = true;
            }
        }
        if (!has) continue;
        ex.repeat_with_plan_change++;
        for (auto t : y.cases) {
            if (t >= change - kDay * 90 && t < change) ex.repeat_cases_before++;
            if (t >= change && t < std::min(change + kDay * 90, hi)) ex.repeat_cases_after++;
        }
    }
    return ex;
}

}  // namespace spoed::test
