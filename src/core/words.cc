#include "core/words.h"

#include "core/changes.h"
#include "core/figure_reader.h"
#include "core/quality_class.h"
#include "core/substring.h"
#include "core/text.h"
#include "core/word_answers.h"

#include <algorithm>
#include <atomic>

namespace jixiao::core {
namespace {

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

// "部分合格", "大部分达标", "多数已完成", "已完成主体工程": the best tier's
// phrase said of a part only (before, 大多, 多数, 大部 and 主体 were read as
// all of it).
bool said_of_a_part(std::string_view s) {
  for (std::string_view part : {"部分", "大部分", "大多数", "大多", "多数", "大部"}) {
    if (s.starts_with(part)) return true;
  }
  // The main works of a building, not a party responsible ("责任主体明确").
  for (std::string_view main : {"主体工程", "主体结构", "主体部分", "主体建设"}) {
    if (contains(s, main)) return true;
  }
  return false;
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

// Whether the words right before `phrase` in `s` say it of the main or of a
// part only, after other words ("已基本达标", "总体基本达标", "全年部分合格",
// "目前初步完成", "均已基本落实到位": before, the best tier; a leading 基本 was
// the only one read). A deed may stand between ("基本落实" before "到位"), not
// other words ("基本养老" before "全覆盖" is a kind of insurance).
bool qualified_before(std::string_view s, std::string_view phrase) {
  const size_t at = s.find(phrase);
  if (at == std::string_view::npos || at == 0) return false;
  std::string_view before = s.substr(0, at);
  if (!drop_suffix(before, text::kDeedsDone)) drop_suffix(before, {"实现", "建立", "形成"});
  drop_suffix(before, {"按期", "按时", "如期", "及时", "全面", "全部", "顺利"});  // "基本按期完成"
  drop_suffix(before, {"已经", "已"});  // "基本已完成"
  for (std::string_view w : {"基本", "初步", "大体", "接近", "即将", "部分", "大部分", "大多数",
                             "大多", "多数", "大部"}) {
    if (before.ends_with(w)) return true;
  }
  return false;
}

// The tier of a text that holds a phrase of tier `level`: the next tier when
// the best tier's phrase is said only in the main ("基本达标", "基本及时"), of
// a part ("部分合格"), as the lists say of 基本完成 and 部分完成, or of a draft
// ("草案已完成": the document is not adopted yet). Listed words are taken as listed.
WordClass tier_in_the_main(std::string_view s, std::string_view phrase, int level, int tiers) {
  if (level == 0 && tiers >= 2 &&
      (in_the_main(s) > 0 || said_of_a_part(s) || names_a_draft(s) ||
       qualified_before(s, phrase))) {
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
      if (is_phrase(w) && holds_phrase(s, w, i == tiers - 1)) {
        return tier_in_the_main(s, w, i, tiers);
      }
    }
  }
  return {};
}

// The tier phrase inside a short text ("部分达成" in "部分达成预期目标"), worst tier first;
// a negated phrase ("明显" in "无明显提升") says nothing.
WordClass find_phrase(std::string_view s, const WordIndex& index) {
  for (const auto& p : index.phrases) {
    if (holds_phrase(s, p.word, p.tier == index.tiers - 1)) {
      return tier_in_the_main(s, p.word, p.tier, index.tiers);
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

// "无延期", "未逾期", "没有延误", "无不合格", "无未完成项目", "未出现未完成情况",
// "不存在不合格情况": a failure in the worst tier's words said not to have happened,
// alone, perhaps with what it is of after it, which is the best tier (before, the
// evaluator's: words of the worst tier after a negation count for no tier).
bool failure_denied(std::string_view s, const RuleSet& rules) {
  if (rules.tiers.size() < 2) return false;
  std::string_view failure = s;
  if (!drop_prefix(failure, {"未出现", "未发生", "没有出现", "没有发生", "不存在", "均无", "没有",
                             "无", "未"})) {
    return false;
  }
  drop_suffix(failure, {"的情况", "情况", "现象", "问题", "项目", "事项", "情形"});
  const std::vector<std::string>& worst = rules.tiers.back().words;
  return !failure.empty() && std::find(worst.begin(), worst.end(), failure) != worst.end();
}

// Words and a remark after them, in brackets at the end ("良好(经核实)") or
// after the last comma ("良好,经核实"), in normalized text (ASCII marks): the
// two, trimmed, or false.
bool split_remark(std::string_view s, std::string_view& head, std::string_view& remark) {
  const bool bracket = s.ends_with(")");
  const size_t at = s.rfind(bracket ? '(' : ',');
  const size_t end = bracket ? s.size() - 1 : s.size();
  if (at == std::string_view::npos || at == 0 || at + 1 > end) return false;
  head = text::trim(s.substr(0, at));
  remark = text::trim(s.substr(at + 1, end - at - 1));
  return !head.empty() && !remark.empty();
}

// Whether a remark names a part of the whole: a count, 部分, 个别, … ("尚有2项未完成",
// "个别未达标").
bool names_a_part(std::string_view remark) {
  return text::has_digit(remark) || contains_any(remark, {"部分", "个别", "少数", "一些", "少量",
                                                          "尚有", "仍有", "还有", "其中"});
}

bool is_worst_tier(const WordClass& c, const RuleSet& rules) {
  return c.type == WordClass::tier && c.level > 0 &&
         c.level + 1 == static_cast<int>(rules.tiers.size());
}

// "部分未完成", "个别未达标", "少数项目未完成": words of the worst tier said of a
// part only, so that the rest is done. Not 大部分 or 多数: most of it not done.
bool worst_of_a_part(std::string_view s, const RuleSet& rules) {
  std::string_view rest = s;
  if (!drop_prefix(rest, {"部分", "个别", "少数", "少量", "一些"}) || rest.empty()) return false;
  return is_worst_tier(classify_words(rest, rules), rules);
}

// Whether a remark after words that say it is done says a part of it is not:
// words of the worst tier or a no, said of a named part ("尚有2项未完成",
// "个别未达标").
bool a_part_undone(std::string_view remark, const WordClass& said, const RuleSet& rules) {
  return names_a_part(remark) && (said.type == WordClass::no || is_worst_tier(said, rules) ||
                                  worst_of_a_part(remark, rules));
}

// The words of a cell that is not a listed word as a whole. Out of line: most
// cells are ("优", "达成预期指标", "是").
[[gnu::noinline]] WordClass classify_said(std::string_view s, const RuleSet& rules) {
  const auto classify = [&](std::string_view words) {
    return rules.word_index.ready ? classify_by_index(words, rules.word_index)
                                  : classify_by_lists(words, rules);
  };
  // "全年合格", "总体良好": words of when or of how much before a listed word say
  // nothing of how well (before, "全年合格" against "优良" was a tier's top, not 中).
  // All of them at once ("目前总体良好"): the words after them have none left.
  std::string_view rest = s;
  bool dropped = false;
  while (text::may_start_with_scope_lead(rest) && drop_prefix(rest, text::kScopeLeads)) {
    dropped = true;
  }
  if (dropped && !rest.empty()) {
    if (const WordClass c = classify_words(rest, rules); c.type != WordClass::none) return c;
  }
  // "≥良好", "良好及以上", "不低于合格": a grade with "at least" said, which a
  // grade target means anyway; read as the grade, so that "一般" against it is 中.
  if (const std::string_view grade = without_at_least(s); grade.size() != s.size()) {
    if (const WordClass c = classify(grade); c.grade_level >= 0) return c;
  }
  // "等级为良", "考核结果为良好", "良好等次", "优秀档": a grade with the words
  // that name it a grade, read as the grade (before, the evaluator's, or 良好
  // a tier's word with full marks against 优).
  {
    std::string_view grade = s;
    const bool before =
        drop_prefix(grade, {"考核结果为", "评价结果为", "考核等级为", "评价等级为", "等级为",
                            "等次为", "结果为", "评定为", "被评为", "评为", "获评", "定为"});
    const bool after = drop_suffix(grade, {"等次", "等级", "档次", "档"});
    if ((before || after) && !grade.empty()) {
      if (const WordClass c = classify(grade); c.grade_level >= 0) return c;
    }
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
  // "基本完成，个别未完成", "基本达标（个别未达标）": a middle tier's words, then a
  // remark of the worst tier or a no that names a part, which the middle tier's
  // words already say (before, the remark's 未完成 made the whole the worst tier).
  if (std::string_view head, remark; split_remark(s, head, remark) && names_a_part(remark)) {
    const WordClass h = classify(head);
    if (h.type == WordClass::tier && h.level > 0 && !is_worst_tier(h, rules) &&
        a_part_undone(remark, classify(remark), rules)) {
      return h;
    }
  }
  // "部分未完成", "个别未达标": the rest done, the middle tier, as "部分完成" is
  // (before, "部分未完成" was the worst tier and "个别未达标" the evaluator's).
  if (rules.tiers.size() >= 3 && worst_of_a_part(s, rules)) {
    return {WordClass::tier, static_cast<int>(rules.tiers.size()) - 2};
  }
  const WordClass c = classify(s);
  if (c.type == WordClass::none && failure_denied(s, rules)) return {WordClass::tier, 0};
  return c;
}

}  // namespace

namespace {

// "是（尚有2项未完成）", "已完成，部分未完成", "全部发放，个别未到位": a yes, the best
// tier's words or words of no tier, then a remark of the worst tier or a no that
// names a part (a count, 部分, 个别, …). Before, the remark's 未完成 made the whole
// the worst tier, or a no against 是: 0 points, as if nothing were done.
[[gnu::noinline]] bool done_but_a_part(std::string_view text, const RuleSet& rules) {
  std::string_view head;
  std::string_view remark;
  if (!split_remark(text, head, remark)) return false;
  const WordClass h = classify_words(head, rules);
  if (h.type == WordClass::no || h.type == WordClass::grade ||
      (h.type == WordClass::tier && h.level != 0)) {
    return false;
  }
  const WordClass r = classify_words(remark, rules);
  if (a_part_undone(remark, r, rules)) return true;
  // "已完成，不达标", "完成，不合格": a clause that negates the deed done, as
  // "已完成，未达标" is (text::says_part_not_done); before, the worst tier.
  // A yes so taken back stays a no ("是，未完成" against "是").
  return h.type == WordClass::tier && is_worst_tier(r, rules) && text::says_part_not_done(text);
}

}  // namespace

bool part_not_done(const WordClass& c, std::string_view text, const RuleSet& rules) {
  if (is_worst_tier(c, rules) || c.type == WordClass::no) {
    return done_but_a_part(text, rules);
  }
  if ((c.type != WordClass::tier || c.level != 0) && c.type != WordClass::none) return false;
  if (text::says_part_not_done(text)) return true;
  // "已完成（2024年12月），个别除外", "已完成（2024年12月）（个别除外）": a clause or
  // a remark without a figure says it, where the whole has one (a figure of its own
  // would count the part: undone_at's).
  if (!text::has_digit(text)) return false;
  // A value's text is normalized: its commas, semicolons and brackets are ASCII.
  size_t begin = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != ',' && text[i] != ';' && text[i] != '(' && text[i] != ')') {
      continue;
    }
    const std::string_view clause = text.substr(begin, i - begin);
    if (!clause.empty() && !text::has_digit(clause) && text::says_part_not_done(clause)) {
      return true;
    }
    begin = i + 1;
  }
  return false;
}

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

const Value& words_without_remark_slow(const Value& actual, const RuleSet& rules, Value& scratch) {
  std::string_view words = actual.text;
  std::string_view head;
  std::string_view remark;
  // "良好（85分）": a grade with the score that earned it, which says no more
  // than the grade (before, 良好 was read as a tier's word, full marks against 优).
  const auto score_of_grade = [&](std::string_view said, std::string_view score) {
    drop_prefix(score, {"综合得分", "得分", "评分", "得"});
    size_t digits = 0;
    while (digits < score.size() && ((score[digits] >= '0' && score[digits] <= '9') ||
                                     (digits > 0 && score[digits] == '.'))) {
      ++digits;
    }
    return digits > 0 && score.substr(digits) == "分" &&
           classify_words(said, rules).grade_level >= 0;
  };
  // One remark after another ("良好（经核实）（抽样）") as one. Not one that says
  // the whole is a plan ("2024年3月开工，2024年11月完成（计划）"): it is no remark
  // (before, dropped, and the date had full marks).
  while (split_remark(words, head, remark) && !is_plan_remark(remark) &&
         ((text::only_remarks(remark) && classify_words(remark, rules).type == WordClass::none) ||
          score_of_grade(head, remark))) {
    words = head;
  }
  if (words.size() == actual.text.size()) return actual;
  const std::string kept(words);  // a view of actual.text, which scratch may be
  scratch = actual;
  scratch.text = kept;
  return scratch;
}

bool is_lower_is_better_name(std::string_view name, const RuleSet& rules) {
  // "能耗达标率", "PM2.5浓度达标率", "投诉件数办结率": a rate of something else
  // after the name found, which the indicator measures (before, read as the
  // lower-is-better name it holds).
  const auto decides = [name](size_t end) {
    const std::string_view rest = name.substr(end);
    return !contains(rest, "率") && !contains(rest, "比例") && !contains(rest, "占比");
  };
  const WordIndex& index = rules.word_index;
  if (!index.ready) {
    for (const auto& n : rules.lower_is_better_names) {
      if (n.empty()) continue;
      for (size_t at = name.find(n); at != std::string_view::npos; at = name.find(n, at + 1)) {
        if (decides(at + n.size())) return true;
      }
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
      if (group.whole) {
        if (decides(end)) return true;
        break;
      }
      if (at == 0) break;
      const size_t before = previous_character(name, at);
      const int pair = group.by_pair.find(name.substr(before, end - before));
      if (pair < 0) break;
      for (const std::string& n : group.pairs[static_cast<size_t>(pair)]) {
        if (n.size() <= end && name.compare(end - n.size(), n.size(), n) == 0 && decides(end)) {
          return true;
        }
      }
      break;
    }
  }
  return false;
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
        names_a_draft(target_.text) && in_the_main(actual_.text) == 0 &&
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

namespace {

// Whether a category above node `index` has a name `named` accepts.
template <typename Named>
bool under_category(const Evaluation& e, int index, Named named) {
  // Parents come before their children, so the walk up ends.
  for (int p = e.indicators[index].parent; p >= 0 && p < index; p = e.indicators[p].parent) {
    if (named(e.indicators[p].name)) return true;
    index = p;
  }
  return false;
}

}  // namespace

bool in_lower_is_better_category(const Evaluation& e, int index, const RuleSet& rules) {
  if (rules.lower_is_better_categories.empty()) return false;
  return under_category(e, index, [&](std::string_view name) {
    for (const std::string& category : rules.lower_is_better_categories) {
      if (!category.empty() && contains(name, category)) return true;
    }
    return false;
  });
}

bool in_time_category(const Evaluation& e, int index) {
  return under_category(e, index, [](std::string_view name) { return contains(name, "时效"); });
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

bool bound_overstates(ScoringKind kind, const Value& target, const Value& actual) {
  const bool below = actual.op == Op::lt || actual.op == Op::le;
  const bool above = actual.op == Op::gt || actual.op == Op::ge;
  switch (kind) {
    case ScoringKind::higher_is_better:
    case ScoringKind::proportional_capped:
      return below;
    case ScoringKind::lower_is_better:
      return above;
    case ScoringKind::linear_deduction:
      return target.op == Op::ge || target.op == Op::gt ? below : above;
    case ScoringKind::equal:
      // "<5件", "≥5件", "近5件" against "=5件", "近0起" or "<1起" against "0起": a
      // bound equals no one figure (before, full marks, or 0 for "<1起"); "≤0起",
      // "0起以下" against "0起" is none at all.
      return (below || above) && !(actual.op == Op::le && actual.number == 0 && target.number == 0);
    default:
      return false;
  }
}

}  // namespace jixiao::core
