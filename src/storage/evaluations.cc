#include "storage/evaluations.h"

#include <array>
#include <string>

#include "core/value.h"
#include "storage/query.h"

namespace jixiao::storage {
namespace {

using core::Evaluation;

// The columns an insert and a replace both write, in binding order
// (bind_evaluation follows it).
constexpr std::array<std::string_view, 42> kColumns = {
    "year",
    "unit_id",
    "project_id",
    "title",
    "unit_text",
    "kind",
    "scope",
    "rule_set",
    "overall_goal",
    "stated_total",
    "stated_total_decimals",
    "stated_grade",
    "panel_method",
    "has_budget",
    "budget_name",
    "budget_initial",
    "budget_adjusted",
    "budget_executed",
    "budget_received",
    "budget_weight",
    "budget_target_rate",
    "budget_stated_rate",
    "budget_stated_score",
    "budget_stated_score_decimals",
    "has_department",
    "indicator_count",
    "scored_with",
    "total",
    "raw_total",
    "weight",
    "applicable_weight",
    "rescaled",
    "cap",
    "grade",
    "grade_code",
    "execution_rate",
    "execution_score",
    "execution_weight",
    "error_count",
    "warning_count",
    "source",
    "updated_at",
};

const std::string& replace_sql() {
  static const std::string sql = [] {
    std::string set;
    for (std::string_view c : kColumns) set += std::string(c) + " = ?, ";
    return "UPDATE evaluations SET " + set + "version = version + 1 WHERE id = ? AND version = ?";
  }();
  return sql;
}

std::optional<double> figure_value(const std::optional<core::Figure>& f) {
  return f ? std::optional<double>(f->value) : std::nullopt;
}
std::optional<int> figure_decimals(const std::optional<core::Figure>& f) {
  return f ? std::optional<int>(f->decimals) : std::nullopt;
}

// Binds parameters in order.
class Binder {
 public:
  explicit Binder(Statement& st) : st_(st) {}
  template <typename T>
  Binder& operator()(const T& value) {
    st_.bind(index_++, value);
    return *this;
  }
  Binder& null() {
    st_.bind_null(index_++);
    return *this;
  }

 private:
  Statement& st_;
  int index_ = 1;
};

// Adds values to a batch the way Binder binds them.
class BatchAdder {
 public:
  explicit BatchAdder(BatchInsert& batch) : batch_(batch) {}
  template <typename T>
  BatchAdder& operator()(const T& value) {
    batch_.add(value);
    return *this;
  }
  BatchAdder& null() {
    batch_.add_null();
    return *this;
  }

