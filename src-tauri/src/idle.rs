//! The idle lock, kept in Rust: a hung or crashed web page cannot keep the
//! vault open. Every command and the page's `still_here` (sent while the
//! user moves or types) count as activity; after the auto-lock minutes of
//! none, the vault is closed, a running import is cancelled (rolled back),
//! printed sheets are removed and the page is reloaded, so nothing it
//! rendered survives.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use tauri::{AppHandle, Manager};

use crate::state::AppState;

/// The page's own default (ui/main.js); a setting of 0 turns auto-lock off.
pub const DEFAULT_MINUTES: u64 = 10;
/// The page locks itself on time; Rust waits this much longer, for a page
/// that cannot.
const GRACE: Duration = Duration::from_secs(30);
const EVERY: Duration = Duration::from_secs(5);

/// When the user was last seen, and after how long idle the vault locks.
pub struct Activity {
    last: Mutex<(Instant, Option<Duration>)>,
}

impl Default for Activity {
    fn default() -> Activity {
        Activity { last: Mutex::new((Instant::now(), Some(Duration::from_secs(DEFAULT_MINUTES * 60)))) }
    }
}

impl Activity {
    pub fn seen(&self) {
        self.last.lock().unwrap_or_else(|p| p.into_inner()).0 = Instant::now();
    }

    /// The `auto_lock_minutes` setting as stored (None: the default).
    pub fn set_minutes(&self, setting: Option<&str>) {
        let minutes = setting.and_then(|m| m.trim().parse::<u64>().ok()).unwrap_or(DEFAULT_MINUTES);
        let limit = (minutes > 0).then(|| Duration::from_secs(minutes * 60));
        *self.last.lock().unwrap_or_else(|p| p.into_inner()) = (Instant::now(), limit);
    }

    fn overdue(&self) -> bool {
        let (last, limit) = *self.last.lock().unwrap_or_else(|p| p.into_inner());
        limit.is_some_and(|limit| last.elapsed() >= limit + GRACE)
    }
}

/// Lock the vault now and reload the page, so nothing it rendered survives.
pub fn lock_and_reload(app: &AppHandle) {
    let state = app.state::<AppState>();
    if !state.is_unlocked() {
        return;
    }
    state.lock_now();
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.eval("location.reload()");
    }
}

/// Watch for idleness for the life of the app.
pub fn watch(app: AppHandle) {
    std::thread::Builder::new()
        .name("lifeboat-idle".into())
        .spawn(move || {
            loop {
                std::thread::sleep(EVERY);
                let state = app.state::<AppState>();
                if state.activity.overdue() {
                    lock_and_reload(&app);
                }
            }
        })
        .expect("the idle watcher starts");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn idle_for(a: &Activity, secs: u64) {
        let mut last = a.last.lock().unwrap();
        last.0 = Instant::now() - Duration::from_secs(secs);
    }

    #[test]
    fn the_vault_locks_after_the_setting_plus_grace_and_never_when_off() {
        let a = Activity::default();
        a.set_minutes(Some("2"));
        idle_for(&a, 119);
        assert!(!a.overdue());
        idle_for(&a, 120 + GRACE.as_secs());
        assert!(a.overdue());
        a.seen();
        assert!(!a.overdue(), "activity starts the timer over");
        a.set_minutes(Some("0"));
        idle_for(&a, 100_000);
        assert!(!a.overdue(), "0 turns auto-lock off");
        a.set_minutes(Some("not a number"));
        idle_for(&a, DEFAULT_MINUTES * 60 + GRACE.as_secs());
        assert!(a.overdue(), "a damaged setting falls back to the default");
    }
}
