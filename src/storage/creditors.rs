//! Creditors and payment schedules.

use chrono::{DateTime, NaiveDate, Utc, Weekday};

use super::{StoreError, StoreResult, Tx, on_backend};
use crate::domain::account::ReportCategory;
use crate::domain::creditor::{Bic, Creditor, NewCreditor, PaymentTarget, PostalAddress, Remittance};
use crate::domain::iban::Iban;
use crate::domain::ids::{AccountId, BookId, CreditorId, OfficeId, ScheduleId};
use crate::domain::money::{Currency, Money};
use crate::domain::schedule::{DayOfMonth, Ending, Frequency, NewSchedule, Priority, Schedule};

fn corrupt(what: &'static str, id: i64, detail: impl ToString) -> StoreError {
    StoreError::Corrupt {
        what,
        id: id.to_string(),
        detail: detail.to_string(),
    }
}

const CREDITOR_COLUMNS: &str = "id, office_id, book_id, name, iban, bic, street, building, postcode, town, country, \
     target_category, target_code, remittance";

#[derive(sqlx::FromRow)]
struct CreditorRow {
    id: i64,
    office_id: i64,
    book_id: Option<i64>,
    name: String,
    iban: String,
    bic: Option<String>,
    street: Option<String>,
    building: Option<String>,
    postcode: Option<String>,
    town: String,
    country: String,
    target_category: Option<String>,
    target_code: Option<String>,
    remittance: Option<String>,
}

fn target(category: Option<&str>, code: Option<String>) -> Result<Option<PaymentTarget>, String> {
    match (category, code) {
        (Some(category), _) => ReportCategory::parse(category)
            .map(|category| Some(PaymentTarget::Category(category)))
            .map_err(|error| error.to_string()),
        (None, Some(code)) => Ok(Some(PaymentTarget::Account(code))),
        (None, None) => Ok(None),
    }
}

fn target_columns(target: Option<&PaymentTarget>) -> (Option<&'static str>, Option<&str>) {
    match target {
        Some(PaymentTarget::Category(category)) => (Some(category.code()), None),
        Some(PaymentTarget::Account(code)) => (None, Some(code.as_str())),
        None => (None, None),
    }
}

impl TryFrom<CreditorRow> for Creditor {
    type Error = StoreError;
    fn try_from(row: CreditorRow) -> Result<Creditor, StoreError> {
        let bad = |detail: String| corrupt("creditor", row.id, detail);
        let address = PostalAddress::new(
            row.street.as_deref(),
            row.building.as_deref(),
            row.postcode.as_deref(),
            &row.town,
            &row.country,
        )
        .map_err(|error| bad(error.to_string()))?;
        Ok(Creditor {
            id: CreditorId::new(row.id),
            office_id: OfficeId::new(row.office_id),
            book_id: row.book_id.map(BookId::new),
            iban: Iban::parse(&row.iban).map_err(|error| bad(error.to_string()))?,
            bic: row
                .bic
                .as_deref()
                .map(Bic::parse)
                .transpose()
                .map_err(|error| bad(error.to_string()))?,
            address,
            default_target: target(row.target_category.as_deref(), row.target_code).map_err(bad)?,
            default_remittance: row
                .remittance
                .as_deref()
                .map(Remittance::parse)
                .transpose()
                .map_err(|error| corrupt("creditor", row.id, error))?,
            name: row.name,
        })
    }
}

impl Tx {
    pub async fn insert_creditor(&mut self, creditor: &NewCreditor, now: DateTime<Utc>) -> StoreResult<Creditor> {
        let (category, code) = target_columns(creditor.default_target.as_ref());
        let address = &creditor.address;
        let row: CreditorRow = on_backend!(self, connection => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "INSERT INTO creditors (office_id, book_id, name, iban, bic, street, building, postcode, town, country, \
                 target_category, target_code, remittance, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING {CREDITOR_COLUMNS}"
            )))
            .bind(creditor.office_id.get())
            .bind(creditor.book_id.map(BookId::get))
            .bind(&creditor.name)
            .bind(creditor.iban.electronic())
            .bind(creditor.bic.as_ref().map(Bic::as_str))
            .bind(address.street.as_deref())
            .bind(address.building.as_deref())
            .bind(address.postcode.as_deref())
            .bind(&address.town)
            .bind(&address.country)
            .bind(category)
            .bind(code)
            .bind(creditor.default_remittance.as_ref().map(Remittance::text))
            .bind(now)
            .fetch_one(connection)
            .await?
        });
        row.try_into()
    }

    pub async fn creditor(&mut self, id: CreditorId) -> StoreResult<Creditor> {
        let row: Option<CreditorRow> = on_backend!(self, connection => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT {CREDITOR_COLUMNS} FROM creditors WHERE id = $1")))
                .bind(id.get())
                .fetch_optional(connection)
                .await?
        });
        row.ok_or_else(|| StoreError::missing(id))?.try_into()
    }

    /// The office's shared creditors and, with `book`, that book's own ones.
    pub async fn creditors(&mut self, office: OfficeId, book: Option<BookId>) -> StoreResult<Vec<Creditor>> {
        let rows: Vec<CreditorRow> = on_backend!(self, connection => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {CREDITOR_COLUMNS} FROM creditors WHERE office_id = $1 AND (book_id IS NULL OR book_id = $2) \
                 ORDER BY name, id"
            )))
            .bind(office.get())
            .bind(book.map(BookId::get))
            .fetch_all(connection)
            .await?
        });
        rows.into_iter().map(Creditor::try_from).collect()
    }
}

