//! What an attached container completes, between the verifier's report and the domain's rule:
//! the facts the rule needs ([`facts`]: the signatures that passed, their days, whether every
//! data file is one the registry issued) and the holder's acknowledgement as the lifecycle service
//! decides it ([`acknowledge`]), written by the caller in the container's transaction.

use crate::lifecycle::{Planned, VersionState};
use crate::{AppError, Principal};
use ametijuhend_domain::signing::{ContainerFacts, ContainerVerdict, SignerFacts};
use ametijuhend_domain::workflow::{Action, TransitionError};
use ametijuhend_domain::{JobDescription, Timestamp};
use ametijuhend_signature::Report;
use ametijuhend_store::{IssuedFile, Repository};
use chrono::NaiveDate;

use super::sha256_hex;

/// The data files of a container (everything but `mimetype` and `META-INF/`), by name and
/// SHA-256.
pub(super) fn data_file_digests(bytes: &[u8]) -> Vec<(String, String)> {
    let limits = ametijuhend_signature::Limits::default();
    match ametijuhend_signature::container::read(bytes, &limits) {
        Ok(archive) => archive
            .entries
            .iter()
            .filter(|e| !e.is_dir && e.name != "mimetype" && !e.name.starts_with("META-INF/"))
            .map(|e| (e.name.clone(), sha256_hex(&e.bytes)))
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// The day (Europe/Tallinn) of an RFC 3339 time from the report.
fn day_of(time: &str) -> Option<NaiveDate> {
    chrono::DateTime::parse_from_rfc3339(time)
        .ok()
        .map(|t| t.with_timezone(&crate::clock::ZONE).date_naive())
}

/// The facts the domain's rule needs, from the report and the container's data files.
pub fn facts(
    report: &Report,
    data_files: &[(String, String)],
    issued: &[IssuedFile],
) -> ContainerFacts {
    let verdict =
        ContainerVerdict::parse(report.verdict.as_str()).unwrap_or(ContainerVerdict::Invalid);
    let signers = report
        .signatures
        .iter()
        .filter(|s| s.indication == ametijuhend_signature::Indication::Passed)
        .filter_map(|s| {
            let signer = s.signer.as_ref()?;
            let signed_on = [&s.time_stamp_time, &s.ocsp_time, &s.signing_time]
                .into_iter()
                .flatten()
                .find_map(|t| day_of(t));
            Some(SignerFacts {
                name: signer.name.clone(),
                seal: s.is_seal(),
                signed_on,
                long_term: s.is_long_term(),
            })
        })
        .collect();
    let is_issued = !data_files.is_empty()
        && data_files.iter().all(|(name, digest)| {
            issued
                .iter()
                .any(|f| &f.file_name == name && &f.sha256 == digest)
        });
    ContainerFacts {
        verdict,
        signers,
        issued: is_issued,
    }
}

/// The holder's acknowledgement of `jd` on `on`, decided and applied by the lifecycle service
/// ([`VersionState::outcome`], as `perform` does) for `who` — the holder themselves, or HR for
/// them (then with the holder's name): the versions to write, as read, and the audit entries,
/// or the lifecycle's refusal. Nothing is written here: the caller stores it with the container.
pub(super) async fn acknowledge(
    store: &dyn Repository,
    who: &Principal,
    jd: &JobDescription,
    on: NaiveDate,
    holder: Option<String>,
    at: Timestamp,
    today: NaiveDate,
) -> Result<Result<Planned, TransitionError>, AppError> {
    let state = VersionState::load(store, &jd.id)
        .await?
        .ok_or_else(|| AppError::not_found("job description version", &jd.id))?;
    if state.jd != *jd {
        return Ok(Err(TransitionError::Stale {
            expected: jd.status,
            found: state.jd.status,
        }));
    }
    let action = Action::Acknowledge {
        date: on,
        holder: if state.actor(who).is_holder {
            None
        } else {
            holder
        },
    };
    Ok(state.outcome(who, &action, at, today))
}
