//! DOCX reader: `word/document.xml` (with `numbering.xml` and `styles.xml` for list
//! numbers) → lines.
//!
//! Paragraphs become lines, `w:br`/`w:cr` break lines, `w:tab` becomes a space, list
//! numbers and bullets are rendered as prefixes, tables go through [`Lines`]. Left out:
//! headers and footers (other parts), the `mc:Fallback` copy of drawings, deleted and
//! moved-away text of tracked changes, field instructions, and property elements.

use crate::ExtractError;
use crate::docx_numbering::{NumPr, Numbering, NumberingSink, StylesSink};
use crate::lines::Lines;
use crate::xml::{self, NS_MC, NS_W, NS_W_STRICT, Sink, Tag};
use crate::zipsafe::SafeZip;

const DOCUMENT: &str = "word/document.xml";
const NUMBERING: &str = "word/numbering.xml";
const STYLES: &str = "word/styles.xml";

/// WordprocessingML elements whose whole content is ignored.
const SKIPPED: [&str; 15] = [
    "del",
    "moveFrom",
    "delText",
    "instrText",
    "fldData",
    "rPr",
    "sectPr",
    "tblPr",
    "trPr",
    "tcPr",
    "sdtPr",
    "pPrChange",
    "tblGrid",
    "footnoteReference",
    "endnoteReference",
];

/// Reads the text of a DOCX package.
pub(crate) fn read(package: &mut SafeZip<'_>) -> Result<(String, Vec<String>), ExtractError> {
    let format = package.format();
    let mut numbering = Numbering::default();
    if let Some(bytes) = package.read_optional(NUMBERING)? {
        xml::walk(
            &bytes,
            format,
            NUMBERING,
            &mut NumberingSink::new(&mut numbering),
        )?;
    }
    if let Some(bytes) = package.read_optional(STYLES)? {
        xml::walk(&bytes, format, STYLES, &mut StylesSink::new(&mut numbering))?;
    }
    let document = package.read(DOCUMENT)?;
    let mut sink = DocumentSink {
        numbering: &mut numbering,
        lines: Lines::default(),
        paragraphs: Vec::new(),
        skip_depth: 0,
        in_text: false,
        tracked_changes: false,
    };
    xml::walk(&document, format, DOCUMENT, &mut sink)?;
    let mut warnings = Vec::new();
    if sink.tracked_changes {
        warnings.push(
            "the document contains tracked changes: it was read as if all of them were accepted; accept or reject them in Word and import again if that is not right"
                .to_owned(),
        );
    }
    Ok((sink.lines.finish(), warnings))
}

/// An open paragraph.
#[derive(Default)]
struct Paragraph {
    text: String,
    style: Option<String>,
    num_pr: NumPr,
    /// Inside `w:pPr` (paragraph properties: style, numbering, tab stops).
    in_properties: bool,
}

struct DocumentSink<'a> {
    numbering: &'a mut Numbering,
    lines: Lines,
    /// Open paragraphs; more than one when a text box sits inside a paragraph.
    paragraphs: Vec<Paragraph>,
    /// Depth inside ignored content (0: not ignoring).
    skip_depth: usize,
    /// Inside `w:t`.
    in_text: bool,
    tracked_changes: bool,
}

impl DocumentSink<'_> {
    fn push_text(&mut self, text: &str) {
        if let Some(paragraph) = self.paragraphs.last_mut()
            && !paragraph.in_properties
        {
            paragraph.text.push_str(text);
        }
    }

    fn end_paragraph(&mut self) {
        let Some(paragraph) = self.paragraphs.pop() else {
            return;
        };
        let prefix = self
            .numbering
            .resolve(&paragraph.num_pr, paragraph.style.as_deref())
            .and_then(|(num_id, ilvl)| self.numbering.next_prefix(&num_id, ilvl));
        match prefix {
            // A numbered paragraph without text still advances the counter but prints nothing.
            Some(prefix) if !paragraph.text.trim().is_empty() => {
                self.lines.paragraph(&format!("{prefix}{}", paragraph.text));
            }
            _ => self.lines.paragraph(&paragraph.text),
        }
    }
}

impl Sink for DocumentSink<'_> {
    fn start(&mut self, tag: &Tag<'_>) {
        if self.skip_depth > 0 {
            self.skip_depth += 1;
            return;
        }
        if tag.ns == NS_MC && tag.local == "Fallback" {
            self.skip_depth = 1;
            return;
        }
        if tag.ns != NS_W && tag.ns != NS_W_STRICT {
            return;
        }
        if SKIPPED.contains(&tag.local) {
            if matches!(tag.local, "del" | "moveFrom") {
                self.tracked_changes = true;
            }
            self.skip_depth = 1;
            return;
        }
        let in_properties = self.paragraphs.last().is_some_and(|p| p.in_properties);
        match tag.local {
            "p" => self.paragraphs.push(Paragraph::default()),
            "pPr" => {
                if let Some(p) = self.paragraphs.last_mut() {
                    p.in_properties = true;
                }
            }
            "pStyle" if in_properties => {
                if let Some(p) = self.paragraphs.last_mut() {
                    p.style = tag.attr("val");
                }
            }
            "numId" if in_properties => {
                if let Some(p) = self.paragraphs.last_mut() {
                    p.num_pr.num_id = tag.attr("val");
                }
            }
            "ilvl" if in_properties => {
                if let Some(p) = self.paragraphs.last_mut() {
                    p.num_pr.ilvl = tag.attr("val").and_then(|v| v.parse().ok());
                }
            }
            _ if in_properties => {}
            "t" => self.in_text = true,
            "tab" | "ptab" => self.push_text(" "),
            "br" | "cr" => self.push_text("\n"),
            "noBreakHyphen" => self.push_text("-"),
            "sym" => {
                let c = tag
                    .attr("char")
                    .and_then(|hex| u32::from_str_radix(&hex, 16).ok())
                    .and_then(char::from_u32);
                if let Some(c) = c {
                    let mut buf = [0u8; 4];
                    self.push_text(c.encode_utf8(&mut buf));
                }
            }
            "ins" | "moveTo" => self.tracked_changes = true,
            "tbl" => self.lines.start_table(),
            "tr" => self.lines.start_row(),
            "tc" => self.lines.start_cell(),
            _ => {}
        }
    }

    fn end(&mut self, ns: &str, local: &str) {
        if self.skip_depth > 0 {
            self.skip_depth -= 1;
            return;
        }
        if ns != NS_W && ns != NS_W_STRICT {
            return;
        }
        match local {
            "p" => self.end_paragraph(),
            "pPr" => {
                if let Some(p) = self.paragraphs.last_mut() {
                    p.in_properties = false;
                }
            }
            "t" => self.in_text = false,
            "tbl" => self.lines.end_table(),
            "tr" => self.lines.end_row(),
            "tc" => self.lines.end_cell(),
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if self.skip_depth == 0 && self.in_text {
            self.push_text(text);
        }
    }
}
