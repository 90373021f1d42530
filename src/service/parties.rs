//! Offices, beneficiaries and mandates.

use chrono::{DateTime, Utc};

use super::ServiceResult;
use crate::domain::mandate::{Mandate, NewMandate};
use crate::domain::party::{Beneficiary, NewBeneficiary, NewOffice, Office};
use crate::storage::Store;

pub async fn create_office(store: &Store, office: &NewOffice, now: DateTime<Utc>) -> ServiceResult<Office> {
    let mut tx = store.begin_write().await?;
    let office = tx.insert_office(office, now).await?;
    tx.commit().await?;
    Ok(office)
}

pub async fn create_beneficiary(
    store: &Store,
    person: &NewBeneficiary,
    now: DateTime<Utc>,
) -> ServiceResult<Beneficiary> {
    let mut tx = store.begin_write().await?;
    let person = tx.insert_beneficiary(person, now).await?;
    tx.commit().await?;
    Ok(person)
}

pub async fn create_mandate(store: &Store, mandate: &NewMandate, now: DateTime<Utc>) -> ServiceResult<Mandate> {
    let mut tx = store.begin_write().await?;
    let mandate = tx.insert_mandate(mandate, now).await?;
    tx.commit().await?;
    Ok(mandate)
}
