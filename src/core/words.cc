#include "core/words.h"

#include "core/substring.h"
#include "core/text.h"

#include <algorithm>

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

// The lists in the order they take precedence: grades, yes, no, tiers (worst first).
template <typename Visit>
void each_word(const RuleSet& rules, Visit visit) {
  for (size_t i = 0; i < rules.grade_levels.size(); ++i) {
    for (const auto& w : rules.grade_levels[i].words)
      visit(w, WordClass::grade, static_cast<int>(i));
  }
  for (const auto& w : rules.yes_words) visit(w, WordClass::yes, 0);
  for (const auto& w : rules.no_words) visit(w, WordClass::no, 0);
  for (int i = static_cast<int>(rules.tiers.size()) - 1; i >= 0; --i) {
    for (const auto& w : rules.tiers[i].words) visit(w, WordClass::tier, i);
  }
}

WordClass classify_by_lists(std::string_view s, const RuleSet& rules) {
  WordClass found;
  each_word(rules, [&](const std::string& w, WordClass::Type type, int level) {
    if (found.type == WordClass::none && s == w) found = {type, level};
  });
  if (found.type != WordClass::none || !is_short_text(s)) return found;
  for (int i = static_cast<int>(rules.tiers.size()) - 1; i >= 0; --i) {
    for (const auto& w : rules.tiers[i].words) {
      if (is_phrase(w) && contains(s, w)) return {WordClass::tier, i};
    }
  }
  return {};
}

WordClass classify_by_index(std::string_view s, const WordIndex& index) {
  if (const int at = index.lookup.find(s); at >= 0) {
    const WordIndex::Whole& w = index.whole[at];
    return {static_cast<WordClass::Type>(w.type), w.level};
  }
  if (!is_short_text(s)) return {};
  for (const auto& p : index.phrases) {
    if (contains(s, p.word)) {
      return {WordClass::tier, p.tier};
    }
  }
  return {};
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
  for (const auto& name : rules.lower_is_better_names) {
    if (name.empty()) continue;
    // The last character: step back over UTF-8 continuation bytes.
    size_t start = name.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(name[start]) & 0xC0) == 0x80) --start;
    std::string tail = name.substr(start);
    if (std::find(index.lower_name_tails.begin(), index.lower_name_tails.end(), tail) ==
        index.lower_name_tails.end()) {
      index.lower_name_tails.push_back(std::move(tail));
    }
  }
  index.ready = true;
  rules.word_index = std::move(index);
}

WordClass classify_words(std::string_view raw, const RuleSet& rules) {
  if (raw.empty()) return {};
  const std::string_view s = may_need_strip(raw) ? strip_marks(raw) : raw;
  if (s.empty()) return {};
  return rules.word_index.ready ? classify_by_index(s, rules.word_index)
                                : classify_by_lists(s, rules);
}

bool is_lower_is_better_name(std::string_view name, const RuleSet& rules) {
  const WordIndex& index = rules.word_index;
  if (index.ready) {
    // Most names end in none of the names' last characters ("率"): one search
    // per distinct last character rules them out.
    bool possible = false;
    for (const auto& tail : index.lower_name_tails) {
      if (contains(name, tail)) {
        possible = true;
        break;
      }
    }
    if (!possible) return false;
  }
  for (const auto& n : rules.lower_is_better_names) {
    if (!n.empty() && contains(name, n)) return true;
  }
  return false;
}

WordClass LeafWords::get(const Value& v, WordClass& cls, bool& done) {
  if (!done) {
    cls = v.kind == ValueKind::text ? classify_words(v.text, rules_) : WordClass{};
    done = true;
  }
  return cls;
}

ScoringKind infer_scoring_kind(std::string_view name, const Value& target, const Value& actual,
                               const RuleSet& rules) {
  LeafWords words(target, actual, rules);
  return infer_scoring_kind(name, target, words, rules);
}

ScoringKind infer_scoring_kind(std::string_view name, const Value& target, LeafWords& words,
                               const RuleSet& rules) {
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
          return is_lower_is_better_name(name, rules) ||
                         is_lower_is_better_name(target.label, rules)
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
          return ScoringKind::manual;
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

}  // namespace jixiao::core
