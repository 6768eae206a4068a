#include "core/decimal.h"

#include <gtest/gtest.h>

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
