//! Where a payment run and each of its orders stand. Kept as text in the database and in the
//! API's JSON (`prepared`, `exported`…), as these enums everywhere in between, and shown to
//! people in words (the `web-run-state-*` and `web-order-state-*` labels).

use serde::Serialize;
use thiserror::Error;

/// A run: prepared, it waits for a second person (four eyes); approved, its files are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RunState {
    Prepared,
    Approved,
}

/// An order: planned in a run, exported in a payment file, then seen on a statement as
/// executed, or returned by the bank.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OrderState {
    Planned,
    Exported,
    Executed,
    Returned,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("'{0}' is not a state gestio keeps")]
pub struct UnknownState(pub String);

impl RunState {
    pub fn code(self) -> &'static str {
        match self {
            RunState::Prepared => "prepared",
            RunState::Approved => "approved",
        }
    }
}

impl TryFrom<String> for RunState {
    type Error = UnknownState;
    fn try_from(text: String) -> Result<RunState, UnknownState> {
        match text.as_str() {
            "prepared" => Ok(RunState::Prepared),
            "approved" => Ok(RunState::Approved),
            _ => Err(UnknownState(text)),
        }
    }
}

impl OrderState {
    pub fn code(self) -> &'static str {
        match self {
            OrderState::Planned => "planned",
            OrderState::Exported => "exported",
            OrderState::Executed => "executed",
            OrderState::Returned => "returned",
        }
    }

    /// Money still to leave the account: planned or on its way to the bank.
    pub fn is_outstanding(self) -> bool {
        matches!(self, OrderState::Planned | OrderState::Exported)
    }
}

impl TryFrom<String> for OrderState {
    type Error = UnknownState;
    fn try_from(text: String) -> Result<OrderState, UnknownState> {
        match text.as_str() {
            "planned" => Ok(OrderState::Planned),
            "exported" => Ok(OrderState::Exported),
            "executed" => Ok(OrderState::Executed),
            "returned" => Ok(OrderState::Returned),
            _ => Err(UnknownState(text)),
        }
    }
}

impl std::fmt::Display for RunState {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(self.code())
    }
}

impl std::fmt::Display for OrderState {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_reads_back_from_its_code() {
        for state in [RunState::Prepared, RunState::Approved] {
            assert_eq!(RunState::try_from(state.code().to_owned()), Ok(state));
        }
        for state in [
            OrderState::Planned,
            OrderState::Exported,
            OrderState::Executed,
            OrderState::Returned,
        ] {
            assert_eq!(OrderState::try_from(state.code().to_owned()), Ok(state));
        }
        assert!(RunState::try_from("cancelled".to_owned()).is_err());
    }
}
