//! The verification report, shaped like that of SiVa, the state's validation service: an overall
//! indication (PASSED, FAILED, INDETERMINATE; NO_SIGNATURES for an unsigned container), and per
//! signature its indication and sub-indication, signer, times, level, errors, warnings and what
//! was checked. Serialised as JSON for `--json` and the API, written as text for people.

use serde::Serialize;

/// The outcome of one check level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Indication {
    Passed,
    Indeterminate,
    Failed,
}

/// The summary verdict (the words of the fixtures' `expected.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Intact, chained to a trusted CA, time and revocation proven (LT or LT-TM).
    Valid,
    /// Intact and chained, without time and revocation evidence.
    ValidBasic,
    /// Valid, but an organisation's e-seal, not a person's signature.
    ValidSeal,
    Invalid,
    Indeterminate,
    Unsigned,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Valid => "valid",
            Self::ValidBasic => "valid-basic",
            Self::ValidSeal => "valid-seal",
            Self::Invalid => "invalid",
            Self::Indeterminate => "indeterminate",
            Self::Unsigned => "unsigned",
        }
    }
}

/// Whose certificate signed.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Signer {
    /// Given name and surname (a person) or the organisation's name (an e-seal).
    pub name: String,
    /// The personal code, masked (`3********18`), when the certificate carries one.
    pub personal_code: Option<String>,
    /// The issuing CA's common name.
    pub issuer: String,
    /// `person` (a natural person's signature) or `seal` (an organisation's e-seal).
    pub kind: String,
}

/// One signature's result.
#[derive(Debug, Clone, Serialize)]
pub struct SignatureReport {
    pub id: String,
    pub file: String,
    pub indication: Indication,
    pub sub_indication: Option<String>,
    pub signer: Option<Signer>,
    /// The signing time the signer's software claimed (not proven).
    pub signing_time: Option<String>,
    /// The time a trusted time stamp proves (RFC 3161), when there is one.
    pub time_stamp_time: Option<String>,
    /// The time of the embedded OCSP response (for a time-mark, the proven time).
    pub ocsp_time: Option<String>,
    /// The time the certificate chain was checked at, and whether it was only claimed.
    pub validation_time: Option<String>,
    pub validation_time_claimed: bool,
    /// XAdES_BASELINE_B, _T, _LT or _LT_TM.
    pub level: String,
    pub errors: Vec<String>,
    pub warnings: Vec<String>,
    /// The checks made, in order, each with its outcome.
    pub checked: Vec<String>,
}

impl SignatureReport {
    pub fn new(id: String, file: String) -> Self {
        Self {
            id,
            file,
            indication: Indication::Passed,
            sub_indication: None,
            signer: None,
            signing_time: None,
            time_stamp_time: None,
            ocsp_time: None,
            validation_time: None,
            validation_time_claimed: false,
            level: "XAdES_BASELINE_B".into(),
            errors: Vec::new(),
            warnings: Vec::new(),
            checked: Vec::new(),
        }
    }

    /// Records a failure: the indication becomes at least `ind`; the first sub-indication stays.
    pub fn fail(&mut self, ind: Indication, sub: &str, error: String) {
        if ind > self.indication {
            self.indication = ind;
            self.sub_indication = Some(sub.to_owned());
        } else if self.sub_indication.is_none() && ind != Indication::Passed {
            self.sub_indication = Some(sub.to_owned());
        }
        self.errors.push(error);
    }

    pub fn ok(&mut self, what: impl Into<String>) {
        self.checked.push(format!("ok: {}", what.into()));
    }

    pub fn bad(&mut self, what: impl Into<String>) {
        self.checked.push(format!("failed: {}", what.into()));
    }

    pub fn is_seal(&self) -> bool {
        self.signer.as_ref().is_some_and(|s| s.kind == "seal")
    }

    /// Has time and revocation evidence (LT with a time stamp, or a time-mark).
    pub fn is_long_term(&self) -> bool {
        self.level.ends_with("_LT") || self.level.ends_with("_LT_TM")
    }
}

/// The whole container's result.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// PASSED / FAILED / INDETERMINATE, or NO_SIGNATURES.
    pub indication: String,
    pub verdict: Verdict,
    pub data_files: Vec<String>,
    /// Problems of the container itself (manifest) that fail every signature.
    pub errors: Vec<String>,
    /// Structure warnings (mimetype entry), as SiVa gives them.
    pub warnings: Vec<String>,
    pub signatures: Vec<SignatureReport>,
    /// Whether the test PKI's certificates were trusted in this verification.
    pub test_pki_trusted: bool,
    /// What offline verification cannot prove.
    pub limitations: Vec<String>,
}

