//! The lifecycle panel of a version page: its status, sign-offs and who must act next, the
//! transition history, the consent verdict, and the actions the signed-in account may take now
//! (only those that would succeed), with the confirmation of the action just taken.

use super::*;

pub struct HistoryRow {
    pub at: String,
    pub by: String,
    pub capacity: String,
    pub action: String,
    pub change: String,
    pub comment: String,
}

pub struct ConsentView {
    pub needed: bool,
    pub verdict: String,
    pub reasons: Vec<String>,
    pub other_changes: Vec<String>,
    /// (id, version) of the version compared with.
    pub baseline: Option<(String, u32)>,
    /// The recorded consent, when there is one.
    pub recorded: Option<String>,
}

/// The lifecycle part of a version's page.
pub struct LifecyclePanel {
    pub id: String,
    pub position_id: String,
    pub status: String,
    pub history: Vec<HistoryRow>,
    pub sign_offs: Vec<String>,
    pub consent: Option<ConsentView>,
    actions: Vec<ActionKind>,
    /// The account may discard this draft (the confirmation page is offered).
    pub can_discard: bool,
    /// A draft the account may edit.
    pub can_edit: bool,
    pub today: String,
    /// The notice after a transition (`?done=ACTION`).
    pub done: Option<String>,
    pub compare_with: Option<(String, u32)>,
    /// Who must act next, and how ("Ootab: vahetu juhi kooskõlastust").
    pub waiting: Vec<String>,
    /// A coordinated version the account may approve: the directive form with this version
    /// chosen as an annex (registering the directive approves it).
    pub prepare_directive: Option<String>,
    /// A directive not yet registered that lists this version as an annex (its page, its
    /// title): registering it approves the version.
    pub directive_to_register: Option<(String, String)>,
}

impl LifecyclePanel {
    /// True when the action (`ActionKind::as_str`) is offered.
    pub fn has(&self, kind: &str) -> bool {
        self.actions.iter().any(|a| a.as_str() == kind)
    }

    pub fn any_action(&self) -> bool {
        !self.actions.is_empty() || self.can_discard
    }
}

fn query_param<'a>(path: &'a str, name: &str) -> Option<&'a str> {
    path.split_once('?')?
        .1
        .split('&')
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// The lifecycle panel of version `jd` for the signed-in account.
pub async fn panel(
    state: &AppState,
    ctx: &Ctx,
    jd: &JobDescription,
) -> Result<Option<LifecyclePanel>, PageError> {
    let Some(user) = ctx.user.as_ref() else {
        return Ok(None);
    };
    let Some(vs) = VersionState::load(state.store.as_ref(), &jd.id).await? else {
        return Ok(None);
    };
    let (at, today) = (state.clock.timestamp(), state.clock.today());
    Ok(Some(build_panel(ctx, user, &vs, at, today)))
}

/// Who must act next on `vs`, in the reader's language: each step the version waits for.
fn waiting_for(lang: Lang, vs: &VersionState) -> Vec<String> {
    // Before a directive can approve a change that needs the official's consent, HR records it.
    let consent_first = vs.jd.status == Status::InCoordination
        && vs.jd.workflow.consent.is_none()
        && vs.assessment().needs_consent;
    let consent = consent_first.then(|| translate(lang, "wf-waiting-consent", &[]));
    consent
        .into_iter()
        .chain(
            ametijuhend_domain::workflow::next_steps(&vs.jd)
                .into_iter()
                .map(|step| {
                    let from = vs.jd.effective_from.map(date).unwrap_or_else(|| "–".into());
                    let mut key = format!("wf-waiting-{}", step.as_str().replace('_', "-"));
                    // No account is the supervisor: the step falls to HR, and the page says so.
                    if step == ametijuhend_domain::workflow::NextStep::SignOffAsSupervisor
                        && !vs.supervisor_account
                    {
                        key.push_str("-by-hr");
                    }
                    ta(lang, &key, &[("from", Arg::from(from))])
                }),
        )
        .collect()
}

