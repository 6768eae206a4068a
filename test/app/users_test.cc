// Users and units on both backends: argon2id hashes, roles, the unit tree.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/units.h"
#include "app/users.h"
#include "storage/users.h"
#include "test/app/test_sources.h"
#include "test/storage/backends.h"

namespace jixiao::test {
namespace {

class Users : public BackendTest {};

TEST_P(Users, APasswordIsStoredOnlyAsAnArgon2idHash) {
  ASSERT_TRUE(app::add_unit(*ctx_, {"F01", "某市财政局", core::UnitKind::finance_bureau, ""}).ok());
  Result<int64_t> id = app::add_user(*ctx_, {"zhang", "finance", "F01"}, "correct horse");
  ASSERT_TRUE(id.ok()) << id.status().message();
  Result<std::optional<storage::UserRecord>> user = storage::find_user(*db_.connection, "zhang");
  ASSERT_TRUE(user.ok() && *user);
  const std::string& hash = (*user)->password_hash;
  EXPECT_TRUE(hash.starts_with("$argon2id$")) << hash;
  EXPECT_EQ(hash.find("correct horse"), std::string::npos);
  EXPECT_TRUE(app::verify_password(hash, "correct horse"));
  EXPECT_FALSE(app::verify_password(hash, "correct hors"));
  EXPECT_EQ((*user)->roles, std::vector<std::string>{"finance"});
  EXPECT_TRUE((*user)->unit_id.has_value());
  // The audit entry names the user, never the password or its hash.
  Result<std::vector<storage::AuditEntry>> audit = app::audit_entries(*ctx_, [] {
    storage::AuditQuery q;
    q.record_type = "users";
    return q;
  }());
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_EQ(audit->at(0).after_json.find("argon2"), std::string::npos);
  EXPECT_EQ(audit->at(0).after_json.find("correct horse"), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(audit->at(0).after_json)["roles"][0], "finance");
}

TEST_P(Users, RefusedUsersAreNotStored) {
  const auto refused = [&](const app::NewUser& u, std::string_view password,
                           const std::string& words) {
    Result<int64_t> r = app::add_user(*ctx_, u, password);
    ASSERT_FALSE(r.ok()) << u.name;
    EXPECT_NE(r.status().message().find(words), std::string::npos) << r.status().message();
  };
  refused({"li", "root", ""}, "long enough", "角色「root」不存在");
  refused({"li", "admin", "NOPE"}, "long enough", "单位编码「NOPE」不存在");
  refused({"li", "admin", ""}, "short", "密码太短");
  refused({"", "admin", ""}, "long enough", "用户名不能为空");
  ASSERT_TRUE(app::add_user(*ctx_, {"li", "admin", ""}, "long enough").ok());
  refused({"li", "viewer", ""}, "long enough", "用户「li」已存在");
  EXPECT_EQ(rows(*db_.connection, "users"), 1);
  EXPECT_EQ(rows(*db_.connection, "audit_log"), 1);
}

TEST_P(Users, TheUnitTreeKeepsItsRules) {
  ASSERT_TRUE(app::add_unit(*ctx_, {"F01", "某市财政局", core::UnitKind::finance_bureau, ""}).ok());
  ASSERT_TRUE(app::add_unit(*ctx_, {"D01", "某局", core::UnitKind::department, "F01"}).ok());
  ASSERT_TRUE(app::add_unit(*ctx_, {"B01", "某中心", core::UnitKind::budget_unit, "D01"}).ok());
  Result<int64_t> under_budget_unit =
      app::add_unit(*ctx_, {"X01", "下级", core::UnitKind::budget_unit, "B01"});
  ASSERT_FALSE(under_budget_unit.ok());
  EXPECT_NE(under_budget_unit.status().message().find("预算单位「某中心」下不能再设下级单位"),
            std::string::npos);
  Result<int64_t> duplicate =
      app::add_unit(*ctx_, {"D01", "又一个", core::UnitKind::department, ""});
  ASSERT_FALSE(duplicate.ok());
  EXPECT_NE(duplicate.status().message().find("已存在"), std::string::npos);
  EXPECT_FALSE(app::add_unit(*ctx_, {"Y01", "无上级", core::UnitKind::department, "F99"}).ok());
  Result<std::vector<storage::UnitRecord>> units = app::list_units(*ctx_);
  ASSERT_EQ(units->size(), 3u);
  EXPECT_EQ((*units)[2].parent_code, "D01");
  EXPECT_EQ(rows(*db_.connection, "audit_log"), 3);
}

JIXIAO_BACKENDS(Users);

}  // namespace
}  // namespace jixiao::test
