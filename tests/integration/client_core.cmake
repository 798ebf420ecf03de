# client/core against the real HTTPS listener of daemon/net with Connect-shaped handlers.
spoed_add_test(client_core_test LABELS integration
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/client_core_test.cpp
  LIBS spoed_client_core spoed_test_support spoed_net spoed_proto Boost::headers OpenSSL::SSL OpenSSL::Crypto)
