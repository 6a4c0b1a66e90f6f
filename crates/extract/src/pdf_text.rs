//! Lines of text from glyph positions: the [`OutputDev`] the PDF reader draws a page into.
//!
//! `pdf-extract` interprets a page's content stream and hands every glyph to an output
//! device with its text rendering matrix (position, direction and scale), its advance width
//! and the text it stands for. [`LineText`] writes the glyphs in the order the page draws
//! them and decides line breaks and spaces from the geometry, the way `pdftotext` does for
//! the text of one column:
//!
//! * a glyph whose baseline is more than half a font size away from the previous glyph's
//!   starts a new line, and one more than one and a half font sizes away leaves a blank line
//!   before it (a paragraph gap, or the next table cell, which starts higher up the page).
//!   The distance is measured across the writing direction, so rotated text works too, and a
//!   change of direction starts a new line;
//! * on the same baseline, a gap of more than a tenth of the font size between the end of
//!   one glyph (its advance, including character and word spacing) and the start of the next
//!   is a space, unless a space glyph is already there; so is a jump back of more than a font
//!   size (text drawn out of order). Kerning, which is smaller, joins;
//! * a glyph that stands for a soft hyphen (U+00AD) is written as `-`: a soft hyphen is only
//!   drawn where a word is hyphenated at the line end, and then it is a visible hyphen.
//!   typst's font subsets map the one hyphen glyph either to `-` or to U+00AD, whichever use
//!   came first, and tell the other use apart only in marked content (`ActualText`), which
//!   the reader does not pass on; `pdftotext` writes `-` inside a line and U+00AD at its end.
//!   So a hyphenated word ends its line in `-` (`ra-` / `kenduste`), the way LibreOffice's
//!   PDFs have it, and the importer joins it;
//! * lines that follow each other downwards form a block (a paragraph, or a table cell). When
//!   the text jumps back up to the first baseline of the block, to its right, the next cell
//!   of a table row starts. If the block is a label wrapped onto several short lines (at most
//!   80 characters in all, no bullet, no hyphenated line end), its lines are joined into one,
//!   and the next cell's first line continues it unless it starts with a bullet: the shape
//!   the DOCX and ODT readers give such a row (`Teenistuskoha eesmärk Ametikoha eesmärk on …`
//!   where typst wraps the label in its narrow column). Other jumps up start a new line,
//!   after a blank one if the jump is more than one and a half lines;
//! * trailing white space is dropped from every line.
//!
//! This replaces `pdf-extract`'s own `PlainTextOutput`, which only looks at the first glyph of
//! each string drawn, starts a new line only when the text moves left as well as down (so the
//! first line of the next table cell, drawn to the right, was glued to the end of the last
//! cell) and puts a space at the start of such lines.

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// A baseline further than this many font sizes away starts a new line.
const NEW_LINE: f64 = 0.5;
/// A baseline further than this many font sizes away leaves a blank line.
const BLANK_LINE: f64 = 1.5;
/// A gap wider than this many font sizes between two glyphs is a space.
const WORD_GAP: f64 = 0.1;
/// Text jumping back by more than this many font sizes is separated by a space.
const BACKWARD_JUMP: f64 = 1.0;
/// Two writing directions whose cosine is below this are different directions.
const SAME_DIRECTION: f64 = 0.99;
/// Longest cell (in characters, its lines joined) that is still a label to join with the
/// cell beside it; the DOCX and ODT readers use the same limit.
const MAX_LABEL_CHARS: usize = 80;

/// A point on a baseline with the writing direction and font size there.
#[derive(Debug, Clone, Copy)]
struct Pen {
    /// The point, in device space.
    x: f64,
    y: f64,
    /// The unit vector of the writing direction.
    dx: f64,
    dy: f64,
    /// The font size in device space.
    size: f64,
}

impl Pen {
    /// Where `self` lies from `from`, in `self`'s writing direction: the distance along the
    /// baseline and across it (positive is up, against the flow of lines).
    fn offset_from(&self, from: &Pen) -> (f64, f64) {
        let (ox, oy) = (self.x - from.x, self.y - from.y);
        (ox * self.dx + oy * self.dy, oy * self.dx - ox * self.dy)
    }
}

/// A run of lines, each directly below the one before: a paragraph, or a table cell.
#[derive(Debug, Clone, Copy)]
struct Block {
    /// Index of its first line in `LineText::lines` (the current line if it has no other).
    first_line: usize,
    /// The start of its first glyph.
    start: Pen,
}

/// The text of one page; see the module docs.
#[derive(Debug, Default)]
pub(crate) struct LineText {
    lines: Vec<String>,
    current: String,
    /// Where the previous glyph ended.
    pen: Option<Pen>,
    block: Option<Block>,
}

impl LineText {
    /// The page's text: lines separated by `\n`, without a final line end.
    pub(crate) fn finish(mut self) -> String {
        self.end_line();
        self.lines.join("\n")
    }

    fn end_line(&mut self) {
        let mut line = std::mem::take(&mut self.current);
        let trimmed = line.trim_end().len();
        line.truncate(trimmed);
        self.lines.push(line);
    }

