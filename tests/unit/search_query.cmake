spoed_add_test(search_query_test LABELS unit SOURCES ${CMAKE_CURRENT_LIST_DIR}/search_query_test.cpp LIBS spoed_base)
