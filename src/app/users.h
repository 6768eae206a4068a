// Registering users (`jixiao user add`). Passwords are hashed with argon2id
// (libsodium crypto_pwhash_str, interactive limits) and never stored, logged
// or audited in clear.
#pragma once

#include <string>
#include <string_view>

#include "app/context.h"

namespace jixiao::app {

inline constexpr size_t kMinPasswordBytes = 8;
inline constexpr size_t kMaxPasswordBytes = 1024;

struct NewUser {
  std::string name;
  std::string role;       // a code of the roles table (admin, finance, …)
  std::string unit_code;  // empty: not tied to a unit
};

// Adds the user in one transaction with its audit entry. Refused, in
// Chinese: an empty or taken name, an unknown role or unit, a password
// shorter than 8 or longer than 1024 bytes.
Result<int64_t> add_user(Context& ctx, const NewUser& user, std::string_view password);

// The argon2id hash of `password` ("$argon2id$v=19$…").
Result<std::string> hash_password(std::string_view password);
// Whether `password` matches `hash`.
bool verify_password(const std::string& hash, std::string_view password);

}  // namespace jixiao::app
