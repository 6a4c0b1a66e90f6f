//! ODT reader: `content.xml` (with list styles from `styles.xml`) → lines.
//!
//! `text:p` and `text:h` are lines; `text:s`, `text:tab` and `text:line-break` are honoured
//! and other whitespace is collapsed as ODF prescribes; tables go through [`Lines`]. List
//! items get "• " when their list style level is a bullet, the label of `text:number` when
//! the file stores one, and otherwise a number counted per list (prefix, format and suffix
//! from the list style). Left out: notes, annotations, tracked deletions, indexes (tables of
//! contents) and image titles.

use std::collections::HashMap;

use crate::ExtractError;
use crate::docx_numbering::{letters, roman};
use crate::lines::Lines;
use crate::xml::{self, NS_OFFICE, NS_TABLE, NS_TEXT, Sink, Tag};
use crate::zipsafe::SafeZip;

const CONTENT: &str = "content.xml";
const STYLES: &str = "styles.xml";

/// Elements of the text namespace whose whole content is ignored.
const SKIPPED_TEXT: [&str; 11] = [
    "note",
    "tracked-changes",
    "sequence-decls",
    "table-of-content",
    "illustration-index",
    "alphabetical-index",
    "object-index",
    "user-index",
    "table-index",
    "bibliography",
    "number",
];

/// How one level of a list style labels its items.
#[derive(Debug, Clone, Default)]
enum LevelStyle {
    Bullet,
    Number {
        prefix: String,
        suffix: String,
        format: String,
        display_levels: usize,
    },
    #[default]
    Unknown,
}

/// Reads the text of an ODT package.
pub(crate) fn read(package: &mut SafeZip<'_>) -> Result<(String, Vec<String>), ExtractError> {
    let format = package.format();
    let mut sink = ContentSink::default();
    if let Some(bytes) = package.read_optional(STYLES)? {
        xml::walk(&bytes, format, STYLES, &mut sink)?;
        // styles.xml has headers, footers and page styles: only its list styles are kept.
        sink.lines = Lines::default();
    }
    let content = package.read(CONTENT)?;
    xml::walk(&content, format, CONTENT, &mut sink)?;
    Ok((sink.lines.finish(), Vec::new()))
}

#[derive(Default)]
struct Paragraph {
    text: String,
    /// The last character came from collapsible whitespace.
    after_space: bool,
}

/// An open `text:list`.
struct List {
    style: Option<String>,
    /// Items counted so far in this list.
    count: u32,
}

#[derive(Default)]
struct ContentSink {
    lines: Lines,
    paragraphs: Vec<Paragraph>,
    lists: Vec<List>,
    /// list style name → level (1-based) → style.
    list_styles: HashMap<String, HashMap<usize, LevelStyle>>,
    /// The list style being defined.
    defining: Option<String>,
    /// A label that the next paragraph starts with (a fresh list item).
    pending_label: Option<String>,
    /// The content of a `text:number` being read.
    number: Option<String>,
    skip_depth: usize,
}

impl ContentSink {
    fn push_raw(&mut self, text: &str) {
        if let Some(p) = self.paragraphs.last_mut() {
            p.text.push_str(text);
            p.after_space = false;
        }
    }

    fn push_collapsing(&mut self, text: &str) {
        let Some(p) = self.paragraphs.last_mut() else {
            return;
        };
        for c in text.chars() {
            if c.is_whitespace() {
                if !p.text.is_empty() && !p.after_space {
                    p.text.push(' ');
                    p.after_space = true;
                }
            } else {
                p.text.push(c);
                p.after_space = false;
            }
        }
    }

    /// The label of a new item of the innermost list.
    fn item_label(&mut self) -> Option<String> {
        let level = self.lists.len();
        let list = self.lists.last_mut()?;
        list.count = list.count.saturating_add(1);
        // Nested lists usually name no style: they inherit the outermost list's.
        let style_name = self.lists.iter().rev().find_map(|l| l.style.clone())?;
        let styles = self.list_styles.get(&style_name)?;
        match styles.get(&level)? {
            LevelStyle::Bullet => Some("• ".to_owned()),
            LevelStyle::Number {
                prefix,
                suffix,
                format,
                display_levels,
            } => {
                let first = level.saturating_sub((*display_levels).max(1));
                let numbers: Vec<String> = self.lists[first..]
                    .iter()
                    .map(|l| format_number(l.count, format))
                    .collect();
                let label = format!("{prefix}{}{suffix}", numbers.join("."));
                (!label.trim().is_empty()).then(|| format!("{label} "))
            }
            LevelStyle::Unknown => None,
        }
    }
}

