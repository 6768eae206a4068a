// The evaluation a report describes, built from its facts, so that the core
// engine can score it and `jixiao audit --extract` can write it as an
// evaluation file `jixiao score` reads.
//
// The indicator tree comes from the indicator table when its rows carry
// weights or scores (categories of the score table lend their stated scores
// to the level-1 nodes of the same name); otherwise from the score table's
// categories, or the categories the text states, each a category with a
// stated score and no children (docs/format.md allows it). The budget
// carries the stated amounts and execution rate; its weight is the
// execution row's, else 0 (the execution is then part of a category).
#pragma once

#include <string>
#include <vector>

#include "audit/facts.h"
#include "core/model.h"

namespace jixiao::audit {

struct Extracted {
  core::Evaluation evaluation;
  std::vector<std::string> quotes;  // per indicator: the row or sentence it comes from
  std::string total_quote;          // where the stated total is printed
  std::string grade_quote;
  std::string budget_quote;  // the execution row or the sentence of the stated rate
};

Extracted extract_evaluation(const Facts& facts);

}  // namespace jixiao::audit
