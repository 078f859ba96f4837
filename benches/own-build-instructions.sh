#!/usr/bin/env bash
# Counts the instructions of the one rustc that builds `api-error` itself
# (default features, debug, `CARGO_INCREMENTAL=0`), its dependencies built
# first without counting: the part of the clean build (budget B) a change
# to the crate moves, in minutes rather than the half hour of
# benches/build-instructions.sh, which counts the dependencies too. The
# ratio to the budget's baseline is (dependencies + this) / dependencies,
# with the dependencies' count from that script (it moves only with them).
#
#   bash benches/own-build-instructions.sh       # about a minute on 2 cores
#
# Needs valgrind. Builds in a temporary target directory.
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/setup.sh
command -v valgrind >/dev/null || { echo "needs valgrind" >&2; exit 1; }

export CARGO_INCREMENTAL=0 RUSTC_WRAPPER=
bench_scratch
export CARGO_TARGET_DIR=$tmp/target
bench_count_wrapper "$tmp/wrapper"

cargo build -q -p api-error
cargo clean -q -p api-error
: >"$tmp/counts"
COUNT_CRATE=api_error COUNT_OUT="$tmp/counts" RUSTC_WRAPPER="$tmp/wrapper" cargo build -q -p api-error
awk '{ printf "api-error itself: %s instructions\n", $2 }' "$tmp/counts"
