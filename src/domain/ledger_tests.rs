use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use crate::domain::account::{Account, ReportCategory};

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn eur(minor: i64) -> Money {
    Money::from_minor(minor, Currency::EUR)
}

fn account(id: i64, book: i64, code: &str, category: ReportCategory) -> Account {
    Account {
        id: AccountId::new(id),
        book_id: BookId::new(book),
        code: code.to_owned(),
        name: code.to_owned(),
        category,
        currency: Currency::EUR,
        iban: None,
        closed: false,
    }
}

fn accounts() -> HashMap<AccountId, Account> {
    let mut closed = account(4, 1, "6900", ReportCategory::OtherExpense);
    closed.closed = true;
    let mut chf = account(5, 1, "1001", ReportCategory::Cash);
    chf.currency = Currency::parse("CHF").unwrap();
    [
        account(1, 1, "1000", ReportCategory::Cash),
        account(2, 1, "6000", ReportCategory::Housing),
        account(3, 1, "4000", ReportCategory::Pension),
        closed,
        chf,
        account(9, 2, "1000", ReportCategory::Cash),
    ]
    .into_iter()
    .map(|account| (account.id, account))
    .collect()
}

fn draft(postings: &[(i64, Money)]) -> EntryDraft {
    EntryDraft {
        book_id: BookId::new(1),
        date: date("2026-03-01"),
        description: "Rent March".to_owned(),
        source: EntrySource::Manual,
        source_ref: None,
        receipt: None,
        author: "cli".to_owned(),
        reverses: None,
        postings: postings
            .iter()
            .map(|(id, amount)| Posting {
                account_id: AccountId::new(*id),
                amount: *amount,
            })
            .collect(),
    }
}

fn check(draft: EntryDraft, locked_through: Option<NaiveDate>) -> Result<ValidEntry, EntryRejection> {
    let accounts = accounts();
    validate(
        draft,
        &BookRules {
            book_id: BookId::new(1),
            opened_on: date("2026-01-01"),
            locked_through,
            accounts: &accounts,
        },
    )
}

fn rejection(draft: EntryDraft) -> String {
    check(draft, None).unwrap_err().to_string()
}

#[test]
fn a_balanced_entry_on_open_accounts_of_its_book_is_accepted() {
    assert!(check(draft(&[(2, eur(65_000)), (1, eur(-65_000))]), None).is_ok());
}

#[test]
fn rejects_an_unbalanced_entry_naming_currency_and_difference() {
    assert_eq!(
        rejection(draft(&[(2, eur(65_000)), (1, eur(-64_999))])),
        "the postings do not balance in EUR: they sum to 0.01 EUR, not zero"
    );
}

#[test]
fn rejects_fewer_than_two_postings() {
    assert_eq!(
        rejection(draft(&[(2, eur(100))])),
        "an entry needs at least two postings; this one has 1"
    );
}

#[test]
fn rejects_a_zero_amount() {
    assert_eq!(
        rejection(draft(&[(2, eur(100)), (3, eur(0)), (1, eur(-100))])),
        "posting 2 has a zero amount: leave it out or give it an amount"
    );
}

#[test]
fn rejects_an_unknown_account() {
    assert_eq!(
        rejection(draft(&[(2, eur(100)), (77, eur(-100))])),
        "posting 2: account 77 does not exist in this book"
    );
}

#[test]
fn rejects_a_closed_account() {
    assert_eq!(
        rejection(draft(&[(4, eur(100)), (1, eur(-100))])),
        "posting 1: account 6900 is closed; post to an open account"
    );
}

#[test]
fn rejects_an_account_of_another_book() {
    assert_eq!(
        rejection(draft(&[(2, eur(100)), (9, eur(-100))])),
        "posting 2: account 9 belongs to book 2, not to book 1"
    );
}

#[test]
fn rejects_a_currency_that_is_not_the_accounts() {
    let chf = Currency::parse("CHF").unwrap();
    assert_eq!(
        rejection(draft(&[
            (2, Money::from_minor(100, chf)),
            (5, Money::from_minor(-100, chf))
        ])),
        "posting 1: account 6000 is kept in EUR, not in CHF"
    );
}

#[test]
fn rejects_a_date_inside_the_locked_period() {
    let error = check(draft(&[(2, eur(100)), (1, eur(-100))]), Some(date("2026-03-01"))).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the entry is dated 2026-03-01, inside the period locked through 2026-03-01; date it after 2026-03-01 and mark it as an adjustment"
    );
    assert!(check(draft(&[(2, eur(100)), (1, eur(-100))]), Some(date("2026-02-28"))).is_ok());
}

#[test]
fn rejects_an_entry_posted_to_another_book() {
    let mut elsewhere = draft(&[(2, eur(100)), (1, eur(-100))]);
    elsewhere.book_id = BookId::new(2);
    assert_eq!(rejection(elsewhere), "the entry is for book 2 but was posted to book 1");
}

#[test]
fn rejects_a_date_before_the_book_was_opened() {
    let mut early = draft(&[(2, eur(100)), (1, eur(-100))]);
    early.date = date("2025-12-31");
    assert_eq!(
        rejection(early),
        "the entry is dated 2025-12-31, before the book was opened on 2026-01-01 with the opening inventory"
    );
}

#[test]
fn rejects_an_empty_description() {
    let mut empty = draft(&[(2, eur(100)), (1, eur(-100))]);
    empty.description = "  ".to_owned();
    assert_eq!(rejection(empty), "the description must not be empty");
}

