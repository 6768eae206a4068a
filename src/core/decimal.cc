#include "core/decimal.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>

namespace jixiao::core {
namespace {
using detail::kSlack;
}  // namespace

namespace {

// format_number for a value whose rounding is a whole number k of
// 10^-decimals below 10^12: k's digits with the point put in. Explanations
// print every score and weight, and this is several times cheaper than
// to_chars with a precision. False when the value does not qualify.
bool format_scaled(double rounded, int decimals, std::string& out) {
  if (decimals < 0 || decimals > 10 || !std::isfinite(rounded)) return false;
  const double scaled = std::fabs(rounded) * pow10(decimals);
  if (scaled >= 1e12) return false;
  const double whole = std::nearbyint(scaled);
  // `rounded` came from round_half_up: it is within a few ulps of k/10^d, far
  // from the halfway point where to_chars would round the other way.
  if (std::fabs(scaled - whole) > 1e-3) return false;
  uint64_t k = static_cast<uint64_t>(whole);
  if (k == 0) {
    out = "0";
    return true;
  }
  out.clear();
  append_decimal(out, k, decimals, std::signbit(rounded));
  return true;
}

}  // namespace

void append_decimal(std::string& out, uint64_t k, int decimals, bool negative) {
  // The fraction's trailing zeros are not printed.
  while (decimals > 0 && k % 10 == 0) {
    k /= 10;
    --decimals;
  }
  // The length first, so that the digits go straight into `out`: written
  // into a buffer and then copied, they were read back by memcpy's wide
  // loads before the byte stores had landed, a stall on every number.
  int digits = 1;
  for (uint64_t w = k; w >= 10; w /= 10) ++digits;  // division by a constant: a multiply
  const int whole_digits = std::max(1, digits - decimals);
  const size_t length = (negative ? 1 : 0) + static_cast<size_t>(whole_digits) +
                        (decimals > 0 ? 1 + static_cast<size_t>(decimals) : 0);
  const size_t at = out.size();
  out.resize(at + length);
  char* const start = out.data() + at;
  char* p = start + length;
  for (int i = 0; i < decimals; ++i) {
    *--p = static_cast<char>('0' + k % 10);
    k /= 10;
  }
  if (decimals > 0) *--p = '.';
  do {
    *--p = static_cast<char>('0' + k % 10);
    k /= 10;
  } while (k != 0);
  if (negative) *--p = '-';
}

std::string format_number(double value, int max_decimals) {
  const double rounded = round_half_up(value, max_decimals);
  if (std::string fast; format_scaled(rounded, max_decimals, fast)) return fast;
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
