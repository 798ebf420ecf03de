#include "db/sql_crisis_repos.hpp"

#include <algorithm>
#include <chrono>
#include <utility>
#include <variant>

#include "db/columns.hpp"

namespace spoed::db {
namespace {

/// Values for numbered parameters (?1, ?2, ...) of a statement assembled from optional parts.
class Params {
  public:
    /// Stores the value and returns its placeholder; a placeholder may be used more than once.
    std::string Add(std::int64_t v) {
        values_.emplace_back(v);
        return Ref();
    }
    std::string Add(std::string v) {
        values_.emplace_back(std::move(v));
        return Ref();
    }
    void BindTo(Statement& st) const {
        for (std::size_t i = 0; i < values_.size(); ++i) {
            int index = static_cast<int>(i + 1);
            if (const auto* n = std::get_if<std::int64_t>(&values_[i])) {
                st.Bind(index, *n);
            } else {
                st.Bind(index, std::get<std::string>(values_[i]));
            }
        }
    }

  private:
    std::string Ref() const { return "?" + std::to_string(values_.size()); }
    std::vector<std::variant<std::int64_t, std::string>> values_;
};

/// group_concat() lists use the unit separator: no name or enumeration value contains it.
constexpr std::string_view kListSeparator = "\x1f";

std::vector<std::string> SplitList(const std::string& joined) {
    std::vector<std::string> out;
    if (joined.empty()) return out;
    std::size_t start = 0;
    while (true) {
        std::size_t end = joined.find(kListSeparator, start);
        out.push_back(joined.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) break;
        start = end + kListSeparator.size();
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::int64_t> SplitIds(const std::string& joined) {
    std::vector<std::int64_t> out;
    for (const auto& s : SplitList(joined)) out.push_back(std::stoll(s));
    std::sort(out.begin(), out.end());
    return out;
}

// --- youths ----------------------------------------------------------------------------------

/// Number of UTF-8 code points: the trigram tokenizer needs three characters, not three bytes,
/// before a phrase can match anything.
std::size_t CodePoints(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char ch) { return (static_cast<unsigned char>(ch) & 0xC0) != 0x80; }));
}

/// Ids of youths with this number as their own phone or a guardian's/network contact's phone.
/// `phone <> ''` is repeated so that the partial index on youth_contacts.phone applies.
std::string PhoneYouthIds(const std::string& phone_ref) {
    return "SELECT ph.youth_id FROM youth_phones AS ph WHERE ph.number = " + phone_ref +
           " UNION SELECT yc.youth_id FROM youth_contacts AS yc WHERE yc.phone = " + phone_ref + " AND yc.phone <> ''";
}

/// pre_registered, cases_30 and cases_90 of the youth whose id is `id`, as correlated subqueries.
std::string HitColumns(std::string_view id, Params& p, TimePoint now) {
    std::string at = p.Add(ToMicros(now));
    std::string since_30 = p.Add(ToMicros(now - std::chrono::days(30)));
    std::string since_90 = p.Add(ToMicros(now - std::chrono::days(90)));
    std::string y(id);
    return "(EXISTS (SELECT 1 FROM pre_registrations AS pr WHERE pr.youth_id = " + y +
           " AND pr.ended_at IS NULL) AND EXISTS (SELECT 1 FROM consents AS cs WHERE cs.youth_id = " + y +
           " AND cs.scope = 'pre_registration' AND cs.given_at <= " + at + " AND (cs.valid_until IS NULL OR " +
           "cs.valid_until > " + at + ") AND (cs.withdrawn_at IS NULL OR cs.withdrawn_at > " + at +
           "))), (SELECT count(*) FROM cases AS k WHERE k.youth_id = " + y + " AND k.opened_at >= " + since_30 +
           "), (SELECT count(*) FROM cases AS k WHERE k.youth_id = " + y + " AND k.opened_at >= " + since_90 + ")";
}

/// `term` as a LIKE pattern matches it literally.
std::string EscapeLike(std::string_view term) {
    std::string out;
    for (char ch : term) {
        if (ch == '%' || ch == '_' || ch == '\\') out += '\\';
        out += ch;
    }
    return out;
}

/// The FTS5 query for the name terms of at least three characters: every term a quoted phrase
/// (a substring under the trigram tokenizer), all of them required. Empty when there are none.
std::string FtsQuery(const std::vector<std::string>& terms) {
    std::string fts;
    for (const auto& term : terms) {
        if (CodePoints(term) < 3) continue;
        if (!fts.empty()) fts += " AND ";
        fts += '"';
        for (char ch : term) {
            if (ch == '"') fts += '"';
            fts += ch;
        }
        fts += '"';
    }
    return fts;
}

/// The look-up statement. Every criterion narrows youths by an index (FTS5 trigram, date of
/// birth, phone numbers, or the name-order walk) so that SQLite never scans youths unless only
/// short name terms are given. `name_ids` (a JSON array), when given, are the youths the
/// trigram index matched, collected already. The page is chosen first (MATERIALIZED keeps
/// SQLite from flattening it) so that the hit subqueries run only over the rows returned.
std::string SearchSql(Dialect dialect, const YouthSearch& s, TimePoint now, int limit, int offset, YouthNamePath path,
                      const std::optional<std::string>& name_ids, Params& p) {
    const bool postgres = dialect == Dialect::kPostgres;
    std::string where;
    auto and_where = [&](const std::string& cond) {
        where += where.empty() ? " WHERE " : " AND ";
        where += cond;
    };
    // With a date of birth or a phone number the youths are a handful already: the name terms
    // are tested on them rather than collected from the trigram index (a family name shared by
    // 50,000 youths cost 20 ms that way at 1,000,000 youths).
    const bool trigrams = path == YouthNamePath::kTrigram && !s.date_of_birth && !s.phone;
    if (name_ids) {
        and_where("y.id IN (SELECT value FROM json_each(" + p.Add(*name_ids) + "))");
    } else if (std::string fts = trigrams && !postgres ? FtsQuery(s.name_terms) : std::string(); !fts.empty()) {
        and_where("y.id IN (SELECT n.rowid FROM youth_names AS n WHERE n.youth_names MATCH " + p.Add(fts) + ")");
    }
    for (const auto& term : s.name_terms) {
        if (term.empty() || (trigrams && !postgres && CodePoints(term) >= 3)) continue;
        if (postgres && CodePoints(term) >= 3) {
            // LIKE '%term%' is what pg_trgm's index answers.
            and_where("y.folded_name LIKE " + p.Add("%" + EscapeLike(term) + "%"));
        } else {
            and_where("instr(y.folded_name, " + p.Add(term) + ") > 0");
        }
    }
    if (s.date_of_birth) and_where("y.date_of_birth = " + p.Add(*s.date_of_birth));
    if (s.phone) and_where("y.id IN (" + PhoneYouthIds(p.Add(*s.phone)) + ")");

    std::string from =
        path == YouthNamePath::kNameOrder && !postgres ? "youths AS y INDEXED BY youths_by_name" : "youths AS y";
    // A negative limit: every youth (FindByPhone).
    std::string page =
        limit < 0 ? std::string() : " LIMIT " + p.Add(std::int64_t{limit}) + " OFFSET " + p.Add(std::int64_t{offset});
    std::string sql =
        "WITH page AS MATERIALIZED (SELECT y.id, y.given_name, y.family_name, y.date_of_birth, y.municipality, "
        "y.date_of_birth_estimated "
        "FROM " +
        from + where + " ORDER BY y.family_name, y.given_name, y.id" + page +
        ") SELECT page.id, page.given_name, page.family_name, page.date_of_birth, page.municipality, "
        "page.date_of_birth_estimated, " +
        HitColumns("page.id", p, now) + " FROM page ORDER BY page.family_name, page.given_name, page.id";
    return sql;
}

constexpr std::string_view kNameMatchesSql = "SELECT rowid FROM youth_names WHERE youth_names MATCH ?1 LIMIT ?2";

YouthHitRecord ReadHit(const Statement& st) {
    YouthHitRecord h;
    h.youth_id = st.Int(0);
    h.given_name = st.Text(1);
    h.family_name = st.Text(2);
    h.date_of_birth = st.Text(3);
    h.municipality = st.Text(4);
    h.date_of_birth_estimated = st.Int(5) != 0;
    h.pre_registered = st.Int(6) != 0;
    h.cases_30 = static_cast<int>(st.Int(7));
    h.cases_90 = static_cast<int>(st.Int(8));
    return h;
}

std::vector<YouthHitRecord> RunHits(Connection& c, const std::string& sql, const Params& p) {
    auto st = c.Prepare(sql);
    p.BindTo(st);
    std::vector<YouthHitRecord> out;
    while (st.Step()) out.push_back(ReadHit(st));
    return out;
}

// --- consents --------------------------------------------------------------------------------

/// consents, declared once.
const Column<ConsentRecord> kConsentColumnList[] = {
    Col<&ConsentRecord::youth_id>("youth_id"),
    Col<&ConsentRecord::scope>("scope"),
    Col<&ConsentRecord::given_by_youth>("given_by_youth"),
    Col<&ConsentRecord::given_by_guardian>("given_by_guardian"),
    Col<&ConsentRecord::given_at>("given_at"),
    Col<&ConsentRecord::valid_until>("valid_until"),
    Col<&ConsentRecord::withdrawn_at>("withdrawn_at"),
    Col<&ConsentRecord::withdrawn_by>("withdrawn_by"),
    Col<&ConsentRecord::recorded_by>("recorded_by"),
    Col<&ConsentRecord::recorded_at>("recorded_at"),
    Col<&ConsentRecord::note>("note"),
};
const Table<ConsentRecord> kConsents("consents", kConsentColumnList);
const std::string kConsentColumns = "id, " + kConsents.Names();

ConsentRecord ReadConsent(const Statement& st) {
    ConsentRecord c;
    c.id = st.Int(0);
    kConsents.Read(st, 1, c);
    return c;
}

// --- pre-registrations -----------------------------------------------------------------------

/// pre_registrations, declared once.
const Column<PreRegistrationRecord> kPreRegistrationColumnList[] = {
    Col<&PreRegistrationRecord::youth_id>("youth_id"),
    Col<&PreRegistrationRecord::organisation>("organisation"),
    Col<&PreRegistrationRecord::professional>("professional"),
    Col<&PreRegistrationRecord::professional_phone>("professional_phone"),
    Col<&PreRegistrationRecord::ongoing_care>("ongoing_care"),
    Col<&PreRegistrationRecord::ongoing_care_contact>("ongoing_care_contact"),
    Col<&PreRegistrationRecord::legal_measure>("legal_measure"),
    Col<&PreRegistrationRecord::legal_measure_note>("legal_measure_note"),
    Col<&PreRegistrationRecord::started_at>("started_at"),
    Col<&PreRegistrationRecord::ended_at>("ended_at"),
    Col<&PreRegistrationRecord::end_reason>("end_reason"),
    Col<&PreRegistrationRecord::created_by>("created_by"),
    Col<&PreRegistrationRecord::updated_at>("updated_at"),
};
const Table<PreRegistrationRecord> kPreRegistrations("pre_registrations", kPreRegistrationColumnList);
const std::string kPreRegistrationColumns = "id, " + kPreRegistrations.Names();

PreRegistrationRecord ReadPreRegistration(const Statement& st) {
    PreRegistrationRecord r;
    r.id = st.Int(0);
    kPreRegistrations.Read(st, 1, r);
    return r;
}

// --- plans -----------------------------------------------------------------------------------

PlanVersionRecord ReadPlan(const Statement& st, bool with_content) {
    PlanVersionRecord r;
    r.id = st.Int(0);
    r.youth_id = st.Int(1);
    r.version = static_cast<int>(st.Int(2));
    r.author_id = st.Int(3);
    r.author_name = st.Text(4);
    r.created_at = FromMicros(st.Int(5));
    r.change_note = st.Text(6);
    if (with_content) r.content = st.Blob(7);
    return r;
}

// --- break-the-glass -------------------------------------------------------------------------

constexpr std::string_view kBreakGlassSelect =
    "SELECT b.id, b.user_id, u.username, b.youth_id, b.reason, b.opened_at, b.expires_at, b.reviewed_at, "
    "b.reviewed_by, b.review_approved, b.review_note FROM break_glass AS b JOIN users AS u ON u.id = b.user_id";

BreakGlassRecord ReadBreakGlass(const Statement& st) {
    BreakGlassRecord r;
    r.id = st.Int(0);
    r.user_id = st.Int(1);
    r.username = st.Text(2);
    r.youth_id = st.Int(3);
    r.reason = st.Text(4);
    r.opened_at = FromMicros(st.Int(5));
    r.expires_at = FromMicros(st.Int(6));
    r.reviewed_at = OptTime(st, 7);
    r.reviewed_by = st.OptInt(8);
    if (auto a = st.OptInt(9)) r.review_approved = *a != 0;
    r.review_note = st.Text(10);
    return r;
}

// --- cases -----------------------------------------------------------------------------------

/// Problem areas and risk flags come along as lists in the same row, so a page of cases is
/// one statement.
/// cases, declared once (the problem areas and risk flags are tables of their own).
const Column<CaseRecord> kCaseColumns[] = {
    Col<&CaseRecord::youth_id>("youth_id"),
    Col<&CaseRecord::caller_description>("caller_description"),
    Col<&CaseRecord::status>("status"),
    Col<&CaseRecord::complexity>("complexity"),
    Col<&CaseRecord::case_lead>("case_lead"),
    Col<&CaseRecord::outcome>("outcome"),
    Col<&CaseRecord::opened_by>("opened_by"),
    Col<&CaseRecord::opened_at>("opened_at"),
    Col<&CaseRecord::closed_at>("closed_at"),
    Col<&CaseRecord::closed_by>("closed_by"),
    Col<&CaseRecord::closing_note>("closing_note"),
    Col<&CaseRecord::updated_at>("updated_at"),
};
const Table<CaseRecord> kCases("cases", kCaseColumns);

const std::string kCaseSelect =
    "SELECT k.id, " + kCases.Names("k.") +
    ", (SELECT group_concat(a.area, '\x1f') FROM case_problem_areas AS a WHERE a.case_id = k.id), "
    "(SELECT group_concat(f.flag, '\x1f') FROM case_risk_flags AS f WHERE f.case_id = k.id) "
    "FROM cases AS k";

CaseRecord ReadCase(const Statement& st) {
    CaseRecord c;
    c.id = st.Int(0);
    kCases.Read(st, 1, c);
    const int after = kCases.size() + 1;
    c.problem_areas = SplitList(st.Text(after));
    c.risk_flags = SplitList(st.Text(after + 1));
    return c;
}

/// contacts, declared once (the workers present and the responses are tables of their own).
const Column<ContactRecord> kContactColumns[] = {
    Col<&ContactRecord::case_id>("case_id"),
    Col<&ContactRecord::type>("type"),
    Col<&ContactRecord::started_at>("started_at"),
    Col<&ContactRecord::ended_at>("ended_at"),
    Col<&ContactRecord::caller_role>("caller_role"),
    Col<&ContactRecord::caller_phone>("caller_phone"),
    Col<&ContactRecord::summary>("summary"),
    Col<&ContactRecord::plan_version_consulted>("plan_version_consulted"),
    Col<&ContactRecord::logged_by>("logged_by"),
    Col<&ContactRecord::logged_at>("logged_at"),
};
const Table<ContactRecord> kContacts("contacts", kContactColumns);

const std::string kContactSelect =
    "SELECT ct.id, " + kContacts.Names("ct.") +
    ", (SELECT group_concat(w.user_id, '\x1f') FROM contact_workers AS w WHERE w.contact_id = ct.id), "
    "(SELECT group_concat(r.response, '\x1f') FROM contact_responses AS r WHERE r.contact_id = ct.id) "
    "FROM contacts AS ct";

ContactRecord ReadContact(const Statement& st) {
    ContactRecord c;
    c.id = st.Int(0);
    kContacts.Read(st, 1, c);
    const int after = kContacts.size() + 1;
    c.workers = SplitIds(st.Text(after));
    c.responses = SplitList(st.Text(after + 1));
    return c;
}

// --- consults --------------------------------------------------------------------------------

/// consults, declared once.
const Column<ConsultRecord> kConsultColumnList[] = {
    Col<&ConsultRecord::case_id>("case_id"),           Col<&ConsultRecord::question>("question"),
    Col<&ConsultRecord::urgency>("urgency"),           Col<&ConsultRecord::requested_by>("requested_by"),
    Col<&ConsultRecord::requested_at>("requested_at"), Col<&ConsultRecord::psychiatrist>("psychiatrist"),
    Col<&ConsultRecord::answered_at>("answered_at"),   Col<&ConsultRecord::advice>("advice"),
};
const Table<ConsultRecord> kConsults("consults", kConsultColumnList);
const std::string kConsultColumns = "id, " + kConsults.Names();

ConsultRecord ReadConsult(const Statement& st) {
    ConsultRecord c;
    c.id = st.Int(0);
    kConsults.Read(st, 1, c);
    return c;
}

}  // namespace

