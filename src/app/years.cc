#include "app/years.h"

#include <algorithm>

#include "format/json_writer.h"
#include "format/rule_set_json.h"
#include "storage/query.h"

namespace jixiao::app {
namespace {

Status check_year(int year) {
  if (year < 1900 || year > 2200) {
    return Status::error("年度应在 1900 至 2200 之间，实际为 " + std::to_string(year));
  }
  return Status();
}

std::string named_json(int year, std::string_view key_name, std::string_view key) {
  std::string out;
  format::JsonWriter(out).begin_object().field("year", year).field(key_name, key).end_object();
  return out;
}

// Runs `insert` in a write transaction after opening its year; audits it.
template <typename Insert>
Result<int64_t> add_in_year(Context& ctx, int year, std::string_view record_type,
                            std::string_view key_name, std::string_view key, Insert&& insert) {
  if (Status s = check_year(year); !s.ok()) return s;
  storage::Transaction tx(ctx.connection);
  Status s = tx.begin_write();
  if (!s.ok()) return s;
  const std::string now = ctx.clock.now();
  s = storage::ensure_year(ctx.connection, year, now);
  if (!s.ok()) return s;
  Result<int64_t> id = insert(now);
  if (!id.ok()) {
    if (ctx.connection.last_error_kind() == storage::ErrorKind::constraint) {
      return Status::error(std::to_string(year) + " 年度已有「" + std::string(key) + "」");
    }
    return id.status();
  }
  s = audit(ctx, "create", record_type, std::to_string(*id), "", named_json(year, key_name, key));
  if (!s.ok()) return s;
  s = tx.commit();
  if (!s.ok()) return s;
  return *id;
}

}  // namespace

Result<YearOpened> open_year(Context& ctx, int year, std::optional<int> from) {
  if (Status s = check_year(year); !s.ok()) return s;
  const int source = from.value_or(year - 1);
  if (source == year) return Status::error("不能从 " + std::to_string(year) + " 年度复制到自身");
  storage::Transaction tx(ctx.connection);
  Status s = tx.begin_write();
  if (!s.ok()) return s;
  const std::string now = ctx.clock.now();
  Result<std::vector<int>> years = storage::list_years(ctx.connection);
  if (!years.ok()) return years.status();
  const bool existed = std::find(years->begin(), years->end(), year) != years->end();
  const bool source_exists = std::find(years->begin(), years->end(), source) != years->end();
  if (from && !source_exists) {
    return Status::error(std::to_string(source) + " 年度不存在，无法从该年度复制");
  }
  YearOpened out;
  out.year = year;
  s = storage::ensure_year(ctx.connection, year, now);
  if (!s.ok()) return s;
  if (!existed) {
    s = audit(ctx, "create", "budget_years", std::to_string(year), "",
              named_json(year, "opened_at", now));
    if (!s.ok()) return s;
  }
  if (source_exists) {
    out.from = source;
    Result<std::vector<storage::CopiedRecord>> copied =
        storage::copy_year_forward(ctx.connection, source, year, now);
    if (!copied.ok()) return copied.status();
    out.copied = std::move(*copied);
    for (const storage::CopiedRecord& c : out.copied) {
      std::string after;
      format::JsonWriter(after)
          .begin_object()
          .field("year", year)
          .field("key", c.key)
          .field("copied_from_id", static_cast<long long>(c.from_id))
          .field("copied_from_year", source)
          .end_object();
      s = audit(ctx, "copy", c.record_type, std::to_string(c.id), "", after);
      if (!s.ok()) return s;
    }
  }
  s = tx.commit();
  if (!s.ok()) return s;
  return out;
}

Result<int64_t> add_rule_set(Context& ctx, int year, std::string_view json) {
  Result<core::RuleSet> rules = format::rule_set_from_json(json, "规则集");
  if (!rules.ok()) return rules.status();
  storage::RuleSetRecord record;
  record.year = year;
  record.name = rules->name;
  record.title = rules->title;
  record.definition = format::rule_set_to_json(*rules);
  return add_in_year(ctx, year, "rule_sets", "name", record.name, [&](const std::string& now) {
    return storage::insert_rule_set(ctx.connection, record, now);
  });
}

Result<int64_t> add_framework(Context& ctx, const storage::FrameworkRecord& f) {
  if (f.code.empty() || f.name.empty()) return Status::error("指标体系的编码和名称不能为空");
  return add_in_year(ctx, f.year, "frameworks", "code", f.code, [&](const std::string& now) {
    return storage::insert_framework(ctx.connection, f, now);
  });
}

Result<int64_t> add_library_indicator(Context& ctx, const storage::LibraryIndicatorRecord& entry) {
  if (entry.code.empty() || entry.name.empty())
    return Status::error("指标库条目的编码和名称不能为空");
  return add_in_year(ctx, entry.year, "library_indicators", "code", entry.code,
                     [&](const std::string& now) {
                       return storage::insert_library_indicator(ctx.connection, entry, now);
                     });
}

}  // namespace jixiao::app
