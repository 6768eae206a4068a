#include "report/narrative.h"

#include <nlohmann/json.hpp>

#include <filesystem>

#include "format/file_bytes.h"
#include "format/text_encoding.h"

namespace jixiao::report {

namespace {
constexpr size_t kMaxNarrativeBytes = size_t{4} << 20;
constexpr size_t kMaxField = 256 * 1024;
}  // namespace

Result<Narrative> parse_narrative(const std::string& json, const std::string& origin) {
  const std::string prefix = "文件 " + origin + "：";
  nlohmann::json doc = nlohmann::json::parse(json, nullptr, false);
  if (doc.is_discarded()) {
    // A .report.json written in Notepad on Chinese Windows is GBK: say so.
    const std::string_view problem = format::not_utf8_problem(core::text::guess_encoding(json));
    return Status::error(prefix + (problem.empty() ? "不是有效的 JSON" : std::string(problem)));
  }
  if (!doc.is_object()) return Status::error(prefix + "内容应为一个对象（以 { 开头）");
  Narrative n;
  std::pair<const char*, std::string*> fields[] = {
      {"background", &n.background},
      {"content", &n.content},
      {"funds", &n.funds},
      {"goals", &n.goals},
      {"purpose", &n.purpose},
      {"scope", &n.scope},
      {"principles", &n.principles},
      {"methods", &n.methods},
      {"standards", &n.standards},
      {"process", &n.process},
      {"conclusion", &n.conclusion},
      {"experience", &n.experience},
      {"problems", &n.problems},
      {"suggestions", &n.suggestions},
      {"other", &n.other},
      {"evaluator", &n.evaluator},
      {"date", &n.date},
      {"addressee", &n.addressee},
  };
  for (auto it = doc.begin(); it != doc.end(); ++it) {
    const std::string& key = it.key();
    if (key == "analysis") {
      if (!it->is_object())
        return Status::error(prefix + "字段 analysis 应为对象（一级指标名称 → 文字）");
      for (auto a = it->begin(); a != it->end(); ++a) {
        if (!a->is_string())
          return Status::error(prefix + "字段 analysis." + a.key() + " 应为文字");
        n.analysis[a.key()] = a->get<std::string>();
      }
      continue;
    }
    std::string* target = nullptr;
    for (auto& [name, out] : fields) {
      if (key == name) target = out;
    }
    if (target == nullptr) {
      return Status::error(prefix + "字段 " + key + " 是未知字段（字段名见 docs/office.md）");
    }
    if (it->is_array()) {
      // Paragraphs as an array of strings.
      for (const auto& p : *it) {
        if (!p.is_string()) return Status::error(prefix + "字段 " + key + " 应为文字或文字数组");
        if (!target->empty()) *target += '\n';
        *target += p.get<std::string>();
      }
    } else if (it->is_string()) {
      *target = it->get<std::string>();
    } else {
      return Status::error(prefix + "字段 " + key + " 应为文字或文字数组");
    }
    if (target->size() > kMaxField)
      return Status::error(prefix + "字段 " + key + " 过长（超过 256 KiB）");
  }
  return n;
}

Result<Narrative> read_narrative(const std::string& path) {
  Result<format::FileBytes> bytes = format::FileBytes::open(path, kMaxNarrativeBytes);
  if (!bytes.ok()) return bytes.status();
  return parse_narrative(std::string(bytes->text()), path);
}

std::string narrative_path_for(const std::string& evaluation_path) {
  std::filesystem::path p(evaluation_path);
  p.replace_extension(".report.json");
  return p.string();
}

}  // namespace jixiao::report
