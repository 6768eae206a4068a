#include "format/file_output.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace jixiao::format {

Status write_file(const std::string& path, std::string_view bytes) {
  // Beside the target, so that the rename stays on one file system.
  const std::string temporary = path + ".part-" + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (out) out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (out) out.flush();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      return Status::error("文件 " + path + "：无法写入（文件夹不存在、没有权限或磁盘已满）");
    }
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    std::filesystem::remove(temporary, ec);
    return Status::error("文件 " + path + "：无法写入（不能替换已有文件）");
  }
  return Status();
}

}  // namespace jixiao::format
