use chrono::{DateTime, NaiveDate, Utc};

use super::*;
use crate::domain::book::chain_after;
use crate::domain::ids::AccountId;
use crate::domain::ledger::{EntryDraft, EntrySource, JournalEntry, Posting, ValidEntry};
use crate::domain::money::{Currency, Money};

fn recorded_at() -> DateTime<Utc> {
    "2026-11-23T10:00:00.123456Z".parse().unwrap()
}

fn draft(index: i64) -> EntryDraft {
    let eur = |minor| Money::from_minor(minor, Currency::EUR);
    EntryDraft {
        book_id: BookId::new(1),
        date: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
        description: format!("entry {index}"),
        source: EntrySource::Manual,
        source_ref: None,
        receipt: None,
        author: "test".into(),
        reverses: None,
        postings: vec![
            Posting {
                account_id: AccountId::new(1),
                amount: eur(100 + index),
            },
            Posting {
                account_id: AccountId::new(2),
                amount: eur(-100 - index),
            },
        ],
    }
}

/// Three stored entries forming a sound chain.
fn chain() -> Vec<JournalEntry> {
    let valid: Vec<ValidEntry> = (1..=3)
        .map(|index| crate::domain::ledger::tests_support::valid(draft(index)))
        .collect();
    chain_after(0, GENESIS_HASH, valid, recorded_at())
        .into_iter()
        .map(|chained| JournalEntry {
            id: EntryId::new(chained.sequence * 10),
            book_id: chained.draft.book_id,
            sequence: chained.sequence,
            date: chained.draft.date,
            description: chained.draft.description,
            source: chained.draft.source,
            source_ref: chained.draft.source_ref,
            receipt: chained.draft.receipt,
            author: chained.draft.author,
            recorded_at: chained.recorded_at,
            reverses: chained.draft.reverses,
            postings: chained.draft.postings,
            previous_hash: chained.previous_hash,
            hash: chained.hash,
        })
        .collect()
}

fn verify(entries: &[JournalEntry], head: (i64, &str)) -> Result<(), ChainBreak> {
    let mut verifier = ChainVerifier::new(BookId::new(1));
    for entry in entries {
        verifier.check(entry)?;
    }
    verifier.finish(head.0, head.1)
}

#[test]
fn a_sound_chain_verifies_and_links_each_entry_to_the_one_before() {
    let entries = chain();
    assert_eq!(entries[0].previous_hash, GENESIS_HASH);
    assert_eq!(entries[1].previous_hash, entries[0].hash);
    assert_eq!(verify(&entries, (3, &entries[2].hash)), Ok(()));
}

#[test]
fn the_hash_covers_every_field_and_the_time_to_the_microsecond() {
    let entry = &chain()[0];
    let base = entry_hash(GENESIS_HASH, &ChainFields::of_entry(entry));
    let mut changed = entry.clone();
    changed.recorded_at += chrono::Duration::microseconds(1);
    assert_ne!(entry_hash(GENESIS_HASH, &ChainFields::of_entry(&changed)), base);
    let mut changed = entry.clone();
    changed.receipt = Some("R-1".into());
    assert_ne!(entry_hash(GENESIS_HASH, &ChainFields::of_entry(&changed)), base);
    let mut changed = entry.clone();
    changed.postings[0].account_id = AccountId::new(3);
    assert_ne!(entry_hash(GENESIS_HASH, &ChainFields::of_entry(&changed)), base);
    // Length prefixes: moving text from one field to the next changes the hash too.
    let mut moved = entry.clone();
    moved.description = "entry".into();
    moved.source_ref = Some(" 1".into());
    assert_ne!(entry_hash(GENESIS_HASH, &ChainFields::of_entry(&moved)), base);
}

#[test]
fn a_changed_entry_is_named_by_its_hash_mismatch() {
    let mut entries = chain();
    entries[1].description = "entry 2, but cheaper".into();
    assert_eq!(
        verify(&entries, (3, &entries[2].hash.clone())).unwrap_err().to_string(),
        "entry 20 (number 2 of book 1) does not match its hash: it was changed after posting"
    );
}

#[test]
fn a_removed_entry_is_named_as_missing() {
    let mut entries = chain();
    entries.remove(1);
    assert_eq!(
        verify(&entries, (3, &entries[1].hash.clone())).unwrap_err().to_string(),
        "book 1: entry number 2 is missing (found number 3 instead)"
    );
}

#[test]
fn a_rewritten_link_is_named_as_broken() {
    let mut entries = chain();
    entries[2].previous_hash = GENESIS_HASH.into();
    assert_eq!(
        verify(&entries, (3, &entries[2].hash.clone())).unwrap_err().to_string(),
        "entry 30 (number 3 of book 1) does not point at the entry before it: an entry was removed or reordered"
    );
}

#[test]
fn a_cut_off_tail_is_found_from_the_recorded_head() {
    let entries = chain();
    let head = entries[2].hash.clone();
    assert_eq!(
        verify(&entries[..2], (3, &head)).unwrap_err().to_string(),
        "book 1: the recorded chain head is number 3, but the entries end at number 2 or their hashes differ"
    );
}

#[test]
fn an_unbalanced_entry_is_named() {
    let mut entries = chain();
    entries[0].postings[0].amount = Money::from_minor(1, Currency::EUR);
    let error = verify(&entries, (3, &entries[2].hash.clone())).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("entry 10 (number 1 of book 1) does not balance: the postings do not balance in EUR"),
        "{error}"
    );
}
