//! Offices, beneficiaries and mandates.

use chrono::{DateTime, Utc};

use super::rows::{BeneficiaryRow, MandateRow, OfficeRow};
use super::{StoreError, StoreResult, Tx, on_backend};
use crate::domain::ids::{BeneficiaryId, MandateId, OfficeId};
use crate::domain::mandate::{Mandate, NewMandate};
use crate::domain::party::{Beneficiary, NewBeneficiary, NewOffice, Office};

fn not_found(what: &'static str, id: i64) -> StoreError {
    StoreError::NotFound {
        what,
        id: id.to_string(),
    }
}

impl Tx {
    pub async fn insert_office(&mut self, office: &NewOffice, now: DateTime<Utc>) -> StoreResult<Office> {
        on_backend!(self, connection => {
            let row: OfficeRow = sqlx::query_as(
                "INSERT INTO offices (name, country, created_at) VALUES ($1, $2, $3) RETURNING id, name, country",
            )
            .bind(&office.name)
            .bind(&office.country)
            .bind(now)
            .fetch_one(connection)
            .await?;
            Ok(row.into())
        })
    }

    pub async fn office(&mut self, id: OfficeId) -> StoreResult<Office> {
        on_backend!(self, connection => {
            let row: Option<OfficeRow> = sqlx::query_as("SELECT id, name, country FROM offices WHERE id = $1")
                .bind(id.get())
                .fetch_optional(connection)
                .await?;
            row.map(Office::from).ok_or_else(|| not_found("office", id.get()))
        })
    }

    pub async fn offices(&mut self) -> StoreResult<Vec<Office>> {
        on_backend!(self, connection => {
            let rows: Vec<OfficeRow> = sqlx::query_as("SELECT id, name, country FROM offices ORDER BY id")
                .fetch_all(connection)
                .await?;
            Ok(rows.into_iter().map(Office::from).collect())
        })
    }

    pub async fn insert_beneficiary(
        &mut self,
        person: &NewBeneficiary,
        now: DateTime<Utc>,
    ) -> StoreResult<Beneficiary> {
        self.office(person.office_id).await?;
        on_backend!(self, connection => {
            let row: BeneficiaryRow = sqlx::query_as(
                "INSERT INTO beneficiaries (office_id, name, language, birth_date, contact, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, office_id, name, language, birth_date, contact",
            )
            .bind(person.office_id.get())
            .bind(&person.name)
            .bind(person.language.code())
            .bind(person.birth_date)
            .bind(&person.contact)
            .bind(now)
            .fetch_one(connection)
            .await?;
            row.try_into()
        })
    }

    pub async fn beneficiary(&mut self, id: BeneficiaryId) -> StoreResult<Beneficiary> {
        on_backend!(self, connection => {
            let row: Option<BeneficiaryRow> = sqlx::query_as(
                "SELECT id, office_id, name, language, birth_date, contact FROM beneficiaries WHERE id = $1",
            )
            .bind(id.get())
            .fetch_optional(connection)
            .await?;
            row.ok_or_else(|| not_found("beneficiary", id.get()))?.try_into()
        })
    }

    /// Beneficiaries of one office, or of all offices, by id.
    pub async fn beneficiaries(&mut self, office: Option<OfficeId>) -> StoreResult<Vec<Beneficiary>> {
        self.beneficiaries_among(office, None).await
    }

    /// The people of `office` (or all), only those of `only` when given.
    pub async fn beneficiaries_among(
        &mut self,
        office: Option<OfficeId>,
        only: Option<&[i64]>,
    ) -> StoreResult<Vec<Beneficiary>> {
        let among = self.among("id", 2, only);
        on_backend!(self, connection => {
            let rows: Vec<BeneficiaryRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT id, office_id, name, language, birth_date, contact FROM beneficiaries \
                 WHERE ($1 IS NULL OR office_id = $1){among} ORDER BY id",
            )))
            .bind(office.map(OfficeId::get))
            .bind(super::id_list(only))
            .fetch_all(connection)
            .await?;
            rows.into_iter().map(Beneficiary::try_from).collect()
        })
    }

    pub async fn insert_mandate(&mut self, mandate: &NewMandate, now: DateTime<Utc>) -> StoreResult<Mandate> {
        self.beneficiary(mandate.beneficiary_id).await?;
        let court = mandate.court.as_ref();
        if let Some(case) = court {
            self.court(case.court).await?;
        }
        let id: i64 = on_backend!(self, connection => {
            sqlx::query_scalar(
                "INSERT INTO mandates (beneficiary_id, kind, court_id, case_number, judge, start_date, end_date, \
                     period_rule, receipt_threshold_minor, receipt_threshold_currency, jurisdiction, agreement, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
            )
            .bind(mandate.beneficiary_id.get())
            .bind(mandate.kind.code())
            .bind(court.map(|case| case.court.get()))
            .bind(court.map(|case| case.case_number.as_str()))
            .bind(court.and_then(|case| case.judge.as_deref()))
            .bind(mandate.start)
            .bind(mandate.end)
            .bind(mandate.period_rule.code())
            .bind(mandate.receipt_threshold.map(|money| money.minor()))
            .bind(mandate.receipt_threshold.map(|money| money.currency().code()))
            .bind(mandate.jurisdiction.code())
            .bind(&mandate.agreement)
            .bind(now)
            .fetch_one(connection)
            .await?
        });
        self.mandate(MandateId::new(id)).await
    }

    pub async fn mandate(&mut self, id: MandateId) -> StoreResult<Mandate> {
        self.mandates_where(None, Some(id))
            .await?
            .pop()
            .ok_or_else(|| not_found("mandate", id.get()))
    }

    /// Sets when the court wants this measure's account, in months after the period's end
    /// (`None`: the jurisdiction's rule).
    pub async fn set_account_due_months(&mut self, id: MandateId, months: Option<u32>) -> StoreResult<Mandate> {
        let updated = on_backend!(self, connection => {
            sqlx::query("UPDATE mandates SET account_due_months = $2 WHERE id = $1")
                .bind(id.get())
                .bind(months.map(i64::from))
                .execute(connection)
                .await?
                .rows_affected()
        });
        if updated == 0 {
            return Err(not_found("mandate", id.get()));
        }
        self.mandate(id).await
    }

    /// Mandates of one beneficiary, or of everyone, oldest first.
    pub async fn mandates(&mut self, beneficiary: Option<BeneficiaryId>) -> StoreResult<Vec<Mandate>> {
        self.mandates_where(beneficiary, None).await
    }

    async fn mandates_where(
        &mut self,
        beneficiary: Option<BeneficiaryId>,
        id: Option<MandateId>,
    ) -> StoreResult<Vec<Mandate>> {
        on_backend!(self, connection => {
            let rows: Vec<MandateRow> = sqlx::query_as(
                "SELECT m.id, m.beneficiary_id, m.kind, m.court_id, c.name AS court_name, m.case_number, m.judge, \
                     m.start_date, m.end_date, m.period_rule, m.receipt_threshold_minor, m.receipt_threshold_currency, \
                     m.jurisdiction, m.agreement, m.account_due_months \
                 FROM mandates m LEFT JOIN courts c ON c.id = m.court_id \
                 WHERE ($1 IS NULL OR m.beneficiary_id = $1) AND ($2 IS NULL OR m.id = $2) \
                 ORDER BY m.start_date, m.id",
            )
            .bind(beneficiary.map(BeneficiaryId::get))
            .bind(id.map(MandateId::get))
            .fetch_all(connection)
            .await?;
            rows.into_iter().map(Mandate::try_from).collect()
        })
    }
}
