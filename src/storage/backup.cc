#include "storage/backup.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>
#include <set>
#include <vector>

#include "format/json_writer.h"
#include "storage/batch_insert.h"
#include "storage/migrations.h"
#include "storage/query.h"

namespace jixiao::storage {
namespace {

struct Table {
  std::string_view name;
  std::string_view key;  // columns that order the rows (and page through them)
};

// Every table holding data, parents before children.
constexpr Table kTables[] = {
    {"budget_years", "year"},
    {"units", "id"},
    {"users", "id"},
    {"user_roles", "user_id, role"},
    {"sessions", "id"},
    {"rule_sets", "id"},
    {"library_indicators", "id"},
    {"frameworks", "id"},
    {"framework_indicators", "framework_id, position"},
    {"projects", "id"},
    {"project_budgets", "project_id, source"},
    {"goals", "id"},
    {"goal_indicators", "goal_id, position"},
    {"goal_findings", "goal_id, position"},
    {"monitoring_reports", "id"},
    {"monitoring_indicators", "report_id, position"},
    {"evaluations", "id"},
    {"evaluation_indicators", "evaluation_id, position"},
    {"evaluation_funding", "evaluation_id, position"},
    {"evaluation_experts", "evaluation_id, position"},
    {"expert_scores", "evaluation_id, indicator, expert"},
    {"evaluation_department", "evaluation_id"},
    {"department_projects", "evaluation_id, position"},
    {"evaluation_figures", "evaluation_id, code"},
    {"evaluation_findings", "evaluation_id, position"},
    {"attachments", "id"},
    {"workflow_transitions", "id"},
    {"audit_log", "id"},
};

constexpr int64_t kPageRows = 5000;

const Table* find_table(std::string_view name) {
  for (const Table& t : kTables) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

std::vector<std::string> split_key(std::string_view key) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= key.size()) {
    size_t end = key.find(',', pos);
    if (end == std::string_view::npos) end = key.size();
    std::string_view part = key.substr(pos, end - pos);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    out.emplace_back(part);
    pos = end + 1;
  }
  return out;
}

// A cell of the last row of a page, to continue after it.
struct KeyValue {
  bool integer = false;
  int64_t i = 0;
  std::string s;
};

Status dump_table(Connection& c, const Table& table, const std::vector<std::string>& columns,
                  const std::function<Status(std::string_view)>& line, int64_t& rows) {
  std::string list;
  for (const std::string& col : columns) list += (list.empty() ? "" : ", ") + col;
  const std::vector<std::string> key = split_key(table.key);
  std::vector<size_t> key_at;
  for (const std::string& k : key) {
    key_at.push_back(std::find(columns.begin(), columns.end(), k) - columns.begin());
  }
  std::string marks;
  for (size_t k = 0; k < key.size(); ++k) marks += k ? ", ?" : "?";
  // Constant SQL: the names come from the schema (table_columns), not input.
  const std::string first = "SELECT " + list + " FROM " + std::string(table.name) + " ORDER BY " +
                            std::string(table.key) + " LIMIT ?";
  const std::string after = "SELECT " + list + " FROM " + std::string(table.name) + " WHERE (" +
                            std::string(table.key) + ") > (" + marks + ") ORDER BY " +
                            std::string(table.key) + " LIMIT ?";
  std::vector<KeyValue> last(key.size());
  std::string text;
  for (bool first_page = true;; first_page = false) {
    Result<Statement*> st = c.prepare(first_page ? first : after);
    if (!st.ok()) return st.status();
    int index = 1;
    if (!first_page) {
      for (const KeyValue& v : last) {
        if (v.integer) {
          (*st)->bind(index++, v.i);
        } else {
          (*st)->bind(index++, v.s);
        }
      }
    }
    (*st)->bind(index, kPageRows);
    int64_t page = 0;
    Status failed;
    Status s = each_row(**st, [&](Statement& r) {
      if (!failed.ok()) return;
      ++page;
      text.clear();
      format::JsonWriter w(text);
      w.begin_array();
      for (int col = 0; col < static_cast<int>(columns.size()); ++col) {
        switch (r.column_type(col)) {
          case ColumnType::null:
            w.null();
            break;
          case ColumnType::integer:
            w.value(static_cast<long long>(r.get_int(col)));
            break;
          case ColumnType::real:
            w.value(r.get_double(col));
            break;
          case ColumnType::text:
            w.value(r.get_text(col));
            break;
        }
      }
      w.end_array();
      for (size_t k = 0; k < key.size(); ++k) {
        const int col = static_cast<int>(key_at[k]);
        last[k].integer = r.column_type(col) == ColumnType::integer;
        last[k].i = r.get_int(col);
        last[k].s = r.get_string(col);
      }
      failed = line(text);
    });
    if (!s.ok()) return s;
    if (!failed.ok()) return failed;
    rows += page;
    if (page < kPageRows) return Status();
  }
}

// Binds a JSON cell into a batch; false for a cell of another type.
bool add_cell(BatchInsert& batch, const nlohmann::json& cell) {
  switch (cell.type()) {
    case nlohmann::json::value_t::null:
      batch.add_null();
      return true;
    case nlohmann::json::value_t::number_integer:
      batch.add(cell.get<int64_t>());
      return true;
    case nlohmann::json::value_t::number_unsigned: {
      const auto u = cell.get<uint64_t>();
      if (u > static_cast<uint64_t>(INT64_MAX)) return false;
      batch.add(static_cast<int64_t>(u));
      return true;
    }
    case nlohmann::json::value_t::number_float:
      batch.add(cell.get<double>());
      return true;
    case nlohmann::json::value_t::string:
      batch.add(cell.get_ref<const std::string&>());
      return true;
    default:
      return false;
  }
}

}  // namespace

