// Users and their roles. Passwords are hashed by the caller (app/users.h,
// argon2id); this layer stores the hash and never sees a password.
//
// Contract: runs inside the caller's transaction and never commits.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.h"
#include "storage/records.h"

namespace jixiao::storage {

// Whether `role` is one of the roles table's codes.
Result<bool> role_exists(Connection& c, std::string_view role);
// Every role: code and Chinese label.
Result<std::vector<std::pair<std::string, std::string>>> list_roles(Connection& c);

// Inserts the user and its roles; returns the new id.
Result<int64_t> insert_user(Connection& c, const UserRecord& user);
Result<std::optional<UserRecord>> find_user(Connection& c, std::string_view name);

}  // namespace jixiao::storage
