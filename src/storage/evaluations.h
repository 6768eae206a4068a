// Evaluations in the database: the input (core::Evaluation: the indicator
// tree, budget, experts' scores, reviewers' checked scores and deductions,
// department data) and the computed results (total, grade, per-node score,
// execution rate, findings) side by side, so that dashboards query columns
// instead of scoring again.
//
// Contract: everything runs inside the caller's transaction and never
// commits. Saving over an evaluation is optimistic: the caller passes the
// version it read, and a save against a newer version is refused with a
// Chinese message naming the evaluation (never a silent overwrite).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "storage/batch_insert.h"
#include "storage/database.h"
#include "storage/records.h"

namespace jixiao::storage {

// Inserts evaluations, batching the rows of their trees across evaluations.
// Call flush() before committing. One writer per transaction.
class EvaluationWriter {
 public:
  explicit EvaluationWriter(Connection& c);

  // Inserts one evaluation with its results; returns its id (reserved in
  // advance, so that the row itself can be batched). `results.nodes` must be
  // aligned with `evaluation.indicators`.
  Result<int64_t> insert(const EvaluationPlace& place, const core::Evaluation& evaluation,
                         const EvaluationResults& results, std::string_view source,
                         std::string_view now);

  // Replaces evaluation `id` when its version is still `expected_version`;
  // returns the new version. A stale version is refused: "评价 #7「…」已被他人修改…".
  Result<int64_t> replace(int64_t id, int64_t expected_version, const EvaluationPlace& place,
                          const core::Evaluation& evaluation, const EvaluationResults& results,
                          std::string_view source, std::string_view now);

  // Writes the rows still batched.
  Status flush();

 private:
  Status insert_children(int64_t id, int year, const core::Evaluation& e,
                         const EvaluationResults& r);

  static constexpr int kIdsPerReservation = 256;

  Connection& c_;
  std::vector<int64_t> ids_;  // reserved evaluation ids
  size_t next_id_ = 0;
  BatchInsert evaluations_;
  BatchInsert indicators_;
  BatchInsert funding_;
  BatchInsert experts_;
  BatchInsert expert_scores_;
  BatchInsert department_projects_;
  BatchInsert figures_;
  BatchInsert findings_;
};

Result<std::vector<EvaluationHeader>> list_evaluations(Connection& c,
                                                       const EvaluationFilter& filter);
Result<std::optional<EvaluationHeader>> find_evaluation_header(Connection& c, int64_t id);
// The evaluation of `kind` (self, third_party, …) of a project already stored,
// the oldest when there are several; nullopt when there is none. Imports use
// it to refuse storing the same evaluation twice.
Result<std::optional<int64_t>> find_evaluation_of(Connection& c, const EvaluationPlace& place,
                                                  std::string_view kind);
// The whole evaluation: input, results and header; nullopt when there is none.
Result<std::optional<StoredEvaluation>> load_evaluation(Connection& c, int64_t id);

}  // namespace jixiao::storage
