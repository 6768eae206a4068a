#include "storage/projects.h"

#include "storage/query.h"

namespace jixiao::storage {

Result<std::pair<int64_t, bool>> ensure_project(Connection& c, int year, int64_t unit_id,
                                                std::string_view title, std::string_view scope,
                                                std::string_view now) {
  // Insert first: an import mostly meets new projects, and this costs one
  // statement for them. A conflict (the project exists, or another
  // transaction just created it) inserts nothing and the select finds it.
  Result<std::optional<int64_t>> id = query_int(
      c,
      "INSERT INTO projects (year, unit_id, code, title, scope, version, created_at, updated_at) "
      "VALUES (?, ?, '', ?, ?, 1, ?, ?) ON CONFLICT (year, unit_id, title) DO NOTHING "
      "RETURNING id",
      year, unit_id, title, scope, now, now);
  if (!id.ok()) return id.status();
  if (*id) return std::pair<int64_t, bool>(**id, true);
  Result<std::optional<int64_t>> found =
      query_int(c, "SELECT id FROM projects WHERE year = ? AND unit_id = ? AND title = ?", year,
                unit_id, title);
  if (!found.ok()) return found.status();
  if (!*found) return Status::error("内部错误：项目「" + std::string(title) + "」无法创建");
  return std::pair<int64_t, bool>(**found, false);
}

}  // namespace jixiao::storage
