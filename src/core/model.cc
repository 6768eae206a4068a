#include "core/model.h"

#include <algorithm>
#include <cassert>

#include "core/decimal.h"
#include "core/text.h"

namespace jixiao::core {

Status UnitTree::add(Unit unit) {
  if (unit.code.empty()) return Status::error("单位编码不能为空");
  if (find(unit.code) != nullptr) return Status::error("单位编码「" + unit.code + "」已存在");
  if (!unit.parent_code.empty()) {
    const Unit* parent = find(unit.parent_code);
    if (parent == nullptr) {
      return Status::error("上级单位「" + unit.parent_code + "」不存在");
    }
    if (parent->kind == UnitKind::budget_unit) {
      return Status::error("预算单位「" + parent->name + "」下不能再设下级单位");
    }
  }
  units_.push_back(std::move(unit));
  return Status();
}

const Unit* UnitTree::find(std::string_view code) const {
  for (const auto& u : units_) {
    if (u.code == code) return &u;
  }
  return nullptr;
}

std::vector<const Unit*> UnitTree::children(std::string_view code) const {
  std::vector<const Unit*> out;
  for (const auto& u : units_) {
    if (u.parent_code == code) out.push_back(&u);
  }
  return out;
}

bool UnitTree::is_within(std::string_view code, std::string_view ancestor) const {
  // Parents always exist before children (add() checks), so this terminates.
  for (const Unit* u = find(code); u != nullptr; u = find(u->parent_code)) {
    if (u->code == ancestor) return true;
    if (u->parent_code.empty()) break;
  }
  return false;
}

namespace {
struct KindName {
  ScoringKind kind;
  std::string_view code;
  std::string_view label;
};
constexpr KindName kKinds[] = {
    {ScoringKind::automatic, "automatic", "自动"},
    {ScoringKind::higher_is_better, "higher_is_better", "正向指标"},
    {ScoringKind::lower_is_better, "lower_is_better", "反向指标"},
    {ScoringKind::equal, "equal", "等于目标"},
    {ScoringKind::qualitative_tiers, "qualitative_tiers", "定性（三档）"},
    {ScoringKind::qualitative_grades, "qualitative_grades", "定性（五级）"},
    {ScoringKind::yes_no, "yes_no", "是否"},
    {ScoringKind::deadline, "deadline", "时限"},
    {ScoringKind::proportional_capped, "proportional_capped", "比例计分"},
    {ScoringKind::linear_deduction, "linear_deduction", "超限扣分"},
    {ScoringKind::manual, "manual", "评价人打分"},
    {ScoringKind::expert_panel, "expert_panel", "专家评分"},
    {ScoringKind::stated, "stated", "采用所列得分"},
    {ScoringKind::none, "none", "不计分"},
};
}  // namespace

std::string_view scoring_kind_code(ScoringKind kind) {
  for (const auto& k : kKinds) {
    if (k.kind == kind) return k.code;
  }
  return "automatic";
}

std::string_view scoring_kind_label(ScoringKind kind) {
  for (const auto& k : kKinds) {
    if (k.kind == kind) return k.label;
  }
  return "";
}

std::optional<ScoringKind> scoring_kind_from_code(std::string_view code) {
  for (const auto& k : kKinds) {
    if (k.code == code || k.label == code) return k.kind;
  }
  return std::nullopt;
}

const std::vector<ScoringKind>& settable_scoring_kinds() {
  static const std::vector<ScoringKind> kinds = [] {
    std::vector<ScoringKind> out;
    for (const auto& k : kKinds) {
      if (k.kind != ScoringKind::expert_panel && k.kind != ScoringKind::stated &&
          k.kind != ScoringKind::none) {
        out.push_back(k.kind);
      }
    }
    return out;
  }();
  return kinds;
}

bool settable_scoring_kind(ScoringKind kind) {
  const auto& kinds = settable_scoring_kinds();
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

std::string settable_scoring_kinds_text() {
  std::string out;
  for (ScoringKind k : settable_scoring_kinds()) {
    if (!out.empty()) out += "、";
    out.append(scoring_kind_code(k)).append("（").append(scoring_kind_label(k)).append("）");
  }
  return out;
}

std::string_view evaluation_kind_code(EvaluationKind kind) {
  switch (kind) {
    case EvaluationKind::self:
      return "self";
    case EvaluationKind::department:
      return "department";
    case EvaluationKind::finance:
      return "finance";
    case EvaluationKind::third_party:
      return "third_party";
  }
  return "self";
}

std::string_view evaluation_kind_label(EvaluationKind kind) {
  switch (kind) {
    case EvaluationKind::self:
      return "单位自评";
    case EvaluationKind::department:
      return "部门评价";
    case EvaluationKind::finance:
      return "财政评价";
    case EvaluationKind::third_party:
      return "第三方评价";
  }
  return "";
}

std::optional<EvaluationKind> evaluation_kind_from_text(std::string_view text) {
  for (auto kind : {EvaluationKind::self, EvaluationKind::department, EvaluationKind::finance,
                    EvaluationKind::third_party}) {
    if (text == evaluation_kind_code(kind) || text == evaluation_kind_label(kind)) return kind;
  }
  if (text == "自评") return EvaluationKind::self;
  return std::nullopt;
}

std::string_view scope_code(Scope scope) {
  return scope == Scope::project ? "project" : "department_overall";
}

std::string_view scope_label(Scope scope) {
  return scope == Scope::project ? "项目支出" : "部门整体支出";
}

std::optional<Scope> scope_from_text(std::string_view text) {
  for (auto scope : {Scope::project, Scope::department_overall}) {
    if (text == scope_code(scope) || text == scope_label(scope)) return scope;
  }
  if (text == "部门整体") return Scope::department_overall;
  if (text == "项目") return Scope::project;
  return std::nullopt;
}

int Evaluation::add_indicator(Indicator node, int parent) {
  // Pre-order: a child may only be added under a node on the path to the last one.
  assert(parent == -1 || (parent >= 0 && parent < static_cast<int>(indicators.size())));
#ifndef NDEBUG
  if (parent != -1) {
    int p = static_cast<int>(indicators.size()) - 1;
    while (p != -1 && p != parent) p = indicators[p].parent;
    assert(p == parent && "indicators must be added in pre-order");
  }
#endif
  node.parent = parent;
  node.level = parent == -1 ? 1 : indicators[parent].level + 1;
  indicators.push_back(std::move(node));
  return static_cast<int>(indicators.size()) - 1;
}

std::vector<std::string> Evaluation::path(int index) const {
  std::vector<std::string> out;
  for (int i = index; i != -1; i = indicators[i].parent) out.push_back(indicators[i].name);
  return {out.rbegin(), out.rend()};
}

void Evaluation::append_path_text(int index, std::string& out) const {
  // The nodes from `index` up; reused, since tables print a path per finding.
  thread_local std::vector<int> chain;
  chain.clear();
  for (int i = index; i != -1; i = indicators[i].parent) chain.push_back(i);
  // path_text puts a "/" before a name only once something has been written.
  const size_t start = out.size();
  for (auto i = chain.rbegin(); i != chain.rend(); ++i) {
    if (out.size() > start) out += '/';
    out += indicators[*i].name;
  }
}

std::string_view funding_source_code(FundingSource source) {
  switch (source) {
    case FundingSource::fiscal:
      return "fiscal";
    case FundingSource::carried_over:
      return "carried_over";
    case FundingSource::other:
      return "other";
  }
  return "fiscal";
}

std::optional<FundingSource> funding_source_from_code(std::string_view code) {
  for (auto s : {FundingSource::fiscal, FundingSource::carried_over, FundingSource::other}) {
    if (funding_source_code(s) == code) return s;
  }
  return std::nullopt;
}

bool says_full_marks(std::string_view written) {
  return text::trim(written) == "满分";
}

std::optional<Figure> full_marks(std::optional<double> weight) {
  if (!weight) return std::nullopt;
  return Figure{*weight, decimals_of(format_number(*weight, 4))};
}

std::span<const DepartmentField> department_fields() {
  using D = DepartmentData;
  static constexpr DepartmentField kFields[] = {
      {"initial_budget", &D::initial_budget},
      {"adjusted_budget", &D::adjusted_budget},
      {"final_expenditure", &D::final_expenditure},
      {"budget_adjustment", &D::budget_adjustment},
      {"carryover", &D::carryover},
      {"carryover_previous", &D::carryover_previous},
      {"staff_actual", &D::staff_actual},
      {"staff_quota", &D::staff_quota},
      {"three_public", &D::three_public},
      {"three_public_previous", &D::three_public_previous},
      {"three_public_budget", &D::three_public_budget},
      {"operating_budget", &D::operating_budget},
      {"operating_actual", &D::operating_actual},
      {"procurement_budget", &D::procurement_budget},
      {"procurement_actual", &D::procurement_actual},
      {"personnel", &D::personnel},
      {"operating", &D::operating},
      {"basic", &D::basic},
  };
  return kFields;
}

}  // namespace jixiao::core
