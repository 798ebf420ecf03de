# Fuzz targets (tests/fuzz/*_fuzz.cpp), one libFuzzer binary per attack surface. Each target's
# entry function is built two ways:
#  - with SPOED_FUZZ (preset `fuzz`, clang): `fuzz_<name>`, a libFuzzer binary; tests/fuzz/run.sh
#    runs each for a given time;
#  - otherwise: `fuzz_<name>_replay`, the same function under a small main that runs every file
#    of tests/fuzz/corpus/<name>/ once; ctest runs it (labels unit, fuzz-replay), so every
#    build replays the corpora, including the inputs that once crashed.
add_custom_target(spoed_fuzz_targets)

# spoed_add_fuzz_target(<name> SOURCES <src>... LIBS <lib>...)
function(spoed_add_fuzz_target name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  set(corpus "${CMAKE_CURRENT_LIST_DIR}/corpus/${name}")
  if(SPOED_FUZZ)
    add_executable(fuzz_${name} ${ARG_SOURCES})
    target_link_libraries(fuzz_${name} PRIVATE ${ARG_LIBS} spoed_build_flags)
    target_link_options(fuzz_${name} PRIVATE -fsanitize=fuzzer)
    add_dependencies(spoed_fuzz_targets fuzz_${name})
    # libFuzzer runs the corpus once and stops (-runs=0).
    add_test(NAME fuzz_replay.${name} COMMAND fuzz_${name} -runs=0 ${corpus})
  else()
    add_executable(fuzz_${name}_replay ${ARG_SOURCES} ${CMAKE_CURRENT_LIST_DIR}/replay_main.cpp)
    target_link_libraries(fuzz_${name}_replay PRIVATE ${ARG_LIBS} spoed_build_flags)
    add_test(NAME fuzz_replay.${name} COMMAND fuzz_${name}_replay ${corpus})
  endif()
  set_tests_properties(fuzz_replay.${name} PROPERTIES LABELS "unit;fuzz-replay" TIMEOUT 300)
endfunction()

# The HTTP request path: Beast's parser → net::HttpRequest → api::Router (real SQLite store).
spoed_add_fuzz_target(http_request
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/http_request_fuzz.cpp ${CMAKE_CURRENT_LIST_DIR}/fuzz_env.cpp
  LIBS spoed_api spoed_service spoed_db spoed_proto spoed_test_support Boost::headers OpenSSL::Crypto)
# Connect JSON and binary decoding of every request message of the role × RPC table.
spoed_add_fuzz_target(connect_decode
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/connect_decode_fuzz.cpp
  LIBS spoed_api spoed_proto)
# WebSocket frames as daemon/net's server reads them after an upgrade.
spoed_add_fuzz_target(websocket
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/websocket_fuzz.cpp
  LIBS Boost::headers Threads::Threads)
# The search box: names, dates of birth, phone numbers.
spoed_add_fuzz_target(search_query
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/search_query_fuzz.cpp
  LIBS spoed_service spoed_base)
# The daemon's configuration file.
spoed_add_fuzz_target(config
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/config_fuzz.cpp
  LIBS spoed_daemon)
