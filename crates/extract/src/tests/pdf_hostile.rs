//! Hostile and broken PDFs: encryption, no text layer, reader panics, recursion, bombs.

use super::builders::{one_page_pdf, stream_object, zlib};
use super::{extract_ok, fixture};
use crate::{ExtractError, Format, Limits, extract};

const MIB: usize = 1024 * 1024;
const MEDIA: &str = "/MediaBox [0 0 595 842]";
const FONT: &str = "/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >>";

fn err(bytes: &[u8], limits: &Limits) -> ExtractError {
    match extract(bytes, "test.pdf", limits) {
        Ok(doc) => panic!("expected an error, got {doc:?}"),
        Err(err) => err,
    }
}

#[test]
fn hand_written_pdf_with_text_is_read() {
    let pdf = one_page_pdf(
        MEDIA,
        FONT,
        "",
        b"BT /F1 12 Tf 72 700 Td (Ametijuhend) Tj ET",
        &[],
    );
    let doc = extract_ok(&pdf, "kasitsi.pdf");
    assert_eq!(doc.format, Format::Pdf);
    assert_eq!(doc.text.trim(), "Ametijuhend");
}

#[test]
fn password_protected_pdf() {
    // qpdf --encrypt secret owner-secret 256 (see scripts/make-fixtures.sh).
    let e = err(&fixture("encrypted-user-password.pdf"), &Limits::default());
    assert_eq!(e, ExtractError::EncryptedPdf);
    assert_eq!(
        e.to_string(),
        "the PDF is encrypted: save it without a password and import again"
    );
}

#[test]
fn image_only_pdf_has_no_text_layer() {
    // A page that paints a 1×1 image and a rectangle: no text operators at all.
    let image = stream_object(
        "/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8",
        b"\x80",
    );
    let pdf = one_page_pdf(
        MEDIA,
        "/XObject << /Im0 5 0 R >>",
        "",
        b"q 595 0 0 842 0 0 cm /Im0 Do Q 10 10 100 100 re f",
        &[image],
    );
    let e = err(&pdf, &Limits::default());
    assert_eq!(e, ExtractError::NoTextLayer);
    assert_eq!(
        e.to_string(),
        "the PDF has no text layer (a scanned image?): run OCR first or import the DOCX"
    );
}

#[test]
fn reader_panic_on_a_page_becomes_an_error() {
    // No MediaBox anywhere: pdf-extract panics ("MediaBox") on the page.
    let pdf = one_page_pdf("", FONT, "", b"BT /F1 12 Tf 72 700 Td (Tekst) Tj ET", &[]);
    let e = err(&pdf, &Limits::default());
    match &e {
        ExtractError::ReaderFailed { format, message } => {
            assert_eq!(*format, Format::Pdf);
            assert!(message.contains("crashed"), "{message}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn self_drawing_form_xobject_is_refused() {
    // Form 5 draws itself: the recursive reader would overflow its stack.
    let form = stream_object(
        "/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X0 5 0 R >> >>",
        b"/X0 Do",
    );
    let pdf = one_page_pdf(MEDIA, "/XObject << /X0 5 0 R >>", "", b"/X0 Do", &[form]);
    let e = err(&pdf, &Limits::default());
    assert!(
        matches!(&e, ExtractError::CorruptPdf { detail } if detail.contains("includes itself")),
        "{e:?}"
    );

    // The same loop through inherited resources (the form has none of its own).
    let form = stream_object("/Type /XObject /Subtype /Form /BBox [0 0 10 10]", b"/X0 Do");
    let pdf = one_page_pdf(MEDIA, "/XObject << /X0 5 0 R >>", "", b"/X0 Do", &[form]);
    assert!(matches!(
        err(&pdf, &Limits::default()),
        ExtractError::CorruptPdf { .. }
    ));
}

#[test]
fn page_tree_cycle_is_refused() {
    // Pages node 2 is its own parent.
    let pdf = super::builders::pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 2 0 R >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>".to_vec(),
        stream_object("", b"BT ET"),
    ]);
    let e = err(&pdf, &Limits::default());
    assert!(
        matches!(
            e,
            ExtractError::CorruptPdf { .. }
                | ExtractError::NoTextLayer
                | ExtractError::ReaderFailed { .. }
        ),
        "{e:?}"
    );
}

#[test]
fn flate_bomb_in_a_content_stream() {
    let bomb = zlib(&vec![b' '; 3 * MIB]);
    let pdf = one_page_pdf(MEDIA, FONT, "/Filter /FlateDecode", &bomb, &[]);
    let limits = Limits {
        max_uncompressed_bytes: MIB as u64,
        ..Limits::default()
    };
    let e = err(&pdf, &limits);
    assert!(
        matches!(
            e,
            ExtractError::ExpansionLimit {
                format: Format::Pdf,
                limit_mib: 1,
                ..
            }
        ),
        "{e:?}"
    );
    assert!(e.to_string().contains("expands beyond 1 MiB"), "{e}");
}

#[test]
fn nested_and_ascii85_wrapped_bombs() {
    let limits = Limits {
        max_uncompressed_bytes: MIB as u64,
        ..Limits::default()
    };
    // zlib inside zlib: the outer layer alone is small.
    let inner = zlib(&vec![b' '; 3 * MIB]);
    let twice = zlib(&inner);
    let pdf = one_page_pdf(
        MEDIA,
        FONT,
        "/Filter [/FlateDecode /FlateDecode]",
        &twice,
        &[],
    );
    assert!(matches!(
        err(&pdf, &limits),
        ExtractError::ExpansionLimit { .. }
    ));

    // ASCII85 around zlib: not visible as zlib in the raw bytes.
    let a85 = ascii85_encode(&inner);
    let pdf = one_page_pdf(
        MEDIA,
        FONT,
        "/Filter [/ASCII85Decode /FlateDecode]",
        &a85,
        &[],
    );
    assert!(matches!(
        err(&pdf, &limits),
        ExtractError::ExpansionLimit { .. }
    ));
}

#[test]
fn not_really_a_pdf() {
    let e = err(b"%PDF-1.7\nthis is not a PDF at all", &Limits::default());
    assert!(matches!(e, ExtractError::CorruptPdf { .. }), "{e:?}");
    assert!(
        e.to_string()
            .starts_with("the PDF is damaged or not a valid PDF"),
        "{e}"
    );
}

#[test]
fn truncated_pdf_does_not_panic() {
    let bytes = fixture("ska-ametijuhend-veebihaldur.pdf");
    for cut in [bytes.len() / 2, bytes.len() - 200, 40] {
        // Either a clear error or whatever text could be recovered; never a panic.
        match extract(&bytes[..cut], "poolik.pdf", &Limits::default()) {
            Ok(doc) => assert_eq!(doc.format, Format::Pdf),
            Err(e) => assert!(!e.to_string().is_empty()),
        }
    }
}

fn ascii85_encode(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for chunk in data.chunks(4) {
        let mut block = [0u8; 4];
        block[..chunk.len()].copy_from_slice(chunk);
        let mut value = u32::from_be_bytes(block);
        let mut digits = [0u8; 5];
        for d in digits.iter_mut().rev() {
            *d = (value % 85) as u8 + b'!';
            value /= 85;
        }
        out.extend_from_slice(&digits[..chunk.len() + 1]);
    }
    out.extend_from_slice(b"~>");
    out
}
