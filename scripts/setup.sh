#!/usr/bin/env bash
# Installs every system package jixiao needs to build, test and benchmark.
# Idempotent and non-interactive: when everything is present it does nothing
# (no network access), otherwise it installs only what is missing.
set -euo pipefail

packages=(
  # build
  build-essential cmake ninja-build pkg-config git
  # core libraries
  libsimdjson-dev nlohmann-json3-dev libcli11-dev libfmt-dev
  # office formats: xlsx in (libzip + pugixml), xlsx out (libxlsxwriter), docx out
  libzip-dev zlib1g-dev libpugixml-dev libxlsxwriter-dev
  # report rendering checks: docx -> PDF (LibreOffice headless), PDF text and pages, CJK fonts
  libreoffice-writer-nogui poppler-utils fonts-noto-cjk
  # storage: embedded SQLite, PostgreSQL client and server (the tests start a
  # throwaway cluster), libsodium for argon2id password hashes and SHA-256
  libsqlite3-dev libpq-dev postgresql-15 libsodium-dev
  # tests, sanitizers, fuzzing, benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev clang libclang-rt-14-dev
  # benchmark peers and test fixtures (Debian's python, not the one first on PATH)
  python3 python3-openpyxl python3-docx
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "jixiao setup: installing ${missing[*]}" >&2
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
