//! Many rows read as one value: a JSON array the database builds, decoded by serde.
//!
//! sqlx's SQLite driver hands each result row from the database's thread to the caller on its
//! own and copies each value into an allocation of its own, about 0.4 µs a value. A page that
//! lists many rows of many columns pays that on every request: the dashboard's 60 cases of 27
//! columns took 800 µs read as rows, and 340 µs read as one JSON array (timed in the process, on
//! the web benchmark's database). PostgreSQL builds the same array with `json_agg`, so only the
//! aggregate's spelling differs between the backends; the expressions inside it are shared.
//!
//! What the array holds must decode the same from both: numbers, text, and dates (`YYYY-MM-DD` on
//! both). A boolean is 0/1 in SQLite and `true`/`false` in PostgreSQL, so it does not go in as
//! such.

use serde::de::DeserializeOwned;

use super::{StoreError, StoreResult, Tx, TxInner};

impl Tx {
    /// The aggregate that makes each row's `fields` (a JSON key and the SQL expression of its
    /// value) one object of a JSON array, ordered by `order`, read as text: `[]` when there is no
    /// row. The keys are written by this crate, never taken from input.
    pub(super) fn json_array(&self, fields: &[(&str, &str)], order: &str) -> String {
        let pairs = fields
            .iter()
            .map(|(key, expression)| format!("'{key}', {expression}"))
            .collect::<Vec<_>>()
            .join(", ");
        match self.inner {
            TxInner::Sqlite(_) => format!("json_group_array(json_object({pairs}) ORDER BY {order})"),
            TxInner::Postgres(_) => {
                format!("COALESCE(json_agg(json_build_object({pairs}) ORDER BY {order}), '[]'::json)::text")
            }
        }
    }
}

/// The rows of an array read with [`Tx::json_array`]; `what` names them in the error.
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
