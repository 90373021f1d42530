//! The whole payment loop on SQLite and PostgreSQL: schedules → run → pain.001 → a camt.053
//! written from that file as the bank would → import → orders executed, entries on the planned
//! accounts, balances right; then the bank returns one payment.

use crate::common;

use common::{Case, date, eur, now, open_case};
use gestio::domain::account::ReportCategory;
use gestio::domain::creditor::{NewCreditor, PaymentTarget, PostalAddress, Remittance};
use gestio::domain::iban::Iban;
use gestio::domain::ids::PaymentFileId;
use gestio::domain::money::Money;
use gestio::domain::schedule::{DayOfMonth, Ending, Frequency, NewSchedule, Priority};
use gestio::export::pain001::PainVersion;
use gestio::service::import::{ImportOptions, import_file};
use gestio::service::ledger::trial_balance;
use gestio::service::payments::{RunRequest, add_creditor, add_schedule, payment_file, run_payments};
use gestio::storage::{OrderRecord, Store};
use quick_xml::events::Event;

const IBAN: &str = "LU280019400644750000";

/// One transfer of a pain.001 file, as a bank reads it.
#[derive(Debug, Default, Clone)]
struct Instructed {
    end_to_end_id: String,
    amount: String,
    creditor_name: String,
    creditor_iban: String,
}

