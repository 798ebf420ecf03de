# PostgreSQL in the suite. One server serves every test that runs on PostgreSQL: the
# `postgresql.server` fixture starts it (initdb in a directory of its own, a free loopback port,
# as `nobody` when the suite runs as root) with a migrated template database, and stops it and
# removes it when those tests are done. A test binary run on its own starts a server itself.

add_executable(pg_test_server ${CMAKE_CURRENT_LIST_DIR}/pg_test_server.cpp)
target_link_libraries(pg_test_server PRIVATE spoed_db spoed_test_support GTest::gtest GTest::gtest_main
  spoed_build_flags)
add_test(NAME postgresql.server_start COMMAND pg_test_server --gtest_filter=PgTestServer.Start)
add_test(NAME postgresql.server_stop COMMAND pg_test_server --gtest_filter=PgTestServer.Stop)
set_tests_properties(postgresql.server_start PROPERTIES FIXTURES_SETUP postgresql LABELS "integration;postgresql"
  ENVIRONMENT "SPOED_TEST_STORE=postgresql:${SPOED_TEST_PG_DIR}" TIMEOUT 120)
set_tests_properties(postgresql.server_stop PROPERTIES FIXTURES_CLEANUP postgresql LABELS "integration;postgresql"
  ENVIRONMENT "SPOED_TEST_STORE=postgresql:${SPOED_TEST_PG_DIR}" TIMEOUT 60)

# The PostgreSQL connection and store themselves: the audit chain under concurrent writers, the
# events' order and NOTIFY, serialisation retries.
spoed_add_test(pg_store_test LABELS integration POSTGRESQL_ONLY
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/pg_store_test.cpp
  LIBS spoed_db spoed_test_support)

# spoedd move-to-postgresql: a SQLite database with every kind of record, moved and checked.
spoed_add_test(store_move_test LABELS integration POSTGRESQL_ONLY
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/store_move_test.cpp
  LIBS spoed_db spoed_test_fixtures)
target_compile_definitions(store_move_test PRIVATE SPOED_SPOEDD_PATH="$<TARGET_FILE:spoedd>")
add_dependencies(store_move_test spoedd)

# Losing the database machine: a pg_auto_failover formation of its own (monitor, primary,
# synchronous standby) on loopback, two spoedd, clients writing; the primary killed ten times.
spoed_add_test(failover_test LABELS slow TIMEOUT 1200
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/failover_test.cpp
  LIBS spoed_test_fixtures spoed_daemon spoed_client_core spoed_db)
target_compile_definitions(failover_test PRIVATE SPOED_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
