spoed_add_test(daemon_test LABELS integration
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/daemon_test.cpp
  LIBS spoed_test_fixtures spoed_daemon spoed_db spoed_net)
target_compile_definitions(daemon_test PRIVATE SPOED_SPOEDD_PATH="$<TARGET_FILE:spoedd>")
add_dependencies(daemon_test spoedd)
