// spoedd move-to-postgresql's copy (db/store_move.hpp): a SQLite database holding every kind
// of record is moved into an empty PostgreSQL database; the copy is checked table by table and
// by the audit chain, and both stores then answer the same.
#include "db/store_move.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "db/pg.hpp"
#include "db/pg_store.hpp"
#include "db/sqlite_store.hpp"
#include "tests/support/figures_dataset.hpp"
#include "tests/support/pg_server.hpp"
#include "tests/support/process.hpp"
#include "tests/support/service_fixture.hpp"
#include "tests/support/temp_dir.hpp"

namespace spoed {
namespace {

using std::chrono::hours;

/// Writes, beside the generated year of crisis work, one of each record the year does not hold.
void AddEveryOtherKind(db::Store& store, TimePoint now) {
    Status st = store.Write([&](db::Tx& tx) -> Status {
        const std::int64_t user = tx.users().List(false).at(0).id;
        tx.users().SetRoles(user, {"crisis_worker", "meldcode_officer"}, now);
        db::SessionRecord s;
        s.user_id = user;
        s.token_hash = std::string(32, '\x01');
        s.created_at = s.last_seen_at = now;
        s.expires_at = now + hours(12);
        s.client_address = "192.0.2.10";
        tx.sessions().Insert(s);
        tx.totp().PutPending(user, std::string("\x00\x01secret\xff", 9), now);
        tx.idempotency().Insert(user, "OpenCase", "key-0001", {std::string(32, '\x02'), "\x08\x01"}, now);

        db::YouthRecord y;
        y.given_name = "Verhuis";
        y.family_name = "Jongere (fictief)";
        y.folded_name = "verhuis jongere (fictief)";
        y.date_of_birth = "2011-03-04";
        y.municipality = "Groningen";
        y.created_by = user;
        y.created_at = y.updated_at = now;
        y.phones.push_back({"+31611112222", "mobiel"});
        y.contacts.push_back({0, "guardian", "Moeder Jongere (fictief)", "moeder", "+31633334444"});
        const std::int64_t youth = tx.youths().Insert(y);
        db::ConsentRecord consent;
        consent.youth_id = youth;
        consent.scope = "pre_registration";
        consent.given_by_youth = true;
        consent.given_at = consent.recorded_at = now;
        consent.recorded_by = user;
        tx.consents().Insert(consent);
        db::PreRegistrationRecord pre;
        pre.youth_id = youth;
        pre.organisation = "Jeugd-GGZ Noord (fictief)";
        pre.professional = "J. Behandelaar (fictief)";
        pre.legal_measure = "none";
        pre.started_at = pre.updated_at = now;
        pre.created_by = user;
        tx.pre_registrations().Insert(pre);
        db::BreakGlassRecord glass;
        glass.user_id = user;
        glass.youth_id = youth;
        glass.reason = "vader belt, plan nodig (fictief)";
        glass.opened_at = now;
        glass.expires_at = now + hours(2);
        tx.break_glass().Insert(glass);
        tx.statements().Insert(
            {0, youth, "parent", "Moeder (fictief)", "", "Ik wil dit toevoegen (fictief)", now, user});
        tx.destruction_requests().Insert(
            {0, youth, "Moeder (fictief)", "parent", "refused", "lopende zorg", user, now});

        db::CaseRecord c;
        c.youth_id = youth;
        c.opened_by = user;
        c.opened_at = c.updated_at = now;
        c.problem_areas = {"family_conflict"};
        c.risk_flags = {"self_harm"};
        const std::int64_t case_id = tx.cases().Insert(c);
        tx.cases().AddEvent({0, case_id, now, "lead_set", "", user});
        db::ContactRecord contact;
        contact.case_id = case_id;
        contact.type = "incoming_call";
        contact.started_at = contact.logged_at = now;
        contact.caller_role = "parent";
        contact.workers = {user};
        contact.responses = {"advice"};
        contact.logged_by = user;
        tx.cases().InsertContact(contact);
        tx.shifts().Put({"2026-11-23", {user}, std::nullopt, "", user, now});
        tx.shifts().AddNote({0, "2026-11-23", user, "", now, "rustige nacht (fictief)"});

        db::MeldcodeTrackRecord track;
        track.case_id = case_id;
        track.observed_signals = "blauwe plekken (fictief)";
        track.started_at = track.updated_at = now;
        track.started_by = user;
        const auto track_id = tx.meldcode().Insert(track);
        if (!track_id) return Error::Internal("no track");
        tx.meldcode().AddConsultation({0, *track_id, "colleague", false, user, "", "bespreken (fictief)", now, user});

        db::EvaluationRecord e;
        e.case_id = case_id;
        e.reasons = {"manual"};
        e.due_by = "2026-12-07";
        e.created_at = e.updated_at = now;
        e.participants.push_back({"Spoed voor Jeugd", "Anna (fictief)", "", user, "professional"});
        const auto evaluation = tx.evaluations().Insert(e);
        if (!evaluation) return Error::Internal("no evaluation");
        tx.evaluations().AddComment({0, *evaluation, user, "", now, "goed opgepakt (fictief)"});
        db::ProposalRecord p;
        p.text = "Eerder bellen met de huisarts (fictief)";
        p.addressee_kind = "own_team";
        p.theme = "samenwerking";
        p.evaluation_ids = {*evaluation};
        p.created_by = user;
        p.created_at = now;
        const std::int64_t proposal = tx.proposals().Insert(p);
        tx.proposals().SetStatus(proposal, {"discussed", now, user, "", ""});
        tx.stats().PutNote({"2026-11", "Een drukke maand (fictief)", user, now});

        db::AuditRecord a;
        a.at = now;
        a.user_id = user;
        a.service = "spoed.v1.CaseService";
        a.method = "OpenCase";
        a.action = "create";
        a.youth_id = youth;
        a.result = "ok";
        tx.audit().Append(a);
        tx.events().Append({0, now, "case_opened", 1, case_id, "2026-11-23", "payload"});
        return Ok();
    });
    ASSERT_TRUE(st.ok()) << st.error().message;
}

/// What a store's export gives for an entity over all time: the rows as text.
std::vector<std::vector<std::string>> Exported(db::Store& store, std::string_view entity) {
    auto page = store.Read([&](db::Tx& tx) -> Result<db::ExportPage> {
        return tx.stats().Export(entity, FromMicros(0), FromMicros(4'000'000'000'000'000), 0, 100'000);
    });
    EXPECT_TRUE(page.ok());
    return page.ok() ? page->rows : std::vector<std::vector<std::string>>{};
}

TEST(StoreMove, EveryKindOfRecordArrivesTheSameAndTheAuditChainVerifies) {
    test::TempDir dir;
    const std::string path = dir.file("spoed.db");
    const TimePoint now = test::TestStart();
    {
        auto sqlite = db::SqliteStore::Open({.path = path});
        test::GenerateFiguresDataset(*sqlite, {.cases = 60, .youths = 20, .months = 2, .proposals = 6}, now);
        AddEveryOtherKind(*sqlite, now);
    }
    const std::string dsn = test::NewTestDatabase();
    std::vector<std::string> heard;
    auto report = db::MoveSqliteToPostgres(path, dsn, [&](const std::string& t, std::int64_t) { heard.push_back(t); });
    EXPECT_TRUE(report.ok) << report.problem;
    EXPECT_EQ(heard.size(), report.tables.size());
    for (const auto& t : report.tables) {
        EXPECT_GT(t.rows, 0) << t.name << ": the test's database holds every kind of record";
        EXPECT_TRUE(t.same) << t.name;
    }
    EXPECT_TRUE(report.audit.ok) << report.audit.message;
    EXPECT_GT(report.audit.entries, 0);

    // Both stores answer the same: the exports (ids, times, codes, lists) and a look-up.
    auto sqlite = db::SqliteStore::Open({.path = path});
    auto pg = db::PgStore::Open({.dsn = dsn, .connections = 2});
    for (const char* entity : {"cases", "contacts", "consults", "handovers", "evaluations", "proposals"}) {
        EXPECT_EQ(Exported(*sqlite, entity), Exported(*pg, entity)) << entity;
    }
    auto search = [&](db::Store& store) {
        auto hits = store.Read([&](db::Tx& tx) -> Result<std::vector<db::YouthHitRecord>> {
            db::YouthSearch s;
            s.name_terms = {"jong"};
            return tx.youths().Search(s, now);
        });
        std::vector<std::int64_t> ids;
        if (hits.ok()) {
            for (const auto& h : *hits) ids.push_back(h.youth_id);
        }
        return ids;
    };
    EXPECT_FALSE(search(*sqlite).empty());
    EXPECT_EQ(search(*sqlite), search(*pg));

    // New records continue after the copied ids.
    auto max_case = sqlite->Read([](db::Tx& tx) -> Result<std::vector<db::CaseRecord>> {
        db::CaseFilter f;
        f.limit = 1;
        return tx.cases().List(f);
    });
    ASSERT_TRUE(max_case.ok() && !max_case->empty());
    auto next = pg->Write([&](db::Tx& tx) -> Result<std::int64_t> {
        db::CaseRecord c;
        c.opened_by = tx.users().List(false).at(0).id;
        c.opened_at = c.updated_at = now;
        return tx.cases().Insert(c);
    });
    ASSERT_TRUE(next.ok()) << next.error().message;
    EXPECT_GT(*next, max_case->front().id);
}

TEST(StoreMove, IntoADatabaseWithRecordsItRefusesAndChangesNothing) {
    test::TempDir dir;
    const std::string path = dir.file("spoed.db");
    const TimePoint now = test::TestStart();
    {
        auto sqlite = db::SqliteStore::Open({.path = path});
        test::GenerateFiguresDataset(*sqlite, {.cases = 10, .youths = 5, .months = 1, .proposals = 1}, now);
    }
    const std::string dsn = test::NewTestDatabase();
    ASSERT_TRUE(db::MoveSqliteToPostgres(path, dsn).ok);
    db::pg::Connection c(dsn);
    const auto before = c.Query("SELECT count(*) FROM cases").Int(0, 0);
    EXPECT_THROW(db::MoveSqliteToPostgres(path, dsn), std::runtime_error);
    EXPECT_EQ(c.Query("SELECT count(*) FROM cases").Int(0, 0), before);
}

TEST(StoreMove, TheCommandMovesADataDirectoryAndAuditVerifyChecksPostgres) {
    test::TempDir dir;
    const TimePoint now = test::TestStart();
    std::filesystem::create_directories(dir.file("data"));
    {
        auto sqlite = db::SqliteStore::Open({.path = dir.file("data/spoed.db")});
        test::GenerateFiguresDataset(*sqlite, {.cases = 10, .youths = 5, .months = 1, .proposals = 1}, now);
        AddEveryOtherKind(*sqlite, now);
    }
    const std::string spoedd = SPOED_SPOEDD_PATH;
    const std::string dsn = "'" + test::NewTestDatabase() + "'";
    auto moved = test::RunCommand(spoedd + " move-to-postgresql --data-dir " + dir.file("data") + " --postgresql " +
                                  dsn + " 2>&1");
    EXPECT_EQ(moved.status, 0) << moved.out;
    EXPECT_NE(moved.out.find("every table matches; audit chain ok: 1 entries"), std::string::npos) << moved.out;
    EXPECT_NE(moved.out.find("copied youth_statements"), std::string::npos) << moved.out;
    auto verified = test::RunCommand(spoedd + " audit verify --postgresql " + dsn + " 2>&1");
    EXPECT_EQ(verified.status, 0) << verified.out;
    EXPECT_NE(verified.out.find("audit chain ok: 1 entries"), std::string::npos) << verified.out;
    auto again = test::RunCommand(spoedd + " move-to-postgresql --data-dir " + dir.file("data") + " --postgresql " +
                                  dsn + " 2>&1");
    EXPECT_EQ(again.status, 1) << again.out;
    EXPECT_NE(again.out.find("already holds records"), std::string::npos) << again.out;
    EXPECT_EQ(test::RunCommand(spoedd + " move-to-postgresql --data-dir " + dir.file("none") + " --postgresql " + dsn +
                               " 2>&1")
                  .status,
              2);
}

}  // namespace
}  // namespace spoed
