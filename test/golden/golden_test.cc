// Runs the golden scoring cases in test/golden/**/*.case: readable data
// files with the indicators as a table and the expected scores, totals and
// findings (format in test/golden/README.md).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/decimal.h"
#include "core/engine.h"
#include "core/text.h"
#include "format/evaluation_reader.h"
#include "format/rule_set_json.h"
#include "test/support/file_text.h"
#include "test/support/value_compare.h"

namespace jixiao {
namespace {

namespace fs = std::filesystem;
using core::Evaluation;

std::vector<std::string> split_cells(const std::string& line) {
  std::vector<std::string> cells;
  std::string cell;
  // "| a | b |" → {"a", "b"}; a cell may contain "\|" for a literal bar.
  for (size_t i = 1; i < line.size(); ++i) {
    if (line[i] == '\\' && i + 1 < line.size() && line[i + 1] == '|') {
      cell += '|';
      ++i;
    } else if (line[i] == '|') {
      cells.emplace_back(core::text::trim(cell));
      cell.clear();
    } else {
      cell += line[i];
    }
  }
  return cells;
}

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::string part;
  for (char c : path) {
    if (c == '/') {
      parts.push_back(part);
      part.clear();
    } else {
      part += c;
    }
  }
  parts.push_back(part);
  for (auto& p : parts) p = std::string(core::text::trim(p));
  return parts;
}

std::string join(const std::vector<std::string>& parts) {
  std::string s;
  for (const auto& p : parts) s += (s.empty() ? "" : "/") + p;
  return s;
}

std::optional<double> number(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return std::stod(s);
}

std::vector<std::pair<std::string, std::string>> key_values(std::istringstream& in) {
  std::vector<std::pair<std::string, std::string>> kv;
  std::string item;
  while (in >> item) {
    const size_t eq = item.find('=');
    if (eq != std::string::npos) kv.emplace_back(item.substr(0, eq), item.substr(eq + 1));
  }
  return kv;
}

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  int column(const std::string& name) const {
    for (size_t i = 0; i < header.size(); ++i) {
      if (header[i] == name) return static_cast<int>(i);
    }
    return -1;
  }
  std::string cell(const std::vector<std::string>& row, const std::string& name) const {
    const int c = column(name);
    return c >= 0 && c < static_cast<int>(row.size()) ? row[c] : "";
  }
};

struct Case {
  std::string title;
  std::string rules = "national-2020";
  nlohmann::json overrides = nlohmann::json::object();
  std::string input;  // a JSON evaluation file, instead of the table
  Evaluation evaluation;
  Table indicators;
  Table scores;
  Table findings;
  bool expect_no_findings = false;
  std::map<std::string, std::string> expect;  // total, grade, raw_total, …
  std::vector<std::vector<std::string>> categories;
};

// Adds an indicator row at `path`, creating its categories. Rows come in
// tree order, so a parent is always on the path to the last node.
int place(Evaluation& e, const std::vector<std::string>& path) {
  int parent = -1;
  for (size_t level = 0; level < path.size(); ++level) {
    int found = -1;
    for (int i = static_cast<int>(e.indicators.size()) - 1; i >= 0; --i) {
      if (e.indicators[i].parent == parent && e.indicators[i].name == path[level]) {
        found = i;
        break;
      }
    }
    if (found >= 0) {
      // Rows must come in tree order: a node is reused only while it is on
      // the path to the last row (otherwise the tree would not be pre-order).
      int p = static_cast<int>(e.indicators.size()) - 1;
      while (p != -1 && p != found) p = e.indicators[p].parent;
      if (p != found) {
        ADD_FAILURE() << "rows out of tree order at " << path[level];
        found = -1;
      }
    }
    if (found < 0 || level + 1 == path.size()) {
      if (found >= 0) return found;  // a category row naming an existing node
      core::Indicator node;
      node.name = path[level];
      found = e.add_indicator(std::move(node), parent);
    }
    parent = found;
  }
  return parent;
}

void fill(Evaluation& e, const Table& t) {
  for (const auto& row : t.rows) {
    const int i = place(e, split_path(t.cell(row, "指标")));
    core::Indicator& n = e.indicators[i];
    if (auto w = number(t.cell(row, "分值"))) n.weight = *w;
    n.target_text = t.cell(row, "年度指标值");
    n.actual_text = t.cell(row, "实际完成值");
    // As the file reader reads them (core::ValueReader, with its shortcuts), and
    // the same as parse_value reads them.
    static core::ValueReader reader;
    reader.read_target(n.target_text, n.target);
    reader.read(n.actual_text, n.actual);
    test::expect_same_value(n.target, core::parse_target(n.target_text), n.target_text);
    test::expect_same_value(n.actual, core::parse_value(n.actual_text), n.actual_text);
    if (auto s = t.cell(row, "填报得分"); !s.empty()) {
      n.stated_score = core::Figure{std::stod(s), core::decimals_of(s)};
    }
    n.note = t.cell(row, "偏差原因");
    if (auto k = t.cell(row, "计分方式"); !k.empty()) n.kind = *core::scoring_kind_from_code(k);
    if (auto p = number(t.cell(row, "每点扣分"))) n.per_point = *p;
    n.not_applicable = t.cell(row, "不适用") == "是";
    n.figure = t.cell(row, "部门指标");
    std::istringstream experts(t.cell(row, "专家评分"));
    for (std::string v; experts >> v;) {  // "/": the expert recused
      n.expert_scores.push_back(v == "/" ? std::nullopt : std::optional<double>(std::stod(v)));
    }
  }
}

