#include "db/sql_learning_repos.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace spoed::db {
namespace {

std::string JoinComma(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : ",") + s;
    return out;
}

std::vector<std::string> SplitComma(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < s.size()) {
        std::size_t end = s.find(',', start);
        if (end == std::string::npos) end = s.size();
        if (end > start) out.push_back(s.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

/// An SQL string literal (the values come from validated configuration, but quote them anyway).
std::string Quote(std::string_view s) {
    std::string out = "'";
    for (char ch : s) {
        if (ch == '\'') out += '\'';
        out += ch;
    }
    return out + "'";
}

// --- evaluations ------------------------------------------------------------------------------

constexpr std::string_view kEvaluationSelect =
    "SELECT e.id, e.case_id, e.reasons, e.status, e.due_by, e.planned_for, e.held_on, e.care_timeline, e.went_well, "
    "e.could_be_better, e.right_help, e.right_help_note, e.prevent_next, e.changes_plan, e.plan_changes, "
    "e.plan_version, e.created_by, e.created_at, e.updated_at, e.finalised_by, e.finalised_at, "
    "coalesce(c.youth_id, 0), c.opened_at FROM evaluations AS e JOIN cases AS c ON c.id = e.case_id";

EvaluationRecord ReadEvaluation(const Statement& st) {
    EvaluationRecord e;
    e.id = st.Int(0);
    e.case_id = st.Int(1);
    e.reasons = SplitComma(st.Text(2));
    e.status = st.Text(3);
    e.due_by = st.Text(4);
    e.planned_for = st.Text(5);
    e.held_on = st.Text(6);
    e.care_timeline = st.Text(7);
    e.went_well = st.Text(8);
    e.could_be_better = st.Text(9);
    e.right_help = st.Text(10);
    e.right_help_note = st.Text(11);
    e.prevent_next = st.Text(12);
    e.changes_plan = st.Int(13) != 0;
    e.plan_changes = st.Text(14);
    e.plan_version = static_cast<int>(st.Int(15));
    e.created_by = st.OptInt(16);
    e.created_at = FromMicros(st.Int(17));
    e.updated_at = FromMicros(st.Int(18));
    e.finalised_by = st.OptInt(19);
    e.finalised_at = OptTime(st, 20);
    e.youth_id = st.Int(21);
    e.case_opened_at = FromMicros(st.Int(22));
    return e;
}

}  // namespace

void SqlEvaluationRepo::WriteParticipants(const EvaluationRecord& e) {
    c_.Prepare("DELETE FROM evaluation_participants WHERE evaluation_id = ?").Bind(1, e.id).Run();
    auto ins = c_.Prepare(
        "INSERT INTO evaluation_participants (evaluation_id, position, organisation, name, role, user_id, kind) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    int position = 0;
    for (const auto& p : e.participants) {
        ins.Bind(1, e.id).Bind(2, position++).Bind(3, p.organisation).Bind(4, p.name).Bind(5, p.role);
        ins.Bind(6, p.user_id).Bind(7, p.kind).Run();
        ins.Reset();
    }
}

void SqlEvaluationRepo::LoadParticipants(EvaluationRecord& e) {
    auto st = c_.Prepare(
        "SELECT organisation, name, role, user_id, kind FROM evaluation_participants WHERE evaluation_id = ? "
        "ORDER BY position");
    st.Bind(1, e.id);
    while (st.Step()) e.participants.push_back({st.Text(0), st.Text(1), st.Text(2), st.OptInt(3), st.Text(4)});
}

std::optional<std::int64_t> SqlEvaluationRepo::Insert(const EvaluationRecord& e) {
    auto exists = c_.Prepare("SELECT 1 FROM evaluations WHERE case_id = ?");
    exists.Bind(1, e.case_id);
    if (exists.Step()) return std::nullopt;
    auto st = c_.Prepare(
        "INSERT INTO evaluations (case_id, reasons, status, due_by, planned_for, held_on, created_by, created_at, "
        "updated_at) VALUES (?, ?, 'planned', ?, ?, '', ?, ?, ?)");
    st.Bind(1, e.case_id).Bind(2, JoinComma(e.reasons)).Bind(3, e.due_by).Bind(4, e.planned_for);
    st.Bind(5, e.created_by).Bind(6, ToMicros(e.created_at)).Bind(7, ToMicros(e.updated_at)).Run();
    EvaluationRecord stored = e;
    stored.id = c_.LastInsertId();
    WriteParticipants(stored);
    return stored.id;
}

std::optional<EvaluationRecord> SqlEvaluationRepo::Find(std::int64_t id) {
    auto st = c_.Prepare(std::string(kEvaluationSelect) + " WHERE e.id = ?");
    st.Bind(1, id);
    if (!st.Step()) return std::nullopt;
    EvaluationRecord e = ReadEvaluation(st);
    LoadParticipants(e);
    return e;
}

std::optional<EvaluationRecord> SqlEvaluationRepo::FindByCase(std::int64_t case_id) {
    auto st = c_.Prepare(std::string(kEvaluationSelect) + " WHERE e.case_id = ?");
    st.Bind(1, case_id);
    if (!st.Step()) return std::nullopt;
    EvaluationRecord e = ReadEvaluation(st);
    LoadParticipants(e);
    return e;
}

void SqlEvaluationRepo::Update(const EvaluationRecord& e) {
    auto st = c_.Prepare(
        "UPDATE evaluations SET status = ?, due_by = ?, planned_for = ?, held_on = ?, care_timeline = ?, "
        "went_well = ?, could_be_better = ?, right_help = ?, right_help_note = ?, prevent_next = ?, "
        "changes_plan = ?, plan_changes = ?, plan_version = ?, updated_at = ?, finalised_by = ?, finalised_at = ? "
        "WHERE id = ?");
    st.Bind(1, e.status).Bind(2, e.due_by).Bind(3, e.planned_for).Bind(4, e.held_on).Bind(5, e.care_timeline);
    st.Bind(6, e.went_well).Bind(7, e.could_be_better).Bind(8, e.right_help).Bind(9, e.right_help_note);
    st.Bind(10, e.prevent_next).Bind(11, e.changes_plan).Bind(12, e.plan_changes).Bind(13, e.plan_version);
    st.Bind(14, ToMicros(e.updated_at)).Bind(15, e.finalised_by);
    if (e.finalised_at) {
        st.Bind(16, ToMicros(*e.finalised_at));
    } else {
        st.BindNull(16);
    }
    st.Bind(17, e.id).Run();
    // Participants last: once the row says finalised, the schema refuses changes to them.
    if (e.status != "finalised") WriteParticipants(e);
}

std::vector<EvaluationRecord> SqlEvaluationRepo::List(const EvaluationFilter& f) {
    std::string sql = std::string(kEvaluationSelect) + " WHERE 1 = 1";
    if (f.status == "planned") sql += " AND e.status = 'planned' AND e.due_by >= ?1";
    if (f.status == "overdue") sql += " AND e.status = 'planned' AND e.due_by < ?1";
    if (f.status == "held") sql += " AND e.status = 'held'";
    if (f.status == "finalised") sql += " AND e.status = 'finalised'";
    if (f.case_id != 0) sql += " AND e.case_id = ?2";
    if (f.youth_id != 0) sql += " AND c.youth_id = ?3";
    if (f.after_id != 0) sql += " AND (e.due_by > ?4 OR (e.due_by = ?4 AND e.id > ?5))";
    sql += " ORDER BY e.due_by, e.id LIMIT ?6";
    auto st = c_.Prepare(sql);
    if (f.status == "planned" || f.status == "overdue") st.Bind(1, f.today);
    if (f.case_id != 0) st.Bind(2, f.case_id);
    if (f.youth_id != 0) st.Bind(3, f.youth_id);
    if (f.after_id != 0) st.Bind(4, f.after_due).Bind(5, f.after_id);
    st.Bind(6, f.limit);
    std::vector<EvaluationRecord> out;
    while (st.Step()) out.push_back(ReadEvaluation(st));
    for (auto& e : out) LoadParticipants(e);
    return out;
}

std::int64_t SqlEvaluationRepo::AddComment(const ReviewCommentRecord& c) {
    auto st = c_.Prepare("INSERT INTO evaluation_comments (evaluation_id, author_id, at, text) VALUES (?, ?, ?, ?)");
    st.Bind(1, c.evaluation_id).Bind(2, c.author_id).Bind(3, ToMicros(c.at)).Bind(4, c.text).Run();
    return c_.LastInsertId();
}

std::vector<ReviewCommentRecord> SqlEvaluationRepo::Comments(std::int64_t evaluation_id) {
    auto st = c_.Prepare(
        "SELECT k.id, k.evaluation_id, k.author_id, u.display_name, k.at, k.text FROM evaluation_comments AS k "
        "JOIN users AS u ON u.id = k.author_id WHERE k.evaluation_id = ? ORDER BY k.at, k.id");
    st.Bind(1, evaluation_id);
    std::vector<ReviewCommentRecord> out;
    while (st.Step()) {
        out.push_back({st.Int(0), st.Int(1), st.Int(2), st.Text(3), FromMicros(st.Int(4)), st.Text(5)});
    }
    return out;
}

int SqlEvaluationRepo::CountYouthCases(std::int64_t youth_id, TimePoint from, TimePoint to) {
    auto st = c_.Prepare("SELECT count(*) FROM cases WHERE youth_id = ? AND opened_at >= ? AND opened_at <= ?");
    st.Bind(1, youth_id).Bind(2, ToMicros(from)).Bind(3, ToMicros(to));
    st.Step();
    return static_cast<int>(st.Int(0));
}

// --- proposals --------------------------------------------------------------------------------

namespace {

constexpr std::string_view kProposalSelect =
    "SELECT id, text, addressee_kind, addressee, organisation_id, theme, status, created_by, created_at FROM proposals";

ProposalRecord ReadProposal(const Statement& st) {
    ProposalRecord p;
    p.id = st.Int(0);
    p.text = st.Text(1);
    p.addressee_kind = st.Text(2);
    p.addressee = st.Text(3);
    p.organisation_id = st.OptInt(4);
    p.theme = st.Text(5);
    p.status = st.Text(6);
    p.created_by = st.Int(7);
    p.created_at = FromMicros(st.Int(8));
    return p;
}

}  // namespace

void SqlProposalRepo::LoadDetails(ProposalRecord& p) {
    auto src = c_.Prepare("SELECT evaluation_id FROM proposal_sources WHERE proposal_id = ? ORDER BY evaluation_id");
    src.Bind(1, p.id);
    while (src.Step()) p.evaluation_ids.push_back(src.Int(0));
    auto h = c_.Prepare(
        "SELECT s.status, s.at, s.by_user, u.display_name, s.note FROM proposal_status_changes AS s "
        "JOIN users AS u ON u.id = s.by_user WHERE s.proposal_id = ? ORDER BY s.id");
    h.Bind(1, p.id);
    while (h.Step()) p.history.push_back({h.Text(0), FromMicros(h.Int(1)), h.Int(2), h.Text(3), h.Text(4)});
}

std::int64_t SqlProposalRepo::Insert(const ProposalRecord& p) {
    auto st = c_.Prepare(
        "INSERT INTO proposals (text, addressee_kind, addressee, organisation_id, theme, status, created_by, "
        "created_at) "
        "VALUES (?, ?, ?, ?, ?, 'open', ?, ?)");
    st.Bind(1, p.text).Bind(2, p.addressee_kind).Bind(3, p.addressee).Bind(4, p.organisation_id).Bind(5, p.theme);
    st.Bind(6, p.created_by).Bind(7, ToMicros(p.created_at)).Run();
    std::int64_t id = c_.LastInsertId();
    auto src =
        c_.Prepare("INSERT INTO proposal_sources (proposal_id, evaluation_id) VALUES (?, ?) ON CONFLICT DO NOTHING");
    for (auto e : p.evaluation_ids) {
        src.Bind(1, id).Bind(2, e).Run();
        src.Reset();
    }
    auto h = c_.Prepare(
        "INSERT INTO proposal_status_changes (proposal_id, status, at, by_user, note) VALUES (?, 'open', ?, ?, '')");
    h.Bind(1, id).Bind(2, ToMicros(p.created_at)).Bind(3, p.created_by).Run();
    return id;
}

std::optional<ProposalRecord> SqlProposalRepo::Find(std::int64_t id) {
    auto st = c_.Prepare(std::string(kProposalSelect) + " WHERE id = ?");
    st.Bind(1, id);
    if (!st.Step()) return std::nullopt;
    ProposalRecord p = ReadProposal(st);
    LoadDetails(p);
    return p;
}

void SqlProposalRepo::SetStatus(std::int64_t id, const ProposalStatusRecord& change) {
    c_.Prepare("UPDATE proposals SET status = ? WHERE id = ?").Bind(1, change.status).Bind(2, id).Run();
    auto h = c_.Prepare(
        "INSERT INTO proposal_status_changes (proposal_id, status, at, by_user, note) VALUES (?, ?, ?, ?, ?)");
    h.Bind(1, id)
        .Bind(2, change.status)
        .Bind(3, ToMicros(change.at))
        .Bind(4, change.by_user)
        .Bind(5, change.note)
        .Run();
}

std::vector<ProposalRecord> SqlProposalRepo::List(const ProposalFilter& f) {
    std::string sql = std::string(kProposalSelect) + " WHERE 1 = 1";
    if (!f.status.empty()) sql += " AND status = ?1";
    if (!f.addressee_kind.empty()) sql += " AND addressee_kind = ?2";
    if (!f.addressee.empty()) sql += " AND addressee = ?3";
    if (!f.theme.empty()) sql += " AND theme = ?4";
    if (f.evaluation_id != 0) {
        sql += " AND id IN (SELECT proposal_id FROM proposal_sources WHERE evaluation_id = ?5)";
    }
    sql += " ORDER BY created_at DESC, id DESC LIMIT ?6";
    auto st = c_.Prepare(sql);
    if (!f.status.empty()) st.Bind(1, f.status);
    if (!f.addressee_kind.empty()) st.Bind(2, f.addressee_kind);
    if (!f.addressee.empty()) st.Bind(3, f.addressee);
    if (!f.theme.empty()) st.Bind(4, f.theme);
    if (f.evaluation_id != 0) st.Bind(5, f.evaluation_id);
    st.Bind(6, f.limit);
    std::vector<ProposalRecord> out;
    while (st.Step()) out.push_back(ReadProposal(st));
    for (auto& p : out) LoadDetails(p);
    return out;
}

// --- figures ----------------------------------------------------------------------------------
//
// Every figure is one SQL aggregate over the cases opened in a bucket, reached through the
// cases_by_opened index; the buckets are a VALUES table joined by range, so one statement
// answers every month or quarter. Numbers are written into the SQL as literals: they are
// computed here, never taken from a request.

namespace {

std::string BucketValues(const std::vector<FigureBucket>& buckets) {
    std::string out = "b(i, lo, hi) AS (VALUES ";
    for (std::size_t i = 0; i < buckets.size(); ++i) {
        out += (i ? ", (" : "(") + std::to_string(i) + ", " + std::to_string(ToMicros(buckets[i].from)) + ", " +
               std::to_string(ToMicros(buckets[i].to)) + ")";
    }
    return out + ")";
}

/// Seconds to add to a UTC time column (microseconds) for Amsterdam wall-clock time.
std::string OffsetSeconds(std::string_view column, const std::vector<FigureBucket>& summer) {
    if (summer.empty()) return "3600";
    std::string cond;
    for (const auto& s : summer) {
        cond += (cond.empty() ? "" : " OR ") + std::string("(") + std::string(column) +
                " >= " + std::to_string(ToMicros(s.from)) + " AND " + std::string(column) + " < " +
                std::to_string(ToMicros(s.to)) + ")";
    }
    return "(CASE WHEN " + cond + " THEN 7200 ELSE 3600 END)";
}

std::string QuotedList(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : ", ") + Quote(s);
    return out;
}

/// Whether the case (columns of alias `k` of table cases) is complex by the rules that need no
/// other case — the same rules CloseCase applies to plan an evaluation; the repeat rule is
/// counted apart (RepeatComplex). A CASE, so that SQLite stops at the first rule that holds:
/// the columns first, then the flagged cases of [?1, ?2) from case_figure_keys.
std::string ComplexSql(const ComplexityRules& r, std::string_view k) {
    std::string a(k);
    std::vector<std::string> parts;
    if (r.marked_complex) parts.push_back(a + ".complexity = 'complex'");
    if (!r.outcomes.empty()) parts.push_back(a + ".outcome IN (" + QuotedList(r.outcomes) + ")");
    if (!r.risk_flags.empty()) {
        parts.push_back(a + ".risk_flags_n > 0 AND " + a +
                        ".id IN (SELECT rf.case_id FROM case_figure_keys AS rf WHERE rf.figure = 'risk_flag' AND "
                        "rf.key IN (" +
                        QuotedList(r.risk_flags) + ") AND rf.opened_at >= ?1 AND rf.opened_at < ?2)");
    }
    if (parts.empty()) return "0";
    std::string out = "(CASE";
    for (const auto& p : parts) out += " WHEN " + p + " THEN 1";
    return out + " ELSE 0 END)";
}

/// Reads `st`, whose rows are cases ordered by youth id (column 0) and opening time (column 1),
/// and calls `fn(youth_id, times, cells)` once per youth: `times` the youth's opening times in
/// order, `cells` the rows' first `columns` columns one row after the other.
template <typename Fn>
void ForEachYouth(Statement& st, std::size_t columns, Fn&& fn) {
    std::vector<std::int64_t> times;
    std::vector<std::int64_t> cells;
    std::int64_t youth = 0;
    auto flush = [&] {
        if (!times.empty()) fn(youth, times, cells);
        times.clear();
        cells.clear();
    };
    while (st.Step()) {
        if (st.Int(0) != youth) {
            flush();
            youth = st.Int(0);
        }
        times.push_back(st.Int(1));
        for (std::size_t i = 0; i < columns; ++i) cells.push_back(st.Int(static_cast<int>(i)));
    }
    flush();
}

/// How many of the (ordered) times fall in [t - window, t].
int CountInWindow(const std::vector<std::int64_t>& times, std::int64_t t, std::int64_t window) {
    return static_cast<int>(std::upper_bound(times.begin(), times.end(), t) -
                            std::lower_bound(times.begin(), times.end(), t - window));
}

/// The bucket of a time: the index of the bucket holding it, or -1.
int BucketOf(const std::vector<FigureBucket>& buckets, std::int64_t micros) {
    for (std::size_t i = 0; i < buckets.size(); ++i) {
        if (micros >= ToMicros(buckets[i].from) && micros < ToMicros(buckets[i].to)) return static_cast<int>(i);
    }
    return -1;
}

}  // namespace

// The figures read what each case needs from its own row (migration 0007 keeps the counts and
// the youth's facts there), through the covering index cases_figures: one index range per
// bucket, without a look-up per case.
std::vector<CaseFiguresRecord> SqlStatsRepo::CaseFigures(const FiguresQuery& q) {
    if (q.buckets.empty()) return {};
    const std::string complex = ComplexSql(q.rules, "k");
    // The shift's date is the local date `night_cutoff_hour` hours earlier; day 0 of the epoch
    // (1970-01-01) was a Thursday, so (day + 4) % 7 is the weekday with Sunday 0.
    const std::string weekday = "((k.opened_at / 1000000 + " + OffsetSeconds("k.opened_at", q.summer_time) + " - " +
                                std::to_string(q.night_cutoff_hour * 3600) + ") / 86400 + 4) % 7";
    auto st =
        c_.Prepare("SELECT count(*), sum(k.contacts_n), sum(" + weekday +
                   " IN (0, 6)), sum(k.youth_age BETWEEN 0 AND 11), sum(k.youth_age BETWEEN 12 AND 17), "
                   "sum(k.youth_age BETWEEN 18 AND 23), sum(k.youth_age >= 24), sum(coalesce(k.youth_age, -1) < 0), "
                   "sum(k.outcome IS NOT NULL), sum(k.outcome = 'stayed_home'), sum(k.outcome = 'own_network'), "
                   "sum(k.outcome = 'crisis_placement'), sum(k.outcome = 'admission'), sum(k.consults_n), "
                   "sum(k.consults_answered_n), sum(k.consults_n > 0), sum(" +
                   complex + "), sum(CASE WHEN k.evaluation_held <> 0 THEN " + complex +
                   " ELSE 0 END), sum(k.youth_first_plan_at <= k.opened_at), sum(k.problem_areas_n > 0), "
                   "sum(k.risk_flags_n > 0) FROM cases AS k WHERE k.opened_at >= ?1 AND k.opened_at < ?2");
    std::vector<CaseFiguresRecord> out(q.buckets.size());
    for (std::size_t i = 0; i < out.size(); ++i) {
        auto& r = out[i];
        r.bucket = static_cast<int>(i);
        st.Reset();
        st.Bind(1, ToMicros(q.buckets[i].from)).Bind(2, ToMicros(q.buckets[i].to));
        if (!st.Step()) continue;
        std::int64_t* fields[] = {&r.cases,
                                  &r.contacts,
                                  &r.weekend,
                                  &r.age_0_11,
                                  &r.age_12_17,
                                  &r.age_18_23,
                                  &r.age_24_plus,
                                  &r.age_unknown,
                                  &r.with_outcome,
                                  &r.stayed_home,
                                  &r.own_network,
                                  &r.crisis_placement,
                                  &r.admission,
                                  &r.consults,
                                  &r.consults_answered,
                                  &r.cases_with_consult,
                                  &r.complex,
                                  &r.complex_evaluated,
                                  &r.pre_registered_plan,
                                  &r.cases_with_problem_area,
                                  &r.cases_with_risk_flag};
        int column = 0;
        for (auto* f : fields) *f = st.Int(column++);
    }
    // The repeat rule (the youth's case number `repeat_cases` or later within `repeat_days`):
    // the youths' cases in time order, one sort, instead of an index range per case. A case it
    // makes complex that the other rules did not is added here.
    const auto& r = q.rules;
    if (r.repeat_cases > 0) {
        const std::int64_t window = static_cast<std::int64_t>(r.repeat_days) * 86'400'000'000LL;
        const std::int64_t lo = ToMicros(q.buckets.front().from), hi = ToMicros(q.buckets.back().to);
        auto rs = c_.Prepare("SELECT k.youth_id, k.opened_at, " + complex +
                             ", k.evaluation_held FROM cases AS k WHERE k.youth_id IS NOT NULL AND k.opened_at >= ?3 "
                             "AND k.opened_at < ?2 ORDER BY k.youth_id, k.opened_at");
        rs.Bind(1, lo).Bind(2, hi).Bind(3, lo - window);
        using Column = std::vector<std::int64_t>;
        ForEachYouth(rs, 4, [&](std::int64_t, const Column& times, const Column& cells) {
            for (std::size_t i = 0; i < times.size(); ++i) {
                const std::int64_t* row = &cells[i * 4];  // youth, opened_at, complex by the other rules, held
                const int bucket = BucketOf(q.buckets, row[1]);
                if (bucket < 0 || row[2] != 0 || CountInWindow(times, row[1], window) < r.repeat_cases) continue;
                auto& figures = out[static_cast<std::size_t>(bucket)];
                ++figures.complex;
                if (row[3] != 0) ++figures.complex_evaluated;
            }
        });
    }
    return out;
}

std::vector<KeyedCountRecord> SqlStatsRepo::KeyedCounts(const FiguresQuery& q) {
    if (q.buckets.empty()) return {};
    // The distinct keys by skipping through case_figure_keys' primary key (one seek per key,
    // however many rows), then each key's count per bucket from its range: no sort.
    std::string sql =
        "WITH RECURSIVE " + BucketValues(q.buckets) +
        ", f(figure) AS (VALUES ('problem_area'), ('response'), ('risk_flag')), "
        "keys(figure, key) AS (SELECT f.figure, (SELECT min(x.key) FROM case_figure_keys AS x "
        "WHERE x.figure = f.figure) FROM f UNION ALL SELECT keys.figure, (SELECT min(x.key) FROM case_figure_keys AS x "
        "WHERE x.figure = keys.figure AND x.key > keys.key) FROM keys WHERE keys.key IS NOT NULL) "
        "SELECT b.i, keys.figure, keys.key, (SELECT coalesce(sum(x.n), 0) FROM case_figure_keys AS x WHERE "
        "x.figure = keys.figure AND x.key = keys.key AND x.opened_at >= b.lo AND x.opened_at < b.hi) "
        "FROM keys, b WHERE keys.key IS NOT NULL "
        "UNION ALL SELECT b.i, 'proposal', p.status, count(*) FROM b JOIN proposals AS p "
        "ON p.created_at >= b.lo AND p.created_at < b.hi GROUP BY b.i, p.status "
        // Meldcode tracks belong to their case's period, counted by where they stand now.
        "UNION ALL SELECT b.i, 'meldcode', CASE t.state WHEN 'open' THEN 'undecided' WHEN 'transferred' "
        "THEN 'transferred' ELSE t.decision END AS standing, count(*) FROM b JOIN cases AS k ON k.opened_at >= b.lo "
        "AND k.opened_at < b.hi JOIN meldcode_tracks AS t ON t.case_id = k.id GROUP BY b.i, standing";
    auto st = c_.Prepare(sql);
    std::vector<KeyedCountRecord> out;
    while (st.Step()) {
        if (st.Int(3) > 0) out.push_back({static_cast<int>(st.Int(0)), st.Text(1), st.Text(2), st.Int(3)});
    }
    return out;
}

std::vector<HandoverFiguresRecord> SqlStatsRepo::HandoverFigures(const FiguresQuery& q) {
    if (q.buckets.empty()) return {};
    // One pass over the period's handovers through the covering index handovers_figures (their
    // case's opening time and municipality are kept on them by migration 0007), counted here
    // per bucket and municipality; the medians from the confirmation durations, the only values
    // kept per handover.
    struct Group {
        std::int64_t handovers = 0, confirmed = 0, on_time = 0;
        std::vector<std::int64_t> durations;
    };
    const std::size_t whole = q.buckets.size();
    std::vector<std::string> municipalities;            // index 0: "(all)"
    std::vector<std::vector<Group>> groups(whole + 1);  // [bucket][municipality]
    auto st = c_.Prepare(
        "SELECT h.case_opened_at, coalesce(nullif(h.municipality, ''), '(unknown)'), h.created_at, h.due_at, "
        "h.confirmed_at FROM handovers AS h WHERE h.case_opened_at >= ?1 AND h.case_opened_at < ?2");
    st.Bind(1, ToMicros(q.whole.from)).Bind(2, ToMicros(q.whole.to));
    std::string last;
    std::size_t m = 0;
    municipalities.emplace_back();
    while (st.Step()) {
        const int bucket = BucketOf(q.buckets, st.Int(0));
        std::string municipality = st.Text(1);
        if (municipality != last || m == 0) {
            auto it = std::find(municipalities.begin() + 1, municipalities.end(), municipality);
            m = static_cast<std::size_t>(it - municipalities.begin());
            if (it == municipalities.end()) municipalities.push_back(municipality);
            last = std::move(municipality);
        }
        const std::int64_t created = st.Int(2), due = st.Int(3);
        const std::optional<std::int64_t> confirmed = st.OptInt(4);
        for (std::size_t b : {bucket < 0 ? whole : static_cast<std::size_t>(bucket), whole}) {
            for (std::size_t i : {m, std::size_t{0}}) {
                if (groups[b].size() < municipalities.size()) groups[b].resize(municipalities.size());
                Group& g = groups[b][i];
                ++g.handovers;
                if (!confirmed) continue;
                ++g.confirmed;
                g.on_time += *confirmed <= due ? 1 : 0;
                g.durations.push_back(*confirmed - created);
            }
            if (bucket < 0) break;  // outside the buckets: the whole period only
        }
    }
    // Per bucket: the municipalities in order, then "(all)"; only those with handovers.
    std::vector<std::size_t> order(municipalities.size() - 1);
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i + 1;
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return municipalities[a] < municipalities[b]; });
    order.push_back(0);
    std::vector<HandoverFiguresRecord> out;
    for (std::size_t b = 0; b <= whole; ++b) {
        for (std::size_t i : order) {
            if (i >= groups[b].size() || groups[b][i].handovers == 0) continue;
            Group& g = groups[b][i];
            HandoverFiguresRecord r{static_cast<int>(b), i == 0 ? "(all)" : municipalities[i],
                                    g.handovers,         g.confirmed,
                                    g.on_time,           std::nullopt};
            auto& d = g.durations;
            if (!d.empty()) {
                // The middle value, or the mean of the two middle values, in whole minutes.
                const std::size_t n = d.size();
                std::nth_element(d.begin(), d.begin() + static_cast<std::ptrdiff_t>(n / 2), d.end());
                auto median = static_cast<double>(d[n / 2]);
                if (n % 2 == 0) {
                    const auto lower = *std::max_element(d.begin(), d.begin() + static_cast<std::ptrdiff_t>(n / 2));
                    median = static_cast<double>(lower + d[n / 2]) / 2.0;
                }
                r.median_minutes = static_cast<std::int64_t>(std::round(median / 60'000'000.0));
            }
            out.push_back(std::move(r));
        }
    }
    return out;
}

