# The shared setup of the compile-time benchmarks, sourced by the scripts in
# benches/ and not run on its own. It generates the crates they measure: one
# enum of many variants, derived three ways; and two empty crates, one
# depending on api-error, the other on api-error's dependencies alone, whose
# clean builds are compared. It also gives each run its scratch directory
# and a rustc wrapper that counts instructions.

# The source of `pub enum E` with $2 variants, derived as kind $1. A third are
# unit variants, a third tuple and a third struct variants, with one or two
# fields; each message names every field of its variant.
bench_enum_source() { # kind variants
  awk -v kind="$1" -v n="$2" 'BEGIN {
    # Real statuses, client and server, so both code paths are generated.
    split("400 401 403 404 409 422 429 500 502 503", status, " ")
    if (kind == "thiserror") derive = "Debug, thiserror::Error"
    else if (kind == "api") derive = "Debug, api_error::ApiError"
    else derive = "Debug, thiserror::Error, api_error::ApiError"
    printf "//! %d variants, derived with %s.\n\n", n, derive
    printf "#[derive(%s)]\npub enum E {\n", derive
    for (i = 0; i < n; i++) {
      two = int(i / 3) % 2  # every other variant of a shape has two fields
      if (i % 3 == 0) {
        shape = ""; msg = "the service V" i " is unavailable"
      } else if (i % 3 == 1) {
        if (two) { shape = "(u32, String)"; msg = "request {0} for {1} was rejected" }
        else { shape = "(String)"; msg = "user {0} not found" }
      } else {
        if (two) { shape = " { id: u64, name: String }"; msg = "item {id} named {name} is taken" }
        else { shape = " { id: u64 }"; msg = "item {id} is locked" }
      }
      st = status[i % 10 + 1]
      if (kind == "thiserror") printf "    #[error(\"%s\")]\n", msg
      else if (kind == "api") printf "    #[api(status = %s, message = \"%s\")]\n", st, msg
      else printf "    #[error(\"%s\")]\n    #[api(status = %s)]\n", msg, st
      printf "    V%d%s,\n", i, shape
    }
    print "}"
  }'
}

# A crate enum-<kind> in $1/enum-<kind>. All three kinds get the same
# dependencies, so they load the same crates and differ only in the derive.
bench_enum_crate() { # root kind variants repo
  local dir="$1/enum-$2"
  mkdir -p "$dir/src"
  cat >"$dir/Cargo.toml" <<EOF
[package]
name = "enum-$2"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
api-error = { path = "$4/api-error" }
thiserror = "2"
EOF
  bench_enum_source "$2" "$3" >"$dir/src/lib.rs"
}

# The workspace in $1 with the enum crate of $2 variants derived each way
# (thiserror, api, both).
bench_enum_workspace() { # root variants repo
  bench_workspace "$1" "$3"
  local kind
  for kind in thiserror api both; do
    bench_enum_crate "$1" "$kind" "$2" "$3"
  done
}

# A workspace in $1 holding every crate under it, with the repository's
# Cargo.lock so that every crate resolves the versions the project builds.
bench_workspace() { # root repo
  cat >"$1/Cargo.toml" <<'EOF'
[workspace]
members = ["*"]
resolver = "3"
EOF
  cp "$2/Cargo.lock" "$1/Cargo.lock"
}

