#include "audit/facts.h"

#include <algorithm>

#include "audit/numbers.h"
#include "audit/sentences.h"
#include "audit/tables.h"
#include "audit/wording.h"
#include "core/text.h"
#include "office/table_layout.h"

namespace jixiao::audit {
namespace {

int year_of(std::string_view s) {
  for (const Number& n : numbers_in(s)) {
    if (n.unit == "年" && n.decimals == 0 && n.value >= 1990 && n.value <= 2100) {
      return static_cast<int>(n.value);
    }
  }
  return 0;
}

}  // namespace

std::string category_core(std::string_view name) {
  std::string s = office::squash(name);
  for (std::string_view head : {"项目", "部门"}) {
    if (starts(s, head) && s.size() > head.size()) s = s.substr(head.size());
  }
  for (std::string_view tail : {"情况", "指标", "方面"}) {
    if (s.ends_with(tail) && s.size() > tail.size()) s.resize(s.size() - tail.size());
  }
  return s;
}

int Facts::indicator_count() const {
  int n = 0;
  for (const IndicatorFact& i : indicators) {
    if (!i.category && (!i.target.empty() || !i.actual.empty())) ++n;
  }
  return n;
}

Facts extract_facts(const Document& doc) {
  Facts f;
  // The title: the first paragraphs up to the one naming the report.
  for (const Block& b : doc.blocks) {
    if (b.is_table) break;
    const std::string_view t = core::text::trim(b.text);
    if (t.empty()) {
      if (!f.title.empty()) break;
      continue;
    }
    if (t.size() > 200) break;
    f.title += t;
    if (has(t, "报告") || has(t, "自评表") || f.title.size() > 150) break;
  }
  // No title line: the project named in quotes at the start ("对“北京12345企业服务平台”项目…").
  for (size_t i = 0; f.title.empty() && i < doc.blocks.size() && i < 5; ++i) {
    const std::string& t = doc.blocks[i].text;
    const size_t open = t.find("“");
    const size_t close = open == std::string::npos ? open : t.find("”", open);
    if (close == std::string::npos) continue;
    const std::string name = t.substr(open + 3, close - open - 3);
    const size_t chars = core::text::code_points(name);
    if (chars >= 4 && chars <= 40) f.title = name;
  }
  std::string all;
  for (const Block& b : doc.blocks) {
    if (!b.is_table) all += b.text, all += '\n';
  }
  f.self_evaluation =
      has(f.title, "自评") || has(all, "自评打分") || has(all, "自评得分") || has(all, "自评总分");
  f.department = has(f.title, "部门整体") || has(all, "部门整体支出");

  SentenceReader reader(f);
  std::string project_title;  // from a 项目名称 row
  std::string heading;        // the last heading-like paragraph
  for (const Block& b : doc.blocks) {
    if (b.is_table) {
      read_table(b, f, [&](const Row& r) {
        const std::string q = row_text(r);
        reader.read(q, q);
        // The official table names its project in a field row.
        if (r.cells.size() >= 2 && project_title.empty()) {
          const std::string label = office::squash(r.cells[0]);
          if (label == "项目名称" || label == "部门（单位）名称" || label == "部门名称") {
            project_title = std::string(core::text::trim(r.cells[1]));
          }
        }
      });
      continue;
    }
    std::string_view text = core::text::trim(b.text);
    // Bookmarks in text exported from Word: "[bookmark: _Toc169183181]".
    while (starts(text, "[bookmark:")) {
      const size_t close = text.find(']');
      if (close == std::string_view::npos) break;
      text = core::text::trim(text.substr(close + 1));
    }
    if (text.empty()) continue;
    const std::vector<std::string_view> parts = sentences(text);
    bool category = false;
    if (parts.size() >= 2 && looks_like_heading(parts[0])) {
      category = heading_category(parts[0], text.substr(parts[1].data() - text.data()),
                                  std::string(text), f);
    } else if (!heading.empty()) {
      category = heading_category(heading, text, std::string(text), f);
    }
    for (std::string_view s : parts) {
      if (!category) reader.read(s, std::string(s));
      reader.previous_sentence = std::string(s);
    }
    heading = looks_like_heading(text) ? std::string(text) : std::string();
  }
  reader.finish();
  if (!project_title.empty() && (f.title.empty() || has(f.title, "自评表"))) {
    f.title = project_title;
  }
  // The budget year: the title's, else the one the money is stated for.
  f.year = year_of(f.title);
  for (const std::vector<Stated>* money : {&f.budget, &f.executed, &f.initial_budget}) {
    if (f.year == 0 && !money->empty()) f.year = year_of(money->front().quote);
  }
  if (f.year == 0) f.year = year_of(all.substr(0, std::min<size_t>(all.size(), 4000)));
  // A 预算执行率 row of the indicator table is the budget row of its own when
  // the score table lists the execution apart, or, with no score table, when
  // the row names no category above it (report 002); otherwise it is a leaf
  // of the category it stands in (a 过程 indicator of the evaluation framework).
  bool score_table_execution = false;
  for (const CategoryFact& c : f.score_table) score_table_execution |= c.execution;
  for (auto it = f.indicators.begin(); it != f.indicators.end(); ++it) {
    if (!it->execution) continue;
    const bool budget_row =
        score_table_execution || (f.score_table.empty() && !it->explicit_parent);
    if (!budget_row) continue;
    IndicatorFact x = *it;
    x.path = {x.path.empty() ? std::string("预算执行率") : x.path.back()};
    f.execution_row = x;
    f.indicators.erase(it);
    break;
  }
  for (const IndicatorFact& i : f.indicators) {
    for (const std::string* v : {&i.target, &i.actual}) {
      if (core::parse_value(*v).kind == core::ValueKind::invalid) {
        f.unreadable.push_back({*v, i.quote});
      }
    }
  }
  if (f.execution_row) {
    for (const std::string* v : {&f.execution_row->target, &f.execution_row->actual}) {
      if (v->empty()) continue;
      if (core::parse_value(*v).kind == core::ValueKind::invalid) {
        f.unreadable.push_back({*v, f.execution_row->quote});
      } else if (v == &f.execution_row->actual) {
        // The execution rate the table states.
        const std::vector<Number> nums = numbers_in(*v);
        if (nums.size() == 1 && nums[0].unit == "%") {
          f.execution_rate.push_back(stated(nums[0], f.execution_row->quote));
        }
      }
    }
  }
  return f;
}

}  // namespace jixiao::audit
