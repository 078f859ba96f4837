#!/usr/bin/env bash
# Counts the instructions of every rustc in the two clean builds that
# benches/compile-time.sh times for its budget (B): api-error with default
# features, and its dependencies alone; for reference, also api-error with
# the `parse-json` feature, which adds no dependency. The count is the work
# each build does, whatever the machine's load and wherever in the build's
# schedule api-error falls, which the timed ratio depends on. Build scripts'
# own runs are not counted. It leaves out cache effects and parallelism, so it is not
# the budget's figure: the times are.
#
#   bash benches/build-instructions.sh            # about 30 minutes on 2 cores
#
# Needs valgrind. Builds in a temporary directory; nothing is written to the
# repository or its target directory.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
. benches/setup.sh
command -v valgrind >/dev/null || { echo "needs valgrind" >&2; exit 1; }

export CARGO_INCREMENTAL=0 RUSTC_WRAPPER=

bench_scratch
export CARGO_TARGET_DIR=$tmp/target

bench_workspace "$ws" "$repo"
bench_build_crates "$ws" "$repo"
(cd "$ws" && cargo fetch -q)

bench_count_wrapper "$tmp/wrapper"

# The instructions of a clean build of crate $1, summed over the crates
# named $2 (all if empty); each crate's count is kept in $tmp/$1.counts.
count() { # crate [counted]
  rm -rf "$CARGO_TARGET_DIR"
  : >"$tmp/$1.counts"
  (cd "$ws" && COUNT_CRATE="${2:-}" COUNT_OUT="$tmp/$1.counts" RUSTC_WRAPPER="$tmp/wrapper" cargo build -q -p "$1")
  awk '{ n += $2 } END { printf "%.0f", n }' "$tmp/$1.counts"
}

echo "$(rustc -V); instructions of every rustc in a clean \`cargo build\`"
echo
deps=$(count deps-only)
with=$(count with-api-error)
own=$(awk '$1 == "api_error" { print $2 }' "$tmp/with-api-error.counts")
# The other crates of that build are the same, so only api-error is counted.
own_parse=$(count with-parse-json api_error)
echo "| build | instructions | ratio |"
echo "|---|---|---|"
echo "| dependencies alone | $deps | 1.00× |"
awk -v n="$with" -v b="$deps" 'BEGIN { printf "| `api-error` (default features) | %.0f | %.3f× |\n", n, n / b }'
awk -v n="$own" -v b="$deps" 'BEGIN { printf "| of which `api-error` itself | %.0f | %.3f× |\n", n, n / b }'
awk -v n="$with" -v o="$own" -v p="$own_parse" -v b="$deps" 'BEGIN { m = n - o + p; printf "| `api-error` with `parse-json` | %.0f | %.3f× |\n", m, m / b }'
awk -v n="$own_parse" -v b="$deps" 'BEGIN { printf "| of which `api-error` itself | %.0f | %.3f× |\n", n, n / b }'
