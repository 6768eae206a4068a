#include "core/decimal.h"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace jixiao::core {
namespace {
using detail::kSlack;
}  // namespace

namespace {

// "00" to "99" as two bytes each, the tens digit in the low byte (first in
// memory on a little-endian machine).
constexpr auto kDigitPairs = [] {
  std::array<uint16_t, 100> pairs{};
  for (int i = 0; i < 100; ++i) {
    pairs[i] = static_cast<uint16_t>(('0' + i / 10) | (('0' + i % 10) << 8));
  }
  return pairs;
}();

}  // namespace

void append_decimal(std::string& out, uint64_t k, int decimals, bool negative) {
  // The fraction's trailing zeros are not printed. Most numbers come with four
  // decimals and are whole, or have two: four and two zeros go at a time.
  while (decimals >= 4 && k % 10000 == 0) {
    k /= 10000;
    decimals -= 4;
  }
  if (decimals >= 2 && k % 100 == 0) {
    k /= 100;
    decimals -= 2;
  }
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
  if (std::endian::native == std::endian::little && length <= 8) {
    // Most scores and weights ("4.56", "15"): the text composed in a register,
    // first character in the lowest byte, and appended from one 8-byte
    // store, whose bytes memcpy's loads can take straight from the store.
    // The digits go in two at a time (k's last two first: they end up
    // highest), with leading zeros up to "0.0…" when the fraction is longer
    // than k; then the point is put in after the whole digits.
    const int written = std::max(digits, decimals + 1);
    uint64_t word = 0;
    int left = written;
    for (; left >= 2; left -= 2) {
      word = (word << 16) | kDigitPairs[k % 100];
      k /= 100;
    }
    if (left == 1) word = (word << 8) | static_cast<uint64_t>('0' + k % 10);
    if (decimals > 0) {
      const int whole = 8 * (written - decimals);  // bits; below 56 since length ≤ 8
      const uint64_t head = word & ((uint64_t{1} << whole) - 1);
      word = head | (uint64_t{'.'} << whole) | ((word >> whole) << (whole + 8));
    }
    if (negative) word = (word << 8) | uint64_t{'-'};
    char text[8];
    std::memcpy(text, &word, sizeof text);
    out.append(text, length);
    return;
  }
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

void append_number(std::string& out, double value, int max_decimals) {
  // The common case: the rounding is a whole number k of 10^-max_decimals
  // below 10^12, printed as k's digits with the point put in. k is the whole
  // number round_half_up divides by the scale; taking it before that
  // division (and without multiplying back and rounding again) saves most of
  // the cost of every score and weight an explanation or a table prints.
  if (max_decimals >= 0 && max_decimals <= 10) {
    const double shifted = detail::half_up_scaled(value, detail::kPow10[max_decimals]);
    if (shifted < 1e12) {  // false for inf and nan too
      const auto k = static_cast<uint64_t>(shifted);
      append_decimal(out, k, max_decimals, k != 0 && std::signbit(value));
      return;
    }
  }
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
  out += s == "-0" ? std::string_view("0") : s;
}

std::string format_number(double value, int max_decimals) {
  std::string out;
  append_number(out, value, max_decimals);
  return out;
}

void append_percent(std::string& out, double ratio, int max_decimals) {
  append_number(out, ratio * 100, max_decimals);
  out += '%';
}

std::string format_percent(double ratio, int max_decimals) {
  std::string out;
  append_percent(out, ratio, max_decimals);
  return out;
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
