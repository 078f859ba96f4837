#!/usr/bin/env bash
# Counts the lines of LLVM IR each derive generates for one enum of VARIANTS
# variants (the crates benches/compile-time.sh checks), per variant, and lists
# the largest functions of the ApiError one: what the derive's output weighs,
# a figure that, unlike a time, does not move with the machine's load.
# A full run takes about a minute, plus one to install cargo-llvm-lines.
#
#   bash benches/llvm-lines.sh                    # VARIANTS=1000
#   VARIANTS=60 bash benches/llvm-lines.sh        # a quick smoke test
#
# Installs cargo-llvm-lines, if it is not on the PATH, under
# ${XDG_CACHE_HOME:-~/.cache}/api-error-benches. Builds in a temporary
# directory; nothing is written to the repository or its target directory.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
. benches/setup.sh

variants=${VARIANTS:-1000}
top=10

if ! command -v cargo-llvm-lines >/dev/null; then
  root=${XDG_CACHE_HOME:-$HOME/.cache}/api-error-benches
  if [ ! -x "$root/bin/cargo-llvm-lines" ]; then
    echo "installing cargo-llvm-lines under $root"
    cargo install -q cargo-llvm-lines --locked --root "$root"
  fi
  export PATH=$root/bin:$PATH
fi

bench_scratch
export CARGO_TARGET_DIR=$tmp/target

bench_enum_workspace "$ws" "$variants" "$repo"

echo "$(rustc -V), $(cargo llvm-lines --version)"
echo "lines of LLVM IR (dev profile) for one enum of $variants variants"
echo
printf '%-10s %10s %10s %12s\n' derive lines copies "per variant"
for kind in thiserror api both; do
  (cd "$ws" && cargo llvm-lines -q --lib -p "enum-$kind") >"$tmp/$kind" 2>"$tmp/log" \
    || { cat "$tmp/log" >&2; exit 1; }
  # The (TOTAL) row starts with the lines, then the copies.
  awk -v kind="$kind" -v n="$variants" '/\(TOTAL\)/ {
    printf "%-10s %10d %10d %12.1f\n", kind, $1, $2, $1 / n; found = 1
  } END { if (!found) exit 1 }' "$tmp/$kind"
done

echo
echo "the $top largest functions of the ApiError enum:"
# Less the (TOTAL) row: two header lines, then the functions, largest first.
grep -v '(TOTAL)' "$tmp/api" | head -n $((top + 2))
