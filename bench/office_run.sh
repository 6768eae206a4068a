#!/usr/bin/env bash
# Office throughput in one run (bench/README.md): builds Release (build-bench),
# writes 1,000 self-evaluation workbooks (~33 rows each) through jixiao's
# template, then measures on the same files and machine:
#   jixiao import (read + find tables + score)   vs  openpyxl reading the same cells
#   jixiao reports (.docx)                        vs  python-docx writing a similar report
# and prints files/s with the targets (≥ 300 workbooks/s and ≥ 20× openpyxl;
# ≥ 100 reports/s and ≥ 20× python-docx). A MISS does not fail the script.
#
# Environment: JIXIAO_OFFICE_FILES (1000), JIXIAO_OFFICE_PEER_REPORTS (200:
# python-docx is slow; files/s is per file either way), JIXIAO_BENCH_BUILD.
set -euo pipefail
cd "$(dirname "$0")/.."

build=${JIXIAO_BENCH_BUILD:-build-bench}
files=${JIXIAO_OFFICE_FILES:-1000}
peer_reports=${JIXIAO_OFFICE_PEER_REPORTS:-200}
python=/usr/bin/python3  # Debian's, with python3-openpyxl and python3-docx
work=$(mktemp -d "${TMPDIR:-/tmp}/jixiao-office-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT

scripts/setup.sh
echo "== build (Release, $build)"
# A new folder is configured without the tests; an existing one keeps its
# settings (turning the tests off in a test build would leave ctest running
# stale test binaries).
tests_off=(); [ -f "$build/CMakeCache.txt" ] || tests_off=(-DJIXIAO_TESTS=OFF)
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release "${tests_off[@]}" >/dev/null
cmake --build "$build" --target office_bench -j "$(nproc 2>/dev/null || echo 2)" >/dev/null

pin=()
if command -v taskset >/dev/null 2>&1 && taskset -c 0 true 2>/dev/null; then pin=(taskset -c 0); fi

echo "== $files workbooks"
"$build/bench/office_bench" generate "$work/xlsx" "$files"
du -sh "$work/xlsx" | cut -f1 | sed 's/^/   size: /'

echo "== import: jixiao, then openpyxl (${pin[*]:-unpinned})"
"${pin[@]}" "$build/bench/office_bench" import "$work/xlsx" >"$work/import.json"
"${pin[@]}" "$python" bench/office_peer.py import "$work/xlsx" >"$work/import-peer.json"

echo "== reports: jixiao $files, python-docx $peer_reports"
"${pin[@]}" "$build/bench/office_bench" reports "$work/docx" "$files" >"$work/reports.json"
"${pin[@]}" "$python" bench/office_peer.py reports "$work/docx-peer" "$peer_reports" >"$work/reports-peer.json"

"$python" - "$work" <<'PY'
import json, os, sys
w = sys.argv[1]
load = lambda n: json.load(open(os.path.join(w, n)))
imp, imp_peer = load("import.json"), load("import-peer.json")
rep, rep_peer = load("reports.json"), load("reports-peer.json")
def verdict(ok): return "PASS" if ok else "MISS"
print()
print(f"{'':34} {'files':>6} {'seconds':>8} {'files/s':>9} {'× peer':>7}  target")
ri = imp["files_per_second"] / imp_peer["files_per_second"]
rr = rep["files_per_second"] / rep_peer["files_per_second"]
print(f"{'jixiao import (read+tables+score)':34} {imp['files']:6} {imp['seconds']:8.2f} {imp['files_per_second']:9.1f} {ri:7.1f}  "
      f"≥ 300/s {verdict(imp['files_per_second'] >= 300)}, ≥ 20× {verdict(ri >= 20)}")
print(f"{'openpyxl (same cells)':34} {imp_peer['files']:6} {imp_peer['seconds']:8.2f} {imp_peer['files_per_second']:9.1f} {1:7.1f}")
print(f"{'jixiao reports (.docx)':34} {rep['files']:6} {rep['seconds']:8.2f} {rep['files_per_second']:9.1f} {rr:7.1f}  "
      f"≥ 100/s {verdict(rep['files_per_second'] >= 100)}, ≥ 20× {verdict(rr >= 20)}")
print(f"{'python-docx (similar report)':34} {rep_peer['files']:6} {rep_peer['seconds']:8.2f} {rep_peer['files_per_second']:9.1f} {1:7.1f}")
print()
print(f"jixiao read {imp['evaluations']} evaluations, {imp['indicators']} indicator nodes; "
      f"openpyxl read {imp_peer['indicators']} indicator rows; "
      f"jixiao reports average {rep['bytes'] / rep['files'] / 1024:.1f} KiB; load {os.getloadavg()[0]:.2f}")
PY
