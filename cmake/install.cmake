# `cmake --install`: the schemac executable, the runtime libraries and their
# headers, and a CMake package, so that another project can write
#
#   find_package(schemac REQUIRED)
#   schemac_generate(app_db SCHEMA schema OUTPUT_DIR ${CMAKE_CURRENT_BINARY_DIR}/db
#                    MIGRATIONS migrations)
#   target_link_libraries(app PRIVATE app_db schemac::runtime)
#
# (tests/consumer is such a project, built from an install by the test suite).
# The default templates are compiled into the executable: nothing else to ship.
include(CMakePackageConfigHelpers)
set(SCHEMAC_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/schemac)

set_target_properties(schemac PROPERTIES EXPORT_NAME schemac)
install(TARGETS schemac EXPORT schemacTargets RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS schemac_runtime_core schemac_runtime_postgres schemac_runtime_sqlite schemac_runtime schemac_dao schemac_dao_sqlite EXPORT schemacTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY runtime/include/schemac DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT schemacTargets NAMESPACE schemac:: DESTINATION ${SCHEMAC_CMAKE_DIR})

configure_package_config_file(cmake/schemacConfig.cmake.in ${CMAKE_CURRENT_BINARY_DIR}/schemacConfig.cmake
  INSTALL_DESTINATION ${SCHEMAC_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/schemacConfigVersion.cmake COMPATIBILITY SameMinorVersion)
install(FILES
  ${CMAKE_CURRENT_BINARY_DIR}/schemacConfig.cmake
  ${CMAKE_CURRENT_BINARY_DIR}/schemacConfigVersion.cmake
  cmake/SchemacGenerate.cmake
  cmake/SchemacEmbedMigrations.cmake
  cmake/embed_migrations.cmake
  cmake/schemac-empty.yaml
  DESTINATION ${SCHEMAC_CMAKE_DIR})
