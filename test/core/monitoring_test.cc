// Monitoring lights (rules.md §6): indicator, budget and project lights,
// boundaries, and inputs that cannot be judged.
#include "core/monitoring.h"

#include <gtest/gtest.h>

#include <cmath>
#include <initializer_list>
#include <limits>
#include <optional>
#include <tuple>

#include "format/rule_set_json.h"
#include "test/support/examples.h"

namespace jixiao::core {
namespace {

using jixiao::test::national;

LightResult light_at(const char* name, const char* target, const char* actual, int month) {
  return indicator_light(name, parse_target(target), parse_value(actual), month, national());
}

Indicator leaf(const char* name, const char* target, const char* actual) {
  Indicator ind;
  ind.name = name;
  ind.target_text = target;
  ind.target = parse_target(target);
  ind.actual_text = actual;
  ind.actual = parse_value(actual);
  return ind;
}

void expect_light(const LightResult& r, Light light, const std::string& context = "") {
  EXPECT_EQ(r.status, LightStatus::lit) << context << " " << r.explanation;
  ASSERT_TRUE(r.light.has_value()) << context << " " << r.explanation;
  EXPECT_EQ(light_code(*r.light), light_code(light)) << context << " " << r.explanation;
}

void expect_no_light(const LightResult& r, LightStatus status, const std::string& context = "") {
  EXPECT_EQ(light_status_code(r.status), light_status_code(status))
      << context << " " << r.explanation;
  EXPECT_FALSE(r.light.has_value()) << context << " " << r.explanation;
  EXPECT_FALSE(r.explanation.empty()) << context;
}

// One row of a table of lights: lit as `light`, or not lit with `why` in the
// explanation.
struct LightRow {
  const char* name;
  const char* target;
  const char* actual;
  std::optional<Light> light;  // nullopt: not lit
  const char* why = "";        // in the explanation of one not lit
};

// Against one deadline: an actual at its month, and the light it should have.
struct DeadlineRow {
  const char* actual;
  int month;
  Light light;
};

void expect_deadline_lights(const char* target, std::initializer_list<DeadlineRow> rows) {
  for (const DeadlineRow& row : rows) {
    expect_light(light_at("完成时间", target, row.actual, row.month), row.light,
                 std::string(row.actual) + " " + std::to_string(row.month));
  }
}

void expect_row_light(const LightResult& r, const LightRow& row) {
  if (row.light) {
    expect_light(r, *row.light);
  } else {
    expect_no_light(r, LightStatus::unknown);
    EXPECT_NE(r.explanation.find(row.why), std::string::npos) << r.explanation;
  }
}

TEST(MonitoringLight, CodesLabelsAndOrder) {
  EXPECT_EQ(light_code(Light::blue), "blue");
  EXPECT_EQ(light_code(Light::green), "green");
  EXPECT_EQ(light_code(Light::yellow), "yellow");
  EXPECT_EQ(light_code(Light::red), "red");
  EXPECT_EQ(light_label(Light::blue), "蓝");
  EXPECT_EQ(light_label(Light::green), "绿");
  EXPECT_EQ(light_label(Light::yellow), "黄");
  EXPECT_EQ(light_label(Light::red), "红");
  EXPECT_EQ(light_from_text("red"), Light::red);
  EXPECT_EQ(light_from_text("黄"), Light::yellow);
  EXPECT_EQ(light_from_text("蓝灯"), Light::blue);
  EXPECT_EQ(light_from_text("紫"), std::nullopt);
  EXPECT_EQ(light_from_text("灯"), std::nullopt);
  EXPECT_EQ(worse_light(Light::red, Light::yellow), Light::red);
  EXPECT_EQ(worse_light(Light::green, Light::yellow), Light::yellow);
  EXPECT_EQ(worse_light(Light::blue, Light::green), Light::green);
  EXPECT_EQ(worse_light(Light::blue, Light::blue), Light::blue);
  EXPECT_EQ(light_status_code(LightStatus::unknown), "unknown");
}

TEST(MonitoringIndicator, ExplanationQuotesTheNumbers) {
  const LightResult r = light_at("培训企业数量", "≥100家", "45家", 6);
  expect_light(r, Light::green);
  ASSERT_TRUE(r.ratio.has_value());
  EXPECT_DOUBLE_EQ(*r.ratio, 0.9);
  EXPECT_EQ(r.explanation, "进度比 = 45/(100×6/12) = 90%，绿灯");
}

struct Band {
  const char* target;
  const char* actual;
  int month;
  Light light;
};

class MonitoringHigherBands : public testing::TestWithParam<Band> {};

TEST_P(MonitoringHigherBands, Boundaries) {
  const Band& b = GetParam();
  expect_light(light_at("培训人数", b.target, b.actual, b.month), b.light,
               std::string(b.target) + " " + b.actual + " m=" + std::to_string(b.month));
}

INSTANTIATE_TEST_SUITE_P(
    Monitoring, MonitoringHigherBands,
    testing::Values(
        // t = 100 at m = 6: the plan to date is 50.
        Band{"≥100人", "0人", 6, Light::red}, Band{"≥100人", "29.99人", 6, Light::red},
        Band{"≥100人", "30人", 6, Light::yellow},  // exactly 60 %
        Band{"≥100人", "39.99人", 6, Light::yellow}, Band{"≥100人", "40人", 6, Light::green},
        // exactly 80 %
        Band{"≥100人", "59.99人", 6, Light::green}, Band{"≥100人", "60人", 6, Light::blue},
        // exactly 120 %
        // m = 12: the whole target.
        Band{"≥100人", "59人", 12, Light::red}, Band{"≥100人", "60人", 12, Light::yellow},
        Band{"≥100人", "80人", 12, Light::green}, Band{"≥100人", "119人", 12, Light::green},
        Band{"≥100人", "120人", 12, Light::blue},
        // Quarters; ratios that are not exact in binary still meet their band.
        Band{"≥12项", "7.2项", 12, Light::yellow}, Band{"≥3项", "0.45项", 3, Light::yellow},
        Band{"≥7项", "2.45项", 7, Light::yellow}, Band{"≥30项", "6项", 3, Light::green},
        Band{"≥30项", "5.99项", 3, Light::yellow},
        // Classified at the precision shown: 59.996 % shows as 60 %.
        Band{"≥100人", "29.998人", 6, Light::yellow},
        // Negative actuals are far behind.
        Band{"≥100人", "-5人", 6, Light::red},
        // A bare number reads as ≥ when the name is not lower-is-better.
        Band{"1000", "601", 6, Light::blue}));

TEST(MonitoringIndicator, ConvertsUnits) {
  const LightResult bare = light_at("投资额", "≥1000万元", "400", 6);
  expect_light(bare, Light::green);
  EXPECT_EQ(bare.explanation, "进度比 = 400/(1000×6/12) = 80%，绿灯");
  expect_light(light_at("投资额", "≥1000万元", "4000000元", 6), Light::green);
  const LightResult pct = light_at("覆盖率", "≥90%", "27%", 6);
  expect_light(pct, Light::yellow);
  EXPECT_EQ(pct.explanation, "进度比 = 27%/(90%×6/12) = 60%，黄灯");
  expect_no_light(light_at("覆盖率", "≥90%", "0.27", 6), LightStatus::unknown);
}

TEST(MonitoringIndicator, LowerIsBetter) {
  const LightResult at_limit = light_at("安全事故", "≤15起", "15起", 6);
  expect_light(at_limit, Light::green);
  ASSERT_TRUE(at_limit.ratio.has_value());
  EXPECT_DOUBLE_EQ(*at_limit.ratio, 1.0);
  const LightResult over = light_at("安全事故", "≤15起", "16起", 6);
  expect_light(over, Light::red);
  EXPECT_NE(over.explanation.find("16 > 年度指标值15"), std::string::npos) << over.explanation;
  // Not pro-rated: 10 of ≤15 at m = 3 is still within the limit.
  expect_light(light_at("安全事故", "≤15起", "10起", 3), Light::green);
  expect_light(light_at("投诉率", "<5%", "3%", 3), Light::green);
  // A bare target is lower-is-better by the rule set's names.
  expect_light(light_at("在职人员控制率", "100%", "101%", 6), Light::red);
  expect_light(light_at("在职人员控制率", "100%", "100%", 6), Light::green);
  // A range under a ceiling is as far as its upper end (before, "3-7天" was green by its 3).
  const LightResult range = light_at("办结时限", "≤5天", "3-7天", 6);
  expect_light(range, Light::red);
  EXPECT_NE(range.explanation.find("7 > 年度指标值5"), std::string::npos) << range.explanation;
  expect_light(light_at("办结时限", "≤5天", "3-5天", 6), Light::green);
}

TEST(MonitoringIndicator, ZeroTargetsDoNotDivide) {
  const LightResult at_least_zero = light_at("新增企业", "≥0家", "5家", 6);
  expect_light(at_least_zero, Light::green);
  EXPECT_FALSE(at_least_zero.ratio.has_value());
  EXPECT_NE(at_least_zero.explanation.find("不计算进度比"), std::string::npos);
  expect_light(light_at("新增企业", "≥0家", "-1家", 6), Light::red);
  // "0起" and "=0件": nothing may happen.
  const LightResult none = light_at("安全事故", "0起", "0起", 12);
  expect_light(none, Light::green);
  EXPECT_FALSE(none.ratio.has_value());
  expect_light(light_at("安全事故", "0起", "1起", 1), Light::red);
  expect_light(light_at("质量事故", "=0件", "2件", 6), Light::red);
  for (int m = 1; m <= 12; ++m) {
    const LightResult r = light_at("新增企业", "≥0家", "0家", m);
    ASSERT_TRUE(r.light.has_value());
    EXPECT_FALSE(r.ratio.has_value());
  }
}

TEST(MonitoringIndicator, RangeTargetUsesUpperBoundForBlue) {
  expect_light(light_at("培训人数", "100-200人", "50人", 12), Light::red);
  const LightResult mid = light_at("培训人数", "100-200人", "90人", 12);
  expect_light(mid, Light::green);
  EXPECT_DOUBLE_EQ(*mid.ratio, 0.9);
  expect_light(light_at("培训人数", "100-200人", "150人", 12), Light::green);
  expect_light(light_at("培训人数", "100-200人", "239人", 12), Light::green);
  const LightResult blue = light_at("培训人数", "100-200人", "240人", 12);
  expect_light(blue, Light::blue);
  EXPECT_NE(blue.explanation.find("按上限计"), std::string::npos) << blue.explanation;
}

TEST(MonitoringIndicator, QualitativeTiersAndGrades) {
  expect_light(light_at("管理水平", "达成预期指标", "已完成", 6), Light::green);
  expect_light(light_at("管理水平", "达成预期指标", "基本完成", 6), Light::yellow);
  expect_light(light_at("管理水平", "达成预期指标", "部分达成", 6), Light::yellow);
  expect_light(light_at("管理水平", "达成预期指标", "未完成", 6), Light::red);
  expect_light(light_at("管理水平", "效果明显", "效果较差", 9), Light::red);
  // Words against a numeric target are read the same way.
  expect_light(light_at("培训人数", "≥100人", "基本完成", 6), Light::yellow);
  // Grades by their share in the tier bands.
  expect_light(light_at("服务质量", "良", "优", 6), Light::green);
  expect_light(light_at("服务质量", "良", "良", 6), Light::green);
  expect_light(light_at("服务质量", "优", "良", 6), Light::green);
  expect_light(light_at("服务质量", "优", "中", 6), Light::yellow);
  expect_light(light_at("服务质量", "优", "低", 6), Light::red);
  expect_light(light_at("服务质量", "优", "差", 6), Light::red);
  // A remark that says nothing of how well leaves the words as they are.
  expect_light(light_at("服务质量", "优秀", "一般（经核实）", 6), Light::yellow);
  expect_light(light_at("管理水平", "达成预期指标", "基本完成，经核实", 6), Light::yellow);
  const LightResult tier = light_at("管理水平", "达成预期指标", "基本完成", 6);
  EXPECT_NE(tier.explanation.find("部分达成年度指标并具有一定效果"), std::string::npos)
      << tier.explanation;
  EXPECT_FALSE(tier.ratio.has_value());
}

TEST(MonitoringIndicator, YesNo) {
  expect_light(light_at("制度建设", "是", "是", 6), Light::green);
  expect_light(light_at("制度建设", "是", "否", 6), Light::yellow);
  expect_light(light_at("制度建设", "是", "否", 11), Light::yellow);
  expect_light(light_at("制度建设", "是", "否", 12), Light::red);
  expect_light(light_at("违规问题", "否", "否", 12), Light::green);
  expect_light(light_at("违规问题", "否", "是", 6), Light::yellow);
  // A target that says something must not happen: 无 meets it, 有 does not,
  // 否 cannot tell (the engine's reading, core/words.h).
  expect_light(light_at("安全生产", "无安全事故", "无", 6), Light::green);
  expect_light(light_at("安全生产", "无安全事故", "有", 12), Light::red);
  expect_no_light(light_at("安全生产", "无安全事故", "否", 6), LightStatus::unknown);
  // What has happened cannot be undone by December: red at once, not yellow.
  expect_light(light_at("安全生产", "无安全事故", "有", 6), Light::red);
  // Counts against such words, and words against a count of 0.
  expect_light(light_at("安全生产", "无安全事故", "0", 6), Light::green);
  expect_light(light_at("安全生产", "零事故", "0起", 6), Light::green);
  expect_light(light_at("安全生产", "杜绝重大事故", "1起", 3), Light::red);
  expect_light(light_at("安全生产", "0起", "无", 6), Light::green);
  expect_light(light_at("安全生产", "0起", "未发生", 6), Light::green);
  expect_light(light_at("安全生产", "0起", "有", 6), Light::red);
  expect_no_light(light_at("安全生产", "无安全事故", "≥1起", 6), LightStatus::unknown);
  // Nothing happened is under any upper bound; the thing said as done or not.
  expect_light(light_at("投诉发生率", "≤0.5%", "无", 6), Light::green);
  expect_light(light_at("安全事故", "≤3起", "未发生", 6), Light::green);
  expect_light(light_at("成本控制", "不超预算", "未超预算", 6), Light::green);
  expect_light(light_at("成本控制", "不超预算", "超预算", 6), Light::red);
  // Spending over a ceiling in words is red at once too, however the ceiling is
  // said (before, yellow for "控制在预算内": "年底前仍可完成").
  expect_light(light_at("成本控制", "控制在预算内", "超预算", 6), Light::red);
  expect_light(light_at("成本控制", "控制在预算内", "超支", 6), Light::red);
  expect_light(light_at("工程造价", "≤批复概算", "超出概算", 3), Light::red);
  expect_light(light_at("成本控制", "控制在预算内", "未超支", 6), Light::green);
}

// Words the engine reads: a repeated target reaches it, a negated phrase says nothing.
TEST(MonitoringIndicator, WordsReadAsTheEngineReadsThem) {
  expect_light(light_at("可持续影响", "长期", "长期", 6), Light::green);
  expect_no_light(light_at("社会效益", "有效提升", "无明显提升", 6), LightStatus::unknown);
}

// No figures yet ("暂未统计"): no light, and the message says why, not that the
// words are unreadable.
TEST(MonitoringIndicator, NoDataYet) {
  const LightResult r = light_at("服务对象满意度", "≥90%", "暂未统计", 6);
  expect_no_light(r, LightStatus::unknown);
  EXPECT_NE(r.explanation.find("尚无实际数据"), std::string::npos) << r.explanation;
  const LightResult words = light_at("服务对象满意度", "≥90%", "无投诉", 6);
  EXPECT_EQ(words.explanation.find("尚无实际数据"), std::string::npos) << words.explanation;
}

TEST(MonitoringIndicator, Deadlines) {
  // Not done: green before the due month, red from it on.
  expect_light(light_at("完成时间", "9月前", "", 6), Light::green);
  expect_light(light_at("完成时间", "9月前", "", 8), Light::green);
  expect_light(light_at("完成时间", "9月前", "", 9), Light::red);
  expect_light(light_at("完成时间", "9月前", "", 12), Light::red);
  expect_light(light_at("完成时间", "9月前", "未完成", 10), Light::red);
  expect_light(light_at("完成时间", "9月前", "正在施工", 3), Light::green);
  expect_light(light_at("完成时间", "第三季度", "", 8), Light::green);
  expect_light(light_at("完成时间", "第三季度", "", 9), Light::red);
  expect_light(light_at("完成时间", "2021年12月底前", "", 11), Light::green);
  expect_light(light_at("完成时间", "2021年12月底前", "", 12), Light::red);
  // "2024.8" against a deadline is August 2024.
  expect_light(light_at("完成时间", "2024年9月前", "2024.8", 9), Light::green);
  expect_light(light_at("完成时间", "2024年9月前", "2024.10", 12), Light::red);
  // So is a target so written, against a date or under a name that names a time, and
  // a year and a month with words only a date takes.
  expect_light(light_at("完成时间", "2024.9", "2024.10", 12), Light::red);
  expect_light(light_at("完成时间", "2024.9", "2024.8", 9), Light::green);
  expect_light(light_at("竣工", "2024.9", "2024年10月", 12), Light::red);
  expect_light(light_at("竣工", "2024.9前", "已于2024.10完成", 12), Light::red);
  expect_light(light_at("竣工", "2024-09前", "2024-08", 9), Light::green);
  // Done: on time is green, late is red.
  expect_light(light_at("完成时间", "9月前", "2021年8月", 9), Light::green);
  expect_light(light_at("完成时间", "9月前", "9月", 9), Light::green);
  expect_light(light_at("完成时间", "9月前", "10月", 12), Light::red);
  expect_light(light_at("完成时间", "9月前", "已完成", 6), Light::green);
  expect_light(light_at("完成时间", "9月前", "是", 12), Light::green);
  // Dates of done on both sides of the limit: which one counts is the evaluator's;
  // all on time or all late decide.
  expect_no_light(light_at("完成时间", "2024年12月前", "2024年11月完成，2025年1月验收", 12),
                  LightStatus::unknown);
  expect_light(light_at("完成时间", "2024年12月前", "2024年10月完成，2024年11月验收", 12),
               Light::green);
  expect_light(light_at("完成时间", "2024年12月前", "2025年1月完成，2025年3月验收", 12),
               Light::red);
  // A date after the report month is a plan, not a completion.
  expect_light(light_at("完成时间", "9月前", "10月", 6), Light::green);
  expect_light(light_at("完成时间", "9月前", "10月", 9), Light::red);
  const LightResult late = light_at("完成时间", "9月前", "", 10);
  EXPECT_NE(late.explanation.find("完成时限9月"), std::string::npos) << late.explanation;
  EXPECT_FALSE(late.ratio.has_value());
  // A share of the work done so far is not done yet until it is all of it
  // (before, no light); other figures cannot be compared with a deadline.
  expect_deadline_lights("9月前", {{"已完成80%", 6, Light::green},
                                   {"完成进度80%", 9, Light::red},
                                   {"80%", 10, Light::red},
                                   {"已完成100%", 12, Light::green}});
  const LightResult share = light_at("完成时间", "9月前", "已完成80%", 6);
  EXPECT_NE(share.explanation.find("第6月完成80%，尚未完成"), std::string::npos)
      << share.explanation;
  expect_no_light(light_at("完成时间", "9月前", "合格率80%", 6), LightStatus::unknown);
  expect_no_light(light_at("完成时间", "9月前", "100人", 6), LightStatus::unknown);
  // Due next year: not overdue in December, and named as next year's.
  const LightResult next_year = light_at("竣工验收", "次年3月前", "", 12);
  expect_light(next_year, Light::green);
  EXPECT_NE(next_year.explanation.find("完成时限次年3月"), std::string::npos)
      << next_year.explanation;
  // A completion next year is a plan this year.
  expect_light(light_at("完成时间", "9月前", "次年1月", 6), Light::green);
}

// Counts in Chinese numerals before the target's unit light as they would in digits
// (before, "计划三期，完成二期" was green for its 完成).
TEST(MonitoringIndicator, CountsInChineseNumeralsAsInDigits) {
  for (const auto& [target, in_words, in_digits] :
       {std::tuple{"≥3期", "计划三期，完成二期", "计划3期，完成2期"},
        {"≥10人", "十人不合格", "10人不合格"},
        {"≥2次", "开展二次培训", "开展2次培训"},
        {"≥100人次，≥5场", "120人次，六场", "120人次，6场"}}) {
    const LightResult words = indicator_light(leaf("培训", target, in_words), 12, national());
    const LightResult digits = indicator_light(leaf("培训", target, in_digits), 12, national());
    EXPECT_EQ(words.status, digits.status) << in_words << ": " << words.explanation;
    EXPECT_EQ(words.light, digits.light) << in_words << ": " << words.explanation;
    EXPECT_EQ(words.ratio, digits.ratio) << in_words;
  }
  // Against a share, counts in any counting word; a count alone stays words.
  for (const auto& [in_words, in_digits] : {std::pair{"计划十个，完工八个", "计划10个，完工8个"},
                                            {"完成（含二个在建）", "完成（含2个在建）"}}) {
    const LightResult words = indicator_light(leaf("项目完工率", "100%", in_words), 12, national());
    const LightResult digits =
        indicator_light(leaf("项目完工率", "100%", in_digits), 12, national());
    EXPECT_EQ(words.status, digits.status) << in_words << ": " << words.explanation;
    EXPECT_EQ(words.ratio, digits.ratio) << in_words;
  }
  EXPECT_EQ(light_at("项目完工率", "100%", "10个项目中已完工8个", 12).ratio,
            std::optional<double>(0.8));
  // All of a count done is the whole share, in digits or in numerals.
  for (const char* all : {"120户均已完成", "五个项目全部完工"}) {
    const LightResult done = light_at("改造完成率", "100%", all, 12);
    expect_light(done, Light::green);
    EXPECT_EQ(done.ratio, std::optional<double>(1.0)) << all;
  }
  expect_light(light_at("培训", "≥3期", "计划三期，完成二期", 12), Light::yellow);
  // Words of done with a part still going on light nothing, as the engine leaves them to
  // the evaluator; work going on of no part is still done.
  expect_no_light(light_at("项目完工率", "100%", "完成，部分在建", 12), LightStatus::unknown,
                  "a part going on");
  expect_light(light_at("项目完工率", "100%", "完成，正在验收", 12), Light::green);
  // So do words of done with a part excepted, a count of it too (before, green: the
  // count was read as all done).
  expect_no_light(light_at("项目完成率", "100%", "除个别项目外全部完成", 12), LightStatus::unknown,
                  "a part excepted");
  expect_no_light(light_at("项目完成率", "100%", "除2个项目外均已完成", 12), LightStatus::unknown,
                  "a count excepted");
  // "一户不落" says none was left out: no count of one.
  EXPECT_NE(light_at("入户", "≥500户", "一户不落", 12).ratio, std::optional<double>(1.0 / 500));
}

TEST(MonitoringIndicator, UnreadableIsUnknownNeverGreen) {
  expect_no_light(light_at("培训人数", "", "45人", 6), LightStatus::unknown, "empty target");
  expect_no_light(light_at("培训人数", "100:%", "45人", 6), LightStatus::unknown, "invalid target");
  expect_no_light(light_at("培训人数", "≥100人", "", 6), LightStatus::unknown, "empty actual");
  expect_no_light(light_at("培训人数", "≥100人", "45:人", 6), LightStatus::unknown,
                  "invalid actual");
  expect_no_light(light_at("培训人数", "≥100家", "50%", 6), LightStatus::unknown, "units");
  expect_no_light(light_at("管理水平", "达成预期指标", "正在推进中", 6), LightStatus::unknown,
                  "words");
  expect_no_light(light_at("管理水平", "达成预期指标", "80%", 6), LightStatus::unknown,
                  "number against words");
  expect_no_light(light_at("管理水平", "达成预期指标", "", 6), LightStatus::unknown,
                  "no actual words");
  const LightResult invalid = light_at("培训人数", "100:%", "45人", 6);
  EXPECT_NE(invalid.explanation.find("100:%"), std::string::npos) << invalid.explanation;
  expect_no_light(light_at("培训人数", "不适用", "", 6), LightStatus::not_applicable);
  expect_no_light(light_at("培训人数", "≥100人", "/", 6), LightStatus::not_applicable);
}

TEST(MonitoringIndicator, InvalidMonthIsAnError) {
  for (int m : {0, 13, -1, 100, std::numeric_limits<int>::min()}) {
    const LightResult r = light_at("培训人数", "≥100人", "45人", m);
    expect_no_light(r, LightStatus::error, "m=" + std::to_string(m));
    EXPECT_FALSE(r.ratio.has_value());
  }
  EXPECT_NE(light_at("培训人数", "≥100人", "45人", 13).explanation.find("13"), std::string::npos);
  expect_no_light(indicator_light(leaf("培训人数", "≥100人", "45人"), 0, national()),
                  LightStatus::error);
  for (int m = 1; m <= 12; ++m) {
    EXPECT_TRUE(light_at("培训人数", "≥100人", "45人", m).light.has_value()) << m;
  }
}

TEST(MonitoringIndicator, NodeKindAndNotApplicable) {
  Indicator node = leaf("经费", "100", "110");
  expect_light(indicator_light(node, 6, national()), Light::blue);  // inferred: higher
  node.kind = ScoringKind::lower_is_better;
  expect_light(indicator_light(node, 6, national()), Light::red);
  node.kind = ScoringKind::higher_is_better;
  expect_light(indicator_light(node, 6, national()), Light::blue);
  node.not_applicable = true;
  expect_no_light(indicator_light(node, 6, national()), LightStatus::not_applicable);
  // The written texts are quoted.
  Indicator bad = leaf("培训人数", "约100:人", "45人");
  const LightResult r = indicator_light(bad, 6, national());
  expect_no_light(r, LightStatus::unknown);
  EXPECT_NE(r.explanation.find("约100:人"), std::string::npos) << r.explanation;
}

TEST(MonitoringBudget, RateBands) {
  const LightResult r = budget_light(0.3, 6);
  expect_light(r, Light::yellow);
  EXPECT_DOUBLE_EQ(*r.ratio, 0.6);
  EXPECT_EQ(r.explanation, "执行进度比 = 30%/(6/12) = 60%，黄灯");
  expect_light(budget_light(0.2999, 6), Light::red);
  expect_light(budget_light(0.0, 6), Light::red);
  expect_light(budget_light(0.4, 6), Light::green);  // exactly 80 %
  expect_light(budget_light(0.3999, 6), Light::yellow);
  expect_light(budget_light(0.9, 6), Light::green);  // far ahead: no blue for budgets
  expect_light(budget_light(0.8, 12), Light::green);
  expect_light(budget_light(0.79, 12), Light::yellow);
  expect_light(budget_light(0.6, 12), Light::yellow);
  expect_light(budget_light(0.59, 12), Light::red);
  expect_light(budget_light(0.15, 3), Light::yellow);  // 60 % at the first quarter
  expect_light(budget_light(0.7 * 9 / 12, 9), Light::yellow);
  expect_light(budget_light(0.8 * 9 / 12, 9), Light::green);
}

TEST(MonitoringBudget, BadInputs) {
  expect_no_light(budget_light(0.5, 0), LightStatus::error);
  expect_no_light(budget_light(0.5, 13), LightStatus::error);
  expect_no_light(budget_light(-0.1, 6), LightStatus::error);
  expect_no_light(budget_light(std::nan(""), 6), LightStatus::error);
  expect_no_light(budget_light(std::numeric_limits<double>::infinity(), 6), LightStatus::error);
}

TEST(MonitoringBudget, FromAmounts) {
  Budget b;
  b.adjusted = 480;
  b.executed = 240;
  const LightResult r = budget_light(b, 6, national());
  expect_light(r, Light::green);
  EXPECT_DOUBLE_EQ(*r.ratio, 1.0);
  EXPECT_EQ(r.explanation, "执行率 = 240/480 = 50%；执行进度比 = 50%/(6/12) = 100%，绿灯");
  expect_light(budget_light(b, 12, national()), Light::red);  // 50 % at year end
  // Without an adjusted budget the initial one is used.
  Budget initial;
  initial.initial = 400;
  initial.executed = 120;
  expect_light(budget_light(initial, 6, national()), Light::yellow);
  // The evaluation framework's formula uses the funds received.
  RuleSet received = national();
  received.execution_formula = ExecutionFormula::executed_over_received;
  Budget r2 = b;
  r2.received = 300;
  expect_light(budget_light(r2, 12, received), Light::green);  // 80 %
  expect_light(budget_light(r2, 12, national()), Light::red);  // 240/480
  // Unknown, never divided by zero.
  Budget zero;
  zero.adjusted = 0;
  zero.executed = 10;
  const LightResult z = budget_light(zero, 6, national());
  expect_no_light(z, LightStatus::unknown);
  EXPECT_FALSE(z.ratio.has_value());
  Budget no_executed;
  no_executed.adjusted = 100;
  expect_no_light(budget_light(no_executed, 6, national()), LightStatus::unknown);
  Budget no_budget;
  no_budget.executed = 100;
  expect_no_light(budget_light(no_budget, 6, national()), LightStatus::unknown);
  expect_no_light(budget_light(b, 0, national()), LightStatus::error);
}

LightResult lit_result(Light l) {
  return {LightStatus::lit, l, std::nullopt, std::string(light_label(l))};
}

LightResult unlit(LightStatus s) {
  return {s, std::nullopt, std::nullopt, "x"};
}

TEST(MonitoringProject, WorstLight) {
  expect_light(
      project_light({lit_result(Light::green), lit_result(Light::red), lit_result(Light::blue)}),
      Light::red);
  expect_light(project_light({lit_result(Light::blue), lit_result(Light::green)}), Light::green);
  expect_light(project_light({lit_result(Light::green), lit_result(Light::yellow)}), Light::yellow);
  expect_light(project_light({lit_result(Light::blue)}), Light::blue);
  expect_light(
      project_light({lit_result(Light::yellow), lit_result(Light::red), lit_result(Light::yellow)}),
      Light::red);
  const LightResult r =
      project_light({lit_result(Light::red), lit_result(Light::green), lit_result(Light::green)});
  EXPECT_EQ(r.explanation, "共红灯1项、绿灯2项，取最差：红灯");
  EXPECT_FALSE(r.ratio.has_value());
}

TEST(MonitoringProject, UnknownsAreCountedNotHidden) {
  const LightResult r =
      project_light({lit_result(Light::green), unlit(LightStatus::unknown),
                     unlit(LightStatus::error), unlit(LightStatus::not_applicable)});
  expect_light(r, Light::green);
  EXPECT_NE(r.explanation.find("另有2项无法判断"), std::string::npos) << r.explanation;
  expect_no_light(project_light({unlit(LightStatus::unknown), unlit(LightStatus::not_applicable)}),
                  LightStatus::unknown);
  expect_no_light(project_light({unlit(LightStatus::not_applicable)}), LightStatus::not_applicable);
  expect_no_light(project_light({}), LightStatus::unknown);
}

Evaluation monitored() {
  Evaluation e;
  e.title = "企业培训项目";
  const int output = e.add_indicator(leaf("产出指标", "", ""));
  const int quantity = e.add_indicator(leaf("数量指标", "", ""), output);
  e.add_indicator(leaf("培训企业数量", "≥100家", "45家"), quantity);    // green
  e.add_indicator(leaf("培训人次", "≥1000人次", "700人次"), quantity);  // blue
  const int timing = e.add_indicator(leaf("时效指标", "", ""), output);
  e.add_indicator(leaf("完成时间", "5月前", ""), timing);  // red at m = 6
  const int effect = e.add_indicator(leaf("效益指标", "", ""));
  e.add_indicator(leaf("管理水平提升", "达成预期指标", "基本完成"), effect);  // yellow
  const int na = e.add_indicator(leaf("生态效益指标", "", ""), effect);
  e.add_indicator(leaf("减排量", "≥10吨", "1吨"), na);  // would be red
  e.indicators[na].not_applicable = true;
  Budget b;
  b.adjusted = 100;
  b.executed = 50;
  e.budget = b;
  return e;
}

TEST(MonitoringCard, CategoriesShowTheirWorstLeaf) {
  const Evaluation e = monitored();
  const MonitoringCard card = monitor(e, 6, national());
  EXPECT_EQ(card.month, 6);
  ASSERT_EQ(card.nodes.size(), e.indicators.size());
  expect_light(card.nodes[2], Light::green);
  expect_light(card.nodes[3], Light::blue);
  expect_light(card.nodes[1], Light::green);  // 数量指标: green and blue
  expect_light(card.nodes[5], Light::red);
  expect_light(card.nodes[4], Light::red);
  expect_light(card.nodes[0], Light::red);  // 产出指标
  expect_light(card.nodes[7], Light::yellow);
  expect_no_light(card.nodes[8], LightStatus::not_applicable);
  expect_no_light(card.nodes[9], LightStatus::not_applicable);  // under a not-applicable node
  expect_light(card.nodes[6], Light::yellow);                   // 效益指标 ignores 生态
  ASSERT_TRUE(card.budget.has_value());
  expect_light(*card.budget, Light::green);
  expect_light(card.project, Light::red);
}

// A deadline's year against the year monitored: a later one is not due, an
// earlier one is overdue; without the evaluation's year only the month counts.
TEST(MonitoringCard, DeadlinesInOtherYears) {
  Evaluation e;
  e.title = "跨年度工程";
  e.year = 2024;
  const int timing = e.add_indicator(leaf("时效指标", "", ""));
  const int next = e.add_indicator(leaf("竣工验收", "2025年3月前", ""), timing);
  const int last = e.add_indicator(leaf("前期手续", "2023年12月前", ""), timing);
  const int planned = e.add_indicator(leaf("设备安装", "9月前", "2025年1月"), timing);
  const MonitoringCard card = monitor(e, 6, national());
  expect_light(card.nodes[next], Light::green);
  expect_light(card.nodes[last], Light::red);
  expect_light(card.nodes[planned], Light::green);  // a plan, and September is not due
  e.year = 0;
  expect_light(monitor(e, 6, national()).nodes[next], Light::red);  // March has passed
}

// A bare cost target is a ceiling in monitoring too, as in scoring.
TEST(MonitoringCard, CostCategoryTargetsAreCeilings) {
  Evaluation e;
  e.title = "培训项目";
  const int output = e.add_indicator(leaf("产出指标", "", ""));
  const int cost = e.add_indicator(leaf("成本指标", "", ""), output);
  const int unit_cost = e.add_indicator(leaf("单位成本", "100元", "110元"), cost);
  const int count = e.add_indicator(leaf("数量指标", "", ""), output);
  const int trained = e.add_indicator(leaf("培训人数", "100人", "110人"), count);
  const MonitoringCard card = monitor(e, 6, national());
  expect_light(card.nodes[unit_cost], Light::red);  // over its ceiling
  expect_light(card.nodes[trained], Light::blue);   // ahead of plan
}

// A figure of a measure of time, by its name or its category, with words of
// lateness beside it is not lit (the scorer leaves it to the evaluator); lateness
// denied, or another measure, is lit by the figure.
TEST(MonitoringCard, AFigureOfTimeSaidLateIsNotLit) {
  const std::pair<const char*, LightRow> rows[] = {
      {"时效指标", {"资金拨付及时率", "100%", "100%（有延期）", std::nullopt, "写明有延误"}},
      {"时效指标", {"完成率", "100%", "100%（部分延期）", std::nullopt, "写明有延误"}},
      {"时效指标", {"及时率", "100%", "100%，无延期", Light::green}},
      {"时效指标", {"审核及时率", "100%", "100%，未发现不及时情况", Light::green}},
      {"时效指标", {"发放及时率", "100%", "100%（不及时）", std::nullopt, "写明有延误"}},
      {"时效指标", {"按期完成率", "100%", "50%，进度滞后", Light::red}},     // behind anyway
      {"数量指标", {"培训完成率", "100%", "100%（有延期）", Light::green}},  // not of time
  };
  for (const auto& [category_name, row] : rows) {
    SCOPED_TRACE(std::string(category_name) + " " + row.name + " " + row.actual);
    Evaluation e;
    const int category =
        e.add_indicator(leaf(category_name, "", ""), e.add_indicator(leaf("产出指标", "", "")));
    const int node = e.add_indicator(leaf(row.name, row.target, row.actual), category);
    expect_row_light(monitor(e, 12, national()).nodes[node], row);
  }
}

TEST(MonitoringCard, ProjectWithoutRedIsItsWorst) {
  Evaluation e = monitored();
  e.indicators[5] = leaf("完成时间", "9月前", "");  // not yet due
  e.indicators[5].parent = 4;
  e.indicators[5].level = 3;
  const MonitoringCard card = monitor(e, 6, national());
  expect_light(card.nodes[4], Light::green);
  expect_light(card.project, Light::yellow);
  // The budget counts: 10 % executed at m = 6 is red.
  e.budget->executed = 10;
  expect_light(monitor(e, 6, national()).project, Light::red);
}

TEST(MonitoringCard, InvalidMonthMakesEverythingAnError) {
  const Evaluation e = monitored();
  const MonitoringCard card = monitor(e, 13, national());
  ASSERT_EQ(card.nodes.size(), e.indicators.size());
  for (const LightResult& r : card.nodes) expect_no_light(r, LightStatus::error);
  ASSERT_TRUE(card.budget.has_value());
  expect_no_light(*card.budget, LightStatus::error);
  expect_no_light(card.project, LightStatus::error);
}

TEST(MonitoringCard, EmptyEvaluation) {
  const MonitoringCard card = monitor(Evaluation{}, 3, national());
  EXPECT_TRUE(card.nodes.empty());
  EXPECT_FALSE(card.budget.has_value());
  expect_no_light(card.project, LightStatus::unknown);
}

TEST(MonitoringCard, Deterministic) {
  const Evaluation e = monitored();
  const MonitoringCard a = monitor(e, 9, national());
  const MonitoringCard b = monitor(e, 9, national());
  ASSERT_EQ(a.nodes.size(), b.nodes.size());
  for (size_t i = 0; i < a.nodes.size(); ++i) {
    EXPECT_EQ(a.nodes[i].status, b.nodes[i].status);
    EXPECT_EQ(a.nodes[i].light, b.nodes[i].light);
    EXPECT_EQ(a.nodes[i].explanation, b.nodes[i].explanation);
  }
}

TEST(MonitoringIndicator, ChangesAsked) {
  struct Case {
    const char* name;
    const char* target;
    const char* actual;
    int month;
    Light light;
  };
  const Case cases[] = {
      // A fall so far against a rise asked for: behind, not lost, before December.
      {"群众满意度", "有所提升", "下降2%", 6, Light::yellow},
      {"群众满意度", "有所提升", "持平", 12, Light::red},
      {"群众满意度", "有所提升", "提升3%", 6, Light::green},
      // Figures: a fall against a rise of 5% is below zero.
      {"农户收入", "较上年提高5%", "下降1%", 6, Light::red},
      // A rate of change is measured as it stands, not pro-rated: 2% of 5% by June is behind.
      {"农户收入", "较上年提高5%", "提高2%", 6, Light::red},
      {"农户收入", "较上年提高5%", "提高4.5%", 6, Light::green},
  };
  for (const Case& c : cases) {
    expect_light(light_at(c.name, c.target, c.actual, c.month), c.light,
                 std::string(c.target) + " " + c.actual);
  }
  // A change against a level cannot be lit, and says why.
  const LightResult level = light_at("群众满意度", "≥90%", "提高2%", 6);
  expect_no_light(level, LightStatus::unknown);
  EXPECT_NE(level.explanation.find("是增减变化"), std::string::npos) << level.explanation;
}

TEST(MonitoringIndicator, ShareDoneAgainstAllOfIt) {
  const LightResult r = light_at("危房改造", "全部完成", "完成45%", 6);
  expect_light(r, Light::green);
  EXPECT_EQ(r.explanation, "进度比 = 45/(100×6/12) = 90%，绿灯");
  expect_light(light_at("危房改造", "全部完成", "完成20%", 6), Light::red);
  // "按期完成" is about time: a share done says nothing of it.
  expect_no_light(light_at("危房改造", "按期完成", "完成45%", 6), LightStatus::unknown);
}

// A rate or score measured as it stands (满意度, 合格率, 增长率) is compared with
// its target as it is; a share of the year's work done so far (完成率, 执行率,
// 覆盖率, 到位率) against the plan to date.
TEST(MonitoringIndicator, RatesAsTheyStandAreNotProRated) {
  const LightResult satisfied = light_at("群众满意度", "≥90%", "88%", 6);
  expect_light(satisfied, Light::green);
  EXPECT_EQ(satisfied.explanation,
            "比率类指标按当前水平比较，不按月份折算：88%/90% = 97.78%，绿灯");
  expect_light(light_at("群众满意度", "≥90%", "92%", 3), Light::green);  // was 409 %, blue
  expect_light(light_at("产品合格率", "≥95%", "50%", 12), Light::red);
  expect_light(light_at("满意度", "≥90分", "95分", 6), Light::green);
  expect_light(light_at("收入增长率", "≥5%", "3.5%", 6), Light::yellow);
  // Done so far, by the name or by the words before the figure.
  expect_light(light_at("项目完成率", "100%", "45%", 6), Light::green);
  expect_light(light_at("资金到位率", "≥95%", "95%", 6), Light::blue);
  expect_light(light_at("改造任务", "≥90%", "完成45%", 6), Light::green);
  expect_light(light_at("资金使用率", "≥90%", "45%", 6), Light::green);
  expect_light(light_at("设备使用率", "≥90%", "45%", 6), Light::red);  // a level
  // A rate of a quality is a level whatever deed its name names (before, 206%, blue).
  expect_light(light_at("验收合格率", "≥95%", "98%", 6), Light::green);
  expect_light(light_at("资金拨付及时率", "100%", "90%", 6), Light::green);
  expect_light(light_at("资金使用合规率", "100%", "50%", 6), Light::red);
  // A share that has the quality asked for ("合格率98%" against "验收合格") is a level.
  expect_light(light_at("工程质量", "验收合格", "合格率98%", 6), Light::green);
  expect_light(light_at("工程质量", "验收合格", "合格率50%", 6), Light::red);
  // Counts and amounts are quantities done so far, whatever they measure.
  expect_light(light_at("满意度调查人数", "≥500人", "250人", 6), Light::green);
  // Money per something is a standard or a unit cost: a level (pro-rated, 3000
  // of 5000元/亩 in June was 120 %, blue); money per year is the year's amount.
  const LightResult standard = light_at("补助标准", "≥5000元/亩", "3000元/亩", 6);
  expect_light(standard, Light::yellow);
  EXPECT_EQ(standard.explanation,
            "按单位计的数按当前水平比较，不按月份折算：3000/5000 = 60%，黄灯");
  expect_light(light_at("补助标准", "≥1000元/人", "1000元/人", 6), Light::green);
  expect_light(light_at("补助标准", "≥1000元/人/年", "1000元/人/年", 6), Light::green);
  expect_light(light_at("运营收入", "≥100万元/年", "60万元", 6), Light::blue);
  // Any one per another is a level (a capacity, people per session); a choice of
  // counting words ("台/套") is a count.
  expect_light(light_at("处理能力", "≥500吨/日", "500吨/日", 6), Light::green);
  expect_light(light_at("培训规模", "≥100人/期", "110人/期", 6), Light::green);
  expect_light(light_at("设备数量", "≥10台/套", "10台", 6), Light::blue);
  // A length in years is a service life, not work done by the month.
  const LightResult life = light_at("设计使用年限", "≥10年", "10年", 6);
  expect_light(life, Light::green);
  EXPECT_EQ(life.explanation, "年限按当前水平比较，不按月份折算：10/10 = 100%，绿灯");
}

// An actual given as a bound on its unfavourable side ("未达到90%") is at most as
// good as its figure: a light that figure fails is sure, a better one is not.
TEST(MonitoringIndicator, BoundsOnTheWrongSide) {
  expect_no_light(light_at("满意度", "≥90%", "未达到90%", 12), LightStatus::unknown);
  expect_no_light(light_at("资金到位率", "≥90%", "不足50%", 6), LightStatus::unknown);
  expect_light(light_at("资金到位率", "≥90%", "不足20%", 6), Light::red);
  expect_light(light_at("满意度", "≥90%", "不足50%", 6), Light::red);
  expect_light(light_at("满意度", "≥90%", "90%以上", 12), Light::green);
  expect_no_light(light_at("办理时限", "≤30天", "超过20天", 6), LightStatus::unknown);
  expect_light(light_at("办理时限", "≤30天", "超过35天", 6), Light::red);
  expect_light(light_at("办理时限", "≤30天", "20天以内", 6), Light::green);
}

// "完成45%" against "100户": 45户 so far, against the plan to date.
TEST(MonitoringIndicator, AShareSaidDoneOfACount) {
  expect_light(light_at("农房改造", "100户", "完成45%", 6), Light::green);
  expect_light(light_at("农房改造", "100户", "完成20%", 6), Light::red);
}

// Days against a limit in months compare only when met for any length of month,
// and are shown in days.
TEST(MonitoringIndicator, DaysAgainstMonths) {
  const LightResult r = light_at("办理时限", "≤1个月", "25天", 6);
  expect_light(r, Light::green);
  EXPECT_NE(r.explanation.find("实际25 ≤ 年度指标值28"), std::string::npos) << r.explanation;
  expect_no_light(light_at("办理时限", "≤1个月", "30天", 6), LightStatus::unknown);
}

// A cell of several figures is lit by the one that measures what the target does.
TEST(MonitoringIndicator, TheClauseThatReportsWhatTheTargetMeasures) {
  expect_light(light_at("培训期数", "≥6期", "培训3期，150人次", 6), Light::green);
  expect_light(light_at("培训期数", "≥6期", "已开展，共1期", 6), Light::red);
  expect_no_light(light_at("培训期数", "≥6期", "3期，1期未完成", 6), LightStatus::unknown);
  expect_light(light_at("投诉次数", "≤2次", "无投诉", 6), Light::green);
}

TEST(MonitoringIndicator, ABandOfConditionsIsMetInsideIt) {
  // A temperature is no quantity done so far: no share of the year, and above the band is red.
  expect_light(light_at("室内温度", "18℃-26℃", "20℃", 3), Light::green);
  expect_light(light_at("室内温度", "18℃-26℃", "28℃", 3), Light::red);
  expect_light(light_at("出水pH值", "6-9", "5.5", 9), Light::red);
  // A deviation allowed either way: outside it on either side is red (before,
  // "±5%" was ≥5%: 7% blue, -3% red).
  expect_light(light_at("预算执行偏差率", "±5%", "-3%", 6), Light::green);
  expect_light(light_at("预算执行偏差率", "±5%", "7%", 6), Light::red);
  expect_light(light_at("预算执行偏差率", "控制在±5%以内", "-7%", 6), Light::red);
  // A bound is inside or outside where it tells, else unknown; a range by both ends.
  expect_light(light_at("预算执行偏差率", "±5%", "5%以内", 6), Light::green);
  expect_no_light(light_at("预算执行偏差率", "±5%", "≤7%", 6), LightStatus::unknown);
  expect_no_light(light_at("预算执行偏差率", "±5%", "≥3%", 6), LightStatus::unknown);
  expect_light(light_at("预算执行偏差率", "±5%", "≥6%", 6), Light::red);
  expect_light(light_at("室内温度", "18℃-26℃", "20-28℃", 3), Light::red);
  expect_light(light_at("室内温度", "18℃-26℃", "20-24℃", 3), Light::green);
  // A ceiling on a deviation bounds its size either way.
  expect_light(light_at("预决算差异率", "≤5%", "-7%", 6), Light::red);
  expect_light(light_at("预决算差异率", "≤5%", "-3%", 6), Light::green);
  expect_light(light_at("成本控制率", "≤5%", "-7%", 6), Light::green);
  // A range of a count is still progress against the plan to date.
  expect_light(light_at("培训人数", "80-100人", "40人", 6), Light::green);
}

TEST(MonitoringIndicator, ALevelAgainstAChangeInPointsIsNotLit) {
  // 88% is no rise of 88 points: it would be blue.
  expect_no_light(indicator_light(leaf("入学率", "较上年提高2个百分点", "88%"), 6, national()),
                  LightStatus::unknown);
  expect_light(
      indicator_light(leaf("入学率", "较上年提高2个百分点", "提高1.5个百分点"), 12, national()),
      Light::yellow);
  // Both levels, the change between them: 3 points of 2 (far over), then 1 of 2.
  expect_light(
      indicator_light(leaf("入学率", "较上年提高2个百分点", "由93%提高到96%"), 12, national()),
      Light::blue);
  expect_light(
      indicator_light(leaf("入学率", "较上年提高2个百分点", "上年93%，本年94%"), 12, national()),
      Light::red);
}

TEST(MonitoringIndicator, AFigureOfTheOppositeMeasureIsNotLit) {
  // "不满意率1%" is no satisfaction of 1%: it would be red.
  expect_no_light(light_at("群众满意度", "≥90%", "不满意率1%", 6), LightStatus::unknown);
  expect_light(light_at("群众满意度", "≥90%", "满意率92.5%，不满意率1%", 6), Light::green);
  expect_light(light_at("不动产登记数量", "≥500件", "不动产登记260件", 6), Light::green);
  // "合格率98%" for 不合格率: the name's words without its 不 (before, red by 98%).
  expect_no_light(light_at("产品不合格率", "≤2%", "合格率98%", 6), LightStatus::unknown);
}

// A figure labelled with another rate ("满意率99.5%" for 投诉率, before red), or
// with work only started ("开工10个" for 完工项目数, before green), is not lit,
// and says why; a label that shares a character with the name, only says done,
// or names what the indicator counts, is the indicator's.
TEST(MonitoringIndicator, AFigureOfAnotherMeasureIsNotLit) {
  const LightRow rows[] = {
      {"投诉率", "≤1%", "满意率99.5%", std::nullopt, "另一个比率"},
      {"设备完好率", "≥95%", "故障率2%", std::nullopt, "另一个比率"},
      {"完工项目数", "≥10个", "开工10个", std::nullopt, "只说开了工"},
      {"项目完工率", "100%", "开工率100%", std::nullopt, "只说开了工"},
      {"设备完好率", "≥95%", "98%，故障率2%", Light::green},
      {"按时完成率", "100%", "及时率100%", Light::blue},
      {"项目竣工率", "100%", "完成率100%", Light::blue},
      {"开工项目数", "≥10个", "开工10个", Light::blue},
      {"新建项目数", "≥10个", "开工建设10个", Light::blue},
  };
  for (const LightRow& row : rows) {
    SCOPED_TRACE(std::string(row.name) + " " + row.target + " " + row.actual);
    expect_row_light(light_at(row.name, row.target, row.actual, 6), row);
  }
}

// Counts of the opposite, and tiers' words that label figures, as the engine
// reads them: "满意300份" counts, it does not judge.
TEST(MonitoringIndicator, CountsOfTheOppositeAndWordsThatLabelFigures) {
  expect_light(light_at("培训合格率", "≥90%", "培训120人，不合格50人", 6), Light::yellow);
  expect_light(light_at("群众满意度", "≥90%", "发放问卷500份，收回480份，满意300份", 6),
               Light::yellow);
  expect_no_light(light_at("群众满意度", "≥90%", "问卷500份，满意300份，基本满意100份", 6),
                  LightStatus::unknown);
  expect_no_light(light_at("培训合格人数", "≥100人", "培训120人，不合格5人", 6),
                  LightStatus::unknown);
  // Words of the top tier beside a part not done (before, green by 完成).
  expect_no_light(light_at("项目建成率", "100%", "完成（含2个在建）", 6), LightStatus::unknown);
}

// Words that say all of what a rate counts, or a deed done at once, are lit as
// the figure they say would be.
TEST(MonitoringIndicator, WordsOfAllOrAtOnceAgainstAFigure) {
  // All covered by June: ahead of the plan to date.
  expect_light(light_at("覆盖率", "≥95%", "已全部覆盖", 6), Light::blue);
  expect_light(light_at("政策知晓率", "≥90%", "全部知晓", 6), Light::green);
  expect_no_light(light_at("覆盖率", "≥95%", "未全部覆盖", 6), LightStatus::unknown);
  // The quality a rate counts, said alone: all of it.
  expect_light(light_at("资金使用合规率", "100%", "合规", 6), Light::green);
  expect_no_light(light_at("覆盖率", "≥95%", "覆盖", 6), LightStatus::unknown);
  expect_light(light_at("审批时限", "≤3个工作日", "当天办结", 6), Light::green);
  expect_light(light_at("响应时间", "≤30分钟", "即时响应", 6), Light::green);
  expect_no_light(light_at("受理时限", "≤2小时", "当天办结", 6), LightStatus::unknown);
}

// A target of several figures is lit by its worst part, each against the clause
// that reports it; not lit when a part is not reported.
TEST(MonitoringIndicator, ATargetOfSeveralFiguresIsLitByItsWorstPart) {
  const LightResult both = light_at("培训", "≥100人次，≥5场", "50人次，3场", 6);
  expect_light(both, Light::green);
  EXPECT_NE(both.explanation.find("含多项"), std::string::npos) << both.explanation;
  expect_light(light_at("培训", "≥100人次，≥5场", "60人次，1场", 6), Light::red);
  expect_no_light(light_at("培训", "≥100人次，≥5场", "60人次", 6), LightStatus::unknown);
  // A figure of no unit reports the first part alone (actual_for_part): before, it
  // was 60人次 and 60场 at once, green.
  expect_no_light(light_at("培训", "≥100人次，≥5场", "60", 6), LightStatus::unknown);
}

// A plan written where the actual belongs is no progress.
TEST(MonitoringIndicator, APlanIsNotLit) {
  const LightResult r = light_at("培训人数", "≥100人", "预计120人", 6);
  expect_no_light(r, LightStatus::unknown);
  EXPECT_NE(r.explanation.find("计划或预计"), std::string::npos) << r.explanation;
  expect_no_light(light_at("完成时间", "2024年12月前", "计划2025年3月完成", 6),
                  LightStatus::unknown);
  // A plan's date of no digits (before, green by its 完成), and a target's
  // deadline written as the plan's.
  expect_no_light(light_at("完成时间", "2024年12月前", "计划年底前完成", 6), LightStatus::unknown);
  expect_light(light_at("完成时间", "计划2024年12月前完成", "2024年11月", 11), Light::green);
  expect_light(light_at("培训人数", "≥100人", "目标120人，实际50人", 6), Light::green);
  // Nor is the year before's figure alone (before, green as this year's).
  const LightResult past = light_at("培训人数", "≥100人", "上年120人", 6);
  expect_no_light(past, LightStatus::unknown);
  EXPECT_NE(past.explanation.find("上年的数"), std::string::npos) << past.explanation;
}

// Early or late by a length of time, or not done by a date, against a deadline.
TEST(MonitoringIndicator, EarlyLateOrNotDoneByADate) {
  expect_light(light_at("完成时间", "2024年12月前", "提前2个月完成", 10), Light::green);
  expect_light(light_at("完成时间", "2024年6月前", "延迟1个月", 8), Light::red);
  expect_light(light_at("完成时间", "2024年12月前", "截至2024年6月未完成", 6), Light::green);
  expect_light(light_at("完成时间", "2024年6月前", "截至2024年6月未完成", 6), Light::red);
}

// Done in the main only, against a deadline: the middle tier's yellow once due,
// as the scorer gives the middle tier (before, red as not done); with a date,
// late is red and in time green until due. Before due, words alone are green.
TEST(MonitoringIndicator, DoneInTheMainAgainstADeadline) {
  expect_deadline_lights("2024年10月前",
                         {
                             {"基本完成", 11, Light::yellow},
                             {"部分完成", 10, Light::yellow},
                             {"基本完成", 8, Light::green},
                             {"未完成", 11, Light::red},
                             {"2024年5月基本完成", 11, Light::yellow},
                             {"2024年5月基本完成", 6, Light::green},
                             {"基本完成（2024年9月）", 12, Light::yellow},
                             {"2024.5基本完成", 11, Light::yellow},
                             {"2024年11月基本完成", 12, Light::red},
                             {"基本完成，2024年11月", 12, Light::red},
                             {"2024年11月基本完成", 10, Light::red},  // not yet, and due
                         });
  const LightResult late = light_at("完成时间", "2024年10月前", "2024年11月基本完成", 12);
  EXPECT_NE(late.explanation.find("只是基本完成，且晚于时限"), std::string::npos)
      << late.explanation;
  const LightResult tier = light_at("完成时间", "2024年10月前", "基本完成", 11);
  EXPECT_NE(tier.explanation.find("已到期"), std::string::npos) << tier.explanation;
  // Planned: not lit, as before.
  expect_no_light(light_at("完成时间", "2024年10月前", "预计2024年5月基本完成", 11),
                  LightStatus::unknown);
}

// A completion written as a month, quarter or year is some day of it: against
// a deadline within it the light cannot say whether it was on time.
TEST(MonitoringIndicator, DoneInASpanThatHoldsTheDeadline) {
  const LightResult r = light_at("完成时间", "2024年10月15日前", "2024年10月", 11);
  expect_no_light(r, LightStatus::unknown);
  EXPECT_NE(r.explanation.find("一段时间"), std::string::npos) << r.explanation;
  expect_no_light(light_at("完成时间", "2024年10月15日前", "2024年第四季度", 12),
                  LightStatus::unknown);
  expect_light(light_at("完成时间", "2024年10月31日前", "2024年10月", 11), Light::green);
  expect_light(light_at("完成时间", "2024年10月15日前", "2024年11月", 11), Light::red);
  expect_light(light_at("完成时间", "2024年10月15日前", "2024年10月底", 11), Light::red);
}

// The answer words give to the question a 是否 name asks, or to the deed a target names.
TEST(MonitoringIndicator, WordsAnswerTheQuestionTheNameAsks) {
  expect_light(light_at("是否建立制度", "是", "已建立并印发实施", 6), Light::green);
  expect_light(light_at("是否超预算", "否", "未超预算", 6), Light::green);
  expect_light(light_at("是否建立制度", "是", "未建立健全", 12), Light::red);
  expect_no_light(light_at("是否公开", "是", "已公开但不完整", 6), LightStatus::unknown);
  expect_light(light_at("长效管护机制", "建立", "已建立长效管护机制", 6), Light::green);
  expect_light(light_at("长效管护机制", "建立", "未建立长效管护机制", 12), Light::red);
  expect_no_light(light_at("调研报告", "形成调研报告", "已形成工作方案", 6), LightStatus::unknown);
  expect_light(light_at("资金使用是否合规", "是", "合规", 6), Light::green);
  expect_light(light_at("资金使用是否合规", "是", "不合规", 12), Light::red);
  expect_light(light_at("是否发生安全事故", "否", "0起", 6), Light::green);
}

// A bare number up to 1 against a percentage: a fraction or a percentage.
TEST(MonitoringIndicator, ABareFractionAgainstAPercentageIsNotLit) {
  const LightResult r = light_at("满意度", "≥90%", "0.965", 6);
  expect_no_light(r, LightStatus::unknown);
  EXPECT_NE(r.explanation.find("小数还是百分数"), std::string::npos) << r.explanation;
}

// A bare figure a thousand times a target written with 万 is in the unit itself,
// most likely: no light rather than a red one.
TEST(MonitoringIndicator, ABareFigureOffTheScaleIsNotLit) {
  const LightResult r = light_at("资金支出", "≤100万元", "998000", 6);
  expect_no_light(r, LightStatus::unknown);
  EXPECT_NE(r.explanation.find("未写单位"), std::string::npos) << r.explanation;
  expect_light(light_at("资金支出", "≤100万元", "60", 6), Light::green);
}

// An amount without the "/人" of a ceiling per person is within it, per person
// or in all, when it is no more than the ceiling; above it, it may be a total.
TEST(MonitoringIndicator, AnAmountAgainstACeilingPerPerson) {
  expect_light(light_at("人均培训成本", "≤500元/人", "450元", 6), Light::green);
  expect_no_light(light_at("培训成本", "≤500元/人", "550元", 6), LightStatus::unknown);
  // Of 人均培训成本 the figure is per person, whatever its unit says.
  const LightResult over = light_at("人均培训成本", "≤500元/人", "550元", 6);
  ASSERT_TRUE(over.light.has_value()) << over.explanation;
  EXPECT_NE(*over.light, Light::green) << over.explanation;
  expect_no_light(light_at("绿化成本", "≤20元/平方米", "18元", 6), LightStatus::unknown);
}

// A bare fraction on either side of a percentage is not guessed, and the
// explanation says which side to write as a percentage.
TEST(MonitoringIndicator, ABareFractionOnEitherSide) {
  const LightResult target_bare = light_at("合格率", "≥0.95", "96%", 6);
  expect_no_light(target_bare, LightStatus::unknown);
  EXPECT_NE(target_bare.explanation.find("年度指标值「≥0.95」未写单位"), std::string::npos)
      << target_bare.explanation;
  const LightResult actual_bare = light_at("合格率", "≥95%", "0.96", 6);
  expect_no_light(actual_bare, LightStatus::unknown);
  EXPECT_NE(actual_bare.explanation.find("实际完成值「0.96」未写单位"), std::string::npos)
      << actual_bare.explanation;
}

// A class of water against the class asked for: as good or better is on
// course; worse is behind, and missed at the year's end.
TEST(MonitoringIndicator, AClassOfWaterAgainstTheClassAskedFor) {
  expect_light(light_at("断面水质", "Ⅲ类及以上", "Ⅱ类", 6), Light::green);
  expect_light(light_at("断面水质", "Ⅲ类及以上", "Ⅳ类", 6), Light::yellow);
  expect_light(light_at("断面水质", "达到Ⅲ类标准", "劣Ⅴ类", 12), Light::red);
  expect_no_light(light_at("断面水质", "Ⅱ类", "Ⅲ类以上", 6), LightStatus::unknown);
}

// A satisfaction score on the scale it names is its share of that scale.
TEST(MonitoringIndicator, ASatisfactionScoreOnItsScale) {
  expect_light(indicator_light(leaf("学员满意度", "≥85%", "4.5分（5分制）"), 6, national()),
               Light::green);
  expect_no_light(indicator_light(leaf("学员满意度", "≥85%", "4.5分"), 6, national()),
                  LightStatus::unknown);
}

// A year's count cannot show that every month had its share; a count per
// period against a yearly target is a pace, not pro-rated by the month.
TEST(MonitoringIndicator, ATotalAgainstATargetPerPeriodIsNotLit) {
  const LightResult r = light_at("检查次数", "每月1次", "7次", 6);
  expect_no_light(r, LightStatus::unknown);
  EXPECT_NE(r.explanation.find("每个周期"), std::string::npos) << r.explanation;
  // "每月1次" in June is the pace of 12 a year, not 12 done by June (blue).
  const LightResult pace = light_at("检查次数", "≥12次", "每月1次", 6);
  expect_light(pace, Light::green);
  EXPECT_NE(pace.explanation.find("按周期计"), std::string::npos) << pace.explanation;
}

}  // namespace
}  // namespace jixiao::core
