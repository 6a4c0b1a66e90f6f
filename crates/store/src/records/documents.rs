//! Directives with their annexes and repeals, job description versions with their
//! competencies, and the original documents they were imported from.

use super::{Filter, clear, each, grouped, insert_rows, select};
use crate::Result;
use crate::sql::{Arg, Session, Stmt};
use ametijuhend_domain::job_description::RoleCardSource;
use ametijuhend_domain::source::SourceRef;
use ametijuhend_domain::workflow::{Workflow, next_steps};
use ametijuhend_domain::{
    Approval, CompetencyKind, CompetencyRef, Directive, DirectiveAnnex, DirectiveId, Duty,
    EntryIntoForce, GeneralPart, JobDescription, JobDescriptionId, ListSection, Repeal,
    Requirements, RoleRef, Signature, Signer, SourceDocument, Status, Template,
};
use serde::{Deserialize, Serialize};

pub(crate) async fn upsert_source_document<S: Session>(
    s: &mut S,
    d: &SourceDocument,
) -> Result<()> {
    s.execute(
        Stmt::new(
            "INSERT INTO source_documents (content_hash, file_name, media_type, imported_at, content) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (content_hash) DO UPDATE SET \
             file_name = excluded.file_name, media_type = excluded.media_type, \
             imported_at = excluded.imported_at, content = excluded.content",
        )
        .text(&d.content_hash)
        .text(&d.file_name)
        .text(&d.media_type)
        .timestamp(d.imported_at)
        .bytes(&d.content),
    )
    .await
    .map(|_| ())
}

pub(crate) async fn load_source_documents<S: Session>(
    s: &mut S,
    f: Filter<'_>,
) -> Result<Vec<SourceDocument>> {
    let stmt = select(
        "SELECT content_hash, file_name, media_type, imported_at, content FROM source_documents \
         {where}",
        f.records("content_hash"),
    );
    let mut docs = each(s, "source_documents", stmt, |c| {
        Ok(SourceDocument {
            content_hash: c.text()?,
            file_name: c.text()?,
            media_type: c.text()?,
            imported_at: c.timestamp()?,
            content: c.bytes()?,
        })
    })
    .await?;
    docs.sort_by(|a, b| a.content_hash.cmp(&b.content_hash));
    Ok(docs)
}

/// The fields of a directive kept in its `body` document.
#[derive(Serialize, Deserialize)]
struct DirectiveBody {
    legal_basis: Option<String>,
    clauses: Vec<String>,
    entry_into_force: Option<EntryIntoForce>,
    appeal_clause: Option<String>,
    signer: Option<Signer>,
    placeholders: Vec<String>,
    unplaced: Vec<String>,
}

