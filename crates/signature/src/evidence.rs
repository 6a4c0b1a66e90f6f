//! Long-term evidence: an RFC 3161 time stamp (CMS SignedData over a TSTInfo) whose message
//! imprint covers the canonical `SignatureValue`, signed by a time-stamping unit that chains to
//! the trust store; and an OCSP response about the signer's certificate, signed by a responder
//! that chains to the trust store, with its status, time and nonce (the BDOC time-mark).

use crate::certs::{self, Cert, Time, TrustStore};
use crate::crypto::{self, Hash};
use der::{Decode, Encode};

/// A verified time stamp.
#[derive(Debug, Clone)]
pub struct TimeStampInfo {
    pub time: Time,
    pub tsa: String,
}

fn time_of(t: &der::asn1::GeneralizedTime) -> Time {
    t.to_unix_duration().as_secs() as Time
}

/// Verifies a time stamp token over `data` (the canonical `SignatureValue` element).
pub fn check_time_stamp(
    token: &[u8],
    data: &[u8],
    pool: &[Cert],
    store: &TrustStore,
) -> Result<TimeStampInfo, String> {
    use cms::signed_data::{SignedData, SignerIdentifier};
    let ci = match cms::content_info::ContentInfo::from_der(token) {
        Ok(ci) => ci,
        Err(e) => crypto::ber_to_der(token)
            .and_then(|d| cms::content_info::ContentInfo::from_der(&d).ok())
            .ok_or_else(|| format!("the time stamp token cannot be read: {e}"))?,
    };
    let sd: SignedData = ci
        .content
        .decode_as()
        .map_err(|e| format!("the time stamp token is not CMS SignedData: {e}"))?;
    if sd.encap_content_info.econtent_type.to_string() != "1.2.840.113549.1.9.16.1.4" {
        return Err("the time stamp token does not hold a TSTInfo".into());
    }
    let econtent = sd
        .encap_content_info
        .econtent
        .as_ref()
        .ok_or("the time stamp token has no content")?;
    let tst_bytes = econtent.value();
    let tst = x509_tsp::TstInfo::from_der(tst_bytes)
        .map_err(|e| format!("the TSTInfo cannot be read: {e}"))?;
    let hash = Hash::from_oid(&tst.message_imprint.hash_algorithm.oid)
        .ok_or("the time stamp's digest algorithm is not supported")?;
    if hash.digest(data) != tst.message_imprint.hashed_message.as_bytes() {
        return Err("the time stamp's message imprint does not match the SignatureValue: it was made for another signature".into());
    }
    let si = sd
        .signer_infos
        .0
        .iter()
        .next()
        .ok_or("the time stamp token has no signer")?;
    let mut certs: Vec<Cert> = pool.to_vec();
    if let Some(set) = &sd.certificates {
        for c in set.0.iter() {
            if let cms::cert::CertificateChoices::Certificate(c) = c
                && let Ok(der) = c.to_der()
                && let Ok(c) = Cert::from_der(&der)
            {
                certs.push(c);
            }
        }
    }
    let signer = certs
        .iter()
        .find(|c| match &si.sid {
            SignerIdentifier::IssuerAndSerialNumber(ias) => {
                ias.serial_number == c.cert.tbs_certificate.serial_number
                    && ias.issuer == c.cert.tbs_certificate.issuer
            }
            SignerIdentifier::SubjectKeyIdentifier(ski) => c
                .cert
                .tbs_certificate
                .extensions
                .as_ref()
                .and_then(|x| x.iter().find(|e| e.extn_id.to_string() == "2.5.29.14"))
                .is_some_and(|e| {
                    crypto::content(e.extn_value.as_bytes()) == Some(ski.0.as_bytes())
                }),
        })
        .ok_or("the time-stamping unit's certificate is not in the token")?;
    let digest =
        Hash::from_oid(&si.digest_alg.oid).ok_or("unsupported digest in the time stamp")?;
    let attrs = si
        .signed_attrs
        .as_ref()
        .ok_or("the time stamp has no signed attributes")?;
    let md = attrs
        .iter()
        .find(|a| a.oid.to_string() == "1.2.840.113549.1.9.4")
        .and_then(|a| a.values.iter().next())
        .ok_or("the time stamp has no message digest attribute")?;
    if md.value() != digest.digest(tst_bytes).as_slice() {
        return Err("the time stamp's message digest does not match its TSTInfo".into());
    }
    let signed = attrs
        .to_der()
        .map_err(|e| format!("the time stamp's attributes cannot be encoded: {e}"))?;
    let (scheme, h) = crypto::oid_signature_method(&si.signature_algorithm, Some(digest))
        .ok_or("the time stamp's signature algorithm is not supported")?;
    crypto::verify(
        &signer.cert.tbs_certificate.subject_public_key_info,
        scheme,
        h,
        &signed,
        si.signature.as_bytes(),
        false,
    )
    .map_err(|e| format!("the time stamp's signature: {e}"))?;
    let time = time_of(&tst.gen_time);
    certs::chain(signer, &certs, store, time).map_err(|e| match e {
        certs::ChainError::Untrusted(m) | certs::ChainError::OutOfValidity(m) => {
            format!("the time-stamping unit: {m}")
        }
    })?;
    Ok(TimeStampInfo {
        time,
        tsa: signer.subject_cn(),
    })
}

/// The certificate status an OCSP response gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Good,
    Revoked(Time),
    Unknown,
}