Case read_case(const fs::path& file) {
  std::ifstream in(file);
  Case c;
  std::string line;
  Table* table = nullptr;
  bool expecting = false;
  while (std::getline(in, line)) {
    const std::string trimmed(core::text::trim(line));
    if (trimmed.empty()) {
      table = nullptr;
      continue;
    }
    if (trimmed[0] == '#') {
      if (c.title.empty()) c.title = std::string(core::text::trim(trimmed.substr(1)));
      continue;
    }
    if (trimmed[0] == '|') {
      std::vector<std::string> cells = split_cells(trimmed);
      if (!cells.empty() && cells[0].find("---") == 0) continue;
      if (expecting && cells[0] == "code") table = nullptr;  // a findings table starts
      if (table == nullptr) {
        if (!expecting) {
          table = &c.indicators;
        } else if (cells[0] == "code") {
          table = &c.findings;
        } else {
          table = &c.scores;
        }
        table->header = cells;
        continue;
      }
      table->rows.push_back(cells);
      continue;
    }
    table = nullptr;
    std::istringstream words(trimmed);
    std::string word;
    words >> word;
    if (word == "expect") {
      expecting = true;
    } else if (!expecting && word == "rules") {
      words >> c.rules;
    } else if (!expecting && word == "set") {
      std::string key;
      std::string value;
      words >> key;
      std::getline(words, value);
      nlohmann::json* node = &c.overrides;
      size_t start = 0;  // dotted keys: over_achievement.deduct_at
      for (size_t dot; (dot = key.find('.', start)) != std::string::npos; start = dot + 1) {
        node = &(*node)[key.substr(start, dot - start)];
      }
      node = &(*node)[key.substr(start)];
      *node = nlohmann::json::parse(value);
    } else if (!expecting && word == "input") {
      words >> c.input;
    } else if (!expecting && word == "year") {
      words >> c.evaluation.year;
    } else if (!expecting && word == "kind") {
      words >> word;
      c.evaluation.kind = *core::evaluation_kind_from_text(word);
    } else if (!expecting && word == "budget") {
      std::map<std::string, std::string> kv;
      for (auto& [k, v] : key_values(words)) kv[k] = v;
      core::Budget& b = c.evaluation.budget.emplace();
      if (kv.count("initial")) b.initial = std::stod(kv["initial"]);
      if (kv.count("adjusted")) b.adjusted = std::stod(kv["adjusted"]);
      if (kv.count("executed")) b.executed = std::stod(kv["executed"]);
      if (kv.count("received")) b.received = std::stod(kv["received"]);
      if (kv.count("weight")) b.weight = std::stod(kv["weight"]);
      if (kv.count("stated_rate")) b.stated_rate = kv["stated_rate"];
      if (kv.count("target_rate")) b.target_rate = kv["target_rate"];
      if (kv.count("stated_score")) {
        b.stated_score =
            core::Figure{std::stod(kv["stated_score"]), core::decimals_of(kv["stated_score"])};
      }
    } else if (!expecting && word == "department") {
      auto kv = key_values(words);
      core::DepartmentData& d =
          c.evaluation.department ? *c.evaluation.department : c.evaluation.department.emplace();
      const std::map<std::string, std::optional<double> core::DepartmentData::*> fields = {
          {"initial_budget", &core::DepartmentData::initial_budget},
          {"adjusted_budget", &core::DepartmentData::adjusted_budget},
          {"final_expenditure", &core::DepartmentData::final_expenditure},
          {"carryover", &core::DepartmentData::carryover},
          {"staff_actual", &core::DepartmentData::staff_actual},
          {"staff_quota", &core::DepartmentData::staff_quota},
      };
      for (const auto& [k, v] : kv) {
        if (k == "project") {
          // project=甲:91.5 (its total) or project=戊:优秀 (only its grade)
          const size_t colon = v.find(':');
          const std::string after = v.substr(colon + 1);
          const bool total = !after.empty() && (std::isdigit(static_cast<unsigned char>(after[0])));
          d.projects.push_back({v.substr(0, colon),
                                total ? std::optional<double>(std::stod(after)) : std::nullopt,
                                total ? "" : after});
        } else {
          d.*(fields.at(k)) = std::stod(v);
        }
      }
    } else if (!expecting && word == "stated") {
      words >> word;
      std::string value;
      words >> value;
      if (word == "total") {
        c.evaluation.stated_total = core::Figure{std::stod(value), core::decimals_of(value)};
      } else if (word == "grade") {
        c.evaluation.stated_grade = value;
      }
    } else if (!expecting && word == "experts") {
      for (std::string name; words >> name;) c.evaluation.experts.push_back(name);
    } else if (!expecting && word == "panel_method") {
      words >> word;
      c.evaluation.panel_method =
          word == "mean" ? core::PanelMethod::mean : core::PanelMethod::trimmed_mean;
    } else if (expecting && word == "findings") {
      words >> word;
      c.expect_no_findings = word == "none";
    } else if (expecting && word == "category") {
      std::vector<std::string> parts;
      for (std::string p; words >> p;) parts.push_back(p);
      c.categories.push_back(parts);
    } else if (expecting) {
      std::string value;
      std::getline(words, value);
      c.expect[word] = std::string(core::text::trim(value));
    } else {
      ADD_FAILURE() << file << ": unknown line: " << line;
    }
  }
  return c;
}

