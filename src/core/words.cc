#include "core/words.h"

#include "core/text.h"

namespace jixiao::core {
namespace {

std::string_view strip_marks(std::string_view s) {
  for (bool changed = true; changed;) {
    changed = false;
    for (std::string_view mark : {"。", ".", "!", "；", ";", "\"", "“", "”", "「", "」"}) {
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

bool matches(std::string_view s, std::string_view word, bool short_text) {
  if (s == word) return true;
  if (!short_text || text::code_points(word) < 2) return false;
  return s.find(word) != std::string_view::npos;
}

}  // namespace

WordClass classify_words(std::string_view raw, const RuleSet& rules) {
  const std::string_view s = strip_marks(raw);
  if (s.empty()) return {};
  for (size_t i = 0; i < rules.grade_levels.size(); ++i) {
    for (const auto& w : rules.grade_levels[i].words) {
      if (s == w) return {WordClass::grade, static_cast<int>(i)};
    }
  }
  for (const auto& w : rules.yes_words) {
    if (s == w) return {WordClass::yes, 0};
  }
  for (const auto& w : rules.no_words) {
    if (s == w) return {WordClass::no, 0};
  }
  // Long descriptions are left to the evaluator: a phrase inside 60 words
  // of prose says little about the tier.
  const bool short_text = text::code_points(s) <= 24;
  for (int i = static_cast<int>(rules.tiers.size()) - 1; i >= 0; --i) {
    for (const auto& w : rules.tiers[i].words) {
      if (matches(s, w, short_text)) return {WordClass::tier, i};
    }
  }
  return {};
}

bool is_lower_is_better_name(std::string_view name, const RuleSet& rules) {
  for (const auto& n : rules.lower_is_better_names) {
    if (!n.empty() && name.find(n) != std::string_view::npos) return true;
  }
  return false;
}

ScoringKind infer_scoring_kind(std::string_view name, const Value& target, const Value& actual,
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
      WordClass w = classify_words(target.text, rules);
      if (w.type == WordClass::none && actual.kind == ValueKind::text) {
        w = classify_words(actual.text, rules);
      }
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
  if (actual.kind == ValueKind::text) {
    const WordClass w = classify_words(actual.text, rules);
    if (w.type == WordClass::grade) return ScoringKind::qualitative_grades;
    if (w.type == WordClass::tier) return ScoringKind::qualitative_tiers;
  }
  return ScoringKind::higher_is_better;
}

}  // namespace jixiao::core
