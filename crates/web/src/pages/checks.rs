//! The consistency checks as a report page (`/checks`): the domain's `lint` findings grouped by
//! severity, each with the record linked, what is wrong and how to fix it; paged, from the kept
//! registry-wide reports (`crate::reports`).
//!
//! Who sees what is the permission decision's `ReadHistory` (HR, administrators and auditors:
//! everything; managers: the findings about their units' positions; staff: nothing).

use super::{Page, PageError, render, tn, unit_tree};
use crate::AppState;
use crate::auth::Ctx;
use crate::i18n::{Arg, Lang, translate};
use crate::paging::{PER_PAGE, PageQuery, Pager, page_of};
use ametijuhend_domain::access::{Permission, Target, UnitTree};
use ametijuhend_domain::lint::{
    Finding, LintArg, LintText, LocatedFinding, RecordKind, RecordRef, Severity,
};
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;
use axum::{Extension, Router};

pub fn routes() -> Router<AppState> {
    Router::new().route("/checks", get(checks))
}

/// True when the account sees the finding (the decision is `access::visibility::sees_finding`).
pub fn may_see(ctx: &Ctx, tree: &UnitTree, f: &LocatedFinding) -> bool {
    ctx.principal().is_some_and(|who| {
        ametijuhend_domain::access::visibility::sees_finding(&who, &f.positions, tree)
    })
}

/// Where a finding's record is shown.
pub fn record_href(record: &RecordRef) -> String {
    match record.kind {
        RecordKind::JobDescription => format!("/job-descriptions/{}", record.id),
        RecordKind::Position => format!("/positions/{}", record.id),
        RecordKind::Substitution => record
            .id
            .split('→')
            .next()
            .map(|p| format!("/positions/{p}"))
            .unwrap_or_default(),
    }
}

/// The Fluent key of a finding's text key ("supervisor_missing.none" →
/// "lint-supervisor-missing-none"; the fix adds "-fix").
pub fn lint_key(key: &str) -> String {
    format!("lint-{}", key.replace(['.', '_'], "-"))
}

