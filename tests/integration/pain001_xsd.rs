//! Every pain.001 file gestio writes is valid against the official XSDs: names with XML's
//! special characters and non-Latin letters, BIC or none, structured remittance or text.

use crate::support::xsd;

use chrono::NaiveDate;
use gestio::domain::creditor::{Bic, PostalAddress, Remittance};
use gestio::domain::iban::Iban;
use gestio::domain::money::{Currency, Money};
use gestio::export::pain001::{PainVersion, Party, PaymentFile, Transfer, write};

fn party(name: &str, iban: &str, bic: Option<&str>, address: bool) -> Party {
    Party {
        name: name.to_owned(),
        iban: Iban::parse(iban).expect("a test IBAN"),
        bic: bic.map(|bic| Bic::parse(bic).expect("a test BIC")),
        address: address.then(|| {
            PostalAddress::new(
                Some("Rue d'Épernay & Co"),
                Some("12a"),
                Some("L-1490"),
                "Luxembourg",
                "LU",
            )
            .expect("an address")
        }),
    }
}

fn awkward_file() -> PaymentFile {
    let creditors = [
        (
            "Société <Logement> & \"Fils\"",
            "LU280019400644750000",
            Some("BCEELULL"),
            Remittance::parse("Loyer décembre <2026> & charges"),
        ),
        (
            "Жилищная компания",
            "DE89370400440532013000",
            None,
            Remittance::parse("RF18 5390 0754 7034"),
        ),
        (
            "Ørsted Energi",
            "FR1420041010050500013M02606",
            Some("PSSTFRPPXXX"),
            Remittance::parse("Facture 4711"),
        ),
    ];
    PaymentFile {
        message_id: "GESTIO-R1-F1".to_owned(),
        created_at: NaiveDate::from_ymd_opt(2026, 11, 23)
            .and_then(|day| day.and_hms_opt(9, 30, 0))
            .expect("a time"),
        initiating_party: "Office social de Hesperange & Walferdange".to_owned(),
        debtor: party("Maria Fernandes (curatelle)", "LU120010001234567891", None, true),
        execution_date: NaiveDate::from_ymd_opt(2026, 12, 1).expect("a date"),
        transfers: creditors
            .into_iter()
            .enumerate()
            .map(|(index, (name, iban, bic, remittance))| Transfer {
                end_to_end_id: format!("GESTIO-O{}", index + 1),
                amount: Money::from_minor(65_012 + index as i64, Currency::EUR),
                creditor: party(name, iban, bic, index != 1),
                remittance: Some(remittance.expect("a remittance")),
            })
            .collect(),
    }
}

#[test]
fn files_with_awkward_names_pass_the_official_schemas_in_both_versions() {
    let Some(schemas) = xsd::schemas() else { return };
    let file = awkward_file();
    for version in [PainVersion::V09, PainVersion::V03] {
        let bytes = write(&file, version);
        for schema in xsd::schemas_for(version.name()) {
            if let Err(report) = xsd::validate(&schemas, &schema, &bytes) {
                panic!(
                    "{} fails {schema}:\n{report}\n{}",
                    version.name(),
                    String::from_utf8_lossy(&bytes)
                );
            }
        }
    }
}

#[test]
fn counts_and_control_sum_match_the_transfers() {
    let file = awkward_file();
    let text = String::from_utf8(write(&file, PainVersion::V09)).expect("UTF-8");
    assert_eq!(text.matches("<NbOfTxs>3</NbOfTxs>").count(), 2, "{text}");
    // 650.12 + 650.13 + 650.14
    assert_eq!(text.matches("<CtrlSum>1950.39</CtrlSum>").count(), 2, "{text}");
    assert!(text.contains("<Ref>RF18539007547034</Ref>"), "{text}");
    assert!(text.contains("<Nm>Societe Logement + Fils</Nm>"), "{text}");
    assert!(text.contains("<Id>NOTPROVIDED</Id>"), "{text}");
}

#[test]
fn a_schema_violation_is_noticed() {
    // The check itself must be able to fail: a file without its debtor account is refused.
    let Some(schemas) = xsd::schemas() else { return };
    let text = String::from_utf8(write(&awkward_file(), PainVersion::V09)).expect("UTF-8");
    let start = text.find("<DbtrAcct>").expect("a debtor account");
    let end = text.find("</DbtrAcct>").expect("its end") + "</DbtrAcct>".len();
    let broken = format!("{}{}", &text[..start], &text[end..]);
    assert!(xsd::validate(&schemas, "pain.001.001.09.xsd", broken.as_bytes()).is_err());
}
