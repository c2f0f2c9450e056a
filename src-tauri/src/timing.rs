//! `LIFEBOAT_TIMING=1`: print, once, how many milliseconds passed from the
//! start of `main` to the page's first call (`vault_status`, made as soon as
//! the unlock screen's script runs). Nothing is measured or printed otherwise.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

static STARTED: OnceLock<Instant> = OnceLock::new();
static TOLD: AtomicBool = AtomicBool::new(false);

/// Note the start; call first thing in `main`.
pub fn start() {
    STARTED.get_or_init(Instant::now);
}

/// The page is up: print the time once when asked to.
pub fn page_ready() {
    if TOLD.swap(true, Ordering::Relaxed) || std::env::var_os("LIFEBOAT_TIMING").is_none_or(|v| v != "1") {
        return;
    }
    if let Some(started) = STARTED.get() {
        eprintln!("lifeboat-timing: page ready {} ms after start", started.elapsed().as_millis());
    }
}
