//! Digests and signature verification: RSA (PKCS#1 v1.5 and PSS) and ECDSA on P-256, P-384 and
//! P-521, with the signature either DER-encoded (X.509, CMS, OCSP) or raw r‖s (XML signatures),
//! named by XML-DSig algorithm URIs or by ASN.1 object identifiers; and a few raw DER helpers
//! (the exact signed bytes of a certificate or OCSP response are taken as written, not re-encoded).

use der::asn1::ObjectIdentifier as Oid;
use sha2::Digest;
use spki::SubjectPublicKeyInfoOwned;

/// A digest algorithm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hash {
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
}

impl Hash {
    /// From an XML-DSig / XML-Enc `DigestMethod` URI.
    pub fn from_uri(uri: &str) -> Option<Self> {
        Some(match uri {
            "http://www.w3.org/2000/09/xmldsig#sha1" => Self::Sha1,
            "http://www.w3.org/2001/04/xmldsig-more#sha224" => Self::Sha224,
            "http://www.w3.org/2001/04/xmlenc#sha256" => Self::Sha256,
            "http://www.w3.org/2001/04/xmldsig-more#sha384" => Self::Sha384,
            "http://www.w3.org/2001/04/xmlenc#sha512" => Self::Sha512,
            _ => return None,
        })
    }

    /// From a digest algorithm object identifier.
    pub fn from_oid(oid: &Oid) -> Option<Self> {
        Some(match oid.to_string().as_str() {
            "1.3.14.3.2.26" => Self::Sha1,
            "2.16.840.1.101.3.4.2.4" => Self::Sha224,
            "2.16.840.1.101.3.4.2.1" => Self::Sha256,
            "2.16.840.1.101.3.4.2.2" => Self::Sha384,
            "2.16.840.1.101.3.4.2.3" => Self::Sha512,
            _ => return None,
        })
    }

    pub fn digest(self, data: &[u8]) -> Vec<u8> {
        match self {
            Self::Sha1 => sha1::Sha1::digest(data).to_vec(),
            Self::Sha224 => sha2::Sha224::digest(data).to_vec(),
            Self::Sha256 => sha2::Sha256::digest(data).to_vec(),
            Self::Sha384 => sha2::Sha384::digest(data).to_vec(),
            Self::Sha512 => sha2::Sha512::digest(data).to_vec(),
        }
    }
}

/// A signature scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    RsaPkcs1,
    RsaPss,
    Ecdsa,
}

/// An XML `SignatureMethod` URI as scheme and digest.
pub fn xml_signature_method(uri: &str) -> Option<(Scheme, Hash)> {
    let (scheme, hash) = match uri {
        "http://www.w3.org/2000/09/xmldsig#rsa-sha1" => (Scheme::RsaPkcs1, Hash::Sha1),
        "http://www.w3.org/2001/04/xmldsig-more#rsa-sha224" => (Scheme::RsaPkcs1, Hash::Sha224),
        "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256" => (Scheme::RsaPkcs1, Hash::Sha256),
        "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384" => (Scheme::RsaPkcs1, Hash::Sha384),
        "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512" => (Scheme::RsaPkcs1, Hash::Sha512),
        "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1" => (Scheme::RsaPss, Hash::Sha256),
        "http://www.w3.org/2007/05/xmldsig-more#sha384-rsa-MGF1" => (Scheme::RsaPss, Hash::Sha384),
        "http://www.w3.org/2007/05/xmldsig-more#sha512-rsa-MGF1" => (Scheme::RsaPss, Hash::Sha512),
        "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1" => (Scheme::Ecdsa, Hash::Sha1),
        "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha224" => (Scheme::Ecdsa, Hash::Sha224),
        "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256" => (Scheme::Ecdsa, Hash::Sha256),
        "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384" => (Scheme::Ecdsa, Hash::Sha384),
        "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512" => (Scheme::Ecdsa, Hash::Sha512),
        _ => return None,
    };
    Some((scheme, hash))
}

