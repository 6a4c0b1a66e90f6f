//! What an audit event did, in the reader's words, where its record's JSON would only show
//! internals: a lifecycle transition as one sentence ("Kinnitatud käskkirjaga 1-1/124 (lisa 2)"
//! with a link to the directive), who acted in which capacity, a review recorded, a signature
//! container issued or attached. The parts a summary tells (the version's workflow, approval and
//! signatures; a signature event's record) are left out of the field rows ([`hidden`]).

use super::date;
use crate::i18n::{Arg, Lang, translate};
use ametijuhend_domain::job_description::{JobDescription, SignatureParty};
use ametijuhend_domain::review::ReviewOutcome;
use ametijuhend_domain::workflow::{ActionKind, TransitionRecord};
use ametijuhend_store::AuditEvent;
use serde_json::Value;

/// One sentence of a summary, with where it links to (a directive, a version).
pub struct SummaryLine {
    pub text: String,
    pub href: Option<String>,
}

/// An event in words: its sentences, and who acted (name and account) in which capacity.
#[derive(Default)]
pub struct Summary {
    pub lines: Vec<SummaryLine>,
    pub actor: Option<String>,
    pub capacity: Option<String>,
}

fn line(text: String) -> SummaryLine {
    SummaryLine { text, href: None }
}

fn version_of(v: Option<&Value>) -> Option<JobDescription> {
    serde_json::from_value(v?.clone()).ok()
}

/// True when the field rows leave out the path starting with `first` (what the summary tells, or
/// internals no reader needs): a version's lifecycle data always, its approval and signatures
/// when the event is a transition, everything of a signature event.
pub fn hidden(e: &AuditEvent, first: &str) -> bool {
    let action = e.entry.action.as_str();
    created_version(e).is_some()
        || first == "workflow"
        || action.starts_with("signature.")
        || (is_transition(action) && matches!(first, "approval" | "signatures"))
}

/// The version an event created (a new version started, a draft from a role card): its rows
/// would be every field of the document, so the summary names and links the version instead.
fn created_version(e: &AuditEvent) -> Option<JobDescription> {
    if !e.entry.action.starts_with("job_description.") || e.entry.before.is_some() {
        return None;
    }
    version_of(e.entry.after.as_ref())
}

/// True for the audit action of a lifecycle transition ("job_description.approve").
fn is_transition(action: &str) -> bool {
    action
        .strip_prefix("job_description.")
        .is_some_and(|a| ActionKind::ALL.iter().any(|k| k.as_str() == a))
}

/// The event in words (empty when the action's name and the field rows say it all).
pub fn summary(lang: Lang, e: &AuditEvent) -> Summary {
    let action = e.entry.action.as_str();
    if action.starts_with("signature.") {
        return signature_summary(lang, e);
    }
    if let Some(v) = created_version(e) {
        let status = translate(
            lang,
            &format!("status-{}", v.status.as_str().replace('_', "-")),
            &[],
        );
        return Summary {
            lines: vec![SummaryLine {
                text: translate(
                    lang,
                    "history-version-created",
                    &[
                        ("version", Arg::from(v.version)),
                        ("status", Arg::from(status)),
                    ],
                ),
                href: Some(format!("/job-descriptions/{}", v.id)),
            }],
            ..Summary::default()
        };
    }
    let (Some(before), Some(after)) = (
        version_of(e.entry.before.as_ref()),
        version_of(e.entry.after.as_ref()),
    ) else {
        return Summary::default();
    };
    let mut out = Summary::default();
    if is_transition(action) {
        for r in after
            .workflow
            .history
            .iter()
            .skip(before.workflow.history.len())
        {
            out.actor = Some(match &r.by_name {
                Some(n) if n != &r.by => format!("{n} ({})", r.by),
                _ => r.by.clone(),
            });
            out.capacity = Some(translate(
                lang,
                &format!("wf-capacity-{}", r.capacity.as_str()),
                &[],
            ));
            out.lines.extend(transition_lines(lang, r, &after));
        }
    }
    for r in after
        .workflow
        .reviews
        .iter()
        .skip(before.workflow.reviews.len())
    {
        let outcome = match &r.outcome {
            ReviewOutcome::NoChange => translate(lang, "wf-review-no-change", &[]),
            ReviewOutcome::NewVersionStarted { .. } => {
                translate(lang, "wf-review-new-version", &[])
            }
        };
        out.lines.push(line(translate(
            lang,
            "history-review",
            &[
                ("date", Arg::from(date(r.date))),
                ("outcome", Arg::from(outcome)),
            ],
        )));
        if let Some(c) = r.comment.as_deref().filter(|c| !c.trim().is_empty()) {
            out.lines.push(comment(lang, c));
        }
    }
    out
}

