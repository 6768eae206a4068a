#include "fuzz/fuzz_targets.h"

#include <string>
#include <string_view>

#include "core/engine.h"
#include "core/words.h"
#include "format/evaluation_reader.h"
#include "format/json_writer.h"
#include "format/rule_set_json.h"
#include "format/scorecard_json.h"
#include "format/scorecard_text.h"

namespace jixiao::fuzz {
namespace {

const core::RuleSet& rules() {
  static const core::RuleSet r = *format::load_rule_set("national-2020");
  return r;
}

void score_and_write(const core::Evaluation& e) {
  const core::ScoreCard card = core::score(e, rules());
  std::string out;
  format::JsonWriter w(out);
  format::write_scorecard_json(w, e, card, rules(), "fuzz");
  format::write_scorecard_text(out, e, card, rules(), "fuzz");
}

}  // namespace

void value(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // Split the input into a target and an actual at the first newline.
  const size_t nl = text.find('\n');
  const std::string_view target = text.substr(0, nl);
  const std::string_view actual = nl == std::string_view::npos ? "" : text.substr(nl + 1);
  core::Value v = core::parse_value(target);
  core::classify_words(v.text, rules());
  core::Evaluation e;
  e.title = "fuzz";
  core::Indicator leaf;
  leaf.name = "指标";
  leaf.weight = 10;
  leaf.target_text = std::string(target);
  leaf.actual_text = std::string(actual);
  leaf.target = v;
  leaf.actual = core::parse_value(actual);
  e.add_indicator(std::move(leaf));
  score_and_write(e);
}

void evaluation(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  format::EvaluationReader reader;
  const bool json_lines = size > 0 && (data[0] & 1) != 0 && data[0] != '{';
  (void)reader.read_text(text, "fuzz", json_lines, [](core::Evaluation& e, size_t) {
    score_and_write(e);
    return Status();
  });
}

}  // namespace jixiao::fuzz
