#include "core/word_answers.h"

#include <algorithm>
#include <iterator>
#include <utility>

#include "core/changes.h"
#include "core/concat.h"
#include "core/substring.h"
#include "core/text.h"

namespace jixiao::core {

namespace {

// The documents whose amount spending may be kept within, by the words that
// end their names ("批复概算", "年度预算数"), and what each is one of: words of
// one kind name the same ceiling ("合同金额" and "合同价").
constexpr std::pair<std::string_view, std::string_view> kCeilings[] = {
    {"预算数", "预算"},   {"预算", "预算"},     {"概算", "概算"},        {"合同价款", "合同"},
    {"合同金额", "合同"}, {"合同价", "合同"},   {"合同额", "合同"},      {"中标金额", "中标"},
    {"中标价", "中标"},   {"控制价", "控制价"}, {"批复金额", "批复金额"}};

// The kind of ceiling `s` names at its end, or empty.
std::string_view ceiling_of(std::string_view s) {
  // Every name above ends in one of these: most words are turned away here.
  if (!(s.ends_with("算") || s.ends_with("价") || s.ends_with("数") || s.ends_with("额") ||
        s.ends_with("款"))) {
    return {};
  }
  for (const auto& [noun, kind] : kCeilings) {
    if (s.ends_with(noun)) return kind;
  }
  return {};
}

// 超支 is spending over the budget: after 超 (and 未超, 无超), what is left of
// it stands for 预算 ("未超支" says what "未超预算" does).
constexpr std::string_view kOverspent = "支";
constexpr std::string_view kBudget = "预算";

// `s` less a word of the deed at its end ("未超预算完成") and of being inside
// ("预算范围内"); `inside` says whether the latter was there.
std::string_view without_deed_and_inside(std::string_view s, bool& inside) {
  drop_suffix(s, {"完成", "支出", "执行", "支付", "结算"});
  inside = drop_suffix(s, {"范围内", "以内", "之内", "内"});
  return s;
}

// The kind of ceiling that words say spending stayed within: "未超预算",
// "未超出年度预算", "在预算内", "控制在批复预算范围内", "预算内", "在预算内完成",
// "未超概算", "未超支", "与合同价一致", "按合同金额支付". Empty when they do not.
std::string_view kept_within(std::string_view s) {
  bool inside = false;
  s = without_deed_and_inside(s, inside);
  if (drop_prefix(s, {"未超出", "未超过", "未超", "没有超出", "没有超过", "没有超", "没超",
                      "未突破", "不超", "无超"})) {
    return s == kOverspent ? kBudget : ceiling_of(s);
  }
  drop_prefix(s, {"均控制在", "控制在", "均在", "全部在", "在"});
  if (inside) return ceiling_of(s);
  // "与合同价一致", "按合同金额支付": what was agreed, no more.
  if (!drop_prefix(s, {"与", "同", "按", "等于"})) return {};
  drop_suffix(s, {"一致", "相符", "相同", "持平"});
  const std::string_view kind = ceiling_of(s);
  return kind == "合同" || kind == "中标" ? kind : std::string_view{};
}

// The kind of ceiling that words say spending went over: "超预算", "超支",
// "超出概算", "突破合同价". Empty when they do not.
std::string_view went_over(std::string_view s) {
  bool inside = false;
  s = without_deed_and_inside(s, inside);
  if (inside || !drop_prefix(s, {"超出", "超过", "突破", "超", "高于"})) return {};
  return s == kOverspent ? kBudget : ceiling_of(s);
}

// The kind of ceiling a target in words sets: "≤批复概算", "不超过预算",
// "控制在预算内", "预算以内", "≤合同价". Empty when it sets none.
std::string_view target_ceiling(std::string_view s) {
  bool inside = false;
  s = without_deed_and_inside(text::from_bound_after_label(s), inside);
  if (ceiling_of(s).empty()) return {};  // what follows changes only the beginning
  if (text::drop_inclusive_bound(s) < 0 || drop_prefix(s, {"<", "不超出", "不超", "不突破"})) {
    return ceiling_of(s);
  }
  // "控制在预算内", "预算以内": a place inside it.
  drop_prefix(s, {"控制在", "在"});
  return inside ? ceiling_of(s) : std::string_view{};
}

// Words that say nothing happened, before what did not ("未发生安全事故").
constexpr std::string_view kNothingHappened[] = {
    "未发生", "没有发生", "未出现", "没有出现", "未收到", "没有收到", "未接到", "无", "零"};

// The grades of events that a target may forbid while lesser ones may happen.
constexpr std::string_view kMajorGrades[] = {"重特大", "特大", "重大", "较大"};

// What a target that says something must not happen names: "重大安全事故" in
// "无重大安全事故", "杜绝重大安全事故" or "不发生重大安全事故", "事故" in "零事故".
std::string_view must_not_happen_object(std::string_view target) {
  for (std::string_view lead : {"不发生", "不出现", "杜绝", "没有", "零", "无", "不", "未"}) {
    if (target.starts_with(lead)) return target.substr(lead.size());
  }
  return {};
}

// What an actual says did not happen: "安全事故" in "未发生安全事故",
// "全年未发生一起安全事故", "未出现任何安全事故", "无安全事故" or
// "全年无安全事故发生". Empty when it says no such thing.
std::string_view did_not_happen_object(std::string_view actual) {
  drop_prefix(actual, {"全年", "年内", "本年度", "本年", "当年", "报告期内"});
  if (!drop_prefix(actual, kNothingHappened)) return {};
  drop_prefix(actual, {"任何", "一起", "一例", "一次"});
  drop_suffix(actual, {"发生"});
  return actual;
}

// "发生1起一般事故" against "无重大安全事故": the events counted are of a
// lesser grade than the target forbids (一般, 轻微 or 较小 against 重大,
// 特大, 重特大 or 较大), so none of the forbidden happened.
bool lesser_than_forbidden(std::string_view target, const Value& actual) {
  const std::string_view forbidden = must_not_happen_object(target);
  if (!std::any_of(std::begin(kMajorGrades), std::end(kMajorGrades),
                   [&](std::string_view g) { return forbidden.starts_with(g); })) {
    return false;
  }
  // What was counted: after the counting word ("1起一般安全事故"), else before
  // the figure ("发生一般事故1起").
  std::string_view counted = actual.unit;
  for (std::string_view measure : {"起", "次", "例", "件", "宗"}) {
    if (counted.starts_with(measure)) {
      counted.remove_prefix(measure.size());
      break;
    }
  }
  if (counted.empty()) counted = actual.label;
  for (std::string_view happened : {"发生", "出现"}) {
    if (counted.starts_with(happened)) counted.remove_prefix(happened.size());
  }
  for (std::string_view lesser : {"一般", "轻微", "较小"}) {
    if (counted.starts_with(lesser)) return true;
  }
  return false;
}

}  // namespace

bool target_says_none(const Value& target) {
  if (target.kind == ValueKind::number) {
    // "0起", "=0件", "≤0": nothing may happen, in numbers.
    return target.number == 0 &&
           (target.op == Op::none || target.op == Op::eq || target.op == Op::le);
  }
  if (target.kind != ValueKind::text) return false;
  const std::string_view s = target.text;
  return text::starts_negated(s) || s.starts_with("零") || s.starts_with("杜绝");
}

bool target_sets_ceiling(const Value& target) {
  return target.kind == ValueKind::text && !target_ceiling(target.text).empty();
}

std::optional<bool> none_happened(const Value& target, const Value& actual, std::string_view name) {
  const bool at_most = target.op == Op::le || target.op == Op::lt ||
                       ((target.op == Op::none || target.op == Op::eq) && target.number == 0);
  if (target.kind == ValueKind::number && at_most && actual.kind == ValueKind::text) {
    // "无" against "≤0.5%" or "≤3起": nothing happened, under any upper bound.
    for (std::string_view none : kNothingHappened) {
      if (actual.text == none) return true;
    }
    // "无投诉" for 投诉次数, "全年未发生安全事故" for 安全事故: none of what the
    // indicator counts. "无数据" for 数据差错率 says nothing was measured.
    const std::string_view what = did_not_happen_object(actual.text);
    if (what.size() >= 6 && what.size() <= 18 && contains(name, what) && !contains(what, "数据") &&
        !contains(what, "记录") && !contains(what, "统计") && !contains(what, "资料")) {
      return true;
    }
    // "未超预算" against a ceiling in money ("≤100万元"): spending stayed within it.
    if (target.unit == "元" && kept_within(actual.text) == "预算") return true;
    return std::nullopt;
  }
  if (target.kind == ValueKind::text && actual.kind == ValueKind::text &&
      std::string_view(target.text).ends_with("合规")) {
    // "未发现违规" against "合规" or "资金使用合规": compliance is no breach found,
    // also by whoever looked ("审计未发现问题").
    std::string_view said = actual.text;
    drop_prefix(said, {"经审计", "审计", "经检查", "检查"});
    for (std::string_view none_found : {"未发现违", "没有发现违", "无违规", "无违法违规",
                                        "不存在违规", "未发生违规", "未出现违规", "未发现问题"}) {
      if (said.starts_with(none_found)) return true;
    }
  }
  if (target.kind == ValueKind::text && actual.kind == ValueKind::text) {
    // "未超概算" against "≤批复概算", "未超预算" against "控制在预算内": a ceiling
    // of the same kind, kept or gone over.
    if (const std::string_view ceiling = target_ceiling(target.text); !ceiling.empty()) {
      if (kept_within(actual.text) == ceiling) return true;
      if (went_over(actual.text) == ceiling) return false;
    }
  }
  // "否" for 是否发生安全事故: nothing may happen, asked as a question; `asked`
  // is what may not ("安全事故").
  std::string_view asked;
  const bool asked_none = [&] {
    if (target.kind != ValueKind::text || target.text != "否") return false;
    const size_t at = name.find("是否");
    if (at == std::string_view::npos) return false;
    asked = name.substr(at + std::string_view("是否").size());
    return drop_prefix(asked, {"发生", "出现", "存在"});
  }();
  if (target.kind != ValueKind::text || !(asked_none || target_says_none(target))) {
    return std::nullopt;
  }
  if (actual.kind == ValueKind::text) {
    // "未发现违规" against "无违规违纪": none was found; "零" against "杜绝重大事故".
    for (std::string_view none_found : {"未发现", "没有发现", "未查出"}) {
      if (actual.text.starts_with(none_found)) return true;
    }
    if (actual.text == "零" || actual.text == "零发生") return true;
    // "未发生安全事故" against "无重大安全事故": none of what the target names,
    // or of anything wider that holds it ("事故" holds "重大安全事故"). A
    // narrower one ("未发生重大安全事故" against "无安全事故") cannot tell.
    const std::string_view not_happened = did_not_happen_object(actual.text);
    const std::string_view forbidden = must_not_happen_object(target.text);
    if (not_happened.size() >= 6 && forbidden.ends_with(not_happened)) return true;
    // "全年无安全事故" for 是否发生安全事故 (or 是否发生重大安全事故), as the
    // target's words would be.
    if (asked_none && not_happened.size() >= 6 && asked.ends_with(not_happened)) return true;
    // "未发生安全事故" against "零事故" for 安全事故发生次数: narrower in its words,
    // but what the indicator counts, which the target's shorter word names.
    if (forbidden.size() >= 6 && not_happened.ends_with(forbidden) &&
        contains(name, not_happened)) {
      return true;
    }
    // The target's own words, with its "not" said as done or left out.
    const std::string_view wanted = target.text;
    if (!wanted.starts_with("不") || wanted.size() <= 3) return std::nullopt;
    // 超过 and 超出 say what 超 does: "未超预算" against "不超过预算".
    const auto plain = [](std::string_view w) {
      std::string out(w);
      for (std::string_view longer : {"超过", "超出"}) {
        for (size_t at = out.find(longer); at != std::string::npos; at = out.find(longer, at)) {
          out.erase(at + 3, 3);
        }
      }
      return out;
    };
    const std::string what = plain(wanted.substr(3));
    const std::string said = plain(actual.text);
    if (said == what) return false;
    for (std::string_view done_not : {"未", "没有", "没"}) {
      if (said.starts_with(done_not) && std::string_view(said).substr(done_not.size()) == what) {
        return true;
      }
    }
    return std::nullopt;
  }
  if (actual.kind != ValueKind::number) return std::nullopt;
  if (actual.op == Op::ge || actual.op == Op::gt || actual.op == Op::range) return std::nullopt;
  // "95%" against "不降低": a level, not a count of what must not happen (it
  // was read as 95 such events, a miss); change_met reads a change said so.
  for (std::string_view no : {"不", "未"}) {
    if (target.text.starts_with(no) && change_direction(target.text.substr(no.size())) != 0) {
      return std::nullopt;
    }
  }
  if (actual.number > 0 && lesser_than_forbidden(target.text, actual)) return true;
  return actual.number <= 0;
}

namespace {

// How strong a change words say: 2 for much ("明显提升", "显著", "大幅", "较大",
// "大大"), 1 for an effect ("有效提升"), 0 for any change ("有所提升", "逐步提高").
int strength_of_change(std::string_view words) {
  for (std::string_view much : {"明显", "显著", "大幅", "较大", "大大"}) {
    if (contains(words, much)) return 2;
  }
  for (std::string_view effect : {"有效", "切实", "充分"}) {
    if (contains(words, effect)) return 1;
  }
  return 0;
}

// "持平", "保持不变", "未提升", "没有下降": the actual says nothing changed.
bool says_unchanged(std::string_view said) {
  for (std::string_view same : {"持平", "不变", "无变化", "没有变化", "未变化", "未见变化"}) {
    if (contains(said, same)) return true;
  }
  for (std::string_view not_done : {"未", "没有", "没"}) {
    if (!said.starts_with(not_done)) continue;
    // "未明显提高" denies the strength, not the change: a small one may have come.
    const std::string_view rest = said.substr(not_done.size());
    return strength_of_change(rest) == 0 && change_direction(rest) != 0;
  }
  return false;
}

// A bare negative percentage ("-2.5%"): a fall, since no share is below zero.
// A bare positive one may be a rise or a level, and says nothing of a change.
bool is_bare_fall(const Value& actual) {
  return actual.kind == ValueKind::number && actual.label.empty() && actual.unit == "%" &&
         actual.op == Op::none && actual.number < 0;
}

// Words that ask for more than a change: "明显提升" or "有效提升" is not met by any rise.
bool asks_for_much(std::string_view wanted) {
  return strength_of_change(wanted) > 0;
}

// Whether `actual` keeps clear of a change that must not happen (`forbidden`:
// "不降低" forbids -1): a change the other way, or none, keeps clear of it.
std::optional<bool> change_not_made(int forbidden, const Value& actual) {
  if (forbidden == 0) return std::nullopt;
  if (actual.kind == ValueKind::number) {
    if (is_bare_fall(actual)) return forbidden != -1;
    const int said = change_direction(actual.label);
    if (said == 0 || actual.op != Op::none) return std::nullopt;
    return !(said == forbidden && actual.number > 0);
  }
  if (actual.kind != ValueKind::text) return std::nullopt;
  if (says_unchanged(actual.text)) return true;
  const int said = change_direction(actual.text);
  if (said == 0) return std::nullopt;
  return said != forbidden;
}

}  // namespace

std::optional<bool> change_met(const Value& target, const Value& actual) {
  int wanted = 0;
  if (target.kind == ValueKind::text) {
    // "≥上年", "≤上年水平", "不超过上年", "<=上年": the bound said in the
    // words read below ("不低于上年", "不高于上年").
    std::string_view rest = text::from_bound_after_label(target.text);
    const int bound = text::drop_inclusive_bound(rest);
    std::string_view words = bound < 0 ? "不高于" : bound > 0 ? "不低于" : "";
    if (bound == 0) {
      if (drop_prefix(rest, {">"})) {
        words = "高于";
      } else if (drop_prefix(rest, {"<"})) {
        words = "低于";
      }
    }
    if (!words.empty() && !target.text.starts_with(words) &&
        (rest.starts_with("上年") || rest.starts_with("去年") || rest.starts_with("上一年") ||
         rest.starts_with("同期"))) {
      Value said = target;
      said.text = concat(words, rest);
      return change_met(said, actual);
    }
    // "零增长" (化肥使用量零增长) asks for no rise, as "不增长" does: a fall or
    // none meets it (it was read as asking for a rise); "负增长" asks for a fall.
    if (target.text.ends_with("零增长")) return change_not_made(1, actual);
    wanted = target.text.ends_with("负增长") ? -1 : change_direction(target.text);
    if (wanted == 0) {
      for (std::string_view must_not : {"不", "未"}) {
        if (target.text.starts_with(must_not)) {
          return change_not_made(change_direction(target.text.substr(must_not.size())), actual);
        }
      }
    }
  } else if (target.kind == ValueKind::number && !target.label.empty() &&
             (target.op == Op::none || target.op == Op::ge || target.op == Op::gt)) {
    wanted = change_direction(target.label);
  }
  if (wanted == 0) return std::nullopt;
  if (actual.kind == ValueKind::number) {
    if (target.kind == ValueKind::text && is_bare_fall(actual)) {
      return wanted == 1                  ? std::optional<bool>(false)
             : asks_for_much(target.text) ? std::nullopt
                                          : std::optional<bool>(true);
    }
    // Against a figure the numbers decide (comparable_numbers).
    if (target.kind != ValueKind::text || actual.label.empty()) return std::nullopt;
    const int said = change_direction(actual.label);
    if (said == 0 || actual.op != Op::none) return std::nullopt;
    if (actual.number <= 0 || said != wanted) return false;
    return asks_for_much(target.text) ? std::nullopt : std::optional<bool>(true);
  }
  if (actual.kind != ValueKind::text) return std::nullopt;
  if (says_unchanged(actual.text)) return false;
  const int said = change_direction(actual.text);
  if (said == -wanted) return false;
  // A rise in words says nothing of its size: against a figure the evaluator
  // judges it, as against "明显提升" a rise less strong ("有所提升", "有效提升");
  // "较大提高" meets "显著提高".
  if (said == wanted && target.kind == ValueKind::text &&
      strength_of_change(actual.text) >= strength_of_change(target.text)) {
    return true;
  }
  return std::nullopt;
}

namespace {

// Whether words stand against a percentage that may be scored against 100%: an
// actual with its operator ("完成95%以上", "≥95%") is read as its bound.
bool percent_against_words(const Value& target, const Value& actual) {
  const bool bound = actual.op == Op::ge || actual.op == Op::gt;
  return target.kind == ValueKind::text && actual.kind == ValueKind::number && actual.unit == "%" &&
         (actual.op == Op::none || actual.op == Op::eq || bound);
}

// "应补尽补", "应助尽助", "应接尽接" (also after 已, 均已, 做到, 实现): all who
// should have it, had it. Four characters: 应, a deed, 尽, the deed again.
bool all_who_should(std::string_view said) {
  drop_prefix(said, text::kAlready);
  drop_prefix(said, {"做到", "实现"});
  constexpr size_t kChar = 3;  // bytes of a Chinese character
  const auto chinese_at = [&](size_t i) {
    return (static_cast<unsigned char>(said[i]) >> 4) == 0xE;
  };
  return said.size() == 4 * kChar && said.starts_with("应") && chinese_at(kChar) &&
         said.substr(2 * kChar, kChar) == "尽" &&
         said.substr(kChar, kChar) == said.substr(3 * kChar, kChar);
}

// "全部发放", "已全部兑付", "均已纳入保障", "全额拨付到位": a deed of a few
// characters done for all, without a negation or a clause of its own, which is
// what a target of all who should ("应补尽补") asks.
bool done_for_all(std::string_view said) {
  bool all = drop_prefix(said, {"均已", "均"});  // "均已发放"
  drop_prefix(said, text::kAlready);
  all = drop_prefix(said, {"全部", "全数", "全额", "足额"}) || all;
  if (!all) return false;
  drop_prefix(said, text::kAlready);  // "全部已发放"
  drop_suffix(said, {"完毕", "到位", "完成"});
  constexpr size_t kChar = 3;     // bytes of a Chinese character
  constexpr size_t kMaxDeed = 4;  // characters: "纳入保障"
  if (said.empty() || said.size() > kMaxDeed * kChar) return false;
  for (const char c : said) {
    if (static_cast<unsigned char>(c) < 0x80) return false;  // digits, letters, marks
  }
  for (std::string_view no : {"未", "不", "没", "无", "待"}) {
    if (contains(said, no)) return false;
  }
  return true;
}

// The two characters before the 率 a `name` ends with ("合格" in "验收合格率");
// empty when it ends otherwise.
std::string_view rate_stem(std::string_view name) {
  constexpr std::string_view kRate = "率";
  constexpr size_t kStem = 6;  // two characters in UTF-8
  if (!name.ends_with(kRate) || name.size() < kRate.size() + kStem) return {};
  return name.substr(name.size() - kRate.size() - kStem, kStem);
}

// The qualities a target may ask for, each with the word its rate is named by
// (及时 and 按时 both by 时: 及时率, 按时拨付率).
constexpr std::pair<std::string_view, std::string_view> kQualities[] = {
    {"合格", "合格"}, {"达标", "达标"}, {"及时", "时"},   {"按时", "时"},   {"准确", "准确"},
    {"完好", "完好"}, {"完整", "完整"}, {"规范", "规范"}, {"足额", "足额"}, {"合规", "合规"}};

}  // namespace

std::optional<double> completed_percent(const Value& target, const Value& actual) {
  if (!percent_against_words(target, actual)) return std::nullopt;
  // What the share is of: done, covered, paid out, in place ("合格率95%" is not).
  static constexpr std::string_view kShareOf[] = {"完成", "覆盖", "发放", "到位", "落实"};
  const auto share_of = [&](std::string_view verb) { return contains(actual.label, verb); };
  if (!actual.label.empty() && std::none_of(std::begin(kShareOf), std::end(kShareOf), share_of)) {
    return std::nullopt;
  }
  static constexpr std::string_view kAll[] = {
      "全部完成", "全面完成", "按计划完成",   "按计划全部完成", "完成",
      "已完成",   "全部达成", "完成全部任务", "完成年度任务",   "全覆盖",
      "全面覆盖", "足额发放", "全额发放",     "足额到位",       "全部到位"};
  for (std::string_view all : kAll) {
    if (target.text == all) return actual.number;
  }
  if (all_who_should(target.text)) return actual.number;
  return std::nullopt;
}

std::optional<double> quality_percent(const Value& target, const Value& actual) {
  if (!percent_against_words(target, actual)) return std::nullopt;
  // The qualities asked for, one or two ("及时足额", "完整规范").
  std::string_view asked = target.text;
  drop_prefix(asked, {"全部", "验收"});
  drop_suffix(asked, {"拨付", "发放", "到位", "兑付", "支付"});
  std::string_view rates[2];
  int n = 0;
  for (bool found = true; found && n < 2 && !asked.empty();) {
    found = false;
    for (const auto& [quality, rate] : kQualities) {
      if (asked.starts_with(quality)) {
        asked.remove_prefix(quality.size());
        rates[n++] = rate;
        found = true;
        break;
      }
    }
  }
  if (n == 0 || !asked.empty()) return std::nullopt;
  // "100%", "合格率98%", "98%合格", "及时拨付率100%": the share that has the quality.
  if (actual.label.empty()) return actual.number;
  for (int i = 0; i < n; ++i) {
    if (contains(actual.label, rates[i])) return actual.number;
  }
  return std::nullopt;
}

bool rate_of_a_quality(std::string_view name) {
  const std::string_view stem = rate_stem(name);
  const auto quality = [&](const auto& q) { return q.first == stem; };
  return !stem.empty() && std::any_of(std::begin(kQualities), std::end(kQualities), quality);
}

std::optional<double> all_of_measure(std::string_view name, const Value& target,
                                     const Value& actual) {
  const std::string_view stem = rate_stem(name);
  if (target.kind != ValueKind::number || target.unit != "%" || actual.kind != ValueKind::text ||
      target.op == Op::le || target.op == Op::lt || stem.empty()) {
    return std::nullopt;
  }
  // "应助尽助" for 资助覆盖率: all who should, of whatever the rate counts.
  if (all_who_should(actual.text)) return 100.0;
  std::string_view said = actual.text;
  drop_prefix(said, {"均已", "已经", "现已", "已", "均"});
  // "全额拨付", "足额发放": all of the money, as "全部拨付".
  const bool all = drop_prefix(said, {"全部", "全面", "全数", "全额", "足额", "百分之百", "100%"});
  if (!drop_prefix(said, {stem})) return std::nullopt;
  drop_suffix(said, {"完毕", "到位", "完成"});
  // "合规" for 合规率, "均完整" for 完整率: a quality said of what is counted, all
  // of it, as "全部合规" (before, the evaluator's); not "覆盖" for 覆盖率, nor
  // "增长" for 增长率, which say nothing of how much.
  if (!all && !rate_of_a_quality(name)) return std::nullopt;
  return said.empty() ? std::optional<double>(100.0) : std::nullopt;
}

std::optional<int> days_of_a_deed_at_once(std::string_view said) {
  drop_prefix(said, {"均为", "均在", "全部", "一律", "均"});
  static constexpr std::pair<std::string_view, int> kWhen[] = {
      {"即时", 0}, {"当场", 0}, {"立即", 0}, {"马上", 0}, {"随到随办", 0}, {"即来即办", 0},
      {"即办", 0}, {"实时", 0}, {"当天", 1}, {"当日", 1}, {"同日", 1},     {"同一天", 1}};
  std::optional<int> days;
  for (const auto& [when, n] : kWhen) {
    if (said.starts_with(when)) {
      said.remove_prefix(when.size());
      days = n;
      break;
    }
  }
  if (!days) return std::nullopt;
  drop_prefix(said, {"内"});
  // What follows names the deed ("办结", "响应到位"), and no more.
  constexpr size_t kDeed = 4 * 3;
  if (said.size() > kDeed) return std::nullopt;
  for (std::string_view no : {"未", "不", "没", "无", "次", "隔"}) {
    if (contains(said, no)) return std::nullopt;
  }
  for (const char c : said) {
    if (static_cast<unsigned char>(c) < 0x80) return std::nullopt;  // digits, letters, marks
  }
  return days;
}

std::optional<bool> done_at_once(const Value& target, const Value& actual) {
  if (target.kind != ValueKind::number || actual.kind != ValueKind::text ||
      (target.op != Op::le && target.op != Op::lt && target.op != Op::none)) {
    return std::nullopt;
  }
  double day = 0;  // one day in the target's unit
  if (target.unit == "小时") {
    day = 24;
  } else if (target.unit == "工作日") {
    day = 1;  // a deed of the day it came in
  } else if (target.unit == "月") {
    day = 1.0 / 28;
  } else {
    return std::nullopt;
  }
  const std::optional<int> days = days_of_a_deed_at_once(actual.text);
  if (!days) return std::nullopt;
  const double bound = *days * day;
  if (target.op == Op::lt ? bound < target.number || bound == 0 : bound <= target.number + 1e-9) {
    return true;
  }
  return std::nullopt;  // a day against hours: the evaluator knows when
}

// Words of how any deed is done, which ask for no more than the deed: "已公示"
// answers "是否按规定公示" and meets "按规定公开" (按时 and 及时 are what is
// asked, and stay).
constexpr std::string_view kHowAnyDeedIsDone[] = {"按规定", "按要求", "依法", "依规"};

std::optional<bool> answers_the_question(std::string_view name, const Value& target,
                                         const Value& actual) {
  // "全部发放", "已全部兑付" against "应补尽补": all of it (before, the evaluator's).
  if (target.kind == ValueKind::text && actual.kind == ValueKind::text &&
      all_who_should(target.text) && done_for_all(actual.text)) {
    return true;
  }
  constexpr size_t kVerb = 6;  // the first two characters of what is asked
  std::string_view asked = name;
  std::string_view verb;  // what the words must say done
  // "是否建立制度", or with what is asked of before it: "资金使用是否合规".
  constexpr std::string_view kWhether = "是否";
  const size_t whether = name.find(kWhether);
  const bool question = whether != std::string_view::npos;
  if (question) {
    asked = name.substr(whether + kWhether.size());
    drop_prefix(asked, kHowAnyDeedIsDone);  // "是否按规定公示"
    verb = asked.substr(0, std::min(asked.size(), kVerb));
  } else {
    // No question in the name: the target's own deed, all of it ("建立" against
    // "已建立长效管护机制", "形成调研报告" against "已形成调研报告并报送区政府"), in a
    // few words without a clause of its own ("建立长效机制，确保正常运行" asks more).
    constexpr size_t kMaxDeed = 21;  // seven Chinese characters, as in "制定并印发实施"
    if (target.kind != ValueKind::text || text::starts_negated(target.text) ||
        target.text.size() > kMaxDeed || !text::only_remarks(target.text) ||
        contains(target.text, "，") || contains(target.text, ",")) {
      return std::nullopt;
    }
    verb = target.text;
    drop_prefix(verb, {"已经", "已"});
    drop_prefix(verb, kHowAnyDeedIsDone);  // "按规定公开" against "已公开"
  }
  if (actual.kind != ValueKind::text || verb.size() < kVerb) return std::nullopt;
  std::string_view said = actual.text;
  if (drop_prefix(said, text::kAlready)) {
    // "已在官网公开" for 是否公开: the deed, with where or how; not in the main
    // only ("已基本建立", "已初步建立": before, a yes).
    if (!contains(said, verb) || in_the_main(said) > 0) return std::nullopt;
    for (std::string_view no : {"未", "不", "没"}) {
      if (contains(said, no)) return std::nullopt;
    }
    return true;
  }
  // 超支 is spending over the budget: "未超支" for 是否超预算 says what
  // "未超预算" does, and "超预算" for 是否超支 what "超支" does.
  const auto overspent = [](std::string_view s) {
    return s.starts_with("超预算") || s.starts_with("超支");
  };
  // "合规" for 是否合规, "齐全" for 是否齐全: the words asked, said of it.
  if (question && (said == asked || said == verb ||
                   (overspent(asked) && (said == "超支" || said == "超预算")))) {
    return true;
  }
  // "未超预算" for 是否超预算, "不合规" for 是否合规.
  if (drop_prefix(said, {"均未", "尚未", "没有", "未", "无", "不"}) &&
      (said.starts_with(verb) || (question && overspent(asked) && overspent(said)))) {
    return false;
  }
  return std::nullopt;
}

std::optional<bool> yes_no_met(const Value& target, WordClass target_class, const Value& actual,
                               WordClass actual_class) {
  const bool yes = actual_class.type == WordClass::yes;
  if (target_class.type == WordClass::yes || target_class.type == WordClass::no) {
    return yes == (target_class.type == WordClass::yes);
  }
  if (target_says_none(target)) {
    if (actual.text == "否") return std::nullopt;  // "no, not achieved" or "no, it did not happen"
    return actual.text == "是" || !yes;
  }
  return yes;
}

bool repeats_target_in_the_main(const Value& target, const Value& actual) {
  if (target.kind != ValueKind::text || actual.kind != ValueKind::text) return false;
  std::string_view said = actual.text;
  drop_prefix(said, text::kScopeLeads);  // "目前基本建立", "总体已基本建立"
  drop_prefix(said, text::kAlready);     // "已基本建立" as "基本建立"
  const size_t main = in_the_main(said);
  return main > 0 && said.size() > main && said.substr(main) == target.text;
}

namespace {

// Whether words before a deed in a target say when, how fully or how well it
// is to be done ("及时公开", "足额发放", "明显改善"), which the deed not done at
// all fails too. Not 按规定, 依法 and the like, nor 有所, 逐步 and the like: the
// words of a yes or no already answer a target with them (answers_the_question,
// change_met: "未公开" against "依法公开" is not met, 0).
bool asks_how(std::string_view manner) {
  static constexpr std::string_view kManners[] = {"及时", "按时", "按期", "如期", "足额",
                                                  "规范", "明显", "显著", "切实", "有效"};
  return std::find(std::begin(kManners), std::end(kManners), manner) != std::end(kManners);
}

}  // namespace

bool negates_target(const Value& target, const Value& actual) {
  // "未全覆盖" against "全覆盖" says some is covered: not the worst tier.
  if (target.kind != ValueKind::text || actual.kind != ValueKind::text || target.text.size() < 6 ||
      target.text.starts_with("全")) {
    return false;
  }
  const std::string_view wanted = target.text;
  const std::string_view said = actual.text;
  constexpr size_t kTwoCharacters = 6;
  for (std::string_view no : {"尚未", "没有", "不", "未"}) {
    if (!said.starts_with(no)) continue;
    const std::string_view deed = said.substr(no.size());
    if (deed == wanted) return true;
    // "未公开" against "及时公开", "未改善" against "明显改善": the deed not done
    // at all, so not as asked either (before, the evaluator's).
    if (deed.size() >= kTwoCharacters && wanted.size() > deed.size() && wanted.ends_with(deed) &&
        asks_how(wanted.substr(0, wanted.size() - deed.size()))) {
      return true;
    }
  }
  // "管理不规范" against "规范管理", "发放不及时" against "及时发放": the target's
  // two words, the deed first and its quality negated after it.
  for (std::string_view no : {"不", "未"}) {
    const size_t at = said.find(no);
    if (at == std::string_view::npos || at < kTwoCharacters) continue;
    const std::string_view deed = said.substr(0, at);
    const std::string_view quality = said.substr(at + no.size());
    if (quality.size() >= kTwoCharacters && wanted.size() == deed.size() + quality.size() &&
        wanted.starts_with(quality) && wanted.ends_with(deed)) {
      return true;
    }
  }
  return false;
}

namespace {

// Words of how long a project works, which say the same of it (可持续影响指标).
constexpr std::string_view kLasting[] = {"可持续", "持续", "长效", "长久", "长期"};
// What may follow them and says no more than they do.
// ("持续发挥" says what "持续发挥作用" does.)
constexpr std::string_view kLastingDeeds[] = {"",         "发挥",     "发挥作用", "发挥效益",
                                              "发挥效用", "发挥效能", "有效",     "运行"};

// "可持续" against "长期", "持续发挥作用" against "长期发挥作用" or "长期": both
// say it lasts, and nothing else, or the same else.
bool lasts_alike(std::string_view wanted, std::string_view said) {
  const auto rest = [](std::string_view s) -> std::optional<std::string_view> {
    for (std::string_view lasting : kLasting) {
      if (s.starts_with(lasting)) return s.substr(lasting.size());
    }
    return std::nullopt;
  };
  const std::optional<std::string_view> w = rest(wanted);
  const std::optional<std::string_view> s = rest(said);
  if (!w || !s) return false;
  if (*w == *s) return true;
  const auto says_no_more = [](std::string_view deed) {
    return std::find(std::begin(kLastingDeeds), std::end(kLastingDeeds), deed) !=
           std::end(kLastingDeeds);
  };
  return says_no_more(*w) && says_no_more(*s);
}

// Words of how a change comes about, which ask for no more than the change
// ("逐步改善" asks for an improvement, as "改善" does).
constexpr std::string_view kManner[] = {"得到",   "有所", "逐步", "持续", "不断",
                                        "进一步", "稳步", "逐年", "日益"};

std::string_view without_manner(std::string_view s) {
  for (std::string_view manner : kManner) {
    if (s.size() > manner.size() && s.starts_with(manner)) return s.substr(manner.size());
  }
  return s;
}

// "得到改善", "有所改善" or "得到有效改善" against "改善" or "逐步改善", and
// "大幅改善" against "明显改善": the change asked for, said as come about, at
// least as strong as asked (strength_of_change: "有所改善" does not meet "有效改善").
bool changed_as_asked(std::string_view wanted, std::string_view said) {
  std::string_view change = without_manner(wanted);
  std::string_view done = without_manner(said);
  const int asked = strength_of_change(change);
  const int given = strength_of_change(done);
  for (std::string_view* s : {&change, &done}) {
    drop_prefix(*s, {"有效", "充分", "切实", "明显", "显著", "大幅", "较大", "大大"});
  }
  drop_prefix(done, {"较好", "很好"});
  return change.size() >= 6 && done == change && given >= asked;
}

}  // namespace

bool repeats_target(const Value& target, const Value& actual) {
  if (target.kind != ValueKind::text || actual.kind != ValueKind::text || target.text.empty()) {
    return false;
  }
  // "已全覆盖" against "全覆盖": the same words, said as done.
  std::string_view said = actual.text;
  drop_prefix(said, text::kAlready);
  if (said == target.text) return true;
  const std::string_view wanted = target.text;
  // "低于全省平均" against "低于全省平均水平": 水平 says nothing more.
  constexpr std::string_view kLevel = "水平";
  if (wanted.ends_with(kLevel) && wanted.size() > kLevel.size() + 6 &&
      said == wanted.substr(0, wanted.size() - kLevel.size())) {
    return true;
  }
  if (lasts_alike(wanted, said) || changed_as_asked(wanted, said)) return true;
  // "促进了地方经济发展" against "促进地方经济发展": the deed (two characters)
  // said done with 了, the rest word for word.
  constexpr size_t kVerb = 6;  // two characters
  constexpr std::string_view kDone = "了";
  if (wanted.size() > kVerb && said.size() == wanted.size() + kDone.size() &&
      said.starts_with(wanted.substr(0, kVerb)) && said.substr(kVerb).starts_with(kDone) &&
      said.substr(kVerb + kDone.size()) == wanted.substr(kVerb)) {
    return true;
  }
  // "已建立长效机制" against "长效机制": the thing asked for, said made.
  if (said.size() != actual.text.size()) {
    for (std::string_view made : {"建立", "建成", "形成", "完成", "实现", "落实", "制定", "出台"}) {
      if (said.size() == made.size() + wanted.size() && said.starts_with(made) &&
          said.ends_with(wanted)) {
        return true;
      }
    }
  }
  // "困难群众基本生活得到保障" against "保障困难群众基本生活": a deed and its
  // object, said the other way round as done ("得到有效改善" as "得到改善").
  if (wanted.size() <= kVerb + 3 || !said.starts_with(wanted.substr(kVerb))) return false;
  std::string_view rest = said.substr(wanted.size() - kVerb);
  if (!rest.starts_with("得到")) return false;
  rest.remove_prefix(std::string_view("得到").size());
  for (std::string_view how : {"有效", "充分", "切实", "全面", "明显", "较好"}) {
    if (rest.starts_with(how)) {
      rest.remove_prefix(how.size());
      break;
    }
  }
  return rest == wanted.substr(0, kVerb);
}

}  // namespace jixiao::core
