spoed_add_test(handover_api_test LABELS integration BOTH_STORES
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/handover_api_test.cpp
  LIBS spoed_test_fixtures)
