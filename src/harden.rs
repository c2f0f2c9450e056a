//! Process hardening for the front ends: a crash must not write the
//! passphrase or the vault key to disk in a core dump.
//!
//! Through `nix`, so the core keeps `#![forbid(unsafe_code)]`. The CLI calls
//! [`harden_process`] first thing in `main`; the desktop app should too
//! (SECURITY.md).

/// Turn core dumps off for this process (`RLIMIT_CORE` 0) and, on Linux, mark
/// it not dumpable (`PR_SET_DUMPABLE` 0): that also stops core dumps piped to
/// a crash collector, which ignore `RLIMIT_CORE`, and keeps other processes
/// of the same user from attaching a debugger to read its memory.
pub fn harden_process() -> std::io::Result<()> {
    #[cfg(unix)]
    nix::sys::resource::setrlimit(nix::sys::resource::Resource::RLIMIT_CORE, 0, 0)?;
    #[cfg(target_os = "linux")]
    nix::sys::prctl::set_dumpable(false)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn core_dumps_are_off_after_hardening() {
        super::harden_process().expect("hardening succeeds");
        let (soft, hard) = nix::sys::resource::getrlimit(nix::sys::resource::Resource::RLIMIT_CORE).expect("getrlimit");
        assert_eq!((soft, hard), (0, 0));
        #[cfg(target_os = "linux")]
        assert!(!nix::sys::prctl::get_dumpable().expect("get_dumpable"));
    }
}
