#include "format/file_output.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace jixiao::format {

// Beside the target, so that the rename stays on one file system.
std::string temporary_beside(const std::string& path) {
  return path + ".part-" + std::to_string(::getpid());
}

namespace {

Status cannot_write(const std::string& path) {
  return Status::error("文件 " + path + "：无法写入（文件夹不存在、没有权限或磁盘已满）");
}

}  // namespace

void discard_file(const std::string& temporary) {
  std::error_code ignored;
  std::filesystem::remove(temporary, ignored);
}

Status commit_file(const std::string& temporary, const std::string& path) {
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (!ec) return Status();
  discard_file(temporary);
  return Status::error("文件 " + path + "：无法写入（不能替换已有文件）");
}

Status check_writable(const std::string& path) {
  const std::string temporary = temporary_beside(path);
  const bool created =
      static_cast<bool>(std::ofstream(temporary, std::ios::binary | std::ios::app));
  discard_file(temporary);
  return created ? Status() : cannot_write(path);
}

Result<std::string> make_temporary_folder(const std::string& prefix) {
  std::error_code ec;
  const std::filesystem::path base = std::filesystem::temp_directory_path(ec);
  std::string folder = ec ? std::string() : (base / (prefix + "XXXXXX")).string();
  if (ec || ::mkdtemp(folder.data()) == nullptr) {
    const char* tmpdir = std::getenv("TMPDIR");
    return Status::error(
        "无法创建临时文件夹（" +
        (tmpdir != nullptr ? "环境变量 TMPDIR=" + std::string(tmpdir) : std::string("/tmp")) +
        " 不存在或不可写）");
  }
  return folder;
}

Status write_file(const std::string& path, std::string_view bytes) {
  const std::string temporary = temporary_beside(path);
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (out) out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (out) out.flush();
    if (!out) {
      discard_file(temporary);
      return cannot_write(path);
    }
  }
  return commit_file(temporary, path);
}

}  // namespace jixiao::format
