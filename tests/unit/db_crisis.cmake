spoed_add_test(db_crisis_repos_test LABELS unit BOTH_STORES
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/db_crisis_repos_test.cpp
  LIBS spoed_db spoed_test_support SQLite::SQLite3)
