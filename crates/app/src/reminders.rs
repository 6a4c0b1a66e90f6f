//! The review reminders: who gets which e-mail about the annual reviews falling due within
//! [`REMINDER_LEAD_DAYS`], the e-mail in the recipient's language, and the record of what was
//! sent so that nothing is sent twice. `ametijuhend notify` and the daily run of `serve` are
//! thin callers: they hand over a transport ([`Outbox`]) and print or log the [`Report`].
//!
//! - **Who.** One reminder per position whose review falls due within the lead time (and is
//!   not overdue yet), as [`ametijuhend_domain::review::reminders`] would give it, read from
//!   the registry-wide reports the store computes slice by slice
//!   ([`ametijuhend_store::reports`]): the whole registry is never held. Reminders are grouped
//!   by the person who holds the supervisor's position on the day ("today" is the Europe/Tallinn
//!   day of the injected [`Clock`]); each such person gets one e-mail listing their positions.
//!   Reminders that cannot be delivered — the position has no supervisor, the supervisor's
//!   position is vacant, its holder has no e-mail address — are returned with the reason,
//!   never dropped silently.
//! - **Language.** Each e-mail is written in the language of the account that holds the
//!   supervisor's position (`user add --position … --language et|en|ru`), in Estonian when no
//!   account does; the texts are the Fluent messages of `mail.ftl` ([`ametijuhend_i18n`]).
//! - **Once.** Every reminder sent is recorded by its key (position and due date); a key
//!   recorded before is not planned again, so the run may happen daily or after days without
//!   running.

use crate::{AppError, Clock};
use ametijuhend_domain::review::{DueState, REMINDER_LEAD_DAYS, Reminder};
use ametijuhend_domain::time::format_date_et;
use ametijuhend_domain::{PersonId, PositionId};
use ametijuhend_i18n::{Arg, Lang, translate};
use ametijuhend_store::Repository;
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};

/// A reminder with the name of its position's unit (for the e-mail).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    pub reminder: Reminder,
    pub unit_name: String,
}

/// The reminders of one supervisor: one e-mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Digest {
    pub name: String,
    pub email: String,
    /// The language of the account holding the supervisor's position (Estonian without one).
    pub lang: Lang,
    /// Soonest due first.
    pub reminders: Vec<Planned>,
}

/// What one run does.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Plan {
    pub today: NaiveDate,
    /// By e-mail address.
    pub digests: Vec<Digest>,
    /// Reminders that cannot be delivered, with the reason.
    pub undeliverable: Vec<(Planned, String)>,
    /// Reminders sent before (not sent again).
    pub already_sent: usize,
}

impl Plan {
    /// How many reminders the digests hold.
    pub fn reminder_count(&self) -> usize {
        self.digests.iter().map(|d| d.reminders.len()).sum()
    }
}

/// The reminders due on `today` that were not sent before: the review due list of the
/// streaming reports, the supervisors' positions and holders read by id, the accounts for the
/// languages.
pub async fn plan(store: &dyn Repository, today: NaiveDate) -> Result<Plan, AppError> {
    let reports = ametijuhend_store::reports(store, today, REMINDER_LEAD_DAYS)
        .await
        .map_err(AppError::Store)?;
    let mut all: Vec<Planned> = Vec::new();
    for unit in &reports.due {
        for item in &unit.due_soon {
            let (DueState::DueSoon { .. }, Some(due)) = (item.state, item.due) else {
                continue;
            };
            all.push(Planned {
                reminder: Reminder {
                    key: format!("{}/{due}", item.position),
                    position: item.position.clone(),
                    title: item.title.clone(),
                    supervisor: item.supervisor.clone(),
                    supervisor_holder: None,
                    due,
                    remind_on: due
                        .checked_sub_days(chrono::Days::new(u64::from(REMINDER_LEAD_DAYS)))
                        .unwrap_or(NaiveDate::MIN),
                },
                unit_name: unit.unit_name.clone(),
            });
        }
    }
    all.sort_by(|a, b| (a.reminder.due, &a.reminder.key).cmp(&(b.reminder.due, &b.reminder.key)));
    let keys: Vec<String> = all.iter().map(|r| r.reminder.key.clone()).collect();
    let sent = store
        .notifications_sent(&keys)
        .await
        .map_err(AppError::Store)?;
    all.retain(|r| !sent.contains(&r.reminder.key));
    let already_sent = keys.len() - all.len();

    // The supervisors' positions, their holders on the day and those persons.
    let mut supervisor_ids: Vec<PositionId> = all
        .iter()
        .filter_map(|r| r.reminder.supervisor.clone())
        .collect();
    supervisor_ids.sort();
    supervisor_ids.dedup();
    let supervisors: HashMap<PositionId, ametijuhend_domain::Position> = store
        .positions_by_id(&supervisor_ids)
        .await
        .map_err(AppError::Store)?
        .into_iter()
        .map(|p| (p.id.clone(), p))
        .collect();
    let mut persons: HashMap<PersonId, ametijuhend_domain::Person> = HashMap::new();
    for s in supervisors.values() {
        if let Some(holder) = s.holder_on(today)
            && !persons.contains_key(holder)
            && let Some(p) = store.get_person(holder).await.map_err(AppError::Store)?
        {
            persons.insert(holder.clone(), p);
        }
    }
    // The language of each position's account (the first account, when several hold it).
    let mut languages: HashMap<PositionId, Lang> = HashMap::new();
    for u in store.list_users().await.map_err(AppError::Store)? {
        if let (Some(p), Some(lang)) = (u.position, Lang::parse(&u.language)) {
            languages.entry(p).or_insert(lang);
        }
    }

    let mut by_email: BTreeMap<String, Digest> = BTreeMap::new();
    let mut undeliverable = Vec::new();
    for mut r in all {
        let supervisor = r
            .reminder
            .supervisor
            .as_ref()
            .and_then(|s| supervisors.get(s));
        r.reminder.supervisor_holder = supervisor.and_then(|s| s.holder_on(today)).cloned();
        let person = r
            .reminder
            .supervisor_holder
            .as_ref()
            .and_then(|p| persons.get(p));
        let reason = match (&r.reminder.supervisor, supervisor, person) {
            (None, _, _) => Some("the position has no supervisor".to_string()),
            (Some(s), None, _) => Some(format!(
                "the supervisor position {s} is not in the registry"
            )),
            (Some(_), Some(s), None) => Some(format!(
                "the supervisor position '{}' has no holder on {}",
                s.full_title(),
                format_date_et(today)
            )),
            (Some(s), Some(_), Some(p)) => match p.email.as_deref().map(str::trim) {
                Some(e) if !e.is_empty() => {
                    by_email
                        .entry(e.to_string())
                        .or_insert_with(|| Digest {
                            name: p.name.clone(),
                            email: e.to_string(),
                            lang: languages.get(s).copied().unwrap_or_default(),
                            reminders: vec![],
                        })
                        .reminders
                        .push(r.clone());
                    None
                }
                _ => Some(format!(
                    "the supervisor {} has no e-mail address in the registry",
                    p.name
                )),
            },
        };
        if let Some(reason) = reason {
            undeliverable.push((r, reason));
        }
    }
    Ok(Plan {
        today,
        digests: by_email.into_values().collect(),
        undeliverable,
        already_sent,
    })
}

