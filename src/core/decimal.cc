#include "core/decimal.h"

#include <cmath>
#include <cstdio>

namespace jixiao::core {
namespace {
using detail::kSlack;
}  // namespace

std::string format_number(double value, int max_decimals) {
  const double rounded = round_half_up(value, max_decimals);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", max_decimals, rounded);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
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
