//! The report's tables as a screen shows them: every number written once, here, in the
//! reader's language. The app's screen and the dashboard's page both show these.

use serde::Serialize;

use super::{Cell, Table, TableKind};

/// Below this a p-value is shown as "< 0.001".
const SMALLEST_P: f64 = 0.001;

/// A cell as shown: its text, and whether it is a number (set right-aligned).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(rename = "ReportCell")]
#[serde(rename_all = "camelCase")]
pub struct ShownCell {
    pub text: String,
    pub number: bool,
}

/// A table as shown, with its total row when it has one.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(rename = "ReportTable")]
#[serde(rename_all = "camelCase")]
pub struct ShownTable {
    pub id: String,
    pub title: String,
    pub kind: TableKind,
    pub header: Vec<String>,
    pub rows: Vec<Vec<ShownCell>>,
    pub total: Option<Vec<ShownCell>>,
}

impl Cell {
    /// The cell's text in `language`: numbers to their places, without trailing zeros,
    /// with a decimal comma in Indonesian.
    pub fn shown(&self, language: &str) -> String {
        match self {
            Self::Text(text) => text.clone(),
            Self::Number { value, places } => decimal(*value, *places, language),
            Self::P(p) if *p < SMALLEST_P => format!("< {}", decimal(SMALLEST_P, 3, language)),
            Self::P(p) => decimal(*p, 3, language),
            Self::Empty => String::new(),
        }
    }

    fn shown_cell(&self, language: &str) -> ShownCell {
        ShownCell {
            text: self.shown(language),
            number: matches!(self, Self::Number { .. } | Self::P(_)),
        }
    }
}

impl Table {
    pub fn shown(&self, language: &str) -> ShownTable {
        let row = |cells: &Vec<Cell>| cells.iter().map(|c| c.shown_cell(language)).collect();
        ShownTable {
            id: self.id.to_owned(),
            title: self.title.clone(),
            kind: self.kind,
            header: self.header.clone(),
            rows: self.rows.iter().map(row).collect(),
            total: self.total.as_ref().map(row),
        }
    }
}

fn decimal(value: f64, places: u8, language: &str) -> String {
    // Halves away from zero, as SPSS and the papers round (2.125 is 2.13); `format!`
    // alone would round them to even.
    let scale = 10f64.powi(i32::from(places));
    let rounded = (value * scale).round() / scale;
    let places = usize::from(places);
    let mut text = format!("{rounded:.places$}");
    if text.contains('.') {
        text = text.trim_end_matches('0').trim_end_matches('.').to_owned();
    }
    // -0.0001 to no places is "-0": a sign on nothing.
    if text.trim_start_matches('-').chars().all(|c| c == '0') {
        text = "0".into();
    }
    if language == "id" {
        text.replace('.', ",")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_shown_to_their_places_in_the_readers_language() {
        let z = Cell::Number {
            value: -4.358_898_9,
            places: 3,
        };
        assert_eq!(z.shown("id"), "-4,359");
        assert_eq!(z.shown("en"), "-4.359");
        // The seed paper's p (0.000013) is not 0.
        assert_eq!(Cell::P(0.000_013).shown("id"), "< 0,001");
        assert_eq!(Cell::P(0.083_264_5).shown("en"), "0.083");
        assert_eq!(Cell::P(0.25).shown("id"), "0,25");
        // Halves away from zero: a mean rank of 2.125, an exact p of 1/16.
        let half = Cell::Number {
            value: 2.125,
            places: 2,
        };
        assert_eq!(half.shown("id"), "2,13");
        assert_eq!(Cell::P(0.0625).shown("en"), "0.063");
        let whole = Cell::Number {
            value: 100.0,
            places: 1,
        };
        assert_eq!(whole.shown("id"), "100");
        let tiny = Cell::Number {
            value: -0.000_1,
            places: 2,
        };
        assert_eq!(tiny.shown("en"), "0");
        assert_eq!(Cell::Empty.shown("id"), "");
    }
}
