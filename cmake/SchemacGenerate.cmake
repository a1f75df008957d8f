# schemac_generate(<target>
#     SCHEMA <file-or-dir>...          # the YAML schema (directories are searched for *.yaml / *.yml)
#     OUTPUT_DIR <dir>                 # where the C++ goes (e.g. ${CMAKE_CURRENT_BINARY_DIR}/db); one per call
#     [NAMESPACE <ns>]                 # outer C++ namespace (default: db); one per call in a build
#     [MIGRATIONS <dir>]               # also embed these migration files (migrations.hpp)
#     [ALLOW_UNMIGRATED]               # generate even when the schema is ahead of MIGRATIONS
#     [TEMPLATES <dir>]                # NAME.mustache files replacing the built-in templates
#     [SCHEMAC <executable>])          # default: the imported schemac::schemac, else SCHEMAC_EXECUTABLE
#
# Adds the generated row structs, DAOs, named queries (and embedded migrations)
# to <target>, creating it as a static library if it does not exist yet, and
# links it to schemac::dao. Include the headers as "<schema>/<table>.hpp".
#
# With MIGRATIONS, the build fails while the schema has changes that no
# migration contains (its snapshot differs from the YAML): the application
# would otherwise compile against columns its database never gets. Run
# `schemac diff -m "..."`, or pass ALLOW_UNMIGRATED for work in progress.
# Without MIGRATIONS the tables are made elsewhere and nothing is compared.
#
# Generation reruns when a YAML file, a template, a migration or the schemac
# executable changes. schemac rewrites only the files whose bytes change, and
# the generated sources are BYPRODUCTS (restat), so an edit that changes one
# table recompiles that table's DAO and nothing else.
#
# Which files exist depends on the schema (one pair per table), so the list is
# asked from `schemac generate --list` at configure time, and configure reruns
# when a YAML file changes. That needs a schemac that already runs at configure
# time: an installed one (find_package(schemac)) or SCHEMAC_EXECUTABLE.
# Several schemas in one build: each call needs an output directory of its own,
# neither inside another's (generation removes the files it no longer writes, so
# one target would delete the other's; Make lets two rules write one file
# silently), and a namespace of its own (two libraries that both define
# db::public_::UsersDao link, and the program silently gets one of the two
# layouts). Both are refused at configure time, naming the other target.
function(_schemac_claim_output target out namespace)
  if(NOT namespace)
    set(namespace db)
  endif()
  cmake_path(NORMAL_PATH out)
  get_property(claimed GLOBAL PROPERTY SCHEMAC_GENERATE_TARGETS)
  foreach(other IN LISTS claimed)
    get_property(other_out GLOBAL PROPERTY "SCHEMAC_GENERATE_OUT_${other}")
    get_property(other_ns GLOBAL PROPERTY "SCHEMAC_GENERATE_NAMESPACE_${other}")
    cmake_path(IS_PREFIX other_out "${out}" NORMALIZE inside_other)
    cmake_path(IS_PREFIX out "${other_out}" NORMALIZE holds_other)
    if(inside_other OR holds_other)
      message(FATAL_ERROR "schemac_generate(${target}): OUTPUT_DIR ${out} overlaps the OUTPUT_DIR of "
                          "schemac_generate(${other}) (${other_out}); give each schema a directory of its own, "
                          "neither inside the other")
    endif()
    if(namespace STREQUAL other_ns)
      message(FATAL_ERROR "schemac_generate(${target}): NAMESPACE ${namespace} is also the namespace of "
                          "schemac_generate(${other}); their classes would clash at link time: give each schema "
                          "a NAMESPACE of its own")
    endif()
  endforeach()
  set_property(GLOBAL APPEND PROPERTY SCHEMAC_GENERATE_TARGETS ${target})
  set_property(GLOBAL PROPERTY "SCHEMAC_GENERATE_OUT_${target}" "${out}")
  set_property(GLOBAL PROPERTY "SCHEMAC_GENERATE_NAMESPACE_${target}" "${namespace}")
endfunction()

