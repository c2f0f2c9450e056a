//! Importing files into the vault: the one call the CLI and the desktop app
//! make. It hands the vault's [`ImportBatch`](crate::vault::ImportBatch) to
//! the import driver, so neither knows the other.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use crate::import::{self, DateOrder, Progress, ReadOptions};
use crate::phone::Region;
use crate::vault::{ImportReport, Vault, VaultError};

/// How to run an import.
#[derive(Default)]
pub struct ImportOptions<'a> {
    /// An importer id that overrides the sniffer (`--format`).
    pub format: Option<String>,
    pub date_order: Option<DateOrder>,
    /// Region for numbers without a country code; the vault's setting when None.
    pub region: Option<Region>,
    /// Run everything, report, and keep nothing.
    pub dry_run: bool,
    /// Set from another thread (Ctrl-C, a Cancel button) to stop and keep nothing.
    pub cancel: Option<&'a AtomicBool>,
    pub progress: Option<&'a (dyn Fn(&Progress) + Sync)>,
}

/// Import files as one batch in one transaction: all of them or nothing.
pub fn import_files(vault: &mut Vault, paths: &[PathBuf], opts: &ImportOptions) -> Result<ImportReport, VaultError> {
    let region = match opts.region {
        Some(region) => region,
        None => vault.region()?,
    };
    let read = ReadOptions {
        format: opts.format.clone(),
        date_order: opts.date_order,
        region,
        region_chosen: opts.region.is_some(),
        cancel: opts.cancel,
        progress: opts.progress,
    };
    vault.import_batch(region, opts.dry_run, |batch| import::run(paths, &read, batch))
}
