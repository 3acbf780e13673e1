//! Pictures drawn on the server as SVG, since the pages run no script: the same kinds,
//! sizes and colours as the app's charts (`ui/src/charts.ts`), so a midwife sees one
//! look in the cadre's app and on the dashboard. Each is an image whose title says what
//! it shows, and stands beside the table that holds its numbers (the table is the text
//! alternative a screen reader or a printout without colour relies on).

use maud::{Markup, html};

/// One coloured part of a 100 % bar (its class is `seg-<key>`).
pub struct Segment<'a> {
    pub key: &'a str,
    pub count: usize,
}

/// One labelled 100 % bar.
pub struct StackedRow<'a> {
    pub label: String,
    pub segments: Vec<Segment<'a>>,
}

/// One column, with its value written above it and an optional dashed target box.
pub struct Column {
    pub label: String,
    pub value: f64,
    pub shown: String,
    pub target: Option<f64>,
    /// A label a narrow screen may leave out (every other week), class `minor`.
    pub minor: bool,
}

/// One horizontal bar with its count (for counts of unlike things, such as alerts).
pub struct Bar {
    pub key: &'static str,
    pub label: String,
    pub value: usize,
}

const WIDTH: f64 = 300.0;
const LABEL_WIDTH: f64 = 70.0;
const BAR_HEIGHT: f64 = 26.0;
const BAR_GAP: f64 = 10.0;
const COLUMN_WIDTH: f64 = 24.0;
const COLUMN_GAP: f64 = 10.0;
const COLUMN_HEIGHT: f64 = 110.0;
const COLUMN_LABEL: f64 = 16.0;

/// Numbers in SVG attributes: one decimal is finer than a pixel.
fn px(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.is_finite() {
        rounded.to_string()
    } else {
        "0".into()
    }
}

/// The `<svg>` with its title as its accessible name.
fn frame(id: &str, title: &str, width: f64, height: f64, body: Markup) -> Markup {
    let title_id = format!("{id}-title");
    html! {
        svg #(id) .chart xmlns="http://www.w3.org/2000/svg" role="img"
            aria-labelledby=(title_id) viewBox={ "0 0 " (px(width)) " " (px(height)) } {
            title #(title_id) { (title) }
            (body)
        }
    }
}

/// Horizontal 100 % bars, one per row, each split into coloured segments.
pub fn stacked_bars(id: &str, rows: &[StackedRow], title: &str) -> Markup {
    let height = rows.len() as f64 * (BAR_HEIGHT + BAR_GAP);
    let body = html! {
        @for (i, row) in rows.iter().enumerate() {
            @let y = i as f64 * (BAR_HEIGHT + BAR_GAP);
            text.chart-label x="0" y=(px(y + BAR_HEIGHT / 2.0 + 4.0)) { (row.label) }
            @for part in stack(&row.segments) {
                rect class={ "seg seg-" (part.0) } data-count=(part.3)
                    x=(px(LABEL_WIDTH + part.1 * (WIDTH - LABEL_WIDTH)))
                    y=(px(y))
                    width=(px((part.2 * (WIDTH - LABEL_WIDTH) - 1.0).max(0.0)))
                    height=(px(BAR_HEIGHT)) {}
            }
        }
    };
    frame(id, title, WIDTH, height, body)
}

/// Each segment's key, start and width as shares (0-1) of the bar, and its count.
fn stack<'a>(segments: &[Segment<'a>]) -> Vec<(&'a str, f64, f64, usize)> {
    let total: usize = segments.iter().map(|s| s.count).sum();
    let mut start = 0.0;
    segments
        .iter()
        .filter(|s| s.count > 0)
        .map(|s| {
            let width = s.count as f64 / total as f64;
            let part = (s.key, start, width, s.count);
            start += width;
            part
        })
        .collect()
}

