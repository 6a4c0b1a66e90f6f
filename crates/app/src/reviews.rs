//! The annual review of a position's job description: recording that its current version was
//! reviewed on a day, with the outcome "no change" or "new version started" (which starts a
//! draft from the current version unless a newer draft or version in coordination exists). Who
//! may: whoever may edit the position (HR, administrators, the managers of its unit). One
//! transaction with its audit entries; made from the current version as read, so a review
//! racing another change of that version writes nothing and says so.

use crate::{AppError, Clock, Principal};
use ametijuhend_domain::access::{Permission, Target, UnitTree};
use ametijuhend_domain::review::{ReviewOutcome, ReviewRecord, record_review};
use ametijuhend_domain::workflow::{current_version, latest_version, new_version_draft};
use ametijuhend_domain::{JobDescription, JobDescriptionId, PositionId, Status};
use ametijuhend_store::{AuditEntry, ChangeSet, Repository};
use chrono::NaiveDate;

/// The longest review comment, in characters.
pub const MAX_COMMENT: usize = 2_000;

/// A review to record: the day, whether a new version is started, and a comment.
#[derive(Debug, Clone)]
pub struct ReviewCommand {
    day: NaiveDate,
    new_version: bool,
    comment: Option<String>,
}

impl ReviewCommand {
    /// An empty comment is none; a comment over [`MAX_COMMENT`] characters is refused.
    pub fn new(day: NaiveDate, new_version: bool, comment: Option<&str>) -> Result<Self, AppError> {
        let comment = comment
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(String::from);
        if let Some(c) = &comment {
            let n = c.chars().count();
            if n > MAX_COMMENT {
                return Err(AppError::invalid(
                    "comment",
                    format!(
                        "is {n} characters long; at most {MAX_COMMENT} are allowed: shorten it"
                    ),
                ));
            }
        }
        Ok(Self {
            day,
            new_version,
            comment,
        })
    }
}

/// What recording a review did.
#[derive(Debug, Clone)]
pub struct Reviewed {
    /// The version reviewed.
    pub reviewed: JobDescription,
    /// The draft started (or the one that already existed), when the outcome says so.
    pub draft: Option<JobDescriptionId>,
}

/// Records a review of the position's current version by `who`.
pub async fn record(
    store: &dyn Repository,
    clock: &dyn Clock,
    who: &Principal,
    position: &PositionId,
    cmd: ReviewCommand,
) -> Result<Reviewed, AppError> {
    let p = store
        .get_position(position)
        .await?
        .ok_or_else(|| AppError::not_found("position", position))?;
    let tree = UnitTree::new(&store.list_units().await?);
    who.require(
        Permission::Edit,
        Target::Position {
            id: &p.id,
            unit: &p.unit,
        },
        &tree,
    )?;
    let today = clock.today();
    let at = clock.timestamp();
    let versions = store.list_job_descriptions(position).await?;
    let current = current_version(&versions, position)
        .cloned()
        .ok_or_else(|| AppError::Conflict {
            code: "no_current_version",
            message: format!(
                "{} has no approved, signed or valid version to review",
                p.full_title()
            ),
        })?;
    let latest = latest_version(&versions, position)
        .cloned()
        .ok_or_else(|| AppError::not_found("job description of position", position))?;
    let account = who.account().to_string();
    let mut changes = Vec::new();
    let mut audit = Vec::new();
    let draft = if cmd.new_version {
        if latest.version > current.version
            && matches!(latest.status, Status::Draft | Status::InCoordination)
        {
            Some(latest.id.clone())
        } else {
            let d = new_version_draft(
                &current,
                JobDescriptionId::from_uuid(uuid::Uuid::new_v4()),
                latest.version + 1,
                at,
                Some(account.clone()),
            );
            audit.push(
                AuditEntry::new(
                    at,
                    account.clone(),
                    "job_description.new_version_started",
                    "position",
                    position,
                )
                .after(&d),
            );
            let id = d.id.clone();
            changes.push(d);
            Some(id)
        }
    } else {
        None
    };
    let mut reviewed = current.clone();
    record_review(
        &mut reviewed,
        ReviewRecord {
            date: cmd.day,
            reviewer: account.clone(),
            reviewer_name: who.name.clone(),
            outcome: match &draft {
                None => ReviewOutcome::NoChange,
                Some(d) => ReviewOutcome::NewVersionStarted {
                    draft: Some(d.clone()),
                },
            },
            comment: cmd.comment,
        },
        today,
    )
    .map_err(AppError::Review)?;
    audit.insert(
        0,
        AuditEntry::new(
            at,
            account,
            "job_description.review_recorded",
            "position",
            position,
        )
        .before(&current)
        .after(&reviewed),
    );
    changes.insert(0, reviewed.clone());
    store
        .apply_audited_if_unchanged(
            &ChangeSet {
                job_descriptions: changes,
                ..ChangeSet::default()
            },
            &[current],
            &audit,
        )
        .await?;
    Ok(Reviewed { reviewed, draft })
}
