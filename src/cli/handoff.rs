//! `lifeboat handoff`: send people to a phone on the same Wi-Fi.

use std::net::IpAddr;
use std::time::Duration;

use anyhow::Result;
use lifeboat::handoff::{self, Event, Limits, Outcome, Scope};

use super::{Global, Out};

#[derive(clap::Args)]
#[command(group(clap::ArgGroup::new("who").required(true).args(["group", "person", "all"])))]
pub struct Handoff {
    #[arg(long, value_name = "NAME")]
    group: Option<String>,
    #[arg(long, value_name = "ID")]
    person: Option<String>,
    #[arg(long)]
    all: bool,
    #[arg(long, value_name = "ADDR")]
    listen: Option<IpAddr>,
    #[arg(long, value_name = "SECONDS", default_value_t = 300, value_parser = clap::value_parser!(u64).range(1..=300))]
    expires: u64,
    #[arg(long)]
    json: bool,
}

impl Handoff {
    pub fn run(self, global: &Global, out: &mut Out) -> Result<()> {
        let scope = match (self.group, self.person) {
            (Some(g), _) => Scope::Group(g),
            (None, Some(p)) => Scope::Person(p),
            (None, None) => Scope::All,
        };
        let limits = Limits { expires: Duration::from_secs(self.expires), ..Limits::default() };
        let listen = handoff::listen_address(self.listen)?;
        let running = {
            let vault = global.open()?;
            handoff::start(&vault, &scope, Some(listen), limits)?
        };
        let stopper = running.stopper();
        let _ = ctrlc::set_handler(move || stopper.stop());
        let (people, url) = (running.people(), running.url());
        if self.json {
            let started = serde_json::json!({"url": url, "people": people, "expires": self.expires, "max_fetches": limits.fetches});
            out.line(started.to_string())?;
        } else {
            out.say("cli_handoff_scan", Vec::new())?;
            out.line(lifeboat::qr::terminal(url)?)?;
            out.line(url)?;
            let serving = lifeboat::args![people => people, fetches => limits.fetches, seconds => self.expires];
            out.say("cli_handoff_serving", serving)?;
        }
        out.flush()?;
        let json = self.json;
        let linger = limits.linger.as_secs();
        let speak = out.speak();
        let outcome = running.serve(|event| {
            let text = match event {
                Event::Request { line, status } => {
                    eprintln!("lifeboat handoff: {line} -> {status}");
                    return;
                }
                Event::Fetched { count, of } if json => serde_json::json!({"fetched": count, "of": of}).to_string(),
                Event::Fetched { count, of } if count < of => {
                    speak.text("cli_handoff_fetched", lifeboat::args![count => count, of => of])
                }
                Event::Fetched { count, of } => {
                    speak.text("cli_handoff_fetched_last", lifeboat::args![count => count, of => of, seconds => linger])
                }
            };
            let _ = out.line(text).and_then(|_| Ok(out.flush()?));
        });
        if json {
            return out.line(serde_json::json!({"outcome": outcome}).to_string());
        }
        let id = match outcome {
            Outcome::Stopped => "cli_handoff_stopped",
            Outcome::Expired => "cli_handoff_expired",
            Outcome::UsedUp => "cli_handoff_used_up",
            Outcome::TooManyWrong => "cli_handoff_too_many_wrong",
        };
        out.say(id, Vec::new())
    }
}