 private:
  BatchInsert& batch_;
};

// Binds (or adds) kColumns in order.
template <typename Sink>
void bind_evaluation(Sink& b, const EvaluationPlace& p, const Evaluation& e,
                     const EvaluationResults& r, std::string_view source, std::string_view now) {
  b(p.year)(p.unit_id)(p.project_id)(e.title)(e.unit);
  b(core::evaluation_kind_code(e.kind))(core::scope_code(e.scope))(e.rule_set)(e.overall_goal);
  b(figure_value(e.stated_total))(figure_decimals(e.stated_total))(e.stated_grade);
  if (e.panel_method) {
    b(*e.panel_method == core::PanelMethod::mean ? "mean" : "trimmed_mean");
  } else {
    b.null();
  }
  const core::Budget empty;
  const core::Budget& bu = e.budget ? *e.budget : empty;
  b(e.budget.has_value())(bu.name)(bu.initial)(bu.adjusted)(bu.executed)(bu.received);
  b(bu.weight)(bu.target_rate)(bu.stated_rate);
  b(figure_value(bu.stated_score))(figure_decimals(bu.stated_score));
  b(e.department.has_value())(static_cast<int64_t>(e.indicators.size()));
  b(r.scored_with)(r.total)(r.raw_total)(r.weight)(r.applicable_weight)(r.rescaled)(r.cap);
  b(r.grade)(r.grade_code)(r.execution_rate)(r.execution_score)(r.execution_weight);
  b(r.error_count)(r.warning_count)(source)(now);
}

std::vector<std::string> batch_columns() {
  std::vector<std::string> out = {"id"};
  out.insert(out.end(), kColumns.begin(), kColumns.end());
  out.push_back("created_at");
  return out;
}

const std::string& department_insert_sql() {
  static const std::string sql = [] {
    std::string cols = "evaluation_id", marks = "?";
    for (const auto& f : core::department_fields()) {
      cols += ", " + std::string(f.code);
      marks += ", ?";
    }
    return "INSERT INTO evaluation_department (" + cols + ") VALUES (" + marks + ")";
  }();
  return sql;
}

const std::string& department_select_sql() {
  static const std::string sql = [] {
    std::string cols;
    for (const auto& f : core::department_fields()) {
      cols += (cols.empty() ? "" : ", ") + std::string(f.code);
    }
    return "SELECT " + cols + " FROM evaluation_department WHERE evaluation_id = ?";
  }();
  return sql;
}

// Tables holding an evaluation's rows, children first.
constexpr std::string_view kChildTables[] = {
    "DELETE FROM expert_scores WHERE evaluation_id = ?",
    "DELETE FROM evaluation_experts WHERE evaluation_id = ?",
    "DELETE FROM evaluation_indicators WHERE evaluation_id = ?",
    "DELETE FROM evaluation_funding WHERE evaluation_id = ?",
    "DELETE FROM evaluation_department WHERE evaluation_id = ?",
    "DELETE FROM department_projects WHERE evaluation_id = ?",
    "DELETE FROM evaluation_figures WHERE evaluation_id = ?",
    "DELETE FROM evaluation_findings WHERE evaluation_id = ?",
};

constexpr std::string_view kHeaderSelect =
    "SELECT e.id, e.year, e.unit_id, u.code, u.name, e.project_id, e.title, e.kind, e.scope, "
    "e.total, e.grade, e.grade_code, e.execution_rate, e.indicator_count, e.state, e.source, "
    "e.version, e.created_at, e.updated_at FROM evaluations e JOIN units u ON u.id = e.unit_id ";

EvaluationHeader read_header(Statement& st) {
  EvaluationHeader h;
  h.id = st.get_int(0);
  h.year = static_cast<int>(st.get_int(1));
  h.unit_id = st.get_int(2);
  h.unit_code = st.get_string(3);
  h.unit_name = st.get_string(4);
  h.project_id = st.get_int(5);
  h.title = st.get_string(6);
  h.kind = st.get_string(7);
  h.scope = st.get_string(8);
  h.total = st.get_double(9);
  h.grade = st.get_string(10);
  h.grade_code = st.get_string(11);
  h.execution_rate = st.get_optional_double(12);
  h.indicator_count = static_cast<int>(st.get_int(13));
  h.state = st.get_string(14);
  h.source = st.get_string(15);
  h.version = st.get_int(16);
  h.created_at = st.get_string(17);
  h.updated_at = st.get_string(18);
  return h;
}

std::optional<core::Figure> read_figure(Statement& st, int value, int decimals) {
  if (st.is_null(value)) return std::nullopt;
  return core::Figure{st.get_double(value), static_cast<int>(st.get_int(decimals))};
}

// The evaluation's own columns (input and results) into `out`.
Status load_columns(Connection& c, int64_t id, StoredEvaluation& out) {
  static const std::string sql = [] {
    std::string cols;
    for (std::string_view col : kColumns) cols += (cols.empty() ? "" : ", ") + std::string(col);
    return "SELECT " + cols + " FROM evaluations WHERE id = ?";
  }();
  Evaluation& e = out.evaluation;
  EvaluationResults& r = out.results;
  return query(
      c, sql,
      [&](Statement& st) {
        e.year = static_cast<int>(st.get_int(0));
        e.title = st.get_string(3);
        e.unit = st.get_string(4);
        e.kind =
            core::evaluation_kind_from_text(st.get_text(5)).value_or(core::EvaluationKind::self);
        e.scope = core::scope_from_text(st.get_text(6)).value_or(core::Scope::project);
        e.rule_set = st.get_string(7);
        e.overall_goal = st.get_string(8);
        e.stated_total = read_figure(st, 9, 10);
        e.stated_grade = st.get_string(11);
        if (!st.is_null(12)) {
          e.panel_method =
              st.get_text(12) == "mean" ? core::PanelMethod::mean : core::PanelMethod::trimmed_mean;
        }
        if (st.get_int(13) != 0) {
          core::Budget& b = e.budget.emplace();
          b.name = st.get_string(14);
          b.initial = st.get_optional_double(15);
          b.adjusted = st.get_optional_double(16);
          b.executed = st.get_optional_double(17);
          b.received = st.get_optional_double(18);
          b.weight = st.get_optional_double(19);
          b.target_rate = st.get_string(20);
          b.stated_rate = st.get_string(21);
          b.stated_score = read_figure(st, 22, 23);
        }
        if (st.get_int(24) != 0) e.department.emplace();
        r.scored_with = st.get_string(26);
        r.total = st.get_double(27);
        r.raw_total = st.get_double(28);
        r.weight = st.get_double(29);
        r.applicable_weight = st.get_double(30);
        r.rescaled = st.get_int(31) != 0;
        r.cap = st.get_optional_double(32);
        r.grade = st.get_string(33);
        r.grade_code = st.get_string(34);
        r.execution_rate = st.get_optional_double(35);
        r.execution_score = st.get_optional_double(36);
        r.execution_weight = st.get_optional_double(37);
        r.error_count = static_cast<int>(st.get_int(38));
        r.warning_count = static_cast<int>(st.get_int(39));
      },
      id);
}

Status load_tree(Connection& c, int64_t id, StoredEvaluation& out) {
  Evaluation& e = out.evaluation;
  Status s = query(
      c,
      "SELECT position, parent, level, name, weight, target, actual, stated_score, "
      "stated_score_decimals, checked_score, deduction_reason, kind, per_point, note, "
      "not_applicable, figure, scored, score, scored_kind, achievement, deviation "
      "FROM evaluation_indicators WHERE evaluation_id = ? ORDER BY position",
      [&](Statement& st) {
        core::Indicator& n = e.indicators.emplace_back();
        n.parent = st.is_null(1) ? -1 : static_cast<int>(st.get_int(1));
        n.level = static_cast<int>(st.get_int(2));
        n.name = st.get_string(3);
        n.weight = st.get_optional_double(4);
        n.target_text = st.get_string(5);
        n.actual_text = st.get_string(6);
        n.target = core::parse_target(n.target_text);
        n.actual = core::parse_value(n.actual_text);
        n.stated_score = read_figure(st, 7, 8);
        n.checked_score = st.get_optional_double(9);
        n.deduction_reason = st.get_string(10);
        n.kind =
            core::scoring_kind_from_code(st.get_text(11)).value_or(core::ScoringKind::automatic);
        n.per_point = st.get_double(12);
        n.note = st.get_string(13);
        n.not_applicable = st.get_int(14) != 0;
        n.figure = st.get_string(15);
        NodeResultRow& row = out.results.nodes.emplace_back();
        row.scored = st.get_int(16) != 0;
        row.score = st.get_optional_double(17);
        row.scored_kind = st.get_string(18);
        row.achievement = st.get_optional_double(19);
        row.deviation = st.get_optional_double(20);
      },
      id);
  if (!s.ok()) return s;
  s = query(
      c, "SELECT name FROM evaluation_experts WHERE evaluation_id = ? ORDER BY position",
      [&](Statement& st) { e.experts.push_back(st.get_string(0)); }, id);
  if (!s.ok()) return s;
  return query(
      c,
      "SELECT indicator, score FROM expert_scores WHERE evaluation_id = ? "
      "ORDER BY indicator, expert",
      [&](Statement& st) {
        const int64_t i = st.get_int(0);
        if (i >= 0 && i < static_cast<int64_t>(e.indicators.size())) {
          e.indicators[i].expert_scores.push_back(st.get_optional_double(1));  // NULL: recused
        }
      },
      id);
}

Status load_budget_and_department(Connection& c, int64_t id, Evaluation& e) {
  if (e.budget) {
    Status s = query(
        c,
        "SELECT source, initial, adjusted, executed FROM evaluation_funding "
        "WHERE evaluation_id = ? ORDER BY position",
        [&](Statement& st) {
          e.budget->sources.push_back(
              {core::funding_source_from_code(st.get_text(0)).value_or(core::FundingSource::fiscal),
               st.get_optional_double(1), st.get_optional_double(2), st.get_optional_double(3)});
        },
        id);
    if (!s.ok()) return s;
  }
  if (!e.department) return Status();
  Status s = query(
      c, department_select_sql(),
      [&](Statement& st) {
        int k = 0;
        for (const auto& f : core::department_fields()) {
          (*e.department).*(f.member) = st.get_optional_double(k++);
        }
      },
      id);
  if (!s.ok()) return s;
  return query(
      c,
      "SELECT title, total, grade FROM department_projects WHERE evaluation_id = ? "
      "ORDER BY position",
      [&](Statement& st) {
        e.department->projects.push_back(
            {st.get_string(0), st.get_optional_double(1), st.get_string(2)});
      },
      id);
}

Status load_results(Connection& c, int64_t id, EvaluationResults& r) {
  Status s = query(
      c,
      "SELECT code, severity, path, message FROM evaluation_findings WHERE evaluation_id = ? "
      "ORDER BY position",
      [&](Statement& st) {
        r.findings.push_back(
            {st.get_string(0), st.get_string(1), st.get_string(2), st.get_string(3)});
      },
      id);
  if (!s.ok()) return s;
  return query(
      c, "SELECT code, value FROM evaluation_figures WHERE evaluation_id = ? ORDER BY code",
      [&](Statement& st) {
        r.figures.push_back({st.get_string(0), st.get_optional_double(1)});
      },
      id);
}

}  // namespace

EvaluationWriter::EvaluationWriter(Connection& c)
    : c_(c),
      evaluations_(c, "evaluations", batch_columns()),
      indicators_(c, "evaluation_indicators",
                  {"evaluation_id",
                   "position",
                   "parent",
                   "level",
                   "year",
                   "name",
                   "weight",
                   "target",
                   "actual",
                   "stated_score",
                   "stated_score_decimals",
                   "checked_score",
                   "deduction_reason",
                   "kind",
                   "per_point",
                   "note",
                   "not_applicable",
                   "figure",
                   "scored",
                   "score",
                   "scored_kind",
                   "achievement",
                   "deviation"}),
      funding_(c, "evaluation_funding",
               {"evaluation_id", "position", "source", "initial", "adjusted", "executed"}),
      experts_(c, "evaluation_experts", {"evaluation_id", "position", "name"}),
      expert_scores_(c, "expert_scores",
                     {"evaluation_id", "indicator", "expert", "score", "comment"}),
      department_projects_(c, "department_projects",
                           {"evaluation_id", "position", "title", "total", "grade"}),
      figures_(c, "evaluation_figures", {"evaluation_id", "code", "value"}),
      findings_(c, "evaluation_findings",
                {"evaluation_id", "position", "code", "severity", "path", "message"}) {
  for (BatchInsert* child : {&indicators_, &funding_, &experts_, &expert_scores_,
                             &department_projects_, &figures_, &findings_}) {
    child->set_parent(&evaluations_);
  }
}

Result<int64_t> EvaluationWriter::insert(const EvaluationPlace& place, const Evaluation& e,
                                         const EvaluationResults& r, std::string_view source,
                                         std::string_view now) {
  if (next_id_ == ids_.size()) {
    Result<std::vector<int64_t>> ids = c_.reserve_ids("evaluations", kIdsPerReservation);
    if (!ids.ok()) return ids.status();
    ids_ = std::move(*ids);
    next_id_ = 0;
    if (ids_.empty()) return Status::error("内部错误：未能预留评价编号");
  }
  const int64_t id = ids_[next_id_++];
  evaluations_.add(id);
  BatchAdder adder(evaluations_);
  bind_evaluation(adder, place, e, r, source, now);
  evaluations_.add(now);
  Status s = evaluations_.end_row();
  if (!s.ok()) return s;
  s = insert_children(id, place.year, e, r);
  if (!s.ok()) return s;
  return id;
}

Result<int64_t> EvaluationWriter::replace(int64_t id, int64_t expected_version,
                                          const EvaluationPlace& place, const Evaluation& e,
                                          const EvaluationResults& r, std::string_view source,
                                          std::string_view now) {
  Result<Statement*> st = c_.prepare(replace_sql());
  if (!st.ok()) return st.status();
  Binder binder(**st);
  bind_evaluation(binder, place, e, r, source, now);
  binder(id)(expected_version);
  Status s = (*st)->run();
  if (!s.ok()) return s;
  if ((*st)->changes() == 0) {
    Result<std::optional<EvaluationHeader>> current = find_evaluation_header(c_, id);
    if (!current.ok()) return current.status();
    if (!*current) return Status::error("评价 #" + std::to_string(id) + " 不存在");
    return Status::error("保存冲突：评价 #" + std::to_string(id) + "「" + (*current)->title +
                         "」已被他人修改（您读取的是第 " + std::to_string(expected_version) +
                         " 版，现在是第 " + std::to_string((*current)->version) +
                         " 版），本次保存未执行。请重新读取后再修改。");
  }
  for (std::string_view del : kChildTables) {
    s = execute(c_, del, id);
    if (!s.ok()) return s;
  }
  s = insert_children(id, place.year, e, r);
  if (!s.ok()) return s;
  s = flush();
  if (!s.ok()) return s;
  return expected_version + 1;
}

Status EvaluationWriter::insert_children(int64_t id, int year, const Evaluation& e,
                                         const EvaluationResults& r) {
  Status s;
  for (size_t i = 0; i < e.indicators.size(); ++i) {
    const core::Indicator& n = e.indicators[i];
    const NodeResultRow empty;
    const NodeResultRow& res = i < r.nodes.size() ? r.nodes[i] : empty;
    indicators_.add(id).add(static_cast<int64_t>(i));
    if (n.parent < 0) {
      indicators_.add_null();
    } else {
      indicators_.add(n.parent);
    }
    indicators_.add(n.level).add(year).add(n.name).add(n.weight).add(n.target_text);
    indicators_.add(n.actual_text).add(figure_value(n.stated_score));
    indicators_.add(figure_decimals(n.stated_score)).add(n.checked_score);
    indicators_.add(n.deduction_reason).add(core::scoring_kind_code(n.kind)).add(n.per_point);
    indicators_.add(n.note).add(n.not_applicable).add(n.figure);
    indicators_.add(res.scored).add(res.score).add(res.scored_kind).add(res.achievement);
    indicators_.add(res.deviation);
    if (!(s = indicators_.end_row()).ok()) return s;
    for (size_t k = 0; k < n.expert_scores.size(); ++k) {
      expert_scores_.add(id).add(static_cast<int64_t>(i)).add(static_cast<int64_t>(k));
      expert_scores_.add(n.expert_scores[k]).add("");
      if (!(s = expert_scores_.end_row()).ok()) return s;
    }
  }
  for (size_t k = 0; k < e.experts.size(); ++k) {
    experts_.add(id).add(static_cast<int64_t>(k)).add(e.experts[k]);
    if (!(s = experts_.end_row()).ok()) return s;
  }
  if (e.budget) {
    for (size_t k = 0; k < e.budget->sources.size(); ++k) {
      const core::FundingLine& line = e.budget->sources[k];
      funding_.add(id).add(static_cast<int64_t>(k)).add(core::funding_source_code(line.source));
      funding_.add(line.initial).add(line.adjusted).add(line.executed);
      if (!(s = funding_.end_row()).ok()) return s;
    }
  }
  if (e.department) {
    // Inserted directly (departments are few): the evaluation's row first.
    if (!(s = evaluations_.flush()).ok()) return s;
    Result<Statement*> st = c_.prepare(department_insert_sql());
    if (!st.ok()) return st.status();
    (*st)->bind(1, id);
    int index = 2;
    for (const auto& f : core::department_fields()) {
      (*st)->bind(index++, (*e.department).*(f.member));
    }
    if (!(s = (*st)->run()).ok()) return s;
    for (size_t k = 0; k < e.department->projects.size(); ++k) {
      const auto& p = e.department->projects[k];
      department_projects_.add(id).add(static_cast<int64_t>(k)).add(p.title).add(p.total);
      department_projects_.add(p.grade);
      if (!(s = department_projects_.end_row()).ok()) return s;
    }
  }
  for (const FigureRow& f : r.figures) {
    figures_.add(id).add(f.code).add(f.value);
    if (!(s = figures_.end_row()).ok()) return s;
  }
  for (size_t k = 0; k < r.findings.size(); ++k) {
    const FindingRow& f = r.findings[k];
    findings_.add(id).add(static_cast<int64_t>(k)).add(f.code).add(f.severity).add(f.path_json);
    findings_.add(f.message);
    if (!(s = findings_.end_row()).ok()) return s;
  }
  return Status();
}

Status EvaluationWriter::flush() {
  for (BatchInsert* b : {&indicators_, &expert_scores_, &experts_, &funding_, &department_projects_,
                         &figures_, &findings_}) {
    Status s = b->flush();
    if (!s.ok()) return s;
  }
  return Status();
}

Result<std::vector<EvaluationHeader>> list_evaluations(Connection& c,
                                                       const EvaluationFilter& filter) {
  std::vector<EvaluationHeader> out;
  const auto add = [&](Statement& st) { out.push_back(read_header(st)); };
  Status s;
  if (!filter.ids.empty()) {
    static const std::string by_id = std::string(kHeaderSelect) + "WHERE e.id = ?";
    for (int64_t id : filter.ids) {
      s = query(c, by_id, add, id);
      if (!s.ok()) return s;
    }
    return out;
  }
  // Constant fragments, one per filter given; values are bound.
  std::string sql = std::string(kHeaderSelect) + "WHERE 1 = 1";
  if (filter.year) sql += " AND e.year = ?";
  if (filter.unit_id) sql += " AND e.unit_id = ?";
  sql += " ORDER BY e.id";
  Result<Statement*> st = c.prepare(sql);
  if (!st.ok()) return st.status();
  int index = 1;
  if (filter.year) (*st)->bind(index++, *filter.year);
  if (filter.unit_id) (*st)->bind(index++, *filter.unit_id);
  s = each_row(**st, add);
  if (!s.ok()) return s;
  return out;
}

Result<std::optional<EvaluationHeader>> find_evaluation_header(Connection& c, int64_t id) {
  Result<std::vector<EvaluationHeader>> found =
      list_evaluations(c, {.year = {}, .unit_id = {}, .ids = {id}});
  if (!found.ok()) return found.status();
  if (found->empty()) return std::optional<EvaluationHeader>();
  return std::optional<EvaluationHeader>(std::move(found->front()));
}

Result<std::optional<int64_t>> find_evaluation_of(Connection& c, const EvaluationPlace& place,
                                                  std::string_view kind) {
  // (year, unit_id) leads the index evaluations_year_unit.
  return query_int(c,
                   "SELECT MIN(id) FROM evaluations WHERE year = ? AND unit_id = ? AND "
                   "project_id = ? AND kind = ?",
                   place.year, place.unit_id, place.project_id, kind);
}

Result<std::optional<StoredEvaluation>> load_evaluation(Connection& c, int64_t id) {
  Result<std::optional<EvaluationHeader>> header = find_evaluation_header(c, id);
  if (!header.ok()) return header.status();
  if (!*header) return std::optional<StoredEvaluation>();
  StoredEvaluation out;
  out.header = std::move(**header);
  Status s = load_columns(c, id, out);
  if (s.ok()) s = load_tree(c, id, out);
  if (s.ok()) s = load_budget_and_department(c, id, out.evaluation);
  if (s.ok()) s = load_results(c, id, out.results);
  if (!s.ok()) return s;
  return std::optional<StoredEvaluation>(std::move(out));
}

}  // namespace jixiao::storage
