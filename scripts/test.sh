#!/usr/bin/env bash
# Builds jixiao and runs every test, twice: a Release build with warnings as
# errors, then a Debug build under AddressSanitizer and UndefinedBehaviorSanitizer.
# Installs what it needs first (scripts/setup.sh). Works without a terminal (CI=true).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

jobs=$(nproc 2>/dev/null || echo 2)
echo "== Release build and tests"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DJIXIAO_WERROR=ON >/dev/null
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs"

echo "== Sanitizer build (ASan + UBSan) and tests"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DJIXIAO_SANITIZE=ON \
  -DJIXIAO_WERROR=ON -DJIXIAO_BENCH=OFF >/dev/null
cmake --build build-asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs"

echo "== All tests passed"
