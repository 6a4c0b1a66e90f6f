//! The duties table ("Põhiülesanded | Oodatavad tulemused"), flattened by text extraction: a
//! numbered duty ("3.1", "2.4.") and, after it, its expected results as bullets (or as lines
//! with a leading space where the bullet was lost). A result that continues after a blank line
//! or a page break stays with its duty; a duty that introduces a list ("…, sh") keeps the
//! lower-case bullets that follow as part of its text. The table header repeated at the top of
//! every page ("Põhiülesanded Oodatavad tulemused") is a page artefact: it is dropped, and the
//! lower-case text after it that finishes an unfinished duty is the rest of the duty's text.

use crate::lines::{
    Item, Line, append, continues, ends_item, items, split_number, uses_soft_bullets,
};
use crate::record::{Unplaced, Warning};
use ametijuhend_domain::job_description::Duty;

/// Duties read from a section, and what could not be placed.
#[derive(Debug, Default)]
pub struct DutiesOut {
    pub duties: Vec<Duty>,
    pub unplaced: Vec<Unplaced>,
    pub warnings: Vec<Warning>,
}

/// True for the table header ("Põhiülesanded Oodatavad tulemused", "Tööülesanded").
fn is_table_header(l: &Line) -> bool {
    let t = l.text.to_lowercase();
    t.contains("oodatavad tulemused")
        || matches!(
            t.trim_end_matches(':'),
            "põhiülesanded"
                | "tööülesanded"
                | "ülesanded"
                | "teenistusülesanded"
                | "peamised tööülesanded"
        )
}

/// The duty number at the start of a line: "3.1", "3.12." or a plain "1." when `plain` is
/// allowed (documents that number duties 1, 2, 3 inside the duties section).
fn duty_number(l: &Line, section_no: Option<&str>, plain: bool) -> Option<(String, String)> {
    if l.bullet {
        return None;
    }
    let (num, rest) = split_number(&l.text)?;
    if rest.is_empty() || rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let nested = num.contains('.');
    let ok = match (nested, section_no) {
        (true, Some(s)) => num.split('.').next() == Some(s),
        (true, None) => true,
        (false, _) => plain,
    };
    ok.then(|| (num, rest.to_string()))
}

/// Reads duties from the lines of the duties section. `section_no` is the section's number
/// ("3"), used to tell duty numbers ("3.1") from other numbers.
pub fn parse(lines: &[Line], section_no: Option<&str>) -> DutiesOut {
    let mut out = DutiesOut::default();
    // The table header goes, at the top and where it is repeated on a new page; the first line
    // after a repeated header is marked as the place where a page resumed the table.
    let mut content: Vec<&Line> = Vec::with_capacity(lines.len());
    let mut resumed: Vec<bool> = Vec::with_capacity(lines.len());
    let mut after_header = false;
    for l in lines {
        if is_table_header(l) {
            after_header = true;
            continue;
        }
        content.push(l);
        resumed.push(after_header && !l.is_blank());
        after_header &= l.is_blank();
    }
    // A number that starts the rest of a wrapped line ("… vastavalt" / "3.2 punktile") is not
    // a duty number.
    let wrapped: Vec<bool> = (0..content.len())
        .map(|i| i > 0 && continues(content[i - 1], content[i]))
        .collect();
    let nested_any = content
        .iter()
        .zip(&wrapped)
        .any(|(l, w)| !w && duty_number(l, section_no, false).is_some());
    let starts: Vec<usize> = content
        .iter()
        .enumerate()
        .filter(|(i, l)| !wrapped[*i] && duty_number(l, section_no, !nested_any).is_some())
        .map(|(i, _)| i)
        .collect();
    let Some(&first) = starts.first() else {
        for l in content.iter().filter(|l| !l.is_blank()) {
            out.unplaced.push(Unplaced {
                line: l.no,
                text: l.text.clone(),
            });
        }
        if !lines.iter().all(Line::is_blank) {
            out.warnings.push(Warning::new(
                lines.first().map(|l| l.no),
                Some("duties"),
                "no numbered duties found (expected lines such as '3.1 …' or '2.1. …')",
            ));
        }
        return out;
    };
    for l in content[..first].iter().filter(|l| !l.is_blank()) {
        out.unplaced.push(Unplaced {
            line: l.no,
            text: l.text.clone(),
        });
    }
    for (k, &s) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(content.len());
        let block: Vec<Line> = content[s..end].iter().map(|l| (*l).clone()).collect();
        let (number, rest) = duty_number(&block[0], section_no, !nested_any).expect("a duty start");
        out.duties
            .push(duty(&number, &rest, &block, &resumed[s..end]));
    }
    let mut seen = std::collections::HashSet::new();
    for d in &out.duties {
        if !seen.insert(d.number.clone()) {
            out.warnings.push(Warning::new(
                None,
                Some("duties"),
                format!("duty number {} is used twice", d.number),
            ));
        }
        if d.expected_results.is_empty() {
            out.warnings.push(Warning::new(
                None,
                Some("duties[].expected_results"),
                format!("duty {} has no expected results", d.number),
            ));
        }
    }
    out
}

