// Reading Excel workbooks (.xlsx, SpreadsheetML) from untrusted bytes.
//
// What is read: every worksheet found through xl/workbook.xml and its
// relationships (in workbook order, hidden ones flagged); cell values as
// Excel shows them (shared, inline and rich strings; numbers, with
// percentages shown as "95%"; booleans; errors; dates, including the Chinese
// built-in formats numFmtId 27-36 and 50-58 and custom formats with 年月日);
// merged ranges. Cell positions come from the `r` attributes, or from the
// order of cells and rows when they are missing; `<dimension>` is ignored.
//
// Contract: never crashes and never throws on any bytes. Limits (zip bombs,
// part sizes, cell counts) are those of ZipLimits plus kMaxCells. An error
// is a Status whose Chinese message says what is wrong; the caller prepends
// the file name. Not thread-safe; use one XlsxReader per thread (it reuses
// its buffers from one workbook to the next).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "office/zip_archive.h"

namespace jixiao::office {

inline constexpr size_t kMaxCells = 2'000'000;  // per workbook
inline constexpr size_t kMaxSharedStrings = 2'000'000;
inline constexpr size_t kMaxSheets = 256;
inline constexpr size_t kMaxMergedRanges = 20'000;  // per sheet
inline constexpr uint32_t kMaxRows = 1'048'576;     // Excel's own limits
inline constexpr uint32_t kMaxColumns = 16'384;

// "A", "Z", "AA": the letters of a 0-based column.
std::string column_name(uint32_t col);
// "G14" for 0-based row 13, column 6.
std::string cell_name(uint32_t row, uint32_t col);
// Reads "G14" (or "$G$14") into 0-based row and column.
bool parse_cell_name(std::string_view name, uint32_t& row, uint32_t& col);

enum class CellType : uint8_t { empty, number, text, boolean, error, date };

struct Cell {
  uint32_t row = 0;  // 0-based
  uint32_t col = 0;
  CellType type = CellType::empty;
  bool percent = false;                // a number formatted as a percentage
  bool formula_without_value = false;  // a formula whose result was never saved
  double number = 0;                   // numbers, booleans (0/1), dates (Excel serial)
  std::string text;  // as Excel shows it: "abc", "14.55", "95%", "2021年12月31日", "TRUE", "#N/A"
};

struct MergedRange {
  uint32_t first_row = 0;
  uint32_t first_col = 0;
  uint32_t last_row = 0;
  uint32_t last_col = 0;
  bool contains(uint32_t row, uint32_t col) const {
    return row >= first_row && row <= last_row && col >= first_col && col <= last_col;
  }
};

struct Sheet {
  std::string name;
  bool hidden = false;
  std::vector<Cell> cells;  // row-major, one per position, empty cells left out
  std::vector<MergedRange> merged;
  uint32_t rows = 0;  // one past the last row and column holding a cell
  uint32_t cols = 0;

  // The cell at a position, or nullptr.
  const Cell* at(uint32_t row, uint32_t col) const;
  // The merged range covering a position, or nullptr.
  const MergedRange* merged_at(uint32_t row, uint32_t col) const;
  // What a reader sees at a position: inside a merged range, the range's
  // top-left cell. nullptr when empty.
  const Cell* value_at(uint32_t row, uint32_t col) const;
  // The text shown at a position ("" when empty), merged ranges included.
  std::string_view text_at(uint32_t row, uint32_t col) const;
};

struct Workbook {
  std::vector<Sheet> sheets;
};

class XlsxReader {
 public:
  XlsxReader();
  ~XlsxReader();
  XlsxReader(const XlsxReader&) = delete;
  XlsxReader& operator=(const XlsxReader&) = delete;

  // Reads the workbook in `bytes` into `out` (replacing its contents).
  Status read(std::string_view bytes, Workbook& out, const ZipLimits& limits = {});

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace jixiao::office