/// A signature algorithm object identifier (with its parameters, for RSA-PSS) as scheme and
/// digest; `fallback` is the digest to use when the identifier names only the key type
/// (`rsaEncryption` in CMS signer infos).
pub fn oid_signature_method(
    alg: &spki::AlgorithmIdentifierOwned,
    fallback: Option<Hash>,
) -> Option<(Scheme, Hash)> {
    let r = match alg.oid.to_string().as_str() {
        "1.2.840.113549.1.1.5" => (Scheme::RsaPkcs1, Hash::Sha1),
        "1.2.840.113549.1.1.14" => (Scheme::RsaPkcs1, Hash::Sha224),
        "1.2.840.113549.1.1.11" => (Scheme::RsaPkcs1, Hash::Sha256),
        "1.2.840.113549.1.1.12" => (Scheme::RsaPkcs1, Hash::Sha384),
        "1.2.840.113549.1.1.13" => (Scheme::RsaPkcs1, Hash::Sha512),
        "1.2.840.113549.1.1.1" => (Scheme::RsaPkcs1, fallback?),
        "1.2.840.113549.1.1.10" => (Scheme::RsaPss, pss_hash(alg).or(fallback)?),
        "1.2.840.10045.4.1" => (Scheme::Ecdsa, Hash::Sha1),
        "1.2.840.10045.4.3.1" => (Scheme::Ecdsa, Hash::Sha224),
        "1.2.840.10045.4.3.2" => (Scheme::Ecdsa, Hash::Sha256),
        "1.2.840.10045.4.3.3" => (Scheme::Ecdsa, Hash::Sha384),
        "1.2.840.10045.4.3.4" => (Scheme::Ecdsa, Hash::Sha512),
        "1.2.840.10045.2.1" => (Scheme::Ecdsa, fallback?),
        _ => return None,
    };
    Some(r)
}

/// The hash of RSASSA-PSS parameters (`[0] hashAlgorithm`, SHA-1 when absent).
fn pss_hash(alg: &spki::AlgorithmIdentifierOwned) -> Option<Hash> {
    let params = alg.parameters.as_ref()?;
    let bytes = der::Encode::to_der(params).ok()?;
    let seq = children(&bytes)?;
    for item in seq {
        if item.first() == Some(&0xa0) {
            let inner = content(item)?;
            let alg_seq = children(inner)?;
            let oid_tlv = alg_seq.first()?;
            let oid = Oid::from_bytes(content(oid_tlv)?).ok()?;
            return Hash::from_oid(&oid);
        }
    }
    Some(Hash::Sha1)
}

/// A DER TLV's header length and content length.
fn header(tlv: &[u8]) -> Option<(usize, usize)> {
    let first = *tlv.get(1)?;
    if first < 0x80 {
        return Some((2, first as usize));
    }
    let n = (first & 0x7f) as usize;
    if n == 0 || n > 4 {
        return None;
    }
    let mut len = 0usize;
    for i in 0..n {
        len = (len << 8) | *tlv.get(2 + i)? as usize;
    }
    Some((2 + n, len))
}

/// The content octets of a DER TLV.
pub fn content(tlv: &[u8]) -> Option<&[u8]> {
    let (h, l) = header(tlv)?;
    tlv.get(h..h.checked_add(l)?)
}

/// The elements (whole TLVs, as written) of a constructed DER value.
pub fn children(tlv: &[u8]) -> Option<Vec<&[u8]>> {
    let mut rest = content(tlv)?;
    let mut out = Vec::new();
    while !rest.is_empty() {
        let (h, l) = header(rest)?;
        let end = h.checked_add(l)?;
        out.push(rest.get(..end)?);
        rest = &rest[end..];
    }
    Some(out)
}

/// The first element of a signed structure (`tbsCertificate`, `tbsResponseData`) as written.
pub fn signed_part(der: &[u8]) -> Option<&[u8]> {
    children(der)?.into_iter().next()
}

/// Re-encodes BER (indefinite lengths, constructed OCTET STRINGs, as some older time-stamping
/// units wrote their tokens) as DER, so that the strict decoder reads it. `None` when malformed.
pub fn ber_to_der(input: &[u8]) -> Option<Vec<u8>> {
    let (out, rest) = ber_value(input, 0)?;
    rest.is_empty().then_some(out)
}

fn push_len(out: &mut Vec<u8>, len: usize) {
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes: Vec<u8> = len
            .to_be_bytes()
            .into_iter()
            .skip_while(|b| *b == 0)
            .collect();
        out.push(0x80 | bytes.len() as u8);
        out.extend(bytes);
    }
}

