//! Making a backup as it streams: every person is read from the vault when
//! it is written (once for `contacts.vcf`, once for `lifeboat.json`), the
//! zip streams into age and age into the file, so making the backup of a
//! vault of any size holds one person, one group's messages and age's
//! buffers, never the whole backup.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::io::{self, BufWriter, Write};

use serde::ser::{Error as _, SerializeSeq};
use serde::{Serialize, Serializer};
use sha2::{Digest, Sha256, Sha512};

use super::archive::{CONTACTS, DATA, README, SIGNATURE};
use super::format::{BackupGroup, BackupMessage, BackupPerson, Counts, FORMAT, Snapshot, VERSION};
use super::zip_stream::ZipStream;
use super::{BackupError, Maker, Protection, Signing, crypt, sign};
use crate::export::vcard::{Version, card};
use crate::vault::Vault;

type Each<'a, T> = dyn FnMut(&T) -> Result<(), BackupError> + 'a;

/// What a backup holds, handed out one piece at a time.
pub(super) trait Contents {
    fn created_at(&self) -> &str;
    fn groups(&self) -> &[BackupGroup];
    /// Every person, in the backup's order; may be walked more than once.
    fn each_person(&self, f: &mut Each<'_, BackupPerson>) -> Result<(), BackupError>;
    fn each_message(&self, f: &mut Each<'_, BackupMessage>) -> Result<(), BackupError>;
}

impl Contents for Snapshot {
    fn created_at(&self) -> &str {
        &self.created_at
    }

    fn groups(&self) -> &[BackupGroup] {
        &self.groups
    }

    fn each_person(&self, f: &mut Each<'_, BackupPerson>) -> Result<(), BackupError> {
        self.people.iter().try_for_each(f)
    }

    fn each_message(&self, f: &mut Each<'_, BackupMessage>) -> Result<(), BackupError> {
        self.messages.iter().try_for_each(f)
    }
}

/// The vault (or some of its groups), read as the backup is written.
pub(super) struct FromVault<'a> {
    vault: &'a Vault,
    people: Vec<i64>,
    groups: Vec<BackupGroup>,
    with_messages: bool,
    created_at: String,
}

impl<'a> FromVault<'a> {
    /// Everyone and every group, or the members of the named groups.
    pub(super) fn new(vault: &'a Vault, groups: &[String], with_messages: bool) -> Result<FromVault<'a>, BackupError> {
        let (people, groups) = if groups.is_empty() {
            (vault.people_ids(None)?, vault.groups()?)
        } else {
            let mut chosen = Vec::new();
            let mut seen = HashSet::new();
            for name in groups {
                let g = vault.group(name)?;
                if seen.insert(g.id) {
                    chosen.push(g);
                }
            }
            let ids: BTreeSet<i64> = chosen.iter().flat_map(|g| g.members.iter().map(|m| m.person_id)).collect();
            (ids.into_iter().collect(), chosen)
        };
        Ok(FromVault {
            vault,
            people,
            groups: groups.iter().map(BackupGroup::from_view).collect(),
            with_messages,
            created_at: chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string(),
        })
    }

    /// All of it in memory, for callers that want the snapshot itself.
    pub(super) fn collect(&self) -> Result<Snapshot, BackupError> {
        let mut people = Vec::with_capacity(self.people.len());
        self.each_person(&mut |p| {
            people.push(p.clone());
            Ok(())
        })?;
        let mut messages = Vec::new();
        self.each_message(&mut |m| {
            messages.push(m.clone());
            Ok(())
        })?;
        Ok(Snapshot {
            format: FORMAT.into(),
            version: VERSION,
            created_at: self.created_at.clone(),
            people,
            groups: self.groups.clone(),
            messages,
        })
    }
}

impl Contents for FromVault<'_> {
    fn created_at(&self) -> &str {
        &self.created_at
    }

    fn groups(&self) -> &[BackupGroup] {
        &self.groups
    }

    fn each_person(&self, f: &mut Each<'_, BackupPerson>) -> Result<(), BackupError> {
        for &id in &self.people {
            f(&BackupPerson::from_view(&self.vault.person(id)?))?;
        }
        Ok(())
    }

