//! Verification of one container, level by level as SiVa reports it: structure (read by
//! `container`), manifest, then for each signature its references, signer binding,
//! SignatureValue, long-term evidence (time stamp, OCSP, time-mark) and certificate chain at the
//! proven (or, lacking proof, the claimed) time, key usage and qualified certificate statements.

use crate::Options;
use crate::c14n::{self, Method};
use crate::certs::{self, Cert, ChainError, Time};
use crate::container::{self, Archive, Refused};
use crate::crypto::{self, Hash};
use crate::evidence::{self, Status};
use crate::report::{
    Indication::{self, Failed, Indeterminate},
    Report, SignatureReport, Signer, Verdict, mask_personal_code, time_string,
};
use crate::xades;
use crate::xml::{self, Document};

const MANIFEST_NS: &str = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";

/// Reads the manifest: the data file paths it lists (refusing unsafe paths).
fn manifest(archive: &Archive, opts: &Options) -> Result<Result<Vec<String>, String>, Refused> {
    let Some(m) = archive.get("META-INF/manifest.xml") else {
        return Ok(Err("the container has no META-INF/manifest.xml".into()));
    };
    let doc = xml::parse(&m.bytes, opts.limits.xml)
        .map_err(|e| Refused(format!("META-INF/manifest.xml is refused: {e}")))?;
    let mut paths = Vec::new();
    for entry in doc.descendants(doc.root) {
        if !doc.is(entry, MANIFEST_NS, "file-entry") {
            continue;
        }
        let e = doc
            .element(entry)
            .ok_or_else(|| Refused("bad manifest".into()))?;
        let path = e
            .attributes
            .iter()
            .find(|a| a.local() == "full-path")
            .map(|a| a.value.clone())
            .ok_or_else(|| Refused("a manifest file-entry has no full-path".into()))?;
        if path == "/" || path.ends_with('/') && container::name_problem(&path).is_none() {
            continue;
        }
        if let Some(p) = container::name_problem(&path) {
            return Err(Refused(format!(
                "the manifest names the file '{path}', which is refused: {p}"
            )));
        }
        paths.push(path);
    }
    Ok(Ok(paths))
}

/// Verifies a container read from `bytes`.
pub fn verify(bytes: &[u8], opts: &Options) -> Result<Report, Refused> {
    let archive = container::read(bytes, &opts.limits)?;
    let data_files: Vec<String> = archive
        .entries
        .iter()
        .filter(|e| !e.is_dir && e.name != "mimetype" && !e.name.starts_with("META-INF/"))
        .map(|e| e.name.clone())
        .collect();
    let mut report = Report {
        indication: String::new(),
        verdict: Verdict::Unsigned,
        data_files: data_files.clone(),
        errors: Vec::new(),
        warnings: archive.warnings.clone(),
        signatures: Vec::new(),
        test_pki_trusted: opts.store.includes_test_pki,
        limitations: crate::report::LIMITATIONS
            .iter()
            .map(|s| (*s).to_owned())
            .collect(),
    };
    match manifest(&archive, opts)? {
        Err(e) => report.errors.push(e),
        Ok(listed) => {
            for f in &data_files {
                match listed.iter().filter(|l| *l == f).count() {
                    0 => report
                        .errors
                        .push(format!("the data file '{f}' is not in the manifest")),
                    1 => {}
                    _ => report
                        .errors
                        .push(format!("the manifest lists '{f}' more than once")),
                }
            }
            for l in &listed {
                if !data_files.contains(l) {
                    report.errors.push(format!(
                        "the manifest names '{l}', but the container has no such file (removed after signing?)"
                    ));
                }
            }
        }
    }
    let sig_files: Vec<&container::Entry> = archive
        .entries
        .iter()
        .filter(|e| {
            !e.is_dir
                && e.name.starts_with("META-INF/")
                && e.name.contains("signatures")
                && e.name.ends_with(".xml")
        })
        .collect();
    for e in &archive.entries {
        if e.name.starts_with("META-INF/")
            && !e.is_dir
            && e.name != "META-INF/manifest.xml"
            && !sig_files.iter().any(|s| s.name == e.name)
        {
            report
                .warnings
                .push(format!("the container has an unknown file '{}'", e.name));
        }
    }
    for f in sig_files {
        let doc = xml::parse(&f.bytes, opts.limits.xml)
            .map_err(|e| Refused(format!("{} is refused: {e}", f.name)))?;
        let sigs = xades::signatures(&doc);
        if sigs.is_empty() {
            report.errors.push(format!("{} holds no signature", f.name));
        }
        for s in sigs {
            let mut r = SignatureReport::new(String::new(), f.name.clone());
            match s {
                Err(e) => r.fail(
                    Failed,
                    "FORMAT_FAILURE",
                    format!("the signature cannot be read: {e}"),
                ),
                Ok(sig) => {
                    r.id = sig.id.clone();
                    check_signature(&doc, &sig, &archive, &data_files, opts, &mut r);
                }
            }
            report.signatures.push(r);
        }
    }
    if !report.errors.is_empty() {
        for s in &mut report.signatures {
            s.fail(
                Failed,
                "FORMAT_FAILURE",
                "the container's manifest does not match its files".into(),
            );
        }
    }
    let worst = report.signatures.iter().map(|s| s.indication).max();
    report.indication = match worst {
        None => "NO_SIGNATURES".into(),
        Some(Indication::Passed) => "PASSED".into(),
        Some(Indeterminate) => "INDETERMINATE".into(),
        Some(Failed) => "FAILED".into(),
    };
    report.verdict = match worst {
        None => Verdict::Unsigned,
        Some(Failed) => Verdict::Invalid,
        Some(Indeterminate) => Verdict::Indeterminate,
        Some(Indication::Passed) => {
            if report.signatures.iter().any(SignatureReport::is_seal) {
                Verdict::ValidSeal
            } else if report.signatures.iter().all(SignatureReport::is_long_term) {
                Verdict::Valid
            } else {
                Verdict::ValidBasic
            }
        }
    };
    Ok(report)
}

