#include "fuzz/storage_fuzz_targets.h"

#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "storage/backup.h"
#include "storage/database.h"
#include "storage/migrations.h"

namespace jixiao::fuzz {

void backup(const uint8_t* data, size_t size) {
  // One migrated database for the whole run; every input is rolled back.
  static const std::unique_ptr<storage::Connection> connection = [] {
    auto db = storage::open_database(":memory:", {.create = true});
    if (!db.ok()) std::abort();
    static std::unique_ptr<storage::Database> keep = std::move(*db);
    auto c = keep->connect();
    if (!c.ok() || !storage::migrate(**c, "2024-01-01T00:00:00Z").ok()) std::abort();
    return std::move(*c);
  }();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  size_t pos = 0;
  const auto next_line = [&](std::string& line) -> Result<bool> {
    if (pos >= text.size()) return false;
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    line.assign(text.substr(pos, end - pos));
    pos = end + 1;
    return true;
  };
  storage::Transaction tx(*connection);
  if (!tx.begin_write().ok()) std::abort();
  (void)storage::restore_backup(*connection, next_line, "fuzz");
  tx.abandon();
}

}  // namespace jixiao::fuzz