fn comment(lang: Lang, c: &str) -> SummaryLine {
    line(translate(
        lang,
        "history-comment",
        &[("comment", Arg::from(c))],
    ))
}

/// The sentences of one transition: what it decided, with its dates, directive and comment.
fn transition_lines(lang: Lang, r: &TransitionRecord, after: &JobDescription) -> Vec<SummaryLine> {
    let mut out = Vec::new();
    match r.action {
        ActionKind::Approve => {
            if let Some(a) = &after.approval {
                let number = a.directive_number.clone().unwrap_or_else(|| "–".into());
                let mut details: Vec<String> = a.directive_date.map(date).into_iter().collect();
                if let Some(annex) = a.annex {
                    details.push(translate(
                        lang,
                        "history-annex",
                        &[("annex", Arg::from(annex))],
                    ));
                }
                let text = if details.is_empty() {
                    translate(lang, "history-approved", &[("number", Arg::from(number))])
                } else {
                    translate(
                        lang,
                        "history-approved-details",
                        &[
                            ("number", Arg::from(number)),
                            ("details", Arg::from(details.join(", "))),
                        ],
                    )
                };
                out.push(SummaryLine {
                    text,
                    href: a.directive.as_ref().map(|d| format!("/directives/{d}")),
                });
            }
        }
        ActionKind::Acknowledge => {
            let signed = after
                .signatures
                .iter()
                .rev()
                .find(|s| s.party == SignatureParty::Holder)
                .and_then(|s| s.date);
            if let Some(d) = signed {
                out.push(line(translate(
                    lang,
                    "history-acknowledged",
                    &[("date", Arg::from(date(d)))],
                )));
            }
        }
        ActionKind::RecordConsent => {
            if let Some(c) = &after.workflow.consent {
                out.push(line(translate(
                    lang,
                    "history-consent-given",
                    &[("date", Arg::from(date(c.given_on)))],
                )));
            }
        }
        ActionKind::PutInForce => {
            if let Some(d) = after.effective_from {
                out.push(line(translate(
                    lang,
                    "history-in-force-from",
                    &[("date", Arg::from(date(d)))],
                )));
            }
        }
        _ => {}
    }
    if let Some(c) = r.comment.as_deref().filter(|c| !c.trim().is_empty()) {
        out.push(comment(lang, c));
    }
    out
}

