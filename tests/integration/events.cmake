spoed_add_test(events_test LABELS integration BOTH_STORES
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/events_test.cpp
  LIBS spoed_client_core spoed_daemon spoed_test_fixtures Boost::headers OpenSSL::SSL)
