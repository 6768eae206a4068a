#include "office/xlsx_reader.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unordered_map>

#include "core/text.h"

namespace jixiao::office {

std::string column_name(uint32_t col) {
  std::string s;
  for (uint64_t c = uint64_t{col} + 1; c > 0; c = (c - 1) / 26) {
    s.insert(s.begin(), static_cast<char>('A' + (c - 1) % 26));
  }
  return s;
}

std::string cell_name(uint32_t row, uint32_t col) {
  return column_name(col) + std::to_string(uint64_t{row} + 1);
}

bool parse_cell_name(std::string_view name, uint32_t& row, uint32_t& col) {
  size_t i = 0;
  if (i < name.size() && name[i] == '$') ++i;
  uint64_t c = 0;
  size_t letters = 0;
  for (; i < name.size(); ++i) {
    char ch = name[i];
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    if (ch < 'A' || ch > 'Z') break;
    if (++letters > 3) return false;
    c = c * 26 + static_cast<uint64_t>(ch - 'A' + 1);
  }
  if (i < name.size() && name[i] == '$') ++i;
  uint64_t r = 0;
  size_t digits = 0;
  for (; i < name.size(); ++i) {
    if (name[i] < '0' || name[i] > '9') return false;
    if (++digits > 7) return false;
    r = r * 10 + static_cast<uint64_t>(name[i] - '0');
  }
  if (letters == 0 || digits == 0 || r == 0 || c > kMaxColumns || r > kMaxRows) return false;
  row = static_cast<uint32_t>(r - 1);
  col = static_cast<uint32_t>(c - 1);
  return true;
}

const Cell* Sheet::at(uint32_t row, uint32_t col) const {
  auto it = std::lower_bound(cells.begin(), cells.end(), std::pair(row, col),
                             [](const Cell& c, const std::pair<uint32_t, uint32_t>& p) {
                               return c.row < p.first || (c.row == p.first && c.col < p.second);
                             });
  if (it == cells.end() || it->row != row || it->col != col) return nullptr;
  return &*it;
}

const MergedRange* Sheet::merged_at(uint32_t row, uint32_t col) const {
  for (const MergedRange& m : merged) {
    if (m.contains(row, col)) return &m;
  }
  return nullptr;
}

const Cell* Sheet::value_at(uint32_t row, uint32_t col) const {
  if (const MergedRange* m = merged.empty() ? nullptr : merged_at(row, col)) {
    return at(m->first_row, m->first_col);
  }
  return at(row, col);
}

std::string_view Sheet::text_at(uint32_t row, uint32_t col) const {
  const Cell* c = value_at(row, col);
  return c == nullptr ? std::string_view() : std::string_view(c->text);
}

namespace {

// Element names may carry a namespace prefix ("x:c"): compare local names.
bool is(const pugi::xml_node& n, const char* local) {
  const char* name = n.name();
  const char* colon = std::strrchr(name, ':');
  return std::strcmp(colon ? colon + 1 : name, local) == 0;
}

pugi::xml_node child(const pugi::xml_node& n, const char* local) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (is(c, local)) return c;
  }
  return {};
}

// Attributes too ("r:id" is matched by "id" only when asked for the prefix).
pugi::xml_attribute attr(const pugi::xml_node& n, const char* local) {
  for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
    const char* name = a.name();
    const char* colon = std::strrchr(name, ':');
    if (std::strcmp(colon ? colon + 1 : name, local) == 0) return a;
  }
  return {};
}

// Decodes the _xHHHH_ escapes OOXML uses for control characters.
void decode_escapes(std::string& s) {
  if (s.find("_x") == std::string::npos) return;
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '_' && i + 7 <= s.size() && s[i + 1] == 'x' && s[i + 6] == '_' &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 3])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 4])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 5]))) {
      const auto cp = static_cast<char32_t>(std::strtoul(s.substr(i + 2, 4).c_str(), nullptr, 16));
      if (cp == 0x0D) {
        // Excel writes line breaks as _x000D_ followed by a real newline.
      } else {
        core::text::append_utf8(out, cp);
      }
      i += 7;
    } else {
      out += s[i++];
    }
  }
  s.swap(out);
}

