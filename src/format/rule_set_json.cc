#include "format/rule_set_json.h"

#include <cmath>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "core/decimal.h"
#include "core/text.h"
#include "core/words.h"
#include "format/embedded_rule_sets.h"
#include "format/file_bytes.h"

namespace jixiao::format {
namespace {

using core::RuleSet;
using nlohmann::json;

constexpr int kMaxExtends = 8;
constexpr size_t kMaxRuleSetBytes = 1 << 20;

// Reads typed fields, remembering the first problem with the field's name.
class Reader {
 public:
  explicit Reader(std::string origin) : origin_(std::move(origin)) {}

  const Status& status() const { return status_; }

  const json* field(const json& obj, const char* key, const std::string& where) {
    if (!status_.ok()) return nullptr;
    auto it = obj.find(key);
    if (it == obj.end()) {
      if (status_.ok()) status_ = Status::error("规则集 " + origin_ + "：缺少字段 " + where + key);
      return nullptr;
    }
    return &*it;
  }

  double number(const json& obj, const char* key, const std::string& where = "") {
    const json* v = field(obj, key, where);
    if (v == nullptr) return 0;
    if (!v->is_number()) fail(where + key, "应为数字");
    return v->is_number() ? v->get<double>() : 0;
  }

  std::optional<double> optional_number(const json& obj, const char* key,
                                        const std::string& where = "") {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return std::nullopt;
    if (!it->is_number()) {
      fail(where + key, "应为数字或 null");
      return std::nullopt;
    }
    return it->get<double>();
  }

  std::string string(const json& obj, const char* key, const std::string& where = "") {
    const json* v = field(obj, key, where);
    if (v == nullptr) return "";
    if (!v->is_string()) fail(where + key, "应为字符串");
    return v->is_string() ? v->get<std::string>() : "";
  }

  std::vector<std::string> strings(const json& obj, const char* key,
                                   const std::string& where = "") {
    std::vector<std::string> out;
    const json* v = field(obj, key, where);
    if (v == nullptr) return out;
    if (!v->is_array()) {
      fail(where + key, "应为字符串数组");
      return out;
    }
    for (const auto& item : *v) {
      if (!item.is_string()) {
        fail(where + key, "应为字符串数组");
        return out;
      }
      out.push_back(item.get<std::string>());
    }
    return out;
  }

  const json& array(const json& obj, const char* key, const std::string& where = "") {
    static const json kEmpty = json::array();
    const json* v = field(obj, key, where);
    if (v == nullptr) return kEmpty;
    if (!v->is_array()) {
      fail(where + key, "应为数组");
      return kEmpty;
    }
    return *v;
  }

  const json& object(const json& obj, const char* key, const std::string& where = "") {
    static const json kEmpty = json::object();
    const json* v = field(obj, key, where);
    if (v == nullptr) return kEmpty;
    if (!v->is_object()) {
      fail(where + key, "应为对象");
      return kEmpty;
    }
    return *v;
  }

  // `value` of `field` must lie in [lo, hi]: a rule set with a grade band
  // above the total, or a share above 1, would score without a word of error.
  void within(double value, double lo, double hi, const std::string& field) {
    if (status_.ok() && !(value >= lo && value <= hi)) {
      fail(field, "应在" + core::format_number(lo) + "至" + core::format_number(hi) + "之间");
    }
  }

  // A whole number in [lo, hi], checked before it is converted (a double
  // beyond int's range has no int).
  int whole(double value, int lo, int hi, const std::string& field) {
    within(value, lo, hi, field);
    if (status_.ok() && value != std::floor(value)) fail(field, "应为整数");
    return status_.ok() ? static_cast<int>(value) : lo;
  }

  void fail(const std::string& field, const std::string& problem) {
    if (status_.ok())
      status_ = Status::error("规则集 " + origin_ + "：字段 " + field + " " + problem);
  }