// --- youths ----------------------------------------------------------------------------------

void SqlYouthRepo::WriteDetails(const YouthRecord& y) {
    auto phone = c_.Prepare("INSERT INTO youth_phones (youth_id, number, label) VALUES (?, ?, ?)");
    for (const auto& p : y.phones) {
        phone.Bind(1, y.id).Bind(2, p.number).Bind(3, p.label);
        phone.Run();
        phone.Reset();
    }
    auto contact =
        c_.Prepare("INSERT INTO youth_contacts (youth_id, kind, name, relation, phone) VALUES (?, ?, ?, ?, ?)");
    for (const auto& k : y.contacts) {
        contact.Bind(1, y.id).Bind(2, k.kind).Bind(3, k.name).Bind(4, k.relation).Bind(5, k.phone);
        contact.Run();
        contact.Reset();
    }
    if (c_.postgres()) return;  // PostgreSQL indexes the trigrams of youths.folded_name itself
    auto name = c_.Prepare("INSERT INTO youth_names (rowid, folded_name) VALUES (?, ?)");
    name.Bind(1, y.id).Bind(2, y.folded_name).Run();
}

std::int64_t SqlYouthRepo::Insert(const YouthRecord& youth) {
    auto st = c_.Prepare(
        "INSERT INTO youths (given_name, family_name, folded_name, date_of_birth, municipality, bsn, created_by, "
        "created_at, updated_at, date_of_birth_estimated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    st.Bind(1, youth.given_name)
        .Bind(2, youth.family_name)
        .Bind(3, youth.folded_name)
        .Bind(4, youth.date_of_birth)
        .Bind(5, youth.municipality)
        .Bind(6, youth.bsn)
        .Bind(7, youth.created_by)
        .Bind(8, ToMicros(youth.created_at))
        .Bind(9, ToMicros(youth.updated_at))
        .Bind(10, std::int64_t{youth.date_of_birth_estimated});
    st.Run();
    YouthRecord stored = youth;
    stored.id = c_.LastInsertId();
    WriteDetails(stored);
    return stored.id;
}

void SqlYouthRepo::Update(const YouthRecord& youth) {
    auto st = c_.Prepare(
        "UPDATE youths SET given_name = ?, family_name = ?, folded_name = ?, date_of_birth = ?, municipality = ?, "
        "bsn = ?, updated_at = ?, date_of_birth_estimated = ? WHERE id = ?");
    st.Bind(1, youth.given_name)
        .Bind(2, youth.family_name)
        .Bind(3, youth.folded_name)
        .Bind(4, youth.date_of_birth)
        .Bind(5, youth.municipality)
        .Bind(6, youth.bsn)
        .Bind(7, ToMicros(youth.updated_at))
        .Bind(8, std::int64_t{youth.date_of_birth_estimated})
        .Bind(9, youth.id);
    st.Run();
    auto phones = c_.Prepare("DELETE FROM youth_phones WHERE youth_id = ?");
    phones.Bind(1, youth.id).Run();
    auto contacts = c_.Prepare("DELETE FROM youth_contacts WHERE youth_id = ?");
    contacts.Bind(1, youth.id).Run();
    if (!c_.postgres()) c_.Prepare("DELETE FROM youth_names WHERE rowid = ?").Bind(1, youth.id).Run();
    WriteDetails(youth);
}

std::optional<YouthRecord> SqlYouthRepo::Find(std::int64_t id) {
    auto st = c_.Prepare(
        "SELECT id, given_name, family_name, folded_name, date_of_birth, municipality, bsn, created_by, created_at, "
        "updated_at, date_of_birth_estimated, removed_at, coalesce(pseudonym, '') FROM youths WHERE id = ?");
    st.Bind(1, id);
    if (!st.Step()) return std::nullopt;
    YouthRecord y;
    y.id = st.Int(0);
    y.given_name = st.Text(1);
    y.family_name = st.Text(2);
    y.folded_name = st.Text(3);
    y.date_of_birth = st.Text(4);
    y.municipality = st.Text(5);
    y.bsn = st.OptText(6);
    y.created_by = st.Int(7);
    y.created_at = FromMicros(st.Int(8));
    y.updated_at = FromMicros(st.Int(9));
    y.date_of_birth_estimated = st.Int(10) != 0;
    y.removed_at = OptTime(st, 11);
    y.pseudonym = st.Text(12);

    auto phones = c_.Prepare("SELECT number, label FROM youth_phones WHERE youth_id = ? ORDER BY id");
    phones.Bind(1, id);
    while (phones.Step()) y.phones.push_back({phones.Text(0), phones.Text(1)});
    auto contacts =
        c_.Prepare("SELECT id, kind, name, relation, phone FROM youth_contacts WHERE youth_id = ? ORDER BY id");
    contacts.Bind(1, id);
    while (contacts.Step()) {
        y.contacts.push_back({contacts.Int(0), contacts.Text(1), contacts.Text(2), contacts.Text(3), contacts.Text(4)});
    }
    return y;
}

SqlYouthRepo::NamePlan SqlYouthRepo::PlanNames(const YouthSearch& search) {
    // Date of birth and phone number narrow to a handful of youths by their own indexes.
    // PostgreSQL's planner chooses between the trigram index and the name order itself.
    if (search.date_of_birth || search.phone || c_.postgres()) return {};
    std::string fts = FtsQuery(search.name_terms);
    bool any_term = std::any_of(search.name_terms.begin(), search.name_terms.end(), [](auto& t) { return !t.empty(); });
    NamePlan plan;
    if (fts.empty()) {
        if (any_term) plan.path = YouthNamePath::kNameOrder;
        return plan;
    }
    // Up to the cap, collecting and sorting the matches is cheap, and what is collected here is
    // the candidate set (the trigram index is read once); beyond it matches are dense enough
    // that the page is found within a short walk in name order.
    auto matches = c_.Prepare(kNameMatchesSql);
    matches.Bind(1, fts).Bind(2, std::int64_t{broad_matches_});
    std::string ids = "[";
    int n = 0;
    while (matches.Step()) {
        if (n++ > 0) ids += ',';
        ids += std::to_string(matches.Int(0));
    }
    if (n >= broad_matches_) {
        plan.path = YouthNamePath::kNameOrder;
        return plan;
    }
    ids += ']';
    plan.ids = std::move(ids);
    plan.matches = n;
    return plan;
}

std::vector<YouthHitRecord> SqlYouthRepo::Search(const YouthSearch& search, TimePoint now) {
    NamePlan plan = PlanNames(search);
    if (plan.ids && plan.matches == 0) return {};
    Params p;
    std::string sql = SearchSql(c_.dialect(), search, now, search.limit, search.offset, plan.path, plan.ids, p);
    return RunHits(c_, sql, p);
}

std::vector<std::string> SqlYouthRepo::ExplainSearch(const YouthSearch& search, TimePoint now) {
    NamePlan plan = PlanNames(search);
    std::vector<std::string> lines;
    auto explain = [&](const std::string& sql, const Params& p) {
        auto st = c_.Prepare("EXPLAIN QUERY PLAN " + sql);
        p.BindTo(st);
        while (st.Step()) lines.push_back(st.Text(3));
    };
    if (plan.ids) {
        // The trigram matches collected first, then the page from them.
        Params p;
        p.Add(FtsQuery(search.name_terms));
        p.Add(std::int64_t{broad_matches_});
        explain(std::string(kNameMatchesSql), p);
    }
    Params p;
    explain(SearchSql(c_.dialect(), search, now, search.limit, search.offset, plan.path, plan.ids, p), p);
    return lines;
}

std::vector<YouthHitRecord> SqlYouthRepo::FindByPhone(std::string_view phone, TimePoint now) {
    YouthSearch s;
    s.phone = std::string(phone);
    Params p;
    std::string sql = SearchSql(c_.dialect(), s, now, -1, 0, YouthNamePath::kTrigram, std::nullopt, p);  // all
    return RunHits(c_, sql, p);
}

YouthHitRecord SqlYouthRepo::Hit(std::int64_t youth_id, TimePoint now) {
    Params p;
    std::string id = p.Add(youth_id);
    std::string sql =
        "SELECT y.id, y.given_name, y.family_name, y.date_of_birth, y.municipality, y.date_of_birth_estimated, " +
        HitColumns("y.id", p, now) + " FROM youths AS y WHERE y.id = " + id;
    auto hits = RunHits(c_, sql, p);
    if (hits.empty()) return {};
    return hits.front();
}

// --- consents --------------------------------------------------------------------------------

std::int64_t SqlConsentRepo::Insert(const ConsentRecord& c) {
    auto st = c_.Prepare(kConsents.InsertSql());
    kConsents.Bind(st, c);
    st.Run();
    return c_.LastInsertId();
}

std::optional<ConsentRecord> SqlConsentRepo::Find(std::int64_t id) {
    auto st = c_.Prepare("SELECT " + kConsentColumns + " FROM consents WHERE id = ?");
    st.Bind(1, id);
    if (!st.Step()) return std::nullopt;
    return ReadConsent(st);
}

void SqlConsentRepo::Withdraw(std::int64_t id, TimePoint at, std::int64_t by, std::string_view note) {
    // The note of the consent itself says how it was given; the withdrawal note is added to it.
    auto st = c_.Prepare(
        "UPDATE consents SET withdrawn_at = ?1, withdrawn_by = ?2, "
        "note = CASE WHEN ?3 = '' THEN note WHEN note = '' THEN ?3 ELSE note || '\n' || ?3 END "
        "WHERE id = ?4 AND withdrawn_at IS NULL");
    st.Bind(1, ToMicros(at)).Bind(2, by).Bind(3, note).Bind(4, id).Run();
}

std::vector<ConsentRecord> SqlConsentRepo::ListForYouth(std::int64_t youth_id) {
    auto st =
        c_.Prepare("SELECT " + kConsentColumns + " FROM consents WHERE youth_id = ? ORDER BY given_at DESC, id DESC");
    st.Bind(1, youth_id);
    std::vector<ConsentRecord> out;
    while (st.Step()) out.push_back(ReadConsent(st));
    return out;
}

bool SqlConsentRepo::HasValid(std::int64_t youth_id, std::string_view scope, TimePoint now) {
    auto st = c_.Prepare(
        "SELECT 1 FROM consents WHERE youth_id = ?1 AND scope = ?2 AND given_at <= ?3 "
        "AND (valid_until IS NULL OR valid_until > ?3) AND (withdrawn_at IS NULL OR withdrawn_at > ?3) LIMIT 1");
    st.Bind(1, youth_id).Bind(2, scope).Bind(3, ToMicros(now));
    return st.Step();
}

// --- pre-registrations -----------------------------------------------------------------------

std::optional<std::int64_t> SqlPreRegistrationRepo::Insert(const PreRegistrationRecord& r) {
    {
        auto active = c_.Prepare("SELECT 1 FROM pre_registrations WHERE youth_id = ? AND ended_at IS NULL");
        active.Bind(1, r.youth_id);
        if (active.Step()) return std::nullopt;
    }
    auto st = c_.Prepare(kPreRegistrations.InsertSql());
    kPreRegistrations.Bind(st, r);
    st.Run();
    return c_.LastInsertId();
}

void SqlPreRegistrationRepo::Update(const PreRegistrationRecord& r) {
    auto st = c_.Prepare(
        "UPDATE pre_registrations SET organisation = ?, professional = ?, professional_phone = ?, ongoing_care = ?, "
        "ongoing_care_contact = ?, legal_measure = ?, legal_measure_note = ?, updated_at = ? WHERE id = ?");
    st.Bind(1, r.organisation)
        .Bind(2, r.professional)
        .Bind(3, r.professional_phone)
        .Bind(4, r.ongoing_care)
        .Bind(5, r.ongoing_care_contact)
        .Bind(6, r.legal_measure)
        .Bind(7, r.legal_measure_note)
        .Bind(8, ToMicros(r.updated_at))
        .Bind(9, r.id);
    st.Run();
}

std::optional<PreRegistrationRecord> SqlPreRegistrationRepo::Find(std::int64_t id) {
    auto st = c_.Prepare("SELECT " + kPreRegistrationColumns + " FROM pre_registrations WHERE id = ?");
    st.Bind(1, id);
    if (!st.Step()) return std::nullopt;
    return ReadPreRegistration(st);
}

std::optional<PreRegistrationRecord> SqlPreRegistrationRepo::FindActive(std::int64_t youth_id) {
    auto st = c_.Prepare("SELECT " + kPreRegistrationColumns +
                         " FROM pre_registrations WHERE youth_id = ? AND ended_at IS NULL");
    st.Bind(1, youth_id);
    if (!st.Step()) return std::nullopt;
    return ReadPreRegistration(st);
}

std::vector<PreRegistrationRecord> SqlPreRegistrationRepo::ListForYouth(std::int64_t youth_id) {
    auto st =
        c_.Prepare("SELECT " + kPreRegistrationColumns + " FROM pre_registrations WHERE youth_id = ? ORDER BY id DESC");
    st.Bind(1, youth_id);
    std::vector<PreRegistrationRecord> out;
    while (st.Step()) out.push_back(ReadPreRegistration(st));
    return out;
}

std::vector<PreRegistrationRecord> SqlPreRegistrationRepo::ListActive() {
    auto st = c_.Prepare("SELECT " + kPreRegistrationColumns +
                         " FROM pre_registrations WHERE ended_at IS NULL ORDER BY youth_id");
    std::vector<PreRegistrationRecord> out;
    while (st.Step()) out.push_back(ReadPreRegistration(st));
    return out;
}

// --- retention ---------------------------------------------------------------------------------

std::vector<std::int64_t> SqlYouthRepo::PastRetention(TimePoint cutoff, int limit, std::int64_t only_youth) {
    // The record's last change: the youth's details, a case (opened or changed), a contact, a
    // plan version. The newest of them must lie before the cutoff.
    auto st = c_.Prepare(
        "SELECT y.id FROM youths AS y WHERE y.removed_at IS NULL AND y.updated_at < ?1 AND (?3 = 0 OR y.id = ?3) "
        "AND NOT EXISTS (SELECT 1 FROM cases AS k WHERE k.youth_id = y.id AND (k.opened_at >= ?1 OR k.updated_at >= "
        "?1)) "
        "AND NOT EXISTS (SELECT 1 FROM contacts AS t JOIN cases AS k ON k.id = t.case_id "
        "WHERE k.youth_id = y.id AND t.started_at >= ?1) "
        "AND NOT EXISTS (SELECT 1 FROM plan_versions AS p WHERE p.youth_id = y.id AND p.created_at >= ?1) "
        "ORDER BY y.id LIMIT ?2");
    st.Bind(1, ToMicros(cutoff)).Bind(2, limit).Bind(3, only_youth);
    std::vector<std::int64_t> out;
    while (st.Step()) out.push_back(st.Int(0));
    return out;
}

void SqlYouthRepo::RemovePersonalData(std::int64_t youth_id, std::string_view pseudonym, TimePoint at) {
    c_.Exec("INSERT INTO retention_in_progress (one) VALUES (1)");
    // ?1 the youth, ?2 the moment, ?3 the pseudonym. The cases' codes and figure columns stay.
    constexpr const char* kCases = "(SELECT id FROM cases WHERE youth_id = ?1)";
    const std::string cases = kCases;
    const std::string statements[] = {
        // NOLINTNEXTLINE(bugprone-suspicious-missing-comma): one statement over three lines
        "UPDATE youths SET given_name = '', family_name = '', folded_name = '', date_of_birth = '0001-01-01', "
        "date_of_birth_estimated = 0, municipality = '', bsn = NULL, removed_at = ?2, pseudonym = ?3, updated_at = ?2 "
        "WHERE id = ?1",
        "DELETE FROM youth_phones WHERE youth_id = ?1",
        "DELETE FROM youth_contacts WHERE youth_id = ?1",
        "DELETE FROM youth_statements WHERE youth_id = ?1",
        "UPDATE consents SET given_by_guardian = '', note = '' WHERE youth_id = ?1",
        "UPDATE pre_registrations SET organisation = '', professional = '', professional_phone = '', "
        "ongoing_care = '', ongoing_care_contact = '', legal_measure_note = '', end_reason = '' WHERE youth_id = ?1",
        // Nothing is left to pre-register: an active pre-registration ends with the removal.
        "UPDATE pre_registrations SET ended_at = ?2, updated_at = ?2 WHERE youth_id = ?1 AND ended_at IS NULL",
        "UPDATE plan_versions SET content = ?4, change_note = '' WHERE youth_id = ?1",
        "UPDATE break_glass SET reason = '', review_note = '' WHERE youth_id = ?1",
        "UPDATE cases SET caller_description = '', closing_note = '' WHERE youth_id = ?1",
        "UPDATE contacts SET summary = '', caller_phone = '' WHERE case_id IN " + cases,
        "UPDATE consults SET question = '', advice = CASE WHEN advice IS NULL THEN NULL ELSE '' END "
        "WHERE case_id IN " +
            cases,
        "UPDATE handovers SET recipient_name = '', recipient_contact = '', recipient_phone = '', agreements = '', "
        "escalation_reason = '', legal_ground = '' WHERE case_id IN " +
            cases,
        "UPDATE handover_steps SET note = '' WHERE handover_id IN (SELECT id FROM handovers WHERE case_id IN " + cases +
            ")",
        "UPDATE meldcode_tracks SET observed_signals = '', conversation_with = '', conversation_note = '', "
        "q1_reason = '', q2_reason = '', q3_reason = '', q4_reason = '', q5_reason = '', decision_note = '' "
        "WHERE case_id IN " +
            cases,
        "UPDATE meldcode_consultations SET with_whom = '', advice = '' WHERE track_id IN "
        "(SELECT id FROM meldcode_tracks WHERE case_id IN " +
            cases + ")",
        "UPDATE evaluations SET care_timeline = '', went_well = '', could_be_better = '', right_help_note = '', "
        "prevent_next = '', plan_changes = '' WHERE case_id IN " +
            cases,
        "DELETE FROM evaluation_participants WHERE evaluation_id IN (SELECT id FROM evaluations WHERE case_id IN " +
            cases + ")",
        "UPDATE evaluation_comments SET text = '' WHERE evaluation_id IN (SELECT id FROM evaluations WHERE case_id "
        "IN " +
            cases + ")",
    };
    for (const auto& sql : statements) {
        auto st = c_.Prepare(sql);
        st.Bind(1, youth_id);
        if (sql.find("?2") != std::string::npos) st.Bind(2, ToMicros(at));
        if (sql.find("?3") != std::string::npos) st.Bind(3, pseudonym);
        if (sql.find("?4") != std::string::npos) st.BindBlob(4, "");  // an empty plan
        st.Run();
    }
    if (!c_.postgres()) c_.Prepare("DELETE FROM youth_names WHERE rowid = ?1").Bind(1, youth_id).Run();
    c_.Exec("DELETE FROM retention_in_progress");
}

// --- destruction requests --------------------------------------------------------------------

std::int64_t SqlDestructionRequestRepo::Insert(const DestructionRequestRecord& r) {
    auto st = c_.Prepare(
        "INSERT INTO destruction_requests (youth_id, requested_by, by_kind, decision, reason, decided_by, decided_at, "
        "pseudonym) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    st.Bind(1, r.youth_id)
        .Bind(2, r.requested_by)
        .Bind(3, r.by)
        .Bind(4, r.decision)
        .Bind(5, r.reason)
        .Bind(6, r.decided_by)
        .Bind(7, ToMicros(r.decided_at))
        .Bind(8, r.pseudonym);
    st.Run();
    return c_.LastInsertId();
}

std::vector<DestructionRequestRecord> SqlDestructionRequestRepo::List(int limit) {
    auto st = c_.Prepare(
        "SELECT d.id, d.youth_id, d.requested_by, d.by_kind, d.decision, d.reason, d.decided_by, d.decided_at, "
        "d.pseudonym, u.display_name FROM destruction_requests AS d JOIN users AS u ON u.id = d.decided_by "
        "ORDER BY d.id DESC LIMIT ?1");
    st.Bind(1, limit);
    std::vector<DestructionRequestRecord> out;
    while (st.Step()) {
        out.push_back({st.Int(0), st.Int(1), st.Text(2), st.Text(3), st.Text(4), st.Text(5), st.Int(6),
                       FromMicros(st.Int(7)), st.Text(8), st.Text(9)});
    }
    return out;
}

// --- statements --------------------------------------------------------------------------------

std::int64_t SqlStatementRepo::Insert(const StatementRecord& s) {
    auto st = c_.Prepare(
        "INSERT INTO youth_statements (youth_id, by_kind, author_name, about, text, recorded_at, recorded_by) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    st.Bind(1, s.youth_id)
        .Bind(2, s.by)
        .Bind(3, s.author_name)
        .Bind(4, s.about)
        .Bind(5, s.text)
        .Bind(6, ToMicros(s.recorded_at))
        .Bind(7, s.recorded_by);
    st.Run();
    return c_.LastInsertId();
}

std::vector<StatementRecord> SqlStatementRepo::ListForYouth(std::int64_t youth_id) {
    auto st = c_.Prepare(
        "SELECT s.id, s.youth_id, s.by_kind, s.author_name, s.about, s.text, s.recorded_at, s.recorded_by, "
        "u.display_name FROM youth_statements AS s JOIN users AS u ON u.id = s.recorded_by WHERE s.youth_id = ? "
        "ORDER BY s.id");
    st.Bind(1, youth_id);
    std::vector<StatementRecord> out;
    while (st.Step()) {
        out.push_back({st.Int(0), st.Int(1), st.Text(2), st.Text(3), st.Text(4), st.Text(5), FromMicros(st.Int(6)),
                       st.Int(7), st.Text(8)});
    }
    return out;
}

void SqlPreRegistrationRepo::End(std::int64_t id, TimePoint at, std::string_view reason) {
    auto st = c_.Prepare(
        "UPDATE pre_registrations SET ended_at = ?1, end_reason = ?2, updated_at = ?1 "
        "WHERE id = ?3 AND ended_at IS NULL");
    st.Bind(1, ToMicros(at)).Bind(2, reason).Bind(3, id).Run();
}

// --- plans -----------------------------------------------------------------------------------

std::int64_t SqlPlanRepo::Insert(const PlanVersionRecord& plan) {
    auto st = c_.Prepare(
        "INSERT INTO plan_versions (youth_id, version, author_id, created_at, change_note, content) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    st.Bind(1, plan.youth_id)
        .Bind(2, plan.version)
        .Bind(3, plan.author_id)
        .Bind(4, ToMicros(plan.created_at))
        .Bind(5, plan.change_note)
        .BindBlob(6, plan.content);
    st.Run();
    return c_.LastInsertId();
}

std::optional<PlanVersionRecord> SqlPlanRepo::Find(std::int64_t youth_id, int version) {
    std::string sql =
        "SELECT p.id, p.youth_id, p.version, p.author_id, u.display_name, p.created_at, p.change_note, p.content "
        "FROM plan_versions AS p JOIN users AS u ON u.id = p.author_id WHERE p.youth_id = ?1";
    sql += version == 0 ? " ORDER BY p.version DESC LIMIT 1" : " AND p.version = ?2";
    auto st = c_.Prepare(sql);
    st.Bind(1, youth_id);
    if (version != 0) st.Bind(2, version);
    if (!st.Step()) return std::nullopt;
    return ReadPlan(st, true);
}

int SqlPlanRepo::LatestVersion(std::int64_t youth_id) {
    auto st = c_.Prepare("SELECT coalesce(max(version), 0) FROM plan_versions WHERE youth_id = ?");
    st.Bind(1, youth_id);
    st.Step();
    return static_cast<int>(st.Int(0));
}

std::vector<PlanVersionRecord> SqlPlanRepo::List(std::int64_t youth_id) {
    auto st = c_.Prepare(
        "SELECT p.id, p.youth_id, p.version, p.author_id, u.display_name, p.created_at, p.change_note "
        "FROM plan_versions AS p JOIN users AS u ON u.id = p.author_id WHERE p.youth_id = ? "
        "ORDER BY p.version DESC");
    st.Bind(1, youth_id);
    std::vector<PlanVersionRecord> out;
    while (st.Step()) out.push_back(ReadPlan(st, false));
    return out;
}

// --- break-the-glass -------------------------------------------------------------------------

std::int64_t SqlBreakGlassRepo::Insert(const BreakGlassRecord& r) {
    auto st = c_.Prepare(
        "INSERT INTO break_glass (user_id, youth_id, reason, opened_at, expires_at, reviewed_at, reviewed_by, "
        "review_approved, review_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    st.Bind(1, r.user_id)
        .Bind(2, r.youth_id)
        .Bind(3, r.reason)
        .Bind(4, ToMicros(r.opened_at))
        .Bind(5, ToMicros(r.expires_at))
        .Bind(6, OptMicros(r.reviewed_at))
        .Bind(7, r.reviewed_by)
        .Bind(8, r.review_approved)
        .Bind(9, r.review_note);
    st.Run();
    return c_.LastInsertId();
}

std::optional<BreakGlassRecord> SqlBreakGlassRepo::Find(std::int64_t id) {
    auto st = c_.Prepare(std::string(kBreakGlassSelect) + " WHERE b.id = ?");
    st.Bind(1, id);
    if (!st.Step()) return std::nullopt;
    return ReadBreakGlass(st);
}

std::optional<BreakGlassRecord> SqlBreakGlassRepo::FindOpen(std::int64_t user_id, std::int64_t youth_id,
                                                            TimePoint now) {
    auto st = c_.Prepare(std::string(kBreakGlassSelect) +
                         " WHERE b.user_id = ?1 AND b.youth_id = ?2 AND b.expires_at > ?3 AND b.opened_at <= ?3 "
                         "ORDER BY b.expires_at DESC, b.id DESC LIMIT 1");
    st.Bind(1, user_id).Bind(2, youth_id).Bind(3, ToMicros(now));
    if (!st.Step()) return std::nullopt;
    return ReadBreakGlass(st);
}

std::vector<BreakGlassRecord> SqlBreakGlassRepo::List(bool include_reviewed) {
    auto st = c_.Prepare(std::string(kBreakGlassSelect) + (include_reviewed ? "" : " WHERE b.reviewed_at IS NULL") +
                         " ORDER BY b.opened_at, b.id");
    std::vector<BreakGlassRecord> out;
    while (st.Step()) out.push_back(ReadBreakGlass(st));
    return out;
}

void SqlBreakGlassRepo::Review(std::int64_t id, TimePoint at, std::int64_t by, bool approved, std::string_view note) {
    auto st = c_.Prepare(
        "UPDATE break_glass SET reviewed_at = ?, reviewed_by = ?, review_approved = ?, review_note = ? WHERE id = ?");
    st.Bind(1, ToMicros(at)).Bind(2, by).Bind(3, approved).Bind(4, note).Bind(5, id).Run();
}

// --- cases -----------------------------------------------------------------------------------

void SqlCaseRepo::WriteAreasAndFlags(const CaseRecord& c) {
    auto del_areas = c_.Prepare("DELETE FROM case_problem_areas WHERE case_id = ?");
    del_areas.Bind(1, c.id).Run();
    auto del_flags = c_.Prepare("DELETE FROM case_risk_flags WHERE case_id = ?");
    del_flags.Bind(1, c.id).Run();
    auto area = c_.Prepare(
        "INSERT INTO case_problem_areas (case_id, area) VALUES (?, ?) ON CONFLICT (case_id, area) DO NOTHING");
    for (const auto& a : c.problem_areas) {
        area.Bind(1, c.id).Bind(2, a);
        area.Run();
        area.Reset();
    }
    auto flag =
        c_.Prepare("INSERT INTO case_risk_flags (case_id, flag) VALUES (?, ?) ON CONFLICT (case_id, flag) DO NOTHING");
    for (const auto& f : c.risk_flags) {
        flag.Bind(1, c.id).Bind(2, f);
        flag.Run();
        flag.Reset();
    }
}

std::int64_t SqlCaseRepo::Insert(const CaseRecord& c) {
    auto st = c_.Prepare(kCases.InsertSql());
    kCases.Bind(st, c);
    st.Run();
    CaseRecord stored = c;
    stored.id = c_.LastInsertId();
    WriteAreasAndFlags(stored);
    return stored.id;
}

void SqlCaseRepo::Update(const CaseRecord& c) {
    auto st = c_.Prepare(kCases.UpdateSql());
    st.Bind(kCases.Bind(st, c) + 1, c.id);
    st.Run();
    WriteAreasAndFlags(c);
}

void SqlCaseRepo::Touch(std::int64_t case_id, TimePoint at) {
    auto st = c_.Prepare("UPDATE cases SET updated_at = ? WHERE id = ?");
    st.Bind(1, ToMicros(at)).Bind(2, case_id);
    st.Run();
}

std::optional<CaseRecord> SqlCaseRepo::Find(std::int64_t id) {
    auto st = c_.Prepare(kCaseSelect + " WHERE k.id = ?");
    st.Bind(1, id);
    if (!st.Step()) return std::nullopt;
    return ReadCase(st);
}

std::vector<CaseRecord> SqlCaseRepo::List(const CaseFilter& f) {
    Params p;
    std::string sql = kCaseSelect + " WHERE 1 = 1";
    if (f.open_only) sql += " AND k.status = 'open'";
    if (f.involving_user != 0) {
        std::string u = p.Add(f.involving_user);
        sql += " AND (k.opened_by = " + u + " OR k.case_lead = " + u +
               " OR EXISTS (SELECT 1 FROM contacts AS ct JOIN contact_workers AS w ON w.contact_id = ct.id "
               "WHERE ct.case_id = k.id AND w.user_id = " +
               u + "))";
    }
    if (f.since) sql += " AND k.opened_at >= " + p.Add(ToMicros(*f.since));
    if (f.youth_id != 0) sql += " AND k.youth_id = " + p.Add(f.youth_id);
    if (f.before_id != 0) sql += " AND k.id < " + p.Add(f.before_id);
    sql += " ORDER BY k.id DESC LIMIT " + p.Add(std::int64_t{f.limit});
    auto st = c_.Prepare(sql);
    p.BindTo(st);
    std::vector<CaseRecord> out;
    while (st.Step()) out.push_back(ReadCase(st));
    return out;
}

std::int64_t SqlCaseRepo::AddEvent(const CaseEventRecord& e) {
    auto st = c_.Prepare("INSERT INTO case_events (case_id, at, kind, text, by_user) VALUES (?, ?, ?, ?, ?)");
    st.Bind(1, e.case_id).Bind(2, ToMicros(e.at)).Bind(3, e.kind).Bind(4, e.text).Bind(5, e.by_user).Run();
    return c_.LastInsertId();
}

std::vector<CaseEventRecord> SqlCaseRepo::Events(std::int64_t case_id) {
    auto st =
        c_.Prepare("SELECT id, case_id, at, kind, text, by_user FROM case_events WHERE case_id = ? ORDER BY at, id");
    st.Bind(1, case_id);
    std::vector<CaseEventRecord> out;
    while (st.Step()) {
        CaseEventRecord e;
        e.id = st.Int(0);
        e.case_id = st.Int(1);
        e.at = FromMicros(st.Int(2));
        e.kind = st.Text(3);
        e.text = st.Text(4);
        e.by_user = st.Int(5);
        out.push_back(std::move(e));
    }
    return out;
}

std::int64_t SqlCaseRepo::InsertContact(const ContactRecord& c) {
    auto st = c_.Prepare(kContacts.InsertSql());
    kContacts.Bind(st, c);
    st.Run();
    std::int64_t id = c_.LastInsertId();
    auto worker = c_.Prepare(
        "INSERT INTO contact_workers (contact_id, user_id) VALUES (?, ?) ON CONFLICT (contact_id, user_id) DO NOTHING");
    for (std::int64_t w : c.workers) {
        worker.Bind(1, id).Bind(2, w);
        worker.Run();
        worker.Reset();
    }
    auto response = c_.Prepare(
        "INSERT INTO contact_responses (contact_id, response) VALUES (?, ?) ON CONFLICT (contact_id, response) DO "
        "NOTHING");
    for (const auto& r : c.responses) {
        response.Bind(1, id).Bind(2, r);
        response.Run();
        response.Reset();
    }
    return id;
}

std::vector<ContactRecord> SqlCaseRepo::Contacts(std::int64_t case_id) {
    auto st = c_.Prepare(kContactSelect + " WHERE ct.case_id = ? ORDER BY ct.started_at, ct.id");
    st.Bind(1, case_id);
    std::vector<ContactRecord> out;
    while (st.Step()) out.push_back(ReadContact(st));
    return out;
}

std::vector<CallerCaseRecord> SqlCaseRepo::FindByCallerPhone(std::string_view phone, int limit) {
    // `caller_phone <> ''` lets SQLite use the partial index contacts_by_caller.
    auto st = c_.Prepare(
        "SELECT k.id, k.youth_id, k.opened_at, k.status FROM cases AS k WHERE k.id IN "
        "(SELECT ct.case_id FROM contacts AS ct WHERE ct.caller_phone = ?1 AND ct.caller_phone <> '') "
        "ORDER BY k.opened_at DESC, k.id DESC LIMIT ?2");
    st.Bind(1, phone).Bind(2, limit);
    std::vector<CallerCaseRecord> out;
    while (st.Step()) out.push_back({st.Int(0), st.OptInt(1), FromMicros(st.Int(2)), st.Text(3)});
    return out;
}

// --- consults --------------------------------------------------------------------------------

std::int64_t SqlConsultRepo::Insert(const ConsultRecord& c) {
    auto st = c_.Prepare(kConsults.InsertSql());
    kConsults.Bind(st, c);
    st.Run();
    return c_.LastInsertId();
}

std::optional<ConsultRecord> SqlConsultRepo::Find(std::int64_t id) {
    auto st = c_.Prepare("SELECT " + kConsultColumns + " FROM consults WHERE id = ?");
    st.Bind(1, id);
    if (!st.Step()) return std::nullopt;
    return ReadConsult(st);
}

void SqlConsultRepo::Answer(std::int64_t id, std::int64_t psychiatrist, TimePoint at, std::string_view advice) {
    auto st = c_.Prepare("UPDATE consults SET psychiatrist = ?, answered_at = ?, advice = ? WHERE id = ?");
    st.Bind(1, psychiatrist).Bind(2, ToMicros(at)).Bind(3, advice).Bind(4, id).Run();
}

std::vector<ConsultRecord> SqlConsultRepo::List(bool open_only, std::int64_t case_id) {
    std::string sql = "SELECT " + kConsultColumns + " FROM consults WHERE 1 = 1";
    if (open_only) sql += " AND answered_at IS NULL";
    if (case_id != 0) sql += " AND case_id = ?1";
    // Open ones first, longest waiting first; then answered ones, most recent answer first.
    sql +=
        " ORDER BY answered_at IS NOT NULL, CASE WHEN answered_at IS NULL THEN requested_at END, "
        "answered_at DESC, CASE WHEN answered_at IS NULL THEN id ELSE -id END";
    auto st = c_.Prepare(sql);
    if (case_id != 0) st.Bind(1, case_id);
    std::vector<ConsultRecord> out;
    while (st.Step()) out.push_back(ReadConsult(st));
    return out;
}

// --- shifts ----------------------------------------------------------------------------------

void SqlShiftRepo::Put(const ShiftRecord& s) {
    // shift_workers references shifts, so the workers go first and the shift row is updated in
    // place rather than replaced.
    auto del = c_.Prepare("DELETE FROM shift_workers WHERE shift_date = ?");
    del.Bind(1, s.shift_date).Run();
    auto st = c_.Prepare(
        "INSERT INTO shifts (shift_date, psychiatrist, psychiatrist_phone, set_by, set_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (shift_date) DO UPDATE SET psychiatrist = excluded.psychiatrist, "
        "psychiatrist_phone = excluded.psychiatrist_phone, set_by = excluded.set_by, set_at = excluded.set_at");
    st.Bind(1, s.shift_date)
        .Bind(2, s.psychiatrist)
        .Bind(3, s.psychiatrist_phone)
        .Bind(4, s.set_by)
        .Bind(5, ToMicros(s.set_at));
    st.Run();
    auto worker = c_.Prepare(
        "INSERT INTO shift_workers (shift_date, user_id) VALUES (?, ?) ON CONFLICT (shift_date, user_id) DO NOTHING");
    for (std::int64_t w : s.workers) {
        worker.Bind(1, s.shift_date).Bind(2, w);
        worker.Run();
        worker.Reset();
    }
}

std::optional<ShiftRecord> SqlShiftRepo::Find(std::string_view shift_date) {
    auto st = c_.Prepare(
        "SELECT shift_date, psychiatrist, psychiatrist_phone, set_by, set_at FROM shifts WHERE shift_date = ?");
    st.Bind(1, shift_date);
    if (!st.Step()) return std::nullopt;
    ShiftRecord s;
    s.shift_date = st.Text(0);
    s.psychiatrist = st.OptInt(1);
    s.psychiatrist_phone = st.Text(2);
    s.set_by = st.Int(3);
    s.set_at = FromMicros(st.Int(4));
    auto workers = c_.Prepare("SELECT user_id FROM shift_workers WHERE shift_date = ? ORDER BY user_id");
    workers.Bind(1, shift_date);
    while (workers.Step()) s.workers.push_back(workers.Int(0));
    return s;
}

std::int64_t SqlShiftRepo::AddNote(const ShiftNoteRecord& n) {
    auto st = c_.Prepare("INSERT INTO shift_notes (shift_date, author_id, written_at, text) VALUES (?, ?, ?, ?)");
    st.Bind(1, n.shift_date).Bind(2, n.author_id).Bind(3, ToMicros(n.written_at)).Bind(4, n.text).Run();
    return c_.LastInsertId();
}

std::vector<ShiftNoteRecord> SqlShiftRepo::Notes(std::string_view since_date) {
    auto st = c_.Prepare(
        "SELECT n.id, n.shift_date, n.author_id, u.display_name, n.written_at, n.text "
        "FROM shift_notes AS n JOIN users AS u ON u.id = n.author_id WHERE n.shift_date >= ? "
        "ORDER BY n.written_at, n.id");
    st.Bind(1, since_date);
    std::vector<ShiftNoteRecord> out;
    while (st.Step()) {
        ShiftNoteRecord n;
        n.id = st.Int(0);
        n.shift_date = st.Text(1);
        n.author_id = st.Int(2);
        n.author_name = st.Text(3);
        n.written_at = FromMicros(st.Int(4));
        n.text = st.Text(5);
        out.push_back(std::move(n));
    }
    return out;
}

// --- idempotency -----------------------------------------------------------------------------

std::optional<IdempotencyRecord> SqlIdempotencyRepo::Find(std::int64_t user_id, std::string_view method,
                                                          std::string_view key) {
    auto st =
        c_.Prepare("SELECT request_hash, response FROM idempotency_keys WHERE user_id = ? AND method = ? AND key = ?");
    st.Bind(1, user_id).Bind(2, method).Bind(3, key);
    if (!st.Step()) return std::nullopt;
    return IdempotencyRecord{st.Blob(0), st.Blob(1)};
}

void SqlIdempotencyRepo::Insert(std::int64_t user_id, std::string_view method, std::string_view key,
                                const IdempotencyRecord& r, TimePoint now) {
    auto st = c_.Prepare(
        "INSERT INTO idempotency_keys (user_id, method, key, request_hash, response, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    st.Bind(1, user_id)
        .Bind(2, method)
        .Bind(3, key)
        .BindBlob(4, r.request_hash)
        .BindBlob(5, r.response)
        .Bind(6, ToMicros(now));
    st.Run();
}

}  // namespace spoed::db
