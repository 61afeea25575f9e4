// Library Errors as Python exceptions, and the enum names the binding uses.
#include <exception>

#include "bindings.hpp"
#include "strata/ingest.hpp"

namespace strata::python {

namespace {

// The class in strata/_errors.py for each ErrorCode.
const char* class_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::kNotFound:
      return "NotFoundError";
    case ErrorCode::kInvalidInput:
      return "InvalidInputError";
    case ErrorCode::kInvalidArgument:
      return "InvalidArgumentError";
    case ErrorCode::kIo:
      return "IoError";
    case ErrorCode::kCorrupt:
      return "CorruptError";
    case ErrorCode::kLocked:
      return "LockedError";
    case ErrorCode::kUnsupported:
      return "UnsupportedError";
  }
  return "StrataError";
}

}  // namespace

InputFormat format_of(std::string_view name) { return unwrap(parse_input_format(name)); }

void register_errors() {
  py::register_exception_translator([](std::exception_ptr thrown) {
    try {
      if (thrown) std::rethrow_exception(thrown);
    } catch (const Failure& failure) {
      py::object cls = py::module_::import("strata._errors").attr(class_name(failure.error.code));
      PyErr_SetObject(cls.ptr(), py::str(failure.error.message).ptr());
    }
  });
}

}  // namespace strata::python
