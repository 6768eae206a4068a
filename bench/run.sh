#!/usr/bin/env bash
# Scoring throughput, measured in one run (bench/README.md):
#   1. builds Release in build-bench (no tests),
#   2. generates the benchmark file (100,000 evaluations × 20 rows, JSON Lines;
#      reused when already there),
#   3. runs jixiao_bench (Google Benchmark: parse+score, parse alone, score alone),
#   4. times `jixiao score FILE --json > /dev/null`, the same rows cut into
#      100 files scored by one command, and the default table output, each
#      round right after one run of the bench's parse+score, against which
#      they are compared (the ≤ 2× target),
#   5. times the Python peer (bench/peer_score.py) on the same file,
#   6. checks that jixiao and the peer agree on the totals of a sample,
# and prints rows/s for each with the issue's targets (PASS/MISS; a MISS does
# not fail the script, a disagreement with the peer does).
#
# Environment: JIXIAO_BENCH_DATA (the data file), JIXIAO_BENCH_EVALUATIONS
# (100000), JIXIAO_BENCH_SAMPLE (evaluations compared with the peer, 10000),
# JIXIAO_BENCH_REPETITIONS (3), JIXIAO_BENCH_BUILD (build-bench).
set -euo pipefail
cd "$(dirname "$0")/.."

build=${JIXIAO_BENCH_BUILD:-build-bench}
evaluations=${JIXIAO_BENCH_EVALUATIONS:-100000}
seed=20240613
data=${JIXIAO_BENCH_DATA:-${TMPDIR:-/tmp}/jixiao-bench-v3-${evaluations}-${seed}.jsonl}  # v3: the generator version
sample=${JIXIAO_BENCH_SAMPLE:-10000}
repetitions=${JIXIAO_BENCH_REPETITIONS:-3}
python=/usr/bin/python3  # Debian's; the python3 first on PATH may be another interpreter
out=$build/bench-results

scripts/setup.sh
echo "== build (Release, $build)"
# A new folder is configured without the tests; an existing one keeps its
# settings (turning the tests off in a test build would leave ctest running
# stale test binaries).
tests_off=(); [ -f "$build/CMakeCache.txt" ] || tests_off=(-DJIXIAO_TESTS=OFF)
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release "${tests_off[@]}" >/dev/null
cmake --build "$build" --target jixiao jixiao_bench -j "$(nproc 2>/dev/null || echo 2)" >/dev/null
mkdir -p "$out"

# One core, so that the figures compare like with like.
pin=()
if command -v taskset >/dev/null 2>&1 && taskset -c 0 true 2>/dev/null; then
  pin=(taskset -c 0)
fi

echo "== data"
"$build/bench/jixiao_bench" --data="$data" --evaluations="$evaluations" --seed="$seed" \
  --generate_only

echo "== jixiao_bench (${pin[*]:-unpinned})"
"${pin[@]}" "$build/bench/jixiao_bench" --data="$data" --evaluations="$evaluations" \
  --seed="$seed" --benchmark_repetitions="$repetitions" --benchmark_report_aggregates_only=true \
  --benchmark_out="$out/bench.json" --benchmark_out_format=json

# The same rows as 100 files, for "many files at once" (issue item 13).
rm -rf "$out/files"
mkdir -p "$out/files"
split -d -a 3 --additional-suffix=.jsonl -n l/100 "$data" "$out/files/part-"
sync  # the new files' pages written back now, not while the CLI is timed

# Each round times the bench's parse + score right before the CLI cases on one
# core, so that each CLI time is compared with the bench in the same minute
# (this machine's speed moves by a third within minutes).
echo "== jixiao score (CLI), $repetitions rounds on one core (the bench's parse+score, JSON on one file, on 100, the table), then one file and 100 on all cores"
: >"$out/cli.txt"
: >"$out/cli_files.txt"
: >"$out/cli_table.txt"
: >"$out/cli_all.txt"
: >"$out/cli_files_all.txt"
for round in $(seq "$repetitions"); do
  "${pin[@]}" "$build/bench/jixiao_bench" --data="$data" --evaluations="$evaluations" \
    --seed="$seed" --score_copies=1 --benchmark_filter='^parse_and_score/file' \
    --benchmark_out="$out/pair-$round.json" --benchmark_out_format=json >/dev/null
  start=$(date +%s%N)
  JIXIAO_THREADS=1 "${pin[@]}" "$build/jixiao" score "$data" --json >/dev/null
  end=$(date +%s%N)
  echo $(((end - start) / 1000)) >>"$out/cli.txt"  # µs
  start=$(date +%s%N)
  JIXIAO_THREADS=1 "${pin[@]}" "$build/jixiao" score "$out"/files/part-*.jsonl --json >/dev/null
  end=$(date +%s%N)
  echo $(((end - start) / 1000)) >>"$out/cli_files.txt"
  start=$(date +%s%N)
  JIXIAO_THREADS=1 "${pin[@]}" "$build/jixiao" score "$data" >/dev/null
  end=$(date +%s%N)
  echo $(((end - start) / 1000)) >>"$out/cli_table.txt"
  start=$(date +%s%N)
  "$build/jixiao" score "$data" --json >/dev/null
  end=$(date +%s%N)
  echo $(((end - start) / 1000)) >>"$out/cli_all.txt"
  start=$(date +%s%N)
  "$build/jixiao" score "$out"/files/part-*.jsonl --json >/dev/null
  end=$(date +%s%N)
  echo $(((end - start) / 1000)) >>"$out/cli_files_all.txt"