fn build_panel(
    ctx: &Ctx,
    user: &User,
    vs: &VersionState,
    at: ametijuhend_domain::Timestamp,
    today: chrono::NaiveDate,
) -> LifecyclePanel {
    let lang = ctx.lang;
    let jd = &vs.jd;
    let history = jd
        .workflow
        .history
        .iter()
        .map(|r| HistoryRow {
            at: instant(r.at),
            by: match &r.by_name {
                Some(n) if n != &r.by => format!("{n} ({})", r.by),
                _ => r.by.clone(),
            },
            capacity: capacity_name(lang, r.capacity),
            action: action_name(lang, r.action),
            change: if r.from == r.to {
                status_name(lang, r.to)
            } else {
                format!(
                    "{} → {}",
                    status_name(lang, r.from),
                    status_name(lang, r.to)
                )
            },
            comment: r.comment.clone().unwrap_or_default(),
        })
        .collect();
    let sign_offs = jd
        .workflow
        .sign_offs
        .iter()
        .map(|s| {
            ta(
                lang,
                "wf-signed-off",
                &[
                    ("party", Arg::from(party_name(lang, s.party))),
                    ("by", Arg::from(&s.by)),
                    ("at", Arg::from(instant(s.at))),
                ],
            )
        })
        .collect();
    let consent = matches!(
        jd.status,
        Status::Draft | Status::InCoordination | Status::Approved
    )
    .then(|| {
        let a = vs.assessment();
        ConsentView {
            needed: a.needs_consent,
            verdict: verdict(lang, &a),
            reasons: a.reasons.iter().map(|r| reason_text(lang, r)).collect(),
            other_changes: a
                .other_changes
                .iter()
                .map(|r| reason_text(lang, r))
                .collect(),
            baseline: vs.baseline().map(|b| (b.id.to_string(), b.version)),
            recorded: jd.workflow.consent.as_ref().map(|c| {
                ta(
                    lang,
                    "wf-consent-recorded",
                    &[
                        ("date", Arg::from(date(c.given_on))),
                        ("by", Arg::from(&c.recorded_by)),
                    ],
                )
            }),
        }
    });
    let may_edit = ctx.can(
        Permission::Edit,
        Target::Position {
            id: &vs.position.id,
            unit: &vs.position.unit,
        },
        &vs.tree,
    );
    let latest = vs.versions.iter().map(|v| v.version).max().unwrap_or(0);
    let previous = vs
        .versions
        .iter()
        .filter(|v| v.version < jd.version)
        .max_by_key(|v| v.version)
        .map(|v| (v.id.to_string(), v.version));
    let actions = vs.available(&Principal::of(user), at, today);
    let prepare_directive = (actions.contains(&ActionKind::Approve)
        && ctx.can(Permission::Directives, Target::Registry, &vs.tree))
    .then(|| format!("/directives/new?jd={}&status=in_coordination", jd.id));
    let directive_to_register = vs
        .directives
        .iter()
        .find(|d| !d.is_registered())
        .map(|d| (format!("/directives/{}#register", d.id), d.title.clone()));
    LifecyclePanel {
        prepare_directive,
        directive_to_register,
        id: jd.id.to_string(),
        position_id: vs.position.id.to_string(),
        status: status_name(lang, jd.status),
        history,
        sign_offs,
        consent,
        actions,
        can_discard: vs.may_discard(&Principal::of(user)).is_ok(),
        waiting: waiting_for(lang, vs),
        can_edit: may_edit && can_edit(jd.status) && jd.version == latest,
        today: today.to_string(),
        done: query_param(&ctx.path, "done")
            .and_then(|d| ActionKind::ALL.into_iter().find(|k| k.as_str() == d))
            .map(|k| {
                ta(
                    lang,
                    "wf-done",
                    &[("action", Arg::from(action_name(lang, k)))],
                )
            }),
        compare_with: previous,
    }
}
