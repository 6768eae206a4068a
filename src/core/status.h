// Status and Result<T>: the error values used at every I/O boundary.
//
// Contract: a Status is either ok() or carries a message written for the user
// (Simplified Chinese) that already names the file, sheet, cell or field. Code
// that adds context prepends it with Status::within(). Exceptions are not used
// for expected failures (bad input); they are reserved for programmer errors.
#pragma once

#include <cassert>
#include <memory>
#include <string>
#include <utility>
#include <variant>

namespace jixiao {

// An ok Status is one null pointer: the reader returns one through several
// layers for every field of every row, and a Status holding the message
// string itself cost a string's set-up and tear-down each time.
class Status {
 public:
  Status() = default;
  Status(const Status& other) : message_(copy(other.message_)) {}
  Status& operator=(const Status& other) {
    if (this != &other) message_ = copy(other.message_);
    return *this;
  }
  Status(Status&&) noexcept = default;
  Status& operator=(Status&&) noexcept = default;

  static Status ok_status() { return Status(); }
  static Status error(std::string message) {
    Status s;
    s.message_ = std::make_unique<std::string>(std::move(message));
    return s;
  }

  bool ok() const { return message_ == nullptr; }
  const std::string& message() const { return message_ ? *message_ : kNoMessage; }

  // Returns this error with `context` in front ("文件 a.json：" + message).
  Status within(const std::string& context) const {
    return ok() ? Status() : error(context + *message_);
  }

 private:
  static inline const std::string kNoMessage;
  static std::unique_ptr<std::string> copy(const std::unique_ptr<std::string>& m) {
    return m ? std::make_unique<std::string>(*m) : nullptr;
  }
  std::unique_ptr<std::string> message_;  // null when ok
};

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
