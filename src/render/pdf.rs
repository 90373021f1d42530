//! The document as PDF, typeset by typst (as a library: no external program, no network). The
//! same `Document` the HTML shows is handed to `templates/reports/document.typ` as JSON; fonts
//! are the ones typst ships (Libertinus Serif), embedded in every file.

use std::sync::LazyLock;

use thiserror::Error;
use typst::foundations::{Dict, IntoValue};
use typst_as_lib::TypstEngine;
use typst_as_lib::TypstTemplateMainFile;
use typst_layout::PagedDocument;

use super::document::Document;

const TEMPLATE: &str = include_str!("../../templates/reports/document.typ");

#[derive(Debug, Error)]
pub enum PdfError {
    #[error("the document could not be passed to the typesetter: {0}")]
    Data(serde_json::Error),
    #[error("typesetting the document failed: {0}")]
    Typeset(String),
}

/// How many compiles' memoised results stay cached.
const COMPILES_KEPT_IN_CACHE: usize = 4;

/// Built once: reading the fonts is the costly part, and a compile only borrows the engine.
static ENGINE: LazyLock<TypstEngine<TypstTemplateMainFile>> = LazyLock::new(|| {
    TypstEngine::builder()
        .main_file(TEMPLATE)
        .fonts(typst_assets::fonts())
        .build()
});

/// The document as an A4 PDF with page numbers ("page X of Y") and table headers repeated on
/// every page.
pub fn pdf(document: &Document) -> Result<Vec<u8>, PdfError> {
    let data = serde_json::to_string(document).map_err(PdfError::Data)?;
    let mut inputs = Dict::new();
    inputs.insert("data".into(), data.into_value());
    let typeset: PagedDocument = ENGINE
        .compile_with_input(inputs)
        .output
        .map_err(|error| PdfError::Typeset(error.to_string()))?;
    let pdf = typst_pdf::pdf(&typeset, &typst_pdf::PdfOptions::default())
        .map_err(|diagnostics| PdfError::Typeset(format!("{diagnostics:?}")));
    // typst memoises layout results across compiles, and every document has its own data: keep
    // only what the last few documents used, as typst's own command line does, so a server that
    // typesets all day stays flat (a season of 300 accounts peaks at 274 MB).
    comemo::evict(COMPILES_KEPT_IN_CACHE);
    pdf
}
