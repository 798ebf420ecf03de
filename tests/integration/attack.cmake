# Under attack (issue 18): a real spoedd with the demo data, clients on many loopback addresses.
# The log-in flood measures latency against idle, so it runs alone (RUN_SERIAL) and is `slow`.
add_executable(attack_test ${CMAKE_CURRENT_LIST_DIR}/attack_test.cpp)
target_link_libraries(attack_test PRIVATE spoed_test_fixtures spoed_daemon spoed_client_core spoed_db
  GTest::gtest GTest::gtest_main spoed_build_flags)
target_compile_definitions(attack_test PRIVATE SPOED_SPOEDCTL_PATH="$<TARGET_FILE:spoedctl>")
add_dependencies(attack_test spoedctl)
gtest_discover_tests(attack_test TEST_FILTER "UnderAttack.*"
  PROPERTIES LABELS integration TIMEOUT 300 DISCOVERY_TIMEOUT 60)
gtest_discover_tests(attack_test TEST_FILTER "UnderLoad.*"
  PROPERTIES LABELS slow TIMEOUT 300 RUN_SERIAL TRUE DISCOVERY_TIMEOUT 60)
