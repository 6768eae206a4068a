#include "core/decimal.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <random>
#include <string>

namespace jixiao::core {
namespace {

TEST(Decimal, RoundsHalfUpAsPrinted) {
  EXPECT_EQ(round_half_up(1.005), 1.01);  // the double is 1.00499999…
  EXPECT_EQ(round_half_up(97.0 * 15 / 100), 14.55);
  EXPECT_EQ(round_half_up(2.675), 2.68);
  EXPECT_EQ(round_half_up(0.004), 0.0);
  EXPECT_EQ(round_half_up(-1.005), -1.01);
  EXPECT_EQ(round_half_up(83.3333333), 83.33);
}

TEST(Decimal, FormatsWithoutTrailingZeros) {
  EXPECT_EQ(format_number(15.0), "15");
  EXPECT_EQ(format_number(14.5), "14.5");
  EXPECT_EQ(format_number(0.123456), "0.1235");
  EXPECT_EQ(format_number(-0.0), "0");
  EXPECT_EQ(format_percent(0.959666), "95.97%");
  EXPECT_EQ(format_percent(1), "100%");
}

// The text to_chars gives for the rounded value, trailing zeros dropped: what
// format_number printed before it had a faster path for common values.
std::string reference_format(double value, int max_decimals) {
  const double rounded = round_half_up(value, max_decimals);
  char buf[400];
  const auto r = std::to_chars(buf, buf + sizeof buf, rounded, std::chars_format::fixed,
                               std::clamp(max_decimals, 0, 17));
  std::string s(buf, r.ptr);
  if (max_decimals > 0 && s.size() > static_cast<size_t>(max_decimals) &&
      s[s.size() - max_decimals - 1] == '.') {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s == "-0" ? "0" : s;
}

TEST(Decimal, FormatsAsToCharsDoes) {
  std::mt19937_64 rng(20240613);
  std::uniform_real_distribution<double> unit(0, 1);
  const double scales[] = {1, 10, 100, 1e4, 1e6, 1e9, 1e11, 1e12, 1e13, 1e17};
  for (int i = 0; i < 200000; ++i) {
    const double scale = scales[i % std::size(scales)];
    double v = (unit(rng) - 0.3) * scale;
    if (i % 3 == 0) v = std::round(v * 100) / 100;  // scores as printed: 14.55
    if (i % 7 == 0) v = std::round(v * 2) / 2;      // half points
    for (int d : {0, 1, 2, 4, 6, 10, 12}) {
      ASSERT_EQ(format_number(v, d), reference_format(v, d)) << v << " " << d;
    }
  }
  for (double v : {0.0, -0.0, 0.005, -0.005, 1.005, 2.675, 14.545, 999999999999.995, 1e12, -1e12,
                   std::numeric_limits<double>::infinity(), std::nan("")}) {
    for (int d : {0, 2, 4}) EXPECT_EQ(format_number(v, d), reference_format(v, d)) << v << " " << d;
  }
}

// append_decimal writes short texts (up to 8 characters) another way than
// long ones: every length on both sides of that line, with and without a
// sign, appended after text already there, against the digits of k with the
// point put in by hand.
TEST(Decimal, AppendsEveryLengthAsWritten) {
  const auto reference = [](uint64_t k, int decimals, bool negative) {
    std::string digits = std::to_string(k);
    if (decimals > 0) {
      if (digits.size() <= static_cast<size_t>(decimals)) {
        digits.insert(0, static_cast<size_t>(decimals) + 1 - digits.size(), '0');
      }
      digits.insert(digits.size() - static_cast<size_t>(decimals), ".");
      while (digits.back() == '0') digits.pop_back();
      if (digits.back() == '.') digits.pop_back();
    }
    return (negative ? "-" : "") + digits;
  };
  std::mt19937_64 rng(20261204);
  for (int round = 0; round < 100000; ++round) {
    const int length = 1 + static_cast<int>(rng() % 14);  // digits of k
    uint64_t k = rng() % 9 + 1;
    for (int i = 1; i < length; ++i) k = k * 10 + rng() % 10;
    if (round % 5 == 0) k = k / 10 * 10;  // trailing zeros to drop
    if (round % 11 == 0) k = 0;
    const int decimals = static_cast<int>(rng() % 11);
    const bool negative = round % 3 == 0;
    std::string out = "x";
    append_decimal(out, k, decimals, negative);
    ASSERT_EQ(out, "x" + reference(k, decimals, negative)) << k << " " << decimals;
  }
}

TEST(Decimal, AgreesAtThePrecisionPrinted) {
  const double rate = 57.58 / 60 * 100;  // 95.9666…
  EXPECT_TRUE(agrees_at_precision(rate, 95.97, 2));
  EXPECT_TRUE(agrees_at_precision(rate, 96, 0));
  EXPECT_TRUE(agrees_at_precision(rate, 95.9, 1));  // truncated
  EXPECT_FALSE(agrees_at_precision(rate, 95.8, 1));
  EXPECT_TRUE(agrees_at_precision(rate, 95.96, 2));  // truncated
  EXPECT_FALSE(agrees_at_precision(rate, 95.95, 2));
  EXPECT_TRUE(agrees_at_precision(50, 50, 0));
}

TEST(Decimal, CountsPrintedDecimals) {
  EXPECT_EQ(decimals_of("14.50"), 2);
  EXPECT_EQ(decimals_of("15"), 0);
  EXPECT_EQ(decimals_of("1e5"), 0);
}

}  // namespace
}  // namespace jixiao::core
