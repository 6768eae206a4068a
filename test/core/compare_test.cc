// Two figures put into one unit, a change against its target.
#include "core/compare.h"

#include <gtest/gtest.h>

#include "core/value.h"

namespace jixiao::core {
namespace {

TEST(Compare, ChangesTheOtherWayAreBelowZero) {
  Compared c;
  ASSERT_TRUE(comparable_numbers(parse_value("较上年提高5%"), parse_value("下降2%"), c));
  EXPECT_EQ(c.t, 5);
  EXPECT_EQ(c.a, -2);
  ASSERT_TRUE(comparable_numbers(parse_value("下降5%"), parse_value("下降6%"), c));
  EXPECT_EQ(c.a, 6);
  // The name says the direction when the target's label does not.
  ASSERT_TRUE(comparable_numbers(parse_value("≥5%"), parse_value("下降2%"), c, "收入增长率"));
  EXPECT_EQ(c.a, -2);
  // A change against a level cannot be compared; a level reached can.
  EXPECT_FALSE(comparable_numbers(parse_value("≥90%"), parse_value("提高2%"), c, "满意度"));
  EXPECT_TRUE(change_against_level(parse_value("≥90%"), parse_value("提高2%"), "满意度"));
  // A count said with a verb is what was added.
  EXPECT_FALSE(change_against_level(parse_value("≥100家"), parse_value("新增企业105家"), "企业数"));
  ASSERT_TRUE(comparable_numbers(parse_value("≥100家"), parse_value("新增企业105家"), c, "企业数"));
  EXPECT_EQ(c.a, 105);
  ASSERT_TRUE(comparable_numbers(parse_value("≥95%"), parse_value("提升至96%"), c, "覆盖率"));
  EXPECT_EQ(c.a, 96);
  // A sign after words of the past is the change's verb: "同比-3%" is a fall of 3.
  ASSERT_TRUE(comparable_numbers(parse_value("较上年下降5%"), parse_value("同比-3%"), c));
  EXPECT_EQ(c.a, 3);
  ASSERT_TRUE(comparable_numbers(parse_value("较上年下降5%"), parse_value("同比+3%"), c));
  EXPECT_EQ(c.a, -3);
  EXPECT_TRUE(change_against_level(parse_value("≥100人"), parse_value("较上年-5人"), "培训人数"));
}

// People against person-times compare where the bound tells: each person came at
// least once.
TEST(Compare, PeopleAgainstPersonTimes) {
  Compared c;
  ASSERT_TRUE(comparable_numbers(parse_value("≥100人次"), parse_value("110人"), c));
  EXPECT_EQ(c.a, 110);
  ASSERT_TRUE(comparable_numbers(parse_value("≥100人次"), parse_value("100名"), c));
  ASSERT_TRUE(comparable_numbers(parse_value("≤100人"), parse_value("90人次"), c));
  EXPECT_EQ(c.a, 90);
  // 90 people may be 180 person-times; 110 person-times fewer than 100 people.
  EXPECT_FALSE(comparable_numbers(parse_value("≥100人次"), parse_value("90人"), c));
  EXPECT_FALSE(comparable_numbers(parse_value("≥100人"), parse_value("110人次"), c));
  EXPECT_FALSE(comparable_numbers(parse_value("≤100人"), parse_value("110人次"), c));
  EXPECT_FALSE(comparable_numbers(parse_value("≤100人次"), parse_value("90人"), c));
}

}  // namespace
}  // namespace jixiao::core