/// A finding's text (`suffix` "" for the message, "-fix" for the fix) in `lang`: plain
/// arguments as they are, terms each in the reader's words.
pub fn lint_text(lang: Lang, key: &str, suffix: &str, args: &[(&str, LintArg)]) -> String {
    let args: Vec<(&str, Arg)> = args
        .iter()
        .map(|(name, arg)| {
            let value = match arg {
                LintArg::Text(s) => Arg::from(s),
                LintArg::Number(n) => Arg::Num(*n),
                LintArg::Terms(terms) => Arg::from(
                    terms
                        .iter()
                        .map(|t| {
                            translate(lang, &format!("lint-term-{}", t.replace('_', "-")), &[])
                        })
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
            };
            (*name, value)
        })
        .collect();
    translate(lang, &format!("{}{suffix}", lint_key(key)), &args)
}

/// What is wrong, in the reader's language.
pub fn message(lang: Lang, f: &Finding) -> String {
    lint_text(lang, f.key, "", &f.args)
}

/// How to fix it, in the reader's language.
pub fn fix(lang: Lang, f: &Finding) -> String {
    lint_text(lang, f.key, "-fix", &f.args)
}

/// A record's name in the reader's language ("…, versioon 2").
pub fn record_name(lang: Lang, r: &RecordRef) -> String {
    let LintText { key, args } = &r.label;
    lint_text(lang, key, "", args)
}

pub struct FindingRow {
    pub rule: String,
    pub record: String,
    pub href: String,
    pub message: String,
    pub fix: String,
    pub related: Vec<(String, String)>,
}

pub struct SeverityGroup {
    pub heading: String,
    pub rows: Vec<FindingRow>,
}

#[derive(Template)]
#[template(path = "workflow_checks.html")]
struct ChecksPage {
    p: Page,
    groups: Vec<SeverityGroup>,
    summary: String,
    pager: Option<Pager>,
}

fn rule_name(lang: Lang, rule: &str) -> String {
    translate(lang, &format!("wf-rule-{}", rule.replace('_', "-")), &[])
}

#[tracing::instrument(skip_all)]
async fn checks(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Query(q): Query<PageQuery>,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let (_, tree) = unit_tree(&state).await?;
    ctx.require(Permission::ReadHistory, Target::Registry, &tree)?;
    let reports = state
        .reports
        .get(state.store.as_ref(), state.clock.today())
        .await?;
    let findings: Vec<&Finding> = reports
        .findings
        .iter()
        .filter(|f| may_see(&ctx, &tree, f))
        .map(|f| &f.finding)
        .collect();
    let (range, pager) = page_of(lang, findings.len(), q.number(), PER_PAGE, |n| {
        format!("/checks?page={n}")
    });
    let shown = &findings[range];
    let mut groups = Vec::new();
    for (severity, key) in [
        (Severity::Error, "wf-checks-errors"),
        (Severity::Warning, "wf-checks-warnings"),
    ] {
        let rows: Vec<FindingRow> = shown
            .iter()
            .filter(|f| f.severity == severity)
            .map(|f| FindingRow {
                rule: rule_name(lang, f.rule),
                record: record_name(lang, &f.record),
                href: record_href(&f.record),
                message: message(lang, f),
                fix: fix(lang, f),
                related: f
                    .related
                    .iter()
                    .filter(|x| x != &&f.record)
                    .map(|x| (record_href(x), record_name(lang, x)))
                    .collect(),
            })
            .collect();
        if !rows.is_empty() {
            // The heading counts the whole list, not only this page.
            let total = findings.iter().filter(|f| f.severity == severity).count();
            groups.push(SeverityGroup {
                heading: format!("{} ({total})", translate(lang, key, &[])),
                rows,
            });
        }
    }
    let p = Page::new(&ctx, "checks", translate(lang, "wf-checks-title", &[]));
    Ok(render(&ChecksPage {
        p,
        summary: tn(lang, "wf-checks-count", findings.len()),
        groups,
        pager,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ametijuhend_domain::lint::{MESSAGES, RECORD_LABELS, TERMS};

    /// Every argument set to a marker (terms: every term), so that a text that leaves one out
    /// or does not substitute it shows.
    fn marked(names: &[&'static str]) -> Vec<(&'static str, LintArg)> {
        names
            .iter()
            .map(|n| match *n {
                "missing" => (*n, LintArg::Terms(TERMS.to_vec())),
                "count" | "days" | "version" => (*n, LintArg::Number(7)),
                _ => (*n, LintArg::Text(format!("«{n}»"))),
            })
            .collect()
    }

    #[test]
    fn every_rule_has_its_message_and_fix_in_every_language_with_the_arguments_in_them() {
        for lang in Lang::ALL {
            let texts = MESSAGES
                .iter()
                .flat_map(|(key, names)| {
                    let args = marked(names);
                    [
                        (key, names, lint_text(lang, key, "", &args), true),
                        (key, names, lint_text(lang, key, "-fix", &args), false),
                    ]
                })
                .chain(RECORD_LABELS.iter().map(|(key, names)| {
                    (key, names, lint_text(lang, key, "", &marked(names)), true)
                }));
            for (key, names, text, with_args) in texts {
                let code = lang.code();
                assert!(!text.starts_with("lint-"), "{code}: {key} has no text");
                assert!(
                    !text.contains("{$") && !text.contains('$'),
                    "{code} {key}: {text}"
                );
                if !with_args {
                    continue;
                }
                for name in names.iter() {
                    let shown = match *name {
                        "missing" => TERMS
                            .iter()
                            .map(|t| {
                                translate(lang, &format!("lint-term-{}", t.replace('_', "-")), &[])
                            })
                            .collect::<Vec<_>>()
                            .join(", "),
                        "count" | "days" | "version" => "7".to_string(),
                        _ => format!("«{name}»"),
                    };
                    // A number may only select the plural form.
                    let selects = || {
                        let mut one = marked(names);
                        for (n, a) in one.iter_mut() {
                            if n == name {
                                *a = LintArg::Number(1);
                            }
                        }
                        lint_text(lang, key, "", &one) != text
                    };
                    assert!(
                        text.contains(&shown) || (shown == "7" && selects()),
                        "{code} {key}: {name} not in {text}"
                    );
                }
            }
            for term in TERMS {
                let key = format!("lint-term-{}", term.replace('_', "-"));
                assert!(crate::i18n::has(lang, &key), "{}: {key}", lang.code());
            }
        }
    }

    #[test]
    fn the_sample_registry_findings_read_in_each_language() {
        let registry = ametijuhend_domain::sample::sample_registry();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).expect("a day");
        let findings = ametijuhend_domain::lint(&registry, today);
        assert!(!findings.is_empty());
        for f in &findings {
            for lang in Lang::ALL {
                let text = message(lang, f);
                for (name, arg) in &f.args {
                    if let LintArg::Text(value) = arg {
                        assert!(text.contains(value.as_str()), "{} {name}: {text}", f.key);
                    }
                }
            }
            for lang in [Lang::Et, Lang::Ru] {
                let shown = [record_name(lang, &f.record), message(lang, f), fix(lang, f)];
                for english in [" the ", "version", "stands in for"] {
                    assert!(!shown.iter().any(|s| s.contains(english)), "{shown:?}");
                }
            }
        }
    }
}
