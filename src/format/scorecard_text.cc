#include "format/scorecard_text.h"

#include "core/decimal.h"
#include "core/panel.h"
#include "core/text.h"

namespace jixiao::format {

using core::format_number;
using core::format_percent;

std::string fit_columns(std::string_view s, size_t width, bool align_right) {
  std::string out;
  size_t used = 0;
  if (core::text::display_width(s) <= width) {
    out.assign(s);
    used = core::text::display_width(s);
  } else {
    // Cut at a character boundary, leaving one column for the ellipsis.
    for (size_t i = 0; i < s.size();) {
      const size_t start = i;
      core::text::next_code_point(s, i);
      const size_t w = core::text::display_width(s.substr(start, i - start));
      if (used + w + 1 > width) break;
      out.append(s.substr(start, i - start));
      used += w;
    }
    out += "…";
    used += 1;
  }
  const std::string pad(width > used ? width - used : 0, ' ');
  return align_right ? pad + out : out + pad;
}

namespace {

std::string score_text(const core::NodeResult& n) {
  return n.scored ? format_number(n.score) : "—";
}

std::string stated_text(const std::optional<core::Figure>& f) {
  return f ? format_number(f->value) : "";
}

constexpr size_t kName = 36;
constexpr size_t kValue = 12;
constexpr size_t kNum = 7;

void row(std::string& out, std::string_view name, std::string_view target, std::string_view actual,
         std::string_view a, std::string_view b, std::string_view c, std::string_view rest) {
  std::string line = fit_columns(name, kName) + " ";
  line += fit_columns(target, kValue) + " ";
  line += fit_columns(actual, kValue);
  line += fit_columns(a, kNum, true);
  line += fit_columns(b, kNum + 1, true);
  line += fit_columns(c, kNum + 3, true);
  line += "  ";
  line += rest;
  while (!line.empty() && line.back() == ' ') line.pop_back();
  out += line;
  out += '\n';
}

// The category table has no target and actual columns.
void row(std::string& out, std::string_view name, std::string_view a, std::string_view b,
         std::string_view c, std::string_view rest) {
  row(out, name, "", "", a, b, c, rest);
}

}  // namespace

void write_scorecard_text(std::string& out, const core::Evaluation& e, const core::ScoreCard& card,
                          const core::RuleSet& rules, std::string_view file,
                          const FindingLocator* locate) {
  const std::string rule(120, '-');
  out += std::string(120, '=') + "\n";
  out += e.title;
  if (!file.empty()) out += "  （" + std::string(file) + "）";
  out += "\n";
  if (!e.unit.empty()) out += "单位：" + e.unit + "  ";
  if (e.year != 0) out += "年度：" + std::to_string(e.year) + "  ";
  out += "评价类型：" + std::string(core::evaluation_kind_label(e.kind)) + "  范围：" +
         std::string(core::scope_label(e.scope)) + "  规则集：" + rules.name + "\n";
  out += rule + "\n";
  row(out, "指标", "年度指标值", "实际完成值", "分值", "得分", "填报得分", "计分说明");
  // The tree, indented by level: categories show their sums, leaves how they scored.
  for (int i = 0; i < static_cast<int>(e.indicators.size()); ++i) {
    const auto& ind = e.indicators[i];
    const auto& node = card.nodes[i];
    const std::string name = std::string(2 * (ind.level - 1), ' ') + ind.name;
    const std::string weight = node.weight_known ? format_number(node.weight) : "";
    const bool leaf = e.is_leaf(i);
    const std::string why =
        leaf || node.why.reason != core::Reason::sum ? core::explain(e, card, i, rules) : "";
    row(out, name, ind.target_text, ind.actual_text, weight, score_text(node),
        stated_text(ind.stated_score), why);
  }
  if (card.execution.present) {
    const auto& ex = card.execution;
    row(out, ex.name, e.budget->target_rate, e.budget->stated_rate, format_number(ex.weight),
        format_number(ex.score),
        e.budget->stated_score ? format_number(e.budget->stated_score->value) : "",
        core::explain_execution(card));
  }
  out += rule + "\n";
  row(out, "一级指标", "", "", "分值", "得分", "得分率", "");
  for (int i : core::categories(e)) {
    const auto& node = card.nodes[i];
    const std::string rate = node.scored && node.applicable_weight > 0
                                 ? format_percent(node.score / node.applicable_weight)
                                 : "—";
    row(out, e.indicators[i].name, format_number(node.weight), score_text(node), rate,
        node.why.reason == core::Reason::stated_category ? "采用所列得分" : "");
  }
  if (card.execution.present && card.execution.weight > 0) {
    const auto& ex = card.execution;
    row(out, ex.name, format_number(ex.weight), format_number(ex.score),
        format_percent(ex.score / ex.weight), "");
  }
  row(out, "合计", format_number(card.weight), format_number(card.raw_total),
      card.weight > 0 ? format_percent(card.raw_total / card.weight) : "", "");
  out += rule + "\n";
  out += "总分 " + format_number(card.total) + "  等级 " + card.grade + "  （" +
         core::explain_total(card, rules) + "）\n";
  if (e.stated_total || !e.stated_grade.empty()) {
    out += "报告所列：";
    if (e.stated_total) out += "总分 " + format_number(e.stated_total->value) + "  ";
    if (!e.stated_grade.empty()) out += "等级 " + e.stated_grade;
    out += "\n";
  }

  if (!card.department_figures.empty()) {
    out += rule + "\n部门整体指标\n";
    for (const auto& f : card.department_figures) {
      out += "  " + fit_columns(f.label, 18) + fit_columns(format_percent(f.value), 10, true) +
             "  " + f.formula + "\n";
    }
  }
  if (card.project_grades) {
    out += "项目评价等级分布：";
    for (size_t k = 0; k < card.project_grades->labels.size(); ++k) {
      out += card.project_grades->labels[k] + " " + std::to_string(card.project_grades->counts[k]) +
             " 个  ";
    }
    if (card.project_grades->ungraded > 0) {
      out += "未定级 " + std::to_string(card.project_grades->ungraded) + " 个";
    }
    out += "\n";
  }

  const core::PanelSummary panel = core::summarize_panel(e, rules);
  if (!panel.rows.empty()) {
    out +=
        rule + "\n专家评分汇总表（" +
        std::string(panel.method == core::PanelMethod::mean ? "算术平均" : "去掉最高最低分后平均") +
        "）\n";
    std::string head = fit_columns("指标", kName) + fit_columns("分值", kNum, true);
    for (const auto& name : panel.experts) head += fit_columns(name, 9, true);
    head += fit_columns("得分", 9, true);
    out += head + "\n";
    for (const auto& r : panel.rows) {
      std::string line = fit_columns(core::path_text(e.path(r.indicator)), kName) +
                         fit_columns(format_number(r.weight), kNum, true);
      for (double s : r.scores) line += fit_columns(format_number(s), 9, true);
      line += fit_columns(format_number(r.score), 9, true);
      if (r.wide) line += "  分歧较大";
      out += line + "\n";
    }
    std::string total = fit_columns("合计", kName) + fit_columns("", kNum);
    for (double t : panel.expert_totals) total += fit_columns(format_number(t), 9, true);
    total += fit_columns(format_number(panel.total), 9, true);
    out += total + "\n";
  }

  out += rule + "\n";
  if (card.flags.empty()) {
    out += "未发现问题。\n";
  } else {
    out += "发现 " + std::to_string(card.flags.size()) + " 项问题：\n";
    for (const auto& f : core::findings(e, card, rules)) {
      out += "  [" + std::string(core::severity_label(f.severity)) + "] " + f.code;
      if (!f.path.empty()) out += "  " + core::path_text(f.path);
      out += "\n      " + located_message(f, locate) + "\n";
    }
  }
}

}  // namespace jixiao::format
