//! Courts: the records that mandates and court staff point at (DESIGN §1). A court is kept by the
//! instance's administrator, above the offices: a court hears the measures of several offices, and
//! no office may say who works for it. Court staff see the books whose mandate names their court
//! record, compared by id, never by text.

use serde::Serialize;

use super::ids::CourtId;
use super::mandate::{COURT_TEXT_LENGTH_MAX, Jurisdiction};
use super::party::{PartyError, optional_text, required_text};

/// The longest postal address of a court, in characters.
pub const COURT_ADDRESS_LENGTH_MAX: usize = 500;

/// A court as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Court {
    pub id: CourtId,
    /// As the court is written on judgments: "Tribunal d'arrondissement de Luxembourg".
    pub name: String,
    /// Whose layout its periodic accounts follow by default.
    pub jurisdiction: Jurisdiction,
    pub address: Option<String>,
}

/// A court about to be recorded, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCourt {
    pub name: String,
    pub jurisdiction: Jurisdiction,
    pub address: Option<String>,
}

impl NewCourt {
    pub fn new(name: &str, jurisdiction: Jurisdiction, address: Option<&str>) -> Result<NewCourt, PartyError> {
        Ok(NewCourt {
            name: required_text(name, "court's name", COURT_TEXT_LENGTH_MAX)?,
            jurisdiction,
            address: optional_text(address, "court's address", COURT_ADDRESS_LENGTH_MAX)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_court_needs_a_name_and_keeps_it_trimmed() {
        let court = NewCourt::new("  Amtsgericht Trier ", Jurisdiction::De, Some(" ")).unwrap();
        assert_eq!((court.name.as_str(), court.address), ("Amtsgericht Trier", None));
        assert_eq!(
            NewCourt::new(" ", Jurisdiction::Lu, None),
            Err(PartyError::Empty { field: "court's name" })
        );
        let long = "x".repeat(COURT_ADDRESS_LENGTH_MAX + 1);
        assert!(NewCourt::new("TJ Metz", Jurisdiction::Fr, Some(&long)).is_err());
    }
}
