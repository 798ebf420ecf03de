spoed_add_test(db_store_test LABELS unit
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/db_store_test.cpp
  LIBS spoed_test_fixtures spoed_db SQLite::SQLite3)
spoed_add_test(api_router_test LABELS unit BOTH_STORES
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/api_router_test.cpp ${CMAKE_CURRENT_LIST_DIR}/auth_service_test.cpp
          ${CMAKE_CURRENT_LIST_DIR}/config_test.cpp
  LIBS spoed_test_fixtures spoed_api spoed_daemon)
target_compile_definitions(api_router_test PRIVATE SPOED_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
spoed_add_test(consent_rules_test LABELS unit
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/consent_rules_test.cpp
  LIBS spoed_service)
spoed_add_test(totp_test LABELS unit
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/totp_test.cpp
  LIBS spoed_service)
spoed_add_test(hardening_auth_test LABELS unit BOTH_STORES
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/hardening_auth_test.cpp
  LIBS spoed_test_fixtures spoed_api)
spoed_add_test(audit_chain_test LABELS unit
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/audit_chain_test.cpp
  LIBS spoed_test_fixtures spoed_daemon spoed_db SQLite::SQLite3)
spoed_add_test(db_group_commit_test LABELS unit
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/db_group_commit_test.cpp
  LIBS spoed_test_fixtures spoed_db SQLite::SQLite3)
