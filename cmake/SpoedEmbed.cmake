# spoed_embed_files(OUT <header> NAMESPACE <ns> FILES <f>...) turns text files (SQL migrations,
# seed data) into a generated header of string constants, so the binaries carry them and no
# install step can lose them. The header lists { file name, content } pairs in file order.
function(spoed_embed_files)
  cmake_parse_arguments(ARG "" "OUT;NAMESPACE" "FILES" ${ARGN})
  set(script "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/embed_files.cmake")
  add_custom_command(
    OUTPUT "${ARG_OUT}"
    COMMAND ${CMAKE_COMMAND} -DOUT=${ARG_OUT} -DNAMESPACE=${ARG_NAMESPACE} "-DFILES=${ARG_FILES}" -P "${script}"
    DEPENDS ${ARG_FILES} "${script}"
    COMMENT "Embedding ${ARG_NAMESPACE} files"
    VERBATIM)
endfunction()
