// The repositories that both stores have, held to the same behaviour: each test runs once on
// SQLite and once on a real PostgreSQL 15 server that it starts itself on loopback.
#include "db/pg_repos.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>

#include "db/pg.hpp"
#include "db/sqlite_store.hpp"
#include "tests/support/pg_server.hpp"
#include "tests/support/temp_dir.hpp"

namespace spoed {
namespace {

/// The repositories a unit of work of these tests uses.
struct Repos {
    db::UserRepo& users;
    db::SessionRepo& sessions;
    db::TotpRepo& totp;
    db::IdempotencyRepo& idempotency;
};
using Unit = std::function<void(const Repos&)>;

/// One store under test: runs a unit of work in one write transaction of it; false when the
/// store refused it (and rolled it back).
class StoreUnderTest {
  public:
    virtual ~StoreUnderTest() = default;
    virtual bool ok() const = 0;
    virtual bool Run(const Unit& unit) = 0;
};

class SqliteUnderTest final : public StoreUnderTest {
  public:
    SqliteUnderTest() : store_(db::SqliteStore::Open({.path = dir_.file("spoed.db")})) {}
    bool ok() const override { return store_ != nullptr; }
    bool Run(const Unit& unit) override {
        auto done = store_->Write([&](db::Tx& tx) -> Status {
            unit({tx.users(), tx.sessions(), tx.totp(), tx.idempotency()});
            return Ok();
        });
        return done.ok();
    }

  private:
    test::TempDir dir_;
    std::unique_ptr<db::SqliteStore> store_;
};

class PgUnderTest final : public StoreUnderTest {
  public:
    PgUnderTest() {
        if (!server_.ok()) return;
        c_ = std::make_unique<db::pg::Connection>(server_.NewDatabase("spoed"));
        db::pg::Migrate(*c_);
    }
    bool ok() const override { return c_ != nullptr; }
    bool Run(const Unit& unit) override {
        try {
            db::pg::InTransaction(*c_, [&] {
                db::pg::PgUserRepo users(*c_);
                db::pg::PgSessionRepo sessions(*c_);
                db::pg::PgTotpRepo totp(*c_);
                db::pg::PgIdempotencyRepo idempotency(*c_);
                unit({users, sessions, totp, idempotency});
            });
            return true;
        } catch (const db::pg::PgError&) {
            return false;
        }
    }

  private:
    test::PgServer server_;
    std::unique_ptr<db::pg::Connection> c_;
};

class BothStores : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        if (GetParam() == "sqlite") {
            store_ = std::make_unique<SqliteUnderTest>();
        } else {
            store_ = std::make_unique<PgUnderTest>();
        }
        ASSERT_TRUE(store_->ok());
    }
    std::unique_ptr<StoreUnderTest> store_;
};

