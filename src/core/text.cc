#include "core/text.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <utility>

#include "core/substring.h"

namespace jixiao::core::text {
namespace {

// Traditional → simplified for the characters that occur in budget and
// performance tables, in no order (make_sorted_table sorts them for binary
// search). Small: full conversion needs a dictionary; these are the ones
// that change how a value, its unit or a qualitative word is read.
constexpr std::pair<char32_t, char32_t> kTraditional[] = {
    {U'們', U'们'}, {U'個', U'个'}, {U'備', U'备'}, {U'價', U'价'}, {U'億', U'亿'}, {U'優', U'优'},
    {U'內', U'内'}, {U'劃', U'划'}, {U'動', U'动'}, {U'務', U'务'}, {U'區', U'区'}, {U'單', U'单'},
    {U'厲', U'厉'}, {U'員', U'员'}, {U'問', U'问'}, {U'團', U'团'}, {U'報', U'报'}, {U'處', U'处'},
    {U'實', U'实'}, {U'審', U'审'}, {U'專', U'专'}, {U'對', U'对'}, {U'導', U'导'}, {U'層', U'层'},
    {U'幣', U'币'}, {U'廣', U'广'}, {U'後', U'后'}, {U'從', U'从'}, {U'應', U'应'}, {U'戶', U'户'},
    {U'採', U'采'}, {U'據', U'据'}, {U'數', U'数'}, {U'於', U'于'}, {U'時', U'时'}, {U'會', U'会'},
    {U'條', U'条'}, {U'業', U'业'}, {U'極', U'极'}, {U'標', U'标'}, {U'歸', U'归'}, {U'況', U'况'},
    {U'測', U'测'}, {U'準', U'准'}, {U'滿', U'满'}, {U'為', U'为'}, {U'無', U'无'}, {U'產', U'产'},
    {U'發', U'发'}, {U'確', U'确'}, {U'種', U'种'}, {U'節', U'节'}, {U'範', U'范'}, {U'類', U'类'},
    {U'級', U'级'}, {U'結', U'结'}, {U'經', U'经'}, {U'維', U'维'}, {U'績', U'绩'}, {U'續', U'续'},
    {U'總', U'总'}, {U'編', U'编'}, {U'線', U'线'}, {U'緊', U'紧'}, {U'聯', U'联'}, {U'與', U'与'},
    {U'萬', U'万'}, {U'號', U'号'}, {U'衛', U'卫'}, {U'補', U'补'}, {U'製', U'制'}, {U'規', U'规'},
    {U'視', U'视'}, {U'計', U'计'}, {U'設', U'设'}, {U'評', U'评'}, {U'認', U'认'}, {U'調', U'调'},
    {U'證', U'证'}, {U'議', U'议'}, {U'護', U'护'}, {U'讓', U'让'}, {U'質', U'质'}, {U'費', U'费'},
    {U'資', U'资'}, {U'購', U'购'}, {U'較', U'较'}, {U'過', U'过'}, {U'達', U'达'}, {U'運', U'运'},
    {U'進', U'进'}, {U'適', U'适'}, {U'遲', U'迟'}, {U'醫', U'医'}, {U'長', U'长'}, {U'門', U'门'},
    {U'開', U'开'}, {U'間', U'间'}, {U'關', U'关'}, {U'際', U'际'}, {U'險', U'险'}, {U'隨', U'随'},
    {U'項', U'项'}, {U'預', U'预'}, {U'領', U'领'}, {U'額', U'额'}, {U'顯', U'显'}, {U'響', U'响'},
    {U'驗', U'验'}, {U'體', U'体'}, {U'點', U'点'}, {U'兩', U'两'}, {U'昇', U'升'}, {U'訓', U'训'},
    {U'蓋', U'盖'}, {U'檢', U'检'}, {U'週', U'周'}, {U'將', U'将'}, {U'沒', U'没'}, {U'滯', U'滞'},
    {U'緩', U'缓'}, {U'錯', U'错'}, {U'誤', U'误'}, {U'違', U'违'}, {U'壓', U'压'}, {U'縮', U'缩'},
    {U'減', U'减'}, {U'積', U'积'}, {U'統', U'统'}, {U'執', U'执'}, {U'擴', U'扩'}, {U'強', U'强'},
    {U'場', U'场'}, {U'學', U'学'}, {U'環', U'环'}, {U'農', U'农'}, {U'貧', U'贫'}, {U'養', U'养'},
    {U'療', U'疗'}, {U'傳', U'传'}, {U'燈', U'灯'}, {U'紅', U'红'}, {U'綠', U'绿'}, {U'藍', U'蓝'},
    {U'黃', U'黄'}, {U'約', U'约'}, {U'穩', U'稳'}, {U'歷', U'历'}, {U'臺', U'台'}, {U'屆', U'届'},
    {U'決', U'决'}, {U'雙', U'双'}, {U'幾', U'几'}, {U'離', U'离'}, {U'縣', U'县'}, {U'鄉', U'乡'},
    {U'鎮', U'镇'}, {U'現', U'现'}, {U'噸', U'吨'}, {U'輛', U'辆'}, {U'畝', U'亩'}, {U'張', U'张'},
    {U'棟', U'栋'}, {U'齊', U'齐'}, {U'機', U'机'}, {U'辦', U'办'}, {U'撥', U'拨'}, {U'兌', U'兑'},
    {U'貼', U'贴'}, {U'監', U'监'}, {U'題', U'题'}, {U'啟', U'启'}, {U'國', U'国'}, {U'來', U'来'},
    {U'這', U'这'}, {U'還', U'还'}, {U'樣', U'样'}, {U'稅', U'税'}, {U'歲', U'岁'}, {U'車', U'车'},
    {U'書', U'书'}, {U'樓', U'楼'}, {U'筆', U'笔'}, {U'頁', U'页'}, {U'冊', U'册'}, {U'輪', U'轮'},
    {U'塊', U'块'}, {U'盞', U'盏'}, {U'顆', U'颗'}, {U'課', U'课'}, {U'講', U'讲'}, {U'練', U'练'},
    {U'參', U'参'}, {U'讀', U'读'}, {U'記', U'记'}, {U'錄', U'录'}, {U'檔', U'档'}, {U'網', U'网'},
    {U'絡', U'络'}, {U'電', U'电'}, {U'氣', U'气'}, {U'熱', U'热'}, {U'礦', U'矿'}, {U'鐵', U'铁'},
    {U'鋼', U'钢'}, {U'橋', U'桥'}, {U'島', U'岛'}, {U'壩', U'坝'}, {U'溝', U'沟'}, {U'閘', U'闸'},
    {U'廠', U'厂'}, {U'庫', U'库'}, {U'園', U'园'}, {U'館', U'馆'}, {U'藥', U'药'}, {U'殘', U'残'},
    {U'災', U'灾'}, {U'幫', U'帮'}, {U'獎', U'奖'}, {U'勵', U'励'}, {U'罰', U'罚'}, {U'貸', U'贷'},
    {U'債', U'债'}, {U'權', U'权'}, {U'責', U'责'}, {U'齡', U'龄'}, {U'兒', U'儿'}, {U'婦', U'妇'},
    {U'職', U'职'}, {U'稱', U'称'}, {U'綜', U'综'}, {U'試', U'试'}, {U'飲', U'饮'}, {U'純', U'纯'},
    {U'淨', U'净'}, {U'潔', U'洁'}, {U'態', U'态'}, {U'溫', U'温'}, {U'濕', U'湿'}, {U'聲', U'声'},
    {U'臨', U'临'}, {U'興', U'兴'}, {U'觀', U'观'}, {U'營', U'营'}, {U'銷', U'销'}, {U'貨', U'货'},
    {U'財', U'财'}, {U'織', U'织'}, {U'紀', U'纪'}, {U'戰', U'战'}, {U'鬥', U'斗'}, {U'勞', U'劳'},
    {U'腦', U'脑'}, {U'劑', U'剂'}, {U'滅', U'灭'}, {U'蟲', U'虫'}, {U'畫', U'画'}, {U'藝', U'艺'},
    {U'術', U'术'}, {U'劇', U'剧'}, {U'隊', U'队'}, {U'軍', U'军'}, {U'鍛', U'锻'}, {U'煉', U'炼'},
    {U'賽', U'赛'}, {U'遊', U'游'}, {U'覽', U'览'}, {U'鄰', U'邻'}, {U'償', U'偿'}, {U'徵', U'征'},
    {U'遷', U'迁'}, {U'組', U'组'}, {U'碼', U'码'}, {U'儲', U'储'}, {U'輸', U'输'}, {U'郵', U'邮'},
    {U'遞', U'递'}, {U'倉', U'仓'}, {U'鏈', U'链'}, {U'纜', U'缆'}, {U'訊', U'讯'}, {U'擬', U'拟'},
    {U'裝', U'装'}, {U'礎', U'础'}, {U'轉', U'转'}, {U'錢', U'钱'}, {U'銀', U'银'}, {U'帳', U'账'},
    {U'賬', U'账'}, {U'夠', U'够'}, {U'廳', U'厅'}, {U'輔', U'辅'}, {U'僅', U'仅'},
};

constexpr auto make_sorted_table() {
  std::array<std::pair<char32_t, char32_t>, std::size(kTraditional)> table{};
  for (size_t i = 0; i < table.size(); ++i) table[i] = kTraditional[i];
  std::sort(table.begin(), table.end());
  return table;
}
constexpr auto kTraditionalSorted = make_sorted_table();
static_assert(std::adjacent_find(kTraditionalSorted.begin(), kTraditionalSorted.end(),
                                 [](const auto& a, const auto& b) { return a.first == b.first; }) ==
                  kTraditionalSorted.end(),
              "a traditional character is listed twice");

char32_t simplify(char32_t cp) {
  auto it = std::lower_bound(kTraditionalSorted.begin(), kTraditionalSorted.end(),
                             std::pair<char32_t, char32_t>{cp, 0});
  return (it != kTraditionalSorted.end() && it->first == cp) ? it->second : cp;
}

// Look-alikes typed in tables, and what they mean.
constexpr std::pair<char32_t, char32_t> kLookAlikes[] = {
    {0x3000, U' '},  // ideographic space
    {0x00A0, U' '},  // no-break space
    {0x2267, U'≥'},  // ≧
    {0x2A7E, U'≥'},  // ⩾
    {0x2266, U'≤'},  // ≦
    {0x2A7D, U'≤'},  // ⩽
    {0x2550, U'='},  // ═
    {0xFE65, U'>'},  // ﹥
    {0xFE64, U'<'},  // ﹤
    {0x2014, U'-'},  // — between range bounds
    {0x2013, U'-'},  // –
    {0xFE6A, U'%'},  // ﹪
    // Invisible characters pasted with a cell's text fold to nothing (0).
    {0x200B, 0},  // zero-width space
    {0x200C, 0},  // zero-width non-joiner
    {0x200D, 0},  // zero-width joiner
    {0x2060, 0},  // word joiner
    {0xFEFF, 0},  // zero-width no-break space, a byte-order mark
};

char32_t fold(char32_t cp) {
  if (cp < 0x80) return cp;
  if (cp >= 0xFF01 && cp <= 0xFF5E) return cp - 0xFEE0;  // full-width ASCII
  for (const auto& [from, to] : kLookAlikes) {
    if (cp == from) return to;
  }
  return simplify(cp);
}

// One bit per code point of the Basic Multilingual Plane: set where fold()
// changes it, from the same tables fold() reads (a test checks they agree).
constexpr auto make_fold_bits() {
  std::array<uint64_t, 0x10000 / 64> bits{};
  auto set = [&](char32_t cp) { bits[cp / 64] |= uint64_t{1} << (cp % 64); };
  for (char32_t cp = 0xFF01; cp <= 0xFF5E; ++cp) set(cp);
  for (const auto& [from, to] : kLookAlikes) set(from);
  for (const auto& [from, to] : kTraditional) set(from);
  return bits;
}

bool is_space(char32_t cp) {
  return cp == U' ' || cp == U'\t' || cp == U'\n' || cp == U'\r';
}

constexpr auto kFoldBits = make_fold_bits();

bool folds(char32_t cp) {
  return cp >= 0x10000 ? fold(cp) != cp : (kFoldBits[cp / 64] >> (cp % 64)) & 1;
}

// Whether the run of spaces (ASCII or tabs) that starts at `at` stands between
// a figure and the words or signs around it, as Word's typesetting puts it
// ("2024 年 12 月", "95 %", "≥ 95%"): after a digit before '%' or a character
// past ASCII, or after such a character before a digit. It says nothing and
// is dropped. Not between two digits ("1 200人") nor between words.
bool space_beside_figure(std::string_view s, size_t at) {
  if (at == 0) return false;
  size_t end = at;
  while (end < s.size() && (s[end] == ' ' || s[end] == '\t')) ++end;
  if (end == s.size()) return false;
  const auto before = static_cast<unsigned char>(s[at - 1]);
  const auto after = static_cast<unsigned char>(s[end]);
  const bool digit_before = before >= '0' && before <= '9';
  const bool digit_after = after >= '0' && after <= '9';
  return (digit_before && (after >= 0x80 || after == '%')) || (before >= 0x80 && digit_after);
}

// Drops each run of spaces space_beside_figure finds in `s`, in place.
void drop_spaces_beside_figures(std::string& s) {
  if (s.find_first_of(" \t") == std::string::npos) return;
  size_t kept = 0;
  for (size_t at = 0; at < s.size();) {
    // s[at - 1] is still the byte read there: what is kept is written behind `at`.
    if ((s[at] == ' ' || s[at] == '\t') && space_beside_figure(s, at)) {
      while (at < s.size() && (s[at] == ' ' || s[at] == '\t')) ++at;
      continue;
    }
    s[kept++] = s[at++];
  }
  s.resize(kept);
}

}  // namespace

char32_t next_code_point_slow(std::string_view s, size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int len = (b0 & 0xE0) == 0xC0 ? 2 : (b0 & 0xF0) == 0xE0 ? 3 : (b0 & 0xF8) == 0xF0 ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return b0;
  }
  char32_t cp = b0 & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return b0;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  i += len;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

void normalize_into(std::string_view in, std::string& out) {
  out.clear();
  size_t i = 0;
  while (i < in.size()) {
    const auto b = static_cast<unsigned char>(in[i]);
    if (b < 0x80) {  // fast path for ASCII
      out.push_back(static_cast<char>(b));
      ++i;
      continue;
    }
    const size_t start = i;
    const char32_t cp = next_code_point(in, i);
    if (i - start == 1) {  // an invalid byte: keep it as it is
      out.push_back(static_cast<char>(b));
      continue;
    }
    const char32_t folded = fold(cp);
    if (folded == cp) {
      out.append(in.substr(start, i - start));  // keep the original bytes
    } else if (folded != 0) {
      append_utf8(out, folded);
    }
  }
  drop_spaces_beside_figures(out);
  size_t b = 0;
  size_t e = out.size();
  while (b < e && is_space(static_cast<unsigned char>(out[b]))) ++b;
  while (e > b && is_space(static_cast<unsigned char>(out[e - 1]))) --e;
  if (e != out.size()) out.resize(e);
  if (b != 0) out.erase(0, b);
}

std::string_view normalize_view(std::string_view in, std::string& scratch) {
  for (size_t i = 0; i < in.size();) {
    if (static_cast<unsigned char>(in[i]) < 0x80) {
      if ((in[i] == ' ' || in[i] == '\t') && space_beside_figure(in, i)) {
        normalize_into(in, scratch);
        return scratch;
      }
      ++i;
      continue;
    }
    const size_t start = i;
    const char32_t cp = next_code_point(in, i);
    if (i - start > 1 && folds(cp)) {
      normalize_into(in, scratch);
      return scratch;
    }
  }
  size_t b = 0;
  size_t e = in.size();
  while (b < e && is_space(static_cast<unsigned char>(in[b]))) ++b;
  while (e > b && is_space(static_cast<unsigned char>(in[e - 1]))) --e;
  return in.substr(b, e - b);
}

std::string_view lines_as_clauses(std::string_view s, std::string& scratch) {
  constexpr std::string_view kBreaks = "\n\r;";
  if (s.find_first_of(kBreaks) == std::string_view::npos) return s;
  const auto parts_already = [](std::string_view side, bool before) {
    for (char mark : {',', '(', ')'}) {  // normalized: the full-width ones are ASCII
      if (before ? side.ends_with(mark) : side.starts_with(mark)) return true;
    }
    return false;
  };
  scratch.clear();
  for (size_t at = 0; at < s.size();) {
    if (kBreaks.find(s[at]) == std::string_view::npos) {
      scratch += s[at++];
      continue;
    }
    // The run of breaks and the spaces around them, as one.
    while (!scratch.empty() && is_space(static_cast<unsigned char>(scratch.back()))) {
      scratch.pop_back();
    }
    while (at < s.size() && (kBreaks.find(s[at]) != std::string_view::npos ||
                             is_space(static_cast<unsigned char>(s[at])))) {
      ++at;
    }
    if (!scratch.empty() && at < s.size() && !parts_already(scratch, true) &&
        !parts_already(s.substr(at), false)) {
      scratch += ',';  // as normalize writes a full-width comma
    }
  }
  return scratch;
}

std::string normalize_cell(std::string_view in) {
  std::string out = normalize(in);
  std::string lines;
  if (lines_as_clauses(out, lines).data() == lines.data()) out.swap(lines);
  return out;
}

std::string normalize(std::string_view in) {
  std::string out;
  normalize_into(in, out);
  return out;
}

bool names_a_time(std::string_view words) {
  for (std::string_view end : {"时间", "日期", "时限", "期限", "节点"}) {
    if (words.ends_with(end)) return true;
  }
  return false;
}

std::string_view target_column(std::string_view label) {
  static constexpr std::string_view kTargetColumns[] = {
      "年度指标值", "指标值", "目标值", "年度目标值", "年度目标", "绩效目标", "预期目标", "目标"};
  const auto* found = std::find(std::begin(kTargetColumns), std::end(kTargetColumns), label);
  return found == std::end(kTargetColumns) ? std::string_view() : *found;
}

namespace {

// What follows the time a figure is counted to, said before it in a clause
// of its own ("截至2024年底，98%", "截止到目前，520人"), when it begins with a
// figure; else "". Not the time alone ("截至2024年5月未完成", a date's).
std::string_view after_time_counted_to(std::string_view s) {
  if (!s.starts_with("截")) return {};  // the fast way past nearly every cell
  std::string_view rest = s;
  if (!drop_prefix(rest, {"截止到", "截至", "截止"})) return {};
  constexpr size_t kLongestTime = 30;   // bytes: "2024年12月31日" is 17
  const size_t comma = rest.find(',');  // normalized: the Chinese comma is ASCII
  if (comma == std::string_view::npos || comma == 0 || comma > kLongestTime) return {};
  rest = trim(rest.substr(comma + 1));
  const bool figure_next = !rest.empty() && ((rest[0] >= '0' && rest[0] <= '9') ||
                                             rest.starts_with("≥") || rest.starts_with("≤"));
  return figure_next ? rest : std::string_view();
}

}  // namespace

std::string_view without_field_label(std::string_view s, std::string_view* dropped_column) {
  static constexpr std::string_view kColumns[] = {
      "实际完成值", "实际完成情况", "实际完成数", "实际完成", "实际值",   "实际",
      "完成情况",   "完成值",       "完成数",     "执行情况", "实施情况", "落实情况",
      "自评情况",   "自评结果",     "评价结果",   "完成结果", "结果",     "情况",
      "评价等级",   "考核等级",     "考核结果",   "评定等级", "等级",     "评价等次"};
  // One label after another ("完成情况：实际完成：…") as one.
  for (;;) {
    if (const std::string_view rest = after_time_counted_to(s); !rest.empty()) s = rest;
    const size_t colon = s.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 30) return s;
    std::string_view label = trim(s.substr(0, colon));
    // The year's or the period's ("2024年", "全年", "年度") before the column's name.
    size_t digits = 0;
    while (digits < label.size() && label[digits] >= '0' && label[digits] <= '9') ++digits;
    if (digits == 4 && label.substr(digits).starts_with("年")) label.remove_prefix(digits);
    drop_prefix(label, {"年度", "全年", "本年度", "本年", "当年", "年"});
    const std::string_view rest = trim(s.substr(colon + 1));
    if (rest.empty()) return s;
    if (const std::string_view column = target_column(label); !column.empty()) {
      // The target's column before words ("年度指标值：完整") says nothing.
      // Before a figure ("目标值：120人") it is the figure's label, for a
      // plan's figure is no actual: kept in the cell, or given to the caller.
      const bool figure_next = (rest[0] >= '0' && rest[0] <= '9') || rest.starts_with("≥") ||
                               rest.starts_with("≤") || rest[0] == '>' || rest[0] == '<' ||
                               rest[0] == '=';
      if (dropped_column != nullptr) {
        *dropped_column = column;
      } else if (figure_next) {
        return s;
      }
    } else if (std::find(std::begin(kColumns), std::end(kColumns), label) == std::end(kColumns)) {
      return s;
    }
    s = rest;
  }
}

