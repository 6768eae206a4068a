// Text helpers for the way Chinese tables are typed: full-width forms,
// traditional characters, stray spaces. All functions are pure and accept any
// bytes: invalid UTF-8 is passed through byte by byte, never rejected.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao::core::text {

// Decodes one UTF-8 code point at s[i], advancing i. Invalid or truncated
// sequences yield the single byte's value and advance by one.
char32_t next_code_point_slow(std::string_view s, size_t& i);
inline char32_t next_code_point(std::string_view s, size_t& i) {
  // ASCII and the three-byte characters of Chinese text inline; the rest out of line.
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  if ((b0 & 0xF0) == 0xE0 && i + 2 < s.size()) {
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    const auto b2 = static_cast<unsigned char>(s[i + 2]);
    if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
      i += 3;
      return (char32_t{b0 & 0x0Fu} << 12) | (char32_t{b1 & 0x3Fu} << 6) | (b2 & 0x3Fu);
    }
  }
  return next_code_point_slow(s, i);
}

// Appends `cp` encoded as UTF-8.
void append_utf8(std::string& out, char32_t cp);

// Writes `in` into `out` (cleared first) with full-width ASCII turned into
// ASCII (１００％ → 100%; the Chinese comma, colon and semicolon "，：；" are
// full-width ASCII too, and become ", : ;"; the enumeration comma "、" stays),
// ideographic space into a space, operator look-alikes (≧ ≦ ═ ﹥ ﹤ ⩾ ⩽) into
// ≥ ≤ = > <, traditional characters common in budget tables into simplified
// ones, the spaces Word's typesetting puts between a figure and the words or
// signs around it dropped ("2024 年 12 月", "95 %", "≥ 95%"; not "1 200人"),
// and leading and trailing white space removed. `out` keeps its capacity, so
// a caller that reuses it does not allocate.
void normalize_into(std::string_view in, std::string& out);
std::string normalize(std::string_view in);

// The same result as normalize_into, without copying when nothing changes:
// returns a view of `in` (trimmed) when no character needs folding and no
// space is to go, else normalizes into `scratch` and returns a view of it.
// Most table cells need neither, so this is the reader's fast path.
std::string_view normalize_view(std::string_view in, std::string& scratch);

// `s` (normalized: full-width commas and semicolons are ASCII) with each line
// break and semicolon inside it read as the comma that parts clauses
// ("98%\n故障率2%", "2024年11月;无逾期" as "98%,故障率2%", "2024年11月,无逾期"), in `scratch`;
// or `s` itself when it has neither. One next to a comma or a bracket, or at
// either end, is dropped. Cells typed in Excel break lines with Alt+Enter.
std::string_view lines_as_clauses(std::string_view s, std::string& scratch);

// normalize, then lines_as_clauses: a cell's text as its readers read it.
std::string normalize_cell(std::string_view in);

// Strips ASCII and ideographic white space from both ends.
std::string_view trim(std::string_view s);

// Whether `cp` is a numeral a table numbers its rows with: an ASCII digit or 一 to 十.
bool is_row_numeral(char32_t cp);

// `s` trimmed, without a heading marker before it: "（一）", "(1)", "1)", "一)", "一、",
// "1、", "1.", "1．", "三．", "1.1 ", "2.1.3", "①". Not a figure's digits ("1.5米宽道路长度" stays)
// nor a bracket of words ("（%）").
std::string_view without_heading_marker(std::string_view s);

// An indicator's name as its readers take it: trimmed, without a heading marker
// ("1.预算执行率"), without a bracket at its end that names its unit or scope
// ("预算执行率（%）", "受益人数(人)") and without the line breaks a narrow cell wraps
// it with ("服务对象\n满意度"). Tables number their rows, put units in the name's
// cell and wrap it; the name's words (率 at its end, the name as a figure's label)
// are what say how a figure is read. A view of `name`, or of `scratch` when a line
// break was taken out.
std::string_view measure_name(std::string_view name, std::string& scratch);

// Whether `words` end in a word that names a point in time: 时间, 日期, 时限, 期限,
// 节点 ("完成时间", "竣工日期", "项目实施节点"). A figure after such words, or under
// an indicator so named, may be a date written as one ("2024.12").
bool names_a_time(std::string_view words);

