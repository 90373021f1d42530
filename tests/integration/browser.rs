//! The pages in a real browser: Debian's chromium driven by playwright-core (tests/browser), as a
//! counsellor, a beneficiary, court staff, a supervisor and the instance's administrator, with an
//! axe check of every page.
//! Screenshots go to target/browser/. CI installs chromium and the npm packages; elsewhere,
//! without them, the test says so loudly and is not run.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};

use crate::common::{PASSWORD, TestApp};
use crate::http_access::world::set_up;

const CHROMIUM: &str = "/usr/bin/chromium";

fn browser_folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser")
}

/// Whether chromium, node and the npm packages are here; under CI their absence is a failure.
fn browser_available() -> bool {
    let node = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success());
    let packages = browser_folder().join("node_modules/playwright-core").exists()
        && browser_folder().join("node_modules/axe-core").exists();
    let present = node && packages && Path::new(CHROMIUM).exists();
    if !present {
        let message = "the browser test needs node, /usr/bin/chromium (apt-get install chromium) and \
                       `npm ci --prefix tests/browser`";
        if std::env::var_os("CI").is_some() {
            panic!("{message}: CI must install them");
        }
        eprintln!("\n*** NOT RUN: {message} ***\n");
    }
    present
}

crate::backend_tests! {
    async fn every_role_walks_its_pages_in_chromium_and_axe_finds_no_serious_violation(db) {
        if !browser_available() {
            return;
        }
        let app = TestApp::spawn(&db).await;
        let ids = set_up(&app).await;
        let screenshots = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/browser").join(db.backend);
        std::fs::create_dir_all(&screenshots).unwrap();
        let statement = screenshots.join("maria-2026-11.camt053.xml");
        std::fs::write(&statement, november_statement()).unwrap();
        let october = gestio::service::demo_statements::demo_statement(&app.store, ids.office, crate::common::date("2026-11-23"))
            .await
            .unwrap()
            .expect("the demo has Maria's account");
        let csv_file = screenshots.join(&october.file_name);
        std::fs::write(&csv_file, &october.bytes).unwrap();
        let user = |login: &str| json!({ "login": login, "password": PASSWORD });
        let settings = json!({
            "base": app.url("").trim_end_matches('/'),
            "chromium": CHROMIUM,
            "screenshots": screenshots,
            "filing": ids.filing,
            "statementFile": statement,
            "csvFile": csv_file,
            "users": {
                "counsellor": user("counsellor"),
                "beneficiary": user("maria"),
                "court": user("greffe-lux"),
                "supervisor": user("supervisor"),
                "administrator": user("admin-instance"),
            },
        });
        // The browser waits on the server, which runs on this runtime: wait for it off the runtime.
        let output = tokio::task::spawn_blocking(move || {
            Command::new("node")
                .arg(browser_folder().join("walk.mjs"))
                .current_dir(browser_folder())
                .env("GESTIO_BROWSER", settings.to_string())
                .output()
        })
        .await
        .unwrap()
        .unwrap();
        assert!(output.status.success(), "the browser walk failed:\n{}", String::from_utf8_lossy(&output.stderr));
        let report: Value = serde_json::from_slice(&output.stdout).unwrap();

        let pages: Vec<&str> = report["pages"].as_array().unwrap().iter().map(|page| page["name"].as_str().unwrap()).collect();
        assert_eq!(
            pages,
            ["sign-in", "caseload", "import", "import-check", "import-reason", "case", "case-rules", "case-imports", "entry", "new-entry", "case-payments", "court-preview", "court-filed", "payments", "payment-run", "portal", "statement", "court", "court-filing", "admin-users", "settings", "audit", "courts", "de-case-390", "de-court-panel-390", "de-rules-390", "de-imports-390", "de-new-entry-390", "de-not-found-390", "fr-court-390", "fr-court-filing-390", "pt-portal-390", "pt-statement-390"]
        );
        for page in report["pages"].as_array().unwrap() {
            assert!(page["lang"].as_str().is_some_and(|lang| !lang.is_empty()), "every page says its language: {page}");
        }
        let serious: Vec<&Value> = report["violations"].as_array().unwrap().iter()
            .filter(|violation| matches!(violation["impact"].as_str(), Some("serious" | "critical")))
            .collect();
        assert!(serious.is_empty(), "axe found serious or critical violations: {serious:#?}");
        let others = report["violations"].as_array().unwrap().len();
        eprintln!("axe: {others} moderate or minor findings: {:#}", report["violations"]);

        let step = |name: &str| -> String {
            report["steps"].as_array().unwrap().iter().find(|step| step["step"] == name)
                .and_then(|step| step["text"].as_str()).unwrap_or_default().to_owned()
        };
        assert!(step("counsellor sees the caseload").contains("Maria Fernandes"));
        assert!(step("beneficiary reads the statement").contains("O seu dinheiro"), "Maria reads Portuguese: {}", step("beneficiary reads the statement"));
        let imported = step("counsellor imports a statement");
        assert!(imported.contains("LU280019400644750000-2026-11"), "{imported}");
        let checked = step("counsellor checks a CSV statement against the book");
        assert!(checked.contains("Already booked by this entry") && checked.contains("Pension CNAP"), "{checked}");
        assert!(!checked.contains('⚠'), "October starts where the book does: {checked}");
        let booked = step("counsellor books the CSV statement");
        assert!(booked.contains("The file was imported."), "{booked}");
        let asked = step("counsellor is asked for a reason");
        assert!(asked.contains('⚠') && asked.contains("Say why the file should be booked"), "{asked}");
        assert!(imported.contains("The file was imported."), "{imported}");
        assert!(step("counsellor categorises a line").starts_with("3 -> 2: 1 line was moved"), "{}", step("counsellor categorises a line"));
        let rules = step("counsellor reads the rules");
        assert!(rules.contains("this case") && rules.contains("Books to"), "{rules}");
        let so_far = step("a beneficiary reads this month so far on a phone");
        assert!(so_far.contains("Voltar ao meu dinheiro") && so_far.contains("até") && so_far.contains("Ainda a pagar este mês"), "{so_far}");
        let by_hand = step("counsellor posts an entry by hand");
        assert!(by_hand.contains("The entry was posted.") && by_hand.contains("Pocket money handed over in cash"), "{by_hand}");
        let undone = step("counsellor undoes the CSV import");
        // The line categorised was October's fee (the oldest): its entry and its categorisation.
        assert!(undone.contains("The import was undone: 2 entries reversed"), "{undone}");
        assert!(step("counsellor attaches a receipt").contains("quittance.png"), "{}", step("counsellor attaches a receipt"));
        let waiting = gestio::service::categorise::suspense(&app.store, ids.book).await.unwrap();
        assert_eq!(waiting.len(), 2, "November's two lines left on suspense");
        let rules = gestio::service::categorise::rules(&app.store, ids.office, None).await.unwrap();
        assert!(!rules.is_empty(), "the decision became a rule");
        assert!(step("counsellor previews July").contains('⚠') || step("counsellor previews July").contains('✓'),
            "the checks are shown before filing: {}", step("counsellor previews July"));
        assert!(step("counsellor files July").contains("31/07/2026"), "{}", step("counsellor files July"));
        assert!(step("a German counsellor meets an unknown address").contains("Seite nicht gefunden"),
            "{}", step("a German counsellor meets an unknown address"));
        let filed = gestio::service::filings::filings(&app.store, ids.book).await.unwrap();
        assert_eq!(filed.last().map(|filing| filing.period.to), Some(crate::common::date("2026-07-31")), "the filing is stored");
        let approved = step("court approves the account");
        assert!(approved.contains("Approved") && approved.contains("Your review of the account was recorded."), "{approved}");
        let opened = step("court opens the account");
        assert!(opened.contains("Entries and their receipts") && opened.contains("loyer-juin.png"), "the receipt opens from its entry: {opened}");
        assert_eq!(step("counsellor prepares a run"), "waiting for approval", "four eyes: the counsellor cannot approve");
        assert_eq!(step("supervisor approves the run"), "approved, files written");
        let pain = step("supervisor downloads the pain.001");
        assert!(pain.contains("urn:iso:std:iso:20022:tech:xsd:pain.001.001.09") && pain.contains("LU280019400644750000"), "{pain}");
        assert!(step("supervisor reads the audit log").contains("approved payment run"), "{}", step("supervisor reads the audit log"));
        let esch = step("administrator records a court and its clerk");
        assert!(esch.contains("Greffe de la justice de paix (greffe-esch)"), "{esch}");
        assert!(app.session("greffe-esch", "seven green lanterns over the Alzette").await.is_ok(), "the clerk signs in");
        let filing = gestio::service::filings::filing(&app.store, gestio::domain::ids::FilingId::new(ids.filing)).await.unwrap();
        assert_eq!(filing.review.map(|review| review.verdict), Some(gestio::domain::filing::Verdict::Approved), "the approval is stored");
        for page in pages {
            assert!(screenshots.join(format!("{page}.png")).exists(), "a screenshot of {page}");
        }
    }
}

