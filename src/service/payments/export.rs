//! Writing an approved run's orders into pain.001 files: one per paying account and execution
//! date (split further above `TRANSFERS_PER_FILE_MAX`), each stored with its bytes and hash.

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDate, Utc};
use sha2::{Digest, Sha256};

use crate::domain::account::Account;
use crate::domain::creditor::{Creditor, Remittance};
use crate::domain::ids::{AccountId, BookId, CreditorId, PaymentOrderId, PaymentRunId};
use crate::domain::money::{Currency, Money};
use crate::export::pain001::{self, PainVersion, Party, PaymentFile, Transfer};
use crate::service::ServiceResult;
use crate::storage::{NewFile, OrderRecord, StoreError, Tx};

pub(super) async fn write_files(
    tx: &mut Tx,
    run: PaymentRunId,
    version: PainVersion,
    now: DateTime<Utc>,
) -> ServiceResult<()> {
    let record = tx.run(run).await?;
    let office = tx.office(crate::domain::ids::OfficeId::new(record.office_id)).await?;
    let mut groups: BTreeMap<(i64, NaiveDate), Vec<OrderRecord>> = BTreeMap::new();
    for order in tx.run_orders(run).await? {
        if order.state == crate::domain::payment_state::OrderState::Planned {
            groups
                .entry((order.debtor_account_id, order.execution_date))
                .or_default()
                .push(order);
        }
    }
    let mut names = Names::default();
    let mut number = 0;
    for ((account, execution_date), orders) in groups {
        let debtor = names.debtor(tx, orders[0].book_id, AccountId::new(account)).await?;
        for chunk in orders.chunks(pain001::TRANSFERS_PER_FILE_MAX) {
            number += 1;
            let mut transfers = Vec::with_capacity(chunk.len());
            for order in chunk {
                transfers.push(names.transfer(tx, order).await?);
            }
            let file = PaymentFile {
                message_id: format!("GESTIO-R{run}-F{number}"),
                created_at: now.naive_utc(),
                initiating_party: office.name.clone(),
                debtor: debtor.clone(),
                execution_date,
                transfers,
            };
            store_file(tx, run, AccountId::new(account), &file, version, chunk, now).await?;
        }
    }
    Ok(())
}

async fn store_file(
    tx: &mut Tx,
    run: PaymentRunId,
    account: AccountId,
    file: &PaymentFile,
    version: PainVersion,
    orders: &[OrderRecord],
    now: DateTime<Utc>,
) -> ServiceResult<()> {
    let content = pain001::write(file, version);
    let sha256 = hex::encode(Sha256::digest(&content));
    let id = tx
        .insert_file(
            &NewFile {
                run,
                debtor_account: account,
                execution_date: file.execution_date,
                message_id: &file.message_id,
                format: version.name(),
                content: &content,
                sha256: &sha256,
                transfers: orders.len() as i64,
                control_sum_minor: file.control_sum(),
            },
            now,
        )
        .await?;
    let ids: Vec<PaymentOrderId> = orders.iter().map(|order| PaymentOrderId::new(order.id)).collect();
    let moved = tx.export_orders(id, &ids).await?;
    if moved != ids.len() as u64 {
        // Each order was read as planned in this db transaction, with its book locked.
        return Err(StoreError::Corrupt {
            what: "payment run",
            id: run.to_string(),
            detail: format!(
                "{} of {} orders were no longer planned when written to a file",
                ids.len() as u64 - moved,
                ids.len()
            ),
        }
        .into());
    }
    Ok(())
}

/// The parties of a file, each read once.
#[derive(Default)]
struct Names {
    creditors: HashMap<CreditorId, Creditor>,
    accounts: HashMap<BookId, Vec<Account>>,
}

impl Names {
    /// The account holder paying: the beneficiary, on the book's account.
    async fn debtor(&mut self, tx: &mut Tx, book: i64, account: AccountId) -> ServiceResult<Party> {
        let book = tx.book(BookId::new(book)).await?;
        let beneficiary = tx.beneficiary(book.beneficiary_id).await?;
        if let Entry::Vacant(slot) = self.accounts.entry(book.id) {
            slot.insert(tx.accounts(book.id).await?);
        }
        let iban = self.accounts[&book.id]
            .iter()
            .find(|candidate| candidate.id == account)
            .and_then(|found| found.iban.clone())
            .ok_or_else(|| StoreError::Corrupt {
                what: "account",
                id: account.to_string(),
                detail: "a payment order pays from it, but it has no IBAN".to_owned(),
            })?;
        Ok(Party {
            name: beneficiary.name,
            iban,
            bic: None,
            address: None,
        })
    }

    async fn transfer(&mut self, tx: &mut Tx, order: &OrderRecord) -> ServiceResult<Transfer> {
        let id = CreditorId::new(order.creditor_id);
        if let Entry::Vacant(slot) = self.creditors.entry(id) {
            slot.insert(tx.creditor(id).await?);
        }
        let creditor = &self.creditors[&id];
        let currency = Currency::parse(&order.currency).map_err(|error| StoreError::Corrupt {
            what: "payment order",
            id: order.id.to_string(),
            detail: error.to_string(),
        })?;
        Ok(Transfer {
            end_to_end_id: order.end_to_end_id.clone(),
            amount: Money::from_minor(order.amount_minor, currency),
            creditor: Party {
                name: creditor.name.clone(),
                iban: creditor.iban.clone(),
                bic: creditor.bic.clone(),
                address: Some(creditor.address.clone()),
            },
            remittance: order
                .remittance
                .as_deref()
                .and_then(|text| Remittance::parse(text).ok()),
        })
    }
}
