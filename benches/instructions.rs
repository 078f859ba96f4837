//! Runs one case of the benchmarks many times, for `instructions.sh` to
//! count its instructions under callgrind: a count does not move with the
//! machine's load the way a time does.
//!
//! `cargo run --release -p api-error-benches --example instructions -- CASE RUNS`
//! runs `CASE` `RUNS` times, after building every case's inputs;
//! `setup` only builds them, for the script to take that count off;
//! `check` makes sure each case and its baseline agree, for the script to
//! run once before counting; `list` prints the comparisons, one a line:
//! what, our case, its baseline and the runs to count of each, separated by
//! `|`.

use std::process::ExitCode;

mod cases;

use cases::{Inputs, comparisons};

/// Runs to count of each side of the comparison whose case is `ours`: the
/// same for both sides, so that their counts compare. Enough that the
/// first run's extra work (the allocator growing its heap) is noise, few
/// enough that callgrind, about 50 times slower than the machine, finishes
/// in minutes: one run of the 2 MiB body is over 10,000 times one of the
/// others.
fn runs(ours: &str) -> usize {
    match ours {
        "parse-unknown-keys" => 10,
        _ => 20_000,
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["list"] => {
            for (what, ours, theirs) in comparisons() {
                println!("{what}|{ours}|{theirs}|{}", runs(ours));
            }
        }
        ["setup"] => drop(Inputs::new()),
        ["check"] => Inputs::new().check(),
        [name, times] => {
            let (Some(case), Ok(times)) = (Inputs::case(name), times.parse::<usize>()) else {
                eprintln!("unknown case {name}, or {times} is not a number of runs");
                return ExitCode::FAILURE;
            };
            let inputs = Inputs::new();
            for _ in 0..times {
                case(&inputs);
            }
        }
        _ => {
            eprintln!("usage: instructions CASE RUNS|setup|check|list");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
