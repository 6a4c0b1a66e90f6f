//! Reading XAdES signatures out of a container's `META-INF/*signatures*.xml`: the parts of each
//! `ds:Signature` a verifier needs (SignedInfo and its references, SignatureValue, KeyInfo
//! certificates, SignedProperties with the signing time and SigningCertificate(V2), and the
//! unsigned properties: time stamps, certificate values, OCSP responses), keeping the tree for
//! canonicalisation.

use crate::c14n::Method;
use crate::xml::{Document, NodeId};
use base64::Engine;

pub const DS: &str = "http://www.w3.org/2000/09/xmldsig#";
pub const XADES: &str = "http://uri.etsi.org/01903/v1.3.2#";
pub const SIGNED_PROPERTIES_TYPE: &str = "http://uri.etsi.org/01903#SignedProperties";

/// One `ds:Reference`.
#[derive(Debug, Clone)]
pub struct Reference {
    pub uri: String,
    pub type_: Option<String>,
    pub transforms: Vec<(String, NodeId)>,
    pub digest_method: String,
    pub digest_value: Vec<u8>,
}

/// `SigningCertificate` / `SigningCertificateV2`: the digest of the signer's certificate.
#[derive(Debug, Clone)]
pub struct CertRef {
    pub digest_method: String,
    pub digest_value: Vec<u8>,
    /// `X509SerialNumber` (decimal) of version 1, when present.
    pub serial_decimal: Option<String>,
}

/// One `xades:SignatureTimeStamp`.
#[derive(Debug, Clone)]
pub struct TimeStamp {
    pub c14n: Option<Method>,
    pub token: Vec<u8>,
}

/// One signature, parsed.
#[derive(Debug, Clone)]
pub struct Signature {
    pub node: NodeId,
    pub id: String,
    pub signed_info: NodeId,
    pub c14n: Method,
    pub signature_method: String,
    pub references: Vec<Reference>,
    pub signature_value_node: NodeId,
    pub signature_value: Vec<u8>,
    pub key_info_certs: Vec<Vec<u8>>,
    pub signed_properties: Option<(NodeId, String)>,
    pub signing_time: Option<String>,
    pub signing_certificates: Vec<CertRef>,
    pub has_policy: bool,
    pub time_stamps: Vec<TimeStamp>,
    pub certificate_values: Vec<Vec<u8>>,
    pub ocsp_values: Vec<Vec<u8>>,
}

fn b64(s: &str) -> Result<Vec<u8>, String> {
    let clean: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    base64::engine::general_purpose::STANDARD
        .decode(clean)
        .map_err(|e| format!("a base64 value cannot be decoded: {e}"))
}

/// The canonicalisation method named by an element's `ds:CanonicalizationMethod` child (or the
/// element itself when it is one), with an exclusive method's `InclusiveNamespaces` prefixes.
fn method_of(doc: &Document, node: NodeId) -> Result<Method, String> {
    let alg = doc
        .element(node)
        .and_then(|e| e.attr("Algorithm"))
        .unwrap_or_default();
    let mut m = Method::from_uri(alg)
        .ok_or_else(|| format!("the canonicalisation method '{alg}' is not supported"))?;
    for c in doc.children(node) {
        if doc.name(c).map(|(_, l)| l) == Some("InclusiveNamespaces")
            && let Some(list) = doc.element(c).and_then(|e| e.attr("PrefixList"))
        {
            m.inclusive_prefixes = list.split_whitespace().map(str::to_owned).collect();
        }
    }
    Ok(m)
}

fn required(doc: &Document, parent: NodeId, ns: &str, local: &str) -> Result<NodeId, String> {
    doc.child(parent, ns, local)
        .ok_or_else(|| format!("the element {local} is missing"))
}

fn digest_pair(doc: &Document, parent: NodeId) -> Result<(String, Vec<u8>), String> {
    let dm = required(doc, parent, DS, "DigestMethod")?;
    let method = doc
        .element(dm)
        .and_then(|e| e.attr("Algorithm"))
        .unwrap_or_default()
        .to_owned();
    let dv = required(doc, parent, DS, "DigestValue")?;
    Ok((method, b64(&doc.text(dv))?))
}

