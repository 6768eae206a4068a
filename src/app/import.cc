#include "app/import.h"

#include <chrono>
#include <map>
#include <set>
#include <thread>

#include "app/record_json.h"
#include "app/rule_sets.h"
#include "app/scored_rows.h"
#include "core/engine.h"
#include "office/workbook_import.h"
#include "storage/evaluations.h"
#include "storage/projects.h"
#include "storage/units.h"
#include "storage/years.h"

namespace jixiao::app {
namespace {

class FileSource final : public EvaluationSource {
 public:
  explicit FileSource(std::string path) : path_(std::move(path)) {}
  const std::string& name() const override { return path_; }
  Status read(const Sink& sink) override { return files_.read(path_, sink); }

 private:
  std::string path_;
  EvaluationFiles files_;
};

// One file's import, inside its transaction.
class FileImport {
 public:
  FileImport(Context& ctx, const ImportOptions& options, RuleSets& rule_sets,
             const std::string& file)
      : ctx_(ctx),
        options_(options),
        rule_sets_(rule_sets),
        file_(file),
        writer_(ctx.connection),
        audit_(ctx.connection),
        now_(ctx.clock.now()) {}

  Status add(SourcedEvaluation& sourced) {
    core::Evaluation& e = sourced.evaluation;
    const std::string& origin = sourced.origin;
    const std::string where = "文件 " + origin + "：";
    if (e.year == 0) {
      return Status::error(where + "缺少字段 year（预算年度）：入库的评价必须写明年度");
    }
    Status s;
    if (years_.insert(e.year).second) {
      s = storage::ensure_year(ctx_.connection, e.year, now_);
      if (!s.ok()) return s;
    }
    Result<int64_t> unit = unit_for(e, where);
    if (!unit.ok()) return unit.status();
    Result<int64_t> project = project_for(e, *unit);
    if (!project.ok()) return project.status();
    s = refuse_twice(e, {e.year, *unit, *project}, where);
    if (!s.ok()) return s;
    Result<const core::RuleSet*> rules = rule_sets_.get(e.year, e.rule_set, file_);
    if (!rules.ok()) return rules.status().within(where + "字段 rule_set：");
    core::score_into(e, **rules, card_);
    std::vector<core::Finding> findings = core::findings(e, card_, **rules);
    const storage::EvaluationResults results = scored_rows(e, card_, **rules, findings);
    const storage::EvaluationPlace place{e.year, *unit, *project};
    imported_.insert({*project, e.kind});
    Result<int64_t> id = writer_.insert(place, e, results, origin, now_);
    if (!id.ok()) return id.status().within(where);
    s = audit(ctx_, "create", "evaluations", std::to_string(*id), "",
              evaluation_summary_json(*id, e, results, origin, 1), &audit_);
    if (!s.ok()) return s;
    ids.push_back(*id);
    indicator_rows += e.indicators.size();
    EvaluationOutcome& outcome = outcomes.emplace_back();
    outcome.origin = origin;
    outcome.title = e.title;
    outcome.grade = card_.grade;
    outcome.total = card_.total;
    outcome.id = *id;
    outcome.finding_count = findings.size();
    if (options_.keep_findings) {
      for (const core::Finding& f : findings) {
        outcome.cells.push_back(office::finding_cell(sourced.source, e, f));
      }
      outcome.findings = std::move(findings);
    }
    return Status();
  }

  Status finish() {
    Status s = writer_.flush();
    return s.ok() ? audit_.flush() : s;
  }

  std::vector<int64_t> ids;
  std::vector<EvaluationOutcome> outcomes;
  size_t indicator_rows = 0;
  size_t units_created = 0;
  size_t projects_created = 0;

 private:
  // One project has one evaluation of each kind: a file imported twice, or
  // an evaluation repeated in a file, is refused rather than stored again
  // (totals and grade counts would count it twice). Replacing one is `save`.
  Status refuse_twice(const core::Evaluation& e, const storage::EvaluationPlace& place,
                      const std::string& where) {
    const std::string what = "「" + e.title + "」（" + e.unit + "，" + std::to_string(e.year) +
                             "年度，" + std::string(core::evaluation_kind_label(e.kind)) + "）";
    if (imported_.contains({place.project_id, e.kind})) {
      return Status::error(where + "评价" + what +
                           "在本文件中出现了两次；同一项目每类评价只能导入一次");
    }
    if (new_projects_.contains(place.project_id)) return Status();
    Result<std::optional<int64_t>> existing =
        storage::find_evaluation_of(ctx_.connection, place, core::evaluation_kind_code(e.kind));
    if (!existing.ok()) return existing.status();
    if (!*existing) return Status();
    const std::string id = std::to_string(**existing);
    return Status::error(where + "评价" + what + "已导入，编号 " + id +
                         "；本文件未导入。如需用本文件替换它，请用 jixiao save " + id +
                         " 文件 --version 版本（jixiao show " + id + " 显示版本）");
  }

