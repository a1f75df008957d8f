# Runs one golden case: `schemac check <args>` inside the case folder, and
# compares what it printed (stdout, then stderr) and its exit code with
# expected.txt. With the environment variable SCHEMAC_UPDATE=1 it rewrites
# expected.txt instead (review the diff!).
#   cmake -DSCHEMAC=... -DCASE_DIR=... -P run_case.cmake
set(args schema)
if(EXISTS "${CASE_DIR}/args")
  file(READ "${CASE_DIR}/args" args)
  string(STRIP "${args}" args)
  separate_arguments(args UNIX_COMMAND "${args}")
endif()
execute_process(
  COMMAND "${SCHEMAC}" check ${args}
  WORKING_DIRECTORY "${CASE_DIR}"
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
set(actual "${out}${err}exit: ${rc}\n")
if("$ENV{SCHEMAC_UPDATE}" STREQUAL "1")
  file(WRITE "${CASE_DIR}/expected.txt" "${actual}")
  return()
endif()
if(NOT EXISTS "${CASE_DIR}/expected.txt")
  message(FATAL_ERROR "missing ${CASE_DIR}/expected.txt; actual output:\n${actual}")
endif()
file(READ "${CASE_DIR}/expected.txt" expected)
if(NOT actual STREQUAL expected)
  message(FATAL_ERROR "output differs from expected.txt\n--- expected\n${expected}--- actual\n${actual}")
endif()