 private:
  std::string origin_;
  Status status_;
};

Result<json> parse_json(std::string_view text, std::string_view origin) {
  if (text.size() > kMaxRuleSetBytes) {
    return Status::error("规则集 " + std::string(origin) + " 超过 1 MiB，拒绝读取");
  }
  try {
    json j = json::parse(text);
    if (!j.is_object()) return Status::error("规则集 " + std::string(origin) + " 应为 JSON 对象");
    return j;
  } catch (const json::parse_error& e) {
    return Status::error("规则集 " + std::string(origin) + " 不是有效的 JSON（第 " +
                         std::to_string(e.byte) + " 字节附近）");
  } catch (const json::exception&) {  // a number too large for a double (1e999), and the like
    return Status::error("规则集 " + std::string(origin) + " 不是有效的 JSON（数值超出范围）");
  }
}

// Resolves "extends" chains into one complete document.
Result<json> resolve(json doc, std::string_view origin, int depth) {
  auto it = doc.find("extends");
  if (it == doc.end()) return doc;
  if (!it->is_string())
    return Status::error("规则集 " + std::string(origin) + "：字段 extends 应为规则集名称");
  if (depth >= kMaxExtends)
    return Status::error("规则集 " + std::string(origin) + "：extends 层级过深");
  const std::string base_name = it->get<std::string>();
  const std::string_view base_text = builtin_rule_set_json(base_name);
  if (base_text.empty()) {
    return Status::error("规则集 " + std::string(origin) + "：extends 指向的规则集「" + base_name +
                         "」不存在");
  }
  Result<json> base = parse_json(base_text, base_name);
  if (!base.ok()) return base.status();
  Result<json> resolved = resolve(std::move(*base), base_name, depth + 1);
  if (!resolved.ok()) return resolved.status();
  doc.erase("extends");
  json merged = std::move(*resolved);
  merged.merge_patch(doc);
  return merged;
}

core::RuleSet from_document(const json& j, Reader& in) {
  RuleSet r;
  r.name = in.string(j, "name");
  r.title = in.string(j, "title");
  r.total = in.number(j, "total");
  r.decimals = in.whole(in.number(j, "decimals"), 0, 6, "decimals");
  // Full marks: 100 in every framework; a bureau's own stays a score, not an amount.
  in.within(r.total, 1, 10000, "total");

  const json& grades = in.array(j, "grades");
  for (size_t i = 0; i < grades.size(); ++i) {
    const std::string where = "grades[" + std::to_string(i) + "].";
    if (!grades[i].is_object()) {
      in.fail("grades[" + std::to_string(i) + "]", "应为对象");
      break;
    }
    r.grades.push_back({in.string(grades[i], "label", where),
                        in.string(grades[i], "code", where),
                        in.number(grades[i], "min", where),
                        {}});
    // Optional: rule sets written before it was added have none.
    if (grades[i].contains("words")) r.grades[i].words = in.strings(grades[i], "words", where);
    // Not bounded by `total`: bands are points of the 100-point 综合得分,
    // also where a rule set's `total` is set otherwise (the golden cases
    // give small trees their own full marks and still grade projects on 100).
    in.within(r.grades[i].min, 0, 10000, where + "min");
    if (i > 0 && in.status().ok() && r.grades[i].min >= r.grades[i - 1].min) {
      in.fail(where + "min", "应按从高到低排列");
    }
  }
  if (in.status().ok() && r.grades.empty()) in.fail("grades", "至少需要一个等级");

  const json& ex = in.object(j, "execution");
  const std::string formula = in.string(ex, "formula", "execution.");
  if (formula == "executed_over_adjusted") {
    r.execution_formula = core::ExecutionFormula::executed_over_adjusted;
  } else if (formula == "executed_over_received") {
    r.execution_formula = core::ExecutionFormula::executed_over_received;
  } else if (in.status().ok()) {
    in.fail("execution.formula", "应为 executed_over_adjusted 或 executed_over_received");
  }
  r.self_execution_weight = in.number(ex, "self_weight", "execution.");
  in.within(r.self_execution_weight, 0, r.total, "execution.self_weight");
  const json& caps = in.array(ex, "total_caps", "execution.");
  for (size_t i = 0; i < caps.size(); ++i) {
    const std::string where = "execution.total_caps[" + std::to_string(i) + "].";
    if (!caps[i].is_object()) {
      in.fail(where, "应为对象");
      break;
    }
    r.total_caps.push_back(
        {in.number(caps[i], "rate_below", where), in.number(caps[i], "cap", where)});
    in.within(r.total_caps.back().rate_below, 0, 1, where + "rate_below");
    in.within(r.total_caps.back().cap, 0, 10000, where + "cap");  // points, as grade bands
  }
  std::sort(r.total_caps.begin(), r.total_caps.end(),
            [](const auto& a, const auto& b) { return a.rate_below < b.rate_below; });

  const json& over = in.object(j, "over_achievement");
  r.over_flag_at = in.number(over, "flag_at", "over_achievement.");
  r.over_deduct_at = in.optional_number(over, "deduct_at", "over_achievement.");
  r.over_deduction = in.number(over, "deduction", "over_achievement.");
  r.over_note_required_at = in.optional_number(over, "note_required_at", "over_achievement.");
  // Thresholds are achievement ratios (1.2 = 120 %); 100 means 10,000 %.
  in.within(r.over_flag_at, 1, 100, "over_achievement.flag_at");
  if (r.over_deduct_at) in.within(*r.over_deduct_at, 1, 100, "over_achievement.deduct_at");
  if (r.over_note_required_at) {
    in.within(*r.over_note_required_at, 1, 100, "over_achievement.note_required_at");
  }
  in.within(r.over_deduction, 0, r.total, "over_achievement.deduction");

  const std::string na = in.string(j, "not_applicable");
  if (na == "rescale") {
    r.rescale_not_applicable = true;
  } else if (na == "exclude") {
    r.rescale_not_applicable = false;
  } else if (in.status().ok()) {
    in.fail("not_applicable", "应为 rescale 或 exclude");
  }

  const json& tiers = in.array(j, "qualitative_tiers");
  for (size_t i = 0; i < tiers.size(); ++i) {
    const std::string where = "qualitative_tiers[" + std::to_string(i) + "].";
    if (!tiers[i].is_object()) {
      in.fail(where, "应为对象");
      break;
    }
    core::QualitativeTier t{in.string(tiers[i], "label", where), in.number(tiers[i], "min", where),
                            in.number(tiers[i], "max", where),
                            in.strings(tiers[i], "words", where)};
    if (in.status().ok() && !(t.min_share >= 0 && t.min_share <= t.max_share && t.max_share <= 1)) {
      in.fail(where + "min", "应满足 0 ≤ min ≤ max ≤ 1");
    }
    r.tiers.push_back(std::move(t));
  }
  if (in.status().ok() && r.tiers.empty()) in.fail("qualitative_tiers", "至少需要一档");

  const json& levels = in.array(j, "qualitative_grades");
  for (size_t i = 0; i < levels.size(); ++i) {
    const std::string where = "qualitative_grades[" + std::to_string(i) + "].";
    if (!levels[i].is_object()) {
      in.fail(where, "应为对象");
      break;
    }
    r.grade_levels.push_back({in.string(levels[i], "label", where),
                              in.number(levels[i], "share", where),
                              in.strings(levels[i], "words", where)});
    in.within(r.grade_levels.back().share, 0, 1, where + "share");
  }
  r.yes_words = in.strings(j, "yes_words");
  r.no_words = in.strings(j, "no_words");
  r.lower_is_better_names = in.strings(j, "lower_is_better_names");
  // Optional: rule sets written before it was added have none.
  if (j.contains("lower_is_better_categories")) {
    r.lower_is_better_categories = in.strings(j, "lower_is_better_categories");
  }
  r.linear_deduction_per_point =
      in.number(in.object(j, "linear_deduction"), "per_point", "linear_deduction.");
  const json& checks = in.object(j, "checks");
  r.tolerance = in.number(checks, "tolerance", "checks.");
  r.spending_gap = in.number(checks, "spending_gap", "checks.");
  r.expert_range_share = in.number(checks, "expert_range_share", "checks.");
  in.within(r.linear_deduction_per_point, 0, r.total, "linear_deduction.per_point");
  in.within(r.tolerance, 0, 1, "checks.tolerance");
  in.within(r.spending_gap, 0, 1, "checks.spending_gap");
  in.within(r.expert_range_share, 0, 1, "checks.expert_range_share");
  r.panel_min_size =
      in.whole(in.number(checks, "panel_min_size", "checks."), 1, 1000, "checks.panel_min_size");
  const std::string method = in.string(in.object(j, "panel"), "method", "panel.");
  if (method == "mean") {
    r.panel_method = core::PanelMethod::mean;
  } else if (method == "trimmed_mean") {
    r.panel_method = core::PanelMethod::trimmed_mean;
  } else if (in.status().ok()) {
    in.fail("panel.method", "应为 mean 或 trimmed_mean");
  }
  return r;
}

}  // namespace

std::vector<std::string> builtin_rule_set_names() {
  std::vector<std::string> names;
  for (const auto& set : kEmbeddedRuleSets) names.emplace_back(set.name);
  return names;
}

std::string_view builtin_rule_set_json(std::string_view name) {
  for (const auto& set : kEmbeddedRuleSets) {
    if (set.name == name) return set.json;
  }
  return {};
}

Result<RuleSet> rule_set_from_json(std::string_view text, std::string_view origin) {
  Result<json> doc = parse_json(text, origin);
  if (!doc.ok()) return doc.status();
  Result<json> resolved = resolve(std::move(*doc), origin, 0);
  if (!resolved.ok()) return resolved.status();
  Reader in{std::string(origin)};
  RuleSet r = from_document(*resolved, in);
  if (!in.status().ok()) return in.status();
  core::index_words(r);
  return r;
}

Result<RuleSet> load_rule_set(std::string_view name_or_path) {
  const std::string_view builtin = builtin_rule_set_json(name_or_path);
  if (!builtin.empty()) return rule_set_from_json(builtin, name_or_path);
  const std::string path(name_or_path);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    std::string names;
    const std::vector<std::string> builtin_names = builtin_rule_set_names();
    for (const auto& n : builtin_names) names += (names.empty() ? "" : "、") + n;
    const std::string near = core::text::closest_word(path, builtin_names);
    return Status::error("找不到规则集「" + path + "」：既不是内置规则集（" + names +
                         "），也不是存在的文件" + (near.empty() ? "" : "。是不是 " + near + "？"));
  }
  Result<FileBytes> bytes = FileBytes::open(path, kMaxRuleSetBytes);
  if (!bytes.ok()) return bytes.status();
  return rule_set_from_json(bytes->text(), path);
}

