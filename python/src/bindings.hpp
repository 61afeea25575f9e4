// What the binding's source files share: turning library Errors into Python
// exceptions, and the names of the library's enums as Python sees them.
#pragma once

#include <pybind11/pybind11.h>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "strata/document.hpp"
#include "strata/programmes.hpp"
#include "strata/result.hpp"

namespace strata::python {

namespace py = pybind11;

// A library Error on its way to Python. The translator that register_errors()
// installs raises it as the strata exception class for its code (strata/_errors.py),
// with the message unchanged, so Python sees what the CLI prints after
// "strata: error: ". Thrown with or without the GIL held: the translator runs
// once the GIL is back.
struct Failure {
  Error error;
};

[[noreturn]] inline void raise(Error error) { throw Failure{std::move(error)}; }

template <typename T>
T unwrap(Result<T> result) {
  if (!result) raise(result.error());
  return std::move(*result);
}

inline void unwrap(const Result<void>& result) {
  if (!result) raise(result.error());
}

// "auto", "text", "markdown", "html" -> InputFormat; an unknown name raises.
InputFormat format_of(std::string_view name);

// The programme file at `path` (docs/programmes.md); none: the defaults.
ProgrammeConfig programme_config(const std::optional<std::string>& path);

void register_errors();
void bind_document(py::module_& m);
void bind_changes(py::module_& m);
void bind_store(py::module_& m);
void bind_check(py::module_& m);

}  // namespace strata::python
