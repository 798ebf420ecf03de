spoed_add_test(net_server_test LABELS integration
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/net_server_test.cpp
  LIBS spoed_net spoed_test_support Boost::headers OpenSSL::SSL OpenSSL::Crypto Threads::Threads)
