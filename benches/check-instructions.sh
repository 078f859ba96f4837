#!/usr/bin/env bash
# Counts the instructions rustc runs for the `cargo check` that
# benches/compile-time.sh times (the crate holding one enum of VARIANTS
# variants), derived each way, under callgrind; prints each against
# thiserror's. A count does not move with the machine's load, so it shows
# what a change to the derive or its runtime does to checking time even on
# a machine where the timed ratio moves by a tenth from run to run. It
# leaves out cache effects, so it is not the budget's figure: the times are.
#
#   bash benches/check-instructions.sh            # VARIANTS=1000, about 3 minutes
#
# Needs valgrind. Builds in a temporary directory; nothing is written to the
# repository or its target directory.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
. benches/setup.sh
command -v valgrind >/dev/null || { echo "needs valgrind" >&2; exit 1; }

variants=${VARIANTS:-1000}
export CARGO_INCREMENTAL=0 RUSTC_WRAPPER=

bench_scratch
export CARGO_TARGET_DIR=$tmp/target

bench_enum_workspace "$ws" "$variants" "$repo"
(cd "$ws" && cargo check -q -p enum-thiserror -p enum-api -p enum-both)

bench_count_wrapper "$tmp/wrapper"

# The instructions of checking enum-$1, once its dependencies are built.
count() {
  touch "$ws/enum-$1/src/lib.rs"
  : >"$tmp/$1.counts"
  (cd "$ws" && COUNT_CRATE="enum_$1" COUNT_OUT="$tmp/$1.counts" RUSTC_WRAPPER="$tmp/wrapper" \
    cargo check -q -p "enum-$1")
  awk '{ print $2 }' "$tmp/$1.counts"
}

echo "$(rustc -V); instructions of \`cargo check\` for one enum of $variants variants"
echo
echo "| derive | instructions | ratio to \`thiserror::Error\` |"
echo "|---|---|---|"
base=$(count thiserror)
echo "| \`thiserror::Error\` | $base | 1.00× |"
for kind in api both; do
  n=$(count "$kind")
  name=$([ "$kind" = api ] && echo '`ApiError`' || echo '`thiserror::Error, ApiError`')
  awk -v name="$name" -v n="$n" -v b="$base" 'BEGIN { printf "| %s | %.0f | %.2f× |\n", name, n, n / b }'
done
