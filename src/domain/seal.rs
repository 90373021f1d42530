//! Seals: a keyed hash (HMAC-SHA-256) over what must not change unnoticed, with a key kept outside
//! the database (DESIGN rule 7, issue 22 finding 8). The hash chain finds any change to an entry,
//! but anyone who can write to the database can also recompute the chain: the rule is public. A
//! seal cannot be recomputed without the key, so a chain rewritten, or cut back with its head
//! reset, no longer matches its sealed head; nor does a filing or a stored file changed by hand.
//! Pure: the key comes in from the edge that read it.

use hmac::{KeyInit, Mac};
use sha2::Sha256;

use super::filing::Filing;
use super::ids::{BookId, EntryId, EvidenceId, PaymentFileId};

/// The key's length in bytes.
pub const SEAL_KEY_BYTES: usize = 32;

/// What a seal is over: each kind of record has its own, so a seal of one can never pass as
/// the seal of another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sealed {
    /// A book's chain head: (book, sequence, hash).
    BookHead,
    /// A filed account: its book, period, chain head and the hashes of its documents.
    Filing,
    /// An evidence file: its entry, book and content hash.
    Evidence,
    /// A pain.001 file: its run, message id and content hash.
    PaymentFile,
}

impl Sealed {
    pub fn code(self) -> &'static str {
        match self {
            Sealed::BookHead => "book_head",
            Sealed::Filing => "filing",
            Sealed::Evidence => "evidence",
            Sealed::PaymentFile => "payment_file",
        }
    }
}

/// The instance's sealing key. Its bytes never leave this type; `Debug` shows its id only.
#[derive(Clone)]
pub struct SealKey {
    bytes: [u8; SEAL_KEY_BYTES],
}

impl std::fmt::Debug for SealKey {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(formatter, "SealKey({})", self.id())
    }
}

/// Why a key's text was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a sealing key is {SEAL_KEY_BYTES} bytes written as 64 hexadecimal digits; this one is not")]
pub struct SealKeyError;

impl SealKey {
    pub fn from_bytes(bytes: [u8; SEAL_KEY_BYTES]) -> SealKey {
        SealKey { bytes }
    }

    /// Reads the key from its text: 64 hexadecimal digits, spaces and line ends around allowed.
    pub fn from_hex(text: &str) -> Result<SealKey, SealKeyError> {
        let bytes = hex::decode(text.trim()).map_err(|_| SealKeyError)?;
        Ok(SealKey {
            bytes: bytes.try_into().map_err(|_| SealKeyError)?,
        })
    }

    /// The key as 64 hexadecimal digits, to write into its file.
    pub fn to_hex(&self) -> String {
        hex::encode(self.bytes)
    }

    /// A name for the key that reveals nothing of it: the database keeps it, so that a server
    /// started with another key is refused instead of finding every seal broken.
    pub fn id(&self) -> String {
        let mac = self.over(&[b"gestio key id"]);
        hex::encode(mac.finalize().into_bytes())[..16].to_owned()
    }

    /// The seal of `kind` over `parts`.
    pub fn seal(&self, kind: Sealed, parts: &[&[u8]]) -> String {
        hex::encode(self.over_kind(kind, parts).finalize().into_bytes())
    }

    /// Whether `seal` is the seal of `kind` over `parts` (compared in constant time).
    pub fn verifies(&self, kind: Sealed, parts: &[&[u8]], seal: &str) -> bool {
        hex::decode(seal).is_ok_and(|given| self.over_kind(kind, parts).verify_slice(&given).is_ok())
    }

    fn over_kind(&self, kind: Sealed, parts: &[&[u8]]) -> hmac::Hmac<Sha256> {
        let mut all: Vec<&[u8]> = Vec::with_capacity(parts.len() + 1);
        all.push(kind.code().as_bytes());
        all.extend_from_slice(parts);
        self.over(&all)
    }

    /// HMAC-SHA-256 fed the parts, each prefixed with its length, so that no two different lists
    /// of parts give the same input.
    fn over(&self, parts: &[&[u8]]) -> hmac::Hmac<Sha256> {
        let mut mac =
            <hmac::Hmac<Sha256> as KeyInit>::new_from_slice(&self.bytes).expect("BUG: HMAC takes a key of any length");
        for part in parts {
            mac.update(part.len().to_string().as_bytes());
            mac.update(b":");
            mac.update(part);
        }
        mac
    }
}

