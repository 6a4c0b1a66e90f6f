//! DOCX and ODT features, on documents generated in the tests.

use super::builders::{docx, p, table, zip};
use super::extract_ok;
use crate::Format;

fn lines(text: &str) -> Vec<&str> {
    text.lines().map(str::trim_end).collect()
}

#[test]
fn docx_two_column_table_is_label_space_value() {
    // The 2024 template's general part as a real two-column table.
    let body = format!(
        "{}{}",
        p("1. Üldosa"),
        table(&[
            &["Struktuuriüksus", "Arendusosakond, arendustalitus"],
            &["Teenistuskoht", "Peaspetsialist (STAR kasutajatugi)"],
            &["Vahetu juht", "Juhtivspetsialist (kasutajatugi)"],
            &["Alluvad", "-"],
            &[
                "Teenistuskoha eesmärk",
                "Kasutajate nõustamine (SKAIS)\nteine lõik"
            ],
            &["1.3 Vahetu juht", "1.4 Kes asendab", "1.5 Keda asendab"],
            &["2.1. Ülesanne", "• tulemus üks\n• tulemus kaks"],
            &["Tühi väärtus", ""],
        ])
    );
    let doc = extract_ok(&docx(&body, None), "table.docx");
    assert_eq!(doc.format, Format::Docx);
    assert_eq!(
        lines(&doc.text),
        [
            "1. Üldosa",
            "Struktuuriüksus Arendusosakond, arendustalitus",
            "Teenistuskoht Peaspetsialist (STAR kasutajatugi)",
            "Vahetu juht Juhtivspetsialist (kasutajatugi)",
            "Alluvad -",
            "Teenistuskoha eesmärk Kasutajate nõustamine (SKAIS)",
            "teine lõik",
            "1.3 Vahetu juht 1.4 Kes asendab 1.5 Keda asendab",
            "2.1. Ülesanne",
            "• tulemus üks",
            "• tulemus kaks",
            "Tühi väärtus",
        ]
    );
}

#[test]
fn docx_nested_table_stays_inside_its_cell() {
    let inner = table(&[&["a", "b"]]);
    let body = format!(
        "<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}{inner}</w:tc></w:tr></w:tbl>{}",
        p("Välimine"),
        p("Lahter"),
        p("Pärast")
    );
    let doc = extract_ok(&docx(&body, None), "nested.docx");
    assert_eq!(lines(&doc.text), ["Välimine Lahter", "a b", "Pärast"]);
}

const NUMBERING: &str = r#"
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/><w:suff w:val="space"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#xF0B7;"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
"#;

fn numbered(num_id: u32, ilvl: u32, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
    )
}

#[test]
fn docx_list_numbering_is_rendered() {
    let body = [
        numbered(1, 0, "ÜLDOSA"),
        numbered(1, 1, "Ametinimetus"),
        numbered(1, 1, "Struktuuriüksus"),
        numbered(1, 0, "TEENISTUSKOHUSTUSED"),
        numbered(1, 1, "Nõustamine"),
        numbered(1, 2, "telefonitsi"),
        numbered(1, 2, "kirjalikult"),
        numbered(2, 0, "tulemus"),
        numbered(1, 1, "Arendamine"),
        numbered(3, 0, "uus loend"),
        numbered(0, 0, "numbrita"),
    ]
    .concat();
    let doc = extract_ok(&docx(&body, Some(NUMBERING)), "numbered.docx");
    assert_eq!(
        lines(&doc.text),
        [
            "1. ÜLDOSA",
            "1.1. Ametinimetus",
            "1.2. Struktuuriüksus",
            "2. TEENISTUSKOHUSTUSED",
            "2.1. Nõustamine",
            "a) telefonitsi",
            "b) kirjalikult",
            "• tulemus",
            "2.2. Arendamine",
            "5. uus loend",
            "numbrita",
        ]
    );
}