done

echo "== Python peer ($python), 1 run"
"${pin[@]}" "$python" bench/peer_score.py "$data" >"$out/peer.json"

echo "== agreement on the first $sample evaluations"
head -n "$sample" "$data" >"$out/sample.jsonl"
"$build/jixiao" score "$out/sample.jsonl" --json >"$out/sample-jixiao.jsonl"
"$python" bench/peer_score.py "$out/sample.jsonl" --compare "$out/sample-jixiao.jsonl" \
  >"$out/agreement.json"

"$python" - "$out" "$data" <<'EOF'
import json, os, statistics, sys

out, data = sys.argv[1], sys.argv[2]
bench = json.load(open(os.path.join(out, "bench.json")))
peer = json.load(open(os.path.join(out, "peer.json")))
agreement = json.load(open(os.path.join(out, "agreement.json")))
cli_us = [int(x) for x in open(os.path.join(out, "cli.txt")).read().split()]
cli_all_us = [int(x) for x in open(os.path.join(out, "cli_all.txt")).read().split()]
cli_files_us = [int(x) for x in open(os.path.join(out, "cli_files.txt")).read().split()]
cli_files_all_us = [int(x) for x in open(os.path.join(out, "cli_files_all.txt")).read().split()]
cli_table_us = [int(x) for x in open(os.path.join(out, "cli_table.txt")).read().split()]
# The bench's parse+score ns/row measured right before each round of CLI runs.
pair_ns = []
for k in range(1, len(cli_us) + 1):
    runs = json.load(open(os.path.join(out, f"pair-{k}.json")))["benchmarks"]
    pair_ns.append(1e9 / [b for b in runs if b["name"].startswith("parse_and_score")][0]["rows/s"])

def case(name):
    runs = [b for b in bench["benchmarks"] if b.get("run_name", b["name"]).startswith(name)]
    for b in runs:  # the median of the repetitions, else the single run
        if b.get("aggregate_name") == "median":
            return b
    return runs[0]

ctx = bench["context"]
rows = int(ctx["data_rows"])
size = int(ctx["data_bytes"])
parse_score, parse_only = case("parse_and_score/file"), case("parse_only/file")
floor = case("json_floor/file")
index = case("json_index/file")
walk = case("json_walk/file")
hot, cold = case("score_only/hot"), case("score_only/cold")
score_floor = case("score_floor/hot")
cli_s = statistics.median(cli_us) / 1e6
cli_all_s = statistics.median(cli_all_us) / 1e6
cli_files_s = statistics.median(cli_files_us) / 1e6
cli_files_all_s = statistics.median(cli_files_all_us) / 1e6
cli_table_s = statistics.median(cli_table_us) / 1e6

# The CLI's time per row over the bench's parse+score measured in the same
# round: the median of the rounds' ratios, and their range.
def paired(us):
    ratios = sorted(u * 1e3 / rows / ns for u, ns in zip(us, pair_ns))
    return statistics.median(ratios), ratios[0], ratios[-1]

