//! Booking a statement's new lines: a line the counsellor matched to an entry made by hand is
//! booked by that entry; otherwise each part that settles a payment order on the order's account,
//! else on the account the first matching rule names, else on suspense, and every line stored
//! with its parts and the reason for each part's account.

use std::collections::HashSet;

use super::cache::{BatchCache, BookSettings};
use super::file::StatementContext;
use super::matching::{OrderMatch, OrderMatcher};
use super::pending::{LineEntry, PendingLine, PendingWrites};
use super::writer::Writer;
use super::{ImportRefusal, StatementSummary};
use crate::domain::account::Account;
use crate::domain::ids::EntryId;
use crate::domain::ledger::{EntryDraft, EntrySource, Posting};
use crate::domain::statement_check::{IncomingLine, MATCH_WINDOW_DAYS, may_match};
use crate::import::lines::StatementLine;
use crate::import::rules::{Decision, decide};
use crate::import::statement::EntryStatus;
use crate::service::{ServiceError, ServiceResult};

/// How far before a statement's first line an executed order may be returned and still be matched.
const ORDER_LOOKBACK_DAYS: u64 = 90;

/// Books the booked lines not yet in the books, each part on the account the first matching rule
/// names (suspense when none does), and stores every line with that explanation. The entries and
/// lines wait in `pending` until the batch writes them; each line names its statement by its
/// place in the file (`StatementContext::slot`).
pub(super) async fn book_lines(
    writer: &mut Writer,
    context: &StatementContext<'_>,
    cache: &mut BatchCache,
    pending: &mut PendingWrites,
    account: &Account,
    lines: Vec<StatementLine>,
    summary: &mut StatementSummary,
) -> ServiceResult<()> {
    // Lock the book before reading which lines it has: a concurrent import of the same file
    // then waits here and finds this one's lines booked, instead of booking them again.
    cache.lock_book(writer, account.book_id).await?;
    let since = lines
        .iter()
        .filter_map(StatementLine::date)
        .min()
        .map(|day| day - chrono::Days::new(ORDER_LOOKBACK_DAYS));
    let mut matcher = match since {
        Some(since) => OrderMatcher::new(cache.open_orders(writer, account.id, since).await?),
        None => OrderMatcher::new(Vec::new()),
    };
    let mut not_booked = Vec::new();
    let mut to_book: Vec<(StatementLine, Vec<String>, Vec<OrderMatch>)> = Vec::new();
    let mut drafts = Vec::new();
    let mut matched: Vec<(StatementLine, EntryId)> = Vec::new();
    let mut taken: HashSet<EntryId> = HashSet::new();
    for line in lines {
        if line.status != EntryStatus::Booked {
            summary.not_booked += 1;
            not_booked.push(line);
            continue;
        }
        if cache.is_known(writer, account.id, &line).await? {
            summary.already_booked += 1;
            continue;
        }
        cache.remember(account.id, &line);
        if let Some(entry) = matched_entry(writer, context, account, &line, &mut taken).await? {
            summary.matched += 1;
            matched.push((line, entry));
            continue;
        }
        let (draft, reasons, settled) = decide_line(
            cache.settings(account.book_id),
            &mut matcher,
            account,
            &line,
            context,
            summary,
        )?;
        for found in &settled {
            cache.take_order(found.order);
        }
        drafts.push(draft);
        to_book.push((line, reasons, settled));
    }
    let chained = cache
        .chain(account.book_id, drafts, context.now)
        .map_err(|error| match error {
            ServiceError::Entry(rejection) => context.refuse(|file, statement| ImportRefusal::Entry {
                file,
                statement,
                rejection,
            }),
            other => other,
        })?;
    summary.new = chained.len();
    for line in not_booked {
        pending.push_line(PendingLine {
            statement: context.slot,
            account: account.id,
            line,
            entry: LineEntry::None,
            reasons: Vec::new(),
        });
    }
    for (line, entry) in matched {
        pending.push_line(PendingLine {
            statement: context.slot,
            account: account.id,
            line,
            entry: LineEntry::Posted(entry),
            reasons: vec![format!("entry {entry} made by hand")],
        });
    }
    for ((line, reasons, settled), entry) in to_book.into_iter().zip(chained) {
        let index = pending.push_entry(entry);
        for found in settled {
            pending.push_settled(found.order, found.state, index);
        }
        pending.push_line(PendingLine {
            statement: context.slot,
            account: account.id,
            line,
            entry: LineEntry::Waiting(index),
            reasons,
        });
    }
    Ok(())
}

/// The entry made by hand the counsellor matched `line` to, checked again here: an entry of the
/// book made by hand, moving the account by the line's amount within the match window, standing
/// for no other line. Only lines of one transaction are matched.
async fn matched_entry(
    writer: &mut Writer,
    context: &StatementContext<'_>,
    account: &Account,
    line: &StatementLine,
    taken: &mut HashSet<EntryId>,
) -> ServiceResult<Option<EntryId>> {
    let Some(chosen) = context
        .options
        .matches
        .iter()
        .find(|chosen| chosen.statement == context.slot && chosen.line == line.number)
    else {
        return Ok(None);
    };
    let entry = chosen.entry;
    let day = line.date().expect("BUG: lines_of gives every booked line a date");
    let window = chrono::Days::new(MATCH_WINDOW_DAYS.unsigned_abs());
    let candidates = writer
        .reads()
        .await?
        .hand_entries(account.book_id, account.id, (day - window, day + window))
        .await?;
    let incoming = IncomingLine {
        date: day,
        amount_minor: line.amount.minor(),
    };
    let fits = line.is_single()
        && !taken.contains(&entry)
        && candidates
            .iter()
            .any(|candidate| candidate.entry.entry == entry && may_match(incoming, &candidate.entry));
    if !fits {
        let number = line.number;
        return Err(context.refuse(|file, statement| ImportRefusal::MatchNotOffered {
            file,
            statement,
            line: number,
            entry,
        }));
    }
    taken.insert(entry);
    Ok(Some(entry))
}

/// Where each part of a new line goes: the order it settles, else the first matching rule's
/// account, else suspense; returns the line's entry, why each part went where it did, and the
/// orders it settles.
fn decide_line(
    settings: &BookSettings,
    matcher: &mut OrderMatcher,
    account: &Account,
    line: &StatementLine,
    context: &StatementContext<'_>,
    summary: &mut StatementSummary,
) -> ServiceResult<(EntryDraft, Vec<String>, Vec<OrderMatch>)> {
    let suspense = settings.suspense_for(account)?;
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
        let decision = decide(&settings.rules, line, part, &settings.accounts, suspense);
        reasons.push(explain(&decision));
        summary.categorised += usize::from(decision.rule.is_some());
        targets.push(decision.account);
    }
    summary.payments_matched += settled.len();
    Ok((draft(line, account, &targets, context.author), reasons, settled))
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