Result<bool> database_is_empty(Connection& c, std::string& table) {
  for (const Table& t : kTables) {
    // Constant SQL from the table list.
    Result<std::optional<int64_t>> any = query_int(
        c, "SELECT COUNT(*) FROM (SELECT 1 FROM " + std::string(t.name) + " LIMIT 1) AS probe");
    if (!any.ok()) return any.status();
    if (any->value_or(0) > 0) {
      table = t.name;
      return false;
    }
  }
  return true;
}

Result<BackupInfo> write_backup(Connection& c, std::string_view now,
                                const std::function<Status(std::string_view)>& line) {
  BackupInfo info;
  Result<int> version = schema_version(c);
  if (!version.ok()) return version.status();
  info.schema_version = *version;
  info.created_at = now;
  info.source = dialect_name(c.dialect());
  std::string text;
  format::JsonWriter(text)
      .begin_object()
      .field("format", "jixiao-backup")
      .field("format_version", kBackupFormatVersion)
      .field("schema_version", info.schema_version)
      .field("created_at", info.created_at)
      .field("source", info.source)
      .end_object();
  Status s = line(text);
  if (!s.ok()) return s;
  for (const Table& table : kTables) {
    Result<std::vector<std::string>> columns = c.table_columns(table.name);
    if (!columns.ok()) return columns.status();
    if (columns->empty()) continue;  // an older schema without this table
    text.clear();
    format::JsonWriter(text)
        .begin_object()
        .field("table", table.name)
        .field("columns", *columns)
        .end_object();
    if (!(s = line(text)).ok()) return s;
    s = dump_table(c, table, *columns, line, info.rows);
    if (!s.ok()) return s;
    ++info.tables;
  }
  text.clear();
  format::JsonWriter(text)
      .begin_object()
      .field("end", true)
      .field("tables", info.tables)
      .field("rows", static_cast<long long>(info.rows))
      .end_object();
  s = line(text);
  if (!s.ok()) return s;
  return info;
}

