//! The page is drawn by the CPU, not through WebKitGTK's GPU compositing
//! mode. Lifeboat's screens are text, lists and forms, which the CPU draws
//! in a few milliseconds; composited, every frame also goes through GL, and
//! where there is no GPU to speak of (a virtual machine, an old laptop,
//! software GL under Xvfb) that made each screen wait for frames of tens to
//! hundreds of milliseconds. Measured with `scripts/bench-app-scale.sh`:
//! screens that opened in 44–123 ms (p50) open in 3–26 ms.

use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};

/// Turn compositing off for the window's web view, before its page draws.
pub fn without_compositing(webview: tauri::webview::PlatformWebview) {
    if let Some(settings) = WebViewExt::settings(&webview.inner()) {
        settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
    }
}