  Result<int64_t> unit_for(const core::Evaluation& e, const std::string& where) {
    const std::string& text = options_.unit_code.empty() ? e.unit : options_.unit_code;
    auto cached = units_.find(text);
    if (cached != units_.end()) return cached->second;
    if (!options_.unit_code.empty()) {
      Result<std::optional<storage::UnitRecord>> u = storage::find_unit(ctx_.connection, text);
      if (!u.ok()) return u.status();
      if (!*u) {
        return Status::error("单位编码「" + text + "」不存在（请先用 jixiao unit add 登记）");
      }
      return units_[text] = (*u)->id;
    }
    if (text.empty()) {
      return Status::error(where + "缺少字段 unit（单位）：请写明单位，或用 --unit 指定");
    }
    Result<std::optional<storage::UnitRecord>> u =
        storage::find_unit_by_code_or_name(ctx_.connection, text);
    if (!u.ok()) return u.status();
    if (*u) return units_[text] = (*u)->id;
    // Not registered: register it as a budget unit named as written.
    storage::UnitRecord record;
    record.code = text;
    record.name = text;
    record.kind = core::UnitKind::budget_unit;
    record.created_at = now_;
    Result<std::pair<int64_t, bool>> created =
        storage::insert_unit_if_absent(ctx_.connection, record);
    if (!created.ok()) return created.status();
    if (created->second) {
      record.id = created->first;
      Status s = audit(ctx_, "create", "units", std::to_string(record.id), "", unit_json(record));
      if (!s.ok()) return s;
      ++units_created;
    }
    return units_[text] = created->first;
  }

  Result<int64_t> project_for(const core::Evaluation& e, int64_t unit) {
    const std::string key = std::to_string(e.year) + "/" + std::to_string(unit) + "/" + e.title;
    auto cached = projects_.find(key);
    if (cached != projects_.end()) return cached->second;
    Result<std::pair<int64_t, bool>> p = storage::ensure_project(
        ctx_.connection, e.year, unit, e.title, core::scope_code(e.scope), now_);
    if (!p.ok()) return p.status();
    if (p->second) {
      new_projects_.insert(p->first);
      Status s =
          audit(ctx_, "create", "projects", std::to_string(p->first), "",
                project_json(p->first, e.year, unit, e.title, core::scope_code(e.scope)), &audit_);
      if (!s.ok()) return s;
      ++projects_created;
    }
    return projects_[key] = p->first;
  }

  Context& ctx_;
  const ImportOptions& options_;
  RuleSets& rule_sets_;
  const std::string& file_;
  storage::EvaluationWriter writer_;
  storage::AuditBatch audit_;
  std::string now_;
  core::ScoreCard card_;
  std::map<std::string, int64_t> units_;
  std::map<std::string, int64_t> projects_;
  std::set<int> years_;
  std::set<int64_t> new_projects_;  // created by this file: no evaluation of theirs is stored yet
  std::set<std::pair<int64_t, core::EvaluationKind>> imported_;  // (project, kind) of this file
};

}  // namespace

std::unique_ptr<EvaluationSource> open_evaluation_source(const std::string& path) {
  return std::make_unique<FileSource>(path);
}

ImportSummary import_evaluations(Context& ctx,
                                 const std::vector<std::unique_ptr<EvaluationSource>>& sources,
                                 const ImportOptions& options, ImportObserver* observer) {
  // A file whose transaction the database gave up (PostgreSQL's deadlock and
  // serialization errors: two imports registering the same new units in
  // different orders) is imported again from the start, after a pause that
  // grows; other errors are final.
  constexpr int kAttempts = 5;
  ImportSummary summary;
  RuleSets rule_sets(ctx.connection);
  for (const auto& source : sources) {
    FileOutcome outcome;
    outcome.path = source->name();
    for (int attempt = 1;; ++attempt) {
      storage::Transaction tx(ctx.connection);
      Status s = tx.begin_write();
      FileImport file(ctx, options, rule_sets, source->name());
      if (s.ok()) {
        s = source->read([&](SourcedEvaluation& e) {
          Status added = file.add(e);
          if (added.ok() && observer) observer->on_evaluation(file.ids.size());
          return added;
        });
      }
      if (s.ok()) s = file.finish();
      if (s.ok()) s = tx.commit();
      if (s.ok()) {
        outcome.state = FileState::imported;  // or with findings: ImportSummary::add decides
        outcome.evaluations = std::move(file.outcomes);
        summary.indicator_rows += file.indicator_rows;
        summary.units_created += file.units_created;
        summary.projects_created += file.projects_created;
        summary.ids.insert(summary.ids.end(), file.ids.begin(), file.ids.end());
        break;
      }
      // SQLite takes its write lock first (BEGIN IMMEDIATE) and cannot deadlock; its busy
      // error means the 30 s busy timeout has passed already, and waiting again would
      // only make the user wait minutes.
      const bool busy = ctx.connection.last_error_kind() == storage::ErrorKind::busy &&
                        ctx.connection.dialect() == storage::Dialect::postgres;
      tx.abandon();
      if (!busy || attempt == kAttempts) {
        outcome.error = s.message();
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(25 << attempt));
    }
    const FileOutcome& added = summary.add(std::move(outcome));
    if (observer) observer->on_file(added, summary.files.size());
  }
  return summary;
}

}  // namespace jixiao::app
