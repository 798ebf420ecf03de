// The SQLite repositories of the crisis-calls domain, on a real database file in a temp dir.
// Every name, phone number and date below is fictional.

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "db/pg.hpp"
#include "db/pg_store.hpp"
#include "db/sql_crisis_repos.hpp"
#include "db/sqlite.hpp"
#include "db/sqlite_store.hpp"
#include "tests/support/pg_server.hpp"
#include "tests/support/temp_dir.hpp"

namespace spoed {
namespace {

using namespace std::chrono_literals;

const TimePoint kT0 = std::chrono::sys_days{std::chrono::year{2025} / 3 / 14} + 21h;
constexpr std::chrono::microseconds k1us{1};

std::string Fold(const std::string& s) {
    std::string out = s;
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

std::vector<std::int64_t> IdsOf(const std::vector<db::YouthHitRecord>& hits) {
    std::vector<std::int64_t> ids;
    for (const auto& h : hits) ids.push_back(h.youth_id);
    return ids;
}

std::string Join(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
}

/// True when a query plan reads the youths table from start to end (a full table or index scan).
bool ScansYouths(const std::vector<std::string>& plan) {
    for (const auto& line : plan) {
        if (line == "SCAN y" || line.starts_with("SCAN y ") || line.find("SCAN youths") != std::string::npos) {
            return true;
        }
    }
    return false;
}

class CrisisRepoTest : public ::testing::Test {
  protected:
    void SetUp() override {
        if (test::TestsUsePostgres()) {
            dsn_ = test::NewTestDatabase();
            store_ = db::PgStore::Open({.dsn = dsn_, .connections = 2});
        } else {
            store_ = db::SqliteStore::Open({.path = path()});
        }
        kees_ = AddUser("kees", "Kees Worker (fictional)");
    }

    std::string path() const { return dir_.file("spoed.db"); }
    bool postgres() const { return !dsn_.empty(); }
    /// A connection of the test's own to the store's database.
    std::unique_ptr<db::Connection> Raw() const {
        if (postgres()) return std::make_unique<db::Connection>(std::make_unique<db::pg::Connection>(dsn_));
        return std::make_unique<db::Connection>(path(), db::Connection::Mode::kReadWriteCreate);
    }

    /// Runs `fn` in a write (or read) transaction and hands back what it returns; a failed
    /// transaction fails the test by throwing.
    template <typename F>
    auto Run(bool write, F&& fn) {
        using R = std::invoke_result_t<F&, db::Tx&>;
        if constexpr (std::is_void_v<R>) {
            auto body = [&](db::Tx& tx) -> Status {
                fn(tx);
                return Ok();
            };
            Status st = write ? store_->Write(body) : store_->Read(body);
            if (!st.ok()) throw std::runtime_error("transaction failed: " + st.error().message);
        } else {
            std::optional<R> out;
            auto body = [&](db::Tx& tx) -> Status {
                out.emplace(fn(tx));
                return Ok();
            };
            Status st = write ? store_->Write(body) : store_->Read(body);
            if (!st.ok()) throw std::runtime_error("transaction failed: " + st.error().message);
            return std::move(*out);
        }
    }
    template <typename F>
    auto Write(F&& fn) {
        return Run(true, std::forward<F>(fn));
    }
    template <typename F>
    auto Read(F&& fn) {
        return Run(false, std::forward<F>(fn));
    }

    std::int64_t AddUser(const std::string& username, const std::string& display_name) {
        return Write([&](db::Tx& tx) {
            db::UserRecord u;
            u.username = username;
            u.display_name = display_name;
            u.password_hash = "x";
            u.roles = {"crisis_worker"};
            u.created_at = kT0;
            auto id = tx.users().Insert(u);
            if (!id) throw std::runtime_error("user exists");
            return *id;
        });
    }

    db::YouthRecord MakeYouth(const std::string& given, const std::string& family, const std::string& dob) const {
        db::YouthRecord y;
        y.given_name = given;
        y.family_name = family;
        y.folded_name = Fold(given + " " + family);
        y.date_of_birth = dob;
        y.municipality = "Fictiedam";
        y.created_by = kees_;
        y.created_at = kT0;
        y.updated_at = kT0;
        return y;
    }

    std::int64_t AddYouth(db::YouthRecord y) {
        return Write([&](db::Tx& tx) { return tx.youths().Insert(y); });
    }
    std::int64_t AddYouth(const std::string& given, const std::string& family, const std::string& dob = "2009-05-01",
                          const std::string& phone = "") {
        db::YouthRecord y = MakeYouth(given, family, dob);
        if (!phone.empty()) y.phones.push_back({phone, "mobile"});
        return AddYouth(y);
    }

    std::vector<db::YouthHitRecord> Search(db::YouthSearch s, TimePoint now = kT0) {
        return Read([&](db::Tx& tx) { return tx.youths().Search(s, now); });
    }
    std::vector<db::YouthHitRecord> SearchName(std::vector<std::string> terms) {
        db::YouthSearch s;
        s.name_terms = std::move(terms);
        return Search(s);
    }
    db::YouthHitRecord Hit(std::int64_t youth, TimePoint now) {
        return Read([&](db::Tx& tx) { return tx.youths().Hit(youth, now); });
    }

    std::int64_t AddConsent(std::int64_t youth, const std::string& scope, TimePoint given_at,
                            std::optional<TimePoint> valid_until = std::nullopt) {
        return Write([&](db::Tx& tx) {
            db::ConsentRecord c;
            c.youth_id = youth;
            c.scope = scope;
            c.given_by_youth = true;
            c.given_at = given_at;
            c.valid_until = valid_until;
            c.recorded_by = kees_;
            c.recorded_at = given_at;
            c.note = "given on the phone";
            return tx.consents().Insert(c);
        });
    }

    db::PreRegistrationRecord MakePreRegistration(std::int64_t youth) const {
        db::PreRegistrationRecord r;
        r.youth_id = youth;
        r.organisation = "Jeugdhulp Fictief";
        r.professional = "Mirjam Voorbeeld (fictional)";
        r.professional_phone = "+31600000999";
        r.ongoing_care = "ambulant";
        r.legal_measure = "supervision_order";
        r.started_at = kT0 - 24h * 10;
        r.created_by = kees_;
        r.updated_at = kT0 - 24h * 10;
        return r;
    }

    db::CaseRecord MakeCase(std::optional<std::int64_t> youth, TimePoint opened_at) const {
        db::CaseRecord c;
        c.youth_id = youth;
        c.opened_by = kees_;
        c.opened_at = opened_at;
        c.updated_at = opened_at;
        return c;
    }
    std::int64_t AddCase(std::optional<std::int64_t> youth, TimePoint opened_at) {
        return Write([&](db::Tx& tx) { return tx.cases().Insert(MakeCase(youth, opened_at)); });
    }

    db::ContactRecord MakeContact(std::int64_t case_id, TimePoint started_at, const std::string& caller_phone) const {
        db::ContactRecord c;
        c.case_id = case_id;
        c.type = "incoming_call";
        c.started_at = started_at;
        c.caller_role = "parent";
        c.caller_phone = caller_phone;
        c.summary = "worried about tonight";
        c.workers = {kees_};
        c.logged_by = kees_;
        c.logged_at = started_at;
        return c;
    }
    std::int64_t AddContact(const db::ContactRecord& c) {
        return Write([&](db::Tx& tx) { return tx.cases().InsertContact(c); });
    }

    test::TempDir dir_;
    std::string dsn_;  // on PostgreSQL
    std::unique_ptr<db::Store> store_;
    std::int64_t kees_ = 0;
};

class RepoYouths : public CrisisRepoTest {};
class RepoConsents : public CrisisRepoTest {};
class RepoPreRegistrations : public CrisisRepoTest {};
class RepoPlans : public CrisisRepoTest {};
class RepoBreakGlass : public CrisisRepoTest {};
class RepoCases : public CrisisRepoTest {};
class RepoConsults : public CrisisRepoTest {};
class RepoShifts : public CrisisRepoTest {};
class RepoIdempotency : public CrisisRepoTest {};

// --- youths ----------------------------------------------------------------------------------

TEST_F(RepoYouths, InsertAndFindRoundTripPhonesAndContacts) {
    db::YouthRecord y = MakeYouth("Sofie", "de Vries (fictional)", "2010-02-03");
    y.bsn = "000000012";
    y.updated_at = kT0 + 5s;
    y.phones = {{"+31600000001", "mobile"}, {"+31200000001", "home"}};
    y.contacts = {{0, "guardian", "Anja de Vries (fictional)", "mother", "+31600000002"},
                  {0, "network", "Oma Fictief", "grandmother", ""}};
    std::int64_t id = AddYouth(y);
    ASSERT_GT(id, 0);

    auto found = Read([&](db::Tx& tx) { return tx.youths().Find(id); });
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->id, id);
    EXPECT_EQ(found->given_name, "Sofie");
    EXPECT_EQ(found->family_name, "de Vries (fictional)");
    EXPECT_EQ(found->folded_name, "sofie de vries (fictional)");
    EXPECT_EQ(found->date_of_birth, "2010-02-03");
    EXPECT_EQ(found->municipality, "Fictiedam");
    EXPECT_EQ(found->bsn, std::optional<std::string>("000000012"));
    EXPECT_EQ(found->created_by, kees_);
    EXPECT_EQ(found->created_at, kT0);
    EXPECT_EQ(found->updated_at, kT0 + 5s);
    ASSERT_EQ(found->phones.size(), 2u);
    EXPECT_EQ(found->phones[0].number, "+31600000001");
    EXPECT_EQ(found->phones[0].label, "mobile");
    EXPECT_EQ(found->phones[1].number, "+31200000001");
    EXPECT_EQ(found->phones[1].label, "home");
    ASSERT_EQ(found->contacts.size(), 2u);
    EXPECT_GT(found->contacts[0].id, 0);
    EXPECT_NE(found->contacts[0].id, found->contacts[1].id);
    EXPECT_EQ(found->contacts[0].kind, "guardian");
    EXPECT_EQ(found->contacts[0].name, "Anja de Vries (fictional)");
    EXPECT_EQ(found->contacts[0].relation, "mother");
    EXPECT_EQ(found->contacts[0].phone, "+31600000002");
    EXPECT_EQ(found->contacts[1].kind, "network");
    EXPECT_EQ(found->contacts[1].phone, "");

    EXPECT_FALSE(Read([&](db::Tx& tx) { return tx.youths().Find(id + 1); }).has_value());
    db::YouthRecord no_bsn = MakeYouth("Daan", "Fictief", "2011-01-01");
    std::int64_t other = AddYouth(no_bsn);
    EXPECT_FALSE(Read([&](db::Tx& tx) { return tx.youths().Find(other); })->bsn.has_value());
}

TEST_F(RepoYouths, UpdateReplacesPhonesAndContactsAndReindexesTheName) {
    db::YouthRecord y = MakeYouth("Sofie", "de Vries (fictional)", "2010-02-03");
    y.phones = {{"+31600000001", "mobile"}};
    y.contacts = {{0, "guardian", "Anja de Vries (fictional)", "mother", "+31600000002"}};
    y.id = AddYouth(y);

    y.given_name = "Noor";
    y.family_name = "Bakker (fictional)";
    y.folded_name = "noor bakker (fictional)";
    y.municipality = "Verzinstad";
    y.updated_at = kT0 + 1h;
    y.phones = {{"+31600000011", "new mobile"}, {"+31600000012", "work"}};
    y.contacts = {{0, "network", "Coach Fictief", "coach", "+31600000013"}};
    Write([&](db::Tx& tx) { tx.youths().Update(y); });

    auto found = Read([&](db::Tx& tx) { return tx.youths().Find(y.id); });
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->given_name, "Noor");
    EXPECT_EQ(found->municipality, "Verzinstad");
    EXPECT_EQ(found->created_at, kT0);
    EXPECT_EQ(found->updated_at, kT0 + 1h);
    ASSERT_EQ(found->phones.size(), 2u);
    EXPECT_EQ(found->phones[0].number, "+31600000011");
    ASSERT_EQ(found->contacts.size(), 1u);
    EXPECT_EQ(found->contacts[0].name, "Coach Fictief");

