//! Directives (käskkirjad) approving or amending job descriptions: "KÄSKKIRI", the date and
//! "nr N" (or {regDateTime}/{regNumber}), the title, the legal basis ("Avaliku teenistuse
//! seaduse § 52 … alusel"), numbered clauses — "Kinnitan … vastavalt lisadele 1 kuni N" with
//! the annexes listed ("1.1. … (lisa 1)"), "Tunnistan kehtetuks …" (whole directives or single
//! annexes), "Käskkiri jõustub …" (a date, or on signing applied from a date), the appeal
//! clause — and the signer. The annexes follow, each stamped "KINNITATUD … käskkirjaga nr N
//! Lisa k" and holding one job description, which the job-description layouts read.

use crate::lines::{Line, join, join_lines, split_number};
use crate::record::{
    AnnexRecord, DirectiveBody, DirectiveRecord, RecordSource, RepealRecord, Unplaced, Warning,
};
use crate::sections::signatures;
use ametijuhend_domain::directive::{EntryIntoForce, Signer};
use ametijuhend_domain::text::{is_template_field, template_fields};
use ametijuhend_domain::time::parse_date;

/// The index of the "KÄSKKIRI" heading among the first lines, if any.
pub fn heading_index(lines: &[Line]) -> Option<usize> {
    lines.iter().take(40).position(|l| {
        l.text
            .trim_end_matches(':')
            .eq_ignore_ascii_case("käskkiri")
            || l.text == "KÄSKKIRI"
            || heading_with_date_number(&l.text)
    })
}

/// "KÄSKKIRI 02.03.2025 nr 1.2-3/45p-1": the heading with the register's date and number on
/// the same line.
fn heading_with_date_number(text: &str) -> bool {
    let Some(rest) = text.strip_prefix("KÄSKKIRI ") else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    words.len() <= 6
        && (words
            .iter()
            .any(|w| parse_date(w.trim_end_matches(',')).is_some())
            || crate::dates::worded_date(&words).is_some())
        && words.iter().any(|w| w.eq_ignore_ascii_case("nr"))
}

/// True when the document is a directive: a "KÄSKKIRI" heading near the top.
pub fn matches(lines: &[Line]) -> bool {
    heading_index(lines).is_some()
}

/// Where the annexes start: lines beginning "KINNITATUD" after the directive's heading, or
/// else lone "Lisa N" lines after the signature.
pub fn annex_starts(lines: &[Line]) -> Vec<usize> {
    let from = heading_index(lines).map_or(0, |h| h + 1);
    // An annex label just above the stamp ("Lisa 3" / "KINNITATUD …") starts the annex.
    let stamped: Vec<usize> = (from..lines.len())
        .filter(|&i| lines[i].text.to_lowercase().starts_with("kinnitatud"))
        .map(|i| {
            let above = (from..i).rev().find(|&p| !lines[p].is_blank());
            match above {
                Some(p) if p + 3 >= i && signatures::is_annex_label(&lines[p].text) => p,
                _ => i,
            }
        })
        .collect();
    if !stamped.is_empty() {
        return stamped;
    }
    let sig = (from..lines.len())
        .find(|&i| signatures::is_start(&lines[i]))
        .unwrap_or(lines.len());
    (sig..lines.len())
        .filter(|&i| {
            let t = lines[i].text.to_lowercase();
            let w: Vec<&str> = t.split_whitespace().collect();
            w.len() == 2 && w[0] == "lisa" && w[1].trim_end_matches('.').parse::<u32>().is_ok()
        })
        .collect()
}

fn is_date_or_number(l: &Line) -> bool {
    let t = l.text.to_lowercase();
    l.text.split_whitespace().any(|w| parse_date(w).is_some())
        || t.split_whitespace().any(|w| w == "nr" || w == "nr.")
        || !template_fields(&l.text).is_empty()
}

