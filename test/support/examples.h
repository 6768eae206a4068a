// The example evaluations, for tests of any suite.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "core/model.h"
#include "format/evaluation_reader.h"

namespace jixiao::test {

// The first evaluation of examples/NAME.
inline core::Evaluation example(const std::string& name) {
  format::EvaluationReader reader;
  core::Evaluation out;
  Status s = reader.read_file(std::string(JIXIAO_SOURCE_DIR) + "/examples/" + name,
                              [&](core::Evaluation& e, size_t) {
                                out = e;
                                return Status();
                              });
  EXPECT_TRUE(s.ok()) << s.message();
  return out;
}

}  // namespace jixiao::test
