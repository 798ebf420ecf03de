spoed_add_test(load_test LABELS unit SOURCES ${CMAKE_CURRENT_LIST_DIR}/load_test.cpp LIBS spoed_load)
