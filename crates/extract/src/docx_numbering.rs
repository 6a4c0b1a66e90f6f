//! DOCX list numbering: `word/numbering.xml` definitions, numbering linked to paragraph
//! styles in `word/styles.xml`, and the counters that render "2.1.", "a)", "•" prefixes.
//!
//! The rendering follows Word closely enough for job descriptions: counters per abstract
//! list (per `w:num` when it overrides the start value), deeper levels restart when a
//! higher level advances, `%1`…`%9` in `w:lvlText` are replaced by the counters in their
//! level's format, every bullet becomes "•", and the suffix (tab, space) becomes a space.

use std::collections::HashMap;

use crate::xml::{Sink, Tag};

/// Levels a list can have in WordprocessingML.
const LEVELS: usize = 9;

/// Deepest `w:basedOn` chain followed when looking up a style's numbering.
const MAX_STYLE_DEPTH: usize = 32;

/// One level of a list definition.
#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    num_fmt: String,
    lvl_text: String,
    suffix: String,
}

/// A `w:num`: which abstract list it uses and what it overrides.
#[derive(Debug, Clone, Default)]
struct Num {
    abstract_id: String,
    start_overrides: HashMap<usize, u32>,
    level_overrides: HashMap<usize, Level>,
}

/// Whose counters a paragraph advances.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum CounterKey {
    Abstract(String),
    Num(String),
}

#[derive(Debug, Clone, Default)]
struct Counters {
    values: [u32; LEVELS],
    started: [bool; LEVELS],
}

/// A paragraph's list membership: `w:numId` and `w:ilvl`, either possibly missing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct NumPr {
    pub(crate) num_id: Option<String>,
    pub(crate) ilvl: Option<usize>,
}

/// List definitions and counters of one document.
#[derive(Debug, Default)]
pub(crate) struct Numbering {
    abstracts: HashMap<String, HashMap<usize, Level>>,
    nums: HashMap<String, Num>,
    /// styleId → (basedOn, own numPr).
    styles: HashMap<String, (Option<String>, NumPr)>,
    counters: HashMap<CounterKey, Counters>,
}

impl Numbering {
    /// The numbering of a paragraph with direct `numPr` and paragraph style `style`.
    pub(crate) fn resolve(&self, direct: &NumPr, style: Option<&str>) -> Option<(String, usize)> {
        let from_style = style.map(|s| self.style_num_pr(s)).unwrap_or_default();
        let num_id = direct.num_id.clone().or(from_style.num_id)?;
        let ilvl = direct.ilvl.or(from_style.ilvl).unwrap_or(0);
        Some((num_id, ilvl))
    }

    fn style_num_pr(&self, style: &str) -> NumPr {
        let mut result = NumPr::default();
        let mut current = Some(style.to_owned());
        for _ in 0..MAX_STYLE_DEPTH {
            let Some(id) = current else { break };
            let Some((based_on, num_pr)) = self.styles.get(&id) else {
                break;
            };
            if result.num_id.is_none() {
                result.num_id.clone_from(&num_pr.num_id);
            }
            if result.ilvl.is_none() {
                result.ilvl = num_pr.ilvl;
            }
            current = based_on.clone();
        }
        result
    }

