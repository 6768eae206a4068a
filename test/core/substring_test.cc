#include "core/substring.h"

#include <gtest/gtest.h>

#include <string>

#include "test/support/random.h"

namespace jixiao::core {
namespace {

TEST(Contains, FindsChineseWordsWhereverTheyAre) {
  EXPECT_TRUE(contains("预决算差异率", "差异率"));
  EXPECT_TRUE(contains("在职人员控制率（%）", "控制率"));
  EXPECT_TRUE(contains("部分达成预期指标", "部分达成"));
  EXPECT_FALSE(contains("完成率", "控制率"));  // same last character, other word
  EXPECT_FALSE(contains("率", "控制率"));      // needle longer than the text
  EXPECT_TRUE(contains("abc", ""));
  EXPECT_FALSE(contains("", "a"));
  // A match in the last positions of a text long enough for the 16-wide blocks.
  EXPECT_TRUE(contains("社会公众满意度调查及政策知晓率", "知晓率"));
  EXPECT_TRUE(contains(std::string(40, 'x') + "yz", "yz"));
  EXPECT_FALSE(contains(std::string(40, 'x') + "y", "yz"));
}

// The same answer as std::string_view::find for every haystack length from 0
// to 80 and needles of 1 to 9 bytes over a small alphabet (so that partial
// matches, matches at both ends and overlapping blocks all occur), including
// bytes ≥ 0x80 as in UTF-8.
TEST(Contains, AgreesWithFindOnRandomBytes) {
  test::Random random(20261204);
  const char alphabet[] = {'a', 'b', '\xE7', '\x8E', '\x87', '\0'};
  auto bytes = [&](size_t n) {
    std::string s;
    for (size_t i = 0; i < n; ++i) s += alphabet[random.below(sizeof alphabet)];
    return s;
  };
  int found = 0;
  for (int round = 0; round < 20000; ++round) {
    const std::string haystack = bytes(random.below(81));
    std::string needle = bytes(1 + random.below(9));
    // Half of the time the needle is cut from the haystack, so that it occurs.
    if (random.chance(0.5) && !haystack.empty()) {
      const size_t at = random.below(static_cast<unsigned>(haystack.size()));
      needle = haystack.substr(at, 1 + random.below(9));
    }
    const bool expected = std::string_view(haystack).find(needle) != std::string_view::npos;
    ASSERT_EQ(contains(haystack, needle), expected)
        << "haystack of " << haystack.size() << " bytes, needle of " << needle.size() << ", round "
        << round;
    found += expected ? 1 : 0;
  }
  EXPECT_GT(found, 5000);  // both answers were exercised
  EXPECT_LT(found, 15000);
}

TEST(DropPrefix, RemovesTheFirstListedWordThatBegins) {
  std::string_view s = "已经全部覆盖";
  EXPECT_TRUE(drop_prefix(s, {"已经", "已"}));
  EXPECT_EQ(s, "全部覆盖");
  // The first listed that matches wins: a shorter word listed first takes less.
  std::string_view t = "已经全部覆盖";
  EXPECT_TRUE(drop_prefix(t, {"已", "已经"}));
  EXPECT_EQ(t, "经全部覆盖");
  EXPECT_FALSE(drop_prefix(s, {"未", ""}));
  EXPECT_EQ(s, "全部覆盖");
  std::string_view u = "预算范围内";
  EXPECT_TRUE(drop_suffix(u, {"范围内", "内"}));
  EXPECT_EQ(u, "预算");
  EXPECT_FALSE(drop_suffix(u, {"以内", ""}));
  EXPECT_EQ(u, "预算");
}

}  // namespace
}  // namespace jixiao::core
