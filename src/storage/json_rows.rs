//! Many rows read as one value on SQLite: a JSON array the database builds, decoded by serde.
//!
//! sqlx's SQLite driver hands each result row from the database's thread to the caller on its
//! own and copies each value into an allocation of its own, about 0.4 µs a value. A page that
//! lists many rows of many columns pays that on every request: the dashboard's cases read
//! faster as one JSON array than as rows. PostgreSQL is the other way round: its rows travel
//! cheaply, and building the JSON cost its server more than it saved (both measured with the web
//! benchmark: benches/RESULTS.md). So a query written with [`Tx::select_rows`] reads a JSON array
//! on SQLite and plain rows on PostgreSQL; the expressions, the source and the order are shared,
//! and the row type decodes from both (`serde::Deserialize` and `sqlx::FromRow`, field names as
//! the keys and column names).
//!
//! What the array holds must decode as the rows would: numbers, text, and dates (`YYYY-MM-DD`).
//! A boolean is 0/1 in SQLite's JSON, so it does not go in as such.

use serde::de::DeserializeOwned;

use super::{StoreError, StoreResult, Tx, TxInner};

impl Tx {
    /// `SELECT` of `fields` (a name and the SQL expression of its value) from `source` (`FROM …
    /// WHERE …`) in `order`: on SQLite one value, the JSON array of the rows as objects (`[]` when
    /// there is none), for [`from_json_array`]; on PostgreSQL the rows, the fields as columns.
    /// The names are written by this crate, never taken from input.
    pub(super) fn select_rows(&self, fields: &[(&str, &str)], source: &str, order: &str) -> String {
        let listed = |each: fn(&str, &str) -> String| {
            let listed: Vec<String> = fields.iter().map(|(name, expression)| each(name, expression)).collect();
            listed.join(", ")
        };
        match self.inner {
            TxInner::Sqlite(_) => {
                let pairs = listed(|name, expression| format!("'{name}', {expression}"));
                format!("SELECT json_group_array(json_object({pairs}) ORDER BY {order}) {source}")
            }
            TxInner::Postgres(_) => {
                let columns = listed(|name, expression| format!("{expression} AS {name}"));
                format!("SELECT {columns} {source} ORDER BY {order}")
            }
        }
    }
}

/// The rows of an array read with [`Tx::select_rows`] on SQLite; `what` names them in the error.
pub(super) fn from_json_array<Row: DeserializeOwned>(text: &str, what: &'static str) -> StoreResult<Vec<Row>> {
    serde_json::from_str(text).map_err(|error| StoreError::Unreadable {
        what,
        detail: error.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize, PartialEq)]
    struct Row {
        id: i64,
        on: Option<chrono::NaiveDate>,
    }

    #[test]
    fn rows_decode_and_a_value_of_the_wrong_kind_is_named_as_unreadable() {
        let rows: Vec<Row> =
            from_json_array(r#"[{"id":1,"on":"2026-11-24"},{"id":2,"on":null}]"#, "test rows").unwrap();
        assert_eq!(rows[0].on, chrono::NaiveDate::from_ymd_opt(2026, 11, 24));
        assert_eq!(rows[1], Row { id: 2, on: None });
        assert!(from_json_array::<Row>("[]", "test rows").unwrap().is_empty());
        let error = from_json_array::<Row>(r#"[{"id":"one","on":null}]"#, "test rows").unwrap_err();
        assert!(
            matches!(error, StoreError::Unreadable { what: "test rows", .. }),
            "{error}"
        );
        assert!(
            error.to_string().starts_with("stored test rows could not be read"),
            "{error}"
        );
    }
}