/// Vertical columns up to `max`, a label under each; a dashed box shows each target.
pub fn columns(id: &str, bars: &[Column], max: f64, title: &str) -> Markup {
    let width = (bars.len().max(1) as f64) * (COLUMN_WIDTH + COLUMN_GAP);
    let scale = |value: f64| {
        if max > 0.0 {
            value.clamp(0.0, max) / max * (COLUMN_HEIGHT - 14.0)
        } else {
            0.0
        }
    };
    let body = html! {
        @for (i, bar) in bars.iter().enumerate() {
            @let x = i as f64 * (COLUMN_WIDTH + COLUMN_GAP) + COLUMN_GAP / 2.0;
            @if let Some(target) = bar.target {
                rect.col-target x=(px(x)) y=(px(COLUMN_HEIGHT - scale(target)))
                    width=(px(COLUMN_WIDTH)) height=(px(scale(target))) {}
            }
            rect.col data-value=(bar.value) x=(px(x)) y=(px(COLUMN_HEIGHT - scale(bar.value)))
                width=(px(COLUMN_WIDTH)) height=(px(scale(bar.value))) {}
            text.chart-value x=(px(x + COLUMN_WIDTH / 2.0)) y=(px(COLUMN_HEIGHT - scale(bar.value) - 3.0))
                text-anchor="middle" { (bar.shown) }
            text.chart-label.minor[bar.minor] x=(px(x + COLUMN_WIDTH / 2.0)) y=(px(COLUMN_HEIGHT + COLUMN_LABEL - 4.0))
                text-anchor="middle" { (bar.label) }
        }
    };
    frame(id, title, width, COLUMN_HEIGHT + COLUMN_LABEL, body)
}

/// Horizontal bars from a common baseline, the count written after each.
pub fn bars(id: &str, rows: &[Bar], title: &str) -> Markup {
    // Wider than the others: its labels are words ("Pijat tidak aman saat kunjungan").
    let width = 360.0;
    let label_width = 185.0;
    let most = rows.iter().map(|r| r.value).max().unwrap_or(0).max(1) as f64;
    let room = width - label_width - 24.0;
    let height = rows.len() as f64 * (BAR_HEIGHT + BAR_GAP);
    let body = html! {
        @for (i, row) in rows.iter().enumerate() {
            @let y = i as f64 * (BAR_HEIGHT + BAR_GAP);
            @let length = row.value as f64 / most * room;
            text.chart-label x="0" y=(px(y + BAR_HEIGHT / 2.0 + 4.0)) { (row.label) }
            rect class={ "bar bar-" (row.key) } data-value=(row.value) x=(px(label_width)) y=(px(y))
                width=(px(length)) height=(px(BAR_HEIGHT)) {}
            text.chart-value x=(px(label_width + length + 4.0)) y=(px(y + BAR_HEIGHT / 2.0 + 4.0)) { (row.value) }
        }
    };
    frame(id, title, width, height, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stacked_segments_fill_the_bar_in_proportion() {
        let parts = stack(&[
            Segment {
                key: "lancar",
                count: 3,
            },
            Segment {
                key: "tidak-ada",
                count: 0,
            },
            Segment {
                key: "tidak-lancar",
                count: 1,
            },
        ]);
        assert_eq!(
            parts,
            [("lancar", 0.0, 0.75, 3), ("tidak-lancar", 0.75, 0.25, 1)]
        );
    }

    #[test]
    fn columns_scale_to_their_maximum_and_empty_charts_draw_nothing_odd() {
        let svg = columns(
            "c",
            &[Column {
                label: "1/12".into(),
                value: 7.0,
                shown: "7".into(),
                target: Some(14.0),
                minor: false,
            }],
            14.0,
            "Sesi",
        )
        .into_string();
        // 7 of 14: half the 96 px of drawing height.
        assert!(
            svg.contains(r#"data-value="7" x="5" y="62" width="24" height="48""#),
            "{svg}"
        );
        assert!(svg.contains(r#"<title id="c-title">Sesi</title>"#), "{svg}");
        let empty = columns("e", &[], 0.0, "x").into_string();
        assert!(!empty.contains("NaN") && !empty.contains("inf"), "{empty}");
        let none = bars("b", &[], "x").into_string();
        assert!(!none.contains("NaN"), "{none}");
    }

    #[test]
    fn titles_and_labels_are_escaped() {
        let svg = bars(
            "b",
            &[Bar {
                key: "pain-stop",
                label: "<script>".into(),
                value: 2,
            }],
            "a & b",
        )
        .into_string();
        assert!(
            svg.contains("&lt;script&gt;") && svg.contains("a &amp; b"),
            "{svg}"
        );
    }
}
