// Rounding and printing of scores, rates and money.
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

namespace jixiao::core {

namespace detail {
inline constexpr double kPow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10};
// Doubles carry about 15-16 significant digits; a value read from a printed
// decimal and multiplied once is within this of the decimal it stands for.
inline constexpr double kSlack = 1e-7;

// |value| × scale with the half added: its integer part is the magnitude
// rounded half up, in units of 1/scale (round_half_up, append_number).
inline double half_up_scaled(double value, double scale) {
  return std::fabs(value) * scale + 0.5 + kSlack;
}
}  // namespace detail

// 10^n for 0 ≤ n ≤ 10 from a table, else computed.
inline double pow10(int n) {
  if (n >= 0 && n <= 10) return detail::kPow10[n];
  double p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

// Rounds half away from zero at `decimals` places, as a person rounding the
// printed decimal would: 14.545 → 14.55 even though the double is 14.5449….
// Inline: the engine rounds every score.
inline double round_half_up(double value, int decimals = 2) {
  const double scale = pow10(decimals);
  const double shifted = detail::half_up_scaled(value, scale);
  // floor() of a positive value below 2^52 is its truncation to an integer,
  // one instruction on baseline x86-64 (floor() is a call or a long sequence
  // there); larger values, infinities and NaN take std::floor.
  const double whole =
      shifted < 0x1p52 ? static_cast<double>(static_cast<int64_t>(shifted)) : std::floor(shifted);
  const double rounded = whole / scale;
  return std::signbit(value) ? -rounded : rounded;
}

// Shortest decimal text of `value` with at most `max_decimals` places and no
// trailing zeros: 14.5 → "14.5", 15.0 → "15", 0.123456 → "0.1235".
std::string format_number(double value, int max_decimals = 4);
// As format_number, appended to `out`.
void append_number(std::string& out, double value, int max_decimals = 4);

// Appends k/10^decimals (k a whole number, 0 ≤ decimals ≤ 10) with the
// fraction's trailing zeros dropped (1455, 2 → "14.55"; 1500, 2 → "15";
// 5, 2 → "0.05"): the digit loop that prints every score in explanations and
// JSON.
void append_decimal(std::string& out, uint64_t k, int decimals, bool negative);

// `value` as a percentage with at most `max_decimals` places: 0.9597 → "95.97%".
std::string format_percent(double ratio, int max_decimals = 2);
// As format_percent, appended to `out`.
void append_percent(std::string& out, double ratio, int max_decimals = 2);

// Whether `computed` agrees with a figure printed with `decimals` places:
// it does when rounding (or truncating) `computed` to that precision gives the
// printed value. This is how a reviewer reads "95.97%" against 57.58/60.
bool agrees_at_precision(double computed, double printed, int decimals);

// Digits after the decimal point in a numeral ("14.50" → 2, "15" → 0).
int decimals_of(std::string_view numeral);

}  // namespace jixiao::core
