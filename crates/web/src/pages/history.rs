//! A record's history from the audit trail: who changed it, when, what, and each changed value
//! before and after (field names, dates, codes and referenced units and positions as the
//! interface shows them elsewhere).

use super::history_summary::{self, SummaryLine};
use super::home::action_label;
use super::{Page, PageError, date, instant, parse_id, render, ta, unit_tree};
use crate::AppState;
use crate::auth::Ctx;
use crate::i18n::{self, Arg, Lang, translate};
use ametijuhend_domain::access::{Permission, Target};
use ametijuhend_domain::{PositionId, Timestamp, UnitId};
use ametijuhend_store::AuditEvent;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;
use axum::{Extension, Router};
use chrono::NaiveDate;
use serde_json::Value;
use std::collections::HashMap;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/units/{id}/history", get(unit_history))
        .route("/positions/{id}/history", get(position_history))
}

pub struct FieldChange {
    pub field: String,
    pub before: String,
    pub after: String,
}

pub struct EventRow {
    pub at: String,
    pub actor: String,
    /// The capacity the actor acted in (lifecycle transitions).
    pub capacity: Option<String>,
    pub action: String,
    /// What the event did, in words (see [`history_summary`]).
    pub summary: Vec<SummaryLine>,
    pub changes: Vec<FieldChange>,
}

#[derive(Template)]
#[template(path = "history.html")]
struct HistoryPage {
    p: Page,
    back: String,
    events: Vec<EventRow>,
}

/// The label of a field of a record, in the interface language where the interface has one
/// (the record's own key otherwise).
fn field_label(lang: Lang, parent: Option<&str>, key: &str) -> String {
    let text_key = match (parent, key) {
        (Some("job_family"), "family") => "position-job-family-name",
        (Some("job_family"), "level") => "position-job-level",
        (_, key) => match key {
            "name" => "unit-name",
            "kind" => "unit-kind",
            "parent" => "unit-parent",
            "valid_from" => "col-from",
            "valid_to" => "col-to",
            "versions" => "unit-versions",
            "title" => "position-title",
            "specialisation" => "position-specialisation",
            "unit" => "jd-unit",
            "supervisor" => "jd-supervisor",
            "staff_group" => "position-staff-group",
            "role_card" => "position-role-card",
            "job_family" => "position-job-family",
            "version" => "jd-version",
            "status" => "col-state",
            "created_at" => "jd-saved",
            "created_by" => "col-who",
            "general" => "jd-general",
            "purpose" => "jd-purpose",
            "duties" => "jd-duties",
            "text" => "jd-duty-text",
            "expected_results" => "jd-expected-results",
            "rights" => "jd-rights",
            "responsibilities" => "jd-responsibilities",
            "work_equipment" => "jd-work-equipment",
            "requirements" => "jd-requirements",
            "education" => "req-education",
            "work_experience" => "req-work-experience",
            "computer_skills" => "req-computer-skills",
            "knowledge_and_skills" => "req-knowledge",
            "personal_qualities" => "req-personal-qualities",
            "languages" => "req-languages",
            "level" => "req-cefr-level",
            "competencies" => "jd-competencies",
            "subordinates" => "jd-subordinates",
            "substituted_by" => "jd-substituted-by",
            "substitutes_for" => "jd-substitutes-for",
            "amendment_rules" => "jd-amendment",
            "special_conditions" => "jd-special-conditions",
            "language" => "req-language",
            "number" => "history-field-number",
            "position" => "history-field-position",
            "revision" => "history-field-revision",
            "template" => "history-field-template",
            "written_from" => "history-field-written-from",
            "effective_from" => "history-effective-from",
            "effective_to" => "history-effective-to",
            _ => return key.to_string(),
        },
    };
    translate(lang, text_key, &[])
}

/// A value as the page shows it: dates DD.MM.YYYY, instants DD.MM.YYYY HH:MM, known codes
/// (unit kinds, staff groups, statuses) in the interface language, ids of units and positions
/// by their names.
fn show_value(lang: Lang, key: &str, v: Option<&Value>, names: &HashMap<String, String>) -> String {
    match v {
        None | Some(Value::Null) => "–".into(),
        Some(Value::String(s)) => {
            if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
                return date(d);
            }
            if let Ok(t) = Timestamp::parse(s) {
                return instant(t);
            }
            if let Some(name) = names.get(s) {
                return name.clone();
            }
            let code = match key {
                "kind" => Some(format!("unit-kind-{s}")),
                "staff_group" => Some(format!("staff-group-{s}")),
                "status" => Some(format!("status-{}", s.replace('_', "-"))),
                _ => None,
            };
            match code {
                Some(code) if i18n::has(lang, &code) => translate(lang, &code, &[]),
                _ => s.clone(),
            }
        }
        Some(Value::Bool(b)) => translate(lang, if *b { "value-yes" } else { "value-no" }, &[]),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Array(a)) if a.is_empty() => "–".into(),
        Some(Value::Object(o)) if o.is_empty() => "–".into(),
        Some(other) => serde_json::to_string(other).unwrap_or_default(),
    }
}