std::string_view without_pointer(std::string_view s) {
  constexpr size_t kLongest = 36;  // bytes of a pointer: "具体详见附件2《项目验收报告》" is prose
  const auto points = [](std::string_view remark) {
    if (remark.empty() || remark.size() > kLongest) return false;
    // Or says only that the value was checked: "（经核实）", "，已现场核查", "（经审核无误）".
    if (drop_prefix(remark, {"经", "已经", "已"})) {
      drop_prefix(remark, {"现场", "实地", "逐一", "逐户", "抽样"});
      if (!drop_prefix(remark, {"核实", "核查", "审核", "复核", "核对", "查验", "验证", "确认"})) {
        return false;
      }
      drop_prefix(remark, {"确认", "无误"});
      return remark.empty();
    }
    if (!drop_prefix(remark, {"具体详见", "具体见", "详见", "参见", "见"})) return false;
    return drop_prefix(remark, {"附件", "附表", "附录", "佐证", "报告", "说明", "清单", "明细",
                                "台账", "表", "第", "正文"});
  };
  // In brackets at the end, the whole cell before them kept: "95%(详见附件)".
  if (s.ends_with(")") || s.ends_with("）")) {
    const size_t close = s.ends_with(")") ? 1 : 3;
    const size_t ascii = s.rfind('(');
    const size_t wide = s.rfind("（");
    const size_t open = ascii == std::string_view::npos  ? wide
                        : wide == std::string_view::npos ? ascii
                                                         : std::max(ascii, wide);
    if (open != std::string_view::npos && open > 0) {
      const size_t inside = s[open] == '(' ? open + 1 : open + 3;
      if (inside + close <= s.size() && points(trim(s.substr(inside, s.size() - close - inside)))) {
        return trim(s.substr(0, open));
      }
    }
    return s;
  }
  // After the last comma or semicolon: "基本完整，详见附件".
  size_t at = std::string_view::npos;
  size_t mark = 0;
  for (std::string_view m : {",", "，", ";", "；"}) {
    const size_t found = s.rfind(m);
    if (found != std::string_view::npos && (at == std::string_view::npos || found > at)) {
      at = found;
      mark = m.size();
    }
  }
  if (at == std::string_view::npos || at == 0 || !points(trim(s.substr(at + mark)))) return s;
  return trim(s.substr(0, at));
}