std::vector<RepeatYouthRecord> SqlStatsRepo::RepeatYouths(TimePoint from, TimePoint to, int min_cases, int days) {
    const std::int64_t window = static_cast<std::int64_t>(days) * 86'400'000'000LL;
    const std::int64_t lo = ToMicros(from), hi = ToMicros(to);
    // The youths' cases in time order (one sort) find the repeat youths; then the last plan
    // change of each of them, with the cases in the window before and after it.
    auto cases = c_.Prepare(
        "SELECT youth_id, opened_at FROM cases WHERE youth_id IS NOT NULL AND opened_at >= ?1 AND opened_at < ?2 "
        "ORDER BY youth_id, opened_at");
    cases.Bind(1, lo - window).Bind(2, hi);
    auto plan = c_.Prepare(
        "SELECT v.version, v.created_at, (SELECT count(*) FROM cases AS c WHERE c.youth_id = ?1 AND "
        "c.opened_at >= v.created_at - ?3 AND c.opened_at < v.created_at), (SELECT count(*) FROM cases AS c WHERE "
        "c.youth_id = ?1 AND c.opened_at >= v.created_at AND c.opened_at < v.created_at + ?3 AND c.opened_at < ?2) "
        "FROM plan_versions AS v WHERE v.youth_id = ?1 AND v.created_at < ?2 ORDER BY v.version DESC LIMIT 1");
    std::vector<RepeatYouthRecord> out;
    ForEachYouth(cases, 0, [&](std::int64_t youth, const std::vector<std::int64_t>& times, const auto&) {
        RepeatYouthRecord r;
        r.youth_id = youth;
        bool repeat = false;
        for (std::int64_t t : times) {
            if (t < lo) continue;
            ++r.cases_in_period;
            repeat = repeat || CountInWindow(times, t, window) >= min_cases;
        }
        if (!repeat) return;
        plan.Reset();
        plan.Bind(1, youth).Bind(2, hi).Bind(3, window);
        if (plan.Step()) {
            r.plan_version = static_cast<int>(plan.Int(0));
            r.plan_changed_at = FromMicros(plan.Int(1));
            r.cases_before = static_cast<int>(plan.Int(2));
            r.cases_after = static_cast<int>(plan.Int(3));
        }
        out.push_back(r);
    });
    return out;
}