/// Reads the transfers of a pain.001 file, element by element.
fn read_pain001(bytes: &[u8]) -> (String, Vec<Instructed>) {
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let (mut path, mut transfers, mut execution_date) = (Vec::<String>::new(), Vec::new(), String::new());
    loop {
        match reader.read_event().expect("a well-formed pain.001") {
            Event::Start(start) => {
                let name = start.local_name().as_ref().to_owned();
                if name == "CdtTrfTxInf" {
                    transfers.push(Instructed::default());
                }
                path.push(name);
            }
            Event::End(_) => {
                path.pop();
            }
            Event::Text(text) => {
                let value = text.xml10_content().into_owned();
                let joined = path.join("/");
                let current = transfers.last_mut();
                match (joined.rsplit_once("PmtInf/").map(|(_, tail)| tail), current) {
                    (Some("ReqdExctnDt/Dt"), _) => execution_date = value,
                    (Some("CdtTrfTxInf/PmtId/EndToEndId"), Some(transfer)) => transfer.end_to_end_id = value,
                    (Some("CdtTrfTxInf/Amt/InstdAmt"), Some(transfer)) => transfer.amount = value,
                    (Some("CdtTrfTxInf/Cdtr/Nm"), Some(transfer)) => transfer.creditor_name = value,
                    (Some("CdtTrfTxInf/CdtrAcct/Id/IBAN"), Some(transfer)) => transfer.creditor_iban = value,
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    (execution_date, transfers)
}

/// A camt.053 statement of the account with one booked entry per (direction, transfer).
fn camt053(id: &str, sequence: u32, day: &str, opening: Money, entries: &[(&str, &Instructed)]) -> Vec<u8> {
    let mut closing = opening.minor();
    let mut body = String::new();
    for (index, (direction, transfer)) in entries.iter().enumerate() {
        let amount = Money::parse(&transfer.amount, opening.currency()).unwrap().minor();
        closing += if *direction == "DBIT" { -amount } else { amount };
        let party = if *direction == "DBIT" { "Cdtr" } else { "Dbtr" };
        body.push_str(&format!(
            "<Ntry><Amt Ccy=\"EUR\">{amount}</Amt><CdtDbtInd>{direction}</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>\
             <BookgDt><Dt>{day}</Dt></BookgDt><ValDt><Dt>{day}</Dt></ValDt><AcctSvcrRef>{id}-{index}</AcctSvcrRef>\
             <NtryDtls><TxDtls><Refs><EndToEndId>{e2e}</EndToEndId></Refs><Amt Ccy=\"EUR\">{amount}</Amt>\
             <RltdPties><{party}><Pty><Nm>{name}</Nm></Pty></{party}><{party}Acct><Id><IBAN>{iban}</IBAN></Id></{party}Acct></RltdPties>\
             </TxDtls></NtryDtls></Ntry>",
            amount = transfer.amount,
            e2e = transfer.end_to_end_id,
            name = transfer.creditor_name,
            iban = transfer.creditor_iban,
        ));
    }
    let balance = |code: &str, minor: i64| {
        format!(
            "<Bal><Tp><CdOrPrtry><Cd>{code}</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">{}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>{day}</Dt></Dt></Bal>",
            Money::from_minor(minor, opening.currency()).amount_text()
        )
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">\
         <BkToCstmrStmt><GrpHdr><MsgId>{id}</MsgId><CreDtTm>{day}T20:00:00</CreDtTm></GrpHdr><Stmt><Id>{id}</Id>\
         <ElctrncSeqNb>{sequence}</ElctrncSeqNb><Acct><Id><IBAN>{IBAN}</IBAN></Id><Ccy>EUR</Ccy></Acct>{}{}{body}</Stmt></BkToCstmrStmt></Document>",
        balance("OPBD", opening.minor()),
        balance("CLBD", closing),
    )
    .into_bytes()
}

async fn schedule(
    store: &Store,
    case: &Case,
    name: &str,
    iban: &str,
    amount: &str,
    target: ReportCategory,
    priority: Priority,
) {
    let creditor = NewCreditor {
        office_id: case.office,
        book_id: None,
        name: NewCreditor::check_name(name).unwrap(),
        iban: Iban::parse(iban).unwrap(),
        bic: None,
        address: PostalAddress::new(None, None, Some("L-1111"), "Luxembourg", "LU").unwrap(),
        default_target: None,
        default_remittance: Some(Remittance::parse("Contrat 77").unwrap()),
    };
    let creditor = add_creditor(store, &creditor, now()).await.unwrap();
    let schedule = NewSchedule {
        book_id: case.book,
        creditor_id: creditor.id,
        debtor_account: None,
        amount: eur(amount),
        target: PaymentTarget::Category(target),
        frequency: Frequency::Monthly {
            day: DayOfMonth::Day(1),
        },
        start: date("2026-12-01"),
        ending: Ending::Never,
        remittance: None,
        priority,
        needs_authorisation: false,
        authorisation_ref: None,
    };
    add_schedule(store, schedule, now()).await.unwrap();
}

async fn balance_of(store: &Store, case: &Case, category: ReportCategory) -> Money {
    let trial = trial_balance(store, case.book, None).await.unwrap();
    let account = case
        .accounts
        .iter()
        .find(|account| account.category == category)
        .unwrap();
    trial
        .lines
        .iter()
        .find(|line| line.code == account.code)
        .unwrap()
        .balance
}

async fn orders(store: &Store, case: &Case) -> Vec<OrderRecord> {
    let mut tx = store.begin_read().await.unwrap();
    let orders = tx.book_orders(case.book).await.unwrap();
    tx.commit().await.unwrap();
    orders
}

async fn import(store: &Store, name: &str, bytes: &[u8]) -> usize {
    let summary = import_file(store, name, bytes, ImportOptions::default(), "test", now())
        .await
        .unwrap();
    assert_eq!(summary.statements[0].reconciles, Some(true));
    summary.statements[0].payments_matched
}

crate::backend_tests! {
    async fn scheduled_payments_go_out_come_back_on_the_statement_and_a_return_is_noticed(db) {
        let store = db.store().await;
        let case = open_case(&store, "Maria Fernandes", IBAN).await;
        schedule(&store, &case, "Agence Immobilière Sud", "LU120010001234567891", "650.00", ReportCategory::Housing, Priority::HOUSING).await;
        schedule(&store, &case, "Enovos Luxembourg", "DE89370400440532013000", "95.50", ReportCategory::Energy, Priority::ENERGY_AND_WATER).await;
        common::assert_dashboard_is_fresh(&store, &case, "the schedules").await;
        // Over the whole office: its runs decide what every book of the office holds.
        let request = RunRequest { office: case.office, book: None, date: date("2026-12-01"), format: PainVersion::V09, author: "anne" };
        let run = run_payments(&store, request, now()).await.unwrap();
        assert_eq!(common::assert_dashboard_is_fresh(&store, &case, "the run").await.attention.on_the_way, 2);
        let (_, file) = payment_file(&store, PaymentFileId::new(run.files[0].id)).await.unwrap();
        let (execution_date, transfers) = read_pain001(&file);
        assert_eq!((execution_date.as_str(), transfers.len()), ("2026-12-01", 2));

        // The bank executes both and says so on the next statement, with each EndToEndId.
        let executed: Vec<(&str, &Instructed)> = transfers.iter().map(|transfer| ("DBIT", transfer)).collect();
        let statement = camt053("STMT-2026-12-01", 1, "2026-12-01", eur("1000.00"), &executed);
        assert_eq!(import(&store, "december.xml", &statement).await, 2);
        let states: Vec<&str> = orders(&store, &case).await.into_iter().map(|order| order.state.code()).collect();
        assert_eq!(states, ["executed", "executed"]);
        let dashboard = common::assert_dashboard_is_fresh(&store, &case, "the statement showing the payments").await;
        assert_eq!((dashboard.attention.on_the_way, dashboard.money_minor), (0, 25_450 + 2_000));
        assert_eq!(balance_of(&store, &case, ReportCategory::Bank).await, eur("254.50"));
        assert_eq!(balance_of(&store, &case, ReportCategory::Housing).await, eur("650.00"));
        assert_eq!(balance_of(&store, &case, ReportCategory::Energy).await, eur("95.50"));
        assert_eq!(balance_of(&store, &case, ReportCategory::Suspense).await, eur("0.00"), "nothing left to categorise");

        // The energy supplier's account was closed: the bank returns the money.
        let energy = transfers.iter().find(|transfer| transfer.amount == "95.50").unwrap();
        let returned = camt053("STMT-2026-12-03", 2, "2026-12-03", eur("254.50"), &[("CRDT", energy)]);
        assert_eq!(import(&store, "return.xml", &returned).await, 1);
        let after = orders(&store, &case).await;
        let energy_order = after.iter().find(|order| order.amount_minor == 9_550).unwrap();
        assert_eq!(energy_order.state.code(), "returned");
        assert_eq!(common::assert_dashboard_is_fresh(&store, &case, "the return").await.money_minor, 35_000 + 2_000);
        assert_eq!(balance_of(&store, &case, ReportCategory::Energy).await, eur("0.00"));
        assert_eq!(balance_of(&store, &case, ReportCategory::Bank).await, eur("350.00"));

        // Importing the statements again changes nothing.
        assert_eq!(import(&store, "december.xml", &statement).await, 0);
        assert_eq!(balance_of(&store, &case, ReportCategory::Bank).await, eur("350.00"));

        // An import that settled payments is not undone as a whole: the orders would stay settled.
        let first = gestio::service::import::imports_of(&store, case.book).await.unwrap().last().unwrap().id;
        let refused = gestio::service::import::undo_import(&store, gestio::domain::ids::ImportId::new(first), None, "anne", now())
            .await
            .unwrap_err();
        assert!(refused.to_string().contains("settled 2 payment(s)"), "{refused}");
        assert_eq!(orders(&store, &case).await.iter().filter(|order| order.state.code() == "executed").count(), 1, "nothing changed");
    }

    async fn a_line_without_the_id_matches_by_amount_and_iban_within_five_business_days(db) {
        let store = db.store().await;
        let case = open_case(&store, "Maria Fernandes", IBAN).await;
        schedule(&store, &case, "Agence Immobilière Sud", "LU120010001234567891", "650.00", ReportCategory::Housing, Priority::HOUSING).await;
        let request = RunRequest { office: case.office, book: Some(case.book), date: date("2026-12-01"), format: PainVersion::V09, author: "anne" };
        let run = run_payments(&store, request, now()).await.unwrap();
        let (_, file) = payment_file(&store, PaymentFileId::new(run.files[0].id)).await.unwrap();
        let (_, mut transfers) = read_pain001(&file);
        // The bank dropped the id; the line comes 8 December, 5 business days after the 1st.
        transfers[0].end_to_end_id = "NOTPROVIDED".into();
        let statement = camt053("STMT-2026-12-08", 1, "2026-12-08", eur("1000.00"), &[("DBIT", &transfers[0])]);
        assert_eq!(import(&store, "december.xml", &statement).await, 1);
        assert_eq!(orders(&store, &case).await[0].state.code(), "executed");
        assert_eq!(balance_of(&store, &case, ReportCategory::Housing).await, eur("650.00"));
    }
}