int drop_inclusive_bound(std::string_view& s) {
  if (drop_prefix(s, {"≤", "<=", "=<", "不超过", "不高于", "不大于", "不多于", "小于等于",
                      "小于或等于", "至多", "最多"})) {
    return -1;
  }
  if (drop_prefix(s, {"≥", ">=", "=>", "不低于", "不少于", "不小于", "大于等于", "大于或等于",
                      "至少", "最少"})) {
    return 1;
  }
  return 0;
}

std::string_view from_bound_after_label(std::string_view s) {
  constexpr int kLongestLabel = 10;  // characters
  const auto bound_at = [](std::string_view rest) {
    std::string_view probe = rest;
    return drop_inclusive_bound(probe) != 0 || rest.starts_with("<") || rest.starts_with(">") ||
           rest.starts_with("控制在");
  };
  if (bound_at(s)) return s;
  size_t i = 0;
  for (int n = 0; n < kLongestLabel && i < s.size(); ++n) {
    const char32_t cp = next_code_point(s, i);
    if (cp < 0x4E00 || cp > 0x9FFF) return s;  // a digit, a mark, a space: no label
    if (bound_at(s.substr(i))) return s.substr(i);
  }
  return s;
}

std::string_view trim(std::string_view s) {
  auto starts_ideographic_space = [](std::string_view v) { return v.substr(0, 3) == "\u3000"; };
  auto ends_ideographic_space = [](std::string_view v) {
    return v.size() >= 3 && v.substr(v.size() - 3) == "\u3000";
  };
  for (;;) {
    if (!s.empty() && is_space(static_cast<unsigned char>(s.front()))) {
      s.remove_prefix(1);
    } else if (starts_ideographic_space(s)) {
      s.remove_prefix(3);
    } else if (!s.empty() && is_space(static_cast<unsigned char>(s.back()))) {
      s.remove_suffix(1);
    } else if (ends_ideographic_space(s)) {
      s.remove_suffix(3);
    } else {
      return s;
    }
  }
}