/// Every leaf of a JSON value with its path (object keys, and 1-based positions in lists).
fn leaves<'v>(v: &'v Value, path: &mut Vec<String>, out: &mut Vec<(Vec<String>, &'v Value)>) {
    match v {
        Value::Object(fields) if !fields.is_empty() => {
            for (k, item) in fields {
                path.push(k.clone());
                leaves(item, path, out);
                path.pop();
            }
        }
        Value::Array(items) if !items.is_empty() => {
            for (i, item) in items.iter().enumerate() {
                path.push((i + 1).to_string());
                leaves(item, path, out);
                path.pop();
            }
        }
        _ => out.push((path.clone(), v)),
    }
}

/// The fields whose values differ between before and after, one row per changed value, with
/// the field's path in words ("Üksuse ajalugu › 2 › Kuni").
pub fn changes(lang: Lang, e: &AuditEvent, names: &HashMap<String, String>) -> Vec<FieldChange> {
    let mut before = Vec::new();
    let mut after = Vec::new();
    if let Some(b) = &e.entry.before {
        leaves(b, &mut Vec::new(), &mut before);
    }
    if let Some(a) = &e.entry.after {
        leaves(a, &mut Vec::new(), &mut after);
    }
    let mut paths: Vec<&Vec<String>> = before.iter().chain(&after).map(|(p, _)| p).collect();
    paths.sort();
    paths.dedup();
    let find = |list: &[(Vec<String>, &Value)], path: &Vec<String>| {
        list.iter()
            .find(|(p, _)| p == path)
            .map(|(_, v)| (*v).clone())
    };
    let is_index = |k: &str| k.parse::<usize>().is_ok();
    // A new draft version starts without the previous version's approval, signatures, source
    // file, dates in force and workflow (the previous version keeps them): what the draft
    // changed is its content, version, status and author.
    let not_carried_over: &[&str] = if e.entry.action == "job_description.draft_saved" {
        &[
            "approval",
            "signatures",
            "source",
            "effective_from",
            "effective_to",
            "workflow",
            "created_at",
        ]
    } else {
        &[]
    };
    let mut out = Vec::new();
    for path in paths {
        // A new version's own id is not a change anyone reads.
        if path.len() == 1 && path[0] == "id" {
            continue;
        }
        if path.first().is_some_and(|k| {
            not_carried_over.contains(&k.as_str()) || history_summary::hidden(e, k)
        }) {
            continue;
        }
        let key = path
            .iter()
            .rev()
            .find(|k| !is_index(k))
            .map(String::as_str)
            .unwrap_or("");
        let before = show_value(lang, key, find(&before, path).as_ref(), names);
        let after = show_value(lang, key, find(&after, path).as_ref(), names);
        // A value that is missing on one side and empty on the other did not change.
        if before == after {
            continue;
        }
        let mut parent = None;
        let field = path
            .iter()
            // A list's items are numbered under the list's own name.
            .filter(|k| k.as_str() != "items")
            .map(|k| {
                if is_index(k) {
                    k.clone()
                } else {
                    let label = field_label(lang, parent, k);
                    parent = Some(k.as_str());
                    label
                }
            })
            .collect::<Vec<_>>()
            .join(" › ");
        out.push(FieldChange {
            field,
            before,
            after,
        });
    }
    out
}

/// Every string of a JSON value that is a UUID (the ids a change names), as position ids.
fn uuids_in(v: &Value, out: &mut Vec<PositionId>) {
    match v {
        Value::String(s) => {
            if let Ok(id) = PositionId::parse(s) {
                out.push(id);
            }
        }
        Value::Array(items) => items.iter().for_each(|x| uuids_in(x, out)),
        Value::Object(map) => map.values().for_each(|x| uuids_in(x, out)),
        _ => {}
    }
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    kind: &str,
    id: &str,
    title: String,
    back: String,
) -> Result<Response, PageError> {
    let history = state.store.audit_history(kind, id).await?;
    let mut names: HashMap<String, String> = HashMap::new();
    for u in state.store.list_units().await? {
        names.insert(u.id.to_string(), u.name().to_string());
    }
    // Only the positions the events name (supervisors, substitutes …), not every position.
    let mut named: Vec<PositionId> = Vec::new();
    for e in &history {
        for v in [&e.entry.before, &e.entry.after].into_iter().flatten() {
            uuids_in(v, &mut named);
        }
    }
    named.sort();
    named.dedup();
    for p in state.store.positions_by_id(&named).await? {
        names.insert(p.id.to_string(), p.full_title());
    }
    for c in state.store.list_role_cards().await? {
        names.insert(c.id.to_string(), c.display_title());
    }
    for c in state.store.list_competencies().await? {
        names.insert(c.id.to_string(), c.name);
    }
    let events = history
        .iter()
        .rev()
        .map(|e| {
            let summary = history_summary::summary(ctx.lang, e);
            EventRow {
                at: instant(e.entry.at),
                actor: summary.actor.unwrap_or_else(|| e.entry.actor.clone()),
                capacity: summary.capacity,
                action: action_label(ctx.lang, &e.entry.action),
                summary: summary.lines,
                changes: changes(ctx.lang, e, &names),
            }
        })
        .collect();
    let p = Page::new(
        ctx,
        if kind == "unit" { "units" } else { "positions" },
        title,
    );
    Ok(render(&HistoryPage { p, back, events }))
}

