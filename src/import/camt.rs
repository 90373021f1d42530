//! One streaming reader for camt.052 (account reports), camt.053 (statements) and camt.054
//! (debit/credit notifications), every version from .001.02 to .001.13.
//!
//! It is keyed on element names and their paths, not on a list of namespaces: the namespace only
//! names the message type and version. Fields that moved between versions (the entry status
//! wrapped in `<Sts><Cd>` from v08, party names under `<Pty>` from v08, `TxDtls/Amt` from v04) are
//! all read. A `<!DOCTYPE>` is refused before anything is expanded, and only the five XML
//! entities and character references are resolved. It does not judge the content: whether
//! balances add up and which account the statement is for is `service::import`'s business.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::statement::{Statement, StatementFile};
use super::{
    ELEMENT_TEXT_BYTES_MAX, ENTRIES_PER_STATEMENT_MAX, ImportError, STATEMENT_BYTES_MAX, STATEMENTS_PER_FILE_MAX,
    XML_DEPTH_MAX,
};

mod fields;
mod place;

use place::Place;

/// Parses a camt file held in memory (bounded by `STATEMENT_BYTES_MAX`).
pub fn parse(bytes: &[u8]) -> Result<StatementFile, ImportError> {
    if bytes.len() > STATEMENT_BYTES_MAX {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    let mut parser = Parser::new(bytes);
    parser.run()?;
    Ok(parser.finish())
}

/// The three message kinds, by the element under `Document`.
const MESSAGE_ELEMENTS: [(&str, &str); 3] = [
    ("BkToCstmrAcctRpt", "camt.052"),
    ("BkToCstmrStmt", "camt.053"),
    ("BkToCstmrDbtCdtNtfctn", "camt.054"),
];
/// The statement-like element of each message kind.
const STATEMENT_ELEMENTS: [&str; 3] = ["Rpt", "Stmt", "Ntfctn"];

/// The reader's state: where it is (`path`, `reader`) and what it is building (`parts`). The two
/// are separate fields so a field can be read into `parts` while `path` says where it was.
struct Parser<'input> {
    input: &'input [u8],
    reader: Reader<&'input [u8]>,
    /// The open elements are `path[..depth]`; slots past `depth` keep their allocation for the
    /// next element at that depth, so reading allocates no name per element.
    path: Vec<String>,
    depth: usize,
    text: String,
    /// False once an element has closed inside the innermost open one: it holds elements, not a
    /// value, and has no field to read.
    holds_value: bool,
    parts: Parts,
}

#[derive(Default)]
struct Parts {
    namespace_type: Option<String>,
    element_type: Option<&'static str>,
    message_id: Option<String>,
    statements: Vec<Statement>,
    /// The open statement, balance, entry and transaction detail with the path depth each
    /// opened at: fields are read relative to the innermost one.
    statement: Option<(usize, Statement)>,
    balance: Option<(usize, fields::BalanceBuilder)>,
    entry: Option<(usize, fields::EntryBuilder)>,
    detail: Option<(usize, fields::DetailBuilder)>,
    /// The `Ccy` attribute of the `Amt` element being read.
    amount_currency: Option<String>,
}

impl<'input> Parser<'input> {
    fn new(input: &'input [u8]) -> Self {
        let mut reader = Reader::from_reader(input);
        reader.config_mut().check_end_names = true;
        Parser {
            input,
            reader,
            path: Vec::new(),
            depth: 0,
            text: String::new(),
            holds_value: false,
            parts: Parts::default(),
        }
    }