/// A signature container issued (its files) or a signed one attached (its file name, linked to
/// the version or directive it belongs to).
fn signature_summary(lang: Lang, e: &AuditEvent) -> Summary {
    let Some(after) = e.entry.after.as_ref() else {
        return Summary::default();
    };
    let s = |k: &str| after.get(k).and_then(Value::as_str).unwrap_or("");
    let href = match (s("record"), s("id")) {
        (_, "") => None,
        ("directive", id) => Some(format!("/directives/{id}")),
        (_, id) => Some(format!("/job-descriptions/{id}")),
    };
    let text = if e.entry.action == "signature.attached" {
        translate(
            lang,
            "history-signature-attached",
            &[("file", Arg::from(s("file_name")))],
        )
    } else {
        let files: Vec<&str> = after
            .get("files")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|f| f.get(0).and_then(Value::as_str))
            .collect();
        translate(
            lang,
            "history-container-issued",
            &[("files", Arg::from(files.join(", ")))],
        )
    };
    Summary {
        lines: vec![SummaryLine { text, href }],
        ..Summary::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pages::home::action_label;
    use ametijuhend_domain::sample::sample_registry;
    use ametijuhend_domain::workflow::Capacity;
    use ametijuhend_domain::{DirectiveId, Timestamp};
    use ametijuhend_store::AuditEntry;

    /// Every action the audit trail is written with (besides the lifecycle's transitions).
    const ACTIONS: &[&str] = &[
        "unit.created",
        "unit.changed",
        "position.created",
        "position.changed",
        "position.removed",
        "job_description.draft_saved",
        "job_description.review_recorded",
        "job_description.new_version_started",
        "job_description.draft_from_role_card",
        "job_description.card_update_taken_in",
        "job_description.card_update_dismissed",
        "directive.created",
        "directive.recorded",
        "directive.registered",
        "signature.container_issued",
        "signature.attached",
        "unit.imported",
        "position.imported",
        "directive.imported",
        "job_description.imported",
    ];

    #[test]
    fn every_audit_action_has_a_name_in_every_language() {
        let transitions = ActionKind::ALL.map(|k| format!("job_description.{}", k.as_str()));
        for lang in Lang::ALL {
            for action in ACTIONS
                .iter()
                .copied()
                .chain(transitions.iter().map(String::as_str))
            {
                let label = action_label(lang, action);
                assert!(!label.starts_with("action-"), "{}: {action}", lang.code());
            }
        }
    }

    #[test]
    fn an_approval_reads_as_a_sentence_with_the_directive_linked() {
        let r = sample_registry();
        let mut before = r.job_descriptions[0].clone();
        before.workflow.history.clear();
        before.approval = None;
        let mut after = before.clone();
        let directive = DirectiveId::derived("1-1/124");
        after.approval = Some(ametijuhend_domain::job_description::Approval {
            directive: Some(directive.clone()),
            directive_number: Some("1-1/124".into()),
            directive_date: chrono::NaiveDate::from_ymd_opt(2026, 3, 6),
            annex: Some(2),
            approved_by: None,
            placeholders: vec![],
        });
        let at = Timestamp::parse("2026-03-06T08:00:00Z").expect("a time");
        after.workflow.history.push(TransitionRecord {
            from: before.status,
            to: before.status,
            action: ActionKind::Approve,
            by: "hr".into(),
            by_name: Some("Mari Maasikas".into()),
            capacity: Capacity::Hr,
            at,
            comment: None,
        });
        let e = AuditEvent {
            id: 1,
            entry: AuditEntry::new(at, "hr", "job_description.approve", "position", "p")
                .before(&before)
                .after(&after),
        };
        let s = summary(Lang::Et, &e);
        assert_eq!(s.actor.as_deref(), Some("Mari Maasikas (hr)"));
        assert_eq!(s.capacity.as_deref(), Some("personalitöötaja"));
        assert_eq!(s.lines.len(), 1);
        assert_eq!(
            s.lines[0].text,
            "Kinnitatud käskkirjaga 1-1/124 (06.03.2026, lisa 2)"
        );
        assert_eq!(
            s.lines[0].href.as_deref(),
            Some(format!("/directives/{directive}").as_str())
        );
        assert_eq!(
            summary(Lang::Ru, &e).lines[0].text,
            "Утверждена приказом 1-1/124 (06.03.2026, приложение 2)"
        );
        for first in ["workflow", "approval", "signatures"] {
            assert!(hidden(&e, first), "{first}");
        }
        assert!(!hidden(&e, "status"));
    }

    #[test]
    fn a_new_version_is_named_and_linked_not_listed_field_by_field() {
        let mut v = sample_registry().job_descriptions[0].clone();
        v.version = 3;
        v.status = ametijuhend_domain::job_description::Status::Draft;
        let at = Timestamp::parse("2026-03-06T08:00:00Z").expect("a time");
        let e = AuditEvent {
            id: 1,
            entry: AuditEntry::new(
                at,
                "hr",
                "job_description.new_version_started",
                "position",
                "p",
            )
            .after(&v),
        };
        let s = summary(Lang::Et, &e);
        assert_eq!(s.lines[0].text, "Uus versioon 3 (kavand)");
        assert_eq!(
            s.lines[0].href.as_deref(),
            Some(format!("/job-descriptions/{}", v.id).as_str())
        );
        assert!(hidden(&e, "duties") && hidden(&e, "purpose"));
        assert!(crate::pages::history::changes(Lang::Et, &e, &Default::default()).is_empty());
    }
}
