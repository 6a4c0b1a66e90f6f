//! Line cleaning shared by every layout. Text extracted from DOCX/PDF/ODT carries artefacts:
//! bullets in the private-use area (U+F0B7, U+F0A7 …) or as "▪"/"•", bullets lost and left as a
//! leading space, two table columns flattened onto one line (a run of spaces between them),
//! form feeds and page numbers at page breaks, words hyphenated across lines. This module turns
//! the text into [`Line`]s that keep their original line numbers, and joins wrapped lines back
//! into paragraphs and list items.

/// One logical line of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// 1-based number of the line in the original text.
    pub no: usize,
    /// The text: bullet removed, white space collapsed, trimmed. Empty for a blank line.
    pub text: String,
    /// The parts that the original separated by two or more spaces or a tab (table columns).
    pub cells: Vec<String>,
    /// Started with a bullet character.
    pub bullet: bool,
    /// Started with white space (some extractions leave a space where a bullet was).
    pub indented: bool,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// True for characters that documents use as list bullets.
pub fn is_bullet_char(c: char) -> bool {
    matches!(c as u32, 0xF000..=0xF0FF)
        || matches!(
            c,
            '▪' | '•'
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
                | '·'
                | '‣'
                | '⁃'
        )
}

/// Cleans a physical line: odd spaces become spaces, invisible characters and ligatures go.
fn clean_chars(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{2009}' | '\u{2002}' | '\u{2003}' => {
                out.push(' ')
            }
            '\t' => out.push_str("  "),
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\u{ad}' => {}
            '\u{fb01}' => out.push_str("fi"),
            '\u{fb02}' => out.push_str("fl"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Collapses white space and trims.
pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A line that is only a page number ("Lk 2/5", "Leht 2 (5)", "2 (5)", "- 2 -", "Page 2 of 5").
fn is_page_number(t: &str) -> bool {
    let lower = t.to_lowercase();
    let rest = ["lk.", "lk", "leht", "lehekülg", "page"]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
        .unwrap_or(&lower)
        .trim();
    if rest.is_empty() || rest.len() > 14 {
        return false;
    }
    let has_digit = rest.chars().any(|c| c.is_ascii_digit());
    let only = rest.split_whitespace().all(|w| {
        w == "of" || w == "/" || w.chars().all(|c| c.is_ascii_digit() || "/()-–".contains(c))
    });
    has_digit
        && only
        && (rest != lower
            || rest.contains('/')
            || rest.contains('(')
            || (rest.starts_with('-') && rest.ends_with('-')))
}

/// Splits a text into logical lines. A bullet in the middle of a line (two columns flattened
/// onto one line, "3.7 Duty.  ▪ Result.") starts a new logical line with the same number.
pub fn normalise(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut no = 0;
    for physical in text.split('\n') {
        no += 1;
        // A form feed is a page break: the text around it are separate lines.
        for (k, piece) in physical.split(['\x0c', '\r']).enumerate() {
            if k > 0 && piece.trim().is_empty() {
                continue;
            }
            push_line(&mut out, no, &clean_chars(piece));
        }
    }
    while out.last().is_some_and(Line::is_blank) {
        out.pop();
    }
    out
}

fn push_line(out: &mut Vec<Line>, no: usize, s: &str) {
    let indented = s.starts_with(' ');
    // Split at bullets that follow white space in the middle of the line.
    let mut parts: Vec<(bool, String)> = Vec::new();
    let mut cur = String::new();
    let mut cur_bullet = false;
    let mut prev_space = true;
    for c in s.chars() {
        if is_bullet_char(c) && prev_space {
            if !cur.trim().is_empty() || cur_bullet {
                parts.push((cur_bullet, std::mem::take(&mut cur)));
            } else {
                cur.clear();
            }
            cur_bullet = true;
            prev_space = true;
            continue;
        }
        prev_space = c == ' ';
        cur.push(c);
    }
    parts.push((cur_bullet, cur));
    for (i, (mut bullet, part)) in parts.into_iter().enumerate() {
        let mut body = part.as_str();
        let trimmed = body.trim_start();
        // "- text" and "– text" are bullets too; a lone "-" is a value ("no one"), and "- 350"
        // the end of a range that a wrap cut ("250" / "- 350").
        if !bullet
            && let Some(rest) = trimmed.strip_prefix(['-', '–'])
            && rest.starts_with(' ')
            && !rest.trim().is_empty()
            && !rest
                .trim()
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ';'))
        {
            bullet = true;
            body = rest;
        }
        let cells: Vec<String> = body
            .split("  ")
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(collapse)
            .collect();
        let mut text = collapse(body);
        if is_page_number(&text) {
            text.clear();
        }
        let line = Line {
            no,
            cells: if text.is_empty() { vec![] } else { cells },
            text,
            bullet,
            indented: i == 0 && indented && !bullet,
        };
        if i > 0 && line.is_blank() {
            continue;
        }
        out.push(line);
    }
}

