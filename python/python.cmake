# Which Python the `strata` package is built for, and whether it is built.
# Included by the top CMakeLists.txt before lib/, because the library must be
# compiled as position-independent code when the extension links it.
#
# Unless Python3_EXECUTABLE is given, the interpreter is the first python3 on
# PATH that can import pytest and dask.distributed, the packages the tests and
# the batch runner use (scripts/install-deps installs them for the system
# Python). A python3 earlier on PATH without them (pyenv, conda) would build a
# module that the tests could not run.
if(NOT Python3_EXECUTABLE)
  string(REPLACE ":" ";" strata_path_dirs "$ENV{PATH}")
  foreach(dir IN LISTS strata_path_dirs)
    if(EXISTS "${dir}/python3")
      execute_process(COMMAND "${dir}/python3" -c "import pytest, dask.distributed"
                      RESULT_VARIABLE strata_probe OUTPUT_QUIET ERROR_QUIET)
      if(strata_probe EQUAL 0)
        set(Python3_EXECUTABLE "${dir}/python3" CACHE FILEPATH "Python interpreter the strata package is built for")
        break()
      endif()
    endif()
  endforeach()
endif()

find_package(Python3 COMPONENTS Interpreter Development.Module QUIET)
find_package(pybind11 CONFIG QUIET)
set(strata_python_default OFF)
if(Python3_Development.Module_FOUND AND pybind11_FOUND)
  set(strata_python_default ON)
endif()
option(STRATA_PYTHON "Build the Python package in python/ (default: on when pybind11 and Python headers are found)"
       ${strata_python_default})
if(STRATA_PYTHON AND NOT (Python3_Development.Module_FOUND AND pybind11_FOUND))
  message(FATAL_ERROR "STRATA_PYTHON needs pybind11 (pybind11-dev) and the Python headers (python3-dev)")
endif()
