//! Times each benchmark case against its baseline in alternation: short
//! batches of one, then the other, in turn, with the order swapped every
//! round. A change in the machine's load then falls on both sides of a
//! round alike, and the median of the rounds' ratios keeps what the load
//! does not move. On a quiet machine it agrees with criterion; on a busy
//! one it is steadier, since criterion times each side in one stretch.
//!
//! The comparisons are [`cases::comparisons`]; those of `parse_json`, with
//! their budgets:
//!
//! - a valid body: within 1.1× `serde_json::from_slice`;
//! - one problem, with its message: within 2× `serde_path_to_error` and its
//!   path;
//! - ten problems, all listed, with their messages: within 3×
//!   `serde_path_to_error` finding the first;
//! - a 2 MiB body of 100,000 unknown keys, with the messages: within 10×
//!   `serde_json::from_slice::<serde_json::Value>` of the same bytes. A run
//!   of either side takes longer than a batch, so its batches are of one
//!   run.
//!
//! `cargo run --release -p api-error-benches --example paired`

use std::time::{Duration, Instant};

mod cases;

use cases::{Case, Inputs, comparisons};

/// Rounds per comparison: an odd number, for a middle ratio.
const ROUNDS: usize = 301;
/// About how long one batch of the slower side runs.
const BATCH: Duration = Duration::from_millis(2);

fn main() {
    let inputs = Inputs::new();
    inputs.check();
    println!(
        "medians of {ROUNDS} rounds, each a batch of about {BATCH:?} of the slower side and as many runs of the other"
    );
    for (what, ours, theirs) in comparisons() {
        let (Some(ours_case), Some(theirs_case)) = (Inputs::case(ours), Inputs::case(theirs))
        else {
            eprintln!("unknown case in {what}");
            std::process::exit(1);
        };
        // Sized by the slower side, so that neither side's batch runs long.
        let runs = runs_per_batch(&inputs, ours_case).min(runs_per_batch(&inputs, theirs_case));
        let mut ours_ns = Vec::with_capacity(ROUNDS);
        let mut theirs_ns = Vec::with_capacity(ROUNDS);
        let mut ratios = Vec::with_capacity(ROUNDS);
        for round in 0..ROUNDS {
            let (a, b) = if round % 2 == 0 {
                let a = batch(&inputs, ours_case, runs);
                (a, batch(&inputs, theirs_case, runs))
            } else {
                let b = batch(&inputs, theirs_case, runs);
                (batch(&inputs, ours_case, runs), b)
            };
            ours_ns.push(a / runs as f64);
            theirs_ns.push(b / runs as f64);
            ratios.push(a / b);
        }
        let (low, mid, high) = quartiles(&mut ratios);
        println!(
            "{what:<36} {ours:<18} {:>12.1} ns  {theirs:<22} {:>12.1} ns  ratio {mid:.3} (quartiles {low:.3} to {high:.3})",
            quartiles(&mut ours_ns).1,
            quartiles(&mut theirs_ns).1,
        );
    }
}

/// Nanoseconds that `runs` runs of `case` take.
fn batch(inputs: &Inputs, case: Case, runs: usize) -> f64 {
    let start = Instant::now();
    for _ in 0..runs {
        case(inputs);
    }
    start.elapsed().as_nanos() as f64
}

/// How many runs of `case` take about [`BATCH`], after a warm-up.
fn runs_per_batch(inputs: &Inputs, case: Case) -> usize {
    let mut runs = 1;
    while runs < 1 << 30 {
        if batch(inputs, case, runs) >= BATCH.as_nanos() as f64 {
            return runs;
        }
        runs *= 2;
    }
    runs
}

/// The first quartile, the median and the third quartile of `values`.
fn quartiles(values: &mut [f64]) -> (f64, f64, f64) {
    values.sort_by(f64::total_cmp);
    let at = |q: usize| {
        values
            .get((values.len() - 1) * q / 4)
            .copied()
            .unwrap_or(f64::NAN)
    };
    (at(1), at(2), at(3))
}