    fn each_message(&self, f: &mut Each<'_, BackupMessage>) -> Result<(), BackupError> {
        if !self.with_messages {
            return Ok(());
        }
        for g in &self.groups {
            for m in self.vault.group_messages(g.key)? {
                f(&BackupMessage {
                    group: g.key,
                    person: m.person_id,
                    sender: m.sender,
                    at: m.at,
                    body: m.body,
                    kind: m.kind.as_str().to_owned(),
                    fp: m.fp,
                })?;
            }
        }
        Ok(())
    }
}

const README_TEXT: &str = "This is a Lifeboat backup (이 파일은 Lifeboat 백업입니다).\n\n\
contacts.vcf   every person as a vCard 4.0: import it into any phone or address book.\n\
               모든 사람의 vCard 4.0 파일입니다. 휴대폰이나 주소록에서 가져오세요.\n\
lifeboat.json  everything Lifeboat knows: phones and e-mails with their status and\n\
               where they came from, aliases, handles, groups and their members,\n\
               and messages when the backup was made with --with-messages.\n\
               The layout is described in docs/BACKUP.md of Lifeboat.\n\
lifeboat.json.sig  its maker's signature: ssh-keygen -Y verify -n lifeboat-backup\n\
               (서명: 만든 사람을 확인하려면 ssh-keygen -Y verify).\n\n\
Restore into Lifeboat: lifeboat backup restore FILE (복원: lifeboat backup restore 파일)\n";

/// Bytes passed on and hashed on the way.
struct Hashing<W, D> {
    inner: W,
    digest: D,
}

impl<W: Write, D: Digest> Write for Hashing<W, D> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.digest.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Write the encrypted, signed backup of `contents` into `out`: a zip of
/// the README, the vCard 4 file, the JSON with its `maker` and the
/// signature, encrypted by age as it is written. `io` names a failed write.
pub(super) fn make<W: Write>(
    contents: &dyn Contents,
    signing: &Signing,
    protection: &Protection,
    out: W,
    io: &dyn Fn(io::Error) -> BackupError,
) -> Result<(W, Counts), BackupError> {
    let encrypted = crypt::encryptor(protection)?.wrap_output(out).map_err(io)?;
    let mut zip = ZipStream::new(encrypted);
    zip.file(README, README_TEXT.as_bytes()).map_err(io)?;
    let mut counts = Counts { groups: contents.groups().len(), ..Counts::default() };
    counts.members = contents.groups().iter().map(|g| g.members.len()).sum();

    let contacts_sha256 = vcards(&mut zip, contents, &mut counts, io)?;

    let maker = Maker {
        name: signing.name.clone(),
        key: signing.key.public().openssh,
        created_at: contents.created_at().to_owned(),
        groups: contents.groups().iter().map(|g| g.name.clone()).collect(),
        contacts_sha256,
    };
    let digest = data(&mut zip, contents, &maker, &mut counts, io)?;
    zip.file(SIGNATURE, sign::sign_digest(&signing.key, &digest).as_bytes()).map_err(io)?;
    let out = zip.finish().map_err(io)?.finish().map_err(io)?;
    Ok((out, counts))
}

/// `contacts.vcf`, one card per person as it comes; its SHA-256 (hex).
fn vcards<W: Write>(
    zip: &mut ZipStream<W>,
    contents: &dyn Contents,
    counts: &mut Counts,
    io: &dyn Fn(io::Error) -> BackupError,
) -> Result<String, BackupError> {
    let mut groups_of: HashMap<i64, BTreeSet<String>> = HashMap::new();
    for g in contents.groups() {
        for m in &g.members {
            groups_of.entry(m.person).or_default().insert(g.name.clone());
        }
    }
    let mut vcf = Hashing { inner: zip.entry(CONTACTS).map_err(io)?, digest: Sha256::new() };
    let mut text = String::new();
    contents.each_person(&mut |p| {
        counts.people += 1;
        counts.phones += p.phones.len();
        counts.emails += p.emails.len();
        text.clear();
        let view = p.to_view(groups_of.remove(&p.key).unwrap_or_default().into_iter().collect());
        // Read by anyone the backup reaches: the notes in both languages.
        card(&view, Version::V4, &crate::export::BOTH, &mut text);
        vcf.write_all(text.as_bytes()).map_err(io)
    })?;
    let Hashing { inner: entry, digest } = vcf;
    entry.finish().map_err(io)?;
    Ok(hex::encode(digest.finalize()))
}

/// `lifeboat.json`, each person and message serialized as it comes; its SHA-512.
fn data<W: Write>(
    zip: &mut ZipStream<W>,
    contents: &dyn Contents,
    maker: &Maker,
    counts: &mut Counts,
    io: &dyn Fn(io::Error) -> BackupError,
) -> Result<[u8; 64], BackupError> {
    let failed = RefCell::new(None);
    let messages = Cell::new(0);
    let document = Document {
        maker,
        format: FORMAT,
        version: VERSION,
        created_at: contents.created_at(),
        people: Lazy { walk: &|f| contents.each_person(f), failed: &failed },
        groups: contents.groups(),
        messages: Lazy {
            walk: &|f| {
                contents.each_message(&mut |m| {
                    messages.set(messages.get() + 1);
                    f(m)
                })
            },
            failed: &failed,
        },
    };
    // serde_json writes token by token: deflate and hash whole buffers.
    let mut json =
        BufWriter::with_capacity(1 << 16, Hashing { inner: zip.entry(DATA).map_err(io)?, digest: Sha512::new() });
    if let Err(e) = serde_json::to_writer_pretty(&mut json, &document) {
        return Err(match failed.into_inner() {
            Some(walking) => walking,
            None if e.is_io() => io(e.into()),
            None => BackupError::Encrypt(format!("lifeboat.json: {e}")),
        });
    }
    counts.messages = messages.get();
    let Hashing { inner: entry, digest } = json.into_inner().map_err(|e| io(e.into_error()))?;
    entry.finish().map_err(io)?;
    Ok(digest.finalize().into())
}

/// `lifeboat.json`: the snapshot's fields with the `maker` first.
#[derive(Serialize)]
struct Document<'a> {
    maker: &'a Maker,
    format: &'a str,
    version: u32,
    created_at: &'a str,
    people: Lazy<'a, BackupPerson>,
    groups: &'a [BackupGroup],
    messages: Lazy<'a, BackupMessage>,
}

type Walk<'a, T> = dyn Fn(&mut Each<'_, T>) -> Result<(), BackupError> + 'a;

/// A JSON array written element by element as `walk` hands them out; a
/// failed walk's error is kept in `failed` (serde can only carry text).
struct Lazy<'a, T> {
    walk: &'a Walk<'a, T>,
    failed: &'a RefCell<Option<BackupError>>,
}

impl<T: Serialize> Serialize for Lazy<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        let mut written: Result<(), S::Error> = Ok(());
        let walked = (self.walk)(&mut |item| {
            seq.serialize_element(item).map_err(|e| {
                written = Err(e);
                BackupError::Encrypt(String::new())
            })
        });
        written?;
        if let Err(e) = walked {
            let text = e.to_string();
            *self.failed.borrow_mut() = Some(e);
            return Err(S::Error::custom(text));
        }
        seq.end()
    }
}
