// What migration 0007 keeps with each case for the figures (counts, the youth's facts, the
// handovers' and keys' copies) stays equal to what the source tables say, through inserts,
// updates and corrections made by the ordinary repositories. Real SQLite in a temp dir, and (as
// postgresql.*) PostgreSQL's triggers of pg_migrations/0003 on the suite's server; all names and
// dates are fictional.
#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>

#include "db/pg.hpp"
#include "db/pg_store.hpp"
#include "db/sqlite.hpp"
#include "db/sqlite_store.hpp"
#include "tests/support/pg_server.hpp"
#include "tests/support/temp_dir.hpp"

namespace spoed {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;

// 2025-03-14 23:30 UTC is 00:30 on 15 March in Amsterdam (winter time).
const TimePoint kLateEvening = sys_days{year{2025} / 3 / 14} + 23h + 30min;
// 2025-07-01 21:30 UTC is 23:30 on 1 July in Amsterdam (summer time).
const TimePoint kSummerEvening = sys_days{year{2025} / 7 / 1} + 21h + 30min;

// The source tables' answer for every kept column; a row per case, handover or key that differs.
constexpr const char* kCaseMismatches =
    "SELECT c.id FROM cases AS c WHERE "
    "c.contacts_n <> (SELECT count(*) FROM contacts WHERE case_id = c.id) OR "
    "c.consults_n <> (SELECT count(*) FROM consults WHERE case_id = c.id) OR "
    "c.consults_answered_n <> (SELECT count(*) FROM consults WHERE case_id = c.id AND answered_at IS NOT NULL) OR "
    "c.problem_areas_n <> (SELECT count(*) FROM case_problem_areas WHERE case_id = c.id) OR "
    "c.risk_flags_n <> (SELECT count(*) FROM case_risk_flags WHERE case_id = c.id) OR "
    "c.evaluation_held <> EXISTS (SELECT 1 FROM evaluations WHERE case_id = c.id AND status IN ('held', 'finalised')) "
    "OR "
    "c.youth_age IS NOT (SELECT age FROM case_youth_ages WHERE case_id = c.id) OR "
    "c.youth_municipality IS NOT (SELECT municipality FROM youths WHERE id = c.youth_id) OR "
    "c.youth_first_plan_at IS NOT (SELECT min(created_at) FROM plan_versions WHERE youth_id = c.youth_id)";
// The same questions in PostgreSQL's words (IS DISTINCT FROM, its age function, 0/1 from EXISTS).
constexpr const char* kCaseMismatchesPg =
    "SELECT c.id FROM cases AS c WHERE "
    "c.contacts_n <> (SELECT count(*) FROM contacts WHERE case_id = c.id) OR "
    "c.consults_n <> (SELECT count(*) FROM consults WHERE case_id = c.id) OR "
    "c.consults_answered_n <> (SELECT count(*) FROM consults WHERE case_id = c.id AND answered_at IS NOT NULL) OR "
    "c.problem_areas_n <> (SELECT count(*) FROM case_problem_areas WHERE case_id = c.id) OR "
    "c.risk_flags_n <> (SELECT count(*) FROM case_risk_flags WHERE case_id = c.id) OR "
    "c.evaluation_held <> CASE WHEN EXISTS (SELECT 1 FROM evaluations WHERE case_id = c.id AND status IN ('held', "
    "'finalised')) THEN 1 ELSE 0 END OR "
    "c.youth_age IS DISTINCT FROM (SELECT youth_age_at(c.opened_at, y.date_of_birth) FROM youths AS y WHERE y.id = "
    "c.youth_id) OR "
    "c.youth_municipality IS DISTINCT FROM (SELECT municipality FROM youths WHERE id = c.youth_id) OR "
    "c.youth_first_plan_at IS DISTINCT FROM (SELECT min(created_at) FROM plan_versions WHERE youth_id = c.youth_id)";
constexpr const char* kHandoverMismatchesPg =
    "SELECT h.id FROM handovers AS h JOIN cases AS c ON c.id = h.case_id WHERE h.case_opened_at <> c.opened_at OR "
    "h.municipality IS DISTINCT FROM c.youth_municipality OR h.confirmed_at IS DISTINCT FROM (SELECT at FROM "
    "handover_steps WHERE handover_id = h.id AND step = 'confirmed')";
constexpr const char* kHandoverMismatches =
    "SELECT h.id FROM handovers AS h JOIN cases AS c ON c.id = h.case_id WHERE h.case_opened_at <> c.opened_at OR "
    "h.municipality IS NOT c.youth_municipality OR h.confirmed_at IS NOT (SELECT at FROM handover_steps WHERE "
    "handover_id = h.id AND step = 'confirmed')";
constexpr const char* kKeyMismatches =
    "WITH truth(figure, key, opened_at, case_id, n) AS ("
    "SELECT 'problem_area', x.area, c.opened_at, c.id, 1 FROM case_problem_areas AS x JOIN cases AS c ON c.id = "
    "x.case_id "
    "UNION ALL SELECT 'risk_flag', x.flag, c.opened_at, c.id, 1 FROM case_risk_flags AS x JOIN cases AS c ON "
    "c.id = x.case_id UNION ALL SELECT 'response', r.response, c.opened_at, c.id, count(*) FROM contact_responses AS r "
    "JOIN contacts AS t ON t.id = r.contact_id JOIN cases AS c ON c.id = t.case_id GROUP BY c.id, r.response) "
    "SELECT count(*) FROM (SELECT * FROM truth EXCEPT SELECT * FROM case_figure_keys UNION ALL "
    "SELECT * FROM case_figure_keys EXCEPT SELECT * FROM truth) AS differing";

class FiguresColumns : public ::testing::Test {
  protected:
    template <typename F>
    auto Write(F&& fn) {
        std::optional<std::invoke_result_t<F&, db::Tx&>> out;
        Status st = store_->Write([&](db::Tx& tx) -> Status {
            out.emplace(fn(tx));
            return Ok();
        });
        if (!st.ok()) throw std::runtime_error("transaction failed: " + st.error().message);
        return *out;
    }