fn introduces_list(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with(':')
        || t.ends_with(", sh")
        || t.ends_with(" sh")
        || t.ends_with(",")
        || t.ends_with("sh.")
}

/// One duty block: its first line's text after the number, then the lines below. `resumed`
/// marks (per line of the block) the first line after a table header repeated on a new page.
fn duty(number: &str, first: &str, block: &[Line], resumed: &[bool]) -> Duty {
    let soft = uses_soft_bullets(block);
    let marked = |l: &Line| l.bullet || (soft && l.indented);
    let rest = &block[1..];
    let resumed = &resumed[1..];
    let mut text = String::new();
    append(&mut text, first);

    if !rest.iter().any(marked) {
        // No bullets: a second column on the first line, else the paragraphs after the first
        // finished sentence are the results.
        if block[0].cells.len() >= 2 && rest.iter().all(Line::is_blank) {
            let cells = &block[0].cells;
            let duty_text = split_number(&cells[0])
                .map_or(cells[0].as_str(), |(_, r)| r)
                .to_string();
            return Duty {
                number: number.to_string(),
                text: duty_text,
                expected_results: vec![cells[1..].join(" ")],
            };
        }
        let mut i = 0;
        let mut blank = false;
        while i < rest.len() {
            let l = &rest[i];
            if l.is_blank() {
                blank = true;
            } else if blank && ends_item(&text) {
                break;
            } else {
                append(&mut text, &l.text);
                blank = false;
            }
            i += 1;
        }
        let results = items(&rest[i..], false);
        return Duty {
            number: number.to_string(),
            text,
            expected_results: results.into_iter().map(|it| it.text).collect(),
        };
    }

    // Lines up to the first bullet belong to the duty; lower-case bullets after a duty that
    // introduces a list ("…, sh") too.
    let mut i = 0;
    let mut in_sublist = false;
    while i < rest.len() {
        let l = &rest[i];
        if l.is_blank() {
            i += 1;
            continue;
        }
        if marked(l) {
            let lower = l.text.chars().next().is_some_and(char::is_lowercase);
            if lower && (in_sublist || introduces_list(&text)) {
                in_sublist = true;
                append(&mut text, &l.text);
                i += 1;
                continue;
            }
            break;
        }
        append(&mut text, &l.text);
        i += 1;
    }
    // A duty row split over a page break: the first column goes on under the repeated header
    // ("…, sh" / "Põhiülesanded Oodatavad tulemused" / "vastutusvaldkonna tutvustamine …")
    // after the results printed beside its first part. When the duty is unfinished and the
    // results so far are finished sentences, the lower-case lines up to the next result (or
    // up to a blank line once the duty's sentence ends) are the rest of the duty's text.
    let mut result_lines: Vec<Line> = Vec::new();
    while i < rest.len() {
        let l = &rest[i];
        let carried = resumed[i]
            && !marked(l)
            && l.text.starts_with(char::is_lowercase)
            && !ends_item(&text)
            && items(&result_lines, soft)
                .last()
                .is_none_or(|r| ends_item(&r.text));
        if carried {
            while i < rest.len() && !marked(&rest[i]) && !(rest[i].is_blank() && ends_item(&text)) {
                append(&mut text, &rest[i].text);
                i += 1;
            }
            continue;
        }
        result_lines.push(l.clone());
        i += 1;
    }
    let results: Vec<Item> = items(&result_lines, soft);
    Duty {
        number: number.to_string(),
        text,
        expected_results: results.into_iter().map(|it| it.text).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::normalise;

    #[test]
    fn results_follow_their_duty_across_page_breaks() {
        let text = "Põhiülesanded Oodatavad tulemused\n\n3.15. Teeb ettepanekuid töökorralduse\nlihtsustamiseks.\n\n Tehtud on asjakohased ettepanekud oma\nvaldkonna töökorralduse lihtsustamiseks.\n\n\x0c\n Tehtud on põhjendatud\narendusettepanekud.\n\n3.16. Muu.\n\n Muu tehtud.\n";
        let out = parse(&normalise(text), Some("3"));
        assert_eq!(out.duties.len(), 2);
        assert_eq!(out.duties[0].number, "3.15");
        assert_eq!(
            out.duties[0].text,
            "Teeb ettepanekuid töökorralduse lihtsustamiseks."
        );
        assert_eq!(
            out.duties[0].expected_results,
            vec![
                "Tehtud on asjakohased ettepanekud oma valdkonna töökorralduse lihtsustamiseks.",
                "Tehtud on põhjendatud arendusettepanekud."
            ]
        );
    }

    #[test]
    fn a_duty_split_over_a_page_break_keeps_its_text() {
        // A typst PDF of the 2023 template: the header row is repeated on the new page, and the
        // duty's last line comes after the result printed beside its first part.
        let text = "Põhiülesanded Oodatavad tulemused\n\n3.14. Muude pädevusvaldkonda kuuluvate tege-\nvuste korraldamine ja uuenduste algatamine, sh\n• Muud tööga seotud tegevused ja projektid on\nomal initsiatiivil ja/või juhtkonna korraldusel\nedukalt läbi viidud.\n\nLk 2/5\n\x0c\nPõhiülesanded Oodatavad tulemused\n\nvastutusvaldkonna tutvustamine väljaspool ame-\ntit.\n• Tehtud on põhjendatud muud ameti võimalus-\ntest ja eesmärkidest lähtuvad arendusettepane-\nkud.\n\n3.15. Vahetu juhi antud muude ühekordsete üles-\nannete täitmine.\n• Ülesanded on täidetud nõuetekohaselt ja täht-\naegselt.\n";
        let out = parse(&normalise(text), Some("3"));
        let numbers: Vec<&str> = out.duties.iter().map(|d| d.number.as_str()).collect();
        assert_eq!(numbers, vec!["3.14", "3.15"]);
        assert_eq!(
            out.duties[0].text,
            "Muude pädevusvaldkonda kuuluvate tegevuste korraldamine ja uuenduste algatamine, \
             sh vastutusvaldkonna tutvustamine väljaspool ametit."
        );
        assert_eq!(
            out.duties[0].expected_results,
            vec![
                "Muud tööga seotud tegevused ja projektid on omal initsiatiivil ja/või \
                 juhtkonna korraldusel edukalt läbi viidud.",
                "Tehtud on põhjendatud muud ameti võimalustest ja eesmärkidest lähtuvad \
                 arendusettepanekud."
            ]
        );
        assert_eq!(
            out.duties[1].text,
            "Vahetu juhi antud muude ühekordsete ülesannete täitmine."
        );
        assert!(out.unplaced.is_empty(), "{:?}", out.unplaced);

        // pdftotext puts the header's two cells on lines of their own.
        let text = "3.14. Muude tegevuste korraldamine, sh\n• Muu on tehtud.\nLk 2/5\n\x0c\nPõhiülesanded\n\nOodatavad tulemused\n\nvastutusvaldkonna tutvustamine.\n\n• Tutvustatud.\n";
        let out = parse(&normalise(text), Some("3"));
        assert_eq!(
            out.duties[0].text,
            "Muude tegevuste korraldamine, sh vastutusvaldkonna tutvustamine."
        );
        assert_eq!(
            out.duties[0].expected_results,
            vec!["Muu on tehtud.", "Tutvustatud."]
        );
    }

    #[test]
    fn text_after_a_repeated_header_stays_with_an_unfinished_result() {
        // The result, not the duty, is unfinished at the page break: the lower-case text goes on
        // with the result.
        let text = "3.1. Korraldab tööd, sh\n• Töö on korraldatud ja\n\x0c\nPõhiülesanded Oodatavad tulemused\nkontrollitud.\n• Aruanne on esitatud.\n";
        let out = parse(&normalise(text), Some("3"));
        assert_eq!(out.duties[0].text, "Korraldab tööd, sh");
        assert_eq!(
            out.duties[0].expected_results,
            vec![
                "Töö on korraldatud ja kontrollitud.",
                "Aruanne on esitatud."
            ]
        );
        // A finished duty keeps its text; the line after the header is a result.
        let text = "3.1. Korraldab tööd.\n• Töö on korraldatud.\n\x0c\nPõhiülesanded Oodatavad tulemused\n\nkontrollitud on aruanded.\n";
        let out = parse(&normalise(text), Some("3"));
        assert_eq!(out.duties[0].text, "Korraldab tööd.");
        assert_eq!(
            out.duties[0].expected_results,
            vec!["Töö on korraldatud.", "kontrollitud on aruanded."]
        );
    }

    #[test]
    fn a_duty_with_a_sublist() {
        let text = "3.1 Teenuste tagamine, sh\n▪ teadlikkuse tõstmine;\n▪ järelevalve tagamine.\n▪ Teenused on kvaliteetsed.\n3.2 Muu.  ▪ Tehtud.";
        let out = parse(&normalise(text), Some("3"));
        assert_eq!(
            out.duties[0].text,
            "Teenuste tagamine, sh teadlikkuse tõstmine; järelevalve tagamine."
        );
        assert_eq!(
            out.duties[0].expected_results,
            vec!["Teenused on kvaliteetsed."]
        );
        assert_eq!(out.duties[1].text, "Muu.");
        assert_eq!(out.duties[1].expected_results, vec!["Tehtud."]);
    }

    #[test]
    fn a_wrapped_number_is_not_a_duty() {
        let text = "3.1 Koostab aruandeid vastavalt määruse punktile ja\n3.2 alapunktile.\n▪ Aruanded on koostatud.\n3.2 Muu.  ▪ Tehtud.";
        let out = parse(&normalise(text), Some("3"));
        let numbers: Vec<&str> = out.duties.iter().map(|d| d.number.as_str()).collect();
        assert_eq!(numbers, vec!["3.1", "3.2"]);
        assert_eq!(
            out.duties[0].text,
            "Koostab aruandeid vastavalt määruse punktile ja 3.2 alapunktile."
        );
    }

    #[test]
    fn results_without_bullets() {
        let out = parse(
            &normalise("1. Korraldab tööd.\n\nTöö on korraldatud.\n2. Muu."),
            None,
        );
        assert_eq!(out.duties.len(), 2);
        assert_eq!(out.duties[0].expected_results, vec!["Töö on korraldatud."]);
    }
}
