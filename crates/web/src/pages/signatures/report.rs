//! A verification report (as stored, JSON shaped like SiVa's) prepared for a page: the overall
//! verdict, and per signature who signed (name, personal code masked, issuer; hidden from
//! readers who may not see the holder), when (claimed signing time, time stamp), the level,
//! errors, warnings and what was checked.

use super::{hidden_name, instant, outcome_text, report_time};
use crate::i18n::{Lang, translate};
use ametijuhend_store::SignedContainer;
use serde_json::Value;

pub struct SignatureView {
    pub signer: String,
    pub personal_code: String,
    pub issuer: String,
    /// "person" or "seal", translated.
    pub kind: String,
    pub indication: String,
    pub signing_time: String,
    pub time_stamp_time: String,
    pub level: String,
    pub errors: Vec<String>,
    pub warnings: Vec<String>,
    pub checked: Vec<String>,
}

pub struct ReportView {
    /// The verdict in the user's language ("kehtiv allkiri" …).
    pub verdict: String,
    /// PASSED / FAILED / INDETERMINATE / NO_SIGNATURES.
    pub indication: String,
    pub data_files: Vec<String>,
    pub errors: Vec<String>,
    pub warnings: Vec<String>,
    pub signatures: Vec<SignatureView>,
    pub limitations: Vec<String>,
}

fn text(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).unwrap_or("").to_string()
}

fn list(v: &Value, key: &str) -> Vec<String> {
    v.get(key)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

fn time(v: &Value, key: &str) -> String {
    match v.get(key).and_then(Value::as_str) {
        Some(t) => report_time(t),
        None => "–".into(),
    }
}

/// The verdict's name in the user's language.
pub fn verdict_name(lang: Lang, verdict: &str) -> String {
    let known = [
        "valid",
        "valid-basic",
        "valid-seal",
        "invalid",
        "indeterminate",
        "unsigned",
    ];
    if known.contains(&verdict) {
        translate(lang, &format!("sig-verdict-{verdict}"), &[])
    } else {
        verdict.to_string()
    }
}

impl ReportView {
    /// `show_names`: whether the reader may see who signed.
    pub fn new(lang: Lang, report: &Value, show_names: bool) -> Self {
        let verdict = text(report, "verdict");
        let signatures = report
            .get("signatures")
            .and_then(Value::as_array)
            .map(|a| a.as_slice())
            .unwrap_or_default()
            .iter()
            .map(|s| {
                let signer = s.get("signer").cloned().unwrap_or(Value::Null);
                let hide = |v: String| {
                    if show_names || v.is_empty() {
                        v
                    } else {
                        hidden_name().to_string()
                    }
                };
                SignatureView {
                    signer: hide(text(&signer, "name")),
                    personal_code: hide(text(&signer, "personal_code")),
                    issuer: text(&signer, "issuer"),
                    kind: match text(&signer, "kind").as_str() {
                        "seal" => translate(lang, "sig-kind-seal", &[]),
                        "person" => translate(lang, "sig-kind-person", &[]),
                        _ => String::new(),
                    },
                    indication: {
                        let i = text(s, "indication");
                        match s.get("sub_indication").and_then(Value::as_str) {
                            Some(sub) => format!("{i} / {sub}"),
                            None => i,
                        }
                    },
                    signing_time: time(s, "signing_time"),
                    time_stamp_time: time(s, "time_stamp_time"),
                    level: text(s, "level"),
                    errors: list(s, "errors"),
                    warnings: list(s, "warnings"),
                    checked: list(s, "checked"),
                }
            })
            .collect();
        Self {
            verdict: verdict_name(lang, &verdict),
            indication: text(report, "indication"),
            data_files: list(report, "data_files"),
            errors: list(report, "errors"),
            warnings: list(report, "warnings"),
            signatures,
            limitations: list(report, "limitations"),
        }
    }
}

/// A stored container on a page.
pub struct ContainerView {
    pub id: String,
    pub file_name: String,
    pub uploaded_by: String,
    pub uploaded_at: String,
    /// What it completed, in the user's language.
    pub outcome: String,
    pub completed: bool,
    pub report: ReportView,
}

impl ContainerView {
    pub fn new(lang: Lang, c: &SignedContainer, show_names: bool) -> Self {
        Self {
            id: c.id.clone(),
            file_name: c.file_name.clone(),
            uploaded_by: c.uploaded_by.clone(),
            uploaded_at: instant(c.uploaded_at),
            outcome: outcome_text(lang, &c.outcome, show_names),
            completed: c.outcome.get("completed").and_then(Value::as_bool) == Some(true),
            report: ReportView::new(lang, &c.report, show_names),
        }
    }
}
