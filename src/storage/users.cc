#include "storage/users.h"

#include "storage/query.h"

namespace jixiao::storage {

Result<bool> role_exists(Connection& c, std::string_view role) {
  Result<std::optional<int64_t>> n =
      query_int(c, "SELECT COUNT(*) FROM roles WHERE code = ?", role);
  if (!n.ok()) return n.status();
  return n->value_or(0) > 0;
}

Result<std::vector<std::pair<std::string, std::string>>> list_roles(Connection& c) {
  std::vector<std::pair<std::string, std::string>> out;
  Status s = query(c, "SELECT code, label FROM roles ORDER BY code",
                   [&](Statement& st) { out.emplace_back(st.get_string(0), st.get_string(1)); });
  if (!s.ok()) return s;
  return out;
}

Result<int64_t> insert_user(Connection& c, const UserRecord& u) {
  Result<std::optional<int64_t>> id =
      query_int(c,
                "INSERT INTO users (name, password_hash, unit_id, disabled, version, created_at, "
                "updated_at) VALUES (?, ?, ?, ?, 1, ?, ?) RETURNING id",
                u.name, u.password_hash, u.unit_id, u.disabled, u.created_at, u.created_at);
  if (!id.ok()) return id.status();
  for (const std::string& role : u.roles) {
    Status s = execute(c, "INSERT INTO user_roles (user_id, role) VALUES (?, ?)", **id, role);
    if (!s.ok()) return s;
  }
  return **id;
}

Result<std::optional<UserRecord>> find_user(Connection& c, std::string_view name) {
  std::optional<UserRecord> found;
  Status s = query(
      c,
      "SELECT id, name, password_hash, unit_id, disabled, version, created_at FROM users "
      "WHERE name = ?",
      [&](Statement& st) {
        UserRecord u;
        u.id = st.get_int(0);
        u.name = st.get_string(1);
        u.password_hash = st.get_string(2);
        u.unit_id = st.get_optional_int(3);
        u.disabled = st.get_int(4) != 0;
        u.version = st.get_int(5);
        u.created_at = st.get_string(6);
        found = std::move(u);
      },
      name);
  if (!s.ok()) return s;
  if (!found) return found;
  s = query(
      c, "SELECT role FROM user_roles WHERE user_id = ? ORDER BY role",
      [&](Statement& st) { found->roles.push_back(st.get_string(0)); }, found->id);
  if (!s.ok()) return s;
  return found;
}

}  // namespace jixiao::storage
