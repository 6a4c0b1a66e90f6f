//! Digital signatures of registry records: the container out and the container in.
//!
//! - [`issue`]: the unsigned ASiC-E container of an approved, signed or in-force job
//!   description version (not of a superseded or repealed one: it is kept as it was) or of a
//!   directive, holding the registry-issued PDF (the same file the downloads give: the
//!   version in the 2024 template with its approval stamp; the directive followed by its
//!   annexes). The SHA-256 of each data file is recorded (once per distinct file, audited) so
//!   that a signed container can later be checked to hold exactly what was issued.
//! - [`attach`]: a signed container is verified offline (the production trust store; the SK test
//!   PKI only in builds with the `test-pki` feature); a refused, invalid, indeterminate or
//!   unsigned one is not stored. A valid one is stored with the record — its bytes, the report,
//!   what it completed, who attached it and when — and the domain's rule
//!   ([`ametijuhend_domain::signing::assess`]) decides what it completes: the holder's valid
//!   signature over an issued file performs the acknowledgement (on the signing day) in the same
//!   transaction; the directive's named signer's records the directive as signed; anything else
//!   is stored and completes nothing.
//!
//! Who may: issuing needs read access (the PDF shows holders' names only to those who may see
//! them); attaching asks [`Permission::AttachSignature`] (HR, administrators, the holder for a
//! version of their own position).

use crate::documents::{RenderedFile, directive_file, job_description_file};
pub use completion::facts;
use completion::{acknowledge, data_file_digests};

mod completion;
#[cfg(test)]
mod tests;
use crate::{AppError, Clock, Principal};
use ametijuhend_domain::access::{Permission, Target, UnitTree};
use ametijuhend_domain::signing::{self, Expected, Outcome, Rejected};
use ametijuhend_domain::{
    Directive, DirectiveId, JobDescription, JobDescriptionId, Position, Status, Template,
};
use ametijuhend_render::Format;
use ametijuhend_signature::{DataFile, Options, Report, TrustStore};
use ametijuhend_store::{
    AuditEntry, ChangeSet, IssuedFile, Repository, SignedContainer, SignedKind,
};
use chrono::NaiveDate;
use serde::Serialize;
use sha2::{Digest, Sha256};

/// The largest container accepted for attaching (DigiDoc4's containers of a PDF or two are far
/// smaller).
pub const MAX_CONTAINER_BYTES: usize = 20 * 1024 * 1024;
/// The media type of an ASiC-E container.
pub const CONTAINER_MEDIA_TYPE: &str = ametijuhend_signature::container::ASIC_E_MEDIA_TYPE;
/// The longest file name kept for an uploaded container.
pub const MAX_FILE_NAME: usize = 200;

/// The record a container belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignedRecord {
    JobDescription(JobDescriptionId),
    Directive(DirectiveId),
}

impl SignedRecord {
    pub fn kind(&self) -> SignedKind {
        match self {
            SignedRecord::JobDescription(_) => SignedKind::JobDescription,
            SignedRecord::Directive(_) => SignedKind::Directive,
        }
    }

    pub fn id(&self) -> String {
        match self {
            SignedRecord::JobDescription(id) => id.to_string(),
            SignedRecord::Directive(id) => id.to_string(),
        }
    }
}