cli_ratio, cli_files_ratio, cli_table_ratio = paired(cli_us), paired(cli_files_us), paired(cli_table_us)
cli_files_all_ratio = paired(cli_files_all_us)
lines = [
    # label, rows/s, seconds for the whole file (None: not measured on the file)
    ("jixiao parse+score (bench)", parse_score["rows/s"], rows / parse_score["rows/s"]),
    ("jixiao parse alone (bench)", parse_only["rows/s"], rows / parse_only["rows/s"]),
    ("jixiao score alone, hot", hot["rows/s"], None),
    ("jixiao score alone, cold", cold["rows/s"], None),
    ("scoring floor, hot", score_floor["rows/s"], None),
    ("jixiao score --json (CLI)", rows / cli_s, cli_s),
    ("  the same rows in 100 files", rows / cli_files_s, cli_files_s),
    ("jixiao score (CLI, table)", rows / cli_table_s, cli_table_s),
    (f"  one file, {os.cpu_count()} cores", rows / cli_all_s, cli_all_s),
    (f"  100 files, {os.cpu_count()} cores", rows / cli_files_all_s, cli_files_all_s),
    ("simdjson DOM, parse only", floor["rows/s"], rows / floor["rows/s"]),
    ("simdjson index only", index["rows/s"], rows / index["rows/s"]),
    ("simdjson on-demand walk", walk["rows/s"], rows / walk["rows/s"]),
    ("Python peer", peer["rows_per_second"], peer["seconds"]),
]
py = peer["rows_per_second"]

def verdict(ok):
    return "PASS" if ok else "MISS"

targets = {
    "jixiao parse+score (bench)": ("≥ 10 M rows/s (file ≤ 0.2 s)",
                                   verdict(parse_score["rows/s"] >= 10e6)),
    "jixiao score alone, hot": ("≥ 30 M rows/s", verdict(hot["rows/s"] >= 30e6)),
    "jixiao score --json (CLI)": ("≤ 2 × parse+score time/row", verdict(cli_ratio[0] <= 2)),
    "  the same rows in 100 files": ("≤ 2 × parse+score time/row",
                                     verdict(cli_files_ratio[0] <= 2)),
    "jixiao score (CLI, table)": ("≤ 2 × parse+score time/row", verdict(cli_table_ratio[0] <= 2)),
    "scoring floor, hot": ("reference: a/t×w and a rounding per leaf", ""),
    "simdjson DOM, parse only": ("reference: no jixiao code", ""),
    "simdjson index only": ("reference: stage 1, nothing walked", ""),
    "simdjson on-demand walk": ("reference: every value visited, none converted", ""),
    "Python peer": ("same results, json module", ""),
}

def rate(r):
    return f"{r / 1e6:8.2f} M" if r >= 1e6 else f"{r / 1e3:8.1f} k"

print()
print(f"data: {data}: {size / 1e6:.0f} MB, {rows:,} rows "
      f"({size / rows:.0f} bytes/row); {ctx.get('num_cpus')} CPUs at {ctx.get('mhz_per_cpu')} MHz; "
      f"load {os.getloadavg()[0]:.2f}")
print()
print(f"{'':28} {'rows/s':>10} {'ns/row':>8} {'file s':>7} {'MB/s':>7} {'× Python':>9}"
      f"  {'target':<32} ")
for label, r, seconds in lines:
    target, result = targets.get(label, ("", ""))
    file_s = f"{seconds:7.2f}" if seconds is not None else f"{'':7}"
    mb_s = f"{size / seconds / 1e6:7.0f}" if seconds is not None else f"{'':7}"
    print(f"{label:28} {rate(r):>10} {1e9 / r:8.0f} {file_s} {mb_s} {r / py:9.1f}"
          f"  {target:<32} {result}")
print()
walk_ns = 1e9 / walk["rows/s"]
print(f"parse+score runs at {parse_score['rows/s'] / floor['rows/s']:.2f}× the speed of simdjson's DOM "
      f"parser alone on the same file; indexing alone (stage 1) takes {1e9 / index['rows/s']:.0f} ns/row "
      f"and indexing plus the on-demand walk over every value, converting nothing, {walk_ns:.0f}: "
      + (f"more than the 10 M rows/s target's 100 ns/row before jixiao does anything"
         if walk_ns > 100 else
         f"{100 - walk_ns:.0f} ns/row of the 10 M rows/s target's 100 are left for converting and scoring")
      + "; the CLI takes, per row and against the bench's parse+score measured in the same round "
      f"(median, range of {len(pair_ns)} rounds; the bench ran at "
      f"{min(pair_ns):.0f}–{max(pair_ns):.0f} ns/row in them): "
      + ", ".join(f"{label} {r[0]:.2f}× ({r[1]:.2f}–{r[2]:.2f})" for label, r in
                  [("JSON of one file", cli_ratio), ("of 100 files", cli_files_ratio),
                   ("tables", cli_table_ratio),
                   (f"100 files on all {os.cpu_count()} cores", cli_files_all_ratio)])
      + " (it also writes every explanation and finding)")
print(f"jixiao vs Python peer: {agreement['disagreements']} of {agreement['compared']} "
      f"totals/grades disagree")
for ex in agreement["examples"]:
    print("  ", ex)
sys.exit(1 if agreement["disagreements"] else 0)
EOF
