//! Certificates: the trust store shipped with the product (the Estonian CA certificates of SK ID
//! Solutions and Zetes as data; the test PKI's only in test builds), chain building to it at a
//! given time, and what a certificate says of its holder (name, personal code, key usage,
//! qualified certificate statements: a person's signature or an organisation's e-seal).

use crate::crypto;
use der::{Decode, Encode};
use x509_cert::Certificate;
use x509_cert::ext::pkix::{BasicConstraints, ExtendedKeyUsage, KeyUsage};

/// A parsed certificate with the bytes it was read from.
#[derive(Debug, Clone)]
pub struct Cert {
    pub der: Vec<u8>,
    pub cert: Certificate,
}

impl PartialEq for Cert {
    fn eq(&self, other: &Self) -> bool {
        self.der == other.der
    }
}

/// Seconds since the Unix epoch (UTC).
pub type Time = i64;

impl Cert {
    pub fn from_der(der: &[u8]) -> Result<Self, String> {
        let cert =
            Certificate::from_der(der).map_err(|e| format!("a certificate cannot be read: {e}"))?;
        Ok(Self {
            der: der.to_vec(),
            cert,
        })
    }

    fn from_pem(pem: &str) -> Result<Self, String> {
        let (_, der) = der::pem::decode_vec(pem.as_bytes()).map_err(|e| e.to_string())?;
        Self::from_der(&der)
    }

    pub fn subject_der(&self) -> Vec<u8> {
        self.cert
            .tbs_certificate
            .subject
            .to_der()
            .unwrap_or_default()
    }

    pub fn issuer_der(&self) -> Vec<u8> {
        self.cert
            .tbs_certificate
            .issuer
            .to_der()
            .unwrap_or_default()
    }

    pub fn serial(&self) -> &[u8] {
        self.cert.tbs_certificate.serial_number.as_bytes()
    }

    pub fn not_before(&self) -> Time {
        self.cert
            .tbs_certificate
            .validity
            .not_before
            .to_unix_duration()
            .as_secs() as Time
    }

    pub fn not_after(&self) -> Time {
        self.cert
            .tbs_certificate
            .validity
            .not_after
            .to_unix_duration()
            .as_secs() as Time
    }

    pub fn valid_at(&self, t: Time) -> bool {
        self.not_before() <= t && t <= self.not_after()
    }

    fn extension<T: for<'a> Decode<'a>>(&self, oid: &str) -> Option<T> {
        self.cert
            .tbs_certificate
            .extensions
            .as_ref()?
            .iter()
            .find(|e| e.extn_id.to_string() == oid)
            .and_then(|e| T::from_der(e.extn_value.as_bytes()).ok())
    }

    pub fn is_ca(&self) -> bool {
        self.extension::<BasicConstraints>("2.5.29.19")
            .is_some_and(|b| b.ca)
    }

    /// Key usage non-repudiation (content commitment); `None` without a key usage extension.
    pub fn non_repudiation(&self) -> Option<bool> {
        self.extension::<KeyUsage>("2.5.29.15")
            .map(|k| k.non_repudiation())
    }

    pub fn has_eku(&self, oid: &str) -> bool {
        self.extension::<ExtendedKeyUsage>("2.5.29.37")
            .is_some_and(|e| e.0.iter().any(|o| o.to_string() == oid))
    }

    /// The statement ids of the qualified certificate statements, and the QcType ids.
    pub fn qc_statements(&self) -> (Vec<String>, Vec<String>) {
        let mut ids = Vec::new();
        let mut types = Vec::new();
        let ext = self.cert.tbs_certificate.extensions.as_ref().and_then(|x| {
            x.iter()
                .find(|e| e.extn_id.to_string() == "1.3.6.1.5.5.7.1.3")
        });
        let Some(ext) = ext else {
            return (ids, types);
        };
        for st in crypto::children(ext.extn_value.as_bytes()).unwrap_or_default() {
            let parts = crypto::children(st).unwrap_or_default();
            let Some(id) = parts.first().and_then(|t| oid_of(t)) else {
                continue;
            };
            if id == "0.4.0.1862.1.6"
                && let Some(info) = parts.get(1)
            {
                for t in crypto::children(info).unwrap_or_default() {
                    if let Some(o) = oid_of(t) {
                        types.push(o);
                    }
                }
            }
            ids.push(id);
        }
        (ids, types)
    }

    fn attribute(&self, name: &x509_cert::name::Name, oid: &str) -> Option<String> {
        for rdn in name.0.iter() {
            for atv in rdn.0.iter() {
                if atv.oid.to_string() == oid {
                    let v = &atv.value;
                    return std::str::from_utf8(v.value()).ok().map(str::to_owned);
                }
            }
        }
        None
    }

