// Evaluations for the storage and use-case tests: the examples, small
// hand-made ones, and a source that fails part-way.
#pragma once

#include <string>
#include <vector>

#include "app/import.h"
#include "core/model.h"

namespace jixiao::test {

// examples/*.json as read by the evaluation reader, with their paths.
struct Example {
  std::string path;
  core::Evaluation evaluation;
};
std::vector<Example> examples();

// A small project self-evaluation of `unit` in `year` with `leaves` leaves.
core::Evaluation small_evaluation(const std::string& title, const std::string& unit, int year,
                                  int leaves = 3);

// Hands out `evaluations` in order, then fails with `error` when it is set
// (a reader that breaks after some evaluations were stored).
class ListSource final : public app::EvaluationSource {
 public:
  ListSource(std::string name, std::vector<core::Evaluation> evaluations, std::string error = "")
      : name_(std::move(name)), evaluations_(std::move(evaluations)), error_(std::move(error)) {}
  const std::string& name() const override { return name_; }
  Status read(const Sink& sink) override;

 private:
  std::string name_;
  std::vector<core::Evaluation> evaluations_;
  std::string error_;
};

// Runs an import of these sources.
app::ImportSummary import_all(app::Context& ctx,
                              std::vector<std::unique_ptr<app::EvaluationSource>> sources,
                              const app::ImportOptions& options = {});

// Counts the rows of `table`.
int64_t rows(storage::Connection& c, const std::string& table);

}  // namespace jixiao::test
