//! The `lifeboat` command line: unpack arguments, call the core, map errors.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    // Before any passphrase is read: no core dump may hold it.
    if let Err(e) = lifeboat::harden_process() {
        eprintln!("lifeboat: cannot turn off core dumps ({e}); continuing.");
    }
    lifeboat::import::quiet_caught_dependency_panic();
    cli::run()
}
