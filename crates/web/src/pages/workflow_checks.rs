//! The consistency checks as a report page (`/checks`): the domain's `lint` findings grouped by
//! severity, each with the record linked, what is wrong and how to fix it; paged, from the kept
//! registry-wide reports (`crate::reports`).
//!
//! Who sees what is the permission decision's `ReadHistory` (HR, administrators and auditors:
//! everything; managers: the findings about their units' positions; staff: nothing).

use super::{Page, PageError, render, tn, unit_tree};
use crate::AppState;
use crate::auth::Ctx;
use crate::i18n::{Lang, translate};
use crate::paging::{PER_PAGE, PageQuery, Pager, page_of};
use ametijuhend_domain::access::{Permission, Target, UnitTree};
use ametijuhend_domain::lint::{Finding, LocatedFinding, RecordKind, RecordRef, Severity};
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;
use axum::{Extension, Router};

pub fn routes() -> Router<AppState> {
    Router::new().route("/checks", get(checks))
}

/// True when the account may see the finding: it may read the history of one of its positions.
pub fn may_see(ctx: &Ctx, tree: &UnitTree, f: &LocatedFinding) -> bool {
    f.positions
        .iter()
        .any(|(id, unit)| ctx.can(Permission::ReadHistory, Target::Position { id, unit }, tree))
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
                record: f.record.name.clone(),
                href: record_href(&f.record),
                message: f.message.clone(),
                fix: f.fix.clone(),
                related: f
                    .related
                    .iter()
                    .filter(|x| x != &&f.record)
                    .map(|x| (record_href(x), x.name.clone()))
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
