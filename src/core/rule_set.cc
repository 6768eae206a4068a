#include "core/rule_set.h"

#include "core/decimal.h"

namespace jixiao::core {

const GradeBand* RuleSet::grade_for(double total) const {
  // Bands are compared with the total as printed (2 decimals), so 89.995
  // printed as 90 is 优, as a reader of the report would grade it.
  const double printed = round_half_up(total, decimals);
  for (const auto& band : grades) {
    if (printed + 1e-9 >= band.min) return &band;
  }
  return grades.empty() ? nullptr : &grades.back();
}

std::optional<double> RuleSet::cap_for(double rate) const {
  for (const auto& cap : total_caps) {
    if (rate < cap.rate_below) return cap.cap;
  }
  return std::nullopt;
}

}  // namespace jixiao::core
