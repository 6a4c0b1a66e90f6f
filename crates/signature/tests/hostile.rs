//! What a plain XML signature check gets wrong, and hostile containers: each is caught with a
//! clear reason. The containers are real fixtures changed in one place.

use ametijuhend_signature::certs::Cert;
use ametijuhend_signature::{Options, TrustStore, Verdict, verify};
use std::io::{Read, Write};
use std::path::Path;
use std::time::Instant;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/asice")).join(name),
    )
    .unwrap()
}

fn options() -> Options {
    Options {
        store: TrustStore::with_test_pki(),
        ..Options::default()
    }
}

/// The container's entries, in order.
fn entries(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            (f.name().unwrap().to_string(), data)
        })
        .collect()
}

fn write(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in entries {
        let method = if name == "mimetype" {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        };
        w.start_file(
            name.as_str(),
            zip::write::SimpleFileOptions::default().compression_method(method),
        )
        .unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// The fixture with its signatures file changed by `edit`.
fn with_signature_xml(name: &str, edit: impl Fn(String) -> String) -> Vec<u8> {
    let mut e = entries(&fixture(name));
    for (n, data) in &mut e {
        if n.contains("signatures") {
            let edited = edit(String::from_utf8(data.clone()).unwrap());
            assert_ne!(
                edited.as_bytes(),
                data.as_slice(),
                "the edit changed nothing"
            );
            *data = edited.into_bytes();
        }
    }
    write(&e)
}

const VALID: &str = "siva/singleValidSignatureTS.asice";

#[test]
fn the_unchanged_rewritten_container_is_still_valid() {
    let r = verify(write(&entries(&fixture(VALID))), options()).unwrap();
    assert_eq!(r.verdict, Verdict::Valid, "{}", r.to_text());
}

#[test]
fn a_second_end_entity_certificate_in_key_info_fails() {
    // KeyInfo is outside SignedInfo here: adding a certificate leaves the SignatureValue intact,
    // and a check that takes "a certificate from KeyInfo" would pick either.
    let bytes = with_signature_xml(VALID, |xml| {
        let other = xml
            .match_indices("<xades:EncapsulatedX509Certificate")
            .map(|(i, _)| {
                let s = i + xml[i..].find('>').unwrap() + 1;
                xml[s..s + xml[s..].find('<').unwrap()].trim().to_owned()
            })
            .find(|b| {
                use base64::Engine;
                let clean: String = b.split_whitespace().collect();
                let der = base64::engine::general_purpose::STANDARD
                    .decode(clean)
                    .unwrap();
                !Cert::from_der(&der).unwrap().is_ca()
            })
            .expect("an end-entity certificate (the OCSP responder's)");
        xml.replacen(
            "</ds:X509Certificate>",
            &format!("</ds:X509Certificate><ds:X509Certificate>{other}</ds:X509Certificate>"),
            1,
        )
    });
    let r = verify(bytes, options()).unwrap();
    assert_eq!(r.verdict, Verdict::Invalid, "{}", r.to_text());
    assert!(
        r.signatures[0]
            .errors
            .iter()
            .any(|e| e.contains("second end-entity certificate"))
    );
}

#[test]
fn signed_properties_not_referenced_fail_by_name() {
    let bytes = with_signature_xml(VALID, |xml| {
        let start = xml
            .find("<ds:Reference Type=\"http://uri.etsi.org/01903#SignedProperties\"")
            .unwrap();
        let end = start + xml[start..].find("</ds:Reference>").unwrap() + "</ds:Reference>".len();
        format!("{}{}", &xml[..start], &xml[end..])
    });
    let r = verify(bytes, options()).unwrap();
    assert_eq!(r.verdict, Verdict::Invalid);
    assert!(
        r.signatures[0]
            .errors
            .iter()
            .any(|e| e.contains("SignedProperties are not referenced")),
        "{}",
        r.to_text()
    );
}

#[test]
fn a_changed_signing_time_breaks_the_signed_properties_digest() {
    let bytes = with_signature_xml(VALID, |xml| {
        xml.replace("2020-05-21T13:56:52Z", "2019-01-01T00:00:00Z")
    });
    let r = verify(bytes, options()).unwrap();
    assert_eq!(r.verdict, Verdict::Invalid);
    assert_eq!(
        r.signatures[0].sub_indication.as_deref(),
        Some("HASH_FAILURE")
    );
}

#[test]
fn a_time_stamp_of_another_signature_fails() {
    let other = entries(&fixture("siva/TEST_ESTEID-SK2015_ASiC-E_XAdES_LT.asice"));
    let other_xml = String::from_utf8(
        other
            .iter()
            .find(|e| e.0.contains("signatures"))
            .unwrap()
            .1
            .clone(),
    )
    .unwrap();
    let token = |x: &str| {
        let s = x.find("<xades:EncapsulatedTimeStamp").unwrap();
        let s = s + x[s..].find('>').unwrap() + 1;
        x[s..s + x[s..].find('<').unwrap()].to_owned()
    };
    let foreign = token(&other_xml);
    let bytes = with_signature_xml(VALID, |xml| xml.replace(&token(&xml), &foreign));
    let r = verify(bytes, options()).unwrap();
    assert_eq!(r.verdict, Verdict::Invalid, "{}", r.to_text());
    assert!(
        r.signatures[0]
            .errors
            .iter()
            .any(|e| e.contains("message imprint"))
    );
}

#[test]
fn dtds_entities_and_deep_nesting_are_refused() {
    let dtd = with_signature_xml(VALID, |xml| {
        xml.replacen(
            "?>",
            "?><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>",
            1,
        )
    });
    let e = verify(dtd, options()).unwrap_err();
    assert!(e.0.contains("DOCTYPE"), "{e}");
    let entity = with_signature_xml(VALID, |xml| {
        xml.replacen("<ds:SignatureValue", "&ext;<ds:SignatureValue", 1)
    });
    let e = verify(entity, options()).unwrap_err();
    assert!(e.0.contains("&ext;"), "{e}");
    let deep = with_signature_xml(VALID, |xml| {
        xml.replacen(
            "</ds:Signature>",
            &format!(
                "{}{}</ds:Signature>",
                "<x>".repeat(5000),
                "</x>".repeat(5000)
            ),
            1,
        )
    });
    let e = verify(deep, options()).unwrap_err();
    assert!(e.0.contains("deeper than"), "{e}");
}

#[test]
fn truncated_containers_are_refused() {
    let bytes = fixture(VALID);
    for cut in [10, bytes.len() / 2, bytes.len() - 10] {
        let e = verify(bytes[..cut].to_vec(), options()).unwrap_err();
        assert!(e.0.contains("not a readable zip"), "{cut}: {e}");
    }
}

#[test]
fn a_highly_compressed_entry_is_refused_before_it_is_inflated() {
    let mut e = entries(&fixture(VALID));
    e.push(("zeros.bin".into(), vec![0u8; 16 * 1024 * 1024]));
    let bytes = write(&e);
    let start = Instant::now();
    let err = verify(bytes, options()).unwrap_err();
    assert!(err.0.contains("zip bomb"), "{err}");
    assert!(start.elapsed().as_secs() < 5);
}

#[test]
fn a_file_added_after_signing_fails_the_signature() {
    let mut e = entries(&fixture(VALID));
    e.push(("added.txt".into(), b"not signed".to_vec()));
    let r = verify(write(&e), options()).unwrap();
    assert_eq!(r.verdict, Verdict::Invalid);
    assert!(
        r.errors
            .iter()
            .any(|x| x.contains("'added.txt' is not in the manifest"))
    );
}
