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

/// One store under test: runs a unit of work in one write transaction of it.
class StoreUnderTest {
  public:
    virtual ~StoreUnderTest() = default;
    virtual bool ok() const = 0;
    virtual void Run(const std::function<void(db::UserRepo&, db::SessionRepo&)>& unit) = 0;
};

class SqliteUnderTest final : public StoreUnderTest {
  public:
    SqliteUnderTest() : store_(db::SqliteStore::Open({.path = dir_.file("spoed.db")})) {}
    bool ok() const override { return store_ != nullptr; }
    void Run(const std::function<void(db::UserRepo&, db::SessionRepo&)>& unit) override {
        auto done = store_->Write([&](db::Tx& tx) -> Status {
            unit(tx.users(), tx.sessions());
            return Ok();
        });
        ASSERT_TRUE(done.ok()) << done.error().message;
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
    void Run(const std::function<void(db::UserRepo&, db::SessionRepo&)>& unit) override {
        db::pg::InTransaction(*c_, [&] {
            db::pg::PgUserRepo users(*c_);
            db::pg::PgSessionRepo sessions(*c_);
            unit(users, sessions);
        });
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
    store_->Run([](db::UserRepo& users, db::SessionRepo&) {
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
    });
}

TEST_P(BothStores, SessionsAreFoundByTheirTokenHashAndEndOnce) {
    store_->Run([](db::UserRepo& users, db::SessionRepo& sessions) {
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
    });
}

INSTANTIATE_TEST_SUITE_P(Stores, BothStores, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace spoed