/// True when `word` is a conjunction that may follow a hyphenated first part ("sotsiaal- ja").
fn is_conjunction(word: &str) -> bool {
    matches!(word, "ja" | "või" | "ning" | "ega" | "ehk" | "kui")
}

/// Appends `next` to a paragraph being built, undoing hyphenation across the line break
/// ("välja-" + "töötamises" → "väljatöötamises"; "IT-" + "arendus" keeps the hyphen).
pub fn append(acc: &mut String, next: &str) {
    let next = next.trim();
    if next.is_empty() {
        return;
    }
    if acc.is_empty() {
        acc.push_str(next);
        return;
    }
    let first_word = next.split_whitespace().next().unwrap_or("");
    let starts_lower = next.chars().next().is_some_and(char::is_lowercase);
    if acc.ends_with('-') && starts_lower && !is_conjunction(first_word) {
        let before: Vec<char> = acc.chars().rev().skip(1).take(2).collect();
        let glue = before.len() == 2 && before.iter().all(|c| c.is_lowercase());
        if glue {
            acc.pop();
            acc.push_str(next);
            return;
        }
        if before.first().is_some_and(|c| c.is_alphanumeric()) {
            // "IT-" + "arendused", "e-" + "post": the hyphen belongs to the word.
            acc.push_str(next);
            return;
        }
    }
    acc.push(' ');
    acc.push_str(next);
}

/// Joins wrapped lines into one paragraph.
pub fn join<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut acc = String::new();
    for p in parts {
        append(&mut acc, p);
    }
    acc
}

/// Joins the non-blank lines of a slice into one paragraph.
pub fn join_lines(lines: &[Line]) -> String {
    join(lines.iter().map(|l| l.text.as_str()))
}

/// True when a line cannot end where it does, so that the next line continues it (a wrap in
/// PDF text): it ends in a comma, a conjunction ("ja", "või", "ning" …), a word hyphenated at
/// the break ("sise-"), or leaves a bracket open.
pub fn is_open_ended(s: &str) -> bool {
    let t = s.trim_end();
    let last = t.split_whitespace().next_back().unwrap_or("");
    let hyphenated = t
        .strip_suffix(['-', '–'])
        .and_then(|r| r.chars().next_back())
        .is_some_and(char::is_alphabetic);
    t.ends_with(',')
        || hyphenated
        || is_conjunction(last)
        || matches!(last, "sh" | "kuni" | "ja/või")
        || t.matches('(').count() > t.matches(')').count()
}

/// True when `line` directly follows (no blank line between) the open-ended line `prev`: it is
/// the rest of a wrapped line, not a label, heading or numbered item of its own.
pub fn continues(prev: &Line, line: &Line) -> bool {
    !line.is_blank() && !line.bullet && !prev.is_blank() && is_open_ended(&prev.text)
}

/// [`continues`] for `lines[i]` and the line before it.
pub fn continues_previous(lines: &[Line], i: usize) -> bool {
    i > 0 && continues(&lines[i - 1], &lines[i])
}

/// Joins wrapped lines back together: a line that directly follows an open-ended line (see
/// [`is_open_ended`]) without a blank line, a bullet or an indent between is appended to it,
/// so that line-oriented readers see the line as written. The joined line keeps the first
/// line's number; its last cell takes in the next line's first cell.
pub fn join_wrapped(lines: &[Line]) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    for l in lines {
        let joins = !l.is_blank()
            && !l.bullet
            && !l.indented
            && out
                .last()
                .is_some_and(|p| !p.is_blank() && is_open_ended(&p.text));
        match out.last_mut() {
            Some(prev) if joins => {
                append(&mut prev.text, &l.text);
                let mut cells = l.cells.iter();
                match (prev.cells.last_mut(), cells.next()) {
                    (Some(last), Some(first)) => append(last, first),
                    (None, Some(first)) => prev.cells.push(first.clone()),
                    _ => {}
                }
                prev.cells.extend(cells.cloned());
            }
            _ => out.push(l.clone()),
        }
    }
    out
}

