#include "core/engine.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <memory>

#include "core/checks.h"
#include "core/clauses.h"
#include "core/compare.h"
#include "core/decimal.h"
#include "core/panel.h"
#include "core/quality_class.h"
#include "core/substring.h"
#include "core/text.h"
#include "core/word_answers.h"
#include "core/words.h"

namespace jixiao::core {
namespace {

constexpr double kEps = 1e-9;

// What comparing a target with an actual gave, before the weight's rounding.
// The explanation is written straight into the node's (`why` below): built
// here and copied, it was read back before its parts had reached memory,
// which stalled every leaf.
struct Assessment {
  bool ok = false;  // false: could not be computed (a finding says why)
  ScoringKind kind = ScoringKind::none;
  double score = 0;         // unrounded, out of the weight
  double achievement = -1;  // a/t for quantitative comparisons
  bool short_of_target = false;
};

class LeafScorer {
 public:
  LeafScorer(const Evaluation& e, const RuleSet& r, const std::vector<DepartmentFigure>& figures,
             std::vector<Flag>& flags)
      : e_(e), r_(r), figures_(figures), flags_(flags) {}

  void score(int index, NodeResult& out);

 private:
  // Inlined into score(): called from there alone, and once out of line it costs every
  // leaf a call and its spills (callgrind: +9% on score alone).
  [[gnu::always_inline]] Assessment assess(ScoringKind kind, const Indicator& n,
                                           const Value& actual, double w, LeafWords& words,
                                           Explanation& why);
  bool numbers_usable(const Indicator& n, const Value& actual, Compared& c);
  // An actual written with an operator or as a range, after numbers_usable:
  // false when the bound overstates it ("未达到90%" against "≥90%"), which is
  // flagged; a range's upper end replaces `c` under a ceiling ("3-7天"). Out of
  // line: few actuals have an operator (callgrind: +0.6% inline).
  [[gnu::cold, gnu::noinline]] bool bound_read(ScoringKind kind, const Indicator& n,
                                               const Value& actual, Compared& c);
  Assessment by_words(const Indicator& n, const Value& actual, double w, ScoringKind kind,
                      LeafWords& words, Explanation& why);
  Assessment tier_score(const Indicator& n, int level, double w, ScoringKind kind,
                        Explanation& why);
  [[gnu::cold, gnu::noinline]] bool by_meaning(const Indicator& n, const Value& actual, double w,
                                               ScoringKind kind, LeafWords& words, Explanation& why,
                                               Assessment& as);
  [[gnu::cold, gnu::noinline]] bool several_dates(const Indicator& n, const Value& actual, double w,
                                                  ScoringKind kind, Explanation& why,
                                                  Assessment& as);
  std::optional<bool> by_deadline(const Indicator& n, const Date& done, ScoringKind kind,
                                  Assessment& as);
  // Not cold: asked of most figures that meet their target (a cold call from
  // the hot path cost score alone a third of its time).
  [[gnu::noinline]] bool late_for_a_time_measure(const Indicator& n) const;
  [[gnu::cold, gnu::noinline]] bool done_in_the_main(const Indicator& n, double w, ScoringKind kind,
                                                     Explanation& why, Assessment& as);
  [[gnu::cold, gnu::noinline]] bool late_or_unfinished(const Indicator& n, const Value& actual,
                                                       double w, ScoringKind kind, Explanation& why,
                                                       Assessment& as);
  [[gnu::cold, gnu::noinline]] Assessment unusual(ScoringKind kind, const Indicator& n,
                                                  const Value& actual, double w, LeafWords& words,
                                                  Explanation& why);
  [[gnu::cold, gnu::noinline]] bool by_parts(const Indicator& n, const Value& actual, double w,
                                             ScoringKind kind, LeafWords& words, Explanation& why,
                                             Assessment& as);
  [[gnu::cold, gnu::noinline]] bool words_unmet(const Indicator& n, bool only_said_undone = false);
  [[gnu::cold, gnu::noinline]] void flag_actual_not_number(const Indicator& n);
  // `n`, or a copy with its target read as a month (target_as_month) or its
  // actual's counts in Arabic digits (actual_with_counts_in_digits). Findings and
  // explanations quote the leaf as written.
  [[gnu::cold, gnu::noinline]] const Indicator& as_read(const Indicator& n);
  Assessment yes_no(bool met, double w, ScoringKind kind, Explanation& why);
  // Higher-is-better from a ≥ 0 and t: full marks at or above t, else a/t×w.
  // `over_base` is what over-achievement is measured against (a range's upper bound).
  static void ratio_score(double a, double t, double over_base, double w, Assessment& as,
                          Explanation& why);
  void flag(FlagKind kind, Severity severity = Severity::error, double n0 = 0, double n1 = 0,
            double n2 = 0, double n3 = 0) {
    flags_.push_back({kind, severity, index_, {n0, n1, n2, n3}});
  }

  const Evaluation& e_;
  const RuleSet& r_;
  const std::vector<DepartmentFigure>& figures_;
  std::vector<Flag>& flags_;
  int index_ = -1;
  std::string_view name_;  // text::measure_name of the leaf's name: what its readers take
  std::string name_scratch_;
  Value figure_value_;
  Value reported_;    // actual_for_target's figure
  Value remarkless_;  // words_without_remark's words
  // as_read's copy of a leaf and what it reads into; made the first time it is
  // needed, since a scorer lives for one evaluation and most never need it.
  struct Reread {
    Value month_target;       // target_as_month's month
    std::string counts_text;  // actual_with_counts_in_digits's text and value
    Value counts_actual;
    Indicator leaf;
  };
  std::unique_ptr<Reread> reread_;
  // in_lower_is_better_category of the last parent asked about: siblings follow
  // one another, and share the answer.
  int category_parent_ = -2;
  bool category_lower_ = false;

  // A date without its year ("年底前", "9月前") is in the year evaluated, or
  // the one after it ("次年3月前").
  Date in_year(Date d) const {
    if (d.year == 0 && e_.year != 0) d.year = e_.year + d.years_after;
    return d;
  }

