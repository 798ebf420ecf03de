# The Debian packages: built with cpack from this build tree and checked (dpkg-deb, lintian,
# systemd-analyze, the packaged daemon answering /readyz). The debootstrap variant installs
# them into a clean Debian 12 root; it takes minutes and needs root and Debian's archive, so it
# runs only with SPOED_PACKAGING_DEBOOTSTRAP=1 (skipped otherwise).
add_test(NAME packaging.debs
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/package_test.sh ${PROJECT_BINARY_DIR} ${PROJECT_SOURCE_DIR})
set_tests_properties(packaging.debs PROPERTIES LABELS "integration;packaging" TIMEOUT 600 RUN_SERIAL TRUE)
add_test(NAME packaging.debootstrap
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/package_test.sh ${PROJECT_BINARY_DIR} ${PROJECT_SOURCE_DIR} --debootstrap)
set_tests_properties(packaging.debootstrap PROPERTIES LABELS "slow;packaging" TIMEOUT 1800 SKIP_RETURN_CODE 77)
# The README's two commands in a fresh Debian 12 root (debootstrap), timed: about an hour on two
# cores, root and Debian's archive needed, so only with SPOED_README_DEBOOTSTRAP=1.
add_test(NAME packaging.readme_debootstrap
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/readme_test.sh ${PROJECT_SOURCE_DIR})
set_tests_properties(packaging.readme_debootstrap PROPERTIES LABELS "slow;packaging" TIMEOUT 9000
  SKIP_RETURN_CODE 77 RUN_SERIAL TRUE)
