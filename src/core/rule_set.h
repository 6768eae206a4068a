// A rule set (评分规则集): everything about scoring that differs between
// places, held as data. The shipped sets live in rules/*.json and are
// documented, rule by rule with sources, in docs/rules.md; format/rule_set_json.h
// reads them. Member defaults equal the national-2020 set.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "core/string_table.h"

namespace jixiao::core {

struct GradeBand {
  std::string label;               // 优
  std::string code;                // excellent
  double min = 0;                  // a total ≥ min earns this grade
  std::vector<std::string> words;  // other ways a report writes it: 优秀

  // Whether a stated grade ("优", "优秀") names this band.
  bool is_called(std::string_view stated) const {
    return stated == label || std::find(words.begin(), words.end(), stated) != words.end();
  }
};

struct QualitativeTier {
  std::string label;  // 达成年度指标
  double min_share = 0;
  double max_share = 1;
  std::vector<std::string> words;  // what an actual says to fall in this tier
};

struct GradeLevel {
  std::string label;  // 优 良 中 低 差
  double share = 1;   // of the weight
  std::vector<std::string> words;
};

struct TotalCap {
  double rate_below = 0;  // execution rate (0..1) below which …
  double cap = 100;       // … the total may not exceed this
};

// The qualitative vocabulary (tiers, grades, yes/no words, lower-is-better
// names) compiled for lookup by core/words.h: whole words in one sorted table,
// tier phrases apart for the search inside short texts. Built by
// index_words(RuleSet&); the rule-set loader does it. Code that edits the
// word lists of a RuleSet afterwards must call index_words() again; without
// an index, classify_words() reads the lists directly (slower, same answer).
struct WordIndex {
  struct Whole {
    std::string word;
    uint8_t type = 0;  // WordClass::Type
    int level = -1;
    int grade_level = -1;  // its grade where a grade list has it too (良好: 良, though 达成 wins)
  };
  struct Phrase {
    std::string word;
    int tier = 0;
  };
  std::vector<Whole> whole;     // one per word; the first list a word is in wins
  StringTable lookup;           // word → index in `whole`
  std::vector<Phrase> phrases;  // tier words of two or more characters, worst tier first
  int tiers = 0;                // how many tiers the rule set has
  // lower_is_better_names grouped by their last character: a name contains
  // one of them only where that character occurs, so one search for the
  // character and a compare ending there replace a search for every name.
  // Within a group (most names end in 率) the names are looked up by their
  // last two characters, so that only the one or two names ending in, say,
  // 制率 are compared where an indicator's name has 率.
  struct LowerNames {
    std::string tail;                             // the last character
    char32_t tail_code = 0;                       // …as a code point
    bool whole = false;                           // the tail alone is a listed name
    StringTable by_pair;                          // last two characters → index in `pairs`
    std::vector<std::vector<std::string>> pairs;  // the names, by their last two characters
  };
  std::vector<LowerNames> lower_names;
  // Bit (c & 63) is set for every group's tail c: most characters of a name
  // are passed over with one test.
  uint64_t lower_tails = 0;
  // Different for every index_words() call in the process: remembered
  // classifications (words.cc) are keyed by it, so they never outlive the
  // lists they were made from.
  uint64_t id = 0;
  bool ready = false;
};

enum class ExecutionFormula {
  executed_over_adjusted,  // self-evaluation: 全年执行数 / 全年预算数
  executed_over_received,  // evaluation framework: 实际支出 / 实际到位资金
};

struct RuleSet {
  std::string name = "national-2020";
  std::string title;
  double total = 100;
  int decimals = 2;
  std::vector<GradeBand> grades;  // highest min first

  ExecutionFormula execution_formula = ExecutionFormula::executed_over_adjusted;
  double self_execution_weight = 10;  // for self-evaluations whose budget gives no weight
  std::vector<TotalCap> total_caps;   // lowest rate_below first

  double over_flag_at = 1.2;                    // a ≥ 1.2·t flags over-achievement
  std::optional<double> over_deduct_at;         // a ≥ this·t deducts …
  double over_deduction = 0;                    // … this many points
  std::optional<double> over_note_required_at;  // a ≥ this·t requires a deviation note

  bool rescale_not_applicable = true;

  std::vector<QualitativeTier> tiers;    // best first (three in the national set)
  std::vector<GradeLevel> grade_levels;  // best first (优 … 差)
  std::vector<std::string> yes_words;
  std::vector<std::string> no_words;
  std::vector<std::string> lower_is_better_names;  // bare targets of these read as ≤
  // Categories whose leaves' bare targets read as ≤, whatever their names:
  // 成本指标 (a cost target is a ceiling). Optional in the rule set file.
  std::vector<std::string> lower_is_better_categories;
  double linear_deduction_per_point = 0.5;

  double tolerance = 0.01;    // stated vs computed scores
  double spending_gap = 0.3;  // indicator score rate − execution rate that is flagged
  double expert_range_share = 0.3;
  int panel_min_size = 5;
  PanelMethod panel_method = PanelMethod::mean;

  WordIndex word_index;  // see WordIndex

  // The band a total falls in; nullptr only when the bands are empty.
  const GradeBand* grade_for(double total) const;
  // The cap for an execution rate (0..1), if any.
  std::optional<double> cap_for(double rate) const;
};

}  // namespace jixiao::core
