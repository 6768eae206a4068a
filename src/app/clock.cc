#include "app/clock.h"

#include <ctime>

namespace jixiao::app {

std::string SystemClock::now() const {
  const std::time_t t = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buf;
}

}  // namespace jixiao::app
