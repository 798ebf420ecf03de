#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <thread>

#include "db/audit_chain.hpp"
#include "db/sqlite.hpp"
#include "db/sqlite_store.hpp"
#include "tests/support/service_fixture.hpp"
#include "tests/support/temp_dir.hpp"

namespace spoed {
namespace {

using db::Connection;
using db::SqliteStore;

TEST(Connection, ReusesAPreparedStatementWithItsBindingsCleared) {
    test::TempDir dir;
    Connection c(dir.file("t.db"), Connection::Mode::kReadWriteCreate);
    c.Exec("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)");
    const char* insert = "INSERT INTO t (k, v) VALUES (?, ?)";
    {
        auto st = c.Prepare(insert);
        st.Bind(1, 1).Bind(2, "one");
        st.Run();
    }
    {
        // The cached statement comes back without the old values: an unbound ? is NULL.
        auto st = c.Prepare(insert);
        st.Bind(1, 2);
        st.Run();
    }
    EXPECT_EQ(c.QueryInt("SELECT count(*) FROM t WHERE k = 2 AND v IS NULL"), 1);
    {
        // Two of the same statement at once are two statements; a failed one can be used again.
        auto a = c.Prepare("SELECT v FROM t WHERE k = ?");
        auto b = c.Prepare("SELECT v FROM t WHERE k = ?");
        a.Bind(1, 1);
        b.Bind(1, 2);
        ASSERT_TRUE(a.Step());
        ASSERT_TRUE(b.Step());
        EXPECT_EQ(a.Text(0), "one");
        EXPECT_TRUE(b.IsNull(0));
        auto dup = c.Prepare(insert);
        dup.Bind(1, 1).Bind(2, "again");
        EXPECT_THROW(dup.Run(), db::SqliteError);
    }
    auto st = c.Prepare(insert);
    st.Bind(1, 3).Bind(2, "three");
    st.Run();
    EXPECT_EQ(c.QueryInt("SELECT count(*) FROM t"), 3);
    // A statement left mid-read goes back reset: the table can be changed and read again.
    {
        auto partial = c.Prepare("SELECT k FROM t ORDER BY k");
        ASSERT_TRUE(partial.Step());
    }
    c.Exec("DROP TABLE t; CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT, w TEXT)");
    EXPECT_EQ(c.QueryInt("SELECT count(*) FROM t"), 0);
}

TEST(SqliteStore, MigratesAFreshDatabaseToTheLatestVersionInWalMode) {
    test::TempDir dir;
    auto store = SqliteStore::Open({.path = dir.file("spoed.db")});
    EXPECT_EQ(store->SchemaVersion(), SqliteStore::LatestSchemaVersion());
    EXPECT_TRUE(store->Ready());
    Connection c(dir.file("spoed.db"), Connection::Mode::kReadOnly);
    EXPECT_EQ(c.QueryText("PRAGMA journal_mode"), "wal");
}

TEST(SqliteStore, ReopeningKeepsDataAndDoesNotMigrateAgain) {
    test::TempDir dir;
    {
        auto store = SqliteStore::Open({.path = dir.file("spoed.db")});
        auto st = store->Write([](db::Tx& tx) -> Status {
            db::UserRecord u;
            u.username = "kees";
            u.display_name = "Kees (fictional)";
            u.password_hash = "x";
            u.roles = {"admin"};
            EXPECT_TRUE(tx.users().Insert(u).has_value());
            return Ok();
        });
        ASSERT_TRUE(st.ok());
    }
    auto store = SqliteStore::Open({.path = dir.file("spoed.db")});
    auto count = store->Read([](db::Tx& tx) -> Result<std::int64_t> { return tx.users().Count(); });
    ASSERT_TRUE(count.ok());
    EXPECT_EQ(*count, 1);
}

TEST(SqliteStore, RefusesADatabaseFromANewerVersion) {
    test::TempDir dir;
    { auto store = SqliteStore::Open({.path = dir.file("spoed.db")}); }
    {
        Connection c(dir.file("spoed.db"), Connection::Mode::kReadWriteCreate);
        c.Exec("PRAGMA user_version = " + std::to_string(SqliteStore::LatestSchemaVersion() + 1));
    }
    try {
        SqliteStore::Open({.path = dir.file("spoed.db")});
        FAIL() << "a newer schema was accepted";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("newer"), std::string::npos) << e.what();
    }
}

TEST(SqliteStore, RefusesAFileThatIsNotADatabase) {
    test::TempDir dir;
    {
        FILE* f = std::fopen(dir.file("spoed.db").c_str(), "w");
        std::fputs("this is not a database, just some text that is long enough to be read as a header....", f);
        std::fclose(f);
    }
    EXPECT_THROW(SqliteStore::Open({.path = dir.file("spoed.db")}), std::runtime_error);
}

/// A database whose table `filler` has a root page overwritten with garbage: quick_check fails,
/// while the schema (page 1) still opens.
void MakeCorruptDatabase(const std::string& path) {
    { auto store = SqliteStore::Open({.path = path}); }
    std::int64_t root = 0;
    std::int64_t page_size = 0;
    {
        Connection c(path, Connection::Mode::kReadWriteCreate);
        c.Exec(
            "CREATE TABLE filler (x BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
            "WHERE i < 500) INSERT INTO filler SELECT randomblob(300) FROM n; PRAGMA wal_checkpoint(TRUNCATE)");
        root = c.QueryInt("SELECT rootpage FROM sqlite_schema WHERE name = 'filler'");
        page_size = c.QueryInt("PRAGMA page_size");
    }
    FILE* f = std::fopen(path.c_str(), "r+b");
    ASSERT_NE(f, nullptr);
    std::fseek(f, static_cast<long>((root - 1) * page_size), SEEK_SET);
    std::string garbage(static_cast<std::size_t>(page_size), '\x7f');
    std::fwrite(garbage.data(), 1, garbage.size(), f);
    std::fclose(f);
}

TEST(SqliteStore, RefusesADatabaseThatFailsItsIntegrityCheck) {
    test::TempDir dir;
    MakeCorruptDatabase(dir.file("spoed.db"));
    try {
        SqliteStore::Open({.path = dir.file("spoed.db")});
        FAIL() << "a damaged database was accepted";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("integrity check"), std::string::npos) << e.what();
    }
}