    fn place(&self) -> Place<'_> {
        Place {
            input: self.input,
            offset: self.reader.buffer_position(),
            path: &self.path[..self.depth],
        }
    }

    fn run(&mut self) -> Result<(), ImportError> {
        loop {
            let event = match self.reader.read_event() {
                Ok(event) => event,
                Err(error) => return Err(self.xml_error(&error.to_string())),
            };
            match event {
                Event::Start(start) => self.open(&start)?,
                Event::Empty(start) => {
                    self.open(&start)?;
                    self.close()?;
                }
                Event::End(_) => self.close()?,
                Event::Text(text) => self.push_text(&text.xml10_content())?,
                Event::CData(data) => self.push_text(&data.xml10_content())?,
                Event::GeneralRef(reference) => {
                    let resolved = self.resolve_reference(&reference.xml10_content())?;
                    self.push_text(resolved.encode_utf8(&mut [0; 4]))?;
                }
                Event::DocType(_) => {
                    return Err(ImportError::DocTypeRefused {
                        line: self.place().line(),
                    });
                }
                Event::Eof if self.depth == 0 => return Ok(()),
                Event::Eof => {
                    return Err(ImportError::Truncated {
                        path: self.place().path_text(),
                    });
                }
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
            }
        }
    }

    fn finish(self) -> StatementFile {
        let parts = self.parts;
        let kind = parts.element_type.unwrap_or("camt");
        let message_type = match parts.namespace_type {
            Some(from_namespace) if from_namespace.starts_with(kind) => from_namespace,
            _ => kind.to_owned(),
        };
        StatementFile {
            message_type,
            message_id: parts.message_id,
            statements: parts.statements,
        }
    }

    fn open(&mut self, start: &BytesStart<'_>) -> Result<(), ImportError> {
        if self.depth >= XML_DEPTH_MAX {
            return Err(ImportError::TooDeep {
                line: self.place().line(),
                path: self.place().path_text(),
            });
        }
        self.text.clear();
        let name = start.local_name();
        match self.path.get_mut(self.depth) {
            Some(slot) => {
                slot.clear();
                slot.push_str(name.as_ref());
            }
            None => self.path.push(name.as_ref().to_owned()),
        }
        self.depth += 1;
        self.holds_value = true;
        let place = Place {
            input: self.input,
            offset: self.reader.buffer_position(),
            path: &self.path[..self.depth],
        };
        let parts = &mut self.parts;
        let depth = place.path.len();
        let element = place.path[depth - 1].as_str();
        match depth {
            1 => parts.namespace_type = message_type_of(&attribute(start, "xmlns").unwrap_or_default()),
            2 => parts.enter_message(element)?,
            3 if STATEMENT_ELEMENTS.contains(&element) => parts.enter_statement(&place)?,
            _ => parts.enter_part(element, depth, &place)?,
        }
        if element == "Amt" {
            parts.amount_currency = attribute(start, "Ccy");
        }
        Ok(())
    }

    fn close(&mut self) -> Result<(), ImportError> {
        if self.holds_value {
            let place = Place {
                input: self.input,
                offset: self.reader.buffer_position(),
                path: &self.path[..self.depth],
            };
            self.parts.read_field(&place, self.text.trim())?;
        }
        self.parts.finish_part(self.depth);
        self.depth -= 1;
        self.holds_value = false;
        self.text.clear();
        Ok(())
    }

    fn push_text(&mut self, text: &str) -> Result<(), ImportError> {
        if self.text.len() + text.len() > ELEMENT_TEXT_BYTES_MAX {
            return Err(self.place().bad_value(
                &text.chars().take(40).collect::<String>(),
                "text of a reasonable length",
            ));
        }
        self.text.push_str(text);
        Ok(())
    }

    fn resolve_reference(&self, name: &str) -> Result<char, ImportError> {
        let resolved = match name {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "apos" => Some('\''),
            "quot" => Some('"'),
            _ => name
                .strip_prefix("#x")
                .map(|hex| u32::from_str_radix(hex, 16))
                .or_else(|| name.strip_prefix('#').map(str::parse::<u32>))
                .and_then(Result::ok)
                .and_then(char::from_u32)
                .filter(|character| *character != '\0'),
        };
        resolved.ok_or_else(|| {
            let place = self.place();
            ImportError::UnknownEntity {
                line: place.line(),
                path: place.path_text(),
                name: name.to_owned(),
            }
        })
    }

    fn xml_error(&self, reason: &str) -> ImportError {
        let offset = usize::try_from(self.reader.error_position())
            .unwrap_or(usize::MAX)
            .min(self.input.len());
        let path = self.place().path_text();
        if self.input[offset..].iter().all(u8::is_ascii_whitespace) && self.depth > 0 {
            return ImportError::Truncated { path };
        }
        ImportError::MalformedXml {
            line: line_at(self.input, offset),
            path,
            reason: reason.to_owned(),
        }
    }
}

impl Parts {
    fn enter_message(&mut self, element: &str) -> Result<(), ImportError> {
        let Some((_, kind)) = MESSAGE_ELEMENTS.iter().find(|(name, _)| *name == element) else {
            let found = match element {
                "CstmrCdtTrfInitn" => "pain.001 payment".to_owned(),
                "CstmrDrctDbtInitn" => "pain.008 direct debit".to_owned(),
                other => format!("'{other}'"),
            };
            return Err(ImportError::NotAStatement { found });
        };
        self.element_type = Some(kind);
        Ok(())
    }

    fn enter_statement(&mut self, place: &Place<'_>) -> Result<(), ImportError> {
        if self.statements.len() >= STATEMENTS_PER_FILE_MAX {
            return Err(place.too_many("statements", STATEMENTS_PER_FILE_MAX));
        }
        self.statement = Some((place.path.len(), Statement::default()));
        Ok(())
    }