// The name of the target's column (年度指标值, 目标值, 年度目标, …; "目标值"
// for "2024年目标值") that `label` is, from a static list (it outlives any
// cell), or "" when `label` is no such name: a figure so labelled is a plan's.
std::string_view target_column(std::string_view label);

// `s` (normalized: the colon is ASCII) without what, at its start, only
// names the column it is written in ("实际完成：", "完成情况：", "2024年完成情况:",
// "自评结果：" before the value; "年度指标值:", "目标值:" before words) or the
// time a figure is counted to, in a clause before it ("截至2024年底，98%" is
// 98%; not "截至2024年5月未完成"), or `s` itself. Not a label that names
// what is measured ("满意率：95%"). The target's column before a figure
// ("目标值：120人": a plan's figure, no actual) stays when `dropped_column` is
// null. When it is not, the target's column is dropped before anything, and
// target_column's name for it is stored there: the reader labels a figure
// with it ("目标值：不低于100人" is a plan's figure too). Left alone when no such
// column is.
std::string_view without_field_label(std::string_view s,
                                     std::string_view* dropped_column = nullptr);

// `s` without a remark at its end that only points elsewhere ("（详见附件）",
// "，见附表2"; 详见, 参见, 具体见 or 见 before 附件, 附表, 附录, 佐证, 报告, 说明,
// 清单, 明细, 台账, 表, 第 or 正文) or only says the value was checked
// ("（经核实）", "，已现场核查", "（经审核无误）"), or `s` itself. Out of line:
// few cells end so.
std::string_view without_pointer(std::string_view s);

// `s` without what closes it and says nothing of its value: the stops that
// close a sentence ("7月。", "基本完整.", "95%；") and the spaces before them,
// and a remark that points elsewhere or says it was checked (without_pointer:
// "95%（详见附件）", "95%（经核实）"). A cell read as a value says the same with
// them or without. Inline: every value read asks, and few end so.
inline std::string_view without_closing(std::string_view s) {
  for (;;) {
    if (s.empty()) return s;
    const auto last = static_cast<unsigned char>(s.back());
    if (last == '.' || last == ';' || last == ',' || last == '!') {
      s.remove_suffix(1);
    } else if (s.size() >= 3 &&
               (s.ends_with("。") || s.ends_with("；") || s.ends_with("，") || s.ends_with("！"))) {
      s.remove_suffix(3);
    } else if (last == ')' || last >= 0x80 || (last >= '0' && last <= '9' && s.size() > 10)) {
      // "，见附表2" ends in a digit: the shortest cell that may is "1，见表2".
      const std::string_view kept = without_pointer(s);
      if (kept.size() == s.size()) return s;
      s = kept;
    } else {
      return s;
    }
    s = trim(s);
  }
}
// The number of bytes of UTF-8's byte order mark at the start of `s` (3), or
// 0. Windows editors (Notepad, Excel's "CSV UTF-8") put it first in a file;
// it is not text.
inline size_t byte_order_mark(std::string_view s) {
  return s.starts_with("\xEF\xBB\xBF") ? 3 : 0;
}

// Whether `s` is well-formed UTF-8 (every byte past ASCII part of a whole
// two- to four-byte sequence).
bool is_utf8(std::string_view s);

// The encodings text files reach us in: UTF-8, and what Windows writes —
// Notepad's "Unicode" is UTF-16 little-endian, and Chinese Windows' "ANSI"
// (Word's default for plain text there) is GBK, which GB18030 contains.
enum class Encoding { utf8, utf16le, utf16be, gb18030, unknown };

// The encoding `bytes` most likely are in, by their look: a byte order mark;
// zero bytes in every other place among the first ones (UTF-16 without a
// mark); well-formed UTF-8; every byte past ASCII in GB18030's two- and
// four-byte characters. Else unknown.
Encoding guess_encoding(std::string_view bytes);

