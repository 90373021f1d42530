//! Creditor payments on SQLite and PostgreSQL: schedules, funded runs by priority, holds with
//! their reasons, four eyes, debt plans that stop when repaid, and pain.001 files that pass the
//! official XSDs and come back byte for byte.

use crate::common;
use crate::support::xsd;

use chrono::Weekday;
use common::{Case, date, eur, now, open_case};
use gestio::domain::account::ReportCategory;
use gestio::domain::creditor::{Creditor, NewCreditor, PaymentTarget, PostalAddress, Remittance};
use gestio::domain::iban::Iban;
use gestio::domain::ids::PaymentFileId;
use gestio::domain::money::Money;
use gestio::domain::schedule::{DayOfMonth, Ending, ExpectedIncome, Frequency, NewSchedule, Priority};
use gestio::export::pain001::PainVersion;
use gestio::service::ServiceError;
use gestio::service::payments::{
    PaymentRefusal, RunReport, RunRequest, add_creditor, add_debt, add_expected_income, add_schedule, approve_run,
    authorise_schedule, debts, forecast, orders_not_executed, payment_file, run_payments, settings,
};
use gestio::storage::Store;

const IBAN: &str = "LU280019400644750000";

async fn creditor(store: &Store, case: &Case, name: &str, iban: &str) -> Creditor {
    let creditor = NewCreditor {
        office_id: case.office,
        book_id: None,
        name: NewCreditor::check_name(name).unwrap(),
        iban: Iban::parse(iban).unwrap(),
        bic: None,
        address: PostalAddress::new(
            Some("Rue de l'Église & Cie"),
            Some("3"),
            Some("L-1234"),
            "Luxembourg",
            "LU",
        )
        .unwrap(),
        default_target: None,
        default_remittance: Some(Remittance::parse("Client 4711").unwrap()),
    };
    add_creditor(store, &creditor, now()).await.unwrap()
}

fn monthly(
    case: &Case,
    creditor: &Creditor,
    amount: &str,
    day: u32,
    target: PaymentTarget,
    priority: Priority,
) -> NewSchedule {
    NewSchedule {
        book_id: case.book,
        creditor_id: creditor.id,
        debtor_account: None,
        amount: eur(amount),
        target,
        frequency: Frequency::Monthly {
            day: DayOfMonth::Day(day),
        },
        start: date("2026-12-01"),
        ending: Ending::Never,
        remittance: None,
        priority,
        needs_authorisation: false,
        authorisation_ref: None,
    }
}

/// Rent 850.00 (1st), energy 120.00 (5th), a Cofidis instalment 100.00 (1st) and pocket money
/// 50.00 every Friday, on a book holding 1000.00.
async fn household(store: &Store, case: &Case) {
    let landlord = creditor(store, case, "Société <Logement> & \"Fils\"", "LU120010001234567891").await;
    let energy = creditor(store, case, "Жилищная энергия", "DE89370400440532013000").await;
    let cofidis = creditor(store, case, "Cofidis", "FR1420041010050500013M02606").await;
    let own = creditor(store, case, "Maria Fernandes (own account)", "LU830019400000000001").await;
    let rent = monthly(
        case,
        &landlord,
        "850.00",
        1,
        PaymentTarget::Category(ReportCategory::Housing),
        Priority::HOUSING,
    );
    add_schedule(store, rent, now()).await.unwrap();
    let power = monthly(
        case,
        &energy,
        "120.00",
        5,
        PaymentTarget::Category(ReportCategory::Energy),
        Priority::ENERGY_AND_WATER,
    );
    add_schedule(store, power, now()).await.unwrap();
    let mut plan = monthly(
        case,
        &cofidis,
        "100.00",
        1,
        PaymentTarget::Account("2001".into()),
        Priority::DEBTS,
    );
    plan.ending = Ending::Repaid;
    plan.remittance = Some(Remittance::parse("RF18 5390 0754 7034").unwrap());
    add_schedule(store, plan, now()).await.unwrap();
    let mut pocket = monthly(
        case,
        &own,
        "50.00",
        1,
        PaymentTarget::Category(ReportCategory::PersonalAllowance),
        Priority::OTHER,
    );
    pocket.frequency = Frequency::Weekly { weekday: Weekday::Fri };
    add_schedule(store, pocket, now()).await.unwrap();
}