/// A verified OCSP response about one certificate.
#[derive(Debug, Clone)]
pub struct OcspInfo {
    pub produced_at: Time,
    pub status: Status,
    pub responder: String,
    /// The nonce extension's value (unwrapped from its OCTET STRING).
    pub nonce: Option<Vec<u8>>,
}

/// Verifies an OCSP response about `signer` (issued by `issuer`).
pub fn check_ocsp(
    der_bytes: &[u8],
    signer: &Cert,
    issuer: &Cert,
    pool: &[Cert],
    store: &TrustStore,
) -> Result<OcspInfo, String> {
    use x509_ocsp::{BasicOcspResponse, CertStatus, OcspResponse, OcspResponseStatus, ResponderId};
    let resp = OcspResponse::from_der(der_bytes)
        .map_err(|e| format!("the OCSP response cannot be read: {e}"))?;
    if resp.response_status != OcspResponseStatus::Successful {
        return Err(format!(
            "the OCSP response status is {:?}",
            resp.response_status
        ));
    }
    let rb = resp.response_bytes.ok_or("the OCSP response is empty")?;
    let basic_der = rb.response.as_bytes();
    let basic = BasicOcspResponse::from_der(basic_der)
        .map_err(|e| format!("the basic OCSP response cannot be read: {e}"))?;
    let tbs = crypto::signed_part(basic_der).ok_or("the OCSP response is malformed")?;
    let mut certs: Vec<Cert> = pool.to_vec();
    for c in basic.certs.iter().flatten() {
        if let Ok(der) = c.to_der()
            && let Ok(c) = Cert::from_der(&der)
        {
            certs.push(c);
        }
    }
    for (_, c) in &store.certs {
        certs.push(c.clone());
    }
    let responder = certs
        .iter()
        .find(|c| match &basic.tbs_response_data.responder_id {
            ResponderId::ByName(n) => &c.cert.tbs_certificate.subject == n,
            ResponderId::ByKey(k) => {
                Hash::Sha1.digest(
                    c.cert
                        .tbs_certificate
                        .subject_public_key_info
                        .subject_public_key
                        .raw_bytes(),
                ) == k.as_bytes()
            }
        })
        .ok_or("the OCSP responder's certificate is not in the signature")?;
    let (scheme, hash) = crypto::oid_signature_method(&basic.signature_algorithm, None)
        .ok_or("the OCSP response's signature algorithm is not supported")?;
    crypto::verify(
        &responder.cert.tbs_certificate.subject_public_key_info,
        scheme,
        hash,
        tbs,
        basic.signature.raw_bytes(),
        false,
    )
    .map_err(|e| format!("the OCSP response's signature: {e}"))?;
    let produced_at = time_of(&basic.tbs_response_data.produced_at.0);
    if responder != issuer && !responder.has_eku("1.3.6.1.5.5.7.3.9") {
        return Err(format!(
            "the OCSP responder '{}' is neither the issuing CA nor authorised for OCSP signing",
            responder.subject_cn()
        ));
    }
    certs::chain(responder, &certs, store, produced_at).map_err(|e| match e {
        certs::ChainError::Untrusted(m) | certs::ChainError::OutOfValidity(m) => {
            format!("the OCSP responder: {m}")
        }
    })?;
    let single = basic
        .tbs_response_data
        .responses
        .iter()
        .find(|r| {
            r.cert_id.serial_number == signer.cert.tbs_certificate.serial_number
                && Hash::from_oid(&r.cert_id.hash_algorithm.oid).is_some_and(|h| {
                    h.digest(&signer.issuer_der()) == r.cert_id.issuer_name_hash.as_bytes()
                })
        })
        .ok_or("the OCSP response is not about the signer's certificate")?;
    let status = match &single.cert_status {
        CertStatus::Good(_) => Status::Good,
        CertStatus::Revoked(info) => Status::Revoked(time_of(&info.revocation_time.0)),
        CertStatus::Unknown(_) => Status::Unknown,
    };
    let nonce = basic
        .tbs_response_data
        .response_extensions
        .as_ref()
        .and_then(|x| {
            x.iter()
                .find(|e| e.extn_id.to_string() == "1.3.6.1.5.5.7.48.1.2")
        })
        .map(|e| {
            let v = e.extn_value.as_bytes();
            if v.first() == Some(&0x04) {
                crypto::content(v).unwrap_or(v).to_vec()
            } else {
                v.to_vec()
            }
        });
    Ok(OcspInfo {
        produced_at,
        status,
        responder: responder.subject_cn(),
        nonce,
    })
}

/// Does a BDOC time-mark nonce commit to this SignatureValue? The nonce is
/// `SEQUENCE { AlgorithmIdentifier, OCTET STRING digest }` of the decoded SignatureValue.
pub fn time_mark_nonce_matches(nonce: &[u8], signature_value: &[u8]) -> bool {
    let Some(parts) = crypto::children(nonce) else {
        return false;
    };
    let [alg, digest] = parts.as_slice() else {
        return false;
    };
    let oid = crypto::children(alg)
        .and_then(|a| a.first().copied())
        .filter(|t| t.first() == Some(&0x06))
        .and_then(crypto::content)
        .and_then(|c| der::asn1::ObjectIdentifier::from_bytes(c).ok());
    let Some(hash) = oid.as_ref().and_then(Hash::from_oid) else {
        return false;
    };
    digest.first() == Some(&0x04)
        && crypto::content(digest) == Some(hash.digest(signature_value).as_slice())
}
