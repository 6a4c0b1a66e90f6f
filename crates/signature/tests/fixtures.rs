//! The real containers of `tests/fixtures/asice/` (SiVa's test suite and libdigidocpp's test
//! data, see its README) give exactly the verdict `expected.tsv` names; hostile input is refused
//! quickly with a clear reason.

use ametijuhend_signature::{Indication, Options, TrustStore, Verdict, verify};
use std::path::Path;
use std::time::Instant;

fn fixtures() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/asice"))
}

fn test_options() -> Options {
    Options {
        store: TrustStore::with_test_pki(),
        ..Options::default()
    }
}

/// The verdict word of `expected.tsv` for a verification outcome.
fn verdict_of(file: &str, options: Options) -> (String, String) {
    let bytes = std::fs::read(fixtures().join(file)).unwrap();
    match verify(bytes, options) {
        Ok(r) => (r.verdict.as_str().to_owned(), r.to_text()),
        Err(e) => ("refused".to_owned(), e.to_string()),
    }
}

#[test]
fn every_fixture_gets_exactly_its_expected_verdict() {
    let tsv = std::fs::read_to_string(fixtures().join("expected.tsv")).unwrap();
    let mut checked = 0;
    let mut wrong = Vec::new();
    for line in tsv.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (file, expected) = (cols[0], cols[1]);
        // `unsigned-ok`: a legal container without signatures (not refused): unsigned.
        let expected = if expected == "unsigned-ok" {
            "unsigned"
        } else {
            expected
        };
        let (got, text) = verdict_of(file, test_options());
        if got != expected {
            wrong.push(format!("{file}: expected {expected}, got {got}\n{text}"));
        }
        checked += 1;
    }
    assert_eq!(checked, 17, "every line of expected.tsv is checked");
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

#[test]
fn without_the_test_pki_a_test_signature_is_indeterminate_and_a_live_one_still_valid() {
    let (v, text) = verdict_of("siva/singleValidSignatureTS.asice", Options::default());
    assert_eq!(v, "indeterminate", "{text}");
    assert!(text.contains("does not chain to a trusted"), "{text}");
    let (v, text) = verdict_of("siva/ValidLiveSignature.asice", Options::default());
    assert_eq!(v, "valid", "{text}");
}

#[test]
fn a_valid_report_names_the_signer_masked_the_times_and_the_level() {
    let bytes = std::fs::read(fixtures().join("siva/singleValidSignatureTS.asice")).unwrap();
    let r = verify(bytes, test_options()).unwrap();
    assert_eq!(r.indication, "PASSED");
    assert_eq!(r.verdict, Verdict::Valid);
    let s = &r.signatures[0];
    assert_eq!(s.indication, Indication::Passed);
    let signer = s.signer.as_ref().unwrap();
    assert_eq!(signer.name, "JAAK-KRISTJAN JÕEORG");
    assert_eq!(signer.personal_code.as_deref(), Some("3********18"));
    assert_eq!(signer.issuer, "TEST of ESTEID2018");
    assert_eq!(s.level, "XAdES_BASELINE_LT");
    assert_eq!(s.signing_time.as_deref(), Some("2020-05-21T13:56:52Z"));
    assert_eq!(s.time_stamp_time.as_deref(), Some("2020-05-21T13:56:48Z"));
    assert!(!s.validation_time_claimed);
    let json = serde_json::to_value(&r).unwrap();
    for key in ["signer", "signing_time", "level", "errors", "warnings"] {
        assert!(json["signatures"][0].get(key).is_some(), "{key}");
    }
    assert!(
        !json.to_string().contains("38001085718"),
        "no full personal code in the report"
    );
}

#[test]
fn the_basic_signature_is_checked_at_its_claimed_time_and_says_so() {
    let bytes =
        std::fs::read(fixtures().join("siva/TEST_ESTEID2018_ASiC-E_XAdES_B_BES.bdoc")).unwrap();
    let r = verify(bytes, test_options()).unwrap();
    let s = &r.signatures[0];
    assert_eq!(s.level, "XAdES_BASELINE_B");
    assert!(s.validation_time_claimed);
    assert!(s.warnings.iter().any(|w| w.contains("only claimed")));
}

#[test]
fn the_e_seal_is_shown_as_an_organisation() {
    let bytes = std::fs::read(fixtures().join("siva/EE_SER-AEX-B-LT-V-28.asice")).unwrap();
    let r = verify(bytes, Options::default()).unwrap();
    let s = r.signatures[0].signer.as_ref().unwrap();
    assert_eq!(s.kind, "seal");
    assert_eq!(s.personal_code, None);
}

#[test]
fn the_zip_bomb_is_refused_quickly() {
    let start = Instant::now();
    let (v, reason) = verdict_of("siva/zip-bomb-packages.asice", test_options());
    assert_eq!(v, "refused");
    assert!(reason.contains("zip bomb"), "{reason}");
    assert!(start.elapsed().as_secs() < 10, "took {:?}", start.elapsed());
}

#[test]
fn unsafe_names_are_refused_with_the_name_and_the_reason() {
    let (_, r) = verdict_of("libdigidocpp/asice-relative.asice", test_options());
    assert!(
        r.contains("'folder/../test1.txt'") && r.contains(".."),
        "{r}"
    );
    let (_, r) = verdict_of("libdigidocpp/dot.asice", test_options());
    assert!(r.contains("'.'"), "{r}");
    let (_, r) = verdict_of("libdigidocpp/pt-empty.asice", test_options());
    assert!(r.contains("empty"), "{r}");
}
