# Fails when a translation of the desk is not complete and current: an entry without a
# translation ("unfinished"), one whose text is gone from the code ("vanished", "obsolete"),
# or a text in the code that the .ts file does not have yet. Runs lupdate, as the
# update_translations target does, on copies of the .ts files and compares them with the
# committed ones, so the source tree is never touched.
#   cmake -DLUPDATE=… -DGENERATOR=…/GenerateLUpdateProject.cmake -DPROJECT_IN=….cmake
#         -DTS_DIR=client/desk/translations -DWORK=<scratch dir> -P translations_check.cmake
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
execute_process(COMMAND "${CMAKE_COMMAND}" -DIN_FILE=${PROJECT_IN} -DOUT_FILE=${WORK}/project.json -P "${GENERATOR}"
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "could not write the lupdate project (${rc})")
endif()
file(GLOB ts_files "${TS_DIR}/*.ts")
list(LENGTH ts_files count)
if(count EQUAL 0)
  message(FATAL_ERROR "no .ts files in ${TS_DIR}")
endif()
set(copies)
foreach(ts IN LISTS ts_files)
  get_filename_component(name "${ts}" NAME)
  configure_file("${ts}" "${WORK}/${name}" COPYONLY)
  list(APPEND copies "${WORK}/${name}")
endforeach()
execute_process(COMMAND "${LUPDATE}" -project "${WORK}/project.json" -locations none -silent -ts ${copies}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "lupdate failed (${rc}): ${out}")
endif()
set(problems "")
foreach(ts IN LISTS ts_files)
  get_filename_component(name "${ts}" NAME)
  file(READ "${WORK}/${name}" updated)
  file(READ "${ts}" committed)
  string(REPLACE ";" "," scan "${updated}")  # a ';' would split the CMake list of hits
  foreach(kind unfinished vanished obsolete)
    string(REGEX MATCHALL "<source>[^<]*</source>[ \n]*(<comment>[^<]*</comment>[ \n]*)?<translation type=\"${kind}\""
           hits "${scan}")
    foreach(hit IN LISTS hits)
      string(REGEX REPLACE "^<source>([^<]*)</source>.*" "\\1" text "${hit}")
      string(APPEND problems "  ${name}: ${kind}: ${text}\n")
    endforeach()
  endforeach()
  if(NOT updated STREQUAL committed AND problems STREQUAL "")
    string(APPEND problems "  ${name}: differs from what lupdate makes of the code; run the update_translations target\n")
  endif()
endforeach()
if(NOT problems STREQUAL "")
  message(FATAL_ERROR "The desk's translations are not complete and current "
                      "(cmake --build <dir> --target update_translations, then translate):\n${problems}")
endif()
message(STATUS "translations complete: ${ts_files}")
