#include "audit/checks.h"

#include <cmath>

#include "audit/numbers.h"
#include "core/compare.h"
#include "core/decimal.h"
#include "core/text.h"
#include "core/value.h"

namespace jixiao::audit {
namespace {

using core::Severity;

bool agrees(double computed, const Stated& s) {
  return core::agrees_at_precision(computed, s.value, s.decimals);
}

// Two printed figures are the same when the finer one rounds to the coarser.
bool same_figure(const Stated& a, const Stated& b) {
  return a.decimals >= b.decimals ? agrees(a.value, b) : agrees(b.value, a);
}

std::string num(const Stated& s) {
  return show(s.value, s.decimals);
}
std::string num(double v, int decimals = 2) {
  return core::format_number(v, decimals);
}

class Checker {
 public:
  Checker(const Facts& f, const core::RuleSet& r, const core::ScoreCard* engine)
      : f_(f), r_(r), engine_(engine) {}

  std::vector<AuditFinding> run() {
    score_table();
    text_categories();
    totals_and_grades();
    execution();
    stated_twice("预算资金", f_.budget, "万元");
    stated_twice("实际支出", f_.executed, "万元");
    sums();
    shares();
    department();
    unreadable();
    claims();
    return std::move(out_);
  }

 private:
  void add(std::string code, Severity severity, const std::string& quote, std::string message) {
    for (const AuditFinding& a : out_) {
      if (a.code == code && a.quote == quote && a.message == message) return;
    }
    out_.push_back({std::move(code), severity, quote, std::move(message)});
  }

  void category_rows(const std::vector<CategoryFact>& cats, const char* where) {
    for (const CategoryFact& c : cats) {
      if (c.weight && c.score && c.score->value > c.weight->value + 1e-9) {
        add("score_exceeds_weight", Severity::error, c.quote,
            std::string(where) + "“" + c.name + "”得分" + num(*c.score) + "分，超过其分值" +
                num(*c.weight) + "分");
      }
      if (c.weight && c.score && c.rate && c.weight->value > 0) {
        const double rate = c.score->value / c.weight->value * 100;
        if (!agrees(rate, *c.rate)) {
          add("score_rate_mismatch", Severity::error, c.quote,
              std::string(where) + "“" + c.name + "”得分率写为" + num(*c.rate) + "%，按得分" +
                  num(*c.score) + "÷分值" + num(*c.weight) + "计算应为" +
                  core::format_percent(rate / 100));
        }
      }
    }
  }

  void score_table() {
    category_rows(f_.score_table, "评分表中");
    if (!f_.score_table_total) return;
    const CategoryFact& t = *f_.score_table_total;
    double weights = 0, scores = 0;
    bool all_weights = true, all_scores = true;
    for (const CategoryFact& c : f_.score_table) {
      if (c.weight)
        weights += c.weight->value;
      else
        all_weights = false;
      if (c.score)
        scores += c.score->value;
      else
        all_scores = false;
    }
    if (t.weight && all_weights && !f_.score_table.empty() && !agrees(weights, *t.weight)) {
      add("total_mismatch", Severity::error, t.quote,
          "评分表合计分值写为" + num(*t.weight) + "分，各项分值之和为" + num(weights) + "分");
    }
    if (t.score && all_scores && !f_.score_table.empty() && !total_agrees(scores, *t.score)) {
      add("total_mismatch", Severity::error, t.quote,
          "评分表综合得分写为" + num(*t.score) + "分，各项得分之和为" + num(scores) + "分");
    }
    if (t.score && t.rate) {
      const double base = t.weight && t.weight->value > 0 ? t.weight->value : r_.total;
      const double rate = t.score->value / base * 100;
      if (!agrees(rate, *t.rate)) {
        add("score_rate_mismatch", Severity::error, t.quote,
            "综合得分率写为" + num(*t.rate) + "%，按" + num(*t.score) + "÷" + num(base) +
                "计算应为" + core::format_percent(rate / 100));
      }
    }
  }

