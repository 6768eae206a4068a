// The tables of a report, read by their header words (docs/audit.md): the
// score table, indicator tables, the funds block, and other tables' 合计
// columns. A table is cut at every header row it holds (the official
// self-evaluation table is one table of several blocks). Internal to
// src/audit, used by extract_facts().
#pragma once

#include <functional>

#include "audit/document.h"
#include "audit/facts.h"

namespace jixiao::audit {

// Reads `table` into `f`. Rows of no recognised block (field rows such as
// 项目名称, tables of other kinds) are passed to `other_row`, to be read as
// sentences.
void read_table(const Block& table, Facts& f, const std::function<void(const Row&)>& other_row);

}  // namespace jixiao::audit
