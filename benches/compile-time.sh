#!/usr/bin/env bash
# Measures the two compile-time budgets, each against its baseline in the
# same run, and prints a Markdown table for BENCHMARKS.md:
#
# (A) `cargo check` of a crate holding one enum of VARIANTS variants with
#     `#[derive(ApiError)]`, against the same enum with
#     `#[derive(thiserror::Error)]` (budget: 1.25x); and, for reference,
#     `#[derive(thiserror::Error, ApiError)]` against thiserror alone.
# (B) a clean build of `api-error` with default features, against a clean
#     build of its dependencies alone (budget: 1.10x); and, for reference,
#     the processor time of those builds, which shows the work api-error adds
#     apart from where in the build's schedule it falls, and the build with
#     the `parse-json` feature, against the same baseline.
#
#   bash benches/compile-time.sh                  # VARIANTS=1000 RUNS=9
#   VARIANTS=60 RUNS=1 bash benches/compile-time.sh   # a quick smoke test
#
# Everything is built in a temporary directory; nothing is written to the
# repository or its target directory. Medians of RUNS runs, in alternation,
# so that a change in the machine's load falls on every side alike.
# On 2 cores a full run takes about 6 minutes, most of it in (B).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
. benches/setup.sh

variants=${VARIANTS:-1000}
runs=${RUNS:-9}
# The budget is stated without incremental compilation; it also keeps the
# clean builds of (B) from paying for incremental state on the path crates,
# which a user who gets api-error from crates.io never builds.
export CARGO_INCREMENTAL=0
# A compiler cache would turn the clean builds of (B) into cache reads.
export RUSTC_WRAPPER=

bench_scratch

echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)," \
  "load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$(rustc -V), $(cargo -V)"
echo "variants: $variants, runs: $runs"
echo

# One workspace holds every generated crate, with the repository's Cargo.lock,
# so all of them build the exact versions the project builds.
bench_enum_workspace "$ws" "$variants" "$repo"
bench_build_crates "$ws" "$repo"
echo "api-error's default dependencies, for (B):"
sed -n '/^\[dependencies\]/,$p' "$ws/deps-only/Cargo.toml" | tail -n +2 | sed 's/^/  /'
echo
(cd "$ws" && cargo fetch -q)

# Runs a command in the workspace with its stderr in $tmp/log; sets $secs to
# its wall time and $cpu to the processor time it and its children took
# (user + system), in seconds.
secs=
cpu=
timed() {
  local times user sys
  times=$(cd "$ws" && { TIMEFORMAT='%R %U %S'; time "$@" 2>"$tmp/log"; } 2>&1) ||
    { cat "$tmp/log" >&2; return 1; }
  read -r secs user sys <<<"$times"
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.3f", u + s }')
}

median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { printf "%.3f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
holds() { awk -v r="$1" -v max="$2" 'BEGIN { print (r <= max ? "yes" : "**no**") }'; }

# (A) Dependencies are built once here; each measured run then touches the
# enum crate's lib.rs so that cargo recompiles it, and it alone.
export CARGO_TARGET_DIR=$tmp/target-check
echo "(A) warm-up: checking the dependencies once"
(cd "$ws" && cargo check -q -p enum-thiserror -p enum-api -p enum-both)

# Checks enum-$1 once and sets $secs. A run that rebuilt anything else (say, a
# file of api-error edited meanwhile) would measure that too: it is run again.
check_enum() {
  local attempt others
  for attempt in 1 2 3; do
    touch "$ws/enum-$1/src/lib.rs"
    timed cargo check -p "enum-$1"
    grep -q "Checking enum-$1 " "$tmp/log" || { cat "$tmp/log" >&2; echo "enum-$1 was not rebuilt" >&2; return 1; }
    others=$(grep -E '^ *(Compiling|Checking) ' "$tmp/log" | grep -v " enum-$1 " || true)
    [ -z "$others" ] && return 0
    echo "  enum-$1 run $attempt also rebuilt, so it is run again:" $others >&2
  done
  echo "enum-$1 kept rebuilding other crates" >&2
  return 1
}

declare -A check
for ((r = 1; r <= runs; r++)); do
  line="(A) run $r/$runs:"
  for kind in thiserror api both; do
    check_enum "$kind"
    check[$kind]+=" $secs"
    line+=" $kind ${secs}s"
  done
  echo "$line"
done

# (B) Each build starts from an empty target directory.
export CARGO_TARGET_DIR=$tmp/target-build
declare -A build build_cpu
for ((r = 1; r <= runs; r++)); do
  line="(B) run $r/$runs:"
  for crate in deps-only with-api-error with-parse-json; do
    rm -rf "$CARGO_TARGET_DIR"
    timed cargo build -p "$crate"
    build[$crate]+=" $secs"
    build_cpu[$crate]+=" $cpu"
    line+=" $crate ${secs}s (cpu ${cpu}s)"
  done
  echo "$line"
done

# shellcheck disable=SC2086 # the lists are space-separated on purpose
{
  t=$(median ${check[thiserror]})
  a=$(median ${check[api]})
  b=$(median ${check[both]})
  d=$(median ${build[deps-only]})
  w=$(median ${build[with-api-error]})
  dcpu=$(median ${build_cpu[deps-only]})
  wcpu=$(median ${build_cpu[with-api-error]})
  p=$(median ${build[with-parse-json]})
}
ra=$(ratio "$a" "$t")
rb=$(ratio "$b" "$t")
rw=$(ratio "$w" "$d")
rc=$(ratio "$wcpu" "$dcpu")
rp=$(ratio "$p" "$d")

echo
echo "Medians of $runs runs; $variants variants; \`CARGO_INCREMENTAL=0\`."
echo
echo "| measure | ours (median) | baseline (median) | ratio | budget | holds |"
echo "|---|---|---|---|---|---|"
echo "| \`cargo check\`, $variants-variant enum: \`ApiError\` / \`thiserror::Error\` | $a s | $t s | ${ra}× | ≤ 1.25× | $(holds "$ra" 1.25) |"
echo "| \`cargo check\`, $variants-variant enum: \`thiserror::Error, ApiError\` / \`thiserror::Error\` | $b s | $t s | ${rb}× | — (for reference) | — |"
echo "| clean \`cargo build\`: \`api-error\` (default features) / its dependencies alone | $w s | $d s | ${rw}× | ≤ 1.10× | $(holds "$rw" 1.10) |"
echo "| the same builds, processor time (user + system) | $wcpu s | $dcpu s | ${rc}× | — (for reference) | — |"
echo "| clean \`cargo build\`: \`api-error\` with \`parse-json\` / the same dependencies | $p s | $d s | ${rp}× | — (for reference) | — |"