    void SetUp() override {
        if (test::TestsUsePostgres()) {
            dsn_ = test::NewTestDatabase();
            store_ = db::PgStore::Open({.dsn = dsn_, .connections = 2});
        } else {
            store_ = db::SqliteStore::Open({.path = dir_.file("spoed.db")});
        }
        user_ = Write([&](db::Tx& tx) {
            db::UserRecord u;
            u.username = "figures.test";
            u.display_name = "Figures test (fictional)";
            u.password_hash = "x";
            u.roles = {"crisis_worker"};
            u.created_at = u.updated_at = kLateEvening;
            return *tx.users().Insert(u);
        });
    }

    db::YouthRecord Youth(const std::string& dob, const std::string& municipality) const {
        db::YouthRecord y;
        y.given_name = "Jeugdige";
        y.family_name = "Test (fictief)";
        y.folded_name = "jeugdige test (fictief)";
        y.date_of_birth = dob;
        y.municipality = municipality;
        y.created_by = user_;
        y.created_at = y.updated_at = kLateEvening;
        return y;
    }

    db::CaseRecord Case(std::optional<std::int64_t> youth, TimePoint opened) const {
        db::CaseRecord c;
        c.youth_id = youth;
        c.status = "open";
        c.opened_by = user_;
        c.opened_at = c.updated_at = opened;
        return c;
    }

    /// The kept columns of one case: age, municipality, contacts, problem areas, evaluation held.
    /// A connection of the test's own to the store's database, to ask the source tables.
    std::unique_ptr<db::Connection> Raw() const {
        if (!dsn_.empty()) return std::make_unique<db::Connection>(std::make_unique<db::pg::Connection>(dsn_));
        return std::make_unique<db::Connection>(dir_.file("spoed.db"), db::Connection::Mode::kReadOnly);
    }

    std::string Kept(std::int64_t case_id) {
        auto raw = Raw();
        db::Connection& c = *raw;
        auto st = c.Prepare(
            "SELECT coalesce(youth_age, -1) || ' ' || coalesce(youth_municipality, '-') || ' ' || contacts_n || ' ' || "
            "problem_areas_n || ' ' || evaluation_held FROM cases WHERE id = ?");
        st.Bind(1, case_id);
        return st.Step() ? st.Text(0) : "";
    }

    void ExpectAllTrue() {
        auto raw = Raw();
        db::Connection& c = *raw;
        auto cases = c.Prepare(c.postgres() ? kCaseMismatchesPg : kCaseMismatches);
        std::string wrong;
        while (cases.Step()) wrong += " " + std::to_string(cases.Int(0));
        EXPECT_EQ(wrong, "") << "cases whose kept columns differ from the source tables";
        auto handovers = c.Prepare(c.postgres() ? kHandoverMismatchesPg : kHandoverMismatches);
        wrong.clear();
        while (handovers.Step()) wrong += " " + std::to_string(handovers.Int(0));
        EXPECT_EQ(wrong, "") << "handovers whose kept columns differ";
        EXPECT_EQ(c.QueryInt(kKeyMismatches), 0) << "case_figure_keys differs from the source tables";
    }

