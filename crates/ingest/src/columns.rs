//! Splitting the values of a flattened table row. A two- or three-column table of the general
//! part comes out of text extraction as one line of labels ("1.3 Vahetu juht 1.4 Kes asendab
//! 1.5 Keda asendab") and the values run together on the next line(s) ("Perehüvitiste
//! valdkonna juht Peakasutaja, teenuse juht Peakasutajat, teenuse juhti").
//!
//! A value starts with a capital letter, after a wide gap or a blank line, or is the "-" that
//! stands for "nobody". Among the possible splits the one that scores best is taken: strong
//! column gaps used, none ignored, no value starting after a comma or a conjunction, unit
//! names ending in a unit word (osakond, talitus, tiim …), the "substitutes for" column
//! mirroring the "substituted by" column. When two splits score alike the best is still taken
//! but a warning says the split is uncertain; when no split is possible, an error.

use crate::general::Field;
use crate::lines::{self, Line};
use crate::resolve;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    Start,
    Space,
    /// Two or more spaces or a tab: a column gap.
    Wide,
    LineBreak,
    /// A blank line before.
    Paragraph,
}

#[derive(Debug)]
struct Token<'a> {
    word: &'a str,
    gap: Gap,
    depth: i32,
}

fn tokens(lines: &[Line]) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut blank_before = false;
    let mut depth = 0i32;
    for l in lines {
        if l.is_blank() {
            blank_before = true;
            continue;
        }
        for (c, cell) in l.cells.iter().enumerate() {
            for (w, word) in cell.split_whitespace().enumerate() {
                let gap = match (out.is_empty(), c, w) {
                    (true, _, _) => Gap::Start,
                    (false, 0, 0) if blank_before => Gap::Paragraph,
                    (false, 0, 0) => Gap::LineBreak,
                    (false, _, 0) => Gap::Wide,
                    _ => Gap::Space,
                };
                out.push(Token { word, gap, depth });
                depth = (depth + word.matches('(').count() as i32
                    - word.matches(')').count() as i32)
                    .max(0);
            }
        }
        blank_before = false;
    }
    out
}

/// The result of a split: one value per field, and a warning when the split is uncertain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    pub values: Vec<String>,
    pub warning: Option<String>,
}

const UNIT_WORDS: &[&str] = &[
    "osakond",
    "talitus",
    "tiim",
    "meeskond",
    "valdkond",
    "keskus",
    "büroo",
    "teenistus",
    "amet",
    "üksus",
    "grupp",
    "regioon",
    "piirkond",
];

fn ends_with_unit_word(s: &str) -> bool {
    let last = s
        .split_whitespace()
        .last()
        .unwrap_or("")
        .trim_end_matches(['.', ',', ';'])
        .to_lowercase();
    UNIT_WORDS.iter().any(|w| last.ends_with(w))
}

fn is_dash(w: &str) -> bool {
    matches!(w, "-" | "–" | "—")
}

fn is_conjunction(w: &str) -> bool {
    matches!(w, "või" | "ja" | "ning" | "ehk" | "ja/või" | "sh")
}

/// Score of starting a value at token `k` (None when a value cannot start there).
fn boundary_score(toks: &[Token], k: usize) -> Option<i32> {
    let t = &toks[k];
    let prev = &toks[k - 1];
    if t.depth > 0 || is_conjunction(prev.word) {
        return None;
    }
    let first = t.word.chars().next()?;
    let dash = is_dash(t.word) || is_dash(prev.word);
    let strong = matches!(t.gap, Gap::Wide | Gap::Paragraph);
    if !(first.is_uppercase() || dash || strong || first == '{') {
        return None;
    }
    let mut s = 0;
    if first.is_uppercase() || first == '{' {
        s += 2;
    }
    if dash {
        s += 3;
    }
    s += match t.gap {
        Gap::Wide | Gap::Paragraph => 3,
        Gap::LineBreak => 1,
        _ => 0,
    };
    if prev.word.ends_with(',') || prev.word.ends_with(';') {
        s -= 4;
    }
    Some(s)
}

/// The text of a value: its words joined by spaces, except that a line break after a hyphen
/// joins the word as everywhere else in the importer ([`lines::append`]: "rehabilitat-" +
/// "siooni" → "rehabilitatsiooni", "IT-" + "arendus" keeps the hyphen).
fn segment_text(toks: &[Token]) -> String {
    let mut out = String::new();
    for t in toks {
        if t.gap == Gap::LineBreak {
            lines::append(&mut out, t.word);
        } else {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(t.word);
        }
    }
    out
}

