#include "db/sqlite_meldcode_repo.hpp"

#include <iterator>
#include <string>

namespace spoed::db {
namespace {

/// One column of meldcode_tracks: its name, how a record's value is bound to a parameter, and
/// how it is read back. Insert, Update and every read go through this one list.
struct TrackColumn {
    std::string_view name;
    void (*bind)(Statement& st, int index, const MeldcodeTrackRecord& t);
    void (*read)(const Statement& st, int column, MeldcodeTrackRecord& t);
};

template <std::size_t Q>
constexpr TrackColumn AnswerColumn(std::string_view name) {
    return {name, [](Statement& st, int i, const MeldcodeTrackRecord& t) { st.Bind(i, t.answers[Q].answer); },
            [](const Statement& st, int c, MeldcodeTrackRecord& t) { t.answers[Q].answer = st.Text(c); }};
}
template <std::size_t Q>
constexpr TrackColumn ReasonColumn(std::string_view name) {
    return {name, [](Statement& st, int i, const MeldcodeTrackRecord& t) { st.Bind(i, t.answers[Q].reason); },
            [](const Statement& st, int c, MeldcodeTrackRecord& t) { t.answers[Q].reason = st.Text(c); }};
}

#define SPOED_TEXT_COLUMN(field)                                                                               \
    TrackColumn {                                                                                              \
#field, [](Statement & st, int i,                                                                      \
                   const MeldcodeTrackRecord& t) { st.Bind(i, t.field); }, [](const Statement& st, int c,      \
                                                                              MeldcodeTrackRecord&             \
                                                                                  t) { t.field = st.Text(c); } \
    }
#define SPOED_INT_COLUMN(field)                                                                               \
    TrackColumn {                                                                                             \
#field, [](Statement & st, int i,                                                                     \
                   const MeldcodeTrackRecord& t) { st.Bind(i, t.field); }, [](const Statement& st, int c,     \
                                                                              MeldcodeTrackRecord&            \
                                                                                  t) { t.field = st.Int(c); } \
    }
#define SPOED_OPT_INT_COLUMN(field)                                                                              \
    TrackColumn {                                                                                                \
#field, [](Statement & st, int i,                                                                        \
                   const MeldcodeTrackRecord& t) { st.Bind(i, t.field); }, [](const Statement& st, int c,        \
                                                                              MeldcodeTrackRecord&               \
                                                                                  t) { t.field = st.OptInt(c); } \
    }
#define SPOED_TIME_COLUMN(field)                                                                                       \
    TrackColumn {                                                                                                      \
#field,                                                                                                        \
            [](Statement & st, int i,                                                                                  \
               const MeldcodeTrackRecord&                                                                              \
                   t) { st.Bind(i, ToMicros(t.field)); },                                                              \
                                                       [](const Statement& st, int c,                                  \
                                                          MeldcodeTrackRecord& t) { t.field = FromMicros(st.Int(c)); } \
    }

const TrackColumn kTrackColumns[] = {
    SPOED_INT_COLUMN(case_id),
    SPOED_TEXT_COLUMN(state),
    SPOED_TEXT_COLUMN(observed_signals),
    SPOED_TIME_COLUMN(started_at),
    SPOED_INT_COLUMN(started_by),
    SPOED_TEXT_COLUMN(conversation),
    SPOED_TEXT_COLUMN(conversation_with),
    SPOED_TEXT_COLUMN(conversation_note),
    AnswerColumn<0>("q1_answer"),
    ReasonColumn<0>("q1_reason"),
    AnswerColumn<1>("q2_answer"),
    ReasonColumn<1>("q2_reason"),
    AnswerColumn<2>("q3_answer"),
    ReasonColumn<2>("q3_reason"),
    AnswerColumn<3>("q4_answer"),
    ReasonColumn<3>("q4_reason"),
    AnswerColumn<4>("q5_answer"),
    ReasonColumn<4>("q5_reason"),
    {"decision", [](Statement& st, int i, const MeldcodeTrackRecord& t) { st.Bind(i, t.decision); },
     [](const Statement& st, int c, MeldcodeTrackRecord& t) { t.decision = st.OptText(c); }},
    SPOED_TEXT_COLUMN(decision_note),
    SPOED_OPT_INT_COLUMN(decided_by),
    {"decided_at", [](Statement& st, int i, const MeldcodeTrackRecord& t) { st.Bind(i, OptMicros(t.decided_at)); },
     [](const Statement& st, int c, MeldcodeTrackRecord& t) { t.decided_at = OptTime(st, c); }},
    SPOED_TEXT_COLUMN(veilig_thuis_reference),
    SPOED_OPT_INT_COLUMN(handover_id),
    SPOED_TIME_COLUMN(updated_at),
};

#undef SPOED_TEXT_COLUMN
#undef SPOED_INT_COLUMN
#undef SPOED_OPT_INT_COLUMN
#undef SPOED_TIME_COLUMN

constexpr int kColumnCount = static_cast<int>(std::size(kTrackColumns));

std::string ColumnList(std::string_view prefix) {
    std::string out;
    for (const auto& c : kTrackColumns) {
        if (!out.empty()) out += ", ";
        out += prefix;
        out += c.name;
    }
    return out;
}

void BindTrack(Statement& st, const MeldcodeTrackRecord& t) {
    for (int i = 0; i < kColumnCount; ++i) kTrackColumns[i].bind(st, i + 1, t);
}

