// Scoring throughput (issue item 13): how many indicator rows a second jixiao
// reads and scores. See bench/README.md; bench/run.sh runs this beside the CLI
// and the Python peer and prints the comparison.
//
// Cases:
//   parse_and_score/file   EvaluationReader::read_file over the whole JSON Lines
//                          file, the sink calling core::score_into (one ScoreCard)
//   parse_only/file        the same read with a sink that does nothing: the
//                          reader's share of the case above
//   score_only/hot         core::score_into over 100 evaluations parsed beforehand,
//                          again and again: they stay in the CPU's caches, as an
//                          evaluation does between the reader and the engine
//   score_only/cold        the same over --score_copies (10,000, about 180 MB of
//                          evaluations): mostly a measure of memory bandwidth
//   score_floor/hot        reference: over the same 100 evaluations, only a/t×w
//                          and a rounding per leaf: the data layout and the
//                          arithmetic, no kinds, units, roll-up or checks
//   json_floor/file        reference: the file, mapped as the reader maps it,
//                          parsed into simdjson's DOM line by line with the
//                          CPU's best kernels (no jixiao code)
//   json_index/file        reference: only simdjson's SIMD indexing (stage 1) of
//                          each line, nothing walked (no jixiao code)
//   json_walk/file         reference: stage 1, then the on-demand walk over every
//                          key and value (numbers converted, strings left raw):
//                          the least a reader visiting every field does (no jixiao code)
//
// Own flags (before Google Benchmark's): --data=PATH (default
// $JIXIAO_BENCH_DATA or a file in the temp directory), --evaluations=N
// (100000), --seed=S, --score_copies=N (10000), --generate_only (write or
// reuse the data file, print where it is, exit).
#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/decimal.h"
#include "core/engine.h"
#include "format/evaluation_reader.h"
#include "format/file_bytes.h"
#include "format/rule_set_json.h"
#include "generate_evaluations.h"

