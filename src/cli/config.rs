//! `lifeboat config`.

use anyhow::{Result, bail};
use lifeboat::phone::Region;

use super::{Global, Out};

/// Show or change a stored setting: `region` (default region for numbers
/// without a country code, e.g. KR), `auto_lock_minutes`, `language` (ko, en),
/// `name` (the name your backups are signed with; default: the person marked as you).
#[derive(clap::Args)]
pub struct Config {
    /// The setting to show or change; all settings when omitted.
    key: Option<String>,
    /// The new value.
    value: Option<String>,
}

const KEYS: &[&str] = &["region", "auto_lock_minutes", "language", lifeboat::vault::MAKER_NAME];
/// The longest name to sign with, in characters.
const MAX_NAME: usize = 100;

impl Config {
    pub fn run(self, global: &Global, out: &mut Out) -> Result<()> {
        let vault = global.open()?;
        let Some(key) = self.key else {
            for key in KEYS {
                out.line(format!("{key} = {}", vault.setting(key)?.unwrap_or_else(|| "(default)".into())))?;
            }
            return Ok(());
        };
        if !KEYS.contains(&key.as_str()) {
            bail!("unknown setting {key:?}: use one of {}.\n알 수 없는 설정입니다.", KEYS.join(", "));
        }
        let Some(value) = self.value else {
            return out.line(vault.setting(&key)?.unwrap_or_else(|| "(default)".into()));
        };
        let value = match key.as_str() {
            "region" => value.parse::<Region>().map_err(anyhow::Error::msg)?.to_string(),
            "auto_lock_minutes" => value
                .parse::<u32>()
                .map_err(|_| anyhow::anyhow!("auto_lock_minutes takes a number of minutes"))?
                .to_string(),
            lifeboat::vault::MAKER_NAME => maker_name(&value)?,
            _ if value == "ko" || value == "en" => value,
            _ => bail!("language is ko or en"),
        };
        vault.set_setting(&key, &value)?;
        out.line(format!("{key} = {value}"))
    }
}

/// A name to sign backups with: trimmed, of printable characters, not too long.
pub fn maker_name(name: &str) -> Result<String> {
    let name = name.trim();
    if name.chars().count() > MAX_NAME || name.chars().any(char::is_control) {
        bail!(
            "a name to sign with is at most {MAX_NAME} characters, without control characters.\n서명할 이름은 {MAX_NAME}자 이하이고 제어 문자가 없어야 합니다."
        );
    }
    Ok(name.to_owned())
}