    pub fn subject_attr(&self, oid: &str) -> Option<String> {
        self.attribute(&self.cert.tbs_certificate.subject, oid)
    }

    pub fn issuer_attr(&self, oid: &str) -> Option<String> {
        self.attribute(&self.cert.tbs_certificate.issuer, oid)
    }

    /// The subject's common name, or the whole name.
    pub fn subject_cn(&self) -> String {
        self.subject_attr("2.5.4.3")
            .unwrap_or_else(|| self.cert.tbs_certificate.subject.to_string())
    }

    pub fn issuer_cn(&self) -> String {
        self.issuer_attr("2.5.4.3")
            .unwrap_or_else(|| self.cert.tbs_certificate.issuer.to_string())
    }

    /// Is this certificate's signature made by `issuer`'s key (names match, signature verifies)?
    pub fn issued_by(&self, issuer: &Cert) -> bool {
        if self.issuer_der() != issuer.subject_der() {
            return false;
        }
        let Some(tbs) = crypto::signed_part(&self.der) else {
            return false;
        };
        let Some((scheme, hash)) =
            crypto::oid_signature_method(&self.cert.signature_algorithm, None)
        else {
            return false;
        };
        crypto::verify(
            &issuer.cert.tbs_certificate.subject_public_key_info,
            scheme,
            hash,
            tbs,
            self.cert.signature.raw_bytes(),
            false,
        )
        .is_ok()
    }
}

fn oid_of(tlv: &[u8]) -> Option<String> {
    if tlv.first() != Some(&0x06) {
        return None;
    }
    der::asn1::ObjectIdentifier::from_bytes(crypto::content(tlv)?)
        .ok()
        .map(|o| o.to_string())
}

const PRODUCTION: &[(&str, &str)] = &[
    (
        "EEGovCA2025",
        include_str!("../certs/production/EEGovCA2025.pem"),
    ),
    (
        "EE_Certification_Centre_Root_CA",
        include_str!("../certs/production/EE_Certification_Centre_Root_CA.pem"),
    ),
    (
        "EID-SK_2016",
        include_str!("../certs/production/EID-SK_2016.pem"),
    ),
    (
        "EID_NQ_2021E",
        include_str!("../certs/production/EID_NQ_2021E.pem"),
    ),
    (
        "EID_NQ_2021R",
        include_str!("../certs/production/EID_NQ_2021R.pem"),
    ),
    (
        "EID_Q_2021E",
        include_str!("../certs/production/EID_Q_2021E.pem"),
    ),
    (
        "EID_Q_2021R",
        include_str!("../certs/production/EID_Q_2021R.pem"),
    ),
    (
        "EID_Q_2024E",
        include_str!("../certs/production/EID_Q_2024E.pem"),
    ),
    (
        "EID_Q_2024R",
        include_str!("../certs/production/EID_Q_2024R.pem"),
    ),
    (
        "ESTEID-SK_2015",
        include_str!("../certs/production/ESTEID-SK_2015.pem"),
    ),
    (
        "ESTEID2025",
        include_str!("../certs/production/ESTEID2025.pem"),
    ),
    (
        "KLASS3-SK_2016_EECCRCA_SHA384",
        include_str!("../certs/production/KLASS3-SK_2016_EECCRCA_SHA384.pem"),
    ),
    (
        "NQ-SK_2016",
        include_str!("../certs/production/NQ-SK_2016.pem"),
    ),
    (
        "ORG_2021E",
        include_str!("../certs/production/ORG_2021E.pem"),
    ),
    (
        "ORG_2021R",
        include_str!("../certs/production/ORG_2021R.pem"),
    ),
    (
        "SK_TIMESTAMPING_AUTHORITY_2022",
        include_str!("../certs/production/SK_TIMESTAMPING_AUTHORITY_2022.pem"),
    ),
    (
        "SK_TIMESTAMPING_AUTHORITY_2023",
        include_str!("../certs/production/SK_TIMESTAMPING_AUTHORITY_2023.pem"),
    ),
    (
        "SK_TIMESTAMPING_UNIT_2024E",
        include_str!("../certs/production/SK_TIMESTAMPING_UNIT_2024E.pem"),
    ),
    (
        "SK_TIMESTAMPING_UNIT_2024R",
        include_str!("../certs/production/SK_TIMESTAMPING_UNIT_2024R.pem"),
    ),
    (
        "SK_TIMESTAMPING_UNIT_2025E",
        include_str!("../certs/production/SK_TIMESTAMPING_UNIT_2025E.pem"),
    ),
    (
        "SK_TIMESTAMPING_UNIT_2025R",
        include_str!("../certs/production/SK_TIMESTAMPING_UNIT_2025R.pem"),
    ),
    (
        "SK_TIMESTAMPING_UNIT_2026E",
        include_str!("../certs/production/SK_TIMESTAMPING_UNIT_2026E.pem"),
    ),
    (
        "SK_TIMESTAMPING_UNIT_2026R",
        include_str!("../certs/production/SK_TIMESTAMPING_UNIT_2026R.pem"),
    ),
    (
        "SK_TSA_CA_2023E",
        include_str!("../certs/production/SK_TSA_CA_2023E.pem"),
    ),
    (
        "SK_TSA_CA_2023R",
        include_str!("../certs/production/SK_TSA_CA_2023R.pem"),
    ),
    (
        "esteid2018",
        include_str!("../certs/production/esteid2018.pem"),
    ),
];

