// Error values returned at every library boundary.
//
// Expected failures (bad input, a damaged store, a budget that cannot be met)
// are values, never exceptions: a `Result<T>` holds either a T or an `Error`.
// The API mirrors std::expected so that moving to it later is a rename.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace strata {

enum class ErrorCode {
  kNotFound,         // a file, version or section that does not exist
  kInvalidInput,     // bytes that are not a readable document (not UTF-8, binary, empty)
  kInvalidArgument,  // a malformed option, revision string or date
  kIo,               // the operating system refused a read or a write
  kCorrupt,          // a store or manifest whose content contradicts itself
  kLocked,           // another process holds the store's lock
  kUnsupported,      // a format or feature strata does not handle
};

// An error with a message that already names what failed ("snapshots/a.txt:
// invalid UTF-8 at byte 1043"), ready for a one-line report.
struct Error {
  ErrorCode code = ErrorCode::kInvalidInput;
  std::string message;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}  // NOLINT: implicit by design

  bool has_value() const { return v_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// Result<void>: success carries nothing.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT

  bool has_value() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const { return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

inline Error make_error(ErrorCode code, std::string message) { return Error{code, std::move(message)}; }

}  // namespace strata
