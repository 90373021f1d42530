//! Courts: recorded by the instance's administrator (or from the command line, which is the
//! operator's), listed for whoever opens a court measure, and their staff added to them.

use chrono::{DateTime, Utc};

use super::ServiceResult;
use crate::domain::court::{Court, NewCourt};
use crate::domain::ids::CourtId;
use crate::storage::{Store, StoreError};

pub async fn add_court(store: &Store, court: &NewCourt, now: DateTime<Utc>) -> ServiceResult<Court> {
    let mut tx = store.begin_write().await?;
    refuse_same_name(&mut tx, &court.name).await?;
    let added = tx.insert_court(court, now).await?;
    tx.commit().await?;
    Ok(added)
}

/// A court named as `court` is, without regard to case: two records for one court would split
/// its staff from its mandates, as the free texts did.
async fn refuse_same_name(tx: &mut crate::storage::Tx, name: &str) -> ServiceResult<()> {
    let lowered = name.to_lowercase();
    if tx
        .courts()
        .await?
        .iter()
        .any(|court| court.name.to_lowercase() == lowered)
    {
        return Err(StoreError::Duplicate {
            what: "a court",
            detail: format!("a court named {name} is recorded already"),
        }
        .into());
    }
    Ok(())
}

/// The court recorded under `court`'s name (without regard to case), recorded now if there is
/// none: for the demo and for scripts that name courts rather than number them.
pub async fn court_named(store: &Store, court: &NewCourt, now: DateTime<Utc>) -> ServiceResult<Court> {
    if let Some(found) = find(store, &court.name).await? {
        return Ok(found);
    }
    add_court(store, court, now).await
}

/// Every court, by name.
pub async fn courts(store: &Store) -> ServiceResult<Vec<Court>> {
    let mut tx = store.begin_read().await?;
    let courts = tx.courts().await?;
    tx.commit().await?;
    Ok(courts)
}

pub async fn court(store: &Store, id: CourtId) -> ServiceResult<Court> {
    let mut tx = store.begin_read().await?;
    let court = tx.court(id).await?;
    tx.commit().await?;
    Ok(court)
}

/// The court `text` names: its id, or its name without regard to case.
pub async fn find(store: &Store, text: &str) -> ServiceResult<Option<Court>> {
    let text = text.trim();
    if let Ok(id) = text.parse::<CourtId>() {
        return match court(store, id).await {
            Ok(found) => Ok(Some(found)),
            Err(super::ServiceError::Store(StoreError::NotFound { .. })) => Ok(None),
            Err(error) => Err(error),
        };
    }
    let lowered = text.to_lowercase();
    Ok(courts(store)
        .await?
        .into_iter()
        .find(|court| court.name.to_lowercase() == lowered))
}
