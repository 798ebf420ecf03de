// The audit log shows tampering: rows changed, deleted and reordered straight in the SQLite
// file (the append-only triggers dropped, as an attacker with the file would) are each found
// and named by the chain walk that `spoedd audit verify` and the daemon use.
#include "db/audit_chain.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "base/log.hpp"
#include "daemon/audit_watch.hpp"
#include "db/sql_repos.hpp"
#include "db/sqlite.hpp"
#include "db/sqlite_store.hpp"
#include "tests/support/service_fixture.hpp"
#include "tests/support/temp_dir.hpp"

namespace spoed {
namespace {

class AuditChain : public testing::Test {
  protected:
    void SetUp() override {
        auto store = db::SqliteStore::Open({.path = path});
        Status st = store->Write([&](db::Tx& tx) -> Status {
            for (int i = 1; i <= kEntries; ++i) {
                db::AuditRecord r;
                r.at = test::TestStart() + std::chrono::seconds(i);
                r.user_id = 1 + i % 3;
                r.username = "user" + std::to_string(i % 3);
                r.roles = "crisis_worker";
                r.service = "spoed.v1.CaseService";
                r.method = "GetCase";
                r.action = "read";
                r.object_ids = "case:" + std::to_string(i);
                r.youth_id = i;
                r.client_address = "192.0.2.10";
                r.result = "ok";
                tx.audit().Append(r);
            }
            return Ok();
        });
        ASSERT_TRUE(st.ok());
    }

