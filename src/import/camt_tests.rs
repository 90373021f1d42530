use rust_decimal::Decimal;

use super::*;
use crate::import::statement::EntryStatus;

fn decimal(text: &str) -> Decimal {
    Decimal::from_str_exact(text).unwrap()
}

/// A small camt.053.001.02 statement written for these tests: one credit, one batch debit with
/// two parts, one pending entry.
const STATEMENT_V02: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2026-02-01T06:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>STMT-2026-01</Id>
      <ElctrncSeqNb>12</ElctrncSeqNb>
      <Acct><Id><IBAN>LU280019400644750000</IBAN></Id><Ccy>EUR</Ccy></Acct>
      <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">12.50</Amt><CdtDbtInd>DBIT</CdtDbtInd><Dt><Dt>2026-01-01</Dt></Dt></Bal>
      <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">987.50</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><DtTm>2026-01-31T23:59:59+01:00</DtTm></Dt></Bal>
      <Ntry>
        <Amt Ccy="EUR">1650.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
        <BookgDt><Dt>2026-01-02</Dt></BookgDt><ValDt><Dt>2026-01-02</Dt></ValDt>
        <AcctSvcrRef>BANKREF-1</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls><TxDtls>
          <Refs><EndToEndId>PENSION-2026-01</EndToEndId></Refs>
          <AmtDtls><TxAmt><Amt Ccy="EUR">1650.00</Amt></TxAmt></AmtDtls>
          <RltdPties><Dbtr><Nm>CNAP Caisse &amp; Pension</Nm></Dbtr><DbtrAcct><Id><IBAN>LU580030123456789012</IBAN></Id></DbtrAcct></RltdPties>
          <RmtInf><Ustrd>Pension janvier &#233;t&#xE9;</Ustrd></RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>
      <Ntry>
        <Amt Ccy="EUR">650.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-01-05</Dt></BookgDt>
        <AcctSvcrRef>BANKREF-2</AcctSvcrRef>
        <Chrgs><Amt Ccy="EUR">0.50</Amt></Chrgs>
        <NtryDtls>
          <TxDtls><AmtDtls><TxAmt><Amt Ccy="EUR">600.00</Amt></TxAmt></AmtDtls>
            <RltdPties><Cdtr><Nm>Agence Sud</Nm></Cdtr><CdtrAcct><Id><IBAN>LU321111000087654321</IBAN></Id></CdtrAcct></RltdPties>
            <RmtInf><Strd><CdtrRefInf><Ref>RF18539007547034</Ref></CdtrRefInf></Strd></RmtInf></TxDtls>
          <TxDtls><AmtDtls><TxAmt><Amt Ccy="EUR">50.00</Amt></TxAmt></AmtDtls></TxDtls>
        </NtryDtls>
      </Ntry>
      <Ntry><Amt Ccy="EUR">99.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>PDNG</Sts></Ntry>
    </Stmt>
  </BkToCstmrStmt>
</Document>
"#;

#[test]
fn reads_a_camt_053_v02_statement() {
    let file = parse(STATEMENT_V02.as_bytes()).unwrap();
    assert_eq!(file.message_type, "camt.053.001.02");
    assert_eq!(file.message_id.as_deref(), Some("MSG-1"));
    let statement = &file.statements[0];
    assert_eq!(statement.id.as_deref(), Some("STMT-2026-01"));
    assert_eq!(statement.electronic_sequence.as_deref(), Some("12"));
    assert_eq!(statement.account_iban.as_deref(), Some("LU280019400644750000"));
    assert_eq!(statement.opening_booked().unwrap().amount, decimal("-12.50"));
    assert_eq!(
        statement.closing_booked().unwrap().date,
        Some("2026-01-31".parse().unwrap())
    );
    assert_eq!(statement.entries.len(), 3);
    let pension = &statement.entries[0];
    assert!(pension.credit);
    assert_eq!(pension.bank_transaction_code.as_deref(), Some("PMNT/RCDT/ESCT"));
    assert_eq!(pension.details[0].debtor_name.as_deref(), Some("CNAP Caisse & Pension"));
    assert_eq!(pension.details[0].unstructured, vec!["Pension janvier été".to_owned()]);
    assert_eq!(pension.details[0].end_to_end_id.as_deref(), Some("PENSION-2026-01"));
    let rent = &statement.entries[1];
    assert_eq!(rent.charges, Some(decimal("0.50")));
    assert_eq!(rent.details.len(), 2);
    assert_eq!(rent.details[0].creditor_iban.as_deref(), Some("LU321111000087654321"));
    assert_eq!(rent.details[0].structured_refs, vec!["RF18539007547034".to_owned()]);
    assert_eq!(statement.entries[2].status, EntryStatus::Pending);
    let facts = statement.facts(&file.message_type);
    assert_eq!(
        (facts.booked_credit_sum, facts.booked_debit_sum),
        (decimal("1650.00"), decimal("650.00"))
    );
    assert_eq!(facts.reconciles, Some(true));
    assert_eq!(facts.tx_details, 3);
}