/// November 2026 of Maria's current account: a refund in, a pharmacy bill out; both new to the
/// book, so both wait on suspense until someone categorises them.
pub fn november_statement() -> String {
    r#"<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>BCEE-20261118-0001</MsgId><CreDtTm>2026-11-18T05:00:00+01:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>LU280019400644750000-2026-11</Id>
      <ElctrncSeqNb>11</ElctrncSeqNb>
      <Acct><Id><IBAN>LU280019400644750000</IBAN></Id><Ccy>EUR</Ccy></Acct>
      <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-16</Dt></Dt></Bal>
      <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">130.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-17</Dt></Dt></Bal>
      <Ntry>
        <Amt Ccy="EUR">50.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>2026-11-16</Dt></BookgDt><ValDt><Dt>2026-11-16</Dt></ValDt><AcctSvcrRef>BCEE2026111600001</AcctSvcrRef>
        <NtryDtls><TxDtls><Amt Ccy="EUR">50.00</Amt>
          <RltdPties><Dbtr><Pty><Nm>Caisse nationale de santé</Nm></Pty></Dbtr></RltdPties>
          <RmtInf><Ustrd>Remboursement CNS 11/2026</Ustrd></RmtInf></TxDtls></NtryDtls>
      </Ntry>
      <Ntry>
        <Amt Ccy="EUR">20.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>2026-11-17</Dt></BookgDt><ValDt><Dt>2026-11-17</Dt></ValDt><AcctSvcrRef>BCEE2026111700002</AcctSvcrRef>
        <NtryDtls><TxDtls><Amt Ccy="EUR">20.00</Amt>
          <RltdPties><Cdtr><Pty><Nm>Pharmacie du Centre</Nm></Pty></Cdtr></RltdPties>
          <RmtInf><Ustrd>Facture 2026-1187</Ustrd></RmtInf></TxDtls></NtryDtls>
      </Ntry>
    </Stmt>
  </BkToCstmrStmt>
</Document>
"#
    .to_owned()
}