    /// Advances the counters for a paragraph of list `num_id` at level `ilvl` and returns
    /// its rendered prefix ("2.1. ", "• "), or `None` if it has none.
    pub(crate) fn next_prefix(&mut self, num_id: &str, ilvl: usize) -> Option<String> {
        if num_id == "0" || ilvl >= LEVELS {
            return None;
        }
        let num = self.nums.get(num_id)?;
        let levels = self.abstracts.get(&num.abstract_id);
        let level_of = |i: usize| -> Option<Level> {
            let mut level = num
                .level_overrides
                .get(&i)
                .or_else(|| levels.and_then(|l| l.get(&i)))
                .cloned()?;
            if let Some(start) = num.start_overrides.get(&i) {
                level.start = *start;
            }
            Some(level)
        };
        let this = level_of(ilvl)?;
        let key = if num.start_overrides.is_empty() && num.level_overrides.is_empty() {
            CounterKey::Abstract(num.abstract_id.clone())
        } else {
            CounterKey::Num(num_id.to_owned())
        };
        let all_levels: Vec<Option<Level>> = (0..LEVELS).map(level_of).collect();
        let counters = self.counters.entry(key).or_default();
        counters.values[ilvl] = if counters.started[ilvl] {
            counters.values[ilvl].saturating_add(1)
        } else {
            this.start
        };
        counters.started[ilvl] = true;
        for deeper in ilvl + 1..LEVELS {
            counters.started[deeper] = false;
        }
        let text = if this.num_fmt == "bullet" {
            "•".to_owned()
        } else {
            render_lvl_text(&this.lvl_text, |k| {
                let level = all_levels.get(k).cloned().flatten().unwrap_or_default();
                let value = if counters.started[k] {
                    counters.values[k]
                } else {
                    level.start
                };
                format_number(value, &level.num_fmt)
            })
        };
        if text.trim().is_empty() {
            return None;
        }
        let suffix = if this.suffix == "nothing" { "" } else { " " };
        Some(format!("{text}{suffix}"))
    }
}

/// Replaces `%1`…`%9` in `lvl_text` by `counter(level index)`.
fn render_lvl_text(lvl_text: &str, counter: impl Fn(usize) -> String) -> String {
    let mut out = String::new();
    let mut chars = lvl_text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '%'
            && let Some(d) = chars.peek().and_then(|d| d.to_digit(10))
            && (1..=9).contains(&d)
        {
            chars.next();
            out.push_str(&counter(d as usize - 1));
        } else {
            out.push(c);
        }
    }
    out
}

/// Formats a counter value in a `w:numFmt`.
fn format_number(value: u32, num_fmt: &str) -> String {
    match num_fmt {
        "lowerLetter" => letters(value, b'a'),
        "upperLetter" => letters(value, b'A'),
        "lowerRoman" => roman(value).to_lowercase(),
        "upperRoman" => roman(value),
        "decimalZero" => format!("{value:02}"),
        "none" => String::new(),
        "bullet" => "•".to_owned(),
        _ => value.to_string(),
    }
}

/// a, b, …, z, aa, bb, … (Word's letter numbering).
pub(crate) fn letters(value: u32, base: u8) -> String {
    if value == 0 {
        return String::new();
    }
    let index = (value - 1) % 26;
    let repeat = ((value - 1) / 26 + 1).min(100) as usize;
    let letter = char::from(base + index as u8);
    std::iter::repeat_n(letter, repeat).collect()
}

pub(crate) fn roman(mut value: u32) -> String {
    if value == 0 || value > 3999 {
        return value.to_string();
    }
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (n, s) in TABLE {
        while value >= n {
            out.push_str(s);
            value -= n;
        }
    }
    out
}

/// Collects definitions from `numbering.xml` into a [`Numbering`].
pub(crate) struct NumberingSink<'a> {
    numbering: &'a mut Numbering,
    abstract_id: Option<String>,
    num_id: Option<String>,
    /// Level being read: its index, and whether it is an override inside a `w:num`.
    level: Option<(usize, Level)>,
    override_ilvl: Option<usize>,
}

impl<'a> NumberingSink<'a> {
    pub(crate) fn new(numbering: &'a mut Numbering) -> Self {
        NumberingSink {
            numbering,
            abstract_id: None,
            num_id: None,
            level: None,
            override_ilvl: None,
        }
    }
}

