// The suite's shared PostgreSQL server: ctest's `postgresql.server` fixture starts it before the
// tests that run on PostgreSQL (with a template database the store has migrated, which each test
// copies) and stops it after them. SPOED_TEST_STORE=postgresql:DIR names its directory.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "db/pg_store.hpp"
#include "tests/support/pg_server.hpp"
#include "tests/support/process.hpp"

namespace spoed {
namespace {

std::string Dir() { return test::SharedPgDir(); }

TEST(PgTestServer, Start) {
    ASSERT_FALSE(Dir().empty()) << "SPOED_TEST_STORE does not name the server's directory (postgresql:DIR)";
    test::PgServer::StopIn(Dir());  // what a run that was cut short left behind
    auto server = test::PgServer::StartIn(Dir());
    ASSERT_TRUE(server.ok());
    const std::string dsn = server.NewDatabase("spoed_template");
    // The schema is applied by the store itself, as a daemon applies it.
    auto store = db::PgStore::Open({.dsn = dsn, .connections = 1});
    ASSERT_TRUE(store->Ready());
    store.reset();
    std::ofstream(Dir() + "/port") << server.port() << "\n";
}

TEST(PgTestServer, Stop) {
    ASSERT_FALSE(Dir().empty()) << "SPOED_TEST_STORE does not name the server's directory (postgresql:DIR)";
    test::PgServer::StopIn(Dir());
    EXPECT_FALSE(std::ifstream(Dir() + "/port").good());
}

}  // namespace
}  // namespace spoed
