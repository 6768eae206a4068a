// Time, injected: use cases ask a Clock, so that tests fix the time and the
// audit log stays deterministic under test.
#pragma once

#include <string>

namespace jixiao::app {

class Clock {
 public:
  virtual ~Clock() = default;
  // Now, as ISO-8601 UTC text with seconds: "2024-06-13T08:00:00Z".
  virtual std::string now() const = 0;
};

// The system's clock.
class SystemClock final : public Clock {
 public:
  std::string now() const override;
};

// A clock that shows what it was set to. Not thread-safe.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(std::string now) : now_(std::move(now)) {}
  std::string now() const override { return now_; }
  void set(std::string now) { now_ = std::move(now); }

 private:
  std::string now_;
};

}  // namespace jixiao::app