    EXPECT_TRUE(SearchName({"sofie"}).empty());
    EXPECT_TRUE(SearchName({"vries"}).empty());
    EXPECT_EQ(IdsOf(SearchName({"noor"})), std::vector<std::int64_t>{y.id});
    EXPECT_EQ(IdsOf(SearchName({"bakk"})), std::vector<std::int64_t>{y.id});
    auto by_old_phone = Read([&](db::Tx& tx) { return tx.youths().FindByPhone("+31600000001", kT0); });
    EXPECT_TRUE(by_old_phone.empty());
    auto by_old_guardian = Read([&](db::Tx& tx) { return tx.youths().FindByPhone("+31600000002", kT0); });
    EXPECT_TRUE(by_old_guardian.empty());
    auto by_new = Read([&](db::Tx& tx) { return tx.youths().FindByPhone("+31600000013", kT0); });
    EXPECT_EQ(IdsOf(by_new), std::vector<std::int64_t>{y.id});
}

TEST_F(RepoYouths, SearchesNameFragmentsWithTrigrams) {
    std::int64_t sofie = AddYouth("Sofie", "de Vries (fictional)");
    std::int64_t sofia = AddYouth("Sofia", "Jansen (fictional)");
    std::int64_t daan = AddYouth("Daan", "de Vries (fictional)");

    // Ordered by family name ("Jansen" sorts before "de Vries" byte-wise), then given name.
    EXPECT_EQ(IdsOf(SearchName({"sof"})), (std::vector<std::int64_t>{sofia, sofie}));
    EXPECT_EQ(IdsOf(SearchName({"ofi"})), (std::vector<std::int64_t>{sofia, sofie}));
    EXPECT_EQ(IdsOf(SearchName({"vri"})), (std::vector<std::int64_t>{daan, sofie}));
    EXPECT_EQ(IdsOf(SearchName({"sof", "vries"})), std::vector<std::int64_t>{sofie});
    EXPECT_EQ(IdsOf(SearchName({"vries", "sof"})), std::vector<std::int64_t>{sofie});
    EXPECT_TRUE(SearchName({"sof", "bakker"}).empty());
    EXPECT_TRUE(SearchName({"xyz"}).empty());

    auto hits = SearchName({"sofie"});
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].given_name, "Sofie");
    EXPECT_EQ(hits[0].family_name, "de Vries (fictional)");
    EXPECT_EQ(hits[0].date_of_birth, "2009-05-01");
    EXPECT_EQ(hits[0].municipality, "Fictiedam");
}

TEST_F(RepoYouths, ShortTermsFilterWithInstr) {
    std::int64_t sofie = AddYouth("Sofie", "de Vries (fictional)");
    std::int64_t sofia = AddYouth("Sofia", "Jansen (fictional)");
    std::int64_t daan = AddYouth("Daan", "de Vries (fictional)");

    EXPECT_EQ(IdsOf(SearchName({"de"})), (std::vector<std::int64_t>{daan, sofie}));
    EXPECT_EQ(IdsOf(SearchName({"sof", "de"})), std::vector<std::int64_t>{sofie});
    EXPECT_EQ(IdsOf(SearchName({"ie", "an"})), std::vector<std::int64_t>{daan});
    EXPECT_EQ(IdsOf(SearchName({"ja"})), std::vector<std::int64_t>{sofia});
    EXPECT_TRUE(SearchName({"qq"}).empty());
}

TEST_F(RepoYouths, QuotesInNameTermsAreEscapedForFts) {
    std::int64_t id = AddYouth("Zoë", "O\"Brien (fictional)");
    EXPECT_EQ(IdsOf(SearchName({"o\"brien"})), std::vector<std::int64_t>{id});
    EXPECT_TRUE(SearchName({"x\"y"}).empty());
    EXPECT_TRUE(SearchName({"\"\"\""}).empty());
}

TEST_F(RepoYouths, SearchesByDateOfBirth) {
    std::int64_t a = AddYouth("Lars", "Aalbers (fictional)", "2008-07-07");
    AddYouth("Mila", "Bos (fictional)", "2008-07-08");
    std::int64_t c = AddYouth("Finn", "Claassen (fictional)", "2008-07-07");
    db::YouthSearch s;
    s.date_of_birth = "2008-07-07";
    EXPECT_EQ(IdsOf(Search(s)), (std::vector<std::int64_t>{a, c}));
    s.date_of_birth = "2001-01-01";
    EXPECT_TRUE(Search(s).empty());
}

