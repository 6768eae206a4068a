#include "app/pdf_export.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "format/file_output.h"

namespace jixiao::app {

namespace fs = std::filesystem;

std::string find_soffice() {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return {};
  const std::string p(path);
  size_t start = 0;
  while (start <= p.size()) {
    size_t colon = p.find(':', start);
    if (colon == std::string::npos) colon = p.size();
    const std::string dir = p.substr(start, colon - start);
    for (const char* name : {"soffice", "libreoffice"}) {
      const fs::path candidate = fs::path(dir.empty() ? "." : dir) / name;
      if (access(candidate.c_str(), X_OK) == 0) return candidate.string();
    }
    start = colon + 1;
  }
  return {};
}

Status convert_to_pdf(const std::vector<std::string>& files, const std::string& out_dir,
                      int timeout_seconds) {
  if (files.empty()) return Status();
  const std::string soffice = find_soffice();
  if (soffice.empty()) {
    return Status::error(
        "未找到 LibreOffice（soffice），无法生成 PDF；请安装 libreoffice-writer-nogui"
        "（scripts/setup.sh 会安装），或用 Word、WPS 打开 .docx 另存为 PDF");
  }
  // A fresh profile per run: LibreOffice locks its profile.
  Result<std::string> folder = format::make_temporary_folder("jixiao-lo-");
  if (!folder.ok()) return folder.status();
  const fs::path profile(*folder);
  std::error_code ec;
  const std::string profile_arg = "-env:UserInstallation=file://" + profile.string();
  std::vector<std::string> args = {soffice,        profile_arg, "--headless", "--norestore",
                                   "--convert-to", "pdf",       "--outdir",   out_dir};
  for (const auto& f : files) args.push_back(f);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid < 0) {
    fs::remove_all(profile, ec);
    return Status::error("无法启动 LibreOffice");
  }
  if (pid == 0) {
    // soffice prints its progress on stdout: keep the user's output clean.
    FILE* devnull = std::fopen("/dev/null", "w");
    if (devnull != nullptr) {
      dup2(fileno(devnull), STDOUT_FILENO);
      dup2(fileno(devnull), STDERR_FILENO);
    }
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  bool timed_out = false;
  for (;;) {
    const pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == pid) break;
    if (r < 0) break;
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  fs::remove_all(profile, ec);
  if (timed_out) return Status::error("LibreOffice 转换 PDF 超时");
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return Status::error("LibreOffice 转换 PDF 失败");
  }
  for (const auto& f : files) {
    const fs::path pdf = fs::path(out_dir) / fs::path(f).filename().replace_extension(".pdf");
    if (!fs::exists(pdf, ec)) return Status::error("LibreOffice 未能生成 " + pdf.string());
  }
  return Status();
}

}  // namespace jixiao::app
