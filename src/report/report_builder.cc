#include "report/report_builder.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "core/decimal.h"
#include "core/department.h"
#include "core/panel.h"

namespace jixiao::report {

std::string placeholder(std::string_view what) {
  return "【待补充：" + std::string(what) + "】";
}

namespace {

using core::Evaluation;
using core::format_number;
using core::format_percent;

std::string money(double wan) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", wan);
  return buf;
}

std::string num(double v) {
  return format_number(v, 2);
}

std::string optional_money(const std::optional<double>& v) {
  return v ? money(*v) : "";
}

// Document building with a running block list.
class Writer {
 public:
  explicit Writer(Document& doc) : doc_(doc) {}
  void heading(int level, std::string text) {
    doc_.blocks.push_back(Heading{level, std::move(text)});
  }
  void para(std::string text, Paragraph::Kind kind = Paragraph::Kind::body) {
    Paragraph p;
    p.kind = kind;
    p.parts.push_back({std::move(text)});
    doc_.blocks.push_back(std::move(p));
  }
  // Each line of `text` is a paragraph; empty text gives the placeholder.
  void text_or_placeholder(const std::string& text, std::string_view what) {
    if (text.empty()) {
      Paragraph p;
      p.parts.push_back({placeholder(what), true});
      doc_.blocks.push_back(std::move(p));
      return;
    }
    lines(text);
  }
  void lines(const std::string& text) {
    size_t start = 0;
    while (start <= text.size()) {
      size_t nl = text.find('\n', start);
      if (nl == std::string::npos) nl = text.size();
      const std::string line = text.substr(start, nl - start);
      if (!line.empty()) para(line);
      start = nl + 1;
    }
  }
  void table(Table t) { doc_.blocks.push_back(std::move(t)); }
  void chart(BarChart c) { doc_.blocks.push_back(std::move(c)); }
  void page_break() { doc_.blocks.push_back(PageBreak{}); }
  void title_page(TitlePage t) { doc_.blocks.push_back(std::move(t)); }