TEST_F(RepoYouths, SearchesByOwnPhoneAndByAGuardiansOrNetworkPhone) {
    std::int64_t own = AddYouth("Lars", "Aalbers (fictional)", "2008-07-07", "+31600000101");
    db::YouthRecord b = MakeYouth("Mila", "Bos (fictional)", "2009-01-01");
    b.contacts = {{0, "guardian", "Vader Bos (fictional)", "father", "+31600000202"}};
    std::int64_t guardian = AddYouth(b);
    db::YouthRecord c = MakeYouth("Finn", "Claassen (fictional)", "2009-01-02");
    c.contacts = {{0, "network", "Buurvrouw (fictional)", "neighbour", "+31600000202"}};
    std::int64_t network = AddYouth(c);
    // Same number as own phone and as a guardian's: still one hit.
    db::YouthRecord d = MakeYouth("Eva", "Dekker (fictional)", "2009-01-03");
    d.phones = {{"+31600000303", "mobile"}};
    d.contacts = {{0, "guardian", "Moeder Dekker (fictional)", "mother", "+31600000303"},
                  {0, "network", "Zus Dekker (fictional)", "sister", "+31600000303"}};
    std::int64_t both = AddYouth(d);
    // A contact without a phone never matches the empty number.
    db::YouthRecord e = MakeYouth("Bram", "Evers (fictional)", "2009-01-04");
    e.contacts = {{0, "network", "Zonder Nummer (fictional)", "friend", ""}};
    AddYouth(e);

    db::YouthSearch s;
    s.phone = "+31600000101";
    EXPECT_EQ(IdsOf(Search(s)), std::vector<std::int64_t>{own});
    s.phone = "+31600000202";
    EXPECT_EQ(IdsOf(Search(s)), (std::vector<std::int64_t>{guardian, network}));
    s.phone = "+31600000303";
    EXPECT_EQ(IdsOf(Search(s)), std::vector<std::int64_t>{both});
    s.phone = "+31699999999";
    EXPECT_TRUE(Search(s).empty());

    auto by_phone = [&](const std::string& p) {
        return IdsOf(Read([&](db::Tx& tx) { return tx.youths().FindByPhone(p, kT0); }));
    };
    EXPECT_EQ(by_phone("+31600000101"), std::vector<std::int64_t>{own});
    EXPECT_EQ(by_phone("+31600000202"), (std::vector<std::int64_t>{guardian, network}));
    EXPECT_EQ(by_phone("+31600000303"), std::vector<std::int64_t>{both});
    EXPECT_TRUE(by_phone("").empty());
}

TEST_F(RepoYouths, CombinesCriteriaWithAnd) {
    std::int64_t match = AddYouth("Sofie", "de Vries (fictional)", "2010-02-03", "+31600000001");
    AddYouth("Sofie", "de Vries (fictional)", "2010-02-04", "+31600000001");  // other date
    AddYouth("Sofie", "de Vries (fictional)", "2010-02-03", "+31600000009");  // other phone
    AddYouth("Daan", "de Vries (fictional)", "2010-02-03", "+31600000001");   // other name

    db::YouthSearch s;
    s.name_terms = {"sof", "de"};
    s.date_of_birth = "2010-02-03";
    s.phone = "+31600000001";
    EXPECT_EQ(IdsOf(Search(s)), std::vector<std::int64_t>{match});
    s.name_terms = {"de"};
    EXPECT_EQ(Search(s).size(), 2u);
    s.phone.reset();
    EXPECT_EQ(Search(s).size(), 3u);
}

TEST_F(RepoYouths, PagesInNameOrder) {
    std::vector<std::int64_t> ids;
    for (const char* given : {"Anna", "Bas", "Cas", "Dirk", "Eva"})
        ids.push_back(AddYouth(given, "Bakker (fictional)"));
    AddYouth("Anna", "Zwart (fictional)");
    db::YouthSearch s;
    s.name_terms = {"bakker"};
    s.limit = 2;
    EXPECT_EQ(IdsOf(Search(s)), (std::vector<std::int64_t>{ids[0], ids[1]}));
    s.offset = 2;
    EXPECT_EQ(IdsOf(Search(s)), (std::vector<std::int64_t>{ids[2], ids[3]}));
    s.offset = 4;
    EXPECT_EQ(IdsOf(Search(s)), std::vector<std::int64_t>{ids[4]});
    s.offset = 6;
    EXPECT_TRUE(Search(s).empty());
    // Same names: id decides.
    std::int64_t twin = AddYouth("Anna", "Bakker (fictional)");
    s.offset = 0;
    EXPECT_EQ(IdsOf(Search(s)), (std::vector<std::int64_t>{ids[0], twin}));
}

TEST_F(RepoYouths, PreRegisteredNeedsAnActivePreRegistrationAndAValidConsent) {
    std::int64_t y = AddYouth("Sofie", "de Vries (fictional)");
    EXPECT_FALSE(Hit(y, kT0).pre_registered);

    std::int64_t consent = AddConsent(y, "pre_registration", kT0 - 1h, kT0 + 24h);
    EXPECT_FALSE(Hit(y, kT0).pre_registered) << "consent without pre-registration";

    std::int64_t other = AddYouth("Daan", "de Vries (fictional)");
    auto other_reg = Write([&](db::Tx& tx) { return tx.pre_registrations().Insert(MakePreRegistration(other)); });
    ASSERT_TRUE(other_reg.has_value());
    EXPECT_FALSE(Hit(other, kT0).pre_registered) << "pre-registration without consent";
    AddConsent(other, "dossier_access", kT0 - 1h);
    EXPECT_FALSE(Hit(other, kT0).pre_registered) << "consent of another scope";

    auto reg = Write([&](db::Tx& tx) { return tx.pre_registrations().Insert(MakePreRegistration(y)); });
    ASSERT_TRUE(reg.has_value());
    EXPECT_TRUE(Hit(y, kT0).pre_registered);
    EXPECT_FALSE(Hit(y, kT0 - 1h - k1us).pre_registered) << "before the consent was given";
    EXPECT_TRUE(Hit(y, kT0 - 1h).pre_registered);
    EXPECT_TRUE(Hit(y, kT0 + 24h - k1us).pre_registered);
    EXPECT_FALSE(Hit(y, kT0 + 24h).pre_registered) << "consent expired";

    // The search hit carries the same answer.
    auto hits = SearchName({"sofie"});
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_TRUE(hits[0].pre_registered);
    db::YouthSearch by_name;
    by_name.name_terms = {"sofie"};
    EXPECT_FALSE(Search(by_name, kT0 + 24h)[0].pre_registered);

    Write([&](db::Tx& tx) { tx.consents().Withdraw(consent, kT0 + 1h, kees_, "withdrawn by phone"); });
    EXPECT_TRUE(Hit(y, kT0 + 1h - k1us).pre_registered);
    EXPECT_FALSE(Hit(y, kT0 + 1h).pre_registered) << "consent withdrawn";

    AddConsent(y, "pre_registration", kT0 + 2h);
    EXPECT_TRUE(Hit(y, kT0 + 2h).pre_registered);
    Write([&](db::Tx& tx) { tx.pre_registrations().End(*reg, kT0 + 3h, "care ended"); });
    EXPECT_FALSE(Hit(y, kT0 + 3h).pre_registered) << "pre-registration ended";
}

TEST_F(RepoYouths, CountsCasesOfThePast30And90DaysAtTheirEdges) {
    std::int64_t y = AddYouth("Sofie", "de Vries (fictional)");
    std::int64_t other = AddYouth("Daan", "de Vries (fictional)");
    constexpr auto kDay = 24h;
    AddCase(y, kT0 - 30 * kDay);         // in both
    AddCase(y, kT0 - 30 * kDay - k1us);  // 90 only
    AddCase(y, kT0 - 90 * kDay);         // 90 only
    AddCase(y, kT0 - 90 * kDay - k1us);  // neither
    AddCase(y, kT0 - 1h);                // in both
    AddCase(other, kT0 - 1h);            // another youth
    AddCase(std::nullopt, kT0 - 1h);     // unknown caller

    db::YouthHitRecord h = Hit(y, kT0);
    EXPECT_EQ(h.youth_id, y);
    EXPECT_EQ(h.given_name, "Sofie");
    EXPECT_EQ(h.cases_30, 2);
    EXPECT_EQ(h.cases_90, 4);
    EXPECT_EQ(Hit(other, kT0).cases_30, 1);

    auto hits = SearchName({"sofie"});
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].cases_30, 2);
    EXPECT_EQ(hits[0].cases_90, 4);
    auto by_phone = Read([&](db::Tx& tx) { return tx.youths().FindByPhone("+31600000077", kT0); });
    EXPECT_TRUE(by_phone.empty());

    EXPECT_EQ(Hit(y + 100, kT0).youth_id, 0) << "no such youth";
}