impl Sink for NumberingSink<'_> {
    fn start(&mut self, tag: &Tag<'_>) {
        if tag.is_w("abstractNum") {
            self.abstract_id = tag.attr("abstractNumId");
        } else if tag.is_w("num") {
            self.num_id = tag.attr("numId");
            if let Some(id) = &self.num_id {
                self.numbering.nums.insert(id.clone(), Num::default());
            }
        } else if tag.is_w("abstractNumId") {
            if let (Some(id), Some(value)) = (&self.num_id, tag.attr("val"))
                && let Some(num) = self.numbering.nums.get_mut(id)
            {
                num.abstract_id = value;
            }
        } else if tag.is_w("lvlOverride") {
            self.override_ilvl = tag.attr("ilvl").and_then(|v| v.parse().ok());
        } else if tag.is_w("startOverride") {
            if let (Some(id), Some(ilvl), Some(start)) = (
                &self.num_id,
                self.override_ilvl,
                tag.attr("val").and_then(|v| v.parse().ok()),
            ) && let Some(num) = self.numbering.nums.get_mut(id)
            {
                num.start_overrides.insert(ilvl, start);
            }
        } else if tag.is_w("lvl") {
            let ilvl = tag.attr("ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
            let level = Level {
                start: 1,
                num_fmt: "decimal".to_owned(),
                lvl_text: String::new(),
                suffix: "tab".to_owned(),
            };
            self.level = Some((ilvl, level));
        } else if let Some((_, level)) = &mut self.level {
            let value = tag.attr("val");
            match (
                tag.is_w("start"),
                tag.is_w("numFmt"),
                tag.is_w("lvlText"),
                tag.is_w("suff"),
            ) {
                (true, ..) => level.start = value.and_then(|v| v.parse().ok()).unwrap_or(1),
                (_, true, ..) => level.num_fmt = value.unwrap_or_default(),
                (_, _, true, _) => level.lvl_text = value.unwrap_or_default(),
                (.., true) => level.suffix = value.unwrap_or_default(),
                _ => {}
            }
        }
    }

    fn end(&mut self, ns: &str, local: &str) {
        let is_w = ns == crate::xml::NS_W || ns == crate::xml::NS_W_STRICT;
        if !is_w {
            return;
        }
        match local {
            "lvl" => {
                let Some((ilvl, level)) = self.level.take() else {
                    return;
                };
                if let (Some(id), Some(_)) = (&self.num_id, self.override_ilvl) {
                    if let Some(num) = self.numbering.nums.get_mut(id) {
                        num.level_overrides.insert(ilvl, level);
                    }
                } else if let Some(id) = &self.abstract_id {
                    self.numbering
                        .abstracts
                        .entry(id.clone())
                        .or_default()
                        .insert(ilvl, level);
                }
            }
            "abstractNum" => self.abstract_id = None,
            "num" => self.num_id = None,
            "lvlOverride" => self.override_ilvl = None,
            _ => {}
        }
    }

    fn text(&mut self, _text: &str) {}
}

/// Collects paragraph styles' numbering from `styles.xml` into a [`Numbering`].
pub(crate) struct StylesSink<'a> {
    numbering: &'a mut Numbering,
    style: Option<(String, Option<String>, NumPr)>,
}

impl<'a> StylesSink<'a> {
    pub(crate) fn new(numbering: &'a mut Numbering) -> Self {
        StylesSink {
            numbering,
            style: None,
        }
    }
}

impl Sink for StylesSink<'_> {
    fn start(&mut self, tag: &Tag<'_>) {
        if tag.is_w("style") {
            self.style = tag.attr("styleId").map(|id| (id, None, NumPr::default()));
        } else if let Some((_, based_on, num_pr)) = &mut self.style {
            if tag.is_w("basedOn") {
                *based_on = tag.attr("val");
            } else if tag.is_w("numId") {
                num_pr.num_id = tag.attr("val");
            } else if tag.is_w("ilvl") {
                num_pr.ilvl = tag.attr("val").and_then(|v| v.parse().ok());
            }
        }
    }

    fn end(&mut self, ns: &str, local: &str) {
        if (ns == crate::xml::NS_W || ns == crate::xml::NS_W_STRICT)
            && local == "style"
            && let Some((id, based_on, num_pr)) = self.style.take()
        {
            self.numbering.styles.insert(id, (based_on, num_pr));
        }
    }

    fn text(&mut self, _text: &str) {}
}
