//! Column widths and row heights for the long tables of a PDF, worked out before typst sees them.
//!
//! typst lays out every cell of a row whose height is `auto` twice: once to measure the row, once
//! to place it. On a 600-entry account that is half of the typesetting time. Most rows of an
//! entry list hold one line in every cell; when the text's natural width (the sum of its glyphs'
//! advances in the body font, with a margin for kerning) fits its column, the row gets the height
//! of one line and typst lays it out once. Any other row — text that may wrap, a glyph the font
//! lacks, a bold or indented row — stays `auto`. The layouts are the same either way; a test
//! compares them glyph by glyph. The same advances size the text columns by their content, as
//! typst's `auto` columns would, without typst measuring every cell for them.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Serialize;
use ttf_parser::Face;

use super::document::{Row, Table};

/// A table with more rows than this gets its column widths and row heights from here.
pub const LONG_TABLE_ROWS: usize = 40;

/// The text block of the template's A4 page: 210 mm less two 15 mm margins.
const TEXT_WIDTH_MM: f64 = 180.0;
/// The template's body text size and cell insets.
const FONT_SIZE_PT: f64 = 10.0;
const CELL_INSET_X_PT: f64 = 4.0;
const CELL_INSET_Y_PT: f64 = 3.0;
/// Figure columns of a long table: the first (a receipt number) and the others (amounts); text
/// columns are sized by their content.
const FIRST_FIGURE_COLUMN_MM: f64 = 10.0;
const FIGURE_COLUMN_MM: f64 = 21.0;
/// The least a text column may get; with less room the table is left to typst.
const TEXT_COLUMN_MIN_MM: f64 = 15.0;
/// Headers are set in bold, a little wider than the regular advances.
const BOLD_ALLOWANCE: f64 = 1.1;
/// Share of a column a line may take and still count as fitting: kerning can widen a line a
/// little beyond the sum of its advances.
const FIT_MARGIN: f64 = 0.95;

const POINTS_PER_MM: f64 = 72.0 / 25.4;

/// How typst is to lay out a long table: each column's width and, per body row, whether it
/// holds one line (its height is then given) or must be measured.
#[derive(Debug, Clone, Serialize)]
pub struct TableLayout {
    pub widths_pt: Vec<f64>,
    pub one_line_pt: f64,
    pub single_line: Vec<bool>,
}

/// The advance widths of the body font (Libertinus Serif, regular), read once.
struct BodyFont {
    units_per_em: f64,
    cap_height: f64,
    advances: HashMap<char, f64>,
}

static BODY_FONT: LazyLock<Option<BodyFont>> = LazyLock::new(|| {
    typst_assets::fonts()
        .filter_map(|bytes| Face::parse(bytes, 0).ok())
        .find(|face| is_body_face(face))
        .map(|face| BodyFont::read(&face))
});

fn is_body_face(face: &Face<'_>) -> bool {
    let family = face
        .names()
        .into_iter()
        .filter(|name| name.name_id == ttf_parser::name_id::FAMILY)
        .find_map(|name| name.to_string());
    family.as_deref() == Some("Libertinus Serif")
        && !face.is_bold()
        && !face.is_italic()
        && face.weight().to_number() == 400
}

impl BodyFont {
    fn read(face: &Face<'_>) -> BodyFont {
        let units_per_em = f64::from(face.units_per_em());
        // Every character a table of ours is likely to hold; any other is measured by typst.
        let advances = (' '..='\u{24F}')
            .chain('\u{2010}'..='\u{20AC}')
            .filter_map(|character| {
                let glyph = face.glyph_index(character)?;
                Some((character, f64::from(face.glyph_hor_advance(glyph)?)))
            })
            .collect();
        // typst takes a line's top edge from the same metric, and its bottom edge at the baseline.
        let cap_height = face.capital_height().filter(|height| *height > 0).map(f64::from);
        BodyFont {
            units_per_em,
            cap_height: cap_height.unwrap_or(f64::from(face.ascender())),
            advances,
        }
    }