size_t display_width(std::string_view s) {
  size_t width = 0;
  size_t i = 0;
  while (i < s.size()) width += code_point_width(next_code_point(s, i));
  return width;
}

size_t code_points(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    next_code_point(s, i);
    ++n;
  }
  return n;
}

bool is_row_numeral(char32_t cp) {
  switch (cp) {
    case U'一':
    case U'二':
    case U'三':
    case U'四':
    case U'五':
    case U'六':
    case U'七':
    case U'八':
    case U'九':
    case U'十':
      return true;
    default:
      return cp >= '0' && cp <= '9';
  }
}

std::string_view without_heading_marker(std::string_view s) {
  s = trim(s);
  // Whether s[begin, end) is a numeral: Arabic digits or 一 to 十.
  const auto numeral = [&s](size_t begin, size_t end) {
    if (begin >= end) return false;
    for (size_t i = begin; i < end;) {
      if (!is_row_numeral(next_code_point(s, i))) return false;
    }
    return true;
  };
  for (const auto& [open, close] :
       {std::pair<std::string_view, std::string_view>{"（", "）"}, {"(", ")"}}) {
    if (!s.starts_with(open)) continue;
    const size_t end = s.find(close);
    if (end != std::string_view::npos && end <= 12 && numeral(open.size(), end)) {
      return trim(s.substr(end + close.size()));
    }
  }
  if (const size_t dun = s.find("、");
      dun != std::string_view::npos && dun <= 9 && numeral(0, dun)) {
    return trim(s.substr(dun + std::string_view("、").size()));
  }
  // "一)", "十一）", "三．": numerals in words closed as digits are.
  size_t words_end = 0;
  for (int count = 0; count < 3 && words_end < s.size(); ++count) {
    size_t next = words_end;
    const char32_t cp = next_code_point(s, next);
    if (!is_row_numeral(cp) || cp < 0x80) break;  // digits are read below
    words_end = next;
  }
  for (std::string_view close : {")", "）", ".", "．"}) {
    if (words_end > 0 && s.substr(words_end).starts_with(close)) {
      return trim(s.substr(words_end + close.size()));
    }
  }
  // "1.", "1．", "1.1 ", "2.1.3": numbers, each closed by a point but the last, which a
  // space or a second point before it may close too; one point between digits with
  // no space after is a figure ("1.5米").
  size_t at = 0;
  size_t marker_end = 0;
  int points = 0;
  while (true) {
    size_t i = at;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == at) break;
    if (s.substr(i).starts_with(".") || s.substr(i).starts_with("．")) {
      at = i + (s[i] == '.' ? 1 : std::string_view("．").size());
      marker_end = at;
      ++points;
    } else if (points >= 2 || (points == 1 && i < s.size() && s[i] == ' ')) {
      marker_end = i;
      break;
    } else if (points == 0 && i <= 2 &&
               (s.substr(i).starts_with(")") || s.substr(i).starts_with("）"))) {
      marker_end = i + (s[i] == ')' ? 1 : std::string_view("）").size());  // "1)", "1）"
      break;
    } else {
      if (points == 1) return s;  // "1.5米": a figure
      break;
    }
  }
  if (marker_end > 0) return trim(s.substr(marker_end));
  for (std::string_view c : {"①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩"}) {
    if (s.starts_with(c)) return trim(s.substr(c.size()));
  }
  return s;
}

namespace {

// Whether `name` is read as it is written: it begins with an ideograph that is no
// numeral (so no heading marker) and ends with one (no bracket, no space), with no line
// break between. Most names are; each leaf asks, so a few bytes decide.
bool plain_name(std::string_view name) {
  const auto ideograph_at = [name](size_t at) {
    const auto lead = static_cast<unsigned char>(name[at]);
    return lead >= 0xE4 && lead <= 0xE9;  // U+4000–U+9FFF
  };
  if (name.size() < 3 || !ideograph_at(0) || !ideograph_at(name.size() - 3)) return false;
  const char32_t first = (static_cast<char32_t>(name[0] & 0x0F) << 12) |
                         (static_cast<char32_t>(name[1] & 0x3F) << 6) |
                         static_cast<char32_t>(name[2] & 0x3F);
  if (is_row_numeral(first)) return false;  // a marker may begin so ("一、")
  // A control character (a line break) anywhere: one pass over the few bytes, which
  // beats two calls of memchr on names this short.
  unsigned char controls = 0;
  for (const char c : name) controls |= static_cast<unsigned char>(c) < 0x20;
  return controls == 0;
}

}  // namespace

std::string_view measure_name(std::string_view name, std::string& scratch) {
  if (plain_name(name)) return name;
  if (name.find_first_of("\r\n") != std::string_view::npos) {
    // Each line trimmed and joined: the breaks and the spaces around them are wrapping.
    scratch.clear();
    for (size_t begin = 0; begin <= name.size();) {
      size_t end = name.find_first_of("\r\n", begin);
      if (end == std::string_view::npos) end = name.size();
      scratch += trim(name.substr(begin, end - begin));
      begin = end + 1;
    }
    name = scratch;
  }
  std::string_view s = without_heading_marker(name);
  for (const auto& [open, close] :
       {std::pair<std::string_view, std::string_view>{"（", "）"}, {"(", ")"}, {"【", "】"}}) {
    if (!s.ends_with(close)) continue;
    const size_t begin = s.rfind(open);
    if (begin != std::string_view::npos && begin > 0) s = trim(s.substr(0, begin));
    break;
  }
  return s;
}