namespace {

using jixiao::Status;
using jixiao::bench::DataFile;
namespace core = jixiao::core;
namespace format = jixiao::format;

const core::RuleSet& default_rules() {
  static const core::RuleSet rules = [] {
    auto loaded = format::load_rule_set(format::kDefaultRuleSet);
    if (!loaded.ok()) {
      std::fprintf(stderr, "%s\n", loaded.status().message().c_str());
      std::exit(2);
    }
    return std::move(*loaded);
  }();
  return rules;
}

size_t count_leaves(const core::Evaluation& e) {
  size_t n = 0;
  for (int i = 0; i < static_cast<int>(e.indicators.size()); ++i) n += e.is_leaf(i) ? 1 : 0;
  return n;
}

void set_rates(benchmark::State& state, double rows, double evaluations, double bytes) {
  const double iterations = static_cast<double>(state.iterations());
  state.counters["rows/s"] = benchmark::Counter(rows * iterations, benchmark::Counter::kIsRate);
  state.counters["evaluations/s"] =
      benchmark::Counter(evaluations * iterations, benchmark::Counter::kIsRate);
  state.counters["time/row"] = benchmark::Counter(
      rows * iterations, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  state.counters["rows"] = rows;
  state.SetBytesProcessed(static_cast<int64_t>(bytes * iterations));
}

// Reads the whole file each iteration; `score` decides whether the sink scores.
void read_file_case(benchmark::State& state, const DataFile& file, bool score) {
  const core::RuleSet& rules = default_rules();
  format::EvaluationReader reader;  // reused: its parser and Evaluation stay warm
  core::ScoreCard card;
  double checksum = 0;
  for (auto _ : state) {
    size_t evaluations = 0;
    const Status s = reader.read_file(file.path, [&](core::Evaluation& e, size_t) {
      ++evaluations;
      if (score) {
        core::score_into(e, rules, card);
        checksum += card.total;
      }
      return Status();
    });
    if (!s.ok()) {
      state.SkipWithError(s.message().c_str());
      return;
    }
    if (evaluations != file.evaluations) {
      state.SkipWithError("the data file holds fewer evaluations than its .meta says");
      return;
    }
    benchmark::DoNotOptimize(checksum);
  }
  set_rates(state, static_cast<double>(file.rows), static_cast<double>(file.evaluations),
            static_cast<double>(file.bytes));
}

// Maps the data file as the reader maps it (format::FileBytes) and calls
// parse(data, length, readable) for each line, with a padded copy for a line
// too near the end of the mapping; returns how many lines parse accepted, or
// nothing (the benchmark is marked failed) when the file cannot be mapped.
template <typename Parse>
std::optional<size_t> each_line(benchmark::State& state, const DataFile& file, std::string& copy,
                                Parse&& parse) {
  auto bytes = format::FileBytes::open(file.path, format::kMaxEvaluationFileBytes);
  if (!bytes.ok()) {
    state.SkipWithError(bytes.status().message().c_str());
    return std::nullopt;
  }
  const char* base = bytes->text().data();
  const size_t size = bytes->text().size();
  size_t accepted = 0;
  for (size_t pos = 0; pos < size;) {
    const void* nl = std::memchr(base + pos, '\n', size - pos);
    const size_t end = nl ? static_cast<const char*>(nl) - base : size;
    const size_t len = end - pos;
    const char* line = base + pos;
    size_t readable = bytes->readable() - pos;
    if (readable < len + simdjson::SIMDJSON_PADDING) {
      copy.assign(line, len);
      copy.resize(len + simdjson::SIMDJSON_PADDING, '\0');
      line = copy.data();
      readable = copy.size();
    }
    if (len > 0 && parse(line, len, readable)) ++accepted;
    pos = end + 1;
  }
  return accepted;
}

// Runs a reference case: `parse` over every line, which must accept them all.
template <typename Parse>
void reference_case(benchmark::State& state, const DataFile& file, Parse&& parse) {
  std::string copy;
  for (auto _ : state) {
    const std::optional<size_t> documents = each_line(state, file, copy, parse);
    if (!documents) return;
    if (*documents != file.evaluations) {
      state.SkipWithError("simdjson could not read every line");
      return;
    }
  }
  set_rates(state, static_cast<double>(file.rows), static_cast<double>(file.evaluations),
            static_cast<double>(file.bytes));
}

// Reference, not jixiao: each line parsed into simdjson's DOM by the
// runtime-dispatched kernels, every value materialised, nothing converted.
void json_floor_case(benchmark::State& state, const DataFile& file) {
  simdjson::dom::parser parser;
  reference_case(state, file, [&](const char* data, size_t len, size_t) {
    simdjson::dom::element doc;
    return parser.parse(data, len, false).get(doc) == simdjson::SUCCESS;
  });
}

// Reference, not jixiao: only simdjson's SIMD indexing (stage 1) of every
// line, as the on-demand parser that the reader uses runs it, with the CPU's
// best kernel; nothing is walked or converted. What finding the structure of
// this JSON costs: the part of reading no reader can avoid.
void json_index_case(benchmark::State& state, const DataFile& file) {
  simdjson::ondemand::parser parser;
  reference_case(state, file, [&](const char* data, size_t len, size_t readable) {
    simdjson::ondemand::document doc;
    return parser.iterate(data, len, readable).get(doc) == simdjson::SUCCESS;
  });
}

// Visits `v` and everything inside it the cheapest way simdjson's on-demand
// API allows: keys and strings as raw pointers into the document (no copy, no
// unescaping, not even a length), numbers through get_double. Adds a byte of
// each into `sum` so that nothing is skipped.
simdjson::error_code walk(simdjson::ondemand::value v, uint64_t& sum);

simdjson::error_code walk_object(simdjson::ondemand::object obj, uint64_t& sum) {
  for (auto f : obj) {
    simdjson::ondemand::field field;
    if (auto err = std::move(f).get(field)) return err;
    sum += static_cast<unsigned char>(*field.key().raw());
    if (auto err = walk(field.value(), sum)) return err;
  }
  return simdjson::SUCCESS;
}

simdjson::error_code walk(simdjson::ondemand::value v, uint64_t& sum) {
  namespace od = simdjson::ondemand;
  od::json_type type;
  if (auto err = v.type().get(type)) return err;
  switch (type) {
    case od::json_type::object: {
      od::object obj;
      if (auto err = v.get_object().get(obj)) return err;
      return walk_object(obj, sum);
    }
    case od::json_type::array: {
      od::array arr;
      if (auto err = v.get_array().get(arr)) return err;
      for (auto item : arr) {
        od::value element;
        if (auto err = item.get(element)) return err;
        if (auto err = walk(element, sum)) return err;
      }
      return simdjson::SUCCESS;
    }
    case od::json_type::string: {
      od::raw_json_string s;
      if (auto err = v.get_raw_json_string().get(s)) return err;
      sum += static_cast<unsigned char>(*s.raw());
      return simdjson::SUCCESS;
    }
    case od::json_type::number: {
      double d = 0;
      if (auto err = v.get_double().get(d)) return err;
      sum += static_cast<uint64_t>(d);
      return simdjson::SUCCESS;
    }
    case od::json_type::boolean: {
      bool b = false;
      if (auto err = v.get_bool().get(b)) return err;
      sum += b ? 1 : 0;
      return simdjson::SUCCESS;
    }
    case od::json_type::null:
      return v.is_null() ? simdjson::SUCCESS : simdjson::INCORRECT_TYPE;
  }
  return simdjson::INCORRECT_TYPE;
}

// Reference, not jixiao: each line indexed (stage 1, as json_index) and then
// walked by the on-demand parser, as the reader walks it (stage 2 inlined
// here, compiled for the same target), visiting every key and value and
// converting nothing but numbers. The least any reader that looks at every
// field of this JSON through simdjson has to do.
void json_walk_case(benchmark::State& state, const DataFile& file) {
  simdjson::ondemand::parser parser;
  uint64_t sum = 0;
  reference_case(state, file, [&](const char* data, size_t len, size_t readable) {
    simdjson::ondemand::document doc;
    if (parser.iterate(data, len, readable).get(doc) != simdjson::SUCCESS) return false;
    simdjson::ondemand::object obj;
    if (doc.get_object().get(obj) != simdjson::SUCCESS) return false;
    return walk_object(obj, sum) == simdjson::SUCCESS;
  });
  benchmark::DoNotOptimize(sum);
}

// The first `copies` evaluations of the file, kept in memory, and their bytes.
struct Parsed {
  std::vector<core::Evaluation> evaluations;
  size_t rows = 0;
  size_t bytes = 0;
};

Parsed parse_prefix(const DataFile& file, size_t copies) {
  Parsed out;
  std::ifstream in(file.path, std::ios::binary);
  std::string text;
  std::string line;
  for (size_t n = 0; n < copies && std::getline(in, line); ++n) {
    text += line;
    text += '\n';
  }
  out.evaluations.reserve(copies);
  out.bytes = text.size();
  format::EvaluationReader reader;
  const Status s = reader.read_text(text, file.path, true, [&](core::Evaluation& e, size_t) {
    out.evaluations.push_back(e);
    out.rows += count_leaves(e);
    return Status();
  });
  if (!s.ok()) {
    std::fprintf(stderr, "%s\n", s.message().c_str());
    std::exit(2);
  }
  return out;
}

void score_only_case(benchmark::State& state, const Parsed& parsed) {
  const core::RuleSet& rules = default_rules();
  core::ScoreCard card;
  double checksum = 0;
  for (auto _ : state) {
    for (const core::Evaluation& e : parsed.evaluations) {
      core::score_into(e, rules, card);
      checksum += card.total;
    }
    benchmark::DoNotOptimize(checksum);
  }
  set_rates(state, static_cast<double>(parsed.rows), static_cast<double>(parsed.evaluations.size()),
            static_cast<double>(parsed.bytes));
}

// The least scoring can do over the same evaluations: for each leaf one
// ratio a/t×w (full marks at or above the target), one rounding, its score
// and weight stored, and the sum. No kinds, units, words, roll-up or checks:
// what the data layout and the arithmetic cost, for comparison with the
// engine's score alone.
void score_floor_case(benchmark::State& state, const Parsed& parsed) {
  std::vector<core::NodeResult> nodes;
  double checksum = 0;
  for (auto _ : state) {
    for (const core::Evaluation& e : parsed.evaluations) {
      const int n = static_cast<int>(e.indicators.size());
      nodes.assign(n, core::NodeResult{});
      double total = 0;
      for (int i = 0; i < n; ++i) {
        if (!e.is_leaf(i)) continue;
        const core::Indicator& leaf = e.indicators[i];
        const double t = leaf.target.number;
        const double a = leaf.actual.number;
        const double w = leaf.weight.value_or(0);
        nodes[i].weight = w;
        nodes[i].score = core::round_half_up(t > 0 && a < t ? a / t * w : w, 2);
        total += nodes[i].score;
      }
      checksum += total;
    }
    benchmark::DoNotOptimize(checksum);
  }
  set_rates(state, static_cast<double>(parsed.rows), static_cast<double>(parsed.evaluations.size()),
            static_cast<double>(parsed.bytes));
}

// Takes "--name=value" out of argv; true when found.
bool take_flag(int& argc, char** argv, std::string_view name, std::string* value) {
  const std::string prefix = "--" + std::string(name);
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const bool exact = arg == prefix;
    const bool with_value = arg.size() > prefix.size() && arg.substr(0, prefix.size()) == prefix &&
                            arg[prefix.size()] == '=';
    if (!exact && !with_value) continue;
    if (value != nullptr && with_value) *value = std::string(arg.substr(prefix.size() + 1));
    for (int k = i; k + 1 < argc; ++k) argv[k] = argv[k + 1];
    --argc;
    return true;
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  std::string value;
  size_t count = jixiao::bench::kDefaultEvaluations;
  uint64_t seed = jixiao::bench::kDefaultSeed;
  size_t copies = 10000;
  if (take_flag(argc, argv, "evaluations", &value)) count = std::stoull(value);
  if (take_flag(argc, argv, "seed", &value)) seed = std::stoull(value);
  if (take_flag(argc, argv, "score_copies", &value)) copies = std::stoull(value);
  std::string path = jixiao::bench::default_data_path(count, seed);
  if (take_flag(argc, argv, "data", &value)) path = value;
  const bool generate_only = take_flag(argc, argv, "generate_only", nullptr);

  DataFile file;
  try {
    file = jixiao::bench::ensure_data_file(path, count, seed);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "jixiao_bench: %s\n", e.what());
    return 2;
  }
  if (generate_only) {
    std::printf("%s %llu bytes, %llu evaluations, %llu rows (%s)\n", file.path.c_str(),
                static_cast<unsigned long long>(file.bytes),
                static_cast<unsigned long long>(file.evaluations),
                static_cast<unsigned long long>(file.rows), file.reused ? "reused" : "written");
    return 0;
  }

  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::AddCustomContext("data_file", file.path);
  benchmark::AddCustomContext("data_bytes", std::to_string(file.bytes));
  benchmark::AddCustomContext("data_rows", std::to_string(file.rows));
  // The on-demand parser indexes a document (stage 1) with the kernel chosen
  // at run time for this CPU, and walks it (stage 2, inlined into the reader)
  // with the kernel of the build's target (bench/README.md). That kernel is
  // this translation unit's SIMDJSON_BUILTIN_IMPLEMENTATION: the library's
  // builtin_implementation() names the one the shared library was built with,
  // which is not what a build with -march=… inlines.
  benchmark::AddCustomContext("simdjson_stage1_runtime_implementation",
                              simdjson::get_active_implementation()->name());
  benchmark::AddCustomContext("simdjson_ondemand_stage2_implementation",
                              SIMDJSON_STRINGIFY(SIMDJSON_BUILTIN_IMPLEMENTATION));

  const Parsed hot = parse_prefix(file, std::min<size_t>(copies, 100));
  const Parsed cold = parse_prefix(file, copies);
  benchmark::RegisterBenchmark("parse_and_score/file",
                               [&](benchmark::State& state) { read_file_case(state, file, true); })
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime();
  benchmark::RegisterBenchmark("parse_only/file",
                               [&](benchmark::State& state) { read_file_case(state, file, false); })
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime();
  benchmark::RegisterBenchmark("json_floor/file",
                               [&](benchmark::State& state) { json_floor_case(state, file); })
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime();
  benchmark::RegisterBenchmark("json_index/file",
                               [&](benchmark::State& state) { json_index_case(state, file); })
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime();
  benchmark::RegisterBenchmark("json_walk/file",
                               [&](benchmark::State& state) { json_walk_case(state, file); })
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime();
  benchmark::RegisterBenchmark("score_only/hot",
                               [&](benchmark::State& state) { score_only_case(state, hot); })
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime();
  benchmark::RegisterBenchmark("score_floor/hot",
                               [&](benchmark::State& state) { score_floor_case(state, hot); })
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime();
  benchmark::RegisterBenchmark("score_only/cold",
                               [&](benchmark::State& state) { score_only_case(state, cold); })
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime();

  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
