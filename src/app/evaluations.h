// Use cases on stored evaluations: list, show, export, save.
//
// Contract: reads run in one read transaction (one consistent snapshot);
// save runs in one write transaction with its audit entry. Errors are
// Chinese Statuses naming the evaluation ("评价 #7 不存在").
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "app/context.h"
#include "storage/records.h"

namespace jixiao::app {

Result<std::vector<storage::EvaluationHeader>> list_evaluations(
    Context& ctx, const storage::EvaluationFilter& filter);

// The stored evaluation `id`: input, results and header.
Result<storage::StoredEvaluation> show_evaluation(Context& ctx, int64_t id);

// Writes evaluations `ids` (all when empty, by id) in the evaluation-file
// format, one JSON object per call of `line` (no newline), so that the
// output is a JSON Lines evaluation file that `jixiao import` reads back.
Status export_evaluations(Context& ctx, const std::vector<int64_t>& ids,
                          const std::function<Status(std::string_view line)>& line);

// Saves `evaluation` over evaluation `id`, which the caller read at
// `expected_version`: scored again, stored with its results, audited with
// the whole evaluation before and after. Returns the new version. A save
// against an older version is refused (someone else saved in between).
// The year cannot change by a save.
Result<int64_t> save_evaluation(Context& ctx, int64_t id, int64_t expected_version,
                                core::Evaluation evaluation, std::string_view source);

}  // namespace jixiao::app
