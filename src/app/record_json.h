// The JSON the audit log keeps as a record's "before" and "after". Small and
// stable: the fields a reader of the log needs to see what changed, never a
// password hash.
#pragma once

#include <string>
#include <string_view>

#include "core/model.h"
#include "storage/records.h"

namespace jixiao::app {

// An evaluation's identity and results: id, title, year, unit, kind, scope,
// total, grade, indicator count, source and version; `with_content` adds the
// whole evaluation in the evaluation-file format under "evaluation" (for
// saves, so that any change can be seen and undone).
std::string evaluation_summary_json(int64_t id, const core::Evaluation& e,
                                    const storage::EvaluationResults& results,
                                    std::string_view source, int64_t version,
                                    bool with_content = false);
std::string unit_json(const storage::UnitRecord& unit);
std::string project_json(int64_t id, int year, int64_t unit_id, std::string_view title,
                         std::string_view scope);
std::string user_json(const storage::UserRecord& user, std::string_view unit_code);

}  // namespace jixiao::app