  // The text's categories against the score table: labels and scores.
  void text_categories() {
    category_rows(f_.text_categories, "正文中");
    if (f_.text_categories.empty()) return;
    if (f_.score_table.empty()) {
      // Their sum against the text's own total.
      if (f_.text_total.empty()) return;
      double sum = 0;
      for (const CategoryFact& c : f_.text_categories) {
        if (!c.score) return;
        sum += c.score->value;
      }
      if (f_.execution_row && f_.execution_row->score) sum += f_.execution_row->score->value;
      const Stated& total = f_.text_total.front();
      if (!total_agrees(sum, total)) {
        add("total_mismatch", Severity::error, total.quote,
            "总分写为" + num(total) + "分，正文所列各一级指标得分之和为" + num(sum) + "分");
      }
      return;
    }
    std::vector<const CategoryFact*> text, table;
    for (const CategoryFact& c : f_.text_categories) {
      if (!c.execution) text.push_back(&c);
    }
    for (const CategoryFact& c : f_.score_table) {
      if (!c.execution) table.push_back(&c);
    }
    // The text lists the table's categories in order when it has as many and
    // every score agrees by position (report 000): then differing names are
    // labels that differ. Otherwise categories pair by name.
    bool by_position = text.size() == table.size() && !text.empty();
    for (size_t i = 0; by_position && i < text.size(); ++i) {
      if (!text[i]->score || !table[i]->score || !same_figure(*text[i]->score, *table[i]->score)) {
        by_position = false;
      }
    }
    if (by_position) {
      std::string pairs;
      for (size_t i = 0; i < text.size(); ++i) {
        if (category_core(text[i]->name) == category_core(table[i]->name)) continue;
        pairs += (pairs.empty() ? "" : "；") + std::string("“") + text[i]->name + "”（" +
                 num(*text[i]->score) + "分）对应评分表的“" + table[i]->name + "”";
      }
      if (!pairs.empty()) {
        add("label_mismatch", Severity::warning, text.front()->quote,
            "正文中的一级指标名称与评分表不一致：" + pairs);
      }
      return;
    }
    for (const CategoryFact* t : text) {
      for (const CategoryFact* c : table) {
        if (category_core(c->name) != category_core(t->name)) continue;
        if (t->score && c->score && !same_figure(*t->score, *c->score)) {
          add("figure_stated_twice", Severity::error, t->quote,
              "“" + t->name + "”得分在正文中为" + num(*t->score) + "分，评分表中为" +
                  num(*c->score) + "分");
        }
        if (t->weight && c->weight && !same_figure(*t->weight, *c->weight)) {
          add("figure_stated_twice", Severity::error, t->quote,
              "“" + t->name + "”分值在正文中为" + num(*t->weight) + "分，评分表中为" +
                  num(*c->weight) + "分");
        }
        break;
      }
    }
  }

  std::optional<Stated> table_total() const {
    if (f_.score_table_total && f_.score_table_total->score) return f_.score_table_total->score;
    if (f_.indicator_total && f_.indicator_total->score) return f_.indicator_total->score;
    return std::nullopt;
  }

  void totals_and_grades() {
    const std::optional<Stated> table = table_total();
    // The total stated again: in the text against the table, or twice in the text.
    for (size_t i = 0; i < f_.text_total.size(); ++i) {
      const Stated& t = f_.text_total[i];
      const Stated* other = table ? &*table : (i > 0 ? &f_.text_total.front() : nullptr);
      if (other && !same_figure(t, *other)) {
        add("figure_stated_twice", Severity::error, t.quote,
            "总分在此写为" + num(t) + "分，在" + (table ? "评分表" : "前文") + "中为" +
                num(*other) + "分");
      }
    }
    std::optional<Stated> total = table;
    if (!total && !f_.text_total.empty()) total = f_.text_total.front();
    if (!total) return;
    const core::GradeBand* band = r_.grade_for(total->value);
    if (!band) return;
    const auto check = [&](const GradeStatement& g) {
      if (g.grade != band->label) {
        add("grade_mismatch", Severity::error, g.quote,
            "评价等级写为“" + g.grade + "”，总分" + num(*total) + "分按规则集“" + r_.name +
                "”应为“" + band->label + "”");
      }
    };
    if (f_.table_grade) check(*f_.table_grade);
    for (const GradeStatement& g : f_.text_grade) check(g);
  }

