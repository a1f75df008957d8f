# schemac_embed_migrations(<target> DIR <migrations-dir> [FUNCTION <name>])
#
# Compiles the migration files of DIR into <target>, so the application can
# migrate its database at start-up without files on disk:
#
#   #include <schemac/core/migration_set.hpp>
#   std::vector<schemac::MigrationFile> schemac_embedded_migrations();   // or FUNCTION's name
#   schemac::Runner runner(schemac::MigrationSet::from_files(schemac_embedded_migrations()), options);
#
# The generated source is rebuilt when a file in DIR changes, is added or is
# removed, and rewritten only when its bytes change (so nothing else rebuilds).
# Contents are embedded as byte arrays: any file content is safe, no escaping.
set(_SCHEMAC_EMBED_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/embed_migrations.cmake")

function(schemac_embed_migrations target)
  cmake_parse_arguments(ARG "" "DIR;FUNCTION" "" ${ARGN})
  if(NOT ARG_DIR)
    message(FATAL_ERROR "schemac_embed_migrations: DIR is required")
  endif()
  if(NOT ARG_FUNCTION)
    set(ARG_FUNCTION schemac_embedded_migrations)
  endif()
  get_filename_component(dir "${ARG_DIR}" ABSOLUTE)
  file(GLOB files CONFIGURE_DEPENDS "${dir}/*.sql")
  set(out "${CMAKE_CURRENT_BINARY_DIR}/${target}_${ARG_FUNCTION}.cpp")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DDIR=${dir} -DOUT=${out} -DFUNCTION=${ARG_FUNCTION} -P "${_SCHEMAC_EMBED_SCRIPT}"
    DEPENDS ${files} "${_SCHEMAC_EMBED_SCRIPT}"
    COMMENT "Embedding the migrations of ${ARG_DIR}"
    VERBATIM)
  target_sources(${target} PRIVATE "${out}")
endfunction()
