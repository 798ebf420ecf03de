spoed_add_test(crisis_api_test LABELS integration BOTH_STORES
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/crisis_api_test.cpp
  LIBS spoed_test_fixtures)

spoed_add_test(error_details_test LABELS integration BOTH_STORES
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/error_details_test.cpp
  LIBS spoed_test_fixtures)
target_compile_definitions(error_details_test PRIVATE SPOED_SOURCE_DIR="${PROJECT_SOURCE_DIR}")

spoed_add_test(meldcode_api_test LABELS integration BOTH_STORES
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/meldcode_api_test.cpp
  LIBS spoed_test_fixtures)

spoed_add_test(rights_api_test LABELS integration BOTH_STORES
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/rights_api_test.cpp
  LIBS spoed_test_fixtures)

spoed_add_test(offline_api_test LABELS integration BOTH_STORES
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/offline_api_test.cpp
  LIBS spoed_test_fixtures)