TEST_F(RepoYouths, NameDateAndPhoneSearchesStartFromAnIndex) {
    if (postgres()) GTEST_SKIP() << "SQLite's query plans (PostgreSQL's planner chooses its own)";
    Write([&](db::Tx& tx) {
        for (int i = 0; i < 400; ++i) {
            db::YouthRecord y =
                MakeYouth("Kind" + std::to_string(i), "Familie" + std::to_string(i % 37) + " (fictional)",
                          "2009-01-" + std::string(i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1));
            y.phones = {{"+316000" + std::to_string(10000 + i), "mobile"}};
            y.contacts = {{0, "guardian", "Ouder (fictional)", "parent", "+316100" + std::to_string(10000 + i)}};
            std::int64_t id = tx.youths().Insert(y);
            if (i % 3 == 0) tx.cases().Insert(MakeCase(id, kT0 - 24h * (i % 60)));
        }
    });
    db::YouthSearch name;
    name.name_terms = {"kind", "ilie"};
    db::YouthSearch name_and_short;
    name_and_short.name_terms = {"familie1", "7"};
    db::YouthSearch date;
    date.date_of_birth = "2009-01-05";
    db::YouthSearch phone;
    phone.phone = "+31610010007";
    db::YouthSearch name_and_date;
    name_and_date.name_terms = {"kind1"};
    name_and_date.date_of_birth = "2009-01-05";

    auto check = [&](const char* when) {
        db::Connection c(path(), db::Connection::Mode::kReadOnly);
        db::SqlYouthRepo repo(c);
        for (const auto* s : {&name, &name_and_short, &date, &phone, &name_and_date}) {
            auto plan = repo.ExplainSearch(*s, kT0);
            EXPECT_FALSE(plan.empty());
            EXPECT_FALSE(ScansYouths(plan)) << when << ":\n" << Join(plan);
        }
        // The FTS table is what a name search starts from.
        EXPECT_NE(Join(repo.ExplainSearch(name, kT0)).find("VIRTUAL TABLE INDEX"), std::string::npos);
        EXPECT_NE(Join(repo.ExplainSearch(date, kT0)).find("youths_by_birth"), std::string::npos);
        EXPECT_NE(Join(repo.ExplainSearch(phone, kT0)).find("youth_contacts_by_phone"), std::string::npos);
        // Only short terms cannot use an index: that one does scan (and the check above can fail).
        db::YouthSearch only_short;
        only_short.name_terms = {"ki"};
        EXPECT_TRUE(ScansYouths(repo.ExplainSearch(only_short, kT0))) << Join(repo.ExplainSearch(only_short, kT0));
    };
    check("without statistics");
    {
        db::Connection w(path(), db::Connection::Mode::kReadWriteCreate);
        w.Exec("ANALYZE");
    }
    check("after ANALYZE");

    EXPECT_EQ(Search(phone).size(), 1u);
    EXPECT_EQ(Search(name_and_date).size(), 3u);  // kind116, kind144, kind172
}

TEST_F(RepoYouths, ABroadNameWalksTheNameOrderAndFindsWhatTheTrigramsFind) {
    if (postgres()) GTEST_SKIP() << "SQLite's two paths for a name (PostgreSQL's planner chooses its own)";
    // 600 youths whose names share fragments in different densities, some with diacritics
    // folded away, and same names ordered by id.
    const std::vector<std::string> given = {"Daan", "Sanne", "Zoë", "Sofie", "Bram", "Anouk"};
    const std::vector<std::string> family = {"Visser (fictional)", "de Vries (fictional)", "Vos (fictional)",
                                             "Kok-Visser (fictional)", "Bakker (fictional)"};
    Write([&](db::Tx& tx) {
        for (int i = 0; i < 600; ++i) {
            tx.youths().Insert(MakeYouth(given[(i * 7) % given.size()], family[(i * 3) % family.size()],
                                         "2010-02-" + std::string(i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1)));
        }
    });
    db::Connection c(path(), db::Connection::Mode::kReadOnly);
    db::SqlYouthRepo repo(c);
    auto ids = [&](const db::YouthSearch& s, int broad_matches) {
        repo.set_broad_matches(broad_matches);
        std::vector<std::int64_t> out;
        for (const auto& h : repo.Search(s, kT0)) out.push_back(h.youth_id);
        return out;
    };
    auto search = [](std::vector<std::string> terms, int limit, int offset) {
        db::YouthSearch s;
        s.name_terms = std::move(terms);
        s.limit = limit;
        s.offset = offset;
        return s;
    };
    const std::vector<db::YouthSearch> cases = {
        search({"vis"}, 20, 0),        search({"vis"}, 20, 100),         search({"visser", "daan"}, 20, 0),
        search({"zoe"}, 50, 0),        search({"vos", "sa"}, 20, 0),     search({"kok-vis"}, 500, 0),
        search({"fictional"}, 600, 0), search({"vries", "bram"}, 10, 3), search({"nobody"}, 20, 0),
    };
    for (const auto& s : cases) {
        std::string what = Join(s.name_terms) + " offset " + std::to_string(s.offset);
        auto by_trigram = ids(s, 1'000'000);
        auto by_name_order = ids(s, 1);
        EXPECT_EQ(by_name_order, by_trigram) << what;
        // The two paths are the ones claimed (a fragment nobody has is never broad).
        repo.set_broad_matches(1);
        std::string walk = Join(repo.ExplainSearch(s, kT0));
        EXPECT_EQ(walk.find("youths_by_name") != std::string::npos, !by_trigram.empty()) << what << walk;
        repo.set_broad_matches(1'000'000);
        EXPECT_NE(Join(repo.ExplainSearch(s, kT0)).find("VIRTUAL TABLE INDEX"), std::string::npos) << what;
    }
    EXPECT_EQ(ids(search({"vis"}, 20, 0), 1).size(), 20u);
    EXPECT_TRUE(ids(search({"nobody"}, 20, 0), 1).empty());
    // Only short terms walk the name order too (they cannot use the trigrams): a scan that stops
    // at the page rather than a sort of every youth.
    EXPECT_NE(Join(repo.ExplainSearch(search({"sa"}, 20, 0), kT0)).find("youths_by_name"), std::string::npos);
    EXPECT_EQ(ids(search({"sa"}, 20, 0), 1).size(), 20u);
}

// --- consents --------------------------------------------------------------------------------

TEST_F(RepoConsents, RoundTripAndHasValidAtItsEdges) {
    std::int64_t y = AddYouth("Sofie", "de Vries (fictional)");
    std::int64_t id = AddConsent(y, "share_plan", kT0, kT0 + 10s);
    auto c = Read([&](db::Tx& tx) { return tx.consents().Find(id); });
    ASSERT_TRUE(c.has_value());
    EXPECT_EQ(c->youth_id, y);
    EXPECT_EQ(c->scope, "share_plan");
    EXPECT_TRUE(c->given_by_youth);
    EXPECT_EQ(c->given_at, kT0);
    EXPECT_EQ(c->valid_until, std::optional<TimePoint>(kT0 + 10s));
    EXPECT_FALSE(c->withdrawn_at.has_value());
    EXPECT_FALSE(c->withdrawn_by.has_value());
    EXPECT_EQ(c->recorded_by, kees_);
    EXPECT_EQ(c->note, "given on the phone");

    auto valid = [&](std::string_view scope, TimePoint at) {
        return Read([&](db::Tx& tx) { return tx.consents().HasValid(y, scope, at); });
    };
    EXPECT_FALSE(valid("share_plan", kT0 - k1us));
    EXPECT_TRUE(valid("share_plan", kT0));
    EXPECT_TRUE(valid("share_plan", kT0 + 10s - k1us));
    EXPECT_FALSE(valid("share_plan", kT0 + 10s));
    EXPECT_FALSE(valid("dossier_access", kT0));

    std::int64_t open_ended = AddConsent(y, "dossier_access", kT0);
    EXPECT_TRUE(valid("dossier_access", kT0 + 24h * 3650));
    Write([&](db::Tx& tx) { tx.consents().Withdraw(open_ended, kT0 + 1h, kees_, "youth changed her mind"); });
    EXPECT_TRUE(valid("dossier_access", kT0 + 1h - k1us));
    EXPECT_FALSE(valid("dossier_access", kT0 + 1h));
    auto w = Read([&](db::Tx& tx) { return tx.consents().Find(open_ended); });
    EXPECT_EQ(w->withdrawn_at, std::optional<TimePoint>(kT0 + 1h));
    EXPECT_EQ(w->withdrawn_by, std::optional<std::int64_t>(kees_));
    EXPECT_NE(w->note.find("given on the phone"), std::string::npos) << w->note;
    EXPECT_NE(w->note.find("youth changed her mind"), std::string::npos) << w->note;

    // A second withdrawal does not move the first one.
    Write([&](db::Tx& tx) { tx.consents().Withdraw(open_ended, kT0 + 2h, kees_, ""); });
    EXPECT_EQ(Read([&](db::Tx& tx) { return tx.consents().Find(open_ended); })->withdrawn_at,
              std::optional<TimePoint>(kT0 + 1h));
    EXPECT_FALSE(Read([&](db::Tx& tx) { return tx.consents().Find(open_ended + 100); }).has_value());
}

