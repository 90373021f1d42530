//! `gestio book|account`: opening books with their inventory, locking, the chart of accounts.

use std::process::ExitCode;

use anyhow::{Context as _, anyhow};
use chrono::NaiveDate;
use clap::{Args, Subcommand};

use super::output::{json, optional, table};
use super::parties::JsonFlag;
use super::{Context, now};
use crate::domain::account::{Account, BankAccountSpec, NewAccount, ReportCategory};
use crate::domain::iban::Iban;
use crate::domain::ids::{BeneficiaryId, BookId};
use crate::domain::money::{Currency, Money};
use crate::domain::opening::{OpeningBank, OpeningDebt, OpeningInventory};
use crate::service::ledger as use_case;

#[derive(Debug, Subcommand)]
pub enum BookCommand {
    /// Open a beneficiary's book: the standard chart, their bank accounts and debts, and the
    /// opening inventory booked against opening equity.
    Create(Box<BookCreateArgs>),
    /// List books.
    List(JsonFlag),
    /// Show a book with its accounts.
    Show {
        id: BookId,
        #[command(flatten)]
        output: JsonFlag,
    },
    /// Lock a book through a date: entries dated on or before it are refused from then on.
    Lock {
        id: BookId,
        #[arg(long)]
        through: NaiveDate,
    },
}

#[derive(Debug, Args)]
pub struct BookCreateArgs {
    #[arg(long)]
    beneficiary: BeneficiaryId,
    #[arg(long, default_value = "EUR")]
    currency: String,
    /// The date of the opening inventory: the mandate's start.
    #[arg(long)]
    opened_on: NaiveDate,
    /// A bank account of the person: IBAN[=BALANCE[=NAME]], e.g. LU280019400644750000=1234.56. Repeat for more.
    #[arg(long = "bank")]
    banks: Vec<String>,
    /// Cash held for the person at the start.
    #[arg(long, default_value = "0")]
    cash: String,
    /// A debt at the start: CREDITOR=AMOUNT, e.g. "Cetelem=2500.00". Repeat for more.
    #[arg(long = "debt")]
    debts: Vec<String>,
    #[command(flatten)]
    output: JsonFlag,
}

