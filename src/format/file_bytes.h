// The bytes of a file, mapped read-only when it is large and read into
// memory otherwise. Readers use it to parse without copying; the CLI uses it
// to split a large JSON Lines file between threads.
//
// A mapped file must not be truncated while it is mapped (the process would
// get SIGBUS); jixiao never writes the files it reads.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/status.h"

namespace jixiao::format {

// The path that means standard input, as in most commands; its name in messages.
inline constexpr std::string_view kStandardInput = "-";
inline constexpr std::string_view kStandardInputName = "标准输入";

class FileBytes {
 public:
  // Opens `path`. Files of `map_at_least` bytes or more are mapped. Errors
  // name the file: missing, not a regular file, larger than `max_bytes`,
  // unreadable. The path "-" (kStandardInput) reads standard input to its
  // end, into memory, refused past `max_bytes` likewise.
  static Result<FileBytes> open(const std::string& path, size_t max_bytes,
                                size_t map_at_least = size_t{1} << 20);

  FileBytes() = default;
  FileBytes(FileBytes&& other) noexcept;
  FileBytes& operator=(FileBytes&& other) noexcept;
  FileBytes(const FileBytes&) = delete;
  FileBytes& operator=(const FileBytes&) = delete;
  ~FileBytes();

  std::string_view text() const { return {data_, size_}; }
  // How many bytes from text().data() on may be read: at least size(); for a
  // mapped file, up to the end of its last page (zeros past the end).
  size_t readable() const { return readable_; }

 private:
  void release();
  const char* data_ = "";
  size_t size_ = 0;
  size_t readable_ = 0;
  size_t mapped_ = 0;  // length of the mapping, 0 when read into `owned_`
  std::string owned_;
};

// The extension of `path`, lowercased, without its dot ("a/表.XLSX" → "xlsx");
// empty when there is none. Formats are chosen by it, in any case.
std::string lower_extension(std::string_view path);

}  // namespace jixiao::format
