//! Field-level validation results that the UI shows next to the field they concern.

use serde::Serialize;
use std::collections::BTreeMap;

/// One rule that one field broke: `code` is a Fluent message id, `args` its arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: &'static str,
    pub code: &'static str,
    pub args: BTreeMap<&'static str, String>,
}

impl FieldError {
    pub fn new(field: &'static str, code: &'static str) -> Self {
        Self {
            field,
            code,
            args: BTreeMap::new(),
        }
    }

    pub fn with_arg(mut self, name: &'static str, value: impl ToString) -> Self {
        self.args.insert(name, value.to_string());
        self
    }
}

/// Trims `value` and checks it is a readable name of 1..=`max` characters.
pub fn required_text(
    field: &'static str,
    value: &str,
    max: usize,
    errors: &mut Vec<FieldError>,
) -> String {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        errors.push(FieldError::new(field, "error-field-required"));
    } else {
        check_text(field, trimmed, max, errors);
    }
    trimmed.to_owned()
}

/// Like [`required_text`], but an empty value means "not given".
pub fn optional_text(
    field: &'static str,
    value: Option<&str>,
    max: usize,
    errors: &mut Vec<FieldError>,
) -> Option<String> {
    let trimmed = value.map(str::trim).filter(|v| !v.is_empty())?;
    check_text(field, trimmed, max, errors);
    Some(trimmed.to_owned())
}

fn check_text(field: &'static str, value: &str, max: usize, errors: &mut Vec<FieldError>) {
    if value.chars().count() > max {
        errors.push(FieldError::new(field, "error-text-too-long").with_arg("max", max));
    } else if value.chars().any(char::is_control) {
        errors.push(FieldError::new(field, "error-text-control-chars"));
    }
}