/// The columns every read selects: the track's id, its columns, the case's youth, the name of
/// the organisation or recipient its handover goes to, and who started and decided it.
std::string SelectTracks() {
    return "SELECT t.id, " + ColumnList("t.") +
           ", coalesce(k.youth_id, 0), coalesce(o.name, h.recipient_name, ''), s.display_name, "
           "coalesce(d.display_name, '') FROM meldcode_tracks AS t JOIN cases AS k ON k.id = t.case_id "
           "JOIN users AS s ON s.id = t.started_by LEFT JOIN users AS d ON d.id = t.decided_by "
           "LEFT JOIN handovers AS h ON h.id = t.handover_id LEFT JOIN organisations AS o ON o.id = h.organisation_id";
}

MeldcodeTrackRecord ReadTrack(const Statement& st) {
    MeldcodeTrackRecord t;
    t.id = st.Int(0);
    for (int i = 0; i < kColumnCount; ++i) kTrackColumns[i].read(st, i + 1, t);
    t.youth_id = st.Int(kColumnCount + 1);
    t.transferred_to = st.Text(kColumnCount + 2);
    t.started_by_name = st.Text(kColumnCount + 3);
    t.decided_by_name = st.Text(kColumnCount + 4);
    return t;
}

}  // namespace

std::optional<std::int64_t> SqliteMeldcodeRepo::Insert(const MeldcodeTrackRecord& t) {
    auto exists = c_.Prepare("SELECT 1 FROM meldcode_tracks WHERE case_id = ?");
    if (exists.Bind(1, t.case_id).Step()) return std::nullopt;
    std::string values;
    for (int i = 1; i <= kColumnCount; ++i) values += (i == 1 ? "?" : ", ?") + std::to_string(i);
    auto st = c_.Prepare("INSERT INTO meldcode_tracks (" + ColumnList("") + ") VALUES (" + values + ")");
    BindTrack(st, t);
    st.Run();
    return c_.LastInsertId();
}

std::optional<MeldcodeTrackRecord> SqliteMeldcodeRepo::FindWhere(std::string_view condition, std::int64_t value) {
    auto st = c_.Prepare(SelectTracks() + " WHERE " + std::string(condition) + " = ?");
    st.Bind(1, value);
    if (!st.Step()) return std::nullopt;
    MeldcodeTrackRecord t = ReadTrack(st);
    LoadConsultations(t);
    return t;
}

std::optional<MeldcodeTrackRecord> SqliteMeldcodeRepo::Find(std::int64_t id) { return FindWhere("t.id", id); }

std::optional<MeldcodeTrackRecord> SqliteMeldcodeRepo::FindByCase(std::int64_t case_id) {
    return FindWhere("t.case_id", case_id);
}

void SqliteMeldcodeRepo::Update(const MeldcodeTrackRecord& t) {
    std::string set;
    for (int i = 0; i < kColumnCount; ++i) {
        if (!set.empty()) set += ", ";
        set += std::string(kTrackColumns[i].name) + " = ?" + std::to_string(i + 1);
    }
    auto st = c_.Prepare("UPDATE meldcode_tracks SET " + set + " WHERE id = ?" + std::to_string(kColumnCount + 1));
    BindTrack(st, t);
    st.Bind(kColumnCount + 1, t.id);
    st.Run();
}

std::int64_t SqliteMeldcodeRepo::AddConsultation(const MeldcodeConsultationRecord& c) {
    auto st = c_.Prepare(
        "INSERT INTO meldcode_consultations (track_id, kind, anonymous, user_id, with_whom, advice, at, recorded_by) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    st.Bind(1, c.track_id)
        .Bind(2, c.kind)
        .Bind(3, c.anonymous)
        .Bind(4, c.user_id)
        .Bind(5, c.with_whom)
        .Bind(6, c.advice)
        .Bind(7, ToMicros(c.at))
        .Bind(8, c.recorded_by);
    st.Run();
    return c_.LastInsertId();
}

void SqliteMeldcodeRepo::LoadConsultations(MeldcodeTrackRecord& t) {
    auto st = c_.Prepare(
        "SELECT c.id, c.kind, c.anonymous, c.user_id, c.with_whom, c.advice, c.at, c.recorded_by, u.display_name "
        "FROM meldcode_consultations AS c JOIN users AS u ON u.id = c.recorded_by WHERE c.track_id = ? ORDER BY c.id");
    st.Bind(1, t.id);
    while (st.Step()) {
        t.consultations.push_back({st.Int(0), t.id, st.Text(1), st.Int(2) != 0, st.OptInt(3), st.Text(4), st.Text(5),
                                   FromMicros(st.Int(6)), st.Int(7), st.Text(8)});
    }
}

std::vector<MeldcodeTrackRecord> SqliteMeldcodeRepo::List(bool open_only, int limit) {
    std::string sql = SelectTracks();
    if (open_only) sql += " WHERE t.state = 'open'";
    sql +=
        " ORDER BY t.state <> 'open', CASE WHEN t.state = 'open' THEN t.started_at END, t.updated_at DESC, t.id DESC "
        "LIMIT ?1";
    auto st = c_.Prepare(sql);
    st.Bind(1, limit);
    std::vector<MeldcodeTrackRecord> out;
    while (st.Step()) out.push_back(ReadTrack(st));
    for (auto& t : out) LoadConsultations(t);
    return out;
}

}  // namespace spoed::db
