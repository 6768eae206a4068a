#include "format/evaluation_writer.h"

#include <fmt/format.h>

#include <cstdlib>

#include "format/json_writer.h"

namespace jixiao::format {
namespace {

using core::Evaluation;

// A stated figure with the decimals it was printed with ("14.50"), so that
// checks at the printed precision read it as before. A value that does not
// read back exactly at that precision is written in full instead.
void figure(JsonWriter& w, std::string_view key, const std::optional<core::Figure>& f) {
  if (!f) return;
  const int decimals = f->decimals < 0 ? 0 : (f->decimals > 17 ? 17 : f->decimals);
  const std::string fixed = fmt::format("{:.{}f}", f->value, decimals);
  w.key(key);
  if (std::strtod(fixed.c_str(), nullptr) == f->value) {
    w.raw_value(fixed);
  } else {
    w.value(f->value);
  }
}

void number(JsonWriter& w, std::string_view key, const std::optional<double>& v) {
  if (v) w.field(key, *v);
}

void text(JsonWriter& w, std::string_view key, const std::string& s) {
  if (!s.empty()) w.field(key, s);
}

void budget(JsonWriter& w, const core::Budget& b) {
  w.key("budget").begin_object();
  text(w, "name", b.name);
  number(w, "initial", b.initial);
  number(w, "adjusted", b.adjusted);
  number(w, "executed", b.executed);
  number(w, "received", b.received);
  number(w, "weight", b.weight);
  text(w, "target_rate", b.target_rate);
  text(w, "stated_rate", b.stated_rate);
  figure(w, "stated_score", b.stated_score);
  if (!b.sources.empty()) {
    w.key("sources").begin_array();
    for (const auto& line : b.sources) {
      w.begin_object().field("source", core::funding_source_code(line.source));
      number(w, "initial", line.initial);
      number(w, "adjusted", line.adjusted);
      number(w, "executed", line.executed);
      w.end_object();
    }
    w.end_array();
  }
  w.end_object();
}

void department(JsonWriter& w, const core::DepartmentData& d) {
  w.key("department").begin_object();
  for (const auto& f : core::department_fields()) number(w, f.code, d.*f.member);
  if (!d.projects.empty()) {
    w.key("projects").begin_array();
    for (const auto& p : d.projects) {
      w.begin_object().field("title", p.title);
      number(w, "total", p.total);
      text(w, "grade", p.grade);
      w.end_object();
    }
    w.end_array();
  }
  w.end_object();
}

// Writes node `index` and its subtree; returns the index after the subtree.
int indicator(JsonWriter& w, const Evaluation& e, int index) {
  const core::Indicator& n = e.indicators[index];
  w.begin_object().field("name", n.name);
  number(w, "weight", n.weight);
  text(w, "target", n.target_text);
  text(w, "actual", n.actual_text);
  figure(w, "stated_score", n.stated_score);
  number(w, "checked_score", n.checked_score);
  text(w, "deduction_reason", n.deduction_reason);
  if (n.kind != core::ScoringKind::automatic) w.field("kind", core::scoring_kind_code(n.kind));
  if (n.per_point != 0) w.field("per_point", n.per_point);
  text(w, "note", n.note);
  if (n.not_applicable) w.field("not_applicable", true);
  text(w, "figure", n.figure);
  if (!n.expert_scores.empty()) {
    w.key("expert_scores").begin_array();
    for (const std::optional<double>& s : n.expert_scores) w.value(s);  // null: recused
    w.end_array();
  }
  int next = index + 1;
  const int count = static_cast<int>(e.indicators.size());
  if (next < count && e.indicators[next].parent == index) {
    w.key("children").begin_array();
    while (next < count && e.indicators[next].parent == index) next = indicator(w, e, next);
    w.end_array();
  }
  w.end_object();
  return next;
}

}  // namespace

void write_evaluation_json(std::string& out, const Evaluation& e) {
  JsonWriter w(out);
  w.begin_object().field("title", e.title);
  text(w, "unit", e.unit);
  if (e.year != 0) w.field("year", e.year);
  w.field("kind", core::evaluation_kind_code(e.kind)).field("scope", core::scope_code(e.scope));
  text(w, "rule_set", e.rule_set);
  text(w, "overall_goal", e.overall_goal);
  if (e.budget) budget(w, *e.budget);
  w.key("indicators").begin_array();
  for (int i = 0; i < static_cast<int>(e.indicators.size());) i = indicator(w, e, i);
  w.end_array();
  figure(w, "stated_total", e.stated_total);
  text(w, "stated_grade", e.stated_grade);
  if (!e.experts.empty()) w.field("experts", e.experts);
  if (e.panel_method) {
    w.field("panel_method", *e.panel_method == core::PanelMethod::mean ? "mean" : "trimmed_mean");
  }
  if (e.department) department(w, *e.department);
  w.end_object();
}

std::string evaluation_to_json(const Evaluation& e) {
  std::string out;
  write_evaluation_json(out, e);
  return out;
}

}  // namespace jixiao::format
