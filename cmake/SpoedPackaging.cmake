# Debian packages with CPack: spoedd (daemon, systemd units, default configuration, system
# user and state directory made by its postinst), spoedctl, and spoed-desk when the desk is
# built. `cpack -G DEB` in a release build directory writes them; tests/packaging checks them.
include(GNUInstallDirs)

set(spoed_deploy ${PROJECT_SOURCE_DIR}/deploy)
set(spoed_pkg_gen ${PROJECT_BINARY_DIR}/packaging)

# Debian wants a changelog (a native package's: changelog.gz) and a copyright file in every package's doc directory.
string(TIMESTAMP spoed_pkg_date "%a, %d %b %Y %H:%M:%S +0000" UTC)
function(spoed_package_docs package)
  file(MAKE_DIRECTORY ${spoed_pkg_gen}/${package})
  file(WRITE ${spoed_pkg_gen}/${package}/changelog
    "${package} (${PROJECT_VERSION}) unstable; urgency=medium\n\n"
    "  * Package built from the Spoed source tree.\n\n"
    " -- Spoed maintainers <spoed-maintainers@example.org>  ${spoed_pkg_date}\n")
  execute_process(COMMAND gzip -9nf ${spoed_pkg_gen}/${package}/changelog)
  install(FILES ${spoed_pkg_gen}/${package}/changelog.gz ${spoed_deploy}/debian/copyright
    DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${package} COMPONENT ${ARGN})
endfunction()

install(TARGETS spoedd RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT spoedd)
install(FILES ${spoed_deploy}/systemd/spoedd.service ${spoed_deploy}/systemd/spoed-backup.service
              ${spoed_deploy}/systemd/spoed-backup.timer
  DESTINATION /lib/systemd/system COMPONENT spoedd)
install(FILES ${spoed_deploy}/debian/spoedd.conf ${spoed_deploy}/debian/backup.conf
  DESTINATION /etc/spoed COMPONENT spoedd)
install(FILES ${PROJECT_SOURCE_DIR}/docs/operations.md ${PROJECT_SOURCE_DIR}/docs/configuration.md
  DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/spoedd COMPONENT spoedd)
spoed_package_docs(spoedd spoedd)

install(TARGETS spoedctl RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT spoedctl)
spoed_package_docs(spoedctl spoedctl)

set(spoed_components spoedd spoedctl)
if(TARGET spoed-desk)
  install(TARGETS spoed-desk RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT desk)
  install(FILES ${spoed_deploy}/desk/spoed-desk.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT desk)
  install(FILES ${spoed_deploy}/desk/spoed-desk.svg
    DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps COMPONENT desk)
  spoed_package_docs(spoed-desk desk)
  list(APPEND spoed_components desk)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME spoed)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "Spoed")
set(CPACK_PACKAGE_CONTACT "Spoed maintainers <spoed-maintainers@example.org>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL ${spoed_components})
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://example.org/spoed")

set(CPACK_DEBIAN_SPOEDD_PACKAGE_NAME spoedd)
set(CPACK_DEBIAN_SPOEDD_PACKAGE_SECTION net)
set(CPACK_DEBIAN_SPOEDD_PACKAGE_DEPENDS "adduser, spoedctl (= ${PROJECT_VERSION})")
set(CPACK_COMPONENT_SPOEDD_DESCRIPTION
  "case handling daemon of a youth crisis line\n"
  "spoedd logs crisis calls, pulls up pre-registered safety plans, tracks the warm\n"
  "handover to regular care and keeps a tamper-evident audit log. It serves the\n"
  "Connect API over HTTPS and runs as a hardened systemd service with nightly\n"
  "backups.")
string(REPLACE ";" "" CPACK_COMPONENT_SPOEDD_DESCRIPTION "${CPACK_COMPONENT_SPOEDD_DESCRIPTION}")
# Control files must carry their plain names (postinst, conffiles, ...) in the control archive.
configure_file(${spoed_deploy}/debian/spoedd.conffiles ${spoed_pkg_gen}/spoedd/conffiles COPYONLY)
foreach(script postinst prerm postrm)
  configure_file(${spoed_deploy}/debian/spoedd.${script} ${spoed_pkg_gen}/spoedd/${script} COPYONLY)
endforeach()
set(CPACK_DEBIAN_SPOEDD_PACKAGE_CONTROL_EXTRA
  ${spoed_pkg_gen}/spoedd/postinst ${spoed_pkg_gen}/spoedd/prerm ${spoed_pkg_gen}/spoedd/postrm
  ${spoed_pkg_gen}/spoedd/conffiles)

set(CPACK_DEBIAN_SPOEDCTL_PACKAGE_NAME spoedctl)
set(CPACK_DEBIAN_SPOEDCTL_PACKAGE_SECTION admin)
set(CPACK_COMPONENT_SPOEDCTL_DESCRIPTION
  "command-line client of the Spoed crisis line daemon\n"
  "spoedctl manages users and roles, reads the audit log, loads the demo data set,\n"
  "and makes and restores consistent, optionally encrypted backups of the\n"
  "database.")
string(REPLACE ";" "" CPACK_COMPONENT_SPOEDCTL_DESCRIPTION "${CPACK_COMPONENT_SPOEDCTL_DESCRIPTION}")

set(CPACK_DEBIAN_DESK_PACKAGE_NAME spoed-desk)
set(CPACK_DEBIAN_DESK_PACKAGE_SECTION x11)
set(CPACK_COMPONENT_DESK_DESCRIPTION
  "desktop client of the Spoed crisis line daemon\n"
  "spoed-desk is the Qt desktop the crisis workers, psychiatrists and coordinators use\n"
  "to log calls, read safety plans, answer consults and follow handovers.")
string(REPLACE ";" "" CPACK_COMPONENT_DESK_DESCRIPTION "${CPACK_COMPONENT_DESK_DESCRIPTION}")

include(CPack)
