//! Malformed and hostile input: every case ends in a clear error, never a panic or a hang.

use std::time::{Duration, Instant};

use super::builders::{docx, docx_raw, p, zip};
use super::fixture;
use crate::isolate::run_isolated;
use crate::{ExtractError, Format, Limits, extract};

const MIB: usize = 1024 * 1024;

fn err(bytes: &[u8], name: &str, limits: &Limits) -> ExtractError {
    match extract(bytes, name, limits) {
        Ok(doc) => panic!("{name}: expected an error, got {doc:?}"),
        Err(err) => err,
    }
}

/// Every message says what is wrong and what to do (a colon separates the two).
fn assert_actionable(err: &ExtractError) {
    let message = err.to_string();
    assert!(message.contains(": "), "no advice in {message:?}");
}

#[test]
fn empty_file() {
    let e = err(b"", "tyhi.docx", &Limits::default());
    assert_eq!(e, ExtractError::Empty);
    assert!(e.to_string().contains("empty"));
    assert_actionable(&e);
}

#[test]
fn file_over_the_size_limit() {
    let limits = Limits {
        max_file_bytes: 1024,
        ..Limits::default()
    };
    let e = err(
        &fixture("ska-ametijuhend-veebihaldur.docx"),
        "suur.docx",
        &limits,
    );
    assert!(
        matches!(e, ExtractError::TooLarge { limit: 1024, .. }),
        "{e:?}"
    );
    assert!(e.to_string().contains("> 1 KiB allowed"), "{e}");
    assert_actionable(&e);
}

#[test]
fn corrupt_zip() {
    let mut bytes = b"PK\x03\x04".to_vec();
    bytes.extend(std::iter::repeat_n(0x5a, 300));
    let e = err(&bytes, "katki.docx", &Limits::default());
    assert!(
        matches!(
            e,
            ExtractError::CorruptArchive {
                format: Format::Docx,
                ..
            }
        ),
        "{e:?}"
    );
    assert!(e.to_string().contains("damaged or incomplete"), "{e}");
    assert_actionable(&e);
}

#[test]
fn truncated_docx_and_odt() {
    for name in [
        "ska-ametijuhend-veebihaldur.docx",
        "ska-ametijuhend-veebihaldur.odt",
    ] {
        let bytes = fixture(name);
        let e = err(&bytes[..bytes.len() / 2], name, &Limits::default());
        assert!(
            matches!(e, ExtractError::CorruptArchive { .. }),
            "{name}: {e:?}"
        );
        assert_actionable(&e);
    }
}

#[test]
fn docx_with_damaged_deflate_data() {
    let mut bytes = docx(&p(&"Sisu ".repeat(2000)), None);
    // Flip bytes in the middle of the compressed document.xml, keep the directory intact.
    let middle = bytes.len() / 2;
    for b in &mut bytes[middle - 20..middle + 20] {
        *b ^= 0x55;
    }
    let e = err(&bytes, "vigane.docx", &Limits::default());
    assert!(
        matches!(
            e,
            ExtractError::CorruptArchive { .. } | ExtractError::MalformedXml { .. }
        ),
        "{e:?}"
    );
}

#[test]
fn zip_bomb_over_the_total_limit() {
    // document.xml inflates to 3 MiB; the limit is 1 MiB.
    let body = p(&"a".repeat(3 * MIB));
    let bytes = docx(&body, None);
    assert!(
        bytes.len() < 64 * 1024,
        "the bomb is small: {} bytes",
        bytes.len()
    );
    let limits = Limits {
        max_uncompressed_bytes: MIB as u64,
        ..Limits::default()
    };
    let e = err(&bytes, "pomm.docx", &limits);
    match &e {
        ExtractError::ExpansionLimit {
            part, limit_mib, ..
        } => {
            assert_eq!(part, "word/document.xml");
            assert_eq!(*limit_mib, 1);
        }
        other => panic!("{other:?}"),
    }
    assert!(
        e.to_string()
            .contains("expands beyond 1 MiB: not a normal document"),
        "{e}"
    );
}