#[test]
fn docx_numbering_from_paragraph_styles() {
    let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    let styles = format!(
        r#"<w:styles xmlns:w="{w}">
        <w:style w:type="paragraph" w:styleId="Pealkiri1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="Minu"><w:basedOn w:val="Pealkiri1"/></w:style>
        </w:styles>"#
    );
    let numbering = format!(r#"<w:numbering xmlns:w="{w}">{NUMBERING}</w:numbering>"#);
    let document = format!(
        r#"<w:document xmlns:w="{w}"><w:body>
        <w:p><w:pPr><w:pStyle w:val="Pealkiri1"/></w:pPr><w:r><w:t>ÜLDOSA</w:t></w:r></w:p>
        <w:p><w:pPr><w:pStyle w:val="Minu"/></w:pPr><w:r><w:t>EESMÄRK</w:t></w:r></w:p>
        </w:body></w:document>"#
    );
    let bytes = zip(&[
        ("word/document.xml", document.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
        ("word/numbering.xml", numbering.as_bytes()),
    ]);
    let doc = extract_ok(&bytes, "styles.docx");
    assert_eq!(lines(&doc.text), ["1. ÜLDOSA", "2. EESMÄRK"]);
}

#[test]
fn docx_runs_tabs_breaks_and_skipped_content() {
    let body = r#"
<w:p><w:r><w:t>1.1</w:t></w:r><w:r><w:tab/><w:t>Ametinimetus</w:t></w:r><w:r><w:br/><w:t>teine rida</w:t><w:cr/><w:t>kolmas</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Jäi </w:t></w:r><w:del w:id="1"><w:r><w:delText>kustutatud </w:delText></w:r></w:del><w:ins w:id="2"><w:r><w:t>lisatud</w:t></w:r></w:ins></w:p>
<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>Tekstikast</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Tekstikast</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>Lõik</w:t></w:r></w:p>
<w:p><w:r><w:t>A&amp;B &lt;x&gt; &#x0161;&#382;</w:t><w:noBreakHyphen/><w:t>C</w:t><w:sym w:font="Symbol" w:char="F0B7"/></w:r></w:p>
<w:sectPr><w:pgSz w:w="11906"/></w:sectPr>"#;
    let doc = extract_ok(&docx(body, None), "runs.docx");
    assert_eq!(
        lines(&doc.text),
        [
            "1.1 Ametinimetus",
            "teine rida",
            "kolmas",
            "Jäi lisatud",
            "7",
            "Tekstikast",
            "Lõik",
            "A&B <x> šž-C\u{f0b7}",
        ]
    );
    assert_eq!(doc.warnings.len(), 1, "{:?}", doc.warnings);
    assert!(doc.warnings[0].contains("tracked changes"));
}

#[test]
fn docx_strict_namespace_and_odd_prefix_are_read() {
    let document = br#"<x:document xmlns:x="http://purl.oclc.org/ooxml/wordprocessingml/main"><x:body><x:p><x:r><x:t>Range</x:t></x:r></x:p></x:body></x:document>"#;
    let doc = extract_ok(&super::builders::docx_raw(document), "strict.docx");
    assert_eq!(doc.text, "Range\n");
}

const ODT_CONTENT: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
  xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0">
<office:automatic-styles>
  <text:list-style style:name="L1"><text:list-level-style-bullet text:level="1" text:bullet-char="▪"/></text:list-style>
  <text:list-style style:name="L2"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>
    <text:list-level-style-number text:level="2" style:num-suffix="." style:num-format="1" text:display-levels="2"/></text:list-style>
</office:automatic-styles>
<office:body><office:text>
  <text:h text:outline-level="1">AMETIJUHEND</text:h>
  <text:p>Kaks<text:s text:c="2"/>tühikut,   kokku
     tõmmatud<text:tab/>tab<text:line-break/>uus rida<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>Joonealune</text:p></text:note-body></text:note></text:p>
  <table:table><table:table-column/><table:table-row>
    <table:table-cell><text:p>Struktuuriüksus</text:p></table:table-cell>
    <table:table-cell><text:p>Arendusosakond, arendustalitus</text:p></table:table-cell>
  </table:table-row><table:table-row>
    <table:table-cell table:number-columns-spanned="2"><text:p>Ühendatud</text:p></table:table-cell><table:covered-table-cell/>
  </table:table-row></table:table>
  <text:list text:style-name="L1"><text:list-item><text:p>täpp</text:p></text:list-item></text:list>
  <text:list text:style-name="L2">
    <text:list-item><text:p>ÜLDOSA</text:p><text:list><text:list-item><text:p>Ametinimetus</text:p></text:list-item><text:list-item><text:p>Üksus</text:p></text:list-item></text:list></text:list-item>
    <text:list-item><text:number>9)</text:number><text:p>salvestatud number</text:p></text:list-item>
  </text:list>
  <office:annotation><text:p>kommentaar</text:p></office:annotation>
</office:text></office:body></office:document-content>"#;

#[test]
fn odt_paragraphs_spaces_tables_and_lists() {
    let bytes = zip(&[
        ("mimetype", b"application/vnd.oasis.opendocument.text"),
        ("content.xml", ODT_CONTENT.as_bytes()),
    ]);
    let doc = extract_ok(&bytes, "generated.odt");
    assert_eq!(doc.format, Format::Odt);
    assert_eq!(
        lines(&doc.text),
        [
            "AMETIJUHEND",
            "Kaks  tühikut, kokku tõmmatud tab",
            "uus rida",
            "Struktuuriüksus Arendusosakond, arendustalitus",
            "Ühendatud",
            "• täpp",
            "1. ÜLDOSA",
            "1.1. Ametinimetus",
            "1.2. Üksus",
            "9) salvestatud number",
        ]
    );
}