    /// What an attacker with write access to the file does: sqlite3, triggers dropped.
    void Tamper(const std::string& sql) {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
        std::string all =
            "DROP TRIGGER IF EXISTS audit_events_no_update; DROP TRIGGER IF EXISTS audit_events_no_delete; " + sql;
        char* err = nullptr;
        EXPECT_EQ(sqlite3_exec(db, all.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
        sqlite3_free(err);
        sqlite3_close(db);
    }

    db::AuditChainReport Verify(const db::AuditAnchor& checkpoint = {}) {
        db::Connection c(path, db::Connection::Mode::kReadOnly);
        db::SqlAuditRepo audit(c);
        auto rep = db::VerifyAuditChain(audit);
        if (checkpoint.seq > 0) db::CheckAgainstCheckpoint(audit, checkpoint, rep);
        return rep;
    }

    db::AuditAnchor Head() {
        auto rep = Verify();
        EXPECT_TRUE(rep.ok) << rep.message;
        return rep.head;
    }

    static constexpr int kEntries = 20;
    test::TempDir dir;
    std::string path = dir.file("spoed.db");
};

TEST_F(AuditChain, AnUntouchedLogVerifies) {
    auto rep = Verify();
    EXPECT_TRUE(rep.ok) << rep.message;
    EXPECT_EQ(rep.entries, kEntries);
    EXPECT_EQ(rep.first_seq, 1);
    EXPECT_EQ(rep.head.seq, kEntries);
    EXPECT_EQ(rep.head.hash.size(), 32u);
}

TEST_F(AuditChain, TheTriggersRefuseChangesThroughSql) {
    db::Connection c(path, db::Connection::Mode::kReadWriteCreate);
    EXPECT_THROW(c.Exec("UPDATE audit_events SET result = 'ok' WHERE seq = 3"), db::SqliteError);
    EXPECT_THROW(c.Exec("DELETE FROM audit_events WHERE seq = 3"), db::SqliteError);
}

TEST_F(AuditChain, FindsAChangedEntry) {
    Tamper("UPDATE audit_events SET username = 'someone.else' WHERE seq = 7");
    auto rep = Verify();
    EXPECT_FALSE(rep.ok);
    EXPECT_EQ(rep.broken_seq, 7);
    EXPECT_EQ(rep.problem, "changed") << rep.message;
    EXPECT_EQ(rep.entries, 6);
}

TEST_F(AuditChain, FindsAChangedHash) {
    Tamper("UPDATE audit_events SET hash = zeroblob(32) WHERE seq = 12");
    auto rep = Verify();
    EXPECT_FALSE(rep.ok);
    EXPECT_EQ(rep.broken_seq, 12);
}

TEST_F(AuditChain, FindsARemovedEntry) {
    Tamper("DELETE FROM audit_events WHERE seq = 9");
    auto rep = Verify();
    EXPECT_FALSE(rep.ok);
    EXPECT_EQ(rep.broken_seq, 10);
    EXPECT_EQ(rep.problem, "removed");
    EXPECT_NE(rep.message.find("entry 9 removed"), std::string::npos) << rep.message;
}

TEST_F(AuditChain, FindsARemovedFirstEntryAndRemovedRuns) {
    Tamper("DELETE FROM audit_events WHERE seq = 1");
    EXPECT_EQ(Verify().broken_seq, 2);
    Tamper("DELETE FROM audit_events WHERE seq BETWEEN 5 AND 8");
    auto rep = Verify();
    EXPECT_EQ(rep.broken_seq, 2) << "the first break is named";
}

TEST_F(AuditChain, FindsReorderedEntries) {
    // Swap rows 5 and 6 completely (content and hash), keeping the sequence numbers in place.
    Tamper(
        "CREATE TEMP TABLE t AS SELECT * FROM audit_events WHERE seq IN (5, 6);"
        "DELETE FROM audit_events WHERE seq IN (5, 6);"
        "INSERT INTO audit_events SELECT CASE seq WHEN 5 THEN 6 ELSE 5 END, at, user_id, username, roles, service, "
        "method, action, object_ids, youth_id, client_address, result, reason, hash FROM t;");
    auto rep = Verify();
    EXPECT_FALSE(rep.ok);
    EXPECT_EQ(rep.broken_seq, 5);
    EXPECT_EQ(rep.problem, "reordered") << rep.message;
}

TEST_F(AuditChain, FindsATruncatedOrRewrittenLogOnlyWithACheckpoint) {
    db::AuditAnchor checkpoint = Head();  // what the daemon wrote to its log
    Tamper("DELETE FROM audit_events WHERE seq > 15");
    EXPECT_TRUE(Verify().ok) << "the tail is gone without a trace inside the file";
    auto rep = Verify(checkpoint);
    EXPECT_FALSE(rep.ok);
    EXPECT_EQ(rep.problem, "removed") << rep.message;
    EXPECT_EQ(rep.broken_seq, 16);
}

TEST_F(AuditChain, FindsAChainRecomputedFromScratchWithACheckpoint) {
    db::AuditAnchor checkpoint = Head();
    // The attacker changes entry 4 and recomputes every hash after it with the public algorithm.
    {
        db::Connection c(path, db::Connection::Mode::kReadWriteCreate);
        c.Exec("DROP TRIGGER audit_events_no_update");
        c.Exec("UPDATE audit_events SET username = 'nobody' WHERE seq = 4");
        db::SqlAuditRepo audit(c);
        std::string prev;
        for (auto& r : audit.Range(0, 100)) {
            std::string h = db::AuditHash(prev, r);
            auto st = c.Prepare("UPDATE audit_events SET hash = ? WHERE seq = ?");
            st.BindBlob(1, h).Bind(2, r.seq).Run();
            prev = h;
        }
    }
    EXPECT_TRUE(Verify().ok);
    auto rep = Verify(checkpoint);
    EXPECT_FALSE(rep.ok);
    EXPECT_NE(rep.message.find("rewritten"), std::string::npos) << rep.message;
}

TEST_F(AuditChain, TheDaemonChecksTheTailAtStartAndLogsCheckpoints) {
    std::vector<std::string> lines;
    std::mutex m;
    log::SetSink([&](std::string_view l) {
        std::lock_guard lock(m);
        lines.emplace_back(l);
    });
    auto count = [&](const std::string& id) {
        std::lock_guard lock(m);
        int n = 0;
        for (const auto& l : lines) n += l.find(" " + id + " ") != std::string::npos ? 1 : 0;
        return n;
    };
    {
        auto store = db::SqliteStore::Open({.path = path});
        daemon::AuditWatch watch(*store, std::chrono::minutes(60), /*startup_entries=*/5);
        auto rep = watch.CheckAtStart();
        EXPECT_TRUE(rep.ok);
        EXPECT_EQ(rep.entries, 5) << "only the tail";
        EXPECT_EQ(rep.head.seq, kEntries);
        EXPECT_EQ(count("audit.checkpoint"), 1);
        EXPECT_EQ(count("audit.chain_broken"), 0);
    }
    Tamper("UPDATE audit_events SET username = 'x' WHERE seq = 18");
    {
        auto store = db::SqliteStore::Open({.path = path});
        daemon::AuditWatch watch(*store, std::chrono::minutes(60), 5);
        EXPECT_FALSE(watch.CheckAtStart().ok);
        EXPECT_EQ(count("audit.chain_broken"), 1);
        // Later checkpoints watch what comes after; the break is reported once.
        EXPECT_TRUE(watch.Checkpoint().ok);
        EXPECT_EQ(count("audit.chain_broken"), 1);
    }
    log::SetSink({});
}

}  // namespace
}  // namespace spoed