/// True when a text ends a sentence or a list item.
pub fn ends_item(s: &str) -> bool {
    s.trim_end().ends_with(['.', ';', '!', '?'])
}

/// A list item assembled from one or more lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub text: String,
    pub line: usize,
    pub bullet: bool,
}

/// Whether the lines mark items with a leading space instead of a bullet (a bullet lost in
/// extraction): true when no line has a bullet and some non-blank line is indented.
pub fn uses_soft_bullets(lines: &[Line]) -> bool {
    !lines.iter().any(|l| l.bullet) && lines.iter().any(|l| !l.is_blank() && l.indented)
}

/// Assembles list items. A bullet (or, with `soft`, an indented line) starts an item; other
/// lines continue the current item, except a line after a blank line when the current item
/// already ends a sentence and either the list has no bullets at all (paragraphs are items)
/// or the line starts in lower case (an item whose bullet was lost in extraction).
pub fn items(lines: &[Line], soft: bool) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::new();
    let mut after_blank = true;
    let any_marked = lines.iter().any(|l| l.bullet || (soft && l.indented));
    // (Sub-numbered lines count as marked items below but not here: a numbered list with
    // wrapped, unbulleted lines reads like paragraphs.)
    for l in lines {
        if l.is_blank() {
            after_blank = true;
            continue;
        }
        // A sub-numbered line ("4.1. saada infot;") is an item of its own; the number goes.
        let sub_numbered = if l.bullet {
            None
        } else {
            split_number(&l.text)
                .filter(|(n, r)| n.contains('.') && !r.is_empty())
                .map(|(_, r)| r)
        };
        let marked = l.bullet || (soft && l.indented) || sub_numbered.is_some();
        let text = sub_numbered.unwrap_or(&l.text);
        let continues = match out.last() {
            None => false,
            Some(last) => {
                // In a bulleted list a new sentence after a blank line continues the item; an
                // item whose bullet was lost starts in lower case, like its neighbours.
                let lower = l.text.starts_with(char::is_lowercase);
                !marked && !(after_blank && ends_item(&last.text) && (!any_marked || lower))
            }
        };
        if continues {
            if let Some(last) = out.last_mut() {
                append(&mut last.text, text);
            }
        } else {
            out.push(Item {
                text: text.to_string(),
                line: l.no,
                bullet: marked,
            });
        }
        after_blank = false;
    }
    out
}

/// Strips numbering such as "1.", "1.1", "3.12." or "2)" from the start of a text; returns the
/// number (without a trailing dot) and the rest.
pub fn split_number(s: &str) -> Option<(String, &str)> {
    let t = s.trim_start();
    let end = t
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.'))
        .map(|(i, _)| i)
        .unwrap_or(t.len());
    let num = &t[..end];
    if num.is_empty() || !num.starts_with(|c: char| c.is_ascii_digit()) || num.contains("..") {
        return None;
    }
    let rest = &t[end..];
    let rest = rest.strip_prefix(')').unwrap_or(rest);
    if !rest.is_empty() && !rest.starts_with(' ') {
        return None;
    }
    Some((num.trim_end_matches('.').to_string(), rest.trim_start()))
}

/// Letters of a text, lower-cased, everything else dropped: "(VEEBI)HALDUR" → "veebihaldur".
pub fn letters_key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect()
}

/// True when the letters of `s` are (almost) all upper case and there are at least three.
pub fn is_upper_heading(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    letters.len() >= 3 && upper * 10 >= letters.len() * 8
}

/// Finds `needle` (lower case) in `hay` case-insensitively at a word start; returns the byte
/// offset in `hay`.
pub fn find_word_ci(hay: &str, needle: &str) -> Option<usize> {
    let lower = hay.to_lowercase();
    if lower.len() != hay.len() {
        // Lower-casing changed byte lengths (rare letters): search char by char.
        return hay.char_indices().map(|(i, _)| i).find(|&i| {
            hay[i..].to_lowercase().starts_with(needle) && (i == 0 || !prev_is_alnum(hay, i))
        });
    }
    let mut from = 0;
    while let Some(p) = lower[from..].find(needle) {
        let at = from + p;
        if at == 0 || !prev_is_alnum(hay, at) {
            return Some(at);
        }
        from = at + needle.len().max(1);
        while !lower.is_char_boundary(from) {
            from += 1;
        }
    }
    None
}