    test::TempDir dir_;
    std::string dsn_;  // on PostgreSQL
    std::unique_ptr<db::Store> store_;
    std::int64_t user_ = 0;
};

TEST_F(FiguresColumns, FollowEveryWriteToTheSourceRows) {
    const std::int64_t anna = Write([&](db::Tx& tx) { return tx.youths().Insert(Youth("2009-03-15", "Fictiedam")); });
    const std::int64_t bram = Write([&](db::Tx& tx) { return tx.youths().Insert(Youth("2012-07-02", "Verzinsel")); });
    // A plan for Bram before anything else happens.
    Write([&](db::Tx& tx) {
        db::PlanVersionRecord p;
        p.youth_id = bram;
        p.version = 1;
        p.author_id = user_;
        p.created_at = kLateEvening - 24h * 40;
        p.change_note = "first";
        return tx.plans().Insert(p);
    });

    db::CaseRecord first = Case(anna, kLateEvening);
    db::CaseRecord second = Case(std::nullopt, kSummerEvening);
    std::int64_t handover = 0;
    Write([&](db::Tx& tx) {
        first.id = tx.cases().Insert(first);
        first.problem_areas = {"school", "mood (fictief)"};
        first.risk_flags = {"self_harm"};
        tx.cases().Update(first);
        second.id = tx.cases().Insert(second);
        for (int k = 0; k < 2; ++k) {
            db::ContactRecord t;
            t.case_id = first.id;
            t.type = "incoming_call";
            t.started_at = t.logged_at = kLateEvening + minutes(5 * k);
            t.caller_role = "youth";
            t.responses =
                k == 0 ? std::vector<std::string>{"advice", "agreements"} : std::vector<std::string>{"advice"};
            t.logged_by = user_;
            tx.cases().InsertContact(t);
        }
        db::ConsultRecord q;
        q.case_id = first.id;
        q.question = "fictief";
        q.urgency = "urgent";
        q.requested_by = user_;
        q.requested_at = kLateEvening;
        tx.consults().Answer(tx.consults().Insert(q), user_, kLateEvening + 10min, "fictief");
        db::HandoverRecord h;
        h.case_id = first.id;
        h.kind = "local_team";
        h.recipient_name = "fictief";
        h.legal_ground = "fictief";
        h.created_by = user_;
        h.created_at = kLateEvening + 1h;
        h.due_at = h.created_at + 24h;
        handover = tx.handovers().Insert(h);
        tx.handovers().AddStep(handover, {"confirmed", h.created_at + 2h, user_, ""});
        db::EvaluationRecord e;
        e.case_id = first.id;
        e.reasons = {"manual"};
        e.due_by = "2025-04-01";
        e.created_at = e.updated_at = kLateEvening;
        e.id = *tx.evaluations().Insert(e);
        e.status = "held";
        e.held_on = "2025-03-20";
        tx.evaluations().Update(e);
        return 0;
    });
    // 00:30 on 15 March in Amsterdam: Anna (born 15 March 2009) has just turned 16.
    EXPECT_EQ(Kept(first.id), "16 Fictiedam 2 2 1");
    EXPECT_EQ(Kept(second.id), "-1 - 0 0 0");
    ExpectAllTrue();

    // Corrections: Anna's date of birth and municipality, the second case linked to Bram, a
    // problem area taken off the first case.
    Write([&](db::Tx& tx) {
        db::YouthRecord a = *tx.youths().Find(anna);
        a.date_of_birth = "2009-03-16";
        a.municipality = "Nergenshuizen";
        tx.youths().Update(a);
        second.youth_id = bram;
        tx.cases().Update(second);
        first.problem_areas = {"school"};
        tx.cases().Update(first);
        return 0;
    });
    EXPECT_EQ(Kept(first.id), "15 Nergenshuizen 2 1 1");
    // 23:30 on 1 July in Amsterdam (summer time): Bram turns 13 the next day.
    EXPECT_EQ(Kept(second.id), "12 Verzinsel 0 0 0");
    ExpectAllTrue();

    // A later plan version does not move the first plan; one before it does.
    Write([&](db::Tx& tx) {
        db::PlanVersionRecord p;
        p.youth_id = bram;
        p.version = 2;
        p.author_id = user_;
        p.created_at = kSummerEvening;
        p.change_note = "second";
        return tx.plans().Insert(p);
    });
    ExpectAllTrue();
}

}  // namespace
}  // namespace spoed
