//! Signature blocks and approval stamps.
//!
//! A signature block is "(allkirjastatud digitaalselt)", a name and a title, or a two-party
//! block ("Poolte allkirjad: Tööandja: Töötaja:") whose columns text extraction put side by
//! side on each line. Unfilled template fields ({Allkirjastaja}, {Ametikoht}) are kept as
//! placeholders, not names. An approval stamp is "KINNITATUD Sotsiaalkindlustusameti
//! peadirektori 06.03.2023 käskkirjaga nr 49 Lisa 1" spread over a few lines.

use crate::dates::{month_year_only, worded_date};
use crate::lines::{Line, find_word_ci, join, join_wrapped};
use crate::record::{ApprovalRecord, Unplaced, Warning};
use ametijuhend_domain::job_description::{Signature, SignatureParty};
use ametijuhend_domain::text::{is_template_field, template_fields};
use ametijuhend_domain::time::parse_date;

const SIGNED: &str = "allkirjastatud digitaalselt";

fn party_of(label: &str) -> Option<SignatureParty> {
    let l = label.trim().trim_end_matches(':').trim().to_lowercase();
    match l.as_str() {
        "tööandja" | "tööandja esindaja" | "teenistuja esindaja" => {
            Some(SignatureParty::Employer)
        }
        "töötaja" | "ametnik" | "teenistuja" | "tutvunud" | "olen ametijuhendiga tutvunud" => {
            Some(SignatureParty::Holder)
        }
        "kinnitan" | "kinnitaja" | "kinnitanud" => Some(SignatureParty::Approver),
        _ => None,
    }
}

/// Party labels making up a whole line ("Tööandja: Töötaja:").
fn party_row(l: &Line) -> Option<Vec<SignatureParty>> {
    let parts: Vec<&str> = l
        .text
        .split(':')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() || !l.text.trim_end().ends_with(':') {
        return None;
    }
    parts.iter().map(|p| party_of(p)).collect()
}

/// A party label with its value on the same line ("Töötaja: Kalev Lattik", "Tööandja: Maret
/// Maripuu"): the party and the value.
fn party_value(l: &Line) -> Option<(SignatureParty, String)> {
    let (label, value) = l.text.split_once(':')?;
    let value = value.trim();
    if value.is_empty() || value.contains(':') {
        return None;
    }
    party_of(label).map(|p| (p, value.to_string()))
}

/// True for the first line of a signature block.
pub fn is_start(l: &Line) -> bool {
    let t = l.text.to_lowercase();
    t.contains(SIGNED)
        || t.starts_with("poolte allkirjad")
        || t.starts_with("allkirjad:")
        || t.starts_with("olen ametijuhendiga tutvunud")
        || party_row(l).is_some()
        || party_value(l).is_some_and(|(p, _)| p != SignatureParty::Approver)
}

#[derive(Debug, Default)]
pub struct SignaturesOut {
    pub signatures: Vec<Signature>,
    pub unplaced: Vec<Unplaced>,
    pub warnings: Vec<Warning>,
}

fn empty(party: SignatureParty) -> Signature {
    Signature {
        party,
        name: None,
        title: None,
        signed_digitally: false,
        date: None,
        placeholders: vec![],
    }
}