#[cfg(feature = "test-pki")]
const TEST: &[(&str, &str)] = &[
    (
        "DEMO_SK_TIMESTAMPING_AUTHORITY_2020",
        include_str!("../certs/test/DEMO_SK_TIMESTAMPING_AUTHORITY_2020.pem"),
    ),
    (
        "DEMO_SK_TIMESTAMPING_UNIT_2025E",
        include_str!("../certs/test/DEMO_SK_TIMESTAMPING_UNIT_2025E.pem"),
    ),
    (
        "DEMO_SK_TIMESTAMPING_UNIT_2025R",
        include_str!("../certs/test/DEMO_SK_TIMESTAMPING_UNIT_2025R.pem"),
    ),
    (
        "TEST_EID-NQ_2021E",
        include_str!("../certs/test/TEST_EID-NQ_2021E.pem"),
    ),
    (
        "TEST_EID-NQ_2021R",
        include_str!("../certs/test/TEST_EID-NQ_2021R.pem"),
    ),
    (
        "TEST_EID-Q_2021E",
        include_str!("../certs/test/TEST_EID-Q_2021E.pem"),
    ),
    (
        "TEST_EID-Q_2021R",
        include_str!("../certs/test/TEST_EID-Q_2021R.pem"),
    ),
    (
        "TEST_ORG_2021E",
        include_str!("../certs/test/TEST_ORG_2021E.pem"),
    ),
    (
        "TEST_ORG_2021R",
        include_str!("../certs/test/TEST_ORG_2021R.pem"),
    ),
    (
        "TEST_SK_ROOT_G1_2021E",
        include_str!("../certs/test/TEST_SK_ROOT_G1_2021E.pem"),
    ),
    (
        "TEST_SK_ROOT_G1_2021R",
        include_str!("../certs/test/TEST_SK_ROOT_G1_2021R.pem"),
    ),
    (
        "TEST_of_EE-GovCA2018",
        include_str!("../certs/test/TEST_of_EE-GovCA2018.pem"),
    ),
    (
        "TEST_of_EE_Certification_Centre_Root_CA",
        include_str!("../certs/test/TEST_of_EE_Certification_Centre_Root_CA.pem"),
    ),
    (
        "TEST_of_EID-SK_2016_reissued",
        include_str!("../certs/test/TEST_of_EID-SK_2016_reissued.pem"),
    ),
    (
        "TEST_of_ESTEID-SK_2015",
        include_str!("../certs/test/TEST_of_ESTEID-SK_2015.pem"),
    ),
    (
        "TEST_of_ESTEID2018",
        include_str!("../certs/test/TEST_of_ESTEID2018.pem"),
    ),
    (
        "TEST_of_KLASS3-SK_2016",
        include_str!("../certs/test/TEST_of_KLASS3-SK_2016.pem"),
    ),
    (
        "TEST_of_NQ-SK_2016_reissued",
        include_str!("../certs/test/TEST_of_NQ-SK_2016_reissued.pem"),
    ),
    (
        "TEST_of_SK_ID_Solutions_EID-Q_2024E",
        include_str!("../certs/test/TEST_of_SK_ID_Solutions_EID-Q_2024E.pem"),
    ),
    (
        "TEST_of_SK_ID_Solutions_EID-Q_2024R",
        include_str!("../certs/test/TEST_of_SK_ID_Solutions_EID-Q_2024R.pem"),
    ),
    (
        "TEST_of_SK_TSA_CA_2023E",
        include_str!("../certs/test/TEST_of_SK_TSA_CA_2023E.pem"),
    ),
    (
        "TEST_of_SK_TSA_CA_2023R",
        include_str!("../certs/test/TEST_of_SK_TSA_CA_2023R.pem"),
    ),
    (
        "demo_tsu_ecc_2023",
        include_str!("../certs/test/demo_tsu_ecc_2023.pem"),
    ),
    (
        "demo_tsu_rsa_2023",
        include_str!("../certs/test/demo_tsu_rsa_2023.pem"),
    ),
    (
        "testEEGovCA2025",
        include_str!("../certs/test/testEEGovCA2025.pem"),
    ),
    (
        "testESTEID2025",
        include_str!("../certs/test/testESTEID2025.pem"),
    ),
];