std::string quoted(std::string_view s) {
  return "「" + std::string(s) + "」";
}

bool has_digit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool may_have_clauses(std::string_view s) {
#ifdef __SSE2__
  // Sixteen bytes at a time (most figures fit one block): ',', '(', ';', a line
  // break (lines are clauses) or the lead byte 0xEF of U+F000–U+FFFF, which
  // holds the full-width forms.
  const __m128i line = _mm_set1_epi8('\n');
  const __m128i comma = _mm_set1_epi8(',');
  const __m128i open = _mm_set1_epi8('(');
  const __m128i semicolon = _mm_set1_epi8(';');
  const __m128i wide = _mm_set1_epi8(static_cast<char>(0xEF));
  for (size_t i = 0; i < s.size(); i += 16) {
    alignas(16) char block[16] = {};
    std::memcpy(block, s.data() + i, std::min<size_t>(16, s.size() - i));
    const __m128i b = _mm_load_si128(reinterpret_cast<const __m128i*>(block));
    const __m128i hit = _mm_or_si128(
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(b, comma), _mm_cmpeq_epi8(b, open)),
                     _mm_or_si128(_mm_cmpeq_epi8(b, semicolon), _mm_cmpeq_epi8(b, wide))),
        _mm_cmpeq_epi8(b, line));
    if (_mm_movemask_epi8(hit) != 0) return true;
  }
  return false;
#else
  return std::any_of(s.begin(), s.end(), [](char c) {
    return c == ',' || c == '(' || c == ';' || c == '\n' || static_cast<unsigned char>(c) == 0xEF;
  });
#endif
}

bool is_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const size_t start = i;
    next_code_point(s, i);
    if (i - start == 1) return false;  // a byte that starts or continues nothing
  }
  return true;
}

namespace {

// GB18030's multi-byte characters: a lead byte 0x81–0xFE, then a trail byte
// 0x40–0xFE other than 0x7F (two bytes, all of GBK), or a digit, a lead and a
// digit (four bytes). Returns whether every byte past ASCII is in one.
bool is_gb18030(std::string_view s) {
  auto in = [](unsigned char b, unsigned lo, unsigned hi) { return b >= lo && b <= hi; };
  bool any = false;
  for (size_t i = 0; i < s.size();) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
      ++i;
      continue;
    }
    if (!in(b0, 0x81, 0xFE) || i + 1 >= s.size()) return false;
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    if (in(b1, 0x40, 0xFE) && b1 != 0x7F) {
      i += 2;
    } else if (in(b1, 0x30, 0x39) && i + 3 < s.size() &&
               in(static_cast<unsigned char>(s[i + 2]), 0x81, 0xFE) &&
               in(static_cast<unsigned char>(s[i + 3]), 0x30, 0x39)) {
      i += 4;
    } else {
      return false;
    }
    any = true;
  }
  return any;
}

}  // namespace

Encoding guess_encoding(std::string_view bytes) {
  if (bytes.starts_with("\xFF\xFE")) return Encoding::utf16le;
  if (bytes.starts_with("\xFE\xFF")) return Encoding::utf16be;
  // UTF-16 without a mark: ASCII and most punctuation have a zero high byte.
  if (bytes.size() >= 4) {
    const bool even_zeros = bytes[0] == '\0' && bytes[2] == '\0' && bytes[1] != '\0';
    const bool odd_zeros = bytes[1] == '\0' && bytes[3] == '\0' && bytes[0] != '\0';
    if (odd_zeros) return Encoding::utf16le;
    if (even_zeros) return Encoding::utf16be;
  }
  if (is_utf8(bytes)) return Encoding::utf8;
  if (is_gb18030(bytes)) return Encoding::gb18030;
  return Encoding::unknown;
}

std::string closest_word(std::string_view word, const std::vector<std::string>& candidates) {
  // Levenshtein distance by one row; a slip is at most a third of the word
  // (and at least one edit), so "list" is not offered for "lst2x".
  std::string best;
  size_t best_distance = std::max<size_t>(1, word.size() / 3) + 1;
  std::vector<size_t> row;
  for (const std::string& c : candidates) {
    row.resize(c.size() + 1);
    for (size_t j = 0; j <= c.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= word.size(); ++i) {
      size_t diagonal = row[0];
      row[0] = i;
      for (size_t j = 1; j <= c.size(); ++j) {
        const size_t above = row[j];
        row[j] =
            std::min({row[j] + 1, row[j - 1] + 1, diagonal + (word[i - 1] == c[j - 1] ? 0 : 1)});
        diagonal = above;
      }
    }
    if (row[c.size()] < best_distance) {
      best_distance = row[c.size()];
      best = c;
    }
  }
  return best;
}

bool starts_negated(std::string_view s) {
  static constexpr std::string_view kNegations[] = {"不", "未", "无", "没", "非"};
  static constexpr std::string_view kNotNegations[] = {"不断", "不仅", "不但", "不懈",
                                                       "非常", "无论", "无私", "无偿"};
  const auto starts = [&](std::string_view w) { return s.starts_with(w); };
  return std::any_of(std::begin(kNegations), std::end(kNegations), starts) &&
         std::none_of(std::begin(kNotNegations), std::end(kNotNegations), starts);
}

namespace {

constexpr std::string_view kClauseMarks[] = {"，", ",",  "、", "；", ";", "。", "：",
                                             ":",  "！", "!",  "？", "?", " "};

}  // namespace

bool about_a_figure(std::string_view before) {
  for (std::string_view word :
       {"节", "签", "预", "合", "履", "制", "契", "邀", "集", "违", "守", "特"}) {
    if (before.ends_with(word)) return false;
  }
  return true;
}

bool negated_before(std::string_view before) {
  for (std::string_view mark : kClauseMarks) {
    const size_t at = before.rfind(mark);
    if (at != std::string_view::npos) before.remove_prefix(at + mark.size());
  }
  // Words that say it is still to be done ("有待提升", "仍需加强") negate as 未 does.
  static constexpr std::string_view kNotYet[] = {"有待", "仍需", "尚需",     "还需",      "亟需",
                                                 "亟待", "仍待", "需进一步", "需要进一步"};
  for (size_t at = 0; at < before.size();) {
    const std::string_view rest = before.substr(at);
    if (starts_negated(rest)) return true;
    for (std::string_view w : kNotYet) {
      if (rest.starts_with(w)) return true;
    }
    next_code_point(before, at);
  }
  return false;
}

namespace {

// What a note of scope begins with: what the figure leaves out ("未含配套资金").
constexpr std::string_view kLeftOut[] = {"未包含", "未包括", "未计入", "未含",
                                         "不包含", "不包括", "不含"};

// Whether words hold a negation that could contradict what they follow.
bool holds_negation(std::string_view words) {
  for (std::string_view negation : {"未", "不", "没", "无", "非"}) {
    if (words.find(negation) != std::string_view::npos) return true;
  }
  return false;
}

// Words of a lapse: work done late, work that failed its standard, a breach
// or a problem found, which after a negation say there was none ("无延期",
// "无不合格", "未发现问题").
constexpr std::string_view kLapses[] = {"延期",   "逾期",   "滞后", "推迟",   "延误",
                                        "延迟",   "拖延",   "超期", "不合格", "不达标",
                                        "不及格", "不及时", "违规", "问题",   "异常"};

bool is_lapse(std::string_view from) {
  return std::any_of(std::begin(kLapses), std::end(kLapses),
                     [&](std::string_view w) { return from.starts_with(w); });
}

// The words that say there was none of a lapse, before it ("未出现延期", "无逾期", "未发现不合格").
constexpr std::string_view kNoneOfALapse[] = {
    "没有出现", "没有发生", "没有发现", "未出现", "未发生", "未发现", "不存在", "没有", "无", "未"};

// "一户" in "无一户不合格", "一例" in "没有一例延期": one of what was counted,
// between the negation and the lapse. Dropped from the start of `s` (or, with
// `at_end`, from its end) when there.
bool drop_one_of(std::string_view& s, bool at_end = false) {
  constexpr size_t kOne = 3;   // 一, in UTF-8
  constexpr size_t kNoun = 3;  // the counting word after it
  if (s.size() < kOne + kNoun) return false;
  const std::string_view one = at_end ? s.substr(s.size() - kOne - kNoun) : s;
  if (!one.starts_with("一") || (static_cast<unsigned char>(one[kOne]) & 0xF0) != 0xE0) {
    return false;
  }
  if (at_end) {
    s.remove_suffix(kOne + kNoun);
  } else {
    s.remove_prefix(kOne + kNoun);
  }
  return true;
}

}  // namespace