/// Reads a signature block. Wrapped lines are joined first ("(allkirjastatud" /
/// "digitaalselt)"), see [`join_wrapped`].
pub fn parse(lines: &[Line]) -> SignaturesOut {
    let lines = join_wrapped(lines);
    let mut out = SignaturesOut::default();
    let mut sigs: Vec<Signature> = Vec::new();
    // Per column: how many of the (name, title) slots are taken.
    let mut slots: Vec<usize> = Vec::new();
    // Parties given one below the other with their names ("Töötaja: Kalev Lattik"): the lines
    // after one belong to it alone.
    let mut inline: Option<usize> = None;
    for l in lines.iter().filter(|l| !l.is_blank()) {
        let lower = l.text.to_lowercase();
        if lower.starts_with("poolte allkirjad") || lower == "allkirjad:" {
            continue;
        }
        if let Some(parties) = party_row(l) {
            sigs = parties.into_iter().map(empty).collect();
            slots = vec![0; sigs.len()];
            inline = None;
            continue;
        }
        if let Some((party, value)) = party_value(l) {
            if inline.is_none() {
                sigs.clear();
                slots.clear();
            }
            let mut sig = empty(party);
            let mut words: Vec<&str> = value.split_whitespace().collect();
            if let Some(d) = words.last().and_then(|w| parse_date(w)) {
                sig.date = Some(d);
                words.pop();
            }
            let name = words.join(" ");
            if is_template_field(&name) {
                sig.placeholders.push(name);
                slots.push(0);
            } else {
                sig.name = Some(name).filter(|n| !n.is_empty());
                slots.push(usize::from(sig.name.is_some()));
            }
            sigs.push(sig);
            inline = Some(sigs.len() - 1);
            continue;
        }
        if sigs.is_empty() {
            sigs.push(empty(SignatureParty::Approver));
            slots.push(0);
        }
        let signed = lower.matches(SIGNED).count();
        if let Some(k) = inline {
            sigs[k].signed_digitally |= signed > 0;
        } else {
            for s in sigs.iter_mut().take(signed.max(usize::from(signed > 0))) {
                s.signed_digitally = true;
            }
        }
        let mut rest = l.text.clone();
        while let Some(p) =
            find_word_ci(&rest, &format!("({SIGNED})")).or_else(|| find_word_ci(&rest, SIGNED))
        {
            let len = if rest[p..].starts_with('(') {
                SIGNED.len() + 2
            } else {
                SIGNED.len()
            };
            rest.replace_range(p..(p + len).min(rest.len()), " ");
        }
        let rest = rest.trim().trim_matches('/').trim();
        if rest.is_empty() {
            continue;
        }
        if let Some(d) = parse_date(rest) {
            match inline {
                Some(k) => {
                    sigs[k].date.get_or_insert(d);
                }
                None => sigs.iter_mut().for_each(|s| {
                    s.date.get_or_insert(d);
                }),
            }
            continue;
        }
        if let Some(k) = inline {
            let v = rest.to_string();
            if is_template_field(&v) {
                sigs[k].placeholders.push(v);
            } else if slots[k] == 0 {
                sigs[k].name = Some(v);
                slots[k] = 1;
            } else if slots[k] == 1 {
                sigs[k].title = Some(v);
                slots[k] = 2;
            } else {
                out.unplaced.push(Unplaced {
                    line: l.no,
                    text: v,
                });
            }
            continue;
        }
        let values = split_columns(l, rest, sigs.len());
        if values.len() > sigs.len()
            || (sigs.len() > 1
                && values.len() < sigs.len()
                && rest.split_whitespace().count() > 1
                && l.cells.len() < 2)
        {
            out.warnings.push(Warning::new(
                Some(l.no),
                Some("signatures"),
                format!("could not tell which signer '{rest}' belongs to: check the signatures"),
            ));
        }
        for (c, v) in values.into_iter().enumerate() {
            let (Some(sig), Some(slot)) = (sigs.get_mut(c), slots.get_mut(c)) else {
                out.unplaced.push(Unplaced {
                    line: l.no,
                    text: v,
                });
                continue;
            };
            if is_template_field(&v) {
                sig.placeholders.push(v);
            } else if *slot == 0 {
                sig.name = Some(v);
            } else if *slot == 1 {
                sig.title = Some(v);
            } else {
                out.unplaced.push(Unplaced {
                    line: l.no,
                    text: v,
                });
                continue;
            }
            *slot += 1;
        }
    }
    out.signatures = sigs;
    out
}

/// Splits a line of a multi-column signature block into one value per column.
fn split_columns(l: &Line, rest: &str, n: usize) -> Vec<String> {
    if n <= 1 {
        return vec![rest.to_string()];
    }
    let cells: Vec<&str> = l
        .cells
        .iter()
        .map(String::as_str)
        .filter(|c| !c.to_lowercase().contains(SIGNED))
        .collect();
    if cells.len() == n {
        return cells.iter().map(|c| c.to_string()).collect();
    }
    let fields = template_fields(rest);
    if !fields.is_empty() && fields.join(" ") == rest {
        return fields;
    }
    let words: Vec<&str> = rest.split_whitespace().collect();
    if words.len() >= n && words.len().is_multiple_of(n) && words.len() > 1 {
        return words.chunks(words.len() / n).map(|c| c.join(" ")).collect();
    }
    vec![rest.to_string()]
}