// Columns a terminal uses to show the code point `cp`: two for East Asian
// wide characters, one for everything else.
inline size_t code_point_width(char32_t cp) {
  const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                    (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
  return wide ? 2 : 1;
}

// Columns a terminal uses to show `s`: East Asian wide characters count two.
size_t display_width(std::string_view s);

// Number of code points (characters) in `s`.
size_t code_points(std::string_view s);

// 「s」: how messages quote what a user wrote.
std::string quoted(std::string_view s);

// True when `s` contains an ASCII digit.
bool has_digit(std::string_view s);

// True when `s` may hold a clause beside another: a line break, an ASCII comma,
// semicolon or bracket, or any character of U+F000–U+FFFF (the full-width
// forms of these, and of digits too). A cheap test: false for most single
// figures ("98%", "12家"), true for some that hold no clause ("1,150", "１００％").
bool may_have_clauses(std::string_view s);

// The candidate closest to `word` by edit distance (in bytes), when it is
// close enough to be a slip ("scor" → "score", "--jsn" → "--json",
// "national2020" → "national-2020"); empty otherwise.
std::string closest_word(std::string_view word, const std::vector<std::string>& candidates);

// Whether the 约 that `after` begins, after the words `before`, is "about" a
// figure ("约95%", "培训约500人"), not a word's (节约, 签约, 预约, 合约, 履约,
// 制约, 契约, 邀约, 集约, 违约, 守约, 特约: "签约100户" is a count signed).
bool about_a_figure(std::string_view before);

// Whether `s` begins with a negating word: 不/未/无/没/非, but not a word that
// merely begins with one of them (不断, 非常, 无论).
bool starts_negated(std::string_view s);

// Whether the clause before a phrase holds a negation, which turns the phrase
// around: "无明显提升", "效果不显著", "不太满意", "未能按时完成", "没有按期全部
// 完成". The whole clause counts, back to the last comma or stop, because the
// negation may stand several words before the phrase; words that only start
// with a negating character (不断, 非常, 无论) do not negate.
bool negated_before(std::string_view before);

// Words before a deed that say it was done: "已完成", "已经建立", "均已到位".
inline constexpr std::string_view kAlready[] = {"均已", "已经", "已"};

// The bound an inclusive sign or its words at the start of `s` set, dropped
// from `s`: -1 for at most ("≤", "<=", "不超过", "不高于", "小于等于", …), +1 for
// at least ("≥", ">=", "不低于", "不少于", "大于等于", …), 0 (and `s` kept) for
// none. Readers of a target in words ("≤上年", "不超过批复概算", "<=2024年10月")
// ask it, so that every way of writing the sign reads alike.
int drop_inclusive_bound(std::string_view& s);

// `s` from a sign that follows a label of words at its start ("运行成本不超过预算",
// "支出≤上年", "三公经费控制在预算内": from "不超过", "≤", "控制在"), the label naming what
// the sign bounds, which the readers of a target in words pass over; `s` itself when
// it begins with a sign or has none after such a label (up to ten characters, no
// digit or mark).
std::string_view from_bound_after_label(std::string_view s);

// Words before words of a deed that say when or of how much it is said
// ("目前基本建立", "总体基本完成"), and say nothing of how well.
inline constexpr std::string_view kScopeLeads[] = {"目前",   "当前",   "现已", "全年", "年内",
                                                   "总体上", "整体上", "总体", "整体", "均"};

// The first three bytes of `s` as one number (0xE79BAE for 目), 0 when it is
// shorter: a switch on it tells the first Chinese character of a text without
// a search.
inline uint32_t first_three_bytes(std::string_view s) {
  if (s.size() < 3) return 0;
  return static_cast<uint32_t>(static_cast<unsigned char>(s[0])) << 16 |
         static_cast<uint32_t>(static_cast<unsigned char>(s[1])) << 8 |
         static_cast<unsigned char>(s[2]);
}

// Whether `s` may begin with one of kScopeLeads: its first character is one
// they begin with (目 当 现 全 年 总 整 均). A test of three bytes that spares
// most texts the search.
inline bool may_start_with_scope_lead(std::string_view s) {
  if (s.size() < 6) return false;
  switch (first_three_bytes(s)) {
    case 0xE79BAE:  // 目
    case 0xE5BD93:  // 当
    case 0xE78EB0:  // 现
    case 0xE585A8:  // 全
    case 0xE5B9B4:  // 年
    case 0xE680BB:  // 总
    case 0xE695B4:  // 整
    case 0xE59D87:  // 均
      return true;
    default:
      return false;
  }
}

// Deeds of completion: what work, money or a check comes to when it is done
// ("完成", "拨付", "验收", "合格"). After 未 they say a part is not done
// (remark_is_a_clause); before a share they say what the share counts
// ("拨付480/500万元").
inline constexpr std::string_view kDeedsDone[] = {
    "完成", "完工", "竣工", "建成", "实施", "落实", "整改", "办结", "验收", "通过", "合格",
    "达标", "达到", "覆盖", "到位", "发放", "拨付", "支付", "支出", "兑现", "兑付", "执行"};

// Whether words after a comma only remark on what precedes them ("3项，超额完成",
// "是，已印发"): no figure of their own, no negation that could contradict it
// and no part still going on ("3项，未完成", "5个，其中2个在建", "是，但未完成",
// "100%，个别项目在建" are not remarks).
bool only_remarks(std::string_view words);

// Whether words only say what a figure leaves out, a note of its scope:
// 未含, 未包含, 未包括, 未计入, 不含, 不包含 or 不包括 before what, and no other
// negation ("未含配套资金", "不含水面"). Such words are a remark, after a comma
// as in brackets ("105万元，未含配套资金" is 105万元).
bool is_scope_note(std::string_view words);

// Whether `before` ends with words that say what follows it did not happen:
// 无, 未, 没有, 未出现, 未发生, 未发现, 没有出现, 没有发生, 没有发现 or 不存在,
// perhaps with one of what was counted after them ("无一户", "没有一例"). Read
// where a word of a lapse was found ("无不及时情况", "未出现延期").
bool denies_what_follows(std::string_view before);

// Whether words only say there was no lapse: 无, 未, 没有, 未出现, 未发生, 未发现
// or 不存在 before a word of lateness (延期, 逾期, 滞后, 推迟), of failure (不合格,
// 不达标, 不及格), of a breach (违规) or a problem (问题, 异常), and at most 情况,
// 现象, 问题, 项目 or 产品 after ("无延期", "未出现逾期情况", "无不合格项目",
// "未发现问题"). Such words are a remark ("10个，无延期" is 10个).
bool says_no_lapse(std::string_view words);

// Whether words say when work began or was set going, not that it was done:
// 开工, 动工, 开建, 启动, 开始, 招标, 开标, 立项, 签订, 签约, 进场, 下达, 批复,
// 申报 ("2024年3月启动", "开工于2024年3月"). Not 开始 where begins_use holds.
bool says_begun(std::string_view words);

// Whether words begin with 开始 and the use of what was built: 运行, 运营, 使用,
// 投入…, 投用, 投运, 启用, 上线 ("开始运行", "开始投入使用"): the work is done.
bool begins_use(std::string_view words);

// Whether words say a deed done only in the main or in part: 基本, 部分, 大部,
// 初步, 大体, 多数, 大多 ("基本已于2024年5月完成", "部分完成（2024年11月）"), which a
// date beside them does not make done.
bool says_only_in_part(std::string_view words);

// Whether a remark beside a date ("2024年5月（提前1个月）", "2024年11月，无逾期",
// "已完成（2025年1月）"'s 已完成) leaves the date the day it was done: not empty,
// nothing taken back (未, 不, 没, 无, 非) but a lapse denied ("无延期"), no part
// not done ("部分在建"), no plan (计划, 预计, 拟, 将) and no other date ("6月验收").
bool remark_keeps_date(std::string_view remark);

// Whether words say only that there are no figures yet: not counted, surveyed,
// assessed or monitored ("暂未统计", "未开展满意度调查", "待统计", "暂无数据",
// "统计中"), perhaps after 目前, 暂, 尚, 还 or 仍. Such a cell is no actual at
// all, which its message says (before, only that the words could not be read).
bool says_no_data(std::string_view words);

// Where words first say something not done: 未, 没, 尚, 待, 在建, 停工, 缓建, or
// work still going on, 正在, 施工中, 建设中, 整改中, …, or late, 延期, 逾期, 滞后,
// 推迟, or failed, 不合格, 不达标, 不及格, 不通过, 不符合, 不到位, 不满意, 失败, 无法,
// or only started, 开工, 动工, or a part alone done, 部分完成, … (says_part_not_done),
// or a part excepted (exception_at), or a shortfall said (存在不足, 仍有不足, 不足之处, …):
// "其中2项在建", "尚有2项未完成", "20户正在施工",
// "1个延期", "10人不合格", "10个已开工", "100%（部分完成）", "除2个项目外均已完成",
// "2个项目除外"; not in words that name no deed undone (未成年, 待遇, 待业, 接待,
// 招待, 优待, 期待, 对待, 尚可), in a note of scope (未含配套资金: is_scope_note) nor
// in a lapse negated ("无不合格"). npos when they say nothing not done.
size_t undone_at(std::string_view words);

// Where words except a part from what they say was done: 除 (or 除了) and 外 after
// it, "除2个项目外均已完成", "除个别项目外全部完成", or 除外 after the part, "全部完成
// （个别除外）". Not 除 that is a deed of its own (扣除, 清除, 拆除, 排除, 消除, 解除,
// 去除, 删除, 剔除, 免除, 破除, 根除, 铲除, 切除, 废除, 革除, 摒除, 祛除) or names one
// (除险, 除尘, 除草, 除雪, 除湿, 除臭, 除锈, 除四害), nor 除此之外 (besides this).
// npos when none.
size_t exception_at(std::string_view words);

// Whether words without a figure say a part of the work is not done: a part alone
// done ("部分完成", "大部分到位"; 部分 before 完工, 建成, 竣工, 达标, 实现, 落实, 验收
// or 覆盖 too), a part excepted (exception_at: "除个别项目外全部完成", "全部完成
// （个别除外）"), or a part still going on, a word of a part (部分, 个别, 少数, 一些,
// 尚有, 仍有, 还有, 其中, 含) and, after it, work going on (在建, 在施工, 施工中,
// 建设中, 实施中, 推进中, 进行中, 整改中, 停工, 缓建, 正在 before 施工, 建设, 实施,
// 推进, 整改, 办理 or 验收): "部分在建", "含部分在建", "个别项目仍在施工". Not work
// going on alone ("正在验收"), nor none of it ("无在建项目"), nor 正在 before anything
// else ("其中正在使用的设备"). Something still to be done, 待 before a deed
// (完善, 改进, 整改, 落实, 印发, 拨付, …): "健全（部分制度待完善）", "已建立，尚待印发"; not
// 接待, 期待, 等待, nor 待验收 (done, as 正在验收). Not all of it (未全部, 未完全,
// 未全面, 不完全, …: "达成年度指标，未全部完成"); a clause of several that negates a
// deed done or how well (未, 没有, 不, 无, … before 达标, 合格, 完成, 及时, 到位, …:
// "完成，未达标", "已完成，不及时"; not "已完成，未发现不合格", "按时完成，无延期");
// a shortfall said (存在不足, 仍有不足, 不足之处, …). With a figure, the part is counted:
// undone_at's.
bool says_part_not_done(std::string_view words);

// Whether words say something not done: undone_at finds where.
inline bool says_undone(std::string_view words) {
  return undone_at(words) != std::string_view::npos;
}

// Whether a remark in brackets after a figure says something of the figure's
// own, so that it is no remark and is read as a clause of its own, as after a
// comma: a part not done, counted ("5项（含2项在建）", "100户（其中3户未发放）",
// "100户（其中20户正在施工）": a figure and a word of undone or of work going
// on); work not done, in words ("100%（部分未达标）", "10个（个别项目未验收）":
// 未 or 没有 before a deed of completion, not a note of scope, "（未含配套资金）",
// "（未经复核）"); a part still going on, in words ("100%（部分在建）":
// says_part_not_done); or the actual figure itself ("100人（实际到场85人）").
bool remark_is_a_clause(std::string_view remark);

// Whether a remark in brackets states the whole that the figure before it is a part
// of, counted in the same counting word: "共10个" after "完成8个", "合计10项" after
// "8项". `before` is what precedes the bracket. Such a remark is a clause of its own
// ("完成8个，共10个"); a total of something else ("100人（共3期）") stays a remark.
bool states_the_whole(std::string_view remark, std::string_view before);

// Whether the clause after a phrase says it fell short: "完成率较低", "提升不明显",
// "完成不到一半", "效果不理想", "进度滞后". Only the clause counts, up to the next
// comma or stop ("已完成，问题较少" says nothing against 已完成).
bool falls_short_after(std::string_view after);

// Where the words of what was actually done begin, after a plan or what was due
// ("计划500人，实际480人", "应到120人，实到95人", "应培训120人，实培训98人"): the last
// 实际, else the last 实到, else 实 alone right after a comma (the text is
// normalized: commas are ASCII). npos when none; `marker` is the bytes the
// words of "actually" take, to skip past them to the figure.
size_t actually_at(std::string_view s, size_t& marker);

}  // namespace jixiao::core::text
