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
use super::pdf_layout::long_table_layout;

const TEMPLATE: &str = include_str!("../../templates/reports/document.typ");

#[derive(Debug, Error)]
pub enum PdfError {
    #[error("the document could not be passed to the typesetter: {0}")]
    Data(serde_json::Error),
    #[error("typesetting the document failed: {0}")]
    Typeset(String),
    #[error(
        "the document has {rows} table rows, more than a PDF of it may hold ({max}): download it as CSV or XLSX, or ask for a shorter period"
    )]
    TooLarge { rows: usize, max: usize },
}

/// The most table rows a PDF is typeset with. typst holds the whole document while it lays it
/// out, about 95 KB per entry row on top of the process's own: see benches/RESULTS.md for the
/// peaks measured. 2,200 rows keep a document near 300 MB; a longer one is offered as CSV or
/// XLSX, which are written row by row, or a shorter period.
pub const PDF_TABLE_ROWS_MAX: usize = 2_200;

/// How many documents are typeset at once, whatever the number of requests: each holds its whole
/// layout in memory, and a server answering many PDF requests at once would add them all up.
const TYPESETTING_AT_ONCE: usize = 2;

static TYPESETTING: LazyLock<tokio::sync::Semaphore> =
    LazyLock::new(|| tokio::sync::Semaphore::new(TYPESETTING_AT_ONCE));

/// [`pdf`] off the async threads, at most [`TYPESETTING_AT_ONCE`] at a time; a request waits
/// its turn.
pub async fn pdf_in_turn(document: Document) -> Result<Vec<u8>, PdfError> {
    check_size(&document)?;
    let _turn = TYPESETTING
        .acquire()
        .await
        .map_err(|_| PdfError::Typeset("the typesetter was shut down".to_owned()))?;
    tokio::task::spawn_blocking(move || pdf(&document))
        .await
        .map_err(|error| PdfError::Typeset(format!("typesetting stopped: {error}")))?
}

/// Refuses a document with more table rows than [`PDF_TABLE_ROWS_MAX`].
pub fn check_size(document: &Document) -> Result<(), PdfError> {
    let rows: usize = document
        .sections
        .iter()
        .flat_map(|section| &section.tables)
        .map(|table| table.rows.len())
        .sum();
    if rows > PDF_TABLE_ROWS_MAX {
        return Err(PdfError::TooLarge {
            rows,
            max: PDF_TABLE_ROWS_MAX,
        });
    }
    Ok(())
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
    check_size(document)?;
    let pdf = typeset(document, RowHeights::GivenWhenOneLine).and_then(|typeset| {
        typst_pdf::pdf(&typeset, &typst_pdf::PdfOptions::default())
            .map_err(|diagnostics| PdfError::Typeset(format!("{diagnostics:?}")))
    });
    // typst memoises layout results across compiles, and every document has its own data: keep
    // only what the last few documents used, as typst's own command line does, so a server that
    // typesets all day stays flat (a season of 300 accounts peaks at 274 MB).
    comemo::evict(COMPILES_KEPT_IN_CACHE);
    pdf
}

/// Whether the rows of long tables that hold one line get their height from `pdf_layout`, or
/// all are measured by typst (to check that both lay out alike).
#[derive(Debug, Clone, Copy, PartialEq)]
enum RowHeights {
    GivenWhenOneLine,
    #[cfg_attr(not(test), allow(dead_code))]
    AllMeasured,
}

fn typeset(document: &Document, heights: RowHeights) -> Result<PagedDocument, PdfError> {
    let data = with_table_layouts(document, heights).map_err(PdfError::Data)?;
    let mut inputs = Dict::new();
    inputs.insert("data".into(), data.to_string().into_value());
    ENGINE
        .compile_with_input(inputs)
        .output
        .map_err(|error| PdfError::Typeset(error.to_string()))
}

/// The document as the template reads it: each long table with its `layout`.
fn with_table_layouts(document: &Document, heights: RowHeights) -> Result<serde_json::Value, serde_json::Error> {
    let mut data = serde_json::to_value(document)?;
    let tables = document.sections.iter().enumerate().flat_map(|(section, content)| {
        (content.tables.iter().enumerate()).map(move |(index, table)| (section, index, table))
    });
    for (section, index, table) in tables {
        let Some(mut layout) = long_table_layout(table) else {
            continue;
        };
        if heights == RowHeights::AllMeasured {
            layout.single_line.fill(false);
        }
        data["sections"][section]["tables"][index]["layout"] = serde_json::to_value(layout)?;
    }
    Ok(data)
}

