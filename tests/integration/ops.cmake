# Operations: crash durability with the real spoedd binary, backup and restore under load,
# storage full, /metrics, configuration docs, and no personal data in the logs.
spoed_add_test(crash_test LABELS integration TIMEOUT 600
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/crash_test.cpp
  LIBS spoed_test_fixtures spoed_client_core spoed_db)
target_compile_definitions(crash_test PRIVATE SPOED_SPOEDD_PATH="$<TARGET_FILE:spoedd>")
add_dependencies(crash_test spoedd)

spoed_add_test(ops_test LABELS integration TIMEOUT 300
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/ops_test.cpp
  LIBS spoed_test_fixtures spoed_daemon spoed_client_core spoed_db)
target_compile_definitions(ops_test PRIVATE SPOED_SPOEDCTL_PATH="$<TARGET_FILE:spoedctl>"
  SPOED_SPOEDD_PATH="$<TARGET_FILE:spoedd>" SPOED_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
add_dependencies(ops_test spoedctl spoedd)
