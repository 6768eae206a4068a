#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and fuzzes each for a
# while (default 60 s each; FUZZ_SECONDS to change). New crashing inputs are
# written to fuzz/crashes/; add them to fuzz/corpus/<target>/ once fixed so the
# normal test run replays them.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
seconds=${FUZZ_SECONDS:-60}
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DJIXIAO_SANITIZE=ON -DJIXIAO_FUZZ=ON -DJIXIAO_TESTS=OFF -DJIXIAO_BENCH=OFF >/dev/null
cmake --build build-fuzz
mkdir -p fuzz/crashes
for target in value evaluation xlsx audit audit_docx rule_set backup; do
  work=$(mktemp -d)
  cp fuzz/corpus/$target/* "$work"/ 2>/dev/null || true
  echo "== fuzzing $target for ${seconds}s"
  build-fuzz/fuzz/${target}_fuzzer -max_total_time="$seconds" -max_len=65536 \
    -artifact_prefix=fuzz/crashes/$target- "$work" fuzz/corpus/$target
  rm -rf "$work"
done