Result<BackupInfo> restore_backup(Connection& c,
                                  const std::function<Result<bool>(std::string&)>& next_line,
                                  std::string_view origin) {
  BackupInfo info;
  std::string line;
  int64_t number = 0;
  const auto fail = [&](const std::string& message) {
    return Status::error("备份文件 " + std::string(origin) + " 第 " + std::to_string(number) +
                         " 行：" + message);
  };
  // Reads and parses the next line; nullopt at the end of the file.
  const auto next = [&]() -> Result<std::optional<nlohmann::json>> {
    Result<bool> more = next_line(line);
    if (!more.ok()) return more.status();
    if (!*more) return std::optional<nlohmann::json>();
    ++number;
    if (line.size() > kMaxBackupLineBytes) return fail("行过长");
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded()) return fail("不是有效的 JSON");
    return std::optional<nlohmann::json>(std::move(j));
  };

  Result<std::optional<nlohmann::json>> header = next();
  if (!header.ok()) return header.status();
  number = std::max<int64_t>(number, 1);
  const auto is_backup_header = [](const nlohmann::json& j) {
    return j.is_object() && j.contains("format") && j["format"].is_string() &&
           j["format"].get_ref<const std::string&>() == "jixiao-backup";
  };
  if (!*header || !is_backup_header(**header)) {
    return fail("不是 jixiao 备份文件（缺少 \"format\":\"jixiao-backup\"）");
  }
  const nlohmann::json& h = **header;
  if (!h.contains("format_version") || !h["format_version"].is_number_integer() ||
      h["format_version"].get<int64_t>() != kBackupFormatVersion) {
    return fail("备份格式版本不受支持");
  }
  if (!h.contains("schema_version") || !h["schema_version"].is_number_integer()) {
    return fail("缺少 schema_version");
  }
  const int64_t backup_schema = h["schema_version"].get<int64_t>();
  Result<int> current = schema_version(c);
  if (!current.ok()) return current.status();
  if (backup_schema > *current || backup_schema < 1) {
    return fail("备份的架构版本为 " + std::to_string(backup_schema) + "，比数据库的版本 " +
                std::to_string(*current) + " 新：请先用更新版本的 jixiao 迁移数据库后再恢复");
  }
  info.schema_version = static_cast<int>(backup_schema);
  if (h.contains("created_at") && h["created_at"].is_string()) info.created_at = h["created_at"];
  if (h.contains("source") && h["source"].is_string()) info.source = h["source"];

  std::string nonempty;
  Result<bool> empty = database_is_empty(c, nonempty);
  if (!empty.ok()) return empty.status();
  if (!*empty) {
    return Status::error("目标数据库不是空的（表 " + nonempty +
                         " 已有数据）：恢复只能在新建的空数据库上进行（先运行 jixiao init）");
  }

  std::set<std::string> seen;
  std::vector<std::string> restored;
  std::optional<BatchInsert> batch;
  size_t width = 0;
  std::string table;
  for (;;) {
    Result<std::optional<nlohmann::json>> j = next();
    if (!j.ok()) return j.status();
    if (!*j) return fail("文件不完整（缺少结束行），可能在写入时中断");
    const nlohmann::json& v = **j;
    if (v.is_array()) {
      if (!batch) return fail("数据行之前缺少表头");
      if (v.size() != width) {
        return fail("表 " + table + " 的数据行应有 " + std::to_string(width) + " 列，实际为 " +
                    std::to_string(v.size()));
      }
      for (const nlohmann::json& cell : v) {
        if (!add_cell(*batch, cell)) return fail("表 " + table + " 的数据行含有不支持的值");
      }
      Status s = batch->end_row();
      if (!s.ok()) return fail(s.message());
      ++info.rows;
      continue;
    }
    if (!v.is_object()) return fail("应为表头、数据行或结束行");
    if (batch) {
      Status s = batch->flush();
      if (!s.ok()) return fail(s.message());
      batch.reset();
    }
    if (v.contains("end")) {
      if (!v["end"].is_boolean() || !v["end"].get<bool>() || !v.contains("rows") ||
          !v["rows"].is_number_integer() || v["rows"].get<int64_t>() != info.rows) {
        return fail("结束行的行数与文件内容不符，文件可能已损坏");
      }
      break;
    }
    if (!v.contains("table") || !v["table"].is_string() || !v.contains("columns") ||
        !v["columns"].is_array()) {
      return fail("表头应为 {\"table\": …, \"columns\": […]}");
    }
    table = v["table"].get<std::string>();
    const Table* known = find_table(table);
    if (known == nullptr) return fail("未知的表「" + table + "」");
    if (!seen.insert(table).second) return fail("表「" + table + "」出现了两次");
    Result<std::vector<std::string>> existing = c.table_columns(known->name);
    if (!existing.ok()) return existing.status();
    std::vector<std::string> columns;
    for (const nlohmann::json& col : v["columns"]) {
      if (!col.is_string()) return fail("列名应为文字");
      const std::string name = col.get<std::string>();
      // Only names the schema has reach the SQL text.
      if (std::find(existing->begin(), existing->end(), name) == existing->end()) {
        return fail("表 " + table + " 没有列「" + name + "」");
      }
      if (std::find(columns.begin(), columns.end(), name) != columns.end()) {
        return fail("表 " + table + " 的列「" + name + "」重复");
      }
      columns.push_back(name);
    }
    if (columns.empty()) return fail("表 " + table + " 没有列");
    width = columns.size();
    batch.emplace(c, known->name, columns);
    restored.push_back(table);
    ++info.tables;
  }
  for (const std::string& t : restored) {
    Result<std::vector<std::string>> columns = c.table_columns(t);
    if (!columns.ok()) return columns.status();
    if (std::find(columns->begin(), columns->end(), "id") == columns->end()) continue;
    Status s = c.reset_id_sequence(t);
    if (!s.ok()) return s;
  }
  return info;
}

}  // namespace jixiao::storage