/// Finds an approval stamp among the lines; returns it with the indices of the lines it used.
pub fn find_stamp(lines: &[Line]) -> Option<(ApprovalRecord, Vec<usize>)> {
    let k = lines
        .iter()
        .position(|l| l.text.to_lowercase().contains("käskkirja"))?;
    let prev_non_blank = |from: usize| (0..from).rev().find(|&i| !lines[i].is_blank());
    let mut used = vec![k];
    let mut cur = k;
    // A "KINNITATUD" line up to three lines above starts the stamp, whatever stands between
    // ("Sotsiaalministeeriumi kantsleri").
    let mut above = Vec::new();
    let mut p = k;
    while let Some(q) = prev_non_blank(p).filter(|&q| q + 4 >= k) {
        above.push(q);
        if lines[q].text.to_lowercase().starts_with("kinnitatud") {
            used.splice(0..0, above.iter().rev().copied());
            cur = q;
            break;
        }
        p = q;
    }
    for _ in 0..2 {
        if used.len() > 1 {
            break;
        }
        let Some(p) = prev_non_blank(cur) else { break };
        let t = lines[p].text.to_lowercase();
        let words: Vec<&str> = t.split_whitespace().collect();
        let stamp_like = t.contains("kinnitatud")
            || t.split_whitespace().any(|w| parse_date(w).is_some())
            || worded_date(&words).is_some()
            || !template_fields(&t).is_empty()
            || t.ends_with("direktori")
            || t.ends_with("juhi");
        if !stamp_like || p + 4 < k {
            break;
        }
        used.insert(0, p);
        cur = p;
    }
    // "Lisa 3" above the stamp (the annex label of another form).
    if let Some(p) = prev_non_blank(cur)
        && p + 3 >= cur
        && is_annex_label(&lines[p].text)
    {
        used.insert(0, p);
    }
    let mut last = k;
    for _ in 0..2 {
        let Some(n) = (last + 1..lines.len()).find(|&i| !lines[i].is_blank()) else {
            break;
        };
        let t = &lines[n].text;
        let words: Vec<&str> = t.split_whitespace().collect();
        let follows = n <= last + 3
            && (is_annex_label(t)
                || (words.len() <= 4
                    && (worded_date(&words).is_some() || month_year_only(t).is_some())));
        if !follows {
            break;
        }
        used.push(n);
        last = n;
    }
    let text = join(used.iter().map(|&i| lines[i].text.as_str()));
    parse_stamp(&text).map(|a| (a, used))
}

/// "Lisa 3", "lisa 3", "Lisa nr 3", "LISA 3": an annex label of at most three words.
pub fn is_annex_label(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    t.starts_with("lisa")
        && t.split_whitespace().count() <= 3
        && t.chars().any(|c| c.is_ascii_digit())
}