std::vector<fs::path> case_files() {
  std::vector<fs::path> files;
  for (const auto& entry :
       fs::recursive_directory_iterator(fs::path(JIXIAO_SOURCE_DIR) / "test/golden")) {
    if (entry.path().extension() == ".case") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The case's rule set, with its overrides ("set checks.tolerance 0.01").
Result<core::RuleSet> rules_of(const Case& c) {
  nlohmann::json rules_json = nlohmann::json::parse(format::builtin_rule_set_json(c.rules));
  rules_json.merge_patch(c.overrides);
  return format::rule_set_from_json(rules_json.dump(), c.rules);
}

class Golden : public testing::TestWithParam<fs::path> {};

TEST_P(Golden, Scores) {
  Case c = read_case(GetParam());
  SCOPED_TRACE(GetParam().string() + " — " + c.title);
  Evaluation e;
  if (!c.input.empty()) {
    Result<Evaluation> parsed = format::parse_evaluation(test::source_file(c.input), c.input);
    ASSERT_TRUE(parsed.ok()) << parsed.status().message();
    e = std::move(*parsed);
  } else {
    e = std::move(c.evaluation);
    e.title = c.title;
    fill(e, c.indicators);
  }
  const Result<core::RuleSet> rules = rules_of(c);
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  const core::ScoreCard card = core::score(e, *rules);

  std::map<std::string, int> by_path;
  for (int i = 0; i < static_cast<int>(e.indicators.size()); ++i) by_path[join(e.path(i))] = i;

  for (const auto& row : c.scores.rows) {
    const std::string path = c.scores.cell(row, "指标");
    ASSERT_TRUE(by_path.count(path)) << "no indicator " << path;
    const int i = by_path[path];
    const std::string expected = c.scores.cell(row, "得分");
    const std::string actual =
        card.nodes[i].scored ? core::format_number(card.nodes[i].score) : "—";
    EXPECT_EQ(actual, expected) << path;
    const std::string why = c.scores.cell(row, "说明");
    if (!why.empty()) {
      EXPECT_EQ(core::explain(e, card, i, *rules), why) << path;
    }
    const std::string kind = c.scores.cell(row, "计分方式");
    if (!kind.empty()) {
      EXPECT_EQ(core::scoring_kind_code(card.nodes[i].kind), kind) << path;
    }
  }
  for (const auto& [key, value] : c.expect) {
    if (key == "total") {
      EXPECT_EQ(core::format_number(card.total), value)
          << "total: " << core::explain_total(card, *rules);
    } else if (key == "raw_total") {
      EXPECT_EQ(core::format_number(card.raw_total), value);
    } else if (key == "grade") {
      EXPECT_EQ(card.grade, value);
    } else if (key == "weight") {
      EXPECT_EQ(core::format_number(card.weight), value);
    } else if (key == "rescaled") {
      EXPECT_EQ(card.rescaled ? "yes" : "no", value);
    } else if (key == "cap") {
      EXPECT_EQ(card.cap ? core::format_number(*card.cap) : "none", value);
    } else if (key == "execution_rate") {
      EXPECT_EQ(core::format_percent(card.execution.rate), value);
    } else if (key == "execution_score") {
      EXPECT_EQ(core::format_number(card.execution.score), value);
    } else if (key == "execution_explanation") {
      EXPECT_EQ(core::explain_execution(card), value);
    } else if (key == "figure") {
      std::istringstream words(value);
      std::string code;
      std::string expected;
      words >> code >> expected;
      const core::DepartmentFigure* f = core::find_figure(card.department_figures, code);
      ASSERT_NE(f, nullptr) << code;
      EXPECT_EQ(core::format_percent(f->value), expected) << code;
    } else if (key == "project_grades") {
      ASSERT_TRUE(card.project_grades.has_value());
      std::string got;
      for (size_t k = 0; k < card.project_grades->labels.size(); ++k) {
        got += (got.empty() ? "" : " ") + card.project_grades->labels[k] + "=" +
               std::to_string(card.project_grades->counts[k]);
      }
      EXPECT_EQ(got, value);
    } else {
      ADD_FAILURE() << "unknown expectation " << key;
    }
  }
  for (const auto& parts : c.categories) {
    ASSERT_GE(parts.size(), 2u);
    ASSERT_TRUE(by_path.count(parts[0])) << parts[0];
    const auto& node = card.nodes[by_path[parts[0]]];
    EXPECT_EQ(core::format_number(node.score), parts[1]) << parts[0];
    if (parts.size() > 2) {
      EXPECT_EQ(core::format_percent(node.score / node.applicable_weight), parts[2]) << parts[0];
    }
  }

  // Findings: exactly the expected (code, path) pairs — no false alarms.
  if (c.expect_no_findings || !c.findings.rows.empty()) {
    const std::vector<core::Finding> found_findings = core::findings(e, card, *rules);
    std::multiset<std::string> expected;
    std::multiset<std::string> actual;
    for (const auto& row : c.findings.rows) {
      expected.insert(c.findings.cell(row, "code") + " @ " + c.findings.cell(row, "指标"));
    }
    for (const auto& f : found_findings) actual.insert(f.code + " @ " + join(f.path));
    EXPECT_EQ(actual, expected) << [&] {
      std::string all;
      for (const auto& f : found_findings)
        all += "\n  " + f.code + " " + join(f.path) + ": " + f.message;
      return "findings were:" + all;
    }();
    for (const auto& row : c.findings.rows) {
      const std::string needle = c.findings.cell(row, "信息包含");
      const std::string severity = c.findings.cell(row, "级别");
      bool found = false;
      for (const auto& f : found_findings) {
        if (f.code != c.findings.cell(row, "code") ||
            join(f.path) != c.findings.cell(row, "指标")) {
          continue;
        }
        if (!needle.empty() && f.message.find(needle) == std::string::npos) continue;
        if (!severity.empty() && core::severity_label(f.severity) != severity) continue;
        found = true;
      }
      EXPECT_TRUE(found) << "finding " << c.findings.cell(row, "code")
                         << " with message containing '" << needle << "' and severity '" << severity
                         << "'";
    }
  }
}

// A cell says the same with a stop that closes it, with a remark that points
// elsewhere ("（详见附件）", "，见附表2") or says it was checked ("（经核实）"), after its
// column's name ("完成情况："), with spaces beside its figures ("2024 年 12 月"), with its
// clauses parted by line breaks (Alt+Enter in Excel) or semicolons, a target with
// its sign in words or ASCII ("不超过上年", "<=2024年10月", "95%以上", "控制在批复概算以内"),
// in full-width digits and signs, with ASCII commas and brackets, or in traditional
// characters (normalized as text::normalize knows them); an actual that begins with a figure says
// the same after the time it is counted to ("截至2024年底，"), the words of the year's whole (全年,
// 累计), of the actual (实际完成) or of a figure reached (达到); an amount in 万元 says the same in
// 元 or 亿元, and a count of ten thousand in 万 or in full: every table case scores alike and finds
// alike written so (before, "7月。" against "9月前" was unreadable, and "10人未培训。" or
// "１０人未培训" lost the reason it was the evaluator's).
std::string with_closing_stop(const std::string& s) {
  return s.empty() ? s : s + "。";
}

std::string with_field_label(const std::string& s) {
  return s.empty() ? s : "完成情况：" + s;
}

std::string with_spaces_beside_figures(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool digit = s[i] >= '0' && s[i] <= '9';
    const bool digit_next = i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '9';
    const bool wide = static_cast<unsigned char>(s[i]) >= 0x80;
    const bool wide_next = i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0xC0;
    out += s[i];
    if ((digit && (wide_next || (i + 1 < s.size() && s[i + 1] == '%'))) || (wide && digit_next)) {
      out += ' ';
    }
  }
  return out;
}

// Whether the cell writes a date: 年 or 月 in it, or four digits before a dot, a dash
// or a slash ("2024.12", "2024-12", "2024/12").
bool writes_a_date(std::string_view s) {
  if (s.find("年") != std::string_view::npos || s.find("月") != std::string_view::npos) return true;
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  for (size_t i = 0; i + 4 < s.size(); ++i) {
    if ((i == 0 || !digit(s[i - 1])) && digit(s[i]) && digit(s[i + 1]) && digit(s[i + 2]) &&
        digit(s[i + 3]) &&
        (s[i + 4] == '.' || s[i + 4] == '-' || s[i + 4] == '/' || s[i + 4] == 'Q')) {
      return true;
    }
  }
  return false;
}

// Whether the cell begins with a figure that is no date ("120人", "98%，故障率2%"; not "7月",
// "2024.12", "20241030"): words before it say when or that it is the actual.
bool begins_with_figure(const std::string& s) {
  return !s.empty() && s[0] >= '0' && s[0] <= '9' && !writes_a_date(s);
}

std::string as_counted_to(const std::string& s) {
  return begins_with_figure(s) ? "截至2024年底，" + s : s;
}

std::string as_the_years_whole(const std::string& s) {
  return begins_with_figure(s) ? "全年累计" + s : s;
}

// Not before a whole whose part the cell says is done ("10个项目，完成8个": 实际完成
// would say the ten were).
std::string as_the_actual(const std::string& s) {
  return begins_with_figure(s) && s.find("完成") == std::string::npos ? "实际完成" + s : s;
}

// About a figure or a date is the figure or the date ("约95%", "约2024年11月"); not
// before a year that says when a figure was ("2024年共开展培训2期").
std::string as_about(const std::string& s) {
  const bool year_first =
      s.size() > 4 && s.substr(4).starts_with("年") && s.find("月") == std::string::npos;
  return !s.empty() && s[0] >= '0' && s[0] <= '9' && !year_first ? "约" + s : s;
}

std::string as_reached(const std::string& s) {
  return begins_with_figure(s) ? "达到" + s : s;
}

// A target's date as the plan's ("计划2024年12月前", "计划2024.12"): a target is one
// (not twice: "2024年12月（计划）").
std::string as_planned(const std::string& s) {
  const bool date = !s.empty() && s[0] >= '0' && s[0] <= '9' && writes_a_date(s);
  return date && s.find("计划") == std::string::npos ? "计划" + s : s;
}

// A target's leading ≥ or ≤ in words, or in ASCII.
std::string with_sign_as(const std::string& s, const char* at_least, const char* at_most) {
  if (s.starts_with("≥")) return at_least + s.substr(std::string_view("≥").size());
  if (s.starts_with("≤")) return at_most + s.substr(std::string_view("≤").size());
  return s;
}

std::string with_sign_in_words(const std::string& s) {
  return with_sign_as(s, "不低于", "不超过");
}

// A target of one clause that begins with ≥ or ≤, a figure after its sign: no date, no
// second clause or bound.
bool one_figure_after_sign(const std::string& s) {
  const std::string rest = s.substr(std::string_view("≥").size());
  for (const char* not_one : {"，", ",", "且", "以", "≥", "≤", "年", "月", "前", "内"}) {
    if (rest.find(not_one) != std::string::npos) return false;
  }
  return rest.find_first_of("0123456789") != std::string::npos;
}

// Such a target's sign after its figure: "95%以上", "500元/人以内".
std::string with_sign_after(const std::string& s) {
  if (!(s.starts_with("≥") || s.starts_with("≤")) || !one_figure_after_sign(s)) return s;
  const std::string figure = s.substr(std::string_view("≥").size());
  if (s.starts_with("≥")) return figure + "以上";
  if (s.starts_with("≤")) return figure + "以内";
  return s;
}

// A target's sign in other words: "大于等于95%", a ceiling of no date "控制在批复概算以内".
std::string with_sign_around(const std::string& s) {
  if (s.starts_with("≤") && s.find("年") == std::string::npos &&
      s.find("，") == std::string::npos) {
    return "控制在" + s.substr(std::string_view("≤").size()) + "以内";
  }
  return with_sign_as(s, "大于等于", "≤");
}

std::string with_sign_in_ascii(const std::string& s) {
  return with_sign_as(s, ">=", "<=");
}

// Each "，" of the cell as `mark`.
std::string with_clauses_parted_by(const std::string& s, std::string_view mark) {
  std::string out = s;
  const std::string_view comma = "，";
  for (size_t at = out.find(comma); at != std::string::npos;
       at = out.find(comma, at + mark.size())) {
    out.replace(at, comma.size(), mark);
  }
  return out;
}

std::string with_lines_for_clauses(const std::string& s) {
  return with_clauses_parted_by(s, "\n");
}

std::string with_semicolons_for_clauses(const std::string& s) {
  return with_clauses_parted_by(s, "；");
}

std::string with_remark_on_a_line(const std::string& s) {
  return s.empty() ? s : s + "\n（经核实）";
}

std::string with_target_column(const std::string& s) {
  return s.empty() ? s : "年度指标值：" + s;
}

std::string with_pointer(const std::string& s) {
  return s.empty() ? s : s + "（详见附件）";
}

std::string with_pointer_after_comma(const std::string& s) {
  return s.empty() ? s : s + "，见附表2";
}

std::string with_checked(const std::string& s) {
  return s.empty() ? s : s + "（经核实）";
}

std::string with_checked_after_comma(const std::string& s) {
  return s.empty() ? s : s + "，已现场核查";
}

// The decimal `digits` (no sign, maybe a point) times 10^`shift`, written without
// trailing zeros after a point ("480" at -4 is "0.048", "1.5" at 4 is "15000").
std::string shifted(std::string digits, int shift) {
  size_t point = digits.find('.');
  if (point == std::string::npos) point = digits.size();
  std::string whole = digits.substr(0, point);
  std::string fraction = point < digits.size() ? digits.substr(point + 1) : "";
  std::string all = whole + fraction;
  int at = static_cast<int>(whole.size()) + shift;
  while (at > static_cast<int>(all.size())) all += '0';
  while (at < 1) {
    all.insert(all.begin(), '0');
    ++at;
  }
  std::string out = all.substr(0, at);
  std::string rest = all.substr(at);
  while (!rest.empty() && rest.back() == '0') rest.pop_back();
  while (out.size() > 1 && out[0] == '0') out.erase(0, 1);
  return rest.empty() ? out : out + "." + rest;
}

// Each figure of `s` (digits, commas between them, a point) followed by `unit`, times
// 10^`shift` and followed by `as_unit`; the figures of a fraction or range before the unit
// ("480/500万元", "95-105万元") all so. With `at_least_10000`, only whole figures of five
// digits or more.
std::string with_units_as(const std::string& s, std::string_view unit, int shift,
                          std::string_view as_unit, bool at_least_10000 = false) {
  const auto is_digit = [&s](size_t at) { return at < s.size() && s[at] >= '0' && s[at] <= '9'; };
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    if (!is_digit(i) || (i > 0 && (is_digit(i - 1) || s[i - 1] == '.'))) {
      out += s[i++];
      continue;
    }
    std::vector<std::string> figures;  // each without its commas
    std::vector<char> between;         // the mark after each but the last
    size_t end = i;
    while (true) {
      std::string digits;
      while (is_digit(end) || s[end] == '.' || (s[end] == ',' && is_digit(end + 1))) {
        if (s[end] != ',') digits += s[end];
        ++end;
      }
      figures.push_back(digits);
      if (end + 1 < s.size() && (s[end] == '/' || s[end] == '-' || s[end] == '~') &&
          is_digit(end + 1)) {
        between.push_back(s[end++]);
        continue;
      }
      break;
    }
    bool scale = s.compare(end, unit.size(), unit) == 0;
    for (const std::string& figure : figures) {
      if (at_least_10000 && (figure.find('.') != std::string::npos || figure.size() < 5)) {
        scale = false;
      }
    }
    if (!scale) {
      out += s.substr(i, end - i);
      i = end;
      continue;
    }
    for (size_t k = 0; k < figures.size(); ++k) {
      out += shifted(figures[k], shift);
      if (k < between.size()) out += between[k];
    }
    out += as_unit;
    i = end + unit.size();
  }
  return out;
}

