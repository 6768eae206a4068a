// The unit tree (财政局 → 主管部门 → 预算单位) in the database.
//
// Contract: functions run inside the caller's transaction and never commit.
// Errors are Statuses with Chinese messages; a code that is already taken is
// reported by insert_unit as a constraint error (ErrorKind::constraint) — the
// app layer checks first to give a better message.
#pragma once

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "storage/database.h"
#include "storage/records.h"

namespace jixiao::storage {

Result<std::optional<UnitRecord>> find_unit(Connection& c, std::string_view code);
Result<std::optional<UnitRecord>> find_unit_by_id(Connection& c, int64_t id);
// The unit whose code is `text`, else the first (lowest id) whose name is.
Result<std::optional<UnitRecord>> find_unit_by_code_or_name(Connection& c, std::string_view text);

Result<int64_t> insert_unit(Connection& c, const UnitRecord& unit);
// Inserts `unit` unless its code exists (safe against a concurrent insert of
// the same code); returns the id and whether this call created it.
Result<std::pair<int64_t, bool>> insert_unit_if_absent(Connection& c, const UnitRecord& unit);

// Every unit, parents before children (by id).
Result<std::vector<UnitRecord>> list_units(Connection& c);

}  // namespace jixiao::storage
