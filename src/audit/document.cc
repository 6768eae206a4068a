#include "audit/document.h"

#include "core/text.h"

namespace jixiao::audit {

std::string row_text(const Row& row) {
  std::string out;
  for (const std::string& cell : row.cells) {
    std::string_view c = core::text::trim(cell);
    if (c.empty()) continue;
    if (!out.empty()) out += " | ";
    for (char ch : c) out += ch == '\n' ? ' ' : ch;
  }
  return out;
}

}  // namespace jixiao::audit