  void execution() {
    // A department's execution is its 决算支出 against its budget (rules.md §5).
    const std::vector<Stated>& spent = f_.executed.empty() ? f_.final_expenditure : f_.executed;
    if (spent.empty()) return;
    const Stated& x = spent.front();
    const Stated* den = nullptr;
    const char* den_name = "预算资金";
    if (r_.execution_formula == core::ExecutionFormula::executed_over_received &&
        !f_.received.empty()) {
      den = &f_.received.front();
      den_name = "实际到位资金";
    } else if (!f_.budget.empty()) {
      den = &f_.budget.front();
    } else if (!f_.initial_budget.empty()) {
      den = &f_.initial_budget.front();
      den_name = "年初预算";
    }
    if (!den || den->value <= 0) return;
    const double rate = x.value / den->value * 100;
    for (const Stated& s : f_.execution_rate) {
      if (!agrees(rate, s)) {
        add("execution_rate_mismatch", Severity::error, s.quote,
            "预算执行率写为" + num(s) + "%，按实际支出" + num(x) + "万元÷" + den_name + num(*den) +
                "万元计算应为" + core::format_percent(rate / 100));
      }
    }
  }

  void stated_twice(const char* what, const std::vector<Stated>& list, const char* unit) {
    for (size_t i = 1; i < list.size(); ++i) {
      if (!same_figure(list[i], list.front())) {
        add("figure_stated_twice", Severity::error, list[i].quote,
            std::string(what) + "在此写为" + num(list[i]) + unit + "，前文为" + num(list.front()) +
                unit);
        return;
      }
    }
  }

  void sums() {
    for (const SumFact& s : f_.sums) {
      double v = 0;
      std::string parts;
      for (size_t i = 0; i < s.parts.size(); ++i) {
        const double p = s.parts[i].second.value;
        v += (s.difference && i > 0) ? -p : p;
        if (i > 0) parts += s.difference ? "−" : "+";
        parts += s.parts[i].first + num(s.parts[i].second);
      }
      int decimals = s.total.decimals;
      for (const auto& p : s.parts) decimals = std::max(decimals, p.second.decimals);
      v = core::round_half_up(v, decimals);
      if (!agrees(v, s.total)) {
        add("sum_mismatch", Severity::error, s.total.quote,
            s.label + "写为" + num(s.total) + s.unit + "，" + parts + "=" + show(v, decimals) +
                s.unit);
      }
    }
  }

  void shares() {
    for (const ShareFact& s : f_.shares) {
      if (s.whole.value <= 0) continue;
      const double share = s.part.value / s.whole.value * 100;
      if (!agrees(share, s.share)) {
        add("share_mismatch", Severity::error, s.share.quote,
            s.part_name + "占" + s.whole_name + "的比例写为" + num(s.share) + "%，按" +
                num(s.part) + "÷" + num(s.whole) + "计算应为" + core::format_percent(share / 100));
      }
    }
  }

  void department() {
    if (!f_.final_expenditure.empty() && !f_.initial_budget.empty() &&
        f_.initial_budget.front().value > 0) {
      const double fin = f_.final_expenditure.front().value;
      const double ini = f_.initial_budget.front().value;
      const double rate = (fin - ini) / ini * 100;
      for (const Stated& s : f_.difference_rate) {
        // A variance is often printed without its sign.
        if (!agrees(rate, s) && !agrees(std::fabs(rate), s)) {
          add("department_rate_mismatch", Severity::error, s.quote,
              "预决算差异率写为" + num(s) + "%，按(决算数" + num(fin) + "−年初预算数" + num(ini) +
                  ")÷年初预算数计算应为" + core::format_percent(rate / 100));
        }
      }
    }
    const Stated* base = !f_.expenditure_budget.empty() ? &f_.expenditure_budget.front()
                         : !f_.budget.empty()           ? &f_.budget.front()
                                                        : nullptr;
    if (!f_.carryover_total.empty() && base && base->value > 0) {
      const double rate = f_.carryover_total.front().value / base->value * 100;
      for (const Stated& s : f_.carryover_rate) {
        if (!agrees(rate, s)) {
          add("department_rate_mismatch", Severity::error, s.quote,
              "结转结余率写为" + num(s) + "%，按结转结余总额" + num(f_.carryover_total.front()) +
                  "÷支出预算数" + num(*base) + "计算应为" + core::format_percent(rate / 100));
        }
      }
    }
    if (f_.project_count && f_.grade_counts.size() >= 2) {
      double sum = 0;
      std::string parts;
      for (const auto& [g, n] : f_.grade_counts) {
        sum += n.value;
        parts += (parts.empty() ? "" : "+") + g + num(n);
      }
      if (std::fabs(sum - f_.project_count->value) > 1e-9) {
        add("grade_count_mismatch", Severity::error, f_.project_count->quote,
            "项目数写为" + num(*f_.project_count) + "个，按等级分列的项目数" + parts + "=" +
                num(sum) + "个");
      }
    }
  }

