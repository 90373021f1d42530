//! The world the matrix asks about: the demo office, one user per persona, and one of each
//! record of the target book (a filing, evidence, schedules, payment runs).

use gestio::domain::access::Role;
use gestio::domain::report::Period;
use gestio::service::{evidence, filings};

use super::routes::{Ids, PNG};
use crate::common::{TestApp, Tie, date, now, open_case_before};

/// Office 2's court: no mandate of office 1 is before it.
pub const DIEKIRCH: &str = "Tribunal d'arrondissement de Diekirch";
/// The name of office 2's creditor, which office 1 must never be told.
pub const SECRET_NAME: &str = "Ana Costa (compte personnel)";

pub async fn set_up(app: &TestApp) -> Ids {
    let store = &app.store;
    gestio::service::demo::create_demo(store, "test", date("2026-11-23"), now())
        .await
        .unwrap();
    let mut tx = store.begin_read().await.unwrap();
    let office = tx.offices().await.unwrap()[0].id;
    let books = tx.books(Some(office)).await.unwrap();
    let (book, other_book) = (books[0].clone(), books[1].clone());
    let mandate = tx.mandates(Some(book.beneficiary_id)).await.unwrap()[0].clone();
    let entries = tx
        .entries(book.id, gestio::storage::EntryFilter::default())
        .await
        .unwrap();
    let account_id = tx.accounts(book.id).await.unwrap()[0].id.get();
    tx.commit().await.unwrap();
    let entry = entries.last().unwrap().id;
    let people = [book.beneficiary_id, other_book.beneficiary_id];
    let lux = mandate.court.as_ref().unwrap().court;
    app.add_user(office, "supervisor", Role::Supervisor, Tie::None, &[])
        .await;
    app.add_user(office, "counsellor", Role::Counsellor, Tie::None, &[book.id])
        .await;
    app.add_user(
        office,
        "other-counsellor",
        Role::Counsellor,
        Tie::None,
        &[other_book.id],
    )
    .await;
    app.add_user(office, "maria", Role::Beneficiary, Tie::Beneficiary(people[0]), &[])
        .await;
    app.add_user(office, "jean-paul", Role::Beneficiary, Tie::Beneficiary(people[1]), &[])
        .await;
    app.add_user(office, "greffe-lux", Role::Court, Tie::Court(lux), &[])
        .await;
    let metz = crate::common::court(
        store,
        "Tribunal judiciaire de Metz, juge des contentieux de la protection",
    )
    .await;
    app.add_user(office, "greffe-metz", Role::Court, Tie::Court(metz), &[])
        .await;

    let period = Period {
        from: date("2026-05-01"),
        to: date("2026-06-30"),
    };
    // A receipt of the filed period, attached before filing: the court is sent it.
    let june_entry = entries
        .iter()
        .rev()
        .find(|entry| entry.date >= period.from && entry.date <= period.to)
        .expect("the demo has entries in May and June")
        .id;
    let filed_evidence = evidence::attach(store, june_entry, "loyer-juin.png", PNG, "test", now())
        .await
        .unwrap()
        .id
        .get();
    let request = filings::FilingRequest {
        book: book.id,
        period,
        layout: None,
        language: None,
        filed_by: "test",
        now: now(),
    };
    let filing = filings::file_account(store, &request).await.unwrap().id.get();
    let evidence = evidence::attach(store, entry, "recu.png", PNG, "test", now())
        .await
        .unwrap()
        .id
        .get();
    let schedule = gestio::service::payments::schedules(store, book.id).await.unwrap()[0]
        .id
        .get();
    let creditor = gestio::service::payments::creditors(store, office, Some(book.id))
        .await
        .unwrap()[0]
        .id
        .get();
    // The demo's run, over the whole office, approved with its files; and a run of the one book,
    // waiting for a second pair of eyes.
    let office_run = gestio::service::payments::run_report(store, gestio::domain::ids::PaymentRunId::new(1))
        .await
        .unwrap();
    assert_eq!(office_run.run.book_id, None);
    let payment_file = office_run.files.first().expect("the demo run wrote a file").id;
    gestio::service::payments::settings::set_four_eyes(store, office, true)
        .await
        .unwrap();
    let run = gestio::service::payments::RunRequest {
        office,
        book: Some(book.id),
        date: date("2027-01-04"),
        format: gestio::export::pain001::PainVersion::V09,
        author: "test",
    };
    let book_run = gestio::service::payments::run_payments(store, run, now())
        .await
        .unwrap()
        .run
        .id;
    let second = second_office(app).await;
    Ids {
        second,
        office,
        book: book.id,
        person: book.beneficiary_id.get(),
        mandate: mandate.id.get(),
        entry,
        filing,
        evidence,
        filed_evidence,
        schedule,
        office_run: office_run.run.id,
        book_run,
        payment_file,
        account_id,
        creditor,
        counsellor: store
            .begin_read()
            .await
            .unwrap()
            .user_by_login("counsellor")
            .await
            .unwrap()
            .0
            .id,
    }
}

/// Office 2: Ana's case before Diekirch's court, a creditor of her own, the office's supervisor
/// (`supervisor2`) and the clerk of its court (`greffe-diekirch`); and the instance's
/// administrator (`admin-instance`), who belongs to no office.
async fn second_office(app: &TestApp) -> super::routes::SecondOffice {
    use gestio::domain::creditor::{NewCreditor, PostalAddress};
    let case = open_case_before(&app.store, "Ana Costa", "LU120010001234567891", DIEKIRCH).await;
    app.add_user(case.office, "supervisor2", Role::Supervisor, Tie::None, &[])
        .await;
    let diekirch = crate::common::court(&app.store, DIEKIRCH).await;
    app.add_user(case.office, "greffe-diekirch", Role::Court, Tie::Court(diekirch), &[])
        .await;
    app.add_user(case.office, "admin-instance", Role::Administrator, Tie::None, &[])
        .await;
    let creditor = NewCreditor {
        office_id: case.office,
        book_id: Some(case.book),
        name: SECRET_NAME.to_owned(),
        iban: gestio::domain::iban::Iban::parse("LU120010001234567891").unwrap(),
        bic: None,
        address: PostalAddress::new(None, None, None, "Esch-sur-Alzette", "LU").unwrap(),
        default_target: None,
        default_remittance: None,
    };
    let creditor = gestio::service::payments::add_creditor(&app.store, &creditor, now())
        .await
        .unwrap()
        .id
        .get();
    let person = app
        .store
        .begin_read()
        .await
        .unwrap()
        .book(case.book)
        .await
        .unwrap()
        .beneficiary_id
        .get();
    super::routes::SecondOffice {
        book: case.book,
        person,
        account: case.account("1100").id.get(),
        creditor,
        court: diekirch.get(),
    }
}
