// Writing Excel workbooks with libxlsxwriter: one place that owns the
// workbook handle and the formats every official table uses (fonts, borders,
// number formats for 万元 and %, locked and unlocked cells).
//
// Contract: a XlsxBook writes one file, at close(), to a temporary beside it
// that is then renamed over it: the file is replaced whole or not at all.
// Errors from libxlsxwriter (a path that cannot be written) come back from
// close() as a Status naming the file; a book never closed leaves the file as
// it was. Not thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace jixiao::office {

class XlsxBook {
 public:
  explicit XlsxBook(std::string path);
  ~XlsxBook();
  XlsxBook(const XlsxBook&) = delete;
  XlsxBook& operator=(const XlsxBook&) = delete;

  // Formats. Input cells are unlocked (editable under sheet protection);
  // labels and headers are locked.
  struct Formats {
    lxw_format* title;     // 黑体 16, centred
    lxw_format* subtitle;  // centred
    lxw_format* label;     // bold, bordered, shaded, locked
    lxw_format* header;    // bold, bordered, shaded, wrapped, locked
    lxw_format* text;      // bordered, wrapped, unlocked
    lxw_format* fixed;     // bordered, wrapped, locked (names the unit must not change)
    lxw_format* number;    // bordered, general number, unlocked
    lxw_format* fixed_number;
    lxw_format* money;    // 万元 with 2 decimals, unlocked
    lxw_format* percent;  // 0.00%, unlocked
    lxw_format* note;     // small, wrapped, no border (explanations under a table)
  };
  const Formats& formats() const { return formats_; }

  // Adds a sheet; the name is cut to Excel's 31 characters.
  lxw_worksheet* add_sheet(std::string_view name);

  // Writes the file.
  Status close();

 private:
  std::string path_;
  std::string temporary_;  // written by libxlsxwriter, renamed to path_ at close()
  lxw_workbook* workbook_;
  Formats formats_{};
};

// Helpers over a worksheet, all 0-based. Text is written as a string even
// when it looks like a number, so that what was written comes back.
void write_text(lxw_worksheet* ws, unsigned row, unsigned col, std::string_view text,
                lxw_format* format);
void write_number(lxw_worksheet* ws, unsigned row, unsigned col, double value, lxw_format* format);
// A number, or a blank cell in the same format when there is none.
void write_optional(lxw_worksheet* ws, unsigned row, unsigned col,
                    const std::optional<double>& value, lxw_format* format);
// Merges a range (a single cell is just written) and puts `text` in it.
void merge_text(lxw_worksheet* ws, unsigned first_row, unsigned first_col, unsigned last_row,
                unsigned last_col, std::string_view text, lxw_format* format);
void set_width(lxw_worksheet* ws, unsigned col, double width);
// A dropdown on a range: `strict` refuses other values; otherwise any value
// is accepted and the list only helps.
void dropdown(lxw_worksheet* ws, unsigned first_row, unsigned col, unsigned last_row,
              const std::vector<std::string>& values, bool strict, std::string_view prompt);
// A decimal between 0 and `max` (a score within its weight).
void decimal_range(lxw_worksheet* ws, unsigned row, unsigned col, double max);
// An expert's score: as decimal_range, or "/" (回避) for an expert who recused.
void expert_score_range(lxw_worksheet* ws, unsigned row, unsigned col, double max);
// Protects the sheet without a password: locked cells cannot be edited;
// rows may still be inserted and columns resized.
void protect(lxw_worksheet* ws);

}  // namespace jixiao::office
