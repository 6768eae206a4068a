#include "app/backup.h"

#include "format/json_writer.h"

namespace jixiao::app {

Result<storage::BackupInfo> backup_database(Context& ctx, std::ostream& out) {
  storage::Transaction tx(ctx.connection);
  Status s = tx.begin_read();
  if (!s.ok()) return s;
  Result<storage::BackupInfo> info =
      storage::write_backup(ctx.connection, ctx.clock.now(), [&](std::string_view line) {
        out.write(line.data(), static_cast<std::streamsize>(line.size()));
        out.put('\n');
        return out ? Status() : Status::error("写入备份失败（磁盘已满或无法写入）");
      });
  if (!info.ok()) return info;
  out.flush();
  if (!out) return Status::error("写入备份失败（磁盘已满或无法写入）");
  s = tx.commit();
  if (!s.ok()) return s;
  return info;
}

Result<storage::BackupInfo> restore_database(Context& ctx, std::istream& in,
                                             std::string_view origin) {
  std::streambuf* buf = in.rdbuf();
  // Lines are read with a limit, so a malformed file cannot exhaust memory.
  const auto next_line = [&](std::string& line) -> Result<bool> {
    line.clear();
    for (;;) {
      const int c = buf->sbumpc();
      if (c == std::char_traits<char>::eof()) return !line.empty();
      if (c == '\n') return true;
      line.push_back(static_cast<char>(c));
      if (line.size() > storage::kMaxBackupLineBytes) {
        return Status::error("备份文件 " + std::string(origin) + "：有一行超过 64 MiB，拒绝读取");
      }
    }
  };
  storage::Transaction tx(ctx.connection);
  Status s = tx.begin_write();
  if (!s.ok()) return s;
  Result<storage::BackupInfo> info = storage::restore_backup(ctx.connection, next_line, origin);
  if (!info.ok()) return info;
  std::string after;
  format::JsonWriter(after)
      .begin_object()
      .field("file", origin)
      .field("schema_version", info->schema_version)
      .field("created_at", info->created_at)
      .field("source", info->source)
      .field("tables", info->tables)
      .field("rows", static_cast<long long>(info->rows))
      .end_object();
  s = audit(ctx, "restore", "database", "", "", after);
  if (!s.ok()) return s;
  s = tx.commit();
  if (!s.ok()) return s;
  return info;
}

}  // namespace jixiao::app
