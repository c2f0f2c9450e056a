//! Time what the app does on each keystroke in a big vault.
//!
//! `cargo run --release --example bench_search -- VAULT_DIR CONTACTS.vcf`
//! creates a vault there (if there is none), imports the file, then times
//! the first search (which reads the people list into memory), then
//! `search_ids` and `person_page` (the People list) for typical queries.
//! `scripts/bench-search.sh` generates 100,000 contacts and runs it.

use std::path::PathBuf;
use std::time::Instant;

use lifeboat::ingest::{ImportOptions, import_files};
use lifeboat::vault::Vault;

const PASSPHRASE: &str = "benchmark passphrase";
const QUERIES: [&str; 8] = ["김", "ㄱㅁ", "ㄱㅁㅈ", "민준", "010", "5678", "@gmail", "zzzz-nobody"];
const ROUNDS: u32 = 20;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(file)) = (args.next(), args.next()) else {
        return Err("usage: bench_search VAULT_DIR CONTACTS.vcf".into());
    };
    let dir = PathBuf::from(dir);
    let started = Instant::now();
    let mut vault = if Vault::exists(&dir) { Vault::open(&dir, PASSPHRASE)? } else { Vault::create(&dir, PASSPHRASE)? };
    println!("open/create (key derivation): {:.0} ms", started.elapsed().as_secs_f64() * 1e3);
    if vault.batches()?.is_empty() {
        let started = Instant::now();
        let report = import_files(&mut vault, &[PathBuf::from(file)], &ImportOptions::default())?;
        println!("import: {} people in {:.1} s", report.new_people, started.elapsed().as_secs_f64());
    }
    // The first search after the vault opens (or changes) reads the people list.
    let t = Instant::now();
    vault.search_ids(QUERIES[0], 100)?;
    println!("first search (reads the people list): {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
    println!("{:<14} {:>8} {:>14} {:>16}", "query", "matches", "search_ids ms", "person_page ms");
    for q in QUERIES {
        let (mut ids_ms, mut page_ms, mut total) = (0.0, 0.0, 0);
        for _ in 0..ROUNDS {
            let t = Instant::now();
            let ids = vault.search_ids(q, 100)?;
            ids_ms += t.elapsed().as_secs_f64() * 1e3;
            let t = Instant::now();
            let page = vault.person_page(q, 0, 100)?;
            page_ms += t.elapsed().as_secs_f64() * 1e3;
            total = page.total;
            assert!(ids.len() <= 100);
        }
        let n = f64::from(ROUNDS);
        println!("{q:<14} {total:>8} {:>14.1} {:>16.1}", ids_ms / n, page_ms / n);
    }
    // The unfiltered list as the user scrolls it: the first page, the middle, the end.
    let everyone = vault.person_page("", 0, 1)?.total.max(1) as usize;
    for offset in [0, everyone / 2, everyone.saturating_sub(100)] {
        let t = Instant::now();
        for _ in 0..ROUNDS {
            vault.person_page("", offset, 100)?;
        }
        let ms = t.elapsed().as_secs_f64() * 1e3 / f64::from(ROUNDS);
        println!("blank query, page at row {offset}: {ms:.1} ms (of {everyone})");
    }
    Ok(())
}
