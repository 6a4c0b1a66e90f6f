//! Approving a version by hand ([`crate::lifecycle`], action `approve`) is for documents
//! approved outside the system, such as an imported historic directive. The approval must agree
//! with the registry's directives:
//!
//! - a version that is an annex of a directive in the registry is approved by **registering
//!   that directive**; approving it by hand is refused unless number, date and annex are the
//!   directive's own (then the approval is linked to it);
//! - an approval naming a directive of the registry (same number and date) is linked to it when
//!   that directive's annex of the given number is this version or names no version yet, and is
//!   refused when the annex holds another version or does not exist;
//! - an approval naming a directive the registry does not have creates that directive's record
//!   (registered, with this version as its annex) in the same transaction.

use crate::AppError;
use ametijuhend_domain::workflow::DirectiveApproval;
use ametijuhend_domain::{Directive, DirectiveAnnex, DirectiveId, EntryIntoForce, JobDescription};
use ametijuhend_store::Repository;

/// How an approval relates to the registry's directives.
#[derive(Debug, Clone, PartialEq)]
pub enum Link {
    /// The directive of the registry it is (its annex already names this version).
    Existing(DirectiveId),
    /// A directive record to write with the approval: a new one, or the registry's with this
    /// version entered in its annex.
    Create(Box<Directive>),
}

fn disagrees(message: String) -> AppError {
    AppError::Conflict {
        code: "approval_disagrees_with_directive",
        message,
    }
}

/// Decides how the approval `a` of version `jd` relates to the registry's directives; refuses
/// an approval that disagrees with them.
pub async fn link(
    store: &dyn Repository,
    jd: &JobDescription,
    a: &DirectiveApproval,
) -> Result<Link, AppError> {
    let number = a.number.trim();
    let annexed = store.directives_with_annex(&jd.id).await?;
    let annex_in = |d: &Directive| d.annex_of(&jd.id).map_or(0, |x| x.annex);
    if let Some(d) = annexed.iter().find(|d| {
        d.is_registered()
            && d.number.as_deref() == Some(number)
            && d.date == Some(a.date)
            && annex_in(d) == a.annex
    }) {
        return Ok(Link::Existing(d.id.clone()));
    }
    if let Some(d) = annexed.iter().find(|d| !d.is_registered()) {
        return Err(disagrees(format!(
            "version {} is annex {} of the directive \"{}\", which is not registered yet: \
             record the directive's registration (number and date) and its annexes are \
             approved with it",
            jd.version,
            annex_in(d),
            d.title
        )));
    }
    if let Some(d) = annexed.first() {
        return Err(disagrees(format!(
            "version {} is annex {} of directive {}: the approval must name that directive \
             and annex, not nr {number}, annex {}",
            jd.version,
            annex_in(d),
            d.label(),
            a.annex
        )));
    }
    let same = store
        .directives_numbered(number)
        .await?
        .into_iter()
        .find(|d| d.date == Some(a.date));
    let Some(mut d) = same else {
        return Ok(Link::Create(Box::new(recorded(jd, a))));
    };
    let label = d.label();
    let listed = d
        .annexes
        .iter()
        .map(|x| x.annex.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    match d.annexes.iter_mut().find(|x| x.annex == a.annex) {
        Some(x) if x.job_description.is_none() => {
            x.job_description = Some(jd.id.clone());
            Ok(Link::Create(Box::new(d)))
        }
        Some(x) if x.job_description.as_ref() == Some(&jd.id) => Ok(Link::Existing(d.id)),
        Some(x) => Err(disagrees(format!(
            "annex {} of directive {} is another version (\"{}\"): give this version's own annex \
             number",
            a.annex, label, x.title
        ))),
        None => Err(disagrees(format!(
            "directive {} in the registry has no annex {} (its annexes: {}): give the annex \
             number the directive lists this job description under",
            label, a.annex, listed
        ))),
    }
}

/// The record of a directive approved outside the system, as far as the approval tells it.
fn recorded(jd: &JobDescription, a: &DirectiveApproval) -> Directive {
    Directive {
        id: DirectiveId::from_uuid(uuid::Uuid::new_v4()),
        number: Some(a.number.trim().to_string()),
        date: Some(a.date),
        title: "Ametijuhendi kinnitamine".into(),
        legal_basis: None,
        clauses: vec![],
        annexes: vec![DirectiveAnnex {
            annex: a.annex,
            title: jd.general.title.clone(),
            job_description: Some(jd.id.clone()),
        }],
        repeals: vec![],
        entry_into_force: a.effective_from.map(|date| EntryIntoForce::OnDate { date }),
        appeal_clause: None,
        signer: None,
        placeholders: vec![],
        source: None,
        unplaced: vec![],
    }
}