# The normal, non-optional dependencies of api-error (what default features
# build), as lines of a [dependencies] table: inherited entries are read from
# [workspace.dependencies], with their paths made absolute. Stops on a form it
# does not know rather than guess.
api_error_deps() { # repo
  awk -v repo="$1" '
    function fail(why) { print "api_error_deps: " why > "/dev/stderr"; bad = 1; exit 1 }
    FNR == 1 { file++ }
    /^\[/ { section = $0; if (file == 2 && section ~ /^\[dependencies\./) fail("unsupported " $0); next }
    /^[[:space:]]*(#|$)/ { next }
    file == 1 && section == "[workspace.dependencies]" {
      name = $0; sub(/[[:space:]]*=.*/, "", name)
      spec = $0; sub(/^[^=]*=[[:space:]]*/, "", spec)
      ws[name] = spec; next
    }
    file == 2 && section == "[dependencies]" {
      if ($0 ~ /optional[[:space:]]*=[[:space:]]*true/) next
      name = $0; sub(/[[:space:]]*=.*/, "", name)
      spec = $0; sub(/^[^=]*=[[:space:]]*/, "", spec)
      if (name ~ /\.workspace$/) { sub(/\.workspace$/, "", name); features = "" }
      else if (spec ~ /workspace[[:space:]]*=[[:space:]]*true/) {
        features = ""
        if (match(spec, /features[[:space:]]*=[[:space:]]*\[[^]]*\]/)) features = substr(spec, RSTART, RLENGTH)
        rest = spec
        gsub(/workspace[[:space:]]*=[[:space:]]*true|features[[:space:]]*=[[:space:]]*\[[^]]*\]|[{},[:space:]]/, "", rest)
        if (rest != "") fail("unsupported keys in " $0)
      } else {
        if (spec ~ /path[[:space:]]*=/) fail("unsupported relative path in " $0)
        print name " = " spec; next
      }
      if (!(name in ws)) fail(name " is not in [workspace.dependencies]")
      base = ws[name]
      if (base ~ /^"/) base = "{ version = " base " }"
      if (match(base, /path[[:space:]]*=[[:space:]]*"/)) {
        base = substr(base, 1, RSTART + RLENGTH - 1) repo "/" substr(base, RSTART + RLENGTH)
      }
      if (features != "") {
        if (base ~ /features/) fail("features both in the workspace and in " $0)
        sub(/[[:space:]]*}[[:space:]]*$/, ", " features " }", base)
      }
      print name " = " base
    }
    END { if (bad) exit 1 }
  ' "$1/Cargo.toml" "$1/api-error/Cargo.toml"
}

# Three crates in $1 with nothing in them: with-api-error depends on
# api-error, with-parse-json on api-error with its body parser (a feature that
# adds no dependency), and deps-only on api-error's default dependencies alone.
bench_build_crates() { # root repo
  local deps crate
  deps=$(api_error_deps "$2")
  for crate in deps-only with-api-error with-parse-json; do
    mkdir -p "$1/$crate/src"
    : >"$1/$crate/src/lib.rs"
    {
      printf '[package]\nname = "%s"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n[dependencies]\n' "$crate"
      case $crate in
        deps-only) echo "$deps" ;;
        with-api-error) echo "api-error = { path = \"$2/api-error\" }" ;;
        with-parse-json) echo "api-error = { path = \"$2/api-error\", features = [\"parse-json\"] }" ;;
      esac
    } >"$1/$crate/Cargo.toml"
  done
}

# A scratch directory for one run, removed when the script exits: sets $tmp
# to it and $ws to an empty workspace directory in it.
bench_scratch() {
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  ws=$tmp/ws
  mkdir -p "$ws"
}

# Writes to $1 a RUSTC_WRAPPER that runs rustc under callgrind for the crate
# named in $COUNT_CRATE (for every crate if that is empty), and appends the
# crate's name and instruction count to the file $COUNT_OUT.
bench_count_wrapper() { # path
  cat >"$1" <<'EOF'
#!/usr/bin/env bash
rustc=$1
shift
name=$(printf '%s\n' "$@" | grep -A1 -x -- --crate-name | tail -1)
if [ -z "$name" ] || [[ -n "${COUNT_CRATE:-}" && "$name" != "$COUNT_CRATE" ]]; then
  exec "$rustc" "$@"
fi
log=$(mktemp)
status=0
valgrind --tool=callgrind --callgrind-out-file=/dev/null --log-file="$log" "$rustc" "$@" || status=$?
echo "$name $(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$log")" >>"$COUNT_OUT"
rm -f "$log"
exit "$status"
EOF
  chmod +x "$1"
}
