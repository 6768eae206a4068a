// The storage commands: parse nothing (main.cc does), call app/, print.
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <utility>

#include <fmt/format.h>

#include "app/backup.h"
#include "app/bulk_import.h"
#include "app/database.h"
#include "app/evaluations.h"
#include "app/import.h"
#include "app/rule_sets.h"
#include "app/units.h"
#include "app/users.h"
#include "app/years.h"
#include "cli/commands.h"
#include "cli/session.h"
#include "core/decimal.h"
#include "core/engine.h"
#include "format/evaluation_reader.h"
#include "format/evaluation_writer.h"
#include "format/file_output.h"
#include "format/json_writer.h"
#include "format/scorecard_text.h"
#include "storage/units.h"

namespace jixiao::cli {
namespace {

std::string version_text(const storage::MigrationReport& r) {
  return "架构版本 " + std::to_string(r.to_version);
}

std::string grouped(size_t n) {
  std::string digits = std::to_string(n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(i, ",");
  return digits;
}

// "已导入 3/10 个文件，1,234 个评价 [#####     ]" on a terminal, redrawn at
// most twice a second; nothing when standard error is not a terminal.
class ImportProgress final : public app::ImportObserver {
 public:
  explicit ImportProgress(size_t files) : files_(files), enabled_(isatty(STDERR_FILENO) != 0) {}
  ~ImportProgress() override {
    if (shown_) std::fprintf(stderr, "\r%70s\r", "");
  }
  void on_evaluation(size_t in_file) override {
    in_file_ = in_file;
    draw(false);
  }
  void on_file(const app::FileOutcome& outcome, size_t done) override {
    done_ = done;
    total_ += outcome.evaluations.size();
    in_file_ = 0;
    draw(true);
  }

 private:
  void draw(bool force) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(500)) return;
    last_ = now;
    constexpr int kWidth = 20;
    const int filled = files_ ? static_cast<int>(kWidth * done_ / files_) : kWidth;
    std::fprintf(stderr, "\r[%s%s] 已处理 %zu/%zu 个文件，%s 个评价",
                 std::string(filled, '#').c_str(), std::string(kWidth - filled, ' ').c_str(), done_,
                 files_, grouped(total_ + in_file_).c_str());
    std::fflush(stderr);
    shown_ = true;
  }
  size_t files_;
  bool enabled_;
  bool shown_ = false;
  size_t done_ = 0;
  size_t total_ = 0;
  size_t in_file_ = 0;
  std::chrono::steady_clock::time_point last_{};
};

// Reads the password from standard input: one line, without echo on a
// terminal (asked twice there). Never from the command line.
Result<std::string> read_password() {
  const bool tty = isatty(STDIN_FILENO) != 0;
  termios saved{};
  const auto read_line = [&](const char* prompt) -> Result<std::string> {
    if (tty) {
      std::fprintf(stderr, "%s", prompt);
      tcgetattr(STDIN_FILENO, &saved);
      termios quiet = saved;
      quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
      tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    std::string line;
    for (int c; (c = std::getchar()) != EOF && c != '\n';) {
      line.push_back(static_cast<char>(c));
      if (line.size() > app::kMaxPasswordBytes) break;
    }
    if (tty) {
      tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
      std::fprintf(stderr, "\n");
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  };
  Result<std::string> first = read_line("请输入密码：");
  if (!first.ok() || !tty) return first;
  Result<std::string> second = read_line("请再次输入密码：");
  if (second.ok() && *second != *first) return Status::error("两次输入的密码不一致");
  return first;
}

// Standard output for "" or "-", else a file that is replaced only when the
// command succeeds (written beside it, renamed at commit()): a failed export
// or backup never leaves a truncated file that looks complete.
class Output {
 public:
  ~Output() {
    if (!temporary_.empty()) {
      file_.close();
      format::discard_file(temporary_);
    }
  }

  Status open(const std::string& path) {
    if (path.empty() || path == "-") return Status();
    path_ = path;
    temporary_ = format::temporary_beside(path);
    file_.open(temporary_, std::ios::binary | std::ios::trunc);
    if (!file_) {
      temporary_.clear();
      return Status::error("文件 " + path + "：无法写入（文件夹不存在或没有权限）");
    }
    return Status();
  }

  std::ostream& stream() { return temporary_.empty() ? std::cout : file_; }

  Status commit() {
    stream().flush();
    if (!stream()) return Status::error("文件 " + path_ + "：写入失败（磁盘已满或无法写入）");
    if (temporary_.empty()) return Status();
    file_.close();
    const std::string temporary = std::exchange(temporary_, "");
    return format::commit_file(temporary, path_);
  }

 private:
  std::string path_;
  std::string temporary_;
  std::ofstream file_;
};

void write_header_json(format::JsonWriter& w, const storage::EvaluationHeader& h) {
  w.field("id", static_cast<long long>(h.id))
      .field("title", h.title)
      .field("year", h.year)
      .field("unit", h.unit_name)
      .field("unit_code", h.unit_code)
      .field("kind", h.kind)
      .field("scope", h.scope)
      .field("total", h.total)
      .field("grade", h.grade)
      .field("execution_rate", h.execution_rate)
      .field("state", h.state)
      .field("version", static_cast<long long>(h.version));
}

}  // namespace

int run_init(const DatabaseOptions& o) {
  Result<std::unique_ptr<Session>> s = open_session(o, /*create=*/true);
  if (!s.ok()) return fail(s.status());
  const auto& r = (*s)->db.migrations;
  if (r.applied.empty()) {
    std::printf("数据库 %s 已初始化，无需改动（%s）\n", (*s)->db.database->describe().c_str(),
                version_text(r).c_str());
  } else {
    std::printf("已初始化数据库 %s（%s）\n", (*s)->db.database->describe().c_str(),
                version_text(r).c_str());
  }
  return 0;
}

int run_migrate(const DatabaseOptions& o) {
  Result<std::unique_ptr<Session>> s = open_session(o);
  if (!s.ok()) return fail(s.status());
  const auto& r = (*s)->db.migrations;
  if (r.applied.empty()) {
    std::printf("没有待应用的迁移（%s）\n", version_text(r).c_str());
    return 0;
  }
  for (int v : r.applied) {
    for (const auto& m : storage::embedded_migrations()) {
      if (m.version == v) std::printf("已应用迁移 %04d_%s\n", v, std::string(m.name).c_str());
    }
  }
  std::printf("数据库已从架构版本 %d 升级到 %d\n", r.from_version, r.to_version);
  return 0;
}

int run_import(const ImportOptions& o) {
  std::vector<std::string> files;
  if (!bulk_inputs(o.files, o.findings, files)) return 2;
  Result<std::unique_ptr<Session>> s = open_session(o.database);
  if (!s.ok()) return fail(s.status());
  std::vector<std::unique_ptr<app::EvaluationSource>> sources;
  for (const std::string& f : files) sources.push_back(app::open_evaluation_source(f));
  const auto start = std::chrono::steady_clock::now();
  app::ImportSummary summary;
  {
    ImportProgress progress(sources.size());
    app::ImportOptions options;
    options.unit_code = o.unit;
    options.keep_findings = !o.findings.empty();
    summary = app::import_evaluations(*(*s)->ctx, sources, options, &progress);
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (const auto& f : summary.files) {
    if (!f.imported()) std::fprintf(stderr, "拒绝：%s\n", f.error.c_str());
  }
  std::printf("%s\n", app::summary_line(summary, app::Activity::imported).c_str());
  std::printf("入库评价 %s 个，指标 %s 行，新登记单位 %zu 个，新建项目 %zu 个，用时 %.1f 秒\n",
              grouped(summary.evaluations).c_str(), grouped(summary.indicator_rows).c_str(),
              summary.units_created, summary.projects_created, seconds);
  if (!o.findings.empty()) {
    Status w = app::write_findings_workbook(summary, o.findings, app::Activity::imported);
    if (!w.ok()) return fail(w);
    std::printf("问题清单已写入 %s\n", o.findings.c_str());
  }
  return summary.refused_files() ? 2 : 0;
}

int run_list(const ListOptions& o) {
  Result<std::unique_ptr<Session>> s = open_session(o.database);
  if (!s.ok()) return fail(s.status());
  app::Context& ctx = *(*s)->ctx;
  storage::EvaluationFilter filter;
  if (o.year) filter.year = o.year;
  if (!o.unit.empty()) {
    Result<int64_t> unit = app::unit_id(ctx, o.unit);
    if (!unit.ok()) return fail(unit.status());
    filter.unit_id = *unit;
  }
  Result<std::vector<storage::EvaluationHeader>> list = app::list_evaluations(ctx, filter);
  if (!list.ok()) return fail(list.status());
  std::string out;
  if (!o.json)
    out += fmt::format("{:>6}  {:>4}  {:<6}  {}  {}\n", "编号", "年度", "总分 等级", "单位",
                       "评价对象");
  for (const auto& h : *list) {
    if (o.json) {
      format::JsonWriter w(out);
      w.begin_object();
      write_header_json(w, h);
      w.end_object();
      out += '\n';
    } else {
      out += fmt::format("{:>6}  {:>4}  {:>6} {}  {}  {}\n", h.id, h.year,
                         core::format_number(h.total, 2), h.grade, h.unit_name, h.title);
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

int run_show(const ShowOptions& o) {
  Result<std::unique_ptr<Session>> s = open_session(o.database);
  if (!s.ok()) return fail(s.status());
  app::Context& ctx = *(*s)->ctx;
  Result<storage::StoredEvaluation> found = app::show_evaluation(ctx, o.id);
  if (!found.ok()) return fail(found.status());
  const storage::StoredEvaluation& st = *found;
  std::string out;
  if (o.json) {
    format::JsonWriter w(out);
    w.begin_object();
    write_header_json(w, st.header);
    const auto& r = st.results;
    w.field("source", st.header.source)
        .field("created_at", st.header.created_at)
        .field("updated_at", st.header.updated_at)
        .field("scored_with", r.scored_with)
        .field("raw_total", r.raw_total)
        .field("weight", r.weight)
        .field("rescaled", r.rescaled)
        .field("cap", r.cap)
        .field("execution_score", r.execution_score)
        .field("execution_weight", r.execution_weight);
    w.key("indicators").begin_array();
    for (size_t i = 0; i < st.evaluation.indicators.size(); ++i) {
      const auto& n = r.nodes[i];
      w.begin_object()
          .field("path", st.evaluation.path(static_cast<int>(i)))
          .field("weight", st.evaluation.indicators[i].weight)
          .field("score", n.score)
          .field("kind", n.scored_kind)
          .field("achievement", n.achievement)
          .field("deviation", n.deviation)
          .end_object();
    }
    w.end_array();
    w.key("findings").begin_array();
    for (const auto& f : r.findings) {
      w.begin_object().field("code", f.code).field("severity", f.severity);
      w.key("path").raw_value(f.path_json);
      w.field("message", f.message).end_object();
    }
    w.end_array();
    std::string evaluation;
    format::write_evaluation_json(evaluation, st.evaluation);
    w.key("evaluation").raw_value(evaluation);
    w.end_object();
    out += '\n';
  } else {
    const auto& h = st.header;
    out += fmt::format(
        "评价 #{}（第 {} 版，{}）  {} 年度  单位 {}（{}）\n来源 {}，入库 {}，更新 {}\n", h.id,
        h.version, h.state, h.year, h.unit_name, h.unit_code, h.source, h.created_at, h.updated_at);
    // The explanations are written by scoring again with the stored rule set.
    app::RuleSets resolver(ctx.connection);
    Result<const core::RuleSet*> rules = resolver.get(h.year, st.results.scored_with, "");
    if (!rules.ok()) return fail(rules.status());
    const core::ScoreCard card = core::score(st.evaluation, **rules);
    format::write_scorecard_text(out, st.evaluation, card, **rules,
                                 "评价 #" + std::to_string(h.id));
    if (card.total != st.results.total) {
      out += fmt::format("注意：按规则集 {} 重新计算的总分 {} 与入库时的 {} 不同\n",
                         st.results.scored_with, core::format_number(card.total),
                         core::format_number(st.results.total));
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

int run_export(const ExportOptions& o) {
  Result<std::unique_ptr<Session>> s = open_session(o.database);
  if (!s.ok()) return fail(s.status());
  Output output;
  if (Status opened = output.open(o.output); !opened.ok()) return fail(opened);
  std::ostream& out = output.stream();
  std::vector<int64_t> ids(o.ids.begin(), o.ids.end());
  Status st = app::export_evaluations(*(*s)->ctx, ids, [&](std::string_view line) {
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
    out.put('\n');
    return out ? Status() : Status::error("写入失败");
  });
  if (!st.ok()) return fail(st);
  if (Status committed = output.commit(); !committed.ok()) return fail(committed);
  return 0;
}

int run_save(const SaveOptions& o) {
  Result<std::unique_ptr<Session>> s = open_session(o.database);
  if (!s.ok()) return fail(s.status());
  format::EvaluationReader reader;
  std::optional<core::Evaluation> evaluation;
  Status read = reader.read_file(o.file, [&](core::Evaluation& e, size_t line) {
    if (evaluation) {
      return Status::error("文件 " + o.file + " 第 " + std::to_string(line) +
                           " 行：保存只接受一个评价");
    }
    evaluation = e;
    return Status();
  });
  if (!read.ok()) return fail(read);
  Result<int64_t> version =
      app::save_evaluation(*(*s)->ctx, o.id, o.version, std::move(*evaluation), o.file);
  if (!version.ok()) return fail(version.status());
  std::printf("已保存评价 #%lld（第 %lld 版）\n", o.id, static_cast<long long>(*version));
  return 0;
}

int run_unit_add(const UnitAddOptions& o) {
  std::optional<core::UnitKind> kind = storage::unit_kind_from_code(o.kind);
  if (!kind) {
    return fail(Status::error("单位类型「" + o.kind +
                              "」无效：应为 finance_bureau（财政局）、department（主管部门）或 "
                              "budget_unit（预算单位）"));
  }
  Result<std::unique_ptr<Session>> s = open_session(o.database);
  if (!s.ok()) return fail(s.status());
  Result<int64_t> id = app::add_unit(*(*s)->ctx, {o.code, o.name, *kind, o.parent});
  if (!id.ok()) return fail(id.status());
  std::printf("已登记单位 %s %s（%s）\n", o.code.c_str(), o.name.c_str(),
              std::string(storage::unit_kind_label(*kind)).c_str());
  return 0;
}

int run_unit_list(const DatabaseOptions& o) {
  Result<std::unique_ptr<Session>> s = open_session(o);
  if (!s.ok()) return fail(s.status());
  Result<std::vector<storage::UnitRecord>> units = app::list_units(*(*s)->ctx);
  if (!units.ok()) return fail(units.status());
  for (const auto& u : *units) {
    std::printf("%s\t%s\t%s\t%s\n", u.code.c_str(), u.name.c_str(),
                std::string(storage::unit_kind_label(u.kind)).c_str(), u.parent_code.c_str());
  }
  return 0;
}

int run_user_add(const UserAddOptions& o) {
  Result<std::unique_ptr<Session>> s = open_session(o.database);
  if (!s.ok()) return fail(s.status());
  Result<std::string> password = read_password();
  if (!password.ok()) return fail(password.status());
  Result<int64_t> id = app::add_user(*(*s)->ctx, {o.name, o.role, o.unit}, *password);
  std::fill(password->begin(), password->end(), '\0');
  if (!id.ok()) return fail(id.status());
  std::printf("已添加用户 %s（角色 %s）\n", o.name.c_str(), o.role.c_str());
  return 0;
}

int run_year_open(const YearOpenOptions& o) {
  Result<std::unique_ptr<Session>> s = open_session(o.database);
  if (!s.ok()) return fail(s.status());
  Result<app::YearOpened> opened =
      app::open_year(*(*s)->ctx, o.year, o.from ? std::optional<int>(o.from) : std::nullopt);
  if (!opened.ok()) return fail(opened.status());
  size_t counts[3] = {0, 0, 0};
  for (const auto& c : opened->copied) {
    counts[c.record_type == "rule_sets" ? 0 : c.record_type == "frameworks" ? 1 : 2]++;
  }
  if (opened->from) {
    std::printf("已开启 %d 年度：从 %d 年度复制规则集 %zu 个、指标体系 %zu 个、指标库条目 %zu 条\n",
                o.year, *opened->from, counts[0], counts[1], counts[2]);
  } else {
    std::printf("已开启 %d 年度（没有可复制的上一年度）\n", o.year);
  }
  return 0;
}

int run_backup(const BackupOptions& o) {
  Result<std::unique_ptr<Session>> s = open_session(o.database);
  if (!s.ok()) return fail(s.status());
  Output output;
  if (Status opened = output.open(o.file); !opened.ok()) return fail(opened);
  Result<storage::BackupInfo> info = app::backup_database(*(*s)->ctx, output.stream());
  if (!info.ok()) return fail(info.status());
  if (Status committed = output.commit(); !committed.ok()) return fail(committed);
  std::fprintf(stderr, "已备份 %d 张表、%s 行（架构版本 %d）\n", info->tables,
               grouped(static_cast<size_t>(info->rows)).c_str(), info->schema_version);
  return 0;
}

int run_restore(const BackupOptions& o) {
  std::ifstream file;
  const bool from_stdin = o.file == "-";
  if (!from_stdin) {
    file.open(o.file, std::ios::binary);
    if (!file) return fail(Status::error("无法读取备份文件 " + o.file));
  }
  Result<std::unique_ptr<Session>> s = open_session(o.database, /*create=*/true);
  if (!s.ok()) return fail(s.status());
  Result<storage::BackupInfo> info = app::restore_database(*(*s)->ctx, from_stdin ? std::cin : file,
                                                           from_stdin ? "（标准输入）" : o.file);
  if (!info.ok()) return fail(info.status());
  std::printf("已恢复 %d 张表、%s 行（备份于 %s，来自 %s，架构版本 %d）\n", info->tables,
              grouped(static_cast<size_t>(info->rows)).c_str(), info->created_at.c_str(),
              info->source.c_str(), info->schema_version);
  return 0;
}

int run_log(const LogOptions& o) {
  Result<std::unique_ptr<Session>> s = open_session(o.database);
  if (!s.ok()) return fail(s.status());
  storage::AuditQuery q;
  const size_t colon = o.record.find(':');
  q.record_type = o.record.substr(0, colon);
  if (colon != std::string::npos) q.record_id = o.record.substr(colon + 1);
  q.actor = o.actor;
  q.from = o.from;
  q.to = o.to;
  q.limit = o.limit;
  Result<std::vector<storage::AuditEntry>> entries = app::audit_entries(*(*s)->ctx, q);
  if (!entries.ok()) return fail(entries.status());
  std::string out;
  for (const auto& e : *entries) {
    format::JsonWriter w(out);
    w.begin_object()
        .field("id", static_cast<long long>(e.id))
        .field("at", e.at)
        .field("actor", e.actor)
        .field("action", e.action)
        .field("record_type", e.record_type)
        .field("record_id", e.record_id);
    w.key("before");
    e.before_json.empty() ? w.null() : w.raw_value(e.before_json);
    w.key("after");
    e.after_json.empty() ? w.null() : w.raw_value(e.after_json);
    w.end_object();
    out += '\n';
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

}  // namespace jixiao::cli
