# The house style (../shared/STYLE.md): every C++ source as the repository's .clang-format
# writes it. A change that is not formatted fails here, naming the files.
find_program(SPOED_CLANG_FORMAT clang-format REQUIRED)
add_test(NAME format.SourcesAreClangFormatted
  COMMAND ${CMAKE_COMMAND} -DROOT=${PROJECT_SOURCE_DIR} -DCLANG_FORMAT=${SPOED_CLANG_FORMAT}
          -P ${CMAKE_CURRENT_LIST_DIR}/scripts/format_check.cmake)
set_tests_properties(format.SourcesAreClangFormatted PROPERTIES LABELS unit)
# The check can fail: a sample written against the style is found.
add_test(NAME format.CheckFindsAnUnformattedFile
  COMMAND ${CMAKE_COMMAND} -DROOT=${CMAKE_CURRENT_LIST_DIR}/sample -DCLANG_FORMAT=${SPOED_CLANG_FORMAT}
          -DSTYLE_FILE=${PROJECT_SOURCE_DIR}/.clang-format -P ${CMAKE_CURRENT_LIST_DIR}/scripts/format_check.cmake)
set_tests_properties(format.CheckFindsAnUnformattedFile PROPERTIES LABELS unit
  PASS_REGULAR_EXPRESSION "not formatted:.*base/unformatted\\.cpp")