    /// The text's natural width in points, or `None` when the font lacks a glyph for it.
    fn width_pt(&self, text: &str) -> Option<f64> {
        let units: Option<f64> = text.trim().chars().map(|character| self.advances.get(&character)).sum();
        Some(units? * FONT_SIZE_PT / self.units_per_em)
    }
}

/// The layout of `table` when it is long, else `None`: typst sizes short tables itself, and any
/// table whose figure columns leave its text columns too little room.
pub fn long_table_layout(table: &Table) -> Option<TableLayout> {
    if table.rows.len() <= LONG_TABLE_ROWS {
        return None;
    }
    let font = BODY_FONT.as_ref()?;
    let cell_widths: Vec<Vec<Option<f64>>> = (table.rows.iter())
        .map(|row| row.cells.iter().map(|cell| font.width_pt(cell)).collect())
        .collect();
    let widths_pt = column_widths_pt(table, font, &cell_widths)?;
    let single_line = (table.rows.iter().zip(&cell_widths))
        .map(|(row, cells)| holds_one_line(row, cells, &widths_pt))
        .collect();
    Some(TableLayout {
        one_line_pt: font.cap_height * FONT_SIZE_PT / font.units_per_em + 2.0 * CELL_INSET_Y_PT,
        widths_pt,
        single_line,
    })
}

/// Figure columns fixed; text columns sized by their content as a browser sizes a table: a
/// column that needs less than an equal share of the room left gets what it needs, the others
/// share the rest equally, and room to spare goes to every text column alike.
fn column_widths_pt(table: &Table, font: &BodyFont, cell_widths: &[Vec<Option<f64>>]) -> Option<Vec<f64>> {
    let figure_width_pt = |index: usize| match index {
        0 => FIRST_FIGURE_COLUMN_MM * POINTS_PER_MM,
        _ => FIGURE_COLUMN_MM * POINTS_PER_MM,
    };
    let mut widths: Vec<Option<f64>> = (table.columns.iter().enumerate())
        .map(|(index, column)| column.numeric.then(|| figure_width_pt(index)))
        .collect();
    let figures: f64 = widths.iter().flatten().sum();
    let mut room = TEXT_WIDTH_MM * POINTS_PER_MM - figures;
    let text_columns = table.columns.iter().filter(|column| !column.numeric).count();
    if room < text_columns as f64 * TEXT_COLUMN_MIN_MM * POINTS_PER_MM {
        return None;
    }
    // What each text column needs for its widest cell on one line; a cell the font cannot
    // measure makes the column as wide as it may be.
    let mut needs: Vec<(usize, f64)> = (table.columns.iter().enumerate())
        .filter(|(_, column)| !column.numeric)
        .map(|(index, column)| {
            let header = font.width_pt(&column.label).map(|width| width * BOLD_ALLOWANCE);
            let cells = cell_widths.iter().map(|cells| cells.get(index).copied().flatten());
            let widest = std::iter::once(header)
                .chain(cells)
                .try_fold(0.0_f64, |widest, width| Some(widest.max(width?)));
            (
                index,
                widest.map_or(f64::INFINITY, |width| width / FIT_MARGIN + 2.0 * CELL_INSET_X_PT),
            )
        })
        .collect();
    needs.sort_by(|left, right| left.1.total_cmp(&right.1));
    let mut left = needs.len();
    for (index, need) in needs {
        let share = room / left as f64;
        let width = need.min(share);
        widths[index] = Some(width);
        room -= width;
        left -= 1;
    }
    let spare = room.max(0.0) / text_columns.max(1) as f64;
    let widths = (table.columns.iter().zip(widths))
        .map(|(column, width)| width.unwrap_or(0.0) + if column.numeric { 0.0 } else { spare })
        .collect();
    Some(widths)
}