/// Reads the directive part (everything before the first annex).
pub fn parse(lines: &[Line], source: RecordSource) -> DirectiveRecord {
    let mut d = DirectiveBody::default();
    let mut unplaced = Vec::new();
    let mut warnings = Vec::new();
    let h = heading_index(lines).unwrap_or(0);
    for l in lines[..h].iter().filter(|l| !l.is_blank()) {
        unplaced.push(Unplaced {
            line: l.no,
            text: l.text.clone(),
        });
    }
    // Date and number (on the heading's line, or below it), then the title.
    if lines
        .get(h)
        .is_some_and(|l| heading_with_date_number(&l.text))
    {
        read_date_number(&lines[h].text, &mut d);
    }
    let mut i = h + 1;
    let mut title_at = None;
    while i < lines.len() {
        let l = &lines[i];
        if l.is_blank() {
            i += 1;
            continue;
        }
        if is_date_or_number(l) && title_at.is_none() {
            read_date_number(&l.text, &mut d);
            i += 1;
            continue;
        }
        if title_at.is_none()
            && l.cells.len() == 1
            && l.text.split_whitespace().count() == 1
            && d.date.is_none()
        {
            // A place name ("Tallinn") before the date.
            i += 1;
            continue;
        }
        title_at = Some(i);
        break;
    }
    d.placeholders = lines[h..title_at.unwrap_or(h)]
        .iter()
        .flat_map(|l| template_fields(&l.text))
        .collect();
    let Some(t) = title_at else {
        warnings.push(Warning::new(
            Some(lines.get(h).map_or(1, |l| l.no)),
            Some("directive.title"),
            "no title after the date and number",
        ));
        return DirectiveRecord {
            source,
            directive: d,
            unplaced,
            warnings,
        };
    };
    d.title = lines[t].text.clone();
    let sig = (t + 1..lines.len())
        .find(|&i| signatures::is_start(&lines[i]))
        .unwrap_or(lines.len());
    let body = &lines[t + 1..sig];
    // Clauses: top-level numbers; the legal basis before the first.
    let starts: Vec<usize> = body
        .iter()
        .enumerate()
        .filter(|(_, l)| {
            split_number(&l.text).is_some_and(|(n, r)| !n.contains('.') && !r.is_empty())
        })
        .map(|(i, _)| i)
        .collect();
    let first = starts.first().copied().unwrap_or(body.len());
    let basis = join_lines(&body[..first]);
    let mut clause_texts: Vec<(usize, String)> = Vec::new();
    for (k, &s) in starts.iter().enumerate() {
        let e = starts.get(k + 1).copied().unwrap_or(body.len());
        // An unnumbered paragraph after the last clause (the appeal clause) stands apart.
        let mut end = e;
        if k + 1 == starts.len()
            && let Some(p) = (s + 1..e).find(|&j| {
                body[j].is_blank()
                    && body.get(j + 1).is_some_and(|n| {
                        !n.is_blank() && n.text.to_lowercase().contains("vaidlusta")
                    })
            })
        {
            end = p;
        }
        let text = join(body[s..end].iter().map(|l| l.text.as_str()));
        clause_texts.push((body[s].no, text));
        if end < e {
            clause_texts.push((body[end + 1].no, join_lines(&body[end..e])));
        }
    }
    if !basis.is_empty() {
        d.legal_basis = Some(basis);
    }
    for (line, text) in &clause_texts {
        let lower = text.to_lowercase();
        if lower.contains("vaidlustada") || lower.contains("vaie") && lower.contains("kaebus") {
            d.appeal_clause = Some(strip_clause_number(text));
            continue;
        }
        d.clauses.push(text.clone());
        if lower.contains("kinnitan") {
            d.annexes.extend(annex_list(text));
            if d.annexes.is_empty() {
                for n in annex_range(text) {
                    d.annexes.push(AnnexRecord {
                        annex: n,
                        title: String::new(),
                    });
                }
            }
        }
        if lower.contains("kehtetuks") {
            let r = repeals(text);
            if r.is_empty() {
                warnings.push(Warning::new(
                    Some(*line),
                    Some("directive.repeals"),
                    "a repeal clause names no directive number",
                ));
            }
            d.repeals.extend(r);
        }
        if lower.contains("jõustub") {
            d.entry_into_force = entry_into_force(text);
            if d.entry_into_force.is_none() {
                warnings.push(Warning::new(
                    Some(*line),
                    Some("directive.entry_into_force"),
                    format!("could not read when the directive enters into force from '{text}'"),
                ));
            }
        }
    }
    if sig < lines.len() {
        let s = signatures::parse(&lines[sig..]);
        if let Some(first) = s.signatures.into_iter().next() {
            d.signer = Some(Signer {
                name: first.name,
                title: first.title,
                placeholders: first.placeholders,
            });
        }
        unplaced.extend(s.unplaced);
        warnings.extend(s.warnings);
    }
    for (path, missing) in [
        ("directive.number", d.number.is_none()),
        ("directive.date", d.date.is_none()),
        ("directive.entry_into_force", d.entry_into_force.is_none()),
        ("directive.signer", d.signer.is_none()),
    ] {
        if missing {
            let why = if d.placeholders.is_empty() {
                "not found"
            } else {
                "an unfilled template field (the directive is not registered)"
            };
            warnings.push(Warning::new(None, Some(path), format!("{path}: {why}")));
        }
    }
    DirectiveRecord {
        source,
        directive: d,
        unplaced,
        warnings,
    }
}