fn signer_of(c: &Cert) -> Signer {
    let given = c.subject_attr("2.5.4.42");
    let sur = c.subject_attr("2.5.4.4");
    let (_, qc_types) = c.qc_statements();
    let seal = qc_types.iter().any(|t| t == "0.4.0.1862.1.6.2")
        || (!qc_types.iter().any(|t| t == "0.4.0.1862.1.6.1")
            && given.is_none()
            && sur.is_none()
            && c.subject_attr("2.5.4.10").is_some());
    let name = match (&given, &sur) {
        (Some(g), Some(s)) if !seal => format!("{g} {s}"),
        _ => c.subject_cn(),
    };
    let personal_code = if seal {
        None
    } else {
        c.subject_attr("2.5.4.5").map(|s| mask_personal_code(&s))
    };
    Signer {
        name,
        personal_code,
        issuer: c.issuer_cn(),
        kind: if seal { "seal" } else { "person" }.into(),
    }
}

fn parse_time(s: &str) -> Option<Time> {
    chrono::DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|d| d.timestamp())
}

fn decimal(bytes: &[u8]) -> String {
    rsa::BigUint::from_bytes_be(bytes).to_str_radix(10)
}

fn check_signature(
    doc: &Document,
    sig: &xades::Signature,
    archive: &Archive,
    data_files: &[String],
    opts: &Options,
    r: &mut SignatureReport,
) {
    r.signing_time = sig.signing_time.clone();
    crate::references::check(doc, sig, archive, data_files, r);

    // Signer binding: the certificate SigningCertificate names, and no other end-entity one.
    let key_info: Vec<Cert> = sig
        .key_info_certs
        .iter()
        .filter_map(|d| Cert::from_der(d).ok())
        .collect();
    if key_info.len() != sig.key_info_certs.len() {
        r.fail(
            Failed,
            "FORMAT_FAILURE",
            "a certificate in KeyInfo cannot be read".into(),
        );
    }
    let Some(cref) = sig.signing_certificates.first() else {
        r.fail(
            Failed,
            "FORMAT_FAILURE",
            "the signature has no SigningCertificate: the signer is not bound to the signature"
                .into(),
        );
        return;
    };
    if sig.signing_certificates.len() > 1 {
        r.warnings.push(
            "SigningCertificate names more than one certificate; the first is the signer's".into(),
        );
    }
    let Some(hash) = Hash::from_uri(&cref.digest_method) else {
        r.fail(
            Failed,
            "FORMAT_FAILURE",
            format!(
                "the digest method '{}' is not supported",
                cref.digest_method
            ),
        );
        return;
    };
    let Some(signer) = key_info
        .iter()
        .find(|c| hash.digest(&c.der) == cref.digest_value)
    else {
        r.bad("signer binding");
        r.fail(
            Failed,
            "FORMAT_FAILURE",
            "no certificate in KeyInfo matches the SigningCertificate digest".into(),
        );
        return;
    };
    if let Some(serial) = &cref.serial_decimal
        && *serial != decimal(signer.serial())
    {
        r.fail(
            Failed,
            "FORMAT_FAILURE",
            "the SigningCertificate serial number does not match the certificate".into(),
        );
    }
    if key_info.iter().any(|c| c != signer && !c.is_ca()) {
        r.bad("signer binding");
        r.fail(Failed, "FORMAT_FAILURE", "KeyInfo carries a second end-entity certificate besides the one SigningCertificate names".into());
    } else {
        r.ok("signer binding (SigningCertificate digest, one end-entity certificate)");
    }
    r.signer = Some(signer_of(signer));

    // SignatureValue over the canonical SignedInfo.
    match crypto::xml_signature_method(&sig.signature_method) {
        None => r.fail(
            Failed,
            "FORMAT_FAILURE",
            format!(
                "the signature method '{}' is not supported",
                sig.signature_method
            ),
        ),
        Some((scheme, h)) => {
            let si = c14n::canonicalize(doc, sig.signed_info, &sig.c14n);
            let key = &signer.cert.tbs_certificate.subject_public_key_info;
            match crypto::verify(key, scheme, h, &si, &sig.signature_value, true) {
                Ok(()) => r.ok("SignatureValue"),
                Err(e) => {
                    r.bad("SignatureValue");
                    r.fail(
                        Failed,
                        "SIG_CRYPTO_FAILURE",
                        format!(
                            "the SignatureValue does not verify with the signer's certificate: {e}"
                        ),
                    );
                }
            }
        }
    }

    let mut pool: Vec<Cert> = key_info.clone();
    pool.extend(
        sig.certificate_values
            .iter()
            .filter_map(|d| Cert::from_der(d).ok()),
    );
    let store = &opts.store;
    let issuer = pool
        .iter()
        .chain(store.certs.iter().map(|(_, c)| c))
        .find(|c| signer.issued_by(c))
        .cloned();

    // Long-term evidence.
    let mut ts_time = None;
    if let Some(ts) = sig.time_stamps.first() {
        let method = ts.c14n.clone().unwrap_or_else(Method::default_inclusive);
        let data = c14n::canonicalize(doc, sig.signature_value_node, &method);
        match evidence::check_time_stamp(&ts.token, &data, &pool, store) {
            Ok(info) => {
                r.time_stamp_time = Some(time_string(info.time));
                r.ok(format!(
                    "time stamp by '{}' over the SignatureValue",
                    info.tsa
                ));
                r.level = "XAdES_BASELINE_T".into();
                ts_time = Some(info.time);
            }
            Err(e) => {
                r.bad("time stamp");
                let ind = if e.contains("message imprint") || e.contains("signature") {
                    Failed
                } else {
                    Indeterminate
                };
                r.fail(
                    ind,
                    if ind == Failed {
                        "TIMESTAMP_FAILURE"
                    } else {
                        "NO_POE"
                    },
                    e,
                );
            }
        }
    }
    let mut proven = ts_time;
    let mut revocation_ok = false;
    if !sig.ocsp_values.is_empty() {
        match &issuer {
            None => r.fail(Indeterminate, "NO_CERTIFICATE_CHAIN_FOUND", "the signer's issuing CA certificate is neither in the signature nor in the trust store, so the OCSP response cannot be checked".into()),
            Some(issuer) => {
                let results: Vec<_> = sig.ocsp_values.iter().map(|o| evidence::check_ocsp(o, signer, issuer, &pool, store)).collect();
                match results.iter().find_map(|x| x.as_ref().ok()) {
                    None => {
                        let e = results.into_iter().find_map(Result::err).unwrap_or_default();
                        r.bad("OCSP response");
                        r.fail(Indeterminate, "TRY_LATER", e);
                    }
                    Some(info) => {
                        r.ocsp_time = Some(time_string(info.produced_at));
                        r.ok(format!("OCSP response by '{}'", info.responder));
                        if sig.time_stamps.is_empty() {
                            // A BDOC time-mark: the OCSP nonce commits to the SignatureValue.
                            if info.nonce.as_deref().is_some_and(|n| evidence::time_mark_nonce_matches(n, &sig.signature_value)) {
                                r.ok("time-mark (OCSP nonce over the SignatureValue)");
                                r.level = "XAdES_BASELINE_LT_TM".into();
                                proven = Some(info.produced_at);
                            } else {
                                r.bad("time-mark");
                                r.fail(Failed, "SIG_CONSTRAINTS_FAILURE", "the OCSP response carries no time-mark for this signature (its nonce does not commit to the SignatureValue) and there is no time stamp".into());
                            }
                        } else if let Some(t) = ts_time {
                            if info.produced_at < t {
                                r.warnings.push("the OCSP response is older than the time stamp".into());
                            }
                            r.level = "XAdES_BASELINE_LT".into();
                        }
                        match info.status {
                            Status::Good => {
                                r.ok("certificate status good (OCSP)");
                                revocation_ok = true;
                            }
                            Status::Revoked(at) if ts_time.is_some_and(|t| at > t) => {
                                r.warnings.push(format!("the certificate was revoked at {}, after the time stamp", time_string(at)));
                                revocation_ok = true;
                            }
                            Status::Revoked(at) => {
                                r.bad("certificate status (OCSP): revoked");
                                r.fail(Indeterminate, "REVOKED_NO_POE", format!("the OCSP response says the signer's certificate was revoked at {}", time_string(at)));
                            }
                            Status::Unknown => {
                                r.bad("certificate status (OCSP): unknown");
                                r.fail(Indeterminate, "TRY_LATER", "the OCSP responder does not know the signer's certificate".into());
                            }
                        }
                    }
                }
            }
        }
    }
    if !revocation_ok && r.indication == Indication::Passed {
        r.warnings.push(
            "no revocation evidence: the certificate's status at signing time is not proven".into(),
        );
    }

    // The certificate chain at the proven time, else the claimed one.
    let (at, claimed) = match proven {
        Some(t) => (Some(t), false),
        None => (sig.signing_time.as_deref().and_then(parse_time), true),
    };
    let Some(at) = at else {
        r.fail(
            Indeterminate,
            "NO_POE",
            "the signature has neither a time stamp nor a signing time".into(),
        );
        return;
    };
    r.validation_time = Some(time_string(at));
    r.validation_time_claimed = claimed;
    if claimed {
        r.warnings.push(
            "the signing time is only claimed by the signer's software: no time stamp proves it"
                .into(),
        );
    }
    match certs::chain(signer, &pool, store, at) {
        Ok((_, anchor)) => {
            r.ok(format!(
                "certificate chain to the trusted '{anchor}' at {}{}",
                time_string(at),
                if claimed { " (claimed time)" } else { "" }
            ));
            if anchor.starts_with("TEST")
                || anchor.starts_with("DEMO")
                || anchor.starts_with("test")
            {
                r.warnings.push(
                    "the certificate chains to the SK test PKI: not a legally binding signature"
                        .into(),
                );
            }
        }
        Err(ChainError::Untrusted(m)) => {
            r.bad("certificate chain");
            r.fail(Indeterminate, "NO_CERTIFICATE_CHAIN_FOUND", m);
        }
        Err(ChainError::OutOfValidity(m)) => {
            r.bad("certificate validity at the signing time");
            r.fail(Failed, "OUT_OF_BOUNDS_NO_POE", m);
        }
    }
    match signer.non_repudiation() {
        Some(true) => r.ok("key usage non-repudiation"),
        Some(false) => {
            r.bad("key usage");
            r.fail(
                Indeterminate,
                "CHAIN_CONSTRAINTS_FAILURE",
                "the signer's certificate is not for signing (no non-repudiation key usage)".into(),
            );
        }
        None => r
            .warnings
            .push("the signer's certificate has no key usage extension".into()),
    }
    let (qc, _) = signer.qc_statements();
    if qc.iter().any(|q| q == "0.4.0.1862.1.1") {
        r.ok("qualified certificate statement (QcCompliance)");
    } else {
        r.warnings.push(
            "the signer's certificate does not state that it is qualified (no QcCompliance)".into(),
        );
    }
    if r.is_seal() {
        r.warnings
            .push("this is an organisation's e-seal, not a person's signature".into());
    }
}