/// How well the values fit their fields.
fn fit(fields: &[Field], values: &[String]) -> i32 {
    let mut s = 0;
    for (f, v) in fields.iter().zip(values) {
        let dash = is_dash(v.trim());
        match f {
            Field::Unit | Field::UnitPart => {
                if ends_with_unit_word(v) {
                    s += 3;
                }
                if dash {
                    s -= 5;
                }
            }
            Field::Title | Field::Supervisor => {
                if ends_with_unit_word(v) {
                    s -= 3;
                }
                if *f == Field::Title && dash {
                    s -= 5;
                }
                if v.contains(',') {
                    s -= 1;
                }
            }
            _ => {}
        }
    }
    // "Keda asendab" usually names the same positions as "Kes asendab", in another case.
    let by = fields.iter().position(|f| *f == Field::SubstitutedBy);
    let of = fields.iter().position(|f| *f == Field::SubstitutesFor);
    if let (Some(a), Some(b)) = (by, of) {
        let xs = crate::general::split_names(&values[a]);
        let ys = crate::general::split_names(&values[b]);
        if !xs.is_empty()
            && xs.len() == ys.len()
            && xs.iter().zip(&ys).all(|(x, y)| resolve::matches_name(y, x))
        {
            s += 3;
        }
    }
    s
}

/// Splits the value lines of a header row with `fields.len()` labels.
pub fn split(fields: &[Field], lines: &[Line]) -> Result<Split, String> {
    let n = fields.len();
    let toks = tokens(lines);
    if toks.is_empty() {
        return Err(format!("the row of {n} labels has no values below it"));
    }
    if n == 1 {
        return Ok(Split {
            values: vec![segment_text(&toks)],
            warning: None,
        });
    }
    let mut cands: Vec<(usize, i32)> = (1..toks.len())
        .filter_map(|k| boundary_score(&toks, k).map(|s| (k, s)))
        .collect();
    if cands.len() < n - 1 {
        return Err(format!(
            "could not split '{}' into {n} values (found {} possible column starts): the values were kept as unplaced text; \
             check the general part of the document",
            segment_text(&toks),
            cands.len() + 1
        ));
    }
    if cands.len() > 24 {
        cands.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        cands.truncate(24);
        cands.sort();
    }
    let strong: Vec<usize> = (1..toks.len())
        .filter(|&k| matches!(toks[k].gap, Gap::Wide | Gap::Paragraph) && toks[k].depth == 0)
        .collect();
    let mut best: Vec<(i32, Vec<usize>)> = Vec::new();
    let mut chosen = Vec::with_capacity(n - 1);
    combinations(&cands, n - 1, 0, &mut chosen, &mut |pick: &[(
        usize,
        i32,
    )]| {
        let mut cuts: Vec<usize> = vec![0];
        cuts.extend(pick.iter().map(|p| p.0));
        cuts.push(toks.len());
        let values: Vec<String> = cuts
            .windows(2)
            .map(|w| segment_text(&toks[w[0]..w[1]]))
            .collect();
        let mut score: i32 = pick.iter().map(|p| p.1).sum();
        score -= 2 * strong
            .iter()
            .filter(|k| !pick.iter().any(|p| p.0 == **k))
            .count() as i32;
        score += fit(fields, &values);
        best.push((score, cuts));
    });
    best.sort_by_key(|b| std::cmp::Reverse(b.0));
    let (top, cuts) = best.first().cloned().ok_or("no split")?;
    let values: Vec<String> = cuts
        .windows(2)
        .map(|w| segment_text(&toks[w[0]..w[1]]))
        .collect();
    let warning = match best.get(1) {
        Some((second, _)) if top - second < 2 => Some(format!(
            "the values of this row were split as {} but another split is about as likely: check them",
            values
                .iter()
                .map(|v| format!("'{v}'"))
                .collect::<Vec<_>>()
                .join(" | ")
        )),
        _ => None,
    };
    Ok(Split { values, warning })
}

