// Budget years (`jixiao year open`): data belongs to a year, and a new year
// starts with a copy of the previous year's rule sets, frameworks and
// indicator library, which it may then change without touching the old year.
#pragma once

#include <optional>
#include <vector>

#include "app/context.h"
#include "storage/years.h"

namespace jixiao::app {

struct YearOpened {
  int year = 0;
  std::optional<int> from;  // the year copied from, when it existed
  std::vector<storage::CopiedRecord> copied;
};

// Opens `year` and copies into it what `from` (default: year − 1) has and it
// lacks, in one transaction, auditing each copy. Running it again copies
// nothing more. Years outside 1900–2200 are refused.
Result<YearOpened> open_year(Context& ctx, int year, std::optional<int> from = std::nullopt);

// A year's rule set from JSON (docs/rules.md); refused when the name is
// taken in that year or the JSON is not a valid rule set.
Result<int64_t> add_rule_set(Context& ctx, int year, std::string_view json);
Result<int64_t> add_framework(Context& ctx, const storage::FrameworkRecord& framework);
Result<int64_t> add_library_indicator(Context& ctx, const storage::LibraryIndicatorRecord& entry);

}  // namespace jixiao::app
