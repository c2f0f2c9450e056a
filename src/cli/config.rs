//! `lifeboat config`.

use anyhow::Result;
use lifeboat::phone::Region;

use super::{CliError, Global, Out};

#[derive(clap::Args)]
pub struct Config {
    key: Option<String>,
    value: Option<String>,
}

const KEYS: &[&str] = &["region", "auto_lock_minutes", "language", lifeboat::vault::MAKER_NAME];
/// The longest name to sign with, in characters.
const MAX_NAME: usize = 100;

impl Config {
    pub fn run(self, global: &Global, out: &mut Out) -> Result<()> {
        let vault = global.open()?;
        let Some(key) = self.key else {
            let default = out.speak().word("cli_config_default");
            for key in KEYS {
                out.line(format!("{key} = {}", vault.setting(key)?.unwrap_or_else(|| default.clone())))?;
            }
            return Ok(());
        };
        if !KEYS.contains(&key.as_str()) {
            return Err(CliError::UnknownSetting { key, keys: KEYS.join(", ") }.into());
        }
        let Some(value) = self.value else {
            return out.line(vault.setting(&key)?.unwrap_or_else(|| "(default)".into()));
        };
        let value = match key.as_str() {
            "region" => value.parse::<Region>().map_err(anyhow::Error::msg)?.to_string(),
            "auto_lock_minutes" => value.parse::<u32>().map_err(|_| CliError::NotMinutes)?.to_string(),
            lifeboat::vault::MAKER_NAME => maker_name(&value)?,
            _ if value == "ko" || value == "en" => value,
            _ => return Err(CliError::NotALanguage.into()),
        };
        vault.set_setting(&key, &value)?;
        out.line(format!("{key} = {value}"))
    }
}

/// A name to sign backups with: trimmed, of printable characters, not too long.
pub fn maker_name(name: &str) -> Result<String> {
    let name = name.trim();
    if name.chars().count() > MAX_NAME || name.chars().any(char::is_control) {
        return Err(CliError::MakerNameTooLong { max: MAX_NAME }.into());
    }
    Ok(name.to_owned())
}