// Whether the cell is a figure alone, of no unit ("980", "≥5.2"), or two over a slash
// ("480/500"): it takes the other column's unit, which a rewrite of units in that
// column changes.
bool is_bare_figure(const std::string& s) {
  std::string_view rest = s;
  for (std::string_view sign : {"≥", "≤"}) {
    if (rest.starts_with(sign)) rest.remove_prefix(sign.size());
  }
  return !rest.empty() && rest.find_first_not_of("0123456789.,/") == std::string_view::npos;
}

std::string with_money_in_yuan(const std::string& s) {
  return with_units_as(s, "万元", 4, "元");
}

std::string with_money_in_yi(const std::string& s) {
  return with_units_as(s, "万元", -4, "亿元");
}

// Counts of ten thousand or more in 万 ("18000吨" as "1.8万吨"), and counts in 万 in full.
std::string with_counts_in_wan(const std::string& s) {
  std::string out = s;
  for (std::string_view unit : {"人", "吨", "户", "株", "亩", "个", "家", "册", "次", "件", "元"}) {
    out = with_units_as(out, unit, -4, "万" + std::string(unit), true);
  }
  return out;
}

std::string with_counts_in_full(const std::string& s) {
  std::string out = s;
  for (std::string_view unit : {"人", "吨", "户", "株", "亩", "个", "家", "册", "次", "件", "度"}) {
    out = with_units_as(out, "万" + std::string(unit), 4, unit);
  }
  return out;
}

