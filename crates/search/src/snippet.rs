//! Choosing the section a hit links to and cutting its snippet: the words that match the query
//! (by stem, by compound part, or as part of a quoted phrase) are wrapped in `<mark>…</mark>`,
//! everything else is HTML-escaped.

use crate::analyzer::{analyze_word, is_indexable, words};
use crate::document::{Section, Zone};
use crate::lexicon::shared_prefix_chars;
use std::collections::{HashMap, HashSet};

/// Snippets longer than this (in characters) are cut around the first match.
const SNIPPET_CHARS: usize = 220;
/// Characters of context kept before the first match when cutting.
const LEAD_CHARS: usize = 60;

/// The query's terms, as the highlighter needs them.
#[derive(Debug, Default, Clone)]
pub struct Highlighter {
    /// Stems of the query's words (and of its phrases' words).
    pub stems: HashSet<String>,
    /// Phrases: (position offset within the phrase, stem).
    pub phrases: Vec<Vec<(usize, String)>>,
}

/// A section chosen for a hit, with the byte ranges to mark.
#[derive(Debug, Clone)]
pub struct Chosen {
    pub index: usize,
    pub marks: Vec<(usize, usize)>,
}

impl Highlighter {
    pub fn is_empty(&self) -> bool {
        self.stems.is_empty() && self.phrases.is_empty()
    }

    /// Substrings one of which a text must contain to possibly match: the letters every form
    /// of a dictionary form begins with (from the lexicon); for a fallback stem, the stem
    /// except for its last letter, which the fold may have changed.
    fn needles(&self) -> Vec<String> {
        self.stems
            .iter()
            .chain(self.phrases.iter().flatten().map(|(_, s)| s))
            .map(|s| {
                let n = s.chars().count();
                let keep = match shared_prefix_chars(s) {
                    Some(k) => k.clamp(1, n),
                    None if n <= 3 => n,
                    None => n - 1,
                };
                s.chars().take(keep).collect()
            })
            .collect()
    }

    /// Picks the best matching section (title and purpose weigh more) and its marks.
    pub fn choose(&self, sections: &[Section]) -> Option<Chosen> {
        if self.is_empty() {
            return None;
        }
        let needles = self.needles();
        let mut memo: HashMap<String, (Vec<String>, Vec<String>)> = HashMap::new();
        let mut best: Option<(f32, Chosen)> = None;
        for (index, section) in sections.iter().enumerate() {
            let lower = section.text.to_lowercase();
            if !needles.iter().any(|n| lower.contains(n.as_str())) {
                continue;
            }
            let (score, marks) = self.score(&section.text, &needles, &mut memo);
            if marks.is_empty() {
                continue;
            }
            let weight = match section.zone() {
                Zone::Title => 3.0,
                Zone::Purpose => 2.0,
                Zone::Body => 1.0,
            };
            let total = score * weight;
            if best.as_ref().is_none_or(|(b, _)| total > *b) {
                best = Some((total, Chosen { index, marks }));
            }
        }
        best.map(|(_, c)| c)
    }

    fn score(
        &self,
        text: &str,
        needles: &[String],
        memo: &mut HashMap<String, (Vec<String>, Vec<String>)>,
    ) -> (f32, Vec<(usize, usize)>) {
        let ws = words(text);
        let mut marks = Vec::new();
        let mut full: HashSet<&str> = HashSet::new();
        let mut partial: HashSet<String> = HashSet::new();
        let mut by_position: HashMap<usize, (Vec<String>, usize, usize)> = HashMap::new();
        for w in &ws {
            if !is_indexable(&w.text) {
                continue;
            }
            if !needles.iter().any(|n| w.text.contains(n.as_str())) {
                continue;
            }
            let (st, parts) = memo.entry(w.text.clone()).or_insert_with(|| {
                let a = analyze_word(&w.text);
                (a.text, a.parts)
            });
            by_position.insert(w.position, (st.clone(), w.from, w.to));
            if let Some(s) = st.iter().find_map(|t| self.stems.get(t.as_str())) {
                full.insert(s.as_str());
                marks.push((w.from, w.to));
            } else if let Some(p) = parts.iter().find(|p| self.stems.contains(p.as_str())) {
                partial.insert(p.clone());
                marks.push((w.from, w.to));
            }
        }
        let mut phrase_hits = 0.0;
        for phrase in &self.phrases {
            let mut found = false;
            for w in &ws {
                let matches_at = |start: usize| {
                    phrase.iter().all(|(off, s)| {
                        by_position
                            .get(&(start + off))
                            .is_some_and(|(st, _, _)| st.contains(s))
                    })
                };
                if matches_at(w.position) {
                    found = true;
                    for (off, _) in phrase {
                        if let Some((_, from, to)) = by_position.get(&(w.position + off)) {
                            marks.push((*from, *to));
                        }
                    }
                }
            }
            if found {
                phrase_hits += 2.0;
            }
        }
        partial.retain(|p| !full.contains(p.as_str()));
        let score = full.len() as f32 + 0.5 * partial.len() as f32 + phrase_hits;
        marks.sort();
        marks.dedup();
        (score, marks)
    }
}

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