#[cfg(test)]
mod tests {
    use typst::layout::{Frame, FrameItem, Point};

    use super::*;
    use crate::render::document::{Section, Table};

    /// Every run of text with its page and place, in points.
    fn placed_text(typeset: &PagedDocument) -> Vec<(usize, i64, i64, String)> {
        fn walk(frame: &Frame, origin: Point, page: usize, found: &mut Vec<(usize, i64, i64, String)>) {
            for (position, item) in frame.items() {
                let at = origin + *position;
                match item {
                    FrameItem::Group(group) => walk(&group.frame, at, page, found),
                    // Hundredths of a point: equal layouts agree to far better than that.
                    FrameItem::Text(text) => found.push((
                        page,
                        (at.x.to_pt() * 100.0).round() as i64,
                        (at.y.to_pt() * 100.0).round() as i64,
                        text.text.to_string(),
                    )),
                    _ => {}
                }
            }
        }
        let mut found = Vec::new();
        for (page, content) in typeset.pages().iter().enumerate() {
            walk(&content.frame, Point::zero(), page, &mut found);
        }
        found
    }

    fn long_list() -> Document {
        let mut table = Table::new(&[
            ("N°".into(), true),
            ("Date".into(), false),
            ("Libellé".into(), false),
            ("Catégorie".into(), false),
            ("Recette".into(), true),
            ("Dépense".into(), true),
            ("Remarque".into(), false),
        ]);
        let descriptions = [
            "Loyer",
            "Virement permanent du loyer de novembre à l'agence immobilière du quartier de la gare",
            "Pension CNAP",
            "Ĳssel café ☕ Zürich",
        ];
        for number in 1..=150_usize {
            let description = descriptions[number % descriptions.len()];
            let out = format!("{},{:02}", number * 37 % 2000, number % 100);
            table
                .row(vec![
                    number.to_string(),
                    format!("{:02}/03/2025", number % 28 + 1),
                    format!("{description} {number}"),
                    ["Énergie", "Argent de poche et vie courante", "Loyer et charges"][number % 3].to_owned(),
                    String::new(),
                    out,
                    if number % 11 == 0 {
                        "pièce manquante".to_owned()
                    } else {
                        String::new()
                    },
                ])
                .warning(number % 11 == 0);
        }
        Document {
            lang: "fr",
            title: "Compte de gestion".into(),
            subtitle: None,
            fields: Vec::new(),
            sections: vec![Section::new("Liste des opérations").table(table)],
            signature: None,
            page_label: "Page".into(),
            page_of_label: "sur".into(),
        }
    }

    #[test]
    fn a_document_longer_than_a_pdf_may_hold_is_refused_before_typesetting() {
        let mut document = long_list();
        let row = document.sections[0].tables[0].rows[0].clone();
        let rows = &mut document.sections[0].tables[0].rows;
        rows.resize(PDF_TABLE_ROWS_MAX + 1, row);
        let refused = pdf(&document).expect_err("too long for a PDF");
        assert!(
            matches!(refused, PdfError::TooLarge { rows, max: PDF_TABLE_ROWS_MAX } if rows == PDF_TABLE_ROWS_MAX + 1),
            "{refused}"
        );
        assert!(refused.to_string().contains("download it as CSV or XLSX"));
        document.sections[0].tables[0].rows.truncate(PDF_TABLE_ROWS_MAX);
        assert!(check_size(&document).is_ok());
    }

    #[test]
    fn rows_given_one_line_lay_out_exactly_as_measured_rows() {
        let document = long_list();
        let layout = long_table_layout(&document.sections[0].tables[0]).expect("a long table");
        let given = layout.single_line.iter().filter(|one| **one).count();
        assert!(given > 40 && given < 150, "some rows hold one line, some not ({given})");
        let fast = typeset(&document, RowHeights::GivenWhenOneLine).expect("typeset");
        let measured = typeset(&document, RowHeights::AllMeasured).expect("typeset");
        assert!(fast.pages().len() > 2);
        let (fast, measured) = (placed_text(&fast), placed_text(&measured));
        let first_difference = fast.iter().zip(&measured).find(|(left, right)| left != right);
        assert_eq!(
            first_difference, None,
            "a row given one line's height moved the text after it"
        );
        assert_eq!(fast.len(), measured.len());
    }
}