fn ber_value(input: &[u8], depth: usize) -> Option<(Vec<u8>, &[u8])> {
    if depth > 32 {
        return None;
    }
    let tag = *input.first()?;
    let mut pos = 1;
    if tag & 0x1f == 0x1f {
        while input.get(pos)? & 0x80 != 0 {
            pos += 1;
        }
        pos += 1;
    }
    let tag_bytes = input.get(..pos)?;
    let first = *input.get(pos)?;
    pos += 1;
    let constructed = tag & 0x20 != 0;
    let (content, rest): (Vec<u8>, &[u8]) = if first == 0x80 {
        if !constructed {
            return None;
        }
        let mut rest = input.get(pos..)?;
        let mut parts = Vec::new();
        loop {
            if rest.starts_with(&[0, 0]) {
                rest = &rest[2..];
                break;
            }
            let (v, r) = ber_value(rest, depth + 1)?;
            parts.push(v);
            rest = r;
        }
        (join(tag, parts)?, rest)
    } else {
        let len = if first < 0x80 {
            first as usize
        } else {
            let n = (first & 0x7f) as usize;
            if n > 4 {
                return None;
            }
            let mut l = 0usize;
            for i in 0..n {
                l = (l << 8) | *input.get(pos + i)? as usize;
            }
            pos += n;
            l
        };
        let body = input.get(pos..pos.checked_add(len)?)?;
        let rest = &input[pos + len..];
        if constructed {
            let mut parts = Vec::new();
            let mut inner = body;
            while !inner.is_empty() {
                let (v, r) = ber_value(inner, depth + 1)?;
                parts.push(v);
                inner = r;
            }
            (join(tag, parts)?, rest)
        } else {
            (body.to_vec(), rest)
        }
    };
    let mut out = Vec::with_capacity(content.len() + 6);
    if tag == 0x24 {
        out.push(0x04); // a constructed OCTET STRING becomes one primitive OCTET STRING
    } else {
        out.extend_from_slice(tag_bytes);
    }
    push_len(&mut out, content.len());
    out.extend(content);
    Some((out, rest))
}

/// The content of a constructed value from its re-encoded parts (for a constructed OCTET STRING,
/// the concatenated contents of its segments).
fn join(tag: u8, parts: Vec<Vec<u8>>) -> Option<Vec<u8>> {
    if tag == 0x24 {
        let mut out = Vec::new();
        for p in &parts {
            out.extend_from_slice(content(p)?);
        }
        Some(out)
    } else {
        Some(parts.concat())
    }
}

/// An RSA public key from `RSAPublicKey` DER, read leniently (some early Estonian test
/// certificates encode the modulus as a negative integer; the bytes are taken as unsigned).
fn rsa_key(bits: &[u8]) -> Result<rsa::RsaPublicKey, String> {
    let parts = children(bits).ok_or("the RSA public key is not valid DER")?;
    let [n, e] = parts.as_slice() else {
        return Err("the RSA public key is not (modulus, exponent)".into());
    };
    let n = rsa::BigUint::from_bytes_be(content(n).ok_or("bad modulus")?);
    let e = rsa::BigUint::from_bytes_be(content(e).ok_or("bad exponent")?);
    rsa::RsaPublicKey::new_with_max_size(n, e, 16384)
        .map_err(|err| format!("the RSA public key is not usable: {err}"))
}

/// ECDSA verification over a prehashed message for one curve crate.
macro_rules! ecdsa_verify {
    ($curve:ident, $name:literal, $point:expr, $hashed:expr, $sig:expr, $raw:expr) => {{
        use ecdsa::signature::hazmat::PrehashVerifier;
        let key = $curve::ecdsa::VerifyingKey::from_sec1_bytes($point)
            .map_err(|_| format!("the EC public key is not a point of {}", $name))?;
        let sig = if $raw {
            $curve::ecdsa::Signature::from_slice($sig)
        } else {
            $curve::ecdsa::Signature::from_der($sig)
        }
        .map_err(|_| "the ECDSA signature value is malformed".to_string())?;
        key.verify_prehash($hashed, &sig)
            .map_err(|_| "the ECDSA signature does not verify".to_string())
    }};
}