/// The trust store of this build: the production Estonian CAs; with the `test-pki` feature
/// (test builds only) also the SK test PKI.
pub fn trust_store() -> TrustStore {
    #[cfg(feature = "test-pki")]
    {
        TrustStore::with_test_pki()
    }
    #[cfg(not(feature = "test-pki"))]
    {
        TrustStore::production()
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// A job description version with its position, or a directive.
enum Loaded {
    Version(Box<(JobDescription, Position)>),
    Directive(Box<Directive>),
}

async fn load(store: &dyn Repository, record: &SignedRecord) -> Result<Loaded, AppError> {
    match record {
        SignedRecord::JobDescription(id) => {
            let jd = store
                .get_job_description(id)
                .await?
                .ok_or_else(|| AppError::not_found("job description version", id))?;
            let position = store
                .get_position(&jd.position)
                .await?
                .ok_or_else(|| AppError::not_found("position", &jd.position))?;
            Ok(Loaded::Version(Box::new((jd, position))))
        }
        SignedRecord::Directive(id) => {
            let d = store
                .get_directive(id)
                .await?
                .ok_or_else(|| AppError::not_found("directive", id))?;
            Ok(Loaded::Directive(Box::new(d)))
        }
    }
}

fn position_target(p: &Position) -> Target<'_> {
    Target::Position {
        id: &p.id,
        unit: &p.unit,
    }
}

/// Whether a version's document may be issued for signing and take a signed container:
/// approved, signed or in force. A draft or a version in coordination is not approved yet (it
/// is signed as a directive's annex); a superseded or repealed version is kept as it was.
pub fn issuable(status: Status) -> bool {
    status.is_valid_document()
}

/// Why a version is not issued for signing nor takes a signed container: it is not approved
/// yet (`not_approved`), or it is superseded or repealed (`read_only`).
fn not_issuable(jd: &JobDescription, position: &Position) -> AppError {
    if matches!(jd.status, Status::Superseded | Status::Repealed) {
        return AppError::Conflict {
            code: "read_only",
            message: format!(
                "version {} of '{}' is {}: a superseded or repealed version is kept as it was; \
                 it is not issued for signing and takes no signed container (sign the version \
                 that replaced it)",
                jd.version,
                position.full_title(),
                jd.status.as_str()
            ),
        };
    }
    AppError::Conflict {
        code: "not_approved",
        message: format!(
            "version {} of '{}' is {}: only an approved, signed or in-force version is issued \
             for signing and takes a signed container; approve it by a directive first",
            jd.version,
            position.full_title(),
            jd.status.as_str()
        ),
    }
}

/// An issued unsigned container.
#[derive(Debug, Clone)]
pub struct Issued {
    /// The container's file name (ASCII, `.asice`).
    pub file_name: String,
    /// The container's file name with Estonian letters.
    pub utf8_name: String,
    pub bytes: Vec<u8>,
    /// The data files it holds, as recorded.
    pub files: Vec<IssuedFile>,
}

fn render_failed(e: ametijuhend_render::RenderError) -> AppError {
    AppError::Conflict {
        code: "render_failed",
        message: format!("the document could not be made: {e}"),
    }
}

/// Builds the unsigned container of a record and records what it issued (see the module).
pub async fn issue(
    store: &dyn Repository,
    clock: &dyn Clock,
    who: &Principal,
    record: &SignedRecord,
) -> Result<Issued, AppError> {
    let tree = UnitTree::new(&store.list_units().await?);
    let (file, history): (RenderedFile, (&str, String)) = match load(store, record).await? {
        Loaded::Version(loaded) => {
            let (jd, position) = *loaded;
            who.require(Permission::Read, position_target(&position), &tree)?;
            if !issuable(jd.status) {
                return Err(not_issuable(&jd, &position));
            }
            let file = job_description_file(
                store,
                Some(&who.access),
                &jd,
                Format::Pdf,
                Template::Ska2024,
            )
            .await?
            .map_err(render_failed)?;
            (file, ("position", position.id.to_string()))
        }
        Loaded::Directive(d) => {
            who.require(Permission::Read, Target::Registry, &tree)?;
            let file = directive_file(store, &d, Format::Pdf, Template::Ska2024)
                .await?
                .map_err(render_failed)?;
            (file, ("directive", d.id.to_string()))
        }
    };
    let data = [DataFile {
        name: file.ascii_name.clone(),
        media_type: "application/pdf".into(),
        bytes: file.bytes,
    }];
    let bytes = ametijuhend_signature::build_container(&data).map_err(|e| AppError::Conflict {
        code: "container_failed",
        message: format!("the container could not be built: {e}"),
    })?;
    let at = clock.timestamp();
    let files: Vec<IssuedFile> = data
        .iter()
        .map(|f| IssuedFile {
            kind: record.kind(),
            target_id: record.id(),
            file_name: f.name.clone(),
            sha256: sha256_hex(&f.bytes),
            issued_at: at,
            issued_by: who.account().to_string(),
        })
        .collect();
    let audit = AuditEntry::new(
        at,
        who.account(),
        "signature.container_issued",
        history.0,
        &history.1,
    )
    .after(&serde_json::json!({
        "record": record.kind().as_str(),
        "id": record.id(),
        "files": files.iter().map(|f| (&f.file_name, &f.sha256)).collect::<Vec<_>>(),
    }));
    store.record_issued(&files, &audit).await?;
    let stem = |n: &str| n.strip_suffix(".pdf").unwrap_or(n).to_string();
    Ok(Issued {
        file_name: format!("{}.asice", stem(&file.ascii_name)),
        utf8_name: format!("{}.asice", stem(&file.utf8_name)),
        bytes,
        files,
    })
}

/// A container to attach, checked: not empty, not over [`MAX_CONTAINER_BYTES`], a plain file
/// name.
#[derive(Debug, Clone)]
pub struct AttachCommand {
    record: SignedRecord,
    file_name: String,
    bytes: Vec<u8>,
}

impl AttachCommand {
    pub fn new(record: SignedRecord, file_name: &str, bytes: Vec<u8>) -> Result<Self, AppError> {
        if bytes.is_empty() {
            return Err(AppError::invalid(
                "container",
                "the file is empty: choose the signed .asice or .bdoc container DigiDoc4 saved",
            ));
        }
        if bytes.len() > MAX_CONTAINER_BYTES {
            return Err(AppError::invalid(
                "container",
                format!(
                    "the file is {} bytes; at most {MAX_CONTAINER_BYTES} bytes are accepted: a \
                     container of the registry's PDF is far smaller, choose the right file",
                    bytes.len()
                ),
            ));
        }
        let base = file_name.rsplit(['/', '\\']).next().unwrap_or("");
        let clean: String = base
            .chars()
            .filter(|c| !c.is_control())
            .take(MAX_FILE_NAME)
            .collect();
        let file_name = if clean.trim().is_empty() {
            "allkirjastatud.asice".to_string()
        } else {
            clean.trim().to_string()
        };
        Ok(Self {
            record,
            file_name,
            bytes,
        })
    }

    pub fn record(&self) -> &SignedRecord {
        &self.record
    }
}

/// What an attached container did, as stored with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredOutcome {
    #[serde(flatten)]
    pub outcome: Outcome,
    /// The step it completes was performed (an acknowledgement recorded, a directive signed).
    pub completed: bool,
    /// Why a step the signature would complete was not performed (the lifecycle's code),
    /// e.g. `wrong_status` for a version acknowledged before.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_performed: Option<String>,
}

