//! Courts, as the instance's administrator records them.

use chrono::{DateTime, Utc};

use super::{StoreError, StoreResult, Tx, on_backend};
use crate::domain::court::{Court, NewCourt};
use crate::domain::ids::CourtId;
use crate::domain::mandate::Jurisdiction;

#[derive(sqlx::FromRow)]
struct CourtRow {
    id: i64,
    name: String,
    jurisdiction: String,
    address: Option<String>,
}

const COURT_COLUMNS: &str = "id, name, jurisdiction, address";

impl TryFrom<CourtRow> for Court {
    type Error = StoreError;
    fn try_from(row: CourtRow) -> StoreResult<Court> {
        let jurisdiction = Jurisdiction::parse(&row.jurisdiction).map_err(|error| StoreError::Corrupt {
            what: "court",
            id: row.id.to_string(),
            detail: error.to_string(),
        })?;
        Ok(Court {
            id: CourtId::new(row.id),
            name: row.name,
            jurisdiction,
            address: row.address,
        })
    }
}

impl Tx {
    pub async fn insert_court(&mut self, court: &NewCourt, now: DateTime<Utc>) -> StoreResult<Court> {
        let result = on_backend!(self, connection => {
            sqlx::query_as::<_, CourtRow>(sqlx::AssertSqlSafe(format!(
                "INSERT INTO courts (name, jurisdiction, address, created_at) VALUES ($1, $2, $3, $4) \
                 RETURNING {COURT_COLUMNS}"
            )))
            .bind(&court.name)
            .bind(court.jurisdiction.code())
            .bind(court.address.as_deref())
            .bind(now)
            .fetch_one(connection)
            .await
        });
        match result.map_err(StoreError::from) {
            Err(StoreError::Duplicate { .. }) => Err(StoreError::Duplicate {
                what: "a court",
                detail: format!("a court named {} is recorded already", court.name),
            }),
            other => other?.try_into(),
        }
    }

    pub async fn court(&mut self, id: CourtId) -> StoreResult<Court> {
        let row: Option<CourtRow> = on_backend!(self, connection => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT {COURT_COLUMNS} FROM courts WHERE id = $1")))
                .bind(id.get())
                .fetch_optional(connection)
                .await?
        });
        row.ok_or_else(|| StoreError::missing(id))?.try_into()
    }

    /// Every court, by name.
    pub async fn courts(&mut self) -> StoreResult<Vec<Court>> {
        let rows: Vec<CourtRow> = on_backend!(self, connection => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT {COURT_COLUMNS} FROM courts ORDER BY name, id")))
                .fetch_all(connection)
                .await?
        });
        rows.into_iter().map(Court::try_from).collect()
    }
}
