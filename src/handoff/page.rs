//! The phone page: one HTML response holding the vendored tweetnacl-js, the
//! page's own script and the sealed data, so it keeps working after the
//! desktop stops serving and when the phone goes offline. The CSP allows
//! exactly these two scripts and this style sheet, by hash, and no
//! connection anywhere.

use std::sync::OnceLock;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use sha2::{Digest, Sha256};

const TEMPLATE: &str = include_str!("page.html");
const STYLE: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("page.js");
/// tweetnacl-js 1.0.3, unchanged (vendor/PROVENANCE.md).
pub(super) const NACL: &str = include_str!("vendor/nacl-fast.min.js");

/// Any path but the one-time one.
pub const NOT_FOUND: &str = "<!doctype html><meta charset=utf-8><title>404</title><p>Not found / 없음</p>\n";

/// What the page is to show.
pub enum State<'a> {
    /// The sealed data (nonce and box), for the page to open.
    Ready(&'a [u8]),
    /// The link was used up or expired: only what to do next.
    Gone,
}

/// The page for `state`.
pub fn render(state: State<'_>) -> String {
    let (name, boxed) = match state {
        State::Ready(boxed) => ("ready", STANDARD.encode(boxed)),
        State::Gone => ("gone", String::new()),
    };
    // The inserted texts hold no `{{`, so no placeholder is filled twice.
    TEMPLATE
        .replace("{{state}}", name)
        .replace("{{box}}", &boxed)
        .replace("{{style}}", STYLE)
        .replace("{{script}}", SCRIPT)
        .replace("{{nacl}}", NACL)
}

/// The Content-Security-Policy of every response.
pub fn csp() -> &'static str {
    static CSP: OnceLock<String> = OnceLock::new();
    CSP.get_or_init(|| {
        format!(
            "default-src 'none'; script-src {} {}; style-src {}; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
            hash(NACL),
            hash(SCRIPT),
            hash(STYLE)
        )
    })
}

fn hash(text: &str) -> String {
    format!("'sha256-{}'", STANDARD.encode(Sha256::digest(text.as_bytes())))
}