TEST_F(RepoConsents, ListsNewestFirst) {
    std::int64_t y = AddYouth("Sofie", "de Vries (fictional)");
    std::int64_t other = AddYouth("Daan", "de Vries (fictional)");
    std::int64_t old = AddConsent(y, "pre_registration", kT0 - 24h);
    std::int64_t newest = AddConsent(y, "share_plan", kT0);
    std::int64_t same_time = AddConsent(y, "dossier_access", kT0);
    AddConsent(other, "share_plan", kT0);
    auto list = Read([&](db::Tx& tx) { return tx.consents().ListForYouth(y); });
    ASSERT_EQ(list.size(), 3u);
    EXPECT_EQ(list[0].id, same_time);
    EXPECT_EQ(list[1].id, newest);
    EXPECT_EQ(list[2].id, old);
}

// --- pre-registrations -----------------------------------------------------------------------

TEST_F(RepoPreRegistrations, AllowsOneActivePerYouth) {
    std::int64_t y = AddYouth("Sofie", "de Vries (fictional)");
    auto first = Write([&](db::Tx& tx) { return tx.pre_registrations().Insert(MakePreRegistration(y)); });
    ASSERT_TRUE(first.has_value());
    auto second = Write([&](db::Tx& tx) { return tx.pre_registrations().Insert(MakePreRegistration(y)); });
    EXPECT_FALSE(second.has_value());

    auto active = Read([&](db::Tx& tx) { return tx.pre_registrations().FindActive(y); });
    ASSERT_TRUE(active.has_value());
    EXPECT_EQ(active->id, *first);
    EXPECT_EQ(active->organisation, "Jeugdhulp Fictief");
    EXPECT_EQ(active->professional, "Mirjam Voorbeeld (fictional)");
    EXPECT_EQ(active->professional_phone, "+31600000999");
    EXPECT_EQ(active->ongoing_care, "ambulant");
    EXPECT_EQ(active->legal_measure, "supervision_order");
    EXPECT_EQ(active->started_at, kT0 - 24h * 10);
    EXPECT_FALSE(active->ended_at.has_value());
    EXPECT_EQ(active->created_by, kees_);

    db::PreRegistrationRecord changed = *active;
    changed.legal_measure = "guardianship";
    changed.legal_measure_note = "since last month";
    changed.ongoing_care_contact = "Casemanager Fictief";
    changed.updated_at = kT0;
    Write([&](db::Tx& tx) { tx.pre_registrations().Update(changed); });
    auto updated = Read([&](db::Tx& tx) { return tx.pre_registrations().Find(*first); });
    EXPECT_EQ(updated->legal_measure, "guardianship");
    EXPECT_EQ(updated->legal_measure_note, "since last month");
    EXPECT_EQ(updated->ongoing_care_contact, "Casemanager Fictief");
    EXPECT_EQ(updated->updated_at, kT0);

    Write([&](db::Tx& tx) { tx.pre_registrations().End(*first, kT0 + 1h, "moved away"); });
    EXPECT_FALSE(Read([&](db::Tx& tx) { return tx.pre_registrations().FindActive(y); }).has_value());
    auto ended = Read([&](db::Tx& tx) { return tx.pre_registrations().Find(*first); });
    EXPECT_EQ(ended->ended_at, std::optional<TimePoint>(kT0 + 1h));
    EXPECT_EQ(ended->end_reason, "moved away");

    auto again = Write([&](db::Tx& tx) { return tx.pre_registrations().Insert(MakePreRegistration(y)); });
    ASSERT_TRUE(again.has_value());
    EXPECT_NE(*again, *first);
    EXPECT_EQ(Read([&](db::Tx& tx) { return tx.pre_registrations().FindActive(y); })->id, *again);
    EXPECT_FALSE(Read([&](db::Tx& tx) { return tx.pre_registrations().Find(*again + 100); }).has_value());
}

// --- plans -----------------------------------------------------------------------------------

TEST_F(RepoPlans, KeepsEveryVersionAndFindsTheLatest) {
    std::int64_t y = AddYouth("Sofie", "de Vries (fictional)");
    std::int64_t other = AddYouth("Daan", "de Vries (fictional)");
    std::int64_t anna = AddUser("anna", "Anna Psychiater (fictional)");
    auto plan = [&](int version, std::int64_t author, std::string content) {
        db::PlanVersionRecord p;
        p.youth_id = y;
        p.version = version;
        p.author_id = author;
        p.created_at = kT0 + std::chrono::minutes(version);
        p.change_note = "version " + std::to_string(version);
        p.content = std::move(content);
        return p;
    };
    EXPECT_EQ(Read([&](db::Tx& tx) { return tx.plans().LatestVersion(y); }), 0);
    EXPECT_FALSE(Read([&](db::Tx& tx) { return tx.plans().Find(y, 0); }).has_value());
    std::string binary("\x0a\x00\x01\xff", 4);
    Write([&](db::Tx& tx) { tx.plans().Insert(plan(1, kees_, binary)); });
    Write([&](db::Tx& tx) { tx.plans().Insert(plan(2, anna, "second")); });

    EXPECT_EQ(Read([&](db::Tx& tx) { return tx.plans().LatestVersion(y); }), 2);
    EXPECT_EQ(Read([&](db::Tx& tx) { return tx.plans().LatestVersion(other); }), 0);
    auto latest = Read([&](db::Tx& tx) { return tx.plans().Find(y, 0); });
    ASSERT_TRUE(latest.has_value());
    EXPECT_EQ(latest->version, 2);
    EXPECT_EQ(latest->content, "second");
    EXPECT_EQ(latest->author_id, anna);
    EXPECT_EQ(latest->author_name, "Anna Psychiater (fictional)");
    auto first = Read([&](db::Tx& tx) { return tx.plans().Find(y, 1); });
    ASSERT_TRUE(first.has_value());
    EXPECT_EQ(first->content, binary);
    EXPECT_EQ(first->change_note, "version 1");
    EXPECT_EQ(first->created_at, kT0 + 1min);
    EXPECT_EQ(first->author_name, "Kees Worker (fictional)");
    EXPECT_FALSE(Read([&](db::Tx& tx) { return tx.plans().Find(y, 3); }).has_value());
    EXPECT_FALSE(Read([&](db::Tx& tx) { return tx.plans().Find(other, 0); }).has_value());

    auto list = Read([&](db::Tx& tx) { return tx.plans().List(y); });
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].version, 2);
    EXPECT_EQ(list[1].version, 1);
    EXPECT_TRUE(list[0].content.empty());
    EXPECT_TRUE(list[1].content.empty());
    EXPECT_EQ(list[1].author_name, "Kees Worker (fictional)");
    EXPECT_EQ(list[0].change_note, "version 2");

    // The same version twice is refused by the schema.
    Status dup = store_->Write([&](db::Tx& tx) -> Status {
        tx.plans().Insert(plan(2, kees_, "overwrite"));
        return Ok();
    });
    EXPECT_FALSE(dup.ok());
    EXPECT_EQ(Read([&](db::Tx& tx) { return tx.plans().Find(y, 2); })->content, "second");
}

TEST_F(RepoPlans, VersionsCannotBeUpdatedOrDeleted) {
    std::int64_t y = AddYouth("Sofie", "de Vries (fictional)");
    Write([&](db::Tx& tx) {
        db::PlanVersionRecord p;
        p.youth_id = y;
        p.version = 1;
        p.author_id = kees_;
        p.created_at = kT0;
        p.change_note = "first";
        p.content = "original";
        tx.plans().Insert(p);
    });
    {
        auto c = Raw();
        EXPECT_THROW(c->Exec("UPDATE plan_versions SET change_note = 'changed' WHERE youth_id = " + std::to_string(y)),
                     std::runtime_error);
        EXPECT_THROW(c->Exec("DELETE FROM plan_versions"), std::runtime_error);
    }
    EXPECT_EQ(Read([&](db::Tx& tx) { return tx.plans().Find(y, 1); })->content, "original");
}

// --- break-the-glass -------------------------------------------------------------------------

