#include "storage/years.h"

#include "storage/query.h"

namespace jixiao::storage {

Status ensure_year(Connection& c, int year, std::string_view now) {
  return execute(c,
                 "INSERT INTO budget_years (year, opened_at) VALUES (?, ?) "
                 "ON CONFLICT (year) DO NOTHING",
                 year, now);
}

Result<std::vector<int>> list_years(Connection& c) {
  std::vector<int> out;
  Status s = query(c, "SELECT year FROM budget_years ORDER BY year",
                   [&](Statement& st) { out.push_back(static_cast<int>(st.get_int(0))); });
  if (!s.ok()) return s;
  return out;
}

// ---- rule sets ---------------------------------------------------------------

namespace {

constexpr std::string_view kRuleSetColumns = "id, year, name, title, definition, version";

RuleSetRecord read_rule_set(Statement& st) {
  return {st.get_int(0),    static_cast<int>(st.get_int(1)),
          st.get_string(2), st.get_string(3),
          st.get_string(4), st.get_int(5)};
}

}  // namespace

Result<int64_t> insert_rule_set(Connection& c, const RuleSetRecord& r, std::string_view now) {
  Result<std::optional<int64_t>> id = query_int(
      c,
      "INSERT INTO rule_sets (year, name, title, definition, version, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, 1, ?, ?) RETURNING id",
      r.year, r.name, r.title, r.definition, now, now);
  if (!id.ok()) return id.status();
  return id->value_or(0);
}

Result<std::optional<RuleSetRecord>> find_rule_set(Connection& c, int year, std::string_view name) {
  static const std::string sql =
      "SELECT " + std::string(kRuleSetColumns) + " FROM rule_sets WHERE year = ? AND name = ?";
  std::optional<RuleSetRecord> found;
  Status s = query(
      c, sql, [&](Statement& st) { found = read_rule_set(st); }, year, name);
  if (!s.ok()) return s;
  return found;
}

Result<std::vector<RuleSetRecord>> list_rule_sets(Connection& c, int year) {
  static const std::string sql =
      "SELECT " + std::string(kRuleSetColumns) + " FROM rule_sets WHERE year = ? ORDER BY name";
  std::vector<RuleSetRecord> out;
  Status s = query(
      c, sql, [&](Statement& st) { out.push_back(read_rule_set(st)); }, year);
  if (!s.ok()) return s;
  return out;
}

// ---- the indicator library ---------------------------------------------------

Result<int64_t> insert_library_indicator(Connection& c, const LibraryIndicatorRecord& r,
                                         std::string_view now) {
  Result<std::optional<int64_t>> id = query_int(
      c,
      "INSERT INTO library_indicators (year, code, name, category, kind, unit, target_example, "
      "description, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) "
      "RETURNING id",
      r.year, r.code, r.name, r.category, r.kind, r.unit, r.target_example, r.description, now,
      now);
  if (!id.ok()) return id.status();
  return id->value_or(0);
}

Result<std::vector<LibraryIndicatorRecord>> list_library(Connection& c, int year) {
  std::vector<LibraryIndicatorRecord> out;
  Status s = query(
      c,
      "SELECT id, year, code, name, category, kind, unit, target_example, description, version "
      "FROM library_indicators WHERE year = ? ORDER BY code",
      [&](Statement& st) {
        out.push_back({st.get_int(0), static_cast<int>(st.get_int(1)), st.get_string(2),
                       st.get_string(3), st.get_string(4), st.get_string(5), st.get_string(6),
                       st.get_string(7), st.get_string(8), st.get_int(9)});
      },
      year);
  if (!s.ok()) return s;
  return out;
}

// ---- frameworks --------------------------------------------------------------

Result<int64_t> insert_framework(Connection& c, const FrameworkRecord& f, std::string_view now) {
  Result<std::optional<int64_t>> id = query_int(
      c,
      "INSERT INTO frameworks (year, code, name, scope, kind, rule_set, version, created_at, "
      "updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
      f.year, f.code, f.name, f.scope, f.kind, f.rule_set, now, now);
  if (!id.ok()) return id.status();
  for (const FrameworkNode& n : f.nodes) {
    Status s =
        execute(c,
                "INSERT INTO framework_indicators (framework_id, position, parent, level, "
                "name, weight, kind, library_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                **id, n.position, n.parent, n.level, n.name, n.weight, n.kind, n.library_code);
    if (!s.ok()) return s;
  }
  return **id;
}

Result<std::vector<FrameworkRecord>> list_frameworks(Connection& c, int year) {
  std::vector<FrameworkRecord> out;
  Status s = query(
      c,
      "SELECT id, year, code, name, scope, kind, rule_set, version FROM frameworks "
      "WHERE year = ? ORDER BY code",
      [&](Statement& st) {
        FrameworkRecord f;
        f.id = st.get_int(0);
        f.year = static_cast<int>(st.get_int(1));
        f.code = st.get_string(2);
        f.name = st.get_string(3);
        f.scope = st.get_string(4);
        f.kind = st.get_string(5);
        f.rule_set = st.get_string(6);
        f.version = st.get_int(7);
        out.push_back(std::move(f));
      },
      year);
  if (!s.ok()) return s;
  for (FrameworkRecord& f : out) {
    s = query(
        c,
        "SELECT position, parent, level, name, weight, kind, library_code "
        "FROM framework_indicators WHERE framework_id = ? ORDER BY position",
        [&](Statement& st) {
          FrameworkNode n;
          n.position = static_cast<int>(st.get_int(0));
          if (!st.is_null(1)) n.parent = static_cast<int>(st.get_int(1));
          n.level = static_cast<int>(st.get_int(2));
          n.name = st.get_string(3);
          n.weight = st.get_optional_double(4);
          n.kind = st.get_string(5);
          n.library_code = st.get_string(6);
          f.nodes.push_back(std::move(n));
        },
        f.id);
    if (!s.ok()) return s;
  }
  return out;
}

// ---- copying a year forward ----------------------------------------------

namespace {

// The ids and keys of `from`'s records that `to` lacks. `sql` selects them.
Result<std::vector<std::pair<int64_t, std::string>>> missing(Connection& c, std::string_view sql,
                                                             int from, int to) {
  std::vector<std::pair<int64_t, std::string>> out;
  Status s = query(
      c, sql, [&](Statement& st) { out.emplace_back(st.get_int(0), st.get_string(1)); }, from, to);
  if (!s.ok()) return s;
  return out;
}

// Copies each missing record with `copy_sql` (binding the target year, the
// time twice and the source id), which returns the new id. Parameters in a
// SELECT list carry a CAST: PostgreSQL cannot infer their types there.
Status copy_records(Connection& c, std::string_view record_type, std::string_view missing_sql,
                    std::string_view copy_sql, int from, int to, std::string_view now,
                    std::vector<CopiedRecord>& copied) {
  auto rows = missing(c, missing_sql, from, to);
  if (!rows.ok()) return rows.status();
  for (const auto& [old_id, key] : *rows) {
    Result<std::optional<int64_t>> id = query_int(c, copy_sql, to, now, now, old_id);
    if (!id.ok()) return id.status();
    if (!*id) return Status::error("内部错误：复制「" + key + "」失败");
    copied.push_back({std::string(record_type), **id, old_id, key});
  }
  return Status();
}

}  // namespace

Result<std::vector<CopiedRecord>> copy_year_forward(Connection& c, int from, int to,
                                                    std::string_view now) {
  std::vector<CopiedRecord> copied;
  Status s = ensure_year(c, to, now);
  if (!s.ok()) return s;
  s = copy_records(
      c, "rule_sets",
      "SELECT f.id, f.name FROM rule_sets f WHERE f.year = ? AND NOT EXISTS "
      "(SELECT 1 FROM rule_sets t WHERE t.year = ? AND t.name = f.name) ORDER BY f.id",
      "INSERT INTO rule_sets (year, name, title, definition, version, created_at, updated_at) "
      "SELECT CAST(? AS INTEGER), name, title, definition, 1, CAST(? AS TEXT), CAST(? AS TEXT) "
      "FROM rule_sets WHERE id = ? RETURNING id",
      from, to, now, copied);
  if (!s.ok()) return s;
  s = copy_records(
      c, "library_indicators",
      "SELECT f.id, f.code FROM library_indicators f WHERE f.year = ? AND NOT EXISTS "
      "(SELECT 1 FROM library_indicators t WHERE t.year = ? AND t.code = f.code) ORDER BY f.id",
      "INSERT INTO library_indicators (year, code, name, category, kind, unit, target_example, "
      "description, version, created_at, updated_at) SELECT CAST(? AS INTEGER), code, name, "
      "category, kind, unit, target_example, description, 1, CAST(? AS TEXT), CAST(? AS TEXT) "
      "FROM library_indicators WHERE id = ? RETURNING id",
      from, to, now, copied);
  if (!s.ok()) return s;
  const size_t first_framework = copied.size();
  s = copy_records(
      c, "frameworks",
      "SELECT f.id, f.code FROM frameworks f WHERE f.year = ? AND NOT EXISTS "
      "(SELECT 1 FROM frameworks t WHERE t.year = ? AND t.code = f.code) ORDER BY f.id",
      "INSERT INTO frameworks (year, code, name, scope, kind, rule_set, version, created_at, "
      "updated_at) SELECT CAST(? AS INTEGER), code, name, scope, kind, rule_set, 1, "
      "CAST(? AS TEXT), CAST(? AS TEXT) FROM frameworks "
      "WHERE id = ? RETURNING id",
      from, to, now, copied);
  if (!s.ok()) return s;
  for (size_t i = first_framework; i < copied.size(); ++i) {
    s = execute(c,
                "INSERT INTO framework_indicators (framework_id, position, parent, level, name, "
                "weight, kind, library_code) SELECT CAST(? AS BIGINT), position, parent, level, "
                "name, weight, "
                "kind, library_code FROM framework_indicators WHERE framework_id = ?",
                copied[i].id, copied[i].from_id);
    if (!s.ok()) return s;
  }
  s = execute(c, "UPDATE budget_years SET copied_from = ? WHERE year = ? AND copied_from IS NULL",
              from, to);
  if (!s.ok()) return s;
  return copied;
}

}  // namespace jixiao::storage
