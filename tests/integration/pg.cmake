# The PostgreSQL store against a real PostgreSQL 15 server that each test starts on loopback
# (tests/support/pg_server.hpp).
spoed_add_test(pg_audit_test LABELS integration
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/pg_audit_test.cpp
  LIBS spoed_db_pg spoed_db spoed_test_support)

# The repositories both stores have, held to the same behaviour (each test on SQLite and on PostgreSQL).
spoed_add_test(pg_repos_test LABELS integration
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/pg_repos_test.cpp
  LIBS spoed_db_pg spoed_db spoed_test_support)
