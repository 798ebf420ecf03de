# The desk's tests (label gui), on Qt's offscreen platform: widget and model tests, and the
# father's call driven through real desks against a real daemon, saving screenshots.
if(SPOED_BUILD_DESK)
  add_library(spoed_desk_test_support STATIC ${CMAKE_CURRENT_LIST_DIR}/desk_fixture.cpp)
  target_link_libraries(spoed_desk_test_support
    PUBLIC spoed_desk_lib spoed_test_fixtures spoed_daemon Qt6::Test GTest::gtest
    PRIVATE spoed_build_flags)
  target_compile_definitions(spoed_desk_test_support PRIVATE
    SPOED_SPOEDCTL_PATH="$<TARGET_FILE:spoedctl>"
    SPOED_DESK_SCREENSHOT_DIR="${CMAKE_BINARY_DIR}/desk-screenshots")
  add_dependencies(spoed_desk_test_support spoedctl)

  foreach(name desk_widgets_test desk_story_test desk_keys_test desk_call_test desk_words_test)
    add_executable(${name} ${CMAKE_CURRENT_LIST_DIR}/${name}.cpp ${CMAKE_CURRENT_LIST_DIR}/gui_main.cpp)
    target_link_libraries(${name} PRIVATE spoed_desk_test_support GTest::gtest spoed_build_flags)
    gtest_discover_tests(${name}
      PROPERTIES LABELS gui TIMEOUT 300 ENVIRONMENT "QT_QPA_PLATFORM=offscreen"
      DISCOVERY_TIMEOUT 60)
  endforeach()
endif()

if(SPOED_BUILD_DESK)
  add_test(NAME desk.command_line
    COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/desk_command_test.sh ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR})
  set_tests_properties(desk.command_line PROPERTIES LABELS gui TIMEOUT 180)
endif()

if(SPOED_BUILD_DESK)
  add_test(NAME desk.translations_complete
    COMMAND ${CMAKE_COMMAND}
      -DLUPDATE=$<TARGET_FILE:Qt6::lupdate>
      -DGENERATOR=${Qt6LinguistTools_DIR}/GenerateLUpdateProject.cmake
      -DPROJECT_IN=${PROJECT_BINARY_DIR}/client/desk/.lupdate/spoed_desk_lib_project.cmake
      -DTS_DIR=${PROJECT_SOURCE_DIR}/client/desk/translations
      -DWORK=${CMAKE_CURRENT_BINARY_DIR}/translations_check
      -P ${CMAKE_CURRENT_LIST_DIR}/scripts/translations_check.cmake)
  set_tests_properties(desk.translations_complete PROPERTIES LABELS gui TIMEOUT 120)
endif()
