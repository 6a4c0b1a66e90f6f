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

    /// The summary at the top of a form: (field, text) with the field's label before each
    /// message ("Tööülesanne 2 – Tööülesande tekst: Väli on kohustuslik."), so that every line
    /// says which field it is about; a field without a known label shows its message alone.
    pub fn summary(&self) -> Vec<(String, String)> {
        self.errors
            .iter()
            .map(|(field, message)| {
                let text = match field_label(self.lang, field) {
                    Some(label) => format!("{label}: {message}"),
                    None => message.clone(),
                };
                (field.clone(), text)
            })
            .collect()
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

/// The label of a field of the editing forms, as the form shows it.
pub fn field_label(lang: Lang, field: &str) -> Option<String> {
    let t = |key: &str| translate(lang, key, &[]);
    let n = |i: &str| i.parse::<usize>().ok().map(|i| i + 1);
    let parts: Vec<&str> = field.split('-').collect();
    let label = match parts.as_slice() {
        ["duty", i, "text"] => format!("{} {} – {}", t("jd-duty"), n(i)?, t("jd-duty-text")),
        ["duty", i, "result", j] => format!(
            "{} {} – {} {}",
            t("jd-duty"),
            n(i)?,
            t("jd-expected-result"),
            n(j)?
        ),
        ["lang", i, what] => {
            let key = match *what {
                "code" => "req-language-name",
                "level" => "req-cefr-level",
                "text" => "req-language-text",
                _ => return None,
            };
            format!("{} {} – {}", t("req-language"), n(i)?, t(key))
        }
        ["comp", ..] => t("jd-competencies"),
        _ => {
            let key = match field {
                "purpose" => "jd-purpose",
                "rights" => "jd-rights",
                "responsibilities" => "jd-responsibilities",
                "work_equipment" => "jd-work-equipment",
                "education" => "req-education",
                "work_experience" => "req-work-experience",
                "computer_skills" => "req-computer-skills",
                "knowledge" => "req-knowledge",
                "personal_qualities" => "req-personal-qualities",
                "substitutes" => "jd-substituted-by",
                "subordinates" => "jd-subordinates",
                "substitutes_for" => "jd-substitutes-for",
                "special_conditions" => "jd-special-conditions",
                "name" => "unit-name",
                "kind" => "unit-kind",
                "parent" => "unit-parent",
                "valid_from" => "unit-valid-from",
                "title" => "position-title",
                "specialisation" => "position-specialisation",
                "unit" => "jd-unit",
                "supervisor" => "jd-supervisor",
                "staff_group" => "position-staff-group",
                "role_card" => "position-role-card",
                "job_family" => "position-job-family-name",
                "job_level" => "position-job-level",
                _ => return None,
            };
            t(key)
        }
    };
    Some(label)
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
        let with_error: Vec<String> = e.summary().into_iter().map(|(f, _)| f).collect();
        assert_eq!(with_error, ["b", "c", "d", "g"]);
        let message = |key| Some(translate(Lang::Et, key, &[]));
        assert_eq!(e.get("d").cloned(), message("error-single-line"));
        assert_eq!(e.get("g").cloned(), message("error-control-characters"));
    }

    #[test]
    fn the_summary_names_the_field_of_each_error() {
        let mut e = FieldErrors::new(Lang::Et);
        e.text("duty-1-text", "", true);
        e.add("lang-0-level", "error-cefr", &[]);
        e.line("name", "", true);
        e.add("q", "error-required", &[]);
        let required = translate(Lang::Et, "error-required", &[]);
        let cefr = translate(Lang::Et, "error-cefr", &[]);
        assert_eq!(
            e.summary(),
            [
                (
                    "duty-1-text".to_string(),
                    format!("Tööülesanne 2 – Tööülesande tekst: {required}")
                ),
                (
                    "lang-0-level".to_string(),
                    format!("Keel 1 – Tase (CEFR): {cefr}")
                ),
                ("name".to_string(), format!("Nimi: {required}")),
                ("q".to_string(), required.clone()),
            ]
        );
        assert_eq!(field_label(Lang::En, "duty-x-text"), None);
    }
}