/// The result of attaching.
#[derive(Debug, Clone)]
pub enum Attached {
    /// Stored with the record.
    Stored {
        container: Box<SignedContainer>,
        outcome: StoredOutcome,
        report: Box<Report>,
    },
    /// Verified, but not valid: not stored.
    Rejected {
        reason: Rejected,
        report: Box<Report>,
    },
}

/// Verifies a container off the async threads.
async fn verify(bytes: Vec<u8>) -> Result<Report, AppError> {
    let options = Options {
        store: trust_store(),
        ..Options::default()
    };
    let result = tokio::task::spawn_blocking(move || ametijuhend_signature::verify(bytes, options))
        .await
        .map_err(|e| AppError::Conflict {
            code: "verifier_failed",
            message: format!("the verifier stopped: {e}"),
        })?;
    result.map_err(|refused| {
        AppError::invalid(
            "container",
            format!(
                "the container is refused: {refused}; nothing was stored. Attach the signed \
                 container exactly as DigiDoc4 saved it (.asice or .bdoc)"
            ),
        )
    })
}

/// Verifies a container and stores it with what it completes (see the module).
pub async fn attach(
    store: &dyn Repository,
    clock: &dyn Clock,
    who: &Principal,
    cmd: AttachCommand,
) -> Result<Attached, AppError> {
    let tree = UnitTree::new(&store.list_units().await?);
    let loaded = load(store, &cmd.record).await?;
    match &loaded {
        Loaded::Version(v) => {
            who.require(Permission::AttachSignature, position_target(&v.1), &tree)?;
            if !issuable(v.0.status) {
                return Err(not_issuable(&v.0, &v.1));
            }
        }
        Loaded::Directive(_) => {
            who.require(Permission::AttachSignature, Target::Registry, &tree)?
        }
    }
    let report = verify(cmd.bytes.clone()).await?;
    store_verified(store, clock, who, cmd, loaded, report).await
}