 private:
  Document& doc_;
};

int max_level(const Evaluation& e) {
  int levels = 3;
  for (const auto& n : e.indicators) levels = std::max(levels, n.level);
  return std::min(levels, 4);
}

// Categories whose points the table can only show on a row of their own: a
// weight or a stated score, and no weight on any leaf below (report 004
// publishes only category scores). They get a 小计 row after their leaves,
// so that the 分值 and 得分 columns still add up to the 合计 and 总分.
std::vector<bool> subtotal_rows(const Evaluation& e) {
  const size_t n = e.indicators.size();
  std::vector<bool> weighted_below(n, false);
  for (size_t i = n; i-- > 0;) {
    const core::Indicator& node = e.indicators[i];
    if (e.is_leaf(static_cast<int>(i)) && node.weight) weighted_below[i] = true;
    if (node.parent >= 0 && weighted_below[i]) weighted_below[node.parent] = true;
  }
  std::vector<bool> out(n, false);
  for (size_t i = 0; i < n; ++i) {
    const core::Indicator& node = e.indicators[i];
    out[i] =
        !e.is_leaf(static_cast<int>(i)) && (node.weight || node.stated_score) && !weighted_below[i];
  }
  return out;
}

// Rows under each node (its leaves and 小计 rows), for row spans.
std::vector<int> row_counts(const Evaluation& e, const std::vector<bool>& subtotal) {
  std::vector<int> count(e.indicators.size(), 0);
  for (int i = static_cast<int>(e.indicators.size()) - 1; i >= 0; --i) {
    if (e.is_leaf(i)) count[i] = 1;
    if (subtotal[i]) count[i] += 1;
    if (e.indicators[i].parent >= 0) count[e.indicators[i].parent] += count[i];
  }
  return count;
}

std::string score_text(const core::NodeResult& n) {
  return n.scored ? num(n.score) : "—";
}

const char* kLevelTitles[] = {"一级指标", "二级指标", "三级指标", "四级指标"};

// The indicator table: levels with merged category cells, then the columns
// asked for. `extra` adds 计分说明 (annex 1) ; `stated` shows the table's own
// scores where given (the self-evaluation table).
enum class IndicatorColumns { report, annex, self_table };

// The actual as written, or the department figure that supplies it (a
// whole-department evaluation computes 预决算差异率 and the like itself).
std::string actual_text(const ReportInput& in, const core::Indicator& n) {
  if (!n.actual_text.empty() || n.figure.empty()) return n.actual_text;
  const core::DepartmentFigure* f = core::find_figure(in.card.department_figures, n.figure);
  return f ? format_percent(f->value) : "";
}

void indicator_rows(TableBuilder& b, const ReportInput& in, IndicatorColumns mode, int levels) {
  const Evaluation& e = in.evaluation;
  const std::vector<bool> subtotal = subtotal_rows(e);
  const std::vector<int> rows = row_counts(e, subtotal);
  const auto score_cell = [&](const core::Indicator& n, int index) {
    const core::NodeResult& r = in.card.nodes[static_cast<size_t>(index)];
    return mode == IndicatorColumns::self_table && n.stated_score ? num(n.stated_score->value)
                                                                  : score_text(r);
  };
  std::vector<int> pending;  // categories opened by the next leaf row
  for (size_t i = 0; i < e.indicators.size(); ++i) {
    const int idx = static_cast<int>(i);
    const core::Indicator& n = e.indicators[i];
    const int col = std::min(n.level, levels) - 1;
    if (!e.is_leaf(idx)) {
      // A category: its cell spans its rows; the leaf row opens it.
      pending.push_back(idx);
      continue;
    }
    b.row();
    for (int p : pending) {
      const core::Indicator& cat = e.indicators[p];
      const int cc = std::min(cat.level, levels) - 1;
      std::string name = cat.name;
      if (cat.weight && mode != IndicatorColumns::self_table) {
        name += "（" + num(*cat.weight) + "分）";
      }
      b.cell(cc, name, false, 1, std::max(1, rows[p]));
    }
    pending.clear();
    b.cell(col, n.name, false, levels - col, 1, Align::left);
    int c = levels;
    b.cell(c++, n.target_text);
    b.cell(c++, actual_text(in, n));
    b.cell(c++, n.weight ? num(*n.weight) : "");
    b.cell(c++, score_cell(n, idx));
    if (mode == IndicatorColumns::self_table) b.cell(c++, n.note, false, 1, 1, Align::left);
    if (mode == IndicatorColumns::annex) {
      b.cell(c++, core::explain(e, in.card, idx, in.rules), false, 1, 1, Align::left);
    }
    // The 小计 rows of the categories this leaf closes, innermost first.
    const bool last = i + 1 == e.indicators.size();
    for (int p = n.parent; p >= 0; p = e.indicators[p].parent) {
      if (!last && e.indicators[i + 1].level > e.indicators[p].level) break;
      if (!subtotal[p]) continue;
      const core::Indicator& cat = e.indicators[p];
      const int sc = std::min(cat.level, levels - 1);
      b.row();
      b.cell(sc, "小计", false, levels - sc, 1, Align::left);
      int cc = levels;
      b.cell(cc++, "");
      b.cell(cc++, "");
      b.cell(cc++, cat.weight ? num(*cat.weight) : "");
      b.cell(cc++, score_cell(cat, p));
      if (mode != IndicatorColumns::report) b.cell(cc++, "");
    }
  }
}

Table indicator_table(const ReportInput& in, IndicatorColumns mode, std::string caption) {
  const Evaluation& e = in.evaluation;
  const int levels = max_level(e);
  std::vector<double> widths;
  for (int k = 0; k < levels; ++k) widths.push_back(k + 1 == levels ? 20 : 11);
  widths.insert(widths.end(), {11, 11, 7, 8});
  if (mode != IndicatorColumns::report) widths.push_back(20);
  TableBuilder b(widths);
  b.row();
  for (int k = 0; k < levels; ++k) b.cell(k, kLevelTitles[k], true);
  int c = levels;
  for (const char* h : {"年度指标值", "实际完成值", "分值", "得分"}) b.cell(c++, h, true);
  if (mode == IndicatorColumns::annex) b.cell(c++, "计分说明", true);
  if (mode == IndicatorColumns::self_table) b.cell(c++, "偏差原因分析及改进措施", true);
  indicator_rows(b, in, mode, levels);
  const core::ExecutionResult& x = in.card.execution;
  if (x.present && mode != IndicatorColumns::self_table) {
    b.row();
    b.cell(0, x.name.empty() ? "预算执行率" : x.name, false, levels, 1, Align::left);
    b.cell(levels, e.budget && !e.budget->target_rate.empty() ? e.budget->target_rate : "100%");
    b.cell(levels + 1, x.rate_known ? format_percent(x.rate) : "");
    b.cell(levels + 2, num(x.weight));
    b.cell(levels + 3, num(x.score));
    if (mode == IndicatorColumns::annex)
      b.cell(levels + 4, core::explain_execution(in.card), false, 1, 1, Align::left);
  }
  b.row();
  b.cell(0, "合计", true, levels + 2);
  b.cell(levels + 2, num(in.card.weight), true);
  b.cell(levels + 3, num(in.card.total), true);
  if (mode != IndicatorColumns::report) b.cell(levels + 4, "", true);
  return b.take(std::move(caption));
}

// 评价内容 | 标准分值 | 评价得分 | 得分率, the total and the grade.
Table score_table(const ReportInput& in) {
  const Evaluation& e = in.evaluation;
  TableBuilder b({30, 14, 14, 14});
  b.row();
  for (int c = 0; const char* h : {"评价内容", "标准分值", "评价得分", "得分率"})
    b.cell(c++, h, true);
  for (int i : core::categories(e)) {
    const core::NodeResult& r = in.card.nodes[i];
    b.row();
    b.cell(0, e.indicators[i].name + (r.not_applicable ? "（不适用）" : ""));
    b.cell(1, r.weight_known ? num(r.weight) : "");
    b.cell(2, score_text(r));
    b.cell(3, r.scored && r.weight > 0 ? format_percent(r.score / r.weight) : "—");
  }
  const core::ExecutionResult& x = in.card.execution;
  if (x.present && x.weight > 0) {
    b.row();
    b.cell(0, x.name.empty() ? "预算执行率" : x.name);
    b.cell(1, num(x.weight));
    b.cell(2, num(x.score));
    b.cell(3, format_percent(x.score / x.weight));
  }
  b.row();
  b.cell(0, "综合得分", true);
  b.cell(1, num(in.card.weight), true);
  b.cell(2, num(in.card.total), true);
  b.cell(3, in.card.weight > 0 ? format_percent(in.card.total / in.rules.total) : "—", true);
  b.row();
  b.cell(0, "评价等级", true);
  b.cell(1, in.card.grade, true, 3);
  Table t = b.take("表 综合评分情况");
  if (in.card.rescaled || in.card.cap) t.note = "注：" + core::explain_total(in.card, in.rules);
  return t;
}

BarChart score_rate_chart(const ReportInput& in) {
  BarChart chart;
  chart.caption = "图 各一级指标得分率";
  for (int i : core::categories(in.evaluation)) {
    const core::NodeResult& r = in.card.nodes[i];
    if (!r.scored || r.weight <= 0) continue;
    chart.labels.push_back(in.evaluation.indicators[i].name);
    chart.values.push_back(r.score / r.weight);
  }
  const core::ExecutionResult& x = in.card.execution;
  if (x.present && x.weight > 0) {
    chart.labels.push_back(x.name.empty() ? "预算执行率" : x.name);
    chart.values.push_back(x.score / x.weight);
  }
  return chart;
}

std::string kind_title(const Evaluation& e) {
  const bool self = e.kind == core::EvaluationKind::self;
  if (e.scope == core::Scope::department_overall) {
    return self ? "部门整体支出绩效自评报告" : "部门整体支出绩效评价报告";
  }
  return self ? "项目支出绩效自评报告" : "项目支出绩效评价报告";
}

std::string report_title(const Evaluation& e) {
  return e.title + (e.kind == core::EvaluationKind::self ? "绩效自评报告" : "绩效评价报告");
}

void funds_chapter(Writer& w, const ReportInput& in) {
  const Evaluation& e = in.evaluation;
  const core::ExecutionResult& x = in.card.execution;
  std::string s;
  if (e.budget) {
    const core::Budget& b = *e.budget;
    const std::string year = e.year ? std::to_string(e.year) + "年，" : "";
    const std::optional<double> budget = b.adjusted ? b.adjusted : b.initial;
    if (budget) {
      s = year + "项目全年预算资金" + money(*budget) + "万元";
      if (b.initial && b.adjusted && *b.initial != *b.adjusted) {
        s += "（年初预算" + money(*b.initial) + "万元）";
      }
      if (b.received) s += "，实际到位资金" + money(*b.received) + "万元";
      if (b.executed) {
        s += "，实际支出" + money(*b.executed) + "万元";
        if (*b.executed < *budget) s += "，结余（结转）" + money(*budget - *b.executed) + "万元";
      }
      if (x.rate_known) s += "，预算执行率为" + format_percent(x.rate);
      s += "。";
    }
    if (!b.sources.empty()) {
      TableBuilder t({26, 16, 16, 16});
      t.row();
      for (int c = 0; const char* h : {"资金来源", "年初预算数", "全年预算数", "全年执行数"})
        t.cell(c++, h, true);
      for (const auto& line : b.sources) {
        t.row();
        t.cell(0, line.source == core::FundingSource::fiscal         ? "本年财政拨款"
                  : line.source == core::FundingSource::carried_over ? "上年结转资金"
                                                                     : "其他资金");
        t.cell(1, optional_money(line.initial));
        t.cell(2, optional_money(line.adjusted));
        t.cell(3, optional_money(line.executed));
      }
      t.row();
      t.cell(0, "合计", true);
      t.cell(1, optional_money(b.initial), true);
      t.cell(2, optional_money(b.adjusted), true);
      t.cell(3, optional_money(b.executed), true);
      if (!s.empty()) w.para(s);
      s.clear();
      Table table = t.take("表 项目资金情况（万元）");
      w.table(std::move(table));
    }
  }
  if (e.department) {
    const auto figures = in.card.department_figures;
    if (!figures.empty()) {
      TableBuilder t({22, 56, 14});
      t.row();
      t.cell(0, "指标", true);
      t.cell(1, "计算", true);
      t.cell(2, "结果", true);
      for (const auto& f : figures) {
        t.row();
        t.cell(0, f.label);
        t.cell(1, f.formula, false, 1, 1, Align::left);
        t.cell(2, format_percent(f.value));
      }
      w.para("部门整体预算资金及管理情况测算如下：");
      w.table(t.take("表 部门整体支出主要指标"));
    }
  }
  if (!s.empty()) w.para(s);
  if (!in.narrative.funds.empty()) w.lines(in.narrative.funds);
  if (s.empty() && !e.budget && !e.department && in.narrative.funds.empty()) {
    w.text_or_placeholder("", "资金投入和使用情况");
  }
}

void goals_chapter(Writer& w, const ReportInput& in) {
  const Evaluation& e = in.evaluation;
  if (!e.overall_goal.empty()) {
    w.para("年度总体目标：" + e.overall_goal);
  }
  if (!in.table_text.overall_result.empty()) {
    w.para("实际完成情况：" + in.table_text.overall_result);
  }
  // The targets, category by category: "产出指标：数量指标——企业数≥100家；…"
  for (int cat : core::categories(e)) {
    std::string line;
    for (size_t i = static_cast<size_t>(cat) + 1;
         i < e.indicators.size() && e.indicators[i].level > 1; ++i) {
      if (!e.is_leaf(static_cast<int>(i)) || e.indicators[i].target_text.empty()) continue;
      if (!line.empty()) line += "；";
      line += e.indicators[i].name + "（" + e.indicators[i].target_text + "）";
    }
    if (!line.empty()) w.para(e.indicators[cat].name + "方面：" + line + "。");
  }
  if (!in.narrative.goals.empty()) w.lines(in.narrative.goals);
  if (e.overall_goal.empty() && in.narrative.goals.empty() && e.indicators.empty()) {
    w.text_or_placeholder("", "项目绩效目标");
  }
}

void method_chapter(Writer& w, const ReportInput& in) {
  const Evaluation& e = in.evaluation;
  std::string cats;
  double sum = 0;
  for (int i : core::categories(e)) {
    const auto& r = in.card.nodes[i];
    if (!cats.empty()) cats += "、";
    cats += e.indicators[i].name;
    if (r.weight_known) cats += num(r.weight) + "分";
    sum += r.weight;
  }
  (void)sum;
  const size_t n = core::categories(e).size();
  std::string s = "评价指标体系由" + cats + "共" + std::to_string(n) + "个一级指标构成";
  if (in.card.execution.present && in.card.execution.weight > 0) {
    s += "，另设" +
         (in.card.execution.name.empty() ? std::string("预算执行率") : in.card.execution.name) +
         num(in.card.execution.weight) + "分";
  }
  s += "，总分" + num(in.rules.total) + "分（指标体系及评分情况见附件1）。";
  w.para(s);
  w.para("评分按“" + (in.rules.title.empty() ? in.rules.name : in.rules.title) +
         "”规则计算：定量指标按实际完成值与年度指标值的比例计分，反向指标超出目标按比例扣分，"
         "定性指标按达成程度分档计分；得分四舍五入保留两位小数。评价等级：" +
         [&] {
           std::string g;
           for (size_t i = 0; i < in.rules.grades.size(); ++i) {
             const auto& band = in.rules.grades[i];
             if (!g.empty()) g += "，";
             g += band.label + (band.min > 0 ? "（" + num(band.min) + "分及以上）" : "（其余）");
           }
           return g;
         }() +
         "。");
}

void analysis_chapter(Writer& w, const ReportInput& in) {
  const Evaluation& e = in.evaluation;
  w.para("各项指标的年度指标值、实际完成值及得分见下表。");
  w.table(indicator_table(in, IndicatorColumns::report, "表 绩效指标完成情况"));
  for (int cat : core::categories(e)) {
    const core::Indicator& c = e.indicators[cat];
    const core::NodeResult& r = in.card.nodes[cat];
    w.heading(2, c.name + "情况");
    if (r.not_applicable) {
      std::string s = "该指标不适用，不计分";
      if (r.weight_known && r.weight > 0)
        s += "（分值" + num(r.weight) + "分不计入，总分按适用指标折算）";
      w.para(s + "。");
      auto it = in.narrative.analysis.find(c.name);
      if (it != in.narrative.analysis.end()) w.lines(it->second);
      continue;
    }
    std::string s = "该指标";
    if (r.weight_known) s += "分值" + num(r.weight) + "分，";
    s += "评价得分" + score_text(r) + "分";
    // Over the whole weight, as the report's score table rates it (a reader checks it there).
    if (r.scored && r.weight > 0) s += "，得分率" + format_percent(r.score / r.weight);
    s += "。";
    // Leaves short of full marks, with the rule's explanation and the unit's note.
    std::vector<std::string> short_of;
    bool some_not_applicable = false;
    for (size_t i = static_cast<size_t>(cat) + 1;
         i < e.indicators.size() && e.indicators[i].level > 1; ++i) {
      const auto& nr = in.card.nodes[i];
      if (e.is_leaf(static_cast<int>(i)) && nr.not_applicable) some_not_applicable = true;
      if (!e.is_leaf(static_cast<int>(i)) || !nr.scored || nr.score + 1e-9 >= nr.weight) continue;
      std::string item =
          e.indicators[i].name + "：" + core::explain(e, in.card, static_cast<int>(i), in.rules);
      if (!e.indicators[i].note.empty()) item += "（偏差原因：" + e.indicators[i].note + "）";
      short_of.push_back(item);
    }
    if (short_of.empty()) {
      s += some_not_applicable ? "不适用的指标不计分，其余各项指标均达到年度指标值，得满分。"
                               : "各项指标均达到年度指标值，得满分。";
      w.para(s);
    } else {
      s += "未得满分的指标：";
      w.para(s);
      for (size_t k = 0; k < short_of.size(); ++k)
        w.para(std::to_string(k + 1) + ". " + short_of[k]);
    }
    auto it = in.narrative.analysis.find(c.name);
    if (it != in.narrative.analysis.end()) w.lines(it->second);
  }
}

// Suggestions that follow from the findings; the narrative adds its own.
std::vector<std::string> suggested_actions(const std::vector<core::Finding>& findings) {
  std::set<std::string> codes;
  for (const auto& f : findings) codes.insert(f.code);
  std::vector<std::string> out;
  auto add = [&](std::initializer_list<const char*> list, const char* text) {
    for (const char* c : list) {
      if (codes.count(c)) {
        out.emplace_back(text);
        return;
      }
    }
  };
  add({"over_achievement"},
      "科学合理设定绩效目标。部分指标实际完成值大幅超过年度指标值，建议结合历史数据和行业标准测算目"
      "标值，避免目标设定偏低。");
  add({"completion_outruns_spending", "total_capped"},
      "加快预算执行进度。指标完成程度与资金支出进度不匹配，建议加强预算执行监控，及时调整资金安排"
      "。");
  add({"execution_over_budget"},
      "严格预算执行。全年执行数超过预算数，应核实是否存在超预算支出；确需增加支出的，应按规定程序"
      "调整预算。");
  add({"missing_deviation_note", "missing_reason"},
      "完善偏差原因分析。对未达到年度指标值的指标，应逐项说明偏差原因并提出改进措施。");
  add({"stated_score_differs", "total_mismatch", "grade_mismatch", "execution_rate_mismatch",
       "score_exceeds_weight"},
      "规范自评打分。填报得分、总分、执行率或等级与评分规则计算结果不一致，建议按评分规则复核后更正"
      "。");
  add({"unparseable_value", "missing_value", "unit_mismatch"},
      "细化量化绩效指标。部分指标值无法读取或缺少计量单位，建议指标值写明数值和单位。");
  add({"weight_sum_mismatch"}, "规范指标权重设置。下级指标分值之和应等于上级指标分值。");
  add({"panel_too_small", "expert_disagreement"},
      "完善专家评价程序。评价工作组人数或专家意见分歧需关注，建议补充专家或复议分歧较大的指标。");
  return out;
}

}  // namespace

