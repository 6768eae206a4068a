#include "app/users.h"

#include <sodium.h>

#include "app/record_json.h"
#include "storage/units.h"
#include "storage/users.h"

namespace jixiao::app {

Result<std::string> hash_password(std::string_view password) {
  if (sodium_init() < 0) return Status::error("内部错误：libsodium 初始化失败");
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(hash, password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Status::error("内部错误：密码散列失败（内存不足）");
  }
  return std::string(hash);
}

bool verify_password(const std::string& hash, std::string_view password) {
  if (sodium_init() < 0) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

Result<int64_t> add_user(Context& ctx, const NewUser& user, std::string_view password) {
  if (user.name.empty()) return Status::error("用户名不能为空");
  if (user.name.size() > 200) return Status::error("用户名过长（最多 200 字节）");
  if (password.size() < kMinPasswordBytes) {
    return Status::error("密码太短：至少 " + std::to_string(kMinPasswordBytes) + " 个字符");
  }
  if (password.size() > kMaxPasswordBytes) {
    return Status::error("密码太长：最多 " + std::to_string(kMaxPasswordBytes) + " 字节");
  }
  // Hash first: it takes a while and needs no lock.
  Result<std::string> hash = hash_password(password);
  if (!hash.ok()) return hash.status();
  storage::Transaction tx(ctx.connection);
  Status s = tx.begin_write();
  if (!s.ok()) return s;
  Result<bool> role = storage::role_exists(ctx.connection, user.role);
  if (!role.ok()) return role.status();
  if (!*role) {
    std::string known;
    auto roles = storage::list_roles(ctx.connection);
    if (roles.ok()) {
      for (const auto& [code, label] : *roles) {
        known += (known.empty() ? "" : "、") + code + "（" + label + "）";
      }
    }
    return Status::error("角色「" + user.role + "」不存在；可用的角色：" + known);
  }
  Result<std::optional<storage::UserRecord>> existing =
      storage::find_user(ctx.connection, user.name);
  if (!existing.ok()) return existing.status();
  if (*existing) return Status::error("用户「" + user.name + "」已存在");
  storage::UserRecord record;
  record.name = user.name;
  record.roles = {user.role};
  record.created_at = ctx.clock.now();
  if (!user.unit_code.empty()) {
    Result<std::optional<storage::UnitRecord>> unit =
        storage::find_unit(ctx.connection, user.unit_code);
    if (!unit.ok()) return unit.status();
    if (!*unit) return Status::error("单位编码「" + user.unit_code + "」不存在");
    record.unit_id = (*unit)->id;
  }
  record.password_hash = std::move(*hash);
  Result<int64_t> id = storage::insert_user(ctx.connection, record);
  if (!id.ok()) return id.status();
  record.id = *id;
  s = audit(ctx, "create", "users", std::to_string(*id), "", user_json(record, user.unit_code));
  if (!s.ok()) return s;
  s = tx.commit();
  if (!s.ok()) return s;
  return *id;
}

}  // namespace jixiao::app