/// An e-mail as composed: subject and plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    pub subject: String,
    pub body: String,
}

/// The subject and text of a supervisor's e-mail, in the digest's language; with `base_url`,
/// each position is followed by its link.
pub fn compose(d: &Digest, base_url: Option<&str>) -> Mail {
    let t = |key: &str, args: &[(&str, Arg)]| translate(d.lang, key, args);
    let subject = match d.reminders.as_slice() {
        [one] => t(
            "mail-review-subject-one",
            &[
                ("title", Arg::from(&one.reminder.title)),
                ("due", Arg::from(format_date_et(one.reminder.due))),
            ],
        ),
        many => t(
            "mail-review-subject-many",
            &[("count", Arg::from(many.len()))],
        ),
    };
    let mut body = format!(
        "{}\n\n{}\n\n",
        t("mail-review-greeting", &[("name", Arg::from(&d.name))]),
        t(
            "mail-review-intro",
            &[("days", Arg::from(REMINDER_LEAD_DAYS))]
        )
    );
    for r in &d.reminders {
        body.push_str(&t(
            "mail-review-item",
            &[
                ("title", Arg::from(&r.reminder.title)),
                ("unit", Arg::from(&r.unit_name)),
                ("due", Arg::from(format_date_et(r.reminder.due))),
            ],
        ));
        body.push('\n');
        if let Some(base) = base_url {
            body.push_str(&format!(
                "  {}/positions/{}\n",
                base.trim_end_matches('/'),
                r.reminder.position
            ));
        }
    }
    body.push_str(&format!(
        "\n{}\n\n{}\n",
        t("mail-review-outro", &[]),
        t("mail-signature", &[])
    ));
    Mail { subject, body }
}

/// How e-mail leaves the program (SMTP in the command line; a recorder in tests). The error
/// says what failed, without secrets.
pub trait Outbox: Send + Sync {
    fn send(
        &self,
        to_name: &str,
        to_email: &str,
        mail: &Mail,
    ) -> impl std::future::Future<Output = Result<(), String>> + Send;
}

/// What sending did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    pub emails: usize,
    pub reminders: usize,
    /// One line per e-mail not sent, or sent but not recorded.
    pub failed: Vec<String>,
}

/// Sends one e-mail per digest of `plan` and records its reminders as sent (at the clock's
/// time, with the address), so that a later run does not send them again. An e-mail that
/// fails is reported and not recorded: the next run tries again.
pub async fn send(
    store: &dyn Repository,
    clock: &dyn Clock,
    plan: &Plan,
    outbox: &impl Outbox,
    base_url: Option<&str>,
) -> Report {
    let mut out = Report::default();
    for d in &plan.digests {
        let mail = compose(d, base_url);
        if let Err(e) = outbox.send(&d.name, &d.email, &mail).await {
            tracing::warn!(error = %e, "a reminder e-mail was not sent");
            out.failed.push(e);
            continue;
        }
        let keys: Vec<String> = d.reminders.iter().map(|r| r.reminder.key.clone()).collect();
        match store
            .record_notifications(&keys, &d.email, clock.timestamp())
            .await
        {
            Ok(()) => {
                out.emails += 1;
                out.reminders += keys.len();
            }
            Err(e) => out.failed.push(format!(
                "{}: sent, but cannot record it as sent ({e}); it may be sent again",
                d.email
            )),
        }
    }
    out
}

/// One run as `serve` does it daily: plans the reminders of the clock's day and sends them.
pub async fn run(
    store: &dyn Repository,
    clock: &dyn Clock,
    outbox: &impl Outbox,
    base_url: Option<&str>,
) -> Result<(Plan, Report), AppError> {
    let plan = plan(store, clock.today()).await?;
    let report = send(store, clock, &plan, outbox, base_url).await;
    Ok((plan, report))
}

#[cfg(test)]
mod tests;