impl Sink for ContentSink {
    fn start(&mut self, tag: &Tag<'_>) {
        if self.skip_depth > 0 {
            self.skip_depth += 1;
            return;
        }
        if tag.ns == NS_TEXT && tag.local == "number" {
            // A stored list label: used instead of the computed one.
            self.number = Some(String::new());
            self.skip_depth = 1;
            return;
        }
        let skipped = (tag.ns == NS_TEXT && SKIPPED_TEXT.contains(&tag.local))
            || (tag.ns == NS_OFFICE && tag.local == "annotation")
            || (tag.ns == NS_TABLE && tag.local == "covered-table-cell")
            || tag.local == "title"
            || tag.local == "desc";
        if skipped {
            self.skip_depth = 1;
            return;
        }
        match (tag.ns, tag.local) {
            (NS_TEXT, "list-style") => self.defining = tag.attr("name"),
            (NS_TEXT, "list-level-style-bullet" | "list-level-style-image") => {
                self.define_level(tag, LevelStyle::Bullet);
            }
            (NS_TEXT, "list-level-style-number") => {
                let style = LevelStyle::Number {
                    prefix: tag.attr("num-prefix").unwrap_or_default(),
                    suffix: tag.attr("num-suffix").unwrap_or_default(),
                    format: tag.attr("num-format").unwrap_or_default(),
                    display_levels: tag
                        .attr("display-levels")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(1),
                };
                self.define_level(tag, style);
            }
            (NS_TEXT, "p" | "h") => {
                let label = self.pending_label.take();
                self.paragraphs.push(Paragraph::default());
                if let Some(label) = label {
                    self.push_raw(&label);
                }
            }
            (NS_TEXT, "list") => self.lists.push(List {
                style: tag.attr("style-name"),
                count: 0,
            }),
            (NS_TEXT, "list-item") => self.pending_label = self.item_label(),
            (NS_TEXT, "s") => {
                let count = tag
                    .attr("c")
                    .and_then(|c| c.parse::<usize>().ok())
                    .unwrap_or(1)
                    .min(1000);
                self.push_raw(&" ".repeat(count));
            }
            (NS_TEXT, "tab") => self.push_raw(" "),
            (NS_TEXT, "line-break") => self.push_raw("\n"),
            (NS_TABLE, "table") => self.lines.start_table(),
            (NS_TABLE, "table-row") => self.lines.start_row(),
            (NS_TABLE, "table-cell") => self.lines.start_cell(),
            _ => {}
        }
    }

    fn end(&mut self, ns: &str, local: &str) {
        if self.skip_depth > 0 {
            self.skip_depth -= 1;
            if self.skip_depth == 0
                && let Some(number) = self.number.take()
            {
                let number = number.trim();
                self.pending_label = (!number.is_empty()).then(|| format!("{number} "));
            }
            return;
        }
        match (ns, local) {
            (NS_TEXT, "p" | "h") => {
                if let Some(p) = self.paragraphs.pop() {
                    self.lines.paragraph(p.text.trim_end());
                }
            }
            (NS_TEXT, "list") => {
                self.lists.pop();
            }
            (NS_TEXT, "list-style") => self.defining = None,
            (NS_TABLE, "table") => self.lines.end_table(),
            (NS_TABLE, "table-row") => self.lines.end_row(),
            (NS_TABLE, "table-cell") => self.lines.end_cell(),
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if self.skip_depth > 0 {
            if let Some(number) = &mut self.number {
                number.push_str(text);
            }
            return;
        }
        self.push_collapsing(text);
    }
}

impl ContentSink {
    fn define_level(&mut self, tag: &Tag<'_>, style: LevelStyle) {
        if let Some(name) = &self.defining {
            let level = tag.attr("level").and_then(|v| v.parse().ok()).unwrap_or(1);
            self.list_styles
                .entry(name.clone())
                .or_default()
                .insert(level, style);
        }
    }
}

/// Formats a list counter in an ODF `style:num-format` ("1", "a", "A", "i", "I", "").
fn format_number(value: u32, format: &str) -> String {
    match format {
        "" => String::new(),
        "a" => letters(value, b'a'),
        "A" => letters(value, b'A'),
        "i" | "I" => {
            let roman = roman(value);
            if format == "i" {
                roman.to_lowercase()
            } else {
                roman
            }
        }
        _ => value.to_string(),
    }
}
