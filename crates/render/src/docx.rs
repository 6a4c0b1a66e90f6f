//! The DOCX backend: writes WordprocessingML (OOXML) directly and zips it with deflate.
//!
//! The package holds `[Content_Types].xml`, `_rels/.rels`, `word/document.xml`,
//! `word/styles.xml` (Normal, Title, Heading 1/2, labels, list and table styles),
//! `word/numbering.xml` (the bullet list), `word/settings.xml`, `word/footer1.xml` (page numbers
//! "Lk 1/3" as PAGE/NUMPAGES fields), `docProps/core.xml` and `docProps/app.xml`. Tables are real
//! `w:tbl` tables whose header row repeats on every page (`w:tblHeader`). Zip entries carry a
//! fixed timestamp and core.xml the document's own date, so the same document always gives the
//! same bytes. Elements are written in the schema's order, which Word insists on.

mod parts;

use crate::RenderError;
use crate::doc::{Block, Cell, Document, ParaStyle, Table};
use crate::xml::escape_into;
use std::io::Write;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// The text width of the page in twips (A4 11906 minus margins 1418 + 1134).
const TEXT_WIDTH: u32 = 9354;

/// The document as a DOCX file.
pub fn docx(doc: &Document) -> Result<Vec<u8>, RenderError> {
    let document = document_xml(doc);
    let core = parts::core_xml(doc);
    let files: [(&str, &[u8]); 10] = [
        ("[Content_Types].xml", parts::CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", parts::ROOT_RELS.as_bytes()),
        (
            "word/_rels/document.xml.rels",
            parts::DOCUMENT_RELS.as_bytes(),
        ),
        ("word/document.xml", document.as_bytes()),
        ("word/styles.xml", parts::STYLES.as_bytes()),
        ("word/numbering.xml", parts::NUMBERING.as_bytes()),
        ("word/settings.xml", parts::SETTINGS.as_bytes()),
        ("word/footer1.xml", parts::FOOTER.as_bytes()),
        ("docProps/core.xml", core.as_bytes()),
        ("docProps/app.xml", parts::APP.as_bytes()),
    ];
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::with_capacity(
        document.len() / 3 + 16_384,
    )));
    let err = |e: &dyn std::fmt::Display| RenderError::Docx(e.to_string());
    for (name, bytes) in files {
        zip.start_file(name, options).map_err(|e| err(&e))?;
        zip.write_all(bytes).map_err(|e| err(&e))?;
    }
    let cursor = zip.finish().map_err(|e| err(&e))?;
    Ok(cursor.into_inner())
}

/// `word/document.xml` of the document (the golden tests compare it).
pub fn document_xml(doc: &Document) -> String {
    let mut w = String::with_capacity(64 * 1024);
    w.push_str(parts::DOCUMENT_START);
    let mut last_was_table = false;
    for (i, part) in doc.parts.iter().enumerate() {
        if i > 0 {
            w.push_str("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>\n");
        }
        for (j, b) in part.blocks.iter().enumerate() {
            block(&mut w, b, false);
            last_was_table = matches!(b, Block::Table(_) | Block::Signatures { .. });
            // Word merges tables that touch: keep them apart with an empty paragraph.
            let next_is_table = matches!(
                part.blocks.get(j + 1),
                Some(Block::Table(_) | Block::Signatures { .. })
            );
            if last_was_table && next_is_table {
                w.push_str("<w:p><w:pPr><w:pStyle w:val=\"TableGap\"/></w:pPr></w:p>\n");
            }
        }
    }
    if last_was_table {
        w.push_str("<w:p/>\n");
    }
    w.push_str(parts::SECTION);
    w.push_str("</w:body></w:document>\n");
    w
}

fn block(w: &mut String, b: &Block, in_cell: bool) {
    match b {
        Block::Stamp { lines } => {
            for l in lines {
                para(w, "Stamp", l, false);
            }
        }
        Block::Title { text } => para(w, "Title", text, false),
        Block::Heading { level, text } => {
            let style = if *level <= 1 { "Heading1" } else { "Heading2" };
            para(w, style, text, false)
        }
        Block::Paragraph { text, style } => {
            let s = match (style, in_cell) {
                (ParaStyle::Normal, false) => "Normal",
                (ParaStyle::Strong, false) => "Label",
                (ParaStyle::Point, false) => "Point",
                (ParaStyle::Strong, true) => "TableLabel",
                (_, true) => "TableText",
            };
            para(w, s, text, false)
        }
        Block::List { items } => {
            for item in items {
                para(w, "ListBullet", item, true);
            }
        }
        Block::Table(t) => table(w, t),
        Block::Signatures { columns } => signatures(w, columns),
    }
}

