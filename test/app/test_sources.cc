#include "test/app/test_sources.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "format/evaluation_reader.h"
#include "storage/query.h"

namespace jixiao::test {

std::vector<Example> examples() {
  std::vector<Example> out;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(JIXIAO_SOURCE_DIR) + "/examples")) {
    if (entry.path().extension() != ".json") continue;
    format::EvaluationReader reader;
    Status s = reader.read_file(entry.path().string(), [&](core::Evaluation& e, size_t) {
      out.push_back({entry.path().string(), e});
      return Status();
    });
    EXPECT_TRUE(s.ok()) << s.message();
  }
  std::sort(out.begin(), out.end(),
            [](const Example& a, const Example& b) { return a.path < b.path; });
  return out;
}

core::Evaluation small_evaluation(const std::string& title, const std::string& unit, int year,
                                  int leaves) {
  std::string json = R"({"title":")" + title + R"(","unit":")" + unit + R"(","year":)" +
                     std::to_string(year) +
                     R"(,"budget":{"adjusted":100,"executed":90,"weight":10},)" +
                     R"("indicators":[{"name":"产出指标","children":[)";
  for (int i = 0; i < leaves; ++i) {
    json += (i ? "," : "") + std::string(R"({"name":"指标)") + std::to_string(i) +
            R"(","weight":)" + std::to_string(90.0 / leaves) + R"(,"target":"≥100家","actual":")" +
            std::to_string(80 + 5 * i) + R"(家","note":"偏差说明"})";
  }
  json += "]}]}";
  Result<core::Evaluation> e = format::parse_evaluation(json, title);
  EXPECT_TRUE(e.ok()) << e.status().message();
  return e.ok() ? *e : core::Evaluation{};
}

Status ListSource::read(const Sink& sink) {
  int line = 0;
  app::SourcedEvaluation sourced;
  for (const core::Evaluation& e : evaluations_) {
    sourced.evaluation = e;
    sourced.origin = name_ + ":" + std::to_string(++line);
    Status s = sink(sourced);
    if (!s.ok()) return s;
  }
  if (!error_.empty()) return Status::error("文件 " + name_ + "：" + error_);
  return Status();
}

app::ImportSummary import_all(app::Context& ctx,
                              std::vector<std::unique_ptr<app::EvaluationSource>> sources,
                              const app::ImportOptions& options) {
  return app::import_evaluations(ctx, sources, options);
}

int64_t rows(storage::Connection& c, const std::string& table) {
  Result<std::optional<int64_t>> n = storage::query_int(c, "SELECT COUNT(*) FROM " + table);
  EXPECT_TRUE(n.ok()) << n.status().message();
  return n.ok() ? n->value_or(-1) : -1;
}

}  // namespace jixiao::test
