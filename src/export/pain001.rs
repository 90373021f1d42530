//! SEPA credit transfer initiation files (ISO 20022 pain.001), version .001.001.09 (the default,
//! and what the EPC rulebook in force describes) or .001.001.03 for banks that still want it.
//!
//! One file carries one payment information block: one debtor account and one execution date,
//! which is how gestio groups orders. Written with quick-xml's writer, so every text is escaped;
//! every text is first brought to the SEPA character set (Latin letters, digits and `/-?:().,'+`
//! and space), since banks refuse or garble anything else.

use chrono::{NaiveDate, NaiveDateTime};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use crate::domain::creditor::{Bic, PostalAddress, Remittance};
use crate::domain::iban::Iban;
use crate::domain::money::{Currency, Money};

/// The most transfers one file carries: well under what banks accept in one upload.
pub const TRANSFERS_PER_FILE_MAX: usize = 10_000;
/// The longest party name the EPC rulebook lets through.
const NAME_LENGTH_MAX: usize = 70;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum PainVersion {
    #[serde(rename = "pain.001.001.09")]
    V09,
    #[serde(rename = "pain.001.001.03")]
    V03,
}

impl PainVersion {
    pub fn parse(text: &str) -> Option<PainVersion> {
        match text.trim() {
            "pain.001.001.09" | "09" => Some(PainVersion::V09),
            "pain.001.001.03" | "03" => Some(PainVersion::V03),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            PainVersion::V09 => "pain.001.001.09",
            PainVersion::V03 => "pain.001.001.03",
        }
    }
}

/// A party of a transfer: the account holder paying, or the creditor paid.
#[derive(Debug, Clone)]
pub struct Party {
    pub name: String,
    pub iban: Iban,
    pub bic: Option<Bic>,
    pub address: Option<PostalAddress>,
}

#[derive(Debug, Clone)]
pub struct Transfer {
    /// Unique per order, at most 35 characters: the bank sends it back on the statement, which is
    /// how an executed payment is matched to its order.
    pub end_to_end_id: String,
    pub amount: Money,
    pub creditor: Party,
    pub remittance: Option<Remittance>,
}

/// Everything one file says.
#[derive(Debug, Clone)]
pub struct PaymentFile {
    /// Unique per file, at most 35 characters.
    pub message_id: String,
    pub created_at: NaiveDateTime,
    /// The office sending the file.
    pub initiating_party: String,
    pub debtor: Party,
    pub execution_date: NaiveDate,
    pub transfers: Vec<Transfer>,
}

impl PaymentFile {
    /// The sum of the amounts, in minor units.
    pub fn control_sum(&self) -> i64 {
        self.transfers.iter().map(|transfer| transfer.amount.minor()).sum()
    }
}

/// The file's bytes (UTF-8, indented). Panics only on a bug: writing to memory cannot fail.
pub fn write(file: &PaymentFile, version: PainVersion) -> Vec<u8> {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    write_document(&mut writer, file, version).expect("BUG: writing XML to memory cannot fail");
    let mut bytes = writer.into_inner();
    bytes.push(b'\n');
    bytes
}

type Xml = Writer<Vec<u8>>;

