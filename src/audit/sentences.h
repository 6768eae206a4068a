// The sentences of a report, read by their words (docs/audit.md): money,
// rates, the total and grade, categories, department figures, splits and
// shares, targets, amounts achieved and claims. Internal to src/audit, used by
// extract_facts().
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "audit/facts.h"

namespace jixiao::audit {

// Reads sentences (and table rows read as sentences) into a Facts, in
// document order; finish() settles what needs the whole report (shares and
// splits by name, the budget when only an initial one was stated).
class SentenceReader {
 public:
  explicit SentenceReader(Facts& f) : f_(f) {}

  // Reads `s`; findings will quote `quote`.
  void read(std::string_view s, const std::string& quote);
  void finish();

  std::string previous_sentence;  // set by the caller: a 合计 may add up the one before

 private:
  void money(std::string_view s, const std::string& quote);
  void rates(std::string_view s, const std::string& quote);
  void department(std::string_view s, const std::string& quote);
  void grade_counts(std::string_view s, const std::string& quote);
  void totals(std::string_view s, const std::string& quote);
  void sentence_category(std::string_view s, const std::string& quote);
  void category_list(std::string_view s, const std::string& quote);
  void grades(std::string_view s, const std::string& quote);
  void named_amounts(std::string_view s, const std::string& quote);
  const Stated* find_named(std::string_view name) const;
  void decomposition(std::string_view s, const std::string& quote);
  void sums_and_shares(std::string_view s, const std::string& quote);
  void targets(std::string_view s, const std::string& quote);
  void claims(std::string_view s, const std::string& quote);

  Facts& f_;
  bool list_may_follow_ = false;                       // a total was just stated without its parts
  std::vector<std::pair<std::string, Stated>> named_;  // "NAME N万元", first first
  std::vector<ShareFact> pending_shares_;
};

// A paragraph that opens with a category's heading and states its score:
// "（一）决策指标。该指标分值10分，评价得分7.18分"; or a heading paragraph
// followed by "该指标分值50分，评价得分45分，得分率90%。". Adds the category to
// `f` and returns true when `body` is such a statement.
bool heading_category(std::string_view heading, std::string_view body, const std::string& quote,
                      Facts& f);

// A short paragraph without a comma, or one with a heading marker.
bool looks_like_heading(std::string_view p);

}  // namespace jixiao::audit
