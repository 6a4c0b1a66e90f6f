//! Properties of the output files: the PDF is PDF/A-2b, tagged and in Estonian; the DOCX is a
//! well-formed, reproducible OOXML package with real tables, styles and bullet numbering; the
//! HTML is a standalone page; and user text full of markup characters prints literally in all
//! three formats.

use crate::common;

use ametijuhend_domain::Template;
use ametijuhend_render::{Format, JobDescriptionOptions, StampChoice};
use common::corpus_records::{corpus_registry, star, veebihaldur};
use common::{pdftotext, zip_entry};

fn options(template: Template) -> JobDescriptionOptions {
    JobDescriptionOptions {
        template,
        stamp: StampChoice::Auto,
    }
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn pdf_is_pdfa_2b_tagged_and_estonian() {
    let registry = corpus_registry();
    let pdf = ametijuhend_render::render_job_description(
        &registry,
        &veebihaldur(),
        Format::Pdf,
        &options(Template::Ska2023),
    )
    .expect("pdf");
    assert!(pdf.starts_with(b"%PDF-1.7"), "a PDF 1.7 file");
    // XMP metadata: PDF/A part 2, conformance B.
    assert!(
        contains(&pdf, "<pdfaid:part>2</pdfaid:part>"),
        "XMP pdfaid:part=2"
    );
    assert!(
        contains(&pdf, "<pdfaid:conformance>B</pdfaid:conformance>"),
        "XMP pdfaid:conformance=B"
    );
    // Tagged: a structure tree and MarkInfo in the catalog.
    assert!(contains(&pdf, "/StructTreeRoot"), "a structure tree");
    assert!(contains(&pdf, "/MarkInfo<</Marked true"), "marked content");
    assert!(contains(&pdf, "/Lang(et-EE)"), "document language Estonian");
    // Fonts embedded, the title in the metadata.
    assert!(contains(&pdf, "/FontFile"), "embedded fonts");
    assert!(
        contains(&pdf, "Ametijuhend – Veebihaldur"),
        "title in the metadata"
    );
    // Same input, same bytes.
    let again = ametijuhend_render::render_job_description(
        &registry,
        &veebihaldur(),
        Format::Pdf,
        &options(Template::Ska2023),
    )
    .expect("pdf");
    assert_eq!(pdf, again, "PDF output is reproducible");
}

#[test]
fn pdf_has_page_numbers_and_repeats_the_duty_header() {
    let registry = corpus_registry();
    let text = pdftotext(
        &ametijuhend_render::render_job_description(
            &registry,
            &star(),
            Format::Pdf,
            &options(Template::Ska2024),
        )
        .expect("pdf"),
    );
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert!(pages.len() >= 2, "the STAR job description spans pages");
    for (i, page) in pages.iter().enumerate() {
        assert!(
            page.contains(&format!("Lk {}/{}", i + 1, pages.len())),
            "page {} has its number: {page}",
            i + 1
        );
    }
    assert!(
        pages[1].contains("2. Peamised teenistusülesanded"),
        "the duty table's header is repeated on the second page"
    );
}

#[test]
fn docx_is_a_wellformed_reproducible_package() {
    let registry = corpus_registry();
    let render = || {
        ametijuhend_render::render_job_description(
            &registry,
            &veebihaldur(),
            Format::Docx,
            &options(Template::Ska2023),
        )
        .expect("docx")
    };
    let docx = render();
    assert_eq!(docx, render(), "DOCX output is reproducible");
    for part in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/_rels/document.xml.rels",
        "word/document.xml",
        "word/styles.xml",
        "word/numbering.xml",
        "word/settings.xml",
        "word/footer1.xml",
        "docProps/core.xml",
        "docProps/app.xml",
    ] {
        let xml = zip_entry(&docx, part);
        roxmltree::Document::parse(&xml)
            .unwrap_or_else(|e| panic!("{part} is not well-formed: {e}"));
    }
    let doc = zip_entry(&docx, "word/document.xml");
    assert!(doc.contains("<w:tbl>"), "real tables");
    assert!(doc.contains("<w:tblHeader/>"), "a repeated header row");
    assert!(
        doc.contains("<w:pStyle w:val=\"Heading1\"/>"),
        "heading styles"
    );
    assert!(doc.contains("<w:numId w:val=\"1\"/>"), "bullet numbering");
    let core = zip_entry(&docx, "docProps/core.xml");
    assert!(core.contains("<dc:title>Ametijuhend – Veebihaldur</dc:title>"));
}