  bool in_lower_category(int index) {
    const int parent = e_.indicators[index].parent;
    if (parent != category_parent_) {
      category_parent_ = parent;
      category_lower_ = in_lower_is_better_category(e_, index, r_);
    }
    return category_lower_;
  }
};

// Whether a cell holds a date and nothing else ("2024年11月", "2024.11.8",
// "11月底前"): no words that may say it was late, which most dates have not.
bool only_a_date(std::string_view written) {
  for (size_t i = 0; i < written.size();) {
    const char32_t cp = text::next_code_point(written, i);
    if ((cp >= U'0' && cp <= U'9') || cp == U'.' || cp == U'-' || cp == U'/' || cp == U' ') {
      continue;
    }
    switch (cp) {
      case U'年':
      case U'月':
      case U'日':
      case U'号':
      case U'前':
      case U'底':
      case U'末':
      case U'初':
      case U'中':
      case U'旬':
        continue;
      default:
        return false;
    }
  }
  return true;
}

// Why an actual in words or unreadable meets no figure of the target.
void LeafScorer::flag_actual_not_number(const Indicator& n) {
  // "120人次，未覆盖全县" against "≥100人次，覆盖全县": read past the figure.
  if (n.target.words_after && words_unmet(n, true)) return;
  if (survey_tier_counted_either_way(n.target, n.actual_text, name_)) {
    if (!n.stated_score) flag(FlagKind::survey_tier_unclear);
  } else if (const ClauseTrouble why = clause_trouble(n.target, n.actual_text, name_);
             why != ClauseTrouble::none) {
    if (why == ClauseTrouble::another_rate) {
      flag(FlagKind::another_rate);
    } else if (!n.stated_score) {
      flag(why == ClauseTrouble::figures_differ ? FlagKind::figures_differ : FlagKind::part_undone);
    }
  } else {
    flag(FlagKind::actual_not_number);
  }
}

bool LeafScorer::bound_read(ScoringKind kind, const Indicator& n, const Value& actual,
                            Compared& c) {
  if (actual.op == Op::range) {
    // "3-7天" against "≤5天": a range's worse end is its upper one under a
    // ceiling (before, 3天 and full marks), its lower one, the figure as read,
    // under a floor ("85%-95%" against "≥90%" is 85%). A target of 0 is a
    // ceiling too: "0-1起" against "0起" may be one.
    if (kind == ScoringKind::lower_is_better ||
        (kind == ScoringKind::equal && n.target.number == 0) ||
        (kind == ScoringKind::linear_deduction &&
         (n.target.op == Op::le || n.target.op == Op::lt))) {
      compare_upper_end(n.target, n.target_text, actual, n.actual_text, name_, c);
    }
    return true;
  }
  // A band asks both sides of a bound: inside_band, below.
  if (!bound_overstates(kind, n.target, actual) || is_band(n.target, name_)) return true;
  if (!n.stated_score) {
    flag(FlagKind::bound_overstates, Severity::error, static_cast<double>(actual.op));
  }
  return false;
}

// Reads both numbers in the target's unit; reports why when it cannot.
bool LeafScorer::numbers_usable(const Indicator& n, const Value& actual, Compared& c) {
  const Value& target = n.target;
  if (target.kind == ValueKind::empty) {
    flag(FlagKind::target_missing);
    return false;
  }
  if (target.kind != ValueKind::number) {
    flag(FlagKind::target_not_number);
    return false;
  }
  if (actual.kind == ValueKind::empty) {
    flag(FlagKind::actual_missing);
    return false;
  }
  Mismatch why;
  if (actual.kind != ValueKind::number) {
    // "上年100万元，本年108万元" against "较上年增长5%": the change the levels make.
    const std::optional<Mismatch> levels =
        target.label.empty() ? std::nullopt
                             : levels_mismatch(target, n.target_text, n.actual_text, c);
    if (!levels) {
      flag_actual_not_number(n);
      return false;
    }
    why = *levels;
  } else {
    why = compare_figures(target, n.target_text, actual, n.actual_text, name_, c);
  }
  if (why == Mismatch::none) return true;
  // Work only started is the evaluator's to score, as a part not done is.
  if ((why == Mismatch::only_started || why == Mismatch::levels_either_way) && n.stated_score) {
    return false;
  }
  static constexpr FlagKind kFlagOf[] = {
      FlagKind::units_differ,         FlagKind::opposite_measure,
      FlagKind::another_rate,         FlagKind::only_started,
      FlagKind::level_against_change, FlagKind::levels_either_way,
      FlagKind::change_against_level, FlagKind::bare_off_scale,
      FlagKind::total_against_period, FlagKind::bare_fraction,
      FlagKind::units_differ};
  static_assert(std::size(kFlagOf) == static_cast<size_t>(Mismatch::units_differ) + 1);
  // By Mismatch, in its order; a figure off the scale quotes how far, a bare
  // fraction what it is as a percentage, and whether it is the target's.
  const bool target_bare = why == Mismatch::bare_fraction && target.unit.empty();
  flag(kFlagOf[static_cast<int>(why)], Severity::error,
       why == Mismatch::bare_off_scale  ? c.a / c.t
       : why == Mismatch::bare_fraction ? (target_bare ? target.number : actual.number) * 100
                                        : 0,
       target_bare ? 1 : 0);
  return false;
}

Assessment LeafScorer::tier_score(const Indicator& n, int level, double w, ScoringKind kind,
                                  Explanation& why) {
  Assessment as;
  as.ok = true;
  as.kind = kind;
  const QualitativeTier& tier = r_.tiers[level];
  const double lo = tier.min_share * w;
  const double hi = tier.max_share * w;
  why = {Reason::tier, 0, 0, w, tier.max_share, 0, 0, level};
  as.score = hi;
  as.short_of_target = level > 0;
  if (n.stated_score && w > 0) {
    const double s = n.stated_score->value;
    if (s >= lo - kEps && s <= hi + kEps) {
      as.score = s;
      why.reason = Reason::tier_stated;
    } else {
      as.score = std::clamp(s, lo, hi);
      why.reason = Reason::tier_clamped;
      flag(FlagKind::tier_out_of_band, Severity::error, lo, hi, s, level);
    }
    as.short_of_target = s < w - kEps;
  }
  return as;
}

void LeafScorer::ratio_score(double a, double t, double over_base, double w, Assessment& as,
                             Explanation& why) {
  as.achievement = over_base > 0 ? a / over_base : -1;
  if (t <= 0 || a >= t) {
    as.score = w;
  } else {
    as.score = a * w / t;
    why.reason = Reason::ratio;
    as.short_of_target = true;
    as.achievement = a / t;
  }
}

Assessment LeafScorer::yes_no(bool met, double w, ScoringKind kind, Explanation& why) {
  Assessment as;
  as.ok = true;
  as.kind = kind;
  as.score = met ? w : 0;
  why = {met ? Reason::yes_no_met : Reason::yes_no_missed, 0, 0, w};
  as.short_of_target = !met;
  return as;
}

// A class of water against the class asked for, a share done against all of it
// ("完成90%" against "全部完成", "合格率98%" against "合格") and a change
// asked for ("下降5%" or "持平" against "有所提高", "提高2%" against "不降低"):
// rare, so kept out of by_words, which scores most qualitative leaves.
bool LeafScorer::by_meaning(const Indicator& n, const Value& actual, double w, ScoringKind kind,
                            LeafWords& words, Explanation& why, Assessment& as) {
  // "Ⅱ类" against "Ⅲ类及以上": a class at least as good as asked.
  if (const std::optional<bool> met = quality_class_met(n.target, actual)) {
    as = yes_no(*met, w, kind, why);
    return true;
  }
  if (const std::optional<double> done = percent_of_all(n.target, actual)) {
    as.ok = true;
    as.kind = ScoringKind::higher_is_better;
    why = {Reason::met, std::max(0.0, *done), 100, w};
    ratio_score(std::max(0.0, *done), 100, 100, w, as, why);
    return true;
  }
  // "当天办结" against "≤3个工作日".
  if (kind == ScoringKind::lower_is_better) {
    if (const std::optional<bool> met = done_at_once(n.target, actual)) {
      as = yes_no(*met, w, kind, why);
      return true;
    }
  }
  // "已全部覆盖" for 覆盖率 against "≥95%": all of it, 100%.
  if (kind != ScoringKind::lower_is_better && kind != ScoringKind::linear_deduction) {
    if (const std::optional<double> all = all_of_measure(name_, n.target, actual)) {
      as.ok = true;
      as.kind = kind;
      why = {Reason::met, *all, n.target.number, w};
      const double t = n.target.number;
      ratio_score(*all, t, n.target.op == Op::range ? n.target.upper : t, w, as, why);
      return true;
    }
  }
  // "已建立并印发实施" for 是否建立制度 against "是"; "已建立长效管护机制" against
  // "建立", a deed the target asks to be done.
  if (const WordClass t = words.target(); t.type != WordClass::tier && t.type != WordClass::grade) {
    if (const std::optional<bool> said = answers_the_question(name_, n.target, actual)) {
      as = yes_no(*said == (t.type != WordClass::no), w, kind, why);
      return true;
    }
  }
  // Against tier words ("明显提升") a miss is the worst tier, within which the
  // evaluator may score.
  if (const std::optional<bool> met = change_met(n.target, actual)) {
    if (kind != ScoringKind::qualitative_tiers) {
      as = yes_no(*met, w, kind, why);
      return true;
    }
    if (!r_.tiers.empty()) {
      as = tier_score(n, *met ? 0 : static_cast<int>(r_.tiers.size()) - 1, w, kind, why);
      return true;
    }
  }
  return false;
}

// Against a deadline, words with a date of done in each of two or more clauses
// ("2024年11月完成，2025年1月验收"): each date may be the one that counts, which
// matters only when some are on time and some late, the evaluator's (before,
// full marks by 完成's tier). false when the words say no such dates.
bool LeafScorer::several_dates(const Indicator& n, const Value& actual, double w, ScoringKind kind,
                               Explanation& why, Assessment& as) {
  if (n.target.kind != ValueKind::date || !text::has_digit(actual.text)) return false;
  const std::vector<Date> dates = dates_of_done(actual.text);
  if (dates.empty()) return false;
  const Date deadline = in_year(n.target.date);
  const auto on_time = [&](const Date& d) { return compare_dates(in_year(d), deadline) <= 0; };
  const bool first = on_time(dates.front());
  if (std::all_of(dates.begin(), dates.end(), [&](const Date& d) { return on_time(d) == first; })) {
    as = yes_no(first, w, kind, why);
    why.reason = first ? Reason::deadline_met : Reason::deadline_missed;
    return true;
  }
  if (!n.stated_score) flag(FlagKind::dates_differ);
  as.kind = kind;
  return true;
}

// Whether work done on `done` met the leaf's deadline. nullopt when the
// deadline falls within the span `done` is ("2024年10月" against "2024年10月15日
// 前": done on a day of October, before the 15th or after), which is flagged and
// left to the evaluator, who knows which.
std::optional<bool> LeafScorer::by_deadline(const Indicator& n, const Date& done, ScoringKind kind,
                                            Assessment& as) {
  const Date on = in_year(done);
  const Date deadline = in_year(n.target.date);
  if (deadline_within_span(on, deadline)) {
    if (!n.stated_score) flag(FlagKind::deadline_within_span);
    as.kind = kind;
    return std::nullopt;
  }
  return compare_dates(on, deadline) <= 0;
}

// Whether a kind scores a figure against a figure.
bool scored_by_figures(ScoringKind kind) {
  return kind == ScoringKind::higher_is_better || kind == ScoringKind::lower_is_better ||
         kind == ScoringKind::equal || kind == ScoringKind::proportional_capped ||
         kind == ScoringKind::linear_deduction;
}

// The shortest cell that holds a figure and a word of lateness ("1延期").
constexpr size_t kFigureAndLateness = 7;

// Whether a leaf measures time, by its name or its category, and its actual
// says late beside the figure ("100%（部分延期）" for 项目按时完成率: says_late;
// before, the words were a remark and the figure had full marks). A measure of
// anything else keeps its figure ("120人（有延期）" for 培训人数: the count was
// reached).
bool LeafScorer::late_for_a_time_measure(const Indicator& n) const {
  // Cheapest first: words beside a figure are after a comma or in a bracket
  // ("100%有延期" is read as undone already), few leaves measure time, and
  // says_late reads the whole cell.
  return text::may_have_clauses(n.actual_text) &&
         (names_time(name_) || in_time_category(e_, index_)) && says_late(n.actual_text);
}

// Against a deadline, a date and words that say the work was done in the main
// only ("2024年5月基本完成", "基本完成（2025年1月）"): late, missed, as a late
// date is; on time, the next tier, as the words alone are (before, the first
// was "不是可比较的时间" and the second the next tier, however late). false
// when the actual says no such thing.
bool LeafScorer::done_in_the_main(const Indicator& n, double w, ScoringKind kind, Explanation& why,
                                  Assessment& as) {
  if (n.target.kind != ValueKind::date || r_.tiers.size() < 2) return false;
  const std::optional<Date> done = date_done_in_the_main(n.actual_text);
  if (!done) return false;
  const std::optional<bool> on_time = by_deadline(n, *done, kind, as);
  if (!on_time) return true;
  if (!*on_time) {
    as = yes_no(false, w, kind, why);
    why.reason = Reason::deadline_missed;
    return true;
  }
  as = tier_score(n, 1, w, kind, why);
  return true;
}

// Against a deadline, an actual that is no date: early or late by a length of
// time ("提前2个月完成", "延迟1个月"), or not done by a date at or past the
// deadline ("截至2024年12月未完成"); not done by an earlier date, the
// evaluator's (as.ok false). false when it says none of these.
bool LeafScorer::late_or_unfinished(const Indicator& n, const Value& actual, double w,
                                    ScoringKind kind, Explanation& why, Assessment& as) {
  std::optional<bool> on_time = early_or_late(actual);
  if (const std::optional<Date> undone = unfinished_by(actual)) {
    if (compare_dates(in_year(*undone), in_year(n.target.date)) >= 0) {
      on_time = false;
    } else if (!on_time) {
      // Not done by a date before the deadline: it may still be done in time.
      if (!n.stated_score) flag(FlagKind::undone_before_deadline);
      as.kind = kind;
      return true;
    }
  }
  if (!on_time) return false;
  as = yes_no(*on_time, w, kind, why);
  why.reason = *on_time ? Reason::deadline_met : Reason::deadline_missed;
  return true;
}

// What assess() leaves out of its common path: a plan written where the actual
// belongs ("预计120人"), and a target that is no one figure.
Assessment LeafScorer::unusual(ScoringKind kind, const Indicator& n, const Value& actual, double w,
                               LeafWords& words, Explanation& why) {
  Assessment as;
  as.kind = kind;
  if (says_a_plan(actual)) {
    if (!n.stated_score) flag(FlagKind::actual_is_plan);
    return as;
  }
  if (says_past_year(actual)) {
    if (!n.stated_score) flag(FlagKind::actual_of_past_year);
    return as;
  }
  if (by_parts(n, actual, w, kind, words, why, as)) return as;
  flag(FlagKind::target_unreadable);
  return as;
}

// "≥100人次，≥5场": each figure the target asks for, against the clause of the
// actual that reports it ("120人次，6场"). All met: full marks; one missed or
// not reported: the evaluator scores it, since no rule says what a part is worth.
// false when the target is no such list.
bool LeafScorer::by_parts(const Indicator& n, const Value& actual, double w, ScoringKind kind,
                          LeafWords& words, Explanation& why, Assessment& as) {
  thread_local std::vector<TargetPart> parts;
  if (!target_parts(n.target.text, parts)) return false;
  // Words without a figure ("已完成"), as against any figure: by their tier.
  if (actual.kind == ValueKind::text && !text::has_digit(actual.text)) {
    as = by_words(n, actual, w, kind, words, why);
    return true;
  }
  for (size_t i = 0; i < parts.size(); ++i) {
    const Value& part = parts[i].value;
    const Value& done = actual_for_part(parts, i, actual, name_, reported_);
    Compared c;
    bool reported =
        done.kind == ValueKind::number &&
        compare_figures(part, parts[i].written, done, n.actual_text, name_, c) == Mismatch::none;
    const ScoringKind part_kind = infer_scoring_kind(name_, part, done, r_, false);
    if (i == 0) as.kind = part_kind;
    bool met = false;
    if (reported && done.op != Op::none && bound_overstates(part_kind, part, done)) {
      // A bound on the unfavourable side: "不足5场" against "≥5场" misses, "≤6场"
      // tells no more.
      const bool strict = done.op == Op::lt || done.op == Op::gt;
      reported = part_kind == ScoringKind::lower_is_better
                     ? c.a > c.t + kEps || (strict && c.a >= c.t - kEps)
                     : c.a < c.t - kEps || (strict && c.a <= c.t + kEps);
    } else if (reported) {
      switch (part_kind) {
        case ScoringKind::lower_is_better:
          met = c.a <= c.t + kEps;
          break;
        case ScoringKind::equal:
          met = std::fabs(c.a - c.t) <= kEps;
          break;
        default:
          met = c.a >= c.t - kEps;
      }
    }
    if (!met) {
      if (!n.stated_score) {
        flag(reported ? FlagKind::part_missed : FlagKind::part_unreported, Severity::error,
             static_cast<double>(i));
      }
      return true;
    }
  }
  as.ok = true;
  as.score = w;
  why = {Reason::met, 0, 0, w};
  return true;
}

// "≥100人次，覆盖全县": the words a target asks for besides its figure, which the
// actual does not say are done ("120人次") or says are not ("未覆盖全县"). Flags
// it and returns true: the evaluator scores the row, since no rule says what the
// words are worth. `only_said_undone`: only when the actual says they are not.
bool LeafScorer::words_unmet(const Indicator& n, bool only_said_undone) {
  const std::string target = text::normalize_cell(n.target_text);
  const std::string_view words = words_besides_figure(target, n.target);
  if (words.empty()) return false;
  const std::optional<bool> said = reports_words(text::normalize_cell(n.actual_text), words);
  if (said == true || (only_said_undone && !said)) return false;
  if (!n.stated_score) {
    flag(said ? FlagKind::words_part_missed : FlagKind::words_part_unreported);
  }
  return true;
}

// Scores an actual written in words against any target.
Assessment LeafScorer::by_words(const Indicator& n, const Value& actual, double w, ScoringKind kind,
                                LeafWords& words, Explanation& why) {
  Assessment as;
  const WordClass c = words.actual();
  // "问卷500份，满意300份，基本满意100份" against "≥90%": the words count the
  // figures, they do not judge (before, 基本满意's tier, 8 of 10); "完成（含2个在建）"
  // against "100%": a clause says a part is not done (before, 完成's tier, full marks).
  if ((c.type == WordClass::tier || c.type == WordClass::grade) &&
      figures_overrule_words(n.target, actual.text, name_, r_)) {
    flag_actual_not_number(n);
    return as;
  }
  // "完成，部分在建", "完成（含部分在建）": the top tier's words, or none, and a part
  // still going on (before, full marks, or no word of why the evaluator scores it).
  if (part_not_done(c, actual.text, r_)) {
    if (!n.stated_score) flag(FlagKind::part_undone);
    return as;
  }
  switch (c.type) {
    case WordClass::tier: {
      // Words of the worst tier ("延期完成", "未按期完成", "未完成") against a date
      // say it was missed, and against a yes ("是否按时完成": 是) answer no: 0,
      // as a late date or a 否 scores, not the tier's top.
      const bool worst = c.level > 0 && c.level + 1 == static_cast<int>(r_.tiers.size());
      if (worst && kind == ScoringKind::deadline && n.target.kind == ValueKind::date) {
        as = yes_no(false, w, kind, why);
        why.reason = Reason::deadline_missed;
        return as;
      }
      if (worst && kind == ScoringKind::yes_no && words.target().type == WordClass::yes) {
        return yes_no(false, w, kind, why);
      }
      return tier_score(n, c.level, w, kind, why);
    }
    case WordClass::grade: {
      const WordClass target = words.target();
      as.ok = true;
      as.kind = kind;
      if (target.type == WordClass::grade && c.level <= target.level) {
        as.score = w;
        why = {Reason::met, 0, 0, w};
      } else {
        const double share = r_.grade_levels[c.level].share;
        as.score = share * w;
        why = {Reason::grade, 0, 0, w, share, 0, 0, c.level};
        as.short_of_target = share < 1;
      }
      return as;
    }
    case WordClass::yes:
    case WordClass::no:
      // "无" against "≤0.5%": nothing happened, before "无" is read as a no.
      if (const std::optional<bool> met = none_happened(n.target, actual, name_)) {
        return yes_no(*met, w, kind, why);
      }
      // nullopt: the words cannot tell, the evaluator decides.
      if (const std::optional<bool> met = yes_no_met(n.target, words.target(), actual, c)) {
        return yes_no(*met, w, kind, why);
      }
      break;
    case WordClass::none:
      if (by_meaning(n, actual, w, kind, words, why, as)) return as;
      if (const std::optional<bool> met = none_happened(n.target, actual, name_)) {
        return yes_no(*met, w, kind, why);
      }
      break;
  }
  if (actual.kind == ValueKind::invalid) {
    flag(FlagKind::actual_unreadable);
  } else if (actual.kind == ValueKind::empty) {
    flag(FlagKind::actual_missing);
  } else if (!n.stated_score) {
    flag(FlagKind::words_need_evaluator);
  }
  return as;
}

inline Assessment LeafScorer::assess(ScoringKind kind, const Indicator& n, const Value& actual,
                                     double w, LeafWords& words, Explanation& why) {
  Assessment as;
  as.kind = kind;
  // "预计120人": a plan written where the actual belongs.
  if (says_a_plan(actual) || says_past_year(actual) || n.target.kind == ValueKind::invalid)
      [[unlikely]] {
    return unusual(kind, n, actual, w, words, why);
  }
  switch (kind) {
    case ScoringKind::higher_is_better:
    case ScoringKind::equal:
    case ScoringKind::proportional_capped:
    case ScoringKind::lower_is_better:
    case ScoringKind::linear_deduction: {
      // Words against a figure, and a share done against words ("90%" against "应补尽补").
      if ((actual.kind == ValueKind::text && n.target.kind == ValueKind::number) ||
          (n.target.kind == ValueKind::text && percent_of_all(n.target, actual))) {
        return by_words(n, actual, w, kind, words, why);
      }
      Compared c;
      if (!numbers_usable(n, actual, c)) return as;
      if (actual.op != Op::none && !bound_read(kind, n, actual, c)) [[unlikely]]
        return as;
      // "≥100人次，覆盖全县": words the target asks for besides its figure.
      if (n.target.words_after && words_unmet(n)) [[unlikely]]
        return as;
      const double a = c.a;
      const double t = c.t;
      const double f = c.display_factor;  // shows a and t in the unit the target was written in
      as.ok = true;
      // Most targets are written in the canonical unit (f = 1): two divisions
      // on every numeric leaf's path are worth a branch.
      why = f == 1 ? Explanation{Reason::met, a, t, w} : Explanation{Reason::met, a / f, t / f, w};
      if (kind == ScoringKind::linear_deduction) {
        const bool at_least = n.target.op == Op::ge || n.target.op == Op::gt;
        const double excess = std::max(0.0, at_least ? t - a : a - t) / f;
        const double per = n.per_point > 0 ? n.per_point : r_.linear_deduction_per_point;
        as.score = std::max(0.0, w - excess * per);
        why.reason = excess > kEps ? Reason::linear : Reason::met;
        why.share = per;
        why.extra = excess;
        as.short_of_target = excess > kEps;
        return as;
      }
      if (kind == ScoringKind::lower_is_better) {
        as.achievement = t > 0 ? a / t : -1;
        if (t <= 0) {
          const bool met = a <= 0;
          as.score = met ? w : 0;
          why.reason = met ? Reason::zero_target_met : Reason::zero_target_missed;
        } else if (a <= t) {
          as.score = w;
        } else if (a >= 2 * t) {
          as.score = 0;
          why.reason = Reason::lower_double;
        } else {
          as.score = w * (2 * t - a) / t;
          why.reason = Reason::lower_ratio;
        }
        as.short_of_target = as.score < w - kEps;
        return as;
      }
      if (n.target.op == Op::range && is_band(n.target, name_)) [[unlikely]] {
        // "28℃" against "18℃-26℃", "7%" or "-7%" against "±5%": a band is missed
        // on either side.
        const std::optional<bool> inside =
            inside_band(n.target, n.target_text, actual, n.actual_text, name_, c);
        if (inside != true) {
          if (!n.stated_score) {
            if (inside) {
              flag(FlagKind::outside_band);
            } else {
              flag(FlagKind::bound_overstates, Severity::error, static_cast<double>(actual.op));
            }
          }
          as.ok = false;
          return as;
        }
        as.score = w;
        return as;
      }
      if (a < 0) {
        as.score = 0;
        why.reason = actual.number >= 0 ? Reason::opposite_change : Reason::negative_actual;
        as.short_of_target = true;
        return as;
      }
      if (kind == ScoringKind::equal && t == 0) {
        const bool met = a <= 0;
        as.score = met ? w : 0;
        why.reason = met ? Reason::zero_target_met : Reason::zero_target_missed;
        as.short_of_target = !met;
        return as;
      }
      ratio_score(a, t, n.target.op == Op::range ? n.target.upper : t, w, as, why);
      return as;
    }
    case ScoringKind::deadline: {
      // Most actuals against a date are a date.
      if ((actual.kind == ValueKind::text || actual.kind == ValueKind::invalid) &&
          several_dates(n, actual, w, kind, why, as)) [[unlikely]] {
        return as;
      }
      // Not a date: perhaps one with words of the main ("2024.5基本完成" is a figure).
      if (actual.kind != ValueKind::date && done_in_the_main(n, w, kind, why, as)) [[unlikely]] {
        return as;
      }
      if (actual.kind == ValueKind::text) return by_words(n, actual, w, kind, words, why);
      if (n.target.kind != ValueKind::date) {
        flag(FlagKind::target_not_time);
        return as;
      }
      const std::optional<Date> done = date_named(actual);  // "2024.12"
      if (!done) {
        if (late_or_unfinished(n, actual, w, kind, why, as)) return as;
        // "2024年11月（部分在建）", "2024年11月（未完成）", "2024.3开工" (a figure in
        // the unit 开工): a date and a part not done; the evaluator's, as a figure
        // with such words is (before, "不是可比较的时间", and on time while a part
        // was still going on).
        const std::string_view said = actual.kind == ValueKind::invalid  ? actual.text
                                      : actual.kind == ValueKind::number ? actual.unit
                                                                         : std::string_view();
        if (text::says_undone(said)) {
          if (!n.stated_score) flag(FlagKind::part_undone);
          as.kind = kind;
          return as;
        }
        flag(actual.kind == ValueKind::empty ? FlagKind::actual_time_missing
                                             : FlagKind::actual_not_time);
        return as;
      }
      const std::optional<bool> on_time = by_deadline(n, *done, kind, as);
      if (!on_time) return as;
      const bool met = *on_time;
      // "2024年11月（有延期）", "2024年11月，进度滞后": on time by the date, late or
      // undone by its words (before, full marks); the evaluator's.
      if (met && !only_a_date(n.actual_text) && says_undone_besides_start(n.actual_text))
          [[unlikely]] {
        if (!n.stated_score) flag(FlagKind::part_undone);
        as.kind = kind;
        return as;
      }
      as.ok = true;
      as.score = met ? w : 0;
      why = {met ? Reason::deadline_met : Reason::deadline_missed, 0, 0, w};
      as.short_of_target = !met;
      return as;
    }
    case ScoringKind::qualitative_tiers:
    case ScoringKind::qualitative_grades:
    case ScoringKind::yes_no:
      return by_words(n, actual, w, kind, words, why);
    default:
      return as;
  }
}

const Indicator& LeafScorer::as_read(const Indicator& n) {
  if (!reread_) reread_ = std::make_unique<Reread>();
  Reread& r = *reread_;
  const Indicator* leaf = &n;
  if (&target_as_month(n.target, n.actual, name_, r.month_target) != &n.target) {
    r.leaf = n;
    r.leaf.target = r.month_target;
    leaf = &r.leaf;
  }
  if (actual_with_counts_in_digits(leaf->target, leaf->actual, leaf->actual_text, r.counts_text,
                                   r.counts_actual)) {
    if (leaf != &r.leaf) r.leaf = n;
    r.leaf.actual_text = r.counts_text;
    r.leaf.actual = r.counts_actual;
    leaf = &r.leaf;
  }
  return *leaf;
}

void LeafScorer::score(int index, NodeResult& out) {
  index_ = index;
  const Indicator& written = e_.indicators[index];
  name_ = text::measure_name(written.name, name_scratch_);
  // Only a figure that may be a year and a month, or counts against a figure with a
  // unit or against several, may read otherwise (as_read); most leaves are neither: a
  // figure in the target's unit, written short ("50户（其中五户施工中）" is not).
  const Value& t = written.target;
  const Value& a = written.actual;
  constexpr size_t kShortCell = 16;  // bytes: "≥1000人次", "1,234.56万元"
  const bool may_read_otherwise =
      (t.kind == ValueKind::number &&
       ((t.decimals != 0 && is_calendar_year(t.number)) ||
        (!t.unit.empty() && a.kind != ValueKind::number && a.kind != ValueKind::empty) ||
        (a.kind == ValueKind::number &&
         (a.unit != t.unit || written.actual_text.size() > kShortCell)))) ||
      (t.kind == ValueKind::invalid && a.kind != ValueKind::empty);
  const Indicator& n = may_read_otherwise ? as_read(written) : written;
  const bool has_weight = n.weight.has_value();
  out.weight = n.weight.value_or(0);
  out.weight_known = has_weight;
  const Value* actual = &n.actual;
  if (!n.figure.empty() && n.actual.kind == ValueKind::empty) {
    if (const DepartmentFigure* f = find_figure(figures_, n.figure)) {
      set_percent(f->value * 100, figure_value_);
      actual = &figure_value_;
    }
  }
  // "培训3期，150人次" against "≥3期": the clause that reports what the target measures.
  // "良好（经核实）": the words without a remark that says nothing of how well,
  // before their figures are looked for ("完成（90%）（经核实）").
  actual = &words_without_remark(*actual, r_, remarkless_);
  actual = &actual_for_target(n.target, *actual, name_, reported_);
  const bool both_empty = n.target.kind == ValueKind::empty && actual->kind == ValueKind::empty;
  if (both_empty && n.stated_score && !has_panel_score(n) && n.kind == ScoringKind::automatic) {
    // A row that publishes only its score (report 004 lists categories so).
    out.kind = ScoringKind::stated;
    out.scored = true;
    out.score = n.stated_score->value;
    out.applicable_weight = out.weight;
    out.why = {Reason::stated_category, 0, 0, out.weight};
    return;
  }
  if (n.not_applicable || n.target.kind == ValueKind::not_applicable ||
      actual->kind == ValueKind::not_applicable ||
      (both_empty && !n.stated_score && !has_panel_score(n))) {
    out.not_applicable = true;
    out.kind = ScoringKind::none;
    out.why = {Reason::not_applicable, 0, 0, out.weight};
    if (has_weight) flag(FlagKind::not_applicable, Severity::warning, out.weight);
    return;
  }
  out.applicable_weight = out.weight;

  if (has_panel_score(n)) {
    const PanelMethod method = e_.panel_method.value_or(r_.panel_method);
    out.kind = ScoringKind::expert_panel;
    out.scored = true;
    out.score = round_half_up(panel_score(n.expert_scores, method), r_.decimals);
    out.why = {Reason::panel, 0, 0, out.weight};
    return;
  }

  LeafWords words(n.target, *actual, r_);
  const ScoringKind kind =
      n.kind == ScoringKind::automatic
          ? infer_scoring_kind(name_, n.target, words, r_,
                               // only a bare figure needs its category
                               n.target.kind == ValueKind::number && n.target.op == Op::none &&
                                   in_lower_category(index))
          : n.kind;
  out.kind = kind;
  if (kind == ScoringKind::manual) {
    if (n.stated_score) {
      out.scored = true;
      out.score = n.stated_score->value;
      out.why = {Reason::manual, 0, 0, out.weight};
      if (n.note.empty() && n.kind == ScoringKind::manual) {
        flag(FlagKind::manual_without_reason, Severity::warning);
      }
    } else if (has_weight) {
      // Inferred: words of no known kind against a figure or a date ("控制在预算内"
      // against "98.5万元"), which the message says.
      const bool words_against =
          n.kind != ScoringKind::manual && n.target.kind == ValueKind::text &&
          (actual->kind == ValueKind::number || actual->kind == ValueKind::date);
      // "规范（计划）" against "规范": a plan, which the message says (before, that
      // the words could not be read).
      if (n.kind != ScoringKind::manual && says_a_plan(*actual)) [[unlikely]] {
        flag(FlagKind::actual_is_plan);
      } else if (words_against) {
        flag(FlagKind::manual_score_missing, Severity::error,
             actual->kind == ValueKind::number ? 1 : 2);
      } else {
        flag(n.kind == ScoringKind::manual || actual->kind != ValueKind::text
                 ? FlagKind::manual_score_missing
                 : FlagKind::words_need_evaluator);
      }
      out.scored = true;
      out.why = {Reason::unscorable, 0, 0, out.weight};
    } else {
      out.why = {Reason::no_weight, 0, 0, 0};
    }
    return;
  }

  const double w = has_weight ? out.weight : 100;  // unweighted: still judge the achievement
  Assessment as = assess(kind, n, *actual, w, words, out.why);
  // "100%（部分延期）" for 项目按时完成率: a figure that meets its target, which
  // words of lateness take back (one that falls short says what they do).
  if (as.ok && !as.short_of_target && actual->kind == ValueKind::number &&
      n.actual_text.size() >= kFigureAndLateness && scored_by_figures(as.kind) &&
      late_for_a_time_measure(n)) {
    if (!n.stated_score) flag(FlagKind::part_undone);
    as.ok = false;
  }
  out.achievement = as.achievement;
  if (!as.ok) {
    if (n.stated_score) {
      out.scored = true;
      out.score = n.stated_score->value;
      out.why = {Reason::stated_fallback, 0, 0, out.weight};
    } else if (has_weight) {
      out.scored = true;
      out.why = {Reason::unscorable, 0, 0, out.weight};
    } else {
      out.why = {Reason::no_weight, 0, 0, 0};
    }
    return;
  }
  out.kind = as.kind;

  // Over-achievement on a higher-is-better target (rules.md §3).
  const bool higher =
      as.kind == ScoringKind::higher_is_better || as.kind == ScoringKind::proportional_capped;
  if (higher && as.achievement >= r_.over_flag_at - kEps) {
    flag(FlagKind::over_achievement, Severity::warning, as.achievement, r_.over_flag_at);
    if (r_.over_deduct_at && as.achievement >= *r_.over_deduct_at - kEps) {
      out.why.deducted = std::min(as.score, r_.over_deduction);
      as.score -= out.why.deducted;
    }
    if (r_.over_note_required_at && as.achievement >= *r_.over_note_required_at - kEps &&
        n.note.empty()) {
      flag(FlagKind::over_without_note, Severity::error, *r_.over_note_required_at);
    }
  }

  if (!has_weight) {
    out.why.reason = Reason::no_weight;
    if (as.short_of_target && n.note.empty()) {
      flag(FlagKind::short_without_note, Severity::warning);
    }
    return;
  }
  out.scored = true;
  out.score = round_half_up(as.score, r_.decimals);
}

void score_execution(const Evaluation& e, const RuleSet& r, ExecutionResult& ex) {
  ex = ExecutionResult{};
  if (!e.budget) return;
  const Budget& b = *e.budget;
  ex.present = true;
  ex.name = b.name.empty() ? "预算执行率" : b.name;
  ex.weight = b.weight ? *b.weight : (e.kind == EvaluationKind::self ? r.self_execution_weight : 0);
  std::optional<double> den = b.adjusted ? b.adjusted : b.initial;
  if (r.execution_formula == ExecutionFormula::executed_over_received && b.received) {
    den = b.received;
  }
  // A negative amount (a refund written as spending) has no execution rate.
  const bool negative = b.executed && den && (*b.executed < 0 || *den < 0);
  if (b.executed && den && *den > 0 && !negative) {
    ex.rate_known = true;
    ex.numerator = *b.executed;
    ex.denominator = *den;
    ex.rate = *b.executed / *den;
    ex.score = round_half_up(std::min(ex.weight, ex.rate * ex.weight), r.decimals);
  } else {
    ex.negative = negative;
    if (negative) {  // kept for the message
      ex.numerator = *b.executed;
      ex.denominator = *den;
    }
    ex.zero_budget = !negative && b.executed && den && *den == 0;
    if (b.stated_score) {
      ex.score = b.stated_score->value;
      ex.score_stated = true;
    }
  }
}

}  // namespace

void score_into(const Evaluation& e, const RuleSet& r, ScoreCard& card) {
  const int n = static_cast<int>(e.indicators.size());
  card.nodes.assign(n, NodeResult{});
  card.flags.clear();
  card.department_figures.clear();
  card.project_grades.reset();
  card.cap.reset();
  card.rescaled = false;
  if (e.department) {
    card.department_figures = department_figures(*e.department);
    if (!e.department->projects.empty()) {
      card.project_grades = grade_distribution(e.department->projects, r);
    }
  }

  LeafScorer leaves(e, r, card.department_figures, card.flags);
  for (int i = 0; i < n; ++i) {
    if (e.is_leaf(i)) leaves.score(i, card.nodes[i]);
  }

  // Roll up from the last node: children always follow their parent, so a
  // node is final when the walk reaches it, and adds itself to its parent.
  struct Children {
    bool all_weighted = true;
    bool all_na = true;
    bool any_scored = false;
    bool any_stated = false;      // some child states a score (its own or its children's)
    bool stated_missing = false;  // some applicable child states none
    double weight_sum = 0;
    double score_sum = 0;
    double not_applicable_weight = 0;
    double stated_sum = 0;
  };
  thread_local std::vector<Children> below;  // reused: no allocation once warm
  below.assign(n, Children{});
  card.stated.nodes.resize(n);
  for (int i = n - 1; i >= 0; --i) {
    NodeResult& node = card.nodes[i];
    const Indicator& ind = e.indicators[i];
    if (!e.is_leaf(i)) {
      const Children& c = below[i];
      node.children_weight = c.all_weighted ? c.weight_sum : -1;
      node.weight = ind.weight ? *ind.weight : (c.all_weighted ? c.weight_sum : 0);
      node.weight_known = ind.weight.has_value() || c.all_weighted;
      if (c.all_weighted) {
        node.kind = ScoringKind::none;
        node.not_applicable = c.all_na;
        node.scored = c.any_scored;
        node.score = round_half_up(c.score_sum, r.decimals);
        node.applicable_weight = std::max(0.0, node.weight - c.not_applicable_weight);
        node.why = {c.all_na ? Reason::not_applicable : Reason::sum, 0, 0, node.weight};
      } else if (ind.stated_score) {
        node.kind = ScoringKind::stated;
        node.scored = true;
        node.score = ind.stated_score->value;
        node.applicable_weight = node.weight;
        node.why = {Reason::stated_category, 0, 0, node.weight};
      } else {
        node.kind = ScoringKind::none;
        node.applicable_weight = node.weight;
        node.why = {ind.weight ? Reason::unscorable : Reason::no_weight, 0, 0, node.weight};
        node.scored = ind.weight.has_value();
        if (ind.weight) card.flags.push_back({FlagKind::children_unweighted, Severity::error, i});
      }
    }
    // What the table states here: the node's own score, else its children's
    // when every applicable child states one (the checks compare the two).
    const Children& mine = below[i];
    StatedScores::Node& stated = card.stated.nodes[i];
    stated = StatedScores::Node{};
    if (mine.any_stated && !mine.stated_missing) {
      stated.children = round_half_up(mine.stated_sum, r.decimals);
      stated.has_children = true;
    }
    if (ind.stated_score) {
      stated.own = ind.stated_score->value;
      stated.has_own = true;
    } else if (stated.has_children) {
      stated.own = stated.children;
      stated.has_own = true;
    }
    if (ind.parent < 0) continue;
    Children& p = below[ind.parent];
    if (stated.has_own) {
      p.stated_sum += stated.own;
      p.any_stated = true;
    } else if (!node.not_applicable) {
      p.stated_missing = true;
    }
    p.all_weighted = p.all_weighted && node.weight_known;
    p.all_na = p.all_na && node.not_applicable;
    p.any_scored = p.any_scored || node.scored;
    p.weight_sum += node.weight;
    p.score_sum += node.scored ? node.score : 0;
    p.not_applicable_weight += node.weight - node.applicable_weight;
  }

  score_execution(e, r, card.execution);

  card.weight = card.execution.weight;
  card.applicable_weight = card.execution.weight;
  card.raw_total = card.execution.score;
  for (int i = 0; i < n; ++i) {
    if (e.indicators[i].parent != -1) continue;
    card.weight += card.nodes[i].weight;
    card.applicable_weight += card.nodes[i].applicable_weight;
    if (card.nodes[i].scored) card.raw_total += card.nodes[i].score;
  }
  card.raw_total = round_half_up(card.raw_total, r.decimals);
  card.total = card.raw_total;
  if (r.rescale_not_applicable && card.applicable_weight > 0 &&
      card.applicable_weight < card.weight - kEps) {
    card.total = round_half_up(card.raw_total * r.total / card.applicable_weight, r.decimals);
    card.rescaled = true;
  }
  if (card.execution.rate_known) {
    if (const auto cap = r.cap_for(card.execution.rate); cap && card.total > *cap + kEps) {
      card.cap = cap;
      card.total = *cap;
    }
  }
  if (const GradeBand* band = r.grade_for(card.total)) {
    card.grade = band->label;
    card.grade_code = band->code;
  } else {
    card.grade.clear();
    card.grade_code.clear();
  }

  check_consistency(e, r, card);
  if (has_expert_scores(e)) {
    check_panel(e, summarize_panel(e, r), r, card.flags);
  }
}

ScoreCard score(const Evaluation& evaluation, const RuleSet& rules) {
  ScoreCard card;
  score_into(evaluation, rules, card);
  return card;
}

std::vector<int> categories(const Evaluation& e) {
  std::vector<int> out;
  for (int i = 0; i < static_cast<int>(e.indicators.size()); ++i) {
    if (e.indicators[i].parent == -1) out.push_back(i);
  }
  return out;
}

}  // namespace jixiao::core