Document build_report(const ReportInput& in) {
  const Evaluation& e = in.evaluation;
  const Narrative& n = in.narrative;
  Document doc;
  doc.title = report_title(e);
  Writer w(doc);

  TitlePage tp;
  tp.title = e.title;
  tp.subtitle = kind_title(e);
  tp.fields.push_back(
      {e.scope == core::Scope::department_overall ? "部门名称" : "项目名称", {e.title}});
  tp.fields.push_back(
      {"项目单位", {e.unit.empty() ? placeholder("项目单位") : e.unit, e.unit.empty()}});
  tp.fields.push_back({"评价类型", {std::string(core::evaluation_kind_label(e.kind))}});
  if (e.year) tp.fields.push_back({"评价年度", {std::to_string(e.year) + "年度"}});
  tp.fields.push_back(
      {"评价机构",
       {n.evaluator.empty() ? placeholder("评价机构") : n.evaluator, n.evaluator.empty()}});
  tp.date = n.date;
  w.title_page(std::move(tp));
  w.page_break();

  if (!n.addressee.empty()) w.para(n.addressee + "：", Paragraph::Kind::plain);

  w.heading(1, "基本情况");
  w.heading(2, "项目概况");
  w.heading(3, "项目背景");
  w.text_or_placeholder(n.background, "项目背景");
  w.heading(3, "主要内容及实施情况");
  w.text_or_placeholder(n.content, "主要内容及实施情况");
  w.heading(3, "资金投入和使用情况");
  funds_chapter(w, in);
  w.heading(2, "项目绩效目标");
  goals_chapter(w, in);

  w.heading(1, "绩效评价工作开展情况");
  w.heading(2, "绩效评价目的、对象和范围");
  w.text_or_placeholder(n.purpose, "绩效评价目的");
  w.para(!n.scope.empty() ? n.scope
                          : "评价对象为" + e.title + "，评价范围包括项目" +
                                (e.year ? std::to_string(e.year) + "年度" : std::string()) +
                                "的资金投入和使用、产出及效益等情况。");
  w.heading(2, "绩效评价原则、评价指标体系、评价方法、评价标准");
  if (!n.principles.empty()) w.lines(n.principles);
  method_chapter(w, in);
  w.text_or_placeholder(n.methods, "评价方法（如比较法、因素分析法、公众评判法）");
  if (!n.standards.empty()) w.lines(n.standards);
  w.heading(2, "绩效评价工作过程");
  w.text_or_placeholder(n.process, "绩效评价工作过程");

  w.heading(1, "综合评价情况及评价结论");
  if (!n.conclusion.empty()) w.lines(n.conclusion);
  {
    std::string s = "经评价，" + e.title + "综合得分" + num(in.card.total) + "分，评价等级为“" +
                    in.card.grade + "”";
    std::string parts;
    for (int i : core::categories(e)) {
      if (!parts.empty()) parts += "、";
      parts += e.indicators[i].name + score_text(in.card.nodes[i]) + "分";
    }
    if (in.card.execution.present && in.card.execution.weight > 0) {
      parts +=
          "、" +
          (in.card.execution.name.empty() ? std::string("预算执行率") : in.card.execution.name) +
          num(in.card.execution.score) + "分";
    }
    if (!parts.empty()) s += "。其中，" + parts;
    s += "。";
    w.para(s);
    if (e.stated_total && std::abs(e.stated_total->value - in.card.total) > in.rules.tolerance) {
      w.para("单位填报总分为" + num(e.stated_total->value) + "分，与按评分规则计算的" +
             num(in.card.total) + "分不一致，以计算结果为准（差异见“存在的问题”）。");
    }
  }
  w.table(score_table(in));
  w.chart(score_rate_chart(in));

  w.heading(1, "绩效评价指标分析");
  analysis_chapter(w, in);

  w.heading(1, "主要经验及做法、存在的问题及原因分析");
  w.heading(2, "主要经验及做法");
  w.text_or_placeholder(n.experience, "主要经验及做法");
  w.heading(2, "存在的问题及原因分析");
  const std::vector<core::Finding> findings = core::findings(e, in.card, in.rules);
  if (findings.empty()) {
    w.para("经复核，评分数据未发现问题。");
  } else {
    w.para("经复核评分数据，发现以下问题：");
    int k = 0;
    for (const auto& f : findings) {
      std::string where = f.path.empty() ? "" : "〔" + core::path_text(f.path) + "〕";
      w.para(std::to_string(++k) + ". " + where + f.message);
    }
  }
  if (!n.problems.empty()) w.lines(n.problems);

  w.heading(1, "有关建议");
  const std::vector<std::string> actions = suggested_actions(findings);
  for (size_t k = 0; k < actions.size(); ++k) w.para(std::to_string(k + 1) + ". " + actions[k]);
  if (!n.suggestions.empty() || actions.empty()) w.text_or_placeholder(n.suggestions, "有关建议");

  w.heading(1, "其他需要说明的问题");
  w.text_or_placeholder(n.other, "其他需要说明的问题（如无，填写“无”）");

  w.page_break();
  w.para("附件1", Paragraph::Kind::plain);
  w.table(indicator_table(in, IndicatorColumns::annex, "绩效评价指标体系及评分表"));
  Document panel = build_panel_summary(in);
  if (!panel.blocks.empty()) {
    w.page_break();
    w.para("附件2", Paragraph::Kind::plain);
    for (auto& block : panel.blocks) doc.blocks.push_back(std::move(block));
  }
  return doc;
}

