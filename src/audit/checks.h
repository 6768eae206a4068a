// Recomputing a report's facts: every disagreement between a printed figure
// and what it should equal, and every contradiction between the text and the
// tables that can be checked, as an AuditFinding.
//
// Figures are compared at the precision they were printed with
// (core::agrees_at_precision): 57.58/60 = 95.966… agrees with "95.97%" and
// with "95.96%" (truncated), so a report rounding either way raises nothing.
// Codes are documented in docs/audit.md; arithmetic disagreements are errors,
// contradictions, claims and unreadable values warnings.
#pragma once

#include <string>
#include <vector>

#include "audit/facts.h"
#include "core/engine.h"
#include "core/finding.h"
#include "core/rule_set.h"

namespace jixiao::audit {

struct AuditFinding {
  std::string code;
  core::Severity severity = core::Severity::error;
  std::string quote;    // the sentence or table row
  std::string message;  // Chinese, with both numbers
};

// `engine`, when given, is the rules' scoring of the report's own indicator
// table (audit.h): where it leaves not-applicable indicators out and rescales,
// or caps the total, a stated total that is the parts' sum so rescaled or
// capped agrees with them.
std::vector<AuditFinding> check_facts(const Facts& facts, const core::RuleSet& rules,
                                      const core::ScoreCard* engine = nullptr);

// The audit's own finding codes (the fixed list of docs/audit.md).
bool is_audit_code(std::string_view code);

}  // namespace jixiao::audit
