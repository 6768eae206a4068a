// Synthetic project self-evaluations for the benchmarks: JSON Lines, one
// evaluation per line, deterministic for a given seed.
//
// Each evaluation looks like a filled-in 项目支出绩效自评表 (docs/format.md):
// 产出/成本/效益/满意度 level-1 categories (weights 90) with level-2 and level-3
// nodes, exactly kLeavesPerEvaluation leaves, plus a budget scored for
// execution (weight 10). Weights are on the leaves; 40% of tables also print
// the level-1 and level-2 sums. Targets use the forms real tables use (≥100家,
// ≤1000万元, 100%, ≥90%, =12篇, 24小时内, 2021年12月前, 优, 达成预期指标);
// most rows are numeric, some fall short, some over-achieve, most tables
// state their scores, a few rows carry notes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace jixiao::bench {

inline constexpr int kLeavesPerEvaluation = 20;
inline constexpr size_t kDefaultEvaluations = 100000;
inline constexpr uint64_t kDefaultSeed = 20240613;

// Appends evaluation number `index` of the data set `seed` (one JSON object,
// no newline) to `out`. The same (seed, index) always gives the same bytes.
void append_evaluation(std::string& out, uint64_t seed, uint64_t index);

struct DataFile {
  std::string path;
  uint64_t bytes = 0;
  uint64_t evaluations = 0;
  uint64_t rows = 0;  // leaf indicators
  bool reused = false;
};

// The file of `count` evaluations at `path`. A file written earlier is reused
// when its sidecar `path.meta` names the same generator version, count and
// seed and the file still has the recorded size; otherwise it is written
// again (through a temporary file, then renamed). A file at `path` without a
// sidecar was not written here and is never overwritten. Throws
// std::runtime_error then, and when the file cannot be written.
DataFile ensure_data_file(const std::string& path, size_t count, uint64_t seed);

// $JIXIAO_BENCH_DATA, else <temp dir>/jixiao-bench-<count>-<seed>.jsonl.
std::string default_data_path(size_t count, uint64_t seed);

}  // namespace jixiao::bench