std::vector<PeriodNoteRecord> SqlStatsRepo::Notes(const std::vector<std::string>& periods) {
    auto st = c_.Prepare("SELECT period, text, updated_by, updated_at FROM period_notes WHERE period = ?");
    std::vector<PeriodNoteRecord> out;
    for (const auto& p : periods) {
        st.Bind(1, p);
        if (st.Step()) out.push_back({st.Text(0), st.Text(1), st.Int(2), FromMicros(st.Int(3))});
        st.Reset();
    }
    return out;
}

void SqlStatsRepo::PutNote(const PeriodNoteRecord& n) {
    if (n.text.empty()) {
        c_.Prepare("DELETE FROM period_notes WHERE period = ?").Bind(1, n.period).Run();
        return;
    }
    auto st = c_.Prepare(
        "INSERT INTO period_notes (period, text, updated_by, updated_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (period) DO UPDATE SET text = excluded.text, updated_by = excluded.updated_by, "
        "updated_at = excluded.updated_at");
    st.Bind(1, n.period).Bind(2, n.text).Bind(3, n.updated_by).Bind(4, ToMicros(n.updated_at)).Run();
}

// --- exports ----------------------------------------------------------------------------------

namespace {

/// An ISO 8601 UTC time from a microseconds column, "" for NULL.
std::string Iso(Dialect dialect, std::string_view column) {
    if (dialect == Dialect::kPostgres) {
        return "coalesce(to_char(to_timestamp(" + std::string(column) +
               " / 1000000) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), '')";
    }
    return "coalesce(strftime('%Y-%m-%dT%H:%M:%SZ', " + std::string(column) + " / 1000000, 'unixepoch'), '')";
}

/// A nullable id column as text, "" for NULL.
std::string IdText(std::string_view column) { return "coalesce(CAST(" + std::string(column) + " AS TEXT), '')"; }

struct ExportSpec {
    std::string_view entity;
    std::vector<std::string> columns;
    std::string select;  // the cells, then the id last; ?1 from, ?2 to, ?3 after id, ?4 limit
};

std::vector<ExportSpec> MakeExportSpecs(Dialect d) {
    auto Iso = [d](std::string_view column) { return ::spoed::db::Iso(d, column); };
    // Ids, times, codes and tags only: no names, phone numbers or free text leave this way.
    return {
        {"cases",
         {"case_id", "youth_id", "opened_at", "closed_at", "status", "complexity", "outcome", "problem_areas",
          "risk_flags", "municipality", "opened_by", "case_lead"},
         "SELECT c.id, " + IdText("c.youth_id") + ", " + Iso("c.opened_at") + ", " + Iso("c.closed_at") +
             ", c.status, c.complexity, coalesce(c.outcome, ''), "
             "coalesce((SELECT group_concat(area, ';') FROM case_problem_areas WHERE case_id = c.id), ''), "
             "coalesce((SELECT group_concat(flag, ';') FROM case_risk_flags WHERE case_id = c.id), ''), "
             "coalesce(y.municipality, ''), c.opened_by, " +
             IdText("c.case_lead") +
             ", c.id FROM cases AS c "
             "LEFT JOIN youths AS y ON y.id = c.youth_id WHERE c.opened_at >= ?1 AND c.opened_at < ?2 AND c.id > ?3 "
             "ORDER BY c.id LIMIT ?4"},
        {"contacts",
         {"contact_id", "case_id", "type", "started_at", "ended_at", "caller_role", "responses",
          "plan_version_consulted", "workers_present", "logged_by"},
         "SELECT t.id, t.case_id, t.type, " + Iso("t.started_at") + ", " + Iso("t.ended_at") +
             ", t.caller_role, "
             "coalesce((SELECT group_concat(response, ';') FROM contact_responses WHERE contact_id = t.id), ''), "
             "t.plan_version_consulted, (SELECT count(*) FROM contact_workers WHERE contact_id = t.id), t.logged_by, "
             "t.id FROM contacts AS t JOIN cases AS c ON c.id = t.case_id WHERE c.opened_at >= ?1 AND "
             "c.opened_at < ?2 AND t.id > ?3 ORDER BY t.id LIMIT ?4"},
        {"consults",
         {"consult_id", "case_id", "urgency", "requested_at", "answered_at", "requested_by", "psychiatrist"},
         "SELECT q.id, q.case_id, q.urgency, " + Iso("q.requested_at") + ", " + Iso("q.answered_at") +
             ", q.requested_by, " + IdText("q.psychiatrist") +
             ", q.id FROM consults AS q JOIN cases AS c ON "
             "c.id = q.case_id WHERE c.opened_at >= ?1 AND c.opened_at < ?2 AND q.id > ?3 ORDER BY q.id LIMIT ?4"},
        {"handovers",
         {"handover_id", "case_id", "kind", "organisation_id", "municipality", "created_at", "due_at", "status",
          "confirmed_at", "legal_ground_recorded"},
         "SELECT h.id, h.case_id, h.kind, " + IdText("h.organisation_id") + ", coalesce(y.municipality, ''), " +
             Iso("h.created_at") + ", " + Iso("h.due_at") + ", h.status, " +
             Iso("(SELECT at FROM handover_steps WHERE handover_id = h.id AND step = 'confirmed')") +
             ", CASE WHEN h.legal_ground <> '' THEN 'yes' ELSE 'no' END, h.id FROM handovers AS h JOIN cases AS c "
             "ON c.id = h.case_id LEFT JOIN youths AS y ON y.id = c.youth_id WHERE c.opened_at >= ?1 AND "
             "c.opened_at < ?2 AND h.id > ?3 ORDER BY h.id LIMIT ?4"},
        {"evaluations",
         {"evaluation_id", "case_id", "youth_id", "reasons", "status", "due_by", "held_on", "right_help",
          "changes_plan", "plan_version", "finalised_at", "proposals"},
         "SELECT e.id, e.case_id, " + IdText("c.youth_id") +
             ", replace(e.reasons, ',', ';'), e.status, e.due_by, "
             "e.held_on, e.right_help, e.changes_plan, e.plan_version, " +
             Iso("e.finalised_at") +
             ", (SELECT count(*) FROM proposal_sources WHERE evaluation_id = e.id), e.id FROM evaluations AS e "
             "JOIN cases AS c ON c.id = e.case_id WHERE c.opened_at >= ?1 AND c.opened_at < ?2 AND e.id > ?3 "
             "ORDER BY e.id LIMIT ?4"},
        {"proposals",
         {"proposal_id", "created_at", "addressee_kind", "addressee", "theme", "status", "status_changed_at",
          "evaluation_ids"},
         "SELECT p.id, " + Iso("p.created_at") + ", p.addressee_kind, p.addressee, p.theme, p.status, " +
             Iso("(SELECT max(at) FROM proposal_status_changes WHERE proposal_id = p.id)") +
             ", coalesce((SELECT group_concat(evaluation_id, ';') FROM proposal_sources WHERE proposal_id = p.id), "
             "''), p.id FROM proposals AS p WHERE p.created_at >= ?1 AND p.created_at < ?2 AND p.id > ?3 "
             "ORDER BY p.id LIMIT ?4"},
    };
}

const std::vector<ExportSpec>& ExportSpecs(Dialect d) {
    static const std::vector<ExportSpec> sqlite = MakeExportSpecs(Dialect::kSqlite);
    static const std::vector<ExportSpec> postgres = MakeExportSpecs(Dialect::kPostgres);
    return d == Dialect::kPostgres ? postgres : sqlite;
}

}  // namespace

ExportPage SqlStatsRepo::Export(std::string_view entity, TimePoint from, TimePoint to, std::int64_t after_id,
                                int limit) {
    const auto& specs = ExportSpecs(c_.dialect());
    auto it = std::find_if(specs.begin(), specs.end(), [&](const ExportSpec& s) { return s.entity == entity; });
    if (it == specs.end()) throw std::logic_error("unknown export entity");
    ExportPage page;
    page.columns = it->columns;
    auto st = c_.Prepare(it->select);
    st.Bind(1, ToMicros(from)).Bind(2, ToMicros(to)).Bind(3, after_id).Bind(4, limit);
    const int n = static_cast<int>(it->columns.size());
    while (st.Step()) {
        std::vector<std::string> row;
        row.reserve(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i) row.push_back(st.Text(i));
        page.rows.push_back(std::move(row));
        page.last_id = st.Int(n);
    }
    return page;
}

}  // namespace spoed::db