/// The certificates a chain may end in.
#[derive(Debug, Clone)]
pub struct TrustStore {
    pub certs: Vec<(String, Cert)>,
    pub includes_test_pki: bool,
}

impl TrustStore {
    /// The production Estonian CA certificates shipped with the product.
    pub fn production() -> Self {
        Self {
            certs: load(PRODUCTION),
            includes_test_pki: false,
        }
    }

    /// The production certificates and those of the SK test PKI ("TEST of …"): for tests and
    /// trials only. Available in builds with the `test-pki` feature.
    #[cfg(feature = "test-pki")]
    pub fn with_test_pki() -> Self {
        let mut s = Self::production();
        s.certs.extend(load(TEST));
        s.includes_test_pki = true;
        s
    }

    /// Whether this build carries the test PKI's certificates at all.
    pub fn test_pki_available() -> bool {
        cfg!(feature = "test-pki")
    }

    /// The shipped certificates: (set, name, SHA-256 of the DER) — for the documentation.
    pub fn listing(&self) -> Vec<(String, String)> {
        use sha2::Digest;
        self.certs
            .iter()
            .map(|(n, c)| (n.clone(), hex_lower(&sha2::Sha256::digest(&c.der))))
            .collect()
    }

    fn anchor_for(&self, c: &Cert) -> Option<&(String, Cert)> {
        self.certs
            .iter()
            .find(|(_, a)| a == c)
            .or_else(|| self.certs.iter().find(|(_, a)| c.issued_by(a)))
    }
}

fn hex_lower(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn load(table: &[(&str, &str)]) -> Vec<(String, Cert)> {
    table
        .iter()
        .filter_map(|(n, pem)| Cert::from_pem(pem).ok().map(|c| ((*n).to_owned(), c)))
        .collect()
}

/// Why a chain could not be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainError {
    /// No path to a trusted certificate.
    Untrusted(String),
    /// A certificate on the path was not valid at the time.
    OutOfValidity(String),
}

/// Builds the chain from `leaf` to a certificate of the store, using `pool` (certificates the
/// signature carries) for intermediates; every certificate must be valid at `at`. Returns the
/// chain (leaf first) and the trusted certificate's name.
pub fn chain(
    leaf: &Cert,
    pool: &[Cert],
    store: &TrustStore,
    at: Time,
) -> Result<(Vec<Cert>, String), ChainError> {
    let mut path = vec![leaf.clone()];
    for _ in 0..8 {
        let cur = path.last().cloned().unwrap_or_else(|| leaf.clone());
        if let Some((name, anchor)) = store.anchor_for(&cur) {
            for c in path.iter().chain(std::iter::once(anchor)) {
                if !c.valid_at(at) {
                    return Err(ChainError::OutOfValidity(format!(
                        "the certificate '{}' was not valid at {} (valid {} – {})",
                        c.subject_cn(),
                        crate::report::time_string(at),
                        crate::report::time_string(c.not_before()),
                        crate::report::time_string(c.not_after())
                    )));
                }
            }
            return Ok((path, name.clone()));
        }
        let next = pool
            .iter()
            .find(|p| *p != &cur && !path.contains(p) && cur.issued_by(p));
        match next {
            Some(n) => path.push(n.clone()),
            None => break,
        }
    }
    let top = path.last().map(|c| c.issuer_cn()).unwrap_or_default();
    Err(ChainError::Untrusted(format!(
        "the certificate of '{}' does not chain to a trusted Estonian CA certificate (the chain ends at an issuer named '{top}')",
        leaf.subject_cn()
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_production_store_loads_every_shipped_certificate_and_no_test_one() {
        let s = TrustStore::production();
        assert_eq!(s.certs.len(), PRODUCTION.len());
        assert!(
            s.certs
                .iter()
                .all(|(_, c)| !c.subject_cn().contains("TEST"))
        );
        assert!(
            s.certs
                .iter()
                .any(|(_, c)| c.subject_cn() == "EE Certification Centre Root CA")
        );
    }

    #[cfg(feature = "test-pki")]
    #[test]
    fn the_test_store_adds_the_test_pki() {
        let s = TrustStore::with_test_pki();
        assert_eq!(s.certs.len(), PRODUCTION.len() + TEST.len());
        assert!(
            s.certs
                .iter()
                .any(|(_, c)| c.subject_cn() == "TEST of EE Certification Centre Root CA")
        );
    }
}