bool denies_what_follows(std::string_view before) {
  drop_one_of(before, /*at_end=*/true);  // "无一户不合格"
  for (std::string_view none : kNoneOfALapse) {
    if (before.ends_with(none)) return true;
  }
  return false;
}

namespace {

// Whether a word of undone found at the start of `from`, after `before`,
// names no deed undone: minors, pay and benefits, the unemployed, receiving
// guests ("接待游客12万人次"), "acceptable"; a note of scope ("未含配套资金"),
// which leaves a part out of the figure, done or not; what did not happen
// ("未发现问题"), a lapse included ("未延期", "无逾期", "未出现延期", "无不合格").
bool names_no_deed_undone(std::string_view before, std::string_view from) {
  for (std::string_view word : {"未成年", "待遇", "待业", "尚可", "未出现", "未发生", "未发现",
                                "没有出现", "没有发生", "没有发现"}) {
    if (from.starts_with(word)) return true;
  }
  for (std::string_view left_out : kLeftOut) {
    if (from.starts_with(left_out)) return true;
  }
  // 待 in 接待, 招待, 优待, 期待, 对待 (not "1期未完成": only before 待).
  for (std::string_view host : {"接", "招", "优", "期", "对"}) {
    if (from.starts_with("待") && before.ends_with(host)) return true;
  }
  if (is_lapse(from) && denies_what_follows(before)) return true;
  std::string_view rest = from;
  if (!drop_prefix(rest, kNoneOfALapse)) return false;
  drop_one_of(rest);
  return is_lapse(rest);
}

}  // namespace

bool is_scope_note(std::string_view words) {
  return drop_prefix(words, kLeftOut) && !words.empty() && !holds_negation(words);
}

namespace {

// Where words say only a part was done: "部分完成", "大部分到位". npos when none.
size_t partly_done_at(std::string_view words) {
  static constexpr std::string_view kDone[] = {"完成", "完工", "建成", "竣工", "到位",
                                               "达标", "实现", "落实", "验收", "覆盖"};
  constexpr std::string_view kPart = "部分";
  // One search for 部分, which most cells have not, then the deed after it.
  for (size_t at = words.find(kPart); at != std::string_view::npos;
       at = words.find(kPart, at + kPart.size())) {
    const std::string_view after = words.substr(at + kPart.size());
    if (std::any_of(std::begin(kDone), std::end(kDone),
                    [&](std::string_view done) { return after.starts_with(done); })) {
      return at;
    }
  }
  return std::string_view::npos;
}

}  // namespace

size_t exception_at(std::string_view words) {
  // Most cells have no 除, and the search for it ends there.
  for (size_t at = words.find("除"); at != std::string_view::npos; at = words.find("除", at + 1)) {
    static constexpr std::string_view kDeeds[] = {"扣", "清", "拆", "排", "消", "解",
                                                  "去", "删", "剔", "免", "破", "根",
                                                  "铲", "切", "废", "革", "摒", "祛"};
    const std::string_view before = words.substr(0, at);
    if (std::any_of(std::begin(kDeeds), std::end(kDeeds),
                    [&](std::string_view deed) { return before.ends_with(deed); })) {
      continue;  // "扣除外购部分"
    }
    const std::string_view after = words.substr(at + std::string_view("除").size());
    if (after.starts_with("外")) {
      if (at > 0) return at;  // "（个别除外）", "2个项目除外"
      continue;
    }
    static constexpr std::string_view kNamed[] = {"此", "险", "尘", "草",  "雪",
                                                  "湿", "臭", "锈", "四害"};
    if (std::any_of(std::begin(kNamed), std::end(kNamed),
                    [&](std::string_view named) { return after.starts_with(named); })) {
      continue;
    }
    // 外 within a few words of the part: "除个别偏远山区的农户外".
    constexpr size_t kPartBytes = 36;
    const size_t outside = after.substr(0, kPartBytes + std::string_view("外").size()).find("外");
    if (outside != std::string_view::npos && outside > 0) return at;
  }
  return std::string_view::npos;
}