const SCHEDULE_COLUMNS: &str = "id, book_id, creditor_id, debtor_account_id, amount_minor, currency, target_category, \
     target_code, frequency, frequency_day, start_date, ending, end_date, instalments, remittance, priority, \
     needs_authorisation, authorisation_ref, active";

#[derive(sqlx::FromRow)]
struct ScheduleRow {
    id: i64,
    book_id: i64,
    creditor_id: i64,
    debtor_account_id: Option<i64>,
    amount_minor: i64,
    currency: String,
    target_category: Option<String>,
    target_code: Option<String>,
    frequency: String,
    frequency_day: i64,
    start_date: NaiveDate,
    ending: String,
    end_date: Option<NaiveDate>,
    instalments: Option<i64>,
    remittance: Option<String>,
    priority: i64,
    needs_authorisation: bool,
    authorisation_ref: Option<String>,
    active: bool,
}

/// The frequency as stored: its name and its day (weekday 1–7, or day of month, 0 = last).
fn frequency_columns(frequency: Frequency) -> (&'static str, i64) {
    let day = |day: DayOfMonth| match day {
        DayOfMonth::Last => 0,
        DayOfMonth::Day(number) => i64::from(number),
    };
    match frequency {
        Frequency::Once => ("once", 0),
        Frequency::Weekly { weekday } => ("weekly", i64::from(weekday.number_from_monday())),
        Frequency::Monthly { day: of } => ("monthly", day(of)),
        Frequency::Quarterly { day: of } => ("quarterly", day(of)),
        Frequency::Yearly { day: of } => ("yearly", day(of)),
    }
}

fn frequency_of(name: &str, day: i64) -> Option<Frequency> {
    let of_month = match u32::try_from(day).ok()? {
        0 => DayOfMonth::Last,
        number => DayOfMonth::Day(number),
    };
    Some(match name {
        "once" => Frequency::Once,
        "weekly" => Frequency::Weekly {
            weekday: Weekday::try_from(u8::try_from(day - 1).ok()?).ok()?,
        },
        "monthly" => Frequency::Monthly { day: of_month },
        "quarterly" => Frequency::Quarterly { day: of_month },
        "yearly" => Frequency::Yearly { day: of_month },
        _ => return None,
    })
}

impl TryFrom<ScheduleRow> for Schedule {
    type Error = StoreError;
    fn try_from(row: ScheduleRow) -> Result<Schedule, StoreError> {
        let bad = |detail: String| corrupt("payment schedule", row.id, detail);
        let currency = Currency::parse(&row.currency).map_err(|error| bad(error.to_string()))?;
        let ending = match (row.ending.as_str(), row.end_date, row.instalments) {
            ("never", _, _) => Ending::Never,
            ("on", Some(date), _) => Ending::On { date },
            ("after", _, Some(count)) => Ending::After {
                instalments: u32::try_from(count).map_err(|error| bad(error.to_string()))?,
            },
            ("repaid", _, _) => Ending::Repaid,
            (other, _, _) => return Err(bad(format!("ending '{other}' without its date or count"))),
        };
        let details = NewSchedule {
            book_id: BookId::new(row.book_id),
            creditor_id: CreditorId::new(row.creditor_id),
            debtor_account: row.debtor_account_id.map(AccountId::new),
            amount: Money::from_minor(row.amount_minor, currency),
            target: target(row.target_category.as_deref(), row.target_code)
                .map_err(bad)?
                .ok_or_else(|| bad("no target".to_owned()))?,
            frequency: frequency_of(&row.frequency, row.frequency_day)
                .ok_or_else(|| bad(format!("frequency '{}' day {}", row.frequency, row.frequency_day)))?,
            start: row.start_date,
            ending,
            remittance: row
                .remittance
                .as_deref()
                .map(Remittance::parse)
                .transpose()
                .map_err(|error| bad(error.to_string()))?,
            priority: u8::try_from(row.priority)
                .ok()
                .and_then(|class| Priority::new(class).ok())
                .ok_or_else(|| bad(format!("priority {}", row.priority)))?,
            needs_authorisation: row.needs_authorisation,
            authorisation_ref: row.authorisation_ref,
        }
        .check()
        .map_err(|error| bad(error.to_string()))?;
        Ok(Schedule {
            id: ScheduleId::new(row.id),
            details,
            active: row.active,
        })
    }
}