function(schemac_generate target)
  cmake_parse_arguments(ARG "ALLOW_UNMIGRATED" "OUTPUT_DIR;NAMESPACE;MIGRATIONS;TEMPLATES;SCHEMAC" "SCHEMA" ${ARGN})
  if(NOT ARG_SCHEMA OR NOT ARG_OUTPUT_DIR)
    message(FATAL_ERROR "schemac_generate(${target}): SCHEMA and OUTPUT_DIR are required")
  endif()
  if(ARG_SCHEMAC)
    set(exe "${ARG_SCHEMAC}")
  elseif(TARGET schemac::schemac)
    get_target_property(exe schemac::schemac IMPORTED_LOCATION)
    if(NOT exe)
      get_target_property(configs schemac::schemac IMPORTED_CONFIGURATIONS)
      list(GET configs 0 config)
      get_target_property(exe schemac::schemac IMPORTED_LOCATION_${config})
    endif()
  elseif(SCHEMAC_EXECUTABLE)
    set(exe "${SCHEMAC_EXECUTABLE}")
  else()
    message(FATAL_ERROR "schemac_generate(${target}): no schemac executable (find_package(schemac) or set SCHEMAC_EXECUTABLE)")
  endif()

  # Every input, so that a change reruns generation (and, for YAML, configure).
  set(schema_args "")
  set(inputs "")
  foreach(s IN LISTS ARG_SCHEMA)
    get_filename_component(abs "${s}" ABSOLUTE)
    list(APPEND schema_args "${abs}")
    if(IS_DIRECTORY "${abs}")
      file(GLOB_RECURSE found CONFIGURE_DEPENDS "${abs}/*.yaml" "${abs}/*.yml")
      list(APPEND inputs ${found})
    else()
      list(APPEND inputs "${abs}")
    endif()
  endforeach()
  get_filename_component(out "${ARG_OUTPUT_DIR}" ABSOLUTE)
  set(options --out "${out}")
  if(ARG_NAMESPACE)
    list(APPEND options --namespace "${ARG_NAMESPACE}")
  endif()
  _schemac_claim_output(${target} "${out}" "${ARG_NAMESPACE}")
  if(ARG_MIGRATIONS)
    get_filename_component(mig "${ARG_MIGRATIONS}" ABSOLUTE)
    list(APPEND options --migrations "${mig}")
    # The snapshot too: the comparison with the schema reads it.
    file(GLOB sql CONFIGURE_DEPENDS "${mig}/*.sql" "${mig}/schema.snapshot.yaml")
    list(APPEND inputs ${sql})
    if(ARG_ALLOW_UNMIGRATED)
      list(APPEND options --allow-unmigrated)
    endif()
  else()
    list(APPEND options --no-migrations)
  endif()
  if(ARG_TEMPLATES)
    get_filename_component(tpl "${ARG_TEMPLATES}" ABSOLUTE)
    list(APPEND options --templates "${tpl}")
    file(GLOB templates CONFIGURE_DEPENDS "${tpl}/*.mustache")
    list(APPEND inputs ${templates})
  endif()
  # No project config: the arguments above are the whole truth.
  set(no_config --config "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/schemac-empty.yaml")
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${inputs} "${exe}")

  execute_process(
    COMMAND "${exe}" generate ${schema_args} ${options} ${no_config} --list
    OUTPUT_VARIABLE listed ERROR_VARIABLE errors RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "schemac_generate(${target}): schemac cannot generate from this schema:\n${errors}")
  endif()
  string(REPLACE "\n" ";" files "${listed}")
  list(FILTER files EXCLUDE REGEX "^$")
  set(sources ${files})
  list(FILTER sources INCLUDE REGEX "\\.cpp$")

  set(stamp "${CMAKE_CURRENT_BINARY_DIR}/${target}.schemac.stamp")
  add_custom_command(
    OUTPUT "${stamp}"
    BYPRODUCTS ${files}
    COMMAND "${exe}" generate ${schema_args} ${options} ${no_config}
    COMMAND "${CMAKE_COMMAND}" -E touch "${stamp}"
    DEPENDS ${inputs} "${exe}"
    COMMENT "schemac: generating C++ for ${target}"
    VERBATIM)
  add_custom_target(${target}_schemac_generate DEPENDS "${stamp}")

  if(NOT TARGET ${target})
    add_library(${target} STATIC)
  endif()
  target_sources(${target} PRIVATE ${sources})
  target_include_directories(${target} PUBLIC "${out}")
  add_dependencies(${target} ${target}_schemac_generate)
  if(TARGET schemac::dao)
    target_link_libraries(${target} PUBLIC schemac::dao)
  elseif(TARGET schemac_dao)
    target_link_libraries(${target} PUBLIC schemac_dao)
  endif()
endfunction()
