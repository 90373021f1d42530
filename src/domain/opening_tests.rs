use chrono::NaiveDate;

use super::*;
use crate::domain::account::{Account, BankAccountSpec, ReportCategory};
use crate::domain::iban::Iban;
use crate::domain::ids::{AccountId, BookId};

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 15).unwrap()
}

fn eur(text: &str) -> Money {
    Money::parse(text, Currency::EUR).unwrap()
}

fn bank(iban: &str, balance: &str) -> OpeningBank {
    OpeningBank {
        account: BankAccountSpec {
            iban: Iban::parse(iban).unwrap(),
            name: "Bank".into(),
        },
        balance: eur(balance),
    }
}

fn debt(creditor: &str, amount: &str) -> OpeningDebt {
    OpeningDebt {
        creditor: creditor.into(),
        amount: eur(amount),
    }
}

fn inventory(banks: Vec<OpeningBank>, cash: &str, debts: Vec<OpeningDebt>) -> Result<OpeningInventory, OpeningError> {
    OpeningInventory::new(start(), Currency::EUR, banks, eur(cash), debts)
}

/// The chart as the store would return it, with ids 1, 2, 3…
fn stored(inventory: &OpeningInventory) -> Vec<Account> {
    inventory
        .chart()
        .into_iter()
        .enumerate()
        .map(|(index, new)| Account {
            id: AccountId::new(index as i64 + 1),
            book_id: BookId::new(7),
            code: new.code,
            name: new.name,
            category: new.category,
            currency: new.currency,
            iban: new.iban,
            closed: false,
        })
        .collect()
}

#[test]
fn the_opening_entry_books_money_and_debts_against_opening_equity() {
    let inventory = inventory(
        vec![bank("LU280019400644750000", "1240.55")],
        "35.00",
        vec![debt("Cofidis", "2400.00")],
    )
    .unwrap();
    let accounts = stored(&inventory);
    let entry = inventory
        .opening_entry(BookId::new(7), &accounts, "tutor")
        .unwrap()
        .unwrap();
    let amount_on = |code: &str| {
        let id = accounts.iter().find(|account| account.code == code).unwrap().id;
        entry
            .postings
            .iter()
            .find(|posting| posting.account_id == id)
            .map(|posting| posting.amount)
    };
    assert_eq!(amount_on("1100"), Some(eur("1240.55")));
    assert_eq!(amount_on("1000"), Some(eur("35.00")));
    assert_eq!(amount_on("2001"), Some(eur("-2400.00")));
    assert_eq!(
        amount_on("3000"),
        Some(eur("1124.45")),
        "net worth is negative: equity is a debit"
    );
    assert_eq!(entry.source, crate::domain::ledger::EntrySource::Opening);
    assert_eq!(entry.date, start());
    assert!(crate::domain::ledger::check_balance(&entry.postings).is_ok());
    assert_eq!(
        accounts.iter().find(|account| account.code == "2001").unwrap().name,
        "Debt: Cofidis"
    );
    assert_eq!(
        accounts.iter().find(|account| account.code == "2001").unwrap().category,
        ReportCategory::Debt
    );
}

#[test]
fn nothing_to_book_gives_no_opening_entry() {
    let inventory = inventory(vec![bank("LU280019400644750000", "0")], "0", vec![]).unwrap();
    let accounts = stored(&inventory);
    assert_eq!(
        inventory.opening_entry(BookId::new(7), &accounts, "tutor").unwrap(),
        None
    );
}

#[test]
fn an_overdrawn_account_is_booked_as_a_negative_balance() {
    let inventory = inventory(vec![bank("LU280019400644750000", "-120.00")], "0", vec![]).unwrap();
    let accounts = stored(&inventory);
    let entry = inventory
        .opening_entry(BookId::new(7), &accounts, "tutor")
        .unwrap()
        .unwrap();
    assert_eq!(entry.postings.len(), 2);
    assert_eq!(entry.postings[0].amount, eur("-120.00"));
}

#[test]
fn refuses_a_debt_that_is_not_positive() {
    let error = inventory(vec![], "0", vec![debt("Cofidis", "-10.00")]).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the debt to Cofidis must be a positive amount (what the person owes)"
    );
}

#[test]
fn refuses_negative_cash() {
    assert_eq!(
        inventory(vec![], "-1.00", vec![]).unwrap_err().to_string(),
        "the cash box cannot hold a negative amount"
    );
}

#[test]
fn refuses_an_amount_in_another_currency() {
    let chf = Money::parse("10", Currency::parse("CHF").unwrap()).unwrap();
    let error = OpeningInventory::new(start(), Currency::EUR, vec![], chf, vec![]).unwrap_err();
    assert_eq!(error.to_string(), "the cash box is in CHF, but the book is kept in EUR");
}

#[test]
fn refuses_the_same_iban_twice() {
    let error = inventory(
        vec![bank("LU280019400644750000", "1"), bank("LU28 0019 4006 4475 0000", "2")],
        "0",
        vec![],
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "the same IBAN is listed twice: LU28 0019 4006 4475 0000"
    );
}

#[test]
fn refuses_too_many_debts_and_a_nameless_creditor() {
    let many = (0..=OPENING_DEBTS_MAX)
        .map(|index| debt(&format!("Creditor {index}"), "1"))
        .collect();
    assert_eq!(
        inventory(vec![], "0", many).unwrap_err().to_string(),
        "at most 200 debts can be listed in an opening inventory"
    );
    assert_eq!(
        inventory(vec![], "0", vec![debt("  ", "1")]).unwrap_err().to_string(),
        "the creditor's name is missing or too long"
    );
}
