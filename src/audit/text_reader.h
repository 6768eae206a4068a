// Reading the plain text Word exports from a report (the form of the sample
// reports): a line starting with a tab is a table cell, a blank line ends a
// row, and two blank lines end a table. Other lines are paragraphs, except
// inside a table, where a line without a tab continues the cell before it:
// directly after the cell (a line break in the cell), or after one blank
// line when the table goes on afterwards (a cell of several paragraphs).
//
// Never fails: any bytes give a Document (invalid UTF-8 passes through).
#pragma once

#include <string_view>

#include "audit/document.h"

namespace jixiao::audit {

Document read_text(std::string_view text);

}  // namespace jixiao::audit