/// Verifies `sig` over `message` with the key. `raw_ecdsa`: the ECDSA value is r‖s (XML), not DER.
pub fn verify(
    key: &SubjectPublicKeyInfoOwned,
    scheme: Scheme,
    hash: Hash,
    message: &[u8],
    sig: &[u8],
    raw_ecdsa: bool,
) -> Result<(), String> {
    let hashed = hash.digest(message);
    let bits = key.subject_public_key.raw_bytes();
    let key_oid = key.algorithm.oid.to_string();
    match scheme {
        Scheme::RsaPkcs1 | Scheme::RsaPss => {
            if key_oid != "1.2.840.113549.1.1.1" && key_oid != "1.2.840.113549.1.1.10" {
                return Err("an RSA signature but the key is not an RSA key".into());
            }
            let k = rsa_key(bits)?;
            let r = match (scheme, hash) {
                (Scheme::RsaPss, Hash::Sha256) => {
                    k.verify(rsa::Pss::new::<sha2::Sha256>(), &hashed, sig)
                }
                (Scheme::RsaPss, Hash::Sha384) => {
                    k.verify(rsa::Pss::new::<sha2::Sha384>(), &hashed, sig)
                }
                (Scheme::RsaPss, Hash::Sha512) => {
                    k.verify(rsa::Pss::new::<sha2::Sha512>(), &hashed, sig)
                }
                (Scheme::RsaPss, _) => {
                    return Err("RSA-PSS with this digest is not supported".into());
                }
                (_, Hash::Sha1) => k.verify(rsa::Pkcs1v15Sign::new::<sha1::Sha1>(), &hashed, sig),
                (_, Hash::Sha224) => {
                    k.verify(rsa::Pkcs1v15Sign::new::<sha2::Sha224>(), &hashed, sig)
                }
                (_, Hash::Sha256) => {
                    k.verify(rsa::Pkcs1v15Sign::new::<sha2::Sha256>(), &hashed, sig)
                }
                (_, Hash::Sha384) => {
                    k.verify(rsa::Pkcs1v15Sign::new::<sha2::Sha384>(), &hashed, sig)
                }
                (_, Hash::Sha512) => {
                    k.verify(rsa::Pkcs1v15Sign::new::<sha2::Sha512>(), &hashed, sig)
                }
            };
            r.map_err(|_| "the RSA signature does not verify".to_string())
        }
        Scheme::Ecdsa => {
            if key_oid != "1.2.840.10045.2.1" {
                return Err("an ECDSA signature but the key is not an EC key".into());
            }
            let curve = key
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.decode_as::<Oid>().ok())
                .map(|o| o.to_string())
                .unwrap_or_default();
            match curve.as_str() {
                "1.2.840.10045.3.1.7" => {
                    ecdsa_verify!(p256, "P-256", bits, &hashed, sig, raw_ecdsa)
                }
                "1.3.132.0.34" => ecdsa_verify!(p384, "P-384", bits, &hashed, sig, raw_ecdsa),
                "1.3.132.0.35" => ecdsa_verify!(p521, "P-521", bits, &hashed, sig, raw_ecdsa),
                other => Err(format!(
                    "the EC curve {other} is not supported (P-256, P-384, P-521 are)"
                )),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn der_children_are_taken_as_written() {
        // SEQUENCE { INTEGER 1, SEQUENCE { NULL } }
        let der = [0x30, 0x07, 0x02, 0x01, 0x01, 0x30, 0x02, 0x05, 0x00];
        let c = children(&der).unwrap();
        assert_eq!(c, vec![&der[2..5], &der[5..9]]);
        assert_eq!(signed_part(&der), Some(&der[2..5]));
        assert!(children(&[0x30, 0x05, 0x02]).is_none(), "truncated");
        // SEQUENCE (indefinite) { OCTET STRING (constructed) { "a", "b" } }
        let ber = [
            0x30, 0x80, 0x24, 0x80, 0x04, 0x01, b'a', 0x04, 0x01, b'b', 0, 0, 0, 0,
        ];
        assert_eq!(
            ber_to_der(&ber).unwrap(),
            vec![0x30, 0x04, 0x04, 0x02, b'a', b'b']
        );
        assert_eq!(ber_to_der(&der).unwrap(), der.to_vec());
        assert!(ber_to_der(&[0x30, 0x80, 0x02, 0x01]).is_none());
    }

    #[test]
    fn algorithm_names_map() {
        assert_eq!(
            xml_signature_method("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384"),
            Some((Scheme::Ecdsa, Hash::Sha384))
        );
        assert_eq!(
            Hash::from_uri("http://www.w3.org/2001/04/xmlenc#sha256"),
            Some(Hash::Sha256)
        );
        assert_eq!(Hash::Sha256.digest(b"abc").len(), 32);
        assert!(xml_signature_method("http://www.w3.org/2000/09/xmldsig#dsa-sha1").is_none());
    }
}