TEST_F(RepoBreakGlass, FindsTheWindowOpenAtNow) {
    std::int64_t y = AddYouth("Sofie", "de Vries (fictional)");
    std::int64_t other_youth = AddYouth("Daan", "de Vries (fictional)");
    std::int64_t anna = AddUser("anna", "Anna (fictional)");
    auto insert = [&](std::int64_t user, std::int64_t youth, TimePoint opened, TimePoint expires) {
        return Write([&](db::Tx& tx) {
            db::BreakGlassRecord r;
            r.user_id = user;
            r.youth_id = youth;
            r.reason = "acute crisis, no consent reachable";
            r.opened_at = opened;
            r.expires_at = expires;
            return tx.break_glass().Insert(r);
        });
    };
    std::int64_t id = insert(kees_, y, kT0, kT0 + 1h);
    auto open = [&](std::int64_t user, std::int64_t youth, TimePoint at) {
        return Read([&](db::Tx& tx) { return tx.break_glass().FindOpen(user, youth, at); });
    };
    EXPECT_FALSE(open(kees_, y, kT0 - k1us).has_value());
    ASSERT_TRUE(open(kees_, y, kT0).has_value());
    EXPECT_EQ(open(kees_, y, kT0)->id, id);
    EXPECT_EQ(open(kees_, y, kT0)->username, "kees");
    EXPECT_TRUE(open(kees_, y, kT0 + 1h - k1us).has_value());
    EXPECT_FALSE(open(kees_, y, kT0 + 1h).has_value());
    EXPECT_FALSE(open(anna, y, kT0).has_value()) << "another user's window";
    EXPECT_FALSE(open(kees_, other_youth, kT0).has_value()) << "another youth";

    std::int64_t longer = insert(kees_, y, kT0 + 10min, kT0 + 3h);
    std::int64_t shorter = insert(kees_, y, kT0 + 20min, kT0 + 2h);
    EXPECT_EQ(open(kees_, y, kT0 + 30min)->id, longer);
    EXPECT_EQ(open(kees_, y, kT0 + 5min)->id, id);
    EXPECT_NE(shorter, longer);

    auto found = Read([&](db::Tx& tx) { return tx.break_glass().Find(id); });
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->user_id, kees_);
    EXPECT_EQ(found->youth_id, y);
    EXPECT_EQ(found->reason, "acute crisis, no consent reachable");
    EXPECT_EQ(found->opened_at, kT0);
    EXPECT_EQ(found->expires_at, kT0 + 1h);
    EXPECT_FALSE(found->reviewed_at.has_value());
    EXPECT_FALSE(found->review_approved.has_value());
}

TEST_F(RepoBreakGlass, ListsUnreviewedOldestFirstAndRecordsTheReview) {
    std::int64_t y = AddYouth("Sofie", "de Vries (fictional)");
    std::int64_t coordinator = AddUser("coco", "Coco Coordinator (fictional)");
    auto insert = [&](TimePoint opened) {
        return Write([&](db::Tx& tx) {
            db::BreakGlassRecord r;
            r.user_id = kees_;
            r.youth_id = y;
            r.reason = "night call";
            r.opened_at = opened;
            r.expires_at = opened + 1h;
            return tx.break_glass().Insert(r);
        });
    };
    std::int64_t later = insert(kT0 + 2h);
    std::int64_t earlier = insert(kT0);
    std::int64_t middle = insert(kT0 + 1h);

    auto list = [&](bool include_reviewed) {
        std::vector<std::int64_t> ids;
        for (const auto& r : Read([&](db::Tx& tx) { return tx.break_glass().List(include_reviewed); })) {
            ids.push_back(r.id);
            EXPECT_EQ(r.username, "kees");
        }
        return ids;
    };
    EXPECT_EQ(list(false), (std::vector<std::int64_t>{earlier, middle, later}));

    Write([&](db::Tx& tx) { tx.break_glass().Review(middle, kT0 + 24h, coordinator, false, "not needed"); });
    Write([&](db::Tx& tx) { tx.break_glass().Review(earlier, kT0 + 24h, coordinator, true, "justified"); });
    EXPECT_EQ(list(false), std::vector<std::int64_t>{later});
    EXPECT_EQ(list(true), (std::vector<std::int64_t>{earlier, middle, later}));

    auto rejected = Read([&](db::Tx& tx) { return tx.break_glass().Find(middle); });
    EXPECT_EQ(rejected->reviewed_at, std::optional<TimePoint>(kT0 + 24h));
    EXPECT_EQ(rejected->reviewed_by, std::optional<std::int64_t>(coordinator));
    EXPECT_EQ(rejected->review_approved, std::optional<bool>(false));
    EXPECT_EQ(rejected->review_note, "not needed");
    EXPECT_EQ(Read([&](db::Tx& tx) { return tx.break_glass().Find(earlier); })->review_approved,
              std::optional<bool>(true));
}

// --- cases -----------------------------------------------------------------------------------

TEST_F(RepoCases, RoundTripWithProblemAreasAndRiskFlags) {
    std::int64_t y = AddYouth("Sofie", "de Vries (fictional)");
    std::int64_t lead = AddUser("lead", "Lead (fictional)");
    db::CaseRecord c = MakeCase(y, kT0);
    c.caller_description = "mother calling";
    c.complexity = "complex";
    c.case_lead = lead;
    c.problem_areas = {"school", "family"};
    c.risk_flags = {"suicidality", "self_harm"};
    c.id = Write([&](db::Tx& tx) { return tx.cases().Insert(c); });
    ASSERT_GT(c.id, 0);

    auto found = Read([&](db::Tx& tx) { return tx.cases().Find(c.id); });
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->youth_id, std::optional<std::int64_t>(y));
    EXPECT_EQ(found->caller_description, "mother calling");
    EXPECT_EQ(found->status, "open");
    EXPECT_EQ(found->complexity, "complex");
    EXPECT_EQ(found->case_lead, std::optional<std::int64_t>(lead));
    EXPECT_FALSE(found->outcome.has_value());
    EXPECT_EQ(found->problem_areas, (std::vector<std::string>{"family", "school"}));
    EXPECT_EQ(found->risk_flags, (std::vector<std::string>{"self_harm", "suicidality"}));
    EXPECT_EQ(found->opened_by, kees_);
    EXPECT_EQ(found->opened_at, kT0);
    EXPECT_FALSE(found->closed_at.has_value());

    c.status = "closed";
    c.outcome = "own_network";
    c.closed_at = kT0 + 3h;
    c.closed_by = lead;
    c.closing_note = "calm again";
    c.updated_at = kT0 + 3h;
    c.problem_areas = {"housing"};
    c.risk_flags = {};
    Write([&](db::Tx& tx) { tx.cases().Update(c); });
    auto closed = Read([&](db::Tx& tx) { return tx.cases().Find(c.id); });
    EXPECT_EQ(closed->status, "closed");
    EXPECT_EQ(closed->outcome, std::optional<std::string>("own_network"));
    EXPECT_EQ(closed->closed_at, std::optional<TimePoint>(kT0 + 3h));
    EXPECT_EQ(closed->closed_by, std::optional<std::int64_t>(lead));
    EXPECT_EQ(closed->closing_note, "calm again");
    EXPECT_EQ(closed->updated_at, kT0 + 3h);
    EXPECT_EQ(closed->problem_areas, std::vector<std::string>{"housing"});
    EXPECT_TRUE(closed->risk_flags.empty());

    std::int64_t unknown = AddCase(std::nullopt, kT0);
    EXPECT_FALSE(Read([&](db::Tx& tx) { return tx.cases().Find(unknown); })->youth_id.has_value());
    EXPECT_FALSE(Read([&](db::Tx& tx) { return tx.cases().Find(unknown + 100); }).has_value());
}

TEST_F(RepoCases, TouchSetsOnlyTheTimeOfTheLastChange) {
    std::int64_t y = AddYouth("Sofie", "de Vries (fictional)");
    db::CaseRecord c = MakeCase(y, kT0);
    c.problem_areas = {"school", "family"};
    c.risk_flags = {"self_harm"};
    c.id = Write([&](db::Tx& tx) { return tx.cases().Insert(c); });
    auto before = Read([&](db::Tx& tx) { return tx.cases().Find(c.id); });
    ASSERT_TRUE(before.has_value());

    Write([&](db::Tx& tx) { tx.cases().Touch(c.id, kT0 + 2h); });
    auto after = Read([&](db::Tx& tx) { return tx.cases().Find(c.id); });
    ASSERT_TRUE(after.has_value());
    EXPECT_EQ(after->updated_at, kT0 + 2h);
    EXPECT_NE(before->updated_at, after->updated_at);
    after->updated_at = before->updated_at;
    EXPECT_EQ(after->problem_areas, before->problem_areas);
    EXPECT_EQ(after->risk_flags, before->risk_flags);
    EXPECT_EQ(after->status, before->status);
    EXPECT_EQ(after->youth_id, before->youth_id);
    EXPECT_EQ(after->opened_at, before->opened_at);
}