/// Parses the text of an approval stamp.
pub fn parse_stamp(text: &str) -> Option<ApprovalRecord> {
    let lower = text.to_lowercase();
    if !lower.contains("käskkirja") && !lower.contains("kinnitatud") {
        return None;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut a = ApprovalRecord {
        placeholders: template_fields(text),
        ..Default::default()
    };
    let start = words
        .iter()
        .position(|w| w.eq_ignore_ascii_case("kinnitatud"))
        .map_or(0, |i| i + 1);
    let mut by = Vec::new();
    let mut by_done = false;
    let worded = worded_date(&words);
    for (i, w) in words.iter().enumerate() {
        let clean = w.trim_end_matches([',', ';']);
        let lw = clean.to_lowercase();
        if let Some((at, d)) = worded.filter(|(at, _)| (*at..*at + 3).contains(&i)) {
            if at == i {
                a.directive_date.get_or_insert(d);
            }
            by_done = true;
        } else if crate::dates::month(clean).is_some()
            && words.get(i + 1).is_some_and(|y| y.parse::<i32>().is_ok())
        {
            // Month and year only ("märts 2024"): no date; the reader warns.
            by_done = true;
        } else if words
            .get(i.wrapping_sub(1))
            .is_some_and(|m| crate::dates::month(m).is_some())
            && clean.parse::<i32>().is_ok()
        {
            by_done = true;
        } else if let Some(d) = parse_date(clean) {
            a.directive_date.get_or_insert(d);
            by_done = true;
        } else if lw == "nr" || lw == "nr." {
            if let Some(n) = words.get(i + 1) {
                let n = n.trim_end_matches([',', '.', ';']);
                if !is_template_field(n) && !n.is_empty() {
                    a.directive_number.get_or_insert(n.to_string());
                }
            }
            by_done = true;
        } else if lw == "lisa" {
            let next = match words.get(i + 1) {
                Some(n) if n.eq_ignore_ascii_case("nr") => words.get(i + 2),
                other => other,
            };
            if let Some(n) = next.and_then(|n| n.trim_end_matches(['.', ',']).parse().ok()) {
                a.annex.get_or_insert(n);
            }
            by_done = true;
        } else if lw.starts_with("käskkirja") || is_template_field(clean) {
            by_done = true;
        } else if i >= start && !by_done && lw != "kinnitatud" {
            by.push(*w);
        }
    }
    if !by.is_empty() {
        a.approved_by = Some(by.join(" "));
    }
    Some(a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::normalise;

    #[test]
    fn two_party_block() {
        let text = "Poolte allkirjad:\n\nTööandja: Töötaja:\n\n(allkirjastatud digitaalselt) (allkirjastatud digitaalselt)\nMaret Maripuu Kalev Lattik\nPeadirektor\n";
        let out = parse(&normalise(text));
        assert_eq!(out.signatures.len(), 2);
        let (a, b) = (&out.signatures[0], &out.signatures[1]);
        assert_eq!(
            (a.party, a.name.as_deref(), a.title.as_deref()),
            (
                SignatureParty::Employer,
                Some("Maret Maripuu"),
                Some("Peadirektor")
            )
        );
        assert_eq!(
            (b.party, b.name.as_deref(), b.title.as_deref()),
            (SignatureParty::Holder, Some("Kalev Lattik"), None)
        );
        assert!(a.signed_digitally && b.signed_digitally);
        assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    }

    #[test]
    fn parties_one_below_the_other() {
        for (label, holder_label) in [
            ("Tööandja", "Töötaja"),
            ("Tööandja esindaja", "Teenistuja"),
            ("Tööandja", "Ametnik"),
        ] {
            let text = format!(
                "{label}: Maret Maripuu\nPeadirektor\n(allkirjastatud digitaalselt)\n\n{holder_label}: Kalev Lattik 06.03.2023\nVeebihaldur\n"
            );
            let lines = normalise(&text);
            assert!(is_start(&lines[0]), "{label}");
            let out = parse(&lines);
            assert_eq!(out.signatures.len(), 2, "{label}: {:?}", out.signatures);
            let (a, b) = (&out.signatures[0], &out.signatures[1]);
            assert_eq!(
                (
                    a.party,
                    a.name.as_deref(),
                    a.title.as_deref(),
                    a.signed_digitally
                ),
                (
                    SignatureParty::Employer,
                    Some("Maret Maripuu"),
                    Some("Peadirektor"),
                    true
                )
            );
            assert_eq!(
                (
                    b.party,
                    b.name.as_deref(),
                    b.title.as_deref(),
                    b.signed_digitally
                ),
                (
                    SignatureParty::Holder,
                    Some("Kalev Lattik"),
                    Some("Veebihaldur"),
                    false
                )
            );
            assert_eq!(b.date.map(|d| d.to_string()).as_deref(), Some("2023-03-06"));
            assert_eq!(a.date, None);
        }
    }

    #[test]
    fn a_wrapped_signature_mark() {
        let text = "Tööandja: Töötaja:\n(allkirjastatud digitaalselt) (allkirjastatud\ndigitaalselt)\nMaret Maripuu Kalev Lattik\n";
        let out = parse(&normalise(text));
        assert!(out.signatures.iter().all(|s| s.signed_digitally));
        let names: Vec<_> = out.signatures.iter().map(|s| s.name.as_deref()).collect();
        assert_eq!(names, vec![Some("Maret Maripuu"), Some("Kalev Lattik")]);
    }

    #[test]
    fn placeholders_are_not_names() {
        let out = parse(&normalise(
            "(allkirjastatud digitaalselt)\n{Allkirjastaja}\n{Ametikoht}\n",
        ));
        let s = &out.signatures[0];
        assert_eq!(s.party, SignatureParty::Approver);
        assert_eq!((s.name.as_deref(), s.title.as_deref()), (None, None));
        assert_eq!(s.placeholders, vec!["{Allkirjastaja}", "{Ametikoht}"]);
    }

    #[test]
    fn stamps() {
        let lines = normalise(
            " Sotsiaalkindlustusameti peadirektori 06.03.2023  \nkäskkirjaga nr 49  \n\n \nAMETIJUHEND",
        );
        let (a, used) = find_stamp(&lines).unwrap();
        assert_eq!(used, vec![0, 1]);
        assert_eq!(a.directive_number.as_deref(), Some("49"));
        assert_eq!(
            a.directive_date.map(|d| d.to_string()).as_deref(),
            Some("2023-03-06")
        );
        assert_eq!(
            a.approved_by.as_deref(),
            Some("Sotsiaalkindlustusameti peadirektori")
        );
        assert_eq!(a.annex, None);
        let a = parse_stamp("KINNITATUD {regDateTime} käskkirjaga nr {regNumber} Lisa").unwrap();
        assert_eq!(a.directive_number, None);
        assert_eq!(a.placeholders, vec!["{regDateTime}", "{regNumber}"]);
        let a = parse_stamp(
            "KINNITATUD Sotsiaalkindlustusameti peadirektori 06.03.2023 käskkirjaga nr 49 Lisa 2",
        )
        .unwrap();
        assert_eq!(a.annex, Some(2));
    }
}
