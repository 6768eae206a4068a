#include "core/text.h"

#include <gtest/gtest.h>

#include <string_view>
#include <tuple>
#include <utility>

namespace jixiao::core::text {
namespace {

TEST(Text, NormalizesFullWidthAndLookAlikes) {
  EXPECT_EQ(normalize("１００％"), "100%");
  EXPECT_EQ(normalize("≧90%"), "≥90%");
  EXPECT_EQ(normalize("≦5%"), "≤5%");
  EXPECT_EQ(normalize("═0件"), "=0件");
  EXPECT_EQ(normalize("\uFEFF96%\u200B"), "96%");  // invisible characters pasted with the text
  EXPECT_EQ(normalize("1\u200D0\u20600家"), "100家");
  EXPECT_EQ(normalize("\u3000 ＞９０％ \t"), ">90%");
}

// Spaces beside a figure, as Word's typesetting puts them, go; others stay.
// normalize_view must agree: it returns the cell itself only when nothing changes.
TEST(Text, DropsSpacesBesideFigures) {
  const std::pair<const char*, const char*> rows[] = {
      {"2024 年 12 月", "2024年12月"},
      {"95 %", "95%"},
      {"≥ 95%", "≥95%"},
      {"100\t人", "100人"},
      {"截至 2024 年底", "截至2024年底"},
      {"９５ ％", "95%"},
      {"2024\u3000年", "2024年"},
      {"1 200人", "1 200人"},
      {"基本 完成", "基本 完成"},
      {"5 G", "5 G"},
      {"95 ", "95"},
  };
  for (const auto& [cell, normalized] : rows) {
    EXPECT_EQ(normalize(cell), normalized) << cell;
    std::string scratch;
    EXPECT_EQ(normalize_view(cell, scratch), normalized) << cell;
  }
}

TEST(Text, SimplifiesTraditionalCharacters) {
  EXPECT_EQ(normalize("達成預期指標"), "达成预期指标");
  EXPECT_EQ(normalize("優"), "优");
  EXPECT_EQ(normalize("滿意度"), "满意度");
  EXPECT_EQ(normalize("萬元"), "万元");
}

TEST(Text, DisplayWidthCountsChineseAsTwo) {
  EXPECT_EQ(display_width("abc"), 3u);
  EXPECT_EQ(display_width("产出指标"), 8u);
  EXPECT_EQ(display_width("１"), 2u);
}

TEST(Text, TrimsIdeographicSpace) {
  EXPECT_EQ(trim("\u3000 优 \u3000"), "优");
}

TEST(Text, InvalidUtf8PassesThrough) {
  const std::string bad("\xE4\xBC", 2);
  EXPECT_EQ(normalize(bad), bad);
  size_t i = 0;
  next_code_point(bad, i);
  EXPECT_EQ(i, 1u);
}

// The no-copy path must give what the copying path gives, for every
// character: its table of folding characters is kept apart from fold().
TEST(Text, NormalizeViewAgreesWithNormalizeForEveryCharacter) {
  std::string scratch;
  for (char32_t cp = 1; cp < 0x10000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;  // surrogates are not characters
    std::string s = " a";
    append_utf8(s, cp);
    s += "b ";
    ASSERT_EQ(normalize_view(s, scratch), normalize(s))
        << "U+" << std::hex << static_cast<uint32_t>(cp);
  }
  for (const std::string s :
       {"", "  ", "\u3000优\u3000", "１００％", "≥100家", "\xE4\xBC", " 达成 "}) {
    EXPECT_EQ(normalize_view(s, scratch), normalize(s)) << s;
  }
}

TEST(Text, NormalizeViewDoesNotCopyCleanText) {
  std::string scratch;
  const std::string s = " ≥100家 ";
  const std::string_view v = normalize_view(s, scratch);
  EXPECT_EQ(v, "≥100家");
  EXPECT_EQ(v.data(), s.data() + 1);  // a view of the input
}

// Words of a deed undone, and words that hold the same characters and name none.
TEST(Text, SaysUndone) {
  for (const char* undone : {"其中2项在建", "尚有2项未完成", "待验收2项", "20户正在施工",
                             "20户施工中", "没有完成", "其中3户未发放"}) {
    EXPECT_TRUE(says_undone(undone)) << undone;
  }
  for (const char* done : {"接待游客12万人次", "待业人员20人", "享受待遇人员20人", "未成年人120人",
                           "招待所2家", "满意度尚可", "523人", "其中贫困户120人", "未含配套资金",
                           "万元未包括质保金", "没有发现问题"}) {
    EXPECT_FALSE(says_undone(done)) << done;
  }
}

// No figures yet: not counted or surveyed. Not a deed undone, nor words of no survey.
TEST(Text, SaysNoData) {
  for (const char* none :
       {"暂未统计", "未统计", "尚未统计", "待统计", "统计中", "暂无数据", "数据暂缺", "未调查",
        "未开展满意度调查", "未开展问卷调查", "目前尚未开展测评", "没有进行统计"}) {
    EXPECT_TRUE(says_no_data(none)) << none;
  }
  for (const char* said : {"未完成", "无投诉", "统计显示满意度较高", "已统计", "未开展",
                           "未开展培训", "调查显示满意", "未按规定开展满意度抽样调查统计"}) {
    EXPECT_FALSE(says_no_data(said)) << said;
  }
}

// A cheap test that rules out cells of one figure: a clause beside another is
// after a comma, a semicolon, a line break or in a bracket, in any writing,
// also past the first sixteen bytes.
TEST(Text, MayHaveClauses) {
  for (const char* one : {"", "98%", "12家", "1150万元", "2024年12月前", "≥95%"}) {
    EXPECT_FALSE(text::may_have_clauses(one)) << one;
  }
  for (const char* several :
       {"98%,进度滞后", "98%，进度滞后", "100%(有延期)", "100%（有延期）", "98%；滞后", "98%;滞后",
        "98%\n进度滞后", "培训人数合计一百二十人次（有延期）", "１００％"}) {
    EXPECT_TRUE(text::may_have_clauses(several)) << several;
  }
}

// Work begun is no work done; beginning to use what was built is.
TEST(Text, SaysBegun) {
  for (const char* begun : {"2024年3月开工", "启动于2024年3月", "2024年3月开始实施", "开始发放",
                            "2024年3月开始施工", "开始运行前已开始调试"}) {
    EXPECT_TRUE(says_begun(begun)) << begun;
  }
  for (const char* done : {"2024年12月开始运行", "2025年1月开始投入使用", "已开始运行", "开始使用",
                           "2024年11月完成", "2024年11月正式运行"}) {
    EXPECT_FALSE(says_begun(done)) << done;
  }
  EXPECT_TRUE(begins_use("开始启用"));
  EXPECT_FALSE(begins_use("已开始运行"));  // from its first word only
  EXPECT_FALSE(begins_use("开始"));
}

// A lapse, work late, failed or only started, is undone; that there was none
// is a remark.
TEST(Text, Lapses) {
  for (const char* lapse : {"1个延期", "其中2项逾期", "进度滞后", "推迟验收", "10人不合格",
                            "5个不达标", "5个村无法通电", "3项没完成", "5%不满意", "10个已开工"}) {
    EXPECT_TRUE(says_undone(lapse)) << lapse;
    EXPECT_FALSE(says_no_lapse(lapse)) << lapse;
  }
  for (const char* none :
       {"无延期", "未延期", "未出现延期", "没有逾期情况", "不存在滞后问题", "无不合格",
        "未发现不达标产品", "无不合格项目", "没有不合格情况", "未发现问题", "没有发现违规问题",
        "无异常", "无一户不合格", "没有一例延期", "均无不合格", "均未延期"}) {
    EXPECT_FALSE(says_undone(none)) << none;
    EXPECT_TRUE(says_no_lapse(none)) << none;
    EXPECT_TRUE(only_remarks(none)) << none;
  }
  EXPECT_FALSE(says_no_lapse("无延期，但未验收"));
  EXPECT_FALSE(says_no_lapse("无"));
  // One of what was counted, without the negation, is a lapse ("一户不合格").
  EXPECT_TRUE(says_undone("其中一户不合格"));
  EXPECT_FALSE(says_no_lapse("一户不合格"));
  // 待 after 期 is 期待, which names no deed; 未 after 期 does ("1期未完成").
  EXPECT_FALSE(says_undone("期待"));
  EXPECT_TRUE(says_undone("1期未完成"));
}

// What a cell says nothing by: the name of its column before it, stops that
// close it, a remark that points elsewhere. Each row: the reader, the cell, what is left.
TEST(Text, WhatACellSaysNothingBy) {
  using Reader = std::string_view (*)(std::string_view);
  // The reader of a figure asks for the target's column too; the clause readers do not.
  const Reader without_field_label = [](std::string_view s) {
    return text::without_field_label(s);
  };
  const std::tuple<Reader, const char*, const char*> rows[] = {
      {without_field_label, "完成情况:不健全", "不健全"},
      {without_field_label, "2024年实际完成:95%", "95%"},
      {without_field_label, "全年完成情况: 良好", "良好"},
      {without_field_label, "年度指标值:完整", "完整"},
      // A label that names what is measured, or a plan's before a figure, stays.
      {without_field_label, "满意率:95%", "满意率:95%"},
      {without_field_label, "目标值:120人", "目标值:120人"},
      {without_field_label, "完成时间:2024年12月", "完成时间:2024年12月"},
      {without_field_label, "完成情况:", "完成情况:"},
      {&without_closing, "7月。", "7月"},
      {&without_closing, "95% 。。", "95%"},
      {&without_closing, "基本完整；", "基本完整"},
      {&without_closing, "10.5", "10.5"},
      {&without_closing, "完成，未验收", "完成，未验收"},
      {&without_closing, "。", ""},
      {&without_closing, "95%（详见附件）", "95%"},
      {&without_closing, "基本完整，详见附件2。", "基本完整"},
      {&without_closing, "100人(见附表)", "100人"},
      {&without_closing, "良好，具体见评价报告第三部分", "良好，具体见评价报告第三部分"},
      {&without_closing, "已见成效", "已见成效"},
      {&without_closing, "（详见附件）", "（详见附件）"},
      // A remark that only says the value was checked, as one that points elsewhere.
      {&without_closing, "95%（经核实）", "95%"},
      {&without_closing, "10个，已现场核查。", "10个"},
      {&without_closing, "良好（经审核无误）（详见附件）", "良好"},
      {&without_closing, "2024.6.28(已确认)", "2024.6.28"},
      {&without_closing, "完成（经核实有2处问题）", "完成（经核实有2处问题）"},
      {&without_closing, "经核实", "经核实"},
      {&without_closing, "已审核", "已审核"},
  };
  for (const auto& [read, cell, left] : rows) EXPECT_EQ(read(cell), left) << cell;
}

// Line breaks and semicolons part clauses as a comma does; each row: the
// normalized cell, how its clauses are read.
TEST(Text, LinesAsClauses) {
  const std::pair<const char*, const char*> rows[] = {
      {"98%\n故障率2%", "98%,故障率2%"},
      {"2024年11月;无逾期", "2024年11月,无逾期"},
      {"计划100人\r\n实际98人", "计划100人,实际98人"},
      {"98%,\n故障率2%", "98%,故障率2%"},
      {"100%\n(经核实)", "100%(经核实)"},
      {"良好;", "良好"},
      {"\n 95%", "95%"},
      {"95%", "95%"},
  };
  for (const auto& [cell, read] : rows) {
    std::string scratch;
    EXPECT_EQ(lines_as_clauses(cell, scratch), read) << cell;
  }
}

// Each way of writing an inclusive bound, and what is left after it.
TEST(Text, InclusiveBoundsReadAlike) {
  const std::tuple<const char*, int, const char*> rows[] = {
      {"≤上年", -1, "上年"},     {"<=上年", -1, "上年"}, {"不超过批复概算", -1, "批复概算"},
      {"小于等于5%", -1, "5%"},  {"≥95%", 1, "95%"},     {"大于或等于95%", 1, "95%"},
      {"不低于上年", 1, "上年"}, {"<上年", 0, "<上年"},  {"超过上年", 0, "超过上年"},
  };
  for (const auto& [written, bound, left] : rows) {
    std::string_view s = written;
    EXPECT_EQ(drop_inclusive_bound(s), bound) << written;
    EXPECT_EQ(s, left) << written;
  }
}

// Asked for it, the reader of a figure is given the target's column and the
// cell without it, before a figure too; each row: the cell, what is left, the column.
TEST(Text, TargetColumnBeforeAFigure) {
  const std::tuple<const char*, const char*, const char*> rows[] = {
      {"目标值:120人", "120人", "目标值"},
      {"年度指标值:95%≤x≤100%", "95%≤x≤100%", "指标值"},
      {"2024年年度目标:≥100人", "≥100人", "年度目标"},
      {"年度指标值:完整", "完整", "指标值"},
      {"完成情况:目标值:120人", "120人", "目标值"},
      {"满意率:95%", "满意率:95%", ""},
      {"目标人群:120人", "目标人群:120人", ""},
      {"目标值:", "目标值:", ""},
  };
  for (const auto& [cell, left, column] : rows) {
    std::string_view dropped;
    EXPECT_EQ(text::without_field_label(cell, &dropped), left) << cell;
    EXPECT_EQ(dropped, column) << cell;
  }
}

// An indicator's name as its readers take it; each row: the name as written, as read.
TEST(Text, MeasureName) {
  const std::pair<const char*, const char*> rows[] = {
      {"预算执行率", "预算执行率"},
      {" 预算执行率 ", "预算执行率"},
      {"预算执行率\u3000", "预算执行率"},
      {"1.预算执行率", "预算执行率"},
      {"1．预算执行率", "预算执行率"},
      {"2.1 预算执行率", "预算执行率"},
      {"2.1.3预算执行率", "预算执行率"},
      {"（1）预算执行率", "预算执行率"},
      {"(一)预算执行率", "预算执行率"},
      {"三、成本指标", "成本指标"},
      {"12、受益人数", "受益人数"},
      {"3)受益人数", "受益人数"},
      {"十一）受益人数", "受益人数"},
      {"三．受益人数", "受益人数"},
      {"一次性补助发放率", "一次性补助发放率"},
      {"3）受益人数", "受益人数"},
      {"2024）受益人数", "2024）受益人数"},
      {"①受益人数", "受益人数"},
      {"预算执行率（%）", "预算执行率"},
      {"受益人数(人)", "受益人数"},
      {"1.项目成本【万元】", "项目成本"},
      {"项目（工程）完工率", "项目（工程）完工率"},
      {"1.5米宽道路长度", "1.5米宽道路长度"},
      {"2024年新增就业人数", "2024年新增就业人数"},
      {"5G基站覆盖率", "5G基站覆盖率"},
      {"（%）", "（%）"},
      {"服务对象\n满意度", "服务对象满意度"},
      {"1.服务对象 \r\n满意度（%）", "服务对象满意度"},
  };
  for (const auto& [written, read] : rows) {
    std::string scratch;
    EXPECT_EQ(text::measure_name(written, scratch), read) << written;
  }
}

// A label of words before a sign is passed over; each row: the text, from where it is read.
TEST(Text, FromBoundAfterLabel) {
  const std::pair<const char*, const char*> rows[] = {
      {"运行成本不超过预算", "不超过预算"},
      {"支出≤上年", "≤上年"},
      {"三公经费控制在预算内", "控制在预算内"},
      {"≤上年", "≤上年"},
      {"较上年下降", "较上年下降"},
      {"2024年支出≤上年", "2024年支出≤上年"},
      {"全县范围内的项目运行维护成本≤上年", "全县范围内的项目运行维护成本≤上年"},
      {"成本，≤上年", "成本，≤上年"},
  };
  for (const auto& [written, read] : rows) {
    EXPECT_EQ(text::from_bound_after_label(written), read) << written;
  }
}

// Where the first word of undone begins, whichever of them it is.
TEST(Text, UndoneAt) {
  EXPECT_EQ(undone_at("10人不合格"), std::string_view("10人").size());
  EXPECT_EQ(undone_at("5户在建，3户未开工"), std::string_view("5户").size());
  EXPECT_EQ(undone_at("接待游客，2项未完成"), std::string_view("接待游客，2项").size());
  EXPECT_EQ(undone_at("全部合格"), std::string_view::npos);
}

// A note of what a figure leaves out is a remark; one that says more is not.
TEST(Text, ScopeNote) {
  for (const char* note : {"未含配套资金", "不含水面", "未包括质保金", "未计入上年结转"}) {
    EXPECT_TRUE(is_scope_note(note)) << note;
    EXPECT_TRUE(only_remarks(note)) << note;
  }
  for (const char* more : {"未含", "未含配套资金，未完成", "未完成", "含配套资金", "不合格"}) {
    EXPECT_FALSE(is_scope_note(more)) << more;
  }
  EXPECT_FALSE(only_remarks("未含配套资金，未完成"));
}

// A remark in brackets after a figure that is a clause of its own, and one
// that only remarks on the figure.
TEST(Text, RemarkIsAClause) {
  for (const char* clause :
       {"含2项在建", "其中20户正在施工", "部分未达标", "个别项目未完成", "省级资金未到位",
        "实际到场85人", "尚有2项未完成", "含部分在建", "个别项目仍在施工"}) {
    EXPECT_TRUE(remark_is_a_clause(clause)) << clause;
  }
  for (const char* remark :
       {"抽样", "含线上3次", "其中贫困户120人", "未含配套资金", "未经复核", "计划", ""}) {
    EXPECT_FALSE(remark_is_a_clause(remark)) << remark;
  }
}

// Words without a figure that say a part of the work is still going on, excepted or
// alone done, and words that say work is going on but of no part, or none is, or
// that take something away as a deed (清除, 除险加固) or say "besides this" (除此之外).
TEST(Text, SaysPartNotDone) {
  for (const char* not_done : {"部分在建",
                               "完成，部分在建",
                               "含部分在建",
                               "个别项目仍在施工",
                               "完成，尚有部分在建",
                               "少数路段正在施工",
                               "其中一些停工",
                               "部分正在验收",
                               "除个别项目外全部完成",
                               "全部完成（个别除外）",
                               "除了偏远山区的农户以外均已覆盖",
                               "个别除外",
                               "部分完成",
                               "大部分到位",
                               "健全（部分制度待完善）",
                               "已建立，尚待印发",
                               "资金已下达，待拨付",
                               "有待进一步完善",
                               "达成年度指标，未全部完成",
                               "合格（未完全达标）",
                               "完成，未达标",
                               "已完成，不及时",
                               "完成，个别未达标",
                               "完成（部分项目未达标）",
                               "完成，少数村未覆盖",
                               "达成年度指标，但存在不足",
                               "是（整改中）",
                               "存在问题",
                               "完成，但效果不明显",
                               "但质量一般"}) {
    EXPECT_TRUE(says_part_not_done(not_done)) << not_done;
    EXPECT_FALSE(only_remarks(not_done)) << not_done;
  }
  for (const char* not_part : {"正在验收",
                               "完成，无在建",
                               "无在建项目",
                               "在建",
                               "部分人员",
                               "含2个在建",
                               "个别项目延期",
                               "完成，其中正在使用的设备运行良好",
                               "隐患全部清除，外观整洁",
                               "除险加固完成，外观良好",
                               "完成，除此之外还开展了宣传",
                               "扣除外购部分",
                               "已完成",
                               "完成，待验收",
                               "接待完成",
                               "群众期待提高",
                               "等待完成",
                               "按时完成，无延期",
                               "已完成，未发现不合格",
                               "完成，无明显问题",
                               "已完成，未超预算",
                               "未达标",
                               "个别未达标",
                               "完成，部分地区无明显问题",
                               "完成，个别项目未发现问题",
                               "未发现存在问题",
                               "存在问题已全部整改",
                               "完成，但效果良好",
                               "不但完成，而且效果明显"}) {
    EXPECT_FALSE(says_part_not_done(not_part)) << not_part;
  }
  // With a figure, the part is counted, and undone_at finds where.
  EXPECT_EQ(undone_at("除2个项目外均已完成"), 0u);
  EXPECT_EQ(undone_at("全部完成（2个项目除外）"), std::string_view("全部完成（2个项目").size());
  EXPECT_EQ(undone_at("95%以上，但存在不足"), std::string_view("95%以上，").size());
  EXPECT_EQ(undone_at("已完成，存在不足"), std::string_view("已完成，").size());
  EXPECT_EQ(undone_at("96%，但质量一般"), std::string_view("96%，").size());
}

// A remark in brackets that states the whole its figure is a part of, in the same
// counting word, and totals that only remark.
// Where what was actually done begins after a plan: the last 实际, else 实到, else
// 实 alone after a comma; 实 inside a word (落实, 实施) is none.
TEST(Text, ActuallyAt) {
  struct Row {
    std::string_view s;
    std::string_view figure;  // what follows the words of "actually"; "" for none
  };
  for (const Row& r :
       {Row{"计划500人,实际480人", "480人"}, Row{"应到120人,实到95人", "95人"},
        Row{"应培训120人,实培训98人", "培训98人"}, Row{"计划500人,实际完成480人", "完成480人"},
        Row{"落实120人", ""}, Row{"实施120人", ""}, Row{"120人,已落实", ""}}) {
    size_t marker = 0;
    const size_t at = actually_at(r.s, marker);
    if (r.figure.empty()) {
      EXPECT_EQ(at, std::string_view::npos) << r.s;
    } else {
      ASSERT_NE(at, std::string_view::npos) << r.s;
      EXPECT_EQ(r.s.substr(at + marker), r.figure) << r.s;
    }
  }
}

// 约 is "about" before a figure, not in a word that ends with it.
TEST(Text, AboutAFigure) {
  for (std::string_view before : {"", "培训", "共", "大"}) EXPECT_TRUE(about_a_figure(before));
  for (std::string_view before : {"节", "签", "预", "合计签", "履"})
    EXPECT_FALSE(about_a_figure(before));
}

TEST(Text, StatesTheWhole) {
  using Pair = std::pair<const char*, const char*>;  // the remark, and what precedes it
  for (const auto& [remark, before] :
       {Pair{"共10个", "完成8个"}, Pair{"合计10项", "8项"}, Pair{"共10个项目", "完成8个"},
        Pair{"共10个", "个项目"}, Pair{"总共12.5万元", "10万元"}}) {
    EXPECT_TRUE(states_the_whole(remark, before)) << remark << " after " << before;
  }
  for (const auto& [remark, before] :
       {Pair{"共3期", "100人"}, Pair{"共10个", "完成"}, Pair{"含10个", "完成8个"},
        Pair{"共计", "8个"}, Pair{"共十个", "8个"}}) {
    EXPECT_FALSE(states_the_whole(remark, before)) << remark << " after " << before;
  }
}

}  // namespace
}  // namespace jixiao::core::text