#[test]
fn html_is_a_standalone_page_and_a_fragment() {
    let registry = corpus_registry();
    let html = String::from_utf8(
        ametijuhend_render::render_job_description(
            &registry,
            &star(),
            Format::Html,
            &options(Template::Ska2024),
        )
        .expect("html"),
    )
    .expect("UTF-8");
    assert!(html.starts_with("<!doctype html>\n<html lang=\"et\">"));
    assert!(html.contains("@page"), "print CSS");
    assert!(html.contains("<th scope=\"col\">"), "column headers");
    assert!(html.contains("<th scope=\"row\">"), "row headers");
    let fragment = ametijuhend_render::render_html_fragment(
        &registry,
        &star(),
        &JobDescriptionOptions::default(),
    )
    .expect("fragment");
    assert!(fragment.starts_with("<article class=\"ametijuhend\" lang=\"et\">"));
    assert!(!fragment.contains("<html"));
    assert!(
        html.contains(&fragment),
        "the page embeds the same fragment"
    );
}

/// Text that is markup in typst, XML or HTML.
const NASTY: &str = r#"Kulu #1 *tärn* _alakriips_ $5$ [nurk] \kald <silt> @viide = `kood` // kommentaar /* & "jutt" 'üks' {regNumber} ~ ^ 😀"#;

#[test]
fn markup_characters_print_literally_in_every_format() {
    let registry = corpus_registry();
    let mut jd = star();
    jd.duties[0].text = NASTY.to_string();
    jd.duties[0].expected_results = vec![format!("Tulemus: {NASTY}")];
    jd.purpose = format!("{NASTY}\u{0}\u{7}\u{b}");
    jd.general.unit = "<script>alert(1)</script>".into();
    for template in [Template::Ska2024, Template::Ska2023] {
        let pdf = ametijuhend_render::render_job_description(
            &registry,
            &jd,
            Format::Pdf,
            &options(template),
        )
        .expect("pdf");
        let text = pdftotext(&pdf).replace(['\u{ad}', '\n'], " ");
        let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
        // Everything but the emoji (no embedded font has it) prints as written.
        let expected = NASTY.replace('😀', "?");
        assert!(
            collapsed.contains(&expected.replace("- ", "-")) || collapsed.contains(&expected),
            "PDF text keeps the markup characters:\n{collapsed}"
        );

        let docx = ametijuhend_render::render_job_description(
            &registry,
            &jd,
            Format::Docx,
            &options(template),
        )
        .expect("docx");
        let xml = zip_entry(&docx, "word/document.xml");
        let parsed = roxmltree::Document::parse(&xml).expect("well-formed document.xml");
        let all: String = parsed
            .descendants()
            .filter(|n| n.has_tag_name("t"))
            .filter_map(|n| n.text())
            .collect::<Vec<_>>()
            .join("\n");
        assert!(all.contains(NASTY), "DOCX text keeps the markup characters");
        assert!(all.contains("<script>alert(1)</script>"));

        let html = String::from_utf8(
            ametijuhend_render::render_job_description(
                &registry,
                &jd,
                Format::Html,
                &options(template),
            )
            .expect("html"),
        )
        .expect("UTF-8");
        assert!(!html.contains("<script>"), "HTML escapes text");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("&lt;silt&gt; @viide"));
    }
}

/// Odd document models (no parts, empty and ragged tables, zero and huge column widths, empty
/// texts and columns) still render in every format.
#[test]
fn odd_document_models_render_without_panics() {
    use ametijuhend_render::doc::{Block, Cell, Document, Part, Row, Table};
    let table = |widths: Vec<u32>, header: Vec<Cell>, rows: Vec<Row>| {
        Block::Table(Table {
            widths,
            header,
            rows,
            row_labels: true,
        })
    };
    let ragged = vec![
        Row {
            cells: vec![],
            labels: false,
        },
        Row {
            cells: vec![
                Cell::text(""),
                Cell::default(),
                Cell::strong("x"),
                Cell::text("y"),
            ],
            labels: true,
        },
    ];
    let doc = Document {
        title: String::new(),
        author: String::new(),
        date: chrono::NaiveDate::MIN,
        parts: vec![
            Part::default(),
            Part {
                blocks: vec![
                    Block::Stamp { lines: vec![] },
                    Block::Heading {
                        level: 0,
                        text: String::new(),
                    },
                    Block::List { items: vec![] },
                    table(vec![], vec![], vec![]),
                    table(vec![0, 0], vec![Cell::default()], ragged.clone()),
                    table(vec![u32::MAX, u32::MAX, 1], vec![], ragged),
                    Block::Signatures { columns: vec![] },
                    Block::Signatures {
                        columns: vec![vec![], vec!["a".into()]],
                    },
                ],
            },
        ],
    };
    for format in ametijuhend_render::Format::ALL {
        // Typesetting may refuse (e.g. a date typst cannot represent), but must not panic.
        let _ = ametijuhend_render::write(&doc, format);
    }
    let empty = Document {
        date: chrono::NaiveDate::from_ymd_opt(2024, 1, 1).expect("date"),
        ..doc.clone()
    };
    for format in ametijuhend_render::Format::ALL {
        ametijuhend_render::write(&empty, format).unwrap_or_else(|e| panic!("{format:?}: {e}"));
    }
}
