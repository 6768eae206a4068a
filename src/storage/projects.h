// Projects (项目支出, or a department's whole spending) of a budget year.
//
// Contract: runs inside the caller's transaction and never commits.
#pragma once

#include <string_view>
#include <utility>

#include "storage/database.h"

namespace jixiao::storage {

// The project `title` of `unit_id` in `year`, created when absent (safe
// against a concurrent creation of the same project). Returns its id and
// whether this call created it.
Result<std::pair<int64_t, bool>> ensure_project(Connection& c, int year, int64_t unit_id,
                                                std::string_view title, std::string_view scope,
                                                std::string_view now);

}  // namespace jixiao::storage