fn read_date_number(text: &str, d: &mut DirectiveBody) {
    let words: Vec<&str> = text.split_whitespace().collect();
    if let Some((_, date)) = crate::dates::worded_date(&words) {
        d.date.get_or_insert(date);
    }
    for (i, w) in words.iter().enumerate() {
        if let Some(date) = parse_date(w.trim_end_matches(',')) {
            d.date.get_or_insert(date);
        }
        if (w.eq_ignore_ascii_case("nr") || w.eq_ignore_ascii_case("nr."))
            && let Some(n) = words.get(i + 1)
            && !is_template_field(n)
        {
            d.number
                .get_or_insert(n.trim_end_matches([',', '.']).to_string());
        }
    }
}

fn strip_clause_number(text: &str) -> String {
    split_number(text).map_or(text.to_string(), |(_, r)| r.to_string())
}

/// "1.1. peaspetsialist (STAR kasutajatugi) (lisa 1);" items of an approval clause.
fn annex_list(text: &str) -> Vec<AnnexRecord> {
    let mut out = Vec::new();
    let lower = text.to_lowercase();
    let mut from = 0;
    while let Some(p) = lower[from..].find("(lisa ") {
        let at = from + p;
        let after = &text[at + 6..];
        let num: String = after.chars().take_while(char::is_ascii_digit).collect();
        // The title runs back to the previous item's end (";" or ":" or a sub-number).
        let before = &text[..at];
        let start = before.rfind([';', ':']).map_or(0, |i| i + 1);
        let mut title = before[start..].trim();
        if let Some((_, r)) = split_number(title) {
            title = r;
        }
        // "Kinnitan eksperdi ametijuhendi (lisa 1)": the clause itself, not a title; the
        // annex's own title is taken instead.
        if title.to_lowercase().starts_with("kinnitan ") {
            title = "";
        }
        if let Ok(n) = num.parse() {
            out.push(AnnexRecord {
                annex: n,
                title: title.trim().to_string(),
            });
        }
        from = at + 6;
    }
    out
}

/// "vastavalt lisadele 1 kuni 3" / "lisadele 1–3" / "lisale 1".
fn annex_range(text: &str) -> Vec<u32> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let Some(i) = words
        .iter()
        .position(|w| w.to_lowercase().starts_with("lisa"))
    else {
        return vec![];
    };
    let nums: Vec<u32> = words[i + 1..]
        .iter()
        .take(4)
        .flat_map(|w| w.split(['–', '-']))
        .filter_map(|w| w.trim_end_matches(['.', ',', ':', ';']).parse().ok())
        .collect();
    match nums.as_slice() {
        [a, b, ..] if a <= b && b - a < 200 => (*a..=*b).collect(),
        [a] => vec![*a],
        _ => vec![],
    }
}

fn is_connector(w: &str) -> bool {
    matches!(w, "ja" | "ning") || w.ends_with(';')
}

