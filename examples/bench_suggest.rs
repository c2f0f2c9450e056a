//! Time what the person page waits on for "possibly the same person".
//!
//! `cargo run --release --example bench_suggest -- VAULT_DIR ID...` opens the
//! vault (passphrase in LIFEBOAT_PASSPHRASE) and, for each person ID, times
//! what the app's `suggestions` command did before (the whole vault's
//! suggestions, kept to the person) and what it does now
//! (`suggestions_for`), checking both give the same. `scripts/bench-suggest.sh`
//! builds a vault of 100,000 contacts and three group chats and runs it.

use std::path::PathBuf;
use std::time::Instant;

use lifeboat::vault::{Suggestion, Vault};

const ROUNDS: usize = 5;

/// The median milliseconds of `ROUNDS` runs of `f`, and what it gave.
fn timed(
    mut f: impl FnMut() -> Result<Vec<Suggestion>, Box<dyn std::error::Error>>,
) -> Result<(f64, Vec<Suggestion>), Box<dyn std::error::Error>> {
    let mut times = Vec::with_capacity(ROUNDS);
    let mut found = Vec::new();
    for _ in 0..ROUNDS {
        let t = Instant::now();
        found = f()?;
        times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    times.sort_by(f64::total_cmp);
    Ok((times[ROUNDS / 2], found))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().ok_or("usage: bench_suggest VAULT_DIR ID...")?);
    let ids: Vec<i64> = args.map(|a| a.parse()).collect::<Result<_, _>>()?;
    let passphrase = std::env::var("LIFEBOAT_PASSPHRASE")?;
    let vault = Vault::open(&dir, &passphrase)?;
    println!("{:>8} {:>6} {:>22} {:>20}", "person", "found", "whole vault, kept ms", "suggestions_for ms");
    for id in ids {
        let (before, kept) =
            timed(|| Ok(vault.suggestions()?.into_iter().filter(|s| s.a.id == id || s.b.id == id).collect()))?;
        let (after, theirs) = timed(|| Ok(vault.suggestions_for(id)?))?;
        assert_eq!(kept, theirs, "person {id}: suggestions_for differs from the whole vault's");
        println!("{id:>8} {:>6} {before:>22.1} {after:>20.1}", theirs.len());
    }
    Ok(())
}