async fn run(store: &Store, case: &Case, day: &str, author: &str) -> RunReport {
    let request = RunRequest {
        office: case.office,
        book: Some(case.book),
        date: date(day),
        format: PainVersion::V09,
        author,
    };
    run_payments(store, request, now()).await.unwrap()
}

fn total(report: &RunReport) -> Money {
    eur("0.00")
        .checked_add(Money::from_minor(
            report.orders.iter().map(|order| order.amount_minor).sum(),
            eur("0.00").currency(),
        ))
        .unwrap()
}

fn check_against_schemas(bytes: &[u8], version: &str) {
    let Some(schemas) = xsd::schemas() else { return };
    for schema in xsd::schemas_for(version) {
        if let Err(report) = xsd::validate(&schemas, &schema, bytes) {
            panic!(
                "the produced file fails {schema}:\n{report}\n{}",
                String::from_utf8_lossy(bytes)
            );
        }
    }
}

crate::backend_tests! {
    async fn a_run_pays_rent_first_holds_what_does_not_fit_and_writes_a_valid_file(db) {
        let store = db.store().await;
        let case = open_case(&store, "Maria Fernandes", IBAN).await;
        household(&store, &case).await;
        let before = crate::common::assert_dashboard_is_fresh(&store, &case, "the household's schedules").await;
        assert_eq!((before.attention.held, before.attention.on_the_way), (0, 0));
        // Saturday 5 December 2026: executed on Monday the 7th.
        let report = run(&store, &case, "2026-12-05", "anne").await;
        assert_eq!(report.run.execution_date, date("2026-12-07"));
        assert_eq!(report.run.state.code(), "approved");
        let ordered: Vec<i64> = report.orders.iter().map(|order| order.amount_minor).collect();
        assert_eq!(ordered, [85_000, 12_000], "rent and energy fit in 1000.00; {report:?}");
        let reasons: Vec<&str> = report.holds.iter().map(|hold| hold.reason.as_str()).collect();
        assert_eq!(reasons.len(), 2, "{reasons:?}");
        assert!(reasons.contains(&"insufficient funds: 30.00 EUR available"), "{reasons:?}");
        assert!(reasons.iter().any(|reason| reason.contains("held behind a payment of higher priority")), "{reasons:?}");
        // The same reasons as codes with their figure, kept for pages to say in their words.
        let stored = gestio::service::payments::run_report(&store, gestio::domain::ids::PaymentRunId::new(report.run.id)).await.unwrap();
        let mut codes: Vec<(Option<&str>, Option<i64>)> = stored.holds.iter().map(|hold| (hold.reason_code.as_deref(), hold.available_minor)).collect();
        codes.sort();
        assert_eq!(codes, [(Some("behind_unpaid"), None), (Some("insufficient_funds"), Some(3_000))]);
        assert_eq!(report.files.len(), 1);
        let file = &report.files[0];
        assert_eq!((file.transfers, file.control_sum_minor), (2, 97_000));
        let dashboard = gestio::service::caseload::caseload(&store, Some(case.office), Some(&[case.book])).await.unwrap();
        let attention = dashboard[0].attention;
        assert_eq!((attention.held, attention.on_the_way), (2, 2), "the caseload shows the two held and the two sent");
        let (_, bytes) = payment_file(&store, PaymentFileId::new(file.id)).await.unwrap();
        check_against_schemas(&bytes, "pain.001.001.09");
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(text.contains("<CtrlSum>970.00</CtrlSum>") && text.contains("<Dt>2026-12-07</Dt>"), "{text}");
        assert!(text.contains("<Nm>Societe Logement + Fils</Nm>"), "{text}");
        // Downloading again returns the same bytes.
        let (_, again) = payment_file(&store, PaymentFileId::new(file.id)).await.unwrap();
        assert_eq!(again, bytes);
        // Changed by hand in the database, from another connection: the dashboard follows.
        let book = case.book.get();
        let by_hand = |sql: String| {
            let db = &db;
            async move { assert_eq!(crate::common::raw_sql(db, &sql).await, Ok(2), "{sql}") }
        };
        by_hand(format!("UPDATE payment_orders SET state = 'executed' WHERE book_id = {book}")).await;
        assert_eq!(crate::common::assert_dashboard_is_fresh(&store, &case, "orders marked executed").await.attention.on_the_way, 0);
        by_hand(format!("DELETE FROM payment_run_holds WHERE book_id = {book}")).await;
        assert_eq!(crate::common::assert_dashboard_is_fresh(&store, &case, "the holds deleted").await.attention.held, 0);
    }

    async fn a_second_run_orders_nothing_twice_and_spends_no_money_twice(db) {
        let store = db.store().await;
        let case = open_case(&store, "Maria Fernandes", IBAN).await;
        household(&store, &case).await;
        let first = run(&store, &case, "2026-12-05", "anne").await;
        let second = run(&store, &case, "2026-12-05", "anne").await;
        assert!(second.orders.is_empty(), "{second:?}");
        assert!(second.files.is_empty());
        assert_eq!(second.holds.len(), first.holds.len(), "the held payments are still held");
        // A week later only the new pocket money is due, and 30.00 is left: the debt instalment
        // (100.00) still does not fit, so the pocket money waits behind it.
        let later = run(&store, &case, "2026-12-11", "anne").await;
        assert!(later.orders.is_empty(), "{later:?}");
        let held = crate::common::assert_dashboard_is_fresh(&store, &case, "the later run").await.attention.held;
        assert_eq!(held, later.holds.len() as i64);
        assert!(held > 0);
        // With every schedule stopped, a run over the office orders and holds nothing: the
        // dashboard must stop showing the last run's holds, though no order or hold was written.
        let stopped = crate::common::raw_sql(&db, "UPDATE payment_schedules SET active = FALSE").await.unwrap();
        assert!(stopped > 0);
        let request = RunRequest { office: case.office, book: None, date: date("2026-12-14"), format: PainVersion::V09, author: "anne" };
        let empty = run_payments(&store, request, now()).await.unwrap();
        assert!(empty.orders.is_empty() && empty.holds.is_empty(), "{empty:?}");
        assert_eq!(crate::common::assert_dashboard_is_fresh(&store, &case, "a run holding nothing").await.attention.held, 0);
    }

    async fn a_run_in_pain_001_001_03_passes_its_schema(db) {
        let store = db.store().await;
        let case = open_case(&store, "Maria Fernandes", IBAN).await;
        household(&store, &case).await;
        let request = RunRequest {
            office: case.office,
            book: None,
            date: date("2026-12-01"),
            format: PainVersion::V03,
            author: "anne",
        };
        let report = run_payments(&store, request, now()).await.unwrap();
        assert_eq!(report.orders.len(), 2, "rent and the Cofidis instalment are due on the 1st: {report:?}");
        let (_, bytes) = payment_file(&store, PaymentFileId::new(report.files[0].id)).await.unwrap();
        check_against_schemas(&bytes, "pain.001.001.03");
        assert!(String::from_utf8(bytes).unwrap().contains("<Ref>RF18539007547034</Ref>"));
    }

    async fn four_eyes_needs_a_second_person_before_any_file_exists(db) {
        let store = db.store().await;
        let case = open_case(&store, "Maria Fernandes", IBAN).await;
        household(&store, &case).await;
        settings::set_four_eyes(&store, case.office, true).await.unwrap();
        let prepared = run(&store, &case, "2026-12-07", "anne").await;
        assert_eq!(prepared.run.state.code(), "prepared");
        assert!(prepared.files.is_empty() && !prepared.orders.is_empty());
        let run_id = gestio::domain::ids::PaymentRunId::new(prepared.run.id);
        let same = approve_run(&store, run_id, "anne", now()).await.unwrap_err();
        assert!(matches!(same, ServiceError::Payment(PaymentRefusal::SameApprover { .. })), "{same}");
        let approved = approve_run(&store, run_id, "bernard", now()).await.unwrap();
        assert_eq!((approved.run.state.code(), approved.files.len()), ("approved", 1));
        assert!(approved.orders.iter().all(|order| order.state.code() == "exported"));
        let again = approve_run(&store, run_id, "claire", now()).await.unwrap_err();
        assert!(matches!(again, ServiceError::Payment(PaymentRefusal::AlreadyApproved { .. })), "{again}");
    }

    async fn a_debt_plan_pays_no_more_than_is_owed(db) {
        let store = db.store().await;
        let case = open_case(&store, "Maria Fernandes", IBAN).await;
        let cofidis = creditor(&store, &case, "Cofidis", "FR1420041010050500013M02606").await;
        let mut plan = monthly(&case, &cofidis, "300.00", 1, PaymentTarget::Account("2001".into()), Priority::DEBTS);
        plan.ending = Ending::Repaid;
        add_schedule(&store, plan, now()).await.unwrap();
        // 500.00 owed: 300.00 on 1 December, the last 200.00 on 1 January, nothing on 1 February.
        let report = run(&store, &case, "2027-02-01", "anne").await;
        let amounts: Vec<i64> = report.orders.iter().map(|order| order.amount_minor).collect();
        assert_eq!(amounts, [30_000, 20_000], "{report:?}");
        assert_eq!(total(&report), eur("500.00"));
        assert!(run(&store, &case, "2027-06-01", "anne").await.orders.is_empty());
    }

    async fn a_payment_needing_the_judge_waits_for_the_authorisation_and_the_reserve_is_kept(db) {
        let store = db.store().await;
        let case = open_case(&store, "Maria Fernandes", IBAN).await;
        let seller = creditor(&store, &case, "Garage Schmit", "LU120010001234567891").await;
        let mut car = monthly(&case, &seller, "400.00", 1, PaymentTarget::Category(ReportCategory::OtherExpense), Priority::OTHER);
        car.frequency = Frequency::Once;
        car.needs_authorisation = true;
        let car = add_schedule(&store, car, now()).await.unwrap();
        let held = run(&store, &case, "2026-12-01", "anne").await;
        assert_eq!(held.holds[0].reason, "awaiting the judge's authorisation");
        authorise_schedule(&store, car.id, "TUT 2026/1 ordonnance du 20.11.2026").await.unwrap();
        settings::set_reserve(&store, case.book, 70_000).await.unwrap();
        let reserved = run(&store, &case, "2026-12-01", "anne").await;
        assert_eq!(reserved.holds[0].reason, "insufficient funds: 300.00 EUR available", "1000.00 less a 700.00 reserve");
        settings::set_reserve(&store, case.book, 0).await.unwrap();
        let paid = run(&store, &case, "2026-12-01", "anne").await;
        assert_eq!(paid.orders.len(), 1);
    }

    async fn concurrent_runs_never_order_twice_nor_plan_an_overdraft(db) {
        let store = db.store().await;
        let case = open_case(&store, "Maria Fernandes", IBAN).await;
        household(&store, &case).await;
        let mut tasks = Vec::new();
        for number in 0..64 {
            let store = store.clone();
            let request = (case.office, case.book);
            tasks.push(tokio::spawn(async move {
                let request = RunRequest {
                    office: request.0,
                    book: Some(request.1),
                    date: date("2026-12-31"),
                    format: PainVersion::V09,
                    author: &format!("counsellor {number}"),
                };
                run_payments(&store, request, now()).await.unwrap()
            }));
        }
        let mut end_to_end = std::collections::HashSet::new();
        let mut spent = 0;
        for task in tasks {
            for order in task.await.unwrap().orders {
                assert!(end_to_end.insert(order.end_to_end_id.clone()), "ordered twice: {}", order.end_to_end_id);
                spent += order.amount_minor;
            }
        }
        assert!(spent <= 100_000, "the runs planned {spent} cents from 1000.00");
        assert_eq!(spent, 97_000, "rent and energy, once");
    }

    async fn the_database_keeps_an_order_in_its_file_and_the_file_as_produced(db) {
        let store = db.store().await;
        let case = open_case(&store, "Maria Fernandes", IBAN).await;
        household(&store, &case).await;
        let report = run(&store, &case, "2026-12-01", "anne").await;
        let file = report.files[0].id;
        let order = report.orders[0].id;
        let moved = common::raw_sql(&db, &format!("UPDATE payment_orders SET file_id = NULL WHERE id = {order}")).await;
        assert!(moved.unwrap_err().contains("at most one payment file"));
        let changed = common::raw_sql(&db, &format!("UPDATE payment_files SET message_id = 'X' WHERE id = {file}")).await;
        assert!(changed.unwrap_err().contains("kept as produced"));
        let removed = common::raw_sql(&db, &format!("DELETE FROM payment_files WHERE id = {file}")).await;
        assert!(removed.unwrap_err().contains("kept as produced"));
    }

    async fn the_forecast_shows_the_first_day_below_the_reserve_and_the_pension_coming_in(db) {
        let store = db.store().await;
        let case = open_case(&store, "Maria Fernandes", IBAN).await;
        let landlord = creditor(&store, &case, "Agence Immobilière Sud", "LU120010001234567891").await;
        let rent = monthly(&case, &landlord, "850.00", 1, PaymentTarget::Category(ReportCategory::Housing), Priority::HOUSING);
        add_schedule(&store, rent, now()).await.unwrap();
        let bank = case.accounts.iter().find(|account| account.category == ReportCategory::Bank).unwrap();
        let pension = ExpectedIncome {
            id: 0,
            book_id: case.book,
            account: bank.id,
            name: "Pension CNAP".into(),
            amount: eur("1685.20"),
            day: DayOfMonth::Day(25),
            // Declared from December: the November pension is already on the account.
            start: date("2026-12-01"),
            end: None,
        };
        add_expected_income(&store, &pension, now()).await.unwrap();
        settings::set_reserve(&store, case.book, 20_000).await.unwrap();
        let report = forecast(&store, case.book, date("2026-11-23"), 90).await.unwrap();
        let account = report.accounts.iter().find(|view| view.code == bank.code).unwrap();
        assert_eq!(account.forecast.days.len(), 91);
        let shortfall = account.forecast.first_shortfall.as_ref().unwrap();
        assert_eq!((shortfall.date, shortfall.balance), (date("2026-12-01"), 15_000), "1000.00 - 850.00 is under the 200.00 reserve");
        // Rent on 1 Dec, 4 Jan (1 Jan is closed) and 1 Feb; the pension on 28 Dec (25 and 26 Dec
        // are closed) and 25 Jan; 25 Feb is past the horizon (21 Feb).
        assert_eq!(account.forecast.days.last().unwrap().balance, 182_040);
        let christmas = account.forecast.days.iter().find(|day| day.date == date("2026-12-28")).unwrap();
        assert_eq!(christmas.balance, 15_000 + 168_520);
    }

    async fn debts_show_their_progress_and_late_orders_are_listed(db) {
        let store = db.store().await;
        let case = open_case(&store, "Maria Fernandes", IBAN).await;
        let cofidis = creditor(&store, &case, "Cofidis", "FR1420041010050500013M02606").await;
        let mut plan = monthly(&case, &cofidis, "300.00", 1, PaymentTarget::Account("2001".into()), Priority::DEBTS);
        plan.ending = Ending::Repaid;
        add_schedule(&store, plan, now()).await.unwrap();
        run(&store, &case, "2026-12-01", "anne").await;
        let views = debts(&store, case.book).await.unwrap();
        assert_eq!(views.len(), 1);
        let debt = &views[0];
        assert_eq!((debt.owed_minor, debt.repaid_minor, debt.remaining_minor, debt.on_the_way_minor), (50_000, 0, 50_000, 30_000));
        assert!(debt.plans[0].active);
        // A bill found later becomes a debt of its own, owed against opening equity.
        let late_bill = add_debt(&store, case.book, "Hôpital Kirchberg", eur("180.00"), date("2026-11-20"), "anne", now()).await.unwrap();
        assert_eq!(late_bill.code, "2002");
        let views = debts(&store, case.book).await.unwrap();
        assert_eq!(views.iter().map(|view| view.remaining_minor).collect::<Vec<_>>(), [50_000, 18_000]);
        // Executed on 1 December: 5 business days later is the 8th.
        assert!(orders_not_executed(&store, Some(case.book), date("2026-12-08")).await.unwrap().is_empty());
        let late = orders_not_executed(&store, None, date("2026-12-09")).await.unwrap();
        assert_eq!(late.len(), 1);
        assert_eq!(late[0].amount_minor, 30_000);
    }

    async fn schedules_that_cannot_be_paid_are_refused_by_name(db) {
        let store = db.store().await;
        let case = open_case(&store, "Maria Fernandes", IBAN).await;
        let other = open_case(&store, "Someone Else", "LU120010001234567891").await;
        let landlord = creditor(&store, &other, "Landlord of another office", "DE89370400440532013000").await;
        let elsewhere = monthly(&case, &landlord, "100.00", 1, PaymentTarget::Category(ReportCategory::Housing), Priority::HOUSING);
        let refused = add_schedule(&store, elsewhere, now()).await.unwrap_err();
        // Another office's creditor is not this book's to know: it answers as a missing one, unnamed.
        assert_eq!(refused.to_string(), format!("creditor {} does not exist", landlord.id), "{refused}");
        let own = creditor(&store, &case, "Landlord", "DE89370400440532013000").await;
        let mut kronor = monthly(&case, &own, "100.00", 1, PaymentTarget::Category(ReportCategory::Housing), Priority::HOUSING);
        kronor.amount = Money::from_minor(10_000, gestio::domain::money::Currency::parse("SEK").unwrap());
        let refused = add_schedule(&store, kronor, now()).await.unwrap_err();
        assert!(refused.to_string().contains("keeps its accounts in EUR"), "{refused}");
        let mut never = monthly(&case, &own, "100.00", 1, PaymentTarget::Category(ReportCategory::Housing), Priority::HOUSING);
        never.ending = Ending::On { date: date("2026-01-01") };
        let refused = add_schedule(&store, never, now()).await.unwrap_err();
        assert!(refused.to_string().contains("ends (2026-01-01) before it starts (2026-12-01)"), "{refused}");
        assert!(gestio::service::payments::schedules(&store, case.book).await.unwrap().is_empty(), "nothing was stored");
    }

    async fn an_office_that_pays_health_before_energy_gets_its_order(db) {
        let store = db.store().await;
        // Another office, with the classes' own order, pays the energy bill first.
        let other = open_case(&store, "Someone Else", "LU830019400000000001").await;
        let supplier = creditor(&store, &other, "Enovos", "DE89370400440532013000").await;
        let insurer = creditor(&store, &other, "CMCM", "LU120010001234567891").await;
        add_schedule(&store, monthly(&other, &supplier, "600.00", 1, PaymentTarget::Category(ReportCategory::Energy), Priority::ENERGY_AND_WATER), now()).await.unwrap();
        add_schedule(&store, monthly(&other, &insurer, "600.00", 1, PaymentTarget::Category(ReportCategory::Health), Priority::HEALTH), now()).await.unwrap();
        let report = run(&store, &other, "2026-12-01", "anne").await;
        assert_eq!(report.orders[0].creditor_id, supplier.id.get(), "energy first by default: {report:?}");

        let case = open_case(&store, "Maria Fernandes", IBAN).await;
        let insurer = creditor(&store, &case, "CMCM", "LU120010001234567891").await;
        let supplier = creditor(&store, &case, "Enovos", "DE89370400440532013000").await;
        let energy = monthly(&case, &supplier, "600.00", 1, PaymentTarget::Category(ReportCategory::Energy), Priority::ENERGY_AND_WATER);
        add_schedule(&store, energy, now()).await.unwrap();
        let health = monthly(&case, &insurer, "600.00", 1, PaymentTarget::Category(ReportCategory::Health), Priority::HEALTH);
        add_schedule(&store, health, now()).await.unwrap();
        let order = gestio::domain::schedule::PriorityOrder::parse("1,3,2,4,5").unwrap();
        settings::set_priority_order(&store, case.office, Some(&order)).await.unwrap();
        let report = run(&store, &case, "2026-12-01", "anne").await;
        assert_eq!(report.orders.len(), 1, "1000.00 pays one of the two");
        assert_eq!(report.orders[0].creditor_id, insurer.id.get(), "health insurance first: {report:?}");
    }
}
