//! The demo office: six beneficiaries under different mandates, languages, jurisdictions and
//! currencies, their opening inventories and months of realistic entries.
//!
//! The people and their monthly pattern are data (`samples/demo/office.json`); everything goes
//! through the same rules and use cases as real input.

use chrono::{DateTime, Datelike, Months, NaiveDate, Utc};
use serde::Deserialize;

use super::ServiceResult;
use super::courts::court_named;
use super::demo_payments::{add_payments, run_demo_payments};
use super::ledger::{open_book, post_entries};
use super::parties::{create_beneficiary, create_mandate, create_office};
use crate::domain::account::{Account, AccountKind, BankAccountSpec, ReportCategory};
use crate::domain::court::NewCourt;
use crate::domain::iban::Iban;
use crate::domain::ids::BookId;
use crate::domain::ledger::{EntryDraft, EntrySource, Posting};
use crate::domain::mandate::{Jurisdiction, MandateInput, MandateKind, NewMandate, PeriodRule};
use crate::domain::money::{Currency, Money};
use crate::domain::opening::{OpeningBank, OpeningDebt, OpeningInventory};
use crate::domain::party::{Language, NewBeneficiary, NewOffice};
use crate::storage::Store;

const DEMO_DATA: &str = include_str!("../../samples/demo/office.json");

#[derive(Deserialize)]
struct Demo {
    office: DemoOffice,
    months: u32,
    beneficiaries: Vec<DemoPerson>,
}

#[derive(Deserialize)]
struct DemoOffice {
    name: String,
    country: String,
}

#[derive(Deserialize)]
struct DemoPerson {
    name: String,
    language: String,
    birth_date: NaiveDate,
    contact: String,
    mandate: DemoMandate,
    currency: String,
    banks: Vec<DemoBank>,
    cash: String,
    debts: Vec<DemoDebt>,
    monthly: Vec<DemoItem>,
    /// Creditors and schedules, paid from next month on.
    #[serde(default)]
    payments: Vec<super::demo_payments::DemoPayment>,
}

#[derive(Deserialize)]
struct DemoMandate {
    kind: String,
    jurisdiction: String,
    court: Option<String>,
    case_number: Option<String>,
    judge: Option<String>,
    receipt_threshold: Option<String>,
    agreement: Option<String>,
}

#[derive(Deserialize)]
struct DemoBank {
    iban: String,
    name: String,
    balance: String,
}

#[derive(Deserialize)]
struct DemoDebt {
    creditor: String,
    amount: String,
}

/// A monthly movement on the first bank account (or the cash box), against `account`: a report
/// category code, or `debt:N` for the N-th debt. Positive amounts are money coming in.
#[derive(Deserialize)]
struct DemoItem {
    day: u32,
    description: String,
    account: String,
    amount: String,
    #[serde(default)]
    money: Option<String>,
}

#[derive(Debug, Clone, Copy)]
pub struct DemoOutcome {
    /// False when the demo office was already there and was reused.
    pub created: bool,
    pub office: crate::domain::ids::OfficeId,
    pub beneficiaries: usize,
    pub entries: usize,
    /// Orders in the demo's payment run for the first day of next month.
    pub payment_orders: usize,
}