TEST_F(RepoCases, ListFiltersAndPages) {
    std::int64_t y = AddYouth("Sofie", "de Vries (fictional)");
    std::int64_t other = AddYouth("Daan", "de Vries (fictional)");
    std::int64_t piet = AddUser("piet", "Piet (fictional)");
    std::int64_t lead = AddUser("lead", "Lead (fictional)");
    std::int64_t c1 = AddCase(y, kT0 - 48h);
    std::int64_t c2 = AddCase(other, kT0 - 24h);
    std::int64_t c3 = AddCase(y, kT0);
    std::int64_t c4 = AddCase(std::nullopt, kT0 + 1h);
    Write([&](db::Tx& tx) {
        auto c = *tx.cases().Find(c2);
        c.status = "closed";
        c.closed_at = kT0;
        c.closed_by = kees_;
        tx.cases().Update(c);
        auto l = *tx.cases().Find(c4);
        l.case_lead = lead;
        tx.cases().Update(l);
    });
    db::ContactRecord visit = MakeContact(c1, kT0 - 47h, "");
    visit.workers = {piet};
    AddContact(visit);

    auto list = [&](db::CaseFilter f) {
        std::vector<std::int64_t> ids;
        for (const auto& c : Read([&](db::Tx& tx) { return tx.cases().List(f); })) ids.push_back(c.id);
        return ids;
    };
    auto filter = [](auto set) {
        db::CaseFilter f;
        set(f);
        return f;
    };
    EXPECT_EQ(list({}), (std::vector<std::int64_t>{c4, c3, c2, c1}));
    EXPECT_EQ(list(filter([](auto& f) { f.open_only = true; })), (std::vector<std::int64_t>{c4, c3, c1}));
    EXPECT_EQ(list(filter([&](auto& f) { f.involving_user = piet; })), std::vector<std::int64_t>{c1})
        << "present at a contact";
    EXPECT_EQ(list(filter([&](auto& f) { f.involving_user = lead; })), std::vector<std::int64_t>{c4}) << "case lead";
    EXPECT_EQ(list(filter([&](auto& f) { f.involving_user = kees_; })), (std::vector<std::int64_t>{c4, c3, c2, c1}))
        << "opened by";
    EXPECT_EQ(list(filter([](auto& f) { f.since = kT0 - 24h; })), (std::vector<std::int64_t>{c4, c3, c2}));
    EXPECT_EQ(list(filter([](auto& f) { f.since = kT0 - 24h + k1us; })), (std::vector<std::int64_t>{c4, c3}));
    EXPECT_EQ(list(filter([&](auto& f) { f.youth_id = y; })), (std::vector<std::int64_t>{c3, c1}));
    EXPECT_EQ(list(filter([&](auto& f) {
                  f.open_only = true;
                  f.involving_user = piet;
              })),
              std::vector<std::int64_t>{c1});
    EXPECT_EQ(list(filter([](auto& f) { f.limit = 2; })), (std::vector<std::int64_t>{c4, c3}));
    EXPECT_EQ(list(filter([&](auto& f) {
                  f.before_id = c3;
                  f.limit = 2;
              })),
              (std::vector<std::int64_t>{c2, c1}));
    EXPECT_TRUE(list(filter([&](auto& f) { f.before_id = c1; })).empty());

    auto with_details = Read([&](db::Tx& tx) {
        db::CaseRecord c = *tx.cases().Find(c1);
        c.risk_flags = {"runaway"};
        return c;
    });
    Write([&](db::Tx& tx) { tx.cases().Update(with_details); });
    auto listed = Read([&](db::Tx& tx) { return tx.cases().List(filter([&](auto& f) { f.youth_id = y; })); });
    ASSERT_EQ(listed.size(), 2u);
    EXPECT_EQ(listed[1].risk_flags, std::vector<std::string>{"runaway"});
}

TEST_F(RepoCases, ContactsAndEventsRoundTripOldestFirst) {
    std::int64_t piet = AddUser("piet", "Piet (fictional)");
    std::int64_t c = AddCase(std::nullopt, kT0);
    std::int64_t other = AddCase(std::nullopt, kT0);
    db::ContactRecord later = MakeContact(c, kT0 + 2h, "+31600000555");
    later.type = "home_visit";
    later.caller_role = "youth";
    later.ended_at = kT0 + 3h;
    later.workers = {piet, kees_};
    later.responses = {"home_visit", "agreements", "advice"};
    later.plan_version_consulted = 2;
    later.logged_at = kT0 + 3h + 5min;
    db::ContactRecord earlier = MakeContact(c, kT0, "");
    earlier.responses = {};
    std::int64_t later_id = AddContact(later);
    std::int64_t earlier_id = AddContact(earlier);
    AddContact(MakeContact(other, kT0, ""));

    auto contacts = Read([&](db::Tx& tx) { return tx.cases().Contacts(c); });
    ASSERT_EQ(contacts.size(), 2u);
    EXPECT_EQ(contacts[0].id, earlier_id);
    EXPECT_EQ(contacts[1].id, later_id);
    const auto& k = contacts[1];
    EXPECT_EQ(k.case_id, c);
    EXPECT_EQ(k.type, "home_visit");
    EXPECT_EQ(k.started_at, kT0 + 2h);
    EXPECT_EQ(k.ended_at, std::optional<TimePoint>(kT0 + 3h));
    EXPECT_EQ(k.caller_role, "youth");
    EXPECT_EQ(k.caller_phone, "+31600000555");
    EXPECT_EQ(k.summary, "worried about tonight");
    EXPECT_EQ(k.plan_version_consulted, 2);
    std::vector<std::int64_t> workers = {kees_, piet};
    std::sort(workers.begin(), workers.end());
    EXPECT_EQ(k.workers, workers);
    EXPECT_EQ(k.responses, (std::vector<std::string>{"advice", "agreements", "home_visit"}));
    EXPECT_EQ(k.logged_by, kees_);
    EXPECT_EQ(k.logged_at, kT0 + 3h + 5min);
    EXPECT_FALSE(contacts[0].ended_at.has_value());
    EXPECT_TRUE(contacts[0].responses.empty());
    EXPECT_EQ(contacts[0].workers, std::vector<std::int64_t>{kees_});

    Write([&](db::Tx& tx) {
        tx.cases().AddEvent({0, c, kT0 + 1h, "note", "second", kees_});
        tx.cases().AddEvent({0, c, kT0, "status", "first", piet});
        tx.cases().AddEvent({0, other, kT0, "note", "elsewhere", kees_});
    });
    auto events = Read([&](db::Tx& tx) { return tx.cases().Events(c); });
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].text, "first");
    EXPECT_EQ(events[0].kind, "status");
    EXPECT_EQ(events[0].by_user, piet);
    EXPECT_EQ(events[0].at, kT0);
    EXPECT_EQ(events[1].text, "second");
}

TEST_F(RepoCases, FindsCasesByCallerPhoneNewestFirst) {
    std::int64_t y = AddYouth("Sofie", "de Vries (fictional)");
    std::int64_t old_case = AddCase(y, kT0 - 72h);
    std::int64_t new_case = AddCase(std::nullopt, kT0);
    std::int64_t mid_case = AddCase(y, kT0 - 24h);
    std::int64_t unrelated = AddCase(y, kT0 + 1h);
    AddContact(MakeContact(old_case, kT0 - 72h, "+31600000777"));
    AddContact(MakeContact(new_case, kT0, "+31600000777"));
    AddContact(MakeContact(new_case, kT0 + 10min, "+31600000777"));  // twice in one case: one row
    AddContact(MakeContact(mid_case, kT0 - 24h, "+31600000777"));
    AddContact(MakeContact(unrelated, kT0 + 1h, "+31600000888"));
    AddContact(MakeContact(unrelated, kT0 + 1h, ""));

    auto find = [&](const std::string& phone, int limit) {
        return Read([&](db::Tx& tx) { return tx.cases().FindByCallerPhone(phone, limit); });
    };
    auto found = find("+31600000777", 10);
    ASSERT_EQ(found.size(), 3u);
    EXPECT_EQ(found[0].case_id, new_case);
    EXPECT_FALSE(found[0].youth_id.has_value());
    EXPECT_EQ(found[0].opened_at, kT0);
    EXPECT_EQ(found[0].status, "open");
    EXPECT_EQ(found[1].case_id, mid_case);
    EXPECT_EQ(found[1].youth_id, std::optional<std::int64_t>(y));
    EXPECT_EQ(found[2].case_id, old_case);
    EXPECT_EQ(find("+31600000777", 2).size(), 2u);
    EXPECT_TRUE(find("", 10).empty());
    EXPECT_TRUE(find("+31600000000", 10).empty());
}