// Each year and month written "2024年12月" as `mark` puts them between: "2024.12",
// "2024-12" (the month in two digits when `two_digits`). Not a month before its day
// ("2024年12月31日") nor, with a dash, a span's first month ("2024年9月-12月", whose dash
// would read as the day's).
std::string with_months_as(const std::string& s, std::string_view mark, bool two_digits) {
  const std::string_view year_word = "年";
  const std::string_view month_word = "月";
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  std::string out;
  size_t i = 0;
  for (size_t at = s.find(year_word); at != std::string::npos; at = s.find(year_word, at + 1)) {
    if (at < 4 || !digit(s[at - 1]) || !digit(s[at - 2]) || !digit(s[at - 3]) ||
        !digit(s[at - 4]) || (at > 4 && digit(s[at - 5]))) {
      continue;
    }
    size_t end = at + year_word.size();
    std::string month;
    while (end < s.size() && digit(s[end]) && month.size() < 3) month += s[end++];
    if (month.empty() || month.size() > 2 || s.compare(end, month_word.size(), month_word) != 0) {
      continue;
    }
    end += month_word.size();
    const std::string_view after = std::string_view(s).substr(end);
    if ((!after.empty() && digit(after[0])) ||
        (mark == "-" && (after.starts_with("-") || after.starts_with("至") ||
                         after.starts_with("到") || after.starts_with("~")))) {
      continue;
    }
    out.append(s, i, at - 4 - i);
    out.append(s, at - 4, 4);
    out += mark;
    if (two_digits && month.size() == 1) out += '0';
    out += month;
    i = end;
  }
  return out + s.substr(i);
}

