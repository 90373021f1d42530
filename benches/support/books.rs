//! The benchmark office's books, shared by the benchmarks that need a caseload.

use chrono::{Days, NaiveDate, Utc};
use gestio::domain::account::{BankAccountSpec, ReportCategory};
use gestio::domain::iban::Iban;
use gestio::domain::ids::BookId;
use gestio::domain::ledger::{EntryDraft, EntrySource, Posting};
use gestio::domain::mandate::{Jurisdiction, MandateInput, MandateKind, NewMandate, PeriodRule};
use gestio::domain::money::{Currency, Money};
use gestio::domain::opening::{OpeningBank, OpeningInventory};
use gestio::domain::party::{Language, NewBeneficiary, NewOffice};
use gestio::service::ledger::{open_book, post_entries};
use gestio::service::parties::{create_beneficiary, create_mandate, create_office};
use gestio::storage::Store;

const CATEGORIES: [ReportCategory; 6] = [
    ReportCategory::Housing,
    ReportCategory::Energy,
    ReportCategory::Health,
    ReportCategory::PersonalAllowance,
    ReportCategory::Telecom,
    ReportCategory::Transport,
];

/// Book `number` of the benchmark office (created with book 0): a person under a tutelle before
/// the Luxembourg court, one bank account opening at 1,000.00 on `start`, and `per_book` entries
/// spread over the year from `start` (a pension one in seven, spending the others).
pub async fn set_up_book(store: &Store, number: usize, per_book: usize, start: NaiveDate) -> BookId {
    let now = Utc::now();
    let office = if number == 0 {
        create_office(
            store,
            &NewOffice::new("Benchmark office", "LU").expect("an office"),
            now,
        )
        .await
        .expect("office")
        .id
    } else {
        store
            .begin_read()
            .await
            .expect("a read")
            .offices()
            .await
            .expect("offices")[0]
            .id
    };
    let person = NewBeneficiary::new(
        office,
        &format!("Person {number}"),
        Language::Fr,
        None,
        None,
        now.date_naive(),
    )
    .expect("a person");
    let person = create_beneficiary(store, &person, now).await.expect("beneficiary");
    let court = gestio::domain::court::NewCourt::new("Tribunal d'arrondissement de Luxembourg", Jurisdiction::Lu, None)
        .expect("a court");
    let court = gestio::service::courts::court_named(store, &court, now)
        .await
        .expect("the court");
    let mandate = NewMandate::new(
        person.id,
        MandateKind::Tutelle,
        start,
        PeriodRule::CalendarYear,
        Jurisdiction::Lu,
        MandateInput {
            court: Some(court.id),
            case_number: Some(&format!("TUT 2025/{number}")),
            receipt_threshold: Some(Money::from_minor(30_000, Currency::EUR)),
            ..MandateInput::default()
        },
    )
    .expect("a mandate");
    create_mandate(store, &mandate, now).await.expect("mandate");
    let bank = OpeningBank {
        account: BankAccountSpec {
            iban: Iban::parse(&super::iban("LU", "0019", number)).expect("a generated IBAN"),
            name: "Compte courant".into(),
        },
        balance: Money::from_minor(100_000, Currency::EUR),
    };
    let inventory = OpeningInventory::new(start, Currency::EUR, vec![bank], Money::zero(Currency::EUR), vec![])
        .expect("an inventory");
    let opened = open_book(store, person.id, &inventory, "bench", now)
        .await
        .expect("a book");
    let account = |category: ReportCategory| {
        opened
            .accounts
            .iter()
            .find(|account| account.category == category)
            .expect("the standard chart has it")
            .id
    };
    let bank = account(ReportCategory::Bank);
    let drafts: Vec<EntryDraft> = (0..per_book)
        .map(|index| {
            let date = start + Days::new((index * 365 / per_book) as u64);
            // One entry in seven is the pension coming in; the others are spending.
            let (counter, minor) = if index % 7 == 0 {
                (account(ReportCategory::Pension), 160_000)
            } else {
                (
                    account(CATEGORIES[index % CATEGORIES.len()]),
                    -(1_000 + (index * 37 % 40_000) as i64),
                )
            };
            EntryDraft {
                book_id: opened.book.id,
                date,
                description: format!("Mouvement n° {index}"),
                source: EntrySource::Manual,
                source_ref: None,
                receipt: None,
                author: "bench".into(),
                reverses: None,
                postings: vec![
                    Posting {
                        account_id: bank,
                        amount: Money::from_minor(minor, Currency::EUR),
                    },
                    Posting {
                        account_id: counter,
                        amount: Money::from_minor(-minor, Currency::EUR),
                    },
                ],
            }
        })
        .collect();
    post_entries(store, opened.book.id, drafts, now).await.expect("entries");
    opened.book.id
}
