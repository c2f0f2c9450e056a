//! Time message search in-process, per query class, in a big vault.
//!
//! `cargo run --release --example bench_message_search -- VAULT_DIR [EXPORT]`
//! opens the vault there (creating it and importing EXPORT when there is
//! none), then runs each query [`ROUNDS`] times the way the app does (the 100
//! newest hits with their context, and the total count) and prints p50 and
//! p95 per query class. `scripts/bench-message-search.sh` generates a
//! 1,000,000-message KakaoTalk export and runs it.

use std::path::PathBuf;
use std::time::Instant;

use lifeboat::ingest::{ImportOptions, import_files};
use lifeboat::vault::Vault;

const PASSPHRASE: &str = "benchmark passphrase";
const ROUNDS: usize = 40;
const LIMIT: usize = 100;
const CLASSES: [(&str, &[&str]); 5] = [
    ("1 Hangul", &["요", "ㅋ", "번", "중"]),
    ("2 Hangul", &["ㅋㅋ", "번호", "회의", "없말"]),
    ("3+ Hangul", &["수고하", "제출 전에", "번호는", "병상 배정 요청"]),
    ("Latin", &["meet", "OK", "see you", "Let's meet at 8"]),
    ("digits", &["0273", "+8210", "8시", "1) 일정"]),
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else { return Err("usage: bench_message_search VAULT_DIR [EXPORT]".into()) };
    let dir = PathBuf::from(dir);
    let mut vault = if Vault::exists(&dir) { Vault::open(&dir, PASSPHRASE)? } else { Vault::create(&dir, PASSPHRASE)? };
    if let Some(file) = args.next()
        && vault.batches()?.is_empty()
    {
        let started = Instant::now();
        let report = import_files(&mut vault, &[PathBuf::from(file)], &ImportOptions::default())?;
        println!("import: {} messages in {:.2} s", report.new_messages, started.elapsed().as_secs_f64());
    }
    println!("{:<10} {:>9} {:>9} {:>9}  queries (total matches)", "class", "p50 ms", "p95 ms", "max ms");
    for (class, queries) in CLASSES {
        let mut times = Vec::new();
        let mut totals = Vec::new();
        for q in queries {
            for round in 0..ROUNDS {
                let t = Instant::now();
                let found = vault.search_messages(q, LIMIT)?;
                times.push(t.elapsed().as_secs_f64() * 1e3);
                if round == 0 {
                    totals.push(format!("{q} ({})", found.total));
                }
            }
        }
        times.sort_by(f64::total_cmp);
        let at = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
        println!("{class:<10} {:>9.2} {:>9.2} {:>9.2}  {}", at(0.5), at(0.95), at(1.0), totals.join(", "));
    }
    Ok(())
}