std::string with_months_dotted(const std::string& s) {
  return with_months_as(s, ".", false);
}

std::string with_months_dashed(const std::string& s) {
  return with_months_as(s, "-", true);
}

std::string in_full_width(const std::string& s) {
  std::string out;
  for (char ch : s) {
    if ((ch >= '0' && ch <= '9') || ch == '%') {
      core::text::append_utf8(out, static_cast<char32_t>(ch) + 0xFEE0);
    } else {
      out += ch;
    }
  }
  return out;
}

std::string in_ascii_marks(const std::string& s) {
  std::string out = s;
  for (const auto& [wide, narrow] :
       {std::pair{std::string("，"), std::string(",")}, {"（", "("}, {"）", ")"}}) {
    for (size_t at = out.find(wide); at != std::string::npos; at = out.find(wide, at)) {
      out.replace(at, wide.size(), narrow);
    }
  }
  return out;
}

// The characters of budget tables written in traditional characters.
std::string in_traditional(const std::string& s) {
  static const std::pair<std::string_view, std::string_view> kTraditional[] = {
      {"个", "個"}, {"户", "戶"}, {"万", "萬"}, {"亿", "億"}, {"项", "項"}, {"达", "達"},
      {"标", "標"}, {"满", "滿"}, {"验", "驗"}, {"实", "實"}, {"际", "際"}, {"计", "計"},
      {"划", "劃"}, {"无", "無"}, {"开", "開"}, {"发", "發"}, {"时", "時"}, {"间", "間"},
      {"优", "優"}, {"较", "較"}, {"齐", "齊"}, {"吨", "噸"}, {"亩", "畝"}, {"辆", "輛"},
      {"张", "張"}, {"办", "辦"}, {"拨", "撥"}, {"题", "題"}, {"场", "場"}, {"动", "動"},
      {"预", "預"}, {"进", "進"}, {"规", "規"}, {"资", "資"}, {"费", "費"}, {"补", "補"}};
  std::string out = s;
  for (const auto& [simplified, traditional] : kTraditional) {
    for (size_t at = out.find(simplified); at != std::string::npos;
         at = out.find(simplified, at + traditional.size())) {
      out.replace(at, simplified.size(), traditional);
    }
  }
  return out;
}

// Each node's score and the codes of its findings, in the order of the indicators (names
// may be rewritten), with its path as written in `as_written` for messages.
std::vector<std::pair<std::string, std::string>> outcome(const Case& c, const Table& rows,
                                                         const core::RuleSet& rules) {
  Evaluation e = c.evaluation;
  fill(e, rows);
  const core::ScoreCard card = core::score(e, rules);
  std::vector<std::pair<std::string, std::string>> out;
  std::map<std::string, size_t> by_path;
  for (int i = 0; i < static_cast<int>(e.indicators.size()); ++i) {
    by_path[join(e.path(i))] = out.size();
    out.emplace_back(join(e.path(i)),
                     card.nodes[i].scored ? core::format_number(card.nodes[i].score) : "—");
  }
  for (const auto& f : core::findings(e, card, rules)) {
    const auto at = by_path.find(join(f.path));
    if (at != by_path.end()) out[at->second].second += " " + f.code;
  }
  return out;
}

// `actual` with each count of one to ten in `unit` in Chinese numerals ("完成2期" as
// "完成二期"), where `target` counts in that unit after a figure ("≥3期"), or in any
// unit where `target` is a share ("计划10个，完工8个" as "计划十个，完工八个" against "100%").
std::string with_counts_in_numerals(const std::string& actual, const std::string& target) {
  static constexpr std::string_view kNumerals[] = {"一", "二", "三", "四", "五",
                                                   "六", "七", "八", "九", "十"};
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  const size_t percent = target.find('%');
  const bool share = percent != std::string::npos && percent > 0 && digit(target[percent - 1]) &&
                     target.find("，") == std::string::npos;
  std::string out = actual;
  for (std::string_view unit : {"人次", "期", "次", "个", "项", "家", "场", "所", "批", "条", "篇",
                                "部", "台", "辆", "处", "座", "户", "件", "名"}) {
    const size_t in_target = target.find(unit);
    if (!share &&
        (in_target == std::string::npos || in_target == 0 || !digit(target[in_target - 1]))) {
      continue;
    }
    std::string rewritten;
    size_t i = 0;
    for (size_t at = out.find(unit); at != std::string::npos; at = out.find(unit, at + 1)) {
      size_t begin = at;
      while (begin > 0 && digit(out[begin - 1])) --begin;
      if (begin == at || at - begin > 2 || (begin > 0 && out[begin - 1] == '.')) continue;
      const int n = std::stoi(out.substr(begin, at - begin));
      if (n < 1 || n > 10 || out.compare(at + unit.size(), 3, "性") == 0) continue;
      rewritten.append(out, i, begin - i);
      rewritten += kNumerals[n - 1];
      i = at;
    }
    out = rewritten + out.substr(i);
  }
  return out;
}

