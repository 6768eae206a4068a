#include "office/xlsx_writer.h"

#include <xlsxwriter.h>

#include <cstdio>
#include <string>

#include "core/text.h"
#include "format/file_output.h"

namespace jixiao::office {

namespace {

lxw_format* base(lxw_workbook* wb, bool border, bool locked) {
  lxw_format* f = workbook_add_format(wb);
  format_set_font_name(f, "宋体");
  format_set_font_size(f, 10);
  format_set_text_wrap(f);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  if (border) format_set_border(f, LXW_BORDER_THIN);
  if (!locked) format_set_unlocked(f);
  return f;
}

}  // namespace

XlsxBook::XlsxBook(std::string path)
    : path_(std::move(path)), temporary_(format::temporary_beside(path_)) {
  workbook_ = workbook_new(temporary_.c_str());
  if (workbook_ == nullptr) return;
  Formats& f = formats_;
  f.title = workbook_add_format(workbook_);
  format_set_font_name(f.title, "黑体");
  format_set_font_size(f.title, 16);
  format_set_align(f.title, LXW_ALIGN_CENTER);
  format_set_align(f.title, LXW_ALIGN_VERTICAL_CENTER);
  f.subtitle = base(workbook_, false, true);
  format_set_align(f.subtitle, LXW_ALIGN_CENTER);
  f.label = base(workbook_, true, true);
  format_set_bold(f.label);
  format_set_align(f.label, LXW_ALIGN_CENTER);
  format_set_bg_color(f.label, 0xF2F2F2);
  f.header = base(workbook_, true, true);
  format_set_bold(f.header);
  format_set_align(f.header, LXW_ALIGN_CENTER);
  format_set_bg_color(f.header, 0xDDEBF7);
  f.text = base(workbook_, true, false);
  f.fixed = base(workbook_, true, true);
  f.number = base(workbook_, true, false);
  format_set_align(f.number, LXW_ALIGN_CENTER);
  f.fixed_number = base(workbook_, true, true);
  format_set_align(f.fixed_number, LXW_ALIGN_CENTER);
  f.money = base(workbook_, true, false);
  format_set_num_format(f.money, "#,##0.00");
  f.percent = base(workbook_, true, false);
  format_set_num_format(f.percent, "0.00%");
  format_set_align(f.percent, LXW_ALIGN_CENTER);
  f.note = base(workbook_, false, true);
  format_set_font_size(f.note, 9);
}

XlsxBook::~XlsxBook() {
  // Never closed: the workbook is abandoned unwritten and `path` stays as it was.
  if (workbook_ != nullptr) lxw_workbook_free(workbook_);
}

lxw_worksheet* XlsxBook::add_sheet(std::string_view name) {
  if (workbook_ == nullptr) return nullptr;
  // Excel allows 31 characters in a sheet name.
  std::string cut;
  size_t chars = 0;
  for (size_t i = 0; i < name.size() && chars < 31; ++chars) {
    const size_t start = i;
    core::text::next_code_point(name, i);
    cut.append(name.substr(start, i - start));
  }
  lxw_worksheet* ws = workbook_add_worksheet(workbook_, cut.c_str());
  if (ws != nullptr) {
    worksheet_set_paper(ws, 9);  // A4
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
  }
  return ws;
}

Status XlsxBook::close() {
  if (workbook_ == nullptr) return Status::error("文件 " + path_ + "：无法创建工作簿");
  // libxlsxwriter reports a file it cannot create in English on standard
  // error: find out first, and say it in Chinese.
  Status writable = format::check_writable(path_);
  if (!writable.ok()) return writable;
  const lxw_error err = workbook_close(workbook_);
  workbook_ = nullptr;
  if (err != LXW_NO_ERROR) {
    format::discard_file(temporary_);
    return Status::error("文件 " + path_ + "：无法写入（磁盘已满或文件无法创建）");
  }
  return format::commit_file(temporary_, path_);
}

void write_text(lxw_worksheet* ws, unsigned row, unsigned col, std::string_view text,
                lxw_format* format) {
  if (ws == nullptr) return;
  if (text.empty()) {
    worksheet_write_blank(ws, row, static_cast<lxw_col_t>(col), format);
    return;
  }
  const std::string s(text);
  worksheet_write_string(ws, row, static_cast<lxw_col_t>(col), s.c_str(), format);
}

void write_number(lxw_worksheet* ws, unsigned row, unsigned col, double value, lxw_format* format) {
  if (ws != nullptr) worksheet_write_number(ws, row, static_cast<lxw_col_t>(col), value, format);
}

void write_optional(lxw_worksheet* ws, unsigned row, unsigned col,
                    const std::optional<double>& value, lxw_format* format) {
  if (value) {
    write_number(ws, row, col, *value, format);
  } else {
    write_text(ws, row, col, "", format);
  }
}

void merge_text(lxw_worksheet* ws, unsigned first_row, unsigned first_col, unsigned last_row,
                unsigned last_col, std::string_view text, lxw_format* format) {
  if (ws == nullptr) return;
  if (first_row == last_row && first_col == last_col) {
    write_text(ws, first_row, first_col, text, format);
    return;
  }
  const std::string s(text);
  worksheet_merge_range(ws, first_row, static_cast<lxw_col_t>(first_col), last_row,
                        static_cast<lxw_col_t>(last_col), s.c_str(), format);
}

void set_width(lxw_worksheet* ws, unsigned col, double width) {
  if (ws != nullptr) {
    worksheet_set_column(ws, static_cast<lxw_col_t>(col), static_cast<lxw_col_t>(col), width,
                         nullptr);
  }
}

void dropdown(lxw_worksheet* ws, unsigned first_row, unsigned col, unsigned last_row,
              const std::vector<std::string>& values, bool strict, std::string_view prompt) {
  if (ws == nullptr || values.empty() || last_row < first_row) return;
  std::vector<char*> list;  // libxlsxwriter's API is not const-correct
  for (const auto& v : values) list.push_back(const_cast<char*>(v.c_str()));
  list.push_back(nullptr);
  const std::string message(prompt);
  lxw_data_validation v{};
  v.validate = LXW_VALIDATION_TYPE_LIST;
  v.value_list = list.data();
  v.ignore_blank = LXW_VALIDATION_ON;
  v.error_type = strict ? LXW_VALIDATION_ERROR_TYPE_STOP : LXW_VALIDATION_ERROR_TYPE_INFORMATION;
  v.input_message = message.empty() ? nullptr : const_cast<char*>(message.c_str());
  worksheet_data_validation_range(ws, first_row, static_cast<lxw_col_t>(col), last_row,
                                  static_cast<lxw_col_t>(col), &v);
}

namespace {

// Puts validation `v` on the cell: blank allowed, anything else refused with
// the title and message (libxlsxwriter takes them as char*, never written to).
void refuse_invalid(lxw_worksheet* ws, unsigned row, unsigned col, lxw_data_validation& v,
                    char* title, char* message) {
  v.ignore_blank = LXW_VALIDATION_ON;
  v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
  v.error_title = title;
  v.error_message = message;
  worksheet_data_validation_cell(ws, row, static_cast<lxw_col_t>(col), &v);
}

}  // namespace

void decimal_range(lxw_worksheet* ws, unsigned row, unsigned col, double max) {
  if (ws == nullptr) return;
  lxw_data_validation v{};
  v.validate = LXW_VALIDATION_TYPE_DECIMAL;
  v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
  v.minimum_number = 0;
  v.maximum_number = max;
  static char kTitle[] = "得分超出分值";
  static char kMessage[] = "得分应在 0 到该指标分值之间";
  refuse_invalid(ws, row, col, v, kTitle, kMessage);
}

void expert_score_range(lxw_worksheet* ws, unsigned row, unsigned col, double max) {
  if (ws == nullptr) return;
  char cell[16];
  lxw_rowcol_to_cell(cell, row, static_cast<lxw_col_t>(col));
  char bound[32];
  std::snprintf(bound, sizeof bound, "%.10g", max);
  std::string formula = std::string("=OR(") + cell + "=\"/\"," + cell + "=\"回避\",AND(ISNUMBER(" +
                        cell + ")," + cell + ">=0," + cell + "<=" + bound + "))";
  lxw_data_validation v{};
  v.validate = LXW_VALIDATION_TYPE_CUSTOM_FORMULA;
  v.value_formula = formula.data();
  static char kTitle[] = "专家评分无效";
  static char kMessage[] = "评分应在 0 到该指标分值之间；回避的专家填写 /";
  refuse_invalid(ws, row, col, v, kTitle, kMessage);
}

void protect(lxw_worksheet* ws) {
  if (ws == nullptr) return;
  lxw_protection options{};
  options.format_columns = 1;
  options.format_rows = 1;
  options.insert_rows = 1;
  options.no_select_locked_cells = 0;
  worksheet_protect(ws, nullptr, &options);
}

}  // namespace jixiao::office