// --- consults --------------------------------------------------------------------------------

TEST_F(RepoConsults, ListsOpenOldestFirstThenAnsweredNewestFirst) {
    std::int64_t psy = AddUser("psy", "Dr. Psy (fictional)");
    std::int64_t c = AddCase(std::nullopt, kT0);
    std::int64_t other = AddCase(std::nullopt, kT0);
    auto ask = [&](std::int64_t case_id, TimePoint at, const std::string& urgency) {
        return Write([&](db::Tx& tx) {
            db::ConsultRecord q;
            q.case_id = case_id;
            q.question = "medication?";
            q.urgency = urgency;
            q.requested_by = kees_;
            q.requested_at = at;
            return tx.consults().Insert(q);
        });
    };
    std::int64_t a = ask(c, kT0 + 3min, "urgent");
    std::int64_t b = ask(c, kT0 + 1min, "routine");
    std::int64_t d = ask(c, kT0 + 2min, "immediate");
    std::int64_t e = ask(other, kT0, "routine");
    std::int64_t f = ask(c, kT0 + 4min, "routine");

    auto fresh = Read([&](db::Tx& tx) { return tx.consults().Find(a); });
    ASSERT_TRUE(fresh.has_value());
    EXPECT_EQ(fresh->case_id, c);
    EXPECT_EQ(fresh->question, "medication?");
    EXPECT_EQ(fresh->urgency, "urgent");
    EXPECT_EQ(fresh->requested_by, kees_);
    EXPECT_EQ(fresh->requested_at, kT0 + 3min);
    EXPECT_FALSE(fresh->psychiatrist.has_value());
    EXPECT_FALSE(fresh->answered_at.has_value());
    EXPECT_FALSE(fresh->advice.has_value());

    Write([&](db::Tx& tx) { tx.consults().Answer(d, psy, kT0 + 10min, "call back in an hour"); });
    Write([&](db::Tx& tx) { tx.consults().Answer(f, psy, kT0 + 20min, "no change"); });
    auto answered = Read([&](db::Tx& tx) { return tx.consults().Find(d); });
    EXPECT_EQ(answered->psychiatrist, std::optional<std::int64_t>(psy));
    EXPECT_EQ(answered->answered_at, std::optional<TimePoint>(kT0 + 10min));
    EXPECT_EQ(answered->advice, std::optional<std::string>("call back in an hour"));

    auto list = [&](bool open_only, std::int64_t case_id) {
        std::vector<std::int64_t> ids;
        for (const auto& q : Read([&](db::Tx& tx) { return tx.consults().List(open_only, case_id); })) {
            ids.push_back(q.id);
        }
        return ids;
    };
    EXPECT_EQ(list(false, c), (std::vector<std::int64_t>{b, a, f, d}));
    EXPECT_EQ(list(true, c), (std::vector<std::int64_t>{b, a}));
    EXPECT_EQ(list(false, 0), (std::vector<std::int64_t>{e, b, a, f, d}));
    EXPECT_EQ(list(true, 0), (std::vector<std::int64_t>{e, b, a}));
    EXPECT_EQ(list(false, other), std::vector<std::int64_t>{e});
}

// --- shifts ----------------------------------------------------------------------------------

TEST_F(RepoShifts, PutTwiceReplacesTheShiftAndItsWorkers) {
    std::int64_t piet = AddUser("piet", "Piet (fictional)");
    std::int64_t mia = AddUser("mia", "Mia (fictional)");
    std::int64_t psy = AddUser("psy", "Dr. Psy (fictional)");
    EXPECT_FALSE(Read([&](db::Tx& tx) { return tx.shifts().Find("2025-03-14"); }).has_value());

    db::ShiftRecord s{"2025-03-14", {piet, kees_}, psy, "+31600000444", kees_, kT0};
    Write([&](db::Tx& tx) { tx.shifts().Put(s); });
    db::ShiftRecord next{"2025-03-15", {mia}, std::nullopt, "", kees_, kT0};
    Write([&](db::Tx& tx) { tx.shifts().Put(next); });

    auto first = Read([&](db::Tx& tx) { return tx.shifts().Find("2025-03-14"); });
    ASSERT_TRUE(first.has_value());
    std::vector<std::int64_t> expected = {piet, kees_};
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(first->workers, expected);
    EXPECT_EQ(first->psychiatrist, std::optional<std::int64_t>(psy));
    EXPECT_EQ(first->psychiatrist_phone, "+31600000444");
    EXPECT_EQ(first->set_by, kees_);
    EXPECT_EQ(first->set_at, kT0);

    db::ShiftRecord again{"2025-03-14", {mia}, std::nullopt, "", piet, kT0 + 1h};
    Write([&](db::Tx& tx) { tx.shifts().Put(again); });
    auto replaced = Read([&](db::Tx& tx) { return tx.shifts().Find("2025-03-14"); });
    ASSERT_TRUE(replaced.has_value());
    EXPECT_EQ(replaced->workers, std::vector<std::int64_t>{mia});
    EXPECT_FALSE(replaced->psychiatrist.has_value());
    EXPECT_EQ(replaced->psychiatrist_phone, "");
    EXPECT_EQ(replaced->set_by, piet);
    EXPECT_EQ(replaced->set_at, kT0 + 1h);
    EXPECT_EQ(Read([&](db::Tx& tx) { return tx.shifts().Find("2025-03-15"); })->workers,
              std::vector<std::int64_t>{mia});
}

TEST_F(RepoShifts, NotesSinceADateOldestFirst) {
    std::int64_t piet = AddUser("piet", "Piet (fictional)");
    auto note = [&](const std::string& date, std::int64_t author, TimePoint at, const std::string& text) {
        return Write([&](db::Tx& tx) { return tx.shifts().AddNote({0, date, author, "", at, text}); });
    };
    note("2025-03-12", kees_, kT0 - 48h, "too old");
    std::int64_t b = note("2025-03-14", piet, kT0 + 2h, "second");
    std::int64_t a = note("2025-03-13", kees_, kT0 - 24h, "first");
    std::int64_t c = note("2025-03-14", kees_, kT0 + 2h, "third, same minute");

    auto notes = Read([&](db::Tx& tx) { return tx.shifts().Notes("2025-03-13"); });
    ASSERT_EQ(notes.size(), 3u);
    EXPECT_EQ(notes[0].id, a);
    EXPECT_EQ(notes[1].id, b);
    EXPECT_EQ(notes[2].id, c);
    EXPECT_EQ(notes[0].shift_date, "2025-03-13");
    EXPECT_EQ(notes[0].author_id, kees_);
    EXPECT_EQ(notes[0].author_name, "Kees Worker (fictional)");
    EXPECT_EQ(notes[1].author_name, "Piet (fictional)");
    EXPECT_EQ(notes[0].written_at, kT0 - 24h);
    EXPECT_EQ(notes[0].text, "first");
    EXPECT_EQ(Read([&](db::Tx& tx) { return tx.shifts().Notes("2025-03-15"); }).size(), 0u);
}

// --- idempotency -----------------------------------------------------------------------------

TEST_F(RepoIdempotency, FindsWhatWasStoredUnderTheSameUserMethodAndKey) {
    std::int64_t piet = AddUser("piet", "Piet (fictional)");
    auto find = [&](std::int64_t user, const std::string& method, const std::string& key) {
        return Read([&](db::Tx& tx) { return tx.idempotency().Find(user, method, key); });
    };
    EXPECT_FALSE(find(kees_, "spoed.v1.CaseService/OpenCase", "k1").has_value());
    db::IdempotencyRecord r{std::string("\x01\x00\x02", 3), std::string("\x08\x00\x10\x2a", 4)};
    Write([&](db::Tx& tx) { tx.idempotency().Insert(kees_, "spoed.v1.CaseService/OpenCase", "k1", r, kT0); });

    auto found = find(kees_, "spoed.v1.CaseService/OpenCase", "k1");
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->request_hash, r.request_hash);
    EXPECT_EQ(found->response, r.response);
    EXPECT_FALSE(find(piet, "spoed.v1.CaseService/OpenCase", "k1").has_value());
    EXPECT_FALSE(find(kees_, "spoed.v1.CaseService/AddContact", "k1").has_value());
    EXPECT_FALSE(find(kees_, "spoed.v1.CaseService/OpenCase", "k2").has_value());

    // The same key twice is a bug in the caller; the primary key refuses it.
    Status again = store_->Write([&](db::Tx& tx) -> Status {
        tx.idempotency().Insert(kees_, "spoed.v1.CaseService/OpenCase", "k1", r, kT0);
        return Ok();
    });
    EXPECT_FALSE(again.ok());
}

}  // namespace
}  // namespace spoed
