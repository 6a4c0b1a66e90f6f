//! Plain-text decoding: UTF-8, UTF-16 with BOM, legacy Estonian code pages, binary refusal.

use super::extract_ok;
use crate::{ExtractError, Format, Limits, extract};

const SAMPLE: &str = "1. ÜLDOSA\nStruktuuriüksus Hüvitiste osakond\nTöö eesmärk: õigusaktide „šõu” ja žürii – ÕÄÖÜŠŽ õäöüšž\n";

#[test]
fn utf8_with_and_without_bom() {
    let doc = extract_ok(SAMPLE.as_bytes(), "a.txt");
    assert_eq!((doc.format, doc.text.as_str()), (Format::Text, SAMPLE));
    let mut with_bom = b"\xef\xbb\xbf".to_vec();
    with_bom.extend_from_slice(SAMPLE.as_bytes());
    let doc = extract_ok(&with_bom, "a.txt");
    assert_eq!(doc.text, SAMPLE);
    assert!(doc.warnings.is_empty());
}

#[test]
fn crlf_becomes_lf() {
    let doc = extract_ok(b"rida 1\r\nrida 2\rrida 3\r\n", "a.txt");
    assert_eq!(doc.text, "rida 1\nrida 2\nrida 3\n");
}

#[test]
fn utf16_with_bom() {
    let mut le = vec![0xff, 0xfe];
    let mut be = vec![0xfe, 0xff];
    for unit in SAMPLE.encode_utf16() {
        le.extend_from_slice(&unit.to_le_bytes());
        be.extend_from_slice(&unit.to_be_bytes());
    }
    for bytes in [le, be] {
        let doc = extract_ok(&bytes, "unicode.txt");
        assert_eq!(doc.text, SAMPLE);
        assert!(doc.warnings.is_empty());
    }
}

#[test]
fn legacy_code_pages_are_recognised() {
    for encoding in [
        encoding_rs::WINDOWS_1257,
        encoding_rs::ISO_8859_13,
        encoding_rs::WINDOWS_1252,
    ] {
        // ISO-8859-13 has no en dash; keep the sample encodable in all three.
        let sample = if encoding == encoding_rs::ISO_8859_13 {
            SAMPLE.replace('–', "-")
        } else {
            SAMPLE.to_owned()
        };
        let (bytes, _, unmappable) = encoding.encode(&sample);
        assert!(!unmappable, "{} cannot encode the sample", encoding.name());
        let doc = extract_ok(&bytes, "vana.txt");
        assert_eq!(doc.text, sample, "read back from {}", encoding.name());
        assert_eq!(doc.warnings.len(), 1);
        assert!(doc.warnings[0].contains("not UTF-8"), "{:?}", doc.warnings);
    }
}

#[test]
fn binary_garbage_is_not_text() {
    // Deterministic pseudo-random bytes (an LCG): NULs and control characters.
    let mut state: u32 = 12345;
    let garbage: Vec<u8> = (0..4096)
        .map(|_| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (state >> 16) as u8
        })
        .collect();
    for name in ["garbage.txt", "garbage.bin", "garbage"] {
        let err = extract(&garbage, name, &Limits::default()).unwrap_err();
        assert!(
            matches!(err, ExtractError::NotText { .. }),
            "{name}: {err:?}"
        );
        assert!(err.to_string().starts_with("not a text document"), "{err}");
    }
    // Mostly control characters without any NUL.
    let controls: Vec<u8> = (0..200)
        .map(|i| {
            if i % 3 == 0 {
                b'a'
            } else {
                0x01 + (i % 20) as u8
            }
        })
        .collect();
    let err = extract(&controls, "x.txt", &Limits::default()).unwrap_err();
    assert!(matches!(err, ExtractError::NotText { .. }), "{err:?}");
}

#[test]
fn whitespace_only_text_has_no_text() {
    let err = extract(b" \n\t\n", "tyhi.txt", &Limits::default()).unwrap_err();
    assert_eq!(
        err,
        ExtractError::NoText {
            format: Format::Text
        }
    );
}

#[test]
fn utf16_without_bom_is_recognised() {
    let le: Vec<u8> = SAMPLE.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let doc = extract_ok(&le, "notepad.txt");
    assert_eq!(doc.text, SAMPLE);
    assert!(doc.warnings[0].contains("UTF-16LE"), "{:?}", doc.warnings);
    let be: Vec<u8> = SAMPLE.encode_utf16().flat_map(u16::to_be_bytes).collect();
    assert_eq!(extract_ok(&be, "notepad.txt").text, SAMPLE);
}

#[test]
fn utf8_with_a_damaged_byte_stays_utf8() {
    let mut bytes = SAMPLE.as_bytes().to_vec();
    bytes.insert(3, 0xff);
    let doc = extract_ok(&bytes, "katki.txt");
    assert_eq!(doc.text, SAMPLE.replacen("1. ", "1. \u{fffd}", 1));
    assert!(
        doc.warnings[0].contains("invalid bytes"),
        "{:?}",
        doc.warnings
    );
}
