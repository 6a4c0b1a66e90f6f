//! What a signed container completes: the business rule over a verified ASiC-E container that
//! was attached to a job description version or a directive.
//!
//! The verification itself (XAdES, chains, time stamps) is the signature crate's; this module
//! takes its findings as plain facts ([`ContainerFacts`]) and decides ([`assess`]):
//!
//! - a container whose verdict is not `valid` (invalid, indeterminate, unsigned) is **rejected**:
//!   it is never stored as signed;
//! - a valid container whose data files are not byte-identical to what the registry issued for
//!   the record is stored and shown as such, and completes nothing;
//! - an e-seal (an organisation's seal, not a person), or a valid signature without time and
//!   revocation evidence (`valid-basic`), is stored and completes nothing;
//! - a valid personal signature by the **expected signer** — the holder of the position on the
//!   signing day (a job description), the signer named on the directive (a directive) —
//!   completes the holder's acknowledgement on the signing day, or records the directive as
//!   signed;
//! - a valid signature by anyone else is stored and completes nothing.
//!
//! **Matching the signer.** The registry's person records hold a name (and an e-mail address),
//! not personal codes: the certificate's name is compared with the expected person's name,
//! ignoring case, extra spaces and hyphen spacing, in either order (given names first as on
//! ID cards, or surname first). A name alone is weak evidence — namesakes exist — so the match
//! is narrowed to the one person who holds that position on the signing day, over a document
//! the registry issued for exactly that version; the certificate's masked personal code and
//! issuer are kept with the stored report for anyone who needs to check further.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The container's summary verdict, as the verifier gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ContainerVerdict {
    /// Intact, chained to a trusted CA, time and revocation proven.
    Valid,
    /// Intact and chained, without time and revocation evidence.
    ValidBasic,
    /// Valid, but an organisation's e-seal.
    ValidSeal,
    Invalid,
    Indeterminate,
    Unsigned,
}

impl ContainerVerdict {
    /// The verdict's name ("valid", "valid-basic" …), as the verifier writes it.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "valid" => Self::Valid,
            "valid-basic" => Self::ValidBasic,
            "valid-seal" => Self::ValidSeal,
            "invalid" => Self::Invalid,
            "indeterminate" => Self::Indeterminate,
            "unsigned" => Self::Unsigned,
            _ => return None,
        })
    }
}

/// One signature of the container that passed, as the rule needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignerFacts {
    /// The name in the certificate ("MARI-LIIS MÄNNIK").
    pub name: String,
    /// An organisation's e-seal rather than a person's signature.
    pub seal: bool,
    /// The day it was signed (Europe/Tallinn): the time stamp's, else the OCSP response's,
    /// else the claimed signing time.
    pub signed_on: Option<NaiveDate>,
    /// Has time and revocation evidence (XAdES LT or a time-mark).
    pub long_term: bool,
}

/// What the rule needs to know about a verified container.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContainerFacts {
    pub verdict: ContainerVerdict,
    /// The signatures that passed.
    pub signers: Vec<SignerFacts>,
    /// Every data file is byte-identical to a file the registry issued for this record.
    pub issued: bool,
}

/// Whose signature completes something, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    /// The holder of the position on the signing day acknowledges the version (the holder's
    /// name on a day is given to [`assess`]).
    Holder,
    /// The signer named on the directive (None: the directive names none).
    DirectiveSigner { name: Option<String> },
}

/// What an attached container completes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Outcome {
    /// The holder signed: their acknowledgement on `on`.
    Acknowledged { signer: String, on: NaiveDate },
    /// The directive's signer signed it on `on`.
    DirectiveSigned { signer: String, on: NaiveDate },
    /// Valid, but its data files are not what the registry issued for this record.
    NotIssued,
    /// An organisation's e-seal: valid, but not a person's signature.
    Seal,
    /// Valid, but without time and revocation evidence (XAdES B).
    BasicOnly,
    /// A valid signature by someone other than the expected signer.
    OtherSigner { signers: Vec<String> },
}

