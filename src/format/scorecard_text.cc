#include "format/scorecard_text.h"

#include <cstdint>
#include <cstring>
#include <string>

#include "core/decimal.h"
#include "core/panel.h"
#include "core/text.h"

namespace jixiao::format {

using core::format_number;
using core::format_percent;

namespace {

// What a cell's bytes are: all ASCII (a column a byte), and whether one is a
// control character (a line break or tab typed in the cell, which would split
// the row). Eight bytes at a time: a byte b < 0x20 sets the top bit of b − 0x20
// and not of b; every cell of every row is scanned so.
struct CellBytes {
  bool ascii = true;
  bool control = false;
};

CellBytes scan_cell(std::string_view s) {
  constexpr uint64_t kEach = 0x0101010101010101;
  constexpr uint64_t kTop = 0x8080808080808080;
  uint64_t high = 0;
  uint64_t low = 0;
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t x = 0;
    std::memcpy(&x, s.data() + i, 8);
    high |= x;
    low |= (x - kEach * 0x20) & ~x;
  }
  unsigned char tail_high = 0;
  bool tail_low = false;
  for (; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    tail_high |= b;
    tail_low |= b < 0x20;
  }
  return {(high & kTop) == 0 && tail_high < 0x80, (low & kTop) != 0 || tail_low};
}

}  // namespace

namespace {

// Columns `s` takes, counted until they pass `limit` (then any value above it).
// Chinese characters (U+3000–U+9FFF: lead bytes E3–E9) take two columns and
// are counted without decoding: most cells are ASCII or such characters.
size_t columns_up_to(std::string_view s, size_t limit) {
  size_t used = 0;
  for (size_t i = 0; i < s.size() && used <= limit;) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
      ++used;
      ++i;
    } else if (b0 >= 0xE3 && b0 <= 0xE9 && i + 2 < s.size() &&
               (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) & 0xC0) == 0x80) {
      used += 2;
      i += 3;
    } else {
      used += core::text::code_point_width(core::text::next_code_point(s, i));
    }
  }
  return used;
}

}  // namespace

bool append_fitted(std::string& out, std::string_view s, size_t width, bool align_right) {
  const CellBytes bytes = scan_cell(s);
  // Most cells fit: their width alone decides the padding.
  const size_t used = bytes.ascii ? s.size() : columns_up_to(s, width);
  if (used <= width) {
    if (align_right) out.append(width - used, ' ');
    out.append(s);
    if (!align_right) out.append(width - used, ' ');
    return bytes.control;
  }
  // Cut before the first character that leaves no column for the "…".
  size_t cut = 0;        // bytes kept
  size_t cut_width = 0;  // their columns
  for (size_t i = 0; i < s.size();) {
    const size_t w = core::text::code_point_width(core::text::next_code_point(s, i));
    if (cut_width + w + 1 > width) break;
    cut = i;
    cut_width += w;
  }
  const size_t columns = cut_width + 1;
  const size_t pad = width > columns ? width - columns : 0;
  if (align_right) out.append(pad, ' ');
  out.append(s.substr(0, cut));
  out += "…";
  if (!align_right) out.append(pad, ' ');
  return bytes.control;
}

std::string fit_columns(std::string_view s, size_t width, bool align_right) {
  std::string out;
  append_fitted(out, s, width, align_right);
  return out;
}