/// What offline verification cannot prove (also in docs/signatures.md).
pub const LIMITATIONS: [&str; 3] = [
    "revocation after the embedded OCSP response (a certificate revoked later is not seen; for a signature with LT evidence that does not matter, for one without it does)",
    "changes of the EU trusted lists after the certificates shipped with this program (a CA withdrawn or added since)",
    "that the person meant to sign this document: only that their key did",
];

impl Report {
    /// The report as text for a terminal.
    pub fn to_text(&self) -> String {
        let mut s = format!("{} ({})\n", self.indication, self.verdict.as_str());
        s.push_str(&format!("data files: {}\n", self.data_files.join(", ")));
        for e in &self.errors {
            s.push_str(&format!("error: {e}\n"));
        }
        for w in &self.warnings {
            s.push_str(&format!("warning: {w}\n"));
        }
        for sig in &self.signatures {
            s.push_str(&format!(
                "\nsignature {} ({}): {:?}{}\n",
                sig.id,
                sig.file,
                sig.indication,
                sig.sub_indication
                    .as_ref()
                    .map(|x| format!(" / {x}"))
                    .unwrap_or_default()
            ));
            if let Some(p) = &sig.signer {
                s.push_str(&format!(
                    "  signer: {}{} ({}), issued by {}\n",
                    p.name,
                    p.personal_code
                        .as_ref()
                        .map(|c| format!(", {c}"))
                        .unwrap_or_default(),
                    if p.kind == "seal" {
                        "e-seal of an organisation"
                    } else {
                        "person"
                    },
                    p.issuer
                ));
            }
            if let Some(t) = &sig.signing_time {
                s.push_str(&format!("  signing time (claimed): {t}\n"));
            }
            if let Some(t) = &sig.time_stamp_time {
                s.push_str(&format!("  time stamp: {t}\n"));
            }
            if let Some(t) = &sig.ocsp_time {
                s.push_str(&format!("  OCSP response: {t}\n"));
            }
            s.push_str(&format!("  level: {}\n", sig.level));
            for e in &sig.errors {
                s.push_str(&format!("  error: {e}\n"));
            }
            for w in &sig.warnings {
                s.push_str(&format!("  warning: {w}\n"));
            }
            for c in &sig.checked {
                s.push_str(&format!("  {c}\n"));
            }
        }
        s.push_str("\nOffline verification cannot prove:\n");
        for l in &self.limitations {
            s.push_str(&format!("  - {l}\n"));
        }
        s
    }
}

/// A Unix time as RFC 3339 UTC (`2020-05-21T13:56:48Z`).
pub fn time_string(t: i64) -> String {
    chrono::DateTime::from_timestamp(t, 0)
        .map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_else(|| t.to_string())
}

/// Masks an Estonian personal code (or any identifier): the first and the last two characters
/// of the number stay, the rest become `*`; a `PNOEE-` style prefix is dropped.
pub fn mask_personal_code(code: &str) -> String {
    let number = code.rsplit_once('-').map_or(code, |(_, n)| n);
    let chars: Vec<char> = number.chars().collect();
    if chars.len() <= 3 {
        return "*".repeat(chars.len());
    }
    let mut s = String::new();
    s.push(chars[0]);
    s.push_str(&"*".repeat(chars.len() - 3));
    s.extend(&chars[chars.len() - 2..]);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn personal_codes_are_masked() {
        assert_eq!(mask_personal_code("PNOEE-38001085718"), "3********18");
        assert_eq!(mask_personal_code("47101010033"), "4********33");
        assert_eq!(mask_personal_code("12"), "**");
    }

    #[test]
    fn failures_keep_the_worst_indication() {
        let mut r = SignatureReport::new("S0".into(), "f".into());
        r.fail(
            Indication::Indeterminate,
            "NO_CERTIFICATE_CHAIN_FOUND",
            "x".into(),
        );
        r.fail(Indication::Failed, "HASH_FAILURE", "y".into());
        r.fail(Indication::Indeterminate, "TRY_LATER", "z".into());
        assert_eq!(r.indication, Indication::Failed);
        assert_eq!(r.sub_indication.as_deref(), Some("HASH_FAILURE"));
        assert_eq!(time_string(0), "1970-01-01T00:00:00Z");
    }
}
