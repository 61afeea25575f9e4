// strata._strata: the library's public API for Python. The package's
// __init__.py re-exports it with the conveniences that are plain Python.
#include "bindings.hpp"
#include "strata/version.hpp"

PYBIND11_MODULE(_strata, m) {
  m.doc() = "strata's C++ library: load, compare, render, programmes, check and the history store";
  m.attr("__version__") = strata::kVersion;
  strata::python::register_errors();
  strata::python::bind_document(m);
  strata::python::bind_changes(m);
  strata::python::bind_store(m);
  strata::python::bind_check(m);
}