namespace {

// Where words say something is still to be done: 待 (or 待进一步) before a deed
// ("部分制度待完善", "尚待印发", "资金待拨付"); not 接待, 招待, 款待, 对待, 等待,
// 期待, 看待, nor 待验收, work done and awaiting its acceptance, as 正在验收 is.
// npos when none.
size_t still_to_do_at(std::string_view words) {
  static constexpr std::string_view kDeeds[] = {"完善", "改进", "整改", "提升", "提高", "加强",
                                                "落实", "完成", "解决", "实施", "建设", "印发",
                                                "审批", "批复", "拨付", "到位", "规范"};
  static constexpr std::string_view kNotPending[] = {"接", "招", "款", "对", "等", "期", "看"};
  constexpr std::string_view kPending = "待";
  for (size_t at = words.find(kPending); at != std::string_view::npos;
       at = words.find(kPending, at + kPending.size())) {
    const std::string_view before = words.substr(0, at);
    if (std::any_of(std::begin(kNotPending), std::end(kNotPending),
                    [&](std::string_view w) { return before.ends_with(w); })) {
      continue;
    }
    std::string_view after = words.substr(at + kPending.size());
    if (after.starts_with("进一步")) after.remove_prefix(std::string_view("进一步").size());
    for (std::string_view deed : kDeeds) {
      if (after.starts_with(deed)) return at;
    }
  }
  return std::string_view::npos;
}

// Where a clause of several (split at commas, semicolons and brackets) begins
// with a negation of a deed done or of how well: 未, 没, 没有, 未能, 尚未, 仍未,
// 不 or 无 before 达标, 合格, 达到, 完成, 覆盖, 及时, 到位, 实现, 达成, 满足, 符合,
// 落实, 通过, 按时, 按期 or 如期 ("完成，未达标", "已完成（不及时）"), perhaps after
// a part and what it is of, up to four characters ("完成，个别未达标", "完成（部分项目
// 未验收）" is not a deed of the list, "完成（少数村未覆盖）"). Not in a lone
// clause, which the lists of words read ("未达标"), nor a negation of anything else
// ("已完成，未发现不合格", "按时完成，无延期", "完成，无明显问题"). npos when none.
size_t negated_clause_at(std::string_view words) {
  static constexpr std::string_view kNegations[] = {"未能", "尚未", "仍未", "没有",
                                                    "未",   "没",   "不",   "无"};
  static constexpr std::string_view kDeeds[] = {"达标", "合格", "达到", "完成", "覆盖", "及时",
                                                "到位", "实现", "达成", "满足", "符合", "落实",
                                                "通过", "按时", "按期", "如期"};
  size_t begin = 0;
  bool several = false;
  size_t first_at = std::string_view::npos;
  for (size_t i = 0; i <= words.size();) {
    size_t width = 0;
    if (i < words.size()) {
      for (std::string_view mark : {"，", "；", "（", "）", ",", ";", "(", ")"}) {
        if (words.substr(i).starts_with(mark)) width = mark.size();
      }
      if (width == 0) {
        ++i;
        continue;
      }
      several = true;
    }
    const std::string_view clause = trim(words.substr(begin, i - begin));
    if (first_at == std::string_view::npos) {
      // The negation first, or after a part ("个别", "部分项目", "少数村").
      std::string_view negated = clause;
      for (std::string_view part :
           {"部分", "个别", "少数", "极少数", "少量", "一些", "尚有", "仍有", "还有"}) {
        if (!negated.starts_with(part)) continue;
        negated.remove_prefix(part.size());
        constexpr size_t kOf = 4;  // characters of what the part is of: "项目", "村"
        size_t skip = 0;
        for (size_t k = 0, at = 0; k <= kOf && at <= negated.size(); ++k) {
          const std::string_view rest = negated.substr(at);
          if (std::any_of(std::begin(kNegations), std::end(kNegations),
                          [&](std::string_view no) { return rest.starts_with(no); })) {
            skip = at;
            break;
          }
          if (at == negated.size()) break;
          next_code_point(negated, at);
        }
        negated.remove_prefix(skip);
        break;
      }
      for (std::string_view no : kNegations) {
        if (!negated.starts_with(no)) continue;
        const std::string_view after = negated.substr(no.size());
        if (std::any_of(std::begin(kDeeds), std::end(kDeeds),
                        [&](std::string_view d) { return after.starts_with(d); })) {
          first_at = static_cast<size_t>(clause.data() - words.data());
        }
        break;
      }
    }
    if (i == words.size()) break;
    i += width;
    begin = i;
  }
  return several ? first_at : std::string_view::npos;
}

// Where words say the work fell short in general: 存在不足, 仍有不足, 尚有不足,
// 还有不足, 略有不足, 存在一定不足, 有所不足, 不足之处, 存在问题, 存在一定问题, or
// defects being put right, 整改中, 正在整改, 限期整改, 责令整改 ("达成年度指标，但存在
// 不足", "是（整改中）"); not negated ("未发现存在问题", "无不足之处") nor put right
// ("存在问题已全部整改"). npos when none.
size_t shortfall_at(std::string_view words) {
  // Most words have none of 足, 问题 or 整改: one search each passes them over.
  if (words.find("足") == std::string_view::npos && words.find("问题") == std::string_view::npos &&
      words.find("整改") == std::string_view::npos) {
    return std::string_view::npos;
  }
  size_t first = std::string_view::npos;
  for (std::string_view w :
       {"存在不足", "仍有不足", "尚有不足", "还有不足", "略有不足", "存在一定不足", "有所不足",
        "不足之处", "存在问题", "存在一定问题", "整改中", "正在整改", "限期整改", "责令整改"}) {
    for (size_t at = words.find(w); at < first; at = words.find(w, at + w.size())) {
      // "未发现存在问题", "无不足之处": none; "存在问题已全部整改": put right.
      const std::string_view after = words.substr(at + w.size());
      if (!negated_before(words.substr(0, at)) && !after.starts_with("已") &&
          !after.starts_with("均已") && !after.starts_with("全部")) {
        first = at;
        break;
      }
    }
  }
  return first;
}

// Where words say but and then that the work fell short: 但 or 但是 before
// falls_short_after's words ("完成，但效果不明显", "96%，但质量一般"); not 不但.
// npos when none.
size_t but_short_at(std::string_view words) {
  constexpr std::string_view kBut = "但";
  for (size_t at = words.find(kBut); at != std::string_view::npos;
       at = words.find(kBut, at + kBut.size())) {
    if (words.substr(0, at).ends_with("不")) continue;
    std::string_view after = words.substr(at + kBut.size());
    drop_prefix(after, {"是"});
    if (falls_short_after(after)) return at;
  }
  return std::string_view::npos;
}

}  // namespace

bool says_part_not_done(std::string_view words) {
  static constexpr std::string_view kParts[] = {"部分", "个别", "少数", "一些", "尚有",
                                                "仍有", "还有", "其中", "含"};
  static constexpr std::string_view kGoingOn[] = {
      "在建",     "在施工",   "施工中",   "建设中",   "实施中",   "推进中",
      "进行中",   "整改中",   "停工",     "缓建",     "正在施工", "正在建设",
      "正在实施", "正在推进", "正在整改", "正在办理", "正在验收"};
  // One scan first: every word of work going on has 在, 中, 停 or 缓, and every
  // exception 除, which most words (达成预期指标, 效果明显) have not; a figure makes a
  // count's clause, undone_at's.
  bool may = false;
  bool except = false;
  bool of_a_part = false;
  bool pending = false;
  bool not_all = false;
  bool negation = false;  // 未, 没, 不 or 无: negated_clause_at's, with a mark of clauses
  bool clauses = false;
  bool short_of = false;  // 足, 问(题), 整(改) or 但: shortfall_at's and but_short_at's
  for (size_t i = 0; i < words.size();) {
    const char32_t cp = next_code_point(words, i);
    if (cp >= U'0' && cp <= U'9') return false;
    may = may || cp == U'在' || cp == U'中' || cp == U'停' || cp == U'缓';
    except = except || cp == U'除';
    of_a_part = of_a_part || cp == U'部';
    pending = pending || cp == U'待';
    not_all = not_all || cp == U'全';
    negation = negation || cp == U'未' || cp == U'没' || cp == U'不' || cp == U'无';
    clauses = clauses || cp == U',' || cp == U';' || cp == U'(' || cp == U')' || cp == U'，' ||
              cp == U'；' || cp == U'（' || cp == U'）';
    short_of = short_of || cp == U'足' || cp == U'问' || cp == U'整' || cp == U'但';
  }
  // "达成年度指标，未全部完成", "合格（未完全达标）": not all of it (before, the
  // clause was passed over and the first one's top tier had full marks).
  if (not_all) {
    for (std::string_view w : {"未全部", "没有全部", "没全部", "未能全部", "不能全部", "未完全",
                               "没有完全", "未能完全", "不完全", "未全面", "未能全面"}) {
      if (contains(words, w)) return true;
    }
  }
  // "完成，未达标", "已完成，不及时": a clause after another that says a deed not
  // done (before, passed over as saying nothing, and 完成 had full marks).
  if (negation && clauses && negated_clause_at(words) != std::string_view::npos) return true;
  // "达成年度指标，但存在不足", "是（整改中）", "完成，但效果不明显": a shortfall
  // said (before, full marks).
  if (short_of && (shortfall_at(words) != std::string_view::npos ||
                   but_short_at(words) != std::string_view::npos)) {
    return true;
  }
  if (except && exception_at(words) != std::string_view::npos) return true;
  // "健全（部分制度待完善）", "已建立，尚待印发": something still to be done
  // (before, the top tier's words and full marks); not 接待, 招待, 期待.
  if (pending && still_to_do_at(words) != std::string_view::npos) return true;
  // "（部分完成）", "大部分到位": only a part of it done.
  if (of_a_part && partly_done_at(words) != std::string_view::npos) return true;
  if (!may) return false;
  for (std::string_view part : kParts) {
    const size_t at = words.find(part);
    if (at == std::string_view::npos) continue;
    const std::string_view after = words.substr(at + part.size());
    for (std::string_view going_on : kGoingOn) {
      if (contains(after, going_on)) return true;
    }
  }
  return false;
}

bool only_remarks(std::string_view words) {
  if (words.empty() || has_digit(words) || says_part_not_done(words)) return false;
  return is_scope_note(words) || says_no_lapse(words) || !holds_negation(words);
}

