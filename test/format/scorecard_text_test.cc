// The terminal table: cells fitted to their columns, and rows that reuse the
// writer's per-thread texts from one evaluation to the next.
#include "format/scorecard_text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/text.h"
#include "test/support/examples.h"
#include "test/support/random.h"

namespace jixiao::format {
namespace {

using core::text::display_width;

struct FitCase {
  std::string text;
  size_t width;
  bool right;
  std::string expected;
};

TEST(FitColumns, PadsCutsAndCountsWideCharactersTwice) {
  const std::vector<FitCase> cases = {
      {"15", 7, true, "     15"},
      {"15", 7, false, "15     "},
      {"产出指标", 10, false, "产出指标  "},
      {"产出指标", 8, false, "产出指标"},   // exactly full
      {"产出指标", 7, false, "产出指…"},    // the ellipsis takes the last column
      {"产出指标", 6, false, "产出… "},     // no room for 指 and the ellipsis
      {"产出指标", 6, true, " 产出…"},      //
      {"abcdef", 4, false, "abc…"},         // ASCII: a column a byte
      {"abcdef", 6, true, "abcdef"},        //
      {"ab产", 4, false, "ab产"},           // fits, though 产 would not leave room for "…"
      {"ab产c", 4, false, "ab… "},          // does not fit: cut before 产
      {"１００％", 5, true, "１０…"},       // full-width forms are wide
      {"—", 3, true, "  —"},                // the dash is narrow
      {"a", 0, false, "…"},                 // nothing fits but the ellipsis
      {"", 0, false, ""},                   //
      {"\xff\xfe", 2, false, "\xff\xfe"},   // an invalid byte takes one column
      {"\xe4\xb8", 3, false, "\xe4\xb8 "},  // so does a truncated character's
  };
  for (const FitCase& c : cases) {
    EXPECT_EQ(fit_columns(c.text, c.width, c.right), c.expected)
        << c.text << " in " << c.width << (c.right ? " right" : " left");
  }
}

// The fitting as it was first written: measure, then cut character by
// character. The writer's one-pass version must agree with it on any text.
std::string reference_fit(std::string_view s, size_t width, bool right) {
  std::string out;
  size_t used = 0;
  if (display_width(s) <= width) {
    out.assign(s);
    used = display_width(s);
  } else {
    for (size_t i = 0; i < s.size();) {
      const size_t start = i;
      core::text::next_code_point(s, i);
      const size_t w = display_width(s.substr(start, i - start));
      if (used + w + 1 > width) break;
      out.append(s.substr(start, i - start));
      used += w;
    }
    out += "…";
    used += 1;
  }
  const std::string pad(width > used ? width - used : 0, ' ');
  return right ? pad + out : out + pad;
}

TEST(FitColumns, AgreesWithMeasuringThenCutting) {
  const std::vector<std::string> pieces = {"a",  "7", " ",    "产",       "指", "…", "—",
                                           "％", "é", "\xff", "\xe4\xb8", "𠀀", "Ａ"};
  test::Random random(20241204);
  for (int n = 0; n < 20000; ++n) {
    const std::string s = random.text(pieces, 12);
    const size_t width = random.below(14);
    const bool right = random.chance(0.5);
    const std::string fitted = fit_columns(s, width, right);
    ASSERT_EQ(fitted, reference_fit(s, width, right)) << s << " in " << width;
    // A cell always takes its width, except the lone ellipsis of a zero width.
    if (width > 0 || s.empty()) {
      ASSERT_EQ(display_width(fitted), width) << s;
    }
  }
}

core::Evaluation one_leaf(std::string category, std::string leaf, double weight, std::string target,
                          std::string actual) {
  core::Evaluation e;
  e.title = "表";
  const int parent = e.add_indicator(test::indicator_row(std::move(category), weight));
  e.add_indicator(
      test::indicator_row(std::move(leaf), weight, std::move(target), std::move(actual)), parent);
  return e;
}

std::string table(const core::Evaluation& e) {
  std::string out;
  write_scorecard_text(out, e, core::score(e, test::national()), test::national(), "");
  return out;
}

// The writer keeps the texts of a row per thread: a long row must not leave
// anything behind in the next table, and rows end without trailing spaces.
TEST(ScorecardText, ALongTableLeavesNothingInTheNext) {
  const core::Evaluation small = one_leaf("产出指标", "企业数", 10, "≥100家", "95家");
  const std::string alone = table(small);
  const core::Evaluation large =
      one_leaf(std::string(300, 'x'), "很长的指标名称" + std::string(500, 'y'), 10,
               "≥" + std::string(200, '9') + "家", std::string(200, '8') + "家");
  table(large);
  EXPECT_EQ(table(small), alone);
  EXPECT_NE(
      alone.find("\n  企业数                             ≥100家       95家             10     "
                 "9.5            95/100×10=9.5\n"),
      std::string::npos)
      << alone;
  EXPECT_NE(
      alone.find("\n  [错误] missing_deviation_note  产出指标/企业数\n      得分9.5低于分值10"),
      std::string::npos)
      << alone;
  EXPECT_EQ(alone.find(" \n"), std::string::npos) << alone;
}

// With a not-applicable indicator the total is rescaled; the 合计 row's rate
// is over the applicable weight, as the categories' are, so that it reads as
// the rescaled total does (here 9.5 of the 10 points that apply: 95%).
TEST(ScorecardText, TheSumRowRatesTheApplicableWeight) {
  core::Evaluation e = one_leaf("产出指标", "企业数", 10, "≥100家", "95家");
  const int other = e.add_indicator(test::indicator_row("效益指标", 90));
  e.add_indicator(test::indicator_row("受益人数", 90, "/", "/"), other);
  const std::string out = table(e);
  const size_t sum = out.find("\n合计");
  ASSERT_NE(sum, std::string::npos) << out;
  const std::string row = out.substr(sum + 1, out.find('\n', sum + 1) - sum - 1);
  EXPECT_NE(row.find("9.5"), std::string::npos) << row;
  EXPECT_NE(row.find("95%"), std::string::npos) << row;
  EXPECT_EQ(row.find("9.5%"), std::string::npos) << row;
}

// The line of what the table states: a total alone, a grade alone, or both,
// without trailing spaces.
TEST(ScorecardText, TheStatedLineEndsWithoutSpaces) {
  core::Evaluation e = one_leaf("产出指标", "企业数", 100, "≥100家", "95家");
  e.stated_total = core::Figure{95, 0};
  EXPECT_NE(table(e).find("\n报告所列：总分 95\n"), std::string::npos) << table(e);
  e.stated_grade = "优";
  EXPECT_NE(table(e).find("\n报告所列：总分 95  等级 优\n"), std::string::npos) << table(e);
  e.stated_total.reset();
  EXPECT_NE(table(e).find("\n报告所列：等级 优\n"), std::string::npos) << table(e);
}

// A line break or a tab typed inside a cell stays in its row, as a space: in
// the cells, in the explanation that quotes them, and in a finding's message.
TEST(ScorecardText, ALineBreakInACellStaysInItsRow) {
  const core::Evaluation e = one_leaf("产出指标", "企业\n数", 10, "≥100家", "95\t家\n");
  const std::string out = table(e);
  const size_t at = out.find("企业 数");
  ASSERT_NE(at, std::string::npos) << out;
  const std::string row = out.substr(at, out.find('\n', at) - at);
  EXPECT_NE(row.find("9.5"), std::string::npos) << out;  // the score is on the same line
  const core::Evaluation words = one_leaf("产出指标", "企业数", 10, "≥100家", "见附件\n第3页");
  const std::string quoted = table(words);
  EXPECT_EQ(quoted.find("见附件\n"), std::string::npos) << quoted;
  EXPECT_NE(quoted.find("见附件 第3页"), std::string::npos) << quoted;
}

}  // namespace
}  // namespace jixiao::format
