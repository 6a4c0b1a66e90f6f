//! The corpus documents converted by LibreOffice (`scripts/make-fixtures.sh`) read back to
//! the same words as the corpus text.

use super::{CORPUS, assert_same_words, extract_ok, fixture};
use crate::Format;

fn corpus_text(base: &str) -> String {
    String::from_utf8(fixture(&format!("{base}.txt"))).expect("corpus is UTF-8")
}

fn check(format: Format) {
    for base in CORPUS {
        let name = format!("{base}.{}", format.extension());
        let doc = extract_ok(&fixture(&name), &name);
        assert_eq!(doc.format, format, "{name}");
        assert!(
            doc.warnings.is_empty(),
            "{name}: unexpected warnings {:?}",
            doc.warnings
        );
        assert!(
            doc.text.ends_with('\n') && !doc.text.contains('\r'),
            "{name}: line ends"
        );
        assert_same_words(&name, &doc.text, &corpus_text(base));
    }
}

#[test]
fn text_fixtures_read_verbatim() {
    for base in CORPUS {
        let name = format!("{base}.txt");
        let doc = extract_ok(&fixture(&name), &name);
        assert_eq!(doc.format, Format::Text);
        assert!(doc.warnings.is_empty(), "{name}: {:?}", doc.warnings);
        // Only trailing whitespace at the very end is trimmed.
        assert_eq!(doc.text.trim_end(), corpus_text(base).trim_end(), "{name}");
    }
}

#[test]
fn docx_fixtures_match_the_corpus() {
    check(Format::Docx);
}

#[test]
fn odt_fixtures_match_the_corpus() {
    check(Format::Odt);
}

#[test]
fn pdf_fixtures_match_the_corpus() {
    check(Format::Pdf);
}

#[test]
fn docx_keeps_the_corpus_lines() {
    // LibreOffice writes one paragraph per text line: the lines survive one to one.
    let base = "ska-ametijuhend-peaspetsialist-star-kasutajatugi";
    let doc = extract_ok(&fixture(&format!("{base}.docx")), "x.docx");
    let expected: Vec<String> = corpus_text(base)
        .lines()
        .map(|l| l.trim_end().to_owned())
        .collect();
    let actual: Vec<String> = doc.text.lines().map(|l| l.trim_end().to_owned()).collect();
    assert_eq!(actual, expected[..actual.len()]);
    assert!(actual.contains(&"Struktuuriüksus Arendusosakond, arendustalitus".to_owned()));
}

#[test]
fn pdf_pages_are_separated_by_form_feed_lines() {
    let name = "ska-rollikaardid-2024.pdf";
    let doc = extract_ok(&fixture(name), name);
    let breaks = doc.text.lines().filter(|l| *l == "\x0c").count();
    assert!(breaks >= 1, "a multi-page PDF has page-break lines");
    assert!(!doc.text.lines().any(|l| l.contains('\x0c') && l != "\x0c"));
}

#[test]
fn permission_only_encrypted_pdf_is_read() {
    // qpdf --encrypt "" owner 256: opens without a password, like many "protected" PDFs.
    let doc = extract_ok(
        &fixture("encrypted-empty-user-password.pdf"),
        "protected.pdf",
    );
    assert_eq!(doc.format, Format::Pdf);
    assert!(
        doc.text
            .contains("Struktuuriüksus Arendusosakond, arendustalitus")
    );
}

#[test]
fn two_column_table_docx_joins_label_and_value() {
    let doc = extract_ok(
        &fixture("ska-ametijuhend-peaspetsialist-star-kasutajatugi-table.docx"),
        "table.docx",
    );
    assert_eq!(doc.format, Format::Docx);
    check_table_lines(&doc.text);
}

#[test]
fn two_column_table_odt_joins_label_and_value() {
    let doc = extract_ok(
        &fixture("ska-ametijuhend-peaspetsialist-star-kasutajatugi-table.odt"),
        "table.odt",
    );
    assert_eq!(doc.format, Format::Odt);
    check_table_lines(&doc.text);
}

fn check_table_lines(text: &str) {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    for expected in [
        "1. Üldosa",
        "Struktuuriüksus Arendusosakond, arendustalitus",
        "Teenistuskoht Peaspetsialist (STAR kasutajatugi)",
        "Vahetu juht Juhtivspetsialist (kasutajatugi)",
        "Alluvad -",
        "Teenistuja asendab Peaspetsialist, juhtivspetsialist (kasutajatugi)",
        "Ametikoha grupp Töötaja",
        "Eritingimused Eritingimused määratakse töölepingus.",
        "Peamised teenistusülesanded Oodatavad tulemused",
        "• Rakendustoe poole pöördujad on saanud asjakohast teavet.",
    ] {
        assert!(
            lines.contains(&expected),
            "missing line {expected:?} in\n{text}"
        );
    }
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("Teenistuskoha eesmärk Kasutajate nõustamine"))
    );
    // A long task cell is not glued to the bullets of the results cell.
    let task = lines
        .iter()
        .position(|l| l.starts_with("2.1. Teenistujate"))
        .expect("task line");
    assert!(lines[task].ends_with("lahendamine."), "{:?}", lines[task]);
    assert!(
        lines[task + 1].starts_with("• SKAIS ja STAR"),
        "{:?}",
        lines[task + 1]
    );
}
