# The layer walls of cmake/SpoedWalls.cmake, proved: each probe is a source that a layer must
# not be able to compile, built as that layer's own sources are (its include directories,
# definitions and options), and its test passes only when the compiler stops it with the
# expected message. The controls must compile, so a broken probe set-up cannot pass for a wall.

# spoed_wall_probe(<name> LAYER <target> INCLUDE <header> [EXPECT <regex>] [CONTROL])
function(spoed_wall_probe name)
  cmake_parse_arguments(ARG "CONTROL" "LAYER;INCLUDE;EXPECT" "" ${ARGN})
  if(NOT TARGET ${ARG_LAYER})
    return()
  endif()
  set(src "${CMAKE_CURRENT_BINARY_DIR}/walls/${name}.cpp")
  if(ARG_INCLUDE MATCHES "^<")
    set(line "#include ${ARG_INCLUDE}")
  else()
    set(line "#include \"${ARG_INCLUDE}\"")
  endif()
  file(CONFIGURE OUTPUT "${src}" CONTENT "// Layer wall probe (tests/walls/walls.cmake).\n${line}\n")
  set(obj probe_${name})
  add_library(${obj} OBJECT EXCLUDE_FROM_ALL "${src}")
  target_include_directories(${obj} PRIVATE $<TARGET_PROPERTY:${ARG_LAYER},INCLUDE_DIRECTORIES>)
  target_compile_definitions(${obj} PRIVATE $<TARGET_PROPERTY:${ARG_LAYER},COMPILE_DEFINITIONS>)
  target_compile_options(${obj} PRIVATE $<TARGET_PROPERTY:${ARG_LAYER},COMPILE_OPTIONS>)
  add_dependencies(${obj} ${ARG_LAYER})
  add_test(NAME walls.${name}
    COMMAND ${CMAKE_COMMAND} --build ${CMAKE_BINARY_DIR} --target ${obj})
  set_tests_properties(walls.${name} PROPERTIES LABELS unit RESOURCE_LOCK build_tree TIMEOUT 300)
  if(NOT ARG_CONTROL)
    set_tests_properties(walls.${name} PROPERTIES PASS_REGULAR_EXPRESSION "${ARG_EXPECT}")
  endif()
endfunction()

set(no_file "No such file or directory")
set(sqlite_wall "layer wall: only db/ talks to SQLite")
set(beast_wall "layer wall: only daemon/net and client/core speak HTTP")

# The rules of docs/architecture.md.
spoed_wall_probe(ServiceMayNotUseSqlite LAYER spoed_service INCLUDE <sqlite3.h> EXPECT "${sqlite_wall}")
spoed_wall_probe(ServiceMayNotUseTheSqliteStore LAYER spoed_service INCLUDE db/sqlite_store.hpp
  EXPECT "db/sqlite_store.hpp: ${no_file}")
spoed_wall_probe(ServiceMayNotUseBeast LAYER spoed_service INCLUDE <boost/beast/http.hpp> EXPECT "${beast_wall}")
spoed_wall_probe(ServiceMayNotUseTheApi LAYER spoed_service INCLUDE daemon/api/router.hpp
  EXPECT "daemon/api/router.hpp: ${no_file}")
spoed_wall_probe(ApiMayNotUseSqlite LAYER spoed_api INCLUDE <sqlite3.h> EXPECT "${sqlite_wall}")
spoed_wall_probe(ApiMayNotUseTheSqliteStore LAYER spoed_api INCLUDE db/sqlite.hpp EXPECT "db/sqlite.hpp: ${no_file}")
spoed_wall_probe(ApiMayNotUseBeast LAYER spoed_api INCLUDE <boost/asio.hpp> EXPECT "${beast_wall}")
spoed_wall_probe(NetMayNotUseTheServices LAYER spoed_net INCLUDE daemon/service/roles.hpp
  EXPECT "daemon/service/roles.hpp: ${no_file}")
spoed_wall_probe(NetMayNotUseSqlite LAYER spoed_net INCLUDE <sqlite3.h> EXPECT "${sqlite_wall}")
spoed_wall_probe(DbMayNotUseTheServices LAYER spoed_db INCLUDE daemon/service/roles.hpp
  EXPECT "daemon/service/roles.hpp: ${no_file}")
spoed_wall_probe(BaseMayNotUseTheStore LAYER spoed_base INCLUDE db/store.hpp EXPECT "db/store.hpp: ${no_file}")
spoed_wall_probe(ClientCoreMayNotUseTheDaemon LAYER spoed_client_core INCLUDE daemon/api/router.hpp
  EXPECT "daemon/api/router.hpp: ${no_file}")
spoed_wall_probe(ClientCoreMayNotUseSqlite LAYER spoed_client_core INCLUDE <sqlite3.h> EXPECT "${sqlite_wall}")
spoed_wall_probe(CliMayNotUseTheDaemon LAYER spoed_cli INCLUDE daemon/service/admin_service.hpp
  EXPECT "daemon/service/admin_service.hpp: ${no_file}")
spoed_wall_probe(CliMayNotUseTheStore LAYER spoed_cli INCLUDE db/sqlite_store.hpp
  EXPECT "db/sqlite_store.hpp: ${no_file}")
spoed_wall_probe(DeskMayNotUseTheDaemon LAYER spoed_desk_lib INCLUDE daemon/service/roles.hpp
  EXPECT "daemon/service/roles.hpp: ${no_file}")
spoed_wall_probe(DeskMayNotUseTheStore LAYER spoed_desk_lib INCLUDE db/store.hpp EXPECT "db/store.hpp: ${no_file}")
spoed_wall_probe(DeskMayNotUseBeast LAYER spoed_desk_lib INCLUDE client/core/tls_connect.hpp EXPECT "${beast_wall}")

# Controls: what the layers may use compiles, built the same way.
spoed_wall_probe(ServiceMayUseTheStoreInterfaces LAYER spoed_service INCLUDE db/store.hpp CONTROL)
spoed_wall_probe(ApiMayUseTheServices LAYER spoed_api INCLUDE daemon/service/plan_service.hpp CONTROL)
spoed_wall_probe(DeskMayUseTheClient LAYER spoed_desk_lib INCLUDE client/core/client.hpp CONTROL)

# What the compiler cannot see: an include that climbs out of its folder ("../db/sqlite.hpp")
# or is not spelled from the repository root would pass the walls.
add_test(NAME walls.IncludesAreSpelledFromTheRoot
  COMMAND ${CMAKE_COMMAND} -DROOT=${PROJECT_SOURCE_DIR} -P ${CMAKE_CURRENT_LIST_DIR}/scripts/include_lint.cmake)
set_tests_properties(walls.IncludesAreSpelledFromTheRoot PROPERTIES LABELS unit)
add_test(NAME walls.IncludeLintFindsARelativeInclude
  COMMAND ${CMAKE_COMMAND} -DROOT=${CMAKE_CURRENT_LIST_DIR}/lint_sample -P ${CMAKE_CURRENT_LIST_DIR}/scripts/include_lint.cmake)
set_tests_properties(walls.IncludeLintFindsARelativeInclude PROPERTIES LABELS unit
  PASS_REGULAR_EXPRESSION "daemon/service/bad.cpp:2: #include \"\\.\\./\\.\\./db/sqlite.hpp\"")