    /// Opens a balance, an entry or a transaction detail when the element is one, in its place.
    fn enter_part(&mut self, element: &str, depth: usize, place: &Place<'_>) -> Result<(), ImportError> {
        let Some((statement_depth, statement)) = &self.statement else {
            return Ok(());
        };
        let directly_under_statement = depth == statement_depth + 1;
        match element {
            "Bal" if directly_under_statement => self.balance = Some((depth, fields::BalanceBuilder::default())),
            "Ntry" if directly_under_statement => {
                if statement.entries.len() >= ENTRIES_PER_STATEMENT_MAX {
                    return Err(place.too_many("entries in one statement", ENTRIES_PER_STATEMENT_MAX));
                }
                self.entry = Some((depth, fields::EntryBuilder::default()));
            }
            "TxDtls" if self.entry.is_some() => self.detail = Some((depth, fields::DetailBuilder::default())),
            _ => {}
        }
        Ok(())
    }

    /// Reads the element that just closed into the innermost open part.
    fn read_field(&mut self, place: &Place<'_>, text: &str) -> Result<(), ImportError> {
        let currency = self.amount_currency.as_deref();
        if let Some((depth, detail)) = &mut self.detail {
            let relative = place.below(*depth);
            let relative = relative.as_slice();
            let amount = if relative.last() == Some(&"Amt") {
                Some(place.amount(text)?)
            } else {
                None
            };
            detail.read(relative, text, amount, currency);
        } else if let Some((depth, entry)) = &mut self.entry {
            let relative = place.below(*depth);
            let relative = relative.as_slice();
            let amount = if fields::is_entry_amount(relative) {
                Some(place.amount(text)?)
            } else {
                None
            };
            let is_date = matches!(relative, ["Ntry", "BookgDt" | "ValDt", "Dt" | "DtTm"]);
            let date = if is_date { Some(place.date(text)?) } else { None };
            entry.read(relative, text, amount, date, currency);
        } else if let Some((depth, balance)) = &mut self.balance {
            let relative = place.below(*depth);
            let relative = relative.as_slice();
            let amount = if relative == ["Bal", "Amt"] {
                Some(place.amount(text)?)
            } else {
                None
            };
            let is_date = matches!(relative, ["Bal", "Dt", "Dt" | "DtTm"]);
            let date = if is_date { Some(place.date(text)?) } else { None };
            balance.read(relative, text, amount, date, currency);
        } else if let Some((depth, statement)) = &mut self.statement {
            fields::read_statement(statement, place.below(*depth).as_slice(), text);
        } else if matches!(place.path, [_, _, group, id] if group == "GrpHdr" && id == "MsgId") {
            self.message_id = Some(text.to_owned());
        }
        Ok(())
    }

    /// Ends the balance, entry, detail or statement whose element closes at `depth`.
    fn finish_part(&mut self, depth: usize) {
        let closes = |opened: Option<usize>| opened == Some(depth);
        if closes(self.detail.as_ref().map(|(opened, _)| *opened)) {
            let (_, detail) = self.detail.take().expect("BUG: checked just above");
            if let Some((_, entry)) = &mut self.entry {
                entry.push_detail(detail.build());
            }
        } else if closes(self.entry.as_ref().map(|(opened, _)| *opened)) {
            let (_, entry) = self.entry.take().expect("BUG: checked just above");
            if let Some((_, statement)) = &mut self.statement {
                statement.entries.push(entry.build());
            }
        } else if closes(self.balance.as_ref().map(|(opened, _)| *opened)) {
            let (_, balance) = self.balance.take().expect("BUG: checked just above");
            if let Some((_, statement)) = &mut self.statement {
                statement.balances.push(balance.build());
            }
        } else if closes(self.statement.as_ref().map(|(opened, _)| *opened)) {
            let (_, statement) = self.statement.take().expect("BUG: checked just above");
            self.statements.push(statement);
        }
    }
}

/// `urn:iso:std:iso:20022:tech:xsd:camt.053.001.02` → `camt.053.001.02`.
fn message_type_of(namespace: &str) -> Option<String> {
    namespace
        .rsplit(':')
        .next()
        .filter(|last| last.starts_with("camt."))
        .map(str::to_owned)
}

fn attribute(start: &BytesStart<'_>, key: &str) -> Option<String> {
    start
        .attributes()
        .flatten()
        .find(|attribute| attribute.key.as_ref() == key)
        .and_then(|attribute| {
            attribute
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|value| value.trim().to_owned())
        })
}

fn line_at(input: &[u8], offset: usize) -> usize {
    input[..offset].iter().filter(|byte| **byte == b'\n').count() + 1
}

#[cfg(test)]
#[path = "camt_tests.rs"]
mod tests;
