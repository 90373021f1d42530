//! Booking a statement's new lines: each part that settles a payment order on the order's account,
//! else on the account the first matching rule names, else on suspense, and every line stored with its parts and the reason for each part's account.

use super::cache::BatchCache;
use super::matching::{OrderMatch, OrderMatcher};
use super::{ImportRefusal, StatementContext, StatementSummary};
use crate::domain::account::Account;
use crate::domain::ids::EntryId;
use crate::domain::ledger::{EntryDraft, EntrySource, Posting};
use crate::import::lines::StatementLine;
use crate::import::rules::{Decision, decide};
use crate::import::statement::EntryStatus;
use crate::service::ledger::post_to_locked_book;
use crate::service::{ServiceError, ServiceResult};
use crate::storage::Tx;

/// How far before a statement's first line an executed order may be returned and still be matched.
const ORDER_LOOKBACK_DAYS: u64 = 90;

/// Books the booked lines not yet in the books, each part on the account the first matching rule
/// names (suspense when none does), and stores every line with that explanation.
pub(super) async fn book_lines(
    tx: &mut Tx,
    context: &StatementContext<'_>,
    cache: &mut BatchCache,
    account: &Account,
    statement_id: i64,
    lines: &[StatementLine],
    summary: &mut StatementSummary,
) -> ServiceResult<()> {
    // Lock the book before reading which lines it has: a concurrent import of the same file
    // then waits here and finds this one's lines booked, instead of booking them again.
    let book = cache.lock_book(tx, account.book_id).await?.clone();
    cache.settings(tx, &book).await?;
    let dates = lines.iter().filter_map(StatementLine::date);
    let mut known = tx.known_lines(account.id, dates.clone().min(), dates.max()).await?;
    let since = lines
        .iter()
        .filter_map(StatementLine::date)
        .min()
        .map(|day| day - chrono::Days::new(ORDER_LOOKBACK_DAYS));
    let mut matcher = match since {
        Some(since) => OrderMatcher::new(cache.open_orders(tx, account.id, since).await?),
        None => OrderMatcher::new(Vec::new()),
    };
    let (book, settings) = cache.book_and_settings(book.id);
    let (rules, accounts) = (&settings.rules, &settings.accounts);
    let suspense = settings.suspense_for(account)?;
    let mut stored: Vec<(&StatementLine, Option<EntryId>, Vec<String>)> = Vec::with_capacity(lines.len());
    let mut to_book: Vec<(&StatementLine, EntryDraft, Vec<String>, Vec<OrderMatch>)> = Vec::new();
    for line in lines {
        if line.status != EntryStatus::Booked {
            summary.not_booked += 1;
            stored.push((line, None, Vec::new()));
        } else if known.contains(line) {
            summary.already_booked += 1;
        } else {
            known.insert(line);
            let mut settled = Vec::new();
            let mut targets: Vec<&Account> = Vec::with_capacity(line.parts.len());
            let mut reasons = Vec::with_capacity(line.parts.len());
            for part in &line.parts {
                let order = matcher.settle(line, part).and_then(|found| {
                    settings
                        .accounts_by_id
                        .get(&found.account)
                        .map(|target| (found, target))
                });
                if let Some((found, target)) = order {
                    reasons.push(format!("payment order {} ({})", found.end_to_end_id, found.state));
                    targets.push(target);
                    settled.push(found);
                    continue;
                }
                let decision = decide(rules, line, part, accounts, suspense);
                reasons.push(explain(&decision));
                summary.categorised += usize::from(decision.rule.is_some());
                targets.push(decision.account);
            }
            summary.payments_matched += settled.len();
            to_book.push((line, draft(line, account, &targets, context.author), reasons, settled));
        }
    }
    let mut booked_lines = Vec::with_capacity(to_book.len());
    let mut drafts = Vec::with_capacity(to_book.len());
    let mut settlements = Vec::with_capacity(to_book.len());
    for (line, draft, why, settled) in to_book {
        booked_lines.push((line, why));
        drafts.push(draft);
        settlements.push(settled);
    }
    let ids = post_to_locked_book(tx, book, &settings.accounts_by_id, drafts, context.now)
        .await
        .map_err(|error| match error {
            ServiceError::Entry(rejection) => context.refuse(|file, statement| ImportRefusal::Entry {
                file,
                statement,
                rejection,
            }),
            other => other,
        })?;
    summary.new = ids.len();
    let settled: Vec<(i64, &'static str, EntryId)> = settlements
        .iter()
        .zip(&ids)
        .flat_map(|(matches, id)| matches.iter().map(move |found| (found.order, found.state, *id)))
        .collect();
    tx.settle_orders(&settled).await?;
    stored.extend(
        booked_lines
            .into_iter()
            .zip(ids)
            .map(|((line, why), id)| (line, Some(id), why)),
    );
    tx.insert_statement_lines(statement_id, account.id, &stored).await?;
    Ok(())
}

/// Which rule decided a part, in words: "rule 3 (Pension CNAP)", or "suspense".
fn explain(decision: &Decision<'_>) -> String {
    match &decision.rule {
        Some((id, name)) => format!("rule {id} ({name})"),
        None => "suspense".to_owned(),
    }
}

/// The entry of a bank line: the bank account moves by the line's amount; each part's decided
/// account takes the other side, one posting per part so each can be categorised on its own.
fn draft(line: &StatementLine, account: &Account, targets: &[&Account], author: &str) -> EntryDraft {
    let mut postings = vec![Posting {
        account_id: account.id,
        amount: line.amount,
    }];
    postings.extend(line.parts.iter().zip(targets).map(|(part, target)| {
        Posting {
            account_id: target.id,
            amount: part
                .amount
                .checked_neg()
                .expect("BUG: line amounts come from unsigned text, so never i64::MIN"),
        }
    }));
    EntryDraft {
        book_id: account.book_id,
        date: line.date().expect("BUG: lines_of gives every booked line a date"),
        description: line
            .description()
            .chars()
            .take(crate::domain::ledger::DESCRIPTION_LENGTH_MAX)
            .collect(),
        source: EntrySource::Import,
        source_ref: Some(
            line.bank_ref
                .clone()
                .unwrap_or_else(|| format!("line:{}", &line.fingerprint[..16])),
        ),
        receipt: None,
        author: author.to_owned(),
        reverses: None,
        postings,
    }
}