// The text of a string item: <t>, or the runs <r><t> of rich text; phonetic
// runs (<rPh>) are not part of the text.
void string_item_text(const pugi::xml_node& si, std::string& out) {
  out.clear();
  for (pugi::xml_node n = si.first_child(); n; n = n.next_sibling()) {
    if (is(n, "t")) {
      out += n.text().get();
    } else if (is(n, "r")) {
      if (pugi::xml_node t = child(n, "t")) out += t.text().get();
    }
  }
  decode_escapes(out);
}

// How a number format shows a value.
enum class NumberStyle : uint8_t {
  general,
  percent,
  date_full,
  date_year_month,
  date_month_day,
  time
};

NumberStyle builtin_style(int id) {
  if (id == 9 || id == 10) return NumberStyle::percent;
  if ((id >= 14 && id <= 17) || id == 22 || id == 30 || id == 31) return NumberStyle::date_full;
  if (id == 27 || id == 36 || id == 50 || id == 52 || id == 57) return NumberStyle::date_year_month;
  if (id == 28 || id == 29 || id == 51 || id == 53 || id == 54 || id == 58) {
    return NumberStyle::date_month_day;
  }
  if ((id >= 18 && id <= 21) || (id >= 32 && id <= 35) || id == 55 || id == 56 ||
      (id >= 45 && id <= 47)) {
    return NumberStyle::time;
  }
  return NumberStyle::general;
}

// Reads a custom format code: dates have y/m/d (or 年月日) outside quotes and
// brackets; percentages a % outside quotes.
NumberStyle custom_style(std::string_view code) {
  bool year = false, month = false, day = false, hour = false, percent = false;
  bool quoted = false;
  int bracket = 0;
  // Only the first section (positive numbers) matters.
  for (size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (quoted) {
      if (c == '"') quoted = false;
      continue;
    }
    if (c == '"') {
      quoted = true;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is literal
    } else if (c == '[') {
      ++bracket;
    } else if (c == ']') {
      if (bracket > 0) --bracket;
    } else if (bracket > 0) {
      continue;
    } else if (c == ';') {
      break;
    } else if (c == 'y' || c == 'Y' || c == 'e') {
      year = true;
    } else if (c == 'd' || c == 'D') {
      day = true;
    } else if (c == 'm' || c == 'M') {
      month = true;
    } else if (c == 'h' || c == 'H' || c == 's' || c == 'S') {
      hour = true;
    } else if (c == '%') {
      percent = true;
    }
  }
  // 年月日 count even inside quotes: yyyy"年"m"月"d"日".
  year |= code.find("年") != std::string_view::npos;
  month |= code.find("月") != std::string_view::npos;
  day |= code.find("日") != std::string_view::npos;
  if (year && day) return NumberStyle::date_full;
  if (year && month) return NumberStyle::date_year_month;
  if (month && day) return NumberStyle::date_month_day;
  if (year || day) return NumberStyle::date_full;
  if (hour) return NumberStyle::time;
  if (month) return NumberStyle::date_full;
  if (percent) return NumberStyle::percent;
  return NumberStyle::general;
}

// Shortest text that Excel would show for a general number (15 significant digits).
void number_text(double v, std::string& out) {
  char buf[64];
  if (v == 0) v = 0;  // no "-0"
  std::snprintf(buf, sizeof buf, "%.15g", v);
  out = buf;
}

// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
void civil_from_days(long long z, int& y, int& m, int& d) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const long long doe = z - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
}

