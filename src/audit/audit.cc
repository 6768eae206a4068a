#include "audit/audit.h"

#include <cmath>
#include <cstring>

#include "audit/docx_reader.h"
#include "audit/numbers.h"
#include "audit/text_reader.h"
#include "core/decimal.h"
#include "core/text.h"
#include "format/file_bytes.h"
#include "format/json_writer.h"
#include "format/text_encoding.h"
#include "office/zip_archive.h"

namespace jixiao::audit {
namespace {

std::string quote_of_flag(const Extracted& x, const core::Flag& flag) {
  if (flag.node >= 0 && static_cast<size_t>(flag.node) < x.quotes.size()) {
    return x.quotes[flag.node];
  }
  if (flag.node == core::kBudgetRow) return x.budget_quote;
  if (flag.kind == core::FlagKind::grade_differs) return x.grade_quote;
  return x.total_quote.empty() ? x.evaluation.title : x.total_quote;
}

void write_stated(format::JsonWriter& w, std::string_view key, const Stated& s) {
  w.key(key).raw_value(show(s.value, s.decimals));
}

void write_first(format::JsonWriter& w, std::string_view key, const std::vector<Stated>& list) {
  if (!list.empty()) write_stated(w, key, list.front());
}

void write_categories(format::JsonWriter& w, std::string_view key,
                      const std::vector<CategoryFact>& cats) {
  w.key(key).begin_array();
  for (const CategoryFact& c : cats) {
    w.begin_object().field("name", c.name);
    if (c.weight) write_stated(w, "weight", *c.weight);
    if (c.score) write_stated(w, "score", *c.score);
    if (c.rate) write_stated(w, "score_rate", *c.rate);
    w.end_object();
  }
  w.end_array();
}

const Stated* stated_total(const Facts& f) {
  if (f.score_table_total && f.score_table_total->score) return &*f.score_table_total->score;
  if (f.indicator_total && f.indicator_total->score) return &*f.indicator_total->score;
  if (!f.text_total.empty()) return &f.text_total.front();
  return nullptr;
}

std::string stated_grade(const Facts& f) {
  if (f.table_grade) return f.table_grade->grade;
  if (!f.text_grade.empty()) return f.text_grade.front().grade;
  return "";
}

// The engine's flags worth showing for a report. Its execution-rate check is
// the audit's own (every statement of the rate is checked there); deviation
// notes are asked for only where the report has a column for them, and
// never of a category that publishes only its score.
bool wanted(const Audit& a, const core::Flag& flag) {
  using core::FlagKind;
  switch (flag.kind) {
    case FlagKind::execution_rate_differs:
    // A report's tables often leave weights out; the audit checks the sums it can read.
    case FlagKind::category_unweighted:
      return false;
    case FlagKind::total_differs_from_rules:
    case FlagKind::top_weights_differ:
      // With no indicator found, the rules have nothing to add up.
      if (a.extracted.evaluation.indicators.empty()) return false;
      break;
    case FlagKind::score_below_weight_no_note:
    case FlagKind::short_without_note:
    case FlagKind::over_without_note:
      if (!a.facts.note_column) return false;
      break;
    default:
      break;
  }
  // A category is checked against the scores its rows state (total_mismatch
  // when they do not add up), not against the rules: a slip in a row is
  // reported once, on the row.
  if (flag.kind == FlagKind::stated_differs && flag.node >= 0) {
    const core::Evaluation& e = a.extracted.evaluation;
    if (!e.is_leaf(flag.node)) {
      bool all_stated = true;
      const int level = e.indicators[flag.node].level;
      for (size_t i = flag.node + 1; i < e.indicators.size() && e.indicators[i].level > level;
           ++i) {
        if (e.is_leaf(static_cast<int>(i)) && !e.indicators[i].stated_score) all_stated = false;
      }
      if (all_stated) return false;
    }
  }
  if (flag.node >= 0 && static_cast<size_t>(flag.node) < a.card.nodes.size() &&
      a.card.nodes[flag.node].kind == core::ScoringKind::stated &&
      flag.kind == FlagKind::score_below_weight_no_note) {
    return false;
  }
  return true;
}

}  // namespace

Result<Document> read_report(std::string_view bytes, const std::string& name) {
  if (bytes.size() > kMaxReportBytes) {
    return Status::error("文件 " + name + "：超过 " + std::to_string(kMaxReportBytes >> 20) +
                         " MiB，不像一份评价报告");
  }
  if (office::sniff_container(bytes) != office::ContainerKind::other) {
    return read_docx(bytes, name);
  }
  // A report exported from Word as plain text on Chinese Windows is GBK,
  // unless UTF-8 was chosen; Notepad's "Unicode" is UTF-16. Read them as such.
  std::string decoded;
  const core::text::Encoding encoding = core::text::guess_encoding(bytes);
  if (encoding != core::text::Encoding::utf8 && encoding != core::text::Encoding::unknown) {
    Result<std::string> text = format::to_utf8(bytes, encoding);
    if (!text.ok()) return text.status().within("文件 " + name + "：");
    decoded = std::move(*text);
    bytes = decoded;
  }
  if (std::memchr(bytes.data(), '\0', bytes.size()) != nullptr) {
    return Status::error("文件 " + name +
                         "：不是文本文件，也不是 .docx（请提供 Word 文档或从 Word 导出的纯文本）");
  }
  bytes.remove_prefix(core::text::byte_order_mark(bytes));
  const std::string_view text = core::text::trim(bytes);
  if (text.empty()) return Status::error("文件 " + name + "：是空文件");
  // No report starts with "{": this is an evaluation file given by mistake.
  if (text.front() == '{') {
    return Status::error("文件 " + name +
                         "：是评价文件（JSON），不是报告；评价文件请用 jixiao score 评分");
  }
  return read_text(bytes);
}

Audit audit_document(const Document& doc, const core::RuleSet& rules) {
  Audit a;
  a.facts = extract_facts(doc);
  a.extracted = extract_evaluation(a.facts);
  core::score_into(a.extracted.evaluation, rules, a.card);
  a.findings = check_facts(a.facts, rules, &a.card);
  for (const core::Flag& flag : a.card.flags) {
    if (!wanted(a, flag)) continue;
    core::Finding f = core::describe(a.extracted.evaluation, a.card, rules, flag);
    std::string quote = quote_of_flag(a.extracted, flag);
    bool seen = false;
    for (const AuditFinding& g : a.findings) {
      if (g.code == f.code && g.quote == quote) seen = true;
    }
    if (seen) continue;
    std::string where = core::path_text(f.path);
    if (!where.empty()) where += "：";
    // A leaf scored above its weight also differs from what the rules give.
    if (flag.kind == core::FlagKind::stated_above_weight && flag.node >= 0 &&
        a.extracted.evaluation.is_leaf(flag.node) && a.card.nodes[flag.node].scored &&
        std::fabs(a.card.nodes[flag.node].score - flag.n[0]) > rules.tolerance) {
      a.findings.push_back({"stated_score_differs", core::Severity::error, quote,
                            where + "填报得分" + core::format_number(flag.n[0], 2) +
                                "，按规则应得" +
                                core::format_number(a.card.nodes[flag.node].score, 2) + "分"});
    }
    a.findings.push_back({f.code, f.severity, std::move(quote), where + f.message});
  }
  return a;
}

Result<Audit> audit_file(const std::string& path, const core::RuleSet& rules) {
  Result<format::FileBytes> bytes = format::FileBytes::open(path, kMaxReportBytes);
  if (!bytes.ok()) return bytes.status();
  Result<Document> doc = read_report(bytes->text(), path);
  if (!doc.ok()) return doc.status();
  return audit_document(*doc, rules);
}

std::string audit_json(const Audit& a, const std::string& file) {
  const Facts& f = a.facts;
  std::string out;
  format::JsonWriter w(out);
  w.begin_object().field("file", file);
  w.key("facts").begin_object();
  w.field("title", f.title);
  if (f.year) w.field("year", f.year);
  w.field("scope", f.department ? "department_overall" : "project");
  write_first(w, "budget", f.budget);
  write_first(w, "initial_budget", f.initial_budget);
  write_first(w, "executed", f.executed.empty() ? f.final_expenditure : f.executed);
  write_first(w, "received", f.received);
  write_first(w, "execution_rate", f.execution_rate);
  if (f.carryover) write_stated(w, "carryover", *f.carryover);
  write_categories(w, "categories", f.score_table);
  write_categories(w, "text_categories", f.text_categories);
  w.field("indicators", f.indicator_count());
  write_first(w, "final_expenditure", f.final_expenditure);
  write_first(w, "difference_rate", f.difference_rate);
  write_first(w, "carryover_total", f.carryover_total);
  write_first(w, "carryover_rate", f.carryover_rate);
  if (f.project_count) write_stated(w, "projects", *f.project_count);
  if (!f.grade_counts.empty()) {
    w.key("projects_by_grade").begin_object();
    for (const auto& [g, n] : f.grade_counts) write_stated(w, g, n);
    w.end_object();
  }
  w.end_object();
  w.key("findings").begin_array();
  for (const AuditFinding& g : a.findings) {
    w.begin_object()
        .field("code", g.code)
        .field("severity", core::severity_code(g.severity))
        .field("quote", g.quote)
        .field("message", g.message)
        .end_object();
  }
  w.end_array();
  if (const Stated* t = stated_total(f)) {
    write_stated(w, "total", *t);
  } else {
    w.key("total").null();
  }
  w.field("grade", stated_grade(f));
  w.field("computed_total", a.card.total);
  w.field("computed_grade", a.card.grade);
  w.end_object();
  return out;
}

std::string audit_text(const Audit& a, const std::string& file) {
  const Facts& f = a.facts;
  std::string s = "复核：" + file + "\n";
  if (!f.title.empty()) s += "报告：" + f.title + "\n";
  const auto figure = [](const Stated& x) { return show(x.value, x.decimals); };
  std::string money;
  if (!f.budget.empty()) money += "预算" + figure(f.budget.front()) + "万元";
  if (!f.executed.empty()) {
    money +=
        (money.empty() ? "" : "，") + std::string("实际支出") + figure(f.executed.front()) + "万元";
  }
  if (!f.execution_rate.empty()) {
    money += (money.empty() ? "" : "，") + std::string("执行率") +
             figure(f.execution_rate.front()) + "%";
  }
  if (!money.empty()) s += "资金：" + money + "\n";
  const auto list = [&](const char* title, const std::vector<CategoryFact>& cats) {
    if (cats.empty()) return;
    s += title;
    for (size_t i = 0; i < cats.size(); ++i) {
      const CategoryFact& c = cats[i];
      s += (i ? "，" : "") + c.name;
      if (c.weight) s += " 分值" + figure(*c.weight);
      if (c.score) s += " 得分" + figure(*c.score);
    }
    s += "\n";
  };
  list("评分表：", f.score_table);
  list("正文所列一级指标：", f.text_categories);
  if (const Stated* t = stated_total(f)) {
    s += "总分：" + figure(*t) + "分";
    const std::string g = stated_grade(f);
    if (!g.empty()) s += "，等级：" + g;
    s += "（按规则集计算：" + core::format_number(a.card.total, 2) + "分，" +
         (a.card.grade.empty() ? "—" : a.card.grade) + "）\n";
  }
  if (f.indicator_count() > 0) {
    s += "指标行：" + std::to_string(f.indicator_count()) + " 行\n";
  }
  if (!f.difference_rate.empty()) s += "预决算差异率：" + figure(f.difference_rate.front()) + "%\n";
  if (!f.carryover_rate.empty()) s += "结转结余率：" + figure(f.carryover_rate.front()) + "%\n";
  if (a.findings.empty()) {
    s += "未发现问题：可核对的数字均一致。\n";
    return s;
  }
  s += "发现的问题（" + std::to_string(a.findings.size()) + " 项）：\n";
  for (size_t i = 0; i < a.findings.size(); ++i) {
    const AuditFinding& g = a.findings[i];
    s += std::to_string(i + 1) + ". 【" + std::string(core::severity_label(g.severity)) + "】" +
         g.message + "（" + g.code + "）\n";
    if (!g.quote.empty()) s += "   原文：「" + g.quote + "」\n";
  }
  return s;
}

}  // namespace jixiao::audit