fn write_document(writer: &mut Xml, file: &PaymentFile, version: PainVersion) -> std::io::Result<()> {
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let namespace = format!("urn:iso:std:iso:20022:tech:xsd:{}", version.name());
    let currency = file
        .transfers
        .first()
        .map_or(Currency::EUR, |transfer| transfer.amount.currency());
    let count = file.transfers.len().to_string();
    let sum = Money::from_minor(file.control_sum(), currency).amount_text();
    writer
        .create_element("Document")
        .with_attribute(("xmlns", namespace.as_str()))
        .write_inner_content(|writer| {
            writer
                .create_element("CstmrCdtTrfInitn")
                .write_inner_content(|writer| {
                    writer.create_element("GrpHdr").write_inner_content(|writer| {
                        text(writer, "MsgId", &sepa_text(&file.message_id, 35))?;
                        text(
                            writer,
                            "CreDtTm",
                            &file.created_at.format("%Y-%m-%dT%H:%M:%S").to_string(),
                        )?;
                        text(writer, "NbOfTxs", &count)?;
                        text(writer, "CtrlSum", &sum)?;
                        writer.create_element("InitgPty").write_inner_content(|writer| {
                            text(writer, "Nm", &sepa_text(&file.initiating_party, NAME_LENGTH_MAX))
                        })?;
                        Ok(())
                    })?;
                    writer.create_element("PmtInf").write_inner_content(|writer| {
                        text(writer, "PmtInfId", &sepa_text(&file.message_id, 35))?;
                        text(writer, "PmtMtd", "TRF")?;
                        text(writer, "NbOfTxs", &count)?;
                        text(writer, "CtrlSum", &sum)?;
                        if currency == Currency::EUR {
                            writer.create_element("PmtTpInf").write_inner_content(|writer| {
                                writer
                                    .create_element("SvcLvl")
                                    .write_inner_content(|writer| text(writer, "Cd", "SEPA"))?;
                                Ok(())
                            })?;
                        }
                        let date = file.execution_date.format("%Y-%m-%d").to_string();
                        match version {
                            PainVersion::V09 => {
                                writer
                                    .create_element("ReqdExctnDt")
                                    .write_inner_content(|writer| text(writer, "Dt", &date))?;
                            }
                            PainVersion::V03 => text(writer, "ReqdExctnDt", &date)?,
                        }
                        party(writer, "Dbtr", &file.debtor)?;
                        account(writer, "DbtrAcct", &file.debtor.iban)?;
                        agent(writer, "DbtrAgt", file.debtor.bic.as_ref(), version, true)?;
                        if currency == Currency::EUR {
                            text(writer, "ChrgBr", "SLEV")?;
                        }
                        for transfer in &file.transfers {
                            write_transfer(writer, transfer, version)?;
                        }
                        Ok(())
                    })?;
                    Ok(())
                })?;
            Ok(())
        })?;
    Ok(())
}

fn write_transfer(writer: &mut Xml, transfer: &Transfer, version: PainVersion) -> std::io::Result<()> {
    writer.create_element("CdtTrfTxInf").write_inner_content(|writer| {
        writer
            .create_element("PmtId")
            .write_inner_content(|writer| text(writer, "EndToEndId", &sepa_text(&transfer.end_to_end_id, 35)))?;
        writer.create_element("Amt").write_inner_content(|writer| {
            writer
                .create_element("InstdAmt")
                .with_attribute(("Ccy", transfer.amount.currency().code()))
                .write_text_content(BytesText::new(&transfer.amount.amount_text()))?;
            Ok(())
        })?;
        if transfer.creditor.bic.is_some() {
            agent(writer, "CdtrAgt", transfer.creditor.bic.as_ref(), version, false)?;
        }
        party(writer, "Cdtr", &transfer.creditor)?;
        account(writer, "CdtrAcct", &transfer.creditor.iban)?;
        if let Some(remittance) = &transfer.remittance {
            remittance_information(writer, remittance)?;
        }
        Ok(())
    })?;
    Ok(())
}

fn remittance_information(writer: &mut Xml, remittance: &Remittance) -> std::io::Result<()> {
    writer.create_element("RmtInf").write_inner_content(|writer| {
        match remittance {
            Remittance::Text(words) => text(writer, "Ustrd", &sepa_text(words, 140))?,
            Remittance::Reference(reference) => {
                writer.create_element("Strd").write_inner_content(|writer| {
                    writer.create_element("CdtrRefInf").write_inner_content(|writer| {
                        writer.create_element("Tp").write_inner_content(|writer| {
                            writer
                                .create_element("CdOrPrtry")
                                .write_inner_content(|writer| text(writer, "Cd", "SCOR"))?;
                            Ok(())
                        })?;
                        text(writer, "Ref", reference.as_str())
                    })?;
                    Ok(())
                })?;
            }
        }
        Ok(())
    })?;
    Ok(())
}