fn combinations<F: FnMut(&[(usize, i32)])>(
    items: &[(usize, i32)],
    k: usize,
    start: usize,
    chosen: &mut Vec<(usize, i32)>,
    f: &mut F,
) {
    if chosen.len() == k {
        f(chosen);
        return;
    }
    for i in start..items.len() {
        if items.len() - i < k - chosen.len() {
            break;
        }
        chosen.push(items[i]);
        combinations(items, k, i + 1, chosen, f);
        chosen.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::normalise;

    fn run(fields: &[Field], text: &str) -> Split {
        split(fields, &normalise(text)).unwrap()
    }

    #[test]
    fn title_and_unit() {
        let s = run(
            &[Field::Title, Field::Unit],
            "Peakasutaja Hüvitiste osakonna perehüvitiste valdkonna tiim",
        );
        assert_eq!(
            s.values,
            vec![
                "Peakasutaja",
                "Hüvitiste osakonna perehüvitiste valdkonna tiim"
            ]
        );
        assert_eq!(s.warning, None);
    }

    #[test]
    fn supervisor_and_substitutes() {
        let f = [
            Field::Supervisor,
            Field::SubstitutedBy,
            Field::SubstitutesFor,
        ];
        let s = run(
            &f,
            "Perehüvitiste valdkonna juht Peakasutaja, teenuse juht Peakasutajat, teenuse juhti",
        );
        assert_eq!(
            s.values,
            vec![
                "Perehüvitiste valdkonna juht",
                "Peakasutaja, teenuse juht",
                "Peakasutajat, teenuse juhti"
            ]
        );
        let s = run(
            &f,
            "Peadirektor  Erihoolekande ja rehabilitatsiooni\ntalituse talitusejuhataja või\nabivahendite talituse\n\n-  ",
        );
        assert_eq!(s.values[0], "Peadirektor");
        assert_eq!(
            s.values[1],
            "Erihoolekande ja rehabilitatsiooni talituse talitusejuhataja või abivahendite talituse"
        );
        assert_eq!(s.values[2], "-");
    }

    #[test]
    fn words_hyphenated_at_line_ends_are_joined() {
        // A typst PDF of the 2023 template: the three columns flattened, the middle one
        // hyphenated at its line ends.
        let f = [
            Field::Supervisor,
            Field::SubstitutedBy,
            Field::SubstitutesFor,
        ];
        let s = run(
            &f,
            "Peadirektor Erihoolekande ja rehabilitat-\nsiooni talituse talitusejuhataja,\nabivahendite talituse talituseju-\nhataja, ekspertiisi talituse talitu-\nsejuhataja\n\n-\n",
        );
        assert_eq!(
            s.values,
            vec![
                "Peadirektor",
                "Erihoolekande ja rehabilitatsiooni talituse talitusejuhataja, \
                 abivahendite talituse talitusejuhataja, ekspertiisi talituse talitusejuhataja",
                "-"
            ]
        );
        // The rule of the rest of the importer: a hyphen of the word stays, a hyphen before a
        // conjunction too, and a hyphen inside a line is not a line break.
        let s = run(
            &[Field::Title, Field::Unit],
            "IT-\narendusjuht Sotsiaal-\nja tervishoiu osakond",
        );
        assert_eq!(
            s.values,
            vec!["IT-arendusjuht", "Sotsiaal- ja tervishoiu osakond"]
        );
        let s = run(&[Field::Title], "Peaspetsialist-\n\nanalüütik");
        assert_eq!(s.values, vec!["Peaspetsialist- analüütik"]);
    }

    #[test]
    fn lists_after_commas_stay_together_and_mirrors_help() {
        let f = [
            Field::Supervisor,
            Field::SubstitutedBy,
            Field::SubstitutesFor,
        ];
        let s = run(
            &f,
            "Peadirektor Osakonna juhataja, Peaspetsialist Osakonna juhatajat, Peaspetsialisti",
        );
        assert_eq!(
            s.values,
            vec![
                "Peadirektor",
                "Osakonna juhataja, Peaspetsialist",
                "Osakonna juhatajat, Peaspetsialisti"
            ]
        );
        assert_eq!(s.warning, None);
    }

    #[test]
    fn an_uncertain_split_is_flagged() {
        let f = [
            Field::Supervisor,
            Field::SubstitutedBy,
            Field::SubstitutesFor,
        ];
        let s = run(&f, "Juhataja Spetsialist Nõunik Analüütik");
        assert_eq!(s.values.len(), 3);
        assert!(
            s.warning.as_deref().is_some_and(|w| w.contains("check")),
            "{s:?}"
        );
    }

    #[test]
    fn too_few_starts_is_an_error() {
        let f = [
            Field::Supervisor,
            Field::SubstitutedBy,
            Field::SubstitutesFor,
        ];
        assert!(split(&f, &normalise("osakonna juhataja peaspetsialist")).is_err());
    }
}
