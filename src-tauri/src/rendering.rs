//! The page is drawn without WebKitGTK's compositing mode. Lifeboat's
//! screens are text, lists and forms, which WebKit paints in a few
//! milliseconds; composited, every frame also goes through GL, and where
//! there is no GPU to speak of (a virtual machine, an old laptop, software GL
//! under Xvfb) each screen waited for frames of tens to hundreds of
//! milliseconds. Measured with `scripts/bench-app-scale.sh` (1M messages,
//! 100,000 people): screens that opened in 50–132 ms (p50) open in 4–35 ms.
//!
//! WebKit reads `WEBKIT_DISABLE_COMPOSITING_MODE` as its web process starts,
//! so the variable is set here, first thing in `main`, and the page is never
//! composited. The window's setting for the same
//! (`hardware-acceleration-policy`) can only be changed once the window, and
//! the page loading in it, exist. Either way WebKitWebDriver's screenshot
//! hangs, as it waits for a composited frame: the E2E takes its screenshots
//! from the display (`tests/e2e/window.mjs`).

/// Ask WebKit for its non-composited mode, unless the user's environment
/// already says which mode to use (`WEBKIT_DISABLE_COMPOSITING_MODE=0` keeps
/// compositing). Call before any thread starts: a change to the environment
/// is sound only while no other thread can be reading it.
pub fn without_compositing() {
    const VARIABLE: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
    if std::env::var_os(VARIABLE).is_none()
        && let Err(e) = gtk::glib::setenv(VARIABLE, "1", false)
    {
        eprintln!("lifeboat: cannot set {VARIABLE} ({e}); the page is composited.");
    }
}