fn party(writer: &mut Xml, element: &str, party: &Party) -> std::io::Result<()> {
    writer.create_element(element).write_inner_content(|writer| {
        text(writer, "Nm", &sepa_text(&party.name, NAME_LENGTH_MAX))?;
        if let Some(address) = &party.address {
            writer.create_element("PstlAdr").write_inner_content(|writer| {
                let optional = [
                    ("StrtNm", &address.street, 70),
                    ("BldgNb", &address.building, 16),
                    ("PstCd", &address.postcode, 16),
                ];
                for (name, value, max) in optional {
                    if let Some(value) = value
                        .as_deref()
                        .map(|value| sepa_text(value, max))
                        .filter(|value| !value.is_empty())
                    {
                        text(writer, name, &value)?;
                    }
                }
                text(writer, "TwnNm", &sepa_text(&address.town, 35))?;
                text(writer, "Ctry", &address.country)
            })?;
        }
        Ok(())
    })?;
    Ok(())
}

fn account(writer: &mut Xml, element: &str, iban: &Iban) -> std::io::Result<()> {
    writer.create_element(element).write_inner_content(|writer| {
        writer
            .create_element("Id")
            .write_inner_content(|writer| text(writer, "IBAN", iban.electronic()))?;
        Ok(())
    })?;
    Ok(())
}

/// The bank of a party, by BIC; for the debtor without one, "NOTPROVIDED" as the rulebook says.
fn agent(
    writer: &mut Xml,
    element: &str,
    bic: Option<&Bic>,
    version: PainVersion,
    required: bool,
) -> std::io::Result<()> {
    if bic.is_none() && !required {
        return Ok(());
    }
    writer.create_element(element).write_inner_content(|writer| {
        writer
            .create_element("FinInstnId")
            .write_inner_content(|writer| match bic {
                Some(bic) => text(
                    writer,
                    match version {
                        PainVersion::V09 => "BICFI",
                        PainVersion::V03 => "BIC",
                    },
                    bic.as_str(),
                ),
                None => {
                    writer
                        .create_element("Othr")
                        .write_inner_content(|writer| text(writer, "Id", "NOTPROVIDED"))?;
                    Ok(())
                }
            })?;
        Ok(())
    })?;
    Ok(())
}

fn text(writer: &mut Xml, element: &str, content: &str) -> std::io::Result<()> {
    writer
        .create_element(element)
        .write_text_content(BytesText::new(content))?;
    Ok(())
}

/// `text` in the SEPA character set, at most `max` characters: letters transliterated to Latin
/// (é → e, ß → ss, Ж → Zh), `&` written as `+`, anything else outside the set as a space, spaces
/// collapsed. Never empty: a name with nothing left becomes "-".
pub fn sepa_text(text: &str, max: usize) -> String {
    let latin = deunicode::deunicode(text);
    let mut out = String::with_capacity(latin.len());
    for character in latin.chars() {
        let kept = match character {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '/' | '-' | '?' | ':' | '(' | ')' | '.' | ',' | '\'' | '+' => character,
            '&' => '+',
            _ => ' ',
        };
        if kept == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(kept);
    }
    let mut limited: String = out.trim_end().chars().take(max).collect();
    limited.truncate(limited.trim_end().len());
    if limited.is_empty() { "-".to_owned() } else { limited }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_brought_to_the_sepa_character_set() {
        assert_eq!(sepa_text("Société Électrique & Fils", 70), "Societe Electrique + Fils");
        assert_eq!(sepa_text("Müller <GmbH> \"Straße\"", 70), "Muller GmbH Strasse");
        assert_eq!(sepa_text("Жилищная компания", 70), "Zhilishchnaia kompaniia");
        assert_eq!(sepa_text("  ", 70), "-");
        assert_eq!(sepa_text("abcdef", 3), "abc");
    }
}