impl Outcome {
    /// A stable code (`acknowledged`, `directive-signed`, `not-issued`, `seal`, `basic-only`,
    /// `other-signer`): what the interfaces translate.
    pub fn code(&self) -> &'static str {
        match self {
            Outcome::Acknowledged { .. } => "acknowledged",
            Outcome::DirectiveSigned { .. } => "directive-signed",
            Outcome::NotIssued => "not-issued",
            Outcome::Seal => "seal",
            Outcome::BasicOnly => "basic-only",
            Outcome::OtherSigner { .. } => "other-signer",
        }
    }

    /// Whether it completes a step (an acknowledgement or a directive's signing).
    pub fn completes(&self) -> bool {
        matches!(
            self,
            Outcome::Acknowledged { .. } | Outcome::DirectiveSigned { .. }
        )
    }
}

/// Why a container is not stored at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Rejected {
    #[error(
        "the container's signature is {0}: only a valid signature is stored; ask the signer to \
         sign the document again in DigiDoc4 and attach the new container"
    )]
    NotValid(&'static str),
}

impl Rejected {
    pub fn code(&self) -> &'static str {
        match self {
            Rejected::NotValid(_) => "not-valid",
        }
    }
}

/// A name made comparable: lower case, commas dropped, words split at spaces, hyphens kept
/// without spaces around them ("Mari-Liis" and "MARI - LIIS" compare equal), in order.
fn words(name: &str) -> Vec<String> {
    let mut s = name
        .replace(',', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    while s.contains(" -") || s.contains("- ") {
        s = s.replace(" -", "-").replace("- ", "-");
    }
    s.to_lowercase()
        .split(' ')
        .filter(|w| !w.is_empty() && *w != "-")
        .map(str::to_string)
        .collect()
}

/// True when the certificate's name `signer` names the person `person`: the same words,
/// ignoring case and spacing, given names first or surname first (the surname being the last
/// word of the registry's name).
pub fn same_person(signer: &str, person: &str) -> bool {
    let (s, p) = (words(signer), words(person));
    if s.is_empty() || p.is_empty() {
        return false;
    }
    if s == p {
        return true;
    }
    // "MÄNNIK MARI-LIIS" against "Mari-Liis Männik": the surname moved to the front.
    let mut rotated = p.clone();
    if let Some(last) = rotated.pop() {
        rotated.insert(0, last);
    }
    s == rotated
}

/// Decides what a verified container completes (see the module's documentation). `holder_on`
/// gives the name of the position's holder on a day, for [`Expected::Holder`].
pub fn assess(
    facts: &ContainerFacts,
    expected: &Expected,
    holder_on: impl Fn(NaiveDate) -> Option<String>,
) -> Result<Outcome, Rejected> {
    match facts.verdict {
        ContainerVerdict::Invalid => return Err(Rejected::NotValid("invalid")),
        ContainerVerdict::Indeterminate => return Err(Rejected::NotValid("indeterminate")),
        ContainerVerdict::Unsigned => return Err(Rejected::NotValid("missing (unsigned)")),
        ContainerVerdict::Valid | ContainerVerdict::ValidBasic | ContainerVerdict::ValidSeal => {}
    }
    if !facts.issued {
        return Ok(Outcome::NotIssued);
    }
    let persons: Vec<&SignerFacts> = facts.signers.iter().filter(|s| !s.seal).collect();
    if persons.is_empty() {
        return Ok(Outcome::Seal);
    }
    let long_term: Vec<&SignerFacts> = persons.iter().copied().filter(|s| s.long_term).collect();
    if facts.verdict == ContainerVerdict::ValidBasic || long_term.is_empty() {
        return Ok(Outcome::BasicOnly);
    }
    for s in &long_term {
        let Some(on) = s.signed_on else { continue };
        let wanted = match expected {
            Expected::Holder => holder_on(on),
            Expected::DirectiveSigner { name } => name.clone(),
        };
        if wanted.as_deref().is_some_and(|w| same_person(&s.name, w)) {
            let signer = s.name.clone();
            return Ok(match expected {
                Expected::Holder => Outcome::Acknowledged { signer, on },
                Expected::DirectiveSigner { .. } => Outcome::DirectiveSigned { signer, on },
            });
        }
    }
    Ok(Outcome::OtherSigner {
        signers: persons.iter().map(|s| s.name.clone()).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    fn person(name: &str) -> SignerFacts {
        SignerFacts {
            name: name.into(),
            seal: false,
            signed_on: Some(day(9)),
            long_term: true,
        }
    }

    fn facts(verdict: ContainerVerdict, signers: Vec<SignerFacts>) -> ContainerFacts {
        ContainerFacts {
            verdict,
            signers,
            issued: true,
        }
    }

    fn holder(d: NaiveDate) -> Option<String> {
        (d >= day(1)).then(|| "Mari-Liis Männik".to_string())
    }

    #[test]
    fn the_holders_valid_signature_acknowledges_on_the_signing_day() {
        let f = facts(ContainerVerdict::Valid, vec![person("MARI-LIIS MÄNNIK")]);
        assert_eq!(
            assess(&f, &Expected::Holder, holder),
            Ok(Outcome::Acknowledged {
                signer: "MARI-LIIS MÄNNIK".into(),
                on: day(9)
            })
        );
        // Surname first, as some certificates write it.
        let f = facts(ContainerVerdict::Valid, vec![person("MÄNNIK, MARI-LIIS")]);
        assert!(assess(&f, &Expected::Holder, holder).unwrap().completes());
    }

    #[test]
    fn someone_elses_signature_completes_nothing() {
        let f = facts(ContainerVerdict::Valid, vec![person("JAAK TAMM")]);
        assert_eq!(
            assess(&f, &Expected::Holder, holder),
            Ok(Outcome::OtherSigner {
                signers: vec!["JAAK TAMM".into()]
            })
        );
        // The holder's namesake of another day: nobody held the position then.
        let mut early = person("MARI-LIIS MÄNNIK");
        early.signed_on = NaiveDate::from_ymd_opt(2026, 2, 1);
        let f = facts(ContainerVerdict::Valid, vec![early]);
        assert!(!assess(&f, &Expected::Holder, holder).unwrap().completes());
        // Part of the name is not the name.
        assert!(!same_person("MARI MÄNNIK", "Mari-Liis Männik"));
        assert!(!same_person("", "Mari-Liis Männik"));
    }

    #[test]
    fn a_seal_a_basic_signature_or_a_document_not_issued_completes_nothing() {
        let mut seal = person("SOTSIAALKINDLUSTUSAMET");
        seal.seal = true;
        let f = facts(ContainerVerdict::ValidSeal, vec![seal]);
        assert_eq!(assess(&f, &Expected::Holder, holder), Ok(Outcome::Seal));
        let mut basic = person("MARI-LIIS MÄNNIK");
        basic.long_term = false;
        let f = facts(ContainerVerdict::ValidBasic, vec![basic]);
        assert_eq!(
            assess(&f, &Expected::Holder, holder),
            Ok(Outcome::BasicOnly)
        );
        let mut f = facts(ContainerVerdict::Valid, vec![person("MARI-LIIS MÄNNIK")]);
        f.issued = false;
        assert_eq!(
            assess(&f, &Expected::Holder, holder),
            Ok(Outcome::NotIssued)
        );
    }

    #[test]
    fn invalid_indeterminate_and_unsigned_containers_are_rejected() {
        for v in [
            ContainerVerdict::Invalid,
            ContainerVerdict::Indeterminate,
            ContainerVerdict::Unsigned,
        ] {
            let f = facts(v, vec![person("MARI-LIIS MÄNNIK")]);
            let e = assess(&f, &Expected::Holder, holder).unwrap_err();
            assert_eq!(e.code(), "not-valid");
        }
    }

    #[test]
    fn the_directives_named_signer_signs_it() {
        let expected = Expected::DirectiveSigner {
            name: Some("Kristi Pihlak".into()),
        };
        let f = facts(ContainerVerdict::Valid, vec![person("KRISTI PIHLAK")]);
        assert_eq!(
            assess(&f, &expected, |_| None),
            Ok(Outcome::DirectiveSigned {
                signer: "KRISTI PIHLAK".into(),
                on: day(9)
            })
        );
        let f = facts(ContainerVerdict::Valid, vec![person("JAAK TAMM")]);
        assert!(!assess(&f, &expected, |_| None).unwrap().completes());
        // A directive that names no signer: nobody's signature records it as signed.
        let none = Expected::DirectiveSigner { name: None };
        let f = facts(ContainerVerdict::Valid, vec![person("KRISTI PIHLAK")]);
        assert!(!assess(&f, &none, |_| None).unwrap().completes());
    }
}
