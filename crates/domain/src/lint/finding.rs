//! What a check reports: a [`Finding`] about a record ([`RecordRef`]), with its text twice —
//! as an English sentence (`message`, `fix`: the command line and the JSON API) and as a stable
//! message key with structured arguments (`key`, `args`: what the web pages translate into the
//! reader's language). [`MESSAGES`] lists every key with the names of its arguments.

use crate::ids::PositionId;
use crate::job_description::JobDescription;
use crate::position::Position;
use crate::registry::Registry;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    Position,
    JobDescription,
    Substitution,
}

/// An argument of a finding's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LintArg {
    /// Shown as it is, in every language: names, ids, dates, duty texts.
    Text(String),
    /// A number (plural forms follow it).
    Number(i64),
    /// Terms that each language names in its own words, shown as a list: the keys of
    /// [`TERMS`] ("duties", "education" …).
    Terms(Vec<&'static str>),
}

/// A text by key with its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LintText {
    pub key: &'static str,
    pub args: Vec<(&'static str, LintArg)>,
}

impl LintText {
    pub fn new(key: &'static str, args: Vec<(&'static str, LintArg)>) -> Self {
        Self { key, args }
    }
}

/// The record a finding is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordRef {
    pub kind: RecordKind,
    pub id: String,
    /// "Peaspetsialist (STAR kasutajatugi), Arendusosakond" or "… version 2" (English words
    /// where the name needs any).
    pub name: String,
    /// The name as a text to translate (one of [`RECORD_LABELS`]).
    #[serde(skip)]
    pub label: LintText,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub record: RecordRef,
    /// Other records involved (the other side of a substitution, the positions sharing a duty).
    pub related: Vec<RecordRef>,
    /// What is wrong, in English.
    pub message: String,
    /// How to fix it, in English.
    pub fix: String,
    /// The message's key (one of [`MESSAGES`]: the rule, or the rule and a variant such as
    /// `supervisor_missing.none`); the fix's text is the same key's.
    #[serde(skip)]
    pub key: &'static str,
    /// The message's arguments (the fix takes the same).
    #[serde(skip)]
    pub args: Vec<(&'static str, LintArg)>,
}

/// Every message key of a finding with the names of its arguments.
pub const MESSAGES: &[(&str, &[&str])] = &[
    (
        "job_family_out_of_range",
        &["family", "level", "card", "allowed"],
    ),
    ("job_family_exceptional", &["family", "level", "card"]),
    ("substitution_missing_position", &["positions", "count"]),
    ("substitutes_itself", &[]),
    (
        "substitution_not_reciprocal",
        &["substitute", "substituted"],
    ),
    ("supervisor_missing.none", &[]),
    ("supervisor_missing.not_in_registry", &["supervisor"]),
    ("supervisor_outside_unit_chain", &["supervisor"]),
    ("required_content_missing", &["missing"]),
    ("unfilled_template_field", &["fields"]),
    ("review_overdue", &["due", "days"]),
    ("review_date_unknown", &[]),
    ("duplicate_duties", &["duty", "count"]),
];

/// The terms a [`LintArg::Terms`] may name.
pub const TERMS: &[&str] = &[
    "duties",
    "education",
    "work_experience",
    "knowledge_and_skills",
];

/// Every key of a record's name with the names of its arguments.
pub const RECORD_LABELS: &[(&str, &[&str])] = &[
    ("record.position", &["name"]),
    ("record.version", &["title", "version"]),
    ("record.substitution", &["substitute", "substituted"]),
];

pub(super) fn text(s: impl Into<String>) -> LintArg {
    LintArg::Text(s.into())
}

pub(super) fn number(n: impl TryInto<i64>) -> LintArg {
    LintArg::Number(n.try_into().unwrap_or(i64::MAX))
}

pub(super) fn position_ref(registry: &Registry, p: &Position) -> RecordRef {
    let unit = registry
        .unit(&p.unit)
        .map(|u| format!(", {}", u.name()))
        .unwrap_or_default();
    let name = format!("{}{unit}", p.full_title());
    RecordRef {
        kind: RecordKind::Position,
        id: p.id.to_string(),
        label: LintText::new("record.position", vec![("name", text(&name))]),
        name,
    }
}

pub(super) fn position_id_ref(registry: &Registry, id: &PositionId) -> RecordRef {
    match registry.position(id) {
        Some(p) => position_ref(registry, p),
        None => RecordRef {
            kind: RecordKind::Position,
            id: id.to_string(),
            name: format!("missing position {id}"),
            label: LintText::new("record.position", vec![("name", text(id.as_str()))]),
        },
    }
}

pub(super) fn jd_ref(registry: &Registry, jd: &JobDescription) -> RecordRef {
    let title = registry
        .position(&jd.position)
        .map(Position::full_title)
        .unwrap_or_else(|| {
            crate::text::full_title(&jd.general.title, jd.general.specialisation.as_deref())
        });
    RecordRef {
        kind: RecordKind::JobDescription,
        id: jd.id.to_string(),
        name: format!("{title}, version {}", jd.version),
        label: LintText::new(
            "record.version",
            vec![("title", text(title)), ("version", number(jd.version))],
        ),
    }
}

/// A finding with its English message and fix, and the key and arguments of both.
pub(super) fn finding(
    rule: &'static str,
    severity: Severity,
    record: RecordRef,
    (key, args): (&'static str, Vec<(&'static str, LintArg)>),
    message: String,
    fix: impl Into<String>,
) -> Finding {
    Finding {
        rule,
        severity,
        record,
        related: vec![],
        message,
        fix: fix.into(),
        key,
        args,
    }
}

/// The finding of a duty written the same in `count` positions, about `record`.
pub(super) fn duplicate_duty_finding(record: RecordRef, duty: &str, count: usize) -> Finding {
    finding(
        "duplicate_duties",
        Severity::Warning,
        record,
        (
            "duplicate_duties",
            vec![("duty", text(duty)), ("count", number(count))],
        ),
        format!("the duty '{duty}' is written the same in {count} positions"),
        "add it to the duty library once and reuse it in these job descriptions",
    )
}