// The 总分 of the 自评表: the total the evaluation states; else the total of the
// scores the table prints (the unit's own where it states one, else the
// rule's), rescaled and capped as the rules do, so that the 得分 column adds
// up to it. It is the engine's total when the unit states no score of its own.
double self_table_total(const ReportInput& in) {
  const Evaluation& e = in.evaluation;
  const core::ScoreCard& card = in.card;
  if (e.stated_total) return e.stated_total->value;
  const int n = static_cast<int>(e.indicators.size());
  std::vector<double> children(static_cast<size_t>(n), 0);
  double raw = 0;
  for (int i = n - 1; i >= 0; --i) {  // children follow their parent
    const core::Indicator& ind = e.indicators[static_cast<size_t>(i)];
    const core::NodeResult& node = card.nodes[static_cast<size_t>(i)];
    const double printed = ind.stated_score ? ind.stated_score->value
                           : e.is_leaf(i)   ? (node.scored ? node.score : 0)
                                            : children[static_cast<size_t>(i)];
    (ind.parent >= 0 ? children[static_cast<size_t>(ind.parent)] : raw) += printed;
  }
  const core::ExecutionResult& x = card.execution;
  if (x.present) {
    raw += e.budget && e.budget->stated_score ? e.budget->stated_score->value : x.score;
  }
  double total = core::round_half_up(raw, in.rules.decimals);
  if (card.rescaled && card.applicable_weight > 0) {
    total = core::round_half_up(total * in.rules.total / card.applicable_weight, in.rules.decimals);
  }
  if (card.cap && total > *card.cap) total = *card.cap;
  return total;
}

