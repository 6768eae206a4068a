#include "test/audit/expectations.h"

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "office/table_layout.h"

namespace jixiao::test {
namespace {

// "3612.80" agrees with 3612.8: numbers compare at the precision written.
bool agrees(const std::string& written, double value) {
  std::string s = written;
  if (!s.empty() && s.back() == '%') s.pop_back();
  const size_t dot = s.find('.');
  const int decimals = dot == std::string::npos ? 0 : static_cast<int>(s.size() - dot - 1);
  return std::fabs(std::strtod(s.c_str(), nullptr) - value) <
         0.5 * std::pow(10.0, -decimals) + 1e-9;
}

bool agrees(const std::string& written, const std::optional<audit::Stated>& s) {
  return s && agrees(written, s->value);
}

bool agrees_first(const std::string& written, const std::vector<audit::Stated>& list) {
  return !list.empty() && agrees(written, list.front().value);
}

std::optional<audit::Stated> stated_total(const audit::Facts& f) {
  if (f.score_table_total && f.score_table_total->score) return f.score_table_total->score;
  if (f.indicator_total && f.indicator_total->score) return f.indicator_total->score;
  if (!f.text_total.empty()) return f.text_total.front();
  return std::nullopt;
}

std::string stated_grade(const audit::Facts& f) {
  if (f.table_grade) return f.table_grade->grade;
  return f.text_grade.empty() ? "" : f.text_grade.front().grade;
}

std::string check_fact(const std::vector<std::string>& v, const audit::Facts& f) {
  const std::string& key = v[0];
  const auto need = [&](size_t n) { return v.size() >= n; };
  bool ok = false;
  if (key == "total" && need(2)) {
    ok = agrees(v[1], stated_total(f));
  } else if (key == "grade" && need(2)) {
    ok = stated_grade(f) == v[1];
  } else if (key == "budget" && need(2)) {
    ok = agrees_first(v[1], f.budget);
  } else if (key == "executed" && need(2)) {
    ok = agrees_first(v[1], f.executed.empty() ? f.final_expenditure : f.executed);
  } else if (key == "execution_rate" && need(2)) {
    ok = agrees_first(v[1], f.execution_rate);
  } else if (key == "indicators" && need(2)) {
    ok = f.indicator_count() == std::atoi(v[1].c_str());
  } else if (key == "difference_rate" && need(2)) {
    ok = agrees_first(v[1], f.difference_rate);
  } else if (key == "carryover_rate" && need(2)) {
    ok = agrees_first(v[1], f.carryover_rate);
  } else if (key == "category" && need(4)) {
    const auto& cats = f.score_table.empty() ? f.text_categories : f.score_table;
    for (const audit::CategoryFact& c : cats) {
      if (office::squash(c.name) == office::squash(v[1]) && agrees(v[2], c.weight) &&
          agrees(v[3], c.score)) {
        ok = true;
      }
    }
  } else {
    return "unknown fact";
  }
  return ok ? "" : "not extracted as written";
}

}  // namespace

std::vector<Expectation> read_expectations(const std::string& path) {
  std::vector<Expectation> out;
  std::ifstream in(path);
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    const size_t hash = line.find('#');
    if (hash != std::string::npos) line.resize(hash);
    std::istringstream words(line);
    Expectation e;
    e.line = number;
    if (!(words >> e.verb)) continue;
    for (std::string w; words >> w;) e.fields.push_back(w);
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<std::string> check_expectations(const std::vector<Expectation>& expected,
                                            const audit::Audit& a) {
  std::vector<std::string> problems;
  std::set<size_t> matched;
  const auto where = [](const Expectation& e) {
    std::string s = "line " + std::to_string(e.line) + ": " + e.verb;
    for (const std::string& f : e.fields) s += " " + f;
    return s;
  };
  for (const Expectation& e : expected) {
    if (e.verb == "fact") {
      if (e.fields.empty()) {
        problems.push_back(where(e) + ": empty fact");
        continue;
      }
      const std::string why = check_fact(e.fields, a.facts);
      if (!why.empty()) problems.push_back(where(e) + ": " + why);
    } else if (e.verb == "finding" && e.fields.size() >= 2) {
      bool found = false;
      for (size_t i = 0; i < a.findings.size(); ++i) {
        if (a.findings[i].code == e.fields[0] &&
            a.findings[i].quote.find(e.fields[1]) != std::string::npos) {
          matched.insert(i);
          found = true;
        }
      }
      if (!found) problems.push_back(where(e) + ": not reported");
    } else if (e.verb == "no_finding" && !e.fields.empty()) {
      for (const audit::AuditFinding& f : a.findings) {
        if (f.code == e.fields[0]) {
          problems.push_back(where(e) + ": reported on 「" + f.quote + "」: " + f.message);
        }
      }
    } else {
      problems.push_back(where(e) + ": not understood");
    }
  }
  for (size_t i = 0; i < a.findings.size(); ++i) {
    const audit::AuditFinding& f = a.findings[i];
    if (!audit::is_audit_code(f.code) || matched.count(i)) continue;
    bool forbidden = false;  // already reported as such above
    for (const Expectation& e : expected) {
      forbidden |= e.verb == "no_finding" && !e.fields.empty() && e.fields[0] == f.code;
    }
    if (!forbidden) {
      problems.push_back("false alarm " + f.code + " on 「" + f.quote + "」: " + f.message);
    }
  }
  return problems;
}

}  // namespace jixiao::test
