//! The consistency checks as a report page (`/checks`): the domain's `lint` findings grouped by
//! severity, each with the record linked, what is wrong and how to fix it.
//!
//! Who sees what is the permission decision's `ReadHistory` (HR, administrators and auditors:
//! everything; managers: the findings about their units' positions; staff: nothing).

use super::{Page, PageError, render, tn, unit_tree};
use crate::AppState;
use crate::auth::Ctx;
use crate::i18n::{Lang, translate};
use ametijuhend_domain::access::{Permission, Target, UnitTree};
use ametijuhend_domain::lint::{Finding, RecordKind, RecordRef, Severity, lint};
use ametijuhend_domain::{JobDescriptionId, PositionId, Registry};
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use axum::{Extension, Router};

pub fn routes() -> Router<AppState> {
    Router::new().route("/checks", get(checks))
}

/// The positions a finding's record is about (a version's position, both sides of a
/// substitution).
fn positions_of(r: &Registry, record: &RecordRef) -> Vec<PositionId> {
    match record.kind {
        RecordKind::Position => PositionId::parse(&record.id).into_iter().collect(),
        RecordKind::JobDescription => JobDescriptionId::parse(&record.id)
            .ok()
            .and_then(|id| r.job_description(&id))
            .map(|j| vec![j.position.clone()])
            .unwrap_or_default(),
        RecordKind::Substitution => record
            .id
            .split('→')
            .filter_map(|p| PositionId::parse(p).ok())
            .collect(),
    }
}

/// True when the account may see the finding: it may read the history of one of its positions.
pub fn may_see(ctx: &Ctx, r: &Registry, tree: &UnitTree, f: &Finding) -> bool {
    positions_of(r, &f.record).iter().any(|id| {
        r.position(id).is_some_and(|p| {
            ctx.can(
                Permission::ReadHistory,
                Target::Position {
                    id: &p.id,
                    unit: &p.unit,
                },
                tree,
            )
        })
    })
}

/// Where a finding's record is shown.
pub fn record_href(r: &Registry, record: &RecordRef) -> String {
    match record.kind {
        RecordKind::JobDescription => format!("/job-descriptions/{}", record.id),
        _ => positions_of(r, record)
            .first()
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
}

fn rule_name(lang: Lang, rule: &str) -> String {
    translate(lang, &format!("wf-rule-{}", rule.replace('_', "-")), &[])
}

#[tracing::instrument(skip_all)]
async fn checks(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let (_, tree) = unit_tree(&state).await?;
    ctx.require(Permission::ReadHistory, Target::Registry, &tree)?;
    let r = state.store.export().await?;
    let findings: Vec<Finding> = lint(&r, state.clock.today())
        .into_iter()
        .filter(|f| may_see(&ctx, &r, &tree, f))
        .collect();
    let mut groups = Vec::new();
    for (severity, key) in [
        (Severity::Error, "wf-checks-errors"),
        (Severity::Warning, "wf-checks-warnings"),
    ] {
        let rows: Vec<FindingRow> = findings
            .iter()
            .filter(|f| f.severity == severity)
            .map(|f| FindingRow {
                rule: rule_name(lang, f.rule),
                record: f.record.name.clone(),
                href: record_href(&r, &f.record),
                message: f.message.clone(),
                fix: f.fix.clone(),
                related: f
                    .related
                    .iter()
                    .filter(|x| x != &&f.record)
                    .map(|x| (record_href(&r, x), x.name.clone()))
                    .collect(),
            })
            .collect();
        if !rows.is_empty() {
            groups.push(SeverityGroup {
                heading: format!("{} ({})", translate(lang, key, &[]), rows.len()),
                rows,
            });
        }
    }
    let p = Page::new(&ctx, "checks", translate(lang, "wf-checks-title", &[]));
    Ok(render(&ChecksPage {
        p,
        summary: tn(lang, "wf-checks-count", findings.len()),
        groups,
    }))
}