fn prev_is_alnum(s: &str, i: usize) -> bool {
    s[..i]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bullets_and_columns() {
        let lines = normalise(
            " saada infot;\n\u{f0b7} teha tööd\n3.7 Duty.  ▪ Result one.\nA  B\n\x0cLk 2/5\n",
        );
        assert!(lines[0].indented && !lines[0].bullet);
        assert!(lines[1].bullet);
        assert_eq!(lines[1].text, "teha tööd");
        assert_eq!(lines[2].text, "3.7 Duty.");
        assert_eq!(lines[3].text, "Result one.");
        assert!(lines[3].bullet);
        assert_eq!(lines[3].no, 3);
        assert_eq!(lines[4].cells, vec!["A", "B"]);
        assert_eq!(lines.len(), 5, "{lines:?}");
        let range = normalise("vahemikku 250\n- 350\n- teha tööd\n");
        assert!(!range[1].bullet && range[1].text == "- 350");
        assert!(range[2].bullet && range[2].text == "teha tööd");
    }

    #[test]
    fn hyphenation_is_undone() {
        assert_eq!(
            join(["arengukavade välja-", "töötamises"]),
            "arengukavade väljatöötamises"
        );
        assert_eq!(join(["IT-", "arendused"]), "IT-arendused");
        assert_eq!(
            join(["sotsiaal-", "ja tervishoid"]),
            "sotsiaal- ja tervishoid"
        );
        assert_eq!(join(["Tööülesan-", "ded jagatud"]), "Tööülesanded jagatud");
    }

    #[test]
    fn items_continue_until_a_sentence_ends() {
        let lines = normalise(
            "\u{f0a7} saada infot\n\nstruktuuriüksustelt;\n\u{f0a7} osaleda jne.\n\nvastu võtta otsuseid",
        );
        let it = items(&lines, false);
        assert_eq!(it.len(), 3);
        assert_eq!(it[0].text, "saada infot struktuuriüksustelt;");
        assert_eq!(it[2].text, "vastu võtta otsuseid");
    }

    #[test]
    fn sub_numbered_lines_are_items() {
        let it = items(
            &normalise("4.1. saada infot;\n4.2. osaleda\nkoolitustel."),
            false,
        );
        let texts: Vec<&str> = it.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(texts, vec!["saada infot;", "osaleda koolitustel."]);
    }

    #[test]
    fn wrapped_lines_join_after_open_ends_only() {
        assert!(is_open_ended("Täiendavad kompetentsid, isikuomadused ja"));
        assert!(is_open_ended(
            "(allkirjastatud digitaalselt) (allkirjastatud"
        ));
        assert!(is_open_ended("nii sise-"));
        assert!(is_open_ended("töö korraldamisel kliendi,"));
        assert!(!is_open_ended("Alluvad -"));
        assert!(!is_open_ended("Valdab eesti keelt vähemalt tasemel C1."));
        assert!(!is_open_ended("Struktuuriüksus Arendusosakond"));
        let lines = normalise(
            "Täiendavad kompetentsid, isikuomadused ja\nteadmised\n▪ Korrektsus\nKeeleoskus, \n\nHaridus\n(a\nb)  c\n",
        );
        let joined = join_wrapped(&lines);
        let texts: Vec<&str> = joined.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Täiendavad kompetentsid, isikuomadused ja teadmised",
                "Korrektsus",
                "Keeleoskus,",
                "",
                "Haridus",
                "(a b) c"
            ]
        );
        assert_eq!(joined[0].no, 1);
        assert_eq!(joined[5].cells, vec!["(a b)", "c"]);
        assert!(continues_previous(&lines, 1) && !continues_previous(&lines, 2));
    }

    #[test]
    fn numbers_split() {
        assert_eq!(split_number("3.12. Teeb"), Some(("3.12".into(), "Teeb")));
        assert_eq!(split_number("1. ÜLDOSA"), Some(("1".into(), "ÜLDOSA")));
        assert_eq!(split_number("2-aastane"), None);
        assert_eq!(split_number("Teeb"), None);
        assert!(is_page_number("Lk 2/5") && is_page_number("2 (5)") && !is_page_number("2023"));
        assert!(is_page_number("- 2 -") && !is_page_number("- 350"));
    }
}
