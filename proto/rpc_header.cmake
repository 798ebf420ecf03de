# Writes spoed/v1/rpc.hpp from the proto files: every RPC as a typed constant, so that the
# server's routes and role table, the clients and the tests name an RPC by the contract and
# never by a string of their own.
#   cmake -DOUT=<header> -DPROTO_DIR=<dir> -DPROTOS="spoed/v1/a.proto;..." -P rpc_header.cmake
set(body "")
set(all "")
set(types "")
foreach(proto IN LISTS PROTOS)
  file(READ "${PROTO_DIR}/${proto}" text)
  string(REGEX MATCH "package ([a-z0-9_.]+);" _ "${text}")
  set(package "${CMAKE_MATCH_1}")
  # Comments go first (an "rpc" in a comment is not one), and the semicolons, which would
  # split CMake's lists.
  string(REGEX REPLACE "//[^\n]*" "" text "${text}")
  string(REPLACE ";" " " text "${text}")
  string(REGEX MATCHALL "service [A-Za-z0-9_]+ {[^}]*}" services "${text}")
  foreach(service IN LISTS services)
    string(REGEX MATCH "service ([A-Za-z0-9_]+)" _ "${service}")
    set(name "${CMAKE_MATCH_1}")
    string(APPEND body "namespace ${name} {\n")
    string(REGEX MATCHALL "rpc +[A-Za-z0-9_]+ *\\( *[A-Za-z0-9_.]+ *\\) *returns *\\( *[A-Za-z0-9_.]+ *\\)" rpcs
      "${service}")
    foreach(rpc IN LISTS rpcs)
      string(REGEX MATCH "rpc +([A-Za-z0-9_]+) *\\( *([A-Za-z0-9_.]+) *\\) *returns *\\( *([A-Za-z0-9_.]+) *\\)" _
        "${rpc}")
      set(method "${CMAKE_MATCH_1}")
      set(request "${CMAKE_MATCH_2}")
      set(response "${CMAKE_MATCH_3}")
      if(request MATCHES "\\." OR response MATCHES "\\.")
        message(FATAL_ERROR "${proto}: ${method} takes or gives a message of another package; declare it here")
      endif()
      list(APPEND types "${request}" "${response}")
      set(full "${package}.${name}")
      string(APPEND body "inline constexpr Method<${request}, ${response}> ${method}{\n"
        "    {\"${full}\", \"${method}\", \"${full}/${method}\"}};\n")
      string(APPEND all "    ${name}::${method},\n")
    endforeach()
    string(APPEND body "}  // namespace ${name}\n\n")
  endforeach()
endforeach()
list(REMOVE_DUPLICATES types)
list(SORT types)
set(declarations "")
foreach(type IN LISTS types)
  string(APPEND declarations "class ${type};\n")
endforeach()
file(WRITE "${OUT}.new" "// Generated from proto/spoed/v1 by proto/rpc_header.cmake; do not edit.
#pragma once

#include <string_view>

// The messages, declared only: a caller includes the .pb.h of the messages it builds.
namespace spoed::v1 {
${declarations}}  // namespace spoed::v1

namespace spoed::v1::rpc {

/// One RPC of the contract: its service (\"spoed.v1.CaseService\"), its name (\"OpenCase\") and its
/// Connect path without the leading slash (\"spoed.v1.CaseService/OpenCase\").
struct MethodName {
    std::string_view service;
    std::string_view method;
    std::string_view path;

    constexpr operator std::string_view() const { return path; }
    friend constexpr bool operator==(const MethodName& a, const MethodName& b) { return a.path == b.path; }
};

/// The same, with the request and response messages it takes and gives.
template <typename Req, typename Resp>
struct Method : MethodName {
    using Request = Req;
    using Response = Resp;
};

${body}/// Every RPC, in the order of the proto files.
inline constexpr MethodName kAll[] = {
${all}};

}  // namespace spoed::v1::rpc
")
file(COPY_FILE "${OUT}.new" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.new")