    /// Line break or space before a glyph that starts at `start`, given where the previous
    /// glyph ended.
    fn separate(&mut self, start: &Pen, text: &str) {
        let Some(last) = self.pen else {
            self.block = Some(Block {
                first_line: self.lines.len(),
                start: *start,
            });
            return;
        };
        let size = start.size.max(last.size);
        let (along, across) = start.offset_from(&last);
        let turned = start.dx * last.dx + start.dy * last.dy < SAME_DIRECTION;
        if !(along.is_finite() && across.is_finite() && size.is_finite()) {
            return;
        }
        if turned || across.abs() > NEW_LINE * size {
            let upward = across > 0.0;
            if !turned && upward && self.next_cell_of_label(start) {
                self.join_label();
                if text.starts_with(is_bullet) {
                    // A list beside a label starts on a line of its own, as in DOCX.
                    self.end_line();
                    self.block = Some(Block {
                        first_line: self.lines.len(),
                        start: *start,
                    });
                } else {
                    self.current.push(' ');
                }
                return;
            }
            self.end_line();
            let gap = across.abs() > BLANK_LINE * size;
            if gap {
                self.lines.push(String::new());
            }
            if turned || upward || gap {
                self.block = Some(Block {
                    first_line: self.lines.len(),
                    start: *start,
                });
            }
            return;
        }
        let spaced = self.current.is_empty()
            || self.current.ends_with(char::is_whitespace)
            || text.starts_with(char::is_whitespace);
        if !spaced && (along > WORD_GAP * size || along < -BACKWARD_JUMP * size) {
            self.current.push(' ');
        }
    }

    /// True if a glyph at `start` begins a table cell to the right of the current block, on
    /// its first baseline, and the block is a label wrapped onto several short lines.
    fn next_cell_of_label(&self, start: &Pen) -> bool {
        let Some(block) = self.block else {
            return false;
        };
        let (along, across) = start.offset_from(&block.start);
        let size = start.size.max(block.start.size);
        let earlier = self.lines.len().saturating_sub(block.first_line);
        // Each line of a label has a character and a space: no need to look at more.
        if across.abs() > NEW_LINE * size
            || along <= size
            || earlier == 0
            || earlier > MAX_LABEL_CHARS / 2
        {
            return false;
        }
        let mut chars = 0;
        for line in self.lines[block.first_line..]
            .iter()
            .chain(std::iter::once(&self.current))
        {
            let line = line.trim();
            chars += line.chars().count() + 1;
            if line.is_empty()
                || chars > MAX_LABEL_CHARS + 1
                || line.ends_with('-')
                || line.starts_with(is_bullet)
            {
                return false;
            }
        }
        true
    }

    /// Joins the lines of the current block (a wrapped label) into the current line.
    fn join_label(&mut self) {
        let Some(block) = self.block else {
            return;
        };
        let mut parts: Vec<String> = self.lines.drain(block.first_line..).collect();
        parts.push(std::mem::take(&mut self.current));
        let joined: Vec<&str> = parts.iter().map(|part| part.trim()).collect();
        self.current = joined.join(" ");
    }
}

/// Characters that documents draw as list bullets (Symbol and Wingdings fonts map theirs to
/// the private-use area).
fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '▪'
            | '◦'
            | '●'
            | '■'
            | '□'
            | '○'
            | '►'
            | '▸'
            | '➢'
            | '➤'
            | '✓'
            | '✔'
            | '◆'
            | '❖'
            | '‣'
            | '⁃'
            | '\u{f000}'..='\u{f0ff}'
    )
}