  void unreadable() {
    for (const UnreadableValue& u : f_.unreadable) {
      add("unparseable_value", Severity::warning, u.quote,
          "数值「" + u.value + "」无法识别（可能是笔误），请核对");
    }
  }

  // Shortfalls: indicator rows and text targets whose actual is short.
  std::vector<std::string> shortfalls(bool outputs_only) const {
    std::vector<std::string> out;
    for (const IndicatorFact& i : f_.indicators) {
      if (i.category || i.path.empty()) continue;
      if (outputs_only && (i.path.front().find("效益") != std::string::npos ||
                           i.path.front().find("满意") != std::string::npos)) {
        continue;
      }
      const core::Value t = core::parse_target(i.target);
      const core::Value a = core::parse_value(i.actual);
      if (t.kind != core::ValueKind::number || a.kind != core::ValueKind::number) continue;
      core::Compared c;
      if (!core::comparable_numbers(t, a, c)) continue;
      const double tv = c.t;
      const double av = c.a;
      const bool lower = t.op == core::Op::le || t.op == core::Op::lt;
      if (a.op != core::Op::none && a.op != core::Op::eq) continue;  // "≥90%" as an actual
      if (lower ? av > tv + 1e-9 : av < tv - 1e-9) {
        out.push_back("“" + i.path.back() + "”目标" + i.target + "，实际" + i.actual);
      }
    }
    for (const TextTarget& t : f_.targets) {
      if (t.op != core::Op::ge) continue;
      // The key: the last two characters of the target's noun ("周报").
      const std::string key = last_chars(t.noun, 2);
      double best = -1;
      for (const TextActual& a : f_.actuals) {
        if (a.unit != t.unit || a.before.find(key) == std::string::npos) continue;
        best = std::max(best, a.value);
      }
      if (best >= 0 && best < t.value - 1e-9) {
        out.push_back("“" + t.noun + "”目标不少于" + num(t.value) + t.unit + "，实际" + num(best) +
                      t.unit);
      }
    }
    return out;
  }

  static std::string last_chars(const std::string& s, size_t n) {
    std::vector<size_t> starts;
    size_t i = 0;
    while (i < s.size()) {
      starts.push_back(i);
      core::text::next_code_point(s, i);
    }
    if (starts.size() <= n) return s;
    return s.substr(starts[starts.size() - n]);
  }

  void claims() {
    if (f_.claims.empty()) return;
    for (const Claim& c : f_.claims) {
      const bool outputs = c.quote.find("产出") != std::string::npos;
      const std::vector<std::string> short_of = shortfalls(outputs);
      if (short_of.empty()) continue;
      std::string list;
      for (size_t i = 0; i < short_of.size() && i < 3; ++i) list += (i ? "；" : "") + short_of[i];
      add("claim_contradicts_figures", Severity::warning, c.quote,
          "正文称目标已达到，但" + list + "，未达到目标");
    }
  }

  // Whether a stated total is the parts' sum, or that sum as the rules rescale
  // it (not-applicable indicators left out) or cap it when the engine did so
  // with the report's indicator table.
  bool total_agrees(double parts, const Stated& stated) const {
    if (agrees(core::round_half_up(parts, 4), stated)) return true;
    if (engine_ == nullptr || (!engine_->rescaled && !engine_->cap)) return false;
    double total = parts;
    if (engine_->rescaled && engine_->applicable_weight > 0) {
      total = core::round_half_up(parts * r_.total / engine_->applicable_weight, r_.decimals);
    }
    if (engine_->cap && total > *engine_->cap) total = *engine_->cap;
    return agrees(total, stated);
  }

  const Facts& f_;
  const core::RuleSet& r_;
  const core::ScoreCard* engine_;
  std::vector<AuditFinding> out_;
};

}  // namespace

bool is_audit_code(std::string_view code) {
  for (std::string_view c :
       {"total_mismatch", "score_rate_mismatch", "score_exceeds_weight", "stated_score_differs",
        "execution_rate_mismatch", "grade_mismatch", "sum_mismatch", "share_mismatch",
        "figure_stated_twice", "label_mismatch", "claim_contradicts_figures", "unparseable_value",
        "department_rate_mismatch", "grade_count_mismatch"}) {
    if (code == c) return true;
  }
  return false;
}

std::vector<AuditFinding> check_facts(const Facts& facts, const core::RuleSet& rules,
                                      const core::ScoreCard* engine) {
  return Checker(facts, rules, engine).run();
}

}  // namespace jixiao::audit
