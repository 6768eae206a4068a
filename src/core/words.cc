#include "core/words.h"

#include "core/changes.h"
#include "core/concat.h"
#include "core/quality_class.h"
#include "core/substring.h"
#include "core/text.h"

#include <algorithm>
#include <atomic>

namespace jixiao::core {
namespace {

// "基本完成", "基本完整": said of the main part only.
constexpr std::string_view kInTheMain = "基本";

constexpr std::string_view kMarks[] = {"。", ".", "!", "；", ";", "\"", "“", "”", "「", "」"};

// Whether `s` may start or end with a mark or a space: a byte test that lets
// the common case (plain words) skip strip_marks().
bool may_need_strip(std::string_view s) {
  auto edge = [](unsigned char c) {
    return c == '.' || c == '!' || c == ';' || c == '"' || c == ' ' || c == '\t' || c == '\n' ||
           c == '\r';
  };
  const auto first = static_cast<unsigned char>(s.front());
  const auto last = static_cast<unsigned char>(s.back());
  // Lead bytes of 。「」 and the ideographic space (E3), “” (E2), ；(EF); the
  // last bytes of those characters.
  return edge(first) || first == 0xE2 || first == 0xE3 || first == 0xEF || edge(last) ||
         last == 0x80 || last == 0x82 || last == 0x8C || last == 0x8D || last == 0x9B ||
         last == 0x9C || last == 0x9D;
}

std::string_view strip_marks(std::string_view s) {
  for (bool changed = true; changed;) {
    changed = false;
    for (std::string_view mark : kMarks) {
      if (s.size() >= mark.size() && s.substr(s.size() - mark.size()) == mark) {
        s.remove_suffix(mark.size());
        changed = true;
      }
      if (s.substr(0, mark.size()) == mark) {
        s.remove_prefix(mark.size());
        changed = true;
      }
    }
    s = text::trim(s);
  }
  return s;
}

// Long descriptions are left to the evaluator: a phrase inside 60 words of
// prose says little about the tier.
bool is_short_text(std::string_view s) {
  constexpr size_t kMaxPoints = 24;
  return s.size() <= kMaxPoints ||
         (s.size() <= 4 * kMaxPoints && text::code_points(s) <= kMaxPoints);
}

bool is_phrase(std::string_view word) {
  return word.size() >= 2 && text::code_points(word) >= 2;
}

// The lists in the order they take precedence: yes, no, tiers (worst first),
// grades. A word in a tier and a grade list ("良好", "一般") is a tier, except
// against a grade word (LeafWords::target and actual).
template <typename Visit>
void each_word(const RuleSet& rules, Visit visit) {
  for (const auto& w : rules.yes_words) visit(w, WordClass::yes, 0);
  for (const auto& w : rules.no_words) visit(w, WordClass::no, 0);
  for (int i = static_cast<int>(rules.tiers.size()) - 1; i >= 0; --i) {
    for (const auto& w : rules.tiers[i].words) visit(w, WordClass::tier, i);
  }
  for (size_t i = 0; i < rules.grade_levels.size(); ++i) {
    for (const auto& w : rules.grade_levels[i].words)
      visit(w, WordClass::grade, static_cast<int>(i));
  }
}

// Where the character that ends at byte `end` of `s` starts: one step back
// over UTF-8 continuation bytes (0 at the start).
size_t previous_character(std::string_view s, size_t end) {
  size_t i = end > 0 ? end - 1 : 0;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return i;
}

// Whether `s` holds `phrase` somewhere it is not negated ("未完成") nor, for a
// phrase that is not of the worst tier, said to fall short ("完成率较低").
bool holds_phrase(std::string_view s, std::string_view phrase, bool worst) {
  if (!contains(s, phrase)) return false;
  for (size_t at = s.find(phrase); at != std::string_view::npos; at = s.find(phrase, at + 1)) {
    if (text::negated_before(s.substr(0, at))) continue;
    if (!worst && text::falls_short_after(s.substr(at + phrase.size()))) continue;
    return true;
  }
  return false;
}

// "部分合格", "大部分达标": the best tier's phrase said of a part only.
bool said_of_a_part(std::string_view s) {
  return s.starts_with("部分") || s.starts_with("大部分");
}

// Whether `s` names a draft ("草案已完成", "已形成征求意见稿"): a document
// still to be adopted.
bool names_a_draft(std::string_view s) {
  // Every draft word ends in 稿 or 案: one search each rules most texts out.
  if (s.find("稿") == std::string_view::npos && s.find("案") == std::string_view::npos) {
    return false;
  }
  for (std::string_view draft :
       {"草案", "初稿", "草稿", "征求意见稿", "送审稿", "讨论稿", "代拟稿"}) {
    if (s.find(draft) != std::string_view::npos) return true;
  }
  return false;
}

// The tier of a text that holds a phrase of tier `level`: the next tier when
// the best tier's phrase is said only in the main ("基本达标", "基本及时"), of
// a part ("部分合格"), as the lists say of 基本完成 and 部分完成, or of a draft
// ("草案已完成": the document is not adopted yet). Listed words are taken as listed.
WordClass in_the_main(std::string_view s, int level, int tiers) {
  if (level == 0 && tiers >= 2 &&
      (s.starts_with(kInTheMain) || said_of_a_part(s) || names_a_draft(s))) {
    level = 1;
  }
  return {WordClass::tier, level};
}

WordClass classify_by_lists(std::string_view s, const RuleSet& rules) {
  WordClass found;
  each_word(rules, [&](const std::string& w, WordClass::Type type, int level) {
    if (found.type == WordClass::none && s == w) found = {type, level};
  });
  for (size_t level = 0; level < rules.grade_levels.size() && found.grade_level < 0; ++level) {
    for (const std::string& w : rules.grade_levels[level].words) {
      if (w == s) found.grade_level = static_cast<int>(level);
    }
  }
  if (found.type != WordClass::none || !is_short_text(s)) return found;
  const int tiers = static_cast<int>(rules.tiers.size());
  for (int i = tiers - 1; i >= 0; --i) {
    for (const auto& w : rules.tiers[i].words) {
      if (is_phrase(w) && holds_phrase(s, w, i == tiers - 1)) return in_the_main(s, i, tiers);
    }
  }
  return {};
}

// The tier phrase inside a short text ("部分达成" in "部分达成预期目标"), worst tier first;
// a negated phrase ("明显" in "无明显提升") says nothing.
WordClass find_phrase(std::string_view s, const WordIndex& index) {
  for (const auto& p : index.phrases) {
    if (holds_phrase(s, p.word, p.tier == index.tiers - 1)) {
      return in_the_main(s, p.tier, index.tiers);
    }
  }
  return {};
}

// Remembered find_phrase() answers, one table per thread. Tables repeat the
// same few descriptions ("有效提升", "已完成") thousands of times, and each
// is otherwise searched for every phrase of every tier. Keyed by the index's
// id and the text itself, so an answer is never used for other lists.
class PhraseMemo {
 public:
  WordClass find(std::string_view s, const WordIndex& index) {
    const uint64_t hash = StringTable::hash(s);
    Entry& e = entries_[hash % kEntries];
    if (e.index_id != index.id || e.hash != hash || e.text != s) {
      e.found = find_phrase(s, index);
      e.index_id = index.id;
      e.hash = hash;
      e.text.assign(s);
    }
    return e.found;
  }

