// Findings: what a check found wrong or worth a look. Every check in the core
// reports through this one type, so that the CLI, the storage and the report
// show them alike.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace jixiao::core {

enum class Severity { error, warning };

inline std::string_view severity_code(Severity s) {
  return s == Severity::error ? "error" : "warning";
}
inline std::string_view severity_label(Severity s) {
  return s == Severity::error ? "错误" : "提示";
}

struct Finding {
  std::string code;  // stable, documented in docs/rules.md ("weight_sum_mismatch")
  Severity severity = Severity::error;
  std::vector<std::string> path;  // names from level 1 down; empty for the whole evaluation
  std::string message;            // Chinese, quoting the numbers
};

// "产出指标/数量指标/企业数": a path as messages and tables show it.
inline std::string path_text(const std::vector<std::string>& path) {
  std::string s;
  for (const auto& p : path) s += (s.empty() ? "" : "/") + p;
  return s;
}

}  // namespace jixiao::core