#[tracing::instrument(skip_all)]
async fn unit_history(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id: UnitId = parse_id(&id)?;
    let (units, tree) = unit_tree(&state).await?;
    let unit = units
        .iter()
        .find(|u| u.id == id)
        .ok_or(PageError::NotFound)?;
    ctx.require(Permission::ReadHistory, Target::Unit(&id), &tree)?;
    let title = ta(
        ctx.lang,
        "history-title",
        &[("name", Arg::from(unit.name()))],
    );
    page(
        &state,
        &ctx,
        "unit",
        id.as_str(),
        title,
        format!("/units/{id}"),
    )
    .await
}

#[tracing::instrument(skip_all)]
async fn position_history(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id: PositionId = parse_id(&id)?;
    let (_, tree) = unit_tree(&state).await?;
    let position = state
        .store
        .get_position(&id)
        .await?
        .ok_or(PageError::NotFound)?;
    ctx.require(
        Permission::ReadHistory,
        Target::Position {
            id: &id,
            unit: &position.unit,
        },
        &tree,
    )?;
    let title = ta(
        ctx.lang,
        "history-title",
        &[("name", Arg::from(position.full_title()))],
    );
    page(
        &state,
        &ctx,
        "position",
        id.as_str(),
        title,
        format!("/positions/{id}"),
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use ametijuhend_store::AuditEntry;
    use serde_json::json;

    fn event(action: &str, before: Value, after: Value) -> AuditEvent {
        AuditEvent {
            id: 1,
            entry: AuditEntry {
                at: Timestamp::parse("2030-01-02T08:00:00Z").expect("a time"),
                actor: "hr".into(),
                action: action.into(),
                record_kind: "unit".into(),
                record_id: "u".into(),
                before: Some(before),
                after: Some(after),
            },
        }
    }

    fn rows(lang: Lang, e: &AuditEvent, names: &HashMap<String, String>) -> Vec<[String; 3]> {
        changes(lang, e, names)
            .into_iter()
            .map(|c| [c.field, c.before, c.after])
            .collect()
    }

    #[test]
    fn a_rename_shows_the_closed_version_and_the_new_one_in_words() {
        let names = HashMap::from([("p1".to_string(), "Teenuste osakond".to_string())]);
        let version = |name: &str, from: Value, to: Value| json!({"name": name, "kind": "division", "parent": "p1", "valid_from": from, "valid_to": to});
        let e = event(
            "unit.changed",
            json!({"id": "u", "versions": [version("Vana", Value::Null, Value::Null)]}),
            json!({"id": "u", "versions": [
                version("Vana", Value::Null, json!("2029-12-31")),
                version("Uus", json!("2030-01-01"), Value::Null),
            ]}),
        );
        let r = rows(Lang::Et, &e, &names);
        let s = |x: &str| x.to_string();
        assert_eq!(
            r,
            vec![
                [s("Üksuse ajalugu › 1 › Kuni"), s("–"), s("31.12.2029")],
                [s("Üksuse ajalugu › 2 › Liik"), s("–"), s("talitus")],
                [s("Üksuse ajalugu › 2 › Nimi"), s("–"), s("Uus")],
                [
                    s("Üksuse ajalugu › 2 › Kõrgemalseisev üksus"),
                    s("–"),
                    s("Teenuste osakond")
                ],
                [s("Üksuse ajalugu › 2 › Alates"), s("–"), s("01.01.2030")],
            ]
        );
        let r = rows(Lang::En, &e, &names);
        assert_eq!(r[0][0], "History of the unit › 1 › To");
    }

    #[test]
    fn a_draft_save_shows_content_version_status_and_author_only() {
        let before = json!({
            "id": "a", "version": 2, "status": "signed", "created_by": "mari",
            "created_at": "2024-03-06T10:15:00Z", "purpose": "Vana eesmärk.",
            "approval": {"annex": 2, "directive_date": "2023-03-06"},
            "signatures": [{"name": "Maret Maripuu"}], "effective_from": "2023-03-01",
            "competencies": [{"competency": "c1", "kind": "core"}], "unplaced": []
        });
        let after = json!({
            "id": "b", "version": 3, "status": "draft", "created_by": "hr",
            "created_at": "2030-01-02T08:00:00Z", "purpose": "Uus eesmärk.",
            "approval": null, "signatures": [], "effective_from": null,
            "competencies": [{"competency": "c1", "kind": "core"}], "unplaced": []
        });
        let e = event("job_description.draft_saved", before, after);
        let fields: Vec<String> = rows(Lang::Et, &e, &HashMap::new())
            .into_iter()
            .map(|[f, b, a]| format!("{f}: {b} → {a}"))
            .collect();
        assert_eq!(
            fields,
            [
                "Kes: mari → hr",
                "Ametikoha eesmärk: Vana eesmärk. → Uus eesmärk.",
                "Seis: allkirjastatud → kavand",
                "Versioon: 2 → 3",
            ]
        );
    }
}
