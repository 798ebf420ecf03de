spoed_add_test(calendar_test LABELS unit SOURCES ${CMAKE_CURRENT_LIST_DIR}/calendar_test.cpp LIBS spoed_service)
