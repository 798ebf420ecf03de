spoed_add_test(walkthrough_test LABELS integration
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/walkthrough_test.cpp
  LIBS spoed_test_fixtures spoed_daemon)
target_compile_definitions(walkthrough_test PRIVATE
  SPOED_SPOEDCTL_PATH="$<TARGET_FILE:spoedctl>" SPOED_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
add_dependencies(walkthrough_test spoedctl)