TimePoint At(int minute) { return FromMicros(1'700'000'000'000'000 + std::int64_t(minute) * 60'000'000); }

db::UserRecord User(const std::string& name, std::vector<std::string> roles) {
    db::UserRecord u;
    u.username = name;
    u.display_name = name + " (fictief)";
    u.password_hash = "$argon2id$v=19$m=64,t=1,p=1$c2FsdA$aGFzaA";
    u.roles = std::move(roles);
    u.created_at = At(0);
    return u;
}

TEST_P(BothStores, UsersKeepTheirRolesNamesAndChanges) {
    ASSERT_TRUE(store_->Run([](const Repos& r) {
        db::UserRepo& users = r.users;
        auto anna = users.Insert(User("anna", {"crisis_worker"}));
        auto carla = users.Insert(User("carla", {"coordinator", "meldcode_officer"}));
        ASSERT_TRUE(anna && carla);
        EXPECT_FALSE(users.Insert(User("anna", {"admin"})).has_value()) << "the name is taken";
        EXPECT_EQ(users.Count(), 2);

        auto found = users.FindByUsername("carla");
        ASSERT_TRUE(found);
        EXPECT_EQ(found->id, *carla);
        EXPECT_EQ(found->display_name, "carla (fictief)");
        EXPECT_EQ(found->roles, (std::vector<std::string>{"coordinator", "meldcode_officer"}));
        EXPECT_EQ(found->created_at, At(0));
        EXPECT_EQ(found->updated_at, At(0));
        EXPECT_FALSE(found->disabled);
        EXPECT_FALSE(found->totp_enrolled);

        users.SetRoles(*anna, {"psychiatrist", "crisis_worker"}, At(5));
        users.SetPassword(*anna, "$argon2id$new", true, At(6));
        users.SetDisabled(*carla, true, At(7));
        auto changed = users.FindById(*anna);
        ASSERT_TRUE(changed);
        EXPECT_EQ(changed->roles, (std::vector<std::string>{"crisis_worker", "psychiatrist"}));
        EXPECT_EQ(changed->password_hash, "$argon2id$new");
        EXPECT_TRUE(changed->must_change_password);
        EXPECT_EQ(changed->updated_at, At(6));
        EXPECT_FALSE(users.FindById(9999).has_value());

        auto active = users.List(false);
        ASSERT_EQ(active.size(), 1u);
        EXPECT_EQ(active[0].username, "anna");
        auto all = users.List(true);
        ASSERT_EQ(all.size(), 2u);
        EXPECT_EQ(all[1].username, "carla");
        EXPECT_TRUE(all[1].disabled);
        EXPECT_EQ(all[1].roles.size(), 2u);
    }));
}

TEST_P(BothStores, SessionsAreFoundByTheirTokenHashAndEndOnce) {
    ASSERT_TRUE(store_->Run([](const Repos& r) {
        db::UserRepo& users = r.users;
        db::SessionRepo& sessions = r.sessions;
        auto anna = users.Insert(User("anna", {"crisis_worker"}));
        ASSERT_TRUE(anna);
        auto open = [&](char tag) {
            db::SessionRecord s;
            s.user_id = *anna;
            s.token_hash = std::string(32, tag);
            s.token_hash[5] = '\0';  // raw bytes, a zero among them
            s.created_at = At(1);
            s.last_seen_at = At(1);
            s.expires_at = At(600);
            s.client_address = "192.0.2.10";
            return sessions.Insert(s);
        };
        const auto first = open('a');
        const auto second = open('b');
        const auto third = open('c');

        std::string hash(32, 'b');
        hash[5] = '\0';
        auto found = sessions.FindByTokenHash(hash);
        ASSERT_TRUE(found);
        EXPECT_EQ(found->id, second);
        EXPECT_EQ(found->token_hash, hash);
        EXPECT_FALSE(found->ended_at.has_value());
        EXPECT_FALSE(found->second_factor);

        sessions.Touch(second, At(10));
        sessions.Touch(second, At(3));  // never back in time
        sessions.MarkSecondFactor(second);
        found = sessions.FindById(second);
        EXPECT_EQ(found->last_seen_at, At(10));
        EXPECT_TRUE(found->second_factor);

        sessions.End(first, At(20), "logout");
        sessions.End(first, At(21), "again");  // no-op: already ended
        EXPECT_EQ(sessions.FindById(first)->ended_at, At(20));
        EXPECT_EQ(sessions.FindById(first)->end_reason, "logout");
        EXPECT_EQ(sessions.ListOpen(*anna).size(), 2u);
        EXPECT_EQ(sessions.EndOthersForUser(*anna, third, At(30), "password changed"), 1);
        EXPECT_EQ(sessions.ListOpen(*anna).size(), 1u);
        EXPECT_EQ(sessions.ListOpen(*anna)[0].id, third);
        EXPECT_EQ(sessions.EndAllForUser(*anna, At(40), "account disabled"), 1);
        EXPECT_TRUE(sessions.ListOpen(*anna).empty());
        EXPECT_EQ(sessions.EndAllForUser(*anna, At(41), "again"), 0);
    }));
}

TEST_P(BothStores, ASecondFactorIsPendingUntilConfirmedAndItsStepNeverGoesBack) {
    ASSERT_TRUE(store_->Run([](const Repos& r) {
        auto pieter = r.users.Insert(User("pieter", {"psychiatrist"}));
        ASSERT_TRUE(pieter);
        EXPECT_FALSE(r.totp.Find(*pieter).has_value());
        r.totp.PutPending(*pieter, std::string("sealed\0secret", 13), At(1));
        auto pending = r.totp.Find(*pieter);
        ASSERT_TRUE(pending);
        EXPECT_EQ(pending->secret_enc, std::string("sealed\0secret", 13));
        EXPECT_FALSE(pending->confirmed_at.has_value());
        EXPECT_FALSE(r.users.FindById(*pieter)->totp_enrolled);

        r.totp.Confirm(*pieter, 1000, At(2));
        r.totp.SetLastStep(*pieter, 999);  // an older code: the step stays
        EXPECT_EQ(r.totp.Find(*pieter)->last_step, 1000);
        r.totp.SetLastStep(*pieter, 1002);
        EXPECT_EQ(r.totp.Find(*pieter)->last_step, 1002);
        EXPECT_EQ(r.totp.Find(*pieter)->confirmed_at, At(2));
        EXPECT_TRUE(r.users.FindById(*pieter)->totp_enrolled);

        r.totp.PutPending(*pieter, "new", At(3));  // a new enrolment starts over
        EXPECT_FALSE(r.totp.Find(*pieter)->confirmed_at.has_value());
        EXPECT_EQ(r.totp.Find(*pieter)->last_step, 0);
        EXPECT_TRUE(r.totp.Delete(*pieter));
        EXPECT_FALSE(r.totp.Delete(*pieter));
    }));
}

TEST_P(BothStores, AnIdempotencyKeyKeepsItsFirstResponsePerUserAndMethod) {
    ASSERT_TRUE(store_->Run([](const Repos& r) {
        const std::string response("\x0a\x02\x00\x07", 4);
        r.idempotency.Insert(7, "spoed.v1.CaseService/OpenCase", "key-0001", {std::string(32, 'h'), response}, At(1));
        auto found = r.idempotency.Find(7, "spoed.v1.CaseService/OpenCase", "key-0001");
        ASSERT_TRUE(found);
        EXPECT_EQ(found->request_hash, std::string(32, 'h'));
        EXPECT_EQ(found->response, response);
        EXPECT_FALSE(r.idempotency.Find(8, "spoed.v1.CaseService/OpenCase", "key-0001")) << "another user";
        EXPECT_FALSE(r.idempotency.Find(7, "spoed.v1.CaseService/LogContact", "key-0001")) << "another method";
    }));
    // The same key again is refused by the store, whichever: the unit of work fails whole.
    EXPECT_FALSE(store_->Run([](const Repos& r) {
        r.idempotency.Insert(7, "spoed.v1.CaseService/OpenCase", "key-0001", {"other", "other"}, At(2));
    }));
    ASSERT_TRUE(store_->Run([](const Repos& r) {
        EXPECT_EQ(r.idempotency.Find(7, "spoed.v1.CaseService/OpenCase", "key-0001")->request_hash,
                  std::string(32, 'h'));
    }));
}

INSTANTIATE_TEST_SUITE_P(Stores, BothStores, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace spoed