impl Tx {
    pub async fn insert_schedule(&mut self, schedule: &NewSchedule, now: DateTime<Utc>) -> StoreResult<Schedule> {
        let (category, code) = target_columns(Some(&schedule.target));
        let (frequency, day) = frequency_columns(schedule.frequency);
        let (ending, end_date, instalments) = match schedule.ending {
            Ending::Never => ("never", None, None),
            Ending::On { date } => ("on", Some(date), None),
            Ending::After { instalments } => ("after", None, Some(i64::from(instalments))),
            Ending::Repaid => ("repaid", None, None),
        };
        let row: ScheduleRow = on_backend!(self, connection => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "INSERT INTO payment_schedules (book_id, creditor_id, debtor_account_id, amount_minor, currency, \
                 target_category, target_code, frequency, frequency_day, start_date, ending, end_date, instalments, \
                 remittance, priority, needs_authorisation, authorisation_ref, active, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, TRUE, $18) \
                 RETURNING {SCHEDULE_COLUMNS}"
            )))
            .bind(schedule.book_id.get())
            .bind(schedule.creditor_id.get())
            .bind(schedule.debtor_account.map(AccountId::get))
            .bind(schedule.amount.minor())
            .bind(schedule.amount.currency().code())
            .bind(category)
            .bind(code)
            .bind(frequency)
            .bind(day)
            .bind(schedule.start)
            .bind(ending)
            .bind(end_date)
            .bind(instalments)
            .bind(schedule.remittance.as_ref().map(Remittance::text))
            .bind(i64::from(schedule.priority.get()))
            .bind(schedule.needs_authorisation)
            .bind(schedule.authorisation_ref.as_deref())
            .bind(now)
            .fetch_one(connection)
            .await?
        });
        row.try_into()
    }

    /// The schedules of `book`, active ones only when asked.
    pub async fn schedules(&mut self, book: BookId, active_only: bool) -> StoreResult<Vec<Schedule>> {
        let rows: Vec<ScheduleRow> = on_backend!(self, connection => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {SCHEDULE_COLUMNS} FROM payment_schedules WHERE book_id = $1 AND (active OR NOT $2) ORDER BY id"
            )))
            .bind(book.get())
            .bind(active_only)
            .fetch_all(connection)
            .await?
        });
        rows.into_iter().map(Schedule::try_from).collect()
    }

    /// Records the judge's authorisation of a schedule's payments; `false` when no such schedule.
    /// The book a schedule pays from.
    pub async fn schedule_book(&mut self, schedule: ScheduleId) -> StoreResult<BookId> {
        let row: Option<(i64,)> = on_backend!(self, connection => {
            sqlx::query_as("SELECT book_id FROM payment_schedules WHERE id = $1")
                .bind(schedule.get())
                .fetch_optional(connection)
                .await?
        });
        row.map(|(book,)| BookId::new(book))
            .ok_or_else(|| StoreError::missing(schedule))
    }

    pub async fn authorise_schedule(&mut self, schedule: ScheduleId, reference: &str) -> StoreResult<bool> {
        let updated = on_backend!(self, connection => {
            sqlx::query("UPDATE payment_schedules SET authorisation_ref = $1 WHERE id = $2")
                .bind(reference)
                .bind(schedule.get())
                .execute(connection)
                .await?
                .rows_affected()
        });
        Ok(updated == 1)
    }

    /// Stops a schedule: it yields nothing more (a repaid debt plan, or stopped by hand).
    /// Starts or stops schedule `schedule` of `book`; false when the book has no such schedule.
    pub async fn set_schedule_active(&mut self, book: BookId, schedule: ScheduleId, active: bool) -> StoreResult<bool> {
        on_backend!(self, connection => {
            let done = sqlx::query("UPDATE payment_schedules SET active = $1 WHERE id = $2 AND book_id = $3")
                .bind(active)
                .bind(schedule.get())
                .bind(book.get())
                .execute(connection)
                .await?;
            Ok(done.rows_affected() == 1)
        })
    }

    pub async fn stop_schedule(&mut self, schedule: ScheduleId) -> StoreResult<()> {
        on_backend!(self, connection => {
            sqlx::query("UPDATE payment_schedules SET active = FALSE WHERE id = $1")
                .bind(schedule.get())
                .execute(connection)
                .await?;
        });
        Ok(())
    }
}