namespace {

// The texts of one row, kept per thread from row to row so that writing a
// table allocates nothing once warm: a batch of evaluations prints hundreds
// of thousands of rows.
struct Scratch {
  std::string name;
  std::string weight;
  std::string score;
  std::string stated;
  std::string why;
};

Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

// `value` as format_number writes it, in `buf`.
std::string_view number(std::string& buf, double value) {
  buf.clear();
  core::append_number(buf, value);
  return buf;
}

// `ratio` as format_percent writes it, in `buf`.
std::string_view percent(std::string& buf, double ratio) {
  buf.clear();
  core::append_percent(buf, ratio);
  return buf;
}

std::string_view score_text(std::string& buf, const core::NodeResult& n) {
  return n.scored ? number(buf, n.score) : "—";
}

std::string_view stated_text(std::string& buf, const std::optional<core::Figure>& f) {
  return f ? number(buf, f->value) : "";
}

constexpr size_t kName = 36;
constexpr size_t kValue = 12;
constexpr size_t kNum = 7;

// A line break or tab typed inside a cell ("96%\n（抽样）") would break the table's
// row: from `start` on, each becomes a space.
void flatten(std::string& out, size_t start) {
  for (size_t i = start; i < out.size(); ++i) {
    if (static_cast<unsigned char>(out[i]) < 0x20) out[i] = ' ';
  }
}

void row(std::string& out, std::string_view name, std::string_view target, std::string_view actual,
         std::string_view a, std::string_view b, std::string_view c, std::string_view rest) {
  const size_t start = out.size();
  bool control = append_fitted(out, name, kName);
  out += ' ';
  control |= append_fitted(out, target, kValue);
  out += ' ';
  control |= append_fitted(out, actual, kValue);
  append_fitted(out, a, kNum, true);
  append_fitted(out, b, kNum + 1, true);
  append_fitted(out, c, kNum + 3, true);
  out += "  ";
  out += rest;
  // The explanation quotes the target and the actual as written.
  if (control) flatten(out, start);
  while (out.size() > start && out.back() == ' ') out.pop_back();
  out += '\n';
}

// The category table has no target and actual columns.
void row(std::string& out, std::string_view name, std::string_view a, std::string_view b,
         std::string_view c, std::string_view rest) {
  row(out, name, "", "", a, b, c, rest);
}

// "  [错误] code  path\n      message\n"; `path` null for a finding on the whole evaluation.
void append_finding(std::string& out, core::Severity severity, std::string_view code,
                    const std::string* path, std::string_view message) {
  out += "  [";
  out += core::severity_label(severity);
  out += "] ";
  out += code;
  if (path != nullptr) {
    out += "  ";
    out += *path;
  }
  out += "\n      ";
  const size_t start = out.size();
  out += message;
  if (scan_cell(message).control) flatten(out, start);
  out += '\n';
}

void write_findings(std::string& out, const core::Evaluation& e, const core::ScoreCard& card,
                    const core::RuleSet& rules, const FindingLocator* locate, Scratch& s) {
  if (card.flags.empty()) {
    out += "未发现问题。\n";
    return;
  }
  out += "发现 " + std::to_string(card.flags.size()) + " 项问题：\n";
  const int nodes = static_cast<int>(e.indicators.size());
  for (const core::Flag& flag : card.flags) {
    if (locate != nullptr) {
      // A workbook's findings name their cell, which takes the whole finding.
      const core::Finding f = core::describe(e, card, rules, flag);
      const std::string path = core::path_text(f.path);
      append_finding(out, f.severity, f.code, f.path.empty() ? nullptr : &path,
                     located_message(f, locate));
      continue;
    }
    const std::string* path = nullptr;
    if (flag.node >= 0 && flag.node < nodes) {
      s.name.clear();
      e.append_path_text(flag.node, s.name);
      path = &s.name;
    } else if (flag.node == core::kBudgetRow) {
      path = &card.execution.name;
    }
    append_finding(out, flag.severity, core::flag_code(flag.kind), path,
                   core::finding_message(e, card, rules, flag));
  }
}

}  // namespace