void date_text(double serial, bool date1904, NumberStyle style, std::string& out) {
  if (!std::isfinite(serial) || serial < 0 || serial > 2958466) {  // up to 9999-12-31
    number_text(serial, out);
    return;
  }
  long long days = static_cast<long long>(std::floor(serial));
  const double fraction = serial - static_cast<double>(days);
  int y = 1900, m = 1, d = 0;
  if (date1904) {
    civil_from_days(days - 24107, y, m, d);  // 1904-01-01 is day 0
  } else if (days == 60) {
    y = 1900, m = 2, d = 29;  // Excel's fictitious leap day
  } else if (days == 0) {
    y = 1900, m = 1, d = 0;
  } else {
    civil_from_days(days - (days > 60 ? 25569 : 25568), y, m, d);
  }
  char buf[64];
  switch (style) {
    case NumberStyle::date_year_month:
      std::snprintf(buf, sizeof buf, "%d年%d月", y, m);
      break;
    case NumberStyle::date_month_day:
      std::snprintf(buf, sizeof buf, "%d月%d日", m, d);
      break;
    case NumberStyle::time: {
      const int minutes = static_cast<int>(std::lround(fraction * 24 * 60)) % (24 * 60);
      if (days > 0) {
        std::snprintf(buf, sizeof buf, "%d年%d月%d日 %d:%02d", y, m, d, minutes / 60, minutes % 60);
      } else {
        std::snprintf(buf, sizeof buf, "%d:%02d", minutes / 60, minutes % 60);
      }
      break;
    }
    default:
      std::snprintf(buf, sizeof buf, "%d年%d月%d日", y, m, d);
  }
  out = buf;
}

// "A1:C3" (or a single cell) into a range.
bool parse_range(std::string_view ref, MergedRange& r) {
  const size_t colon = ref.find(':');
  const std::string_view a = ref.substr(0, colon);
  const std::string_view b = colon == std::string_view::npos ? a : ref.substr(colon + 1);
  uint32_t r1, c1, r2, c2;
  if (!parse_cell_name(a, r1, c1) || !parse_cell_name(b, r2, c2)) return false;
  r = {std::min(r1, r2), std::min(c1, c2), std::max(r1, r2), std::max(c1, c2)};
  return true;
}

// A relationship target relative to the part that owns the relationships.
std::string resolve_target(std::string_view base_dir, std::string_view target) {
  std::string path;
  if (!target.empty() && target[0] == '/') {
    path.assign(target.substr(1));
  } else {
    path.assign(base_dir);
    path += target;
  }
  // Remove "./" and "dir/../" segments.
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    const std::string part = path.substr(start, slash - start);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = slash + 1;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

struct Relationship {
  std::string type;  // the last segment of the Type URI ("worksheet")
  std::string target;
};

}  // namespace

struct XlsxReader::Impl {
  ZipReader zip;
  std::string part;  // the bytes of the part being parsed (parsed in place)
  pugi::xml_document doc;
  std::vector<std::string> shared;
  std::vector<NumberStyle> styles;  // by cellXfs index
  bool date1904 = false;
  size_t cells = 0;

  Status parse(const std::string& name) {
    Status s = zip.read(name, part);
    if (!s.ok()) return s;
    pugi::xml_parse_result r =
        doc.load_buffer_inplace(part.data(), part.size(), pugi::parse_default, pugi::encoding_auto);
    if (!r) {
      return Status::error("部件 " + name + " 不是有效的 XML（位置 " + std::to_string(r.offset) +
                           "：" + r.description() + "）");
    }
    return Status();
  }

  Status relationships(const std::string& part_name,
                       std::unordered_map<std::string, Relationship>& out) {
    out.clear();
    const size_t slash = part_name.rfind('/');
    const std::string dir = slash == std::string::npos ? "" : part_name.substr(0, slash + 1);
    const std::string file = slash == std::string::npos ? part_name : part_name.substr(slash + 1);
    const std::string rels = dir + "_rels/" + file + ".rels";
    if (!zip.has(rels)) return Status();
    Status s = parse(rels);
    if (!s.ok()) return s;
    for (pugi::xml_node r = child(doc, "Relationships").first_child(); r; r = r.next_sibling()) {
      if (!is(r, "Relationship")) continue;
      std::string_view type = attr(r, "Type").value();
      const size_t cut = type.rfind('/');
      if (cut != std::string_view::npos) type = type.substr(cut + 1);
      const std::string_view mode = attr(r, "TargetMode").value();
      if (mode == "External") continue;
      out[attr(r, "Id").value()] = {std::string(type),
                                    resolve_target(dir, attr(r, "Target").value())};
    }
    return Status();
  }

