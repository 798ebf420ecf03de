spoed_add_test(client_test LABELS integration
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/client_test.cpp
  LIBS spoed_client_core spoed_net spoed_daemon spoed_test_fixtures)
