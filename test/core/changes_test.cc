// Which way words say a figure changed.
#include "core/changes.h"

#include <gtest/gtest.h>

namespace jixiao::core {
namespace {

TEST(Changes, Direction) {
  EXPECT_EQ(change_direction("较上年提高"), 1);
  EXPECT_EQ(change_direction("同比增长"), 1);
  EXPECT_EQ(change_direction("新增企业"), 1);
  EXPECT_EQ(change_direction("投诉率同比下降"), -1);
  EXPECT_EQ(change_direction("成本降低"), -1);
  // Neither, both, negated, or the level reached.
  EXPECT_EQ(change_direction("覆盖率"), 0);
  EXPECT_EQ(change_direction("成本降低、效率提高"), 0);
  EXPECT_EQ(change_direction("不降低"), 0);
  EXPECT_EQ(change_direction("无明显提升"), 0);
  EXPECT_EQ(change_direction("提升至"), 0);
  EXPECT_EQ(change_direction("下降到"), 0);
  // 不断 does not negate.
  EXPECT_EQ(change_direction("不断提高"), 1);
  // 高于 and 低于 against the past only.
  EXPECT_EQ(change_direction("高于上年"), 1);
  EXPECT_EQ(change_direction("低于去年同期"), -1);
  EXPECT_EQ(change_direction("高于全省平均"), 0);
  EXPECT_EQ(change_direction("不低于上年"), 0);
}

}  // namespace
}  // namespace jixiao::core