 private:
  static constexpr size_t kEntries = 256;
  struct Entry {
    uint64_t index_id = 0;  // 0: empty (ids start at 1)
    uint64_t hash = 0;
    std::string text;
    WordClass found;
  };
  Entry entries_[kEntries];
};

WordClass classify_by_index(std::string_view s, const WordIndex& index) {
  if (const int at = index.lookup.find(s); at >= 0) {
    const WordIndex::Whole& w = index.whole[at];
    return {static_cast<WordClass::Type>(w.type), w.level, w.grade_level};
  }
  if (!is_short_text(s)) return {};
  thread_local PhraseMemo memo;
  return memo.find(s, index);
}

// `s` less an "at least" said before or after it ("≥", "达到", "不低于", "至少";
// "及以上", "或以上", "以上"), or `s` itself.
std::string_view without_at_least(std::string_view s) {
  for (std::string_view before : {"≥", "不低于", "达到", "至少"}) {
    if (s.starts_with(before)) return s.substr(before.size());
  }
  for (std::string_view after : {"及以上", "或以上", "以上"}) {
    if (s.ends_with(after)) return s.substr(0, s.size() - after.size());
  }
  return s;
}

}  // namespace

void index_words(RuleSet& rules) {
  WordIndex index;
  each_word(rules, [&](const std::string& w, WordClass::Type type, int level) {
    if (w.empty() || index.lookup.find(w) >= 0) return;  // the first list a word is in keeps it
    index.lookup.add(w, static_cast<int>(index.whole.size()));
    index.whole.push_back({w, static_cast<uint8_t>(type), level});
    if (type == WordClass::tier && is_phrase(w)) index.phrases.push_back({w, level});
  });
  index.tiers = static_cast<int>(rules.tiers.size());
  for (size_t level = rules.grade_levels.size(); level-- > 0;) {  // the best level wins
    for (const std::string& w : rules.grade_levels[level].words) {
      if (const int at = index.lookup.find(w); at >= 0) {
        index.whole[static_cast<size_t>(at)].grade_level = static_cast<int>(level);
      }
    }
  }
  for (const auto& name : rules.lower_is_better_names) {
    if (name.empty()) continue;
    const size_t last = previous_character(name, name.size());
    const std::string_view tail = std::string_view(name).substr(last);
    auto group = std::find_if(index.lower_names.begin(), index.lower_names.end(),
                              [&](const WordIndex::LowerNames& g) { return g.tail == tail; });
    if (group == index.lower_names.end()) {
      group = index.lower_names.emplace(index.lower_names.end());
      group->tail = tail;
      size_t i = 0;
      group->tail_code = text::next_code_point(tail, i);
      index.lower_tails |= uint64_t{1} << (group->tail_code & 63);
    }
    if (last == 0) {
      group->whole = true;
      continue;
    }
    const std::string_view pair = std::string_view(name).substr(previous_character(name, last));
    int at = group->by_pair.find(pair);
    if (at < 0) {
      at = static_cast<int>(group->pairs.size());
      group->by_pair.add(pair, at);
      group->pairs.emplace_back();
    }
    group->pairs[static_cast<size_t>(at)].push_back(name);
  }
  static std::atomic<uint64_t> next_id{1};
  index.id = next_id.fetch_add(1, std::memory_order_relaxed);
  index.ready = true;
  rules.word_index = std::move(index);
}

namespace {

// The words of a cell that is not a listed word as a whole. Out of line: most
// cells are ("优", "达成预期指标", "是").
[[gnu::noinline]] WordClass classify_said(std::string_view s, const RuleSet& rules) {
  const auto classify = [&](std::string_view words) {
    return rules.word_index.ready ? classify_by_index(words, rules.word_index)
                                  : classify_by_lists(words, rules);
  };
  // "≥良好", "良好及以上", "不低于合格": a grade with "at least" said, which a
  // grade target means anyway; read as the grade, so that "一般" against it is 中.
  if (const std::string_view grade = without_at_least(s); grade.size() != s.size()) {
    if (const WordClass c = classify(grade); c.grade_level >= 0) return c;
  }
  // "是，已印发": a yes or a no with a remark after it. Not when the remark may
  // take it back ("是，但进度滞后", "是，部分未落实") or says more than the yes
  // or no ("无，效果明显").
  for (std::string_view comma : {"，", ","}) {
    const size_t at = s.find(comma);
    if (at == std::string_view::npos || at == 0) continue;
    const std::string_view remark = s.substr(at + comma.size());
    if (!text::only_remarks(remark) || contains(remark, "但") || text::falls_short_after(remark)) {
      break;
    }
    const WordClass c = classify(s.substr(0, at));
    if (c.type != WordClass::yes && c.type != WordClass::no) break;
    // A remark that says something of its own ("无，效果明显") is read with the rest.
    if (const WordClass said = classify(remark);
        said.type == WordClass::none || said.type == c.type) {
      return c;
    }
    break;
  }
  // "已制定并印发", "已建立并实施": two deeds said done, each a yes ("已制定",
  // "已印发").
  if (s.starts_with("已")) {
    if (const size_t also = s.find("并"); also != std::string_view::npos) {
      const WordClass first = classify(s.substr(0, also));
      std::string second("已");
      second += s.substr(also + std::string_view("并").size());
      if (first.type == WordClass::yes && classify(second).type == WordClass::yes) return first;
    }
  }
  return classify(s);
}

}  // namespace

WordClass classify_words(std::string_view raw, const RuleSet& rules) {
  if (raw.empty()) return {};
  const std::string_view s = may_need_strip(raw) ? strip_marks(raw) : raw;
  if (s.empty()) return {};
  if (rules.word_index.ready) {
    const WordIndex& index = rules.word_index;
    if (const int at = index.lookup.find(s); at >= 0) {
      const WordIndex::Whole& w = index.whole[at];
      return {static_cast<WordClass::Type>(w.type), w.level, w.grade_level};
    }
  }
  return classify_said(s, rules);
}

bool is_lower_is_better_name(std::string_view name, const RuleSet& rules) {
  const WordIndex& index = rules.word_index;
  if (!index.ready) {
    for (const auto& n : rules.lower_is_better_names) {
      if (!n.empty() && contains(name, n)) return true;
    }
    return false;
  }
  // Each occurrence of a last character ("率") is where a name may end; the
  // character before it picks the names that can end there. One pass over the
  // name, whatever the number of last characters.
  for (size_t end = 0; end < name.size();) {
    const size_t at = end;
    const char32_t c = text::next_code_point(name, end);
    if ((index.lower_tails >> (c & 63) & 1) == 0) continue;
    for (const WordIndex::LowerNames& group : index.lower_names) {
      if (group.tail_code != c) continue;
      if (group.whole) return true;
      if (at == 0) break;
      const size_t before = previous_character(name, at);
      const int pair = group.by_pair.find(name.substr(before, end - before));
      if (pair < 0) break;
      for (const std::string& n : group.pairs[static_cast<size_t>(pair)]) {
        if (n.size() <= end && name.compare(end - n.size(), n.size(), n) == 0) return true;
      }
      break;
    }
  }
  return false;
}

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

// `s` less a word of the deed at its end ("未超预算完成") and of being inside
// ("预算范围内"); `inside` says whether the latter was there.
std::string_view without_deed_and_inside(std::string_view s, bool& inside) {
  drop_suffix(s, {"完成", "支出", "执行", "支付", "结算"});
  inside = drop_suffix(s, {"范围内", "以内", "之内", "内"});
  return s;
}

// The kind of ceiling that words say spending stayed within: "未超预算",
// "未超出年度预算", "在预算内", "控制在批复预算范围内", "预算内", "在预算内完成",
// "未超概算", "与合同价一致", "按合同金额支付". Empty when they do not.
std::string_view kept_within(std::string_view s) {
  bool inside = false;
  s = without_deed_and_inside(s, inside);
  if (drop_prefix(s, {"未超出", "未超过", "未超", "没有超出", "没有超过", "没有超", "没超",
                      "未突破", "不超"})) {
    return ceiling_of(s);
  }
  drop_prefix(s, {"均控制在", "控制在", "均在", "全部在", "在"});
  if (inside) return ceiling_of(s);
  // "与合同价一致", "按合同金额支付": what was agreed, no more.
  if (!drop_prefix(s, {"与", "同", "按", "等于"})) return {};
  drop_suffix(s, {"一致", "相符", "相同", "持平"});
  const std::string_view kind = ceiling_of(s);
  return kind == "合同" || kind == "中标" ? kind : std::string_view{};
}

// The kind of ceiling that words say spending went over: "超预算", "超出概算",
// "突破合同价". Empty when they do not.
std::string_view went_over(std::string_view s) {
  bool inside = false;
  s = without_deed_and_inside(s, inside);
  return !inside && drop_prefix(s, {"超出", "超过", "突破", "超", "高于"}) ? ceiling_of(s)
                                                                           : std::string_view{};
}

// The kind of ceiling a target in words sets: "≤批复概算", "不超过预算",
// "控制在预算内", "预算以内", "≤合同价". Empty when it sets none.
std::string_view target_ceiling(std::string_view s) {
  bool inside = false;
  s = without_deed_and_inside(s, inside);
  if (ceiling_of(s).empty()) return {};  // what follows changes only the beginning
  if (drop_prefix(s, {"≤", "<", "不超过", "不超出", "不超", "不高于", "不大于", "不突破"})) {
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
  // "否" for 是否发生安全事故: nothing may happen, asked as a question.
  const bool asked_none = [&] {
    if (target.kind != ValueKind::text || target.text != "否") return false;
    const size_t at = name.find("是否");
    if (at == std::string_view::npos) return false;
    const std::string_view asked = name.substr(at + std::string_view("是否").size());
    return asked.starts_with("发生") || asked.starts_with("出现") || asked.starts_with("存在");
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
    // "≥上年", "≤上年水平": the signs said in words ("不低于上年", "不高于上年").
    static constexpr std::pair<std::string_view, std::string_view> kSigns[] = {
        {"≥", "不低于"}, {"≤", "不高于"}, {">", "高于"}, {"<", "低于"}};
    for (const auto& [sign, words] : kSigns) {
      if (!target.text.starts_with(sign)) continue;
      const std::string_view rest = std::string_view(target.text).substr(sign.size());
      if (rest.starts_with("上年") || rest.starts_with("去年") || rest.starts_with("上一年") ||
          rest.starts_with("同期")) {
        Value said = target;
        said.text = concat(words, rest);
        return change_met(said, actual);
      }
      break;
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
  drop_prefix(said, {"均已", "已经", "已"});
  drop_prefix(said, {"做到", "实现"});
  constexpr size_t kChar = 3;  // bytes of a Chinese character
  const auto chinese_at = [&](size_t i) {
    return (static_cast<unsigned char>(said[i]) >> 4) == 0xE;
  };
  return said.size() == 4 * kChar && said.starts_with("应") && chinese_at(kChar) &&
         said.substr(2 * kChar, kChar) == "尽" &&
         said.substr(kChar, kChar) == said.substr(3 * kChar, kChar);
}

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
  // The qualities asked for, one or two ("及时足额", "完整规范"), each with the
  // word its rate is named by (及时 and 按时 both by 时: 及时率, 按时拨付率).
  static constexpr std::pair<std::string_view, std::string_view> kQualities[] = {
      {"合格", "合格"}, {"达标", "达标"}, {"及时", "时"},   {"按时", "时"},  {"准确", "准确"},
      {"完好", "完好"}, {"完整", "完整"}, {"规范", "规范"}, {"足额", "足额"}};
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

std::optional<double> all_of_measure(std::string_view name, const Value& target,
                                     const Value& actual) {
  constexpr std::string_view kRate = "率";
  constexpr size_t kStem = 6;  // the two characters before 率
  if (target.kind != ValueKind::number || target.unit != "%" || actual.kind != ValueKind::text ||
      target.op == Op::le || target.op == Op::lt || !name.ends_with(kRate) ||
      name.size() < kRate.size() + kStem) {
    return std::nullopt;
  }
  // "应助尽助" for 资助覆盖率: all who should, of whatever the rate counts.
  if (all_who_should(actual.text)) return 100.0;
  const std::string_view stem = name.substr(name.size() - kRate.size() - kStem, kStem);
  std::string_view said = actual.text;
  drop_prefix(said, {"均已", "已经", "现已", "已", "均"});
  // "全额拨付", "足额发放": all of the money, as "全部拨付".
  if (!drop_prefix(said, {"全部", "全面", "全数", "全额", "足额", "百分之百", "100%"}) ||
      !drop_prefix(said, {stem})) {
    return std::nullopt;
  }
  drop_suffix(said, {"完毕", "到位", "完成"});
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
  if (drop_prefix(said, {"均已", "已经", "已"})) {
    // "已在官网公开" for 是否公开: the deed, with where or how.
    if (!contains(said, verb)) return std::nullopt;
    for (std::string_view no : {"未", "不", "没"}) {
      if (contains(said, no)) return std::nullopt;
    }
    return true;
  }
  // "合规" for 是否合规, "齐全" for 是否齐全: the words asked, said of it.
  if (question && (said == asked || said == verb)) return true;
  // "未超预算" for 是否超预算, "不合规" for 是否合规.
  if (drop_prefix(said, {"均未", "尚未", "没有", "未", "无", "不"}) && said.starts_with(verb)) {
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
  const std::string_view said = actual.text;
  return said.size() > kInTheMain.size() && said.starts_with(kInTheMain) &&
         said.substr(kInTheMain.size()) == target.text;
}

bool negates_target(const Value& target, const Value& actual) {
  // "未全覆盖" against "全覆盖" says some is covered: not the worst tier.
  if (target.kind != ValueKind::text || actual.kind != ValueKind::text || target.text.size() < 6 ||
      target.text.starts_with("全")) {
    return false;
  }
  for (std::string_view no : {"尚未", "没有", "不", "未"}) {
    const std::string_view said = actual.text;
    if (said.size() == no.size() + target.text.size() && said.starts_with(no) &&
        said.ends_with(target.text)) {
      return true;
    }
  }
  return false;
}

namespace {

// Words of how long a project works, which say the same of it (可持续影响指标).
constexpr std::string_view kLasting[] = {"可持续", "持续", "长效", "长久", "长期"};
// What may follow them and says no more than they do.
constexpr std::string_view kLastingDeeds[] = {"",         "发挥作用", "发挥效益",
                                              "发挥效用", "有效",     "运行"};

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
  for (std::string_view done : {"均已", "已经", "已"}) {
    if (said.starts_with(done)) {
      said.remove_prefix(done.size());
      break;
    }
  }
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

WordClass LeafWords::target() {
  if (!target_done_) {
    get(target_, target_class_, target_done_);
    // "良好" against "一般": two grade words are two grades, though a tier list
    // also has "良好" (against a description it stays 达成).
    if (target_class_.type == WordClass::tier && target_class_.grade_level >= 0 &&
        get(actual_, actual_words_, actual_words_done_).grade_level >= 0) {
      target_class_ = {WordClass::grade, target_class_.grade_level, target_class_.grade_level};
    }
  }
  return target_class_;
}

WordClass LeafWords::actual() {
  if (!actual_done_) {
    actual_class_ = get(actual_, actual_words_, actual_words_done_);
    actual_done_ = true;
    // Against a grade ("优秀"), a grade word is a grade even where a tier list
    // also has it: "良好" is 良 (80%), not 达成.
    if (actual_class_.type != WordClass::grade && actual_class_.grade_level >= 0 &&
        target().type == WordClass::grade) {
      actual_class_ = {WordClass::grade, actual_class_.grade_level, actual_class_.grade_level};
    }
    if (actual_class_.type == WordClass::none && !rules_.tiers.empty()) {
      if (repeats_target(target_, actual_)) {
        actual_class_ = {WordClass::tier, 0};
      } else if (rules_.tiers.size() >= 2 && repeats_target_in_the_main(target_, actual_)) {
        actual_class_ = {WordClass::tier, 1};  // "基本完整" against "完整"
      } else if (rules_.tiers.size() >= 2 && negates_target(target_, actual_)) {
        // "不健全" against "健全": the worst tier, as 未完成 is.
        actual_class_ = {WordClass::tier, static_cast<int>(rules_.tiers.size()) - 1};
      }
    }
    // "初稿已完成" against "形成初稿": the draft the target asks for is done,
    // though a draft alone is the next tier (in_the_main).
    if (actual_class_.type == WordClass::tier && actual_class_.level == 1 &&
        names_a_draft(actual_.text) && target_.kind == ValueKind::text &&
        names_a_draft(target_.text) && !actual_.text.starts_with(kInTheMain) &&
        !said_of_a_part(actual_.text)) {
      actual_class_.level = 0;
    }
    // "基本实现" against "基本实现", "基本完成" against "基本达到": the target
    // asks for no more than the partial tier says, and the actual says it: met
    // (before, the partial tier, 8 of 10).
    if (actual_class_.type == WordClass::tier && actual_class_.level == 1 &&
        partial_as_asked(target(), actual_class_)) {
      actual_class_.level = 0;  // the target classified only then: most actuals need it not
    }
  }
  return actual_class_;
}

WordClass LeafWords::get(const Value& v, WordClass& cls, bool& done) {
  if (!done) {
    cls = v.kind == ValueKind::text ? classify_words(v.text, rules_) : WordClass{};
    done = true;
  }
  return cls;
}

bool in_lower_is_better_category(const Evaluation& e, int index, const RuleSet& rules) {
  if (rules.lower_is_better_categories.empty()) return false;
  // Parents come before their children, so the walk up ends.
  for (int p = e.indicators[index].parent; p >= 0 && p < index; p = e.indicators[p].parent) {
    for (const std::string& category : rules.lower_is_better_categories) {
      if (!category.empty() && contains(e.indicators[p].name, category)) return true;
    }
    index = p;
  }
  return false;
}

namespace {

// The kind of a leaf whose target's words are in no list. Out of line, so
// that infer_scoring_kind stays small for the common cases.
[[gnu::noinline]] ScoringKind kind_by_meaning(std::string_view name, const Value& target,
                                              const Value& actual) {
  // "应补尽补" or "合格" against "98%": the share, as against 100%.
  if (percent_of_all(target, actual)) return ScoringKind::higher_is_better;
  // "零事故", "杜绝…", "不发生…" against "0起", "无" or "未发生", "合规" against
  // "未发现违规", "有所提升" against "提升10%" or "持平", and "建立" against
  // "已建立长效管护机制", "Ⅱ类" against "Ⅲ类及以上": yes/no by meaning.
  return target_says_none(target) || change_met(target, actual) ||
                 quality_class_met(target, actual).has_value() ||
                 none_happened(target, actual).has_value() ||
                 answers_the_question(name, target, actual).has_value()
             ? ScoringKind::yes_no
             : ScoringKind::manual;
}

}  // namespace

ScoringKind infer_scoring_kind(std::string_view name, const Value& target, const Value& actual,
                               const RuleSet& rules, bool lower_category) {
  LeafWords words(target, actual, rules);
  return infer_scoring_kind(name, target, words, rules, lower_category);
}

ScoringKind infer_scoring_kind(std::string_view name, const Value& target, LeafWords& words,
                               const RuleSet& rules, bool lower_category) {
  switch (target.kind) {
    case ValueKind::number:
      switch (target.op) {
        case Op::ge:
        case Op::gt:
        case Op::range:
          return ScoringKind::higher_is_better;
        case Op::le:
        case Op::lt:
          return ScoringKind::lower_is_better;
        case Op::eq:
          return ScoringKind::equal;
        case Op::none:
          // A bare 0 ("0起", "0件") means nothing may happen, not "at least nothing".
          if (target.number == 0) return ScoringKind::equal;
          // "投诉率下降10%", "成本降低5%", or "5%" for "单位能耗下降率": the figure is
          // the size of the change asked for, whatever the name or category says of
          // the quantity (asked last: it matters only where they would make the
          // target a ceiling).
          return (lower_category || is_lower_is_better_name(name, rules) ||
                  is_lower_is_better_name(target.label, rules)) &&
                         (target.label.empty() || change_direction(target.label) == 0) &&
                         change_direction(name) == 0
                     ? ScoringKind::lower_is_better
                     : ScoringKind::higher_is_better;
      }
      break;
    case ValueKind::date:
      return ScoringKind::deadline;
    case ValueKind::text: {
      WordClass w = words.target();
      if (w.type == WordClass::none) w = words.actual();
      switch (w.type) {
        case WordClass::grade:
          return ScoringKind::qualitative_grades;
        case WordClass::tier:
          return ScoringKind::qualitative_tiers;
        case WordClass::yes:
        case WordClass::no:
          return ScoringKind::yes_no;
        case WordClass::none:
          return kind_by_meaning(name, target, words.actual_value());
      }
      break;
    }
    default:
      break;
  }
  const WordClass w = words.actual();
  if (w.type == WordClass::grade) return ScoringKind::qualitative_grades;
  if (w.type == WordClass::tier) return ScoringKind::qualitative_tiers;
  return ScoringKind::higher_is_better;
}

bool bound_overstates(ScoringKind kind, Op target_op, Op actual_op) {
  const bool below = actual_op == Op::lt || actual_op == Op::le;
  const bool above = actual_op == Op::gt || actual_op == Op::ge;
  switch (kind) {
    case ScoringKind::higher_is_better:
    case ScoringKind::proportional_capped:
      return below;
    case ScoringKind::lower_is_better:
      return above;
    case ScoringKind::linear_deduction:
      return target_op == Op::ge || target_op == Op::gt ? below : above;
    default:
      return false;
  }
}

}  // namespace jixiao::core
