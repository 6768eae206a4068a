// How dates are read and compared: deadlines, spans, parts of a month.
#include "core/dates.h"

#include <gtest/gtest.h>

#include <optional>
#include <tuple>
#include <utility>

#include "core/clauses.h"
#include "core/value.h"

namespace jixiao::core {
namespace {

TEST(Dates, CarryTheirParts) {
  Value v = parse_value("2021年12月31日前");
  EXPECT_EQ(v.date.year, 2021);
  EXPECT_EQ(v.date.month, 12);
  EXPECT_EQ(v.date.day, 31);
  v = parse_value("第三季度");
  EXPECT_EQ(v.date.month, 9);
  v = parse_value("12月底前");
  EXPECT_EQ(v.date.month, 12);
  EXPECT_EQ(v.date.day, 0);
  // Dots between year, month and day, as "2024-6-28".
  v = parse_value("2024.6.28");
  EXPECT_EQ(v.kind, ValueKind::date);
  EXPECT_EQ(v.date.year, 2024);
  EXPECT_EQ(v.date.month, 6);
  EXPECT_EQ(v.date.day, 28);
  v = parse_value("2024.06.30前");
  EXPECT_EQ(v.kind, ValueKind::date);
  EXPECT_EQ(v.op, Op::le);
  EXPECT_EQ(v.date.day, 30);
  EXPECT_EQ(parse_value("2024.13.01").kind, ValueKind::invalid);
  // A year and a month between a dot, a dash or a slash, with words that only a date
  // takes before or after them; alone, or with a unit or 以内 after it, a figure.
  for (const auto& [written, op, month] : {std::tuple{"2024.12前", Op::le, 12},
                                           {"2024.9底前", Op::le, 9},
                                           {"2024-12前", Op::le, 12},
                                           {"2024/12前", Op::le, 12},
                                           {"2024.6初", Op::none, 6},
                                           {"2024.6中旬", Op::none, 6},
                                           {"2024.7已完成", Op::none, 7},
                                           {"已于2024.5完成", Op::none, 5},
                                           {"延期至2025.3", Op::none, 3},
                                           {"完成时间：2024.11", Op::none, 11},
                                           {"2024.11，已完成", Op::none, 11}}) {
    v = parse_value(written);
    EXPECT_EQ(v.kind, ValueKind::date) << written;
    EXPECT_EQ(v.op, op) << written;
    EXPECT_EQ(v.date.month, month) << written;
  }
  for (const char* figure : {"2024.12", "≤2024.5", "2000.5以内", "2024.5万元", "2024.13前"}) {
    EXPECT_EQ(parse_value(figure).kind, ValueKind::number) << figure;
  }
  EXPECT_EQ(parse_value("2024.11，计划完成").kind, ValueKind::invalid);
  // By a date, said before it; after a sign only with a year ("≤10月" is a length).
  for (const char* by : {"不晚于2024年10月", "不迟于10月底", "≤2024年10月", "<=2024年10月"}) {
    v = parse_value(by);
    EXPECT_EQ(v.kind, ValueKind::date) << by;
    EXPECT_EQ(v.op, Op::le) << by;
    EXPECT_EQ(v.date.month, 10) << by;
  }
  v = parse_value("≤10月");
  EXPECT_EQ(v.kind, ValueKind::number);
  EXPECT_EQ(v.unit, "月");
}

// Words of a plan before a date keep it a date, with those words its label: in a
// target's cell the deadline, in an actual's a plan (says_a_plan), not the day it
// was done. Before, unreadable, and "计划2024.12" the figure 2024.12.
// What was built put to use says it was done by then; other work begun does not.
TEST(Dates, PutToUseIsDone) {
  for (const char* used :
       {"2024年12月正式运行", "2024年12月开始运行", "2024年12月开始投入使用", "2024年12月启用",
        "2024年12月上线运行", "2024年12月完成并正式运行", "2024年12月投入运营"}) {
    const Value v = parse_value(used);
    EXPECT_EQ(v.kind, ValueKind::date) << used;
    EXPECT_EQ(v.date.month, 12) << used;
  }
  for (const char* begun : {"2024年12月开始实施", "2024年12月开始发放", "2024年12月试运行",
                            "2024年12月正式开工", "2024年12月使用"}) {
    EXPECT_NE(parse_value(begun).kind, ValueKind::date) << begun;
  }
}

// A date with words that say the work was done in the main only is read with
// them left out, so that the scorer can tell whether it came in time.
TEST(Dates, DoneInTheMainKeepsItsDate) {
  for (const auto& [written, year, month] : {std::tuple{"2024年5月基本完成", 2024, 5},
                                             {"已于2024年5月基本完成", 2024, 5},
                                             {"基本已于2024年5月完成", 2024, 5},
                                             {"2024年5月初步完成", 2024, 5},
                                             {"基本完成（2025年1月）", 2025, 1},
                                             {"基本完成，2025年1月", 2025, 1},
                                             {"２０２４年５月基本完成", 2024, 5}}) {
    const std::optional<Date> done = date_done_in_the_main(written);
    ASSERT_TRUE(done.has_value()) << written;
    EXPECT_EQ(done->year, year) << written;
    EXPECT_EQ(done->month, month) << written;
  }
  for (const char* other :
       {"2024年5月完成", "基本完成", "2024年5月基本完成，部分在建", "预计2024年5月基本完成",
        "2024年5月基本完成，2025年1月全部完成", "基本基本2024年5月完成", "2024年5月接近完成"}) {
    EXPECT_EQ(date_done_in_the_main(other), std::nullopt) << other;
  }
}

TEST(Dates, APlansDateKeepsItsWords) {
  for (const auto& [written, label, op, month] :
       {std::tuple{"计划2024年12月前完成", "计划", Op::le, 12},
        {"计划于2024.12前完成", "计划于", Op::le, 12},
        {"计划2024.12", "计划", Op::none, 12},
        {"计划12月前", "计划", Op::le, 12},
        {"预计第四季度完成", "预计", Op::none, 12},
        {"计划年底前完成", "计划", Op::le, 12},
        {"计划2024年9月-12月", "计划", Op::none, 12},
        {"计划完成时间2024年12月", "计划完成时间", Op::none, 12},
        {"计划完成时间：2025年3月", "计划完成时间", Op::none, 3},
        {"将于2025年3月完成", "将于", Op::none, 3}}) {
    const Value v = parse_value(written);
    EXPECT_EQ(v.kind, ValueKind::date) << written;
    EXPECT_EQ(v.label, label) << written;
    EXPECT_EQ(v.op, op) << written;
    EXPECT_EQ(v.date.month, month) << written;
    EXPECT_TRUE(says_a_plan(v)) << written;
  }
  // Words that name a time and no plan are no label; words that say it was done
  // after a plan's, or done as planned, are the date it was done, no plan's.
  const Value done = parse_value("完成时间2024年12月前");
  EXPECT_EQ(done.kind, ValueKind::date);
  EXPECT_FALSE(says_a_plan(done));
  for (const char* as_planned : {"计划已于2024年11月完成", "按计划于2024年11月完成"}) {
    const Value v = parse_value(as_planned);
    EXPECT_EQ(v.kind, ValueKind::date) << as_planned;
    EXPECT_EQ(v.date.month, 11) << as_planned;
    EXPECT_FALSE(says_a_plan(v)) << as_planned;
  }
  // Who plans it comes before the plan's words: still a plan.
  EXPECT_TRUE(says_a_plan(parse_value("项目计划于2025年3月完成")));
}

// A day between dots after the words the date reader reads before a date, as
// "于2024年11月8日完成" (before, unreadable).
TEST(Dates, ADottedDayAfterWordsOfWhen) {
  for (const auto& [written, op, day] : {std::tuple{"于2024.11.8完成", Op::none, 8},
                                         {"已于2024.10.8完成", Op::none, 8},
                                         {"截至2024.6.30", Op::none, 30},
                                         {"不晚于2024.6.30", Op::le, 30}}) {
    const Value v = parse_value(written);
    EXPECT_EQ(v.kind, ValueKind::date) << written;
    EXPECT_EQ(v.op, op) << written;
    EXPECT_EQ(v.date.day, day) << written;
  }
  EXPECT_NE(parse_value("共2024.6.30").kind, ValueKind::date);
}

// A date written as a month, a quarter, a half or a year, or as "…前", is some
// day of a span: its first month is kept (a deadline may fall within it).
TEST(Dates, WrittenAsASpanKeepItsFirstMonth) {
  const std::pair<const char*, int> cases[] = {{"2024年10月", 10},
                                               {"10月份", 10},
                                               {"2024-10", 10},
                                               {"2024.10", 10},
                                               {"2024年第四季度", 10},
                                               {"2024年Q4", 10},
                                               {"三季度", 7},
                                               {"上半年", 1},
                                               {"下半年", 7},
                                               {"全年", 1},
                                               {"2024年", 1},
                                               {"年内完成", 1},
                                               {"当年完成", 1},
                                               {"2024年11月前", 1},
                                               {"2024.06.30前", 1},
                                               {"2024年10月15日", 0},
                                               {"2024年10月底", 0},
                                               {"年底", 0},
                                               {"2024年底", 0},
                                               {"年中", 0},
                                               {"2024.6.28", 0},
                                               {"10月上旬", 10},
                                               {"10月下旬", 10},
                                               {"10月初", 10},
                                               {"10月中", 10},
                                               {"2024年初", 1},
                                               {"年初", 1},
                                               {"2024年9月-12月", 9},
                                               {"2024年9-12月", 9},
                                               {"第三季度至第四季度", 7}};
  for (const auto& [written, first] : cases) {
    const Value v = parse_value(written);
    if (v.kind == ValueKind::date) {
      EXPECT_EQ(v.date.span_from, first) << written;
    } else {
      const std::optional<Date> d = year_month_of(v);  // "2024.10" is a number
      ASSERT_TRUE(d.has_value()) << written;
      EXPECT_EQ(d->span_from, first) << written;
    }
  }
  const std::optional<Date> start = span_start(parse_value("2024年第四季度").date);
  ASSERT_TRUE(start.has_value());
  EXPECT_EQ(start->month, 10);
  EXPECT_EQ(start->day, 1);
  EXPECT_FALSE(span_start(parse_value("2024年10月15日").date).has_value());
  const auto holds = [](const char* done, const char* deadline) {
    return deadline_within_span(parse_value(done).date, parse_value(deadline).date);
  };
  EXPECT_TRUE(holds("2024年10月", "2024年10月15日前"));
  EXPECT_TRUE(holds("2024年第四季度", "2024年11月前"));
  EXPECT_FALSE(holds("2024年10月", "2024年10月31日前")) << "wholly by the deadline";
  EXPECT_FALSE(holds("2024年12月", "2024年10月前")) << "wholly after it";
  EXPECT_FALSE(holds("2024年10月底", "2024年10月15日前")) << "a day";
  // A 旬 is a span of days: 上旬 the 1st to the 10th, 中旬 the 11th to the
  // 20th, 下旬 the 21st to the month's end (before, only its last day counted).
  EXPECT_TRUE(holds("2024年6月上旬", "2024年6月5日前"));
  EXPECT_TRUE(holds("2024年6月中旬", "2024年6月15日前"));
  EXPECT_FALSE(holds("2024年6月中旬", "2024年6月10日前")) << "wholly after it";
  EXPECT_FALSE(holds("2024年6月下旬", "2024年6月30日前")) << "wholly by it";
  // 初 and 中 are 上旬 and 中旬; two 旬 together the span of both.
  EXPECT_TRUE(holds("2024年6月初", "2024年6月5日前"));
  EXPECT_TRUE(holds("2024年6月中", "2024年6月15日前"));
  EXPECT_TRUE(holds("2024年6月中下旬", "2024年6月25日前"));
  EXPECT_FALSE(holds("2024年6月上中旬", "2024年6月30日前")) << "wholly by it";
  EXPECT_TRUE(holds("2024年初", "2024年2月前"));
  EXPECT_TRUE(holds("2024年9月-12月", "2024年11月前"));
  EXPECT_TRUE(holds("9月5日至10月底", "2024年9月30日前"));
  EXPECT_FALSE(holds("9月5日至10月底", "2024年9月4日前")) << "wholly after it";
}

// Two dates of one year joined by 至 or a dash are a span ending at the second;
// two that make no span are invalid, not figures (before, "2024年12月-9月" was
// the figure -9 months after a label, "2024年-2025年" -2025 years).
TEST(Dates, TwoDatesOfOneYearAreASpan) {
  for (const char* written :
       {"2024年9月-12月", "2024年9月至12月", "2024年9月-2024年12月", "2024年9-12月", "9月初至12月",
        "2024.9-12月", "2024.9至2024.12", "2024-09至2024-12", "2024/9-2024/12"}) {
    const Value v = parse_value(written);
    ASSERT_EQ(v.kind, ValueKind::date) << written;
    EXPECT_EQ(v.date.month, 12) << written;
    EXPECT_EQ(v.op, Op::none) << written;
  }
  for (const char* written : {"2024年9月-2025年3月", "2024年12月-9月", "2024年-2025年",
                              "9月底至12月", "2024年12月前-9月"}) {
    EXPECT_EQ(parse_value(written).kind, ValueKind::invalid) << written;
  }
  // Lengths of time and single dates stay what they were.
  EXPECT_EQ(parse_value("3年-5年").op, Op::range);
  EXPECT_EQ(parse_value("3-6个月").op, Op::range);
  EXPECT_EQ(parse_value("2024-11-30").date.day, 30);
}

TEST(Dates, CompareIgnoresMissingYears) {
  EXPECT_LT(compare_dates(parse_value("7月").date, parse_value("9月前").date), 0);
  EXPECT_GT(compare_dates(parse_value("2022年1月").date, parse_value("2021年12月前").date), 0);
  EXPECT_EQ(compare_dates(parse_value("2021年12月").date, parse_value("2021年12月底").date), 0);
  EXPECT_LT(compare_dates(parse_value("2021年12月28日").date, parse_value("2021年12月底").date), 0);
}

}  // namespace
}  // namespace jixiao::core