pub(crate) async fn upsert_directive<S: Session>(s: &mut S, d: &Directive) -> Result<()> {
    // Destructured in full so that a new field of Directive cannot be forgotten here.
    let Directive {
        id,
        number,
        date,
        title,
        legal_basis,
        clauses,
        annexes,
        repeals,
        entry_into_force,
        appeal_clause,
        signer,
        placeholders,
        source,
        unplaced,
    } = d.clone();
    let body = DirectiveBody {
        legal_basis,
        clauses,
        entry_into_force,
        appeal_clause,
        signer,
        placeholders,
        unplaced,
    };
    s.execute(
        Stmt::new(
            "INSERT INTO directives (id, number, date, title, source_hash, source_file_name, body) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO UPDATE SET \
             number = excluded.number, date = excluded.date, title = excluded.title, \
             source_hash = excluded.source_hash, source_file_name = excluded.source_file_name, \
             body = excluded.body",
        )
        .text(&id)
        .opt_text(number)
        .date(date)
        .text(title)
        .opt_text(source.as_ref().map(|r| &r.content_hash))
        .opt_text(source.as_ref().map(|r| &r.file_name))
        .json(&body)?,
    )
    .await?;
    clear(s, "directive_annexes", "directive_id", id.as_str()).await?;
    for (seq, a) in annexes.iter().enumerate() {
        s.execute(
            Stmt::new(
                "INSERT INTO directive_annexes (directive_id, seq, annex, title, job_description_id) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .text(&id)
            .seq(seq)
            .int(a.annex)
            .text(&a.title)
            .opt_text(a.job_description.as_ref()),
        )
        .await?;
    }
    clear(s, "directive_repeals", "directive_id", id.as_str()).await?;
    for (seq, r) in repeals.iter().enumerate() {
        s.execute(
            Stmt::new(
                "INSERT INTO directive_repeals (directive_id, seq, repealed_directive_id, \
                 directive_number, directive_date, annex, text) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .text(&id)
            .seq(seq)
            .opt_text(r.directive.as_ref())
            .opt_text(r.directive_number.as_ref())
            .date(r.directive_date)
            .opt_int(r.annex)
            .text(&r.text),
        )
        .await?;
    }
    Ok(())
}

pub(crate) async fn load_directives<S: Session>(
    s: &mut S,
    f: Filter<'_>,
) -> Result<Vec<Directive>> {
    let mut annexes = grouped(
        s,
        "directive_annexes",
        select(
            "SELECT directive_id, annex, title, job_description_id FROM directive_annexes \
             {where} ORDER BY directive_id, seq",
            f.lists("directive_id", "directives", "id"),
        ),
        |c| {
            Ok(DirectiveAnnex {
                annex: c.u32()?,
                title: c.text()?,
                job_description: c.opt_parsed()?,
            })
        },
    )
    .await?;
    let mut repeals = grouped(
        s,
        "directive_repeals",
        select(
            "SELECT directive_id, repealed_directive_id, directive_number, directive_date, annex, \
             text FROM directive_repeals {where} ORDER BY directive_id, seq",
            f.lists("directive_id", "directives", "id"),
        ),
        |c| {
            Ok(Repeal {
                directive: c.opt_parsed()?,
                directive_number: c.opt_text()?,
                directive_date: c.opt_date()?,
                annex: c.opt_u32()?,
                text: c.text()?,
            })
        },
    )
    .await?;
    let stmt = select(
        "SELECT id, number, date, title, source_hash, source_file_name, body FROM directives \
         {where}",
        f.records("id"),
    );
    let mut directives = each(s, "directives", stmt, |c| {
        let id: DirectiveId = c.parsed()?;
        let (number, date, title) = (c.opt_text()?, c.opt_date()?, c.text()?);
        let source = source_ref(c.opt_text()?, c.opt_text()?);
        let b: DirectiveBody = c.json()?;
        Ok(Directive {
            annexes: annexes.remove(id.as_str()).unwrap_or_default(),
            repeals: repeals.remove(id.as_str()).unwrap_or_default(),
            id,
            number,
            date,
            title,
            legal_basis: b.legal_basis,
            clauses: b.clauses,
            entry_into_force: b.entry_into_force,
            appeal_clause: b.appeal_clause,
            signer: b.signer,
            placeholders: b.placeholders,
            source,
            unplaced: b.unplaced,
        })
    })
    .await?;
    directives.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(directives)
}

fn source_ref(content_hash: Option<String>, file_name: Option<String>) -> Option<SourceRef> {
    match (content_hash, file_name) {
        (Some(content_hash), Some(file_name)) => Some(SourceRef {
            content_hash,
            file_name,
        }),
        _ => None,
    }
}

/// The document of a job description version: what is not a column of `job_descriptions`.
#[derive(Serialize, Deserialize)]
struct JobDescriptionBody {
    general: GeneralPart,
    purpose: String,
    duties: Vec<Duty>,
    rights: ListSection,
    responsibilities: ListSection,
    work_equipment: Option<String>,
    requirements: Requirements,
    amendment_rules: Vec<String>,
    special_conditions: Option<String>,
    signatures: Vec<Signature>,
    unplaced: Vec<String>,
    /// Kept in the body, not as rows with glossary keys: the domain does not require a job
    /// description's roles to link to glossary entries that exist.
    #[serde(default)]
    roles: Vec<RoleRef>,
    #[serde(default)]
    workflow: Workflow,
}

pub(crate) const JOB_DESCRIPTION_COLUMNS: &str = "id, position_id, version, status, template, created_at, \
     created_by, written_from_role_card_id, written_from_revision, approval, approval_directive_id, \
     approval_directive_number, approval_directive_date, approval_annex, approval_approved_by, \
     approval_placeholders, effective_from, effective_to, source_hash, source_file_name, body";

/// The columns a job description is written to: [`JOB_DESCRIPTION_COLUMNS`] and the steps it
/// waits for (derived from it, never read back into the record).
pub(crate) const JOB_DESCRIPTION_WRITE_COLUMNS: &str = "id, position_id, version, status, template, \
     created_at, created_by, written_from_role_card_id, written_from_revision, approval, \
     approval_directive_id, approval_directive_number, approval_directive_date, approval_annex, \
     approval_approved_by, approval_placeholders, effective_from, effective_to, source_hash, \
     source_file_name, body, next_steps";

/// A job description's row (the columns of [`JOB_DESCRIPTION_WRITE_COLUMNS`]) and its competency
/// rows (`job_description_id, seq, competency_id, kind`).
pub(crate) fn job_description_rows(jd: &JobDescription) -> Result<(Vec<Arg>, Vec<Vec<Arg>>)> {
    // Destructured in full so that a new field of JobDescription cannot be forgotten here.
    let JobDescription {
        id,
        position,
        version,
        status,
        template,
        created_at,
        created_by,
        written_from,
        general,
        purpose,
        duties,
        rights,
        responsibilities,
        work_equipment,
        requirements,
        competencies,
        amendment_rules,
        special_conditions,
        signatures,
        approval,
        effective_from,
        effective_to,
        source,
        unplaced,
        roles,
        workflow,
    } = jd.clone();
    let body = JobDescriptionBody {
        general,
        purpose,
        duties,
        rights,
        responsibilities,
        work_equipment,
        requirements,
        amendment_rules,
        special_conditions,
        signatures,
        unplaced,
        roles,
        workflow,
    };
    let steps = next_steps::encode(&next_steps::next_steps(jd));
    let a = approval.as_ref();
    let row = Stmt::new("")
        .text(&id)
        .text(&position)
        .int(version)
        .text(status.as_str())
        .text(template.as_str())
        .timestamp(created_at)
        .opt_text(created_by)
        .opt_text(written_from.as_ref().map(|w| &w.role_card))
        .opt_int(written_from.as_ref().map(|w| w.revision))
        .boolean(approval.is_some())
        .opt_text(a.and_then(|a| a.directive.as_ref()))
        .opt_text(a.and_then(|a| a.directive_number.as_ref()))
        .date(a.and_then(|a| a.directive_date))
        .opt_int(a.and_then(|a| a.annex))
        .opt_text(a.and_then(|a| a.approved_by.as_ref()))
        .json(&a.map(|a| a.placeholders.clone()).unwrap_or_default())?
        .date(effective_from)
        .date(effective_to)
        .opt_text(source.as_ref().map(|r| &r.content_hash))
        .opt_text(source.as_ref().map(|r| &r.file_name))
        .json(&body)?
        .text(&steps)
        .args;
    let competencies = competencies
        .iter()
        .enumerate()
        .map(|(seq, c)| {
            Stmt::new("")
                .text(&id)
                .seq(seq)
                .text(&c.competency)
                .text(c.kind.as_str())
                .args
        })
        .collect();
    Ok((row, competencies))
}

pub(crate) async fn upsert_job_description<S: Session>(
    s: &mut S,
    jd: &JobDescription,
) -> Result<()> {
    let (row, competencies) = job_description_rows(jd)?;
    let columns: Vec<&str> = JOB_DESCRIPTION_WRITE_COLUMNS
        .split(',')
        .map(str::trim)
        .collect();
    let sql = format!(
        "INSERT INTO job_descriptions ({JOB_DESCRIPTION_WRITE_COLUMNS}) VALUES ({}) \
         ON CONFLICT (id) DO UPDATE SET {}",
        (1..=columns.len())
            .map(|i| format!("${i}"))
            .collect::<Vec<_>>()
            .join(", "),
        columns
            .iter()
            .filter(|c| **c != "id")
            .map(|c| format!("{c} = excluded.{c}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut stmt = Stmt::new(sql);
    stmt.args = row;
    s.execute(stmt).await?;
    clear(
        s,
        "job_description_competencies",
        "job_description_id",
        jd.id.as_str(),
    )
    .await?;
    insert_rows(
        s,
        "job_description_competencies",
        "job_description_id, seq, competency_id, kind",
        competencies,
    )
    .await
}

pub(crate) async fn load_job_descriptions<S: Session>(
    s: &mut S,
    f: Filter<'_>,
) -> Result<Vec<JobDescription>> {
    let mut competencies = grouped(
        s,
        "job_description_competencies",
        select(
            "SELECT job_description_id, competency_id, kind FROM job_description_competencies \
             {where} ORDER BY job_description_id, seq",
            f.lists("job_description_id", "job_descriptions", "id"),
        ),
        |c| {
            Ok(CompetencyRef {
                competency: c.parsed()?,
                kind: c.name(CompetencyKind::parse)?,
            })
        },
    )
    .await?;
    let stmt = select(
        &format!("SELECT {JOB_DESCRIPTION_COLUMNS} FROM job_descriptions {{where}}"),
        f.records("id"),
    );
    let mut jds = each(s, "job_descriptions", stmt, |c| {
        let id: JobDescriptionId = c.parsed()?;
        let (position, version) = (c.parsed()?, c.u32()?);
        let (status, template) = (c.name(Status::parse)?, c.name(Template::parse)?);
        let (created_at, created_by) = (c.timestamp()?, c.opt_text()?);
        let written_from = match (c.opt_parsed()?, c.opt_u32()?) {
            (Some(role_card), Some(revision)) => Some(RoleCardSource {
                role_card,
                revision,
            }),
            _ => None,
        };
        let has_approval = c.boolean()?;
        let approval = Approval {
            directive: c.opt_parsed()?,
            directive_number: c.opt_text()?,
            directive_date: c.opt_date()?,
            annex: c.opt_u32()?,
            approved_by: c.opt_text()?,
            placeholders: c.json()?,
        };
        let (effective_from, effective_to) = (c.opt_date()?, c.opt_date()?);
        let source = source_ref(c.opt_text()?, c.opt_text()?);
        let b: JobDescriptionBody = c.json()?;
        Ok(JobDescription {
            competencies: competencies.remove(id.as_str()).unwrap_or_default(),
            id,
            position,
            version,
            status,
            template,
            created_at,
            created_by,
            written_from,
            general: b.general,
            purpose: b.purpose,
            duties: b.duties,
            rights: b.rights,
            responsibilities: b.responsibilities,
            work_equipment: b.work_equipment,
            requirements: b.requirements,
            amendment_rules: b.amendment_rules,
            special_conditions: b.special_conditions,
            signatures: b.signatures,
            approval: has_approval.then_some(approval),
            effective_from,
            effective_to,
            source,
            unplaced: b.unplaced,
            roles: b.roles,
            workflow: b.workflow,
        })
    })
    .await?;
    jds.sort_by(|a, b| (&a.position, a.version).cmp(&(&b.position, b.version)));
    Ok(jds)
}
