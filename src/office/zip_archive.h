// Zip containers (OOXML packages) in memory, over libzip.
//
// Reading parses untrusted bytes, so every read is bounded: the number of
// entries, the size of each part once inflated, the total inflated size and
// the compression ratio (zip bombs). Sizes are enforced on the bytes actually
// inflated, never on what the central directory claims. Encrypted entries
// and OLE compound files (an encrypted OOXML package, or a real .xls saved
// under a .xlsx name) are refused. Errors are Status values with a Chinese
// message; nothing throws.
//
// Writing builds a package in memory and returns its bytes.
//
// Neither class is thread-safe; use one per thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace jixiao::office {

struct ZipLimits {
  size_t max_archive_bytes = size_t{256} << 20;  // the file itself
  size_t max_entries = 10000;
  size_t max_part_bytes = size_t{64} << 20;    // one part, inflated
  size_t max_total_bytes = size_t{256} << 20;  // every part read, inflated
  // Inflated / compressed above this, for parts larger than 1 MiB, is a bomb.
  double max_ratio = 200;
};

// What kind of container `bytes` look like, from their first bytes.
enum class ContainerKind { zip, ole, other };
ContainerKind sniff_container(std::string_view bytes);

class ZipReader {
 public:
  ZipReader();
  ~ZipReader();
  ZipReader(const ZipReader&) = delete;
  ZipReader& operator=(const ZipReader&) = delete;

  // Opens `bytes`, which must outlive the reader. The message of an error
  // says what is wrong with the file, without naming it (callers prepend).
  Status open(std::string_view bytes, const ZipLimits& limits = {});

  // Whether the package has a part named `name` ("xl/workbook.xml").
  bool has(std::string_view name) const;

  // Inflates the part `name` into `out`. A missing part is an error.
  Status read(std::string_view name, std::string& out);

  // Releases the archive; after it the bytes given to open() may go.
  void close();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Builds a zip package in memory. Parts are stored in the order added.
class ZipWriter {
 public:
  ZipWriter();
  ~ZipWriter();
  ZipWriter(const ZipWriter&) = delete;
  ZipWriter& operator=(const ZipWriter&) = delete;

  // Adds a part; `content` is copied.
  void add(std::string name, std::string content);

  // The package's bytes, or an error from libzip (out of memory only).
  Result<std::string> finish();

 private:
  std::vector<std::pair<std::string, std::string>> parts_;
};

}  // namespace jixiao::office
