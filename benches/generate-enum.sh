# Generates the crates the compile-time benchmarks measure: one enum of many
# variants, derived three ways. Sourced by benches/compile-time.sh and
# benches/llvm-lines.sh; not run on its own.
#
#   kind thiserror: #[derive(Debug, thiserror::Error)], #[error("...")]
#   kind api:       #[derive(Debug, api_error::ApiError)], #[api(status, message)]
#                   (with no #[error], the derive writes Display and Error too,
#                   so it does the job thiserror does)
#   kind both:      #[derive(Debug, thiserror::Error, api_error::ApiError)],
#                   #[error("...")] and #[api(status)] (the client message
#                   then comes from #[error])

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
