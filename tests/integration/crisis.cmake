spoed_add_test(crisis_api_test LABELS integration
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/crisis_api_test.cpp
  LIBS spoed_test_fixtures)
