#!/usr/bin/env bash
# The main job: builds jixiao (installing what it needs) and scores the
# example evaluations, printing each scored table. Extra arguments go to
# `jixiao score` (for example --json, or --rules bureau-example).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --target jixiao -j "$(nproc 2>/dev/null || echo 2)" >/dev/null
exec build/jixiao score "$@" examples/*.json