/// Stores a container verified as `report` with what it completes (the second half of
/// [`attach`]; the tests give it reports of their own).
async fn store_verified(
    store: &dyn Repository,
    clock: &dyn Clock,
    who: &Principal,
    cmd: AttachCommand,
    loaded: Loaded,
    report: Report,
) -> Result<Attached, AppError> {
    let issued = store
        .issued_files(cmd.record.kind(), &cmd.record.id())
        .await?;
    let facts = facts(&report, &data_file_digests(&cmd.bytes), &issued);

    let at = clock.timestamp();
    let today = clock.today();
    let mut changes = ChangeSet::default();
    let mut unchanged = Vec::new();
    let mut audit = Vec::new();
    let (outcome, history) = match &loaded {
        Loaded::Version(v) => {
            let (jd, position) = (&v.0, &v.1);
            let persons = store.list_persons().await?;
            let holder_on = |day: NaiveDate| {
                let id = position.holder_on(day)?;
                persons.iter().find(|p| &p.id == id).map(|p| p.name.clone())
            };
            let outcome = match signing::assess(&facts, &Expected::Holder, holder_on) {
                Ok(o) => o,
                Err(reason) => {
                    return Ok(Attached::Rejected {
                        reason,
                        report: Box::new(report),
                    });
                }
            };
            let mut stored = StoredOutcome {
                outcome: outcome.clone(),
                completed: false,
                not_performed: None,
            };
            if let Outcome::Acknowledged { on, .. } = &outcome {
                let holder = holder_on(*on);
                match acknowledge(store, who, jd, *on, holder, at, today).await? {
                    Ok(planned) => {
                        unchanged = planned.unchanged;
                        changes.job_descriptions = planned.changes;
                        audit.extend(planned.entries);
                        stored.completed = true;
                    }
                    Err(e) => stored.not_performed = Some(e.code().to_string()),
                }
            }
            (stored, ("position", position.id.to_string()))
        }
        Loaded::Directive(d) => {
            let expected = Expected::DirectiveSigner {
                name: d.signer.as_ref().and_then(|s| s.name.clone()),
            };
            let outcome = match signing::assess(&facts, &expected, |_| None) {
                Ok(o) => o,
                Err(reason) => {
                    return Ok(Attached::Rejected {
                        reason,
                        report: Box::new(report),
                    });
                }
            };
            let completed = outcome.completes();
            (
                StoredOutcome {
                    outcome,
                    completed,
                    not_performed: None,
                },
                ("directive", d.id.to_string()),
            )
        }
    };
    let report_json = serde_json::to_value(&report).map_err(|e| AppError::Conflict {
        code: "report_failed",
        message: format!("the verification report cannot be stored: {e}"),
    })?;
    let outcome_json = serde_json::to_value(&outcome).map_err(|e| AppError::Conflict {
        code: "report_failed",
        message: format!("the outcome cannot be stored: {e}"),
    })?;
    let container = SignedContainer {
        id: uuid::Uuid::new_v4().to_string(),
        kind: cmd.record.kind(),
        target_id: cmd.record.id(),
        file_name: cmd.file_name.clone(),
        sha256: sha256_hex(&cmd.bytes),
        verdict: report.verdict.as_str().to_string(),
        outcome: outcome_json.clone(),
        report: report_json,
        uploaded_by: who.account().to_string(),
        uploaded_at: at,
    };
    audit.push(
        AuditEntry::new(
            at,
            who.account(),
            "signature.attached",
            history.0,
            &history.1,
        )
        .after(&serde_json::json!({
            "container": container.id,
            "record": cmd.record.kind().as_str(),
            "id": cmd.record.id(),
            "file_name": container.file_name,
            "sha256": container.sha256,
            "verdict": container.verdict,
            "outcome": outcome_json,
        })),
    );
    store
        .store_signed_container(&container, &cmd.bytes, &changes, &unchanged, &audit)
        .await?;
    Ok(Attached::Stored {
        container: Box::new(container),
        outcome,
        report: Box::new(report),
    })
}

/// The containers attached to a record, oldest first.
pub async fn attached(
    store: &dyn Repository,
    who: &Principal,
    record: &SignedRecord,
) -> Result<Vec<SignedContainer>, AppError> {
    let tree = UnitTree::new(&store.list_units().await?);
    match load(store, record).await? {
        Loaded::Version(v) => who.require(Permission::Read, position_target(&v.1), &tree)?,
        Loaded::Directive(_) => who.require(Permission::Read, Target::Registry, &tree)?,
    }
    Ok(store.signed_containers(record.kind(), &record.id()).await?)
}