/// What a seal is made over: the record's kind and its fields, as text. Storage seals with it
/// when it writes, `verify` checks with it when it reads: one list of fields for both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealedFields {
    pub kind: Sealed,
    fields: Vec<String>,
}

impl SealedFields {
    /// A book's chain head.
    pub fn book_head(book: BookId, sequence: i64, hash: &str) -> SealedFields {
        SealedFields {
            kind: Sealed::BookHead,
            fields: vec![book.to_string(), sequence.to_string(), hash.to_owned()],
        }
    }

    /// A filed account: what was filed, from which ledger, and the hashes of its documents.
    pub fn filing(filing: &Filing) -> SealedFields {
        SealedFields {
            kind: Sealed::Filing,
            fields: vec![
                filing.id.to_string(),
                filing.book.to_string(),
                filing.period.from.to_string(),
                filing.period.to.to_string(),
                filing.chain_sequence.to_string(),
                filing.chain_hash.clone(),
                filing.data_sha256.clone(),
                filing.pdf_sha256.clone(),
            ],
        }
    }

    /// An evidence file: whose entry it belongs to, and its content's hash.
    pub fn evidence(id: EvidenceId, book: BookId, entry: EntryId, sha256: &str) -> SealedFields {
        SealedFields {
            kind: Sealed::Evidence,
            fields: vec![id.to_string(), book.to_string(), entry.to_string(), sha256.to_owned()],
        }
    }

    /// A pain.001 file: its run, its message id and its content's hash.
    pub fn payment_file(id: PaymentFileId, run: i64, message_id: &str, sha256: &str) -> SealedFields {
        SealedFields {
            kind: Sealed::PaymentFile,
            fields: vec![
                id.to_string(),
                run.to_string(),
                message_id.to_owned(),
                sha256.to_owned(),
            ],
        }
    }

    fn parts(&self) -> Vec<&[u8]> {
        self.fields.iter().map(|field| field.as_bytes()).collect()
    }
}

impl SealKey {
    /// The seal of these fields.
    pub fn seal_fields(&self, sealed: &SealedFields) -> String {
        self.seal(sealed.kind, &sealed.parts())
    }

    /// Whether `seal` is the seal of these fields.
    pub fn verifies_fields(&self, sealed: &SealedFields, seal: &str) -> bool {
        self.verifies(sealed.kind, &sealed.parts(), seal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(byte: u8) -> SealKey {
        SealKey::from_bytes([byte; SEAL_KEY_BYTES])
    }

    #[test]
    fn a_seal_verifies_with_its_key_only_and_for_its_kind_and_parts_only() {
        let parts: [&[u8]; 3] = [b"1", b"57", b"abc"];
        let seal = key(1).seal(Sealed::BookHead, &parts);
        assert!(key(1).verifies(Sealed::BookHead, &parts, &seal));
        assert!(!key(2).verifies(Sealed::BookHead, &parts, &seal), "another key");
        assert!(!key(1).verifies(Sealed::Filing, &parts, &seal), "another kind");
        assert!(
            !key(1).verifies(Sealed::BookHead, &[b"1", b"56", b"abc"], &seal),
            "another head"
        );
        assert!(
            !key(1).verifies(Sealed::BookHead, &[b"15", b"7", b"abc"], &seal),
            "parts are not run together"
        );
        assert!(!key(1).verifies(Sealed::BookHead, &parts, "not hex"));
    }

    #[test]
    fn a_key_reads_back_from_its_text_and_shows_only_its_id() {
        let original = key(7);
        let text = format!("  {}\n", original.to_hex());
        let read = SealKey::from_hex(&text).unwrap();
        assert_eq!(read.id(), original.id());
        assert_eq!(read.id().len(), 16);
        assert_ne!(key(8).id(), original.id());
        assert!(!format!("{read:?}").contains(&original.to_hex()));
        assert_eq!(SealKey::from_hex("abcd").unwrap_err(), SealKeyError);
        assert_eq!(SealKey::from_hex(&"zz".repeat(32)).unwrap_err(), SealKeyError);
    }
}
