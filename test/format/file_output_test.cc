// Output files are replaced whole or left as they were.
#include "format/file_output.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "test/support/file_text.h"
#include "test/support/temp_path.h"

namespace jixiao::format {
namespace {

namespace fs = std::filesystem;

TEST(WriteFile, ReplacesTheWholeFileAndLeavesNoTemporary) {
  const fs::path dir = test::unique_temp_path("out");
  fs::create_directories(dir);
  const std::string path = (dir / "a.json").string();
  std::ofstream(path) << "old and longer than the new content";
  ASSERT_TRUE(write_file(path, "new").ok());
  EXPECT_EQ(test::file_text(path), "new");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}), 1);
  fs::remove_all(dir);
}

TEST(WriteFile, AFailureNamesTheFileAndChangesNothing) {
  const fs::path dir = test::unique_temp_path("out");
  fs::create_directories(dir);
  // A folder where the file should go: the rename cannot replace it.
  const std::string blocked = (dir / "blocked.json").string();
  fs::create_directories(blocked);
  Status s = write_file(blocked, "new");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find(blocked), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("无法写入"), std::string::npos);
  EXPECT_TRUE(fs::is_directory(blocked));
  // A missing folder: nothing is created.
  const std::string missing = (dir / "none" / "a.json").string();
  s = write_file(missing, "new");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find(missing), std::string::npos);
  EXPECT_FALSE(fs::exists(dir / "none"));
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}), 1);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace jixiao::format
