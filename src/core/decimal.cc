#include "core/decimal.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace jixiao::core {
namespace {
using detail::kSlack;
}  // namespace

std::string format_number(double value, int max_decimals) {
  const double rounded = round_half_up(value, max_decimals);
  char buf[400];  // room for the 309 digits of the largest double, and the decimals
  const auto r = std::to_chars(buf, buf + sizeof buf, rounded, std::chars_format::fixed,
                               std::clamp(max_decimals, 0, 17));
  std::string_view s(buf, r.ptr - buf);
  // Fixed notation ends in exactly max_decimals digits after a point (none
  // for inf and nan, which have no point): drop the trailing zeros.
  if (max_decimals > 0 && s.size() > static_cast<size_t>(max_decimals) &&
      s[s.size() - max_decimals - 1] == '.') {
    while (s.back() == '0') s.remove_suffix(1);
    if (s.back() == '.') s.remove_suffix(1);
  }
  if (s == "-0") return "0";
  return std::string(s);
}

std::string format_percent(double ratio, int max_decimals) {
  return format_number(ratio * 100, max_decimals) + "%";
}

bool agrees_at_precision(double computed, double printed, int decimals) {
  const double scale = pow10(decimals);
  const double rounded = round_half_up(computed, decimals);
  const double truncated =
      std::trunc(computed * scale + (computed >= 0 ? kSlack : -kSlack)) / scale;
  const double eps = 0.5 / scale * 1e-3;
  return std::fabs(rounded - printed) < eps || std::fabs(truncated - printed) < eps;
}

int decimals_of(std::string_view numeral) {
  const size_t dot = numeral.find('.');
  if (dot == std::string_view::npos) return 0;
  int n = 0;
  for (size_t i = dot + 1; i < numeral.size() && numeral[i] >= '0' && numeral[i] <= '9'; ++i) ++n;
  return n;
}

}  // namespace jixiao::core
