// A scored evaluation as JSON (the output of `jixiao score --json`, docs/format.md).
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "core/engine.h"
#include "format/json_writer.h"

namespace jixiao::format {

// Writes one object: the evaluation's identity, total, grade, execution,
// categories, every leaf with its explanation, department figures, the panel
// summary when there is one, and the findings.
// `locate`, when given, names where a finding sits in the source file
// ("项目支出绩效自评表!G14", or ""); the name is put in front of its message.
using FindingLocator = std::function<std::string(const core::Finding&)>;
void write_scorecard_json(JsonWriter& out, const core::Evaluation& evaluation,
                          const core::ScoreCard& card, const core::RuleSet& rules,
                          std::string_view file, const FindingLocator* locate = nullptr);

// "cell：message" when `locate` names a cell for the finding, else the message.
std::string located_message(const core::Finding& finding, const FindingLocator* locate);

}  // namespace jixiao::format
