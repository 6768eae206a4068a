#include "storage/units.h"

#include "storage/query.h"

namespace jixiao::storage {
namespace {

constexpr std::string_view kSelect =
    "SELECT u.id, u.code, u.name, u.kind, u.parent_id, COALESCE(p.code, ''), u.version, "
    "u.created_at, u.updated_at FROM units u LEFT JOIN units p ON p.id = u.parent_id ";

UnitRecord read_unit(Statement& st) {
  UnitRecord u;
  u.id = st.get_int(0);
  u.code = st.get_string(1);
  u.name = st.get_string(2);
  u.kind = unit_kind_from_code(st.get_text(3)).value_or(core::UnitKind::budget_unit);
  u.parent_id = st.get_optional_int(4);
  u.parent_code = st.get_string(5);
  u.version = st.get_int(6);
  u.created_at = st.get_string(7);
  u.updated_at = st.get_string(8);
  return u;
}

template <typename... Args>
Result<std::optional<UnitRecord>> find_one(Connection& c, std::string_view sql,
                                           const Args&... args) {
  std::optional<UnitRecord> found;
  Status s = query(
      c, sql,
      [&](Statement& st) {
        if (!found) found = read_unit(st);
      },
      args...);
  if (!s.ok()) return s;
  return found;
}

}  // namespace

std::string_view unit_kind_code(core::UnitKind kind) {
  switch (kind) {
    case core::UnitKind::finance_bureau:
      return "finance_bureau";
    case core::UnitKind::department:
      return "department";
    case core::UnitKind::budget_unit:
      return "budget_unit";
  }
  return "budget_unit";
}

std::string_view unit_kind_label(core::UnitKind kind) {
  switch (kind) {
    case core::UnitKind::finance_bureau:
      return "财政局";
    case core::UnitKind::department:
      return "主管部门";
    case core::UnitKind::budget_unit:
      return "预算单位";
  }
  return "";
}

std::optional<core::UnitKind> unit_kind_from_code(std::string_view code) {
  for (auto kind :
       {core::UnitKind::finance_bureau, core::UnitKind::department, core::UnitKind::budget_unit}) {
    if (code == unit_kind_code(kind) || code == unit_kind_label(kind)) return kind;
  }
  return std::nullopt;
}

Result<std::optional<UnitRecord>> find_unit(Connection& c, std::string_view code) {
  static const std::string sql = std::string(kSelect) + "WHERE u.code = ?";
  return find_one(c, sql, code);
}

Result<std::optional<UnitRecord>> find_unit_by_id(Connection& c, int64_t id) {
  static const std::string sql = std::string(kSelect) + "WHERE u.id = ?";
  return find_one(c, sql, id);
}

Result<std::optional<UnitRecord>> find_unit_by_code_or_name(Connection& c, std::string_view text) {
  Result<std::optional<UnitRecord>> by_code = find_unit(c, text);
  if (!by_code.ok() || *by_code) return by_code;
  static const std::string sql = std::string(kSelect) + "WHERE u.name = ? ORDER BY u.id LIMIT 1";
  return find_one(c, sql, text);
}

Result<int64_t> insert_unit(Connection& c, const UnitRecord& u) {
  Result<std::optional<int64_t>> id =
      query_int(c,
                "INSERT INTO units (code, name, kind, parent_id, version, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, 1, ?, ?) RETURNING id",
                u.code, u.name, unit_kind_code(u.kind), u.parent_id, u.created_at, u.created_at);
  if (!id.ok()) return id.status();
  return id->value_or(0);
}

Result<std::pair<int64_t, bool>> insert_unit_if_absent(Connection& c, const UnitRecord& u) {
  Result<std::optional<int64_t>> id =
      query_int(c,
                "INSERT INTO units (code, name, kind, parent_id, version, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, 1, ?, ?) ON CONFLICT (code) DO NOTHING RETURNING id",
                u.code, u.name, unit_kind_code(u.kind), u.parent_id, u.created_at, u.created_at);
  if (!id.ok()) return id.status();
  if (*id) return std::pair<int64_t, bool>(**id, true);
  Result<std::optional<UnitRecord>> existing = find_unit(c, u.code);
  if (!existing.ok()) return existing.status();
  if (!*existing) return Status::error("内部错误：单位「" + u.code + "」既不存在也无法创建");
  return std::pair<int64_t, bool>((*existing)->id, false);
}

Result<std::vector<UnitRecord>> list_units(Connection& c) {
  static const std::string sql = std::string(kSelect) + "ORDER BY u.id";
  std::vector<UnitRecord> out;
  Status s = query(c, sql, [&](Statement& st) { out.push_back(read_unit(st)); });
  if (!s.ok()) return s;
  return out;
}

}  // namespace jixiao::storage
