//! Lock with the desktop: when the session is locked (logind's `Lock` on
//! this session) or the machine is about to sleep (`PrepareForSleep`), the
//! vault locks too, as the idle lock does. Where there is no system bus or
//! no logind (a container, another OS), nothing happens and the idle lock
//! still applies.
//!
//! `LIFEBOAT_LOGIND_BUS=session` listens on the session bus instead, so the
//! end-to-end test can send the signals with `dbus-send`.

use std::time::Duration;

use dbus::blocking::Connection;
use dbus::message::MatchRule;

/// Listen for the desktop's lock and sleep for the life of the app; `lock`
/// closes the vault.
pub fn watch(lock: impl Fn() + Send + Sync + 'static) {
    let lock = std::sync::Arc::new(lock);
    let _ = std::thread::Builder::new().name("lifeboat-session-lock".into()).spawn(move || {
        if let Err(e) = listen(lock) {
            eprintln!("lifeboat: not locking with the desktop session ({e}); the idle lock still applies.");
        }
    });
}

fn listen(lock: std::sync::Arc<dyn Fn() + Send + Sync>) -> Result<(), dbus::Error> {
    let conn = match std::env::var("LIFEBOAT_LOGIND_BUS").as_deref() {
        Ok("session") => Connection::new_session()?,
        _ => Connection::new_system()?,
    };
    // This session's object, so another user's screen lock does not lock us.
    let proxy = conn.with_proxy("org.freedesktop.login1", "/org/freedesktop/login1", Duration::from_secs(2));
    let session: Option<dbus::Path<'static>> = proxy
        .method_call("org.freedesktop.login1.Manager", "GetSessionByPID", (std::process::id(),))
        .ok()
        .map(|(path,): (dbus::Path<'static>,)| path);
    let on_sleep = lock.clone();
    conn.add_match(
        MatchRule::new_signal("org.freedesktop.login1.Manager", "PrepareForSleep"),
        move |(starting,): (bool,), _, _| {
            if starting {
                on_sleep();
            }
            true
        },
    )?;
    let mut rule = MatchRule::new_signal("org.freedesktop.login1.Session", "Lock");
    if let Some(path) = session {
        rule = rule.with_path(path);
    }
    conn.add_match(rule, move |(): (), _, _| {
        lock();
        true
    })?;
    loop {
        conn.process(Duration::from_secs(60))?;
    }
}
