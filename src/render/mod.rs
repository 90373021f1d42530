//! Documents for people: the court account per jurisdiction and language, laid out once as a
//! `Document` and rendered as printable HTML (askama, CSS `@page`).

pub mod account;
mod account_extras;
mod account_lists;
pub mod account_xlsx;
pub mod chart;
pub mod document;
pub mod locale;
pub mod pdf;
mod pdf_layout;
pub mod statement;

use askama::Template;

use document::{Chart, Document};

#[derive(Template)]
#[template(path = "reports/document.html")]
struct DocumentPage<'a> {
    document: &'a Document,
}

impl DocumentPage<'_> {
    /// The chart of the `section`-th section (its ids must be unique in the page).
    fn chart_svg(&self, chart: &Chart, section: &usize) -> String {
        chart::svg(chart, &format!("chart-{section}"))
    }
}

/// The document as one self-contained, printable HTML page.
pub fn html(document: &Document) -> Result<String, askama::Error> {
    DocumentPage { document }.render()
}
