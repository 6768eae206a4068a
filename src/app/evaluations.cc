#include "app/evaluations.h"

#include "app/record_json.h"
#include "app/rule_sets.h"
#include "app/scored_rows.h"
#include "core/engine.h"
#include "format/evaluation_writer.h"
#include "storage/evaluations.h"

namespace jixiao::app {
namespace {

Status missing(int64_t id) {
  return Status::error("评价 #" + std::to_string(id) + " 不存在");
}

}  // namespace

Result<std::vector<storage::EvaluationHeader>> list_evaluations(
    Context& ctx, const storage::EvaluationFilter& filter) {
  return in_read_transaction(ctx,
                             [&] { return storage::list_evaluations(ctx.connection, filter); });
}

Result<storage::StoredEvaluation> show_evaluation(Context& ctx, int64_t id) {
  return in_read_transaction(ctx, [&]() -> Result<storage::StoredEvaluation> {
    Result<std::optional<storage::StoredEvaluation>> found =
        storage::load_evaluation(ctx.connection, id);
    if (!found.ok()) return found.status();
    if (!*found) return missing(id);
    return std::move(**found);
  });
}

Status export_evaluations(Context& ctx, const std::vector<int64_t>& ids,
                          const std::function<Status(std::string_view line)>& line) {
  storage::Transaction tx(ctx.connection);
  Status s = tx.begin_read();
  if (!s.ok()) return s;
  std::vector<int64_t> wanted = ids;
  if (wanted.empty()) {
    auto all = storage::list_evaluations(ctx.connection, {});
    if (!all.ok()) return all.status();
    for (const auto& h : *all) wanted.push_back(h.id);
  }
  std::string text;
  for (int64_t id : wanted) {
    Result<std::optional<storage::StoredEvaluation>> found =
        storage::load_evaluation(ctx.connection, id);
    if (!found.ok()) return found.status();
    if (!*found) return missing(id);
    text.clear();
    format::write_evaluation_json(text, (*found)->evaluation);
    s = line(text);
    if (!s.ok()) return s;
  }
  return tx.commit();
}

Result<int64_t> save_evaluation(Context& ctx, int64_t id, int64_t expected_version,
                                core::Evaluation e, std::string_view source) {
  storage::Transaction tx(ctx.connection);
  Status s = tx.begin_write();
  if (!s.ok()) return s;
  Result<std::optional<storage::StoredEvaluation>> found =
      storage::load_evaluation(ctx.connection, id);
  if (!found.ok()) return found.status();
  if (!*found) return missing(id);
  const storage::StoredEvaluation& before = **found;
  if (e.year != before.evaluation.year) {
    return Status::error("评价 #" + std::to_string(id) + " 属于 " +
                         std::to_string(before.evaluation.year) + " 年度，保存的内容写的是 " +
                         std::to_string(e.year) + " 年度：年度不能通过保存修改");
  }
  const storage::EvaluationPlace place{before.header.year, before.header.unit_id,
                                       before.header.project_id};
  // A project holds one evaluation of each kind (as import keeps it): a save
  // may not turn this one into a kind the project has already.
  if (e.kind != before.evaluation.kind) {
    Result<std::optional<int64_t>> other =
        storage::find_evaluation_of(ctx.connection, place, core::evaluation_kind_code(e.kind));
    if (!other.ok()) return other.status();
    if (*other) {
      return Status::error("评价 #" + std::to_string(id) + " 所属项目已有" +
                           std::string(core::evaluation_kind_label(e.kind)) + "（评价 #" +
                           std::to_string(**other) + "）：评价类型不能改成它，本次保存未执行");
    }
  }
  RuleSets rule_sets(ctx.connection);
  Result<const core::RuleSet*> rules = rule_sets.get(e.year, e.rule_set, source);
  if (!rules.ok()) return rules.status().within("字段 rule_set：");
  const core::ScoreCard card = core::score(e, **rules);
  const storage::EvaluationResults results = scored_rows(e, card, **rules);
  const std::string now = ctx.clock.now();
  storage::EvaluationWriter writer(ctx.connection);
  Result<int64_t> version = writer.replace(id, expected_version, place, e, results, source, now);
  if (!version.ok()) return version.status();
  s = audit(ctx, "update", "evaluations", std::to_string(id),
            evaluation_summary_json(id, before.evaluation, before.results, before.header.source,
                                    before.header.version, true),
            evaluation_summary_json(id, e, results, source, *version, true));
  if (!s.ok()) return s;
  s = tx.commit();
  if (!s.ok()) return s;
  return *version;
}

}  // namespace jixiao::app
