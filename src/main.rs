//! The `lifeboat` command line: unpack arguments, call the core, map errors.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run()
}