// The 指标 column's path with each level's name rewritten by `rewrite(name, level)`.
Table with_names(const Table& rows, std::string (*rewrite)(const std::string&, size_t)) {
  Table out = rows;
  const int column = rows.column("指标");
  for (auto& row : out.rows) {
    std::vector<std::string> parts = split_path(row[column]);
    for (size_t level = 0; level < parts.size(); ++level) {
      parts[level] = rewrite(parts[level], level);
    }
    row[column] = join(parts);
  }
  return out;
}

// A table's names numbered as tables number their rows: "一、产出指标", "（一）数量指标",
// "1.受益人数" (a deeper level "1.1 …").
std::string numbered(const std::string& name, size_t level) {
  static const char* const kMarkers[] = {"一、", "（一）", "1.", "1.1 ", "①"};
  return kMarkers[std::min<size_t>(level, std::size(kMarkers) - 1)] + name;
}

// A name wrapped in a narrow cell: a line break after its second character ("服务\n满意度").
std::string wrapped(const std::string& name, size_t) {
  size_t at = 0;
  for (int n = 0; n < 2 && at < name.size(); ++n) core::text::next_code_point(name, at);
  return at < name.size() ? name.substr(0, at) + "\n" + name.substr(at) : name;
}

// A name with its unit in brackets after it ("满意度（%）"); a category's too.
std::string with_unit(const std::string& name, size_t) {
  return name + "（%）";
}

TEST_P(Golden, ScoresAlikeWrittenOtherwise) {
  Case c = read_case(GetParam());
  if (!c.input.empty()) GTEST_SKIP() << "a JSON file, not a table";
  const Result<core::RuleSet> rules = rules_of(c);
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  const auto as_written = outcome(c, c.indicators, *rules);
  const int target = c.indicators.column("年度指标值");
  const int actual = c.indicators.column("实际完成值");
  // `units`: both columns, each row whose other cell is no bare figure.
  enum Columns { both, target_only, actual_only, units };
  const std::tuple<const char*, std::string (*)(const std::string&), Columns> rewrites[] = {
      {"closing stop", &with_closing_stop, both},
      {"full width", &in_full_width, both},
      {"ASCII marks", &in_ascii_marks, both},
      {"traditional characters", &in_traditional, both},
      {"spaces beside figures", &with_spaces_beside_figures, both},
      {"a pointer in brackets", &with_pointer, both},
      {"a pointer after a comma", &with_pointer_after_comma, both},
      {"that it was checked in brackets", &with_checked, both},
      {"that it was checked after a comma", &with_checked_after_comma, both},
      {"that it was checked on a line of its own", &with_remark_on_a_line, both},
      {"line breaks between its clauses", &with_lines_for_clauses, both},
      {"semicolons between its clauses", &with_semicolons_for_clauses, both},
      {"the column's name before it", &with_field_label, both},
      // In the actual's column the target's name says a plan ("目标值：120人").
      {"the target's column's name before it", &with_target_column, target_only},
      {"its sign in words", &with_sign_in_words, target_only},
      {"its sign in ASCII", &with_sign_in_ascii, target_only},
      {"its sign after it", &with_sign_after, target_only},
      {"its sign in other words around it", &with_sign_around, target_only},
      {"计划 before its date", &as_planned, target_only},
      {"the time it is counted to before it", &as_counted_to, actual_only},
      {"全年累计 before it", &as_the_years_whole, actual_only},
      {"实际完成 before it", &as_the_actual, actual_only},
      {"达到 before it", &as_reached, actual_only},
      {"约 before it", &as_about, actual_only},
      {"money in 元", &with_money_in_yuan, units},
      {"money in 亿元", &with_money_in_yi, units},
      {"counts in 万", &with_counts_in_wan, units},
      {"counts in full", &with_counts_in_full, units},
      {"its months as 2024.12", &with_months_dotted, both},
      {"its months as 2024-12", &with_months_dashed, both},
  };
  for (const auto& [how, rewrite, columns] : rewrites) {
    for (const int column : {target, actual}) {
      if (column < 0 || (columns == target_only && column == actual) ||
          (columns == actual_only && column == target)) {
        continue;
      }
      Table rows = c.indicators;
      const int other = column == target ? actual : target;
      for (auto& row : rows.rows) {
        if (column >= static_cast<int>(row.size())) continue;
        if (columns == units && other >= 0 && other < static_cast<int>(row.size()) &&
            is_bare_figure(row[other])) {
          continue;
        }
        row[column] = rewrite(row[column]);
      }
      const auto rewritten = outcome(c, rows, *rules);
      for (size_t i = 0; i < as_written.size(); ++i) {
        EXPECT_EQ(rewritten[i].second, as_written[i].second)
            << as_written[i].first << ", " << how << " in " << rows.header[column];
      }
    }
  }
  // The indicators' names, written otherwise, are read alike: every score and finding stays.
  const std::pair<const char*, std::string (*)(const std::string&, size_t)> name_rewrites[] = {
      {"numbered", &numbered}, {"with its unit", &with_unit}, {"wrapped", &wrapped}};
  for (const auto& [how, rewrite] : name_rewrites) {
    const auto rewritten = outcome(c, with_names(c.indicators, rewrite), *rules);
    ASSERT_EQ(rewritten.size(), as_written.size());
    for (size_t i = 0; i < as_written.size(); ++i) {
      EXPECT_EQ(rewritten[i].second, as_written[i].second)
          << as_written[i].first << ", the name " << how;
    }
  }
  // Siblings in another order: each run of leaves under one parent reversed. Every
  // leaf's score and findings, by path, stay (the engine remembers what it learnt of
  // the last parent asked about, which an order could fool).
  {
    Table rows = c.indicators;
    const int name = rows.column("指标");
    const auto parent_of = [&](const std::vector<std::string>& row) {
      std::vector<std::string> path = split_path(row[name]);
      path.pop_back();
      return join(path);
    };
    for (size_t begin = 0; begin < rows.rows.size();) {
      size_t end = begin + 1;
      while (end < rows.rows.size() && parent_of(rows.rows[end]) == parent_of(rows.rows[begin]) &&
             parent_of(rows.rows[end]) != rows.rows[end - 1][name]) {
        ++end;
      }
      // Only leaves: a row whose next is its child stays where it is.
      const bool leaves =
          end >= rows.rows.size() || parent_of(rows.rows[end]) != rows.rows[end - 1][name];
      if (leaves) std::reverse(rows.rows.begin() + begin, rows.rows.begin() + end);
      begin = end;
    }
    const auto rewritten = outcome(c, rows, *rules);
    const std::map<std::string, std::string> by_path(rewritten.begin(), rewritten.end());
    for (const auto& [path, result] : as_written) {
      ASSERT_TRUE(by_path.contains(path)) << path;
      EXPECT_EQ(by_path.at(path), result) << path << ", its siblings in another order";
    }
  }
  // A target with the indicator's name before its figure ("受益人数≥1000人",
  // "合格率95%≤x≤100%"; not before a date, which words that name a time precede).
  if (target >= 0) {
    Table rows = c.indicators;
    const int name = rows.column("指标");
    for (auto& row : rows.rows) {
      if (target >= static_cast<int>(row.size())) continue;
      std::string& cell = row[target];
      const bool figure = cell.starts_with("≥") || cell.starts_with("≤") ||
                          (!cell.empty() && cell[0] >= '0' && cell[0] <= '9');
      if (figure && !writes_a_date(cell)) {
        cell = split_path(row[name]).back() + cell;
      }
    }
    const auto rewritten = outcome(c, rows, *rules);
    for (size_t i = 0; i < as_written.size(); ++i) {
      EXPECT_EQ(rewritten[i].second, as_written[i].second)
          << as_written[i].first << ", the name before its target";
    }
  }
  // An actual's counts of one to ten in Chinese numerals, where the target counts in
  // their unit ("完成二期" against "≥3期") or is a share ("计划十个，完工八个" against "100%").
  if (target >= 0 && actual >= 0) {
    Table rows = c.indicators;
    for (auto& row : rows.rows) {
      if (std::max(target, actual) >= static_cast<int>(row.size())) continue;
      row[actual] = with_counts_in_numerals(row[actual], row[target]);
    }
    const auto rewritten = outcome(c, rows, *rules);
    for (size_t i = 0; i < as_written.size(); ++i) {
      EXPECT_EQ(rewritten[i].second, as_written[i].second)
          << as_written[i].first << ", its counts in Chinese numerals";
    }
  }
}