fn parse_signature(doc: &Document, sig: NodeId) -> Result<Signature, String> {
    let id = doc
        .element(sig)
        .and_then(|e| e.attr("Id"))
        .unwrap_or("(no Id)")
        .to_owned();
    let si = required(doc, sig, DS, "SignedInfo")?;
    let c14n = method_of(doc, required(doc, si, DS, "CanonicalizationMethod")?)?;
    let sm = required(doc, si, DS, "SignatureMethod")?;
    let signature_method = doc
        .element(sm)
        .and_then(|e| e.attr("Algorithm"))
        .unwrap_or_default()
        .to_owned();
    let mut references = Vec::new();
    for r in doc.children_named(si, DS, "Reference") {
        let e = doc.element(r).ok_or("bad reference")?;
        let mut transforms = Vec::new();
        if let Some(ts) = doc.child(r, DS, "Transforms") {
            for t in doc.children_named(ts, DS, "Transform") {
                let alg = doc
                    .element(t)
                    .and_then(|e| e.attr("Algorithm"))
                    .unwrap_or_default();
                transforms.push((alg.to_owned(), t));
            }
        }
        let (digest_method, digest_value) = digest_pair(doc, r)?;
        references.push(Reference {
            uri: e.attr("URI").unwrap_or_default().to_owned(),
            type_: e.attr("Type").filter(|t| !t.is_empty()).map(str::to_owned),
            transforms,
            digest_method,
            digest_value,
        });
    }
    let sv = required(doc, sig, DS, "SignatureValue")?;
    let signature_value = b64(&doc.text(sv))?;
    let mut key_info_certs = Vec::new();
    if let Some(ki) = doc.child(sig, DS, "KeyInfo") {
        for xd in doc.children_named(ki, DS, "X509Data") {
            for c in doc.children_named(xd, DS, "X509Certificate") {
                key_info_certs.push(b64(&doc.text(c))?);
            }
        }
    }
    let mut s = Signature {
        node: sig,
        id,
        signed_info: si,
        c14n,
        signature_method,
        references,
        signature_value_node: sv,
        signature_value,
        key_info_certs,
        signed_properties: None,
        signing_time: None,
        signing_certificates: Vec::new(),
        has_policy: false,
        time_stamps: Vec::new(),
        certificate_values: Vec::new(),
        ocsp_values: Vec::new(),
    };
    let qps: Vec<NodeId> = doc
        .children_named(sig, DS, "Object")
        .flat_map(|o| {
            doc.children_named(o, XADES, "QualifyingProperties")
                .collect::<Vec<_>>()
        })
        .collect();
    if qps.len() > 1 {
        return Err("the signature has more than one QualifyingProperties".into());
    }
    let Some(&qp) = qps.first() else {
        return Ok(s);
    };
    if let Some(sp) = doc.child(qp, XADES, "SignedProperties") {
        let sp_id = doc
            .element(sp)
            .and_then(|e| e.attr("Id"))
            .unwrap_or_default();
        s.signed_properties = Some((sp, sp_id.to_owned()));
        if let Some(ssp) = doc.child(sp, XADES, "SignedSignatureProperties") {
            s.signing_time = doc
                .child(ssp, XADES, "SigningTime")
                .map(|t| doc.text(t).trim().to_owned());
            s.has_policy = doc.child(ssp, XADES, "SignaturePolicyIdentifier").is_some();
            for name in ["SigningCertificate", "SigningCertificateV2"] {
                for sc in doc.children_named(ssp, XADES, name) {
                    for cert in doc.children_named(sc, XADES, "Cert") {
                        let cd = required(doc, cert, XADES, "CertDigest")?;
                        let (digest_method, digest_value) = digest_pair(doc, cd)?;
                        let serial_decimal = doc
                            .child(cert, XADES, "IssuerSerial")
                            .and_then(|is| doc.child(is, DS, "X509SerialNumber"))
                            .map(|n| doc.text(n).trim().to_owned());
                        s.signing_certificates.push(CertRef {
                            digest_method,
                            digest_value,
                            serial_decimal,
                        });
                    }
                }
            }
        }
    }
    if let Some(up) = doc.child(qp, XADES, "UnsignedProperties")
        && let Some(usp) = doc.child(up, XADES, "UnsignedSignatureProperties")
    {
        for ts in doc.children_named(usp, XADES, "SignatureTimeStamp") {
            let c14n = match doc.child(ts, DS, "CanonicalizationMethod") {
                Some(m) => Some(method_of(doc, m)?),
                None => None,
            };
            let et = required(doc, ts, XADES, "EncapsulatedTimeStamp")?;
            s.time_stamps.push(TimeStamp {
                c14n,
                token: b64(&doc.text(et))?,
            });
        }
        for cv in doc.children_named(usp, XADES, "CertificateValues") {
            for c in doc.children_named(cv, XADES, "EncapsulatedX509Certificate") {
                s.certificate_values.push(b64(&doc.text(c))?);
            }
        }
        for rv in doc.children_named(usp, XADES, "RevocationValues") {
            for ov in doc.children_named(rv, XADES, "OCSPValues") {
                for o in doc.children_named(ov, XADES, "EncapsulatedOCSPValue") {
                    s.ocsp_values.push(b64(&doc.text(o))?);
                }
            }
        }
    }
    Ok(s)
}

/// The signatures of a signatures file: each `ds:Signature` child of the root (or the root).
pub fn signatures(doc: &Document) -> Vec<Result<Signature, String>> {
    if doc.is(doc.root, DS, "Signature") {
        return vec![parse_signature(doc, doc.root)];
    }
    doc.children_named(doc.root, DS, "Signature")
        .map(|s| parse_signature(doc, s))
        .collect()
}
