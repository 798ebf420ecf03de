spoed_add_test(learning_api_test LABELS integration BOTH_STORES
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/learning_api_test.cpp
  LIBS spoed_test_fixtures)
spoed_add_test(figures_api_test LABELS integration BOTH_STORES
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/figures_api_test.cpp
  LIBS spoed_test_fixtures)
