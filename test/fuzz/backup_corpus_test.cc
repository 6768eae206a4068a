// Replays the backup fuzz corpus (fuzz/corpus/backup) through the restore, in
// the normal tests and under the sanitizers; and checks that a seed which is
// a real backup does restore (so the target reaches the row paths).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "fuzz/storage_fuzz_targets.h"
#include "storage/backup.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "test/support/file_text.h"

namespace {

namespace fs = std::filesystem;

TEST(FuzzCorpus, BackupInputsReplayWithoutCrashing) {
  int files = 0;
  for (const auto& entry :
       fs::directory_iterator(fs::path(JIXIAO_SOURCE_DIR) / "fuzz/corpus/backup")) {
    const std::string bytes = jixiao::test::file_text(entry.path());
    jixiao::fuzz::backup(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    ++files;
  }
  EXPECT_GE(files, 3);
}

TEST(FuzzCorpus, TheBackupSeedIsARealBackup) {
  using namespace jixiao;
  auto db = storage::open_database(":memory:", {.create = true});
  ASSERT_TRUE(db.ok());
  auto c = (*db)->connect();
  ASSERT_TRUE(c.ok());
  ASSERT_TRUE(storage::migrate(**c, "2024-01-01T00:00:00Z").ok());
  std::istringstream in(jixiao::test::source_file("fuzz/corpus/backup/examples.jsonl"));
  storage::Transaction tx(**c);
  ASSERT_TRUE(tx.begin_write().ok());
  Result<storage::BackupInfo> info = storage::restore_backup(
      **c,
      [&](std::string& line) -> Result<bool> { return static_cast<bool>(std::getline(in, line)); },
      "examples.jsonl");
  ASSERT_TRUE(info.ok()) << info.status().message();
  EXPECT_GT(info->rows, 100);
}

}  // namespace