#[test]
fn rejects_too_many_postings() {
    let postings: Vec<(i64, Money)> = (0..=POSTINGS_PER_ENTRY_MAX)
        .map(|index| (1 + index as i64 % 2, eur(1)))
        .collect();
    assert_eq!(
        rejection(draft(&postings)),
        "an entry may have at most 1000 postings; this one has 1001"
    );
}

#[test]
fn rejects_texts_that_are_too_long() {
    let mut long = draft(&[(2, eur(100)), (1, eur(-100))]);
    long.description = "x".repeat(DESCRIPTION_LENGTH_MAX + 1);
    assert_eq!(rejection(long), "the description is longer than 500 characters");
    let mut long = draft(&[(2, eur(100)), (1, eur(-100))]);
    long.receipt = Some("x".repeat(REFERENCE_LENGTH_MAX + 1));
    assert_eq!(rejection(long), "the receipt number is longer than 200 characters");
}

#[test]
fn rejects_amounts_beyond_the_ceiling_before_they_can_overflow_a_sum() {
    assert_eq!(
        rejection(draft(&[(2, eur(i64::MAX)), (3, eur(1)), (1, eur(-1))])),
        "posting 1: 92233720368547758.07 EUR is beyond the largest amount gestio keeps (100000000000.00 EUR): check the amount"
    );
    let ceiling = crate::domain::money::AMOUNT_MINOR_MAX;
    assert!(check(draft(&[(2, eur(ceiling)), (1, eur(-ceiling))]), None).is_ok());
}

fn stored(draft: EntryDraft, id: i64) -> JournalEntry {
    JournalEntry {
        id: EntryId::new(id),
        book_id: draft.book_id,
        sequence: id,
        date: draft.date,
        description: draft.description,
        source: draft.source,
        source_ref: draft.source_ref,
        receipt: draft.receipt,
        author: draft.author,
        recorded_at: chrono::DateTime::UNIX_EPOCH,
        reverses: draft.reverses,
        postings: draft.postings,
        previous_hash: String::new(),
        hash: String::new(),
    }
}

#[test]
fn a_reversal_mirrors_the_original_and_cannot_itself_be_reversed() {
    let original = stored(draft(&[(2, eur(65_000)), (1, eur(-65_000))]), 7);
    let reversal = reversal_of(&original, date("2026-04-02"), "cli", Some("wrong month")).unwrap();
    assert_eq!(reversal.reverses, Some(EntryId::new(7)));
    assert_eq!(reversal.description, "Reversal of entry 7: wrong month");
    assert_eq!(reversal.postings[0].amount, eur(-65_000));
    let reversal = stored(reversal, 8);
    assert_eq!(
        reversal_of(&reversal, date("2026-04-03"), "cli", None)
            .unwrap_err()
            .to_string(),
        "entry 8 is itself a reversal; to undo it, post the original entry again"
    );
}

#[test]
fn the_already_reversed_rejection_names_both_entries() {
    let rejection = EntryRejection::AlreadyReversed {
        entry: EntryId::new(3),
        by: EntryId::new(9),
    };
    assert_eq!(rejection.to_string(), "entry 3 was already reversed by entry 9");
}

fn apply(balances: &mut BTreeMap<AccountId, i64>, postings: &[Posting]) {
    for posting in postings {
        *balances.entry(posting.account_id).or_default() += posting.amount.minor();
    }
}

/// Any balanced split of an amount over the book's open EUR accounts.
fn balanced_postings() -> impl Strategy<Value = Vec<(i64, Money)>> {
    let accounts = prop::sample::select(vec![1_i64, 2, 3]);
    prop::collection::vec((accounts, 1_i64..10_000_000), 1..6).prop_flat_map(|debits| {
        let total: i64 = debits.iter().map(|(_, amount)| amount).sum();
        prop::sample::select(vec![1_i64, 2, 3]).prop_map(move |credit_account| {
            let mut postings: Vec<(i64, Money)> = debits.iter().map(|(id, amount)| (*id, eur(*amount))).collect();
            postings.push((credit_account, eur(-total)));
            postings
        })
    })
}

proptest! {
    #[test]
    fn any_sequence_of_valid_entries_keeps_the_trial_balance_at_zero(entries in prop::collection::vec(balanced_postings(), 1..40)) {
        let mut balances = BTreeMap::new();
        for postings in entries {
            let valid = check(draft(&postings), None).expect("balanced entries on open accounts are valid");
            apply(&mut balances, &valid.draft().postings);
            prop_assert_eq!(balances.values().sum::<i64>(), 0);
        }
    }

    #[test]
    fn a_reversal_restores_every_balance(before in prop::collection::vec(balanced_postings(), 0..10), target in balanced_postings()) {
        let mut balances = BTreeMap::new();
        for postings in &before {
            apply(&mut balances, &check(draft(postings), None).unwrap().draft().postings);
        }
        let snapshot: BTreeMap<AccountId, i64> = balances.clone();
        let original = stored(check(draft(&target), None).unwrap().draft().clone(), 99);
        apply(&mut balances, &original.postings);
        let reversal = check(reversal_of(&original, date("2026-05-01"), "cli", None).unwrap(), None).unwrap();
        apply(&mut balances, &reversal.draft().postings);
        balances.retain(|_, balance| *balance != 0);
        let mut expected = snapshot;
        expected.retain(|_, balance| *balance != 0);
        prop_assert_eq!(balances, expected);
    }
}