TEST(SqliteStore, ABackgroundIntegrityCheckThatFailsMakesTheStoreNotReady) {
    test::TempDir dir;
    MakeCorruptDatabase(dir.file("spoed.db"));
    auto store = SqliteStore::Open({.path = dir.file("spoed.db"), .check_in_background = true});
    for (int i = 0; i < 1000 && store->Integrity() == db::IntegrityState::kRunning; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    EXPECT_EQ(store->Integrity(), db::IntegrityState::kFailed);
    EXPECT_FALSE(store->Ready());

    // A sound database passes and stays ready.
    test::TempDir sound;
    auto ok = SqliteStore::Open({.path = sound.file("spoed.db"), .check_in_background = true});
    for (int i = 0; i < 1000 && ok->Integrity() == db::IntegrityState::kRunning; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    EXPECT_EQ(ok->Integrity(), db::IntegrityState::kOk);
    EXPECT_TRUE(ok->Ready());
}

TEST(SqliteStore, AFailedWriteLeavesNothingBehind) {
    test::TempDir dir;
    auto store = SqliteStore::Open({.path = dir.file("spoed.db")});
    auto st = store->Write([](db::Tx& tx) -> Status {
        db::UserRecord u;
        u.username = "half";
        u.display_name = "Half (fictional)";
        u.password_hash = "x";
        EXPECT_TRUE(tx.users().Insert(u).has_value());
        return Error::InvalidArgument("changed my mind");
    });
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().code, ErrorCode::kInvalidArgument);
    auto count = store->Read([](db::Tx& tx) -> Result<std::int64_t> { return tx.users().Count(); });
    EXPECT_EQ(*count, 0);
}

TEST(SqliteStore, AStorageFailureRollsBackAndComesBackAsAValue) {
    test::TempDir dir;
    auto store = SqliteStore::Open({.path = dir.file("spoed.db")});
    // A role outside the CHECK constraint makes SQLite itself fail half-way through the insert.
    auto st = store->Write([](db::Tx& tx) -> Status {
        db::UserRecord u;
        u.username = "broken";
        u.display_name = "Broken (fictional)";
        u.password_hash = "x";
        u.roles = {"no_such_role"};
        tx.users().Insert(u);
        return Ok();
    });
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().code, ErrorCode::kUnavailable);
    auto count = store->Read([](db::Tx& tx) -> Result<std::int64_t> { return tx.users().Count(); });
    EXPECT_EQ(*count, 0);
}

TEST(SqliteStore, ReadTransactionsCannotWrite) {
    test::TempDir dir;
    auto store = SqliteStore::Open({.path = dir.file("spoed.db")});
    auto st = store->Read([](db::Tx& tx) -> Status {
        db::UserRecord u;
        u.username = "sneaky";
        u.display_name = "x";
        u.password_hash = "x";
        tx.users().Insert(u);
        return Ok();
    });
    EXPECT_FALSE(st.ok());
}

TEST(AuditLog, IsAppendOnlyAndChainsEachEntryToThePreviousOne) {
    test::TempDir dir;
    auto store = SqliteStore::Open({.path = dir.file("spoed.db")});
    for (int i = 0; i < 3; ++i) {
        ASSERT_TRUE(store
                        ->Write([&](db::Tx& tx) -> Status {
                            db::AuditRecord r;
                            r.at = test::TestStart();
                            r.service = "spoed.v1.AuthService";
                            r.method = "WhoAmI";
                            r.action = "read";
                            r.result = "ok";
                            r.user_id = i + 1;
                            tx.audit().Append(r);
                            return Ok();
                        })
                        .ok());
    }
    auto rows = store->Read([](db::Tx& tx) -> Result<std::vector<db::AuditRecord>> {
        db::AuditFilter f;
        return tx.audit().List(f);
    });
    ASSERT_EQ(rows->size(), 3u);
    // Newest first: each hash covers the previous hash and its own content.
    EXPECT_EQ((*rows)[2].hash, db::AuditHash("", (*rows)[2]));
    EXPECT_EQ((*rows)[1].hash, db::AuditHash((*rows)[2].hash, (*rows)[1]));
    EXPECT_EQ((*rows)[0].hash, db::AuditHash((*rows)[1].hash, (*rows)[0]));

    Connection c(dir.file("spoed.db"), Connection::Mode::kReadWriteCreate);
    EXPECT_THROW(c.Exec("UPDATE audit_events SET result = 'ok' WHERE seq = 1"), db::SqliteError);
    EXPECT_THROW(c.Exec("DELETE FROM audit_events WHERE seq = 1"), db::SqliteError);
}

}  // namespace
}  // namespace spoed