fn para(w: &mut String, style: &str, text: &str, bullet: bool) {
    w.push_str("<w:p><w:pPr><w:pStyle w:val=\"");
    w.push_str(style);
    w.push_str("\"/>");
    if bullet {
        w.push_str("<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>");
    }
    w.push_str("</w:pPr>");
    if !text.is_empty() {
        w.push_str("<w:r><w:t xml:space=\"preserve\">");
        escape_into(w, text);
        w.push_str("</w:t></w:r>");
    }
    w.push_str("</w:p>\n");
}

/// Column widths in twips from relative widths.
fn grid(widths: &[u32], columns: usize) -> Vec<u32> {
    let widths: Vec<u32> = if widths.len() == columns && widths.iter().all(|&x| x > 0) {
        widths.to_vec()
    } else {
        vec![1; columns.max(1)]
    };
    let total: u64 = widths.iter().map(|&x| u64::from(x)).sum::<u64>().max(1);
    widths
        .iter()
        .map(|&x| (u64::from(TEXT_WIDTH) * u64::from(x) / total) as u32)
        .collect()
}

fn table(w: &mut String, t: &Table) {
    let columns = t
        .rows
        .iter()
        .map(|r| r.cells.len())
        .chain([t.header.len()])
        .max()
        .unwrap_or(1)
        .max(1);
    let cols = grid(&t.widths, columns);
    w.push_str(
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>\
         <w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"0420\" w:firstRow=\"1\" \
         w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"0\" \
         w:noVBand=\"1\"/></w:tblPr><w:tblGrid>",
    );
    for c in &cols {
        w.push_str(&format!("<w:gridCol w:w=\"{c}\"/>"));
    }
    w.push_str("</w:tblGrid>\n");
    if !t.header.is_empty() {
        w.push_str("<w:tr><w:trPr><w:tblHeader/></w:trPr>\n");
        row_cells(w, &t.header, &cols, true, false);
        w.push_str("</w:tr>\n");
    }
    for r in &t.rows {
        w.push_str("<w:tr>\n");
        row_cells(w, &r.cells, &cols, r.labels, t.row_labels);
        w.push_str("</w:tr>\n");
    }
    w.push_str("</w:tbl>\n");
}

fn row_cells(w: &mut String, cells: &[Cell], cols: &[u32], shaded: bool, first_is_label: bool) {
    for (i, width) in cols.iter().enumerate() {
        let shade = shaded || (first_is_label && i == 0);
        w.push_str(&format!(
            "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>{}</w:tcPr>\n",
            if shade {
                "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"EDEDED\"/>"
            } else {
                ""
            }
        ));
        let blocks = cells.get(i).map(|c| c.blocks.as_slice()).unwrap_or(&[]);
        if blocks.is_empty() {
            w.push_str("<w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr></w:p>\n");
        }
        for b in blocks {
            block(w, b, true);
        }
        // A cell must end with a paragraph.
        if matches!(
            blocks.last(),
            Some(Block::Table(_) | Block::Signatures { .. })
        ) {
            w.push_str("<w:p/>\n");
        }
        w.push_str("</w:tc>\n");
    }
}

/// The signature block as a borderless table written row by row (one line of every party per
/// row, "Tööandja: | Töötaja:"), so that extracted text reads like the agency's documents.
fn signatures(w: &mut String, columns: &[Vec<String>]) {
    let cols = grid(&[], columns.len().max(1));
    w.push_str(
        "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLayout w:type=\"fixed\"/>\
         <w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"0\" \
         w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>",
    );
    for c in &cols {
        w.push_str(&format!("<w:gridCol w:w=\"{c}\"/>"));
    }
    w.push_str("</w:tblGrid>\n");
    let rows = columns.iter().map(Vec::len).max().unwrap_or(0).max(1);
    for r in 0..rows {
        w.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>\n");
        for (i, width) in cols.iter().enumerate() {
            w.push_str(&format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/></w:tcPr>"
            ));
            let line = columns
                .get(i)
                .and_then(|c| c.get(r))
                .map_or("", String::as_str);
            para(
                w,
                if r == 0 { "Signature" } else { "TableText" },
                line,
                false,
            );
            w.push_str("</w:tc>\n");
        }
        w.push_str("</w:tr>\n");
    }
    w.push_str("</w:tbl>\n");
}
