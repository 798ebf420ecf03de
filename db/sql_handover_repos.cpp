#include "db/sql_handover_repos.hpp"

#include <stdexcept>

#include "db/columns.hpp"
#include "db/shared_sql.hpp"

namespace spoed::db {

using sql::kEventColumns;
namespace {

/// organisations, declared once (their contacts are a table of their own).
const Column<OrganisationRecord> kOrganisationColumnList[] = {
    Col<&OrganisationRecord::name>("name"),
    Col<&OrganisationRecord::kind>("kind"),
    Col<&OrganisationRecord::municipality>("municipality"),
    Col<&OrganisationRecord::phone>("phone"),
    Col<&OrganisationRecord::availability>("availability"),
    Col<&OrganisationRecord::updated_at>("updated_at"),
};
const Table<OrganisationRecord> kOrganisations("organisations", kOrganisationColumnList);
const std::string kOrganisationColumns = "id, " + kOrganisations.Names();

OrganisationRecord ReadOrganisation(const Statement& st) {
    OrganisationRecord o;
    o.id = st.Int(0);
    kOrganisations.Read(st, 1, o);
    return o;
}

/// handovers, declared once (their steps are a table of their own).
const Column<HandoverRecord> kHandoverColumns[] = {
    Col<&HandoverRecord::case_id>("case_id"),
    Col<&HandoverRecord::kind>("kind"),
    Col<&HandoverRecord::organisation_id>("organisation_id"),
    Col<&HandoverRecord::recipient_name>("recipient_name"),
    Col<&HandoverRecord::recipient_contact>("recipient_contact"),
    Col<&HandoverRecord::recipient_phone>("recipient_phone"),
    Col<&HandoverRecord::consent_id>("consent_id"),
    Col<&HandoverRecord::legal_ground>("legal_ground"),
    Col<&HandoverRecord::due_at>("due_at"),
    Col<&HandoverRecord::due_reason>("due_reason"),
    Col<&HandoverRecord::status>("status"),
    Col<&HandoverRecord::agreements>("agreements"),
    Col<&HandoverRecord::escalation_reason>("escalation_reason"),
    Col<&HandoverRecord::created_by>("created_by"),
    Col<&HandoverRecord::created_at>("created_at"),
};
const Table<HandoverRecord> kHandovers("handovers", kHandoverColumns);

// The handover with the youth and municipality of its case.
const std::string kHandoverSelect =
    "SELECT h.id, " + kHandovers.Names("h.") +
    ", coalesce(c.youth_id, 0), coalesce(y.municipality, '') "
    "FROM handovers AS h JOIN cases AS c ON c.id = h.case_id LEFT JOIN youths AS y ON y.id = c.youth_id";

HandoverRecord ReadHandover(const Statement& st) {
    HandoverRecord h;
    h.id = st.Int(0);
    kHandovers.Read(st, 1, h);
    const int after = kHandovers.size() + 1;
    h.youth_id = st.Int(after);
    h.municipality = st.Text(after + 1);
    return h;
}

std::vector<HandoverStepRecord> LoadSteps(Connection& c, std::int64_t handover_id) {
    auto st = c.Prepare(
        "SELECT step, at, by_user, note FROM handover_steps WHERE handover_id = ? ORDER BY at, CASE step "
        "WHEN 'receiver_contacted' THEN 1 WHEN 'family_contacted' THEN 2 WHEN 'agreements_recorded' THEN 3 ELSE 4 END");
    st.Bind(1, handover_id);
    std::vector<HandoverStepRecord> out;
    while (st.Step()) out.push_back({st.Text(0), FromMicros(st.Int(1)), st.Int(2), st.Text(3)});
    return out;
}

}  // namespace

// --- directory --------------------------------------------------------------------------------

bool SqlDirectoryRepo::NameTaken(std::string_view name, std::int64_t except_id) {
    auto st = c_.Prepare("SELECT 1 FROM organisations WHERE name = ? AND id <> ?");
    st.Bind(1, name).Bind(2, except_id);
    return st.Step();
}

void SqlDirectoryRepo::WriteContacts(const OrganisationRecord& o) {
    auto del = c_.Prepare("DELETE FROM directory_contacts WHERE organisation_id = ?");
    del.Bind(1, o.id).Run();
    auto ins = c_.Prepare(
        "INSERT INTO directory_contacts (organisation_id, name, role, phone, availability, designated) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    for (const auto& k : o.contacts) {
        ins.Bind(1, o.id)
            .Bind(2, k.name)
            .Bind(3, k.role)
            .Bind(4, k.phone)
            .Bind(5, k.availability)
            .Bind(6, k.designated);
        ins.Run();
        ins.Reset();
    }
}

void SqlDirectoryRepo::LoadContacts(OrganisationRecord& o) {
    auto st = c_.Prepare(
        "SELECT name, role, phone, availability, designated FROM directory_contacts WHERE organisation_id = ? "
        "ORDER BY designated DESC, id");
    st.Bind(1, o.id);
    while (st.Step()) o.contacts.push_back({st.Text(0), st.Text(1), st.Text(2), st.Text(3), st.Int(4) != 0});
}

std::optional<std::int64_t> SqlDirectoryRepo::Insert(const OrganisationRecord& o) {
    if (NameTaken(o.name, 0)) return std::nullopt;
    auto st = c_.Prepare(kOrganisations.InsertSql());
    kOrganisations.Bind(st, o);
    st.Run();
    OrganisationRecord stored = o;
    stored.id = c_.LastInsertId();
    WriteContacts(stored);
    return stored.id;
}

bool SqlDirectoryRepo::Update(const OrganisationRecord& o) {
    if (NameTaken(o.name, o.id)) return false;
    auto st = c_.Prepare(kOrganisations.UpdateSql());
    st.Bind(kOrganisations.Bind(st, o) + 1, o.id);
    st.Run();
    WriteContacts(o);
    return true;
}

std::optional<OrganisationRecord> SqlDirectoryRepo::Find(std::int64_t id) {
    auto st = c_.Prepare("SELECT " + kOrganisationColumns + " FROM organisations WHERE id = ?");
    st.Bind(1, id);
    if (!st.Step()) return std::nullopt;
    OrganisationRecord o = ReadOrganisation(st);
    LoadContacts(o);
    return o;
}

std::vector<OrganisationRecord> SqlDirectoryRepo::List(std::string_view kind, std::string_view municipality) {
    auto st = c_.Prepare("SELECT " + kOrganisationColumns +
                         " FROM organisations WHERE (?1 = '' OR kind = ?1) AND (?2 = '' OR municipality = ?2) "
                         "ORDER BY municipality, name");
    st.Bind(1, kind).Bind(2, municipality);
    std::vector<OrganisationRecord> out;
    while (st.Step()) out.push_back(ReadOrganisation(st));
    for (auto& o : out) LoadContacts(o);
    return out;
}

// --- handovers --------------------------------------------------------------------------------

std::int64_t SqlHandoverRepo::Insert(const HandoverRecord& h) {
    auto st = c_.Prepare(kHandovers.InsertSql());
    kHandovers.Bind(st, h);
    st.Run();
    return c_.LastInsertId();
}

std::optional<HandoverRecord> SqlHandoverRepo::Find(std::int64_t id) {
    auto st = c_.Prepare(kHandoverSelect + " WHERE h.id = ?");
    st.Bind(1, id);
    if (!st.Step()) return std::nullopt;
    HandoverRecord h = ReadHandover(st);
    h.steps = LoadSteps(c_, h.id);
    return h;
}

void SqlHandoverRepo::AddStep(std::int64_t handover_id, const HandoverStepRecord& s) {
    auto st = c_.Prepare("INSERT INTO handover_steps (handover_id, step, at, by_user, note) VALUES (?, ?, ?, ?, ?)");
    st.Bind(1, handover_id).Bind(2, s.step).Bind(3, ToMicros(s.at)).Bind(4, s.by_user).Bind(5, s.note).Run();
}

void SqlHandoverRepo::UpdateState(const HandoverRecord& h) {
    auto st = c_.Prepare("UPDATE handovers SET status = ?, agreements = ?, escalation_reason = ? WHERE id = ?");
    st.Bind(1, h.status).Bind(2, h.agreements).Bind(3, h.escalation_reason).Bind(4, h.id).Run();
}

std::vector<HandoverRecord> SqlHandoverRepo::List(const HandoverFilter& f) {
    std::string sql = kHandoverSelect + " WHERE 1 = 1";
    if (f.unconfirmed_only) sql += " AND h.status <> 'confirmed'";
    if (f.due_before) sql += " AND h.due_at < ?1";
    if (!f.municipality.empty()) sql += " AND y.municipality = ?2";
    if (f.case_id != 0) sql += " AND h.case_id = ?3";
    sql += " ORDER BY h.due_at, h.id LIMIT ?4";
    auto st = c_.Prepare(sql);
    if (f.due_before) st.Bind(1, ToMicros(*f.due_before));
    if (!f.municipality.empty()) st.Bind(2, f.municipality);
    if (f.case_id != 0) st.Bind(3, f.case_id);
    st.Bind(4, f.limit);
    std::vector<HandoverRecord> out;
    while (st.Step()) out.push_back(ReadHandover(st));
    for (auto& h : out) h.steps = LoadSteps(c_, h.id);
    return out;
}

namespace {

std::string_view AlertColumn(std::string_view alert) {
    if (alert == "reminder") return "reminded_at";
    if (alert == "overdue") return "overdue_alerted_at";
    throw std::logic_error("unknown handover alert");
}

}  // namespace

std::vector<HandoverRecord> SqlHandoverRepo::ListUnalerted(std::string_view alert, TimePoint due_before, int limit) {
    std::string column(AlertColumn(alert));
    auto st = c_.Prepare(kHandoverSelect + " WHERE h.status <> 'confirmed' AND h.due_at < ?1 AND h." + column +
                         " IS NULL ORDER BY h.due_at, h.id LIMIT ?2");
    st.Bind(1, ToMicros(due_before)).Bind(2, limit);
    std::vector<HandoverRecord> out;
    while (st.Step()) out.push_back(ReadHandover(st));
    return out;
}

void SqlHandoverRepo::MarkAlerted(std::int64_t id, std::string_view alert, TimePoint at) {
    auto st = c_.Prepare("UPDATE handovers SET " + std::string(AlertColumn(alert)) + " = ? WHERE id = ?");
    st.Bind(1, ToMicros(at)).Bind(2, id).Run();
}

// --- events -----------------------------------------------------------------------------------

std::int64_t SqlEventRepo::Append(const EventRecord& e) {
    // Numbered under the audit log's lock, so in commit order and without holes.
    c_.LockLogs();
    auto st = c_.Prepare(
        "INSERT INTO events (seq, at, kind, audience, case_id, shift_date, payload) VALUES ((SELECT coalesce(max(seq), "
        "0) + 1 FROM events), ?, ?, ?, ?, ?, ?) RETURNING seq");
    st.Bind(1, ToMicros(e.at)).Bind(2, e.kind).Bind(3, e.audience).Bind(4, e.case_id).Bind(5, e.shift_date);
    st.BindBlob(6, e.payload);
    if (!st.Step()) throw std::logic_error("event append returned no seq");
    appended_ = true;
    return st.Int(0);
}

std::vector<EventRecord> SqlEventRepo::After(std::int64_t after, int limit) {
    auto st = c_.Prepare("SELECT " + std::string(kEventColumns) + " FROM events WHERE seq > ? ORDER BY seq LIMIT ?");
    st.Bind(1, after).Bind(2, limit);
    std::vector<EventRecord> out;
    while (st.Step()) {
        out.push_back({st.Int(0), FromMicros(st.Int(1)), st.Text(2), static_cast<int>(st.Int(3)), st.Int(4), st.Text(5),
                       st.Blob(6)});
    }
    return out;
}

std::int64_t SqlEventRepo::Head() { return c_.QueryInt("SELECT coalesce(max(seq), 0) FROM events"); }

}  // namespace spoed::db