bool says_no_lapse(std::string_view words) {
  drop_prefix(words, {"均", "都", "全部", "全都"});  // "均无不合格"
  if (!drop_prefix(words, kNoneOfALapse)) return false;
  drop_one_of(words);  // "无一户不合格"
  if (!drop_prefix(words, kLapses)) return false;
  drop_suffix(words, {"情况", "现象", "问题", "项目", "产品"});
  return words.empty();
}

bool begins_use(std::string_view words) {
  constexpr std::string_view kBegin = "开始";
  if (!words.starts_with(kBegin)) return false;
  words.remove_prefix(kBegin.size());
  for (std::string_view use : {"运行", "运营", "使用", "投入", "投用", "投运", "启用", "上线"}) {
    if (words.starts_with(use)) return true;
  }
  return false;
}

bool says_begun(std::string_view words) {
  if (contains_any(words, {"开工", "动工", "开建", "启动", "招标", "开标", "立项", "签订", "签约",
                           "进场", "下达", "批复", "申报"})) {
    return true;
  }
  // 开始, unless it begins the use of what was built ("2024年12月开始运行").
  for (size_t at = words.find("开始"); at != std::string_view::npos;
       at = words.find("开始", at + 1)) {
    if (!begins_use(words.substr(at))) return true;
  }
  return false;
}

bool says_only_in_part(std::string_view words) {
  return contains_any(words, {"基本", "部分", "大部", "初步", "大体", "多数", "大多"});
}

bool remark_keeps_date(std::string_view remark) {
  if (remark.empty()) return false;
  if (says_no_lapse(remark)) return true;
  // "（部分在建）", "（个别除外）": the date is not of all the work (before, on time).
  if (says_part_not_done(remark)) return false;
  for (std::string_view no : {"未", "不", "没", "无", "非", "计划", "预计", "拟", "将"}) {
    if (contains(remark, no)) return false;
  }
  // Another date in it ("（2024年6月验收）") may be the one that counts.
  for (size_t i = 0; i + 1 < remark.size(); ++i) {
    if (remark[i] >= '0' && remark[i] <= '9' &&
        (remark.substr(i + 1).starts_with("月") || remark.substr(i + 1).starts_with("年"))) {
      return false;
    }
  }
  return true;
}

bool says_no_data(std::string_view words) {
  while (drop_prefix(words, {"目前", "暂时", "暂", "尚", "还", "仍"})) {
  }
  for (std::string_view none :
       {"无数据", "无统计数据", "数据暂缺", "数据未出", "统计中", "调查中", "测评中"}) {
    if (words == none) return true;
  }
  if (!drop_prefix(words, {"未开展", "没有开展", "未进行", "没有进行", "未", "没有", "待"})) {
    return false;
  }
  // What is not done yet: the count, the survey (of satisfaction, by questionnaire).
  constexpr size_t kLongest = 6 * 3;  // "满意度问卷调查": six characters before 调查 at most
  return words.size() <= kLongest + 6 && (words.ends_with("统计") || words.ends_with("调查") ||
                                          words.ends_with("测评") || words.ends_with("监测"));
}

size_t undone_at(std::string_view words) {
  // Work still going on is undone too ("其中20户正在施工", "20户施工中"),
  // work late was not done when it was due ("其中1个延期", "2个滞后"), work
  // that failed its standard was not done as asked ("10人不合格", "5个不达标"),
  // and work started is not yet done ("10个已开工").
  static constexpr std::string_view kUndone[] = {
      "未",     "没",     "尚",     "待",     "在建",   "停工",   "缓建",   "正在",   "施工中",
      "在施工", "建设中", "实施中", "办理中", "推进中", "进行中", "整改中", "验收中", "延期",
      "逾期",   "滞后",   "推迟",   "延误",   "延迟",   "拖延",   "超期",   "不合格", "不达标",
      "不及格", "不通过", "不符合", "不到位", "不满意", "失败",   "无法",   "开工",   "动工"};
  size_t first = std::string_view::npos;
  for (std::string_view undone : kUndone) {
    for (size_t at = words.find(undone); at < first; at = words.find(undone, at + undone.size())) {
      if (!names_no_deed_undone(words.substr(0, at), words.substr(at))) {
        first = at;
        break;
      }
    }
  }
  // "100%（部分完成）": a part done says the rest is not.
  return std::min({first, exception_at(words), partly_done_at(words), shortfall_at(words),
                   but_short_at(words)});
}

bool states_the_whole(std::string_view remark, std::string_view before) {
  const auto is_digit = [](char c) { return (c >= '0' && c <= '9') || c == '.'; };
  if (!drop_prefix(remark, {"共计", "合计", "总计", "总共", "共"}) || remark.empty() ||
      !is_digit(remark[0])) {
    return false;
  }
  // The counting words after each figure: "个" of "共10个", "个项目" of "完成8个项目".
  const auto it = std::find_if(remark.begin(), remark.end(), [&](char c) { return !is_digit(c); });
  const std::string_view whole_counts = remark.substr(it - remark.begin());
  if (whole_counts.empty()) return false;
  // `before` may be the counting words alone, what follows a figure already read.
  const size_t last_digit = before.find_last_of("0123456789");
  const std::string_view part_counts =
      last_digit == std::string_view::npos ? before : before.substr(last_digit + 1);
  return !part_counts.empty() &&
         (part_counts.starts_with(whole_counts) || whole_counts.starts_with(part_counts));
}

bool remark_is_a_clause(std::string_view remark) {
  // Before, "100户（其中20户正在施工）" had full marks. A figure said to be the
  // actual one is the figure ("实际到场85人").
  if (has_digit(remark)) return says_undone(remark) || contains(remark, "实际");
  // "100%（部分在建）", "100%（个别项目除外）": before, full marks.
  if (says_part_not_done(remark)) return true;
  // Before, "100%（部分未达标）" had full marks; "未达标" after a comma was
  // already the evaluator's.
  for (std::string_view no : {"未", "没有"}) {
    for (size_t at = remark.find(no); at != std::string_view::npos;
         at = remark.find(no, at + no.size())) {
      std::string_view deed = remark.substr(at + no.size());
      for (std::string_view how : {"能", "全部", "按期", "按时", "如期", "及时"}) {
        if (deed.starts_with(how)) deed.remove_prefix(how.size());
      }
      for (std::string_view done : kDeedsDone) {
        if (deed.starts_with(done)) return true;
      }
    }
  }
  return false;
}

bool falls_short_after(std::string_view after) {
  for (std::string_view mark : kClauseMarks) {
    const size_t at = after.find(mark);
    if (at != std::string_view::npos) after = after.substr(0, at);
  }
  if (after.empty()) return false;
  static constexpr std::string_view kShort[] = {
      "不明显", "不显著", "不到", "不足", "不够", "不理想", "不佳", "不高", "不好", "不全",
      "不充分", "较低",   "偏低", "较差", "偏差", "欠佳",   "滞后", "缓慢", "较慢", "未达",
      "有待",   "较少",   "偏少", "一般", "不大", "一半",   "过半", "部分", "少数", "率低"};
  for (std::string_view word : kShort) {
    for (size_t at = after.find(word); at != std::string_view::npos;
         at = after.find(word, at + word.size())) {
      // "全部分配": 全部, not 部分.
      if (word == "部分" && after.substr(0, at).ends_with("全")) continue;
      return true;
    }
  }
  return false;
}

size_t actually_at(std::string_view s, size_t& marker) {
  for (std::string_view actually : {"实际", "实到"}) {
    if (const size_t at = s.rfind(actually); at != std::string_view::npos) {
      marker = actually.size();
      return at;
    }
  }
  // "应培训200人，实培训180人", "应发1200户，实发1180户": 实 alone after the comma.
  const size_t at = s.rfind(",实");
  if (at == std::string_view::npos) return at;
  marker = std::string_view("实").size();
  return at + 1;
}

}  // namespace jixiao::core::text
