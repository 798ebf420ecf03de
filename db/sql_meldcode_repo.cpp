#include "db/sql_meldcode_repo.hpp"

#include <iterator>
#include <string>

#include "db/columns.hpp"

namespace spoed::db {
namespace {

template <std::size_t Q>
constexpr Column<MeldcodeTrackRecord> AnswerColumn(std::string_view name) {
    return {name, [](Statement& st, int i, const MeldcodeTrackRecord& t) { st.Bind(i, t.answers[Q].answer); },
            [](const Statement& st, int c, MeldcodeTrackRecord& t) { t.answers[Q].answer = st.Text(c); }};
}
template <std::size_t Q>
constexpr Column<MeldcodeTrackRecord> ReasonColumn(std::string_view name) {
    return {name, [](Statement& st, int i, const MeldcodeTrackRecord& t) { st.Bind(i, t.answers[Q].reason); },
            [](const Statement& st, int c, MeldcodeTrackRecord& t) { t.answers[Q].reason = st.Text(c); }};
}

using Track = MeldcodeTrackRecord;

/// meldcode_tracks, declared once: Insert, Update and every read go through this list.
const Column<Track> kTrackColumns[] = {
    Col<&Track::case_id>("case_id"),
    Col<&Track::state>("state"),
    Col<&Track::observed_signals>("observed_signals"),
    Col<&Track::started_at>("started_at"),
    Col<&Track::started_by>("started_by"),
    Col<&Track::conversation>("conversation"),
    Col<&Track::conversation_with>("conversation_with"),
    Col<&Track::conversation_note>("conversation_note"),
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
    Col<&Track::decision>("decision"),
    Col<&Track::decision_note>("decision_note"),
    Col<&Track::decided_by>("decided_by"),
    Col<&Track::decided_at>("decided_at"),
    Col<&Track::veilig_thuis_reference>("veilig_thuis_reference"),
    Col<&Track::handover_id>("handover_id"),
    Col<&Track::updated_at>("updated_at"),
};
const Table<Track> kTracks("meldcode_tracks", kTrackColumns);

/// The columns every read selects: the track's id, its columns, the case's youth, the name of
/// the organisation or recipient its handover goes to, and who started and decided it.
std::string SelectTracks() {
    return "SELECT t.id, " + kTracks.Names("t.") +
           ", coalesce(k.youth_id, 0), coalesce(o.name, h.recipient_name, ''), s.display_name, "
           "coalesce(d.display_name, '') FROM meldcode_tracks AS t JOIN cases AS k ON k.id = t.case_id "
           "JOIN users AS s ON s.id = t.started_by LEFT JOIN users AS d ON d.id = t.decided_by "
           "LEFT JOIN handovers AS h ON h.id = t.handover_id LEFT JOIN organisations AS o ON o.id = h.organisation_id";
}

MeldcodeTrackRecord ReadTrack(const Statement& st) {
    MeldcodeTrackRecord t;
    t.id = st.Int(0);
    kTracks.Read(st, 1, t);
    const int after = kTracks.size() + 1;
    t.youth_id = st.Int(after);
    t.transferred_to = st.Text(after + 1);
    t.started_by_name = st.Text(after + 2);
    t.decided_by_name = st.Text(after + 3);
    return t;
}

}  // namespace

std::optional<std::int64_t> SqlMeldcodeRepo::Insert(const MeldcodeTrackRecord& t) {
    auto exists = c_.Prepare("SELECT 1 FROM meldcode_tracks WHERE case_id = ?");
    if (exists.Bind(1, t.case_id).Step()) return std::nullopt;
    auto st = c_.Prepare(kTracks.InsertSql());
    kTracks.Bind(st, t);
    st.Run();
    return c_.LastInsertId();
}

std::optional<MeldcodeTrackRecord> SqlMeldcodeRepo::FindWhere(std::string_view condition, std::int64_t value) {
    auto st = c_.Prepare(SelectTracks() + " WHERE " + std::string(condition) + " = ?");
    st.Bind(1, value);
    if (!st.Step()) return std::nullopt;
    MeldcodeTrackRecord t = ReadTrack(st);
    LoadConsultations(t);
    return t;
}

std::optional<MeldcodeTrackRecord> SqlMeldcodeRepo::Find(std::int64_t id) { return FindWhere("t.id", id); }

std::optional<MeldcodeTrackRecord> SqlMeldcodeRepo::FindByCase(std::int64_t case_id) {
    return FindWhere("t.case_id", case_id);
}

void SqlMeldcodeRepo::Update(const MeldcodeTrackRecord& t) {
    auto st = c_.Prepare(kTracks.UpdateSql());
    st.Bind(kTracks.Bind(st, t) + 1, t.id);
    st.Run();
}

std::int64_t SqlMeldcodeRepo::AddConsultation(const MeldcodeConsultationRecord& c) {
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

void SqlMeldcodeRepo::LoadConsultations(MeldcodeTrackRecord& t) {
    auto st = c_.Prepare(
        "SELECT c.id, c.kind, c.anonymous, c.user_id, c.with_whom, c.advice, c.at, c.recorded_by, u.display_name "
        "FROM meldcode_consultations AS c JOIN users AS u ON u.id = c.recorded_by WHERE c.track_id = ? ORDER BY c.id");
    st.Bind(1, t.id);
    while (st.Step()) {
        t.consultations.push_back({st.Int(0), t.id, st.Text(1), st.Int(2) != 0, st.OptInt(3), st.Text(4), st.Text(5),
                                   FromMicros(st.Int(6)), st.Int(7), st.Text(8)});
    }
}

std::vector<MeldcodeTrackRecord> SqlMeldcodeRepo::List(bool open_only, int limit) {
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
