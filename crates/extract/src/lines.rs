//! Building lines from paragraphs and (nested) tables; shared by the DOCX and ODT readers.
//!
//! Table rows are composed as described in the crate docs: a cell holding one short line
//! (a label) is joined on one line with the first line of the next cell, so that a
//! "label | value" row reads like the corpus text ("Struktuuriüksus Arendusosakond, …").

/// Longest cell line (in characters) that is still treated as a label to join with the next cell.
const MAX_LABEL_CHARS: usize = 80;

/// Characters that start a list item when followed by whitespace.
const BULLETS: [char; 8] = ['•', '▪', '\u{f0b7}', '·', '◦', '-', '–', '*'];

enum Frame {
    /// An open table and its current row (cells, each a list of lines).
    Table { row: Option<Vec<Vec<String>>> },
    /// An open table cell and its lines.
    Cell(Vec<String>),
}

/// Collects the lines of a document.
#[derive(Default)]
pub(crate) struct Lines {
    out: Vec<String>,
    frames: Vec<Frame>,
}

impl Lines {
    /// Adds a paragraph; `\n` inside it starts new lines.
    pub(crate) fn paragraph(&mut self, text: &str) {
        for line in text.split('\n') {
            self.push_line(line.to_owned());
        }
    }

    pub(crate) fn start_table(&mut self) {
        self.frames.push(Frame::Table { row: None });
    }

    pub(crate) fn start_row(&mut self) {
        self.end_row();
        if let Some(Frame::Table { row }) = self.frames.last_mut() {
            *row = Some(Vec::new());
        }
    }

    pub(crate) fn start_cell(&mut self) {
        self.frames.push(Frame::Cell(Vec::new()));
    }

    pub(crate) fn end_cell(&mut self) {
        if !matches!(self.frames.last(), Some(Frame::Cell(_))) {
            return;
        }
        let Some(Frame::Cell(lines)) = self.frames.pop() else {
            return;
        };
        match self.frames.last_mut() {
            Some(Frame::Table { row }) => row.get_or_insert_with(Vec::new).push(lines),
            _ => {
                for line in lines {
                    self.push_line(line);
                }
            }
        }
    }

    pub(crate) fn end_row(&mut self) {
        let cells = match self.frames.last_mut() {
            Some(Frame::Table { row }) => row.take(),
            _ => None,
        };
        if let Some(cells) = cells {
            for line in compose_row(cells) {
                self.push_line(line);
            }
        }
    }

    pub(crate) fn end_table(&mut self) {
        // Close cells left open by a malformed document first.
        while matches!(self.frames.last(), Some(Frame::Cell(_))) {
            self.end_cell();
        }
        if matches!(self.frames.last(), Some(Frame::Table { .. })) {
            self.end_row();
            self.frames.pop();
        }
    }

    /// All lines joined with `\n`.
    pub(crate) fn finish(mut self) -> String {
        while !self.frames.is_empty() {
            self.end_table();
        }
        self.out.join("\n")
    }

    /// Adds a line to the innermost open cell, or to the document.
    fn push_line(&mut self, line: String) {
        for frame in self.frames.iter_mut().rev() {
            if let Frame::Cell(lines) = frame {
                lines.push(line);
                return;
            }
        }
        self.out.push(line);
    }
}

/// Writes the cells of one table row as lines (see the module docs).
fn compose_row(cells: Vec<Vec<String>>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut joinable = false;
    for cell in cells {
        let lines = trim_blank_lines(cell);
        let mut lines = lines.into_iter();
        let Some(first) = lines.next() else {
            continue;
        };
        let rest: Vec<String> = lines.collect();
        let label_like = rest.is_empty() && first.trim().chars().count() <= MAX_LABEL_CHARS;
        match out.last_mut() {
            Some(last) if joinable && !starts_with_bullet(&first) => {
                let trimmed_len = last.trim_end().len();
                last.truncate(trimmed_len);
                last.push(' ');
                last.push_str(first.trim_start());
            }
            _ => out.push(first),
        }
        out.extend(rest);
        joinable = label_like;
    }
    out
}

fn trim_blank_lines(mut lines: Vec<String>) -> Vec<String> {
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    let leading = lines.iter().take_while(|l| l.trim().is_empty()).count();
    lines.drain(..leading);
    lines
}

/// True if `line` starts with a list bullet followed by whitespace.
pub(crate) fn starts_with_bullet(line: &str) -> bool {
    let mut chars = line.trim_start().chars();
    matches!((chars.next(), chars.next()), (Some(b), Some(w)) if BULLETS.contains(&b) && w.is_whitespace())
}
