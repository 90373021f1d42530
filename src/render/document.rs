//! A document for people — a court account, a beneficiary statement — as labelled, formatted
//! text in sections and tables. Each layout builds one; the HTML and PDF renderers only lay it
//! out, so both show the same words and numbers.

use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// BCP 47 language of the text.
    pub lang: &'static str,
    pub title: String,
    pub subtitle: Option<String>,
    /// The header: who, which court, which period.
    pub fields: Vec<Field>,
    pub sections: Vec<Section>,
    pub signature: Option<Signature>,
    /// "Page" and "of" for the page footer of a printed copy.
    pub page_label: String,
    pub page_of_label: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Field {
    pub label: String,
    pub value: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub heading: String,
    pub notes: Vec<Note>,
    pub tables: Vec<Table>,
    pub chart: Option<Chart>,
}

impl Section {
    pub fn new(heading: impl Into<String>) -> Self {
        Self {
            heading: heading.into(),
            notes: Vec::new(),
            tables: Vec::new(),
            chart: None,
        }
    }

    pub fn table(mut self, table: Table) -> Self {
        self.tables.push(table);
        self
    }

    pub fn note(mut self, text: impl Into<String>, warning: bool) -> Self {
        self.notes.push(Note {
            text: text.into(),
            warning,
        });
        self
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Note {
    pub text: String,
    /// Something the reader must look at: a difference, a missing receipt.
    pub warning: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

impl Table {
    /// Columns from (label, numeric) pairs.
    pub fn new(columns: &[(String, bool)]) -> Self {
        Self {
            columns: columns
                .iter()
                .map(|(label, numeric)| Column {
                    label: label.clone(),
                    numeric: *numeric,
                })
                .collect(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>) -> &mut Row {
        self.rows.push(Row {
            cells,
            total: false,
            indent: false,
            warning: false,
        });
        self.rows.last_mut().expect("BUG: just pushed")
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Column {
    pub label: String,
    /// Right-aligned, tabular figures.
    pub numeric: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub cells: Vec<String>,
    /// A total or subtotal line, set in bold.
    pub total: bool,
    /// A detail line under the line above.
    pub indent: bool,
    pub warning: bool,
}

impl Row {
    pub fn total(&mut self) -> &mut Self {
        self.total = true;
        self
    }

    pub fn indent(&mut self) -> &mut Self {
        self.indent = true;
        self
    }

    pub fn warning(&mut self, warning: bool) -> &mut Self {
        self.warning = warning;
        self
    }
}

/// A bar chart of amounts by label; the same figures are in the section's table.
#[derive(Debug, Clone, Serialize)]
pub struct Chart {
    pub title: String,
    pub description: String,
    /// (label, formatted amount, share of the largest bar in 0..=1000).
    pub bars: Vec<(String, String, u32)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Signature {
    pub certify: String,
    pub place_date: String,
    pub signer_role: String,
    pub signer: Option<String>,
}