Document build_self_evaluation_table(const ReportInput& in) {
  const Evaluation& e = in.evaluation;
  Document doc;
  const bool department = e.scope == core::Scope::department_overall;
  doc.title = department ? "部门整体支出绩效自评表" : "项目支出绩效自评表";
  Writer w(doc);
  w.para(doc.title, Paragraph::Kind::center);
  w.para(e.year ? "（" + std::to_string(e.year) + "年度）" : "（    年度）",
         Paragraph::Kind::center);
  const int levels = max_level(e);
  // Columns: levels, 年度指标值, 实际完成值, 分值, 得分, 偏差原因.
  std::vector<double> widths;
  for (int k = 0; k < levels; ++k) widths.push_back(k + 1 == levels ? 18 : 10);
  widths.insert(widths.end(), {11, 11, 6, 7, 17});
  const int cols = static_cast<int>(widths.size());
  TableBuilder b(widths);
  b.row();
  b.cell(0, department ? "部门（单位）名称" : "项目名称", true);
  b.cell(1, department ? (e.unit.empty() ? e.title : e.unit) : e.title, false, cols - 1, 1,
         Align::left);
  if (!department) {
    b.row();
    const int half = cols / 2;
    b.cell(0, "主管部门", true);
    b.cell(1, in.table_text.department, false, half - 1, 1, Align::left);
    b.cell(half, "实施单位", true);
    b.cell(half + 1, e.unit, false, cols - half - 1, 1, Align::left);
  }
  if (e.budget && cols >= 8) {
    const core::Budget& bu = *e.budget;
    const core::ExecutionResult& x = in.card.execution;
    b.row();
    b.cell(0, "项目资金（万元）", true, 1, 5);
    b.cell(1, "", true);
    int c = cols - 6;
    for (const char* h : {"年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"})
      b.cell(c++, h, true);
    if (cols - 6 > 2) {
      // Wide trees: the label column absorbs the extra level columns.
    }
    auto money_row = [&](const char* label, const std::optional<double>& i,
                         const std::optional<double>& a, const std::optional<double>& ex,
                         bool total) {
      b.row();
      b.cell(1, label, true, cols - 7);
      int cc = cols - 6;
      b.cell(cc++, optional_money(i));
      b.cell(cc++, optional_money(a));
      b.cell(cc++, optional_money(ex));
      if (total) {
        b.cell(cc++, bu.weight ? num(*bu.weight) : num(x.weight));
        b.cell(cc++, !bu.stated_rate.empty() ? bu.stated_rate
                                             : (x.rate_known ? format_percent(x.rate) : ""));
        b.cell(cc++, bu.stated_score ? num(bu.stated_score->value) : num(x.score));
      } else {
        b.cell(cc, "—", false, 3);
      }
    };
    money_row("年度资金总额", bu.initial, bu.adjusted, bu.executed, true);
    for (auto [source, label] : {std::pair{core::FundingSource::fiscal, "其中：本年财政拨款"},
                                 std::pair{core::FundingSource::carried_over, "上年结转资金"},
                                 std::pair{core::FundingSource::other, "其他资金"}}) {
      const core::FundingLine* line = nullptr;
      for (const auto& l : bu.sources) {
        if (l.source == source) line = &l;
      }
      money_row(label, line ? line->initial : std::nullopt, line ? line->adjusted : std::nullopt,
                line ? line->executed : std::nullopt, false);
    }
  }
  b.row();
  const int mid = 1 + (cols - 1) / 2;
  b.cell(0, "年度总体目标", true, 1, 2);
  b.cell(1, "预期目标", true, mid - 1);
  b.cell(mid, "实际完成情况", true, cols - mid);
  b.row();
  b.cell(1, e.overall_goal, false, mid - 1, 1, Align::left);
  b.cell(mid, in.table_text.overall_result, false, cols - mid, 1, Align::left);
  b.row();
  for (int k = 0; k < levels; ++k) b.cell(k, kLevelTitles[k], true);
  int c = levels;
  for (const char* h : {"年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"})
    b.cell(c++, h, true);
  indicator_rows(b, in, IndicatorColumns::self_table, levels);
  b.row();
  b.cell(0, "总分", true, levels + 2);
  b.cell(levels + 2, num(in.card.weight), true);
  b.cell(levels + 3, num(self_table_total(in)), true);
  b.cell(levels + 4, "", true);
  b.row();
  b.cell(0, "自评结论", true);
  std::string conclusion = !e.stated_grade.empty() ? e.stated_grade : in.card.grade;
  if (!in.table_text.conclusion.empty()) conclusion = in.table_text.conclusion;
  b.cell(1, conclusion, false, cols - 1, 1, Align::left);
  Table t = b.take("");
  t.header_rows = 0;
  w.table(std::move(t));
  return doc;
}