#[test]
fn zip_bomb_with_lying_size_headers() {
    // The headers claim 100 bytes; the data inflates to 3 MiB. The declared sizes are never
    // trusted: the capped reader (or the zip reader's own check) stops it.
    let mut bytes = docx(&p(&"a".repeat(3 * MIB)), None);
    let name = b"word/document.xml";
    let mut patched = 0;
    for i in 0..bytes.len().saturating_sub(46) {
        let (size_at, name_at) = match &bytes[i..i + 4] {
            b"PK\x03\x04" => (22, 30),
            b"PK\x01\x02" => (24, 46),
            _ => continue,
        };
        if bytes[i + name_at..].starts_with(name) {
            bytes[i + size_at..i + size_at + 4].copy_from_slice(&100u32.to_le_bytes());
            patched += 1;
        }
    }
    assert_eq!(patched, 2, "both headers patched");
    let limits = Limits {
        max_uncompressed_bytes: MIB as u64,
        ..Limits::default()
    };
    let e = err(&bytes, "valetav.docx", &limits);
    assert!(
        matches!(
            e,
            ExtractError::ExpansionLimit { .. }
                | ExtractError::CorruptArchive { .. }
                | ExtractError::MalformedXml { .. }
        ),
        "{e:?}"
    );
}

#[test]
fn zip_bomb_by_compression_ratio() {
    // 8 MiB of one letter compresses about 1000:1, over the default ratio of 200.
    let bytes = docx(&p(&"a".repeat(8 * MIB)), None);
    let e = err(&bytes, "pomm.docx", &Limits::default());
    match &e {
        ExtractError::ExpansionLimit { reason, .. } => {
            assert!(reason.contains("200 times"), "{reason}")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn zip_with_too_many_entries() {
    let names: Vec<String> = (0..20).map(|i| format!("word/media/{i}.bin")).collect();
    let mut entries: Vec<(&str, &[u8])> = names
        .iter()
        .map(|n| (n.as_str(), b"x".as_slice()))
        .collect();
    entries.push(("word/document.xml", b"<doc/>"));
    let limits = Limits {
        max_entries: 10,
        ..Limits::default()
    };
    let e = err(&zip(&entries), "palju.docx", &limits);
    assert_eq!(
        e,
        ExtractError::TooManyEntries {
            format: Format::Docx,
            entries: 21,
            limit: 10
        }
    );
}

#[test]
fn xml_entity_expansion_is_refused() {
    let billion_laughs = br#"<?xml version="1.0"?>
<!DOCTYPE w:document [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>"#;
    let e = err(&docx_raw(billion_laughs), "naer.docx", &Limits::default());
    assert_eq!(
        e,
        ExtractError::XmlDoctype {
            format: Format::Docx,
            part: "word/document.xml".to_owned()
        }
    );
    assert!(e.to_string().contains("entity-expansion attack"), "{e}");

    // An external entity (XXE) is refused the same way, in an ODT too.
    let xxe = br#"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><x>&xxe;</x>"#;
    let odt = zip(&[
        ("mimetype", b"application/vnd.oasis.opendocument.text"),
        ("content.xml", xxe),
    ]);
    let e = err(&odt, "xxe.odt", &Limits::default());
    assert!(
        matches!(
            e,
            ExtractError::XmlDoctype {
                format: Format::Odt,
                ..
            }
        ),
        "{e:?}"
    );
}

#[test]
fn undeclared_entity_and_broken_xml() {
    let undeclared = br#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&nbsp;</w:t></w:r></w:p></w:body></w:document>"#;
    let e = err(&docx_raw(undeclared), "olem.docx", &Limits::default());
    assert!(
        matches!(&e, ExtractError::MalformedXml { detail, .. } if detail.contains("&nbsp;")),
        "{e:?}"
    );

    let unclosed = br#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p></w:body>"#;
    let e = err(&docx_raw(unclosed), "katki.docx", &Limits::default());
    assert!(matches!(e, ExtractError::MalformedXml { .. }), "{e:?}");
    assert_actionable(&e);
}

#[test]
fn extension_and_content_must_agree() {
    let cases: [(&[u8], &str, &str); 5] = [
        (
            &fixture("ska-ametijuhend-veebihaldur.txt"),
            "veebihaldur.docx",
            "plain text",
        ),
        (
            &fixture("ska-ametijuhend-veebihaldur.pdf"),
            "veebihaldur.docx",
            "a PDF",
        ),
        (
            &fixture("ska-ametijuhend-veebihaldur.docx"),
            "veebihaldur.pdf",
            "a zip archive",
        ),
        (
            &fixture("ska-ametijuhend-veebihaldur.odt"),
            "veebihaldur.docx",
            "an OpenDocument text (ODT)",
        ),
        (
            &fixture("ska-ametijuhend-veebihaldur.docx"),
            "veebihaldur.txt",
            "a zip archive",
        ),
    ];
    for (bytes, name, found) in cases {
        let e = err(bytes, name, &Limits::default());
        assert!(
            matches!(e, ExtractError::FormatMismatch { .. }),
            "{name}: {e:?}"
        );
        assert!(e.to_string().contains(found), "{name}: {e}");
        assert_actionable(&e);
    }
    // Without a known extension the content decides.
    for (fixture_name, format) in [
        ("ska-ametijuhend-veebihaldur.docx", Format::Docx),
        ("ska-ametijuhend-veebihaldur.odt", Format::Odt),
        ("ska-ametijuhend-veebihaldur.pdf", Format::Pdf),
    ] {
        let doc =
            extract(&fixture(fixture_name), "upload", &Limits::default()).expect(fixture_name);
        assert_eq!(doc.format, format);
    }
}

#[test]
fn unsupported_formats_say_what_to_do() {
    let ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest of an old .doc".to_vec();
    let e = err(&ole, "vana.doc", &Limits::default());
    assert!(e.to_string().contains("old Word .doc"), "{e}");
    let e = err(b"{\\rtf1\\ansi Tere}", "a.rtf", &Limits::default());
    assert!(e.to_string().contains("RTF"), "{e}");
    let xlsx = zip(&[("xl/workbook.xml", b"<workbook/>")]);
    let e = err(&xlsx, "tabel.xlsx", &Limits::default());
    assert!(e.to_string().contains("spreadsheet"), "{e}");
    let ods = zip(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        ),
        ("content.xml", b"<x/>"),
    ]);
    assert!(
        err(&ods, "tabel.ods", &Limits::default())
            .to_string()
            .contains("spreadsheet")
    );
}

#[test]
fn isolation_turns_a_panic_into_reader_failed() {
    let result: Result<(), _> = run_isolated(Format::Pdf, Duration::from_secs(5), || {
        panic!("boom in the reader")
    });
    let e = result.unwrap_err();
    match &e {
        ExtractError::ReaderFailed { format, message } => {
            assert_eq!(*format, Format::Pdf);
            assert!(message.contains("boom in the reader"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    assert!(
        e.to_string()
            .starts_with("the PDF reader failed on this file"),
        "{e}"
    );
}

#[test]
fn isolation_times_out_a_reader_that_hangs() {
    let started = Instant::now();
    let result: Result<(), _> = run_isolated(Format::Pdf, Duration::from_millis(100), || {
        std::thread::sleep(Duration::from_secs(3));
        Ok(())
    });
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "did not wait for the reader"
    );
    assert_eq!(
        result.unwrap_err(),
        ExtractError::Timeout {
            format: Format::Pdf,
            seconds: 1
        }
    );
}

#[test]
fn isolation_passes_results_and_errors_through() {
    let ok: Result<u32, _> = run_isolated(Format::Text, Duration::from_secs(5), || Ok(42));
    assert_eq!(ok, Ok(42));
    let e: Result<u32, _> = run_isolated(Format::Text, Duration::from_secs(5), || {
        Err(ExtractError::Empty)
    });
    assert_eq!(e, Err(ExtractError::Empty));
}
