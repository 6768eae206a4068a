#include "format/file_bytes.h"

#include <cctype>

#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <utility>

namespace jixiao::format {

namespace {

Result<std::string> read_standard_input(size_t max_bytes) {
  const std::string name(kStandardInputName);
  std::string text;
  char chunk[1 << 16];
  for (;;) {
    const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
    if (n == 0) return text;
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::error(name + "：读取失败");
    }
    if (text.size() + static_cast<size_t>(n) > max_bytes) {
      return Status::error(name + "：超过 " + std::to_string(max_bytes >> 20) + " MiB，拒绝读取");
    }
    text.append(chunk, static_cast<size_t>(n));
  }
}

}  // namespace

Result<FileBytes> FileBytes::open(const std::string& path, size_t max_bytes, size_t map_at_least) {
  if (path == kStandardInput) {
    Result<std::string> text = read_standard_input(max_bytes);
    if (!text.ok()) return text.status();
    FileBytes bytes;
    bytes.owned_ = std::move(*text);
    bytes.data_ = bytes.owned_.data();
    bytes.size_ = bytes.owned_.size();
    bytes.readable_ = bytes.size_;
    return bytes;
  }
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Status::error("文件 " + path + "：不存在或不是普通文件");
  }
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return Status::error("文件 " + path + "：无法读取");
  if (size > max_bytes) {
    return Status::error("文件 " + path + "：超过 " + std::to_string(max_bytes >> 20) +
                         " MiB，拒绝读取");
  }
  FileBytes bytes;
  if (size >= map_at_least) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
      const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
      const size_t length = (size + page - 1) / page * page;
      void* p = ::mmap(nullptr, length, PROT_READ, MAP_PRIVATE, fd, 0);
      ::close(fd);
      if (p != MAP_FAILED) {
        ::madvise(p, length, MADV_SEQUENTIAL);
        bytes.data_ = static_cast<const char*>(p);
        bytes.size_ = size;
        bytes.readable_ = length;
        bytes.mapped_ = length;
        return bytes;
      }
    }
    // Mapping failed: read the file instead.
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::error("文件 " + path + "：无法打开");
  bytes.owned_.resize(size);
  if (!in.read(bytes.owned_.data(), static_cast<std::streamsize>(size))) {
    return Status::error("文件 " + path + "：读取失败");
  }
  bytes.data_ = bytes.owned_.data();
  bytes.size_ = size;
  bytes.readable_ = size;
  return bytes;
}

FileBytes::FileBytes(FileBytes&& other) noexcept {
  *this = std::move(other);
}

FileBytes& FileBytes::operator=(FileBytes&& other) noexcept {
  if (this == &other) return *this;
  release();
  owned_ = std::move(other.owned_);
  mapped_ = std::exchange(other.mapped_, 0);
  size_ = std::exchange(other.size_, 0);
  readable_ = std::exchange(other.readable_, 0);
  data_ = mapped_ != 0 ? std::exchange(other.data_, "") : owned_.data();
  other.data_ = "";
  return *this;
}

FileBytes::~FileBytes() {
  release();
}

void FileBytes::release() {
  if (mapped_ != 0) ::munmap(const_cast<char*>(data_), mapped_);
  mapped_ = 0;
  data_ = "";
  size_ = 0;
  readable_ = 0;
}

std::string lower_extension(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  const size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return "";
  std::string ext(path.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

}  // namespace jixiao::format
