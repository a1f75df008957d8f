# Runs one codegen golden case: `schemac generate schema.yaml --out WORK_DIR`
# inside the case folder, then compares the whole tree it wrote with
# <case>/expected/ byte for byte: a missing, extra or different file fails.
# With the environment variable SCHEMAC_UPDATE=1 it replaces expected/ with
# what was written instead (review the diff!).
#   cmake -DSCHEMAC=... -DCASE_DIR=... -DWORK_DIR=... -DEMPTY_CONFIG=... -P run_generate_case.cmake
cmake_minimum_required(VERSION 3.25)   # policies of script mode: if(IN_LIST)
file(REMOVE_RECURSE "${WORK_DIR}")
# An empty config and no migrations: the output depends on schema.yaml alone,
# not on the nearest schemac.yaml above the case folder. A case may bring its
# own schemac.yaml (to choose a dialect: `dialect: sqlite`) and a migrations/
# directory (then migrations.hpp/.cpp embed it).
set(config "${EMPTY_CONFIG}")
if(EXISTS "${CASE_DIR}/schemac.yaml")
  set(config "${CASE_DIR}/schemac.yaml")
endif()
set(migrations --no-migrations)
if(IS_DIRECTORY "${CASE_DIR}/migrations")
  set(migrations --migrations migrations)
endif()
execute_process(
  COMMAND "${SCHEMAC}" generate schema.yaml --out "${WORK_DIR}" --namespace db ${migrations} --config "${config}"
  WORKING_DIRECTORY "${CASE_DIR}"
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "schemac generate failed (exit ${rc})\n${out}${err}")
endif()

if("$ENV{SCHEMAC_UPDATE}" STREQUAL "1")
  file(REMOVE_RECURSE "${CASE_DIR}/expected")
  file(COPY "${WORK_DIR}/" DESTINATION "${CASE_DIR}/expected")
  return()
endif()

file(GLOB_RECURSE expected_files RELATIVE "${CASE_DIR}/expected" "${CASE_DIR}/expected/*")
file(GLOB_RECURSE actual_files RELATIVE "${WORK_DIR}" "${WORK_DIR}/*")
list(SORT expected_files)
list(SORT actual_files)
set(problems "")
foreach(f ${expected_files})
  if(NOT f IN_LIST actual_files)
    string(APPEND problems "missing: ${f} (in expected/, not written)\n")
  endif()
endforeach()
foreach(f ${actual_files})
  if(NOT f IN_LIST expected_files)
    string(APPEND problems "extra: ${f} (written, not in expected/)\n")
  else()
    execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${CASE_DIR}/expected/${f}" "${WORK_DIR}/${f}"
      RESULT_VARIABLE differs)
    if(differs)
      execute_process(COMMAND diff -u "${CASE_DIR}/expected/${f}" "${WORK_DIR}/${f}" OUTPUT_VARIABLE d)
      string(APPEND problems "differs: ${f}\n${d}")
    endif()
  endif()
endforeach()
if(NOT expected_files)
  string(APPEND problems "expected/ is empty or missing\n")
endif()
if(problems)
  message("${problems}")   # verbatim: FATAL_ERROR would re-wrap the diff
  message(FATAL_ERROR "the generated C++ differs from expected/ (SCHEMAC_UPDATE=1 rewrites it)")
endif()
