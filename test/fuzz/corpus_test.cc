// Replays the fuzz corpora (fuzz/corpus/*) through the fuzz entry points, so
// every input that once found a bug, and every seed, runs in the normal tests
// (and under the sanitizers in the ASan build).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "fuzz/fuzz_targets.h"
#include "test/support/file_text.h"

namespace {

namespace fs = std::filesystem;

int replay(const char* corpus, void (*target)(const uint8_t*, size_t)) {
  int files = 0;
  for (const auto& entry :
       fs::directory_iterator(fs::path(JIXIAO_SOURCE_DIR) / "fuzz/corpus" / corpus)) {
    const std::string bytes = jixiao::test::file_text(entry.path());
    target(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    ++files;
  }
  return files;
}

TEST(FuzzCorpus, ValueInputsReplayWithoutCrashing) {
  EXPECT_GT(replay("value", jixiao::fuzz::value), 10);
}

TEST(FuzzCorpus, EvaluationInputsReplayWithoutCrashing) {
  EXPECT_GE(replay("evaluation", jixiao::fuzz::evaluation), 4);
}

TEST(FuzzCorpus, WorkbookInputsReplayWithoutCrashing) {
  EXPECT_GE(replay("xlsx", jixiao::fuzz::xlsx), 10);
}

TEST(FuzzCorpus, ReportTextInputsReplayWithoutCrashing) {
  EXPECT_GE(replay("audit", jixiao::fuzz::audit), 10);
}

TEST(FuzzCorpus, ReportDocxInputsReplayWithoutCrashing) {
  EXPECT_GE(replay("audit_docx", jixiao::fuzz::audit_docx), 5);
}

TEST(FuzzCorpus, RuleSetInputsReplayWithoutCrashing) {
  EXPECT_GE(replay("rule_set", jixiao::fuzz::rule_set), 5);
}

}  // namespace