/// The snippet of `text`: cut to about [`SNIPPET_CHARS`] around the first mark, escaped, with
/// the marked ranges (byte offsets, sorted) in `<mark>`. Marks separated by white space only
/// are joined, so a phrase is marked as one.
pub fn snippet_html(text: &str, marks: &[(usize, usize)]) -> String {
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for &(from, to) in marks {
        match merged.last_mut() {
            Some(last) if text[last.1..from.max(last.1)].trim().is_empty() && from >= last.1 => {
                last.1 = to
            }
            _ => merged.push((from, to)),
        }
    }
    let (start, end) = window(text, merged.first().map(|m| m.0));
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let mut at = start;
    for &(from, to) in &merged {
        if from < at || to > end {
            continue;
        }
        escape_html(&text[at..from], &mut out);
        out.push_str("<mark>");
        escape_html(&text[from..to], &mut out);
        out.push_str("</mark>");
        at = to;
    }
    escape_html(&text[at..end], &mut out);
    if end < text.len() {
        out.push('…');
    }
    out
}

/// The byte range of the snippet: the whole text when short, else a window starting a little
/// before `focus` at a word boundary.
fn window(text: &str, focus: Option<usize>) -> (usize, usize) {
    if text.chars().count() <= SNIPPET_CHARS {
        return (0, text.len());
    }
    let focus = focus.unwrap_or(0);
    let lead_start = text[..focus]
        .char_indices()
        .rev()
        .nth(LEAD_CHARS)
        .map_or(0, |(i, _)| i);
    // Start after a white space so no word is cut.
    let start = if lead_start == 0 {
        0
    } else {
        text[lead_start..focus]
            .find(char::is_whitespace)
            .map_or(focus, |i| lead_start + i + 1)
    };
    let limit = text[start..]
        .char_indices()
        .nth(SNIPPET_CHARS)
        .map_or(text.len(), |(i, _)| start + i);
    if limit >= text.len() {
        return (start, text.len());
    }
    let end = text[start..limit]
        .rfind(char::is_whitespace)
        .map_or(limit, |i| start + i);
    (start, end.max(focus.min(limit)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_escaped_around() {
        let text = "Annab <b>kasutajaõigusi</b> & haldab";
        let from = text.find("kasutajaõigusi").unwrap_or(0);
        let html = snippet_html(text, &[(from, from + "kasutajaõigusi".len())]);
        assert_eq!(
            html,
            "Annab &lt;b&gt;<mark>kasutajaõigusi</mark>&lt;/b&gt; &amp; haldab"
        );
    }

    #[test]
    fn long_text_is_cut_at_word_boundaries_around_the_match() {
        let text = format!("{} õigused {}", "sõna ".repeat(100), "teine ".repeat(100));
        let from = text.find("õigused").unwrap_or(0);
        let html = snippet_html(&text, &[(from, from + "õigused".len())]);
        assert!(html.starts_with('…') && html.ends_with('…'), "{html}");
        assert!(html.contains("<mark>õigused</mark>"));
        assert!(html.chars().count() < 260);
        assert!(
            html.starts_with("…sõna ") && html.ends_with("teine…"),
            "{html}"
        );
    }

    #[test]
    fn adjacent_marks_join() {
        let text = "teenuse juht ja juht";
        let html = snippet_html(text, &[(0, 7), (8, 12), (16, 20)]);
        assert_eq!(html, "<mark>teenuse juht</mark> ja <mark>juht</mark>");
    }
}
