# One INTERFACE target carries warnings, sanitizers and hardening flags; every project target
# links it PRIVATE so that third-party code is never built with them.
add_library(spoed_build_flags INTERFACE)
target_compile_options(spoed_build_flags INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
  -Wimplicit-fallthrough -Wno-unused-parameter
  $<$<CONFIG:Release,RelWithDebInfo>:-D_FORTIFY_SOURCE=2>
  -fstack-protector-strong)
target_compile_definitions(spoed_build_flags INTERFACE
  BOOST_ASIO_NO_DEPRECATED)
target_link_options(spoed_build_flags INTERFACE -Wl,-z,relro,-z,now)
if(SPOED_SANITIZERS)
  target_compile_options(spoed_build_flags INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
    -fno-sanitize-recover=undefined)
  target_link_options(spoed_build_flags INTERFACE -fsanitize=address,undefined)
endif()
if(SPOED_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "SPOED_FUZZ needs clang (libFuzzer): use the preset fuzz")
  endif()
  # Coverage feedback for libFuzzer in every project library; only the fuzz binaries link the
  # fuzzer's main (tests/fuzz/fuzz.cmake).
  target_compile_options(spoed_build_flags INTERFACE -fsanitize=fuzzer-no-link)
  target_link_options(spoed_build_flags INTERFACE -fsanitize=fuzzer-no-link)
endif()
if(SPOED_TSAN)
  if(SPOED_SANITIZERS)
    message(FATAL_ERROR "SPOED_TSAN and SPOED_SANITIZERS exclude each other: ThreadSanitizer cannot run with ASan")
  endif()
  target_compile_options(spoed_build_flags INTERFACE -fsanitize=thread -fno-omit-frame-pointer)
  target_link_options(spoed_build_flags INTERFACE -fsanitize=thread)
endif()