/// A plain row whose every cell's text fits its column on one line, and that has some text.
fn holds_one_line(row: &Row, cell_widths: &[Option<f64>], widths_pt: &[f64]) -> bool {
    if row.total || row.indent || row.warning || row.cells.iter().all(|cell| cell.trim().is_empty()) {
        return false;
    }
    cell_widths.iter().zip(widths_pt).all(|(natural, width)| {
        let room = (width - 2.0 * CELL_INSET_X_PT) * FIT_MARGIN;
        // (a column sized to its widest cell has exactly that room, give or take rounding)
        natural.is_some_and(|natural| natural <= room + 1e-9)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: &[[&str; 3]]) -> Table {
        let mut table = Table::new(&[("N°".into(), true), ("Libellé".into(), false), ("Montant".into(), true)]);
        for cells in rows {
            table.row(cells.iter().map(|cell| (*cell).to_owned()).collect());
        }
        table
    }

    #[test]
    fn short_tables_are_left_to_typst() {
        assert!(long_table_layout(&table(&[["1", "Loyer", "500,00"]; LONG_TABLE_ROWS])).is_none());
    }

    #[test]
    fn rows_that_may_wrap_or_lack_a_glyph_are_measured() {
        let long = "Virement permanent du loyer de novembre à l'agence immobilière du quartier de la gare, \
                    selon le bail signé le 1er mars 2019 et son avenant";
        let mut rows = vec![["1", "Loyer", "500,00"]; LONG_TABLE_ROWS];
        rows.extend([
            ["2", long, "1,00"],
            ["3", "Café ☕", "2,00"],
            ["4", "", ""],
            ["5", "Énergie", "45,89"],
        ]);
        let layout = long_table_layout(&table(&rows)).expect("a long table");
        assert_eq!(
            layout.single_line[LONG_TABLE_ROWS..],
            [false, false, true, true],
            "a wrapping text and a glyph the font lacks are measured; an empty cell fits"
        );
        assert!(layout.single_line[0]);
        let widths: f64 = layout.widths_pt.iter().sum();
        assert!(
            (widths - TEXT_WIDTH_MM * POINTS_PER_MM).abs() < 1e-6,
            "the columns fill the text block"
        );
        assert!(layout.one_line_pt > 2.0 * CELL_INSET_Y_PT && layout.one_line_pt < 20.0);
    }

    #[test]
    fn a_table_of_many_figure_columns_is_left_to_typst() {
        let mut columns = vec![("Compte".to_owned(), false)];
        columns.extend((1..=8).map(|number| (format!("Montant {number}"), true)));
        let mut table = Table::new(&columns);
        for _ in 0..=LONG_TABLE_ROWS {
            table.row(
                std::iter::once("Compte courant".to_owned())
                    .chain((1..=8).map(|_| "1,00".to_owned()))
                    .collect(),
            );
        }
        assert!(
            long_table_layout(&table).is_none(),
            "eight 21 mm figure columns leave too little room"
        );
    }

    #[test]
    fn narrow_text_columns_get_what_they_need_and_wide_ones_share_the_rest() {
        let mut table = Table::new(&[
            ("N°".into(), true),
            ("Date".into(), false),
            ("Libellé".into(), false),
            ("Catégorie".into(), false),
            ("Montant".into(), true),
        ]);
        let description = "Virement permanent du loyer de novembre à l'agence immobilière du quartier de la gare";
        for number in 0..=LONG_TABLE_ROWS {
            let description = if number == 7 { description } else { "Loyer" };
            let cells = [
                &number.to_string(),
                "31/12/2025",
                description,
                "Argent de poche et vie courante",
                "1,00",
            ];
            table.row(cells.iter().map(|cell| (*cell).to_owned()).collect());
        }
        let layout = long_table_layout(&table).expect("a long table");
        let [receipt, date, description, category, amount] = layout.widths_pt[..] else {
            panic!("five columns: {:?}", layout.widths_pt);
        };
        assert!((receipt - FIRST_FIGURE_COLUMN_MM * POINTS_PER_MM).abs() < 1e-6);
        assert!((amount - FIGURE_COLUMN_MM * POINTS_PER_MM).abs() < 1e-6);
        assert!(date < 75.0, "a date needs about 50 pt, not a third of the page: {date}");
        assert!(description > category && category > date, "{:?}", layout.widths_pt);
        let total: f64 = layout.widths_pt.iter().sum();
        assert!((total - TEXT_WIDTH_MM * POINTS_PER_MM).abs() < 1e-6);
        assert_eq!(
            layout.single_line.iter().filter(|one| !**one).count(),
            1,
            "only the long description wraps"
        );
    }
}
