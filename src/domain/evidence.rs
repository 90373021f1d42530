//! Evidence: the receipt or invoice behind an entry. Only PDF, JPEG and PNG are kept, and the
//! type is read from the content, never trusted from the file name.

use serde::Serialize;
use thiserror::Error;

use super::ids::{EntryId, EvidenceId};

/// Scanned receipts are well under this; a larger file is most likely the wrong file.
pub const EVIDENCE_BYTES_MAX: usize = 10 * 1024 * 1024;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum EvidenceError {
    #[error("the file '{file_name}' is empty")]
    Empty { file_name: String },
    #[error(
        "the file '{file_name}' is {size} bytes, more than the {limit} bytes a receipt may have: \
         scan it at a lower resolution or as PDF"
    )]
    TooLarge {
        file_name: String,
        size: usize,
        limit: usize,
    },
    #[error(
        "the file '{file_name}' is not a PDF, JPEG or PNG (its content looks like {found}); \
         whatever its name says, only those are kept as evidence"
    )]
    UnsupportedType { file_name: String, found: String },
    #[error("a file name is needed: give the receipt a name the clerk will recognise")]
    NoName,
    #[error("the file name holds control characters (such as NUL): rename the file with letters and digits")]
    ControlCharacterInName,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum MediaType {
    #[serde(rename = "application/pdf")]
    Pdf,
    #[serde(rename = "image/jpeg")]
    Jpeg,
    #[serde(rename = "image/png")]
    Png,
}

impl MediaType {
    pub fn code(self) -> &'static str {
        match self {
            MediaType::Pdf => "application/pdf",
            MediaType::Jpeg => "image/jpeg",
            MediaType::Png => "image/png",
        }
    }

    pub fn parse(code: &str) -> Option<MediaType> {
        [MediaType::Pdf, MediaType::Jpeg, MediaType::Png]
            .into_iter()
            .find(|media_type| media_type.code() == code)
    }

    pub fn extension(self) -> &'static str {
        match self {
            MediaType::Pdf => "pdf",
            MediaType::Jpeg => "jpg",
            MediaType::Png => "png",
        }
    }
}

/// Checks a file offered as evidence: its name, its size and its type from its first bytes.
pub fn check(file_name: &str, content: &[u8]) -> Result<MediaType, EvidenceError> {
    let file_name = file_name.trim();
    if file_name.is_empty() {
        return Err(EvidenceError::NoName);
    }
    if file_name.chars().any(char::is_control) {
        return Err(EvidenceError::ControlCharacterInName);
    }
    if content.is_empty() {
        return Err(EvidenceError::Empty {
            file_name: file_name.to_owned(),
        });
    }
    if content.len() > EVIDENCE_BYTES_MAX {
        return Err(EvidenceError::TooLarge {
            file_name: file_name.to_owned(),
            size: content.len(),
            limit: EVIDENCE_BYTES_MAX,
        });
    }
    let sniffed = infer::get(content);
    let media_type = sniffed.and_then(|kind| MediaType::parse(kind.mime_type()));
    media_type.ok_or_else(|| EvidenceError::UnsupportedType {
        file_name: file_name.to_owned(),
        found: sniffed.map_or_else(|| "no known type".to_owned(), |kind| kind.mime_type().to_owned()),
    })
}

/// A stored evidence file, without its content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvidenceFile {
    pub id: EvidenceId,
    pub entry: EntryId,
    pub file_name: String,
    pub media_type: MediaType,
    pub size_bytes: i64,
    pub sha256: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

    #[test]
    fn the_type_comes_from_the_content_not_the_name() {
        assert_eq!(check("receipt.png", PNG_SIGNATURE), Ok(MediaType::Png));
        assert_eq!(check("receipt.pdf", b"%PDF-1.7\n%\xe2\xe3\n"), Ok(MediaType::Pdf));
        assert_eq!(check("scan.jpg", b"\xFF\xD8\xFF\xE0\0\x10JFIF\0"), Ok(MediaType::Jpeg));
        // A PNG called .pdf is a PNG; a script called .pdf is refused.
        assert_eq!(check("renamed.pdf", PNG_SIGNATURE), Ok(MediaType::Png));
        assert!(matches!(
            check("invoice.pdf", b"<html><script>alert(1)</script></html>"),
            Err(EvidenceError::UnsupportedType { .. })
        ));
        assert!(matches!(
            check("invoice.pdf", b"PK\x03\x04\x14\0\0\0\x08\0"),
            Err(EvidenceError::UnsupportedType { found, .. }) if found == "application/zip"
        ));
    }

    #[test]
    fn empty_nameless_and_oversized_files_are_refused() {
        assert_eq!(check(" ", PNG_SIGNATURE), Err(EvidenceError::NoName));
        assert_eq!(
            check("re\0çu.png", PNG_SIGNATURE),
            Err(EvidenceError::ControlCharacterInName)
        );
        assert!(matches!(check("a.png", b""), Err(EvidenceError::Empty { .. })));
        let mut large = PNG_SIGNATURE.to_vec();
        large.resize(EVIDENCE_BYTES_MAX + 1, 0);
        assert!(matches!(check("a.png", &large), Err(EvidenceError::TooLarge { .. })));
    }
}
