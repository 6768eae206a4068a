// Registering units of the organisation tree (`jixiao unit add`).
#pragma once

#include <vector>

#include "app/context.h"
#include "storage/records.h"

namespace jixiao::app {

// Adds unit `code` under `parent_code` (empty for a root) in one transaction
// with its audit entry. Refused, in Chinese: an empty or taken code, an
// empty name, a parent that does not exist or is a budget unit (预算单位 has
// no units below it).
Result<int64_t> add_unit(Context& ctx, const core::Unit& unit);

Result<std::vector<storage::UnitRecord>> list_units(Context& ctx);

// The id of unit `code`; refused when there is none.
Result<int64_t> unit_id(Context& ctx, std::string_view code);

}  // namespace jixiao::app