  Status read_shared_strings(const std::string& name) {
    shared.clear();
    if (name.empty() || !zip.has(name)) return Status();
    Status s = parse(name);
    if (!s.ok()) return s;
    std::string text;
    for (pugi::xml_node si = child(doc, "sst").first_child(); si; si = si.next_sibling()) {
      if (!is(si, "si")) continue;
      if (shared.size() >= kMaxSharedStrings) {
        return Status::error("共享字符串过多（超过 " + std::to_string(kMaxSharedStrings) + " 个）");
      }
      string_item_text(si, text);
      shared.push_back(text);
    }
    return Status();
  }

  Status read_styles(const std::string& name) {
    styles.clear();
    if (name.empty() || !zip.has(name)) return Status();
    Status s = parse(name);
    if (!s.ok()) return s;
    pugi::xml_node sheet = child(doc, "styleSheet");
    std::unordered_map<int, NumberStyle> custom;
    for (pugi::xml_node f = child(sheet, "numFmts").first_child(); f; f = f.next_sibling()) {
      if (is(f, "numFmt")) {
        custom[attr(f, "numFmtId").as_int(-1)] = custom_style(attr(f, "formatCode").value());
      }
    }
    for (pugi::xml_node xf = child(sheet, "cellXfs").first_child(); xf; xf = xf.next_sibling()) {
      if (!is(xf, "xf")) continue;
      if (styles.size() >= 100000) break;
      const int id = attr(xf, "numFmtId").as_int(0);
      auto it = custom.find(id);
      styles.push_back(it != custom.end() ? it->second : builtin_style(id));
    }
    return Status();
  }

  Status read_sheet(const std::string& name, Sheet& sheet) {
    Status s = parse(name);
    if (!s.ok()) return s;
    pugi::xml_node ws = child(doc, "worksheet");
    if (!ws) return Status::error("部件 " + name + " 不是工作表");
    bool sorted = true;
    uint32_t row = 0;
    bool first_row = true;
    bool row_numbered = false;
    for (pugi::xml_node rn = child(ws, "sheetData").first_child(); rn; rn = rn.next_sibling()) {
      if (!is(rn, "row")) continue;
      const pugi::xml_attribute ra = attr(rn, "r");
      if (ra) {
        const unsigned long long r = ra.as_ullong(0);
        if (r == 0 || r > kMaxRows) {
          return Status::error("工作表「" + sheet.name + "」的行号「" + ra.value() +
                               "」超出 Excel 范围");
        }
        row = static_cast<uint32_t>(r - 1);
        row_numbered = true;
      } else if (!first_row) {
        row_numbered = false;
        ++row;
      }
      first_row = false;
      if (row >= kMaxRows) return Status::error("工作表「" + sheet.name + "」行数超出 Excel 范围");
      uint32_t col = 0;
      bool first_cell = true;
      for (pugi::xml_node cn = rn.first_child(); cn; cn = cn.next_sibling()) {
        if (!is(cn, "c")) continue;
        const pugi::xml_attribute ref = attr(cn, "r");
        uint32_t r = row, c = col;
        if (ref) {
          if (!parse_cell_name(ref.value(), r, c)) {
            return Status::error("工作表「" + sheet.name + "」的单元格位置「" + ref.value() +
                                 "」无效");
          }
          if (row_numbered) {
            r = row;  // the row element decides
          } else {
            row = r;  // a row without a number: its cells say where it is
          }
        } else if (!first_cell) {
          c = col + 1;
        }
        if (c >= kMaxColumns) {
          return Status::error("工作表「" + sheet.name + "」列数超出 Excel 范围");
        }
        first_cell = false;
        col = c;
        Cell cell;
        cell.row = r;
        cell.col = c;
        Status cs = read_cell(cn, cell);
        if (!cs.ok())
          return cs.within("工作表「" + sheet.name + "」单元格 " + cell_name(r, c) + "：");
        if (cell.type == CellType::empty && !cell.formula_without_value) continue;
        if (++cells > kMaxCells) {
          return Status::error("单元格过多（超过 " + std::to_string(kMaxCells) + " 个）");
        }
        if (!sheet.cells.empty()) {
          const Cell& last = sheet.cells.back();
          if (last.row > r || (last.row == r && last.col >= c)) sorted = false;
        }
        sheet.rows = std::max(sheet.rows, r + 1);
        sheet.cols = std::max(sheet.cols, c + 1);
        sheet.cells.push_back(std::move(cell));
      }
    }
    if (!sorted) {
      // Keep the last of duplicated positions, as Excel would.
      std::stable_sort(sheet.cells.begin(), sheet.cells.end(), [](const Cell& a, const Cell& b) {
        return a.row < b.row || (a.row == b.row && a.col < b.col);
      });
      std::vector<Cell> unique;
      unique.reserve(sheet.cells.size());
      for (Cell& c : sheet.cells) {
        if (!unique.empty() && unique.back().row == c.row && unique.back().col == c.col) {
          unique.back() = std::move(c);
        } else {
          unique.push_back(std::move(c));
        }
      }
      sheet.cells.swap(unique);
    }
    for (pugi::xml_node m = child(ws, "mergeCells").first_child(); m; m = m.next_sibling()) {
      if (!is(m, "mergeCell")) continue;
      MergedRange range;
      if (!parse_range(attr(m, "ref").value(), range)) continue;
      if (sheet.merged.size() >= kMaxMergedRanges) {
        return Status::error("工作表「" + sheet.name + "」合并单元格过多");
      }
      sheet.merged.push_back(range);
    }
    return Status();
  }

