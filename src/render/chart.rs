//! A horizontal bar chart as inline SVG, accessible: `role="img"` with a title and a
//! description, and the same figures in a table beside it for anyone who cannot see it.

use askama::filters::Escaper as _;

use super::document::Chart;

const WIDTH: u32 = 640;
const BAR_HEIGHT: u32 = 22;
const GAP: u32 = 8;
const LABEL_WIDTH: u32 = 230;
const FIGURE_WIDTH: u32 = 110;

/// The chart as an `<svg>` element.
pub fn svg(chart: &Chart, id: &str) -> String {
    let height = chart.bars.len() as u32 * (BAR_HEIGHT + GAP) + GAP;
    let bar_space = WIDTH - LABEL_WIDTH - FIGURE_WIDTH;
    let mut out = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{id}-title {id}-description" viewBox="0 0 {WIDTH} {height}" width="100%" style="max-width:{WIDTH}px"><title id="{id}-title">{}</title><desc id="{id}-description">{}</desc>"#,
        escape(&chart.title),
        escape(&chart.description)
    );
    for (index, (label, figure, share)) in chart.bars.iter().enumerate() {
        let top = GAP + index as u32 * (BAR_HEIGHT + GAP);
        let length = (bar_space * (*share).min(1000) / 1000).max(1);
        let text_y = top + BAR_HEIGHT * 2 / 3;
        out.push_str(&format!(
            r##"<text x="{x_label}" y="{text_y}" text-anchor="end" font-size="13">{}</text><rect x="{LABEL_WIDTH}" y="{top}" width="{length}" height="{BAR_HEIGHT}" fill="#2a5d8f"/><text x="{x_figure}" y="{text_y}" font-size="13">{}</text>"##,
            escape(label),
            escape(figure),
            x_label = LABEL_WIDTH - 8,
            x_figure = LABEL_WIDTH + length + 6,
        ));
    }
    out.push_str("</svg>");
    out
}

fn escape(text: &str) -> String {
    let mut escaped = String::new();
    askama::filters::Html
        .write_escaped_str(&mut escaped, text)
        .expect("BUG: writing to a String cannot fail");
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chart_escapes_text_and_scales_bars() {
        let chart = Chart {
            title: "Spending <by> category".to_owned(),
            description: "Rent & energy".to_owned(),
            bars: vec![
                ("Rent".to_owned(), "800,00".to_owned(), 1000),
                ("Energy".to_owned(), "80,00".to_owned(), 100),
            ],
        };
        let svg = svg(&chart, "spending");
        assert!(
            svg.contains("<title id=\"spending-title\">Spending &#60;by&#62; category</title>"),
            "{svg}"
        );
        assert!(svg.contains("Rent &#38; energy"), "{svg}");
        assert!(svg.contains("width=\"300\""), "{svg}");
        assert!(svg.contains("width=\"30\""), "{svg}");
    }
}
