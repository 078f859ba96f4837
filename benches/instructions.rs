//! Runs one case of the benchmarks many times, for `instructions.sh` to
//! count its instructions under callgrind: a count does not move with the
//! machine's load the way a time does.
//!
//! `cargo run --release -p api-error-benches --example instructions -- CASE`;
//! with `list` instead of a case, it prints the comparisons, one a line:
//! what, our case and its baseline, separated by `|`.

use std::process::ExitCode;

mod cases;

use cases::{COMPARISONS, Inputs};

const RUNS: usize = 20_000;

fn main() -> ExitCode {
    let Some(name) = std::env::args().nth(1) else {
        eprintln!("usage: instructions CASE|list");
        return ExitCode::FAILURE;
    };
    if name == "list" {
        for (what, ours, theirs) in COMPARISONS {
            println!("{what}|{ours}|{theirs}");
        }
        return ExitCode::SUCCESS;
    }
    let Some(case) = Inputs::case(&name) else {
        eprintln!("unknown case {name}");
        return ExitCode::FAILURE;
    };
    let inputs = Inputs::new();
    for _ in 0..RUNS {
        case(&inputs);
    }
    ExitCode::SUCCESS
}