  Status read_cell(const pugi::xml_node& cn, Cell& cell) {
    const std::string_view type = attr(cn, "t").value();
    const pugi::xml_node v = child(cn, "v");
    const bool has_formula = static_cast<bool>(child(cn, "f"));
    const char* raw = v ? v.text().get() : "";
    if (type == "inlineStr") {
      if (pugi::xml_node is_node = child(cn, "is")) string_item_text(is_node, cell.text);
      cell.type = CellType::text;
    } else if (!v || (has_formula && core::text::trim(raw).empty())) {
      // A formula whose result was never saved (openpyxl writes an empty <v/>).
      cell.formula_without_value = has_formula;
      return Status();
    } else if (type == "s") {
      char* end = nullptr;
      const unsigned long long idx = std::strtoull(raw, &end, 10);
      if (end == raw || idx >= shared.size()) {
        return Status::error("共享字符串编号「" + std::string(raw) + "」不存在");
      }
      cell.text = shared[idx];
      cell.type = CellType::text;
    } else if (type == "str") {
      cell.text = raw;
      decode_escapes(cell.text);
      cell.type = CellType::text;
    } else if (type == "b") {
      cell.number = std::strcmp(raw, "1") == 0 || std::strcmp(raw, "true") == 0 ? 1 : 0;
      cell.text = cell.number != 0 ? "TRUE" : "FALSE";
      cell.type = CellType::boolean;
    } else if (type == "e") {
      cell.text = raw;
      cell.type = CellType::error;
    } else if (type == "d") {
      // ISO 8601 date text: keep the date part in Chinese form.
      int y = 0, m = 0, d = 0;
      if (std::sscanf(raw, "%d-%d-%d", &y, &m, &d) == 3) {
        char buf[48];
        std::snprintf(buf, sizeof buf, "%d年%d月%d日", y, m, d);
        cell.text = buf;
      } else {
        cell.text = raw;
      }
      cell.type = CellType::date;
    } else {
      // A number (t="n" or absent).
      const std::string_view trimmed = core::text::trim(raw);
      if (trimmed.empty()) return Status();
      char* end = nullptr;
      const std::string copy(trimmed);
      const double d = std::strtod(copy.c_str(), &end);
      if (end != copy.c_str() + copy.size() || !std::isfinite(d)) {
        // Not a number after all: keep what was written.
        cell.text = copy;
        cell.type = CellType::text;
        return Status();
      }
      cell.number = d;
      const size_t s = attr(cn, "s").as_uint(0);
      const NumberStyle style = s < styles.size() ? styles[s] : NumberStyle::general;
      switch (style) {
        case NumberStyle::percent: {
          // 0.95 * 100 is 95.00000000000001: 13 significant digits show 95.
          char buf[64];
          std::snprintf(buf, sizeof buf, "%.13g", d * 100 == 0 ? 0.0 : d * 100);
          cell.text = buf;
          cell.text += '%';
          cell.percent = true;
          cell.type = CellType::number;
          break;
        }
        case NumberStyle::general:
          number_text(d, cell.text);
          cell.type = CellType::number;
          break;
        default:
          date_text(d, date1904, style, cell.text);
          cell.type = CellType::date;
      }
    }
    return Status();
  }