void write_scorecard_text(std::string& out, const core::Evaluation& e, const core::ScoreCard& card,
                          const core::RuleSet& rules, std::string_view file,
                          const FindingLocator* locate) {
  Scratch& s = scratch();
  static const std::string rule = std::string(120, '-') + "\n";
  out.append(120, '=');
  out += '\n';
  out += e.title;
  if (!file.empty()) {
    out += "  （";
    out += file;
    out += "）";
  }
  out += "\n";
  if (!e.unit.empty()) out += "单位：" + e.unit + "  ";
  if (e.year != 0) out += "年度：" + std::to_string(e.year) + "  ";
  out += "评价类型：" + std::string(core::evaluation_kind_label(e.kind)) + "  范围：" +
         std::string(core::scope_label(e.scope)) + "  规则集：" + rules.name + "\n";
  out += rule;
  row(out, "指标", "年度指标值", "实际完成值", "分值", "得分", "填报得分", "计分说明");
  // The tree, indented by level: categories show their sums, leaves how they scored.
  for (int i = 0; i < static_cast<int>(e.indicators.size()); ++i) {
    const auto& ind = e.indicators[i];
    const auto& node = card.nodes[i];
    s.name.assign(2 * (ind.level - 1), ' ');
    s.name += ind.name;
    const std::string_view weight = node.weight_known ? number(s.weight, node.weight) : "";
    if (e.is_leaf(i) || node.why.reason != core::Reason::sum) {
      core::explain_into(e, card, i, rules, s.why);
    } else {
      s.why.clear();
    }
    row(out, s.name, ind.target_text, ind.actual_text, weight, score_text(s.score, node),
        stated_text(s.stated, ind.stated_score), s.why);
  }
  if (card.execution.present) {
    const auto& ex = card.execution;
    row(out, ex.name, e.budget->target_rate, e.budget->stated_rate, number(s.weight, ex.weight),
        number(s.score, ex.score), stated_text(s.stated, e.budget->stated_score),
        core::explain_execution(card));
  }
  out += rule;
  row(out, "一级指标", "", "", "分值", "得分", "得分率", "");
  for (int i : core::categories(e)) {
    const auto& node = card.nodes[i];
    const std::string_view rate = node.scored && node.applicable_weight > 0
                                      ? percent(s.stated, node.score / node.applicable_weight)
                                      : "—";
    row(out, e.indicators[i].name, number(s.weight, node.weight), score_text(s.score, node), rate,
        node.why.reason == core::Reason::stated_category ? "采用所列得分" : "");
  }
  if (card.execution.present && card.execution.weight > 0) {
    const auto& ex = card.execution;
    row(out, ex.name, number(s.weight, ex.weight), number(s.score, ex.score),
        percent(s.stated, ex.score / ex.weight), "");
  }
  row(out, "合计", number(s.weight, card.weight), number(s.score, card.raw_total),
      // Over the applicable weight, as each category's rate is.
      card.applicable_weight > 0 ? percent(s.stated, card.raw_total / card.applicable_weight) : "",
      "");
  out += rule;
  out += "总分 " + format_number(card.total) + "  等级 " + card.grade + "  （" +
         core::explain_total(card, rules) + "）\n";
  if (e.stated_total || !e.stated_grade.empty()) {
    out += "报告所列：";
    if (e.stated_total) out += "总分 " + format_number(e.stated_total->value);
    if (e.stated_total && !e.stated_grade.empty()) out += "  ";
    if (!e.stated_grade.empty()) out += "等级 " + e.stated_grade;
    out += "\n";
  }

  if (!card.department_figures.empty()) {
    out += rule;
    out += "部门整体指标\n";
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

  if (core::has_expert_scores(e)) {
    const core::PanelSummary panel = core::summarize_panel(e, rules);
    if (!panel.rows.empty()) {
      out += rule;
      out += "专家评分汇总表（" +
             std::string(panel.method == core::PanelMethod::mean ? "算术平均"
                                                                 : "去掉最高最低分后平均") +
             "）\n";
      std::string head = fit_columns("指标", kName) + fit_columns("分值", kNum, true);
      for (const auto& name : panel.experts) head += fit_columns(name, 9, true);
      head += fit_columns("得分", 9, true);
      out += head + "\n";
      for (const auto& r : panel.rows) {
        std::string line = fit_columns(core::path_text(e.path(r.indicator)), kName) +
                           fit_columns(format_number(r.weight), kNum, true);
        for (const std::optional<double>& v : r.scores) {
          line += fit_columns(v ? format_number(*v) : "回避", 9, true);
        }
        line += fit_columns(format_number(r.score), 9, true);
        if (r.wide) line += "  分歧较大";
        out += line + "\n";
      }
      std::string total = fit_columns("合计", kName) + fit_columns("", kNum);
      for (double t : panel.expert_totals) total += fit_columns(format_number(t), 9, true);
      total += fit_columns(format_number(panel.total), 9, true);
      out += total + "\n";
    }
  }

  out += rule;
  write_findings(out, e, card, rules, locate, s);
}

}  // namespace jixiao::format
