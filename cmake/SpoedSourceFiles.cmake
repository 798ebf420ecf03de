# spoed_source_files(<out> <root>): the C++ sources (.cpp, .hpp, .h) below the source folders
# of <root>, relative to it. In the repository itself the samples that the style and include
# checks must refuse are left out; given a sample's folder as <root>, its files are the list.
function(spoed_source_files out root)
  set(files "")
  foreach(dir base daemon db client tests bench)
    file(GLOB_RECURSE found LIST_DIRECTORIES false RELATIVE "${root}"
      "${root}/${dir}/*.cpp" "${root}/${dir}/*.hpp" "${root}/${dir}/*.h")
    foreach(f IN LISTS found)
      if(f MATCHES "^tests/(walls/lint_sample|format/sample)/")
        continue()
      endif()
      list(APPEND files "${f}")
    endforeach()
  endforeach()
  set(${out} "${files}" PARENT_SCOPE)
endfunction()