  Status read(std::string_view bytes, Workbook& out, const ZipLimits& limits) {
    out.sheets.clear();
    cells = 0;
    Status s = zip.open(bytes, limits);
    if (!s.ok()) return s;
    // The workbook part, found through the package relationships.
    std::string workbook = "xl/workbook.xml";
    std::unordered_map<std::string, Relationship> rels;
    s = relationships("", rels);
    if (!s.ok()) return s;
    for (const auto& [id, rel] : rels) {
      if (rel.type == "officeDocument") workbook = rel.target;
    }
    if (!zip.has(workbook)) {
      return Status::error(
          "不是 Excel 工作簿（缺少 workbook.xml，可能是 Word 文档或其他 zip 文件）");
    }
    s = relationships(workbook, rels);
    if (!s.ok()) return s;
    std::string shared_name, styles_name;
    for (const auto& [id, rel] : rels) {
      if (rel.type == "sharedStrings") shared_name = rel.target;
      if (rel.type == "styles") styles_name = rel.target;
    }
    s = read_shared_strings(shared_name);
    if (!s.ok()) return s;
    s = read_styles(styles_name);
    if (!s.ok()) return s;
    // The sheet list, in workbook order.
    s = parse(workbook);
    if (!s.ok()) return s;
    pugi::xml_node wb = child(doc, "workbook");
    if (!wb) return Status::error("workbook.xml 不是工作簿");
    const std::string_view d1904 = attr(child(wb, "workbookPr"), "date1904").value();
    date1904 = d1904 == "1" || d1904 == "true";
    struct SheetEntry {
      std::string name;
      std::string part;
      bool hidden;
    };
    std::vector<SheetEntry> entries;
    for (pugi::xml_node n = child(wb, "sheets").first_child(); n; n = n.next_sibling()) {
      if (!is(n, "sheet")) continue;
      if (entries.size() >= kMaxSheets) return Status::error("工作表过多");
      auto it = rels.find(attr(n, "id").value());
      if (it == rels.end() || it->second.type != "worksheet") continue;  // chartsheets etc.
      const std::string_view state = attr(n, "state").value();
      entries.push_back(
          {attr(n, "name").value(), it->second.target, !state.empty() && state != "visible"});
    }
    if (entries.empty()) return Status::error("工作簿中没有工作表");
    for (const SheetEntry& entry : entries) {
      Sheet& sheet = out.sheets.emplace_back();
      sheet.name = entry.name;
      sheet.hidden = entry.hidden;
      s = read_sheet(entry.part, sheet);
      if (!s.ok()) return s;
    }
    return Status();
  }
};

XlsxReader::XlsxReader() : impl_(std::make_unique<Impl>()) {}
XlsxReader::~XlsxReader() = default;

Status XlsxReader::read(std::string_view bytes, Workbook& out, const ZipLimits& limits) {
  Status s = impl_->read(bytes, out, limits);
  impl_->zip.close();  // the caller's bytes need not outlive this call
  return s;
}

}  // namespace jixiao::office
