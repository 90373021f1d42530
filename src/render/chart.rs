//! A horizontal bar chart as inline SVG, accessible: `role="img"` with a title and a
//! description, and the same figures in a table beside it for anyone who cannot see it.

use askama::filters::Escaper as _;

use super::document::Chart;

// Each bar stacks under its label, in a narrow drawing, so the labels stay readable when a
// phone shows the chart 360 pixels wide (14 units are 14 pixels there, about 19 on a desktop,
// where the drawing is at most 480 pixels wide).
const WIDTH: u32 = 360;
const SHOWN_WIDTH_MAX: u32 = 480;
const FONT_SIZE: u32 = 14;
const BAR_HEIGHT: u32 = 16;
const GAP: u32 = 10;
const FIGURE_WIDTH: u32 = 100;

/// The chart as an `<svg>` element.
pub fn svg(chart: &Chart, id: &str) -> String {
    let row = FONT_SIZE + 4 + BAR_HEIGHT + GAP;
    let height = chart.bars.len() as u32 * row + GAP;
    let bar_space = WIDTH - FIGURE_WIDTH;
    let mut out = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{id}-title {id}-description" viewBox="0 0 {WIDTH} {height}" width="100%" style="max-width:{SHOWN_WIDTH_MAX}px"><title id="{id}-title">{}</title><desc id="{id}-description">{}</desc>"#,
        escape(&chart.title),
        escape(&chart.description)
    );
    for (index, (label, figure, share)) in chart.bars.iter().enumerate() {
        let top = GAP + index as u32 * row;
        let bar_top = top + FONT_SIZE + 4;
        let length = (bar_space * (*share).min(1000) / 1000).max(1);
        out.push_str(&format!(
            r##"<text x="0" y="{label_y}" font-size="{FONT_SIZE}">{}</text><rect x="0" y="{bar_top}" width="{length}" height="{BAR_HEIGHT}" fill="#2a5d8f"/><text x="{x_figure}" y="{figure_y}" font-size="{FONT_SIZE}">{}</text>"##,
            escape(label),
            escape(figure),
            label_y = top + FONT_SIZE,
            x_figure = length + 6,
            figure_y = bar_top + BAR_HEIGHT - 3,
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
        assert!(svg.contains("width=\"260\""), "{svg}");
        assert!(svg.contains("width=\"26\""), "{svg}");
        assert!(svg.contains("font-size=\"14\""), "labels 14 px on a phone: {svg}");
    }
}