std::string rule_set_to_json(const RuleSet& r) {
  json j;
  j["name"] = r.name;
  j["title"] = r.title;
  j["total"] = r.total;
  j["decimals"] = r.decimals;
  j["grades"] = json::array();
  for (const auto& g : r.grades) {
    json band = {{"label", g.label}, {"code", g.code}, {"min", g.min}};
    if (!g.words.empty()) band["words"] = g.words;
    j["grades"].push_back(std::move(band));
  }
  json caps = json::array();
  for (const auto& c : r.total_caps) caps.push_back({{"rate_below", c.rate_below}, {"cap", c.cap}});
  j["execution"] = {
      {"formula", r.execution_formula == core::ExecutionFormula::executed_over_adjusted
                      ? "executed_over_adjusted"
                      : "executed_over_received"},
      {"self_weight", r.self_execution_weight},
      {"total_caps", caps}};
  auto opt = [](const std::optional<double>& v) { return v ? json(*v) : json(nullptr); };
  j["over_achievement"] = {{"flag_at", r.over_flag_at},
                           {"deduct_at", opt(r.over_deduct_at)},
                           {"deduction", r.over_deduction},
                           {"note_required_at", opt(r.over_note_required_at)}};
  j["not_applicable"] = r.rescale_not_applicable ? "rescale" : "exclude";
  j["qualitative_tiers"] = json::array();
  for (const auto& t : r.tiers) {
    j["qualitative_tiers"].push_back(
        {{"label", t.label}, {"min", t.min_share}, {"max", t.max_share}, {"words", t.words}});
  }
  j["qualitative_grades"] = json::array();
  for (const auto& g : r.grade_levels) {
    j["qualitative_grades"].push_back({{"label", g.label}, {"share", g.share}, {"words", g.words}});
  }
  j["yes_words"] = r.yes_words;
  j["no_words"] = r.no_words;
  j["lower_is_better_names"] = r.lower_is_better_names;
  if (!r.lower_is_better_categories.empty()) {
    j["lower_is_better_categories"] = r.lower_is_better_categories;
  }
  j["linear_deduction"] = {{"per_point", r.linear_deduction_per_point}};
  j["checks"] = {{"tolerance", r.tolerance},
                 {"spending_gap", r.spending_gap},
                 {"expert_range_share", r.expert_range_share},
                 {"panel_min_size", r.panel_min_size}};
  j["panel"] = {{"method", r.panel_method == core::PanelMethod::mean ? "mean" : "trimmed_mean"}};
  return j.dump(2);
}

}  // namespace jixiao::format