impl OutputDev for LineText {
    fn begin_page(
        &mut self,
        _page_num: u32,
        _media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        // The first row of the text rendering matrix is the writing direction (scaled);
        // its determinant the area scale of the glyph.
        let length = trm.m11.hypot(trm.m12);
        let (dx, dy) = if length > 0.0 && length.is_finite() {
            (trm.m11 / length, trm.m12 / length)
        } else {
            (1.0, 0.0)
        };
        let size = font_size.abs() * (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt();
        let start = Pen {
            x: trm.m31,
            y: trm.m32,
            dx,
            dy,
            size,
        };
        self.separate(&start, text);
        // A drawn soft hyphen is a visible hyphen (see the module docs).
        self.current
            .extend(text.chars().map(|c| if c == '\u{ad}' { '-' } else { c }));
        // The reader moves on by (w0 × font size + spacing) along the direction.
        let advance = (width * font_size + spacing) * length;
        self.pen = Some(Pen {
            x: start.x + advance * dx,
            y: start.y + advance * dy,
            ..start
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pdf_extract::Transform;

    /// Draws `text` glyph by glyph from (x, y) with a 10 pt font, each glyph 0.5 em wide.
    fn draw(out: &mut LineText, x: f64, y: f64, text: &str) {
        let mut x = x;
        for c in text.chars() {
            let trm = Transform::row_major(1.0, 0.0, 0.0, 1.0, x, y);
            out.output_character(&trm, 0.5, 0.0, 10.0, &c.to_string())
                .expect("draw");
            x += 5.0;
        }
    }

    #[test]
    fn baselines_make_lines_and_gaps_make_blank_lines() {
        let mut out = LineText::default();
        draw(&mut out, 300.0, 780.0, "KINNITATUD");
        draw(&mut out, 300.0, 768.0, "Lisa 1");
        draw(&mut out, 70.0, 700.0, "AMETIJUHEND");
        assert_eq!(out.finish(), "KINNITATUD\nLisa 1\n\nAMETIJUHEND");
    }

    #[test]
    fn the_next_cell_up_and_to_the_right_is_a_line_of_its_own() {
        let mut out = LineText::default();
        draw(&mut out, 70.0, 500.0, "tehni\u{ad}");
        draw(&mut out, 70.0, 488.0, "liste probleemide");
        draw(&mut out, 70.0, 476.0, "lahendamise.");
        // One line up (1.2 font sizes): a line break; two lines up: a blank line as well.
        draw(&mut out, 300.0, 488.0, "• Tehnilised");
        draw(&mut out, 70.0, 476.0, "x");
        draw(&mut out, 300.0, 500.0, "• Tehnilised probleemid");
        assert_eq!(
            out.finish(),
            "tehni-\nliste probleemide\nlahendamise.\n• Tehnilised\nx\n\n• Tehnilised probleemid"
        );
    }

    #[test]
    fn a_wrapped_label_is_joined_with_the_cell_beside_it() {
        let mut out = LineText::default();
        draw(&mut out, 70.0, 600.0, "Teenistuskoha");
        draw(&mut out, 70.0, 588.0, "eesmärk");
        draw(&mut out, 200.0, 600.0, "Ametikoha eesmärk on toi\u{ad}");
        draw(&mut out, 200.0, 588.0, "mimise tagamine.");
        // A label beside a list: joined, the list on lines of its own.
        draw(&mut out, 70.0, 560.0, "Tööks vajalikud");
        draw(&mut out, 70.0, 548.0, "kompetentsid");
        draw(&mut out, 200.0, 560.0, "• Kliendikesksus");
        draw(&mut out, 200.0, 548.0, "• Koostöövõime");
        // A long cell (a task) is not a label: the results follow on their own lines.
        draw(
            &mut out,
            70.0,
            500.0,
            "2.1. Tunneb teenuse protsesside ja rakendus(t)e",
        );
        draw(
            &mut out,
            70.0,
            488.0,
            "funktsionaalsust, äriloogikat ja ärireegleid ning",
        );
        draw(
            &mut out,
            300.0,
            500.0,
            "Tagatud on teenuse sujuv toimimine.",
        );
        assert_eq!(
            out.finish(),
            "Teenistuskoha eesmärk Ametikoha eesmärk on toi-\n\
             mimise tagamine.\n\n\
             Tööks vajalikud kompetentsid\n\
             • Kliendikesksus\n\
             • Koostöövõime\n\n\
             2.1. Tunneb teenuse protsesside ja rakendus(t)e\n\
             funktsionaalsust, äriloogikat ja ärireegleid ning\n\
             Tagatud on teenuse sujuv toimimine."
        );
    }

    #[test]
    fn a_soft_hyphen_inside_a_line_is_a_hyphen() {
        let mut out = LineText::default();
        draw(&mut out, 70.0, 600.0, "nõustavat\u{ad}konsulteerivat");
        assert_eq!(out.finish(), "nõustavat-konsulteerivat");
    }

    #[test]
    fn gaps_are_spaces_and_kerning_is_not() {
        let mut out = LineText::default();
        draw(&mut out, 70.0, 500.0, "Maret");
        // A word gap (a third of an em) without a space glyph, then kerning (-0.05 em).
        draw(&mut out, 98.3, 500.0, "Mari");
        draw(&mut out, 117.8, 500.0, "puu ");
        // A column further right on the same baseline, then text drawn back to the left.
        draw(&mut out, 400.0, 500.0, "Peadirektor");
        draw(&mut out, 70.0, 500.5, "x");
        assert_eq!(out.finish(), "Maret Maripuu Peadirektor x");
    }

    #[test]
    fn rotated_text_reads_along_its_direction() {
        let mut out = LineText::default();
        // Upwards text (90°): the glyphs advance in y.
        for (i, c) in "Lk 1".chars().enumerate() {
            let trm = Transform::row_major(0.0, 1.0, -1.0, 0.0, 20.0, 100.0 + 5.0 * i as f64);
            out.output_character(&trm, 0.5, 0.0, 10.0, &c.to_string())
                .expect("draw");
        }
        // Back to horizontal: a new line.
        draw(&mut out, 20.0, 120.0, "x");
        assert_eq!(out.finish(), "Lk 1\nx");
    }

    #[test]
    fn degenerate_matrices_do_not_break_or_panic() {
        let mut out = LineText::default();
        let zero = Transform::row_major(0.0, 0.0, 0.0, 0.0, f64::NAN, 0.0);
        out.output_character(&zero, 0.5, 0.0, 10.0, "a")
            .expect("draw");
        out.output_character(&zero, f64::INFINITY, 0.0, 0.0, "b")
            .expect("draw");
        assert_eq!(out.finish(), "ab");
    }
}
