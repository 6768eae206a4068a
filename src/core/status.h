// Status and Result<T>: the error values used at every I/O boundary.
//
// Contract: a Status is either ok() or carries a message written for the user
// (Simplified Chinese) that already names the file, sheet, cell or field. Code
// that adds context prepends it with Status::within(). Exceptions are not used
// for expected failures (bad input); they are reserved for programmer errors.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace jixiao {

class Status {
 public:
  Status() = default;
  static Status ok_status() { return Status(); }
  static Status error(std::string message) { return Status(std::move(message), true); }

  bool ok() const { return !failed_; }
  const std::string& message() const { return message_; }

  // Returns this error with `context` in front ("文件 a.json：" + message).
  Status within(const std::string& context) const {
    return ok() ? *this : Status(context + message_, true);
  }

 private:
  Status(std::string message, bool failed) : message_(std::move(message)), failed_(failed) {}
  std::string message_;
  bool failed_ = false;
};

// A value or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : data_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(data_).ok());
  }

  bool ok() const { return std::holds_alternative<T>(data_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(data_);
  }
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace jixiao
