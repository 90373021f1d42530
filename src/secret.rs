//! The sealing key, read at the edge (see `domain::seal`): from `GESTIO_SECRET` (64 hexadecimal
//! digits), else from a key file (`--secret-file` or `GESTIO_SECRET_FILE`; by default beside a
//! SQLite database, `gestio.db.key`, and `gestio.key` in the working folder for PostgreSQL). A
//! database that has never been sealed gets a new key, written to the key file (readable by its
//! owner only); a database already sealed must be given its key, or nothing opens it.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context as _;

use crate::config::DatabaseUrl;
use crate::domain::seal::{SEAL_KEY_BYTES, SealKey};

/// The environment variable that may hold the key itself.
pub const SECRET_VARIABLE: &str = "GESTIO_SECRET";

/// Where the key comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeySource {
    /// The key itself, from `GESTIO_SECRET`.
    Given(String),
    /// A key file: read it, or write a new key into it for a database never sealed.
    File(PathBuf),
}

impl KeySource {
    /// `GESTIO_SECRET` when set, else `file`, else the default file for `url`.
    pub fn for_database(url: &DatabaseUrl, file: Option<&Path>) -> KeySource {
        if let Ok(secret) = std::env::var(SECRET_VARIABLE) {
            return KeySource::Given(secret);
        }
        KeySource::File(file.map_or_else(|| default_key_file(url), Path::to_path_buf))
    }

    /// The key for a database sealed with `recorded` (its key's id), or never sealed (`None`).
    pub fn key(&self, recorded: Option<&str>) -> anyhow::Result<SealKey> {
        match self {
            KeySource::Given(text) => {
                SealKey::from_hex(text).with_context(|| format!("reading the sealing key from {SECRET_VARIABLE}"))
            }
            KeySource::File(path) if path.exists() => read_key(path),
            KeySource::File(path) => match recorded {
                Some(id) => anyhow::bail!(
                    "the database is sealed with the key {id}, but its key file {} does not exist: restore the \
                     key file from the backup made with the database, or name it with --secret-file",
                    path.display()
                ),
                None => write_new_key(path),
            },
        }
    }
}

/// Beside a SQLite database file (`gestio.db` → `gestio.db.key`); `gestio.key` for any other.
fn default_key_file(url: &DatabaseUrl) -> PathBuf {
    let text = url.expose();
    let file = text
        .strip_prefix("sqlite://")
        .or_else(|| text.strip_prefix("sqlite:"))
        .map(|rest| rest.split('?').next().unwrap_or(rest))
        .filter(|path| !path.is_empty() && !path.starts_with(':'));
    match file {
        Some(path) => PathBuf::from(format!("{path}.key")),
        None => PathBuf::from("gestio.key"),
    }
}

fn read_key(path: &Path) -> anyhow::Result<SealKey> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading the sealing key file {}", path.display()))?;
    SealKey::from_hex(&text).with_context(|| format!("reading the sealing key file {}", path.display()))
}

fn write_new_key(path: &Path) -> anyhow::Result<SealKey> {
    let mut bytes = [0_u8; SEAL_KEY_BYTES];
    getrandom::fill(&mut bytes)
        .map_err(|error| anyhow::anyhow!("the operating system's random generator failed: {error}"))?;
    let key = SealKey::from_bytes(bytes);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(path)
        .with_context(|| format!("writing a new sealing key to {}", path.display()))?;
    writeln!(file, "{}", key.to_hex())
        .and_then(|()| file.sync_all())
        .with_context(|| format!("writing a new sealing key to {}", path.display()))?;
    tracing::warn!(file = %path.display(), key = %key.id(), "a new sealing key was written: back it up with the database");
    Ok(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_file_sits_beside_a_sqlite_database_and_in_the_working_folder_otherwise() {
        let file = |url: &str| default_key_file(&DatabaseUrl::new(url));
        assert_eq!(
            file("sqlite:///var/lib/gestio/gestio.db"),
            PathBuf::from("/var/lib/gestio/gestio.db.key")
        );
        assert_eq!(file("sqlite://gestio.db?mode=rwc"), PathBuf::from("gestio.db.key"));
        assert_eq!(file("postgres://gestio@db/gestio"), PathBuf::from("gestio.key"));
    }

    #[test]
    fn a_new_key_is_written_once_and_read_back_and_a_sealed_database_needs_its_file() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("gestio.db.key");
        let source = KeySource::File(path.clone());
        let refused = source.key(Some("0123456789abcdef")).unwrap_err();
        assert!(refused.to_string().contains("does not exist"), "{refused}");
        assert!(!path.exists(), "no key is made up for a database sealed with another");
        let made = source.key(None).unwrap();
        assert_eq!(source.key(Some(&made.id())).unwrap().id(), made.id());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        }
    }
}
