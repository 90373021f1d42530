//! `gestio verify`: what is stored against what was written. For each book: its hash chain and
//! running totals recomputed from the stored rows; its chain head against its seal (made with the
//! key kept outside the database, so a chain rewritten or cut back without the key is found);
//! each filing's chain head against the recomputed chain, its documents against their hashes and
//! its seal; each evidence file and payment file against its hash and its seal.

use std::collections::BTreeMap;

use serde::Serialize;

use super::integrity::{check_evidence, check_filing, check_payment_file};
use super::{ServiceError, ServiceResult};
use crate::domain::chain::{ChainBreak, ChainVerifier, GENESIS_HASH};
use crate::domain::ids::{BookId, FilingId};
use crate::domain::money::Money;
use crate::domain::seal::SealedFields;
use crate::storage::{EntryFilter, Store, StoreError, Tx};

/// Entries read per round trip while walking a chain.
const VERIFY_PAGE_ENTRIES: i64 = 1000;

#[derive(Debug, Clone, Serialize)]
pub struct BookVerification {
    pub book: BookId,
    pub entries_checked: i64,
    /// The chain head each filing recorded, as the recomputed chain confirmed it: a clerk
    /// compares it with the head printed in the court's copy of the account.
    pub filed_heads: Vec<FiledHead>,
    /// Empty when the book is sound; otherwise the first break of the chain, then every other
    /// problem found (totals, seals, filings, stored files).
    pub problems: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FiledHead {
    pub filing: FilingId,
    pub chain_sequence: i64,
    pub chain_hash: String,
}

impl BookVerification {
    pub fn is_sound(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Verifies one book, or every book when `book` is `None`.
pub async fn verify(store: &Store, book: Option<BookId>) -> ServiceResult<Vec<BookVerification>> {
    let books = {
        let mut tx = store.begin_read().await?;
        let books = match book {
            Some(id) => vec![tx.book(id).await?],
            None => tx.books(None).await?,
        };
        tx.commit().await?;
        books
    };
    let mut results = Vec::with_capacity(books.len());
    for book in books {
        results.push(verify_book(store, book.id).await?);
    }
    Ok(results)
}

async fn verify_book(store: &Store, id: BookId) -> ServiceResult<BookVerification> {
    let mut tx = store.begin_read().await?;
    let book = tx.book(id).await?;
    let filings = tx.filings(id).await?;
    // The hash of each entry a filing names as its head, as the walk finds it.
    let mut heads: BTreeMap<i64, String> = filings
        .iter()
        .map(|filing| (filing.chain_sequence, String::new()))
        .collect();
    heads.insert(0, GENESIS_HASH.to_owned());
    let mut problems = Vec::new();
    let (entries_checked, chain) = walk_chain(&mut tx, id, &mut heads, &mut problems).await?;
    let chain_result = chain.and_then(|verifier| verifier.finish(book.head_sequence, &book.head_hash));
    if let Err(broken) = chain_result {
        problems.push(broken.to_string());
    }
    problems.extend(head_seal_problem(&mut tx, id, book.head_sequence, &book.head_hash).await?);
    problems.extend(total_mismatches(&mut tx, id).await?);
    let mut filed_heads = Vec::with_capacity(filings.len());
    for filing in &filings {
        match heads.get(&filing.chain_sequence) {
            Some(hash) if *hash == filing.chain_hash => filed_heads.push(FiledHead {
                filing: filing.id,
                chain_sequence: filing.chain_sequence,
                chain_hash: filing.chain_hash.clone(),
            }),
            _ => problems.push(format!(
                "filing {} (to {}) names entry number {} with hash {} as the ledger it was made from, but the \
                 ledger does not hold that entry: the entries before it were changed, or removed",
                filing.id, filing.period.to, filing.chain_sequence, filing.chain_hash
            )),
        }
        let (pdf, data_json) = tx.filing_content(filing.id).await?;
        problems.extend(tampering(check_filing(&mut tx, filing, &pdf, &data_json).await)?);
        problems.extend(printed_head_problem(filing, &data_json));
    }
    problems.extend(stored_file_problems(&mut tx, id).await?);
    tx.commit().await?;
    Ok(BookVerification {
        book: id,
        entries_checked,
        filed_heads,
        problems,
    })
}

/// Walks the book's chain page by page, noting the hash of each entry `heads` asks about; the
/// verifier comes back to check the head, or the first break.
pub(super) async fn walk_chain(
    tx: &mut Tx,
    book: BookId,
    heads: &mut BTreeMap<i64, String>,
    problems: &mut Vec<String>,
) -> ServiceResult<(i64, Result<ChainVerifier, ChainBreak>)> {
    let mut verifier = ChainVerifier::new(book);
    let mut entries_checked = 0;
    let mut after_sequence = 0;
    loop {
        let filter = EntryFilter {
            after_sequence: Some(after_sequence),
            limit: Some(VERIFY_PAGE_ENTRIES),
            ..EntryFilter::default()
        };
        let page = match tx.entries(book, filter).await {
            Ok(page) => page,
            Err(StoreError::Corrupt { what, id: row, detail }) => {
                problems.push(format!("{what} {row} (book {book}) fails its checks: {detail}"));
                return Ok((entries_checked, Ok(verifier)));
            }
            Err(other) => return Err(other.into()),
        };
        let Some(last) = page.last() else {
            return Ok((entries_checked, Ok(verifier)));
        };
        after_sequence = last.sequence;
        for entry in &page {
            entries_checked += 1;
            if let Err(broken) = verifier.check(entry) {
                return Ok((entries_checked, Err(broken)));
            }
            if let Some(hash) = heads.get_mut(&entry.sequence) {
                hash.clone_from(&entry.hash);
            }
        }
    }
}

/// The book's chain head against its seal: rewriting the chain, or cutting it back and resetting
/// the head, cannot make a new seal without the key.
async fn head_seal_problem(tx: &mut Tx, book: BookId, sequence: i64, hash: &str) -> ServiceResult<Option<String>> {
    let fields = SealedFields::book_head(book, sequence, hash);
    Ok(match tx.book_head_seal(book).await? {
        Some(seal) if tx.seal_holds(&fields, &seal) => None,
        Some(_) => Some(format!(
            "book {book}: the seal of its chain head (entry number {sequence}) does not hold: the chain or its head \
             was changed without the instance's key (rewritten, or cut back and its head reset)"
        )),
        None => Some(format!(
            "book {book}: its chain head is not sealed: it was written before sealing began (run `gestio seal adopt` \
             once after upgrading), or its seal was removed"
        )),
    })
}

/// The ledger head the filed account's data carries (and its PDF prints) against the head the
/// filing recorded. Accounts filed before the head was printed carry none.
fn printed_head_problem(filing: &crate::domain::filing::Filing, data_json: &str) -> Option<String> {
    let data: serde_json::Value = serde_json::from_str(data_json).ok()?;
    let ledger = data.get("ledger")?;
    let printed = (ledger["sequence"].as_i64(), ledger["hash"].as_str());
    (printed != (Some(filing.chain_sequence), Some(filing.chain_hash.as_str()))).then(|| {
        format!(
            "filing {}: the ledger printed on the account (entry {:?}) is not the one the filing recorded (entry {})",
            filing.id, printed.0, filing.chain_sequence
        )
    })
}

/// Every evidence file and payment file of the book, against its hash and its seal.
async fn stored_file_problems(tx: &mut Tx, book: BookId) -> ServiceResult<Vec<String>> {
    let mut problems = Vec::new();
    for file in tx.evidence_files(book).await? {
        let (owner, file, content) = tx.evidence_content(file.id).await?;
        problems.extend(tampering(check_evidence(tx, owner, &file, &content).await)?);
    }
    for id in tx.payment_files_of_book(book).await? {
        let (record, content) = tx.file_content(id).await?;
        problems.extend(tampering(check_payment_file(tx, &record, &content).await)?);
    }
    Ok(problems)
}

/// A check's refusal as a problem to report; any other failure stops the verification.
fn tampering(checked: ServiceResult<()>) -> ServiceResult<Option<String>> {
    match checked {
        Ok(()) => Ok(None),
        Err(ServiceError::Tampered { what, id, detail }) => Ok(Some(format!("{what} {id}: {detail}"))),
        Err(other) => Err(other),
    }
}

async fn total_mismatches(tx: &mut Tx, book: BookId) -> Result<Vec<String>, StoreError> {
    let recorded = tx.account_totals(book).await?;
    let computed = tx.posting_totals(book, None).await?;
    let accounts = tx.accounts(book).await?;
    Ok(accounts
        .iter()
        .filter_map(|account| {
            let recorded_minor = recorded.get(&account.id).copied().unwrap_or(0);
            let computed_minor = computed.get(&account.id).copied().unwrap_or(0);
            (recorded_minor != computed_minor).then(|| {
                ChainBreak::BalanceMismatch {
                    book,
                    code: account.code.clone(),
                    recorded: Money::from_minor(recorded_minor, account.currency).to_string(),
                    computed: Money::from_minor(computed_minor, account.currency).to_string(),
                }
                .to_string()
            })
        })
        .collect())
}
