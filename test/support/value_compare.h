// Field-by-field comparison of two readings of one cell: the reader's
// shortcuts (core::ValueReader) must give what parse_value gives, bit for bit.
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "core/value.h"

namespace jixiao::test {

inline void expect_same_value(const core::Value& a, const core::Value& b,
                              const std::string& written) {
  EXPECT_EQ(a.kind, b.kind) << written;
  EXPECT_EQ(a.op, b.op) << written;
  // Bit for bit: a fast path must compute the very same doubles.
  EXPECT_EQ(std::signbit(a.number), std::signbit(b.number)) << written;
  EXPECT_EQ(a.number, b.number) << written;
  EXPECT_EQ(a.factor, b.factor) << written;
  EXPECT_EQ(a.upper, b.upper) << written;
  EXPECT_EQ(a.unit, b.unit) << written;
  EXPECT_EQ(a.unit_known, b.unit_known) << written;
  EXPECT_EQ(a.words_after, b.words_after) << written;
  EXPECT_EQ(a.all_done, b.all_done) << written;
  EXPECT_EQ(a.near, b.near) << written;
  EXPECT_EQ(a.decimals, b.decimals) << written;
  EXPECT_EQ(a.label, b.label) << written;
  EXPECT_EQ(a.date.year, b.date.year) << written;
  EXPECT_EQ(a.date.month, b.date.month) << written;
  EXPECT_EQ(a.date.day, b.date.day) << written;
  EXPECT_EQ(a.text, b.text) << written;
}

}  // namespace jixiao::test
