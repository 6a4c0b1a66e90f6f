//! Form handling shared by the editing pages: field errors in the user's language (shown next
//! to their field and tied to it with `aria-describedby`), select options, and the limits that
//! keep invalid input out of the database.

pub mod jd;

use crate::i18n::{Arg, Lang, translate};

/// The longest single-line value accepted (names, titles).
pub const MAX_LINE: usize = 300;
/// The longest text accepted in one field.
pub const MAX_TEXT: usize = 20_000;

/// Errors of a submitted form, by field name (the input's `name` and the error's id suffix).
#[derive(Debug, Clone, Default)]
pub struct FieldErrors {
    lang: Lang,
    errors: Vec<(String, String)>,
}

impl FieldErrors {
    pub fn new(lang: Lang) -> Self {
        Self {
            lang,
            errors: Vec::new(),
        }
    }

    /// Adds the message `key` (with arguments) for `field`; the first error of a field wins.
    pub fn add(&mut self, field: impl Into<String>, key: &str, args: &[(&str, Arg)]) {
        let field = field.into();
        if self.get(&field).is_none() {
            let message = translate(self.lang, key, args);
            self.errors.push((field, message));
        }
    }

    pub fn get(&self, field: &str) -> Option<&String> {
        self.errors.iter().find(|(f, _)| f == field).map(|(_, m)| m)
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// Every (field, message), in the order found (for the summary at the top of the form).
    pub fn all(&self) -> &[(String, String)] {
        &self.errors
    }

    /// A single-line text (names, titles): trimmed, not empty when required, not too long, and
    /// without line breaks, tabs or other control characters.
    pub fn line(&mut self, field: &str, value: &str, required: bool) -> String {
        let v = value.trim().to_string();
        if required && v.is_empty() {
            self.add(field, "error-required", &[]);
        } else if v.chars().any(char::is_control) {
            self.add(field, "error-single-line", &[]);
        } else if v.chars().count() > MAX_LINE {
            self.add(field, "error-too-long", &[("max", Arg::from(MAX_LINE))]);
        }
        v
    }

    /// A text field: trimmed, line breaks as `\n`, not too long, may be required; line breaks
    /// and tabs are text, other control characters (U+0000 …) are refused.
    pub fn text(&mut self, field: &str, value: &str, required: bool) -> String {
        let v = value.trim().replace("\r\n", "\n").replace('\r', "\n");
        if required && v.is_empty() {
            self.add(field, "error-required", &[]);
        } else if v.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
            self.add(field, "error-control-characters", &[]);
        } else if v.chars().count() > MAX_TEXT {
            self.add(field, "error-too-long", &[("max", Arg::from(MAX_TEXT))]);
        }
        v
    }
}

/// One option of a `<select>`.
#[derive(Debug, Clone)]
pub struct Opt {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

impl Opt {
    pub fn new(value: impl Into<String>, label: impl Into<String>, current: &str) -> Self {
        let value = value.into();
        let selected = value == current;
        Self {
            value,
            label: label.into(),
            selected,
        }
    }
}

/// An optional text: `None` when empty.
pub fn non_empty(s: String) -> Option<String> {
    if s.trim().is_empty() { None } else { Some(s) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_refused_and_line_breaks_only_in_texts() {
        let mut e = FieldErrors::new(Lang::Et);
        assert_eq!(e.line("a", "  Nimi  ", true), "Nimi");
        e.line("b", "Kaks\nrida", true);
        e.line("c", "Tab\tmärk", false);
        e.line("d", "Null\u{0}märk", false);
        assert_eq!(
            e.text("e", "Rida\r\nteine\rkolmas", true),
            "Rida\nteine\nkolmas"
        );
        e.text("f", "Tab\tlõpus", true);
        e.text("g", "Peidetud\u{1b}[31m", true);
        let with_error: Vec<&str> = e.all().iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(with_error, ["b", "c", "d", "g"]);
        let message = |key| Some(translate(Lang::Et, key, &[]));
        assert_eq!(e.get("d").cloned(), message("error-single-line"));
        assert_eq!(e.get("g").cloned(), message("error-control-characters"));
    }
}