impl BookCreateArgs {
    fn inventory(&self) -> anyhow::Result<OpeningInventory> {
        let currency = Currency::parse(&self.currency)?;
        let banks = self
            .banks
            .iter()
            .enumerate()
            .map(|(index, text)| {
                let mut parts = text.splitn(3, '=');
                let iban = Iban::parse(parts.next().unwrap_or_default()).with_context(|| format!("--bank {text}"))?;
                let balance =
                    Money::parse(parts.next().unwrap_or("0"), currency).with_context(|| format!("--bank {text}"))?;
                let name = parts
                    .next()
                    .map(str::to_owned)
                    .unwrap_or_else(|| format!("Bank account {}", index + 1));
                Ok(OpeningBank {
                    account: BankAccountSpec { iban, name },
                    balance,
                })
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        let debts = self
            .debts
            .iter()
            .map(|text| {
                let (creditor, amount) = text
                    .rsplit_once('=')
                    .ok_or_else(|| anyhow!("--debt {text}: write CREDITOR=AMOUNT"))?;
                Ok(OpeningDebt {
                    creditor: creditor.to_owned(),
                    amount: Money::parse(amount, currency).with_context(|| format!("--debt {text}"))?,
                })
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        let cash = Money::parse(&self.cash, currency).context("--cash")?;
        Ok(OpeningInventory::new(self.opened_on, currency, banks, cash, debts)?)
    }
}

pub async fn book(context: &Context, command: BookCommand) -> anyhow::Result<ExitCode> {
    match command {
        BookCommand::Create(args) => {
            let opened = use_case::open_book(
                &context.store,
                args.beneficiary,
                &args.inventory()?,
                &context.author,
                now(),
            )
            .await?;
            if args.output.json {
                json(&opened)?;
            } else {
                println!(
                    "book {} opened for beneficiary {}",
                    opened.book.id, opened.book.beneficiary_id
                );
                print_accounts(&opened.accounts);
            }
        }
        BookCommand::List(output) => {
            let books = context.store.begin_read().await?.books(None).await?;
            if output.json {
                json(&books)?;
            } else {
                let mut rows = vec![
                    ["ID", "BENEFICIARY", "CURRENCY", "OPENED", "LOCKED THROUGH", "ENTRIES"]
                        .map(String::from)
                        .to_vec(),
                ];
                rows.extend(books.iter().map(|book| {
                    vec![
                        book.id.to_string(),
                        book.beneficiary_id.to_string(),
                        book.currency.to_string(),
                        book.opened_on.to_string(),
                        optional(book.locked_through),
                        book.head_sequence.to_string(),
                    ]
                }));
                table(&rows);
            }
        }
        BookCommand::Show { id, output } => {
            let mut tx = context.store.begin_read().await?;
            let book = tx.book(id).await?;
            let accounts = tx.accounts(id).await?;
            if output.json {
                json(&serde_json::json!({ "book": book, "accounts": accounts }))?;
            } else {
                println!(
                    "book {} of beneficiary {}, in {}, opened {}",
                    book.id, book.beneficiary_id, book.currency, book.opened_on
                );
                println!(
                    "locked through: {}; entries: {}; chain head: {}",
                    optional(book.locked_through),
                    book.head_sequence,
                    book.head_hash
                );
                print_accounts(&accounts);
            }
        }
        BookCommand::Lock { id, through } => {
            let book = use_case::lock_book(&context.store, id, through).await?;
            println!("book {} is locked through {}", book.id, optional(book.locked_through));
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn print_accounts(accounts: &[Account]) {
    let mut rows = vec![
        ["ID", "CODE", "CATEGORY", "CURRENCY", "IBAN", "NAME"]
            .map(String::from)
            .to_vec(),
    ];
    rows.extend(accounts.iter().map(|account| {
        vec![
            account.id.to_string(),
            account.code.clone(),
            account.category.to_string(),
            account.currency.to_string(),
            optional(account.iban.as_ref()),
            if account.closed {
                format!("{} (closed)", account.name)
            } else {
                account.name.clone()
            },
        ]
    }));
    table(&rows);
}

#[derive(Debug, Subcommand)]
pub enum AccountCommand {
    /// Add an account to a book's chart.
    Create {
        #[arg(long)]
        book: BookId,
        /// The account's code in the book, e.g. 1201.
        #[arg(long)]
        code: String,
        #[arg(long)]
        name: String,
        /// A report category, e.g. asset.savings or expense.care.
        #[arg(long)]
        category: String,
        /// Required for asset.bank and asset.savings.
        #[arg(long)]
        iban: Option<String>,
        /// Defaults to the book's currency.
        #[arg(long)]
        currency: Option<String>,
        #[command(flatten)]
        output: JsonFlag,
    },
    /// List a book's accounts.
    List {
        #[arg(long)]
        book: BookId,
        #[command(flatten)]
        output: JsonFlag,
    },
    /// Close an account whose balance is zero: no entry may name it afterwards.
    Close {
        #[arg(long)]
        book: BookId,
        code: String,
        #[command(flatten)]
        output: JsonFlag,
    },
    /// Show one account of a book, by code.
    Show {
        #[arg(long)]
        book: BookId,
        code: String,
        #[command(flatten)]
        output: JsonFlag,
    },
}

pub async fn account(context: &Context, command: AccountCommand) -> anyhow::Result<ExitCode> {
    let (accounts, as_json) = match command {
        AccountCommand::Create {
            book,
            code,
            name,
            category,
            iban,
            currency,
            output,
        } => {
            let book_currency = context.store.begin_read().await?.book(book).await?.currency;
            let currency = currency
                .as_deref()
                .map(Currency::parse)
                .transpose()?
                .unwrap_or(book_currency);
            let iban = iban.as_deref().map(Iban::parse).transpose()?;
            let account = NewAccount::new(&code, &name, ReportCategory::parse(&category)?, currency, iban)?;
            (
                vec![use_case::add_account(&context.store, book, &account).await?],
                output.json,
            )
        }
        AccountCommand::List { book, output } => {
            let mut tx = context.store.begin_read().await?;
            tx.book(book).await?;
            (tx.accounts(book).await?, output.json)
        }
        AccountCommand::Close { book, code, output } => (
            vec![use_case::close_account(&context.store, book, &code).await?],
            output.json,
        ),
        AccountCommand::Show { book, code, output } => {
            let account = context.store.begin_read().await?.account_by_code(book, &code).await?;
            (vec![account], output.json)
        }
    };
    if as_json {
        json(&accounts)?;
    } else {
        print_accounts(&accounts);
    }
    Ok(ExitCode::SUCCESS)
}
