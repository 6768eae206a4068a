// Writing evaluations in the evaluation-file format (docs/format.md), the
// exact format format/evaluation_reader.h reads: what jixiao exports,
// jixiao imports again unchanged.
//
// Contract: for every Evaluation the reader produced, reading the written
// text gives back an equal Evaluation (same fields, same tree, same numbers
// to the bit, stated figures with the decimals they were printed with).
// Fields holding their default are left out. Budget amounts are written in
// 万元. Never fails; the output is always valid JSON.
#pragma once

#include <string>

#include "core/model.h"

namespace jixiao::format {

// Appends `evaluation` as one JSON object, on one line, to `out`.
void write_evaluation_json(std::string& out, const core::Evaluation& evaluation);

// The object alone, as a string.
std::string evaluation_to_json(const core::Evaluation& evaluation);

}  // namespace jixiao::format
