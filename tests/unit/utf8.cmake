spoed_add_test(utf8_test LABELS unit
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/utf8_test.cpp
  LIBS spoed_api spoed_base spoed_proto)
