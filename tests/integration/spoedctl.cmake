spoed_add_test(spoedctl_test LABELS integration
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/spoedctl_test.cpp
  LIBS spoed_test_fixtures spoed_daemon)
target_compile_definitions(spoedctl_test PRIVATE SPOED_SPOEDCTL_PATH="$<TARGET_FILE:spoedctl>"
  SPOED_SPOEDD_PATH="$<TARGET_FILE:spoedd>")
add_dependencies(spoedctl_test spoedctl spoedd)
target_link_libraries(spoedctl_test PRIVATE SQLite::SQLite3)

add_test(NAME spoedctl.help_names_every_option
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/spoedctl_help_lint.sh ${PROJECT_SOURCE_DIR} $<TARGET_FILE:spoedctl>)
set_tests_properties(spoedctl.help_names_every_option PROPERTIES LABELS "unit")
