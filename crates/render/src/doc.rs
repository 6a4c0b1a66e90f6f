//! The intermediate document model every output format is written from.
//!
//! A [`Document`] is built once from the domain records (see [`crate::layout`] and
//! [`crate::directive`]) and then handed to three small backends: typst (PDF), OOXML (DOCX) and
//! HTML. The model knows the agency's layout (which headings, which tables, which labels) but
//! nothing about any output format, so the layout is written once.
//!
//! The model is also what the PDF backend passes to typst as JSON: the typst template iterates
//! over the blocks, so user text never becomes typst markup and needs no escaping there.

use chrono::NaiveDate;
use serde::Serialize;

/// A whole output document: one or more parts, each starting on a new page (the directive and
/// each of its annexes are parts).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Document {
    /// Metadata title (PDF /Title, DOCX dc:title, HTML `<title>`).
    pub title: String,
    /// Metadata author (the agency).
    pub author: String,
    /// The date written into the metadata (creation date); fixed so that output is reproducible.
    #[serde(serialize_with = "serialize_date")]
    pub date: NaiveDate,
    pub parts: Vec<Part>,
}

/// A run of blocks that starts on a new page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Part {
    pub blocks: Vec<Block>,
}

/// One block of a page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// The approval stamp or a directive's register line, printed in the top right corner, one
    /// line each.
    Stamp {
        lines: Vec<String>,
    },
    /// The document's title ("AMETIJUHEND", "KÄSKKIRI"), centred.
    Title {
        text: String,
    },
    /// A section heading ("1. ÜLDOSA", "4. Õigused ja vastutus"). Level 1 or 2.
    Heading {
        level: u8,
        text: String,
    },
    /// A paragraph of plain text.
    Paragraph {
        text: String,
        style: ParaStyle,
    },
    /// A bulleted list, one paragraph per item.
    List {
        items: Vec<String>,
    },
    Table(Table),
    /// Signature columns side by side (approver; or employer and employee), one line each.
    Signatures {
        columns: Vec<Vec<String>>,
    },
}

/// How a paragraph is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ParaStyle {
    Normal,
    /// Bold: a label above its text ("Haridus") or a directive's title.
    Strong,
    /// A numbered point of a directive whose number is part of the text ("1.1. …"): indented.
    Point,
}

/// A table with real rows and cells.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Table {
    /// Relative column widths (their sum is the whole width).
    pub widths: Vec<u32>,
    /// The header row, repeated on every page the table spans; empty for none.
    pub header: Vec<Cell>,
    pub rows: Vec<Row>,
    /// The first cell of every row labels the row (row header, bold).
    pub row_labels: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    pub cells: Vec<Cell>,
    /// A row of labels for the row below it (the 2023 general part: "1.1 Ametinimetus").
    pub labels: bool,
}

/// A table cell: paragraphs and lists.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Cell {
    pub blocks: Vec<Block>,
}

impl Cell {
    /// A cell with one plain paragraph.
    pub fn text(text: impl Into<String>) -> Self {
        Self {
            blocks: vec![Block::para(text)],
        }
    }

    /// A cell with one bold paragraph.
    pub fn strong(text: impl Into<String>) -> Self {
        Self {
            blocks: vec![Block::strong(text)],
        }
    }

    /// The cell's text, paragraphs and list items one a line (used for the HTML row labels and
    /// tests).
    pub fn plain_text(&self) -> String {
        let mut out = Vec::new();
        for b in &self.blocks {
            match b {
                Block::Paragraph { text, .. } => out.push(text.clone()),
                Block::List { items } => out.extend(items.iter().cloned()),
                _ => {}
            }
        }
        out.join("\n")
    }
}

impl Block {
    pub fn para(text: impl Into<String>) -> Self {
        Block::Paragraph {
            text: text.into(),
            style: ParaStyle::Normal,
        }
    }

    pub fn strong(text: impl Into<String>) -> Self {
        Block::Paragraph {
            text: text.into(),
            style: ParaStyle::Strong,
        }
    }

    pub fn point(text: impl Into<String>) -> Self {
        Block::Paragraph {
            text: text.into(),
            style: ParaStyle::Point,
        }
    }

    pub fn heading(level: u8, text: impl Into<String>) -> Self {
        Block::Heading {
            level,
            text: text.into(),
        }
    }
}

impl Document {
    /// Applies `f` to every piece of text in the document (used to replace characters that no
    /// embedded font can print before the PDF is made).
    pub fn map_text(&mut self, f: &impl Fn(&str) -> String) {
        self.title = f(&self.title);
        self.author = f(&self.author);
        for part in &mut self.parts {
            for b in &mut part.blocks {
                map_block(b, f);
            }
        }
    }
}

fn map_block(b: &mut Block, f: &impl Fn(&str) -> String) {
    let map_all = |v: &mut Vec<String>| v.iter_mut().for_each(|s| *s = f(s));
    match b {
        Block::Stamp { lines } => map_all(lines),
        Block::Title { text } | Block::Heading { text, .. } | Block::Paragraph { text, .. } => {
            *text = f(text)
        }
        Block::List { items } => map_all(items),
        Block::Signatures { columns } => columns.iter_mut().for_each(map_all),
        Block::Table(t) => {
            let cells = t
                .header
                .iter_mut()
                .chain(t.rows.iter_mut().flat_map(|r| r.cells.iter_mut()));
            for c in cells {
                for b in &mut c.blocks {
                    map_block(b, f);
                }
            }
        }
    }
}

fn serialize_date<S: serde::Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&d.format("%Y-%m-%d").to_string())
}