Document build_panel_summary(const ReportInput& in) {
  const Evaluation& e = in.evaluation;
  Document doc;
  doc.title = "评价人员（专家）评分汇总表";
  const core::PanelSummary panel = core::summarize_panel(e, in.rules);
  if (panel.rows.empty()) return doc;
  Writer w(doc);
  w.para(e.title + "评价人员（专家）评分汇总表", Paragraph::Kind::center);
  std::vector<double> widths = {12, 26, 7};
  for (size_t i = 0; i < panel.experts.size(); ++i) widths.push_back(8);
  widths.push_back(9);
  TableBuilder b(widths);
  b.row();
  b.cell(0, "一级指标", true);
  b.cell(1, "指标", true);
  b.cell(2, "分值", true);
  int c = 3;
  for (const auto& expert : panel.experts) b.cell(c++, expert, true);
  b.cell(c, panel.method == core::PanelMethod::trimmed_mean ? "去掉最高最低后平均分" : "平均分",
         true);
  // Level-1 names merged over their rows.
  for (size_t r = 0; r < panel.rows.size(); ++r) {
    const core::PanelRow& row = panel.rows[r];
    const std::vector<std::string> path = e.path(row.indicator);
    b.row();
    const bool first = r == 0 || e.path(panel.rows[r - 1].indicator).front() != path.front();
    if (first) {
      int span = 1;
      while (r + span < panel.rows.size() &&
             e.path(panel.rows[r + span].indicator).front() == path.front())
        ++span;
      b.cell(0, path.front(), false, 1, span);
    }
    b.cell(1, path.size() > 1 ? path.back() : path.front(), false, 1, 1, Align::left);
    b.cell(2, num(row.weight));
    int cc = 3;
    for (const std::optional<double>& s : row.scores) b.cell(cc++, s ? num(*s) : "回避");
    for (size_t k = row.scores.size(); k < panel.experts.size(); ++k) b.cell(cc++, "");
    b.cell(cc, num(row.score) + (row.wide ? "※" : ""));
  }
  b.row();
  b.cell(0, "合计", true, 2);
  double weight = 0;
  for (const auto& row : panel.rows) weight += row.weight;
  b.cell(2, num(weight), true);
  int cc = 3;
  for (double t : panel.expert_totals) b.cell(cc++, num(t), true);
  b.cell(cc, num(panel.total), true);
  Table t = b.take("");
  t.note = "注：专家评分为各专家对各指标的评分；平均分按" +
           std::string(panel.method == core::PanelMethod::trimmed_mean
                           ? "去掉一个最高分和一个最低分后的算术平均"
                           : "算术平均") +
           "计算，四舍五入保留两位小数；※表示专家评分分歧较大（最高与最低分之差超过分值的" +
           format_percent(in.rules.expert_range_share, 0) + "）。";
  w.table(std::move(t));
  return doc;
}

}  // namespace jixiao::report