#[test]
fn reads_the_v08_status_and_party_layout() {
    let v08 = r#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn>
      <Ntfctn><Id>N1</Id><Acct><Id><Othr><Id>12345</Id></Othr></Id></Acct>
        <Ntry><Amt Ccy="CHF">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><RvslInd>true</RvslInd><Sts><Cd>INFO</Cd></Sts>
          <BookgDt><DtTm>2026-03-01T10:00:00</DtTm></BookgDt>
          <Chrgs><TtlChrgsAndTaxAmt Ccy="CHF">1.20</TtlChrgsAndTaxAmt><Rcrd><Amt Ccy="CHF">1.20</Amt></Rcrd></Chrgs>
          <NtryDtls><TxDtls><Amt Ccy="CHF">10.00</Amt><RltdPties><Dbtr><Pty><Nm>Muster AG</Nm></Pty></Dbtr></RltdPties></TxDtls></NtryDtls>
        </Ntry></Ntfctn></BkToCstmrDbtCdtNtfctn></Document>"#;
    let file = parse(v08.as_bytes()).unwrap();
    assert_eq!(file.message_type, "camt.054.001.08");
    let statement = &file.statements[0];
    assert_eq!(statement.account_other_id.as_deref(), Some("12345"));
    let entry = &statement.entries[0];
    assert_eq!(entry.status, EntryStatus::Information);
    assert!(entry.reversal);
    assert_eq!(entry.booking_date, Some("2026-03-01".parse().unwrap()));
    assert_eq!(
        entry.charges,
        Some(decimal("1.20")),
        "the total, not total plus records"
    );
    assert_eq!(entry.details[0].amount, Some(decimal("10.00")));
    assert_eq!(entry.details[0].debtor_name.as_deref(), Some("Muster AG"));
    assert_eq!(statement.facts(&file.message_type).reconciles, None, "no balances");
}

#[test]
fn refuses_a_doctype_before_expanding_anything() {
    let laughs = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">{}]>\n<Document>&lol9;</Document>",
        (1..10)
            .map(|level| format!("<!ENTITY lol{level} \"{}\">", format!("&lol{};", level - 1).repeat(10)))
            .collect::<String>()
    );
    assert_eq!(parse(laughs.as_bytes()), Err(ImportError::DocTypeRefused { line: 2 }));
    let external = "<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Document>&x;</Document>";
    assert_eq!(
        parse(external.as_bytes()).unwrap_err().to_string(),
        "line 1: the file declares a DOCTYPE; bank statements never do, and it is refused for safety"
    );
}

#[test]
fn refuses_an_undeclared_entity() {
    let text = "<Document><BkToCstmrStmt><GrpHdr><MsgId>&secret;</MsgId></GrpHdr></BkToCstmrStmt></Document>";
    let error = parse(text.as_bytes()).unwrap_err();
    assert!(
        matches!(&error, ImportError::UnknownEntity { name, .. } if name == "secret"),
        "{error}"
    );
}

#[test]
fn malformed_xml_is_named_with_its_line_and_element() {
    let broken = STATEMENT_V02.replace("<Sts>PDNG</Sts>", "<Sts>PDNG</Status>");
    let error = parse(broken.as_bytes()).unwrap_err();
    let ImportError::MalformedXml { line, path, .. } = &error else {
        panic!("{error}")
    };
    assert_eq!(*line, 34);
    assert_eq!(path, "Document/BkToCstmrStmt/Stmt/Ntry/Sts");
}

#[test]
fn a_truncated_file_says_so() {
    for cut in [STATEMENT_V02.len() / 2, STATEMENT_V02.len() - 20] {
        let error = parse(&STATEMENT_V02.as_bytes()[..cut]).unwrap_err();
        assert!(
            matches!(error, ImportError::Truncated { .. } | ImportError::MalformedXml { .. }),
            "{error}"
        );
    }
    let error = parse(&STATEMENT_V02.as_bytes()[..STATEMENT_V02.len() - 13]).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the file ends before the XML is complete (inside Document): it may have been cut off while downloading"
    );
}

#[test]
fn a_payment_file_is_not_a_statement() {
    let pain = r#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"><CstmrCdtTrfInitn><GrpHdr/></CstmrCdtTrfInitn></Document>"#;
    assert_eq!(
        parse(pain.as_bytes()).unwrap_err().to_string(),
        "this is a pain.001 payment file, not a bank statement (camt.052, camt.053 or camt.054)"
    );
}

#[test]
fn a_negative_amount_is_refused_with_its_place() {
    let negative = STATEMENT_V02.replace(r#"<Amt Ccy="EUR">650.00</Amt>"#, r#"<Amt Ccy="EUR">-650.00</Amt>"#);
    assert_eq!(
        parse(negative.as_bytes()).unwrap_err().to_string(),
        "line 24, Document/BkToCstmrStmt/Stmt/Ntry/Amt: an amount must not be negative in camt; the direction is given by CdtDbtInd"
    );
    let garbage = STATEMENT_V02.replace("<Dt>2026-01-05</Dt>", "<Dt>05.01.2026</Dt>");
    assert!(
        parse(garbage.as_bytes())
            .unwrap_err()
            .to_string()
            .contains("'05.01.2026' is not a date (YYYY-MM-DD)")
    );
}

#[test]
fn nesting_is_bounded() {
    let deep = format!("<Document>{}{}</Document>", "<a>".repeat(100), "</a>".repeat(100));
    assert!(matches!(parse(deep.as_bytes()), Err(ImportError::NotAStatement { .. })));
    let deep = format!(
        "<Document><BkToCstmrStmt>{}{}</BkToCstmrStmt></Document>",
        "<a>".repeat(100),
        "</a>".repeat(100)
    );
    assert!(matches!(parse(deep.as_bytes()), Err(ImportError::TooDeep { .. })));
}