/// The directives (or single annexes) a "Tunnistan kehtetuks …" clause repeals.
fn repeals(text: &str) -> Vec<RepealRecord> {
    let lower = text.to_lowercase();
    let start = lower.find("kehtetuks").map_or(0, |p| p + "kehtetuks".len());
    let words: Vec<&str> = text[start..].split_whitespace().collect();
    let nrs: Vec<usize> = words
        .iter()
        .enumerate()
        .filter(|(i, w)| {
            w.eq_ignore_ascii_case("nr")
                && *i > 0
                && words[i - 1].to_lowercase().starts_with("käskkir")
        })
        .map(|(i, _)| i)
        .collect();
    let mut out = Vec::new();
    let mut seg_start = 0;
    for (k, &j) in nrs.iter().enumerate() {
        let seg_end = match nrs.get(k + 1) {
            Some(&next) => {
                let date_of_next = (j + 1..next)
                    .rev()
                    .find(|&i| parse_date(words[i]).is_some())
                    .unwrap_or(next);
                (j + 1..date_of_next)
                    .rev()
                    .find(|&i| is_connector(words[i]))
                    .map_or(date_of_next, |c| c + usize::from(words[c].ends_with(';')))
            }
            None => words.len(),
        };
        let seg = &words[seg_start..seg_end];
        let rel = j - seg_start;
        let date = seg[..rel]
            .iter()
            .rev()
            .find_map(|w| parse_date(w.trim_end_matches(',')));
        let number = seg
            .get(rel + 1)
            .map(|n| n.trim_end_matches([',', '.', ';']).to_string());
        let mut annexes: Vec<u32> = Vec::new();
        for (i, w) in seg.iter().enumerate().skip(rel + 2) {
            let lw = w.to_lowercase();
            if lw == "lisa" || lw == "lisad" {
                annexes.extend(
                    seg[i + 1..]
                        .iter()
                        .take_while(|x| {
                            x.trim_end_matches([',', '.', ';']).parse::<u32>().is_ok()
                                || matches!(**x, "ja" | "ning")
                        })
                        .filter_map(|x| x.trim_end_matches([',', '.', ';']).parse::<u32>().ok()),
                );
            }
        }
        let mut clause = seg.join(" ");
        while clause.ends_with([';', ',', '.']) {
            clause.pop();
        }
        let clause = clause
            .trim_start_matches(|c: char| c == ':' || c.is_whitespace())
            .to_string();
        let clause = clause.strip_prefix("ja ").unwrap_or(&clause).to_string();
        if annexes.is_empty() {
            out.push(RepealRecord {
                directive_number: number.clone(),
                directive_date: date,
                annex: None,
                text: clause.clone(),
            });
        }
        for a in annexes {
            out.push(RepealRecord {
                directive_number: number.clone(),
                directive_date: date,
                annex: Some(a),
                text: clause.clone(),
            });
        }
        seg_start = seg_end;
        while seg_start < words.len() && matches!(words[seg_start], "ja" | "ning") {
            seg_start += 1;
        }
    }
    out
}

/// "Käskkiri jõustub allakirjutamisel ja seda rakendatakse alates 01.03.2023" / "… jõustub
/// 01.04.2023".
fn entry_into_force(text: &str) -> Option<EntryIntoForce> {
    let lower = text.to_lowercase();
    let after = &lower[lower.find("jõustub")?..];
    let date = after
        .split_whitespace()
        .find_map(|w| parse_date(w.trim_end_matches([',', ';'])));
    let on_signing = ["allakirjutamis", "allkirjastamis", "teatavakstegemis"]
        .iter()
        .any(|w| after.contains(w));
    if on_signing {
        return Some(EntryIntoForce::OnSigning {
            retroactive_from: date,
        });
    }
    date.map(|date| EntryIntoForce::OnDate { date })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeal_clauses() {
        let r = repeals(
            "2. Tunnistan kehtetuks Sotsiaalkindlustusameti peadirektori 12.01.2022 käskkirja nr 12 „Ametijuhendite kinnitamine“ lisa 4 ja peadirektori 01.02.2021 käskkirja nr 7 „Arendusosakonna ametijuhendid“.",
        );
        assert_eq!(r.len(), 2);
        assert_eq!(
            (r[0].directive_number.as_deref(), r[0].annex),
            (Some("12"), Some(4))
        );
        assert_eq!(
            r[0].directive_date.map(|d| d.to_string()).as_deref(),
            Some("2022-01-12")
        );
        assert_eq!(
            (r[1].directive_number.as_deref(), r[1].annex),
            (Some("7"), None)
        );
        assert!(
            r[1].text.starts_with("peadirektori 01.02.2021"),
            "{}",
            r[1].text
        );
    }

    #[test]
    fn entry_into_force_forms() {
        let e = entry_into_force(
            "3. Käskkiri jõustub allakirjutamisel ja seda rakendatakse alates 01.03.2023.",
        )
        .unwrap();
        assert_eq!(
            e,
            EntryIntoForce::OnSigning {
                retroactive_from: parse_date("01.03.2023")
            }
        );
        let e = entry_into_force("Käskkiri jõustub 01.04.2023.").unwrap();
        assert_eq!(
            e,
            EntryIntoForce::OnDate {
                date: parse_date("01.04.2023").unwrap()
            }
        );
    }

    #[test]
    fn annex_listing() {
        let a = annex_list(
            "1. Kinnitan ametijuhendid vastavalt lisadele 1 kuni 2: 1.1. peaspetsialist (STAR kasutajatugi) (lisa 1); 1.2. talitusejuhataja (lisa 2).",
        );
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].title, "peaspetsialist (STAR kasutajatugi)");
        assert_eq!(a[1].annex, 2);
        assert_eq!(annex_range("vastavalt lisadele 1 kuni 3"), vec![1, 2, 3]);
    }
}