/// Creates the demo office unless it exists. Mandates and books start on the first day of the
/// month `months` months before `today`; monthly entries run up to `today`.
pub async fn create_demo(
    store: &Store,
    author: &str,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> ServiceResult<DemoOutcome> {
    let demo: Demo =
        serde_json::from_str(DEMO_DATA).expect("BUG: samples/demo/office.json is valid JSON of the demo's shape");
    let existing = store.begin_read().await?.offices().await?;
    if let Some(office) = existing.iter().find(|office| office.name == demo.office.name) {
        return Ok(DemoOutcome {
            created: false,
            office: office.id,
            beneficiaries: 0,
            entries: 0,
            payment_orders: 0,
        });
    }
    let office = create_office(store, &NewOffice::new(&demo.office.name, &demo.office.country)?, now).await?;
    let start = today
        .with_day(1)
        .and_then(|first| first.checked_sub_months(Months::new(demo.months)))
        .expect("BUG: demo start date is representable");
    let next_month = today
        .with_day(1)
        .and_then(|first| first.checked_add_months(Months::new(1)))
        .expect("BUG: next month is representable");
    let mut entries = 0;
    for person in &demo.beneficiaries {
        let language = Language::parse(&person.language)?;
        let beneficiary = NewBeneficiary::new(
            office.id,
            &person.name,
            language,
            Some(person.birth_date),
            Some(&person.contact),
            today,
        )?;
        let beneficiary = create_beneficiary(store, &beneficiary, now).await?;
        create_mandate(
            store,
            &person
                .mandate
                .to_new(store, beneficiary.id, (start, now), &person.currency)
                .await?,
            now,
        )
        .await?;
        let opened = open_book(store, beneficiary.id, &person.inventory(start)?, author, now).await?;
        let drafts = person.monthly_entries(opened.book.id, &opened.accounts, start, today, author)?;
        entries += drafts.len() + usize::from(opened.opening_entry.is_some());
        post_entries(store, opened.book.id, drafts, now).await?;
        let currency = opened.book.currency;
        for (category, monthly) in person.budget_plan(currency)? {
            super::budget::plan(store, opened.book.id, category, monthly, start, now).await?;
        }
        add_payments(
            store,
            office.id,
            opened.book.id,
            currency,
            &person.payments,
            next_month,
            now,
        )
        .await?;
    }
    let payment_orders = run_demo_payments(store, office.id, next_month, author, now).await?;
    Ok(DemoOutcome {
        created: true,
        office: office.id,
        beneficiaries: demo.beneficiaries.len(),
        entries,
        payment_orders,
    })
}

impl DemoMandate {
    /// The mandate, its court recorded if the demo names one not yet recorded.
    async fn to_new(
        &self,
        store: &Store,
        beneficiary: crate::domain::ids::BeneficiaryId,
        (start, now): (NaiveDate, DateTime<Utc>),
        currency: &str,
    ) -> ServiceResult<NewMandate> {
        let receipt_threshold = match &self.receipt_threshold {
            Some(text) => Some(Money::parse(text, Currency::parse(currency)?)?),
            None => None,
        };
        let kind = MandateKind::parse(&self.kind)?;
        let jurisdiction = Jurisdiction::parse(&self.jurisdiction)?;
        let court = match self.court.as_deref() {
            Some(name) => Some(
                court_named(store, &NewCourt::new(name, jurisdiction, None)?, now)
                    .await?
                    .id,
            ),
            None => None,
        };
        let input = MandateInput {
            court,
            case_number: self.case_number.as_deref(),
            judge: self.judge.as_deref(),
            end: None,
            receipt_threshold,
            agreement: self.agreement.as_deref(),
        };
        Ok(NewMandate::new(
            beneficiary,
            kind,
            start,
            PeriodRule::CalendarYear,
            jurisdiction,
            input,
        )?)
    }
}

impl DemoPerson {
    fn inventory(&self, start: NaiveDate) -> ServiceResult<OpeningInventory> {
        let currency = Currency::parse(&self.currency)?;
        let mut banks = Vec::new();
        for bank in &self.banks {
            let iban = Iban::parse(&bank.iban)?;
            banks.push(OpeningBank {
                account: BankAccountSpec {
                    iban,
                    name: bank.name.clone(),
                },
                balance: Money::parse(&bank.balance, currency)?,
            });
        }
        let mut debts = Vec::new();
        for debt in &self.debts {
            debts.push(OpeningDebt {
                creditor: debt.creditor.clone(),
                amount: Money::parse(&debt.amount, currency)?,
            });
        }
        Ok(OpeningInventory::new(
            start,
            currency,
            banks,
            Money::parse(&self.cash, currency)?,
            debts,
        )?)
    }

    /// A cautious plan from the monthly pattern: income rounded down and spending (debt
    /// instalments included) rounded up to a multiple of ten currency units, per category.
    fn budget_plan(&self, currency: Currency) -> ServiceResult<Vec<(ReportCategory, Money)>> {
        let step = 10 * 10_i64.pow(currency.decimals());
        let mut planned: std::collections::BTreeMap<ReportCategory, i64> = std::collections::BTreeMap::new();
        for item in &self.monthly {
            let category = match ReportCategory::parse(&item.account) {
                Ok(category) => category,
                Err(_) if item.account.starts_with("debt:") => ReportCategory::Debt,
                Err(_) => continue,
            };
            if matches!(
                category.kind(),
                AccountKind::Income | AccountKind::Expense | AccountKind::Liability
            ) {
                *planned.entry(category).or_default() += Money::parse(&item.amount, currency)?.minor().abs();
            }
        }
        Ok(planned
            .into_iter()
            .map(|(category, minor)| {
                let rounded = if category.kind() == AccountKind::Income {
                    minor / step * step
                } else {
                    (minor + step - 1) / step * step
                };
                (category, Money::from_minor(rounded, currency))
            })
            .collect())
    }

    fn monthly_entries(
        &self,
        book: BookId,
        accounts: &[Account],
        start: NaiveDate,
        today: NaiveDate,
        author: &str,
    ) -> ServiceResult<Vec<EntryDraft>> {
        let find_category = |category: ReportCategory| accounts.iter().find(|account| account.category == category);
        let bank = find_category(ReportCategory::Bank).expect("BUG: every demo person has a bank account");
        let cash = find_category(ReportCategory::Cash).expect("BUG: the standard chart has a cash box");
        let mut drafts = Vec::new();
        let mut month = start;
        while month <= today {
            for item in &self.monthly {
                let Some(date) = month.with_day(item.day).filter(|date| *date <= today) else {
                    continue;
                };
                let counter = if let Some(number) = item.account.strip_prefix("debt:") {
                    let code = format!(
                        "{}",
                        2000 + number.parse::<u32>().expect("BUG: demo debt references are numbers")
                    );
                    accounts.iter().find(|account| account.code == code)
                } else {
                    find_category(ReportCategory::parse(&item.account)?)
                }
                .expect("BUG: demo items name accounts of the standard chart");
                let money = if item.money.as_deref() == Some("cash") {
                    cash
                } else {
                    bank
                };
                let amount = Money::parse(&item.amount, money.currency)?;
                drafts.push(EntryDraft {
                    book_id: book,
                    date,
                    description: item.description.clone(),
                    source: EntrySource::Manual,
                    source_ref: None,
                    receipt: None,
                    author: author.to_owned(),
                    reverses: None,
                    postings: vec![
                        Posting {
                            account_id: money.id,
                            amount,
                        },
                        Posting {
                            account_id: counter.id,
                            amount: amount.checked_neg()?,
                        },
                    ],
                });
            }
            month = month
                .checked_add_months(Months::new(1))
                .expect("BUG: demo months are representable");
        }
        drafts.sort_by_key(|draft| draft.date);
        Ok(drafts)
    }
}