// An actual that also says a part is not done, still going on ("，部分在建",
// "（部分在建）") or excepted ("（个别除外）"), never keeps full marks without a word:
// each leaf that had them, with no finding and no stated score, as written is
// scored otherwise or gets a finding (before, a remark of either kind after a
// figure, a date or words of done was left out, and full marks stayed).
TEST_P(Golden, APartNotDoneIsNeverLeftOut) {
  Case c = read_case(GetParam());
  if (!c.input.empty()) GTEST_SKIP() << "a JSON file, not a table";
  const Result<core::RuleSet> rules = rules_of(c);
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  const int actual = c.indicators.column("实际完成值");
  if (actual < 0) GTEST_SKIP() << "no actuals";
  const auto as_written = outcome(c, c.indicators, *rules);
  const Table& table = c.indicators;
  const int weight = table.column("分值");
  const int stated = table.column("填报得分");
  // The weight of each row with an actual and no stated score, by path.
  std::map<std::string, std::string> weights;
  for (const auto& row : table.rows) {
    const auto cell = [&](int column) {
      return column >= 0 && column < static_cast<int>(row.size()) ? row[column] : std::string();
    };
    if (!cell(actual).empty() && cell(actual) != "/" && cell(stated).empty()) {
      weights[join(split_path(row[table.column("指标")]))] = cell(weight);
    }
  }
  for (const char* part_not_done : {"，部分在建", "（部分在建）", "（个别除外）"}) {
    Table rows = table;
    for (auto& row : rows.rows) {
      if (weights.contains(join(split_path(row[rows.column("指标")])))) {
        row[actual] += part_not_done;
      }
    }
    const auto rewritten = outcome(c, rows, *rules);
    ASSERT_EQ(rewritten.size(), as_written.size());
    for (size_t i = 0; i < as_written.size(); ++i) {
      const auto& [path, result] = as_written[i];
      const auto w = weights.find(path);
      // Full marks without a word: the score alone, and the row's weight.
      if (w == weights.end() || w->second.empty() || result != w->second) continue;
      EXPECT_NE(rewritten[i].second, result) << path << ", " << part_not_done;
    }
  }
}

std::string case_name(const testing::TestParamInfo<fs::path>& info) {
  std::string name =
      info.param.parent_path().filename().string() + "_" + info.param.stem().string();
  for (char& ch : name) {
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Cases, Golden, testing::ValuesIn(case_files()), case_name);

}  // namespace
}  // namespace jixiao
