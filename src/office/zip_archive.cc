#include "office/zip_archive.h"

#include <zip.h>

#include <cstring>
#include <unordered_map>

namespace jixiao::office {

ContainerKind sniff_container(std::string_view bytes) {
  static constexpr unsigned char kOle[] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
  if (bytes.size() >= sizeof kOle && std::memcmp(bytes.data(), kOle, sizeof kOle) == 0) {
    return ContainerKind::ole;
  }
  if (bytes.size() >= 4 && bytes[0] == 'P' && bytes[1] == 'K') return ContainerKind::zip;
  return ContainerKind::other;
}

struct ZipReader::Impl {
  zip_t* archive = nullptr;
  ZipLimits limits;
  size_t total = 0;
  std::unordered_map<std::string, zip_uint64_t> index;

  ~Impl() {
    if (archive != nullptr) zip_discard(archive);
  }
};

ZipReader::ZipReader() : impl_(std::make_unique<Impl>()) {}
ZipReader::~ZipReader() = default;

Status ZipReader::open(std::string_view bytes, const ZipLimits& limits) {
  impl_ = std::make_unique<Impl>();
  impl_->limits = limits;
  switch (sniff_container(bytes)) {
    case ContainerKind::ole:
      return Status::error(
          "文件已加密（设置了打开密码），或是旧版 Excel 97-2003 格式（.xls）改名为 .xlsx；"
          "请在 Excel 中取消密码，或另存为 Excel 工作簿（.xlsx）后再试");
    case ContainerKind::other:
      return Status::error("不是 Excel 工作簿（.xlsx）：文件内容不是 zip 压缩包");
    case ContainerKind::zip:
      break;
  }
  if (bytes.size() > limits.max_archive_bytes) {
    return Status::error("文件过大（超过 " + std::to_string(limits.max_archive_bytes >> 20) +
                         " MiB），拒绝读取");
  }
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    zip_error_fini(&error);
    return Status::error("内存不足，无法读取文件");
  }
  impl_->archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (impl_->archive == nullptr) {
    zip_source_free(source);
    zip_error_fini(&error);
    return Status::error("文件已损坏或不完整（zip 结构无法读取）");
  }
  zip_error_fini(&error);
  const zip_int64_t entries = zip_get_num_entries(impl_->archive, 0);
  if (entries < 0 || static_cast<size_t>(entries) > limits.max_entries) {
    return Status::error("压缩包内文件过多（超过 " + std::to_string(limits.max_entries) + " 个）");
  }
  for (zip_int64_t i = 0; i < entries; ++i) {
    const char* name = zip_get_name(impl_->archive, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW);
    if (name != nullptr) impl_->index.emplace(name, static_cast<zip_uint64_t>(i));
  }
  return Status();
}

void ZipReader::close() {
  impl_ = std::make_unique<Impl>();
}

bool ZipReader::has(std::string_view name) const {
  return impl_->index.count(std::string(name)) != 0;
}

Status ZipReader::read(std::string_view name, std::string& out) {
  out.clear();
  const std::string key(name);
  auto it = impl_->index.find(key);
  if (it == impl_->index.end()) return Status::error("缺少部件 " + key);
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(impl_->archive, it->second, 0, &st) != 0) {
    return Status::error("部件 " + key + " 已损坏");
  }
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
    return Status::error("文件已加密，请取消密码后再试");
  }
  const ZipLimits& limits = impl_->limits;
  zip_file_t* file = zip_fopen_index(impl_->archive, it->second, 0);
  if (file == nullptr)
    return Status::error("部件 " + key + " 无法解压（压缩方式不受支持或已损坏）");
  // Grow as bytes arrive: the declared size may lie.
  if ((st.valid & ZIP_STAT_SIZE) && st.size <= limits.max_part_bytes) {
    out.reserve(static_cast<size_t>(st.size));
  }
  char buf[64 * 1024];
  Status status;
  for (;;) {
    const zip_int64_t n = zip_fread(file, buf, sizeof buf);
    if (n < 0) {
      status = Status::error("部件 " + key + " 已损坏（解压失败或校验和不符）");
      break;
    }
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
    if (out.size() > limits.max_part_bytes) {
      status = Status::error("部件 " + key + " 解压后超过 " +
                             std::to_string(limits.max_part_bytes >> 20) + " MiB，拒绝读取");
      break;
    }
    if (impl_->total + out.size() > limits.max_total_bytes) {
      status = Status::error("文件解压后超过 " + std::to_string(limits.max_total_bytes >> 20) +
                             " MiB，拒绝读取");
      break;
    }
  }
  zip_fclose(file);
  if (!status.ok()) {
    out.clear();
    return status;
  }
  const size_t compressed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : out.size();
  if (out.size() > (size_t{1} << 20) &&
      static_cast<double>(out.size()) > limits.max_ratio * static_cast<double>(compressed + 1)) {
    out.clear();
    return Status::error("部件 " + key + " 压缩比异常（疑似压缩炸弹），拒绝读取");
  }
  impl_->total += out.size();
  return Status();
}

ZipWriter::ZipWriter() = default;
ZipWriter::~ZipWriter() = default;

void ZipWriter::add(std::string name, std::string content) {
  parts_.emplace_back(std::move(name), std::move(content));
}

Result<std::string> ZipWriter::finish() {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_error_fini(&error);
  if (buffer == nullptr) return Status::error("内存不足，无法生成文件");
  zip_source_keep(buffer);  // read the result back after zip_close
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, nullptr);
  if (archive == nullptr) {
    zip_source_free(buffer);
    return Status::error("内存不足，无法生成文件");
  }
  bool ok = true;
  for (const auto& [name, content] : parts_) {
    zip_source_t* part = zip_source_buffer(archive, content.data(), content.size(), 0);
    if (part == nullptr) {
      ok = false;
      break;
    }
    const zip_int64_t idx = zip_file_add(archive, name.c_str(), part, ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
      zip_source_free(part);
      ok = false;
      break;
    }
    // Level 1: documents are small and speed matters more than a few bytes.
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(idx), ZIP_CM_DEFLATE, 1);
  }
  if (!ok || zip_close(archive) != 0) {
    zip_discard(archive);  // after a failed close the archive is still ours
    zip_source_free(buffer);
    return Status::error("生成压缩包失败");
  }
  std::string bytes;
  zip_stat_t st;
  if (zip_source_stat(buffer, &st) == 0 && zip_source_open(buffer) == 0) {
    bytes.resize(static_cast<size_t>(st.size));
    const zip_int64_t n = zip_source_read(buffer, bytes.data(), bytes.size());
    zip_source_close(buffer);
    if (n < 0 || static_cast<size_t>(n) != bytes.size()) bytes.clear();
  }
  zip_source_free(buffer);
  if (bytes.empty()) return Status::error("生成压缩包失败");
  return bytes;
}

}  // namespace jixiao::office
